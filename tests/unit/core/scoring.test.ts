import { emptyBucketTotals } from '../../../ts/core/aging';
import { type CalendarDate, addDays, parseIsoDate } from '../../../ts/core/dates';
import { type Minor, minor } from '../../../ts/core/money';
import {
  type PromiseInput,
  type ScoreWeights,
  DEFAULT_SCORE_WEIGHTS,
  PAST_DUE_BUCKET_KEYS,
  applyBrokenPromiseFactor,
  isSnoozed,
  promiseState,
  queueVisibility,
  scoreCustomer,
  scoreFormula,
  scoreFromBuckets,
  scoringBucketTotals,
  validateScoreWeights,
} from '../../../ts/core/scoring';

const d = (s: string): CalendarDate => parseIsoDate(s);
const m = (n: number): Minor => minor(n);
const ASOF = d('2026-03-31');
const inv = (daysPastDue: number, amount: number, extra: { disputed?: boolean; open?: boolean } = {}) => ({
  amountRemaining: m(amount),
  dueDate: addDays(ASOF, -daysPastDue),
  tranDate: d('2025-01-01'),
  ...extra,
});

describe('weights', () => {
  test('defaults', () => {
    expect(DEFAULT_SCORE_WEIGHTS).toEqual({ d1_30: 1, d31_60: 2, d61_90: 3, d91_120: 4, over120: 5 });
    expect(Object.isFrozen(DEFAULT_SCORE_WEIGHTS)).toBe(true);
    expect(PAST_DUE_BUCKET_KEYS).toEqual(['d1_30', 'd31_60', 'd61_90', 'd91_120', 'over120']);
  });

  test('valid weights, numeric strings, missing keys from the base', () => {
    expect(validateScoreWeights({ d1_30: 2, d31_60: '3', d61_90: 4, d91_120: 8, over120: 16 })).toEqual({
      ok: true,
      weights: { d1_30: 2, d31_60: 3, d61_90: 4, d91_120: 8, over120: 16 },
    });
    expect(validateScoreWeights({})).toEqual({ ok: true, weights: DEFAULT_SCORE_WEIGHTS });
    expect(validateScoreWeights({ over120: 10, d1_30: null })).toEqual({ ok: true, weights: { ...DEFAULT_SCORE_WEIGHTS, over120: 10 } });
    expect(validateScoreWeights({ d1_30: 0, d31_60: 0, d61_90: 0, d91_120: 0, over120: 0 }).ok).toBe(true);
    expect(validateScoreWeights({ d1_30: 5, d31_60: 5, d61_90: 5, d91_120: 5, over120: 5 }).ok).toBe(true);
  });

  test.each<[unknown, RegExp]>([
    [{ d1_30: -1 }, /weight d1_30 must not be negative, got -1/],
    [{ d31_60: 2.5 }, /weight d31_60 must be a whole number, got 2.5/],
    [{ over120: 1001 }, /weight over120 must be at most 1000/],
    [{ d61_90: 'high' }, /weight d61_90 must be a number, got "high"/],
    [{ d1_30: 3 }, /weights must not decrease with age: d31_60 \(2\) < d1_30 \(3\)/],
    [{ over120: 1 }, /over120 \(1\) < d91_120 \(4\)/],
    [{ current: 1 }, /unknown score weight "current"/],
    [null, /must be an object/],
  ])('invalid %j', (raw, re) => {
    const v = validateScoreWeights(raw);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join('\n')).toMatch(re);
  });
});

