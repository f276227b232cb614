/** Runs one benchmark case in this process and prints its results (plus peak memory) as JSON. */
import type { BenchCase, BenchResult } from './types';

async function main(): Promise<void> {
  const [file, name] = process.argv.slice(2);
  const mod = (await import(file)) as { cases?: BenchCase[]; default?: { cases?: BenchCase[] } };
  const cases = mod.cases ?? mod.default?.cases ?? [];
  if (name === '--list') {
    console.log(JSON.stringify(cases.map((c) => c.name)));
    return;
  }
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name} in ${file}`);
  const results: BenchResult[] = await c.run();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  results.push({ name: `${c.name}: peak RSS of the process`, value: Math.round(peakMb), unit: 'MB', target: null, ok: null });
  console.log(JSON.stringify(results));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
