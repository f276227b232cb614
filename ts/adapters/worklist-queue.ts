/**
 * Worklist queue: the scored, sorted list of past-due customers, computed by NetSuite in summary searches
 * (never by loading customers).
 *
 * 1. pauseState: one summary search over the scope's activities grouped by customer gives each
 *    customer's last activity, current snooze and current promise (more than PAUSE_READ_LIMIT customers
 *    gives a notice); then for promises the overdue balance now and the payments and credits applied
 *    since each promise was made → hidden (snoozed, pending promise) and broken-promise customers. The
 *    overdue of the paused customers and the total overdue of everyone else come from one summary search
 *    (overdueOverview).
 * 2. The queue: a summary search over open, past-due, undisputed invoices grouped by customer: overdue,
 *    the five buckets, oldest days, score (scoreFormula) — sorted broken promise first, then by score,
 *    then by customer internal id (a unique tie-breaker, so pages never repeat or skip a customer), paged
 *    50 at a time with runPaged. Hidden customers are excluded with an `entity noneof` filter.
 * 3. The last activity of the page's customers comes from step 1 (a search only when step 1 was cut).
 *
 * Amounts are in the base currency (`amountremaining`); disputed invoices never count as overdue.
 */
import * as search from 'N/search';
import { CREDIT_HOLD, CUSTOM_FIELDS, STATUS } from '../core/fields';
import { ACTIVITY_RECORD } from '../core/ids/worklist';
import { type CalendarDate, formatDate, parseDate } from '../core/dates';
import { type Minor, ZERO, parseMoney } from '../core/money';
import { PAST_DUE_BUCKET_KEYS, type PastDueBucketKey, type PromiseState, type ScoreWeights, applyBrokenPromiseFactor, promiseState, scoreFormula } from '../core/scoring';
import { AGE_FORMULA, type CollectorScope, PAGE_SIZE, bucketAmountFormula, bucketMinAge, idInCondition, truncationNotice } from '../core/worklist';

/** Customers with activity read for one view (one page of runPaged). */
export const PAUSE_READ_LIMIT = 1000;

export interface QueueFilter {
  scope: CollectorScope;
  subsidiary: string | null;
  minOverdue: Minor | null;
  oldestBucket: PastDueBucketKey | null;
  includePaused: boolean;
}

export interface CustomerPause {
  nextAction: CalendarDate | null;
  snoozed: boolean;
  promiseAmount: Minor | null;
  promiseDate: CalendarDate | null;
  promise: PromiseState;
}

export interface PauseState {
  byCustomer: Map<string, CustomerPause>;
  hidden: string[];
  broken: string[];
  today: CalendarDate | null;
  /**
   * Total overdue of the view (base currency) without its hidden customers, when asked for (withTotal);
   * null otherwise.
   */
  totalVisible: Minor | null;
  /** The same with the hidden customers (for "include snoozed and promised"). */
  totalAll: Minor | null;
  /** Notices for the page (e.g. more customers with activity than were read). */
  notices: string[];
  /** Last activity date of the customers read. */
  lastActivity: Map<string, CalendarDate>;
  /** Whether every customer with activity in scope was read (else lastActivity may lack some). */
  complete: boolean;
}

export interface QueueRow {
  customerId: string;
  customerName: string;
  collectorId: string;
  collectorName: string;
  overdue: Minor;
  buckets: Record<PastDueBucketKey, Minor>;
  oldestDays: number;
  score: number;
  brokenPromise: boolean;
  hold: string;
  lastActivity: CalendarDate | null;
  pause: CustomerPause | null;
}

export interface QueuePage {
  rows: QueueRow[];
  page: number;
  pages: number;
  customers: number;
  totalOverdue: Minor | null;
  pause: PauseState;
  notices: string[];
}

function dateOf(v: unknown, pattern: string): CalendarDate | null {
  const s = v === null || v === undefined ? '' : String(v).trim();
  if (s === '') return null;
  try {
    return parseDate(s, pattern);
  } catch {
    return null;
  }
}

function money(v: unknown): Minor {
  const s = v === null || v === undefined ? '' : String(v).trim();
  if (s === '' || s.startsWith('ERROR')) return ZERO;
  return parseMoney(Number(s), 2);
}

