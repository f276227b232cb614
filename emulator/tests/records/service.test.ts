import { isSuiteScriptError } from '../../src/runtime/errors';
import { AS_OF, baseFixture, inv, makeService } from './helpers';

function codeOf(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isSuiteScriptError(e)).toBe(true);
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

describe('totals and applications', () => {
  test('invoice total from item lines (amount, or quantity × rate), stored in cents precision', () => {
    const svc = makeService(
      baseFixture({
        invoice: [{ id: 100, entity: 10, trandate: '2025-03-01', item: [{ item: 'A', quantity: 3, rate: 19.99 }, { item: 'B', amount: 0.015 }, { item: 'C', amount: 10.1 }] }],
      }),
    );
    const v = svc.view('invoice', '100');
    expect(v.fields.total).toBe(70.09); // 59.97 + 0.02 + 10.10
    expect(v.fields.amountremaining).toBe(70.09);
    expect(v.fields.status).toBe('Open');
    expect(v.fields.statusRef).toBe('open');
    expect(v.fields.duedate).toBe('2025-03-31'); // Net 30 from the customer's terms
    expect(v.sublists.item[0]).toMatchObject({ amount: 59.97, line: 1 });
  });

  test('partial then full application change amountremaining, amountpaid and status', () => {
    const svc = makeService(baseFixture({ invoice: [inv(100, 10, '2025-01-10', 500)] }));
    const pay = (amount: number, date: string) =>
      svc.write('customerpayment', null, { customer: '10', trandate: date, payment: amount }, { apply: [{ apply: true, doc: '100', amount }] }, null);
    pay(200, '2025-02-01');
    let v = svc.view('invoice', '100');
    expect([v.fields.amountremaining, v.fields.amountpaid, v.fields.status]).toEqual([300, 200, 'Open']);
    const rows = [...svc.rows('invoice')];
    expect(rows[0].value('status')).toBe('CustInvc:A');
    expect(rows[0].text('status')).toBe('Open');
    pay(300, '2025-03-01');
    v = svc.view('invoice', '100');
    expect([v.fields.amountremaining, v.fields.amountpaid, v.fields.status, v.fields.statusRef]).toEqual([0, 500, 'Paid In Full', 'paidInFull']);
    expect([...svc.rows('invoice')][0].value('status')).toBe('CustInvc:B');
  });

  test('AR as of a past date excludes applications dated after it', () => {
    const svc = makeService(
      baseFixture({
        invoice: [inv(100, 10, '2025-01-10', 500), inv(101, 10, '2025-02-20', 100)],
        customerpayment: [{ id: 200, customer: 10, trandate: '2025-02-15', payment: 200, apply: [{ doc: 100, amount: 200 }] }],
        creditmemo: [{ id: 300, entity: 10, trandate: '2025-03-10', item: [{ item: 'RET', amount: 50 }], apply: [{ doc: 100, amount: 50 }] }],
      }),
    );
    expect(svc.remainingAsOf('100', '2025-01-31')).toBe(50000);
    expect(svc.remainingAsOf('100', '2025-02-15')).toBe(30000);
    expect(svc.remainingAsOf('100', '2025-03-31')).toBe(25000);
    expect(svc.remainingAsOf('101', '2025-01-31')).toBe(0); // did not exist yet
    expect(svc.customerAmounts('10', '2025-02-28').balanceC).toBe(40000);
    expect(svc.customerAmounts('10').balanceC).toBe(35000);
    expect(svc.view('invoice', '100').fields.amountremaining).toBe(250);
  });
});

