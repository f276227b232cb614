/**
 * NetSuite access of the deposit auto-apply (customscript_ara_mr_autoapply): searches of eligible
 * deposits and open invoices (paged, 1,000 rows per page: runPaged 5 + fetch 5 units per page), the
 * deposit application (transform 10 + save 20 units), the run log (custom record: create 2 + save 4,
 * submitFields 2), the CSV report (file save 20), the notification (email 20) and the continuation task
 * (task submit 20).
 */
import * as email from 'N/email';
import * as error from 'N/error';
import * as file from 'N/file';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as task from 'N/task';
import { CUSTOM_FIELDS, RECORD, STATUS, SUBLIST, APPLY_LINE, TXN } from '../core/fields';
import { type CalendarDate, DEFAULT_DATE_FORMAT, parseDate } from '../core/dates';
import { type Minor, parseMoney, toMajor } from '../core/money';
import type { Deposit, OpenInvoice } from '../core/matching';
import type { CustomerCount, FreshFacts, PlannedLine, PostOutcome, TransformView } from '../core/autoapply';
import { AUTOAPPLY_PARAMS, AUTOAPPLY_SCRIPT, type AutoApplyMode, RUN_RECORD, type RunStatus } from '../core/ids/autoapply';

/** Rows per search page (the most runPaged allows). */
const PAGE_SIZE = 1000;
/**
 * Sales order statuses after which a deposit's remainder may go to other invoices (Cancelled, Billed,
 * Closed), as search filter codes. Decided by a filter, never by comparing Result.getValue: getValue of
 * `status` is NetSuite's status id ('fullyBilled', 'closed'), not the code filters take.
 */
const ORDER_DONE_CODES = ['SalesOrd:C', 'SalesOrd:G', 'SalesOrd:H'];
/** A post run whose log says RUNNING and that started less than this long ago is taken as still running. */
export const LIVE_RUN_MS = 6 * 3600 * 1000;

export interface AutoApplyParams {
  mode: AutoApplyMode;
  oldestFirst: boolean;
  subsidiary: string | null;
  recipient: string | null;
  folder: string | null;
  pass: number;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The script's parameters; an unknown mode is an error (ARA_AUTOAPPLY_MODE) rather than a guess. */
export function readParams(): AutoApplyParams {
  const script = runtime.getCurrentScript();
  const get = (name: string) => script.getParameter({ name });
  const rawMode = text(get(AUTOAPPLY_PARAMS.mode)).trim().toLowerCase() || 'post';
  if (rawMode !== 'post' && rawMode !== 'preview') {
    throw error.create({ name: 'ARA_AUTOAPPLY_MODE', message: `Mode must be post or preview, not "${rawMode}"`, notifyOff: false });
  }
  const pass = Number(get(AUTOAPPLY_PARAMS.pass) ?? 0);
  return {
    mode: rawMode,
    oldestFirst: get(AUTOAPPLY_PARAMS.oldestFirst) !== false,
    subsidiary: text(get(AUTOAPPLY_PARAMS.subsidiary)) || null,
    recipient: text(get(AUTOAPPLY_PARAMS.recipient)) || null,
    folder: text(get(AUTOAPPLY_PARAMS.folder)) || null,
    pass: Number.isFinite(pass) ? pass : 0,
  };
}

export function remainingUsage(): number {
  return runtime.getCurrentScript().getRemainingUsage();
}

/** The unique tie-breaker every paged search ends its sort with, so pages neither skip nor repeat rows. */
function byInternalId(): search.Column {
  return search.createColumn({ name: 'internalid', sort: search.Sort.ASC });
}

/** Runs a search page by page (runPaged 5 + fetch 5 units per 1,000 rows). Its sort must be unique. */
function eachResult(s: search.Search, f: (r: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: PAGE_SIZE });
  for (const range of paged.pageRanges) {
    for (const r of paged.fetch({ index: range.index }).data) f(r);
  }
}

let dateFormat: string | null = null;

/** A search date (text in the user's date format preference) as a calendar date. */
function searchDate(v: string): CalendarDate | null {
  if (!v) return null;
  dateFormat ??= String(runtime.getCurrentUser().getPreference({ name: 'DATEFORMAT' }) || DEFAULT_DATE_FORMAT);
  try {
    return parseDate(v, dateFormat);
  } catch {
    throw error.create({ name: 'ARA_AUTOAPPLY_DATE', message: `Cannot read the date "${v}" in the user's date format ${dateFormat}`, notifyOff: false });
  }
}

