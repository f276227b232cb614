import {
  type CreditEvaluation,
  type CreditInput,
  type CreditSettings,
  type HoldState,
  CreditInputError,
  DEFAULT_CREDIT_SETTINGS,
  canApprove,
  decideHold,
  decideOrder,
  decideOrderOnError,
  evaluateCustomer,
  isOverrideRole,
  overdueBeyondGrace,
  resolveSettings,
  shouldHold,
  validateSettings,
  validateSettingsOverride,
} from '../../../ts/core/credit';
import { type CalendarDate, addDays, parseIsoDate } from '../../../ts/core/dates';
import { type Minor, minor, parseMoney } from '../../../ts/core/money';

const d = (s: string): CalendarDate => parseIsoDate(s);
const m = (n: number): Minor => minor(n);
/** Major units as text → minor units. */
const $ = (s: string): Minor => parseMoney(s);
const ASOF = d('2026-03-31');

function input(over: Partial<CreditInput> = {}): CreditInput {
  return {
    currency: 'USD',
    creditLimit: $('10000.00'),
    openInvoices: $('0'),
    unappliedCredits: $('0'),
    unbilledOrders: $('0'),
    unappliedDeposits: $('0'),
    overdue: { beyondGrace: $('0'), graceDays: 30 },
    ...over,
  };
}
const S = DEFAULT_CREDIT_SETTINGS;
const withSettings = (over: Partial<CreditSettings>): CreditSettings => resolveSettings(S, over);

