/**
 * npm start: the product in the local account emulator. Creates (or reuses) a demo account in .demo/,
 * deploys the built scripts and objects into it, runs the first-run setup and prints what the account
 * holds. `npm start -- --reset` recreates the demo account; `--customers N` sizes it.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator } from '../emulator/src/emulator';
import { ACCOUNT_FILE } from '../emulator/src/account/account';
import { parseArgs } from '../emulator/src/cli';
import { describeError } from '../emulator/src/runtime/errors';

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const dir = resolve(args.options.dir?.[0] ?? join(__dirname, '..', '.demo'));
  const customers = Number(args.options.customers?.[0] ?? 300);
  if (!Number.isInteger(customers) || customers <= 0) {
    console.error(`start: --customers must be a positive integer`);
    return 1;
  }
  const reset = args.flags.has('force') || process.argv.includes('--reset');
  if (reset && existsSync(dir)) rmSync(dir, { recursive: true, force: true });

  const t0 = Date.now();
  let emu: Emulator;
  if (existsSync(join(dir, ACCOUNT_FILE))) {
    emu = Emulator.open(dir);
    console.log(`start: reusing the demo account in ${dir} (account date ${emu.state.asOf}; --reset to recreate it)`);
  } else {
    console.log(`start: creating a demo company with ${customers} customers in ${dir} ...`);
    emu = Emulator.create('2026-11-27', { companyName: 'Northwind Supply (demo)' }, dir);
    const loaded = emu.loadDemo({ customers });
    console.log(`start: loaded ${Object.entries(loaded).map(([t, n]) => `${n} ${t}`).join(', ')}`);
  }
  const dep = emu.deploy();
  console.log(`start: deployed ${dep.objects} objects; scripts: ${dep.scripts.join(', ')}`);
  const setup = emu.run('customscript_ara_ss_setup');
  console.log(`start: setup ${setup.status} (${setup.usage.total} usage units)`);
  for (const l of setup.logs) console.log(`  [${l.level}] ${l.title}: ${l.details}`);
  emu.save();

  // What the account holds: open receivables by currency.
  const open = new Map<string, { count: number; amount: number }>();
  for (const row of emu.records.rows('invoice')) {
    const remaining = Number(row.value('fxamountremaining') ?? 0);
    if (remaining <= 0) continue;
    const cur = row.text('currency') ?? String(row.value('currency'));
    const e = open.get(cur) ?? { count: 0, amount: 0 };
    e.count += 1;
    e.amount += remaining;
    open.set(cur, e);
  }
  console.log('\nOpen invoices by currency:');
  for (const [cur, e] of [...open].sort()) console.log(`  ${cur.padEnd(5)} ${String(e.count).padStart(6)} invoices  ${money(e.amount).padStart(16)}`);
  console.log(`\nstart: ready in ${Date.now() - t0} ms. Explore the account with the emulator's command line, e.g.`);
  console.log(`  npm run emu -- get ${dir} customer 1`);
  console.log(`  npm run emu -- run ${dir} customscript_ara_ss_setup`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  const d = describeError(e);
  console.error(`start: ${d.name}: ${d.message}`);
  process.exitCode = 1;
}
