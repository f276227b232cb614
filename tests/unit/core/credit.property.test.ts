import fc from 'fast-check';
import {
  type CreditInput,
  type CreditSettings,
  type HoldState,
  type OverdueInvoice,
  DEFAULT_CREDIT_SETTINGS,
  decideHold,
  decideOrder,
  evaluateCustomer,
  overdueBeyondGrace,
  resolveSettings,
  shouldHold,
} from '../../../ts/core/credit';
import { type CalendarDate, addDays, parseIsoDate } from '../../../ts/core/dates';
import { type Minor, minor } from '../../../ts/core/money';

const ASOF = parseIsoDate('2026-03-31');
const amt = (max = 100_000_000): fc.Arbitrary<Minor> => fc.integer({ min: 0, max }).map(minor);

const settingsArb: fc.Arbitrary<CreditSettings> = fc
  .record({
    graceDays: fc.integer({ min: 0, max: 120 }),
    minOverdue: amt(1_000_000),
    limitTolerancePct: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100),
    includeUnbilledOrders: fc.boolean(),
    failMode: fc.constantFrom('open' as const, 'closed' as const),
  })
  .map((r) => resolveSettings(DEFAULT_CREDIT_SETTINGS, r));

const invoiceArb: fc.Arbitrary<OverdueInvoice> = fc.record({
  amountRemaining: amt(10_000_000),
  dueDate: fc.option(fc.integer({ min: -400, max: 60 }).map((n) => addDays(ASOF, -n)), { nil: null }),
  tranDate: fc.integer({ min: 0, max: 500 }).map((n) => addDays(ASOF, -n)),
});

/** A customer input; overdue as invoices (the aggregate form is checked for agreement separately). */
const inputArb: fc.Arbitrary<CreditInput> = fc.record({
  currency: fc.constant('USD'),
  creditLimit: fc.option(amt(), { nil: null }),
  openInvoices: amt(),
  unappliedCredits: amt(10_000_000),
  unbilledOrders: amt(),
  unappliedDeposits: amt(10_000_000),
  order: fc.option(
    fc.record({ total: amt(10_000_000), previousTotal: fc.option(amt(10_000_000), { nil: null }) }),
    { nil: null },
  ),
  overdue: fc.array(invoiceArb, { maxLength: 6 }).map((invoices) => ({ invoices, asOf: ASOF as CalendarDate })),
});

const holdStateArb: fc.Arbitrary<HoldState> = fc.record({
  hold: fc.constantFrom('AUTO' as const, 'ON' as const, 'OFF' as const),
  autoHold: fc.boolean(),
});

const held = (i: CreditInput, s: CreditSettings): boolean => shouldHold(evaluateCustomer(i, s));
const invoices = (i: CreditInput): readonly OverdueInvoice[] => ('invoices' in i.overdue ? i.overdue.invoices : []);
const withInvoices = (i: CreditInput, list: readonly OverdueInvoice[]): CreditInput => ({ ...i, overdue: { invoices: list, asOf: ASOF } });

/** "Not held stays not held" for the whole decision: the evaluation, AUTO customers, and our own holds. */
function neverWorse(before: CreditInput, after: CreditInput, s: CreditSettings): void {
  const eb = evaluateCustomer(before, s);
  const ea = evaluateCustomer(after, s);
  if (!shouldHold(eb)) expect(shouldHold(ea)).toBe(false);
  if (!eb.overLimit) expect(ea.overLimit).toBe(false);
  if (!eb.delinquent) expect(ea.delinquent).toBe(false);
  if (decideHold({ hold: 'AUTO', autoHold: false }, eb).action === 'none') {
    expect(decideHold({ hold: 'AUTO', autoHold: false }, ea).action).toBe('none');
  }
  if (decideHold({ hold: 'ON', autoHold: true }, eb).action === 'release') {
    expect(decideHold({ hold: 'ON', autoHold: true }, ea).action).toBe('release');
  }
  if (!decideOrder({ customerHeld: false, evaluationWithOrder: eb }).hold) {
    expect(decideOrder({ customerHeld: false, evaluationWithOrder: ea }).hold).toBe(false);
  }
}

