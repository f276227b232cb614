/**
 * KPI definitions and test vectors: carried over from the project's "Receivables KPIs" reference
 * (ar-kpis.md); the tests never read it at run time. Amounts in the vectors are major units; the
 * helpers turn them into minor units (× 100).
 */
import { agingTotals, emptyBucketTotals, type AgingItem, type BucketTotals } from '../../../ts/core/aging';
import { type CalendarDate, parseIsoDate } from '../../../ts/core/dates';
import {
  COUNTBACK_MAX_MONTHS,
  CRF_MEDIANS,
  type Ledger,
  type Money,
  type PaidInvoice,
  agingPercents,
  agingRows,
  arAsOf,
  arAsOfDates,
  averageDaysDelinquent,
  averageDaysLate,
  averageDaysToPay,
  bestPossibleDso,
  cei,
  countbackDso,
  dso,
  dsoTrend,
  formatMetric,
  money,
  monthEndDates,
  roundMetric,
  salesAsOfDates,
  unappliedCashPct,
} from '../../../ts/core/kpi';
import { type Minor, minor } from '../../../ts/core/money';

const d = (s: string): CalendarDate => parseIsoDate(s);
const usd = (major: number): Money => money('USD', Math.round(major * 100));
const eur = (major: number): Money => money('EUR', Math.round(major * 100));
const m = (major: number): Minor => minor(Math.round(major * 100));

describe('money', () => {
  test('makes a Money, normalises -0, rejects bad input', () => {
    expect(money('USD', 1250)).toEqual({ currency: 'USD', amount: 1250 });
    expect(Object.is(money('USD', -0).amount, 0)).toBe(true);
    expect(() => money('USD', 12.5)).toThrow(/minor units/);
    expect(() => money('', 1)).toThrow(/currency/);
  });
});

describe('reference vectors (ar-kpis.md)', () => {
  test('DSO standard: AR_end 15,000, Sales_30 10,000, N 30 → 45.0', () => {
    const v = dso({ arEnd: usd(15_000), sales: usd(10_000), days: 30 });
    expect(v).toBe(45);
    expect(formatMetric(v)).toBe('45.0');
  });

  test('countback (30-day months): AR 212,000; sales 100,000, 80,000, 70,000 → 73.7', () => {
    const v = countbackDso({
      arEnd: usd(212_000),
      asOf: d('2026-03-31'),
      monthlySales: [
        { month: '2026-03', sales: usd(100_000) },
        { month: '2026-02', sales: usd(80_000) },
        { month: '2026-01', sales: usd(70_000) },
      ],
      monthDays: 30,
    });
    expect(v).toBeCloseTo(30 + 30 + (32_000 / 70_000) * 30, 12);
    expect(formatMetric(v)).toBe('73.7');
  });

  test('BPDSO and ADD: AR_end 15,000, AR_current 4,000, Sales_30 10,000 → 45, 12, 33', () => {
    const s = usd(10_000);
    const a = dso({ arEnd: usd(15_000), sales: s, days: 30 });
    const b = bestPossibleDso({ arCurrent: usd(4_000), sales: s, days: 30 });
    expect([a, b, averageDaysDelinquent(a, b)]).toEqual([45, 12, 33]);
    expect([a, b, averageDaysDelinquent(a, b)].map((x) => formatMetric(x))).toEqual(['45.0', '12.0', '33.0']);
  });

  test('CEI: 6,200; 10,890 over 3 months; 6,340; 3,590 → 3,490 ÷ 6,240 × 100 = 55.9', () => {
    const v = cei({ arBegin: usd(6_200), sales: usd(10_890), days: 90, arEndTotal: usd(6_340), arEndCurrent: usd(3_590) });
    expect(v).toBeCloseTo((3_490 / 6_240) * 100, 12);
    expect(formatMetric(v)).toBe('55.9');
  });

  test('CRF medians (Q1 2021)', () => {
    expect(CRF_MEDIANS).toEqual({
      dso: 38.0,
      bestPossibleDso: 32.0,
      averageDaysDelinquent: 3.0,
      cei: 86.5,
      pctCurrent: 90.6,
      pctOver91Days: 0.56,
    });
    expect(Object.isFrozen(CRF_MEDIANS)).toBe(true);
    expect(formatMetric(CRF_MEDIANS.dso)).toBe('38.0');
    expect(formatMetric(CRF_MEDIANS.pctOver91Days, 2)).toBe('0.56');
  });
});

