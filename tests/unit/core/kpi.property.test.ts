/** Property tests of the KPI layer (fast-check), against exact BigInt references and naive ledger replays. */
import fc from 'fast-check';
import { BUCKET_KEYS, type BucketTotals } from '../../../ts/core/aging';
import { type CalendarDate, addDays, daysInYearMonth, diffDays, fromDayNumber, toDayNumber } from '../../../ts/core/dates';
import {
  type Ledger,
  type Money,
  agingRows,
  arAsOfDates,
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  countbackDso,
  dso,
  formatMetric,
  money,
  salesAsOfDates,
} from '../../../ts/core/kpi';
import { type Minor, minor } from '../../../ts/core/money';

const usd = (n: number): Money => money('USD', n);
const amount = (max = 10 ** 12): fc.Arbitrary<number> => fc.integer({ min: -max, max });
const positive = (max = 10 ** 12): fc.Arbitrary<number> => fc.integer({ min: 1, max });
const periodDays = fc.integer({ min: 1, max: 366 });

/** Exact n ÷ d (d > 0) rounded half away from zero to one decimal, as formatMetric writes it. */
function exactOneDecimal(n: bigint, d: bigint): string {
  let x = n * 10n;
  const neg = x < 0n;
  if (neg) x = -x;
  let q = x / d;
  if ((x % d) * 2n >= d) q += 1n;
  const s = q.toString().padStart(2, '0');
  const text = `${s.slice(0, -1)}.${s.slice(-1)}`;
  return neg && q !== 0n ? `-${text}` : text;
}

describe('DSO, BPDSO, ADD', () => {
  test('DSO is exactly AR × N ÷ Sales, rounded half away from zero at presentation', () => {
    // any safe-integer amounts; results below 1e12 days (a double has no tenths digit beyond ~1e15)
    fc.assert(
      fc.property(amount(Number.MAX_SAFE_INTEGER), positive(Number.MAX_SAFE_INTEGER), periodDays, (ar, s, n) => {
        fc.pre(Math.abs(ar) * n < s * 1e12);
        const v = dso({ arEnd: usd(ar), sales: usd(s), days: n });
        expect(formatMetric(v)).toBe(exactOneDecimal(BigInt(ar) * BigInt(n), BigInt(s)));
      }),
      { numRuns: 500 },
    );
  });

  test('DSO is monotone in AR for fixed positive sales', () => {
    fc.assert(
      fc.property(amount(), amount(), positive(), periodDays, (a, b, s, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = dso({ arEnd: usd(lo), sales: usd(s), days: n }) as number;
        const y = dso({ arEnd: usd(hi), sales: usd(s), days: n }) as number;
        expect(x).toBeLessThanOrEqual(y);
      }),
    );
  });

  test('sales ≤ 0 → null for DSO, BPDSO and ADD', () => {
    fc.assert(
      fc.property(amount(), amount(), fc.integer({ min: -(10 ** 12), max: 0 }), periodDays, (ar, cur, s, n) => {
        expect(dso({ arEnd: usd(ar), sales: usd(s), days: n })).toBeNull();
        expect(bestPossibleDso({ arCurrent: usd(cur), sales: usd(s), days: n })).toBeNull();
        expect(averageDaysDelinquent({ arEnd: usd(ar), arCurrent: usd(cur), sales: usd(s), days: n })).toBeNull();
      }),
    );
  });

  test('BPDSO ≤ DSO when AR_current ≤ AR_end, so ADD ≥ 0 (both forms); the inputs form is exact', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.nat(10 ** 12), positive(), periodDays, (a, b, s, n) => {
        const [cur, end] = a <= b ? [a, b] : [b, a];
        const sales = usd(s);
        const x = dso({ arEnd: usd(end), sales, days: n }) as number;
        const y = bestPossibleDso({ arCurrent: usd(cur), sales, days: n }) as number;
        expect(y).toBeLessThanOrEqual(x);
        const fromValues = averageDaysDelinquent(x, y) as number;
        const exact = averageDaysDelinquent({ arEnd: usd(end), arCurrent: usd(cur), sales, days: n }) as number;
        expect(fromValues).toBeGreaterThanOrEqual(0);
        expect(exact).toBeGreaterThanOrEqual(0);
        // the number form carries the rounding of DSO and BPDSO: an error relative to DSO, not to ADD
        expect(Math.abs(fromValues - exact)).toBeLessThanOrEqual(Math.max(1e-12, x * 1e-14));
        expect(formatMetric(exact)).toBe(exactOneDecimal((BigInt(end) - BigInt(cur)) * BigInt(n), BigInt(s)));
      }),
    );
  });
});

