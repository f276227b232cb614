import { runInNewContext } from 'node:vm';
import { isSuiteScriptError } from '../../src/runtime/errors';
import { baseFixture, inv, makeService, recordModule, type AnyRecord } from './helpers';

function err(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isSuiteScriptError(e)).toBe(true);
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

const withInvoices = () =>
  baseFixture({
    invoice: [inv(100, 10, '2025-01-10', 500), inv(101, 10, '2025-02-10', 300)],
    customerdeposit: [{ id: 300, customer: 10, trandate: '2025-03-05', payment: 600 }],
  });

describe('governance', () => {
  test('units per operation and record category', () => {
    const svc = makeService(withInvoices(), {
      customRecordTypes: [{ scriptid: 'customrecord_x', name: 'X', fields: [] }],
      entityFields: [],
      bodyFields: [],
      customLists: [],
    });
    const { record, meter } = recordModule(svc);
    const step = (fn: () => unknown) => {
      const before = meter.used;
      fn();
      return meter.used - before;
    };
    expect(step(() => record.load({ type: record.Type.INVOICE, id: 100 }))).toBe(10);
    expect(step(() => record.load({ type: record.Type.CUSTOMER, id: 10 }))).toBe(5);
    const c = record.load({ type: 'customer', id: 10 });
    expect(step(() => c.save())).toBe(10);
    const x = record.create({ type: 'customrecord_x' });
    expect(step(() => x.setValue({ fieldId: 'name', value: 'one' }))).toBe(0);
    expect(step(() => x.save())).toBe(4);
    expect(step(() => record.create({ type: 'customrecord_x' }))).toBe(2);
    expect(step(() => record.submitFields({ type: 'customrecord_x', id: x.id, values: { name: 'two' } }))).toBe(2);
    expect(step(() => record.delete({ type: 'customrecord_x', id: x.id }))).toBe(4);
    // One deposit applied by transform + save = 30 units.
    const app = record.transform({ fromType: 'customerdeposit', fromId: 300, toType: 'depositapplication' });
    const line = app.findSublistLineWithValue({ sublistId: 'apply', fieldId: 'doc', value: '100' });
    app.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line, value: true });
    app.save();
    expect(meter.breakdown.get('record.transform')).toEqual({ calls: 1, units: 10 });
    expect(meter.breakdown.get('Record.save')!.units).toBe(10 + 4 + 20);
  });

  test('over the limit → SSS_USAGE_LIMIT_EXCEEDED', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc, 25);
    record.load({ type: 'invoice', id: 100 });
    record.load({ type: 'invoice', id: 100 });
    expect(err(() => record.load({ type: 'invoice', id: 100 })).name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
  });

  test('missing options → SSS_MISSING_REQD_ARGUMENT; unknown type → INVALID_RCRD_TYPE', () => {
    const svc = makeService();
    const { record } = recordModule(svc);
    expect(err(() => record.load({ type: 'customer' })).name).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(err(() => record.create({})).name).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(err(() => record.load({ type: 'widget', id: 1 })).name).toBe('INVALID_RCRD_TYPE');
    expect(err(() => record.create({ type: 'depositapplication' })).name).toBe('INVALID_RCRD_TYPE');
  });
});

