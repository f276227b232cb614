/**
 * NetSuite side of the credit policy: one summary search gives a customer's exposure parts and its
 * overdue-beyond-grace amount per currency (10 units, whatever the number of invoices and orders), a
 * lookup gives the customer's credit fields (1 unit), and the core (credit.ts) decides. Writes: the
 * customer's hold fields (load + save, 15 units) with the audit of a hold decision as a line of the
 * customer's credit event sublist (created by the same save, no extra units), and the audit record of the
 * other decisions (create + save, 6 units).
 *
 * Amounts. A credit evaluation is in the customer's currency. Transactions in that currency are read in
 * their own currency (`fxamountremaining`); transactions in another currency (a multi-currency customer)
 * are read in base currency (`amountremaining`) and converted at the customer currency's exchange rate
 * (one currency lookup, 1 unit, only when such transactions exist). Unbilled order amounts exist in base
 * currency only (`amountunbilled`): per order they are divided back by the order's exchange rate.
 */
import * as format from 'N/format';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import {
  type CreditEvaluation,
  type CreditInput,
  type CreditSettings,
  type OrderAmount,
  evaluateCustomer,
} from '../core/credit';
import { type CreditDecision, CREDIT_EVENT_RECORD, CREDIT_HOLD, type CreditHold, CUSTOM_FIELDS, CUSTOMER, TXN } from '../core/fields';
import { type CreditOrderDecision, ORDER_STATUSES_COUNTED, TYPE_TEXT } from '../core/ids/credit';
import { type Minor, ZERO, add, parseMoney, toMajor } from '../core/money';

// ---------------------------------------------------------------------------------------------------
// Customer

/** A Hold value that is none of AUTO, ON, OFF (or empty): AR Autopilot leaves such a customer alone. */
export const UNKNOWN_HOLD = 'UNKNOWN';
export type HoldValue = CreditHold | typeof UNKNOWN_HOLD;

export interface CustomerCredit {
  id: string;
  /** The Hold field (creditholdoverride); UNKNOWN_HOLD for a value that is not AUTO, ON or OFF. */
  hold: HoldValue;
  /** The Hold value as read (for logs). */
  holdRaw?: string;
  autoHold: boolean;
  limit: Minor | null;
  currency: string;
  currencyText: string;
  subsidiary: string;
  holdReason: string;
  /** The hold-since date as the user sees it ('' when none). */
  holdSince: string;
}

function first(v: unknown): { value: string; text: string } {
  if (Array.isArray(v)) {
    const o = (v[0] ?? {}) as { value?: unknown; text?: unknown };
    return { value: o.value === undefined || o.value === null ? '' : String(o.value), text: o.text === undefined || o.text === null ? '' : String(o.text) };
  }
  if (v && typeof v === 'object' && 'value' in v) {
    const o = v as { value?: unknown; text?: unknown };
    return { value: String(o.value ?? ''), text: String(o.text ?? '') };
  }
  return { value: v === null || v === undefined ? '' : String(v), text: '' };
}

function money(v: unknown): Minor {
  const s = v === null || v === undefined ? '' : String(v).trim();
  return s === '' ? ZERO : parseMoney(s);
}

/**
 * The Hold field's value: AUTO, ON or OFF (value or text, any case). Anything else (empty, a value NetSuite
 * may add) is UNKNOWN_HOLD: never treated as AUTO, so AR Autopilot never places or releases a hold on it.
 */
export function holdOf(v: string): HoldValue {
  const u = v.trim().toUpperCase();
  return u === CREDIT_HOLD.on ? CREDIT_HOLD.on : u === CREDIT_HOLD.off ? CREDIT_HOLD.off : u === CREDIT_HOLD.auto ? CREDIT_HOLD.auto : UNKNOWN_HOLD;
}

/** True for a Hold value AR Autopilot knows (AUTO, ON, OFF). */
export function isKnownHold(h: HoldValue): h is CreditHold {
  return h !== UNKNOWN_HOLD;
}

/** A checkbox value as read from a record, search or lookup: true or 'T'. */
export function checked(v: unknown): boolean {
  return v === true || v === 'T';
}

export const CUSTOMER_COLUMNS = [
  CUSTOMER.creditlimit,
  'credithold',
  CUSTOM_FIELDS.autoHold,
  CUSTOMER.currency,
  CUSTOMER.subsidiary,
  CUSTOM_FIELDS.holdReason,
  CUSTOM_FIELDS.holdSince,
];