describe('deposits and transforms', () => {
  const fx = () =>
    baseFixture({
      invoice: [
        inv(100, 10, '2025-01-10', 500),
        inv(101, 10, '2025-02-10', 120, { currency: 2 }), // EUR
        inv(102, 10, '2025-02-11', 80, { subsidiary: 2 }), // other subsidiary
        inv(103, 11, '2025-02-12', 90), // other customer
        inv(104, 10, '2025-02-13', 60), // paid below
        inv(105, 10, '2025-03-01', 40),
      ],
      customerpayment: [{ id: 200, customer: 10, trandate: '2025-02-20', payment: 60, apply: [{ doc: 104, amount: 60 }] }],
      customerdeposit: [{ id: 300, customer: 10, trandate: '2025-03-05', payment: 450 }],
    });

  test('deposit → deposit application lists only the customer open invoices in its currency and subsidiary', () => {
    const svc = makeService(fx());
    const t = svc.transform('customerdeposit', '300', 'depositapplication');
    expect(t.fields).toMatchObject({ customer: '10', deposit: '300', currency: '1', subsidiary: '1', trandate: AS_OF });
    expect(t.sublists.apply.map((l) => l.doc)).toEqual(['100', '105']);
    expect(t.sublists.apply[0]).toMatchObject({ apply: false, amount: 0, doc: '100', refnum: 'INV100', due: 500, total: 500, applydate: '2025-01-10', duedate: '2025-02-09', line: 1 });
  });

  test('saving the application stores only ticked lines and updates deposit and invoice', () => {
    const svc = makeService(fx());
    const t = svc.transform('customerdeposit', '300', 'depositapplication');
    t.sublists.apply[0].apply = true;
    t.sublists.apply[0].amount = 450;
    const rec = svc.write('depositapplication', null, t.fields, t.sublists, null);
    expect(rec.sublists.apply).toEqual([{ apply: true, doc: '100', amount: 450 }]);
    expect(svc.view('invoice', '100').fields.amountremaining).toBe(50);
    const dep = svc.view('customerdeposit', '300');
    expect(dep.fields.status).toBe('Fully Applied');
    const depRow = [...svc.rows('customerdeposit')][0];
    expect(depRow.value('status')).toBe('CustDep:C');
    expect(depRow.value('amountremaining')).toBe(0);
    expect(svc.view('depositapplication', rec.id).fields).toMatchObject({ applied: 450, unapplied: 0, depositdate: '2025-03-05' });
  });

  test('over-application is refused: more than the invoice due, or more than the deposit has', () => {
    const svc = makeService(fx());
    const t = svc.transform('customerdeposit', '300', 'depositapplication');
    t.sublists.apply[1].apply = true;
    t.sublists.apply[1].amount = 41; // invoice 105 has 40 due
    const e1 = codeOf(() => svc.write('depositapplication', null, t.fields, t.sublists, null));
    expect(e1.name).toBe('USER_ERROR');
    expect(e1.message).toMatch(/more than the amount due.*INV105/);
    t.sublists.apply[1].amount = 40;
    t.sublists.apply[0].apply = true;
    t.sublists.apply[0].amount = 420; // 460 > 450
    const e2 = codeOf(() => svc.write('depositapplication', null, t.fields, t.sublists, null));
    expect(e2.message).toMatch(/more than the amount of the deposit/);
    expect(svc.view('invoice', '100').fields.amountremaining).toBe(500); // nothing written
  });

  test('deposit statuses: not deposited, deposited, unapproved', () => {
    const svc = makeService(
      baseFixture({
        customerdeposit: [
          { id: 300, customer: 10, trandate: '2025-03-05', payment: 10 },
          { id: 301, customer: 10, trandate: '2025-03-05', payment: 10, undepfunds: false },
          { id: 302, customer: 10, trandate: '2025-03-05', payment: 10, chargeit: true, ccapproved: false },
        ],
      }),
    );
    expect(['300', '301', '302'].map((id) => svc.view('customerdeposit', id).fields.status)).toEqual(['Not Deposited', 'Deposited', 'Unapproved Payment']);
    expect(svc.view('customer', '10').fields.depositbalance).toBe(30);
  });

  test('invoice → customer payment: source ticked for its due, other open docs listed', () => {
    const svc = makeService(fx());
    svc.write('creditmemo', null, { entity: '10', trandate: '2025-03-02' }, { item: [{ item: 'X', amount: 15 }] }, null);
    const t = svc.transform('invoice', '105', 'customerpayment');
    expect(t.fields).toMatchObject({ customer: '10', currency: '1', payment: 40 });
    expect(t.sublists.apply.filter((l) => l.apply).map((l) => [l.doc, l.amount])).toEqual([['105', 40]]);
    expect(t.sublists.apply.map((l) => l.doc)).toEqual(['100', '105']);
    expect(t.sublists.credit).toHaveLength(1);
    expect(t.sublists.deposit.map((l) => l.doc)).toEqual(['300']);
  });

  test('sales order → invoice bills the unbilled lines; fully billed order reads Billed', () => {
    const svc = makeService(
      baseFixture({ salesorder: [{ id: 50, entity: 10, trandate: '2025-03-01', item: [{ item: 'A', quantity: 2, rate: 100 }, { item: 'B', amount: 50 }] }] }),
    );
    expect(svc.view('customer', '10').fields.unbilledorders).toBe(250);
    const t = svc.transform('salesorder', '50', 'invoice');
    expect(t.fields).toMatchObject({ entity: '10', createdfrom: '50', terms: '1', duedate: '2025-04-30' });
    t.sublists.item = t.sublists.item.filter((l) => l.item === 'A');
    svc.write('invoice', null, t.fields, t.sublists, null);
    expect(svc.view('salesorder', '50').fields.status).toBe('Pending Fulfillment');
    expect(svc.view('customer', '10').fields.unbilledorders).toBe(50);
    const t2 = svc.transform('salesorder', '50', 'invoice');
    expect(t2.sublists.item).toEqual([{ item: 'B', amount: 50 }]);
    svc.write('invoice', null, t2.fields, t2.sublists, null);
    const so = svc.view('salesorder', '50');
    expect([so.fields.orderstatus, so.fields.status, so.fields.statusRef]).toEqual(['G', 'Billed', 'fullyBilled']);
    expect([...svc.rows('salesorder')][0].value('status')).toBe('SalesOrd:G');
    expect(svc.view('customer', '10').fields.unbilledorders).toBe(0);
    expect(codeOf(() => svc.transform('salesorder', '50', 'invoice')).name).toBe('INVALID_INITIALIZE_REF');
  });
});

