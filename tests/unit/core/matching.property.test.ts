/**
 * Property tests of the deposit auto-apply planner (ts/core/matching.ts) on random customers, deposits
 * and invoices: amounts are kept small so that exact amounts, combinations, shared references and
 * ties happen often.
 */
import fc from 'fast-check';
import { type CalendarDate } from '../../../ts/core/dates';
import { type Minor } from '../../../ts/core/money';
import {
  type Application,
  type Deposit,
  type OpenInvoice,
  type Plan,
  type PlanOptions,
  normaliseReference,
  memoReferences,
  planAll,
  planCustomer,
} from '../../../ts/core/matching';

const RUNS = Number(process.env.MATCHING_RUNS ?? 300);

const DATES = ['2024-01-01', '2024-01-15', '2024-02-01', '2024-02-29', '2024-03-10'] as CalendarDate[];
const date = fc.constantFrom(...DATES);
const customer = fc.constantFrom('1', '1', '1', '1', '2', '10');
const currency = fc.constantFrom('USD', 'USD', 'USD', 'EUR');
const subsidiary = fc.constantFrom('1', '1', '1', '2');
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 600 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 0 }) },
);
const salesOrder = fc.constantFrom<string | null>(null, null, 'S1', 'S2');

const invoiceArb = fc.record({
  customerId: customer,
  currency,
  subsidiary,
  tranDate: date,
  dueDate: fc.option(date, { nil: null }),
  amountRemaining: amount,
  otherRefNum: fc.constantFrom<string | null>(null, null, 'PO-1', 'po 2'),
  createdFrom: salesOrder,
  disputed: fc.constantFrom(false, false, false, true),
});

/** A memo naming some invoice numbers and PO numbers in varied spellings, with noise. */
const memoArb = fc
  .array(
    fc.oneof(
      fc.integer({ min: 1, max: 16 }).chain((n) => fc.constantFrom(`INV${n}`, `inv ${n}`, `INV-${n}`, `inv-${n}0`)),
      fc.constantFrom('PO 1', 'PO-2', 'po2', 'thanks', 'deposit', '-', '12', ''),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(' '));

const depositArb = fc.record({
  customerId: customer,
  currency,
  subsidiary,
  date,
  amountUnapplied: fc.oneof(amount, fc.integer({ min: 50, max: 1500 })),
  salesOrderId: salesOrder,
  salesOrderOpen: fc.boolean(),
  memo: memoArb,
});

interface Case {
  deposits: Deposit[];
  invoices: OpenInvoice[];
  options: PlanOptions;
}

function groupKey(r: { customerId: string; currency: string; subsidiary: string }): string {
  return `${r.customerId}|${r.currency}|${r.subsidiary}`;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    deposits: fc.array(depositArb, { maxLength: 8 }),
    invoices: fc.array(invoiceArb, { maxLength: 16 }),
    // Per deposit, optionally: the invoices (positions) whose amounts it pays exactly, so that exact
    // amounts and combinations happen; the deposit then takes the first invoice's customer,
    // currency and subsidiary.
    amountOf: fc.array(fc.option(fc.uniqueArray(fc.nat(15), { minLength: 1, maxLength: 3 }), { nil: null, freq: 2 }), {
      minLength: 8,
      maxLength: 8,
    }),
    oldestFirst: fc.boolean(),
    // Ids are numbered, sometimes in reverse, so that numeric id order matters.
    reverseIds: fc.boolean(),
  })
  .map(({ deposits, invoices, amountOf, oldestFirst, reverseIds }) => ({
    deposits: deposits.map((d, i) => {
      const candidates = (amountOf[i] ?? []).filter((k) => k < invoices.length).map((k) => invoices[k]);
      const picks = candidates.filter((x) => groupKey(x) === groupKey(candidates[0]));
      const total = picks.reduce((t, x) => t + x.amountRemaining, 0);
      const like =
        picks.length > 0 && total > 0
          ? {
              customerId: picks[0].customerId,
              currency: picks[0].currency,
              subsidiary: picks[0].subsidiary,
              // Every other such deposit has no order and no memo, so that rules 3 and 4 see its full amount.
              ...(i % 2 === 0 ? { salesOrderId: null, memo: '' } : {}),
            }
          : {};
      return {
        ...d,
        ...like,
        id: String(reverseIds ? 100 - i : i + 1),
        amountUnapplied: (picks.length > 0 && total > 0 ? total : d.amountUnapplied) as Minor,
      };
    }),
    invoices: invoices.map((x, i) => ({
      ...x,
      id: String(i + 1),
      tranId: `INV${i + 1}`,
      amountRemaining: x.amountRemaining as Minor,
    })),
    options: { oldestFirst },
  }));

