/**
 * tools/start.ts (npm start): argument parsing, the run with nightly jobs (--no-serve), and serving the
 * web page until SIGINT.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseStartArgs } from '../../../tools/start';
import { ACCOUNT_FILE } from '../../src/account/account';
import { ensureBuilt, removeProject, ROOT, TEST_SCRIPTS, writeTestProject } from './helpers';

jest.setTimeout(180_000);

describe('parseStartArgs', () => {
  it('reads flags and options', () => {
    const a = parseStartArgs(['--reset', '--port', '0', '--customers=30', '--no-serve'], '/x/.demo');
    expect(a).toMatchObject({ dir: '/x/.demo', customers: 30, port: 0, reset: true, serve: false });
    expect(parseStartArgs([], '/d')).toMatchObject({ port: 4717, customers: 300, reset: false, serve: true });
  });
  it('rejects bad values clearly', () => {
    expect(() => parseStartArgs(['--port', 'x'], '/d')).toThrow(/--port must be a port number/);
    expect(() => parseStartArgs(['--customers', '0'], '/d')).toThrow(/positive integer/);
    expect(() => parseStartArgs(['--bogus'], '/d')).toThrow(/unknown option --bogus/);
    expect(() => parseStartArgs(['--port'], '/d')).toThrow(/--port needs a value/);
    expect(() => parseStartArgs(['--reset=1'], '/d')).toThrow(/takes no value/);
  });
});

describe('npm start', () => {
  let project: string;
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    project = writeTestProject();
    dir = mkdtempSync(join(tmpdir(), 'ara-start-'));
  });
  afterAll(() => {
    removeProject(project);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the demo account, runs setup and the nightly jobs, prints a summary (--no-serve)', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      const code = await main(['--dir', join(dir, 'acct'), '--customers', '30', '--project', project, '--no-serve']);
      expect(code).toBe(0);
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    expect(existsSync(join(dir, 'acct', ACCOUNT_FILE))).toBe(true);
    expect(out).toContain('start: setup COMPLETE');
    // The test script runs among the product's own nightly jobs (every deployment with a recurrence).
    expect(out).toMatch(new RegExp(`start: \\[\\d+/\\d+\\] Web test ss_webtest_nightly \\(${TEST_SCRIPTS.nightly}, daily at 02:00:00Z\\) \\.\\.\\.`));
    expect(out).toContain('[AUDIT] Nightly <test>: checked & done');
    // Progress: one line per nightly job before it runs, then its result.
    expect(out).toMatch(/start: \[1\/\d+\] AR Autopilot Deposit Auto-Apply \(customscript_ara_mr_autoapply, daily at [^)]*\) \.\.\.\n {2}COMPLETE in \d+ ms/);
    expect(out).toMatch(/start: \[\d+\/\d+\] AR Autopilot Nightly Credit Sweep \(customscript_ara_mr_credit_sweep/);
    // The summary block.
    expect(out).toMatch(/Summary \(account date 2026-11-27; \d+ nightly runs, all complete\):/);
    expect(out).toMatch(/ {2}Deposits applied +\d+ of \d+ eligible deposits applied to \d+ invoice lines: [\d,.]+ [A-Z]{3}/);
    expect(out).toMatch(/ {2}Credit holds +\d+ placed, \d+ released; \d+ customers? on hold now/);
    expect(out).toMatch(/ {2}Net AR +-?[\d,]+\.\d{2} USD/);
    expect(out).toMatch(/ {2}DSO +\d+\.\d days/);
    // The demo users of the switcher: two collectors (or more), a supervisor, a controller, an administrator.
    expect(out).toContain('  Administrator: Alex Morgan');
    expect(out).toContain('  AR Supervisor: Priya Raman');
    expect(out).toMatch(/ {2}AR Collector: Marcus Webb, Tanya Brooks/);
    expect(out).toContain('  AR Controller: Helen Zhao');
  });

  it('serves the web page and stops cleanly on SIGINT', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['tools/start.ts', '--dir', join(dir, 'acct'), '--project', project, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
      child.once('exit', (code) => reject(new Error(`start exited (${code}):\n${out}`)));
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`data-portlet="${TEST_SCRIPTS.portlet}"`);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('start: stopped');
  });
});