/** Collector scope as a filter on a join to the customer ('customer' from invoices, the activity's customer field from activities). */
function scopeFilter(scope: CollectorScope, join: string): unknown[] | null {
  const field = `${join}.${CUSTOM_FIELDS.collector}`;
  if (scope.kind === 'employee') return [field, 'anyof', scope.id];
  if (scope.kind === 'unassigned') return [field, 'anyof', '@NONE@'];
  return null;
}

function and(terms: (unknown[] | null)[]): unknown[] {
  const out: unknown[] = [];
  for (const t of terms) {
    if (!t) continue;
    if (out.length > 0) out.push('and');
    out.push(t);
  }
  return out;
}

function or(terms: unknown[][]): unknown[] {
  if (terms.length === 1) return terms[0];
  const out: unknown[] = [];
  for (const t of terms) {
    if (out.length > 0) out.push('or');
    out.push(t);
  }
  return out;
}

/** Every row of a search, 1,000 per page (runPaged 5 + 5 units a page: one page costs what getRange does). */
function allRows(s: search.Search): search.Result[] {
  const paged = s.runPaged({ pageSize: 1000 });
  const out: search.Result[] = [];
  for (const range of paged.pageRanges) out.push(...paged.fetch({ index: range.index }).data);
  return out;
}

/** Open, past-due, undisputed invoices (mainline): what counts as overdue everywhere in the worklist. */
function overdueInvoiceFilters(): unknown[][] {
  return [
    ['mainline', 'is', 'T'],
    ['status', 'anyof', STATUS.invoiceOpen],
    [CUSTOM_FIELDS.disputed, 'is', 'F'],
    [`formulanumeric: ${AGE_FORMULA}`, 'greaterthan', '0'],
  ];
}

/**
 * Overdue balance now per customer: base currency (`amountremaining`), open past-due invoices, disputed
 * ones excluded (the promise baseline and the promise check use this same definition).
 */
export function overdueByCustomer(customerIds: readonly string[]): Map<string, Minor> {
  const out = new Map<string, Minor>();
  if (customerIds.length === 0) return out;
  const entity = search.createColumn({ name: 'entity', summary: search.Summary.GROUP });
  const sum = search.createColumn({ name: 'amountremaining', summary: search.Summary.SUM });
  const s = search.create({ type: search.Type.INVOICE, filters: and([...overdueInvoiceFilters(), ['entity', 'anyof', [...customerIds]]]), columns: [entity, sum] });
  for (const r of s.run().getRange({ start: 0, end: 1000 })) out.set(String(r.getValue(entity)), money(r.getValue(sum)));
  return out;
}

/**
 * One summary search for the queue's figures: the overdue now of each customer in `keyIds` (all their
 * invoices, whatever the view's subsidiary) and, when `withTotal`, the total overdue of every other
 * customer of the view (scope and subsidiary). Grouped by a formula that is the customer id for the key
 * customers and 0 for the rest (and, with a subsidiary filter, by whether the invoice is of that
 * subsidiary), so it returns at most 2 × (keys + 1) rows however many customers the view has.
 */
interface Overview {
  /** Overdue now of each key customer (all its invoices). */
  byCustomer: Map<string, Minor>;
  /** Overdue of each key customer within the view (its subsidiary); null when not asked for. */
  inView: Map<string, Minor> | null;
  /** Total overdue of the view's other customers; null when not asked for. */
  other: Minor | null;
}

function overdueOverview(filter: Pick<QueueFilter, 'scope' | 'subsidiary'>, keyIds: readonly string[], withTotal: boolean): Overview {
  if (!withTotal) return { byCustomer: overdueByCustomer(keyIds), inView: null, other: null };
  const byCustomer = new Map<string, Minor>();
  const G = search.Summary.GROUP;
  const key = search.createColumn({ name: 'formulanumeric', formula: `CASE WHEN ${idInCondition('{entity.id}', keyIds)} THEN {entity.id} ELSE 0 END`, summary: G });
  const sub = filter.subsidiary && /^\d{1,12}$/.test(filter.subsidiary) ? filter.subsidiary : null;
  const inSub = sub ? search.createColumn({ name: 'formulatext', formula: `CASE WHEN {subsidiary.id} = ${sub} THEN 'Y' ELSE 'N' END`, summary: G }) : null;
  const sum = search.createColumn({ name: 'amountremaining', summary: search.Summary.SUM });
  // Without a subsidiary filter: the key customers' own overdue is the scope's; with one, their invoices of
  // other subsidiaries count for them (as the promise baseline did) but not in the view's total.
  const filters = and([...overdueInvoiceFilters(), scopeFilter(filter.scope, 'customer'), sub && keyIds.length === 0 ? ['subsidiary', 'anyof', sub] : null]);
  const rows = allRows(search.create({ type: search.Type.INVOICE, filters, columns: inSub && keyIds.length > 0 ? [key, inSub, sum] : [key, sum] }));
  let other = ZERO;
  const ownInView = new Map<string, Minor>();
  for (const r of rows) {
    const id = String(Number(r.getValue(key)) || 0);
    const amount = money(r.getValue(sum));
    const inView = !(inSub && keyIds.length > 0) || String(r.getValue(inSub)) === 'Y';
    if (id === '0') {
      if (inView) other = (other + amount) as Minor;
      continue;
    }
    byCustomer.set(id, ((byCustomer.get(id) ?? ZERO) + amount) as Minor);
    if (inView) ownInView.set(id, ((ownInView.get(id) ?? ZERO) + amount) as Minor);
  }
  return { byCustomer, inView: ownInView, other };
}