describe('write validation', () => {
  test('unknown field is named with the record type', () => {
    const svc = makeService();
    const e = codeOf(() => svc.write('customer', null, { companyname: 'X', subsidiary: '1', creditlimt: 5 }, {}, null));
    expect(e.name).toBe('INVALID_FLD');
    expect(e.message).toContain('creditlimt');
    expect(e.message).toContain('customer');
  });

  test('wrong value type → INVALID_FLD_VALUE; derived field → READ_ONLY_FIELD', () => {
    const svc = makeService();
    expect(codeOf(() => svc.write('customer', null, { companyname: 'X', subsidiary: '1', creditlimit: 'lots' }, {}, null)).name).toBe('INVALID_FLD_VALUE');
    expect(codeOf(() => svc.write('invoice', null, { entity: '10', trandate: '2025-13-01' }, { item: [{ item: 'A', amount: 1 }] }, null)).name).toBe('INVALID_FLD_VALUE');
    expect(codeOf(() => svc.write('customer', null, { companyname: 'X', subsidiary: '1', balance: 3 }, {}, null)).name).toBe('READ_ONLY_FIELD');
  });

  test('missing required fields → USER_ERROR "Please enter value(s) for:"', () => {
    const svc = makeService();
    const e = codeOf(() => svc.write('customerdeposit', null, { trandate: '2025-03-01' }, {}, null));
    expect(e.name).toBe('USER_ERROR');
    expect(e.message).toMatch(/^Please enter value\(s\) for: .*Customer/);
  });

  test('select pointing at a missing record → INVALID_KEY_OR_REF', () => {
    const svc = makeService();
    const e = codeOf(() => svc.write('invoice', null, { entity: '999', trandate: '2025-03-01' }, { item: [{ item: 'A', amount: 1 }] }, null));
    expect(e.name).toBe('INVALID_KEY_OR_REF');
    expect(e.message).toContain('entity');
    const e2 = codeOf(() => svc.write('customer', null, { companyname: 'X', subsidiary: '1', terms: '77' }, {}, null));
    expect(e2.name).toBe('INVALID_KEY_OR_REF');
  });

  test('stale copy → RCRD_HAS_BEEN_CHANGED; deleted → RCRD_DSNT_EXIST', () => {
    const svc = makeService();
    const v = svc.view('customer', '10');
    const fields = { companyname: 'Acme', subsidiary: '1', currency: '1' };
    svc.write('customer', '10', { ...fields, comments: 'first' }, {}, v.version);
    expect(codeOf(() => svc.write('customer', '10', { ...fields, comments: 'second' }, {}, v.version)).name).toBe('RCRD_HAS_BEEN_CHANGED');
    svc.remove('customer', '11');
    expect(codeOf(() => svc.view('customer', '11')).name).toBe('RCRD_DSNT_EXIST');
    expect(codeOf(() => svc.write('customer', '11', fields, {}, 1)).name).toBe('RCRD_DSNT_EXIST');
    expect(codeOf(() => svc.remove('customer', '11')).name).toBe('RCRD_DSNT_EXIST');
  });

  test('deleting a transaction others apply to, or a customer with transactions, is refused', () => {
    const svc = makeService(
      baseFixture({ invoice: [inv(100, 10, '2025-01-10', 500)], customerpayment: [{ id: 200, customer: 10, trandate: '2025-02-01', payment: 10, apply: [{ doc: 100, amount: 10 }] }] }),
    );
    expect(codeOf(() => svc.remove('invoice', '100')).name).toBe('THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS');
    expect(codeOf(() => svc.remove('customer', '10')).name).toBe('THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS');
    svc.remove('customerpayment', '200');
    expect(svc.view('invoice', '100').fields.amountremaining).toBe(500);
    svc.remove('invoice', '100');
    expect(svc.exists('invoice', '100')).toBe(false);
  });

  test('transactions share one id sequence; entities another', () => {
    const svc = makeService(baseFixture({ invoice: [inv(100, 10, '2025-01-10', 5)] }));
    const so = svc.write('salesorder', null, { entity: '10' }, { item: [{ item: 'A', amount: 1 }] }, null);
    expect(so.id).toBe('101');
    expect(so.fields.tranid).toBe('SO101');
    const c = svc.write('customer', null, { companyname: 'New', subsidiary: '1' }, {}, null);
    expect(c.id).toBe('12'); // after customers 10, 11 and employee 5
  });
});