describe('dso / bestPossibleDso', () => {
  test('no sales, negative net sales (credit memos larger than invoices) → null, never a division error', () => {
    expect(dso({ arEnd: usd(15_000), sales: usd(0), days: 90 })).toBeNull();
    expect(dso({ arEnd: usd(15_000), sales: usd(-2_000), days: 90 })).toBeNull();
    expect(bestPossibleDso({ arCurrent: usd(4_000), sales: usd(0), days: 90 })).toBeNull();
    expect(averageDaysDelinquent(null, 12)).toBeNull();
    expect(averageDaysDelinquent(45, null)).toBeNull();
    expect(formatMetric(dso({ arEnd: usd(1), sales: usd(0), days: 90 }))).toBe('');
  });

  test('empty AR → 0; net credit position → negative', () => {
    expect(dso({ arEnd: usd(0), sales: usd(10_000), days: 90 })).toBe(0);
    expect(dso({ arEnd: usd(-1_000), sales: usd(10_000), days: 30 })).toBe(-3);
  });

  test('exact for amounts whose product with N passes 2^53', () => {
    const ar = minor(9_007_199_254_740_991); // MAX_SAFE_INTEGER
    const v = dso({ arEnd: money('USD', ar), sales: money('USD', 3), days: 90 });
    expect(v).toBe(270_215_977_642_229_730); // 9007199254740991 × 30, nearest double
    const w = dso({ arEnd: money('USD', 9_007_199_254_740_991), sales: money('USD', 9_007_199_254_740_990), days: 90 });
    expect(formatMetric(w)).toBe('90.0');
  });

  test('half-way values round half away from zero at presentation only', () => {
    // 901 × 1 ÷ 20 = 45.05 exactly → '45.1'
    const v = dso({ arEnd: usd(901), sales: usd(20), days: 1 });
    expect(v).toBe(45.05);
    expect(formatMetric(v)).toBe('45.1');
    expect(formatMetric(dso({ arEnd: usd(-901), sales: usd(20), days: 1 }))).toBe('-45.1');
  });

  test('rejects bad period days', () => {
    for (const days of [0, -30, 1.5, NaN]) {
      expect(() => dso({ arEnd: usd(1), sales: usd(1), days })).toThrow(/period days/);
    }
  });

  test('mixed currencies rejected', () => {
    expect(() => dso({ arEnd: usd(15_000), sales: eur(10_000), days: 30 })).toThrow(/different currencies.*arEnd "USD".*sales "EUR"/);
    expect(() => bestPossibleDso({ arCurrent: eur(1), sales: usd(1), days: 30 })).toThrow(/different currencies/);
    expect(() => dso({ arEnd: { currency: 'USD', amount: 1.5 as Minor }, sales: usd(1), days: 30 })).toThrow(/minor units/);
  });
});

describe('averageDaysDelinquent', () => {
  test('subtracts the written decimals exactly', () => {
    expect(averageDaysDelinquent(45.05, 12)).toBe(33.05);
    expect(averageDaysDelinquent(0.3, 0.1)).toBe(0.2); // not 0.19999999999999998
    expect(averageDaysDelinquent(12, 12)).toBe(0);
    expect(Object.is(averageDaysDelinquent(-0, 0), 0)).toBe(true);
    expect(averageDaysDelinquent(10, 12.5)).toBe(-2.5);
    expect(averageDaysDelinquent(1e21, 1)).toBe(1e21);
  });
  test('undefined inputs', () => {
    expect(averageDaysDelinquent(NaN, 1)).toBeNull();
    expect(averageDaysDelinquent(1, Infinity)).toBeNull();
  });
});