/**
 * Payments, credit memos and deposit applications applied to each customer's invoices (base currency:
 * applied amount × the applying transaction's exchange rate) dated after `since`, the day the customer's
 * promise was made. Applications of that same day may predate the promise (a nightly auto-apply, a payment
 * entered in the morning) and are left out; one made later that day lowers the overdue balance below the
 * promise baseline, which promiseState counts anyway. One summary search over application lines.
 */
export function paidSince(promises: readonly { id: string; since: CalendarDate }[], dateFormat: string): Map<string, Minor> {
  const out = new Map<string, Minor>();
  if (promises.length === 0) return out;
  const bySince = new Map<CalendarDate, string[]>();
  for (const p of promises) bySince.set(p.since, [...(bySince.get(p.since) ?? []), p.id]);
  const groups = [...bySince].map(([since, ids]): unknown[] => [['entity', 'anyof', ids], 'and', ['trandate', 'after', formatDate(since, dateFormat)]]);
  const entity = search.createColumn({ name: 'entity', summary: search.Summary.GROUP });
  const applied = search.createColumn({ name: 'formulacurrency', formula: 'ABS({appliedtolinkamount}) * NVL({exchangerate}, 1)', summary: search.Summary.SUM });
  const s = search.create({
    type: search.Type.TRANSACTION,
    filters: and([['mainline', 'is', 'F'], ['type', 'anyof', ['CustPymt', 'CustCred', 'DepAppl']], ['appliedtotransaction.type', 'anyof', 'CustInvc'], or(groups)]),
    columns: [entity, applied],
  });
  for (const r of s.run().getRange({ start: 0, end: 1000 })) out.set(String(r.getValue(entity)), money(r.getValue(applied)));
  return out;
}

/**
 * Snoozes, promises and last activity of the customers in scope, their promise states and (withTotal)
 * the overdue figures of the view. One summary search over the scope's activities grouped by customer:
 * the last activity date (MAX over all), and from the customer's current rows (custrecord_ara_act_current:
 * its newest logged activity and its newest promise) the next action date, whether it snoozes, and the
 * promise. Customers with a snooze or a promise sort first; at most PAUSE_READ_LIMIT customers are read,
 * and when snoozed or promised ones may be among those not read, `notices` says so (they show as active).
 */
