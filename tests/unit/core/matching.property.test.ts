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
  compareIds,
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

/**
 * One customer with 33–70 open invoices (beyond the engine's small-group scans, so its indexes and its
 * amount-sorted view are used), shared PO numbers and sales orders, plus a few invoices of others.
 */
const bigCaseArb: fc.Arbitrary<Case> = fc
  .record({
    invoices: fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 40 }),
        due: fc.option(date, { nil: null }),
        po: fc.constantFrom<string | null>(null, null, 'PO-1', 'PO-2', 'PO-3'),
        so: fc.constantFrom<string | null>(null, null, null, 'S1', 'S2'),
        customerId: fc.constantFrom('1', '1', '1', '1', '1', '1', '1', '1', '1', '2'),
        disputed: fc.constantFrom(false, false, false, false, true),
      }),
      { minLength: 36, maxLength: 78 },
    ),
    deposits: fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 300 }),
        date,
        memo: fc.array(fc.oneof(fc.integer({ min: 1, max: 80 }).map((n) => `inv ${n}`), fc.constantFrom('PO-2', 'po 1', 'x')), { maxLength: 3 }),
        so: fc.constantFrom<string | null>(null, null, 'S1', 'S2'),
        open: fc.boolean(),
        customerId: fc.constantFrom('1', '1', '1', '2'),
      }),
      { maxLength: 10 },
    ),
    oldestFirst: fc.boolean(),
  })
  .map(({ invoices, deposits, oldestFirst }) => ({
    deposits: deposits.map((d, i) => ({
      id: String(i + 1),
      customerId: d.customerId,
      currency: 'USD',
      subsidiary: '1',
      date: d.date,
      amountUnapplied: d.amount as Minor,
      salesOrderId: d.so,
      salesOrderOpen: d.open,
      memo: d.memo.join(', '),
    })),
    invoices: invoices.map((x, i) => ({
      id: String(i + 1),
      customerId: x.customerId,
      currency: 'USD',
      subsidiary: '1',
      tranDate: DATES[i % DATES.length],
      dueDate: x.due,
      amountRemaining: x.amount as Minor,
      tranId: `INV${i + 1}`,
      otherRefNum: x.po,
      createdFrom: x.so,
      disputed: x.disputed,
    })),
    options: { oldestFirst },
  }));

const anyCaseArb = fc.oneof(caseArb, denseCaseArb, bigCaseArb);

/**
 * One group of 34–48 invoices with many deposits and small, often equal amounts: every deposit moves
 * invoices in the engine's amount-sorted view (updated in place, not re-sorted), so EXACT_AMOUNT and
 * COMBINATION read a view that has been changed many times.
 */
const churnCaseArb: fc.Arbitrary<Case> = fc
  .record({
    invoices: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 20 }), due: fc.option(date, { nil: null }) }), { minLength: 34, maxLength: 48 }),
    deposits: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 45 }), date }), { minLength: 5, maxLength: 16 }),
    oldestFirst: fc.boolean(),
  })
  .map(({ invoices, deposits, oldestFirst }) => ({
    deposits: deposits.map((d, i) => ({
      id: String(i + 1),
      customerId: '1',
      currency: 'USD',
      subsidiary: '1',
      date: d.date,
      amountUnapplied: d.amount as Minor,
      salesOrderId: null,
      salesOrderOpen: false,
      memo: '',
    })),
    invoices: invoices.map((x, i) => ({
      id: String(i + 1),
      customerId: '1',
      currency: 'USD',
      subsidiary: '1',
      tranDate: DATES[i % DATES.length],
      dueDate: x.due,
      amountRemaining: x.amount as Minor,
      tranId: `INV${i + 1}`,
      otherRefNum: null,
      createdFrom: null,
      disputed: false,
    })),
    options: { oldestFirst },
  }));

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

type Row = [string, string, number, string];

/**
 * The rules written out as literally as possible (linear scans, brute-force combinations, every
 * deposit with a remainder looked at again until a pass changes nothing): the engine must agree
 * with it application for application.
 */