describe('countbackDso', () => {
  const sales = (entries: [string, number][]): { month: string; sales: Money }[] =>
    entries.map(([month, v]) => ({ month, sales: usd(v) }));

  test('calendar months: March to date (31), February 2026 (28), January (31)', () => {
    const v = countbackDso({
      arEnd: usd(212_000),
      asOf: d('2026-03-31'),
      monthlySales: sales([
        ['2026-01', 70_000],
        ['2026-02', 80_000],
        ['2026-03', 100_000],
      ]),
    });
    expect(v).toBeCloseTo(31 + 28 + (32 / 70) * 31, 12);
  });

  test('the month of asOf counts its days up to and including asOf', () => {
    // 15 days of March with 50,000 of sales, then all of February
    const v = countbackDso({
      arEnd: usd(90_000),
      asOf: d('2026-03-15'),
      monthlySales: sales([
        ['2026-03', 50_000],
        ['2026-02', 80_000],
      ]),
    });
    expect(v).toBeCloseTo(15 + (40 / 80) * 28, 12);
    // AR within the month of asOf
    expect(
      countbackDso({ arEnd: usd(25_000), asOf: d('2026-03-15'), monthlySales: sales([['2026-03', 50_000]]) }),
    ).toBeCloseTo(7.5, 12);
    // leap February
    expect(
      countbackDso({ arEnd: usd(150), asOf: d('2024-03-31'), monthlySales: sales([['2024-03', 100], ['2024-02', 100]]) }),
    ).toBeCloseTo(31 + 14.5, 12);
  });

  test('AR equal to the sales of the months walked: whole months', () => {
    const v = countbackDso({
      arEnd: usd(180_000),
      asOf: d('2026-03-31'),
      monthlySales: sales([
        ['2026-03', 100_000],
        ['2026-02', 80_000],
        ['2026-01', 70_000],
      ]),
      monthDays: 30,
    });
    expect(v).toBe(60);
  });

  test('a month with zero or negative sales adds all its days and the walk goes on; a missing month is one without sales', () => {
    const base = { arEnd: usd(150_000), asOf: d('2026-03-31'), monthDays: 30 as const };
    const withZero = countbackDso({
      ...base,
      monthlySales: sales([
        ['2026-03', 100_000],
        ['2026-02', 0],
        ['2026-01', 100_000],
      ]),
    });
    expect(withZero).toBe(30 + 30 + 15);
    const withNegative = countbackDso({
      ...base,
      monthlySales: sales([
        ['2026-03', 100_000],
        ['2026-02', -5_000],
        ['2026-01', 100_000],
      ]),
    });
    expect(withNegative).toBe(75); // the negative month does not add to the remaining AR either
    const missing = countbackDso({
      ...base,
      monthlySales: sales([
        ['2026-03', 100_000],
        ['2026-01', 100_000],
      ]),
    });
    expect(missing).toBe(75);
  });

  test('the walk stops after 24 months with the days counted so far', () => {
    expect(COUNTBACK_MAX_MONTHS).toBe(24);
    const many = Array.from({ length: 40 }, (_, i) => {
      const index = 2026 * 12 + 2 - i;
      const y = Math.floor(index / 12);
      return { month: `${y}-${String(index - y * 12 + 1).padStart(2, '0')}`, sales: usd(1_000) };
    });
    const fixed = countbackDso({ arEnd: usd(10_000_000), asOf: d('2026-03-31'), monthlySales: many, monthDays: 30 });
    expect(fixed).toBe(24 * 30);
    const calendar = countbackDso({ arEnd: usd(10_000_000), asOf: d('2026-03-31'), monthlySales: many });
    expect(calendar).toBe(730); // April 2024 … March 2026
    const noSales = countbackDso({ arEnd: usd(10_000_000), asOf: d('2026-03-10'), monthlySales: [] });
    expect(noSales).toBe(10 + 365 + 334); // 10 days of March 2026, then April 2024 … February 2026
    // AR used up exactly in month 24: still 24 months
    const exact = countbackDso({ arEnd: usd(24_000), asOf: d('2026-03-31'), monthlySales: many, monthDays: 30 });
    expect(exact).toBe(720);
  });

  test('no sales at all, empty AR, negative AR (taken literally)', () => {
    expect(countbackDso({ arEnd: usd(0), asOf: d('2026-03-31'), monthlySales: sales([['2026-03', 1_000]]) })).toBe(0);
    // zero-sales months met first are counted even when AR is 0 (the definition's rule, literally)
    expect(
      countbackDso({ arEnd: usd(0), asOf: d('2026-03-31'), monthlySales: sales([['2026-02', 1_000]]), monthDays: 30 }),
    ).toBe(30);
    expect(
      countbackDso({ arEnd: usd(-500), asOf: d('2026-03-31'), monthlySales: sales([['2026-03', 1_000]]), monthDays: 30 }),
    ).toBe(-15);
  });

  test('rejects bad input and mixed currencies', () => {
    const asOf = d('2026-03-31');
    expect(() => countbackDso({ arEnd: usd(1), asOf, monthlySales: [{ month: '2026-03', sales: eur(1) }] })).toThrow(
      /different currencies/,
    );
    expect(() => countbackDso({ arEnd: usd(1), asOf, monthlySales: sales([['2026-04', 1]]) })).toThrow(/after the month of asOf/);
    expect(() => countbackDso({ arEnd: usd(1), asOf, monthlySales: sales([['2026-3', 1]]) })).toThrow(/YYYY-MM/);
    expect(() => countbackDso({ arEnd: usd(1), asOf, monthlySales: sales([['2026-03', 1], ['2026-03', 2]]) })).toThrow(/two entries/);
    expect(() => countbackDso({ arEnd: usd(1), asOf, monthlySales: [], monthDays: 0 })).toThrow(/monthDays/);
    expect(() => countbackDso({ arEnd: usd(1), asOf: '2026-02-30' as CalendarDate, monthlySales: [] })).toThrow(/asOf/);
  });
});

