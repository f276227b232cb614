/**
 * The core must give the same answers whatever the machine's time zone. This runs the same probe in
 * child processes with different TZ settings (extreme offsets, half-hour DST, a zone that skipped a
 * whole day) and compares them with each other and with this process.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { type Probe, probe } from './helpers/tz-probe';

const ZONES = [
  'Pacific/Kiritimati', // UTC+14
  'America/Los_Angeles', // UTC−8/−7
  'UTC',
  'Australia/Lord_Howe', // +10:30/+11, half-hour DST
  'America/Sao_Paulo', // DST used to start at midnight
  'Asia/Kathmandu', // +5:45
  'Pacific/Apia', // skipped 2011-12-30 entirely
];

/** Dates that the zone's history skips entirely (no local midnight, no local instant at all). */
const SKIPPED: Record<string, string[]> = {
  'Pacific/Kiritimati': ['1994-12-31'], // Line Islands moved from UTC−10 to UTC+14
  'Pacific/Apia': ['2011-12-30'], // Samoa moved from UTC−11 to UTC+13
};

function runIn(tz: string): Promise<Probe> {
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'helpers/tz-probe-main.ts')],
      { env: { ...process.env, TZ: tz }, cwd: resolve(__dirname, '../../..'), encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => (error ? fail(new Error(`${tz}: ${error.message}\n${stderr}`)) : ok(JSON.parse(stdout) as Probe)),
    );
  });
}

describe('results do not depend on the time zone', () => {
  let here: Probe;
  const results = new Map<string, Probe>();

  beforeAll(async () => {
    here = probe();
    const probes = await Promise.all(ZONES.map(runIn));
    ZONES.forEach((tz, i) => results.set(tz, probes[i]));
  }, 120_000);

  test('the TZ setting really took effect in the children', () => {
    expect(results.get('Pacific/Kiritimati')!.env.offsetJan2026).toBe(-14 * 60);
    expect(results.get('America/Los_Angeles')!.env.offsetJan2026).toBe(8 * 60);
    expect(results.get('UTC')!.env.offsetJan2026).toBe(0);
    // fromJsDateLocalParts is the one deliberately zone-dependent reader: noon UTC on 1 Jan is already 2 Jan at +14
    expect(results.get('Pacific/Kiritimati')!.env.localReadOfNoonUtc).toBe('2026-01-02');
    expect(results.get('America/Los_Angeles')!.env.localReadOfNoonUtc).toBe('2026-01-01');
  });

  test.each(ZONES)('%s gives the same results as this process', (tz) => {
    const r = results.get(tz)!;
    expect(r.count).toBeGreaterThan(100_000);
    expect({ digest: r.digest, count: r.count, samples: r.samples }).toEqual({
      digest: here.digest,
      count: here.count,
      samples: here.samples,
    });
  });

  test.each(ZONES)('%s: local-parts round trip never silently changes a date (1900–2100)', (tz) => {
    const r = results.get(tz)!;
    expect(r.localMismatches).toEqual([]);
    expect(r.localSkipped).toEqual(SKIPPED[tz] ?? []);
  });
});
