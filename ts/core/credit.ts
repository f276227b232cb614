/**
 * Credit policy: the one place every credit script (order user event, customer sweep, approval check)
 * takes its decisions from. Pure: no N/ imports, no Node APIs, no Intl, no clock — the caller passes the
 * as-of date and amounts read from NetSuite.
 *
 * Money is integer minor units (`Minor`, see money.ts) in the CUSTOMER'S currency: a credit evaluation is
 * always for one customer in one currency, and inputs tagged with another currency are rejected
 * (`CreditInputError`), never converted.
 *
 * Exposure = balance + unbilled orders (when they count) − unapplied deposits + the order being entered,
 * where balance = open invoices − unapplied credits (NetSuite's customer Balance).
 *
 * The order being entered. `unbilledOrders` is what NetSuite reports for the customer, so when an existing
 * order is edited its saved total is usually already in it. The caller then passes the saved total as
 * `order.previousTotal`, and the order counts as `total − previousTotal`: the NetSuite-like behaviour. The
 * difference may be NEGATIVE (a reduced order lowers exposure): counting a decrease as 0 would keep the
 * removed amount in exposure twice over, and could hold an order whose edit only made things better.
 * When unbilled orders are not counted (`includeUnbilledOrders: false`) the saved total is not part of
 * exposure, so the order counts in full (`total`) and `previousTotal` is ignored. Pass `previousTotal`
 * null for a new order, or when the saved version is not included in `unbilledOrders`.
 *
 * Over limit: only when the customer has a credit limit (null = no limit; 0 is a limit), and
 * exposure > limit × (1 + tolerance%). Exactly at limit × (1 + t) is not over. Computed exactly with
 * BigInt: exposure × 10000 > limit × (10000 + tolerance in hundredths of a percent).
 *
 * Delinquent: the amount remaining on invoices MORE than graceDays past due (age > graceDays, age as
 * aging.ts defines it) is AT LEAST minOverdue (exactly equal is delinquent). minOverdue is in minor units
 * of the customer's currency (10000 = 100.00 for a 2-decimal currency; for JPY 10000 is ¥10,000, so give
 * subsidiaries whose customers use 0- or 3-decimal currencies their own row).
 */
import { type CalendarDate } from './dates';
import { ageInDays } from './aging';
import { type Minor, ZERO, add, formatMoney, isMinor, sub } from './money';
import { CREDIT_HOLD, type CreditHold } from './fields';

// ---------------------------------------------------------------------------------------------------
// Settings

export type FailMode = 'open' | 'closed';

export interface CreditSettings {
  /** Days past due an invoice may be before it counts as overdue for a hold (integer 0–3650). */
  readonly graceDays: number;
  /** Smallest overdue-beyond-grace amount that makes a customer delinquent, in minor units (≥ 0). */
  readonly minOverdue: Minor;
  /** Percent over the credit limit tolerated before "over limit" (0–100, at most 2 decimals). */
  readonly limitTolerancePct: number;
  /** Whether open orders not yet billed count in exposure. */
  readonly includeUnbilledOrders: boolean;
  /** What to do with an order when the credit check cannot run: 'open' saves it normally, 'closed' holds it. */
  readonly failMode: FailMode;
  /**
   * Roles that may approve an order held for credit, with a reason: role script ids ('customrole_ar_lead')
   * or internal ids ('1005'), matched without regard to case. Administrator may always override.
   */
  readonly overrideRoles: readonly string[];
}

export const ADMINISTRATOR_ROLE_ID = 'administrator';
/** Internal id of NetSuite's Administrator role. */
export const ADMINISTRATOR_ROLE = '3';
export const MAX_GRACE_DAYS = 3650;
export const MAX_OVERRIDE_REASON = 300;

export const DEFAULT_CREDIT_SETTINGS: CreditSettings = Object.freeze({
  graceDays: 30,
  minOverdue: 10000 as Minor,
  limitTolerancePct: 0,
  includeUnbilledOrders: true,
  failMode: 'open' as FailMode,
  overrideRoles: Object.freeze([ADMINISTRATOR_ROLE_ID]),
});

/** A per-subsidiary row: each field it sets (not undefined, not null) overrides the company default. */
export type CreditSettingsOverride = { readonly [K in keyof CreditSettings]?: CreditSettings[K] | null };

const SETTING_KEYS: readonly (keyof CreditSettings)[] = [
  'graceDays',
  'minOverdue',
  'limitTolerancePct',
  'includeUnbilledOrders',
  'failMode',
  'overrideRoles',
];