describe('cei', () => {
  test('zero or negative denominator → null', () => {
    // AR_begin + Sales/M − AR_end_current = 0
    expect(cei({ arBegin: usd(0), sales: usd(0), days: 90, arEndTotal: usd(0), arEndCurrent: usd(0) })).toBeNull();
    expect(cei({ arBegin: usd(1_000), sales: usd(3_000), days: 90, arEndTotal: usd(500), arEndCurrent: usd(2_000) })).toBeNull();
    expect(cei({ arBegin: usd(1_000), sales: usd(-9_000), days: 90, arEndTotal: usd(0), arEndCurrent: usd(0) })).toBeNull();
  });
  test('everything collected → 100; M from N (N = 30: M = 1)', () => {
    expect(cei({ arBegin: usd(1_000), sales: usd(3_000), days: 90, arEndTotal: usd(300), arEndCurrent: usd(300) })).toBe(100);
    // (100 + 100 − 150) ÷ (100 + 100 − 50) × 100 = 100/3, correctly rounded (not (50/150)×100 rounded twice)
    expect(cei({ arBegin: usd(100), sales: usd(100), days: 30, arEndTotal: usd(150), arEndCurrent: usd(50) })).toBe(100 / 3);
  });
  test('Sales ÷ M need not be whole: computed exactly', () => {
    // N = 45, M = 1.5: (0 + 100 ÷ 1.5 − 33.33) ÷ (0 + 100 ÷ 1.5 − 0) = (45·0 + 30·10000 − 45·3333) ÷ (30·10000) = 0.50005
    const v = cei({ arBegin: usd(0), sales: usd(100), days: 45, arEndTotal: usd(33.33), arEndCurrent: usd(0) });
    expect(v).toBe(50.005);
    expect(formatMetric(v)).toBe('50.0');
    expect(formatMetric(v, 2)).toBe('50.01');
  });
  test('mixed currencies rejected', () => {
    expect(() => cei({ arBegin: usd(1), sales: usd(1), days: 90, arEndTotal: usd(1), arEndCurrent: eur(1) })).toThrow(
      /arEndCurrent "EUR"/,
    );
  });
});

describe('unappliedCashPct', () => {
  test('(payments + credits) ÷ gross open AR × 100', () => {
    expect(unappliedCashPct({ unappliedPayments: usd(1_000), openCredits: usd(500), grossOpenAr: usd(100_000) })).toBe(1.5);
    expect(unappliedCashPct({ unappliedPayments: usd(0), openCredits: usd(0), grossOpenAr: usd(100) })).toBe(0);
  });
  test('empty AR → null; negative magnitudes and mixed currencies rejected', () => {
    expect(unappliedCashPct({ unappliedPayments: usd(1), openCredits: usd(1), grossOpenAr: usd(0) })).toBeNull();
    expect(() => unappliedCashPct({ unappliedPayments: usd(-1), openCredits: usd(1), grossOpenAr: usd(10) })).toThrow(/≥ 0/);
    expect(() => unappliedCashPct({ unappliedPayments: usd(1), openCredits: eur(1), grossOpenAr: usd(10) })).toThrow(
      /different currencies/,
    );
  });
});

