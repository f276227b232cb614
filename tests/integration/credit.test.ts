/**
 * Credit holds, end to end: the compiled user events and sweep in the emulator.
 */
import { viewRecord } from '../../emulator/src/web/record-view';
import { CUSTOMERS as C, USERS as U, creditAccount, customer, events, orderValues, payInvoice } from './credit-fixture';

const usageOf = (u: { stage: string; usage: number }[], stage: string) => u.filter((x) => x.stage.endsWith(stage)).map((x) => x.usage);

describe('sales order credit check (customscript_ara_ue_so_credit)', () => {
  it('holds an order that takes the customer over its limit, with the reason, and logs it', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('A');
    expect(so.custbody_ara_credit_reason).toBe('Over credit limit: exposure 1,100.00 > limit 1,000.00');
    expect(so.total).toBe(200); // never loses data
    const ev = events(emu);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ custrecord_ara_ce_decision: 'ORDER_HELD', custrecord_ara_ce_customer: C.nearLimit, custrecord_ara_ce_order: r.id, custrecord_ara_ce_exposure: 1100, custrecord_ara_ce_limit: 1000, custrecord_ara_ce_user: U.clerk, custrecord_ara_ce_context: 'USERINTERFACE' });
    expect(Math.max(...usageOf(r.userEventUsage, 'so_credit.beforeSubmit'))).toBeLessThanOrEqual(25);
  });

  it('saves an order within limit normally; holds orders of delinquent and held customers', () => {
    const emu = creditAccount();
    const ok = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 1000), as: U.clerk });
    expect(emu.records.view('salesorder', ok.id).fields).toMatchObject({ orderstatus: 'B' });
    expect(emu.records.view('salesorder', ok.id).fields.custbody_ara_credit_reason ?? '').toBe('');
    const late = emu.recordCommand('create', 'salesorder', { values: orderValues(C.late, 10), as: U.clerk });
    expect(emu.records.view('salesorder', late.id).fields.custbody_ara_credit_reason).toBe('Overdue 1,000.00 more than 30 days past due (minimum 100.00)');
    const held = emu.recordCommand('create', 'salesorder', { values: orderValues(C.manual, 10), as: U.clerk });
    expect(emu.records.view('salesorder', held.id).fields).toMatchObject({ orderstatus: 'A', custbody_ara_credit_reason: 'Customer is on credit hold' });
    // warm settings cache: 1 (settings) + 1 (customer) + 10 (summary search)
    expect(usageOf(held.userEventUsage, 'so_credit.beforeSubmit')).toEqual([12]);
  });

  it('refuses approval of a held order by a role that cannot override (approve, and edit A → B)', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    expect(() => emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.clerk })).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD', message: expect.stringContaining('your role cannot approve it: Over credit limit') }),
    );
    expect(() => emu.recordCommand('edit', 'salesorder', { id: r.id, values: { orderstatus: 'B' }, as: U.creditManager, role: 'customrole_ara_sales' })).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD' }),
    );
    expect(emu.records.view('salesorder', r.id).fields.orderstatus).toBe('A');
  });

  it('lets an override role approve with a reason (logged), not without one', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    expect(() => emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.creditManager, role: 'customrole_ara_credit_mgr' })).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD', message: expect.stringContaining('Enter an override reason') }),
    );
    emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.creditManager, role: 'customrole_ara_credit_mgr', values: { custbody_ara_override_reason: '  Prepaid by wire  ' } });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so).toMatchObject({ orderstatus: 'B', custbody_ara_override_reason: 'Prepaid by wire' });
    const ov = events(emu).find((e) => e.custrecord_ara_ce_decision === 'OVERRIDE');
    expect(ov).toMatchObject({ custrecord_ara_ce_order: r.id, custrecord_ara_ce_user: U.creditManager, custrecord_ara_ce_role: expect.stringContaining('customrole_ara_credit_mgr') });
    expect(String(ov!.custrecord_ara_ce_reason)).toContain('Prepaid by wire');
    // Administrator may always override, with a reason
    const r2 = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 50), as: U.clerk });
    emu.recordCommand('approve', 'salesorder', { id: r2.id, as: U.admin, values: { custbody_ara_override_reason: 'CFO call' } });
    expect(emu.records.view('salesorder', r2.id).fields.orderstatus).toBe('B');
  });

  it('shows a banner on a held order and on a held customer', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.ours, 10), as: U.clerk });
    const so = viewRecord(emu, { as: U.clerk }, 'salesorder', r.id);
    expect(so.error).toBeNull();
    expect(so.messages.map((m) => m.title)).toEqual(['Held for credit']);
    expect(so.messages[0].message).toContain('customer on credit hold since 11/1/2026');
    const cu = viewRecord(emu, { as: U.clerk }, 'customer', C.ours);
    expect(cu.messages.map((m) => [m.title, m.message])).toEqual([['On credit hold (AR Autopilot)', expect.stringContaining('since 11/1/2026: Over credit limit')]]);
    expect(viewRecord(emu, { as: U.clerk }, 'customer', C.manual).messages[0].title).toBe('On credit hold (manual)');
    expect(viewRecord(emu, { as: U.clerk }, 'customer', C.clean).messages).toEqual([]);
  });
});