function freezeSettings(s: CreditSettings): CreditSettings {
  return Object.freeze({ ...s, overrideRoles: Object.freeze([...s.overrideRoles]) });
}

/** The company default with the fields a subsidiary row sets put over it. */
export function resolveSettings(companyDefault: CreditSettings, subsidiaryRow: CreditSettingsOverride | null): CreditSettings {
  const out: Record<string, unknown> = { ...companyDefault };
  if (subsidiaryRow) {
    for (const k of SETTING_KEYS) {
      const v = subsidiaryRow[k];
      if (v !== undefined && v !== null) out[k] = v;
    }
  }
  return freezeSettings(out as unknown as CreditSettings);
}

export type SettingsValidation<T> = { ok: true; settings: T } | { ok: false; errors: string[] };

function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(show).join(', ')}]`;
  return String(x);
}

/** A number from a number or a numeric string (NetSuite text fields), else NaN. */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(v)) return Number(v);
  return NaN;
}

/** Hundredths of a percent in a percentage with at most 2 decimals (5.25 → 525), else null. */
function pctHundredths(p: number): number | null {
  if (!Number.isFinite(p)) return null;
  const m = /^-?(\d+)(?:\.(\d{1,2}))?$/.exec(String(p));
  if (!m) return null;
  return Math.round(p * 100);
}

function parseFields(raw: unknown): { values: Partial<Record<keyof CreditSettings, unknown>>; errors: string[] } {
  const errors: string[] = [];
  const values: Partial<Record<keyof CreditSettings, unknown>> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { values, errors: [`credit settings must be an object, got ${show(raw)}`] };
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!(SETTING_KEYS as readonly string[]).includes(key)) errors.push(`unknown credit setting ${show(key)}`);
  }
  const given = (k: keyof CreditSettings): boolean => r[k] !== undefined && r[k] !== null && r[k] !== '';

  if (given('graceDays')) {
    const v = num(r.graceDays);
    if (Number.isNaN(v)) errors.push(`graceDays must be a number of days, got ${show(r.graceDays)}`);
    else if (v < 0) errors.push(`graceDays must not be negative, got ${show(r.graceDays)}`);
    else if (!Number.isInteger(v)) errors.push(`graceDays must be a whole number of days, got ${show(r.graceDays)}`);
    else if (v > MAX_GRACE_DAYS) errors.push(`graceDays must be at most ${MAX_GRACE_DAYS}, got ${show(r.graceDays)}`);
    else values.graceDays = v;
  }
  if (given('minOverdue')) {
    const v = num(r.minOverdue);
    if (Number.isNaN(v)) errors.push(`minOverdue must be an amount in minor units, got ${show(r.minOverdue)}`);
    else if (v < 0) errors.push(`minOverdue must not be negative, got ${show(r.minOverdue)}`);
    else if (!isMinor(v)) {
      errors.push(`minOverdue must be a whole number of minor units (10000 for 100.00), got ${show(r.minOverdue)}`);
    } else values.minOverdue = v;
  }
  if (given('limitTolerancePct')) {
    const v = num(r.limitTolerancePct);
    if (Number.isNaN(v)) errors.push(`limitTolerancePct must be a percentage, got ${show(r.limitTolerancePct)}`);
    else if (v < 0 || v > 100) errors.push(`limitTolerancePct must be from 0 to 100, got ${show(r.limitTolerancePct)}`);
    else if (pctHundredths(v) === null) {
      errors.push(`limitTolerancePct allows at most 2 decimals, got ${show(r.limitTolerancePct)}`);
    } else values.limitTolerancePct = v === 0 ? 0 : v;
  }
  if (given('includeUnbilledOrders')) {
    const v = r.includeUnbilledOrders;
    if (v === true || v === 'T') values.includeUnbilledOrders = true;
    else if (v === false || v === 'F') values.includeUnbilledOrders = false;
    else errors.push(`includeUnbilledOrders must be true or false, got ${show(v)}`);
  }
  if (given('failMode')) {
    const v = r.failMode;
    if (v === 'open' || v === 'closed') values.failMode = v;
    else errors.push(`failMode must be 'open' or 'closed', got ${show(v)}`);
  }
  if (given('overrideRoles')) {
    const v = r.overrideRoles;
    // a multi-select field reads as an array of ids; a text field as a comma-separated list
    const list: unknown[] | null = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
    if (list === null) {
      errors.push(`overrideRoles must be a list of role ids, got ${show(v)}`);
    } else {
      const roles: string[] = [];
      let bad = false;
      for (const item of list) {
        const s =
          typeof item === 'number' && Number.isInteger(item) && item > 0 ? String(item) : typeof item === 'string' ? item.trim() : '';
        if (s === '') {
          errors.push(`overrideRoles: not a role id: ${show(item)}`);
          bad = true;
        } else if (!roles.some((x) => x.toLowerCase() === s.toLowerCase())) roles.push(s);
      }
      if (!bad) values.overrideRoles = roles;
    }
  }
  return { values, errors };
}

/**
 * Validates raw settings (e.g. a settings record's field values): every given field must be valid; fields
 * missing, null or '' take their value from `base` (default DEFAULT_CREDIT_SETTINGS). Numbers may be numeric
 * strings, booleans 'T'/'F', overrideRoles an array or a comma-separated string. Unknown keys are errors.
 * Returns frozen settings, or every problem found, each naming the field and the bad value.
 */
export function validateSettings(raw: unknown, base: CreditSettings = DEFAULT_CREDIT_SETTINGS): SettingsValidation<CreditSettings> {
  const { values, errors } = parseFields(raw);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: resolveSettings(base, values as CreditSettingsOverride) };
}

/** Validates a per-subsidiary row the same way; the result holds only the fields the row sets. */
export function validateSettingsOverride(raw: unknown): SettingsValidation<CreditSettingsOverride> {
  const { values, errors } = parseFields(raw);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: Object.freeze(values as CreditSettingsOverride) };
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

/** Thrown for inputs that cannot be evaluated: mixed currencies, negative or non-integer amounts, ... */
export class CreditInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreditInputError';
  }
}

/** An open invoice for the overdue test; amountRemaining in the customer's currency. */
export interface OverdueInvoice {
  amountRemaining: Minor;
  dueDate: CalendarDate | null;
  tranDate: CalendarDate;
  /** The invoice's currency; when given it must be the customer's. */
  currency?: string;
}

/**
 * The overdue input: the open invoices and the as-of date, or an amount already aggregated (by a summary
 * search) over the invoices more than `graceDays` past due; `graceDays` must then equal the settings'.
 */
export type OverdueInput =
  | { invoices: readonly OverdueInvoice[]; asOf: CalendarDate }
  | { beyondGrace: Minor; graceDays: number };

/** The order being entered or edited. */
export interface OrderAmount {
  /** Its total now. */
  total: Minor;
  /** On edit, the saved total when the saved version is included in `unbilledOrders`; otherwise null. */
  previousTotal?: Minor | null;
  /** The order's currency; when given it must be the customer's. */
  currency?: string;
}

export interface CreditInput {
  /** The customer's currency (id or code); every amount is in it. */
  currency: string;
  /** Decimals of that currency, for the reason texts (default 2). */
  currencyDecimals?: number;
  /** Credit limit, or null when the customer has none. */
  creditLimit: Minor | null;
  /** Amount remaining on open invoices (≥ 0). With only NetSuite's netted Balance, pass it here and 0 credits. */
  openInvoices: Minor;
  /** Unapplied credit memos and payments, as a positive amount. */
  unappliedCredits: Minor;
  /** Open orders not yet billed (≥ 0), as NetSuite reports them. */
  unbilledOrders: Minor;
  /** Unapplied customer deposits, as a positive amount. */
  unappliedDeposits: Minor;
  /** The order being entered, if any. */
  order?: OrderAmount | null;
  overdue: OverdueInput;
}

export interface ExposureBreakdown {
  /** openInvoices − unappliedCredits. */
  balance: Minor;
  /** Unbilled orders counted (0 when they do not count). */
  unbilledOrders: Minor;
  unappliedDeposits: Minor;
  /** What the order being entered adds (may be negative on an edit that reduces it). */
  order: Minor;
}

export interface CreditEvaluation {
  currency: string;
  currencyDecimals: number;
  exposure: Minor;
  breakdown: ExposureBreakdown;
  /** The credit limit, null when none. */
  limit: Minor | null;
  limitTolerancePct: number;
  overLimit: boolean;
  overdueBeyondGrace: Minor;
  graceDays: number;
  minOverdue: Minor;
  delinquent: boolean;
  /** Why the customer should be held, one sentence per rule that fires; empty when clear. */
  reasons: string[];
}

function assertAmount(v: unknown, what: string, nonNegative: boolean): Minor {
  if (!isMinor(v)) throw new CreditInputError(`${what} must be integer minor units, got ${show(v)}`);
  if (nonNegative && v < 0) throw new CreditInputError(`${what} must not be negative, got ${show(v)}`);
  return v;
}

function assertCurrency(expected: string | undefined, actual: string | undefined, what: string): void {
  if (expected !== undefined && actual !== undefined && actual !== expected) {
    throw new CreditInputError(`${what} is in ${show(actual)}, not the customer's currency ${show(expected)}: amounts must all be in one currency`);
  }
}