describe('averageDaysToPay / averageDaysLate', () => {
  const paid: PaidInvoice[] = [
    { amount: usd(100), invoiceDate: d('2026-01-01'), dueDate: d('2026-01-31'), paidDate: d('2026-01-11') }, // 10 days, 20 early
    { amount: usd(300), invoiceDate: d('2026-01-01'), dueDate: d('2026-01-15'), paidDate: d('2026-01-31') }, // 30 days, 16 late
  ];
  test('weighted by amount', () => {
    expect(averageDaysToPay(paid)).toBe((100 * 10 + 300 * 30) / 400);
    expect(averageDaysLate(paid)).toBe((100 * -20 + 300 * 16) / 400);
  });
  test('no due date: days late from the transaction date', () => {
    const noDue: PaidInvoice[] = [{ amount: usd(50), invoiceDate: d('2026-01-01'), dueDate: null, paidDate: d('2026-01-08') }];
    expect(averageDaysLate(noDue)).toBe(7);
    expect(averageDaysLate([{ amount: usd(50), invoiceDate: d('2026-01-01'), paidDate: d('2026-01-08') }])).toBe(7);
  });
  test('none, or all zero amounts → null', () => {
    expect(averageDaysToPay([])).toBeNull();
    expect(averageDaysLate([])).toBeNull();
    expect(averageDaysToPay([{ amount: usd(0), invoiceDate: d('2026-01-01'), paidDate: d('2026-01-08') }])).toBeNull();
  });
  test('exact with sums beyond 2^53', () => {
    const big = money('USD', 9_000_000_000_000_000);
    const list: PaidInvoice[] = [
      { amount: big, invoiceDate: d('2026-01-01'), paidDate: d('2026-01-02') },
      { amount: big, invoiceDate: d('2026-01-01'), paidDate: d('2026-01-03') },
    ];
    expect(averageDaysToPay(list)).toBe(1.5);
  });
  test('mixed currencies, negative amounts, bad dates rejected', () => {
    expect(() => averageDaysToPay([paid[0], { ...paid[1], amount: eur(300) }])).toThrow(/different currencies/);
    expect(() => averageDaysToPay([{ ...paid[0], amount: usd(-1) }])).toThrow(/≥ 0/);
    expect(() => averageDaysToPay([{ ...paid[0], paidDate: '2026-13-01' as CalendarDate }])).toThrow(/paidDate/);
  });
});

// A small ledger worked by hand:
// INV1 10 Jan 1,000; INV2 5 Feb 500; INV3 20 Mar 300.
// Payment 1 Feb 1,200: 1,000 to INV1 on 1 Feb, 200 left unapplied until applied to INV2 on 20 Feb.
// Credit memo 1 Mar 100, unapplied. Deposit application of 300 to INV3 on 25 Mar (deposits are no credit).
const LEDGER: Ledger = {
  currency: 'USD',
  invoices: [
    { id: 'INV1', date: d('2026-01-10'), amount: m(1_000) },
    { id: 'INV2', date: d('2026-02-05'), amount: m(500) },
    { id: 'INV3', date: d('2026-03-20'), amount: m(300) },
  ],
  applications: [
    { invoiceId: 'INV1', date: d('2026-02-01'), amount: m(1_000) },
    { invoiceId: 'INV2', date: d('2026-02-20'), amount: m(200) },
    { invoiceId: 'INV3', date: d('2026-03-25'), amount: m(300) },
  ],
  credits: [
    {
      kind: 'payment',
      date: d('2026-02-01'),
      amount: m(1_200),
      applied: [
        { date: d('2026-02-01'), amount: m(1_000) },
        { date: d('2026-02-20'), amount: m(200) },
      ],
    },
    { kind: 'creditMemo', date: d('2026-03-01'), amount: m(100), applied: [] },
  ],
};

