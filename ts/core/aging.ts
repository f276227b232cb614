/**
 * Receivables aging as the product defines it.
 *
 * The age of an open invoice on an as-of date is asOf − due date, in days; an invoice without a due
 * date ages from its transaction date. Buckets: Current (age ≤ 0, i.e. not yet past due, including
 * invoices dated after asOf), 1–30, 31–60, 61–90, 91–120, Over 120 days past due.
 *
 * Pure module: no N/ imports, no Node APIs.
 */
import { type CalendarDate, diffDays } from './dates';
import { type Minor, ZERO, add } from './money';

export type BucketKey = 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd91_120' | 'over120';

export interface Bucket {
  key: BucketKey;
  /** Display label (en dash in ranges). */
  label: string;
  /** Smallest age in the bucket, null for no lower bound. */
  minAge: number | null;
  /** Largest age in the bucket, null for no upper bound. */
  maxAge: number | null;
}

/** The aging buckets, youngest first (frozen). */
export const BUCKETS: readonly Readonly<Bucket>[] = Object.freeze(
  (
    [
      { key: 'current', label: 'Current', minAge: null, maxAge: 0 },
      { key: 'd1_30', label: '1–30', minAge: 1, maxAge: 30 },
      { key: 'd31_60', label: '31–60', minAge: 31, maxAge: 60 },
      { key: 'd61_90', label: '61–90', minAge: 61, maxAge: 90 },
      { key: 'd91_120', label: '91–120', minAge: 91, maxAge: 120 },
      { key: 'over120', label: 'Over 120', minAge: 121, maxAge: null },
    ] satisfies Bucket[]
  ).map((b) => Object.freeze(b)),
);

/** The bucket keys, youngest first. */
export const BUCKET_KEYS: readonly BucketKey[] = BUCKETS.map((b) => b.key);

/** Age in days on `asOf`: asOf − dueDate, or asOf − tranDate when there is no due date. Negative when not yet due. */
export function ageInDays(asOf: CalendarDate, dueDate: CalendarDate | null | undefined, tranDate: CalendarDate): number {
  return diffDays(asOf, dueDate ?? tranDate);
}

/** The bucket of an age in days (an integer). */
export function bucketOf(age: number): BucketKey {
  if (!Number.isInteger(age)) throw new Error(`bucketOf: age must be an integer number of days, got ${String(age)}`);
  if (age <= 0) return 'current';
  if (age <= 30) return 'd1_30';
  if (age <= 60) return 'd31_60';
  if (age <= 90) return 'd61_90';
  if (age <= 120) return 'd91_120';
  return 'over120';
}

/** The label of a bucket key ('d1_30' → '1–30'). */
export function bucketLabel(key: BucketKey): string {
  const b = BUCKETS.find((x) => x.key === key);
  if (!b) throw new Error(`bucketLabel: unknown bucket ${JSON.stringify(key)}`);
  return b.label;
}

/** An open item to age. */
export interface AgingItem {
  amount: Minor;
  dueDate: CalendarDate | null;
  tranDate: CalendarDate;
}

export type BucketTotals = Record<BucketKey, Minor>;

/** All buckets at zero. */
export function emptyBucketTotals(): BucketTotals {
  return { current: ZERO, d1_30: ZERO, d31_60: ZERO, d61_90: ZERO, d91_120: ZERO, over120: ZERO };
}

/** Sums the amounts of open items by bucket on `asOf`. */
export function agingTotals(items: Iterable<AgingItem>, asOf: CalendarDate): BucketTotals {
  const totals = emptyBucketTotals();
  for (const item of items) {
    const key = bucketOf(ageInDays(asOf, item.dueDate, item.tranDate));
    totals[key] = add(totals[key], item.amount);
  }
  return totals;
}
