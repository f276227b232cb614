/**
 * The script host through the Emulator facade, on a small hand-written SDF project
 * (emulator/tests/fixtures/project) and fixture: user event order and recursion, map/reduce stages,
 * per-key errors, per-invocation usage limits, scheduled usage limits, Suitelets and portlets.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Emulator } from '../../src/emulator';

const PROJECT = join(__dirname, '..', 'fixtures', 'project');
const FIXTURE = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'small.json'), 'utf8'));

function account(): Emulator {
  const emu = Emulator.create('2026-11-27');
  emu.loadFixture(FIXTURE);
  emu.deploy(PROJECT);
  return emu;
}

describe('user events', () => {
  it('fire beforeSubmit → write → afterSubmit, and a beforeSubmit change is saved', () => {
    const emu = account();
    const { id, userEventUsage } = emu.recordCommand('create', 'customer', {
      values: { companyname: 'Initech', subsidiary: '1', currency: '1' },
      as: '1',
    });
    const logs = emu.state.executionLog.filter((l) => l.scriptId === 'customscript_emu_ue_customer');
    expect(logs.map((l) => l.title)).toEqual(['beforeSubmit', 'afterSubmit']);
    expect(logs[0].details).toBe('create Initech USERINTERFACE');
    expect(logs[1].details).toBe(`create id=${id} old=`);
    const saved = emu.records.view('customer', id);
    expect(saved.fields.comments).toBe('seen by beforeSubmit create');
    // afterSubmit's submitFields ran (phone set) without firing the user event again.
    expect(saved.fields.phone).toBe('555-0100');
    expect(userEventUsage.map((u) => u.stage)).toEqual(['customscript_emu_ue_customer.beforeSubmit', 'customscript_emu_ue_customer.afterSubmit']);
    expect(userEventUsage[1].usage).toBe(5); // submitFields on a customer
  });

  it('an error thrown in beforeSubmit stops the save and writes nothing', () => {
    const emu = account();
    const before = emu.records.ids('customer').length;
    expect(() => emu.recordCommand('create', 'customer', { values: { companyname: 'BLOCK me', subsidiary: '1', currency: '1' }, as: '1' })).toThrow(
      expect.objectContaining({ name: 'EMU_BLOCKED' }),
    );
    expect(emu.records.ids('customer').length).toBe(before);
  });

  it('pass the execution context through and see the old record on edit', () => {
    const emu = account();
    emu.recordCommand('edit', 'customer', { id: '11', values: { companyname: 'Globex Intl' }, as: '1', context: 'CSVIMPORT' });
    const logs = emu.state.executionLog.filter((l) => l.scriptId === 'customscript_emu_ue_customer');
    expect(logs.map((l) => l.details)).toEqual(['edit Globex Intl CSVIMPORT', 'edit id=11 old=Globex']);
  });
});

describe('map/reduce', () => {
  it('runs getInputData (a search) → map → reduce → summarize with usage per invocation', () => {
    const emu = account();
    const run = emu.run('customscript_emu_mr_test');
    expect(run.status).toBe('COMPLETE');
    expect(run.counts).toMatchObject({ input: 3, mapped: 3, reduced: 2, mapErrors: 0 });
    const out = Object.fromEntries((run.output ?? []).map((p) => [p.key, p.value]));
    expect(out).toEqual({ '10': '950.50', '11': '400.00' });
    const maps = run.usage.invocations.filter((i) => i.stage === 'map');
    expect(maps).toHaveLength(3);
    expect(maps.every((m) => m.usage === 1 && m.limit === 1000)).toBe(true);
    expect(run.usage.maxPerStage.map).toBe(1);
    expect(run.logs.find((l) => l.title === 'summary')?.details).toBe('customers=2 mapErrors=0 mapUsage=3');
  });

  it('collects a failing key into the summary and goes on with the others', () => {
    const emu = account();
    const run = emu.run('customscript_emu_mr_test', { params: { custscript_emu_mr_fail: '101' } });
    expect(run.status).toBe('COMPLETE');
    expect(run.errors).toEqual([expect.objectContaining({ stage: 'map', key: '101', message: 'map failed for 101' })]);
    expect(Object.fromEntries((run.output ?? []).map((p) => [p.key, p.value]))).toEqual({ '10': '700.00', '11': '400.00' });
    expect(run.logs.find((l) => l.title === 'summary')?.details).toContain('mapErrors=1');
  });

  it('stops one map invocation at 1,000 units with SSS_USAGE_LIMIT_EXCEEDED for that key only', () => {
    const emu = account();
    const run = emu.run('customscript_emu_mr_test', { params: { custscript_emu_mr_burn: 1001 } });
    expect(run.errors).toHaveLength(3);
    expect(run.errors.every((e) => e.name === 'SSS_USAGE_LIMIT_EXCEEDED')).toBe(true);
    expect(run.usage.maxPerStage.map).toBe(1000);
  });

  it('processes keys in an interleaved order that depends on the seed', () => {
    const emu = account();
    const order = (seed: string) => emu.run('customscript_emu_mr_test', { seed }).usage.invocations.filter((i) => i.stage === 'map').map((i) => i.key).join(',');
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(order));
    expect(orders.size).toBeGreaterThan(1);
    expect(order('a')).toBe(order('a'));
  });

  it('simulates a crash after N map invocations', () => {
    const emu = account();
    const run = emu.run('customscript_emu_mr_test', { interrupt: { stage: 'map', after: 1 } });
    expect(run.status).toBe('FAILED');
    expect(run.counts?.mapped).toBe(1);
    expect(run.errors.at(-1)?.name).toBe('EMULATOR_INTERRUPTED');
  });
});

describe('scheduled usage limit', () => {
  it('counts exactly and fails the call that would pass 10,000 units', () => {
    const emu = account();
    const run = emu.run('customscript_emu_ss_burn');
    expect(run.status).toBe('FAILED');
    expect(run.errors[0].name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    expect(run.usage.total).toBe(10_000);
    expect(run.logs[0].details).toBe('2000 remaining=0');
  });
});

describe('Suitelet', () => {
  it('renders a form with the value escaped, for a role in the audience', () => {
    const emu = account();
    const r = emu.suitelet('customscript_emu_sl_test', 'customdeploy_emu_sl_test', { as: '1', params: { note: '<script>alert(1)</script>' } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Test form for Ada Admin');
    expect(r.body).not.toContain('<script>alert(1)</script>');
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('POST writes and redirects (post/redirect/get)', () => {
    const emu = account();
    const r = emu.suitelet('customscript_emu_sl_test', 'customdeploy_emu_sl_test', { as: '1', method: 'POST', params: { custpage_customer: '10', custpage_phone: '555-0199' } });
    expect(r.status).toBe(302);
    expect(r.redirect).toBe('/app/site/hosting/scriptlet.nl?script=customscript_emu_sl_test&deploy=customdeploy_emu_sl_test&saved=10');
    expect(emu.records.view('customer', '10').fields.phone).toBe('555-0199');
  });

  it('refuses a role outside the deployment audience', () => {
    const emu = account();
    expect(() => emu.suitelet('customscript_emu_sl_test', 'customdeploy_emu_sl_test', { as: '2' })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
  });
});

describe('portlet', () => {
  it('captures title, columns and rows from a summary search', () => {
    const emu = account();
    const p = emu.portlet('customscript_emu_pl_test', 'customdeploy_emu_pl_test', { as: '2' });
    expect(p.error).toBeUndefined();
    expect(p.title).toBe('Open invoices by currency');
    expect(p.type).toBe('LIST');
    expect(p.rows).toEqual([
      { currency: 'EUR', amount: '400.00' },
      { currency: 'USD', amount: '950.50' },
    ]);
    expect(p.usage).toBe(10);
    expect(p.html).toContain('Open invoices by currency');
  });
});
