/**
 * Deposit auto-apply (customscript_ara_mr_autoapply) in the emulator: usage units per deposit
 * application over a whole run (searches, run log, report and continuation passes included), the most
 * units any map/reduce invocation used, and the planning engine's CPU time inside the job.
 *
 * (a) A run over ≥ 1,000 eligible deposits of ~1,200 customers (tests/integration/autoapply-fixture.ts:
 *     every rule, opted-out customers, disputed invoices, unapproved deposits). Target ≤ 32 units per
 *     deposit application (floor 30: transform 10 + save 20); every reduce ≤ 2,500 (half of 5,000).
 * (b) One customer with 1,000 unapplied deposits and 5,000 open invoices: the job posts what fits in
 *     half a reduce, then continues in passes it queues with N/task. Targets: every invocation ≤ half
 *     its limit, ≤ 32 units per application over all passes; plus the time of planning that customer
 *     once (planCustomer, cold) and of the whole run (emulator time, includes other capabilities' user
 *     events firing on every deposit application).
 */
import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchResult } from '../types';
import type { Emulator } from '../../emulator/src/emulator';
import type { RunResult } from '../../emulator/src/runtime/host';
import { deployedAccount } from '../../tests/integration/helpers';
import { buildAutoApplyFixture } from '../../tests/integration/autoapply-fixture';
import { type Deposit, type OpenInvoice, planCustomer } from '../../ts/core/matching';
import type { Minor } from '../../ts/core/money';
import type { CalendarDate } from '../../ts/core/dates';

const SCRIPT = 'customscript_ara_mr_autoapply';
const HALF: Record<string, number> = { getInputData: 5000, map: 500, reduce: 2500, summarize: 5000 };

function runAll(emu: Emulator): { runs: RunResult[]; ms: number } {
  const t = performance.now();
  const runs = [emu.run(SCRIPT, { params: { custscript_ara_aa_folder: '7' } })];
  runs.push(...emu.runQueue(100));
  return { runs, ms: performance.now() - t };
}

function usageResults(label: string, emu: Emulator, runs: RunResult[], ms: number): BenchResult[] {
  const apps = emu.records.ids('depositapplication').length;
  const total = runs.reduce((s, r) => s + r.usage.total, 0);
  const perApp = total / Math.max(apps, 1);
  const worst: Record<string, number> = { getInputData: 0, map: 0, reduce: 0, summarize: 0 };
  for (const r of runs) for (const i of r.usage.invocations) worst[i.stage] = Math.max(worst[i.stage], i.usage);
  const overHalf = Object.entries(worst).filter(([stage, u]) => u > HALF[stage]);
  const errors = runs.reduce((s, r) => s + r.errors.length, 0);
  return [
    { name: `${label}: deposit applications posted (${runs.length} run${runs.length === 1 ? '' : 's'}, ${errors} errors)`, value: apps, unit: 'applications', target: '>= 1000', ok: apps >= 1000 && errors === 0 },
    { name: `${label}: usage per deposit application (all units of all passes / applications)`, value: Math.round(perApp * 100) / 100, unit: 'units/application', target: '<= 32', ok: perApp <= 32 },
    { name: `${label}: total usage`, value: total, unit: 'units', target: null, ok: null },
    { name: `${label}: most units of one reduce invocation`, value: worst.reduce, unit: 'units', target: '<= 2500', ok: worst.reduce <= 2500 },
    { name: `${label}: most units of getInputData / summarize`, value: Math.max(worst.getInputData, worst.summarize), unit: 'units', target: '<= 5000', ok: overHalf.length === 0 },
    { name: `${label}: emulator time of the whole job`, value: Math.round(ms), unit: 'ms', target: null, ok: null },
  ];
}

function fixtureData(f: ReturnType<typeof buildAutoApplyFixture>, customer: number): { deposits: Deposit[]; invoices: OpenInvoice[] } {
  const r = f.fixture.records;
  const cents = (x: unknown) => Math.round(Number(x) * 100) as Minor;
  const deposits = r.customerdeposit
    .filter((d) => d.customer === customer)
    .map((d) => ({ id: String(d.id), customerId: String(customer), currency: 'USD', subsidiary: '1', date: d.trandate as CalendarDate, amountUnapplied: cents(d.payment), salesOrderId: null, salesOrderOpen: false, memo: String(d.memo ?? '') }));
  const invoices = r.invoice
    .filter((i) => i.entity === customer)
    .map((i) => {
      const amount = (i.item as { amount: number }[]).reduce((s, l) => s + l.amount, 0);
      const due = new Date(`${String(i.trandate)}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + 30);
      return {
        id: String(i.id),
        customerId: String(customer),
        currency: 'USD',
        subsidiary: '1',
        tranDate: i.trandate as CalendarDate,
        dueDate: due.toISOString().slice(0, 10) as CalendarDate,
        amountRemaining: cents(amount),
        tranId: String(i.tranid),
        otherRefNum: null,
        createdFrom: null,
        disputed: false,
      };
    });
  return { deposits, invoices };
}

export const cases: BenchCase[] = [
  {
    name: 'autoapply: post run over >= 1,000 deposits of ~1,200 customers',
    run(): BenchResult[] {
      const f = buildAutoApplyFixture({ customers: 1200 });
      const emu = deployedAccount('2026-11-27', f.fixture);
      const { runs, ms } = runAll(emu);
      return usageResults('autoapply 1,200 customers', emu, runs, ms);
    },
  },
  {
    name: 'autoapply: one customer with 1,000 deposits and 5,000 open invoices',
    run(): BenchResult[] {
      const f = buildAutoApplyFixture({ customers: 0, big: { invoices: 5000, deposits: 1000 } });
      const data = fixtureData(f, f.bigCustomer!.id);
      const t = performance.now();
      const plan = planCustomer(data.deposits, data.invoices, { oldestFirst: true });
      const planMs = performance.now() - t;
      const emu = deployedAccount('2026-11-27', f.fixture);
      const { runs, ms } = runAll(emu);
      return [
        {
          name: `autoapply big customer: planCustomer 1,000 deposits × 5,000 invoices, cold (${plan.applications.length} applications)`,
          value: Math.round(planMs * 10) / 10,
          unit: 'ms',
          target: '< 200 ms',
          ok: planMs < 200,
        },
        ...usageResults('autoapply big customer', emu, runs, ms),
      ];
    },
  },
];
