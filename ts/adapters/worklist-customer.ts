/**
 * Worklist customer view data and the collector actions (each writes only after every check passed).
 */
import * as email from 'N/email';
import * as record from 'N/record';
import * as render from 'N/render';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import { CREDIT_EVENT_RECORD, CREDIT_HOLD, CUSTOM_FIELDS, STATUS, type CreditDecision } from '../core/fields';
import { ACTIVITY_RECORD, type ActivityType } from '../core/ids/worklist';
import { type CalendarDate, parseDate, toJsDateLocalParts } from '../core/dates';
import { type Minor, ZERO, parseMoney, toMajor } from '../core/money';
import { BUCKET_KEYS, type BucketKey } from '../core/aging';
import { AGE_FORMULA, bucketAmountFormula, isChecked, plainLine, truncationNotice } from '../core/worklist';
import { escapeHtml } from '../core/worklist-html';
import { overdueByCustomer } from './worklist-queue';

export interface CustomerHeader {
  id: string;
  name: string;
  entityId: string;
  email: string;
  phone: string;
  balance: Minor;
  overdue: Minor;
  creditLimit: Minor | null;
  hold: string;
  holdText: string;
  onHold: boolean;
  /** Checked when the hold was placed by the AR Autopilot credit policy (custentity_ara_autohold). */
  autoHold: boolean;
  holdReason: string;
  collectorId: string;
  collectorName: string;
  subsidiary: string;
  currency: string;
  today: CalendarDate;
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function money(v: unknown): Minor {
  const s = str(v).trim();
  return s === '' || s.startsWith('ERROR') ? ZERO : parseMoney(Number(s), 2);
}

function dateOf(v: unknown, pattern: string): CalendarDate | null {
  const s = str(v).trim();
  if (s === '') return null;
  try {
    return parseDate(s, pattern);
  } catch {
    return null;
  }
}

/** The customer's header (10 units), or null when there is no such active customer. Also gives "today" as NetSuite sees it. */
export function customerHeader(id: string, dateFormat: string): CustomerHeader | null {
  const today = search.createColumn({ name: 'formuladate', formula: '{today}' });
  const cols = ['entityid', 'companyname', 'email', 'phone', 'balance', 'overduebalance', 'creditlimit', 'credithold', 'oncredithold', CUSTOM_FIELDS.autoHold, CUSTOM_FIELDS.holdReason, CUSTOM_FIELDS.collector, 'subsidiary', 'currency'];
  const rows = search
    .create({ type: search.Type.CUSTOMER, filters: [['internalid', 'anyof', id], 'and', ['isinactive', 'is', 'F']], columns: [...cols, today] })
    .run()
    .getRange({ start: 0, end: 1 });
  const r = rows[0];
  if (!r) return null;
  const v = (f: string): string => str(r.getValue({ name: f }));
  const limit = v('creditlimit');
  return {
    id: String(r.id ?? id),
    name: v('companyname') || v('entityid'),
    entityId: v('entityid'),
    email: v('email'),
    phone: v('phone'),
    balance: money(v('balance')),
    overdue: money(v('overduebalance')),
    creditLimit: limit === '' ? null : money(limit),
    hold: v('credithold'),
    holdText: str(r.getText({ name: 'credithold' })) || v('credithold'),
    onHold: isChecked(r.getValue({ name: 'oncredithold' })),
    autoHold: isChecked(r.getValue({ name: CUSTOM_FIELDS.autoHold })),
    holdReason: v(CUSTOM_FIELDS.holdReason),
    collectorId: v(CUSTOM_FIELDS.collector),
    collectorName: str(r.getText({ name: CUSTOM_FIELDS.collector })),
    subsidiary: v('subsidiary'),
    currency: v('currency'),
    today: dateOf(r.getValue(today), dateFormat) ?? (parseDate('1970-01-01', 'YYYY-MM-DD') as CalendarDate),
  };
}

export interface InvoiceLine {
  id: string;
  number: string;
  date: string;
  due: string;
  amount: Minor;
  remaining: Minor;
  daysPastDue: number;
  disputed: boolean;
  disputeReason: string;
}

/** Open invoices shown on the customer view and in the dispute form (one page of runPaged). */
export const INVOICE_LIST_LIMIT = 1000;

export interface InvoiceList {
  invoices: InvoiceLine[];
  /** How many open invoices the customer has (may be more than listed). */
  total: number;
  /** "Showing the first …" when not all are listed, else null. */
  notice: string | null;
}

/** Open invoices of the customer, oldest due first (internal id breaks ties), at most INVOICE_LIST_LIMIT (10 units). */
export function openInvoices(customerId: string): InvoiceList {
  const age = search.createColumn({ name: 'formulanumeric', formula: AGE_FORMULA });
  const cols = [
    search.createColumn({ name: 'duedate', sort: search.Sort.ASC }),
    search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
    'tranid',
    'trandate',
    'fxamount',
    'fxamountremaining',
    CUSTOM_FIELDS.disputed,
    CUSTOM_FIELDS.disputeReason,
    age,
  ];
  const paged = search
    .create({ type: search.Type.INVOICE, filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', STATUS.invoiceOpen], 'and', ['entity', 'anyof', customerId]], columns: cols })
    .runPaged({ pageSize: INVOICE_LIST_LIMIT });
  const rows = paged.count > 0 ? paged.fetch({ index: 0 }).data : [];
  const invoices = rows.map((r) => ({
    id: String(r.id),
    number: str(r.getValue({ name: 'tranid' })),
    date: str(r.getValue({ name: 'trandate' })),
    due: str(r.getValue({ name: 'duedate' })),
    amount: money(r.getValue({ name: 'fxamount' })),
    remaining: money(r.getValue({ name: 'fxamountremaining' })),
    daysPastDue: Math.max(0, Number(r.getValue(age)) || 0),
    disputed: isChecked(r.getValue({ name: CUSTOM_FIELDS.disputed })),
    disputeReason: str(r.getValue({ name: CUSTOM_FIELDS.disputeReason })),
  }));
  return {
    invoices,
    total: paged.count,
    notice: truncationNotice(invoices.length, paged.count, 'open invoices (oldest due first)', 'the buckets above count all of them'),
  };
}

/**
 * Open balance by aging bucket (base currency, disputed invoices included) of all the customer's open
 * invoices: one summary search (10 units), whatever their number.
 */
export function customerBuckets(customerId: string): Record<BucketKey, Minor> {
  const cols = {} as Record<BucketKey, search.Column>;
  for (const k of BUCKET_KEYS) cols[k] = search.createColumn({ name: 'formulacurrency', formula: bucketAmountFormula(k), summary: search.Summary.SUM });
  const rows = search
    .create({
      type: search.Type.INVOICE,
      filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', STATUS.invoiceOpen], 'and', ['entity', 'anyof', customerId]],
      columns: BUCKET_KEYS.map((k) => cols[k]),
    })
    .run()
    .getRange({ start: 0, end: 1 });
  const out = {} as Record<BucketKey, Minor>;
  for (const k of BUCKET_KEYS) out[k] = rows[0] ? money(rows[0].getValue(cols[k])) : ZERO;
  return out;
}

export interface ActivityLine {
  id: string;
  type: string;
  date: string;
  author: string;
  note: string;
  invoice: string;
  nextAction: string;
  promiseAmount: string;
  promiseDate: string;
}

/** Activities shown on the customer view (the newest). */
export const ACTIVITY_LIST_LIMIT = 100;

/** Activity history of the customer, newest first: the newest ACTIVITY_LIST_LIMIT, and whether there are more. */
export function activities(customerId: string): { lines: ActivityLine[]; more: boolean } {
  const A = ACTIVITY_RECORD;
  const rows = search
    .create({
      type: A.type,
      filters: [[A.customer, 'anyof', customerId], 'and', ['isinactive', 'is', 'F']],
      columns: [
        search.createColumn({ name: A.date, sort: search.Sort.DESC }),
        search.createColumn({ name: 'internalid', sort: search.Sort.DESC }),
        A.kind,
        A.author,
        A.note,
        A.invoice,
        A.nextAction,
        A.promiseAmount,
        A.promiseDate,
      ],
    })
    .run()
    .getRange({ start: 0, end: ACTIVITY_LIST_LIMIT + 1 });
  const lines = rows.slice(0, ACTIVITY_LIST_LIMIT).map((r) => ({
    id: String(r.id),
    type: str(r.getValue({ name: A.kind })),
    date: str(r.getValue({ name: A.date })),
    author: str(r.getText({ name: A.author })),
    note: str(r.getValue({ name: A.note })),
    invoice: str(r.getText({ name: A.invoice })),
    nextAction: str(r.getValue({ name: A.nextAction })),
    promiseAmount: str(r.getValue({ name: A.promiseAmount })),
    promiseDate: str(r.getValue({ name: A.promiseDate })),
  }));
  return { lines, more: rows.length > ACTIVITY_LIST_LIMIT };
}

/** Employees listed in the assign form: up to 5 pages of 1,000 (runPaged 5 + 5 units a page). */
export const EMPLOYEE_PAGES = 5;

/** Employees that can be assigned as collectors (active, by name then internal id), and a notice when not all are listed. */
export function employees(): { list: { id: string; name: string }[]; notice: string | null } {
  const paged = search
    .create({
      type: search.Type.EMPLOYEE,
      filters: [['isinactive', 'is', 'F']],
      columns: [search.createColumn({ name: 'entityid', sort: search.Sort.ASC }), search.createColumn({ name: 'internalid', sort: search.Sort.ASC })],
    })
    .runPaged({ pageSize: 1000 });
  const list: { id: string; name: string }[] = [];
  for (const range of paged.pageRanges.slice(0, EMPLOYEE_PAGES)) {
    for (const r of paged.fetch({ index: range.index }).data) list.push({ id: String(r.id), name: str(r.getValue({ name: 'entityid' })) });
  }
  return { list, notice: truncationNotice(list.length, paged.count, 'active employees (by name)', 'to assign another one, set the AR Collector field on the customer record') };
}

/** Errors that mean "stop the script", never "no such record". */
function isLimitError(e: unknown): boolean {
  const name = e && typeof e === 'object' ? String((e as { name?: unknown }).name ?? '') : '';
  return /LIMIT_EXCEEDED/i.test(name);
}

/**
 * search.lookupFields that treats "no such record" (NetSuite throws, e.g. RCRD_DSNT_EXIST or an invalid
 * id for the type; the emulator returns {}) as null. Usage and time limit errors still throw.
 */
function lookup(type: search.Type, id: string, columns: string[]): Record<string, unknown> | null {
  let r: Record<string, unknown>;
  try {
    r = search.lookupFields({ type, id, columns }) as Record<string, unknown>;
  } catch (e) {
    if (isLimitError(e)) throw e;
    return null;
  }
  return r && Object.keys(r).length > 0 ? r : null;
}

/** Whether the employee exists and is active (1 unit); a missing id is simply false. */
export function employeeExists(id: string): boolean {
  const r = lookup(search.Type.EMPLOYEE, id, ['entityid', 'isinactive']);
  return r !== null && r.entityid !== undefined && !isChecked(r.isinactive);
}

// ---------------------------------------------------------------------------------------------------
// Writes

export interface NewActivity {
  customerId: string;
  type: ActivityType;
  note: string;
  today: CalendarDate;
  invoiceId?: string | null;
  nextAction?: CalendarDate | null;
  promiseAmount?: Minor | null;
  promiseDate?: CalendarDate | null;
  promiseBaseline?: Minor | null;
  /** Marks this activity as the customer's current next action / promise (the previous one is cleared). */
  current?: boolean;
}

/** Clears the current flag of the customer's current next-action (or promise) activities. */
function clearCurrent(customerId: string, promise: boolean): void {
  const A = ACTIVITY_RECORD;
  const rows = search
    .create({ type: A.type, filters: [[A.customer, 'anyof', customerId], 'and', [A.current, 'is', 'T'], 'and', [A.kind, promise ? 'is' : 'isnot', 'promise']], columns: [A.kind] })
    .run()
    .getRange({ start: 0, end: 5 });
  for (const r of rows) record.submitFields({ type: A.type, id: String(r.id), values: { [A.current]: false } });
}

export function createActivity(a: NewActivity): string {
  const A = ACTIVITY_RECORD;
  if (a.current !== undefined) clearCurrent(a.customerId, a.type === 'promise');
  const rec = record.create({ type: A.type });
  rec.setValue({ fieldId: A.customer, value: a.customerId });
  rec.setValue({ fieldId: A.kind, value: a.type });
  if (a.note) rec.setValue({ fieldId: A.note, value: a.note });
  rec.setValue({ fieldId: A.author, value: String(runtime.getCurrentUser().id) });
  rec.setValue({ fieldId: A.date, value: toJsDateLocalParts(a.today) });
  if (a.invoiceId) rec.setValue({ fieldId: A.invoice, value: a.invoiceId });
  if (a.nextAction) rec.setValue({ fieldId: A.nextAction, value: toJsDateLocalParts(a.nextAction) });
  if (a.promiseAmount) rec.setValue({ fieldId: A.promiseAmount, value: toMajor(a.promiseAmount) });
  if (a.promiseDate) rec.setValue({ fieldId: A.promiseDate, value: toJsDateLocalParts(a.promiseDate) });
  if (a.promiseBaseline !== undefined && a.promiseBaseline !== null) rec.setValue({ fieldId: A.promiseBaseline, value: toMajor(a.promiseBaseline) });
  rec.setValue({ fieldId: A.current, value: a.current === true });
  return String(rec.save());
}

/** Overdue balance now (base currency, undisputed past-due invoices), the baseline of a new promise. */
export function overdueNow(customerId: string): Minor {
  return overdueByCustomer([customerId]).get(customerId) ?? ZERO;
}

/**
 * The invoice when it is an open invoice of this customer; 'missing' when there is no such invoice (a
 * forged or stale id: NetSuite's lookupFields throws, which is caught); 'other' when it is another
 * customer's or not open (1 unit).
 */
export function invoiceOfCustomer(invoiceId: string, customerId: string): { number: string; disputed: boolean } | 'missing' | 'other' {
  const r = lookup(search.Type.INVOICE, invoiceId, ['entity', 'status', 'tranid', CUSTOM_FIELDS.disputed]);
  if (!r) return 'missing';
  const ent = r.entity as { value: string }[] | undefined;
  const st = r.status as { value: string }[] | undefined;
  if (!ent || ent.length === 0) return 'missing';
  if (String(ent[0].value) !== customerId) return 'other';
  const status = st && st.length > 0 ? `${String(st[0].value)} ${String((st[0] as { text?: string }).text ?? '')}` : '';
  if (!/\bopen\b|CustInvc:A/i.test(status)) return 'other';
  return { number: str(r.tranid), disputed: isChecked(r[CUSTOM_FIELDS.disputed]) };
}

export function setDispute(invoiceId: string, disputed: boolean, reason: string): void {
  record.submitFields({
    type: record.Type.INVOICE,
    id: invoiceId,
    values: { [CUSTOM_FIELDS.disputed]: disputed, [CUSTOM_FIELDS.disputeReason]: disputed ? reason : '' },
  });
}

/**
 * Places (ON, not ours) or releases (AUTO) a manual hold, and audits it as a credit event. The caller
 * releases only a manual hold (see releaseRefusal in the core): Hold ON with autohold unchecked.
 */
export function setManualHold(h: CustomerHeader, place: boolean, reason: string): void {
  const rec = record.load({ type: record.Type.CUSTOMER, id: h.id });
  rec.setValue({ fieldId: 'creditholdoverride', value: place ? CREDIT_HOLD.on : CREDIT_HOLD.auto });
  rec.setValue({ fieldId: CUSTOM_FIELDS.autoHold, value: false });
  rec.setValue({ fieldId: CUSTOM_FIELDS.holdReason, value: place ? reason : '' });
  if (place) rec.setValue({ fieldId: CUSTOM_FIELDS.holdSince, value: toJsDateLocalParts(h.today) });
  else rec.setValue({ fieldId: CUSTOM_FIELDS.holdSince, value: null });
  rec.save();
  const user = runtime.getCurrentUser();
  const E = CREDIT_EVENT_RECORD;
  const decision: CreditDecision = place ? 'MANUAL_HOLD' : 'MANUAL_RELEASE';
  const ev = record.create({ type: E.type });
  ev.setValue({ fieldId: E.customer, value: h.id });
  ev.setValue({ fieldId: E.decision, value: decision });
  ev.setValue({ fieldId: E.reason, value: reason });
  ev.setValue({ fieldId: E.overdue, value: toMajor(h.overdue) });
  if (h.creditLimit !== null) ev.setValue({ fieldId: E.limit, value: toMajor(h.creditLimit) });
  if (h.currency) ev.setValue({ fieldId: E.currency, value: h.currency });
  ev.setValue({ fieldId: E.user, value: String(user.id) });
  ev.setValue({ fieldId: E.role, value: String(user.roleId) });
  ev.setValue({ fieldId: E.context, value: String(runtime.executionContext) });
  ev.setValue({ fieldId: E.time, value: new Date().toISOString() });
  ev.save();
}

/** The statement email's subject: one plain line (no control characters: no header injection). */
export function statementSubject(name: string): string {
  return plainLine(`Statement of account: ${name}`);
}

/** The statement email's body: HTML (NetSuite sends it as HTML), the customer name escaped. */
export function statementBody(name: string): string {
  return `<p>Dear ${escapeHtml(plainLine(name))},</p><p>Please find attached your statement of account. Contact us with any question about it.</p>`;
}

/** Renders the customer's statement (open transactions) and emails it to the customer's email address. */
export function emailStatement(h: CustomerHeader, senderId: string): void {
  const pdf = render.statement({ entityId: Number(h.id), printMode: render.PrintMode.PDF, openTransactionsOnly: true });
  email.send({
    author: Number(senderId),
    recipients: [h.email],
    subject: statementSubject(h.name),
    body: statementBody(h.name),
    attachments: [pdf],
    relatedRecords: { entityId: Number(h.id) },
  });
}

export function assignCollector(customerId: string, employeeId: string | null): void {
  record.submitFields({ type: record.Type.CUSTOMER, id: customerId, values: { [CUSTOM_FIELDS.collector]: employeeId ?? '' } });
}
