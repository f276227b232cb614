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
import { AGE_FORMULA } from '../core/worklist';
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
  const cols = ['entityid', 'companyname', 'email', 'phone', 'balance', 'overduebalance', 'creditlimit', 'credithold', 'oncredithold', CUSTOM_FIELDS.holdReason, CUSTOM_FIELDS.collector, 'subsidiary', 'currency'];
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
    onHold: r.getValue({ name: 'oncredithold' }) === true || v('oncredithold') === 'T',
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

/** Open invoices of the customer (up to 500), oldest due first. */
export function openInvoices(customerId: string): InvoiceLine[] {
  const age = search.createColumn({ name: 'formulanumeric', formula: AGE_FORMULA });
  const cols = [
    search.createColumn({ name: 'duedate', sort: search.Sort.ASC }),
    'tranid',
    'trandate',
    'fxamount',
    'fxamountremaining',
    CUSTOM_FIELDS.disputed,
    CUSTOM_FIELDS.disputeReason,
    age,
  ];
  const rows = search
    .create({ type: search.Type.INVOICE, filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', STATUS.invoiceOpen], 'and', ['entity', 'anyof', customerId]], columns: cols })
    .run()
    .getRange({ start: 0, end: 500 });
  return rows.map((r) => ({
    id: String(r.id),
    number: str(r.getValue({ name: 'tranid' })),
    date: str(r.getValue({ name: 'trandate' })),
    due: str(r.getValue({ name: 'duedate' })),
    amount: money(r.getValue({ name: 'fxamount' })),
    remaining: money(r.getValue({ name: 'fxamountremaining' })),
    daysPastDue: Math.max(0, Number(r.getValue(age)) || 0),
    disputed: r.getValue({ name: CUSTOM_FIELDS.disputed }) === true,
    disputeReason: str(r.getValue({ name: CUSTOM_FIELDS.disputeReason })),
  }));
}

/** Open balance by aging bucket (base currency) of one customer's invoices. */
export function bucketsOf(invoices: readonly InvoiceLine[]): Record<BucketKey, Minor> {
  const out = {} as Record<BucketKey, Minor>;
  for (const k of BUCKET_KEYS) out[k] = ZERO;
  for (const inv of invoices) {
    const d = inv.daysPastDue;
    const k: BucketKey = d <= 0 ? 'current' : d <= 30 ? 'd1_30' : d <= 60 ? 'd31_60' : d <= 90 ? 'd61_90' : d <= 120 ? 'd91_120' : 'over120';
    out[k] = (out[k] + inv.remaining) as Minor;
  }
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

/** Activity history of the customer, newest first (up to 100). */
export function activities(customerId: string): ActivityLine[] {
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
    .getRange({ start: 0, end: 100 });
  return rows.map((r) => ({
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
}

/** Employees that can be assigned as collectors (active, up to 1,000). */
export function employees(): { id: string; name: string }[] {
  return search
    .create({ type: search.Type.EMPLOYEE, filters: [['isinactive', 'is', 'F']], columns: [search.createColumn({ name: 'entityid', sort: search.Sort.ASC })] })
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => ({ id: String(r.id), name: str(r.getValue({ name: 'entityid' })) }));
}

export function employeeExists(id: string): boolean {
  const r = search.lookupFields({ type: search.Type.EMPLOYEE, id, columns: ['entityid', 'isinactive'] }) as Record<string, unknown>;
  return r.entityid !== undefined && r.isinactive !== true;
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

/** Overdue balance now (customer currency), the baseline of a new promise. */
export function overdueNow(customerId: string): Minor {
  return overdueByCustomer([customerId]).get(customerId) ?? ZERO;
}

/** The invoice when it is an open invoice of this customer, else null (1 unit). */
export function invoiceOfCustomer(invoiceId: string, customerId: string): { number: string; disputed: boolean } | null {
  const r = search.lookupFields({ type: search.Type.INVOICE, id: invoiceId, columns: ['entity', 'status', 'tranid', CUSTOM_FIELDS.disputed] }) as Record<string, unknown>;
  const ent = r.entity as { value: string }[] | undefined;
  const st = r.status as { value: string }[] | undefined;
  if (!ent || ent.length === 0 || String(ent[0].value) !== customerId) return null;
  const status = st && st.length > 0 ? `${String(st[0].value)} ${String((st[0] as { text?: string }).text ?? '')}` : '';
  if (!/\bopen\b|CustInvc:A/i.test(status)) return null;
  return { number: str(r.tranid), disputed: r[CUSTOM_FIELDS.disputed] === true };
}

export function setDispute(invoiceId: string, disputed: boolean, reason: string): void {
  record.submitFields({
    type: record.Type.INVOICE,
    id: invoiceId,
    values: { [CUSTOM_FIELDS.disputed]: disputed, [CUSTOM_FIELDS.disputeReason]: disputed ? reason : '' },
  });
}

/** Places (ON, not ours) or releases (AUTO) a manual hold, and audits it as a credit event. */
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

/** Renders the customer's statement (open transactions) and emails it to the customer's email address. */
export function emailStatement(h: CustomerHeader, senderId: string): void {
  const pdf = render.statement({ entityId: Number(h.id), printMode: render.PrintMode.PDF, openTransactionsOnly: true });
  email.send({
    author: Number(senderId),
    recipients: [h.email],
    subject: `Statement of account: ${h.name}`,
    body: `Dear ${h.name},\n\nPlease find attached your statement of account. Contact us with any question about it.\n`,
    attachments: [pdf],
    relatedRecords: { entityId: Number(h.id) },
  });
}

export function assignCollector(customerId: string, employeeId: string | null): void {
  record.submitFields({ type: record.Type.CUSTOMER, id: customerId, values: { [CUSTOM_FIELDS.collector]: employeeId ?? '' } });
}