describe('arAsOf', () => {
  test.each<[string, number, number, number]>([
    ['2026-01-09', 0, 0, 0],
    ['2026-01-10', 1_000, 0, 1_000],
    ['2026-01-31', 1_000, 0, 1_000],
    ['2026-02-01', 0, 200, -200],
    ['2026-02-10', 500, 200, 300],
    ['2026-02-28', 300, 0, 300],
    ['2026-03-01', 300, 100, 200],
    ['2026-03-24', 600, 100, 500],
    ['2026-03-31', 300, 100, 200],
  ])('as of %s: gross %p, unapplied credits %p, net %p', (date, gross, credits, net) => {
    const p = arAsOf(LEDGER, d(date));
    expect(p).toEqual({ date, gross: usd(gross), unappliedCredits: usd(credits), net: usd(net) });
  });

  test('several dates at once, in the order given, duplicates allowed', () => {
    const dates = ['2026-03-31', '2026-01-31', '2026-03-31', '2026-02-10'].map(d);
    expect(arAsOfDates(LEDGER, dates).map((p) => [p.date, p.net.amount])).toEqual([
      ['2026-03-31', m(200)],
      ['2026-01-31', m(1_000)],
      ['2026-03-31', m(200)],
      ['2026-02-10', m(300)],
    ]);
    expect(arAsOfDates(LEDGER, [])).toEqual([]);
  });

  test('an application dated before its invoice counts from the invoice date', () => {
    const ledger: Ledger = {
      currency: 'USD',
      invoices: [{ id: 'A', date: d('2026-02-10'), amount: m(100) }],
      applications: [{ invoiceId: 'A', date: d('2026-02-01'), amount: m(40) }],
      credits: [],
    };
    expect(arAsOf(ledger, d('2026-02-05')).gross).toEqual(usd(0));
    expect(arAsOf(ledger, d('2026-02-10')).gross).toEqual(usd(60));
  });

  test('empty ledger → 0', () => {
    expect(arAsOf({ currency: 'EUR', invoices: [], applications: [], credits: [] }, d('2026-01-01'))).toEqual({
      date: '2026-01-01',
      gross: eur(0),
      unappliedCredits: eur(0),
      net: eur(0),
    });
  });

  test('rejects inconsistent ledgers', () => {
    const base = { currency: 'USD', invoices: [{ id: 'A', date: d('2026-01-01'), amount: m(100) }], applications: [], credits: [] };
    const at = d('2026-02-01');
    expect(() => arAsOf({ ...base, applications: [{ invoiceId: 'B', date: at, amount: m(1) }] }, at)).toThrow(/unknown invoice "B"/);
    expect(() => arAsOf({ ...base, applications: [{ invoiceId: 'A', date: at, amount: m(101) }] }, at)).toThrow(/exceed its total/);
    expect(() => arAsOf({ ...base, invoices: [...base.invoices, ...base.invoices] }, at)).toThrow(/two invoices/);
    expect(() => arAsOf({ ...base, invoices: [{ id: 'A', date: at, amount: m(-1) }] }, at)).toThrow(/≥ 0/);
    expect(() =>
      arAsOf({ ...base, credits: [{ kind: 'payment', date: at, amount: m(10), applied: [{ date: at, amount: m(11) }] }] }, at),
    ).toThrow(/exceed its amount/);
    expect(() => arAsOf({ ...base, invoices: [{ id: 'A', date: '2026-1-1' as CalendarDate, amount: m(1) }] }, at)).toThrow(/date of invoice/);
    expect(() => arAsOf({ ...base, currency: '' }, at)).toThrow(/currency/);
    expect(() => arAsOf(base, '2026-02-31' as CalendarDate)).toThrow(/date 0/);
  });
});

describe('salesAsOfDates', () => {
  test('invoices minus credit memos in (D − N, D]; payments are not sales', () => {
    expect(salesAsOfDates(LEDGER, [d('2026-03-31')], 90)).toEqual([usd(1_000 + 500 + 300 - 100)]);
    // (2026-01-10, 2026-03-10]: INV2 − CM
    expect(salesAsOfDates(LEDGER, [d('2026-03-10')], 59)).toEqual([usd(400)]);
    // window boundaries: D − N excluded, D included
    expect(salesAsOfDates(LEDGER, [d('2026-02-05')], 26)).toEqual([usd(500)]);
    expect(salesAsOfDates(LEDGER, [d('2026-02-05')], 27)).toEqual([usd(1_500)]);
    expect(salesAsOfDates(LEDGER, [d('2026-02-04')], 365)).toEqual([usd(1_000)]);
  });
  test('negative net sales → DSO null', () => {
    const ledger: Ledger = {
      currency: 'USD',
      invoices: [{ id: 'A', date: d('2026-01-05'), amount: m(100) }],
      applications: [],
      credits: [{ kind: 'creditMemo', date: d('2026-03-01'), amount: m(50), applied: [] }],
    };
    // (2026-02-28, 2026-03-31]: the credit memo only
    const [s] = salesAsOfDates(ledger, [d('2026-03-31')], 31);
    expect(s).toEqual(usd(-50));
    expect(dso({ arEnd: arAsOf(ledger, d('2026-03-31')).net, sales: s, days: 31 })).toBeNull();
    // (2026-03-01, 2026-03-31]: D − N is outside the window
    expect(salesAsOfDates(ledger, [d('2026-03-31')], 30)).toEqual([usd(0)]);
  });
});