describe('countbackDso', () => {
  const monthKey = (index: number): string => {
    const y = Math.floor(index / 12);
    return `${y}-${String(index - y * 12 + 1).padStart(2, '0')}`;
  };
  /** asOf between 2000 and 2040, AR, and sales for up to 30 months back (some missing, some ≤ 0). */
  const scenario = fc.record({
    asOfDay: fc.integer({ min: toDayNumber('2000-01-01' as CalendarDate), max: toDayNumber('2040-12-31' as CalendarDate) }),
    ar: fc.integer({ min: -(10 ** 9), max: 10 ** 10 }),
    sales: fc.array(fc.option(fc.integer({ min: -(10 ** 6), max: 10 ** 9 }), { nil: undefined }), { maxLength: 30 }),
    fixed: fc.option(fc.integer({ min: 28, max: 31 }), { nil: undefined }),
  });

  function build(s: { asOfDay: number; ar: number; sales: (number | undefined)[]; fixed: number | undefined }) {
    const asOf = fromDayNumber(s.asOfDay);
    const asOfIndex = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
    const monthlySales = s.sales.flatMap((v, i) => (v === undefined ? [] : [{ month: monthKey(asOfIndex - i), sales: usd(v) }]));
    const lengths = Array.from({ length: 24 }, (_, i) => {
      if (s.fixed !== undefined) return s.fixed;
      if (i === 0) return Number(asOf.slice(8, 10));
      const idx = asOfIndex - i;
      const y = Math.floor(idx / 12);
      return daysInYearMonth(y, idx - y * 12 + 1);
    });
    return { asOf, monthlySales, lengths, input: { arEnd: usd(s.ar), asOf, monthlySales, monthDays: s.fixed ?? ('calendar' as const) } };
  }

  test('agrees with a plain reference walk', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { input, lengths } = build(s);
        let remaining = s.ar;
        let days = 0;
        let expected: number | null = null;
        for (let i = 0; i < 24 && expected === null; i++) {
          const v = s.sales[i] ?? 0;
          if (v <= 0 || remaining >= v) {
            if (v > 0) remaining -= v;
            days += lengths[i];
          } else {
            expected = days + (remaining / v) * lengths[i];
          }
        }
        const want = expected ?? days;
        expect(Math.abs(countbackDso(input) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 300 },
    );
  });

  test('never more than the days of 24 months; never negative when AR ≥ 0; monotone in AR', () => {
    fc.assert(
      fc.property(scenario, fc.nat(10 ** 9), (s, extra) => {
        const { input, lengths } = build(s);
        const v = countbackDso(input);
        expect(v).toBeLessThanOrEqual(lengths.reduce((a, b) => a + b, 0));
        if (s.ar >= 0) expect(v).toBeGreaterThanOrEqual(0);
        expect(countbackDso({ ...input, arEnd: usd(s.ar + extra) })).toBeGreaterThanOrEqual(v);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cei', () => {
  test('exact CRF form; null iff the denominator ≤ 0; ≤ 100 when AR_end_current ≤ AR_end_total', () => {
    fc.assert(
      fc.property(amount(), amount(), fc.nat(10 ** 12), fc.nat(10 ** 12), periodDays, (b, s, x, y, n) => {
        const [cur, total] = x <= y ? [x, y] : [y, x];
        const v = cei({ arBegin: usd(b), sales: usd(s), days: n, arEndTotal: usd(total), arEndCurrent: usd(cur) });
        const N = BigInt(n);
        const base = N * BigInt(b) + 30n * BigInt(s);
        const num = base - N * BigInt(total);
        const den = base - N * BigInt(cur);
        if (den <= 0n) {
          expect(v).toBeNull();
        } else {
          expect(v as number).toBeLessThanOrEqual(100);
          // exact to the tenth wherever a double has a tenths digit (|CEI| < 1e12)
          if (num * 100n < den * 10n ** 12n && -num * 100n < den * 10n ** 12n) {
            expect(formatMetric(v)).toBe(exactOneDecimal(num * 100n, den));
          }
        }
      }),
    );
  });
});

describe('agingRows', () => {
  test('Σ buckets = open invoices; Net AR = open − unapplied credits; shares null iff open ≤ 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(10 ** 12), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(10 ** 5), { minLength: 6, maxLength: 6 }),
        fc.nat(10 ** 12),
        fc.nat(10 ** 12),
        (amounts, counts, credits, deposits) => {
          const totals = Object.fromEntries(BUCKET_KEYS.map((k, i) => [k, minor(amounts[i])])) as BucketTotals;
          const countMap = Object.fromEntries(BUCKET_KEYS.map((k, i) => [k, counts[i]])) as Record<(typeof BUCKET_KEYS)[number], number>;
          const rows = agingRows({
            buckets: { currency: 'USD', totals, counts: countMap },
            unappliedCredits: { amount: usd(credits), count: 1 },
            unappliedDeposits: { amount: usd(deposits), count: 1 },
          });
          const open = amounts.reduce((a, c) => a + c, 0);
          const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
          expect(rows.slice(0, 6).reduce((a, r) => a + r.amount.amount, 0)).toBe(open);
          expect(byKey.open.amount.amount).toBe(open);
          expect(byKey.open.count).toBe(counts.reduce((a, c) => a + c, 0));
          expect(byKey.netAr.amount.amount).toBe(open - credits);
          expect(byKey.unappliedDeposits.amount.amount).toBe(deposits);
          for (const r of rows) {
            if (open === 0) expect(r.share).toBeNull();
            else if (Math.abs(r.amount.amount) * 100 < open * 1e12) {
              expect(formatMetric(r.share)).toBe(exactOneDecimal(BigInt(r.amount.amount) * 100n, BigInt(open)));
            }
          }
          if (open > 0) expect(byKey.open.share).toBe(100);
        },
      ),
    );
  });
});

describe('ledger replays', () => {
  const START = toDayNumber('2025-01-01' as CalendarDate);
  const day = fc.integer({ min: 0, max: 500 }).map((n) => fromDayNumber(START + n));

  /** A random consistent ledger: invoices, applications within totals, credits with applied parts within amounts. */
  const ledgerArb: fc.Arbitrary<Ledger> = fc
    .record({
      invoices: fc.array(fc.record({ date: day, amount: fc.nat(100_000) }), { maxLength: 25 }),
      apps: fc.array(fc.record({ inv: fc.nat(), date: day, part: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 40 }),
      credits: fc.array(
        fc.record({
          kind: fc.constantFrom('creditMemo' as const, 'payment' as const),
          date: day,
          amount: fc.nat(100_000),
          parts: fc.array(fc.record({ date: day, part: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
        }),
        { maxLength: 15 },
      ),
    })
    .map(({ invoices, apps, credits }) => {
      const inv = invoices.map((x, i) => ({ id: `I${i}`, date: x.date, amount: minor(x.amount) }));
      const left = inv.map((x) => x.amount as number);
      const applications = inv.length === 0 ? [] : apps.flatMap((a) => {
        const i = a.inv % inv.length;
        const amt = Math.floor(left[i] * a.part);
        left[i] -= amt;
        return [{ invoiceId: inv[i].id, date: a.date, amount: minor(amt) }];
      });
      const cr = credits.map((c) => {
        let rest = c.amount;
        const applied = c.parts.map((p) => {
          const amt = Math.floor(rest * p.part);
          rest -= amt;
          return { date: p.date, amount: minor(amt) };
        });
        return { kind: c.kind, date: c.date, amount: minor(c.amount), applied };
      });
      return { currency: 'USD', invoices: inv, applications, credits: cr };
    });

  /** Naive replay of the definition for one date. */
  function naiveAr(l: Ledger, at: CalendarDate): { gross: number; credits: number } {
    const invDate = new Map(l.invoices.map((i) => [i.id, i.date]));
    let gross = 0;
    for (const i of l.invoices) if (i.date <= at) gross += i.amount;
    for (const a of l.applications) if (a.date <= at && (invDate.get(a.invoiceId) as string) <= at) gross -= a.amount;
    let credits = 0;
    for (const c of l.credits) {
      if (c.date > at) continue;
      credits += c.amount;
      for (const p of c.applied) if (p.date <= at) credits -= p.amount;
    }
    return { gross, credits };
  }

  function naiveSales(l: Ledger, at: CalendarDate, n: number): number {
    const from = addDays(at, -n); // excluded
    let s = 0;
    for (const i of l.invoices) if (i.date > from && i.date <= at) s += i.amount;
    for (const c of l.credits) if (c.kind === 'creditMemo' && c.date > from && c.date <= at) s -= c.amount;
    return s;
  }

  test('arAsOfDates agrees with a replay of the definition at every date', () => {
    fc.assert(
      fc.property(ledgerArb, fc.array(day, { minLength: 1, maxLength: 12 }), (l, dates) => {
        const got = arAsOfDates(l, dates);
        dates.forEach((at, i) => {
          const { gross, credits } = naiveAr(l, at);
          expect(got[i]).toEqual({ date: at, gross: usd(gross), unappliedCredits: usd(credits), net: usd(gross - credits) });
          expect(got[i].unappliedCredits.amount).toBeGreaterThanOrEqual(0);
          expect(got[i].gross.amount).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('salesAsOfDates agrees with a replay of the definition', () => {
    fc.assert(
      fc.property(ledgerArb, fc.array(day, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }), (l, dates, n) => {
        const got = salesAsOfDates(l, dates, n);
        dates.forEach((at, i) => expect(got[i]).toEqual(usd(naiveSales(l, at, n))));
      }),
      { numRuns: 200 },
    );
  });

  test('AR at the last date equals all invoices minus all applications minus all unapplied credits', () => {
    fc.assert(
      fc.property(ledgerArb, (l) => {
        const end = fromDayNumber(START + 500);
        const [p] = arAsOfDates(l, [end]);
        const sum = (xs: { amount: Minor }[]): number => xs.reduce((a, x) => a + x.amount, 0);
        const credits = l.credits.reduce((a, c) => a + c.amount - sum([...c.applied]), 0);
        expect(p.net.amount).toBe(sum([...l.invoices]) - sum([...l.applications]) - credits);
        expect(diffDays(end, p.date)).toBe(0);
      }),
    );
  });
});
