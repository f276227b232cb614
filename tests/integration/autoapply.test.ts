/**
 * customscript_ara_mr_autoapply, compiled, in the emulator: post and preview, re-run, interruption,
 * a record changed between plan and post, a failing deposit, usage per application, opted-out
 * customers, disputed invoices and unapproved deposits untouched, and a large customer continued by
 * N/task passes.
 */
import type { Emulator } from '../../emulator/src/emulator';
import { createError } from '../../emulator/src/runtime/errors';
import { deployedAccount } from './helpers';
import { buildAutoApplyFixture, type AutoApplyFixture } from './autoapply-fixture';

const SCRIPT = 'customscript_ara_mr_autoapply';
const FOLDER = '7';

interface View {
  fields: Record<string, unknown>;
  sublists: Record<string, Record<string, unknown>[]>;
}

function account(f: AutoApplyFixture): Emulator {
  return deployedAccount('2026-11-27', f.fixture);
}

function run(emu: Emulator, params: Record<string, string | number | boolean> = {}, extra: { interrupt?: { stage: 'reduce'; after: number } } = {}) {
  return emu.run(SCRIPT, { params: { [`custscript_ara_aa_folder`]: FOLDER, ...params }, ...extra });
}

function view(emu: Emulator, type: string, id: string | number): View {
  return emu.records.view(type, String(id)) as unknown as View;
}

/** Amount remaining of every invoice and unapplied amount of every deposit (from search rows). */
function balances(emu: Emulator): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of emu.records.ids('invoice')) out[`inv ${id}`] = Number(view(emu, 'invoice', id).fields.amountremaining);
  for (const id of emu.records.ids('customerdeposit')) out[`dep ${id}`] = emu.records.openAmount(id);
  return out;
}

function applications(emu: Emulator): View[] {
  return emu.records.ids('depositapplication').map((id) => view(emu, 'depositapplication', id));
}

function runLogs(emu: Emulator): View[] {
  return emu.records.ids('customrecord_ara_run').map((id) => view(emu, 'customrecord_ara_run', id));
}

function reportOf(emu: Emulator, fileId: unknown): string[] {
  const f = (emu.state.files as Record<string, { contents: string }>)[String(fileId)];
  return f.contents.trim().split('\r\n');
}

function runIdAt(emu: Emulator, i: number): string {
  return emu.records.ids('customrecord_ara_run')[i];
}

/** What an admin does after a crash: sets the stuck run log's Status to FAILED. */
function releaseRun(emu: Emulator, runId: string): void {
  emu.recordCommand('edit', 'customrecord_ara_run', { id: runId, values: { custrecord_ara_run_status: 'FAILED' } });
}

function reduceUsage(r: ReturnType<Emulator['run']>): number[] {
  return r.usage.invocations.filter((i) => i.stage === 'reduce').map((i) => i.usage);
}