export function pauseState(filter: Pick<QueueFilter, 'scope' | 'subsidiary'>, dateFormat: string, withTotal = false): PauseState {
  const A = ACTIVITY_RECORD;
  const MAX = search.Summary.MAX;
  const cur = `{${A.current}} = 'T'`;
  const promiseRow = `${cur} AND {${A.kind}} = 'promise'`;
  const nextRow = `${cur} AND {${A.kind}} <> 'promise'`;
  const f = (name: string, formula: string, sort?: search.Sort) => search.createColumn({ name, formula, summary: MAX, ...(sort ? { sort } : {}) });
  const c = {
    customer: search.createColumn({ name: A.customer, summary: search.Summary.GROUP }),
    paused: f('formulanumeric', `CASE WHEN ${promiseRow} OR (${nextRow} AND {${A.nextAction}} > {today}) THEN 1 ELSE 0 END`, search.Sort.DESC),
    last: search.createColumn({ name: A.date, summary: MAX, sort: search.Sort.DESC }),
    next: f('formuladate', `CASE WHEN ${nextRow} THEN {${A.nextAction}} END`),
    snoozed: f('formulanumeric', `CASE WHEN ${nextRow} AND {${A.nextAction}} > {today} THEN 1 ELSE 0 END`),
    amount: f('formulacurrency', `CASE WHEN ${promiseRow} THEN {${A.promiseAmount}} END`),
    promiseDate: f('formuladate', `CASE WHEN ${promiseRow} THEN {${A.promiseDate}} END`),
    made: f('formuladate', `CASE WHEN ${promiseRow} THEN {${A.date}} END`),
    baseline: f('formulacurrency', `CASE WHEN ${promiseRow} THEN {${A.promiseBaseline}} END`),
    today: f('formuladate', '{today}'),
  };
  const filters = and([
    ['isinactive', 'is', 'F'],
    scopeFilter(filter.scope, A.customer),
    filter.subsidiary ? [`${A.customer}.subsidiary`, 'anyof', filter.subsidiary] : null,
  ]);
  const paged = search.create({ type: A.type, filters, columns: Object.values(c) }).runPaged({ pageSize: PAUSE_READ_LIMIT });
  const rows = paged.count > 0 ? paged.fetch({ index: 0 }).data : [];
  const notices: string[] = [];
  const complete = rows.length >= paged.count;
  // Paused customers sort first: if the last one read is paused, paused customers may be among the rest.
  if (!complete && rows.length > 0 && Number(rows[rows.length - 1].getValue(c.paused)) === 1) {
    const cut = truncationNotice(rows.length, paged.count, 'customers with collector activity', 'snoozes and promises of the others are not applied (they show as active); narrow the view by collector or subsidiary');
    if (cut) notices.push(cut);
  }
  let today: CalendarDate | null = null;
  const byCustomer = new Map<string, CustomerPause>();
  const lastActivity = new Map<string, CalendarDate>();
  const promises: { id: string; amount: Minor; date: CalendarDate; made: CalendarDate | null; baseline: Minor }[] = [];
  for (const r of rows) {
    today = today ?? dateOf(r.getValue(c.today), dateFormat);
    const id = String(r.getValue(c.customer));
    const last = dateOf(r.getValue(c.last), dateFormat);
    if (last) lastActivity.set(id, last);
    const p: CustomerPause = { nextAction: dateOf(r.getValue(c.next), dateFormat), snoozed: Number(r.getValue(c.snoozed)) === 1, promiseAmount: null, promiseDate: null, promise: 'none' };
    const amount = money(r.getValue(c.amount));
    const date = dateOf(r.getValue(c.promiseDate), dateFormat);
    if (amount > 0 && date) {
      p.promiseAmount = amount;
      p.promiseDate = date;
      promises.push({ id, amount, date, made: dateOf(r.getValue(c.made), dateFormat), baseline: money(r.getValue(c.baseline)) });
    }
    if (p.nextAction || p.snoozed || p.promiseAmount !== null) byCustomer.set(id, p);
  }
  const get = (id: string): CustomerPause => byCustomer.get(id) as CustomerPause;
  const keyIds = [...byCustomer].filter(([, p]) => p.snoozed || p.promiseAmount !== null).map(([id]) => id);
  const o: Overview =
    withTotal || promises.length > 0 ? overdueOverview(filter, withTotal ? keyIds : promises.map((x) => x.id), withTotal) : { byCustomer: new Map(), inView: null, other: null };
  const overdueOf = o.byCustomer;
  if (promises.length > 0 && today) {
    const asOf = today;
    const state = (x: (typeof promises)[number], paid: Minor | null): PromiseState =>
      promiseState({ promiseAmount: x.amount, promiseDate: x.date, overdueAtPromise: x.baseline, overdueNow: overdueOf.get(x.id) ?? ZERO, asOf, paidSincePromise: paid });
    // Payments are read only for promises the overdue balance alone does not show as kept.
    const open = promises.filter((x) => state(x, null) !== 'kept' && x.made !== null);
    const paid = paidSince(
      open.map((x) => ({ id: x.id, since: x.made as CalendarDate })),
      dateFormat,
    );
    for (const x of promises) get(x.id).promise = state(x, paid.get(x.id) ?? (x.made !== null ? ZERO : null));
  }
  const hidden: string[] = [];
  const broken: string[] = [];
  for (const [id, p] of byCustomer) {
    if (p.snoozed || p.promise === 'pending') hidden.push(id);
    else if (p.promise === 'broken') broken.push(id);
  }
  let totalVisible: Minor | null = null;
  let totalAll: Minor | null = null;
  if (o.other !== null && o.inView) {
    totalVisible = totalAll = o.other;
    const hiddenSet = new Set(hidden);
    for (const [id, m] of o.inView) {
      totalAll = (totalAll + m) as Minor;
      if (!hiddenSet.has(id)) totalVisible = (totalVisible + m) as Minor;
    }
  }
  return { byCustomer, hidden, broken, today, totalVisible, totalAll, notices, lastActivity, complete };
}

