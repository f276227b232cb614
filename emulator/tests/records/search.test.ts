import { baseFixture, inv, makeService } from './helpers';

const fixture = () =>
  baseFixture({
    invoice: [inv(100, 10, '2025-01-10', 500), inv(101, 10, '2025-02-10', 200, { currency: 2, exchangerate: 1.1 })],
    customerpayment: [
      { id: 200, customer: 10, trandate: '2025-02-15', payment: 100, apply: [{ doc: 100, amount: 100 }] },
      { id: 201, customer: 10, trandate: '2025-03-15', payment: 50, currency: 2, exchangerate: 1.1, apply: [{ doc: 101, amount: 50 }] },
    ],
    customerdeposit: [{ id: 300, customer: 10, trandate: '2025-03-01', payment: 300 }],
    depositapplication: [{ id: 301, deposit: 300, trandate: '2025-03-20', apply: [{ doc: 100, amount: 120 }] }],
  });

describe('search rows', () => {
  test('transaction mainline rows: type, status, base vs foreign amounts, entity text', () => {
    const svc = makeService(fixture());
    const rows = [...svc.rows('transaction')];
    expect(rows.map((r) => [r.id, r.value('type')])).toEqual([
      ['100', 'CustInvc'],
      ['101', 'CustInvc'],
      ['200', 'CustPymt'],
      ['201', 'CustPymt'],
      ['300', 'CustDep'],
      ['301', 'DepAppl'],
    ]);
    const eur = rows[1];
    expect(eur.text('type')).toBe('Invoice');
    expect([eur.value('amount'), eur.value('fxamount'), eur.value('amountremaining'), eur.value('fxamountremaining')]).toEqual([220, 200, 165, 150]);
    expect([eur.value('entity'), eur.text('entity'), eur.text('currency'), eur.value('mainline'), eur.value('trandate')]).toEqual(['10', 'Acme', 'EUR', true, '2025-02-10']);
    expect(rows[4].value('amountremaining')).toBe(180); // deposit unapplied
    expect(rows[4].value('status')).toBe('CustDep:A');
    expect(rows[0].join('customer')!.value('balance')).toBe(280 + 165);
    expect(rows[0].join('customermain')!.value('entityid')).toBe('Acme');
    expect(rows[0].join('subsidiary')!.value('name')).toBe('Parent Co');
  });

  test('mainline false: one row per apply line with appliedtotransaction, amount applied and applying date', () => {
    const svc = makeService(fixture());
    const applied = [...svc.rows('transaction', { mainline: false })]
      .filter((r) => r.value('appliedtotransaction'))
      .map((r) => [r.value('type'), r.value('appliedtotransaction'), r.value('appliedtolinkamount'), r.value('trandate'), r.join('appliedtotransaction')!.value('tranid')]);
    expect(applied).toEqual([
      ['CustPymt', '100', 100, '2025-02-15', 'INV100'],
      ['CustPymt', '101', 50, '2025-03-15', 'INV101'],
      ['DepAppl', '100', 120, '2025-03-20', 'INV100'],
    ]);
    const items = [...svc.rows('invoice', { mainline: false })].map((r) => [r.id, r.value('item'), r.value('quantity'), r.value('rate'), r.value('amount'), r.value('mainline')]);
    expect(items).toEqual([
      ['100', 'SVC', 1, 500, 500, false],
      ['101', 'SVC', 1, 200, 220, false],
    ]);
  });

  test('field metadata: hasField / fieldType, through joins', () => {
    const svc = makeService(fixture());
    expect(svc.fieldType('transaction', 'amountremaining')).toBe('currency');
    expect(svc.fieldType('invoice', 'trandate')).toBe('date');
    expect(svc.hasField('invoice', 'nope')).toBe(false);
    expect(svc.fieldType('transaction', 'balance', 'customer')).toBe('currency');
    expect(svc.fieldType('transaction', 'daysoverdue', 'appliedtotransaction')).toBe('integer');
    expect(svc.hasField('customer', 'oncredithold')).toBe(true);
    expect(svc.fieldType('customer', 'creditholdoverride')).toBe('checkbox');
    expect(svc.hasField('transaction', 'x', 'nojoin')).toBe(false);
    expect(() => svc.rows('widget')).toThrow(/invalid search type/);
    expect([...svc.rows('currency')].map((r) => [r.value('name'), r.value('isbasecurrency')])).toEqual([
      ['USD', true],
      ['EUR', false],
    ]);
  });
});