describe('monthEndDates / dsoTrend', () => {
  test('month ends oldest first; the month of asOf ends at asOf', () => {
    expect(monthEndDates(d('2026-03-15'), 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
    const twelve = monthEndDates(d('2026-03-31'));
    expect(twelve).toHaveLength(12);
    expect(twelve[0]).toBe('2025-04-30');
    expect(twelve[11]).toBe('2026-03-31');
    expect(twelve).toContain('2025-12-31');
    expect(() => monthEndDates(d('2026-03-31'), 0)).toThrow(/count/);
  });

  test('12 points from the ledger, null where sales ≤ 0', () => {
    const trend = dsoTrend({ ledger: LEDGER, asOf: d('2026-03-31') });
    expect(trend).toHaveLength(12);
    expect(trend.map((p) => p.date)).toEqual(monthEndDates(d('2026-03-31'), 12));
    // before any invoice: no sales → null
    expect(trend.slice(0, 9).every((p) => p.dso === null && p.sales.amount === 0 && p.arEnd.amount === 0)).toBe(true);
    const [jan, feb, mar] = trend.slice(9);
    expect(jan).toEqual({ date: '2026-01-31', arEnd: usd(1_000), sales: usd(1_000), dso: 90 });
    expect(feb).toEqual({ date: '2026-02-28', arEnd: usd(300), sales: usd(1_500), dso: 18 });
    expect(mar).toEqual({ date: '2026-03-31', arEnd: usd(200), sales: usd(1_700), dso: (200 * 90) / 1_700 });
    expect(trend.map((p) => formatMetric(p.dso)).slice(8)).toEqual(['', '90.0', '18.0', '10.6']);
  });

  test('each point agrees with arAsOf, salesAsOfDates and dso', () => {
    const trend = dsoTrend({ ledger: LEDGER, asOf: d('2026-03-24'), days: 30, months: 4 });
    for (const p of trend) {
      const ar = arAsOf(LEDGER, p.date).net;
      const [s] = salesAsOfDates(LEDGER, [p.date], 30);
      expect(p).toEqual({ date: p.date, arEnd: ar, sales: s, dso: dso({ arEnd: ar, sales: s, days: 30 }) });
    }
  });
});

describe('agingRows', () => {
  const totals = (t: Partial<Record<keyof BucketTotals, number>>): BucketTotals => ({
    ...emptyBucketTotals(),
    ...(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, m(v)])) as Partial<BucketTotals>),
  });
  const counts = { current: 3, d1_30: 2, d31_60: 1, d61_90: 1, d91_120: 0, over120: 1 };

  test('rows in order with amounts, counts and shares of open invoices', () => {
    const rows = agingRows({
      buckets: { currency: 'USD', totals: totals({ current: 5_000, d1_30: 2_000, d31_60: 1_500, d61_90: 1_000, over120: 500 }), counts },
      unappliedCredits: { amount: usd(1_200), count: 2 },
      unappliedDeposits: { amount: usd(800), count: 1 },
    });
    expect(rows.map((r) => [r.label, r.amount.amount / 100, r.count, r.share])).toEqual([
      ['Current', 5_000, 3, 50],
      ['1–30', 2_000, 2, 20],
      ['31–60', 1_500, 1, 15],
      ['61–90', 1_000, 1, 10],
      ['91–120', 0, 0, 0],
      ['Over 120', 500, 1, 5],
      ['Open invoices', 10_000, 8, 100],
      ['Unapplied credits', 1_200, 2, 12],
      ['Net AR', 8_800, null, 88],
      ['Unapplied deposits', 800, 1, 8],
    ]);
    expect(rows.map((r) => r.key)).toEqual([
      'current',
      'd1_30',
      'd31_60',
      'd61_90',
      'd91_120',
      'over120',
      'open',
      'unappliedCredits',
      'netAr',
      'unappliedDeposits',
    ]);
    expect(rows.every((r) => r.amount.currency === 'USD')).toBe(true);
  });

  test('shares rounded half away from zero to one decimal; null when nothing is open', () => {
    const rows = agingRows({
      buckets: { currency: 'USD', totals: totals({ current: 1, d1_30: 1, d31_60: 1 }), counts },
      unappliedCredits: { amount: usd(0), count: 0 },
      unappliedDeposits: { amount: usd(0), count: 0 },
    });
    expect(rows.slice(0, 3).map((r) => r.share)).toEqual([33.3, 33.3, 33.3]);
    const half = agingRows({
      buckets: { currency: 'USD', totals: { ...emptyBucketTotals(), current: minor(1), d1_30: minor(1999) }, counts },
      unappliedCredits: { amount: usd(0), count: 0 },
      unappliedDeposits: { amount: usd(0), count: 0 },
    });
    expect(half[0].share).toBe(0.1); // 0.05 % → 0.1
    const empty = agingRows({
      buckets: { currency: 'USD', totals: emptyBucketTotals(), counts: { ...counts, current: 0, d1_30: 0, d31_60: 0, d61_90: 0, over120: 0 } },
      unappliedCredits: { amount: usd(50), count: 1 },
      unappliedDeposits: { amount: usd(0), count: 0 },
    });
    expect(empty.every((r) => r.share === null)).toBe(true);
    expect(empty.find((r) => r.key === 'netAr')?.amount).toEqual(usd(-50));
  });

  test('invoices without due dates age from their transaction date (aging.ts)', () => {
    const asOf = d('2026-03-31');
    const items: AgingItem[] = [
      { amount: m(100), dueDate: null, tranDate: d('2026-02-14') }, // 45 days → 31–60
      { amount: m(200), dueDate: d('2026-04-30'), tranDate: d('2026-01-01') }, // not yet due → current
      { amount: m(300), dueDate: null, tranDate: d('2026-03-31') }, // 0 days → current
    ];
    const rows = agingRows({
      buckets: { currency: 'USD', totals: agingTotals(items, asOf), counts: { ...counts, current: 2, d1_30: 0, d61_90: 0, over120: 0 } },
      unappliedCredits: { amount: usd(0), count: 0 },
      unappliedDeposits: { amount: usd(0), count: 0 },
    });
    expect(rows[0].amount).toEqual(usd(500));
    expect(rows[2].amount).toEqual(usd(100));
    expect(rows[6].amount).toEqual(usd(600));
  });

  test('mixed currencies, negative credits, bad counts rejected', () => {
    const buckets = { currency: 'USD', totals: emptyBucketTotals(), counts };
    const zero = { amount: usd(0), count: 0 };
    expect(() => agingRows({ buckets, unappliedCredits: { amount: eur(1), count: 1 }, unappliedDeposits: zero })).toThrow(
      /different currencies.*unappliedCredits "EUR"/,
    );
    expect(() => agingRows({ buckets, unappliedCredits: zero, unappliedDeposits: { amount: eur(0), count: 0 } })).toThrow(
      /different currencies/,
    );
    expect(() => agingRows({ buckets, unappliedCredits: { amount: usd(-1), count: 1 }, unappliedDeposits: zero })).toThrow(/≥ 0/);
    expect(() => agingRows({ buckets: { ...buckets, counts: { ...counts, d1_30: -1 } }, unappliedCredits: zero, unappliedDeposits: zero })).toThrow(
      /count/,
    );
  });
});

