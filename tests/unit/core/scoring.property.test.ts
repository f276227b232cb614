import fc from 'fast-check';
import { ageInDays } from '../../../ts/core/aging';
import { addDays, parseIsoDate } from '../../../ts/core/dates';
import { minor } from '../../../ts/core/money';
import {
  type ScoreWeights,
  type ScoredInvoice,
  PAST_DUE_BUCKET_KEYS,
  applyBrokenPromiseFactor,
  promiseState,
  scoreCustomer,
  scoreFormula,
  scoreFromBuckets,
  scoringBucketTotals,
  validateScoreWeights,
} from '../../../ts/core/scoring';

const ASOF = parseIsoDate('2026-03-31');

const invoiceArb: fc.Arbitrary<ScoredInvoice> = fc.record({
  amountRemaining: fc.integer({ min: 0, max: 1_000_000_000 }).map(minor),
  dueDate: fc.option(fc.integer({ min: -60, max: 400 }).map((n) => addDays(ASOF, -n)), { nil: null }),
  tranDate: fc.integer({ min: -60, max: 500 }).map((n) => addDays(ASOF, -n)),
  disputed: fc.boolean(),
  open: fc.option(fc.boolean(), { nil: undefined }),
});
const invoicesArb = fc.array(invoiceArb, { maxLength: 10 });

/** Valid weights: non-decreasing whole numbers 0–1000. */
const weightsArb: fc.Arbitrary<ScoreWeights> = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 })
  .map((ws) => {
    const s = [...ws].sort((a, b) => a - b);
    return { d1_30: s[0], d31_60: s[1], d61_90: s[2], d91_120: s[3], over120: s[4] };
  });

/**
 * Evaluates the formula text the way the search would for one invoice (age in days, amount): parses the
 * CASE's WHEN clauses, so the check is on the string scoreFormula actually produced.
 */
function evalFormula(formula: string, age: number, amount: number): number {
  const body = /^CASE (.*) ELSE 0 END$/.exec(formula);
  if (!body) throw new Error(`not a CASE: ${formula}`);
  const clause = /WHEN \{today\}-NVL\(\{duedate\},\{trandate\}\) (?:BETWEEN (\d+) AND (\d+)|> (\d+)) THEN \{amountremaining\}\*(\d+)/g;
  let matched = 0;
  for (const c of body[1].matchAll(clause)) {
    matched += c[0].length + 1;
    const hit = c[3] !== undefined ? age > Number(c[3]) : age >= Number(c[1]) && age <= Number(c[2]);
    if (hit) return amount * Number(c[4]);
  }
  if (matched !== body[1].length + 1) throw new Error(`formula has text the evaluator does not understand: ${formula}`);
  return 0;
}

