/**
 * Worklist queue: the scored, sorted list of past-due customers, computed by NetSuite in summary searches
 * (never by loading customers).
 *
 * 1. pauseState: the current activities (snoozes and promises) of the customers in scope (one search),
 *    and for promises the overdue balance now (one summary search) → hidden (snoozed, pending promise)
 *    and broken-promise customers.
 * 2. The queue: a summary search over open, past-due, undisputed invoices grouped by customer: overdue,
 *    the five buckets, oldest days, score (scoreFormula) — sorted broken promise first, then by score,
 *    paged 50 at a time with runPaged. Hidden customers are excluded with an `entity noneof` filter.
 * 3. The total overdue of the view (one summary search), the last activity of the page's customers.
 */
import * as search from 'N/search';
import { CREDIT_HOLD, CUSTOM_FIELDS, STATUS } from '../core/fields';
import { ACTIVITY_RECORD } from '../core/ids/worklist';
import { type CalendarDate, parseDate } from '../core/dates';
import { type Minor, ZERO, parseMoney } from '../core/money';
import { PAST_DUE_BUCKET_KEYS, type PastDueBucketKey, type PromiseState, type ScoreWeights, applyBrokenPromiseFactor, promiseState, scoreFormula } from '../core/scoring';
import { AGE_FORMULA, type CollectorScope, PAGE_SIZE, bucketAmountFormula, bucketMinAge, idList } from '../core/worklist';

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

/** Overdue balance now (customer currency: open invoices past due, disputed ones included) per customer. */
export function overdueByCustomer(customerIds: readonly string[]): Map<string, Minor> {
  const out = new Map<string, Minor>();
  if (customerIds.length === 0) return out;
  const s = search.create({
    type: search.Type.INVOICE,
    filters: [
      ['mainline', 'is', 'T'],
      'and',
      ['status', 'anyof', STATUS.invoiceOpen],
      'and',
      [`formulanumeric: ${AGE_FORMULA}`, 'greaterthan', '0'],
      'and',
      ['entity', 'anyof', [...customerIds]],
    ],
    columns: [search.createColumn({ name: 'entity', summary: search.Summary.GROUP }), search.createColumn({ name: 'fxamountremaining', summary: search.Summary.SUM })],
  });
  for (const r of s.run().getRange({ start: 0, end: 1000 })) {
    out.set(String(r.getValue({ name: 'entity', summary: search.Summary.GROUP })), money(r.getValue({ name: 'fxamountremaining', summary: search.Summary.SUM })));
  }
  return out;
}

/**
 * Current snoozes and promises of the customers in scope. At most 1,000 current activities are read
 * (a scope with more active snoozes/promises shows the rest as active).
 */