/** A customer's credit fields from search values (lookupFields or a search result). */
export function customerFromValues(id: string, get: (field: string) => unknown): CustomerCredit {
  const limitRaw = get(CUSTOMER.creditlimit);
  const limitText = limitRaw === null || limitRaw === undefined ? '' : String(limitRaw).trim();
  const cur = first(get(CUSTOMER.currency));
  const hold = first(get('credithold')).value;
  return {
    id,
    hold: holdOf(hold),
    holdRaw: hold,
    autoHold: checked(get(CUSTOM_FIELDS.autoHold)),
    limit: limitText === '' ? null : parseMoney(limitText),
    currency: cur.value,
    currencyText: cur.text || cur.value,
    subsidiary: first(get(CUSTOMER.subsidiary)).value,
    holdReason: first(get(CUSTOM_FIELDS.holdReason)).value,
    holdSince: first(get(CUSTOM_FIELDS.holdSince)).value,
  };
}

/** The customer's credit fields (1 unit). */
export function lookupCustomer(id: string): CustomerCredit {
  const v = search.lookupFields({ type: search.Type.CUSTOMER, id, columns: CUSTOMER_COLUMNS }) as Record<string, unknown>;
  return customerFromValues(id, (f) => v[f]);
}

// ---------------------------------------------------------------------------------------------------
// Exposure summary search

/** Sums of one currency group, in minor units: `fx` in that currency, `base` in base currency. */
export interface Sums {
  invoices: Minor;
  credits: Minor;
  deposits: Minor;
  unbilled: Minor;
  overdue: Minor;
}
export interface ExposureGroup {
  currency: string;
  fx: Sums;
  base: Sums;
}
const PARTS: readonly (keyof Sums)[] = ['invoices', 'credits', 'deposits', 'unbilled', 'overdue'];

/**
 * Mainline rows that make up exposure: open invoices, unapplied credit memos and payments, unapplied
 * approved deposits (amount remaining > 0), and approved orders not fully billed (NetSuite's unbilled
 * orders: statuses B, D, E, F).
 */
export function openFilter(): unknown[] {
  return [
    ['mainline', 'is', 'T'],
    'and',
    [
      [['type', 'anyof', 'CustInvc', 'CustCred', 'CustPymt', 'CustDep'], 'and', ['fxamountremaining', 'greaterthan', 0], 'and', ['status', 'noneof', 'CustDep:D']],
      'or',
      [['type', 'anyof', 'SalesOrd'], 'and', ['status', 'anyof', ...ORDER_STATUSES_COUNTED.map((s) => `SalesOrd:${s}`)]],
    ],
  ];
}

/** Per-row formula of one exposure part, in the transaction currency (fx) or base currency. */
export function partFormula(part: keyof Sums, fx: boolean, graceDays: number): string {
  const remaining = fx ? '{fxamountremaining}' : '{amountremaining}';
  const t = TYPE_TEXT;
  switch (part) {
    case 'invoices':
      return `CASE WHEN {type} = '${t.invoice}' THEN ${remaining} ELSE 0 END`;
    case 'credits':
      return `CASE WHEN {type} NOT IN ('${t.invoice}', '${t.deposit}', '${t.salesOrder}') THEN ${remaining} ELSE 0 END`;
    case 'deposits':
      return `CASE WHEN {type} = '${t.deposit}' THEN ${remaining} ELSE 0 END`;
    case 'unbilled':
      return fx
        ? `CASE WHEN {type} = '${t.salesOrder}' THEN ROUND({amountunbilled} / {exchangerate}, 2) ELSE 0 END`
        : `CASE WHEN {type} = '${t.salesOrder}' THEN {amountunbilled} ELSE 0 END`;
    case 'overdue':
      if (!Number.isInteger(graceDays) || graceDays < 0) throw new Error(`graceDays must be a whole number ≥ 0, got ${graceDays}`);
      return `CASE WHEN {type} = '${t.invoice}' AND {today} - NVL({duedate}, {trandate}) > ${graceDays} THEN ${remaining} ELSE 0 END`;
  }
}

/** SUM columns of the exposure parts (fx then base for each part), then MAX({today}). */
export function sumColumns(graceDays: number): search.Column[] {
  const cols: search.Column[] = [];
  for (const part of PARTS) {
    for (const fx of [true, false]) {
      cols.push(search.createColumn({ name: 'formulacurrency', summary: search.Summary.SUM, formula: partFormula(part, fx, graceDays) }));
    }
  }
  cols.push(search.createColumn({ name: 'formuladate', summary: search.Summary.MAX, formula: '{today}' }));
  return cols;
}