describe('settings', () => {
  test('defaults', () => {
    expect(DEFAULT_CREDIT_SETTINGS).toEqual({
      graceDays: 30,
      minOverdue: 10000,
      limitTolerancePct: 0,
      includeUnbilledOrders: true,
      failMode: 'open',
      overrideRoles: ['administrator'],
    });
    expect(Object.isFrozen(DEFAULT_CREDIT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CREDIT_SETTINGS.overrideRoles)).toBe(true);
  });

  test('resolveSettings: a subsidiary row overrides only the fields it sets', () => {
    expect(resolveSettings(S, null)).toEqual(S);
    const r = resolveSettings(S, { graceDays: 45, failMode: null, limitTolerancePct: undefined, overrideRoles: ['1005'] });
    expect(r).toEqual({ ...S, graceDays: 45, overrideRoles: ['1005'] });
    expect(Object.isFrozen(r)).toBe(true);
    expect(S.graceDays).toBe(30);
    // false and 0 are set values, not "unset"
    expect(resolveSettings({ ...S, graceDays: 10 }, { includeUnbilledOrders: false, graceDays: 0 })).toMatchObject({
      includeUnbilledOrders: false,
      graceDays: 0,
    });
  });

  test('validateSettings: valid input, NetSuite-style strings, defaults for missing fields', () => {
    const v = validateSettings({
      graceDays: '45',
      minOverdue: 25000,
      limitTolerancePct: '2.5',
      includeUnbilledOrders: 'F',
      failMode: 'closed',
      overrideRoles: ' customrole_ar_lead , 1005',
    });
    expect(v).toEqual({
      ok: true,
      settings: {
        graceDays: 45,
        minOverdue: 25000,
        limitTolerancePct: 2.5,
        includeUnbilledOrders: false,
        failMode: 'closed',
        overrideRoles: ['customrole_ar_lead', '1005'],
      },
    });
    expect(validateSettings({})).toEqual({ ok: true, settings: S });
    expect(validateSettings({ graceDays: null, failMode: '' })).toEqual({ ok: true, settings: S });
    expect(validateSettings({ overrideRoles: ['administrator', 1005, 'ADMINISTRATOR'] })).toEqual({
      ok: true,
      settings: { ...S, overrideRoles: ['administrator', '1005'] },
    });
    expect(validateSettings({ limitTolerancePct: 100 }).ok).toBe(true);
    expect(validateSettings({ limitTolerancePct: 0.01 }).ok).toBe(true);
    expect(validateSettings({ graceDays: 0, minOverdue: 0 }).ok).toBe(true);
  });

  test.each<[unknown, RegExp]>([
    [{ graceDays: -1 }, /graceDays must not be negative, got -1/],
    [{ graceDays: 1.5 }, /graceDays must be a whole number/],
    [{ graceDays: 'thirty' }, /graceDays must be a number of days, got "thirty"/],
    [{ graceDays: 5000 }, /graceDays must be at most 3650/],
    [{ minOverdue: -100 }, /minOverdue must not be negative/],
    [{ minOverdue: 100.5 }, /minOverdue must be a whole number of minor units/],
    [{ limitTolerancePct: 101 }, /limitTolerancePct must be from 0 to 100, got 101/],
    [{ limitTolerancePct: -0.5 }, /limitTolerancePct must be from 0 to 100/],
    [{ limitTolerancePct: 2.555 }, /at most 2 decimals, got 2.555/],
    [{ includeUnbilledOrders: 'yes' }, /includeUnbilledOrders must be true or false, got "yes"/],
    [{ failMode: 'strict' }, /failMode must be 'open' or 'closed', got "strict"/],
    [{ failMode: 'OPEN' }, /failMode must be 'open' or 'closed'/],
    [{ overrideRoles: 7 }, /overrideRoles must be a list of role ids, got 7/],
    [{ overrideRoles: ['administrator', ''] }, /overrideRoles: not a role id: ""/],
    [{ graceDay: 30 }, /unknown credit setting "graceDay"/],
    [null, /credit settings must be an object/],
    [[1], /credit settings must be an object/],
  ])('validateSettings(%j) reports %s', (raw, re) => {
    const v = validateSettings(raw);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join('\n')).toMatch(re);
  });

  test('validateSettings lists every error', () => {
    const v = validateSettings({ graceDays: -5, limitTolerancePct: 150, failMode: 'x' });
    expect(v).toEqual({
      ok: false,
      errors: [
        'graceDays must not be negative, got -5',
        'limitTolerancePct must be from 0 to 100, got 150',
        `failMode must be 'open' or 'closed', got "x"`,
      ],
    });
  });

  test('validateSettingsOverride keeps only the fields set, feeding resolveSettings', () => {
    const v = validateSettingsOverride({ graceDays: '60', failMode: null });
    expect(v).toEqual({ ok: true, settings: { graceDays: 60 } });
    if (v.ok) expect(resolveSettings(S, v.settings)).toEqual({ ...S, graceDays: 60 });
    expect(validateSettingsOverride({ graceDays: -1 }).ok).toBe(false);
  });

  test('validateSettings takes missing fields from a given base (company row)', () => {
    const company = withSettings({ graceDays: 15 });
    expect(validateSettings({ failMode: 'closed' }, company)).toEqual({ ok: true, settings: { ...company, failMode: 'closed' } });
  });
});