function money(v: string): Minor {
  return parseMoney(v === '' ? '0' : v, 2);
}

/** Filters of deposits that may be applied: not fully applied, not unapproved, customer not opted out. */
function eligibleDepositFilters(subsidiary: string | null): unknown[] {
  const f: unknown[] = [
    ['mainline', 'is', 'T'],
    'and',
    ['status', 'anyof', [STATUS.depositNotDeposited, STATUS.depositDeposited]],
    'and',
    [`customer.${CUSTOM_FIELDS.autoApplyOff}`, 'is', 'F'],
  ];
  if (subsidiary) f.push('and', [TXN.subsidiary, 'anyof', [subsidiary]]);
  return f;
}

/** Eligible deposits per customer (a summary search: one row per customer). */
export function depositCountsByCustomer(subsidiary: string | null): CustomerCount[] {
  const s = search.create({
    type: search.Type.CUSTOMER_DEPOSIT,
    filters: eligibleDepositFilters(subsidiary) as search.Filter[],
    columns: [
      search.createColumn({ name: TXN.entity, summary: search.Summary.GROUP }),
      search.createColumn({ name: 'internalid', summary: search.Summary.COUNT }),
      // One row per customer: the customer's internal id is a unique sort for the pages.
      search.createColumn({ name: 'internalid', join: 'customer', summary: search.Summary.GROUP, sort: search.Sort.ASC }),
    ],
  });
  const out: CustomerCount[] = [];
  eachResult(s, (r) => {
    const customerId = text(r.getValue({ name: TXN.entity, summary: search.Summary.GROUP }));
    const deposits = Number(r.getValue({ name: 'internalid', summary: search.Summary.COUNT }));
    if (customerId) out.push({ customerId, deposits });
  });
  return out;
}

/**
 * Of these sales orders, the ones cancelled, billed or closed (10 units per 1,000 orders; none when the
 * list is empty). A status filter decides, so the answer does not depend on how getValue spells a status.
 */
export function doneSalesOrders(orderIds: readonly string[]): Set<string> {
  const done = new Set<string>();
  if (orderIds.length === 0) return done;
  const s = search.create({
    type: search.Type.SALES_ORDER,
    filters: [['mainline', 'is', 'T'], 'and', ['internalid', 'anyof', [...orderIds]], 'and', [TXN.status, 'anyof', ORDER_DONE_CODES]] as unknown as search.Filter[],
    columns: [byInternalId()],
  });
  eachResult(s, (r) => done.add(String(r.id)));
  return done;
}

/** Eligible deposits of these customers, fresh (and, for those taken for a sales order, whether it is still open). */
export function searchDeposits(customerIds: readonly string[], subsidiary: string | null): Deposit[] {
  if (customerIds.length === 0) return [];
  const s = search.create({
    type: search.Type.CUSTOMER_DEPOSIT,
    filters: [...eligibleDepositFilters(subsidiary), 'and', [TXN.entity, 'anyof', [...customerIds]]] as unknown as search.Filter[],
    columns: [TXN.entity, TXN.currency, TXN.subsidiary, TXN.trandate, 'fxamountremaining', TXN.salesorder, TXN.memo, byInternalId()],
  });
  const out: Deposit[] = [];
  eachResult(s, (r) => {
    const so = text(r.getValue({ name: TXN.salesorder }));
    out.push({
      id: String(r.id),
      customerId: text(r.getValue({ name: TXN.entity })),
      currency: r.getText({ name: TXN.currency }) || text(r.getValue({ name: TXN.currency })),
      subsidiary: text(r.getValue({ name: TXN.subsidiary })),
      date: searchDate(text(r.getValue({ name: TXN.trandate }))) as CalendarDate,
      amountUnapplied: money(text(r.getValue({ name: 'fxamountremaining' }))),
      salesOrderId: so || null,
      salesOrderOpen: so !== '',
      memo: text(r.getValue({ name: TXN.memo })),
    });
  });
  const done = doneSalesOrders([...new Set(out.flatMap((d) => (d.salesOrderId ? [d.salesOrderId] : [])))]);
  for (const d of out) if (d.salesOrderId && done.has(d.salesOrderId)) d.salesOrderOpen = false;
  return out;
}