describe('Record object', () => {
  test('dates as local-midnight Date objects, selects as string ids, getText', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const r: AnyRecord = record.load({ type: 'invoice', id: 100 });
    const d = r.getValue({ fieldId: 'trandate' });
    expect(d).toBeInstanceOf(Date);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2025, 0, 10, 0]);
    expect(r.getValue('entity')).toBe('10');
    expect(r.getText('entity')).toBe('Acme');
    expect(r.getText('trandate')).toBe('1/10/2025');
    expect(r.getValue('amountremaining')).toBe(500);
    expect(r.getValue('status')).toBe('Open');
    expect(r.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(500);
    expect(r.id).toBe(100);
    r.setValue({ fieldId: 'duedate', value: new Date(2025, 5, 30, 23, 59) });
    r.setValue({ fieldId: 'memo', value: 'hello' });
    expect(r.save()).toBe(100);
    expect(svc.view('invoice', '100').fields).toMatchObject({ duedate: '2025-06-30', memo: 'hello' });
  });

  test('unknown field, derived field and wrong type are errors', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const r: AnyRecord = record.load({ type: 'invoice', id: 100 });
    const e = err(() => r.setValue({ fieldId: 'custbody_nope', value: 1 }));
    expect(e.name).toBe('INVALID_FLD');
    expect(e.message).toMatch(/custbody_nope.*invoice/);
    expect(err(() => r.getValue({ fieldId: 'nope' })).name).toBe('INVALID_FLD');
    expect(err(() => r.setValue({ fieldId: 'amountremaining', value: 1 })).name).toBe('READ_ONLY_FIELD');
    expect(err(() => r.setValue({ fieldId: 'trandate', value: '2025-01-01' })).name).toBe('INVALID_FLD_VALUE');
  });

  test('stale record object → RCRD_HAS_BEEN_CHANGED; deleted → RCRD_DSNT_EXIST', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const a: AnyRecord = record.load({ type: 'customer', id: 11 });
    const b: AnyRecord = record.load({ type: 'customer', id: 11 });
    a.setValue({ fieldId: 'comments', value: 'a' }).save();
    b.setValue({ fieldId: 'comments', value: 'b' });
    expect(err(() => b.save()).name).toBe('RCRD_HAS_BEEN_CHANGED');
    record.delete({ type: 'customer', id: 11 });
    expect(err(() => a.save()).name).toBe('RCRD_DSNT_EXIST');
    expect(err(() => record.load({ type: 'customer', id: 11 })).name).toBe('RCRD_DSNT_EXIST');
  });

  test('dynamic mode: deposit application by selectLine / setCurrentSublistValue / commitLine', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const app: AnyRecord = record.transform({ fromType: 'customerdeposit', fromId: 300, toType: 'depositapplication', isDynamic: true });
    expect(app.isDynamic).toBe(true);
    expect(app.getLineCount({ sublistId: 'apply' })).toBe(2);
    for (let i = 0; i < 2; i++) {
      app.selectLine({ sublistId: 'apply', line: i });
      app.setCurrentSublistValue({ sublistId: 'apply', fieldId: 'apply', value: true });
      app.commitLine({ sublistId: 'apply' });
    }
    // 600 available: 500 to the first, the 100 left to the second.
    expect([0, 1].map((line) => app.getSublistValue({ sublistId: 'apply', fieldId: 'amount', line }))).toEqual([500, 100]);
    const id = app.save();
    expect(svc.view('depositapplication', String(id)).sublists.apply.map((l) => [l.doc, l.amount])).toEqual([
      ['100', 500],
      ['101', 100],
    ]);
    expect(svc.view('invoice', '101').fields.amountremaining).toBe(200);
    expect(svc.view('customerdeposit', '300').fields.status).toBe('Fully Applied');
  });

  test('customer payment by transform: payment follows applied lines unless set', () => {
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const p: AnyRecord = record.transform({ fromType: 'invoice', fromId: 101, toType: 'customerpayment' });
    expect(p.getValue('payment')).toBe(300);
    const l = p.findSublistLineWithValue({ sublistId: 'apply', fieldId: 'doc', value: 100 });
    p.setSublistValue({ sublistId: 'apply', fieldId: 'amount', line: l, value: 50 });
    expect(p.getSublistValue({ sublistId: 'apply', fieldId: 'apply', line: l })).toBe(true);
    expect(p.getValue('payment')).toBe(350);
    p.save();
    expect(svc.view('invoice', '100').fields.amountremaining).toBe(450);
    expect(svc.view('invoice', '101').fields.status).toBe('Paid In Full');
  });
});

