/**
 * Unit tests of the credit scripts' entry points with fake contexts: N/* stubbed (jest.config.js), the
 * credit adapters mocked, the core policy real.
 */
import * as error from 'N/error';
import * as runtime from 'N/runtime';
import { evaluateCustomer, DEFAULT_CREDIT_SETTINGS } from '../../ts/core/credit';
import * as adapters from '../../ts/adapters/credit';
import * as settingsAdapter from '../../ts/adapters/credit-settings';
import * as refresh from '../../ts/adapters/credit-refresh';
import { auditDecision } from '../../ts/adapters/credit-order';
import { customerBanner, orderBanner } from '../../ts/adapters/credit-banner';
import { beforeSubmit } from '../../ts/ara_ue_so_credit';
import { afterSubmit as refreshAfterSubmit } from '../../ts/ara_ue_ar_refresh';
import type { Minor } from '../../ts/core/money';

jest.mock('N/error');
jest.mock('N/log');
jest.mock('N/runtime');
jest.mock('N/ui/message', () => ({ Type: { WARNING: 2, ERROR: 3, INFORMATION: 1 } }), { virtual: true });
jest.mock('../../ts/adapters/credit');
jest.mock('../../ts/adapters/credit-settings');
jest.mock('../../ts/adapters/credit-refresh');

function fakeRecord(values: Record<string, unknown>) {
  const v = { ...values };
  return {
    id: 7,
    values: v,
    getValue: ({ fieldId }: { fieldId: string }) => v[fieldId] ?? '',
    setValue: ({ fieldId, value }: { fieldId: string; value: unknown }) => {
      v[fieldId] = value;
    },
    getLineCount: () => 0,
    getSublistValue: () => '',
  };
}

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