describe('exposure', () => {
  test('balance + unbilled − deposits + order', () => {
    const e = evaluateCustomer(
      input({
        openInvoices: $('5000'),
        unappliedCredits: $('500'),
        unbilledOrders: $('2000'),
        unappliedDeposits: $('300'),
        order: { total: $('1000') },
      }),
      S,
    );
    expect(e.exposure).toBe($('7200'));
    expect(e.breakdown).toEqual({ balance: $('4500'), unbilledOrders: $('2000'), unappliedDeposits: $('300'), order: $('1000') });
  });

  test('unbilled orders excluded when the setting says so', () => {
    const e = evaluateCustomer(input({ openInvoices: $('5000'), unbilledOrders: $('2000') }), withSettings({ includeUnbilledOrders: false }));
    expect(e.exposure).toBe($('5000'));
    expect(e.breakdown.unbilledOrders).toBe(0);
  });

  test('edit: the order counts as new total − saved total (increase)', () => {
    const e = evaluateCustomer(
      input({ openInvoices: $('1000'), unbilledOrders: $('3000'), order: { total: $('3500'), previousTotal: $('3000') } }),
      S,
    );
    expect(e.breakdown.order).toBe($('500'));
    expect(e.exposure).toBe($('4500'));
  });

  test('edit: a decrease counts negative (the saved total is already in unbilled orders)', () => {
    const e = evaluateCustomer(
      input({ openInvoices: $('1000'), unbilledOrders: $('3000'), order: { total: $('2000'), previousTotal: $('3000') } }),
      S,
    );
    expect(e.breakdown.order).toBe($('-1000'));
    expect(e.exposure).toBe($('3000')); // = 1000 balance + 2000 (the order as it now stands)
  });

  test('edit that reduces an order is not held even when the customer is over limit', () => {
    // saved order of 9,000 already in unbilled; cut to 8,500: exposure falls from 10,500 to 10,000 (= limit)
    const e = evaluateCustomer(
      input({ openInvoices: $('1500'), unbilledOrders: $('9000'), order: { total: $('8500'), previousTotal: $('9000') } }),
      S,
    );
    expect(e.exposure).toBe($('10000'));
    expect(e.overLimit).toBe(false);
    expect(decideOrder({ customerHeld: false, evaluationWithOrder: e }).hold).toBe(false);
  });

  test('edit when unbilled orders do not count: the whole new total counts', () => {
    const e = evaluateCustomer(
      input({ unbilledOrders: $('3000'), order: { total: $('2000'), previousTotal: $('3000') } }),
      withSettings({ includeUnbilledOrders: false }),
    );
    expect(e.breakdown.order).toBe($('2000'));
    expect(e.exposure).toBe($('2000'));
  });

  test('deposits and credits can make exposure negative', () => {
    const e = evaluateCustomer(input({ openInvoices: $('100'), unappliedCredits: $('50'), unappliedDeposits: $('200') }), S);
    expect(e.exposure).toBe($('-150'));
    expect(e.overLimit).toBe(false);
  });
});

describe('over limit', () => {
  const at = (exposure: string, limit: string | null, tol = 0): CreditEvaluation =>
    evaluateCustomer(input({ openInvoices: $(exposure), creditLimit: limit === null ? null : $(limit) }), withSettings({ limitTolerancePct: tol }));

  test('exposure > limit, exactly at the limit is not over', () => {
    expect(at('10000.00', '10000.00').overLimit).toBe(false);
    expect(at('10000.01', '10000.00').overLimit).toBe(true);
  });

  test('reason text', () => {
    expect(at('12450.00', '10000.00').reasons).toEqual(['Over credit limit: exposure 12,450.00 > limit 10,000.00']);
    expect(at('11000.01', '10000.00', 10).reasons).toEqual(['Over credit limit: exposure 11,000.01 > limit 10,000.00 + 10% tolerance']);
  });

  test('tolerance boundary: exactly limit × (1 + t) is not over', () => {
    expect(at('11000.00', '10000.00', 10).overLimit).toBe(false);
    expect(at('11000.01', '10000.00', 10).overLimit).toBe(true);
    expect(at('10250.00', '10000.00', 2.5).overLimit).toBe(false);
    expect(at('10250.01', '10000.00', 2.5).overLimit).toBe(true);
    // 10,000.00 × 1.0001 = 10,001.00 exactly
    expect(at('10001.00', '10000.00', 0.01).overLimit).toBe(false);
    expect(at('10001.01', '10000.00', 0.01).overLimit).toBe(true);
    // 100% tolerance: twice the limit
    expect(at('20000.00', '10000.00', 100).overLimit).toBe(false);
    expect(at('20000.01', '10000.00', 100).overLimit).toBe(true);
  });

  test('non-integer product: limit 100.01 × 1.025 = 102.51025 → 102.51 not over, 102.52 over', () => {
    expect(at('102.51', '100.01', 2.5).overLimit).toBe(false);
    expect(at('102.52', '100.01', 2.5).overLimit).toBe(true);
  });

  test('tolerance 0.07 (not exact in binary) is exact here', () => {
    // 10,000.00 × 1.0007 = 10,007.00
    expect(at('10007.00', '10000.00', 0.07).overLimit).toBe(false);
    expect(at('10007.01', '10000.00', 0.07).overLimit).toBe(true);
  });

  test('no limit → no limit check; a zero limit is a limit', () => {
    const e = at('99999999.99', null);
    expect(e.overLimit).toBe(false);
    expect(e.limit).toBeNull();
    expect(e.reasons).toEqual([]);
    expect(at('0.01', '0').overLimit).toBe(true);
    expect(at('0', '0').overLimit).toBe(false);
  });

  test('huge amounts do not lose precision', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    const e = evaluateCustomer(input({ openInvoices: m(big), creditLimit: m(big - 1) }), S);
    expect(e.overLimit).toBe(true);
    const f = evaluateCustomer(input({ openInvoices: m(big), creditLimit: m(big) }), withSettings({ limitTolerancePct: 0.01 }));
    expect(f.overLimit).toBe(false);
  });
});

