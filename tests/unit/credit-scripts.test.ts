/**
 * Unit tests of the credit scripts' entry points with fake contexts: N/* stubbed (jest.config.js), the
 * credit adapters mocked, the core policy real.
 */
import * as error from 'N/error';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import { evaluateCustomer, DEFAULT_CREDIT_SETTINGS } from '../../ts/core/credit';
import * as adapters from '../../ts/adapters/credit';
import * as settingsAdapter from '../../ts/adapters/credit-settings';
import * as refresh from '../../ts/adapters/credit-refresh';
import { auditDecision, orderTotal } from '../../ts/adapters/credit-order';
import { customerBanner, orderBanner } from '../../ts/adapters/credit-banner';
import { beforeSubmit } from '../../ts/ara_ue_so_credit';
import { afterSubmit as refreshAfterSubmit } from '../../ts/ara_ue_ar_refresh';
import { beforeLoad as customerBannerBeforeLoad } from '../../ts/ara_ue_customer_banner';
import { map as sweepMap } from '../../ts/ara_mr_credit_sweep';
import type { Minor } from '../../ts/core/money';

jest.mock('N/error');
jest.mock('N/log');
jest.mock('N/record');
jest.mock('N/runtime');
jest.mock('N/format');
jest.mock('N/ui/message', () => ({ Type: { WARNING: 2, ERROR: 3, INFORMATION: 1 } }), { virtual: true });
jest.mock('../../ts/adapters/credit');
jest.mock('../../ts/adapters/credit-settings');
jest.mock('../../ts/adapters/credit-refresh');

function fakeRecord(values: Record<string, unknown>, lines: Record<string, unknown>[] = []) {
  const v = { ...values };
  return {
    id: 7,
    values: v,
    getValue: ({ fieldId }: { fieldId: string }) => v[fieldId] ?? '',
    setValue: ({ fieldId, value }: { fieldId: string; value: unknown }) => {
      v[fieldId] = value;
    },
    getLineCount: () => lines.length,
    getSublistValue: ({ fieldId, line }: { fieldId: string; line: number }) => lines[line]?.[fieldId] ?? '',
    save: jest.fn(() => 7),
  };
}

const actualCredit = jest.requireActual('../../ts/adapters/credit') as typeof adapters;

const customer = { id: '12', hold: 'AUTO', autoHold: false, limit: 100000 as Minor, currency: '1', currencyText: 'USD', subsidiary: '1', holdReason: '', holdSince: '' };
const evalWith = (openInvoices: number) =>
  evaluateCustomer({ currency: '1', creditLimit: 100000 as Minor, openInvoices: openInvoices as Minor, unappliedCredits: 0 as Minor, unbilledOrders: 0 as Minor, unappliedDeposits: 0 as Minor, overdue: { beyondGrace: 0 as Minor, graceDays: 30 } }, DEFAULT_CREDIT_SETTINGS);

describe('ara_ue_so_credit.beforeSubmit', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    (adapters.lookupCustomer as jest.Mock).mockReturnValue(customer);
    (settingsAdapter.loadCreditSettings as jest.Mock).mockReturnValue({ ok: true, settings: DEFAULT_CREDIT_SETTINGS, source: 'test' });
    (error.create as jest.Mock).mockImplementation((o: { name: string; message: string }) => Object.assign(new Error(o.message), { name: o.name }));
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ roleId: 'customrole_sales', role: 1002 });
  });

  it('saves an order over limit Pending Approval with the reason', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B' });
    beforeSubmit({ type: 'create', newRecord: rec, oldRecord: null } as never);
    expect(rec.values.orderstatus).toBe('A');
    expect(rec.values.custbody_ara_credit_reason).toBe('Over credit limit: exposure 1,200.00 > limit 1,000.00');
  });

  it('leaves a clear order as entered', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(100), today: '' });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B' });
    beforeSubmit({ type: 'create', newRecord: rec, oldRecord: null } as never);
    expect(rec.values).toMatchObject({ orderstatus: 'B', custbody_ara_credit_reason: '' });
  });

  it('fails open when the check throws, marking the order with the error code', () => {
    (adapters.evaluate as jest.Mock).mockImplementation(() => {
      throw Object.assign(new Error('search down'), { name: 'SSS_SEARCH_TIMEOUT' });
    });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B' });
    beforeSubmit({ type: 'create', newRecord: rec, oldRecord: null } as never);
    expect(rec.values.orderstatus).toBe('B');
    expect(rec.values.custbody_ara_credit_reason).toBe('Credit check failed (SSS_SEARCH_TIMEOUT: search down): order not held (fail open)');
  });

  it('refuses approval of a held order by a role that cannot override', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const old = fakeRecord({ entity: '12', total: 300, orderstatus: 'A', custbody_ara_credit_reason: 'x' });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B', custbody_ara_credit_reason: 'x' });
    expect(() => beforeSubmit({ type: 'approve', newRecord: rec, oldRecord: old } as never)).toThrow(expect.objectContaining({ name: 'ARA_CREDIT_HOLD' }));
  });
});