describe('scoreFromBuckets', () => {
  test('sum of bucket total × weight; current not scored', () => {
    const totals = { current: m(999999), d1_30: m(100), d31_60: m(100), d61_90: m(100), d91_120: m(100), over120: m(100) };
    expect(scoreFromBuckets(totals)).toBe(1500);
    expect(scoreFromBuckets({ over120: m(12345) })).toBe(61725);
    expect(scoreFromBuckets({})).toBe(0);
    expect(scoreFromBuckets(emptyBucketTotals())).toBe(0);
  });

  test('custom weights', () => {
    const w: ScoreWeights = { d1_30: 0, d31_60: 1, d61_90: 10, d91_120: 10, over120: 100 };
    expect(scoreFromBuckets({ d1_30: m(500), d61_90: m(7), over120: m(3) }, w)).toBe(370);
  });

  test('broken promise: × 1.5, half away from zero', () => {
    expect(scoreFromBuckets({ d1_30: m(100) }, DEFAULT_SCORE_WEIGHTS, true)).toBe(150);
    expect(scoreFromBuckets({ d1_30: m(7) }, DEFAULT_SCORE_WEIGHTS, true)).toBe(11); // 10.5 → 11
    expect(applyBrokenPromiseFactor(0)).toBe(0);
    expect(applyBrokenPromiseFactor(1)).toBe(2);
    expect(applyBrokenPromiseFactor(2)).toBe(3);
    expect(applyBrokenPromiseFactor(3)).toBe(5);
    expect(applyBrokenPromiseFactor(-3)).toBe(-5);
    expect(() => applyBrokenPromiseFactor(1.5)).toThrow(/safe integer/);
    expect(() => applyBrokenPromiseFactor(Number.MAX_SAFE_INTEGER)).toThrow(/safe integer range/);
  });

  test('rejects negative or fractional totals, bad weights, overflow', () => {
    expect(() => scoreFromBuckets({ d1_30: m(-1) })).toThrow(/bucket d1_30 must be integer minor units ≥ 0, got -1/);
    expect(() => scoreFromBuckets({ d1_30: 1.5 as Minor })).toThrow(/bucket d1_30/);
    expect(() => scoreFromBuckets({ d1_30: m(1) }, { ...DEFAULT_SCORE_WEIGHTS, d1_30: 9 })).toThrow(/invalid weights: weights must not decrease/);
    expect(() => scoreFromBuckets({ d1_30: m(1) }, { d1_30: 1 } as unknown as ScoreWeights)).toThrow(/weight d31_60 missing/);
    expect(() => scoreFromBuckets({ over120: m(Number.MAX_SAFE_INTEGER) })).toThrow(/outside the safe integer range/);
  });
});

describe('scoreCustomer', () => {
  test('bucket boundaries (age = asOf − due date)', () => {
    const score = (days: number) => scoreCustomer([inv(days, 100)], ASOF);
    expect([-10, 0, 1, 30, 31, 60, 61, 90, 91, 120, 121, 400].map(score)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400, 400, 500, 500]);
  });

  test('disputed, closed and not-yet-due invoices are not scored', () => {
    const list = [inv(45, 1000), inv(45, 5000, { disputed: true }), inv(45, 7000, { open: false }), inv(0, 9000), inv(10, 10)];
    expect(scoreCustomer(list, ASOF)).toBe(2010);
    expect(scoringBucketTotals(list, ASOF)).toEqual({ ...emptyBucketTotals(), current: 9000, d1_30: 10, d31_60: 1000 });
  });

  test('no due date ages from the transaction date', () => {
    expect(scoreCustomer([{ amountRemaining: m(100), dueDate: null, tranDate: addDays(ASOF, -95) }], ASOF)).toBe(400);
  });

  test('options: weights and broken promise', () => {
    const list = [inv(5, 101), inv(200, 2)];
    expect(scoreCustomer(list, ASOF)).toBe(111);
    expect(scoreCustomer(list, ASOF, { brokenPromise: true })).toBe(167); // 166.5 → 167
    expect(scoreCustomer(list, ASOF, { weights: { d1_30: 1, d31_60: 1, d61_90: 1, d91_120: 1, over120: 1 } })).toBe(103);
  });

  test('rejects a negative amount', () => {
    expect(() => scoreCustomer([inv(5, -1)], ASOF)).toThrow(/invoice 0 amountRemaining must be integer minor units ≥ 0/);
  });
});

describe('scoreFormula', () => {
  const AGE = '{today}-NVL({duedate},{trandate})';
  test('default weights', () => {
    expect(scoreFormula()).toBe(
      `CASE WHEN ${AGE} BETWEEN 1 AND 30 THEN {amountremaining}*1` +
        ` WHEN ${AGE} BETWEEN 31 AND 60 THEN {amountremaining}*2` +
        ` WHEN ${AGE} BETWEEN 61 AND 90 THEN {amountremaining}*3` +
        ` WHEN ${AGE} BETWEEN 91 AND 120 THEN {amountremaining}*4` +
        ` WHEN ${AGE} > 120 THEN {amountremaining}*5 ELSE 0 END`,
    );
  });

  test('built from the weights', () => {
    const f = scoreFormula({ d1_30: 0, d31_60: 7, d61_90: 11, d91_120: 13, over120: 250 });
    expect([...f.matchAll(/\{amountremaining\}\*(\d+)/g)].map((x) => Number(x[1]))).toEqual([0, 7, 11, 13, 250]);
    expect(f).toContain(`WHEN ${AGE} > 120 THEN {amountremaining}*250 ELSE 0 END`);
  });

  test('a fixed as-of date instead of {today}', () => {
    const f = scoreFormula(DEFAULT_SCORE_WEIGHTS, { asOf: ASOF });
    expect(f).toContain("WHEN TO_DATE('2026-03-31','YYYY-MM-DD')-NVL({duedate},{trandate}) BETWEEN 1 AND 30 THEN");
    expect(f).not.toContain('{today}');
    expect(() => scoreFormula(DEFAULT_SCORE_WEIGHTS, { asOf: "2026-01-01') OR (1=1" as CalendarDate })).toThrow();
  });

  test('invalid weights are refused', () => {
    expect(() => scoreFormula({ ...DEFAULT_SCORE_WEIGHTS, over120: -1 })).toThrow(/invalid weights/);
  });
});

