import { isSuiteScriptError } from '../../src/runtime/errors';
import type { CustomizationSpec } from '../../src/records/schema';
import { customizationsFrom } from '../../src/customizations';
import { baseFixture, makeService, recordModule } from './helpers';

/** A custom record whose customer field is its parent ("Record is Parent"). */
const spec = (isparent = true): CustomizationSpec => ({
  customRecordTypes: [
    {
      scriptid: 'customrecord_ev',
      name: 'Event',
      fields: [
        { scriptid: 'custrecord_ev_customer', fieldtype: 'SELECT', label: 'Customer', selectrecordtype: '-2', ...(isparent ? { isparent: true } : {}) },
        { scriptid: 'custrecord_ev_decision', fieldtype: 'TEXT', label: 'Decision', mandatory: true },
        { scriptid: 'custrecord_ev_amount', fieldtype: 'CURRENCY', label: 'Amount' },
        { scriptid: 'custrecord_ev_currency', fieldtype: 'SELECT', label: 'Currency', selectrecordtype: '-122' },
      ],
    },
  ],
  entityFields: [],
  bodyFields: [],
  customLists: [],
});

const SUB = 'recmachcustrecord_ev_customer';

function err(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isSuiteScriptError(e)).toBe(true);
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

describe('child sublists of parent fields (recmach<fieldid>)', () => {
  test('customizationsFrom carries isparent from the SDF props', () => {
    const s = customizationsFrom({
      objects: [
        {
          type: 'customrecordtype',
          scriptid: 'customrecord_ev',
          recordname: 'Event',
          fields: [{ scriptid: 'custrecord_ev_customer', fieldtype: 'SELECT', label: 'Customer', selectrecordtype: '-2', ismandatory: false, props: { isparent: 'T' } }],
        },
      ],
    } as never);
    expect(s.customRecordTypes[0].fields[0].isparent).toBe(true);
  });

  test('the parent type gets the sublist with the child fields minus the parent field', () => {
    const svc = makeService(baseFixture(), spec());
    const lf = svc.typeInfo('customer')!.sublists[SUB];
    expect(Object.keys(lf)).toEqual(expect.arrayContaining(['id', 'name', 'custrecord_ev_decision', 'custrecord_ev_amount', 'custrecord_ev_currency']));
    expect(lf.custrecord_ev_customer).toBeUndefined();
    expect(makeService(baseFixture(), spec(false)).typeInfo('customer')!.sublists[SUB]).toBeUndefined();
  });

  test('a new line becomes a child record on the parent save, at the cost of the parent save only', () => {
    const svc = makeService(baseFixture(), spec());
    const { record, meter } = recordModule(svc);
    const c = record.load({ type: 'customer', id: 10 });
    expect(c.getLineCount({ sublistId: SUB })).toBe(0);
    c.insertLine({ sublistId: SUB, line: 0 });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_decision', line: 0, value: 'HOLD_PLACED' });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_amount', line: 0, value: 12.5 });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_currency', line: 0, value: '1' });
    c.setValue({ fieldId: 'comments', value: 'x' });
    const before = meter.used;
    c.save();
    expect(meter.used - before).toBe(10);
    const ids = svc.ids('customrecord_ev');
    expect(ids).toHaveLength(1);
    const ev = svc.view('customrecord_ev', ids[0]);
    expect(ev.fields).toMatchObject({ custrecord_ev_customer: '10', custrecord_ev_decision: 'HOLD_PLACED', custrecord_ev_amount: 12.5, custrecord_ev_currency: '1' });
    // The parent's stored record does not keep the lines; loading shows the existing child as a line.
    expect(svc.stored('customer', '10')!.sublists[SUB]).toBeUndefined();
    const again = record.load({ type: 'customer', id: 10 });
    expect(again.getLineCount({ sublistId: SUB })).toBe(1);
    expect(again.getSublistValue({ sublistId: SUB, fieldId: 'id', line: 0 })).toBe(ids[0]);
    expect(again.getSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_decision', line: 0 })).toBe('HOLD_PLACED');
    // Saving again does not duplicate the existing child; a second new line adds one more.
    again.save();
    expect(svc.ids('customrecord_ev')).toHaveLength(1);
    again.insertLine({ sublistId: SUB, line: 1 });
    again.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_decision', line: 1, value: 'HOLD_RELEASED' });
    again.save();
    expect(svc.ids('customrecord_ev')).toHaveLength(2);
    expect(record.load({ type: 'customer', id: 10 }).getLineCount({ sublistId: SUB })).toBe(2);
    expect(record.load({ type: 'customer', id: 11 }).getLineCount({ sublistId: SUB })).toBe(0);
  });

  test('a line is validated like a write of the child: nothing is saved when it is wrong', () => {
    const svc = makeService(baseFixture(), spec());
    const { record } = recordModule(svc);
    const c = record.load({ type: 'customer', id: 10 });
    c.setValue({ fieldId: 'comments', value: 'changed' });
    c.insertLine({ sublistId: SUB, line: 0 });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_amount', line: 0, value: 1 });
    expect(err(() => c.save()).message).toMatch(/Decision/); // mandatory field missing
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_decision', line: 0, value: 'X' });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_currency', line: 0, value: '999' });
    expect(err(() => c.save()).name).toMatch(/INVALID/); // unknown currency
    expect(svc.ids('customrecord_ev')).toHaveLength(0);
    expect(svc.stored('customer', '10')!.fields.comments).toBeUndefined();
    expect(err(() => c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_customer', line: 0, value: '11' })).name).toBe('INVALID_FLD');
  });
});

describe('child sublists: one save', () => {
  test('when a child cannot be written, the parent save fails and nothing is kept', () => {
    const svc = makeService(baseFixture(), spec());
    const { record } = recordModule(svc);
    const orig = svc.write.bind(svc);
    (svc as { write: typeof svc.write }).write = (type, ...rest) => {
      if (type === 'customrecord_ev') throw Object.assign(new Error('no permission'), { name: 'INSUFFICIENT_PERMISSION' });
      return orig(type, ...rest);
    };
    const c = record.load({ type: 'customer', id: 10 });
    const version = svc.stored('customer', '10')!.version;
    c.setValue({ fieldId: 'comments', value: 'changed' });
    c.insertLine({ sublistId: SUB, line: 0 });
    c.setSublistValue({ sublistId: SUB, fieldId: 'custrecord_ev_decision', line: 0, value: 'X' });
    expect(() => c.save()).toThrow('no permission');
    expect(svc.stored('customer', '10')!.version).toBe(version);
    expect(svc.stored('customer', '10')!.fields.comments).toBeUndefined();
    // Without the line the same record saves.
    c.removeLine({ sublistId: SUB, line: 0 });
    c.save();
    expect(svc.stored('customer', '10')!.fields.comments).toBe('changed');
  });
});