const G = search.Summary.GROUP;

interface QueueColumns {
  all: search.Column[];
  entity: search.Column;
  collector: search.Column;
  hold: search.Column;
  overdue: search.Column;
  buckets: Record<PastDueBucketKey, search.Column>;
  oldest: search.Column;
  score: search.Column;
  broken: search.Column;
}

function queueColumns(weights: ScoreWeights, broken: readonly string[]): QueueColumns {
  const entity = search.createColumn({ name: 'entity', summary: G });
  const collector = search.createColumn({ name: CUSTOM_FIELDS.collector, join: 'customer', summary: G });
  const hold = search.createColumn({ name: 'credithold', join: 'customer', summary: G });
  const overdue = search.createColumn({ name: 'amountremaining', summary: search.Summary.SUM });
  const buckets = {} as Record<PastDueBucketKey, search.Column>;
  for (const k of PAST_DUE_BUCKET_KEYS) buckets[k] = search.createColumn({ name: 'formulacurrency', formula: bucketAmountFormula(k), summary: search.Summary.SUM });
  const oldest = search.createColumn({ name: 'formulanumeric', formula: AGE_FORMULA, summary: search.Summary.MAX });
  const brokenCol = search.createColumn({
    name: 'formulanumeric',
    formula: `CASE WHEN ${idInCondition('{entity.id}', broken)} THEN 1 ELSE 0 END`,
    summary: search.Summary.MAX,
    sort: search.Sort.DESC,
  });
  const score = search.createColumn({ name: 'formulanumeric', formula: scoreFormula(weights), summary: search.Summary.SUM, sort: search.Sort.DESC });
  // Unique tie-breaker: customers with equal scores in internal id order, so that pages (runPaged) never
  // repeat or skip a customer. MIN of the grouped customer's id is that id.
  const tie = search.createColumn({ name: 'formulanumeric', formula: '{entity.id}', summary: search.Summary.MIN, sort: search.Sort.ASC });
  return {
    all: [brokenCol, score, tie, entity, collector, hold, overdue, ...PAST_DUE_BUCKET_KEYS.map((k) => buckets[k]), oldest],
    entity,
    collector,
    hold,
    overdue,
    buckets,
    oldest,
    score,
    broken: brokenCol,
  };
}

function baseFilters(filter: QueueFilter, pause: PauseState): unknown[] {
  return and([
    ...overdueInvoiceFilters(),
    scopeFilter(filter.scope, 'customer'),
    filter.subsidiary ? ['subsidiary', 'anyof', filter.subsidiary] : null,
    !filter.includePaused && pause.hidden.length > 0 ? ['entity', 'noneof', pause.hidden] : null,
  ]);
}

function havingFilters(filter: QueueFilter): (unknown[] | null)[] {
  return [
    filter.minOverdue !== null ? ['sum(amountremaining)', 'greaterthanorequalto', String(filter.minOverdue / 100)] : null,
    filter.oldestBucket ? [`max(formulanumeric: ${AGE_FORMULA})`, 'greaterthanorequalto', String(bucketMinAge(filter.oldestBucket))] : null,
  ];
}

/** The queue search (summary, grouped by customer, sorted by broken promise then score). */
export function queueSearch(filter: QueueFilter, pause: PauseState, weights: ScoreWeights): { search: search.Search; columns: QueueColumns } {
  const columns = queueColumns(weights, pause.broken);
  const filters = and([baseFilters(filter, pause), ...havingFilters(filter)]);
  return { search: search.create({ type: search.Type.INVOICE, filters, columns: columns.all }), columns };
}