describe('credit policy properties', () => {
  test('paying down (lower balance, lower amounts remaining) never turns a not-held decision into a hold', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (i, s, fractions) => {
        // a payment of `paid` applied to the invoices: each amount remaining goes down, and the balance with it
        let paid = 0;
        const list = invoices(i).map((inv) => {
          const p = Math.floor(inv.amountRemaining * fractions.next().value);
          paid += p;
          return { ...inv, amountRemaining: minor(inv.amountRemaining - p) };
        });
        const openBefore = Math.max(i.openInvoices, paid);
        const before = { ...i, openInvoices: minor(openBefore) };
        const extra = Math.floor((openBefore - paid) * fractions.next().value); // and some of the balance not listed
        const after = withInvoices({ ...i, openInvoices: minor(openBefore - paid - extra) }, list);
        neverWorse(before, after, s);
      }),
      { numRuns: 500 },
    );
  });

  test('raising the limit (or removing it) never turns a not-held decision into a hold', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, amt(), fc.boolean(), (i, s, raise, remove) => {
        const limit = remove ? null : i.creditLimit === null ? null : minor(i.creditLimit + raise);
        neverWorse(i, { ...i, creditLimit: limit }, s);
      }),
      { numRuns: 500 },
    );
  });

  test('adding unapplied credits or deposits never turns a not-held decision into a hold', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, amt(), amt(), (i, s, credits, deposits) => {
        neverWorse(i, { ...i, unappliedCredits: minor(i.unappliedCredits + credits), unappliedDeposits: minor(i.unappliedDeposits + deposits) }, s);
      }),
      { numRuns: 500 },
    );
  });

  test('raising the tolerance or the grace days, or the minimum, never turns a not-held decision into a hold', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, fc.integer({ min: 0, max: 60 }), amt(1_000_000), (i, s, moreGrace, moreMin) => {
        const looser = resolveSettings(s, {
          graceDays: s.graceDays + moreGrace,
          minOverdue: minor(s.minOverdue + moreMin),
          limitTolerancePct: Math.min(10000, Math.round(s.limitTolerancePct * 100) + 100) / 100,
        });
        if (!held(i, s)) expect(held(i, looser)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('adding orders never releases a hold (nor lifts an order hold)', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, amt(), amt(), holdStateArb, (i, s, moreUnbilled, moreOrder, state) => {
        const order = i.order ? { ...i.order, total: minor(i.order.total + moreOrder) } : { total: moreOrder };
        const after: CreditInput = { ...i, unbilledOrders: minor(i.unbilledOrders + moreUnbilled), order };
        const eb = evaluateCustomer(i, s);
        const ea = evaluateCustomer(after, s);
        if (shouldHold(eb)) expect(shouldHold(ea)).toBe(true);
        if (decideHold(state, eb).action !== 'release') expect(decideHold(state, ea).action).not.toBe('release');
        if (decideHold({ hold: 'AUTO', autoHold: false }, eb).action === 'place') {
          expect(decideHold({ hold: 'AUTO', autoHold: false }, ea).action).toBe('place');
        }
        for (const customerHeld of [false, true]) {
          if (decideOrder({ customerHeld, evaluationWithOrder: eb }).hold) {
            expect(decideOrder({ customerHeld, evaluationWithOrder: ea }).hold).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('OFF is never held, manual ON is never released, and nothing else touches them', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, fc.boolean(), (i, s, flag) => {
        const e = evaluateCustomer(i, s);
        expect(decideHold({ hold: 'OFF', autoHold: flag }, e).action).toBe('none');
        expect(decideHold({ hold: 'ON', autoHold: false }, e).action).toBe('none');
        expect(decideOrder({ customerHeld: flag, exempt: true, evaluationWithOrder: e }).hold).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('decisions are consistent: place only from AUTO, release only our hold, and applying one makes the next none', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, holdStateArb, (i, s, state) => {
        const e = evaluateCustomer(i, s);
        const d = decideHold(state, e);
        if (d.action === 'place') expect(state.hold).toBe('AUTO');
        if (d.action === 'release') expect(state).toEqual({ hold: 'ON', autoHold: true });
        expect(d.action === 'place').toBe(state.hold === 'AUTO' && shouldHold(e));
        expect(d.action === 'release').toBe(state.hold === 'ON' && state.autoHold && !shouldHold(e));
        if (d.next) expect(decideHold(d.next, e).action).toBe('none');
        expect(shouldHold(e)).toBe(e.reasons.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  test('decisions are deterministic and do not mutate their input', () => {
    const deepFreeze = <T>(x: T): T => {
      if (x && typeof x === 'object') {
        Object.values(x).forEach(deepFreeze);
        Object.freeze(x);
      }
      return x;
    };
    fc.assert(
      fc.property(inputArb, settingsArb, holdStateArb, (i, s, state) => {
        const copy = structuredClone(i);
        deepFreeze(i);
        const a = evaluateCustomer(i, s);
        const b = evaluateCustomer(i, s);
        expect(b).toEqual(a);
        expect(decideHold(state, b)).toEqual(decideHold(state, a));
        expect(decideOrder({ customerHeld: false, evaluationWithOrder: b })).toEqual(decideOrder({ customerHeld: false, evaluationWithOrder: a }));
        expect(i).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  test('exposure and over-limit agree with a direct reference computation', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, (i, s) => {
        const e = evaluateCustomer(i, s);
        const order = i.order
          ? s.includeUnbilledOrders && i.order.previousTotal != null
            ? i.order.total - i.order.previousTotal
            : i.order.total
          : 0;
        const exposure = i.openInvoices - i.unappliedCredits + (s.includeUnbilledOrders ? i.unbilledOrders : 0) - i.unappliedDeposits + order;
        expect(e.exposure).toBe(exposure);
        const hundredths = BigInt(Math.round(s.limitTolerancePct * 100));
        const over = i.creditLimit !== null && BigInt(exposure) * 10000n > BigInt(i.creditLimit) * (10000n + hundredths);
        expect(e.overLimit).toBe(over);
      }),
      { numRuns: 500 },
    );
  });

  test('the aggregate form decides exactly like the invoice form', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, (i, s) => {
        const beyond = overdueBeyondGrace(invoices(i), ASOF, s.graceDays);
        const a = evaluateCustomer(i, s);
        const b = evaluateCustomer({ ...i, overdue: { beyondGrace: beyond, graceDays: s.graceDays } }, s);
        expect(b).toEqual(a);
        expect(a.delinquent).toBe(beyond > 0 && beyond >= s.minOverdue);
      }),
      { numRuns: 300 },
    );
  });
});