/**
 * The amount remaining on invoices more than `graceDays` past due on `asOf` (age > graceDays, ages as in
 * aging.ts: from the due date, or the transaction date when there is none). Throws CreditInputError on a
 * negative or non-integer amount, or on invoices in more than one currency (or not in `currency`, if given).
 */
export function overdueBeyondGrace(
  invoices: readonly OverdueInvoice[],
  asOf: CalendarDate,
  graceDays: number,
  currency?: string,
): Minor {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new CreditInputError(`overdueBeyondGrace: graceDays must be a whole number ≥ 0, got ${show(graceDays)}`);
  }
  let expected = currency;
  let total = ZERO;
  invoices.forEach((inv, i) => {
    const amount = assertAmount(inv.amountRemaining, `invoice ${i} amountRemaining`, true);
    assertCurrency(expected, inv.currency, `invoice ${i}`);
    expected ??= inv.currency;
    if (ageInDays(asOf, inv.dueDate, inv.tranDate) > graceDays) total = add(total, amount);
  });
  return total;
}

/** exposure > limit × (1 + pct/100), exactly. */
function exceeds(exposure: Minor, limit: Minor, tolerancePct: number): boolean {
  const t = pctHundredths(tolerancePct);
  if (t === null || t < 0 || t > 10000) {
    throw new CreditInputError(`limitTolerancePct must be 0–100 with at most 2 decimals, got ${show(tolerancePct)}`);
  }
  return BigInt(exposure) * 10000n > BigInt(limit) * BigInt(10000 + t);
}