function rowOf(r: search.Result, c: QueueColumns, pause: PauseState): QueueRow {
  const id = String(r.getValue(c.entity));
  const brokenPromise = Number(r.getValue(c.broken)) === 1;
  const base = Number(money(r.getValue(c.score)));
  const buckets = {} as Record<PastDueBucketKey, Minor>;
  for (const k of PAST_DUE_BUCKET_KEYS) buckets[k] = money(r.getValue(c.buckets[k]));
  const holdValue = String(r.getValue(c.hold) ?? '');
  return {
    customerId: id,
    customerName: String(r.getText(c.entity) ?? id),
    collectorId: String(r.getValue(c.collector) ?? ''),
    collectorName: String(r.getText(c.collector) ?? ''),
    overdue: money(r.getValue(c.overdue)),
    buckets,
    oldestDays: Number(r.getValue(c.oldest)) || 0,
    score: brokenPromise ? applyBrokenPromiseFactor(base) : base,
    brokenPromise,
    hold: holdValue === CREDIT_HOLD.on ? 'On hold' : holdValue === CREDIT_HOLD.off ? 'Exempt' : String(r.getText(c.hold) ?? holdValue),
    lastActivity: null,
    pause: pause.byCustomer.get(id) ?? null,
  };
}

/** Date of the newest activity per customer. */
export function lastActivities(customerIds: readonly string[], dateFormat: string): Map<string, CalendarDate> {
  const out = new Map<string, CalendarDate>();
  if (customerIds.length === 0) return out;
  const A = ACTIVITY_RECORD;
  const cust = search.createColumn({ name: A.customer, summary: G });
  const last = search.createColumn({ name: A.date, summary: search.Summary.MAX });
  const rows = search
    .create({ type: A.type, filters: [[A.customer, 'anyof', [...customerIds]], 'and', ['isinactive', 'is', 'F']], columns: [cust, last] })
    .run()
    .getRange({ start: 0, end: 1000 });
  for (const r of rows) {
    const d = dateOf(r.getValue(last), dateFormat);
    if (d) out.set(String(r.getValue(cust)), d);
  }
  return out;
}

/** Last activity dates from pauseState; searched for the rows' customers only when it did not read them all. */
function fillLastActivity(rows: QueueRow[], pause: PauseState, dateFormat: string): void {
  const missing = pause.complete ? [] : rows.filter((r) => !pause.lastActivity.has(r.customerId)).map((r) => r.customerId);
  const more = lastActivities(missing, dateFormat);
  for (const r of rows) r.lastActivity = pause.lastActivity.get(r.customerId) ?? more.get(r.customerId) ?? null;
}

/** One page (1-based) of the queue. */
export function queuePage(filter: QueueFilter, weights: ScoreWeights, pageNumber: number, dateFormat: string): QueuePage {
  // The total is exact only without per-customer thresholds (those are HAVING filters of the queue search).
  const withTotal = filter.minOverdue === null && filter.oldestBucket === null;
  const pause = pauseState(filter, dateFormat, withTotal);
  const { search: s, columns } = queueSearch(filter, pause, weights);
  const paged = s.runPaged({ pageSize: PAGE_SIZE });
  const pages = Math.max(1, paged.pageRanges.length);
  const page = Math.min(Math.max(1, pageNumber), pages);
  const rows: QueueRow[] = paged.count > 0 ? paged.fetch({ index: page - 1 }).data.map((r) => rowOf(r, columns, pause)) : [];
  fillLastActivity(rows, pause, dateFormat);
  const totalOverdue = withTotal ? (filter.includePaused ? pause.totalAll : pause.totalVisible) : null;
  return { rows, page, pages, customers: paged.count, totalOverdue, pause, notices: [...pause.notices] };
}

/** Every row of the view (for CSV export), 1,000 per fetch, while `budget()` says there is usage left. */
export function queueAll(filter: QueueFilter, weights: ScoreWeights, dateFormat: string, budget: () => boolean): { rows: QueueRow[]; complete: boolean; notices: string[] } {
  const pause = pauseState(filter, dateFormat);
  const { search: s, columns } = queueSearch(filter, pause, weights);
  const paged = s.runPaged({ pageSize: 1000 });
  const rows: QueueRow[] = [];
  let complete = true;
  for (const range of paged.pageRanges) {
    if (!budget()) {
      complete = false;
      break;
    }
    const chunk = paged.fetch({ index: range.index }).data.map((r) => rowOf(r, columns, pause));
    fillLastActivity(chunk, pause, dateFormat);
    rows.push(...chunk);
  }
  return { rows, complete, notices: [...pause.notices] };
}