describe('refresh after receivables (customscript_ara_ue_ar_refresh)', () => {
  it('a payment releases our hold (logged) but not a manual one', () => {
    const emu = creditAccount();
    emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk }); // warms the settings cache
    const paid = payInvoice(emu, '105');
    expect(customer(emu, C.ours)).toMatchObject({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
    expect(customer(emu, C.ours).custentity_ara_hold_reason ?? '').toBe('');
    expect(events(emu).map((e) => [e.custrecord_ara_ce_decision, e.custrecord_ara_ce_customer])).toEqual([['HOLD_RELEASED', C.ours]]);
    expect(Math.max(...usageOf(paid.usage, 'ar_refresh.afterSubmit'))).toBeLessThanOrEqual(40);
    const manual = payInvoice(emu, '103');
    expect(customer(emu, C.manual)).toMatchObject({ creditholdoverride: 'ON' });
    expect(usageOf(manual.usage, 'ar_refresh.afterSubmit')[0]).toBeLessThanOrEqual(15);
    expect(events(emu).filter((e) => e.custrecord_ara_ce_decision !== 'ORDER_HELD')).toHaveLength(1);
  });

  it('an invoice that takes the customer over its limit places our hold', () => {
    const emu = creditAccount();
    emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk }); // warms the settings cache
    const r = emu.recordCommand('create', 'invoice', { values: { entity: C.nearLimit, item: [{ item: 1, quantity: 1, rate: 500, amount: 500 }] }, as: U.admin });
    expect(customer(emu, C.nearLimit)).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true, custentity_ara_hold_reason: 'Over credit limit: exposure 1,400.00 > limit 1,000.00', custentity_ara_hold_since: '2026-11-27' });
    expect(events(emu)[0]).toMatchObject({ custrecord_ara_ce_decision: 'HOLD_PLACED', custrecord_ara_ce_exposure: 1400 });
    expect(Math.max(...usageOf(r.userEventUsage, 'ar_refresh.afterSubmit'))).toBeLessThanOrEqual(40);
  });

  it('leaves OFF customers untouched (refresh, orders, sweep)', () => {
    const emu = creditAccount();
    emu.recordCommand('create', 'invoice', { values: { entity: C.exempt, item: [{ item: 1, quantity: 1, rate: 500, amount: 500 }] }, as: U.admin });
    const so = emu.recordCommand('create', 'salesorder', { values: orderValues(C.exempt, 900), as: U.clerk });
    expect(emu.records.view('salesorder', so.id).fields.orderstatus).toBe('B');
    emu.run('customscript_ara_mr_credit_sweep');
    expect(customer(emu, C.exempt)).toMatchObject({ creditholdoverride: 'OFF' });
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === C.exempt)).toEqual([]);
  });
});