describe('delinquency', () => {
  test('overdueBeyondGrace counts invoices MORE than graceDays past due', () => {
    const inv = (daysPastDue: number, amount: string) => ({ amountRemaining: $(amount), dueDate: addDays(ASOF, -daysPastDue), tranDate: d('2025-01-01') });
    const list = [inv(30, '1000'), inv(31, '200'), inv(90, '50'), inv(0, '7000'), inv(-5, '9000')];
    expect(overdueBeyondGrace(list, ASOF, 30)).toBe($('250'));
    expect(overdueBeyondGrace(list, ASOF, 29)).toBe($('1250'));
    expect(overdueBeyondGrace(list, ASOF, 0)).toBe($('1250'));
    expect(overdueBeyondGrace([], ASOF, 30)).toBe(0);
  });

  test('no due date: ages from the transaction date', () => {
    expect(overdueBeyondGrace([{ amountRemaining: $('10'), dueDate: null, tranDate: addDays(ASOF, -31) }], ASOF, 30)).toBe($('10'));
    expect(overdueBeyondGrace([{ amountRemaining: $('10'), dueDate: null, tranDate: addDays(ASOF, -30) }], ASOF, 30)).toBe(0);
  });

  test('minimum boundary: exactly minOverdue is delinquent, one cent less is not', () => {
    const at = (overdue: string) => evaluateCustomer(input({ overdue: { beyondGrace: $(overdue), graceDays: 30 } }), S);
    expect(at('100.00').delinquent).toBe(true);
    expect(at('99.99').delinquent).toBe(false);
    expect(at('0').delinquent).toBe(false);
  });

  test('reason text', () => {
    const e = evaluateCustomer(input({ overdue: { beyondGrace: $('1250'), graceDays: 30 } }), S);
    expect(e.reasons).toEqual(['Overdue 1,250.00 more than 30 days past due (minimum 100.00)']);
  });

  test('from invoices or from an aggregate: same decision', () => {
    const invoices = [
      { amountRemaining: $('60'), dueDate: addDays(ASOF, -45), tranDate: d('2025-12-01') },
      { amountRemaining: $('40'), dueDate: addDays(ASOF, -31), tranDate: d('2025-12-01') },
    ];
    const a = evaluateCustomer(input({ overdue: { invoices, asOf: ASOF } }), S);
    const b = evaluateCustomer(input({ overdue: { beyondGrace: $('100'), graceDays: 30 } }), S);
    expect(a).toEqual(b);
    expect(a.delinquent).toBe(true);
  });

  test('an aggregate computed with other grace days is rejected', () => {
    expect(() => evaluateCustomer(input({ overdue: { beyondGrace: $('100'), graceDays: 60 } }), S)).toThrow(
      /aggregated with 60 grace days, but the settings say 30/,
    );
  });

  test('minOverdue 0: any amount beyond grace, but not zero', () => {
    const s = withSettings({ minOverdue: m(0) });
    expect(evaluateCustomer(input({ overdue: { beyondGrace: m(1), graceDays: 30 } }), s).delinquent).toBe(true);
    expect(evaluateCustomer(input({ overdue: { beyondGrace: m(0), graceDays: 30 } }), s).delinquent).toBe(false);
  });

  test('both reasons, limit first', () => {
    const e = evaluateCustomer(input({ openInvoices: $('12450'), overdue: { beyondGrace: $('1250'), graceDays: 30 } }), S);
    expect(e.reasons).toEqual([
      'Over credit limit: exposure 12,450.00 > limit 10,000.00',
      'Overdue 1,250.00 more than 30 days past due (minimum 100.00)',
    ]);
    expect(shouldHold(e)).toBe(true);
  });
});

