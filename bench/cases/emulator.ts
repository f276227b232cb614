/**
 * Emulator benchmarks: building demo accounts, persisting and reopening them, and a summary search
 * (an aging summary grouped by customer with formula columns) over them, plus the usage units of that
 * search as a script would pay them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchResult } from '../types';
import { Emulator } from '../../emulator/src/emulator';
import { runSearchDefinition } from '../../emulator/src/search/engine';
import { createSearchModule } from '../../emulator/src/modules/search';
import { systemUser } from '../../emulator/src/runtime/users';

const AGING = (from: number, to: number | null) =>
  `CASE WHEN {today} - NVL({duedate}, {trandate}) ${to === null ? `> ${from - 1}` : `BETWEEN ${from} AND ${to}`} THEN {amountremaining} ELSE 0 END`;

/** Open invoices per customer with the five past-due buckets: what the aging portlet and worklist need. */
export const AGING_SUMMARY = {
  type: 'invoice',
  filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A']],
  columns: [
    { name: 'entity', summary: 'GROUP' },
    { name: 'amountremaining', summary: 'SUM' },
    { name: 'formulacurrency', summary: 'SUM', formula: AGING(1, 30) },
    { name: 'formulacurrency', summary: 'SUM', formula: AGING(31, 60) },
    { name: 'formulacurrency', summary: 'SUM', formula: AGING(61, 90) },
    { name: 'formulacurrency', summary: 'SUM', formula: AGING(91, 120) },
    { name: 'formulacurrency', summary: 'SUM', formula: AGING(121, null) },
    { name: 'internalid', summary: 'COUNT' },
  ],
};

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

function accountCase(customers: number, label: string, targets: { loadMs: number; searchMs: number; reopenMs: number }): BenchCase {
  return {
    name: `emulator: ${label}`,
    run(): BenchResult[] {
      const dir = mkdtempSync(join(tmpdir(), 'ara-bench-'));
      try {
        const [emu, buildMs] = time(() => {
          const e = Emulator.create('2026-11-27', {}, dir);
          e.loadDemo({ customers });
          return e;
        });
        const invoices = emu.records.ids('invoice').length;
        const [, saveMs] = time(() => emu.save());
        const sizeMb = statSync(join(dir, 'account.json')).size / 1024 / 1024;
        const [reopened, reopenMs] = time(() => Emulator.open(dir));
        const [first, firstSearchMs] = time(() => runSearchDefinition(AGING_SUMMARY, reopened.records, { today: reopened.state.asOf }));
        const [, searchMs] = time(() => runSearchDefinition(AGING_SUMMARY, reopened.records, { today: reopened.state.asOf }));
        // The same search from a script: N/search charges 10 units for one getRange page.
        const ctx = reopened.host.userContext(systemUser(reopened.state), 'SCHEDULED');
        const search = createSearchModule(ctx, reopened.host.moduleEnv()) as { create(o: unknown): { run(): { getRange(o: unknown): unknown[] } } };
        search.create(AGING_SUMMARY).run().getRange({ start: 0, end: 1000 });
        return [
          { name: `${label}: generate + load demo (${customers} customers, ${invoices} invoices)`, value: Math.round(buildMs), unit: 'ms', target: `< ${targets.loadMs} ms`, ok: buildMs < targets.loadMs },
          { name: `${label}: save account file (${sizeMb.toFixed(1)} MB)`, value: Math.round(saveMs), unit: 'ms', target: null, ok: null },
          { name: `${label}: reopen account from disk`, value: Math.round(reopenMs), unit: 'ms', target: `< ${targets.reopenMs} ms`, ok: reopenMs < targets.reopenMs },
          { name: `${label}: aging summary search, first run (${first.rows.length} customer rows)`, value: Math.round(firstSearchMs), unit: 'ms', target: `< ${targets.searchMs} ms`, ok: firstSearchMs < targets.searchMs },
          { name: `${label}: aging summary search, warm`, value: Math.round(searchMs), unit: 'ms', target: `< ${targets.searchMs} ms`, ok: searchMs < targets.searchMs },
          { name: `${label}: aging summary search usage (getRange 1,000)`, value: ctx.meter.used, unit: 'units', target: '= 10', ok: ctx.meter.used === 10 },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export const cases: BenchCase[] = [
  accountCase(5_000, 'init --demo --customers 5000', { loadMs: 15_000, searchMs: 3_000, reopenMs: 10_000 }),
  accountCase(6_000, '~50,000-invoice account', { loadMs: 20_000, searchMs: 3_000, reopenMs: 10_000 }),
];
