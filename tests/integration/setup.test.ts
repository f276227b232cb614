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
    expect(js).toContain("'./adapters/dashboard-setup'");
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
      ['AUDIT', 'AR Autopilot setup: saved searches'],
      ['AUDIT', 'AR Autopilot setup finished'],
    ]);
    expect(run.logs[0].details).toContain('reset no');
    // 9 saved searches: look up (5) + save (5) each
    expect(run.logs[1].details).toMatch(/^9 created, 0 recreated, 0 kept, 0 failed\./);
    expect(run.logs[2].details).toBe('remaining usage 9910');
    expect(run.usage.total).toBe(90);
  });

  it('creates the dashboard saved searches once, keeps them on a re-run and recreates them on reset', () => {
    const emu = deployedAccount();
    emu.run('customscript_ara_ss_setup');
    const ids = Object.keys(emu.state.savedSearches).sort();
    expect(ids).toEqual([
      'customsearch_ara_aging',
      'customsearch_ara_aging_current',
      'customsearch_ara_aging_d1_30',
      'customsearch_ara_aging_d31_60',
      'customsearch_ara_aging_d61_90',
      'customsearch_ara_aging_d91_120',
      'customsearch_ara_aging_over120',
      'customsearch_ara_dso_applied',
      'customsearch_ara_dso_ledger',
    ]);
    expect(emu.state.savedSearches.customsearch_ara_aging.title).toBe('AR Autopilot: Aging');

    // a controller narrows one; a re-run leaves it alone
    const aging = emu.state.savedSearches.customsearch_ara_aging;
    aging.filterExpression = [...(aging.filterExpression as unknown[]), 'and', ['entity', 'anyof', '10']];
    const again = emu.run('customscript_ara_ss_setup');
    expect(again.logs[1].details).toMatch(/^0 created, 0 recreated, 9 kept, 0 failed\./);
    expect(again.usage.total).toBe(45);
    expect(JSON.stringify(emu.state.savedSearches.customsearch_ara_aging.filterExpression)).toContain('"entity"');

    // reset recreates them as shipped
    const reset = emu.run('customscript_ara_ss_setup', { params: { custscript_ara_setup_reset: 'T' } });
    expect(reset.logs[1].details).toMatch(/^0 created, 9 recreated, 0 kept, 0 failed\./);
    expect(JSON.stringify(emu.state.savedSearches.customsearch_ara_aging.filterExpression)).not.toContain('"entity"');
  });

  it('reports a search it cannot create and goes on with the others', () => {
    const emu = deployedAccount();
    // someone's own search already has our title
    emu.state.savedSearches.customsearch_mine = {
      id: 'customsearch_mine',
      internalId: '900',
      title: 'AR Autopilot: Aging',
      type: 'transaction',
      filters: [],
      columns: [{ name: 'tranid' }],
      created: '2026-01-01T00:00:00Z',
    };
    const run = emu.run('customscript_ara_ss_setup');
    expect(run.status).toBe('COMPLETE');
    expect(run.logs[1].details).toMatch(/^8 created, 0 recreated, 0 kept, 1 failed\./);
    expect(run.logs.find((l) => l.level === 'ERROR')?.title).toBe('AR Autopilot setup: saved search customsearch_ara_aging failed');
    expect(emu.state.savedSearches.customsearch_ara_dso_ledger).toBeDefined();
  });

  it('takes a parameter override and refuses an undeclared one', () => {
    const emu = deployedAccount();
    expect(emu.run('customscript_ara_ss_setup', { params: { custscript_ara_setup_reset: 'T' } }).logs[0].details).toContain('reset yes');
    expect(() => emu.run('customscript_ara_ss_setup', { params: { custscript_ara_nope: 'T' } })).toThrow(/has no parameter custscript_ara_nope/);
    expect(() => emu.run('customscript_ara_ss_setup', { params: { custscript_ara_setup_reset: 'maybe' } })).toThrow(/checkbox: use T or F/);
  });
});
