/**
 * KPI layer CPU time as the ledger grows: arAsOf over 10k / 100k / 1M ledger entries, the 12-month DSO
 * trend over 100k and 1M entries, and the per-call cost of the scalar KPIs.
 *
 * A ledger entry is one invoice, one application, one credit or one applied part of a credit. The
 * synthetic ledger (deterministic, seeded) spans three years to 2026-03-31: ~45 % invoices, ~36 %
 * applications (80 % of invoices get one, up to 120 days later), ~9 % credits (payments and credit
 * memos, one per five invoices) and ~9 % applied parts of those credits.
 *
 * Time is process CPU time (user + system) from process.cpuUsage(), the median of a few runs after a
 * warm-up on a small ledger; data generation is not timed. Targets are for Node on a developer machine:
 * roughly a tenth of what a NetSuite portlet can afford, leaving room for a slower server runtime.
 */
import type { BenchCase, BenchResult } from '../types';
import { type CalendarDate, fromDayNumber, toDayNumber } from '../../ts/core/dates';
import {
  type Ledger,
  type LedgerApplication,
  type LedgerCredit,
  type LedgerInvoice,
  agingRows,
  arAsOf,
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  countbackDso,
  dso,
  dsoTrend,
  money,
} from '../../ts/core/kpi';
import { emptyBucketTotals } from '../../ts/core/aging';
import { minor } from '../../ts/core/money';
import { rng } from '../random';

const AS_OF = '2026-03-31' as CalendarDate;
const SPAN_DAYS = 3 * 365;


/** A synthetic ledger of about `entries` entries (see the file comment). */
export function syntheticLedger(entries: number, seed = 1): Ledger {
  const rand = rng(seed);
  const last = toDayNumber(AS_OF);
  const first = last - SPAN_DAYS + 1;
  const days: CalendarDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  const dayAt = (offset: number): CalendarDate => days[Math.min(days.length - 1, offset)];
  const invoices: LedgerInvoice[] = [];
  const applications: LedgerApplication[] = [];
  const credits: LedgerCredit[] = [];
  let count = 0;
  while (count < entries) {
    const at = Math.floor(rand() * days.length);
    const id = `INV${invoices.length}`;
    const amount = 1 + Math.floor(rand() * 10_000_000);
    invoices.push({ id, date: days[at], amount: minor(amount) });
    count += 1;
    if (rand() < 0.8) {
      const paid = rand() < 0.7 ? amount : Math.floor(amount * rand());
      applications.push({ invoiceId: id, date: dayAt(at + Math.floor(rand() * 120)), amount: minor(paid) });
      count += 1;
    }
    if (invoices.length % 5 === 0) {
      const total = 1 + Math.floor(rand() * 1_000_000);
      const cAt = Math.floor(rand() * days.length);
      credits.push({
        kind: rand() < 0.5 ? 'payment' : 'creditMemo',
        date: days[cAt],
        amount: minor(total),
        applied: [{ date: dayAt(cAt + Math.floor(rand() * 60)), amount: minor(Math.floor(total * rand())) }],
      });
      count += 2;
    }
  }
  return { currency: 'USD', invoices, applications, credits };
}

function entriesOf(l: Ledger): number {
  return l.invoices.length + l.applications.length + l.credits.reduce((a, c) => a + 1 + c.applied.length, 0);
}

function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median CPU ms of `runs` calls after a warm-up call on `warm`. */
function measure(runs: number, warm: () => unknown, fn: () => unknown): number {
  warm();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  return Math.round(median(times) * 10) / 10;
}

function result(name: string, value: number, unit: string, limit: number | null): BenchResult {
  return { name, value, unit, target: limit === null ? null : `< ${limit} ${unit}`, ok: limit === null ? null : value < limit };
}

const WARM = syntheticLedger(10_000, 99);
const warmArAsOf = (): unknown => arAsOf(WARM, '2025-12-31' as CalendarDate);
const warmTrend = (): unknown => dsoTrend({ ledger: WARM, asOf: AS_OF });

function arAsOfCase(entries: number, label: string, limitMs: number, runs: number): BenchCase {
  return {
    name: `kpi: arAsOf ${label} ledger entries`,
    run() {
      const ledger = syntheticLedger(entries);
      const ms = measure(runs, warmArAsOf, () => arAsOf(ledger, '2025-12-31' as CalendarDate));
      return [
        result(`kpi: arAsOf over ${label} ledger entries (${entriesOf(ledger)}) (CPU time)`, ms, 'ms', limitMs),
        result(`kpi: arAsOf over ${label} ledger entries (CPU per entry)`, Math.round((ms * 1e6) / entriesOf(ledger)) / 1e3, 'µs', null),
      ];
    },
  };
}

function trendCase(entries: number, label: string, limitMs: number, runs: number): BenchCase {
  return {
    name: `kpi: dsoTrend 12 months, ${label} ledger entries`,
    run() {
      const ledger = syntheticLedger(entries);
      const ms = measure(runs, warmTrend, () => dsoTrend({ ledger, asOf: AS_OF, days: 90, months: 12 }));
      return [result(`kpi: dsoTrend 12 month ends over ${label} ledger entries (${entriesOf(ledger)}) (CPU time)`, ms, 'ms', limitMs)];
    },
  };
}

const usd = (n: number): ReturnType<typeof money> => money('USD', n);

const scalarCase: BenchCase = {
  name: 'kpi: scalar KPIs per call',
  run() {
    const calls = 100_000;
    const monthlySales = Array.from({ length: 24 }, (_, i) => {
      const index = 2026 * 12 + 2 - i;
      const y = Math.floor(index / 12);
      return { month: `${y}-${String(index - y * 12 + 1).padStart(2, '0')}`, sales: usd(1_000_000 + i) };
    });
    const totals = { ...emptyBucketTotals(), current: minor(5_000_000), d1_30: minor(2_000_000), over120: minor(300_000) };
    const counts = { current: 10, d1_30: 5, d31_60: 0, d61_90: 0, d91_120: 0, over120: 1 };
    const once = (): void => {
      const s = usd(1_000_000);
      const a = dso({ arEnd: usd(1_500_000), sales: s, days: 90 });
      const b = bestPossibleDso({ arCurrent: usd(400_000), sales: s, days: 90 });
      averageDaysDelinquent(a, b);
      cei({ arBegin: usd(620_000), sales: usd(1_089_000), days: 90, arEndTotal: usd(634_000), arEndCurrent: usd(359_000) });
      countbackDso({ arEnd: usd(30_000_000), asOf: AS_OF, monthlySales }); // walks all 24 months
      agingRows({
        buckets: { currency: 'USD', totals, counts },
        unappliedCredits: { amount: usd(10_000), count: 1 },
        unappliedDeposits: { amount: usd(5_000), count: 1 },
      });
    };
    const ms = measure(
      3,
      () => {
        for (let i = 0; i < 1000; i++) once();
      },
      () => {
        for (let i = 0; i < calls; i++) once();
      },
    );
    return [
      result('kpi: dso + bpdso + add + cei + 24-month countback + agingRows, one portlet refresh (CPU per call)', Math.round((ms * 1e6) / calls) / 1e3, 'µs', 1000),
    ];
  },
};

export const cases: BenchCase[] = [
  arAsOfCase(10_000, '10k', 50, 5),
  arAsOfCase(100_000, '100k', 500, 5),
  arAsOfCase(1_000_000, '1M', 5000, 3),
  trendCase(100_000, '100k', 1000, 5),
  trendCase(1_000_000, '1M', 10000, 3),
  scalarCase,
];