describe('customscript_ara_mr_autoapply (compiled, in the emulator)', () => {
  const small = buildAutoApplyFixture({ customers: 24 });

  it('posts one deposit application per deposit, by the rules, memo naming the rules and the run', () => {
    const emu = account(small);
    const before = balances(emu);
    const r = run(emu);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('COMPLETE');
    const apps = applications(emu);
    const logs = runLogs(emu);
    expect(logs).toHaveLength(1);
    const runId = emu.records.ids('customrecord_ara_run')[0];
    const log = logs[0].fields;
    expect(log.custrecord_ara_run_status).toBe('COMPLETE');
    expect(log.custrecord_ara_run_mode).toBe('post');
    expect(log.custrecord_ara_run_applied).toBe(apps.length);
    expect(log.custrecord_ara_run_failed).toBe(0);
    expect(log.custrecord_ara_run_usage).toBe(r.usage.total);
    // One application per deposit, memo names the run and the rules.
    const deposits = apps.map((a) => String(a.fields.deposit));
    expect(new Set(deposits).size).toBe(deposits.length);
    for (const a of apps) expect(a.fields.memo).toMatch(new RegExp(`^AR Autopilot run ${runId}: (SALES_ORDER|REFERENCE|EXACT_AMOUNT|COMBINATION|OLDEST_FIRST)(, [A-Z_]+)*$`));

    for (const c of small.customers) {
      const inv = (i: number) => Number(view(emu, 'invoice', c.invoices[i]).fields.amountremaining);
      const dep = (i: number) => emu.records.openAmount(String(c.deposits[i]));
      const was = (i: number) => before[`inv ${c.invoices[i]}`];
      switch (c.scenario) {
        case 'SALES_ORDER_OPEN':
          expect(inv(0)).toBe(0); // the order's invoice
          expect(inv(1)).toBe(was(1)); // another invoice: the rest waits for the order's next invoice
          expect(dep(0)).toBeCloseTo(before[`dep ${c.deposits[0]}`] - was(0), 2);
          break;
        case 'SALES_ORDER_BILLED':
          expect(inv(0)).toBe(0);
          expect(inv(1)).toBe(400); // 100 rest by OLDEST_FIRST
          expect(dep(0)).toBe(0);
          break;
        case 'REFERENCE':
          expect(inv(1)).toBe(0);
          expect(inv(0)).toBe(was(0));
          break;
        case 'EXACT_AMOUNT':
          expect(inv(1)).toBe(0);
          expect(inv(0)).toBe(was(0));
          break;
        case 'COMBINATION':
          expect([inv(0), inv(1), inv(2)]).toEqual([0, was(1), 0]);
          break;
        case 'OLDEST_FIRST':
          expect(inv(0)).toBe(0);
          expect(inv(1)).toBeCloseTo(was(1) - 200, 2); // deposit = first invoice + 200
          break;
        case 'OPTED_OUT':
          expect(inv(0)).toBe(was(0));
          expect(dep(0)).toBe(before[`dep ${c.deposits[0]}`]);
          break;
        case 'DISPUTED':
          expect(inv(0)).toBe(was(0)); // disputed, although the memo names it
          expect(inv(1)).toBe(300);
          break;
      }
    }
    for (const d of small.unapprovedDeposits) expect(emu.records.openAmount(String(d))).toBe(77);

    // The CSV report: one line per application line, then nothing else (no failures).
    const csv = reportOf(emu, log.custrecord_ara_run_report);
    expect(csv[0]).toBe('run,status,customer,deposit,deposit application,invoice,invoice number,amount,currency,rule,explanation');
    const lines = apps.reduce((s, a) => s + a.sublists.apply.length, 0);
    expect(csv).toHaveLength(1 + lines);
    expect(log.custrecord_ara_run_lines).toBe(lines);
    expect(csv.slice(1).every((l) => l.startsWith(`run ${runId},POSTED,`))).toBe(true);
  });

  it('costs 30 units per deposit application plus the searches; no reduce over half its limit', () => {
    const emu = account(small);
    const r = run(emu);
    const apps = applications(emu).length;
    const [reduce] = reduceUsage(r);
    // One key: 3 searches (deposits, open invoices, which linked sales orders are done: runPaged 5 +
    // fetch 5 each), then transform 10 + save 20 per deposit (fewer than FRESH_POSTINGS: no re-read).
    expect(reduce).toBe(30 + 30 * apps);
    expect(r.usage.maxPerStage.reduce).toBeLessThanOrEqual(2500);
    // getInputData: run log create 2 + save 4, running-run check 10, summary search 10; summarize: CSV 20 + run log 2.
    expect(r.usage.invocations.find((i) => i.stage === 'getInputData')!.usage).toBe(26);
    expect(r.usage.invocations.find((i) => i.stage === 'summarize')!.usage).toBe(22);
  });

  it('is idempotent: a second run applies nothing', () => {
    const emu = account(small);
    run(emu);
    const after = balances(emu);
    const count = applications(emu).length;
    const r2 = run(emu);
    expect(r2.errors).toEqual([]);
    expect(applications(emu)).toHaveLength(count);
    expect(balances(emu)).toEqual(after);
    const log2 = runLogs(emu)[1].fields;
    expect(log2.custrecord_ara_run_applied).toBe(0);
    expect(log2.custrecord_ara_run_status).toBe('COMPLETE');
    expect(reportOf(emu, log2.custrecord_ara_run_report)).toHaveLength(1);
  });

  it('preview changes no transaction and proposes exactly what post then applies', () => {
    const emu = account(small);
    const before = balances(emu);
    const txBefore = emu.records.ids('depositapplication').length;
    const r = run(emu, { custscript_ara_aa_mode: 'preview' });
    expect(r.errors).toEqual([]);
    expect(balances(emu)).toEqual(before);
    expect(emu.records.ids('depositapplication')).toHaveLength(txBefore);
    const log = runLogs(emu)[0].fields;
    expect(log.custrecord_ara_run_mode).toBe('preview');
    const proposed = reportOf(emu, log.custrecord_ara_run_report).slice(1);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((l) => /^run \d+,PROPOSED,/.test(l))).toBe(true);
    // Usage: searches, run log and report only.
    expect(r.usage.maxPerStage.reduce).toBe(30);

    run(emu);
    const posted = reportOf(emu, runLogs(emu)[1].fields.custrecord_ara_run_report).slice(1);
    const key = (l: string) => {
      const c = l.split(',');
      return [c[2], c[3], c[5], c[7], c[8], c[9]].join('|'); // customer, deposit, invoice, amount, currency, rule
    };
    expect(posted.map(key).sort()).toEqual(proposed.map(key).sort());
  });

  it('rejects an unknown mode without touching anything', () => {
    const emu = account(small);
    const before = balances(emu);
    const r = run(emu, { custscript_ara_aa_mode: 'apply-everything' });
    expect(r.status).toBe('FAILED');
    expect(r.errors[0]).toMatchObject({ stage: 'getInputData', name: 'ARA_AUTOAPPLY_MODE' });
    expect(balances(emu)).toEqual(before);
  });

  describe('with several keys', () => {
    const many = buildAutoApplyFixture({ customers: 200 });

    it('an interrupted run, run again, ends in the same state as one uninterrupted run', () => {
      const once = account(many);
      const r = run(once);
      expect(r.errors).toEqual([]);
      expect(reduceUsage(r).length).toBeGreaterThanOrEqual(3);

      const crashed = account(many);
      const r1 = run(crashed, {}, { interrupt: { stage: 'reduce', after: 1 } });
      expect(r1.status).toBe('FAILED');
      expect(runLogs(crashed)[0].fields.custrecord_ara_run_status).toBe('RUNNING'); // the log shows the run never finished
      const partial = applications(crashed).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(applications(once).length);
      // Right after the crash its log still says RUNNING: a new run takes it for running and stops.
      const before = balances(crashed);
      const r2 = run(crashed);
      expect(r2.errors).toEqual([]);
      expect(runLogs(crashed)[1].fields.custrecord_ara_run_status).toBe('SKIPPED');
      expect(balances(crashed)).toEqual(before);
      // Once the admin marks the crashed run FAILED (as the README says), a run picks up the rest.
      releaseRun(crashed, runIdAt(crashed, 0));
      const r3 = run(crashed);
      expect(r3.errors).toEqual([]);
      expect(runLogs(crashed)[2].fields.custrecord_ara_run_status).toBe('COMPLETE');
      expect(balances(crashed)).toEqual(balances(once));
      expect(applications(crashed)).toHaveLength(applications(once).length);
    });

    it('a crashed run holds no longer than 6 hours: the next day a run goes ahead by itself', () => {
      const crashed = account(many);
      run(crashed, {}, { interrupt: { stage: 'reduce', after: 1 } });
      crashed.setClock('2026-11-28');
      const r = run(crashed);
      expect(r.errors).toEqual([]);
      expect(runLogs(crashed)[1].fields.custrecord_ara_run_status).toBe('COMPLETE');
      expect(runLogs(crashed)[0].fields.custrecord_ara_run_status).toBe('RUNNING');
    });

    it('stays under 32 units per deposit application over the run, searches and audit included', () => {
      const emu = account(many);
      const r = run(emu);
      const apps = applications(emu).length;
      expect(apps).toBeGreaterThan(150);
      expect(r.usage.total / apps).toBeLessThanOrEqual(32);
      expect(r.usage.maxPerStage.reduce).toBeLessThanOrEqual(2500);
    });

    it('one failing deposit never stops the others; its error code is in the run log and the report', () => {
      const emu = account(many);
      const victim = String(many.customers.find((c) => c.scenario === 'EXACT_AMOUNT')!.deposits[0]);
      // Test-only fault: the deposit is locked by someone else when the run transforms it.
      const records = emu.records as unknown as { transform: (...a: string[]) => unknown };
      const transform = records.transform.bind(records);
      records.transform = (fromType: string, fromId: string, toType: string) => {
        if (String(fromId) === victim) throw createError('RCRD_HAS_BEEN_CHANGED', 'Record has been changed');
        return transform(fromType, fromId, toType);
      };
      const r = run(emu);
      expect(r.status).toBe('COMPLETE');
      const log = runLogs(emu)[0].fields;
      expect(log.custrecord_ara_run_status).toBe('COMPLETE_WITH_ERRORS');
      expect(log.custrecord_ara_run_failed).toBe(1);
      expect(log.custrecord_ara_run_errors).toContain(`deposit ${victim} `);
      expect(log.custrecord_ara_run_errors).toContain('RCRD_HAS_BEEN_CHANGED');
      expect(reportOf(emu, log.custrecord_ara_run_report).some((l) => l.includes(`,FAILED,`) && l.includes('RCRD_HAS_BEEN_CHANGED'))).toBe(true);
      expect(emu.records.openAmount(victim)).toBeGreaterThan(0);
      expect(applications(emu).length).toBeGreaterThan(150);
      // The lock is gone: the next run applies it.
      records.transform = transform;
      run(emu);
      expect(emu.records.openAmount(victim)).toBe(0);
    });
  });

  it('a credit applied between plan (preview) and post: no over-application, fresh amounts used', () => {
    const emu = account(small);
    run(emu, { custscript_ara_aa_mode: 'preview' });
    const c = small.customers.find((x) => x.scenario === 'EXACT_AMOUNT')!;
    const target = c.invoices[1]; // what the preview proposed for the deposit
    const due = Number(view(emu, 'invoice', target).fields.amountremaining);
    // Someone credits 40.00 on that invoice (a credit memo applied to it).
    emu.loadFixture({
      asOf: '2026-11-27',
      records: { creditmemo: [{ id: 90_000, entity: c.id, trandate: '2026-11-27', currency: 1, subsidiary: 1, item: [{ item: 1, amount: 40 }], apply: [{ doc: target, amount: 40 }] }] },
    });
    expect(Number(view(emu, 'invoice', target).fields.amountremaining)).toBeCloseTo(due - 40, 2);
    const r = run(emu);
    expect(r.errors).toEqual([]);
    expect(runLogs(emu)[1].fields.custrecord_ara_run_failed).toBe(0);
    // The deposit no longer matches exactly: oldest-first pays both invoices within their dues.
    expect(Number(view(emu, 'invoice', target).fields.amountremaining)).toBeGreaterThanOrEqual(0);
    for (const id of emu.records.ids('invoice')) expect(Number(view(emu, 'invoice', id).fields.amountremaining)).toBeGreaterThanOrEqual(0);
    expect(emu.records.openAmount(String(c.deposits[0]))).toBe(0);
    expect(due - 40).toBeGreaterThan(0);
    const after = balances(emu);
    run(emu);
    expect(balances(emu)).toEqual(after);
  });

  it("sales orders: a billed or closed order's deposit goes on to the other rules, an open one waits (status read by filter)", () => {
    const emu = account(small);
    const closed = small.customers.find((c) => c.scenario === 'SALES_ORDER_OPEN')!;
    // Close the open order: its deposit's rest may now go elsewhere.
    const so = (small.fixture.records.customerdeposit.find((d) => d.id === closed.deposits[0]) as { salesorder: number }).salesorder;
    emu.recordCommand('edit', 'salesorder', { id: String(so), values: { orderstatus: 'H' } });
    const wasOther = Number(view(emu, 'invoice', closed.invoices[1]).fields.amountremaining);
    run(emu);
    expect(Number(view(emu, 'invoice', closed.invoices[0]).fields.amountremaining)).toBe(0);
    expect(Number(view(emu, 'invoice', closed.invoices[1]).fields.amountremaining)).toBeLessThan(wasOther);
    const billed = small.customers.find((c) => c.scenario === 'SALES_ORDER_BILLED')!;
    expect(Number(view(emu, 'invoice', billed.invoices[1]).fields.amountremaining)).toBe(400);
  });

  it('the two deployments never post at the same time: a post run stops (SKIPPED) while another one runs', () => {
    const emu = account(small);
    // Another post run of the script started a moment ago and is still running (its log says RUNNING).
    const now = new Date().toISOString().slice(11, 16);
    const other = emu.recordCommand('create', 'customrecord_ara_run', {
      values: { name: `Auto-apply post 2026-11-27 ${now} UTC`, custrecord_ara_run_mode: 'post', custrecord_ara_run_status: 'RUNNING' },
    }).id;
    const before = balances(emu);
    const r = emu.run(SCRIPT, { deploymentId: 'customdeploy_ara_mr_autoapply_now', params: { custscript_ara_aa_folder: FOLDER } });
    expect(r.errors).toEqual([]);
    expect(balances(emu)).toEqual(before);
    const log = runLogs(emu)[1].fields;
    expect(log.custrecord_ara_run_status).toBe('SKIPPED');
    expect(log.custrecord_ara_run_errors).toContain(`run ${other} (started 2026-11-27 ${now} UTC) is still running`);
    expect(log.custrecord_ara_run_report ?? '').toBe('');
    // getInputData: run log 6 + the check 10; no deposit search, no reduce work.
    expect(r.usage.invocations.find((i) => i.stage === 'getInputData')!.usage).toBe(16);
    // A preview is never held (it posts nothing).
    const pv = run(emu, { custscript_ara_aa_mode: 'preview' });
    expect(pv.errors).toEqual([]);
    expect(runLogs(emu)[2].fields.custrecord_ara_run_status).toBe('COMPLETE');
    // Once the other run has finished, a run goes ahead.
    releaseRun(emu, other);
    run(emu);
    expect(runLogs(emu)[3].fields.custrecord_ara_run_status).toBe('COMPLETE');
    expect(applications(emu).length).toBeGreaterThan(0);
  });

  it('a dispute set, or a deposit used, after the search: re-read past FRESH_POSTINGS postings, never applied', () => {
    const f = buildAutoApplyFixture({ customers: 0, big: { invoices: 150, deposits: 70 } });
    const emu = account(f);
    run(emu, { custscript_ara_aa_mode: 'preview' });
    const proposed = reportOf(emu, runLogs(emu)[0].fields.custrecord_ara_run_report)
      .slice(1)
      .map((l) => l.split(','));
    // Deposits in posting order; an invoice proposed only to deposits posted after the first 40.
    const order = [...new Set(proposed.map((c) => c[3]))];
    const early = new Set(order.slice(0, 40));
    const target = proposed.find((c) => !early.has(c[3]) && !proposed.some((x) => x[5] === c[5] && early.has(x[3])))![5];
    const usedDeposit = order[50];
    const dueBefore = Number(view(emu, 'invoice', target).fields.amountremaining);
    const paymentBefore = Number(view(emu, 'customerdeposit', usedDeposit).fields.payment);
    // Test-only fault: while the run posts its first deposit, someone disputes the invoice and lowers a later deposit.
    const records = emu.records as unknown as { transform: (...a: string[]) => unknown; reindex: () => void };
    const transform = records.transform.bind(records);
    let first = true;
    records.transform = (fromType: string, fromId: string, toType: string) => {
      if (first) {
        first = false;
        emu.records.stored('invoice', target)!.fields.custbody_ara_disputed = true;
        emu.records.stored('customerdeposit', usedDeposit)!.fields.payment = 10;
        records.reindex();
      }
      return transform(fromType, fromId, toType);
    };
    const r = run(emu);
    expect(r.errors).toEqual([]);
    const log = runLogs(emu)[1].fields;
    expect(log.custrecord_ara_run_failed).toBe(0); // no USER_ERROR "more than the amount of the deposit"
    expect(Number(view(emu, 'invoice', target).fields.amountremaining)).toBe(dueBefore);
    expect(paymentBefore).toBeGreaterThan(10);
    expect(emu.records.openAmount(usedDeposit)).toBeGreaterThanOrEqual(0);
    expect(r.usage.maxPerStage.reduce).toBeLessThanOrEqual(2500);
  });

  it('a customer with more deposits than one reduce may post defers the rest to continuation passes (N/task)', () => {
    const f = buildAutoApplyFixture({ customers: 8, big: { invoices: 300, deposits: 100 } });
    const emu = account(f);
    const first = run(emu);
    expect(first.errors).toEqual([]);
    expect(first.usage.maxPerStage.reduce).toBeLessThanOrEqual(2500);
    const log1 = runLogs(emu)[0].fields;
    expect(log1.custrecord_ara_run_status).toBe('CONTINUING');
    expect(Number(log1.custrecord_ara_run_deferred)).toBeGreaterThan(0);
    expect(String(log1.custrecord_ara_run_continued)).toMatch(/^MAPREDUCETASK_/);
    const passes = emu.runQueue();
    expect(passes.length).toBeGreaterThanOrEqual(1);
    for (const p of passes) {
      expect(p.errors).toEqual([]);
      expect(p.usage.maxPerStage.reduce).toBeLessThanOrEqual(2500);
    }
    const logs = runLogs(emu);
    expect(logs[logs.length - 1].fields.custrecord_ara_run_status).toBe('COMPLETE');
    expect(logs[logs.length - 1].fields.custrecord_ara_run_settings).toContain(`pass ${passes.length}`);
    for (const d of f.bigCustomer!.deposits) expect(emu.records.openAmount(String(d))).toBe(0);
    const total = [first, ...passes].reduce((s, x) => s + x.usage.total, 0);
    expect(total / applications(emu).length).toBeLessThanOrEqual(32);
    const after = balances(emu);
    run(emu);
    expect(balances(emu)).toEqual(after);
  });
});