/** Reads the sums of `sumColumns` from a result. */
export function groupFromResult(r: search.Result, currency: string, cols: readonly search.Column[]): { group: ExposureGroup; today: string } {
  const fx = {} as Record<keyof Sums, Minor>;
  const base = {} as Record<keyof Sums, Minor>;
  PARTS.forEach((part, i) => {
    fx[part] = money(r.getValue(cols[2 * i]));
    base[part] = money(r.getValue(cols[2 * i + 1]));
  });
  return { group: { currency, fx, base }, today: String(r.getValue(cols[PARTS.length * 2]) ?? '') };
}

export interface Exposure {
  groups: ExposureGroup[];
  /** Today as the account sees it, in the user's date format ('' when there were no rows). */
  today: string;
}

/** One customer's exposure parts per currency: one summary search (10 units). */
export function searchExposure(customerId: string, settings: CreditSettings): Exposure {
  const sums = sumColumns(settings.graceDays);
  const cur = search.createColumn({ name: TXN.currency, summary: search.Summary.GROUP });
  const s = search.create({
    type: search.Type.TRANSACTION,
    filters: [['entity', 'anyof', customerId], 'and', openFilter()],
    columns: [cur, ...sums],
  });
  let today = '';
  const groups = s
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => {
      const g = groupFromResult(r, String(r.getValue(cur)), sums);
      today = g.today || today;
      return g.group;
    });
  return { groups, today };
}

/** The customer currency's exchange rate to base (1 unit). */
export function lookupRate(currency: string): number {
  const v = search.lookupFields({ type: search.Type.CURRENCY, id: currency, columns: ['exchangerate'] }) as Record<string, unknown>;
  const rate = Number(v.exchangerate);
  if (!Number.isFinite(rate) || rate <= 0) throw new Error(`currency ${currency} has no usable exchange rate (${String(v.exchangerate)})`);
  return rate;
}

/** Whether some group is in another currency than the customer's (a rate lookup is then needed). */
export function needsRate(customer: CustomerCredit, groups: readonly ExposureGroup[]): boolean {
  return groups.some((g) => g.currency !== customer.currency);
}

/** Base-currency minor units → the customer's currency at `rate` (customer currency → base). */
function fromBase(m: Minor, rate: number): Minor {
  return Math.round(m / rate) as Minor;
}

/** The core's input for a customer from its exposure groups (and the order being entered, if any). */
export function creditInput(
  customer: CustomerCredit,
  groups: readonly ExposureGroup[],
  settings: CreditSettings,
  options: { order?: OrderAmount | null; rate?: number | null } = {},
): CreditInput {
  const total: Sums = { invoices: ZERO, credits: ZERO, deposits: ZERO, unbilled: ZERO, overdue: ZERO };
  for (const g of groups) {
    const same = g.currency === customer.currency;
    if (!same && !options.rate) throw new Error(`transactions in currency ${g.currency} need the exchange rate of ${customer.currency}`);
    for (const part of PARTS) total[part] = add(total[part], same ? g.fx[part] : fromBase(g.base[part], options.rate!));
  }
  return {
    currency: customer.currency,
    creditLimit: customer.limit,
    openInvoices: total.invoices,
    unappliedCredits: total.credits,
    unbilledOrders: total.unbilled,
    unappliedDeposits: total.deposits,
    order: options.order ?? null,
    overdue: { beyondGrace: total.overdue, graceDays: settings.graceDays },
  };
}

/**
 * Evaluate a customer (11 units: summary search + lookup; +1 for a multi-currency customer). The
 * customer may be given when already looked up.
 */
export function evaluate(
  customerOrId: CustomerCredit | string,
  settings: CreditSettings,
  order?: OrderAmount | null,
  orderCurrency?: { currency: string; exchangeRate: number } | null,
): { customer: CustomerCredit; evaluation: CreditEvaluation; today: string } {
  const customer = typeof customerOrId === 'string' ? lookupCustomer(customerOrId) : customerOrId;
  const exposure = searchExposure(customer.id, settings);
  const foreignOrder = orderCurrency && orderCurrency.currency !== '' && orderCurrency.currency !== customer.currency;
  const rate = needsRate(customer, exposure.groups) || foreignOrder ? lookupRate(customer.currency) : null;
  let o = order ?? null;
  if (o && foreignOrder && rate) {
    // the order in its own currency → base (its rate) → the customer's currency
    const conv = (m: Minor): Minor => fromBase(Math.round(m * orderCurrency.exchangeRate) as Minor, rate);
    o = { total: conv(o.total), previousTotal: o.previousTotal === null || o.previousTotal === undefined ? null : conv(o.previousTotal) };
  }
  const input = creditInput(customer, exposure.groups, settings, { order: o, rate });
  return { customer, evaluation: evaluateCustomer(input, settings), today: exposure.today };
}