describe('user events', () => {
  test('beforeSubmit → write → afterSubmit; a beforeSubmit change is saved', () => {
    const svc = makeService(withInvoices());
    const { record, hooks } = recordModule(svc);
    let storedDuringBefore: unknown = 'unset';
    hooks.onBeforeSubmit = (e) => {
      storedDuringBefore = svc.view('customer', '10').fields.comments ?? null;
      (e.newRecord as AnyRecord).setValue({ fieldId: 'comments', value: 'set in beforeSubmit' });
    };
    const c: AnyRecord = record.load({ type: 'customer', id: 10 });
    c.setValue({ fieldId: 'phone', value: '555' });
    c.save();
    expect(hooks.calls.map((x) => [x.hook, x.type, x.recordType])).toEqual([
      ['beforeSubmit', 'edit', 'customer'],
      ['afterSubmit', 'edit', 'customer'],
    ]);
    expect(storedDuringBefore).toBeNull(); // not written yet
    expect(svc.view('customer', '10').fields).toMatchObject({ phone: '555', comments: 'set in beforeSubmit' });
    const after = hooks.calls[1];
    expect((after.newRecord as AnyRecord).getValue('comments')).toBe('set in beforeSubmit');
    expect((after.oldRecord as AnyRecord).getValue('comments')).toBe('');
    expect(() => (after.oldRecord as AnyRecord).setValue({ fieldId: 'phone', value: '1' })).toThrow();
  });

  test('create fires create with no oldRecord; delete fires delete', () => {
    const svc = makeService();
    const { record, hooks } = recordModule(svc);
    const c: AnyRecord = record.create({ type: record.Type.CUSTOMER });
    c.setValue({ fieldId: 'companyname', value: 'Initech' }).setValue({ fieldId: 'subsidiary', value: 1 });
    const id = c.save();
    record.delete({ type: 'customer', id });
    expect(hooks.calls.map((x) => [x.hook, x.type, x.oldRecord === null])).toEqual([
      ['beforeSubmit', 'create', true],
      ['afterSubmit', 'create', true],
      ['beforeSubmit', 'delete', false],
      ['afterSubmit', 'delete', false],
    ]);
  });

  test('submitFields: xedit with only the changed fields; creditlimit and creditholdoverride not allowed', () => {
    const svc = makeService();
    const { record, hooks } = recordModule(svc);
    expect(record.submitFields({ type: 'customer', id: 10, values: { comments: 'via xedit' } })).toBe(10);
    expect(svc.view('customer', '10').fields.comments).toBe('via xedit');
    const [before, after] = hooks.calls;
    expect([before.hook, before.type, after.hook, after.type]).toEqual(['beforeSubmit', 'xedit', 'afterSubmit', 'xedit']);
    expect((before.newRecord as AnyRecord).toJSON().fields).toEqual({ comments: 'via xedit' });
    expect(err(() => record.submitFields({ type: 'customer', id: 10, values: { creditlimit: 5 } })).message).toMatch(/creditlimit.*submitFields/);
    expect(err(() => record.submitFields({ type: 'customer', id: 10, values: { creditholdoverride: 'ON' } })).name).toBe('INVALID_FLD');
    expect(svc.view('customer', '10').fields.creditlimit).toBe(1000);
  });
});

describe('Dates from another realm (compiled scripts run in the main context, Jest modules in a sandbox)', () => {
  test('setValue accepts a Date whatever realm made it', () => {
    const foreign = runInNewContext('new Date(2026, 10, 27)') as Date;
    expect(foreign instanceof Date).toBe(false);
    const svc = makeService(withInvoices());
    const { record } = recordModule(svc);
    const inv100 = record.load({ type: 'invoice', id: 100 });
    inv100.setValue({ fieldId: 'trandate', value: foreign });
    expect(inv100.getText({ fieldId: 'trandate' })).toBe('11/27/2026');
  });
});