describe('customer derived fields', () => {
  const fixture = () =>
    baseFixture({
      currency: [{ id: 3, name: 'GBP', symbol: 'GBP', exchangerate: 1.25 }],
      invoice: [
        inv(100, 10, '2025-01-01', 400), // due 01-31: 59 days overdue at 03-31
        inv(101, 10, '2025-03-15', 300), // due 04-14: current
        inv(102, 10, '2025-02-10', 100, { currency: 3, exchangerate: 1.25 }), // due 03-12 overdue 19 days, base 125
      ],
      creditmemo: [{ id: 150, entity: 10, trandate: '2025-03-01', item: [{ item: 'R', amount: 30 }] }],
      customerpayment: [{ id: 200, customer: 10, trandate: '2025-03-20', payment: 250, apply: [{ doc: 100, amount: 200 }] }],
      salesorder: [
        { id: 50, entity: 10, trandate: '2025-03-01', item: [{ item: 'A', amount: 70 }] },
        { id: 51, entity: 10, trandate: '2025-03-01', orderstatus: 'A', item: [{ item: 'A', amount: 1000 }] },
      ],
      customerdeposit: [{ id: 300, customer: 10, trandate: '2025-03-05', payment: 20 }],
    });

  test('balance, overdue balance, days overdue, deposit balance, unbilled orders (base currency)', () => {
    const svc = makeService(fixture());
    const f = svc.view('customer', '10').fields;
    // open invoices 200 + 300 + 125 − credit memo 30 − unapplied payment 50
    expect(f.balance).toBe(545);
    expect(f.overduebalance).toBe(325);
    expect(f.daysoverdue).toBe(59);
    expect(f.depositbalance).toBe(20);
    expect(f.unbilledorders).toBe(70); // pending approval order excluded
    const row = [...svc.rows('transaction')].find((r) => r.id === '100')!;
    expect(row.value('daysoverdue')).toBe(59);
  });

  test('oncredithold: AUTO over limit, ON, OFF; creditholdoverride defaults to AUTO', () => {
    const svc = makeService(fixture());
    const base = { companyname: 'Acme', subsidiary: '1', currency: '1', terms: '1' };
    expect(svc.view('customer', '10').fields).toMatchObject({ creditholdoverride: 'AUTO', oncredithold: false }); // 545 ≤ 1000
    let v = svc.view('customer', '10');
    svc.write('customer', '10', { ...base, creditlimit: 500 }, {}, v.version);
    expect(svc.view('customer', '10').fields.oncredithold).toBe(true);
    v = svc.view('customer', '10');
    svc.write('customer', '10', { ...base, creditlimit: 500, creditholdoverride: 'OFF' }, {}, v.version);
    expect(svc.view('customer', '10').fields.oncredithold).toBe(false);
    v = svc.view('customer', '10');
    svc.write('customer', '10', { ...base, creditlimit: 5000, creditholdoverride: 'ON' }, {}, v.version);
    expect(svc.view('customer', '10').fields.oncredithold).toBe(true);
    const row = [...svc.rows('customer')].find((r) => r.id === '10')!;
    expect([row.value('oncredithold'), row.value('credithold'), row.value('manualcredithold')]).toEqual([true, 'ON', true]);
    expect(svc.view('customer', '11').fields).toMatchObject({ creditholdoverride: 'AUTO', oncredithold: false });
  });
});

