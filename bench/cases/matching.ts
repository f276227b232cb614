/**
 * Deposit auto-apply planner (ts/core/matching.ts): time and memory of a whole nightly plan, and the
 * time of one very large customer.
 *
 * (a) planAll over 100,000 deposits and 500,000 open invoices of 20,000 customers. Customers are skewed
 *     (customer k is drawn as ⌊20,000·u²⌋, so a few customers have thousands of invoices and most have
 *     a handful); 90 % of the invoices are in USD / subsidiary 1, the rest spread over EUR and a second
 *     subsidiary; 2 % are disputed; 30 % were billed from a sales order. Deposits are drawn like their
 *     invoices: a quarter for a sales order (half of those still open), a quarter with a memo naming an
 *     invoice (formats like 'INV-100123', 'inv 100123', 'PO 4711'), a fifth the exact amount of an
 *     invoice, a tenth the sum of two invoices, the rest random amounts. Oldest-first is on.
 *     Reported: wall time of planAll (target < 5,000 ms), heap growth across the call with the plan
 *     still referenced, and RSS growth to the process's peak (targets < 2 GB).
 * (b) planCustomer on one customer with 5,000 open invoices and 1,000 deposits drawn the same way
 *     (target < 200 ms), oldest-first on and off (off leaves remainders behind, so COMBINATION
 *     searches and stability passes are at their most expensive). The time is of the first, cold run
 *     in the process (no warm-up), the honest figure for a nightly job.
 * (c) The COMBINATION bound at its worst: the same customer with every invoice amount even and every
 *     deposit odd, no memo and no order, oldest-first off. No set can ever add up, so every deposit's
 *     search runs until it proves that or its step budget (50,000) runs out. Informative, no target:
 *     it shows what the budget costs when it is hit every time.
 *
 * Data generation (own seeded PRNG, mulberry32) is not timed.
 */
import type { BenchCase, BenchResult } from '../types';
import { type CalendarDate, fromDayNumber, toDayNumber } from '../../ts/core/dates';
import { type Minor } from '../../ts/core/money';
import { type Deposit, type OpenInvoice, type Plan, planAll, planCustomer } from '../../ts/core/matching';
import { rng } from '../random';


interface Data {
  deposits: Deposit[];
  invoices: OpenInvoice[];
}

const FIRST_DAY = toDayNumber('2024-01-01' as CalendarDate);
const DAYS: CalendarDate[] = Array.from({ length: 2 * 366 }, (_, i) => fromDayNumber(FIRST_DAY + i));

/**
 * Synthetic deposits and invoices (see the file comment). `customerOf(u)` maps a uniform number to a
 * customer index.
 */
export function syntheticData(
  invoiceCount: number,
  depositCount: number,
  customerOf: (u: number) => number,
  seed = 1,
): Data {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const invoices: OpenInvoice[] = [];
  const byCustomer = new Map<number, OpenInvoice[]>();
  for (let i = 0; i < invoiceCount; i++) {
    const c = customerOf(rand());
    const r = rand();
    const [currency, subsidiary] = r < 0.9 ? ['USD', '1'] : r < 0.95 ? ['EUR', '1'] : ['USD', '2'];
    const day = Math.floor(rand() * (DAYS.length - 60));
    const amount = rand() < 0.2 ? 100 * (10 + Math.floor(rand() * 2000)) : 1000 + Math.floor(rand() * 500_000);
    const inv: OpenInvoice = {
      id: String(1_000_000 + i),
      customerId: String(c + 1),
      currency,
      subsidiary,
      tranDate: DAYS[day],
      dueDate: rand() < 0.9 ? DAYS[day + 30] : null,
      amountRemaining: amount as Minor,
      tranId: `INV${100_000 + i}`,
      otherRefNum: rand() < 0.3 ? `PO-${Math.floor(rand() * 100_000)}` : null,
      createdFrom: rand() < 0.3 ? `${5_000_000 + c * 8 + Math.floor(rand() * 8)}` : null,
      disputed: rand() < 0.02,
    };
    invoices.push(inv);
    const list = byCustomer.get(c);
    if (list) list.push(inv);
    else byCustomer.set(c, [inv]);
  }
  const deposits: Deposit[] = [];
  for (let i = 0; i < depositCount; i++) {
    const inv = pick(invoices);
    const own = byCustomer.get(Number(inv.customerId) - 1)!;
    const r = rand();
    let amount = 1000 + Math.floor(rand() * 300_000);
    let memo = pick(['', '', 'Deposit', 'Advance payment', 'Wire 2025']);
    let salesOrderId: string | null = null;
    if (r < 0.25) {
      salesOrderId = inv.createdFrom ?? `${5_000_000 + (Number(inv.customerId) - 1) * 8}`;
    } else if (r < 0.5) {
      const n = inv.tranId.slice(3);
      memo = pick([`Payment ${inv.tranId}`, `inv ${n}`, `INV-${n} thanks`, `for INV/${n} and INV-${Number(n) + 1}`]);
      if (inv.otherRefNum !== null && rand() < 0.3) memo = `PO ${inv.otherRefNum.slice(3)}`;
    } else if (r < 0.7) {
      amount = inv.amountRemaining;
    } else if (r < 0.8) {
      amount = inv.amountRemaining + pick(own).amountRemaining;
    }
    deposits.push({
      id: String(2_000_000 + i),
      customerId: inv.customerId,
      currency: inv.currency,
      subsidiary: inv.subsidiary,
      date: DAYS[300 + Math.floor(rand() * 400)],
      amountUnapplied: amount as Minor,
      salesOrderId,
      salesOrderOpen: salesOrderId !== null && rand() < 0.5,
      memo,
    });
  }
  return { deposits, invoices };
}