describe('nightly sweep (customscript_ara_mr_credit_sweep)', () => {
  it('places holds that the calendar makes due, releases ours, and touches nothing else', () => {
    const emu = creditAccount();
    const first = emu.run('customscript_ara_mr_credit_sweep');
    expect(first.status).toBe('COMPLETE');
    expect(first.errors).toEqual([]);
    // Late Co is delinquent already; Ours Co is still over its limit (stays held)
    expect(customer(emu, C.late)).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true });
    expect(customer(emu, C.ours)).toMatchObject({ creditholdoverride: 'ON' });
    expect(customer(emu, C.dueToday)).toMatchObject({ creditholdoverride: 'AUTO' });
    const n = events(emu).length;
    expect(emu.run('customscript_ara_mr_credit_sweep').usage.invocations.filter((i) => i.stage === 'map').every((i) => i.usage === 0)).toBe(true);
    expect(events(emu)).toHaveLength(n);

    emu.setClock('2026-12-28'); // 31 days later: Due Today Co's invoice is 31 days past due
    const later = emu.run('customscript_ara_mr_credit_sweep');
    expect(later.errors).toEqual([]);
    expect(customer(emu, C.dueToday)).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true, custentity_ara_hold_since: '2026-12-28' });
    expect(String(customer(emu, C.dueToday).custentity_ara_hold_reason)).toContain('Overdue 500.00 more than 30 days past due');
    expect(customer(emu, C.manual)).toMatchObject({ creditholdoverride: 'ON' });
    expect(customer(emu, C.manual).custentity_ara_autohold).not.toBe(true);
    expect(customer(emu, C.exempt)).toMatchObject({ creditholdoverride: 'OFF' });
    // load 5 + save 10: the audit is a credit event line of the customer, created by that save
    expect(later.usage.maxPerStage.map).toBeLessThanOrEqual(15);
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === C.dueToday)).toEqual([
      expect.objectContaining({
        name: `HOLD_PLACED ${C.dueToday}`,
        custrecord_ara_ce_decision: 'HOLD_PLACED',
        custrecord_ara_ce_reason: expect.stringContaining('Overdue 500.00 more than 30 days past due'),
        custrecord_ara_ce_exposure: expect.any(Number),
        custrecord_ara_ce_overdue: 500,
        custrecord_ara_ce_currency: expect.any(String),
        custrecord_ara_ce_role: expect.any(String),
        custrecord_ara_ce_context: 'MAPREDUCE',
        custrecord_ara_ce_time: expect.any(String),
      }),
    ]);
    // every hold placed by the sweeps has its credit event
    for (const id of [C.late, C.dueToday]) expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === id && e.custrecord_ara_ce_decision === 'HOLD_PLACED')).toHaveLength(1);
  });

  it('releases our hold on a customer with nothing open', () => {
    const emu = creditAccount();
    payInvoice(emu, '105'); // refresh releases it already; put the hold back by hand to test the sweep
    emu.recordCommand('edit', 'customer', { id: C.ours, values: { creditholdoverride: 'ON', custentity_ara_autohold: true }, as: U.admin });
    emu.run('customscript_ara_mr_credit_sweep');
    expect(customer(emu, C.ours)).toMatchObject({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
  });
});