/** Evaluates a customer's credit under `settings`. Throws CreditInputError on inconsistent input. */
export function evaluateCustomer(input: CreditInput, settings: CreditSettings): CreditEvaluation {
  const currency = input.currency;
  if (typeof currency !== 'string' || currency === '') throw new CreditInputError(`currency must be given, got ${show(currency)}`);
  const decimals = input.currencyDecimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new CreditInputError(`currencyDecimals must be an integer 0–12, got ${show(decimals)}`);
  }
  const limit = input.creditLimit === null || input.creditLimit === undefined ? null : assertAmount(input.creditLimit, 'creditLimit', true);
  const openInvoices = assertAmount(input.openInvoices, 'openInvoices', true);
  const credits = assertAmount(input.unappliedCredits, 'unappliedCredits', true);
  const unbilled = assertAmount(input.unbilledOrders, 'unbilledOrders', true);
  const deposits = assertAmount(input.unappliedDeposits, 'unappliedDeposits', true);

  let orderPart = ZERO;
  if (input.order) {
    assertCurrency(currency, input.order.currency, 'the order');
    const total = assertAmount(input.order.total, 'order total', true);
    const prev = input.order.previousTotal;
    orderPart =
      settings.includeUnbilledOrders && prev !== null && prev !== undefined
        ? sub(total, assertAmount(prev, 'order previousTotal', true))
        : total;
  }
  const balance = sub(openInvoices, credits);
  const unbilledCounted = settings.includeUnbilledOrders ? unbilled : ZERO;
  const exposure = add(sub(add(balance, unbilledCounted), deposits), orderPart);

  let beyond: Minor;
  const od = input.overdue;
  if ('invoices' in od) {
    beyond = overdueBeyondGrace(od.invoices, od.asOf, settings.graceDays, currency);
  } else {
    if (od.graceDays !== settings.graceDays) {
      throw new CreditInputError(
        `the overdue amount was aggregated with ${show(od.graceDays)} grace days, but the settings say ${settings.graceDays}`,
      );
    }
    beyond = assertAmount(od.beyondGrace, 'overdue beyondGrace', true);
  }

  const money = (m: Minor): string => formatMoney(m, { decimals });
  const overLimit = limit !== null && exceeds(exposure, limit, settings.limitTolerancePct);
  const delinquent = beyond > 0 && beyond >= settings.minOverdue;
  const reasons: string[] = [];
  if (overLimit && limit !== null) {
    const tol = settings.limitTolerancePct > 0 ? ` + ${settings.limitTolerancePct}% tolerance` : '';
    reasons.push(`Over credit limit: exposure ${money(exposure)} > limit ${money(limit)}${tol}`);
  }
  if (delinquent) {
    reasons.push(
      `Overdue ${money(beyond)} more than ${settings.graceDays} days past due (minimum ${money(settings.minOverdue)})`,
    );
  }
  return {
    currency,
    currencyDecimals: decimals,
    exposure,
    breakdown: { balance, unbilledOrders: unbilledCounted, unappliedDeposits: deposits, order: orderPart },
    limit,
    limitTolerancePct: settings.limitTolerancePct,
    overLimit,
    overdueBeyondGrace: beyond,
    graceDays: settings.graceDays,
    minOverdue: settings.minOverdue,
    delinquent,
    reasons,
  };
}

