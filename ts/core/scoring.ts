/**
 * Collection priority for the collector worklist. Pure: no N/ imports, no Node APIs, no Intl, no clock.
 *
 * Score of a customer = Σ over open, past-due, undisputed invoices of amount remaining (BASE currency,
 * minor units) × the weight of the invoice's aging bucket (default 1–30: 1, 31–60: 2, 61–90: 3,
 * 91–120: 4, over 120: 5; not yet due: 0), × 1.5 when a promise to pay was broken.
 *
 * Integer arithmetic throughout: weights are whole numbers (0–1000), so the weighted sum is an exact
 * integer ("weighted minor units"); the 1.5 factor is applied once, to the total, as score × 3 / 2
 * rounded half away from zero (for a score ≥ 0: an odd score rounds up, 7 → 11). Every result is
 * checked to be a safe integer.
 *
 * The worklist computes bucket sums in a NetSuite summary search, so `scoreFromBuckets` is the main form;
 * `scoreCustomer` (from invoices) is defined through it, and `scoreFormula` gives the search formula
 * that computes the same weighted amount per invoice. Ages and buckets are those of aging.ts.
 */
import { BUCKETS, type BucketKey, type BucketTotals, ageInDays, bucketOf, emptyBucketTotals } from './aging';
import { type CalendarDate, compareDates } from './dates';
import { type Minor, add, isMinor } from './money';

export type PastDueBucketKey = Exclude<BucketKey, 'current'>;
export type ScoreWeights = Readonly<Record<PastDueBucketKey, number>>;

/** The past-due bucket keys, youngest first. */
export const PAST_DUE_BUCKET_KEYS: readonly PastDueBucketKey[] = Object.freeze(['d1_30', 'd31_60', 'd61_90', 'd91_120', 'over120']);

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = Object.freeze({ d1_30: 1, d31_60: 2, d61_90: 3, d91_120: 4, over120: 5 });
export const MAX_SCORE_WEIGHT = 1000;

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

export type WeightsValidation = { ok: true; weights: ScoreWeights } | { ok: false; errors: string[] };

/**
 * Validates weights from settings: an object keyed by past-due bucket (d1_30 … over120); each weight a
 * whole number 0–1000 (numeric strings accepted); weights must not decrease with age (an older debt never
 * weighs less, which keeps the score monotone in age). Missing, null or '' keys take `base`'s weight
 * (default DEFAULT_SCORE_WEIGHTS); unknown keys are errors. Returns frozen weights or every problem found.
 */