describe('multi-currency customers', () => {
  it('evaluates a EUR customer in EUR (its limit), not in base currency', () => {
    const emu = creditAccount();
    // EUR 4,000 open (USD 4,400 in base); limit EUR 4,200
    const ok = emu.recordCommand('create', 'salesorder', { values: orderValues(C.euro, 100, { currency: 2 }), as: U.clerk });
    expect(emu.records.view('salesorder', ok.id).fields.orderstatus).toBe('B');
    const over = emu.recordCommand('create', 'salesorder', { values: orderValues(C.euro, 150, { currency: 2 }), as: U.clerk });
    expect(emu.records.view('salesorder', over.id).fields).toMatchObject({ orderstatus: 'A', custbody_ara_credit_reason: 'Over credit limit: exposure 4,250.00 > limit 4,200.00' });
    expect(events(emu)[0]).toMatchObject({ custrecord_ara_ce_currency: '2', custrecord_ara_ce_exposure: 4250 });
  });

  it('converts a foreign-currency invoice of a USD customer at the rates', () => {
    const emu = creditAccount({}, { invoice: [{ id: 120, entity: 10, trandate: '2026-11-20', currency: 2, exchangerate: 1.1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: 4000, amount: 4000 }] }] });
    // EUR 4,000 at 1.1 = USD 4,400; + order 700 = 5,100 > 5,000
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 700), as: U.clerk });
    expect(emu.records.view('salesorder', r.id).fields.custbody_ara_credit_reason).toBe('Over credit limit: exposure 5,100.00 > limit 5,000.00');
  });
});

describe('fail mode', () => {
  it('fail open: saves the order as entered, marks it with the error code, logs it', () => {
    const emu = creditAccount({ custrecord_ara_set_grace_days: -5 });
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('B');
    expect(String(so.custbody_ara_credit_reason)).toMatch(/^Credit check failed \(ARA_CREDIT_SETTINGS: Invalid credit settings .*graceDays must not be negative.*\): order not held \(fail open\)/);
    expect(events(emu)[0]).toMatchObject({ custrecord_ara_ce_decision: 'CHECK_FAILED' });
  });

  it('fail closed: holds the order for approval', () => {
    const emu = creditAccount({ custrecord_ara_set_grace_days: -5, custrecord_ara_set_fail_mode: 'closed' });
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('A');
    expect(String(so.custbody_ara_credit_reason)).toMatch(/^Credit check failed \(ARA_CREDIT_SETTINGS: .*\): held for approval/);
    expect(() => emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.clerk })).toThrow(expect.objectContaining({ name: 'ARA_CREDIT_HOLD' }));
  });
});

// ---------------------------------------------------------------------------------------------------
// Review findings (security/NetSuite review of the credit hold scripts)

type Any = Record<string, unknown>;
const errorLogs = (emu: ReturnType<typeof creditAccount>) =>
  (emu.account.state.executionLog as { level: string; title: string; details: string }[]).filter((l) => l.level === 'ERROR');

/** Run `edit` once, right after the sweep's getInputData (the first stage the host executes). */
function afterGetInputData(emu: ReturnType<typeof creditAccount>, edit: () => void): void {
  const host = emu.host as unknown as Any & { execute: (...a: unknown[]) => unknown };
  const orig = host.execute.bind(host);
  let done = false;
  host.execute = (...a: unknown[]) => {
    const r = orig(...a);
    if (!done) {
      done = true;
      edit();
    }
    return r;
  };
}

/** Make every write of the audit record fail as for a role without create permission on it. */
function denyAuditCreate(emu: ReturnType<typeof creditAccount>): void {
  const records = emu.records as unknown as Any & { write: (...a: unknown[]) => unknown };
  const orig = records.write.bind(records);
  records.write = (type: unknown, ...rest: unknown[]) => {
    if (type === 'customrecord_ara_credit_event') {
      throw Object.assign(new Error('You do not have permissions to create AR Autopilot Credit Event'), { name: 'INSUFFICIENT_PERMISSION' });
    }
    return orig(type, ...rest);
  };
}

