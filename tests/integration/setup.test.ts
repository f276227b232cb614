/**
 * The whole chain on the setup script: TypeScript source → build (AMD with the JSDoc block first) →
 * object XML → validator → the emulator's AMD loader runs the compiled entry point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployedAccount, ensureBuilt, ROOT } from './helpers';

describe('customscript_ara_ss_setup (compiled, in the emulator)', () => {
  beforeAll(() => ensureBuilt());

  it('is built as SuiteScript 2.1 AMD with its JSDoc block first', () => {
    const js = readFileSync(join(ROOT, 'src/FileCabinet/SuiteScripts/ar_autopilot/ara_ss_setup.js'), 'utf8');
    expect(js.startsWith('/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript')).toBe(true);
    expect(js).toMatch(/define\(\['exports', 'N\/log', 'N\/runtime'/);
    expect(js).toMatch(/exports\.execute = execute/);
  });

  it('runs through its deployment and logs at AUDIT level', () => {
    const emu = deployedAccount();
    const run = emu.run('customscript_ara_ss_setup');
    expect(run.status).toBe('COMPLETE');
    expect(run.errors).toEqual([]);
    expect(run.deploymentId).toBe('customdeploy_ara_ss_setup');
    expect(run.logs.map((l) => [l.level, l.title])).toEqual([
      ['AUDIT', 'AR Autopilot setup'],
      ['AUDIT', 'AR Autopilot setup finished'],
    ]);
    expect(run.logs[0].details).toContain('reset no');
    expect(run.logs[1].details).toBe('remaining usage 10000');
    expect(run.usage.total).toBe(0);
  });

  it('takes a parameter override and refuses an undeclared one', () => {
    const emu = deployedAccount();
    expect(emu.run('customscript_ara_ss_setup', { params: { custscript_ara_setup_reset: 'T' } }).logs[0].details).toContain('reset yes');
    expect(() => emu.run('customscript_ara_ss_setup', { params: { custscript_ara_nope: 'T' } })).toThrow(/has no parameter custscript_ara_nope/);
    expect(() => emu.run('customscript_ara_ss_setup', { params: { custscript_ara_setup_reset: 'maybe' } })).toThrow(/checkbox: use T or F/);
  });
});