describe('customizations', () => {
  test('custom record types, entity/body fields and custom lists', () => {
    const spec = {
      customRecordTypes: [
        {
          scriptid: 'customrecord_ara_run',
          name: 'ARA Run',
          fields: [
            { scriptid: 'custrecord_ara_run_status', fieldtype: 'SELECT', label: 'Status', selectrecordtype: '[scriptid=customlist_ara_status]', mandatory: true },
            { scriptid: 'custrecord_ara_run_customer', fieldtype: 'SELECT', label: 'Customer', selectrecordtype: '-2' },
          ],
        },
      ],
      entityFields: [{ scriptid: 'custentity_ara_tier', fieldtype: 'TEXT', label: 'Tier', appliesTo: ['customer'] }],
      bodyFields: [{ scriptid: 'custbody_ara_auto', fieldtype: 'CHECKBOX', label: 'Auto', appliesTo: ['invoice', 'depositapplication'] }],
      customLists: [{ scriptid: 'customlist_ara_status', values: [{ scriptid: 'val_ok', value: 'OK' }, { scriptid: 'val_fail', value: 'Failed' }] }],
    };
    const svc = makeService(
      baseFixture({
        customrecord_ara_run: [{ id: 1, name: 'run 1', custrecord_ara_run_status: 2, custrecord_ara_run_customer: 10 }],
        invoice: [inv(100, 10, '2025-01-01', 5, { custbody_ara_auto: true })],
      }),
      spec,
    );
    expect(svc.typeInfo('customrecord_ara_run')).toMatchObject({ category: 'custom', idFamily: 'customrecord_ara_run' });
    const run = [...svc.rows('customrecord_ara_run')][0];
    expect([run.value('custrecord_ara_run_status'), run.text('custrecord_ara_run_status')]).toEqual(['2', 'Failed']);
    expect(run.join('custrecord_ara_run_customer')?.value('companyname')).toBe('Acme');
    expect([...svc.rows('transaction')].find((r) => r.id === '100')!.value('custbody_ara_auto')).toBe(true);
    const e = codeOf(() => svc.write('customrecord_ara_run', null, { name: 'x', custrecord_ara_run_status: '9' }, {}, null));
    expect(e.name).toBe('INVALID_KEY_OR_REF');
    expect(codeOf(() => svc.write('customrecord_ara_run', null, { name: 'x' }, {}, null)).message).toMatch(/Please enter value\(s\) for: Status/);
    svc.write('customer', '11', { companyname: 'Globex', subsidiary: '1', currency: '1', custentity_ara_tier: 'gold' }, {}, null);
    expect(svc.view('customer', '11').fields.custentity_ara_tier).toBe('gold');
  });
});