describe('review: order edits', () => {
  it('F1: an approved order moved to another customer is checked as a new order of that customer', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 200), as: U.clerk });
    expect(emu.records.view('salesorder', r.id).fields.orderstatus).toBe('B');
    emu.recordCommand('edit', 'salesorder', { id: r.id, values: { entity: C.nearLimit }, as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so).toMatchObject({ entity: C.nearLimit, orderstatus: 'A', custbody_ara_credit_reason: 'Over credit limit: exposure 1,100.00 > limit 1,000.00' });
    expect(events(emu).map((e) => [e.custrecord_ara_ce_decision, e.custrecord_ara_ce_customer])).toEqual([['ORDER_HELD', C.nearLimit]]);
  });

  it('F1: an approved order moved to another currency is checked as a new order', () => {
    const emu = creditAccount();
    // USD 4,600 within the 5,000 limit; the same lines in EUR are USD 5,060 (and the saved order still counts)
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 4600), as: U.clerk });
    expect(emu.records.view('salesorder', r.id).fields.orderstatus).toBe('B');
    emu.recordCommand('edit', 'salesorder', { id: r.id, values: { currency: 2, exchangerate: 1.1 }, as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('A');
    expect(String(so.custbody_ara_credit_reason)).toMatch(/^Over credit limit: exposure /);
  });

  it('F2: an approved order whose lines grow is checked at the new lines, not the stale body total', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 100), as: U.clerk });
    emu.recordCommand('edit', 'salesorder', { id: r.id, values: { item: [{ item: 1, quantity: 1, rate: 9000, amount: 9000 }] }, as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so).toMatchObject({ orderstatus: 'A', total: 9000, custbody_ara_credit_reason: 'Over credit limit: exposure 9,000.00 > limit 5,000.00' });
    expect(events(emu).map((e) => e.custrecord_ara_ce_decision)).toEqual(['ORDER_HELD']);
  });

  it('F8: putting an order back on hold clears the override reason of its earlier approval', () => {
    const emu = creditAccount();
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.admin, values: { custbody_ara_override_reason: 'CFO call' } });
    expect(emu.records.view('salesorder', r.id).fields).toMatchObject({ orderstatus: 'B', custbody_ara_override_reason: 'CFO call' });
    emu.recordCommand('edit', 'salesorder', { id: r.id, values: { item: [{ item: 1, quantity: 1, rate: 300, amount: 300 }] }, as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('A');
    expect(so.custbody_ara_override_reason ?? '').toBe('');
    // the stale reason cannot approve it again: an override needs a new reason
    expect(() => emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.creditManager, role: 'customrole_ara_credit_mgr' })).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD', message: expect.stringContaining('Enter an override reason') }),
    );
  });

  it('F9: an order fulfilled or billed in part that grows for an over-limit customer is flagged and audited, not moved back', () => {
    const emu = creditAccount({}, { salesorder: [{ id: 300, entity: 12, trandate: '2026-11-20', orderstatus: 'E', currency: 1, exchangerate: 1, subsidiary: 1, item: [{ item: 1, quantity: 1, rate: 50, amount: 50 }] }] });
    emu.recordCommand('edit', 'salesorder', { id: '300', values: { item: [{ item: 1, quantity: 1, rate: 500, amount: 500 }] }, as: U.clerk });
    const so = emu.records.view('salesorder', '300').fields;
    expect(so.orderstatus).toBe('E');
    expect(so.custbody_ara_credit_reason).toBe(
      'Credit review: total increased from 50.00 to 500.00 on an order already fulfilled or billed in part (left as it is): Over credit limit: exposure 1,400.00 > limit 1,000.00',
    );
    expect(events(emu).map((e) => [e.custrecord_ara_ce_decision, e.custrecord_ara_ce_order])).toEqual([['ORDER_REVIEW', '300']]);
    expect(viewRecord(emu, { as: U.clerk }, 'salesorder', '300').messages.map((m) => m.title)).toEqual(['Credit review']);
    // a decrease changes nothing
    emu.recordCommand('edit', 'salesorder', { id: '300', values: { item: [{ item: 1, quantity: 1, rate: 400, amount: 400 }] }, as: U.clerk });
    expect(events(emu)).toHaveLength(1);
  });
});