/**
 * One customer, one currency and subsidiary, many small amounts: exact amounts, ambiguous and unique
 * combinations and deposits looked at again (stability passes) are common here.
 */
const denseCaseArb: fc.Arbitrary<Case> = fc
  .record({
    deposits: fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 60 }),
        date: fc.constantFrom(...DATES.slice(0, 2)),
        memo: fc.constantFrom('', '', '', 'INV1', 'inv 2', 'INV-3 INV4'),
      }),
      { maxLength: 6 },
    ),
    invoices: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 25 }), due: fc.option(date, { nil: null }), disputed: fc.boolean() }), {
      maxLength: 10,
    }),
    oldestFirst: fc.boolean(),
  })
  .map(({ deposits, invoices, oldestFirst }) => ({
    deposits: deposits.map((d, i) => ({
      id: String(i + 1),
      customerId: '1',
      currency: 'USD',
      subsidiary: '1',
      date: d.date,
      amountUnapplied: d.amount as Minor,
      salesOrderId: null,
      salesOrderOpen: false,
      memo: d.memo,
    })),
    invoices: invoices.map((x, i) => ({
      id: String(i + 1),
      customerId: '1',
      currency: 'USD',
      subsidiary: '1',
      tranDate: DATES[0],
      dueDate: x.due,
      amountRemaining: x.amount as Minor,
      tranId: `INV${i + 1}`,
      otherRefNum: null,
      createdFrom: null,
      disputed: x.disputed && i % 3 === 0,
    })),
    options: { oldestFirst },
  }));

const anyCaseArb = fc.oneof(caseArb, denseCaseArb);

function applyPlan(c: Case, applications: readonly Application[]): Case {
  const byDeposit = new Map<string, number>();
  const byInvoice = new Map<string, number>();
  for (const a of applications) {
    byDeposit.set(a.depositId, (byDeposit.get(a.depositId) ?? 0) + a.amount);
    byInvoice.set(a.invoiceId, (byInvoice.get(a.invoiceId) ?? 0) + a.amount);
  }
  return {
    deposits: c.deposits.map((d) => ({ ...d, amountUnapplied: (d.amountUnapplied - (byDeposit.get(d.id) ?? 0)) as Minor })),
    invoices: c.invoices.map((i) => ({ ...i, amountRemaining: (i.amountRemaining - (byInvoice.get(i.id) ?? 0)) as Minor })),
    options: c.options,
  };
}