/** Open invoices of these customers, fresh (disputed ones included, flagged: the engine skips them). */
export function searchOpenInvoices(customerIds: readonly string[]): OpenInvoice[] {
  if (customerIds.length === 0) return [];
  const s = search.create({
    type: search.Type.INVOICE,
    filters: [
      ['mainline', 'is', 'T'],
      'and',
      ['status', 'anyof', [STATUS.invoiceOpen]],
      'and',
      [TXN.entity, 'anyof', [...customerIds]],
    ] as unknown as search.Filter[],
    columns: [
      TXN.entity,
      TXN.currency,
      TXN.subsidiary,
      TXN.trandate,
      TXN.duedate,
      'fxamountremaining',
      TXN.tranid,
      TXN.otherrefnum,
      TXN.createdfrom,
      CUSTOM_FIELDS.disputed,
      byInternalId(),
    ],
  });
  const out: OpenInvoice[] = [];
  eachResult(s, (r) => {
    const disputed = r.getValue({ name: CUSTOM_FIELDS.disputed });
    out.push({
      id: String(r.id),
      customerId: text(r.getValue({ name: TXN.entity })),
      currency: r.getText({ name: TXN.currency }) || text(r.getValue({ name: TXN.currency })),
      subsidiary: text(r.getValue({ name: TXN.subsidiary })),
      tranDate: searchDate(text(r.getValue({ name: TXN.trandate }))) as CalendarDate,
      dueDate: searchDate(text(r.getValue({ name: TXN.duedate }))),
      amountRemaining: money(text(r.getValue({ name: 'fxamountremaining' }))),
      tranId: text(r.getValue({ name: TXN.tranid })),
      otherRefNum: text(r.getValue({ name: TXN.otherrefnum })) || null,
      createdFrom: text(r.getValue({ name: TXN.createdfrom })) || null,
      disputed: disputed === true || disputed === 'T',
    });
  });
  return out;
}

/**
 * Fresh facts for the next deposits to post (one search, 10 units per 1,000 rows): the unapplied amount
 * of each of these deposits (0 when no longer found) and which open invoices of these customers are
 * disputed now.
 */
export function recheckFacts(depositIds: readonly string[], customerIds: readonly string[]): FreshFacts {
  const unapplied = new Map<string, Minor>();
  const disputed = new Set<string>();
  for (const id of depositIds) unapplied.set(id, 0 as Minor);
  if (depositIds.length === 0 && customerIds.length === 0) return { unapplied, disputed, customers: new Set(customerIds) };
  const parts: unknown[] = [];
  if (depositIds.length > 0) parts.push([['type', 'anyof', 'CustDep'], 'and', ['internalid', 'anyof', [...depositIds]]]);
  if (customerIds.length > 0) {
    if (parts.length > 0) parts.push('or');
    parts.push([['type', 'anyof', 'CustInvc'], 'and', ['status', 'anyof', [STATUS.invoiceOpen]], 'and', [TXN.entity, 'anyof', [...customerIds]], 'and', [CUSTOM_FIELDS.disputed, 'is', 'T']]);
  }
  const s = search.create({
    type: search.Type.TRANSACTION,
    filters: [['mainline', 'is', 'T'], 'and', parts] as unknown as search.Filter[],
    columns: ['type', 'fxamountremaining', byInternalId()],
  });
  eachResult(s, (r) => {
    const id = String(r.id);
    if (text(r.getValue({ name: 'type' })) === 'CustDep') unapplied.set(id, money(text(r.getValue({ name: 'fxamountremaining' }))));
    else disputed.add(id);
  });
  return { unapplied, disputed, customers: new Set(customerIds) };
}

/** NetSuite's error code of a thrown error (SuiteScriptError.name), else the JavaScript error name. */
export function errorCode(e: unknown): { code: string; message: string } {
  const o = (e ?? {}) as { name?: unknown; message?: unknown };
  return { code: text(o.name) || 'UNEXPECTED_ERROR', message: text(o.message) || text(e) };
}