export function validateScoreWeights(raw: unknown, base: ScoreWeights = DEFAULT_SCORE_WEIGHTS): WeightsValidation {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [`score weights must be an object, got ${show(raw)}`] };
  }
  const r = raw as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(r)) {
    if (!(PAST_DUE_BUCKET_KEYS as readonly string[]).includes(key)) {
      errors.push(`unknown score weight ${show(key)} (expected ${PAST_DUE_BUCKET_KEYS.join(', ')})`);
    }
  }
  const out = { ...base } as Record<PastDueBucketKey, number>;
  for (const key of PAST_DUE_BUCKET_KEYS) {
    const v = r[key];
    if (v === undefined || v === null || v === '') continue;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+(\.\d*)?\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isNaN(n)) errors.push(`weight ${key} must be a number, got ${show(v)}`);
    else if (n < 0) errors.push(`weight ${key} must not be negative, got ${show(v)}`);
    else if (!Number.isInteger(n)) errors.push(`weight ${key} must be a whole number, got ${show(v)}`);
    else if (n > MAX_SCORE_WEIGHT) errors.push(`weight ${key} must be at most ${MAX_SCORE_WEIGHT}, got ${show(v)}`);
    else out[key] = n;
  }
  if (errors.length === 0) {
    for (let i = 1; i < PAST_DUE_BUCKET_KEYS.length; i++) {
      const a = PAST_DUE_BUCKET_KEYS[i - 1];
      const b = PAST_DUE_BUCKET_KEYS[i];
      if (out[b] < out[a]) errors.push(`weights must not decrease with age: ${b} (${out[b]}) < ${a} (${out[a]})`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, weights: Object.freeze(out) };
}

function assertWeights(weights: ScoreWeights, fn: string): void {
  const v = validateScoreWeights(weights, weights);
  if (!v.ok) throw new Error(`${fn}: invalid weights: ${v.errors.join('; ')}`);
  for (const k of PAST_DUE_BUCKET_KEYS) {
    if (!Number.isInteger(weights[k])) throw new Error(`${fn}: weight ${k} missing`);
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function toSafe(b: bigint, fn: string): number {
  if (b > MAX || b < -MAX) throw new Error(`${fn}: score ${b} is outside the safe integer range`);
  return Number(b);
}

/** score × 1.5 as score × 3 / 2, rounded half away from zero (exact). */
export function applyBrokenPromiseFactor(score: number): number {
  if (!Number.isSafeInteger(score)) throw new Error(`applyBrokenPromiseFactor: score must be a safe integer, got ${show(score)}`);
  const n = BigInt(score) * 3n;
  const a = n < 0n ? -n : n;
  const q = a / 2n + (a % 2n); // half away from zero: the remainder is 0 or 1 (= half)
  const r = toSafe(n < 0n ? -q : q, 'applyBrokenPromiseFactor');
  return r === 0 ? 0 : r;
}

/**
 * The score from bucket totals of open, past-due, undisputed invoices in base-currency minor units (the
 * 'current' total, if present, is not scored; missing buckets count as 0). Totals must be ≥ 0.
 */
export function scoreFromBuckets(
  bucketTotals: Partial<Record<BucketKey, Minor>>,
  weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
  brokenPromise = false,
): number {
  assertWeights(weights, 'scoreFromBuckets');
  let total = 0n;
  for (const k of PAST_DUE_BUCKET_KEYS) {
    const v = bucketTotals[k] ?? 0;
    if (!isMinor(v) || v < 0) throw new Error(`scoreFromBuckets: bucket ${k} must be integer minor units ≥ 0, got ${show(v)}`);
    total += BigInt(v) * BigInt(weights[k]);
  }
  const base = toSafe(total, 'scoreFromBuckets');
  return brokenPromise ? applyBrokenPromiseFactor(base) : base;
}

/** An invoice for scoring; amountRemaining in base currency. */
export interface ScoredInvoice {
  amountRemaining: Minor;
  dueDate: CalendarDate | null;
  tranDate: CalendarDate;
  /** Disputed invoices are not scored. */
  disputed?: boolean;
  /** Closed (fully paid) invoices are not scored; default true. */
  open?: boolean;
}

/** Bucket totals of the open, undisputed invoices on `asOf` (what the summary search computes). */
export function scoringBucketTotals(invoices: Iterable<ScoredInvoice>, asOf: CalendarDate): BucketTotals {
  const totals = emptyBucketTotals();
  let i = 0;
  for (const inv of invoices) {
    if (!isMinor(inv.amountRemaining) || inv.amountRemaining < 0) {
      throw new Error(`scoringBucketTotals: invoice ${i} amountRemaining must be integer minor units ≥ 0, got ${show(inv.amountRemaining)}`);
    }
    i++;
    if (inv.disputed || inv.open === false) continue;
    const key = bucketOf(ageInDays(asOf, inv.dueDate, inv.tranDate));
    totals[key] = add(totals[key], inv.amountRemaining);
  }
  return totals;
}

export interface ScoreOptions {
  weights?: ScoreWeights;
  brokenPromise?: boolean;
}

/** The score of a customer's invoices on `asOf`: scoreFromBuckets(scoringBucketTotals(invoices, asOf), …). */
export function scoreCustomer(invoices: Iterable<ScoredInvoice>, asOf: CalendarDate, options: ScoreOptions = {}): number {
  return scoreFromBuckets(scoringBucketTotals(invoices, asOf), options.weights ?? DEFAULT_SCORE_WEIGHTS, options.brokenPromise ?? false);
}

/**
 * The NetSuite search formula (Formula (Numeric)) giving one invoice's weighted amount remaining, built
 * from `weights` and the aging buckets:
 *   CASE WHEN {today}-NVL({duedate},{trandate}) BETWEEN 1 AND 30 THEN {amountremaining}*1 … WHEN
 *   {today}-NVL({duedate},{trandate}) > 120 THEN {amountremaining}*5 ELSE 0 END
 * SUM it in a summary search grouped by customer, over open invoices (status CustInvc:A) that are not
 * disputed (a search filter, not the formula). {amountremaining} is in base currency and major units, so
 * parse the sum with parseMoney(sum, baseDecimals) to get the score in weighted minor units (exact: the
 * weights are whole numbers), then apply the broken-promise factor in code.
 * `asOf` replaces {today} with TO_DATE('YYYY-MM-DD','YYYY-MM-DD') for a run as of a fixed date; note that
 * {today} is today in the time zone of the user running the search.
 */
export function scoreFormula(weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS, options: { asOf?: CalendarDate } = {}): string {
  assertWeights(weights, 'scoreFormula');
  let today = '{today}';
  if (options.asOf !== undefined) {
    compareDates(options.asOf, options.asOf); // validates
    today = `TO_DATE('${options.asOf}','YYYY-MM-DD')`;
  }
  const age = `${today}-NVL({duedate},{trandate})`;
  const whens = BUCKETS.filter((b) => b.key !== 'current').map((b) => {
    const w = weights[b.key as PastDueBucketKey];
    const cond = b.maxAge === null ? `${age} > ${(b.minAge ?? 1) - 1}` : `${age} BETWEEN ${b.minAge} AND ${b.maxAge}`;
    return `WHEN ${cond} THEN {amountremaining}*${w}`;
  });
  return `CASE ${whens.join(' ')} ELSE 0 END`;
}

// ---------------------------------------------------------------------------------------------------
// Promises to pay, snoozes and the default queue

export type PromiseState = 'none' | 'pending' | 'kept' | 'broken';

export interface PromiseInput {
  /** Promised amount (customer currency, minor units); null or ≤ 0 when there is no promise. */
  promiseAmount: Minor | null;
  /** The date by which the customer promised to pay; null when there is no promise. */
  promiseDate: CalendarDate | null;
  /** Overdue balance when the promise was recorded. */
  overdueAtPromise: Minor;
  /** Overdue balance now. */
  overdueNow: Minor;
  asOf: CalendarDate;
  /** Payments received since the promise, when the caller knows them (see promiseState). */
  paidSincePromise?: Minor | null;
}

/**
 * The state of a promise to pay on `asOf`:
 * - 'none': no promise (no amount, amount ≤ 0, or no date);
 * - 'kept': the overdue balance went down by at least the promised amount since the promise
 *   (overdueAtPromise − overdueNow ≥ promiseAmount), or it is cleared (overdueNow ≤ 0: nothing is left to
 *   pay, even if less was overdue than promised), or `paidSincePromise` ≥ promiseAmount (given by callers
 *   that track payments: new invoices falling overdue can otherwise hide a payment). Kept can happen before
 *   the promise date;
 * - 'pending': not kept and asOf ≤ promiseDate (the promise date itself is still in time);
 * - 'broken': not kept and asOf > promiseDate.
 */
export function promiseState(p: PromiseInput): PromiseState {
  if (p.promiseAmount === null || p.promiseAmount === undefined || p.promiseDate === null || p.promiseDate === undefined) return 'none';
  for (const [what, v] of [
    ['promiseAmount', p.promiseAmount],
    ['overdueAtPromise', p.overdueAtPromise],
    ['overdueNow', p.overdueNow],
  ] as const) {
    if (!isMinor(v)) throw new Error(`promiseState: ${what} must be integer minor units, got ${show(v)}`);
  }
  if (p.promiseAmount <= 0) return 'none';
  const paid = p.paidSincePromise ?? null;
  if (paid !== null && !isMinor(paid)) throw new Error(`promiseState: paidSincePromise must be integer minor units, got ${show(paid)}`);
  const kept =
    p.overdueNow <= 0 || p.overdueAtPromise - p.overdueNow >= p.promiseAmount || (paid !== null && paid >= p.promiseAmount);
  if (kept) return 'kept';
  return compareDates(p.asOf, p.promiseDate) > 0 ? 'broken' : 'pending';
}

/** True while the next action date is after `asOf` (the customer comes back on that date). */
export function isSnoozed(nextActionDate: CalendarDate | null | undefined, asOf: CalendarDate): boolean {
  if (nextActionDate === null || nextActionDate === undefined) return false;
  return compareDates(nextActionDate, asOf) > 0;
}

export interface QueueInput {
  nextActionDate: CalendarDate | null;
  promise: PromiseState;
  asOf: CalendarDate;
  /** Whether the customer has anything scored past due (default true). */
  hasPastDue?: boolean;
}

export interface QueueVisibility {
  /** Shown in the default worklist view. */
  visible: boolean;
  status: 'clear' | 'snoozed' | 'promised' | 'broken_promise' | 'active';
  /** Score with the broken-promise factor (also while hidden, for "show all"). */
  brokenPromise: boolean;
}

/**
 * Whether a customer is in the default worklist view. In order: nothing past due → 'clear' (hidden);
 * snoozed (next action date after asOf) → hidden, even with a broken promise — the collector's explicit
 * snooze is respected and ends on a definite date; a pending promise → 'promised' (hidden); a broken
 * promise → 'broken_promise' (back in view, with the factor); otherwise 'active'.
 */
export function queueVisibility(input: QueueInput): QueueVisibility {
  const brokenPromise = input.promise === 'broken';
  if (input.hasPastDue === false) return { visible: false, status: 'clear', brokenPromise };
  if (isSnoozed(input.nextActionDate, input.asOf)) return { visible: false, status: 'snoozed', brokenPromise };
  if (input.promise === 'pending') return { visible: false, status: 'promised', brokenPromise };
  if (brokenPromise) return { visible: true, status: 'broken_promise', brokenPromise };
  return { visible: true, status: 'active', brokenPromise };
}