const MB = 1024 * 1024;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

function result(name: string, value: number, unit: string, target: number | null, targetText: string | null): BenchResult {
  const rounded = Math.round(value * 10) / 10;
  return { name, value: rounded, unit, target: targetText, ok: target === null ? null : value < target };
}

function ruleCounts(p: Plan): string {
  return Object.entries(p.stats.byRule)
    .map(([rule, s]) => `${rule} ${s.applications}`)
    .join(', ');
}

export const cases: BenchCase[] = [
  {
    name: 'matching: planAll 100k deposits / 500k invoices / 20k customers',
    run() {
      const data = syntheticData(500_000, 100_000, (u) => Math.floor(20_000 * u * u));
      gc();
      const before = process.memoryUsage();
      const t0 = performance.now();
      const plan = planAll(data.deposits, data.invoices, { oldestFirst: true });
      const ms = performance.now() - t0;
      const after = process.memoryUsage();
      const peakRss = process.resourceUsage().maxRSS * 1024;
      const s = plan.stats;
      const label = 'matching: planAll 100k deposits / 500k invoices / 20k customers';
      return [
        result(`${label} (time)`, ms, 'ms', 5000, '< 5000 ms'),
        result(`${label} (heap growth, plan held)`, (after.heapUsed - before.heapUsed) / MB, 'MB', 2048, '< 2048 MB'),
        result(`${label} (RSS growth to peak)`, (Math.max(peakRss, after.rss) - before.rss) / MB, 'MB', 2048, '< 2048 MB'),
        {
          name: `${label} (applications; ${ruleCounts(plan)}; deposits fully applied ${s.depositsFullyApplied}; combination ambiguous ${s.combinationAmbiguous}, gave up ${s.combinationGaveUp}; max passes ${s.maxPasses})`,
          value: s.applications,
          unit: 'applications',
          target: null,
          ok: null,
        },
      ];
    },
  },
  ...[true, false].map(
    (oldestFirst): BenchCase => ({
      name: `matching: planCustomer 1 customer, 5k invoices, 1k deposits, oldestFirst ${oldestFirst ? 'on' : 'off'}`,
      run() {
        const data = syntheticData(5_000, 1_000, () => 0, oldestFirst ? 2 : 3);
        gc();
        const t0 = performance.now();
        const plan = planCustomer(data.deposits, data.invoices, { oldestFirst });
        const ms = performance.now() - t0;
        const s = plan.stats;
        const label = `matching: planCustomer 1 customer, 5k invoices, 1k deposits, oldestFirst ${oldestFirst ? 'on' : 'off'}`;
        return [
          result(`${label} (time, first run)`, ms, 'ms', 200, '< 200 ms'),
          {
            name: `${label} (applications; ${ruleCounts(plan)}; combination ambiguous ${s.combinationAmbiguous}, gave up ${s.combinationGaveUp}; max passes ${s.maxPasses})`,
            value: s.applications,
            unit: 'applications',
            target: null,
            ok: null,
          },
        ];
      },
    }),
  ),
  {
    name: 'matching: planCustomer worst case for COMBINATION (5k invoices, 1k deposits, no set ever adds up)',
    run() {
      const data = syntheticData(5_000, 1_000, () => 0, 4);
      const invoices = data.invoices.map((i) => ({ ...i, amountRemaining: (2 * Math.max(1, Math.floor(i.amountRemaining / 2))) as Minor }));
      const deposits = data.deposits.map((d) => ({
        ...d,
        amountUnapplied: (2 * Math.floor(d.amountUnapplied / 2) + 1) as Minor,
        memo: '',
        salesOrderId: null,
      }));
      gc();
      const t0 = performance.now();
      const plan = planCustomer(deposits, invoices, { oldestFirst: false });
      const ms = performance.now() - t0;
      const s = plan.stats;
      return [
        {
          name: `matching: planCustomer worst case for COMBINATION, 1k searches (time; gave up ${s.combinationGaveUp}, applications ${s.applications})`,
          value: Math.round(ms * 10) / 10,
          unit: 'ms',
          target: null,
          ok: null,
        },
      ];
    },
  },
];
