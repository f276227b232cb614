/**
 * npm run bench: runs every case of bench/cases/*.ts, each in a child process of its own (so time and
 * peak memory are its own), prints a table and writes bench/results.json ([{name, value, unit, target}]).
 * `npm run bench -- <filter>` runs only the cases whose name contains <filter>.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './types';

const filter = process.argv[2] ?? '';
const dir = join(__dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const results: (BenchResult & { case: string })[] = [];
let failed = 0;

for (const file of files) {
  const names = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'child.ts'), join(dir, file), '--list'], { encoding: 'utf8' }),
  ) as string[];
  for (const name of names) {
    if (filter && !name.includes(filter) && !file.includes(filter)) continue;
    process.stderr.write(`bench: ${name} ...\n`);
    try {
      const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', join(__dirname, 'child.ts'), join(dir, file), name], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const last = out.trim().split('\n').pop() ?? '[]';
      for (const r of JSON.parse(last) as BenchResult[]) results.push({ case: name, ...r });
    } catch (e) {
      failed += 1;
      process.stderr.write(`bench: ${name} failed: ${(e as Error).message}\n`);
    }
  }
}

const rows = results.map((r) => ({
  name: r.name,
  value: Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2),
  unit: r.unit,
  target: r.target ?? '',
  ok: r.ok === undefined || r.ok === null ? '' : r.ok ? 'ok' : 'MISSED',
}));
const widths = {
  name: Math.max(4, ...rows.map((r) => r.name.length)),
  value: Math.max(5, ...rows.map((r) => r.value.length)),
  unit: Math.max(4, ...rows.map((r) => r.unit.length)),
  target: Math.max(6, ...rows.map((r) => r.target.length)),
};
const line = (n: string, v: string, u: string, t: string, o: string) =>
  `${n.padEnd(widths.name)}  ${v.padStart(widths.value)}  ${u.padEnd(widths.unit)}  ${t.padEnd(widths.target)}  ${o}`;
console.log(line('case', 'value', 'unit', 'target', ''));
console.log(line('-'.repeat(widths.name), '-'.repeat(widths.value), '-'.repeat(widths.unit), '-'.repeat(widths.target), '--'));
for (const r of rows) console.log(line(r.name, r.value, r.unit, r.target, r.ok));
if (!filter) {
  writeFileSync(
    join(__dirname, 'results.json'),
    `${JSON.stringify(results.map(({ name, value, unit, target }) => ({ name, value, unit, target })), null, 2)}\n`,
  );
  console.log(`\nbench: ${results.length} figures written to bench/results.json`);
}
const missed = results.filter((r) => r.ok === false).length;
if (failed || missed) {
  console.log(`bench: ${failed} case(s) failed, ${missed} figure(s) missed their target`);
  process.exitCode = 1;
}