describe('review: failed checks and manual holds', () => {
  it('F3: with a failed check an order of a customer on a manual hold is still held (fail open)', () => {
    const emu = creditAccount({ custrecord_ara_set_grace_days: -5 });
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.manual, 10), as: U.clerk });
    const so = emu.records.view('salesorder', r.id).fields;
    expect(so.orderstatus).toBe('A');
    expect(String(so.custbody_ara_credit_reason)).toMatch(/^Credit check failed \(ARA_CREDIT_SETTINGS: .*\): held for approval \(customer is on credit hold\)$/);
  });

  it('F3: a failed check never approves a held order: only an override role with a reason may, logged as an override', () => {
    const emu = creditAccount({ custrecord_ara_set_grace_days: -5 });
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10, { orderstatus: 'A' }), as: U.clerk });
    expect(emu.records.view('salesorder', r.id).fields).toMatchObject({ orderstatus: 'A', custbody_ara_credit_reason: expect.stringMatching(/fail open/) });
    expect(() => emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.clerk })).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD', message: expect.stringContaining('Credit check failed') }),
    );
    expect(emu.records.view('salesorder', r.id).fields.orderstatus).toBe('A');
    emu.recordCommand('approve', 'salesorder', { id: r.id, as: U.admin, values: { custbody_ara_override_reason: 'Checked by hand' } });
    expect(emu.records.view('salesorder', r.id).fields.orderstatus).toBe('B');
    const decisions = events(emu).map((e) => e.custrecord_ara_ce_decision);
    expect(decisions).toEqual(['CHECK_FAILED', 'OVERRIDE']);
    expect(events(emu).some((e) => String(e.custrecord_ara_ce_reason).includes('credit clear now'))).toBe(false);
  });
});

describe('review: post-save writes never fail the save', () => {
  it('F4: a role that may not create the audit record still saves its order; the error is logged with the order and the code', () => {
    const emu = creditAccount();
    denyAuditCreate(emu);
    const r = emu.recordCommand('create', 'salesorder', { values: orderValues(C.nearLimit, 200), as: U.clerk });
    expect(emu.records.view('salesorder', r.id).fields).toMatchObject({ orderstatus: 'A' });
    const errs = errorLogs(emu);
    expect(errs).toEqual([expect.objectContaining({ title: 'ARA credit: audit record not written', details: expect.stringMatching(new RegExp(`order ${r.id}.*INSUFFICIENT_PERMISSION`)) })]);
  });

  it('F4: the refresh places the hold and logs the missing audit record, without failing the invoice', () => {
    const emu = creditAccount();
    denyAuditCreate(emu);
    emu.recordCommand('create', 'invoice', { values: { entity: C.nearLimit, item: [{ item: 1, quantity: 1, rate: 500, amount: 500 }] }, as: U.admin });
    expect(customer(emu, C.nearLimit)).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true });
    // The customer's save refused the credit event line: the hold is saved without it (logged), then the
    // separate audit record fails too (logged).
    const errs = errorLogs(emu);
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatchObject({
      title: 'ARA credit: audit line not added to the customer, written as a separate record',
      details: expect.stringContaining(`customer ${C.nearLimit}, decision HOLD_PLACED: INSUFFICIENT_PERMISSION`),
    });
    expect(errs[1]).toMatchObject({ title: 'ARA credit: audit record not written', details: expect.stringContaining(`customer ${C.nearLimit}, decision HOLD_PLACED: INSUFFICIENT_PERMISSION`) });
  });
});