describe('scoring properties', () => {
  test('the search formula computes the same score as scoreCustomer', () => {
    fc.assert(
      fc.property(invoicesArb, weightsArb, (invoices, weights) => {
        const f = scoreFormula(weights);
        const viaFormula = invoices
          .filter((i) => !i.disputed && i.open !== false) // search filters
          .reduce((s, i) => s + evalFormula(f, ageInDays(ASOF, i.dueDate, i.tranDate), i.amountRemaining), 0);
        expect(scoreCustomer(invoices, ASOF, { weights })).toBe(viaFormula);
      }),
      { numRuns: 500 },
    );
  });

  test('scoreCustomer is scoreFromBuckets of the bucket totals, and additive over invoices', () => {
    fc.assert(
      fc.property(invoicesArb, invoicesArb, weightsArb, fc.boolean(), (a, b, weights, broken) => {
        expect(scoreCustomer(a, ASOF, { weights, brokenPromise: broken })).toBe(scoreFromBuckets(scoringBucketTotals(a, ASOF), weights, broken));
        expect(scoreCustomer([...a, ...b], ASOF, { weights })).toBe(scoreCustomer(a, ASOF, { weights }) + scoreCustomer(b, ASOF, { weights }));
      }),
    );
  });

  test('monotone in amounts: a larger amount remaining never lowers the score', () => {
    fc.assert(
      fc.property(invoicesArb, weightsArb, fc.nat(), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), (invoices, weights, idx, more, broken) => {
        fc.pre(invoices.length > 0);
        const i = idx % invoices.length;
        const bigger = invoices.map((inv, j) => (j === i ? { ...inv, amountRemaining: minor(inv.amountRemaining + more) } : inv));
        const opts = { weights, brokenPromise: broken };
        expect(scoreCustomer(bigger, ASOF, opts)).toBeGreaterThanOrEqual(scoreCustomer(invoices, ASOF, opts));
      }),
      { numRuns: 500 },
    );
  });

  test('monotone in age: a later as-of date, or an earlier due date, never lowers the score', () => {
    fc.assert(
      fc.property(invoicesArb, weightsArb, fc.integer({ min: 0, max: 200 }), fc.nat(), fc.integer({ min: 0, max: 200 }), (invoices, weights, later, idx, earlier) => {
        const base = scoreCustomer(invoices, ASOF, { weights });
        expect(scoreCustomer(invoices, addDays(ASOF, later), { weights })).toBeGreaterThanOrEqual(base);
        if (invoices.length > 0) {
          const i = idx % invoices.length;
          const older = invoices.map((inv, j) =>
            j === i ? { ...inv, dueDate: addDays(inv.dueDate ?? inv.tranDate, -earlier) } : inv,
          );
          expect(scoreCustomer(older, ASOF, { weights })).toBeGreaterThanOrEqual(base);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('disputed invoices are excluded: marking one disputed is the same as removing it', () => {
    fc.assert(
      fc.property(invoicesArb, invoiceArb, weightsArb, (invoices, extra, weights) => {
        const base = scoreCustomer(invoices, ASOF, { weights });
        expect(scoreCustomer([...invoices, { ...extra, disputed: true }], ASOF, { weights })).toBe(base);
      }),
    );
  });

  test('a broken promise multiplies by exactly 1.5 (× 3 / 2, half away from zero)', () => {
    fc.assert(
      fc.property(invoicesArb, weightsArb, (invoices, weights) => {
        const base = scoreCustomer(invoices, ASOF, { weights });
        const broken = scoreCustomer(invoices, ASOF, { weights, brokenPromise: true });
        expect(broken).toBe(applyBrokenPromiseFactor(base));
        expect(2 * broken).toBe(base % 2 === 0 ? 3 * base : 3 * base + 1);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (s) => {
        const r = applyBrokenPromiseFactor(s);
        expect(Math.abs(2 * r - 3 * s)).toBeLessThanOrEqual(1);
        expect(Math.abs(r)).toBe(applyBrokenPromiseFactor(Math.abs(s))); // symmetric: half away from zero
      }),
    );
  });

  test('weights validation: every non-decreasing whole-number set passes; any decrease fails', () => {
    fc.assert(
      fc.property(weightsArb, (w) => expect(validateScoreWeights(w)).toEqual({ ok: true, weights: w })),
    );
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1000 }), (w, k, drop) => {
        const key = PAST_DUE_BUCKET_KEYS[k];
        const prev = PAST_DUE_BUCKET_KEYS[k - 1];
        fc.pre(w[prev] >= drop);
        const v = validateScoreWeights({ ...w, [key]: w[prev] - drop });
        expect(v.ok).toBe(false);
      }),
    );
  });

  test('promise state: paying more never breaks a promise; a later as-of date never un-breaks it', () => {
    const amt = fc.integer({ min: 0, max: 1_000_000 }).map(minor);
    fc.assert(
      fc.property(amt, amt, amt, amt, fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 30 }), (promised, at, now, less, asOfShift, later) => {
        const p = {
          promiseAmount: promised,
          promiseDate: ASOF,
          overdueAtPromise: at,
          overdueNow: now,
          asOf: addDays(ASOF, asOfShift),
        };
        const s = promiseState(p);
        const paidMore = promiseState({ ...p, overdueNow: minor(Math.max(0, now - less)) });
        if (s !== 'broken') expect(paidMore).not.toBe('broken');
        if (s === 'kept') expect(paidMore).toBe('kept');
        if (s === 'broken') expect(promiseState({ ...p, asOf: addDays(p.asOf, later) })).toBe('broken');
      }),
      { numRuns: 500 },
    );
  });
});