export function pauseState(filter: Pick<QueueFilter, 'scope' | 'subsidiary'>, dateFormat: string): PauseState {
  const A = ACTIVITY_RECORD;
  const snoozeCol = search.createColumn({ name: 'formulanumeric', formula: `CASE WHEN {${A.nextAction}} > {today} THEN 1 ELSE 0 END` });
  const todayCol = search.createColumn({ name: 'formuladate', formula: '{today}' });
  const filters = and([
    [A.current, 'is', 'T'],
    ['isinactive', 'is', 'F'],
    scopeFilter(filter.scope, A.customer),
    filter.subsidiary ? [`${A.customer}.subsidiary`, 'anyof', filter.subsidiary] : null,
  ]);
  const rows = search
    .create({
      type: A.type,
      filters,
      columns: [A.customer, A.kind, A.nextAction, A.promiseAmount, A.promiseDate, A.promiseBaseline, snoozeCol, todayCol],
    })
    .run()
    .getRange({ start: 0, end: 1000 });
  let today: CalendarDate | null = null;
  const byCustomer = new Map<string, CustomerPause>();
  const promises: { id: string; amount: Minor; date: CalendarDate; baseline: Minor }[] = [];
  const get = (id: string): CustomerPause => {
    let p = byCustomer.get(id);
    if (!p) {
      p = { nextAction: null, snoozed: false, promiseAmount: null, promiseDate: null, promise: 'none' };
      byCustomer.set(id, p);
    }
    return p;
  };
  for (const r of rows) {
    today = today ?? dateOf(r.getValue(todayCol), dateFormat);
    const id = String(r.getValue({ name: A.customer }));
    const p = get(id);
    if (String(r.getValue({ name: A.kind })) === 'promise') {
      const amount = money(r.getValue({ name: A.promiseAmount }));
      const date = dateOf(r.getValue({ name: A.promiseDate }), dateFormat);
      if (amount > 0 && date) {
        p.promiseAmount = amount;
        p.promiseDate = date;
        promises.push({ id, amount, date, baseline: money(r.getValue({ name: A.promiseBaseline })) });
      }
    } else {
      p.nextAction = dateOf(r.getValue({ name: A.nextAction }), dateFormat);
      p.snoozed = Number(r.getValue(snoozeCol)) === 1;
    }
  }
  if (promises.length > 0 && today) {
    const now = overdueByCustomer(promises.map((x) => x.id));
    for (const x of promises) {
      get(x.id).promise = promiseState({ promiseAmount: x.amount, promiseDate: x.date, overdueAtPromise: x.baseline, overdueNow: now.get(x.id) ?? ZERO, asOf: today });
    }
  }
  const hidden: string[] = [];
  const broken: string[] = [];
  for (const [id, p] of byCustomer) {
    if (p.snoozed || p.promise === 'pending') hidden.push(id);
    else if (p.promise === 'broken') broken.push(id);
  }
  return { byCustomer, hidden, broken, today };
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
    formula: `CASE WHEN {entity.id} IN (${idList(broken)}) THEN 1 ELSE 0 END`,
    summary: search.Summary.MAX,
    sort: search.Sort.DESC,
  });
  const score = search.createColumn({ name: 'formulanumeric', formula: scoreFormula(weights), summary: search.Summary.SUM, sort: search.Sort.DESC });
  return {
    all: [brokenCol, score, entity, collector, hold, overdue, ...PAST_DUE_BUCKET_KEYS.map((k) => buckets[k]), oldest],
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
    ['mainline', 'is', 'T'],
    ['status', 'anyof', STATUS.invoiceOpen],
    [CUSTOM_FIELDS.disputed, 'is', 'F'],
    [`formulanumeric: ${AGE_FORMULA}`, 'greaterthan', '0'],
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

/** Total overdue (base currency) of the view: exact when the view has no per-customer thresholds. */
function totalOverdue(filter: QueueFilter, pause: PauseState): Minor | null {
  if (filter.minOverdue !== null || filter.oldestBucket !== null) return null;
  const col = search.createColumn({ name: 'amountremaining', summary: search.Summary.SUM });
  const rows = search.create({ type: search.Type.INVOICE, filters: baseFilters(filter, pause), columns: [col] }).run().getRange({ start: 0, end: 1 });
  return rows.length > 0 ? money(rows[0].getValue(col)) : ZERO;
}

/** One page (1-based) of the queue. */
export function queuePage(filter: QueueFilter, weights: ScoreWeights, pageNumber: number, dateFormat: string): QueuePage {
  const pause = pauseState(filter, dateFormat);
  const { search: s, columns } = queueSearch(filter, pause, weights);
  const paged = s.runPaged({ pageSize: PAGE_SIZE });
  const pages = Math.max(1, paged.pageRanges.length);
  const page = Math.min(Math.max(1, pageNumber), pages);
  const rows: QueueRow[] = paged.count > 0 ? paged.fetch({ index: page - 1 }).data.map((r) => rowOf(r, columns, pause)) : [];
  const last = lastActivities(
    rows.map((r) => r.customerId),
    dateFormat,
  );
  for (const r of rows) r.lastActivity = last.get(r.customerId) ?? null;
  return { rows, page, pages, customers: paged.count, totalOverdue: totalOverdue(filter, pause), pause };
}

/** Every row of the view (for CSV export), 1,000 per fetch, while `budget()` says there is usage left. */
export function queueAll(filter: QueueFilter, weights: ScoreWeights, dateFormat: string, budget: () => boolean): { rows: QueueRow[]; complete: boolean } {
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
    const last = lastActivities(
      chunk.map((r) => r.customerId),
      dateFormat,
    );
    for (const r of chunk) r.lastActivity = last.get(r.customerId) ?? null;
    rows.push(...chunk);
  }
  return { rows, complete };
}