// ---------------------------------------------------------------------------------------------------
// Writes

/** The hold state a hold decision was taken from: the customer's Hold field and our flag. */
export interface ExpectedHold {
  hold: HoldValue;
  autoHold: boolean;
}

/**
 * written: how the audit was written: 'line' (a credit event created by the customer's save), 'record'
 * (the fallback: a separate credit event record), 'none' (no audit given, or the fallback failed: logged).
 */
export type WriteHoldResult = { written: true; audit: 'line' | 'record' | 'none' } | { written: false; found: { hold: string; autoHold: boolean } };

/**
 * The customer's child sublist of credit events: `custrecord_ara_ce_customer` is the credit event's parent
 * field ("Record is Parent"), so a line added to it on a loaded customer is created as a credit event
 * record by the customer's save.
 */
export const CREDIT_EVENT_SUBLIST = `recmach${CREDIT_EVENT_RECORD.customer}`;

/** The part of a hold state a decision depends on: AUTO (whatever the flag), ON ours, ON manual, OFF, other. */
function stateKey(hold: string, autoHold: boolean): string {
  const h = holdOf(hold);
  return h === CREDIT_HOLD.on ? `${h}/${autoHold ? 'ours' : 'manual'}` : h === UNKNOWN_HOLD ? `${h}:${hold}` : h;
}

/**
 * Sets the customer's hold fields: place (ON, ours, reason, since) or release (AUTO, cleared). 15 units
 * (customer load 5 + save 10: the Hold field cannot be set with submitFields), the audit included: the
 * `audit` event is added as a line of the customer's credit event sublist (CREDIT_EVENT_SUBLIST) and the
 * customer's save creates the credit event record. When the line cannot be added (or the save refuses
 * it), the hold is saved without it and the audit is written as a separate record (+6 units; +10 when the
 * save had to be repeated), logged as an ERROR. The decision was taken from `expected` (read earlier: by
 * the sweep's getInputData, or a lookup): after the load the Hold field and our flag are compared with
 * it, and when someone changed them meanwhile (a manual hold placed, Hold OFF set, our hold released by
 * hand) nothing is written ({ written: false, found }).
 */
export function writeHold(
  customerId: string,
  action: 'place' | 'release',
  reason: string,
  today: string,
  expected: ExpectedHold,
  audit?: AuditEvent | null,
): WriteHoldResult {
  const rec = record.load({ type: record.Type.CUSTOMER, id: customerId });
  const nowHold = String(rec.getValue({ fieldId: CUSTOMER.creditholdoverride }) ?? '');
  const nowAuto = checked(rec.getValue({ fieldId: CUSTOM_FIELDS.autoHold }));
  const wanted = action === 'place' ? stateKey(CREDIT_HOLD.auto, false) : stateKey(CREDIT_HOLD.on, true);
  if (stateKey(nowHold, nowAuto) !== stateKey(expected.hold, expected.autoHold) || stateKey(nowHold, nowAuto) !== wanted) {
    return { written: false, found: { hold: nowHold, autoHold: nowAuto } };
  }
  if (action === 'place') {
    rec.setValue({ fieldId: CUSTOMER.creditholdoverride, value: CREDIT_HOLD.on });
    rec.setValue({ fieldId: CUSTOM_FIELDS.autoHold, value: true });
    rec.setValue({ fieldId: CUSTOM_FIELDS.holdReason, value: reason.slice(0, 300) });
    const since = today ? (format.parse({ value: today, type: format.Type.DATE }) as Date) : new Date();
    rec.setValue({ fieldId: CUSTOM_FIELDS.holdSince, value: since });
  } else {
    rec.setValue({ fieldId: CUSTOMER.creditholdoverride, value: CREDIT_HOLD.auto });
    rec.setValue({ fieldId: CUSTOM_FIELDS.autoHold, value: false });
    rec.setValue({ fieldId: CUSTOM_FIELDS.holdReason, value: '' });
    rec.setValue({ fieldId: CUSTOM_FIELDS.holdSince, value: null });
  }
  if (!audit) {
    rec.save();
    return { written: true, audit: 'none' };
  }
  const sublistId = CREDIT_EVENT_SUBLIST;
  let line = -1;
  let problem = '';
  try {
    const at = rec.getLineCount({ sublistId });
    rec.insertLine({ sublistId, line: at });
    line = at;
    for (const [fieldId, value] of auditValues(audit)) {
      if (fieldId !== CREDIT_EVENT_RECORD.customer) rec.setSublistValue({ sublistId, fieldId, line, value: value as record.FieldValue });
    }
  } catch (err) {
    problem = errorText(err);
    if (line >= 0) removeLineQuietly(rec, sublistId, line);
    line = -1;
  }
  if (line >= 0) {
    try {
      rec.save();
      return { written: true, audit: 'line' };
    } catch (err) {
      // The save refused the audit line (or failed for another reason: then the save below fails too).
      problem = errorText(err);
      removeLineQuietly(rec, sublistId, line);
    }
  }
  rec.save();
  log.error({ title: 'ARA credit: audit line not added to the customer, written as a separate record', details: `customer ${customerId}, decision ${audit.decision}: ${problem}` });
  return { written: true, audit: writeAuditSafely(audit, `customer ${customerId}`) === null ? 'none' : 'record' };
}