function naivePlan(c: Case): Row[] {
  const rem = new Map<string, number>();
  const open = c.invoices.filter((i) => !i.disputed && i.amountRemaining > 0);
  for (const i of open) rem.set(i.id, i.amountRemaining);
  const deps = c.deposits.filter((d) => d.amountUnapplied > 0);
  const drem = new Map(deps.map((d) => [d.id, d.amountUnapplied as number]));
  const due = (i: OpenInvoice): string => i.dueDate ?? i.tranDate;
  const oldest = (a: OpenInvoice, b: OpenInvoice): number => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : compareIds(a.id, b.id));
  const soOrder = (a: OpenInvoice, b: OpenInvoice): number =>
    due(a) !== due(b) ? (due(a) < due(b) ? -1 : 1) : a.tranDate !== b.tranDate ? (a.tranDate < b.tranDate ? -1 : 1) : compareIds(a.id, b.id);
  const out: Row[] = [];

  const evaluate = (d: Deposit): void => {
    const group = open.filter((i) => groupKey(i) === groupKey(d));
    const left = (): number => drem.get(d.id)!;
    const apply = (i: OpenInvoice, amount: number, rule: string): void => {
      drem.set(d.id, left() - amount);
      rem.set(i.id, rem.get(i.id)! - amount);
      out.push([d.id, i.id, amount, rule]);
    };
    if (d.salesOrderId !== null) {
      for (const i of group.filter((x) => x.createdFrom === d.salesOrderId).sort(soOrder)) {
        if (left() > 0 && rem.get(i.id)! > 0) apply(i, Math.min(left(), rem.get(i.id)!), 'SALES_ORDER');
      }
      if (d.salesOrderOpen) return;
    }
    const refs = group.flatMap((i) => [i.tranId, i.otherRefNum ?? '']);
    for (const m of memoReferences(d.memo, refs)) {
      const named = group.filter((i) => normaliseReference(i.tranId) === m.normalised || normaliseReference(i.otherRefNum ?? '') === m.normalised);
      for (const i of named.sort(oldest)) if (left() > 0 && rem.get(i.id)! > 0) apply(i, Math.min(left(), rem.get(i.id)!), 'REFERENCE');
    }
    if (left() === 0) return;
    const exact = group.filter((i) => rem.get(i.id) === left()).sort(oldest);
    if (exact.length > 0) return apply(exact[0], left(), 'EXACT_AMOUNT');
    const live = group.filter((i) => rem.get(i.id)! > 0);
    const sets: OpenInvoice[][] = [];
    for (let a = 0; a < live.length; a++)
      for (let b = a + 1; b < live.length; b++) {
        const ab = rem.get(live[a].id)! + rem.get(live[b].id)!;
        if (ab === left()) sets.push([live[a], live[b]]);
        for (let k = b + 1; k < live.length; k++) if (ab + rem.get(live[k].id)! === left()) sets.push([live[a], live[b], live[k]]);
      }
    if (sets.length === 1) {
      for (const i of sets[0].sort(oldest)) apply(i, rem.get(i.id)!, 'COMBINATION');
      return;
    }
    if (c.options.oldestFirst) {
      for (const i of live.sort(oldest)) if (left() > 0) apply(i, Math.min(left(), rem.get(i.id)!), 'OLDEST_FIRST');
    }
  };

  for (const customerId of [...new Set(deps.map((d) => d.customerId))].sort(compareIds)) {
    const mine = deps
      .filter((d) => d.customerId === customerId)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
    for (;;) {
      const before = out.length;
      for (const d of mine) if (drem.get(d.id)! > 0) evaluate(d);
      if (out.length === before) break;
    }
  }
  return out;
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
  const rulesOf = new Map<string, Set<string>>();
  for (const a of p.applications) rulesOf.set(a.depositId, (rulesOf.get(a.depositId) ?? new Set<string>()).add(a.rule));
  const planned = c.deposits.filter((d) => d.amountUnapplied > 0);
  expect(p.perDeposit.map((o) => o.depositId).sort()).toEqual(planned.map((d) => d.id).sort());
  for (const o of p.perDeposit) {
    const d = deposits.get(o.depositId)!;
    expect(o.applied).toBe(perDeposit.get(d.id) ?? 0);
    expect(o.applied + o.remaining).toBe(d.amountUnapplied);
    expect(new Set(o.rules)).toEqual(rulesOf.get(d.id) ?? new Set());
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

  test('agrees with a literal implementation of the rules, application for application', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const p = planAll(c.deposits, c.invoices, c.options);
        expect(p.stats.combinationGaveUp).toBe(0); // small cases: every search completes
        expect(p.applications.map((a): Row => [a.depositId, a.invoiceId, a.amount, a.rule])).toEqual(naivePlan(c));
      }),
      { numRuns: RUNS },
    );
  });

  test('agrees with the literal implementation in a large group changed by many deposits', () => {
    fc.assert(
      fc.property(churnCaseArb, (c) => {
        const p = planCustomer(c.deposits, c.invoices, c.options);
        expect(p.stats.combinationGaveUp).toBe(0);
        expect(p.applications.map((a): Row => [a.depositId, a.invoiceId, a.amount, a.rule])).toEqual(naivePlan(c));
        checkInvariants(c, p);
      }),
      { numRuns: Math.ceil(RUNS / 3) }, // the literal implementation is cubic in the invoices
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