describe('agingPercents', () => {
  test('% current and % over 90 days of open invoices', () => {
    const totals = { ...emptyBucketTotals(), current: m(906), d1_30: m(88.4), d91_120: m(5), over120: m(0.6) };
    const p = agingPercents({ currency: 'USD', totals });
    expect(formatMetric(p.pctCurrent)).toBe('90.6');
    expect(formatMetric(p.pctOver90, 2)).toBe('0.56');
    expect(agingPercents({ currency: 'USD', totals: emptyBucketTotals() })).toEqual({ pctCurrent: null, pctOver90: null });
  });
});

describe('formatMetric / roundMetric', () => {
  test.each<[number | null | undefined, string]>([
    [45, '45.0'],
    [73.71428571428571, '73.7'],
    [55.92948717948718, '55.9'],
    [45.05, '45.1'],
    [-45.05, '-45.1'],
    [0.05, '0.1'],
    [-0.05, '-0.1'],
    [-0.04, '0.0'],
    [-0, '0.0'],
    [0.95, '1.0'],
    [99.95, '100.0'],
    [1e21, '1000000000000000000000.0'],
    [1.5e-7, '0.0'],
    [null, ''],
    [undefined, ''],
    [NaN, ''],
    [Infinity, ''],
  ])('%p → %p', (v, text) => {
    expect(formatMetric(v)).toBe(text);
  });
  test('other precisions', () => {
    expect(formatMetric(2.675, 2)).toBe('2.68'); // the written decimal, not the binary 2.67499…
    expect(formatMetric(2.5, 0)).toBe('3');
    expect(formatMetric(-2.5, 0)).toBe('-3');
    expect(() => formatMetric(1, -1)).toThrow(/digits/);
  });
  test('roundMetric', () => {
    expect(roundMetric(45.05)).toBe(45.1);
    expect(roundMetric(null)).toBeNull();
    expect(Object.is(roundMetric(-0.04), 0)).toBe(true);
  });
});