/** True when the policy says the customer should be on hold (over limit or delinquent). */
export function shouldHold(evaluation: CreditEvaluation): boolean {
  return evaluation.overLimit || evaluation.delinquent;
}

/** A sentence saying why a customer is clear, for release logs. */
function clearReason(e: CreditEvaluation): string {
  const money = (m: Minor): string => formatMoney(m, { decimals: e.currencyDecimals });
  const limitPart =
    e.limit === null ? `no credit limit (exposure ${money(e.exposure)})` : `exposure ${money(e.exposure)} within limit ${money(e.limit)}`;
  return `Credit clear: ${limitPart}; overdue ${money(e.overdueBeyondGrace)} more than ${e.graceDays} days past due (minimum ${money(e.minOverdue)})`;
}

// ---------------------------------------------------------------------------------------------------
// Customer hold

/** The customer's Hold field (creditholdoverride) and our "placed by AR Autopilot" flag. */
export interface HoldState {
  hold: CreditHold;
  autoHold: boolean;
}

export interface HoldDecision {
  action: 'place' | 'release' | 'none';
  reason: string;
  /** The field values to write for 'place' / 'release'; absent for 'none'. */
  next?: HoldState;
}

/**
 * What to do with a customer's hold:
 * - OFF: exempt — never held, never touched ('none').
 * - ON with our flag unchecked: a manual hold — never released by us ('none').
 * - AUTO: ours to manage — 'place' (Hold ON, flag checked) when over limit or delinquent, else 'none'.
 * - ON with our flag checked: a hold we placed — 'release' (Hold AUTO, flag unchecked) once clear.
 * An AUTO customer whose flag is still checked (someone reset the field by hand) is treated as AUTO.
 */