describe('review: the sweep', () => {
  it('F5: a manual hold placed after getInputData is not turned into ours', () => {
    const emu = creditAccount();
    afterGetInputData(emu, () => {
      emu.recordCommand('edit', 'customer', { id: C.late, values: { creditholdoverride: 'ON', custentity_ara_hold_reason: 'Collections call' }, as: U.admin });
    });
    const run = emu.run('customscript_ara_mr_credit_sweep');
    expect(run.errors).toEqual([]);
    expect(customer(emu, C.late)).toMatchObject({ creditholdoverride: 'ON', custentity_ara_hold_reason: 'Collections call' });
    expect(customer(emu, C.late).custentity_ara_autohold).not.toBe(true);
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === C.late)).toEqual([]);
    expect(run.logs.some((l) => l.title === `ARA credit sweep: customer ${C.late} changed since it was read, left as it is`)).toBe(true);
  });

  it('F5: Hold OFF set after getInputData is respected (our hold is not released to AUTO)', () => {
    const emu = creditAccount();
    payInvoice(emu, '105'); // refresh releases it; put our hold back by hand
    emu.recordCommand('edit', 'customer', { id: C.ours, values: { creditholdoverride: 'ON', custentity_ara_autohold: true }, as: U.admin });
    afterGetInputData(emu, () => {
      emu.recordCommand('edit', 'customer', { id: C.ours, values: { creditholdoverride: 'OFF' }, as: U.admin });
    });
    emu.run('customscript_ara_mr_credit_sweep');
    expect(customer(emu, C.ours)).toMatchObject({ creditholdoverride: 'OFF' });
    expect(events(emu).filter((e) => e.custrecord_ara_ce_decision === 'HOLD_RELEASED' && e.custrecord_ara_ce_customer === C.ours)).toHaveLength(1); // the refresh's only
  });

  it('F5: a customer set to Hold OFF is left untouched by the sweep', () => {
    const emu = creditAccount();
    emu.recordCommand('edit', 'customer', { id: C.late, values: { creditholdoverride: 'OFF' }, as: U.admin });
    emu.run('customscript_ara_mr_credit_sweep');
    expect(customer(emu, C.late)).toMatchObject({ creditholdoverride: 'OFF' });
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === C.late)).toEqual([]);
  });

  it('F7: holds a customer at 60 % of its limit in USD and 60 % in EUR', () => {
    const emu = creditAccount({}, {
      customer: [{ id: 18, companyname: 'Two Currency Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 1000 }],
      invoice: [
        { id: 130, entity: 18, trandate: '2026-11-20', currency: 1, exchangerate: 1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: 600, amount: 600 }] },
        { id: 131, entity: 18, trandate: '2026-11-20', currency: 2, exchangerate: 1.1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: 600, amount: 600 }] },
      ],
    });
    const run = emu.run('customscript_ara_mr_credit_sweep');
    expect(run.errors).toEqual([]);
    expect(customer(emu, '18')).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true, custentity_ara_hold_reason: 'Over credit limit: exposure 1,260.00 > limit 1,000.00' });
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === '18').map((e) => e.custrecord_ara_ce_decision)).toEqual(['HOLD_PLACED']);
    // the next night changes nothing
    const again = emu.run('customscript_ara_mr_credit_sweep');
    expect(again.errors).toEqual([]);
    expect(events(emu).filter((e) => e.custrecord_ara_ce_customer === '18')).toHaveLength(1);
  });
});

describe('review: customer deposits', () => {
  it('F10: a new customer deposit re-evaluates the customer and releases our hold', () => {
    const emu = creditAccount();
    emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk }); // warms the settings cache
    // Ours Co: 1,500 open, limit 1,000; a deposit of 600 lowers exposure to 900
    const d = emu.recordCommand('create', 'customerdeposit', { values: { customer: C.ours, payment: 600 }, as: U.admin });
    expect(customer(emu, C.ours)).toMatchObject({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
    expect(events(emu).map((e) => [e.custrecord_ara_ce_decision, e.custrecord_ara_ce_customer])).toEqual([['HOLD_RELEASED', C.ours]]);
    expect(Math.max(...usageOf(d.userEventUsage, 'ar_refresh.afterSubmit'))).toBeLessThanOrEqual(40);
  });
});