describe('ara_ue_ar_refresh.afterSubmit', () => {
  it('re-evaluates the customer of the transaction (and the previous one when it changed), never throws', () => {
    (refresh.refreshCustomer as jest.Mock).mockImplementation((id: string) => {
      if (id === '9') throw new Error('boom');
      return 'none';
    });
    refreshAfterSubmit({ type: 'edit', newRecord: fakeRecord({ entity: '12' }), oldRecord: fakeRecord({ entity: '9' }) } as never);
    expect((refresh.refreshCustomer as jest.Mock).mock.calls.map((c) => c[0])).toEqual(['12', '9']);
  });
});

describe('credit audit decisions and banners', () => {
  it('names the decision of a save', () => {
    expect(auditDecision('create', null, { status: 'A', reason: 'Over', overrideReason: '' })).toBe('ORDER_HELD');
    expect(auditDecision('create', null, { status: 'B', reason: '', overrideReason: '' })).toBeNull();
    expect(auditDecision('approve', { status: 'A', reason: 'Over' }, { status: 'B', reason: 'Over', overrideReason: 'ok' })).toBe('OVERRIDE');
    expect(auditDecision('approve', { status: 'A', reason: 'Over' }, { status: 'B', reason: '', overrideReason: '' })).toBe('ORDER_RELEASED');
    expect(auditDecision('create', null, { status: 'B', reason: 'Credit check failed (X): order not held (fail open)', overrideReason: '' })).toBe('CHECK_FAILED');
    expect(auditDecision('edit', { status: 'A', reason: 'Over' }, { status: 'A', reason: 'Over', overrideReason: '' })).toBeNull();
  });

  it('escapes every value in banners', () => {
    const b = customerBanner({ hold: 'ON', autoHold: true, reason: '<b>x</b> & "y"', since: '11/1/2026' });
    expect(b?.message).toBe('On credit hold since 11/1/2026: &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;. Released automatically once clear.');
    expect(customerBanner({ hold: 'AUTO', autoHold: false, reason: '', since: '' })).toBeNull();
    expect(orderBanner({ status: 'A', reason: '<i>', overrideReason: '', customerHoldSince: '' })?.message).toContain('&lt;i&gt;');
  });
});

// ---------------------------------------------------------------------------------------------------
// Review findings

