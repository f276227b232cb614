/**
 * Perf sanity (no timing assertions: benchmarks measure speed): 50,000 invoices with payments load and
 * derived fields / search rows read through the indexes.
 */
import { Account, createAccountState } from '../../src/account/account';
import { createRecordService } from '../../src/records/service';
import { loadFixture } from '../../src/records/fixture';
import { baseFixture } from './helpers';

test('50,000 invoices + 25,000 payments: load, views, customer balances, search rows', () => {
  const customers = Array.from({ length: 500 }, (_, i) => ({ id: 1000 + i, companyname: `C${i}`, subsidiary: 1, currency: 1, terms: 1 }));
  const invoices: object[] = [];
  const payments: object[] = [];
  for (let i = 0; i < 50_000; i++) {
    const day = 1 + (i % 28);
    invoices.push({ id: 10_000 + i, entity: 1000 + (i % 500), trandate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`, item: [{ item: 'S', amount: 100 + (i % 7) }] });
    if (i % 2 === 0) payments.push({ id: 100_000 + i, customer: 1000 + (i % 500), trandate: '2025-01-15', payment: 50, apply: [{ doc: 10_000 + i, amount: 50 }] });
  }
  const f = baseFixture({ customer: customers, invoice: invoices, customerpayment: payments });
  f.asOf = '2025-03-31';
  const svc = createRecordService(new Account(createAccountState('2025-03-31')));
  loadFixture(svc, f);
  let remaining = 0;
  for (let i = 0; i < 50_000; i += 10) remaining += Number(svc.view('invoice', String(10_000 + i)).fields.amountremaining);
  expect(remaining).toBeGreaterThan(0);
  let balance = 0;
  for (const c of customers) balance += Number(svc.view('customer', String(c.id)).fields.balance);
  expect(balance).toBeGreaterThan(0);
  let open = 0;
  for (const r of svc.rows('invoice')) if (r.value('status') === 'CustInvc:A') open += Number(r.value('amountremaining'));
  expect(open).toBeCloseTo(balance, 2);
  let lines = 0;
  for (const r of svc.rows('customerpayment', { mainline: false })) if (r.value('appliedtotransaction')) lines++;
  expect(lines).toBe(25_000);
  // An incremental write after all that stays consistent.
  svc.write('customerpayment', null, { customer: '1000', payment: 53, trandate: '2025-03-01' }, { apply: [{ doc: '10500', amount: 53 }] }, null);
  expect(svc.view('invoice', '10500').fields.amountremaining).toBe(0);
});