describe('promises to pay', () => {
  const p = (over: Partial<PromiseInput>): PromiseInput => ({
    promiseAmount: m(50000),
    promiseDate: d('2026-03-20'),
    overdueAtPromise: m(80000),
    overdueNow: m(80000),
    asOf: d('2026-03-15'),
    ...over,
  });

  test('none without amount or date', () => {
    expect(promiseState(p({ promiseAmount: null }))).toBe('none');
    expect(promiseState(p({ promiseAmount: m(0) }))).toBe('none');
    expect(promiseState(p({ promiseDate: null }))).toBe('none');
  });

  test('pending until the promise date inclusive, broken the day after', () => {
    expect(promiseState(p({}))).toBe('pending');
    expect(promiseState(p({ asOf: d('2026-03-20') }))).toBe('pending');
    expect(promiseState(p({ asOf: d('2026-03-21') }))).toBe('broken');
  });

  test('kept when the overdue balance fell by the promised amount (even early)', () => {
    expect(promiseState(p({ overdueNow: m(30000) }))).toBe('kept');
    expect(promiseState(p({ overdueNow: m(30000), asOf: d('2026-04-30') }))).toBe('kept');
    expect(promiseState(p({ overdueNow: m(30001), asOf: d('2026-03-21') }))).toBe('broken');
  });

  test('kept when the overdue balance is cleared, even below the promised amount', () => {
    expect(promiseState(p({ overdueAtPromise: m(20000), overdueNow: m(0), asOf: d('2026-04-01') }))).toBe('kept');
  });

  test('payments since the promise count when given (new overdue invoices can hide them)', () => {
    const late = p({ overdueNow: m(90000), asOf: d('2026-03-25') });
    expect(promiseState(late)).toBe('broken');
    expect(promiseState({ ...late, paidSincePromise: m(50000) })).toBe('kept');
    expect(promiseState({ ...late, paidSincePromise: m(49999) })).toBe('broken');
  });

  test('rejects non-integer amounts', () => {
    expect(() => promiseState(p({ overdueNow: 1.5 as Minor }))).toThrow(/overdueNow must be integer minor units/);
  });
});

describe('snooze and queue', () => {
  test('isSnoozed: while the next action date is after asOf', () => {
    expect(isSnoozed(null, ASOF)).toBe(false);
    expect(isSnoozed(undefined, ASOF)).toBe(false);
    expect(isSnoozed(addDays(ASOF, 1), ASOF)).toBe(true);
    expect(isSnoozed(ASOF, ASOF)).toBe(false);
    expect(isSnoozed(addDays(ASOF, -1), ASOF)).toBe(false);
    expect(() => isSnoozed('tomorrow' as CalendarDate, ASOF)).toThrow();
  });

  test('queueVisibility', () => {
    const q = (nextActionDate: CalendarDate | null, promise: 'none' | 'pending' | 'kept' | 'broken', hasPastDue?: boolean) =>
      queueVisibility({ nextActionDate, promise, asOf: ASOF, hasPastDue });
    const later = addDays(ASOF, 3);
    expect(q(null, 'none')).toEqual({ visible: true, status: 'active', brokenPromise: false });
    expect(q(null, 'kept')).toEqual({ visible: true, status: 'active', brokenPromise: false });
    expect(q(null, 'pending')).toEqual({ visible: false, status: 'promised', brokenPromise: false });
    expect(q(null, 'broken')).toEqual({ visible: true, status: 'broken_promise', brokenPromise: true });
    expect(q(later, 'none')).toEqual({ visible: false, status: 'snoozed', brokenPromise: false });
    expect(q(later, 'broken')).toEqual({ visible: false, status: 'snoozed', brokenPromise: true });
    expect(q(ASOF, 'broken')).toEqual({ visible: true, status: 'broken_promise', brokenPromise: true });
    expect(q(null, 'broken', false)).toEqual({ visible: false, status: 'clear', brokenPromise: true });
  });
});
