import fc from 'fast-check';
import {
  BUCKETS,
  BUCKET_KEYS,
  type BucketKey,
  ageInDays,
  agingTotals,
  bucketLabel,
  bucketOf,
  emptyBucketTotals,
} from '../../../ts/core/aging';
import { type CalendarDate, addDays, daysInYearMonth, calendarDate, parseIsoDate } from '../../../ts/core/dates';
import { minor, sum } from '../../../ts/core/money';

const d = (s: string): CalendarDate => parseIsoDate(s);

describe('BUCKETS', () => {
  test('order, keys and labels', () => {
    expect(BUCKETS.map((b) => [b.key, b.label])).toEqual([
      ['current', 'Current'],
      ['d1_30', '1–30'],
      ['d31_60', '31–60'],
      ['d61_90', '61–90'],
      ['d91_120', '91–120'],
      ['over120', 'Over 120'],
    ]);
    expect(BUCKET_KEYS).toEqual(BUCKETS.map((b) => b.key));
    expect(BUCKETS.map((b) => bucketLabel(b.key))).toEqual(BUCKETS.map((b) => b.label));
    expect(() => bucketLabel('nope' as BucketKey)).toThrow(/nope/);
  });
  test('frozen', () => {
    expect(Object.isFrozen(BUCKETS)).toBe(true);
    expect(BUCKETS.every((b) => Object.isFrozen(b))).toBe(true);
  });
  test('ranges are contiguous', () => {
    for (let i = 1; i < BUCKETS.length; i++) expect(BUCKETS[i].minAge).toBe((BUCKETS[i - 1].maxAge ?? NaN) + 1);
    expect(BUCKETS[0].minAge).toBeNull();
    expect(BUCKETS[BUCKETS.length - 1].maxAge).toBeNull();
  });
});

describe('bucketOf', () => {
  test.each<[number, BucketKey]>([
    [-400, 'current'],
    [-1, 'current'],
    [0, 'current'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd91_120'],
    [120, 'd91_120'],
    [121, 'over120'],
    [5000, 'over120'],
  ])('%p days → %p', (age, key) => {
    expect(bucketOf(age)).toBe(key);
  });
  test.each([1.5, NaN, Infinity])('rejects %p', (age) => {
    expect(() => bucketOf(age)).toThrow(String(age));
  });
  test('property: the bucket contains the age, and buckets never go down as age grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10000, max: 10000 }), fc.nat(200), (age, more) => {
        const b = BUCKETS.find((x) => x.key === bucketOf(age))!;
        expect(b.minAge === null || age >= b.minAge).toBe(true);
        expect(b.maxAge === null || age <= b.maxAge).toBe(true);
        expect(BUCKET_KEYS.indexOf(bucketOf(age + more))).toBeGreaterThanOrEqual(BUCKET_KEYS.indexOf(bucketOf(age)));
      }),
    );
  });
});

describe('ageInDays', () => {
  test('examples', () => {
    expect(ageInDays(d('2026-03-31'), d('2026-03-01'), d('2026-01-30'))).toBe(30);
    expect(ageInDays(d('2026-03-01'), d('2026-03-01'), d('2026-01-30'))).toBe(0);
    expect(ageInDays(d('2026-03-01'), d('2026-03-31'), d('2026-03-01'))).toBe(-30);
    expect(ageInDays(d('2026-03-01'), null, d('2026-01-30'))).toBe(30);
    expect(ageInDays(d('2026-03-01'), undefined, d('2026-01-30'))).toBe(30);
    expect(ageInDays(d('2028-03-01'), d('2028-02-28'), d('2028-01-01'))).toBe(2); // leap day counts
    expect(bucketOf(ageInDays(d('2026-06-30'), d('2026-03-01'), d('2026-02-01')))).toBe('over120'); // 121 days
    expect(bucketOf(ageInDays(d('2026-06-29'), d('2026-03-01'), d('2026-02-01')))).toBe('d91_120'); // 120 days
  });
  test('property: due date wins over transaction date; age shifts with asOf', () => {
    const date = fc
      .record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, day }) => calendarDate(y, m, Math.min(day, daysInYearMonth(y, m))));
    fc.assert(
      fc.property(date, date, date, fc.integer({ min: -500, max: 500 }), (asOf, due, tran, n) => {
        expect(ageInDays(asOf, due, tran)).toBe(ageInDays(asOf, null, due));
        expect(ageInDays(addDays(asOf, n), due, tran)).toBe(ageInDays(asOf, due, tran) + n);
      }),
    );
  });
});

describe('agingTotals', () => {
  test('sums by bucket', () => {
    const asOf = d('2026-06-30');
    const totals = agingTotals(
      [
        { amount: minor(100), dueDate: d('2026-07-15'), tranDate: d('2026-06-15') }, // current
        { amount: minor(200), dueDate: d('2026-06-30'), tranDate: d('2026-05-31') }, // current (age 0)
        { amount: minor(300), dueDate: d('2026-06-29'), tranDate: d('2026-05-30') }, // 1–30
        { amount: minor(-50), dueDate: null, tranDate: d('2026-05-01') }, // 60 days: 31–60
        { amount: minor(400), dueDate: d('2026-02-01'), tranDate: d('2026-01-01') }, // 149: over 120
      ],
      asOf,
    );
    expect(totals).toEqual({ current: 300, d1_30: 300, d31_60: -50, d61_90: 0, d91_120: 0, over120: 400 });
    expect(agingTotals([], asOf)).toEqual(emptyBucketTotals());
  });
  test('property: bucket totals add up to the total', () => {
    const asOf = d('2026-06-30');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map(minor),
            dueOffset: fc.option(fc.integer({ min: -400, max: 400 })),
            tranOffset: fc.integer({ min: -400, max: 0 }),
          }),
        ),
        (rows) => {
          const items = rows.map((r) => ({
            amount: r.amount,
            dueDate: r.dueOffset === null ? null : addDays(asOf, r.dueOffset),
            tranDate: addDays(asOf, r.tranOffset),
          }));
          const totals = agingTotals(items, asOf);
          expect(sum(Object.values(totals))).toBe(sum(items.map((i) => i.amount)));
        },
      ),
    );
  });
});
