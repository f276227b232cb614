/**
 * The demo fixture through the real records layer (emulator/src/records/fixture.ts): it must load as a
 * whole, and the records layer's derived amounts must agree with the generator's own summary.
 */
import { Emulator } from '../../src/emulator';
import { DEMO_CUSTOM_FIELDS, generateDemoFixture, summarizeFixture } from '../../src/demo/generate';

const CF = [...DEMO_CUSTOM_FIELDS];

test('300 customers with the custom fields declared load, and derived amounts agree', () => {
  const emu = Emulator.create('2026-11-27', { companyName: 'Demo' }, null);
  emu.records.applyCustomizations({
    customRecordTypes: [],
    customLists: [],
    entityFields: [{ scriptid: 'custentity_ara_collector', fieldtype: 'SELECT', label: 'Collector', appliesTo: ['customer'], selectrecordtype: '-4' }],
    bodyFields: [{ scriptid: 'custbody_ara_disputed', fieldtype: 'CHECKBOX', label: 'Disputed', appliesTo: ['invoice'] }],
  });
  const fixture = generateDemoFixture({ customFields: CF });
  const summary = summarizeFixture(fixture);
  const loaded = emu.loadFixture(fixture);
  expect(loaded).toEqual(summary.counts);

  const rs = emu.records;
  let open = 0;
  let disputed = 0;
  for (const id of rs.ids('invoice')) {
    const v = rs.view('invoice', id);
    if (Number(v.fields.amountremaining) > 0) {
      open++;
      if (v.fields.custbody_ara_disputed === true) disputed++;
    }
  }
  expect(open).toBe(summary.openInvoices);
  expect(disputed).toBe(summary.disputedOpenInvoices);
  const fullyApplied = rs.ids('customerdeposit').filter((id) => rs.view('customerdeposit', id).fields.status === 'Fully Applied').length;
  expect(fullyApplied).toBe(summary.depositsByKind.applied);
  let over = 0;
  for (const id of rs.ids('customer')) {
    const c = rs.view('customer', id).fields;
    if (typeof c.creditlimit === 'number' && Number(c.balance) > c.creditlimit) over++;
  }
  expect(over).toBe(summary.customersOverCreditLimit);
}, 60_000);

test('loadDemo (the npm start path) loads a small company', () => {
  const emu = Emulator.create('2026-11-27', { companyName: 'Demo' }, null);
  const loaded = emu.loadDemo({ customers: 30 });
  expect(loaded.customer).toBe(30);
  expect(loaded.invoice).toBeGreaterThan(0);
}, 60_000);