function checkInvariants(c: Case, p: Plan): void {
  const deposits = new Map(c.deposits.map((d) => [d.id, d]));
  const invoices = new Map(c.invoices.map((i) => [i.id, i]));
  const perInvoice = new Map<string, number>();
  const perDeposit = new Map<string, number>();
  for (const a of p.applications) {
    const d = deposits.get(a.depositId)!;
    const i = invoices.get(a.invoiceId)!;
    expect(d).toBeDefined();
    expect(i).toBeDefined();
    // Positive integer amounts, isolation, disputed never touched.
    expect(Number.isSafeInteger(a.amount) && a.amount > 0).toBe(true);
    expect(groupKey(d)).toBe(groupKey(i));
    expect([a.customerId, a.currency, a.subsidiary]).toEqual([i.customerId, i.currency, i.subsidiary]);
    expect(i.disputed).toBe(false);
    perInvoice.set(i.id, (perInvoice.get(i.id) ?? 0) + a.amount);
    perDeposit.set(d.id, (perDeposit.get(d.id) ?? 0) + a.amount);
    // Rule-specific evidence.
    if (a.rule === 'SALES_ORDER') expect(i.createdFrom).toBe(d.salesOrderId);
    if (d.salesOrderId !== null && d.salesOrderOpen) expect(a.rule).toBe('SALES_ORDER');
    if (a.rule === 'REFERENCE') {
      const named = memoReferences(d.memo, [i.tranId, i.otherRefNum ?? '']).map((m) => m.normalised);
      expect(named.length).toBeGreaterThan(0);
      expect(named.some((n) => n === normaliseReference(i.tranId) || n === normaliseReference(i.otherRefNum ?? ''))).toBe(true);
    }
  }
  // Never more than an invoice's remaining or a deposit's unapplied amount.
  for (const [id, total] of perInvoice) expect(total).toBeLessThanOrEqual(invoices.get(id)!.amountRemaining);
  for (const [id, total] of perDeposit) expect(total).toBeLessThanOrEqual(deposits.get(id)!.amountUnapplied);
  // Per-deposit outcome agrees with the applications.
  const planned = c.deposits.filter((d) => d.amountUnapplied > 0);
  expect(p.perDeposit.map((o) => o.depositId).sort()).toEqual(planned.map((d) => d.id).sort());
  for (const o of p.perDeposit) {
    const d = deposits.get(o.depositId)!;
    expect(o.applied).toBe(perDeposit.get(d.id) ?? 0);
    expect(o.applied + o.remaining).toBe(d.amountUnapplied);
    expect(new Set(o.rules)).toEqual(new Set(p.applications.filter((a) => a.depositId === d.id).map((a) => a.rule)));
  }
  // A COMBINATION pays each invoice of its set in full, 2 or 3 of them, adding up to the deposit's remainder.
  const combos = new Map<string, Application[]>();
  for (const a of p.applications) {
    if (a.evidence.rule !== 'COMBINATION') continue;
    const k = `${a.depositId}:${a.evidence.invoiceIds.join(',')}`;
    combos.set(k, [...(combos.get(k) ?? []), a]);
  }
  for (const set of combos.values()) {
    expect([2, 3]).toContain(set.length);
    const e = set[0].evidence;
    if (e.rule === 'COMBINATION') expect(set.reduce((s, a) => s + a.amount, 0)).toBe(e.depositRemaining);
  }
  const after = applyPlan(c, p.applications);
  const remainingAfter = new Map(after.invoices.map((i) => [i.id, i.amountRemaining]));
  for (const a of p.applications) {
    if (a.rule === 'COMBINATION' || a.rule === 'EXACT_AMOUNT') expect(remainingAfter.get(a.invoiceId)).toBe(0);
  }
  // Oldest first on: a deposit keeps a remainder only if nothing eligible is left (or its order is open).
  if (c.options.oldestFirst) {
    const open = new Set(after.invoices.filter((i) => !i.disputed && i.amountRemaining > 0).map(groupKey));
    for (const o of p.perDeposit) {
      const d = deposits.get(o.depositId)!;
      if (o.remaining > 0 && !(d.salesOrderId !== null && d.salesOrderOpen)) expect(open.has(groupKey(d))).toBe(false);
    }
  }
}

describe('planner properties', () => {
  test('invariants: bounds, isolation, disputed never touched, evidence', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        checkInvariants(c, planAll(c.deposits, c.invoices, c.options));
      }),
      { numRuns: RUNS },
    );
  });

  test('idempotence: planning again after applying the plan applies nothing', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const p = planAll(c.deposits, c.invoices, c.options);
        const after = applyPlan(c, p.applications);
        expect(planAll(after.deposits, after.invoices, after.options).applications).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('the plan does not depend on the order of the input', () => {
    fc.assert(
      fc.property(anyCaseArb, fc.array(fc.double({ noNaN: true }), { minLength: 30, maxLength: 30 }), (c, keys) => {
        const shuffle = <T>(list: T[]): T[] =>
          list
            .map((x, i) => [x, keys[i % keys.length] + i / 1e6] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([x]) => x);
        const p = planAll(c.deposits, c.invoices, c.options);
        const q = planAll(shuffle(c.deposits), shuffle(c.invoices), c.options);
        expect(q).toEqual(p);
      }),
      { numRuns: RUNS },
    );
  });

  test('planCustomer on each customer gives that customer\u2019s part of planAll; other customers change nothing', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const all = planAll(c.deposits, c.invoices, c.options);
        for (const id of new Set(c.deposits.map((d) => d.customerId))) {
          const own = planCustomer(
            c.deposits.filter((d) => d.customerId === id),
            c.invoices.filter((i) => i.customerId === id),
            c.options,
          );
          expect(own.applications).toEqual(all.applications.filter((a) => a.customerId === id));
          expect(own.perDeposit).toEqual(all.perDeposit.filter((o) => o.customerId === id));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('when OLDEST_FIRST applies nothing, the option changes nothing', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const off = planAll(c.deposits, c.invoices, { oldestFirst: false });
        const on = planAll(c.deposits, c.invoices, { oldestFirst: true });
        if (!on.applications.some((a) => a.rule === 'OLDEST_FIRST')) expect(on.applications).toEqual(off.applications);
      }),
      { numRuns: RUNS },
    );
  });
});