describe('currencies and input checks', () => {
  test('an invoice or order in another currency is rejected', () => {
    const invoices = [{ amountRemaining: $('10'), dueDate: d('2026-01-01'), tranDate: d('2026-01-01'), currency: 'EUR' }];
    expect(() => evaluateCustomer(input({ overdue: { invoices, asOf: ASOF } }), S)).toThrow(CreditInputError);
    expect(() => evaluateCustomer(input({ overdue: { invoices, asOf: ASOF } }), S)).toThrow(/"EUR", not the customer's currency "USD"/);
    expect(() => evaluateCustomer(input({ order: { total: $('1'), currency: 'GBP' } }), S)).toThrow(/the order is in "GBP"/);
    expect(() => evaluateCustomer(input({ order: { total: $('1'), currency: 'USD' } }), S)).not.toThrow();
  });

  test('overdueBeyondGrace rejects a mix of currencies', () => {
    const list = [
      { amountRemaining: $('10'), dueDate: d('2026-01-01'), tranDate: d('2026-01-01'), currency: 'USD' },
      { amountRemaining: $('10'), dueDate: d('2026-01-01'), tranDate: d('2026-01-01'), currency: 'CAD' },
    ];
    expect(() => overdueBeyondGrace(list, ASOF, 30)).toThrow(/invoice 1 is in "CAD", not the customer's currency "USD"/);
    expect(overdueBeyondGrace(list.slice(0, 1), ASOF, 30)).toBe($('10'));
  });

  test('a 0-decimal currency formats its reasons without decimals', () => {
    const e = evaluateCustomer(
      input({ currency: 'JPY', currencyDecimals: 0, creditLimit: m(1000000), openInvoices: m(1250000), overdue: { beyondGrace: m(20000), graceDays: 30 } }),
      S,
    );
    expect(e.reasons).toEqual(['Over credit limit: exposure 1,250,000 > limit 1,000,000', 'Overdue 20,000 more than 30 days past due (minimum 10,000)']);
    expect(e.currency).toBe('JPY');
  });

  test.each<[Partial<CreditInput>, RegExp]>([
    [{ openInvoices: -1 as Minor }, /openInvoices must not be negative/],
    [{ unappliedCredits: 1.5 as Minor }, /unappliedCredits must be integer minor units, got 1.5/],
    [{ creditLimit: -5 as Minor }, /creditLimit must not be negative/],
    [{ order: { total: $('1'), previousTotal: -1 as Minor } }, /order previousTotal must not be negative/],
    [{ currency: '' }, /currency must be given/],
    [{ currencyDecimals: 13 }, /currencyDecimals/],
    [{ overdue: { beyondGrace: -1 as Minor, graceDays: 30 } }, /beyondGrace must not be negative/],
  ])('rejects %j', (over, re) => {
    expect(() => evaluateCustomer(input(over), S)).toThrow(re);
  });
});

describe('decideHold', () => {
  const over = evaluateCustomer(input({ openInvoices: $('12450') }), S);
  const late = evaluateCustomer(input({ overdue: { beyondGrace: $('1250'), graceDays: 30 } }), S);
  const clear = evaluateCustomer(input({ openInvoices: $('500') }), S);
  const st = (hold: HoldState['hold'], autoHold: boolean): HoldState => ({ hold, autoHold });

  test('AUTO + over limit or delinquent → place, with the reason and the values to write', () => {
    expect(decideHold(st('AUTO', false), over)).toEqual({
      action: 'place',
      reason: 'Over credit limit: exposure 12,450.00 > limit 10,000.00',
      next: { hold: 'ON', autoHold: true },
    });
    expect(decideHold(st('AUTO', false), late).action).toBe('place');
  });

  test('AUTO + clear → none', () => {
    const r = decideHold(st('AUTO', false), clear);
    expect(r.action).toBe('none');
    expect(r.reason).toBe('Credit clear: exposure 500.00 within limit 10,000.00; overdue 0.00 more than 30 days past due (minimum 100.00)');
    expect(r.next).toBeUndefined();
  });

  test('ON + our flag + clear → release to AUTO', () => {
    expect(decideHold(st('ON', true), clear)).toMatchObject({ action: 'release', next: { hold: 'AUTO', autoHold: false } });
  });

  test('ON + our flag + still over → none', () => {
    expect(decideHold(st('ON', true), over)).toEqual({
      action: 'none',
      reason: 'Credit hold stays: Over credit limit: exposure 12,450.00 > limit 10,000.00',
    });
  });

  test('manual ON is never released; OFF is never touched', () => {
    for (const e of [over, late, clear]) {
      expect(decideHold(st('ON', false), e)).toEqual({ action: 'none', reason: 'Manual credit hold: not managed by AR Autopilot' });
      expect(decideHold(st('OFF', false), e)).toEqual({ action: 'none', reason: 'Exempt from credit holds (Hold is OFF)' });
      expect(decideHold(st('OFF', true), e).action).toBe('none');
    }
  });

  test('AUTO with a stale flag is managed as AUTO', () => {
    expect(decideHold(st('AUTO', true), over).action).toBe('place');
    expect(decideHold(st('AUTO', true), clear).action).toBe('none');
  });

  test('no credit limit: release text says so', () => {
    const e = evaluateCustomer(input({ creditLimit: null, openInvoices: $('50000') }), S);
    expect(decideHold(st('ON', true), e).reason).toMatch(/^Credit clear: no credit limit \(exposure 50,000.00\)/);
  });

  test('unknown Hold value throws', () => {
    expect(() => decideHold({ hold: 'MAYBE' as HoldState['hold'], autoHold: false }, clear)).toThrow(/unknown Hold value "MAYBE"/);
  });
});

describe('decideOrder', () => {
  const clear = evaluateCustomer(input({ openInvoices: $('500'), order: { total: $('1000') } }), S);
  const overWithOrder = evaluateCustomer(input({ openInvoices: $('9500'), order: { total: $('1000') } }), S);
  const late = evaluateCustomer(input({ order: { total: $('1') }, overdue: { beyondGrace: $('100'), graceDays: 30 } }), S);

  test('clear customer, within limit with the order → not held', () => {
    expect(decideOrder({ customerHeld: false, evaluationWithOrder: clear })).toEqual({
      hold: false,
      reason: 'Credit clear: exposure 1,500.00 within limit 10,000.00; overdue 0.00 more than 30 days past due (minimum 100.00)',
    });
  });

  test('held customer, over limit with this order, or delinquent → held with the reasons', () => {
    expect(decideOrder({ customerHeld: true, evaluationWithOrder: clear })).toEqual({ hold: true, reason: 'Customer is on credit hold' });
    expect(decideOrder({ customerHeld: false, evaluationWithOrder: overWithOrder })).toEqual({
      hold: true,
      reason: 'Over credit limit: exposure 10,500.00 > limit 10,000.00',
    });
    expect(decideOrder({ customerHeld: false, evaluationWithOrder: late }).reason).toBe(
      'Overdue 100.00 more than 30 days past due (minimum 100.00)',
    );
    expect(decideOrder({ customerHeld: true, evaluationWithOrder: overWithOrder }).reason).toBe(
      'Customer is on credit hold; Over credit limit: exposure 10,500.00 > limit 10,000.00',
    );
  });

  test('exempt customers (Hold OFF) never have orders held', () => {
    expect(decideOrder({ customerHeld: false, exempt: true, evaluationWithOrder: overWithOrder })).toEqual({
      hold: false,
      reason: 'Customer exempt from credit holds (Hold is OFF)',
    });
  });

  test('fail mode when the check cannot run', () => {
    expect(decideOrderOnError(S, 'search timed out')).toEqual({
      hold: false,
      reason: 'Credit check failed (search timed out): order not held (fail open)',
    });
    expect(decideOrderOnError(withSettings({ failMode: 'closed' }), 'mixed currencies')).toEqual({
      hold: true,
      reason: 'Credit check failed (mixed currencies): held for approval',
    });
  });

  test('a failed check never approves, and respects a customer known to be on hold, whatever the fail mode', () => {
    expect(decideOrderOnError(S, 'search timed out', { approval: true })).toEqual({
      hold: true,
      reason: 'Credit check failed (search timed out): held for approval',
    });
    expect(decideOrderOnError(S, 'bad settings', { customerHeld: true })).toEqual({
      hold: true,
      reason: 'Credit check failed (bad settings): held for approval (customer is on credit hold)',
    });
    expect(decideOrderOnError(S, 'x', { approval: false, customerHeld: false }).hold).toBe(false);
  });
});

describe('canApprove', () => {
  const held = 'Over credit limit: exposure 12,450.00 > limit 10,000.00';
  const roles = ['administrator', 'customrole_ar_lead', '1005'];

  test('an order not on credit hold needs no override', () => {
    expect(canApprove({ roleId: 'customrole_sales', role: 1010, overrideRoles: roles, holdReason: null })).toEqual({ allowed: true, override: false });
    expect(canApprove({ roleId: 'customrole_sales', role: 1010, overrideRoles: roles, holdReason: '  ' }).allowed).toBe(true);
  });

  test('a role without override gets ARA_CREDIT_HOLD with the hold reason', () => {
    const r = canApprove({ roleId: 'customrole_sales', role: 1010, overrideRoles: roles, overrideReason: 'please', holdReason: held });
    expect(r).toEqual({
      allowed: false,
      override: false,
      error: { name: 'ARA_CREDIT_HOLD', message: `This order is on credit hold and your role cannot approve it: ${held}` },
    });
  });

  test('override roles: by script id (any case) or internal id; Administrator always', () => {
    const ok = (roleId: string, role: number | string, list = roles) =>
      canApprove({ roleId, role, overrideRoles: list, overrideReason: 'Paid by wire today', holdReason: held });
    expect(ok('CUSTOMROLE_AR_LEAD', 1001)).toEqual({ allowed: true, override: true, overrideReason: 'Paid by wire today' });
    expect(ok('customrole_other', 1005).allowed).toBe(true);
    expect(ok('customrole_other', '1005').allowed).toBe(true);
    expect(ok('administrator', 3, []).allowed).toBe(true);
    expect(ok('', 3, []).allowed).toBe(true);
    expect(ok('customrole_other', 1006).allowed).toBe(false);
    expect(isOverrideRole('customrole_x', 7, [' CustomRole_X '])).toBe(true);
  });

  test('an override needs a reason: trimmed, non-empty, at most 300 characters', () => {
    const r = (overrideReason: string | null | undefined) =>
      canApprove({ roleId: 'customrole_ar_lead', role: 1001, overrideRoles: roles, overrideReason, holdReason: held });
    for (const missing of [undefined, null, '', '   \n\t']) {
      expect(r(missing)).toEqual({
        allowed: false,
        override: false,
        error: { name: 'ARA_CREDIT_HOLD', message: `Enter an override reason to approve this order on credit hold: ${held}` },
      });
    }
    expect(r(`  ${'x'.repeat(300)}  `)).toEqual({ allowed: true, override: true, overrideReason: 'x'.repeat(300) });
    expect(r('x'.repeat(301))).toMatchObject({
      allowed: false,
      error: { name: 'ARA_CREDIT_HOLD', message: 'The override reason is 301 characters; at most 300 are allowed' },
    });
  });
});