/** The deposit's unapplied amount as the transformed record shows it; null when the record does not expose it. */
function recordUnapplied(app: record.Record): Minor | null {
  let v: unknown;
  try {
    v = app.getValue({ fieldId: 'unapplied' });
  } catch {
    return null;
  }
  if (v === '' || v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? parseMoney(n, 2) : null;
}

/**
 * One deposit application: transform the deposit (10 units), read each line's amount due (and the
 * deposit's unapplied amount when the record shows it), let `decide` choose the lines, tick each at most
 * at its due and all together at most at the deposit's unapplied amount, save (20 units). Never throws.
 */
export function postDepositApplication(
  deposit: Deposit,
  decide: (view: TransformView) => { lines: PlannedLine[]; memo: string },
): PostOutcome {
  try {
    const app = record.transform({ fromType: RECORD.customerDeposit, fromId: Number(deposit.id), toType: RECORD.depositApplication });
    const n = app.getLineCount({ sublistId: SUBLIST.apply });
    const dues = new Map<string, Minor>();
    const lineOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const doc = text(app.getSublistValue({ sublistId: SUBLIST.apply, fieldId: APPLY_LINE.doc, line: i }));
      dues.set(doc, parseMoney(Number(app.getSublistValue({ sublistId: SUBLIST.apply, fieldId: APPLY_LINE.due, line: i }) || 0), 2));
      lineOf.set(doc, i);
    }
    const depositUnapplied = recordUnapplied(app);
    const { lines, memo } = decide({ dues, depositUnapplied });
    const applied: { invoiceId: string; amount: Minor }[] = [];
    let left = depositUnapplied ?? Number.MAX_SAFE_INTEGER;
    for (const l of lines) {
      const i = lineOf.get(l.invoiceId);
      const due = dues.get(l.invoiceId);
      if (i === undefined || due === undefined) continue;
      const amount = Math.min(l.amount, due, left) as Minor;
      if (amount <= 0) continue;
      left -= amount;
      app.setSublistValue({ sublistId: SUBLIST.apply, fieldId: APPLY_LINE.amount, line: i, value: toMajor(amount) });
      applied.push({ invoiceId: l.invoiceId, amount });
    }
    if (applied.length === 0) return { kind: 'nothing' };
    app.setValue({ fieldId: TXN.memo, value: memo });
    const id = app.save({ enableSourcing: false, ignoreMandatoryFields: true });
    return { kind: 'posted', applicationId: String(id), lines: applied };
  } catch (e) {
    return { kind: 'failed', ...errorCode(e) };
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Run log, report, notification, continuation                                                     */

export function settingsText(p: AutoApplyParams): string {
  return `oldest first ${p.oldestFirst ? 'yes' : 'no'}; subsidiary ${p.subsidiary ?? 'all'}; pass ${p.pass}`;
}

/** Creates the run log (status RUNNING) when the run starts: 6 units. Its id names the run. */
export function createRunLog(p: AutoApplyParams, start: Date): string {
  const r = record.create({ type: RUN_RECORD.type });
  r.setValue({ fieldId: RUN_RECORD.name, value: `Auto-apply ${p.mode} ${start.toISOString().slice(0, 16).replace('T', ' ')} UTC` });
  r.setValue({ fieldId: RUN_RECORD.mode, value: p.mode });
  r.setValue({ fieldId: RUN_RECORD.status, value: 'RUNNING' satisfies RunStatus });
  r.setValue({ fieldId: RUN_RECORD.start, value: start });
  r.setValue({ fieldId: RUN_RECORD.settings, value: settingsText(p) });
  return String(r.save({ enableSourcing: false, ignoreMandatoryFields: true }));
}

export interface RunLogValues {
  status: RunStatus;
  end: Date;
  deposits: number;
  applied: number;
  lines: number;
  failed: number;
  deferred: number;
  amounts: string;
  rules: string;
  usage: number;
  maxUsage: number;
  errors: string;
  reportFileId: string | null;
  continuation: string | null;
}

function runLogFields(v: RunLogValues): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {
    [RUN_RECORD.status]: v.status,
    [RUN_RECORD.end]: v.end,
    [RUN_RECORD.deposits]: v.deposits,
    [RUN_RECORD.applied]: v.applied,
    [RUN_RECORD.lines]: v.lines,
    [RUN_RECORD.failed]: v.failed,
    [RUN_RECORD.deferred]: v.deferred,
    [RUN_RECORD.amounts]: v.amounts.slice(0, 3900),
    [RUN_RECORD.rules]: v.rules.slice(0, 3900),
    [RUN_RECORD.usage]: v.usage,
    [RUN_RECORD.maxUsage]: v.maxUsage,
    [RUN_RECORD.errors]: v.errors,
  };
  if (v.reportFileId) values[RUN_RECORD.report] = v.reportFileId;
  if (v.continuation) values[RUN_RECORD.continuation] = v.continuation;
  return values;
}

/** A post run that is still running: its run log id and when it started. */
export interface LiveRun {
  id: string;
  start: string;
}

/** The start written into the run log's name by createRunLog ('Auto-apply post 2026-11-27 02:00 UTC'), ms since 1970. */
export function startOfRunName(name: string): number | null {
  const m = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC$/.exec(name);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : null;
}

/**
 * Another post run of this script that holds the run: one whose log (created before `runId`) still says
 * RUNNING and that started less than LIVE_RUN_MS before `now` (10 units). A crashed run stays RUNNING
 * in its log, so it holds the run for at most LIVE_RUN_MS; an admin can release it sooner by setting that
 * log's Status to FAILED. The lowest run id wins when two runs start together (each checks after creating
 * its own log).
 */
export function liveRunBefore(runId: string, now: Date): LiveRun | null {
  const s = search.create({
    type: RUN_RECORD.type,
    filters: [
      [RUN_RECORD.status, 'is', 'RUNNING' satisfies RunStatus],
      'and',
      [RUN_RECORD.mode, 'is', 'post' satisfies AutoApplyMode],
      'and',
      ['internalidnumber', 'lessthan', Number(runId)],
    ] as unknown as search.Filter[],
    columns: [RUN_RECORD.name, search.createColumn({ name: 'internalid', sort: search.Sort.DESC })],
  });
  for (const r of s.run().getRange({ start: 0, end: 20 })) {
    const started = startOfRunName(text(r.getValue({ name: RUN_RECORD.name })));
    // A log whose name no longer tells its start (renamed by someone) never holds the run.
    if (started !== null && now.getTime() - started < LIVE_RUN_MS) {
      return { id: String(r.id), start: `${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC` };
    }
  }
  return null;
}

/** Completes the run log once, at the end of the run: 2 units. */
export function completeRunLog(id: string, v: RunLogValues): void {
  record.submitFields({ type: RUN_RECORD.type, id, values: runLogFields(v) as never, options: { enableSourcing: false, ignoreMandatoryFields: true } });
}

/** Records the continuation task on the run log (2 units). */
export function setRunContinuation(id: string, taskId: string): void {
  record.submitFields({ type: RUN_RECORD.type, id, values: { [RUN_RECORD.continuation]: taskId }, options: { enableSourcing: false, ignoreMandatoryFields: true } });
}

/** A run log for a run that failed before it could create one (getInputData failed): 6 units. */
export function createFailedRunLog(p: AutoApplyParams, start: Date, v: RunLogValues): string {
  const r = record.create({ type: RUN_RECORD.type });
  r.setValue({ fieldId: RUN_RECORD.name, value: `Auto-apply ${p.mode} ${start.toISOString().slice(0, 16).replace('T', ' ')} UTC` });
  r.setValue({ fieldId: RUN_RECORD.mode, value: p.mode });
  r.setValue({ fieldId: RUN_RECORD.start, value: start });
  r.setValue({ fieldId: RUN_RECORD.settings, value: settingsText(p) });
  for (const [k, value] of Object.entries(runLogFields(v))) r.setValue({ fieldId: k, value });
  return String(r.save({ enableSourcing: false, ignoreMandatoryFields: true }));
}

/** Saves the CSV report in the folder (20 units); returns its file id. */
export function saveReport(folder: string, name: string, csv: string): string {
  const f = file.create({ name, fileType: file.Type.CSV, contents: csv, folder: Number(folder) });
  return String(f.save());
}

/** Emails the summary to the recipient (20 units). */
export function notify(recipient: string, subject: string, body: string): void {
  email.send({ author: Number(recipient), recipients: [Number(recipient)], subject, body });
}

/**
 * Queues the next pass of this script (20 units) with the same parameters. No deployment is named:
 * NetSuite takes a free deployment of the script (this one is still running its summarize stage,
 * hence the second, on-demand deployment).
 */
export function queueContinuation(p: AutoApplyParams): string {
  const params: Record<string, string | number | boolean> = {
    [AUTOAPPLY_PARAMS.mode]: p.mode,
    [AUTOAPPLY_PARAMS.oldestFirst]: p.oldestFirst,
    [AUTOAPPLY_PARAMS.pass]: p.pass + 1,
  };
  if (p.subsidiary) params[AUTOAPPLY_PARAMS.subsidiary] = p.subsidiary;
  if (p.recipient) params[AUTOAPPLY_PARAMS.recipient] = p.recipient;
  if (p.folder) params[AUTOAPPLY_PARAMS.folder] = p.folder;
  const t = task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: AUTOAPPLY_SCRIPT.scriptId, params });
  return String(t.submit());
}