describe('review: sales order user event', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    (adapters.lookupCustomer as jest.Mock).mockReturnValue(customer);
    (adapters.isKnownHold as unknown as jest.Mock).mockImplementation(actualCredit.isKnownHold);
    (settingsAdapter.loadCreditSettings as jest.Mock).mockReturnValue({ ok: true, settings: DEFAULT_CREDIT_SETTINGS, source: 'test' });
    (error.create as jest.Mock).mockImplementation((o: { name: string; message: string }) => Object.assign(new Error(o.message), { name: o.name }));
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ roleId: 'customrole_sales', role: 1002 });
  });

  it('F2: the order amount is the larger of the body total and the item lines', () => {
    expect(orderTotal(fakeRecord({ total: 100 }, [{ amount: 9000 }]) as never)).toBe(900000);
    expect(orderTotal(fakeRecord({ total: 100 }, [{ quantity: 3, rate: 1000.5 }]) as never)).toBe(300150);
    expect(orderTotal(fakeRecord({ total: 121 }, [{ amount: 100 }]) as never)).toBe(12100); // tax in the body total
  });

  it('F2: an approved order edited with larger lines (stale body total) is checked', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const old = fakeRecord({ entity: '12', currency: '1', total: 300, orderstatus: 'B' }, [{ amount: 300 }]);
    const rec = fakeRecord({ entity: '12', currency: '1', total: 300, orderstatus: 'B' }, [{ amount: 900 }]);
    beforeSubmit({ type: 'edit', newRecord: rec, oldRecord: old } as never);
    expect(rec.values.orderstatus).toBe('A');
    expect((adapters.evaluate as jest.Mock).mock.calls[0][2]).toEqual({ total: 90000, previousTotal: 30000 });
  });

  it('F1: an approved order moved to another customer is checked in full for that customer', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const old = fakeRecord({ entity: '9', currency: '1', total: 300, orderstatus: 'B' });
    const rec = fakeRecord({ entity: '12', currency: '1', total: 300, orderstatus: 'B', custbody_ara_override_reason: 'old' });
    beforeSubmit({ type: 'edit', newRecord: rec, oldRecord: old } as never);
    expect(adapters.lookupCustomer).toHaveBeenCalledWith('12');
    expect((adapters.evaluate as jest.Mock).mock.calls[0][2]).toEqual({ total: 30000, previousTotal: null });
    expect(rec.values).toMatchObject({ orderstatus: 'A', custbody_ara_override_reason: '' }); // F8 too
  });

  it('F3: a failed check on approval keeps the order held: a role that cannot override is refused', () => {
    (adapters.evaluate as jest.Mock).mockImplementation(() => {
      throw Object.assign(new Error('search down'), { name: 'SSS_SEARCH_TIMEOUT' });
    });
    const old = fakeRecord({ entity: '12', total: 300, orderstatus: 'A', custbody_ara_credit_reason: 'x' });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B', custbody_ara_credit_reason: 'x' });
    expect(() => beforeSubmit({ type: 'approve', newRecord: rec, oldRecord: old } as never)).toThrow(
      expect.objectContaining({ name: 'ARA_CREDIT_HOLD', message: expect.stringContaining('Credit check failed (SSS_SEARCH_TIMEOUT: search down): held for approval') }),
    );
  });

  it('F3: a failed check at entry still holds the order of a customer on a manual hold (fail open)', () => {
    (adapters.lookupCustomer as jest.Mock).mockReturnValue({ ...customer, hold: 'ON' });
    (settingsAdapter.loadCreditSettings as jest.Mock).mockReturnValue({ ok: false, problem: 'bad row', failMode: 'open' });
    const rec = fakeRecord({ entity: '12', total: 300, orderstatus: 'B' });
    beforeSubmit({ type: 'create', newRecord: rec, oldRecord: null } as never);
    expect(rec.values).toMatchObject({ orderstatus: 'A', custbody_ara_credit_reason: 'Credit check failed (ARA_CREDIT_SETTINGS: bad row): held for approval (customer is on credit hold)' });
  });

  it('F3: the audit tests a failed check before a release', () => {
    expect(auditDecision('approve', { status: 'A', reason: 'Over' }, { status: 'B', reason: 'Credit check failed (X): order not held (fail open)', overrideReason: '' })).toBe('CHECK_FAILED');
    expect(auditDecision('approve', { status: 'A', reason: 'Over' }, { status: 'B', reason: 'Credit check failed (X): held for approval', overrideReason: 'by hand' })).toBe('OVERRIDE');
  });

  it('F8: an order put on hold at entry loses a stale override reason', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const old = fakeRecord({ entity: '12', currency: '1', total: 300, orderstatus: 'B', custbody_ara_override_reason: 'CFO call' });
    const rec = fakeRecord({ entity: '12', currency: '1', total: 500, orderstatus: 'B', custbody_ara_override_reason: 'CFO call' });
    beforeSubmit({ type: 'edit', newRecord: rec, oldRecord: old } as never);
    expect(rec.values).toMatchObject({ orderstatus: 'A', custbody_ara_override_reason: '' });
  });

  it('F9: an order billed in part that grows for an over-limit customer is flagged, its status kept', () => {
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    const old = fakeRecord({ entity: '12', currency: '1', total: 300, orderstatus: 'E' });
    const rec = fakeRecord({ entity: '12', currency: '1', total: 500, orderstatus: 'E' });
    beforeSubmit({ type: 'edit', newRecord: rec, oldRecord: old } as never);
    expect(rec.values.orderstatus).toBe('E');
    expect(rec.values.custbody_ara_credit_reason).toBe(
      'Credit review: total increased from 300.00 to 500.00 on an order already fulfilled or billed in part (left as it is): Over credit limit: exposure 1,200.00 > limit 1,000.00',
    );
    expect(auditDecision('edit', { status: 'E', reason: '' }, { status: 'E', reason: String(rec.values.custbody_ara_credit_reason), overrideReason: '' })).toBe('ORDER_REVIEW');
  });
});