function removeLineQuietly(rec: record.Record, sublistId: string, line: number): void {
  try {
    rec.removeLine({ sublistId, line });
  } catch {
    // the line was never added
  }
}

/** A thrown value as "CODE: message" (N/error name, else ERROR), at most 300 characters. */
export function errorText(e: unknown): string {
  const o = (e ?? {}) as { name?: unknown; message?: unknown };
  const name = typeof o.name === 'string' && o.name ? o.name : 'ERROR';
  const msg = typeof o.message === 'string' ? o.message : String(e);
  return `${name}: ${msg}`.slice(0, 300);
}

/**
 * writeAudit after a save that must not fail because of it (a role without create permission on the
 * credit event record, a locked record): the error is logged (ERROR, with `where` and the error code) and
 * the id returned is null. Never throws.
 */
export function writeAuditSafely(e: AuditEvent, where: string): string | null {
  try {
    return writeAudit(e);
  } catch (err) {
    log.error({ title: 'ARA credit: audit record not written', details: `${where}, decision ${e.decision}: ${errorText(err)}` });
    return null;
  }
}

export interface AuditEvent {
  customer: string;
  order?: string | number | null;
  decision: CreditDecision | CreditOrderDecision;
  reason: string;
  evaluation?: CreditEvaluation | null;
  currency?: string | null;
}

/**
 * The credit event's field values of an audit event, in order (name, customer, order, decision, reason,
 * exposure, limit, overdue, currency, user, role, context, time): who, in which role and context, decided
 * what and why. Used for the separate record and for the customer's credit event line alike.
 */
export function auditValues(e: AuditEvent): [string, string | number][] {
  const user = runtime.getCurrentUser();
  const f = CREDIT_EVENT_RECORD;
  const ev = e.evaluation ?? null;
  const decimals = ev?.currencyDecimals ?? 2;
  const out: [string, string | number][] = [];
  out.push(['name', `${e.decision} ${e.customer}${e.order ? ` / ${e.order}` : ''}`]);
  out.push([f.customer, e.customer]);
  if (e.order) out.push([f.order, String(e.order)]);
  out.push([f.decision, e.decision]);
  out.push([f.reason, e.reason.slice(0, 3900)]);
  if (ev) {
    out.push([f.exposure, toMajor(ev.exposure, decimals)]);
    if (ev.limit !== null) out.push([f.limit, toMajor(ev.limit, decimals)]);
    out.push([f.overdue, toMajor(ev.overdueBeyondGrace, decimals)]);
  }
  const currency = e.currency ?? ev?.currency ?? null;
  if (currency) out.push([f.currency, currency]);
  if (Number(user.id) > 0) out.push([f.user, String(user.id)]);
  out.push([f.role, `${user.roleId} (${user.role})`]);
  out.push([f.context, String(runtime.executionContext)]);
  out.push([f.time, new Date().toISOString()]);
  return out;
}

/** Writes one audit record (6 units): who, in which role and context, decided what and why. */
export function writeAudit(e: AuditEvent): string {
  const rec = record.create({ type: CREDIT_EVENT_RECORD.type });
  for (const [fieldId, value] of auditValues(e)) rec.setValue({ fieldId, value });
  return String(rec.save());
}