export function decideHold(state: HoldState, evaluation: CreditEvaluation): HoldDecision {
  const held = shouldHold(evaluation);
  const why = evaluation.reasons.join('; ');
  switch (state.hold) {
    case CREDIT_HOLD.off:
      return { action: 'none', reason: 'Exempt from credit holds (Hold is OFF)' };
    case CREDIT_HOLD.on:
      if (!state.autoHold) return { action: 'none', reason: 'Manual credit hold: not managed by AR Autopilot' };
      return held
        ? { action: 'none', reason: `Credit hold stays: ${why}` }
        : { action: 'release', reason: clearReason(evaluation), next: { hold: CREDIT_HOLD.auto, autoHold: false } };
    case CREDIT_HOLD.auto:
      return held
        ? { action: 'place', reason: why, next: { hold: CREDIT_HOLD.on, autoHold: true } }
        : { action: 'none', reason: clearReason(evaluation) };
    default:
      throw new CreditInputError(`unknown Hold value ${show(state.hold)} (expected AUTO, ON or OFF)`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Orders

export interface OrderDecision {
  /** Save the order Pending Approval. Orders are never rejected at entry. */
  hold: boolean;
  reason: string;
}

/**
 * Whether an order is saved Pending Approval: when the customer is on credit hold, or is over limit with
 * this order, or is delinquent (evaluate with the order in `CreditInput.order`). An exempt customer
 * (Hold OFF) never has orders held.
 */
export function decideOrder(input: { customerHeld: boolean; exempt?: boolean; evaluationWithOrder: CreditEvaluation }): OrderDecision {
  if (input.exempt) return { hold: false, reason: 'Customer exempt from credit holds (Hold is OFF)' };
  const reasons = [...(input.customerHeld ? ['Customer is on credit hold'] : []), ...input.evaluationWithOrder.reasons];
  if (reasons.length > 0) return { hold: true, reason: reasons.join('; ') };
  return { hold: false, reason: clearReason(input.evaluationWithOrder) };
}

/**
 * The decision when the credit check could not run (a search failed, inconsistent input, invalid settings).
 * At entry, fail 'open' saves the order as entered (marked), fail 'closed' holds it for approval. Two cases
 * hold the order whatever the fail mode:
 * - `approval`: someone approves the order (approve, or an edit from Pending Approval to Pending
 *   Fulfillment). A failed check never approves: the order stays held, and only an override role with a
 *   reason may approve it (canApprove with this reason).
 * - `customerHeld`: the customer's Hold is known to be ON (a manual hold, or ours): it is respected.
 * Customer holds are never changed on a failure, whatever the mode. The reason always starts with
 * "Credit check failed".
 */
export function decideOrderOnError(
  settings: Pick<CreditSettings, 'failMode'>,
  problem: string,
  context: { approval?: boolean; customerHeld?: boolean } = {},
): OrderDecision {
  const held = context.customerHeld ? ' (customer is on credit hold)' : '';
  if (settings.failMode === 'closed' || context.approval || context.customerHeld) {
    return { hold: true, reason: `Credit check failed (${problem}): held for approval${held}` };
  }
  return { hold: false, reason: `Credit check failed (${problem}): order not held (fail open)` };
}

// ---------------------------------------------------------------------------------------------------
// Approval of held orders

export interface ApprovalInput {
  /** The role's script id (runtime.getCurrentUser().roleId, e.g. 'administrator', 'customrole_ar_lead'). */
  roleId: string;
  /** The role's internal id (runtime.getCurrentUser().role, e.g. 3). */
  role: number | string;
  overrideRoles: readonly string[];
  overrideReason?: string | null;
  /** Why the order is held (decideOrder's reason); null or '' when the order is not held for credit. */
  holdReason?: string | null;
}

export interface ApprovalDecision {
  allowed: boolean;
  /** True when approving overrides a credit hold (log it with `overrideReason`). */
  override: boolean;
  /** The trimmed override reason, when allowed as an override. */
  overrideReason?: string;
  error?: { name: 'ARA_CREDIT_HOLD'; message: string };
}

/** True for Administrator or a role listed in overrideRoles (script id or internal id, any case). */
export function isOverrideRole(roleId: string, role: number | string, overrideRoles: readonly string[]): boolean {
  const ids = [String(roleId ?? '').trim().toLowerCase(), String(role ?? '').trim().toLowerCase()].filter((s) => s !== '');
  if (ids.includes(ADMINISTRATOR_ROLE_ID) || ids.includes(ADMINISTRATOR_ROLE)) return true;
  return overrideRoles.some((r) => ids.includes(String(r).trim().toLowerCase()));
}

/**
 * May this user approve an order held for credit? Not held → allowed. Otherwise only an override role
 * (Administrator or one in overrideRoles) may, and only with a reason: non-empty after trimming and at
 * most 300 characters. Refusals carry an ARA_CREDIT_HOLD error to throw (N/error) from the user event.
 */
export function canApprove(input: ApprovalInput): ApprovalDecision {
  const holdReason = (input.holdReason ?? '').trim();
  if (holdReason === '') return { allowed: true, override: false };
  if (!isOverrideRole(input.roleId, input.role, input.overrideRoles)) {
    return {
      allowed: false,
      override: false,
      error: {
        name: 'ARA_CREDIT_HOLD',
        message: `This order is on credit hold and your role cannot approve it: ${holdReason}`,
      },
    };
  }
  const reason = (input.overrideReason ?? '').trim();
  if (reason === '') {
    return {
      allowed: false,
      override: false,
      error: { name: 'ARA_CREDIT_HOLD', message: `Enter an override reason to approve this order on credit hold: ${holdReason}` },
    };
  }
  if (reason.length > MAX_OVERRIDE_REASON) {
    return {
      allowed: false,
      override: false,
      error: {
        name: 'ARA_CREDIT_HOLD',
        message: `The override reason is ${reason.length} characters; at most ${MAX_OVERRIDE_REASON} are allowed`,
      },
    };
  }
  return { allowed: true, override: true, overrideReason: reason };
}