describe('review: hold writes and hold values', () => {
  beforeEach(() => jest.resetAllMocks());

  function loadedCustomer(values: Record<string, unknown>) {
    const rec = fakeRecord(values);
    (record.load as unknown as jest.Mock).mockReturnValue(rec);
    return rec;
  }

  it('F5: writeHold leaves a customer whose Hold changed since the decision (manual hold placed) as it is', () => {
    const rec = loadedCustomer({ creditholdoverride: 'ON', custentity_ara_autohold: false });
    const w = actualCredit.writeHold('12', 'place', 'Over', '', { hold: 'AUTO', autoHold: false });
    expect(w).toEqual({ written: false, found: { hold: 'ON', autoHold: false } });
    expect(rec.save).not.toHaveBeenCalled();
    expect(rec.values.custentity_ara_autohold).toBe(false);
  });

  it('F5: writeHold does not release a customer set to Hold OFF since the decision', () => {
    const rec = loadedCustomer({ creditholdoverride: 'OFF', custentity_ara_autohold: 'T' });
    expect(actualCredit.writeHold('12', 'release', 'Clear', '', { hold: 'ON', autoHold: true }).written).toBe(false);
    expect(rec.save).not.toHaveBeenCalled();
  });

  it('F5: writeHold writes when the customer is as the decision read it', () => {
    const rec = loadedCustomer({ creditholdoverride: 'ON', custentity_ara_autohold: 'T' });
    expect(actualCredit.writeHold('12', 'release', 'Clear', '', { hold: 'ON', autoHold: true })).toEqual({ written: true, audit: 'none' });
    expect(rec.save).toHaveBeenCalledTimes(1);
    expect(rec.values).toMatchObject({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
  });

  /** A loaded customer with the credit event sublist (recmachcustrecord_ara_ce_customer). */
  function loadedCustomerWithSublist(values: Record<string, unknown>, fail: { insert?: boolean; saveWithLine?: boolean } = {}) {
    const rec = fakeRecord(values);
    const lines: Record<string, unknown>[] = [];
    const sublists: string[] = [];
    const ext = Object.assign(rec, {
      lines,
      sublists,
      getLineCount: ({ sublistId }: { sublistId: string }) => (sublists.push(sublistId), lines.length),
      insertLine: jest.fn(({ sublistId, line }: { sublistId: string; line: number }) => {
        sublists.push(sublistId);
        if (fail.insert) throw Object.assign(new Error('no such sublist'), { name: 'SSS_INVALID_SUBLIST_OPERATION' });
        lines.splice(line, 0, {});
      }),
      setSublistValue: jest.fn(({ sublistId, fieldId, line, value }: { sublistId: string; fieldId: string; line: number; value: unknown }) => {
        sublists.push(sublistId);
        lines[line][fieldId] = value;
      }),
      removeLine: jest.fn(({ line }: { line: number }) => {
        lines.splice(line, 1);
      }),
    });
    ext.save = jest.fn(() => {
      if (fail.saveWithLine && lines.length) throw Object.assign(new Error('You do not have permissions to create AR Autopilot Credit Event'), { name: 'INSUFFICIENT_PERMISSION' });
      return 12;
    });
    (record.load as unknown as jest.Mock).mockReturnValue(ext);
    return ext;
  }
  const audit = { customer: '12', decision: 'HOLD_PLACED' as const, reason: 'Over credit limit', evaluation: evalWith(120000) };

  it('writeHold adds the audit as a credit event line of the customer: one save, every audited field, no separate record', () => {
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ id: 2, roleId: 'administrator', role: 3 });
    const rec = loadedCustomerWithSublist({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
    expect(actualCredit.writeHold('12', 'place', 'Over credit limit', '', { hold: 'AUTO', autoHold: false }, audit)).toEqual({ written: true, audit: 'line' });
    expect(rec.save).toHaveBeenCalledTimes(1);
    expect(record.create).not.toHaveBeenCalled();
    expect(new Set(rec.sublists)).toEqual(new Set(['recmachcustrecord_ara_ce_customer']));
    expect(rec.lines).toEqual([
      {
        name: 'HOLD_PLACED 12',
        custrecord_ara_ce_decision: 'HOLD_PLACED',
        custrecord_ara_ce_reason: 'Over credit limit',
        custrecord_ara_ce_exposure: 1200,
        custrecord_ara_ce_limit: 1000,
        custrecord_ara_ce_overdue: 0,
        custrecord_ara_ce_currency: '1',
        custrecord_ara_ce_user: '2',
        custrecord_ara_ce_role: 'administrator (3)',
        custrecord_ara_ce_context: expect.any(String),
        custrecord_ara_ce_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    // the line's values are those of the separate record (the parent field aside)
    const values = actualCredit.auditValues(audit).filter(([f]) => f !== 'custrecord_ara_ce_customer' && f !== 'custrecord_ara_ce_time');
    for (const [f, v] of values) expect(rec.lines[0][f]).toEqual(v);
    expect(rec.values).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true });
  });

  it('writeHold still writes the hold when the line cannot be added: the audit is a separate record (logged)', () => {
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ id: 2, roleId: 'administrator', role: 3 });
    const auditRec = fakeRecord({});
    auditRec.save.mockReturnValue(55);
    (record.create as unknown as jest.Mock).mockReturnValue(auditRec);
    const rec = loadedCustomerWithSublist({ creditholdoverride: 'AUTO', custentity_ara_autohold: false }, { insert: true });
    expect(actualCredit.writeHold('12', 'place', 'Over credit limit', '', { hold: 'AUTO', autoHold: false }, audit)).toEqual({ written: true, audit: 'record' });
    expect(rec.save).toHaveBeenCalledTimes(1);
    expect(rec.values).toMatchObject({ creditholdoverride: 'ON', custentity_ara_autohold: true });
    expect(record.create).toHaveBeenCalledWith({ type: 'customrecord_ara_credit_event' });
    expect(auditRec.values).toMatchObject({ custrecord_ara_ce_customer: '12', custrecord_ara_ce_decision: 'HOLD_PLACED', custrecord_ara_ce_exposure: 1200 });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('audit line not added'), details: expect.stringContaining('SSS_INVALID_SUBLIST_OPERATION') }));
  });

  it('writeHold saves the hold without the line when the save refuses it, then writes the separate record', () => {
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ id: 2, roleId: 'administrator', role: 3 });
    const auditRec = fakeRecord({});
    (record.create as unknown as jest.Mock).mockReturnValue(auditRec);
    const rec = loadedCustomerWithSublist({ creditholdoverride: 'ON', custentity_ara_autohold: true }, { saveWithLine: true });
    const released = { ...audit, decision: 'HOLD_RELEASED' as const, reason: 'Clear' };
    expect(actualCredit.writeHold('12', 'release', 'Clear', '', { hold: 'ON', autoHold: true }, released)).toEqual({ written: true, audit: 'record' });
    expect(rec.save).toHaveBeenCalledTimes(2);
    expect(rec.removeLine).toHaveBeenCalled();
    expect(rec.lines).toEqual([]);
    expect(rec.values).toMatchObject({ creditholdoverride: 'AUTO', custentity_ara_autohold: false });
    expect(auditRec.values).toMatchObject({ custrecord_ara_ce_decision: 'HOLD_RELEASED', custrecord_ara_ce_reason: 'Clear' });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('audit line not added'), details: expect.stringContaining('INSUFFICIENT_PERMISSION') }));
  });

  it('the sweep passes the audit of a hold to writeHold (a line of the customer), not to writeAuditSafely', () => {
    (adapters.isKnownHold as unknown as jest.Mock).mockImplementation(actualCredit.isKnownHold);
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '11/27/2026' });
    (adapters.writeHold as jest.Mock).mockReturnValue({ written: true, audit: 'line' });
    const value = JSON.stringify({ customer, groups: [], settings: DEFAULT_CREDIT_SETTINGS, today: '', exact: true });
    const write = jest.fn();
    sweepMap({ key: '0', value, write } as never);
    expect(adapters.writeHold).toHaveBeenCalledWith('12', 'place', expect.any(String), '11/27/2026', { hold: 'AUTO', autoHold: false }, expect.objectContaining({ customer: '12', decision: 'HOLD_PLACED', evaluation: expect.anything() }));
    expect(adapters.writeAuditSafely).not.toHaveBeenCalled();
    expect(write).toHaveBeenCalledWith({ key: 'place', value: '12' });
  });

  it('the refresh passes the audit of a hold to writeHold, not to writeAuditSafely', () => {
    const { refreshCustomer } = jest.requireActual('../../ts/adapters/credit-refresh') as typeof refresh;
    (adapters.isKnownHold as unknown as jest.Mock).mockImplementation(actualCredit.isKnownHold);
    (adapters.lookupCustomer as jest.Mock).mockReturnValue(customer);
    (settingsAdapter.loadCreditSettings as jest.Mock).mockReturnValue({ ok: true, settings: DEFAULT_CREDIT_SETTINGS, source: 'test' });
    (adapters.evaluate as jest.Mock).mockReturnValue({ customer, evaluation: evalWith(120000), today: '' });
    (adapters.writeHold as jest.Mock).mockReturnValue({ written: true, audit: 'line' });
    expect(refreshCustomer('12')).toBe('place');
    expect(adapters.writeHold).toHaveBeenCalledWith('12', 'place', expect.any(String), '', { hold: 'AUTO', autoHold: false }, expect.objectContaining({ customer: '12', decision: 'HOLD_PLACED' }));
    expect(adapters.writeAuditSafely).not.toHaveBeenCalled();
  });

  it('F6: an unrecognised Hold value is not AUTO', () => {
    const c = actualCredit.customerFromValues('12', (f) => (f === 'credithold' ? [{ value: 'MAYBE', text: 'Maybe' }] : ''));
    expect(c.hold).toBe('UNKNOWN');
    expect(actualCredit.customerFromValues('12', (f) => (f === 'credithold' ? 'Auto' : '')).hold).toBe('AUTO');
  });

  it('F6: the sweep leaves a customer with an unrecognised Hold value alone (logged)', () => {
    (adapters.isKnownHold as unknown as jest.Mock).mockImplementation(actualCredit.isKnownHold);
    const value = JSON.stringify({ customer: { ...customer, hold: 'UNKNOWN', holdRaw: 'MAYBE' }, groups: [], settings: DEFAULT_CREDIT_SETTINGS, today: '' });
    const write = jest.fn();
    expect(() => sweepMap({ key: '0', value, write } as never)).not.toThrow();
    expect(adapters.writeHold).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    expect(log.audit).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('unrecognised Hold value') }));
  });

  it('F6: the refresh leaves a customer with an unrecognised Hold value alone', () => {
    const { refreshCustomer } = jest.requireActual('../../ts/adapters/credit-refresh') as typeof refresh;
    (adapters.isKnownHold as unknown as jest.Mock).mockImplementation(actualCredit.isKnownHold);
    (adapters.lookupCustomer as jest.Mock).mockReturnValue({ ...customer, hold: 'UNKNOWN', holdRaw: 'MAYBE' });
    expect(refreshCustomer('12')).toBe('none');
    expect(adapters.evaluate).not.toHaveBeenCalled();
    expect(adapters.writeHold).not.toHaveBeenCalled();
  });

  it('F4: writeAuditSafely logs a failed audit write with the code and never throws', () => {
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ id: 2, roleId: 'customrole_sales', role: 1002 });
    (record.create as unknown as jest.Mock).mockImplementation(() => {
      throw Object.assign(new Error('no permission'), { name: 'INSUFFICIENT_PERMISSION' });
    });
    expect(actualCredit.writeAuditSafely({ customer: '12', order: 7, decision: 'ORDER_HELD', reason: 'Over' }, 'order 7, customer 12')).toBeNull();
    expect(log.error).toHaveBeenCalledWith({ title: 'ARA credit: audit record not written', details: 'order 7, customer 12, decision ORDER_HELD: INSUFFICIENT_PERMISSION: no permission' });
  });

  it("F10: the customer banner reads the AR Autopilot flag as true or 'T'", () => {
    const addPageInitMessage = jest.fn();
    const rec = fakeRecord({ creditholdoverride: 'ON', custentity_ara_autohold: 'T', custentity_ara_hold_reason: 'Over', custentity_ara_hold_since: '' });
    customerBannerBeforeLoad({ type: 'view', newRecord: rec, form: { addPageInitMessage } } as never);
    expect(addPageInitMessage).toHaveBeenCalledWith(expect.objectContaining({ title: 'On credit hold (AR Autopilot)' }));
  });
});
