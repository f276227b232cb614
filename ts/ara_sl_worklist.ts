/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 *
 * AR Autopilot collector worklist: the prioritized queue of past-due customers, a customer view and the
 * collector actions (log activity, promise to pay, dispute, manual hold, statement, assign collector).
 *
 * Safety: only the worklist roles of the settings (and Administrator) may open it; collectors see and act
 * on their own customers only, supervisors on all; every POST checks the anti-forgery token, the ids and
 * this user's right to them, amounts, dates and text lengths, and writes nothing when a check fails (the
 * form comes back with a banner naming the problem); writes end in a redirect (post/redirect/get) to a
 * page with a confirmation banner. Every value written into the page is escaped; titles and select option
 * texts built from data have `<`, `>` and control characters removed (titleText).
 */
import * as redirect from 'N/redirect';
import * as runtime from 'N/runtime';
import * as serverWidget from 'N/ui/serverWidget';
import * as message from 'N/ui/message';
import * as url from 'N/url';
import type { EntryPoints } from 'N/types';
import { overrideRolesOf, readWorklistSettings, type WorklistSettings } from './adapters/worklist-settings';
import { tokenFor, verifyToken } from './adapters/worklist-token';
import { type QueueFilter, type QueueRow, queueAll, queuePage } from './adapters/worklist-queue';
import {
  type CustomerHeader,
  activities,
  assignCollector,
  createActivity,
  customerBuckets,
  customerHeader,
  ACTIVITY_LIST_LIMIT,
  emailStatement,
  employeeExists,
  employees,
  invoiceOfCustomer,
  openInvoices,
  overdueNow,
  setDispute,
  setManualHold,
} from './adapters/worklist-customer';
import { LOGGABLE_TYPES, WL_PARAM as P, WORKLIST_SCRIPT } from './core/ids/worklist';
import { BUCKETS, type BucketKey } from './core/aging';
import { isOverrideRole } from './core/credit';
import { type CalendarDate, formatDate } from './core/dates';
import { type Minor, formatMoney } from './core/money';
import { PAST_DUE_BUCKET_KEYS } from './core/scoring';
import { escapeHtml, link } from './core/worklist-html';
import { titleText } from './core/html';
import {
  type Access,
  MAX_DAYS_AHEAD,
  MAX_NOTE,
  MAX_REASON,
  type MessageCode,
  buildCsv,
  checkAmount,
  checkChoice,
  checkDate,
  checkId,
  checkText,
  clampPage,
  messageFor,
  mayTouchCustomer,
  releaseRefusal,
  resolveScope,
  worklistAccess,
} from './core/worklist';

type Params = Record<string, string | undefined>;
type Ctx = EntryPoints.Suitelet.onRequestContext;

const ACTIONS = ['log', 'promise', 'dispute', 'hold', 'statement', 'assign'] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_TITLES: Record<Action, string> = {
  log: 'Log an activity',
  promise: 'Record a promise to pay',
  dispute: 'Dispute or undispute an invoice',
  hold: 'Manual credit hold',
  statement: 'Email a statement',
  assign: 'Assign the collector',
};

interface Env {
  userId: string;
  roleId: string;
  role: number | string;
  access: Access;
  settings: WorklistSettings;
  dateFormat: string;
}

/** May this user place or release manual holds on this customer: the override roles of the customer's subsidiary. */
function mayHold(env: Env, h: CustomerHeader): boolean {
  return isOverrideRole(env.roleId, env.role, overrideRolesOf(env.settings, h.subsidiary));
}

/** Option text of a select built from data: no `<`/`>` (whether NetSuite escapes option texts is not documented). */
const optionText = (s: string): string => titleText(s);

class CheckFailed extends Error {}

function fail(problem: string): never {
  throw new CheckFailed(problem);
}

function must<T>(c: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!c.ok) fail(c.error);
  return c.value;
}

const money = (m: Minor | null): string => (m === null ? '' : formatMoney(m));
const showDate = (d: CalendarDate | null, fmt: string): string => (d ? formatDate(d, fmt) : '');

function suiteletUrl(params: Record<string, string | number | undefined>): string {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') clean[k] = String(v);
  return url.resolveScript({ scriptId: WORKLIST_SCRIPT.scriptId, deploymentId: WORKLIST_SCRIPT.deploymentId, params: clean });
}

function banner(form: serverWidget.Form, type: message.Type, title: string, text: string): void {
  form.addPageInitMessage({ type, title: escapeHtml(title), message: escapeHtml(text) });
}

export function onRequest(context: Ctx): void {
  const user = runtime.getCurrentUser();
  const settings = readWorklistSettings();
  const access: Access = worklistAccess(user.roleId, user.role, settings.worklistRoles, settings.supervisorRoles);
  if (!access.allowed) {
    const form = serverWidget.createForm({ title: 'Collector Worklist' });
    banner(form, message.Type.ERROR, 'Access denied', 'Your role may not open the collector worklist. Ask your administrator to add it to the worklist roles in AR Autopilot Settings.');
    context.response.writePage(form);
    return;
  }
  const env: Env = {
    userId: String(user.id),
    roleId: user.roleId,
    role: user.role,
    access,
    settings,
    dateFormat: String(user.getPreference({ name: 'DATEFORMAT' }) || 'M/D/YYYY'),
  };
  const p = context.request.parameters as Params;
  if (context.request.method === 'POST') {
    handlePost(context, env, p);
    return;
  }
  if (p[P.format] === 'csv') {
    exportCsv(context, env, p);
    return;
  }
  if (p[P.customer]) {
    const action = ACTIONS.find((a) => a === p[P.action]);
    if (action) actionPage(context, env, p, action, null);
    else customerPage(context, env, p, null);
    return;
  }
  queuePageView(context, env, p);
}

// ---------------------------------------------------------------------------------------------------
// Queue

function filterFrom(env: Env, p: Params): { filter: QueueFilter; problems: string[] } {
  const problems: string[] = [];
  const requested = p[P.collector] ?? '';
  const scope = resolveScope(env.userId, env.access.supervisor, requested);
  let minOverdue: Minor | null = null;
  if (p[P.minOverdue]) {
    const c = checkAmount(p[P.minOverdue], 'Minimum overdue');
    if (c.ok) minOverdue = c.value;
    else problems.push(c.error);
  }
  const bucket = PAST_DUE_BUCKET_KEYS.find((k) => k === p[P.oldestBucket]) ?? null;
  const sub = p[P.subsidiary] && checkId(p[P.subsidiary], 'Subsidiary').ok ? String(p[P.subsidiary]) : null;
  return { filter: { scope, subsidiary: sub, minOverdue, oldestBucket: bucket, includePaused: p[P.includePaused] === 'T' }, problems };
}

function filterParams(p: Params): Record<string, string | undefined> {
  return {
    [P.collector]: p[P.collector],
    [P.subsidiary]: p[P.subsidiary],
    [P.minOverdue]: p[P.minOverdue],
    [P.oldestBucket]: p[P.oldestBucket],
    [P.includePaused]: p[P.includePaused] === 'T' ? 'T' : undefined,
  };
}

function pauseText(r: QueueRow, fmt: string): { next: string; promise: string } {
  const pz = r.pause;
  if (!pz) return { next: '', promise: '' };
  const promise =
    pz.promiseAmount !== null && pz.promise !== 'none'
      ? `${money(pz.promiseAmount)} by ${showDate(pz.promiseDate, fmt)} (${pz.promise === 'broken' ? 'BROKEN' : pz.promise})`
      : '';
  return { next: showDate(pz.nextAction, fmt), promise };
}

function queuePageView(context: Ctx, env: Env, p: Params): void {
  const { filter, problems } = filterFrom(env, p);
  const form = serverWidget.createForm({ title: 'Collector Worklist' });
  const msg = messageFor(p[P.msg]);
  if (msg) banner(form, message.Type.CONFIRMATION, 'Done', msg);
  for (const pr of problems) banner(form, message.Type.WARNING, 'Filter ignored', pr);
  for (const pr of env.access.supervisor || runtime.getCurrentUser().roleId === 'administrator' ? env.settings.problems : []) banner(form, message.Type.WARNING, 'Settings', pr);

  const q = queuePage(filter, env.settings.weights, clampPage(p[P.page], 1000), env.dateFormat);
  for (const n of q.notices) banner(form, message.Type.WARNING, 'Not everything is shown', n);

  form.addFieldGroup({ id: 'ara_filters', label: 'Filters' });
  form.addField({ id: P.action, type: serverWidget.FieldType.TEXT, label: 'Action' }).updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN }).defaultValue = 'filter';
  if (env.access.supervisor) {
    const who = form.addField({ id: P.collector, type: serverWidget.FieldType.SELECT, label: 'Collector', container: 'ara_filters' });
    who.addSelectOption({ value: 'me', text: 'My queue' });
    who.addSelectOption({ value: 'unassigned', text: 'Unassigned' });
    who.addSelectOption({ value: 'all', text: 'All collectors' });
    const cur = p[P.collector] ?? 'me';
    if (['me', 'unassigned', 'all'].includes(cur)) who.defaultValue = cur;
    const emp = form.addField({ id: 'ara_collector_id', type: serverWidget.FieldType.SELECT, label: 'or employee', source: 'employee', container: 'ara_filters' });
    if (filter.scope.kind === 'employee' && filter.scope.id !== env.userId) emp.defaultValue = filter.scope.id;
  }
  const sub = form.addField({ id: P.subsidiary, type: serverWidget.FieldType.SELECT, label: 'Subsidiary', source: 'subsidiary', container: 'ara_filters' });
  if (filter.subsidiary) sub.defaultValue = filter.subsidiary;
  const min = form.addField({ id: P.minOverdue, type: serverWidget.FieldType.TEXT, label: 'Minimum overdue', container: 'ara_filters' });
  if (filter.minOverdue !== null) min.defaultValue = (filter.minOverdue / 100).toFixed(2);
  const oldest = form.addField({ id: P.oldestBucket, type: serverWidget.FieldType.SELECT, label: 'Oldest bucket at least', container: 'ara_filters' });
  oldest.addSelectOption({ value: '', text: 'Any' });
  for (const b of BUCKETS.filter((x) => x.key !== 'current')) oldest.addSelectOption({ value: b.key, text: b.label });
  if (filter.oldestBucket) oldest.defaultValue = filter.oldestBucket;
  const inc = form.addField({ id: P.includePaused, type: serverWidget.FieldType.CHECKBOX, label: 'Include snoozed and promised', container: 'ara_filters' });
  inc.defaultValue = filter.includePaused ? 'T' : 'F';
  form.addSubmitButton({ label: 'Apply filters' });

  const base = filterParams(p);
  const pageLinks: string[] = [];
  if (q.page > 1) pageLinks.push(link(suiteletUrl({ ...base, [P.page]: q.page - 1 }), '« Previous'));
  for (let i = Math.max(1, q.page - 5); i <= Math.min(q.pages, q.page + 5); i++) {
    pageLinks.push(i === q.page ? `<b>${i}</b>` : link(suiteletUrl({ ...base, [P.page]: i }), String(i)));
  }
  if (q.page < q.pages) pageLinks.push(link(suiteletUrl({ ...base, [P.page]: q.page + 1 }), 'Next »'));
  const total = q.totalOverdue === null ? 'see the export (per-customer thresholds)' : money(q.totalOverdue);
  form.addField({ id: 'ara_summary', type: serverWidget.FieldType.INLINEHTML, label: 'Summary' }).defaultValue =
    `<p data-wl="summary">${escapeHtml(`${q.customers} customers past due · total overdue ${total} · page ${q.page} of ${q.pages}`)}</p>` +
    `<p data-wl="pages">${pageLinks.join(' ')}</p>` +
    `<p>${link(suiteletUrl({ ...base, [P.format]: 'csv' }), 'Export this view (CSV)')}</p>`;

  const list = form.addSublist({ id: 'ara_queue', type: serverWidget.SublistType.STATICLIST, label: 'Queue' });
  const cols: [string, string][] = [
    ['customer', 'Customer'],
    ['work', 'Work'],
    ['collector', 'Collector'],
    ['overdue', 'Overdue'],
    ...PAST_DUE_BUCKET_KEYS.map((k): [string, string] => [k, BUCKETS.find((b) => b.key === k)!.label]),
    ['oldest', 'Oldest days'],
    ['score', 'Score'],
    ['last', 'Last activity'],
    ['next', 'Next action'],
    ['promise', 'Promise'],
    ['hold', 'Hold'],
  ];
  for (const [id, label] of cols) list.addField({ id, type: serverWidget.FieldType.TEXT, label });
  q.rows.forEach((r, line) => {
    const pz = pauseText(r, env.dateFormat);
    const values: Record<string, string> = {
      customer: link(url.resolveRecord({ recordType: 'customer', recordId: r.customerId }), r.customerName),
      work: link(suiteletUrl({ [P.customer]: r.customerId }), 'Open'),
      collector: escapeHtml(r.collectorName),
      overdue: escapeHtml(money(r.overdue)),
      oldest: escapeHtml(String(r.oldestDays)),
      score: escapeHtml(`${formatMoney(r.score as Minor)}${r.brokenPromise ? ' (×1.5 broken promise)' : ''}`),
      last: escapeHtml(showDate(r.lastActivity, env.dateFormat)),
      next: escapeHtml(pz.next),
      promise: escapeHtml(pz.promise),
      hold: escapeHtml(r.hold),
    };
    for (const k of PAST_DUE_BUCKET_KEYS) values[k] = escapeHtml(money(r.buckets[k]));
    for (const [id, v] of Object.entries(values)) if (v !== '') list.setSublistValue({ id, line, value: v });
  });
  context.response.writePage(form);
}

function exportCsv(context: Ctx, env: Env, p: Params): void {
  const { filter } = filterFrom(env, p);
  const script = runtime.getCurrentScript();
  const { rows, complete, notices } = queueAll(filter, env.settings.weights, env.dateFormat, () => script.getRemainingUsage() > 100);
  const header = ['Customer ID', 'Customer', 'Collector', 'Overdue', ...PAST_DUE_BUCKET_KEYS.map((k) => BUCKETS.find((b) => b.key === k)!.label), 'Oldest days', 'Score', 'Broken promise', 'Last activity', 'Next action', 'Promise', 'Hold'];
  const data = rows.map((r) => {
    const pz = pauseText(r, env.dateFormat);
    return [
      r.customerId,
      r.customerName,
      r.collectorName,
      (r.overdue / 100).toFixed(2),
      ...PAST_DUE_BUCKET_KEYS.map((k) => (r.buckets[k] / 100).toFixed(2)),
      r.oldestDays,
      (r.score / 100).toFixed(2),
      r.brokenPromise ? 'yes' : 'no',
      r.lastActivity ?? '',
      r.pause?.nextAction ?? '',
      pz.promise,
      r.hold,
    ];
  });
  if (!complete) data.push(['', 'EXPORT INCOMPLETE: usage limit reached; narrow the view with filters']);
  for (const n of notices) data.push(['', `NOTE: ${n}`]);
  context.response.setHeader({ name: 'Content-Type', value: 'text/csv; charset=utf-8' });
  context.response.setHeader({ name: 'Content-Disposition', value: 'attachment; filename="worklist.csv"' });
  context.response.write({ output: buildCsv(header, data) });
}

// ---------------------------------------------------------------------------------------------------
// Customer view

interface Failure {
  problem: string;
  values: Params;
}

/** The customer when it exists and this user may see it; else fails with the problem. */
function allowedCustomer(env: Env, raw: unknown): CustomerHeader {
  const id = must(checkId(raw, 'Customer'));
  const h = customerHeader(id, env.dateFormat);
  if (!h) fail(`Customer ${id} does not exist or is inactive`);
  if (!mayTouchCustomer(env.userId, env.access.supervisor, h.collectorId)) fail('This customer is not in your queue: only its collector or a supervisor may see or change it');
  return h;
}

function errorPage(context: Ctx, problem: string): void {
  const form = serverWidget.createForm({ title: 'Collector Worklist' });
  banner(form, message.Type.ERROR, 'Not done', `${problem}. Nothing was saved.`);
  form.addField({ id: 'ara_back', type: serverWidget.FieldType.INLINEHTML, label: 'Back' }).defaultValue = `<p>${link(suiteletUrl({}), 'Back to the queue')}</p>`;
  context.response.writePage(form);
}

function headerHtml(h: CustomerHeader, buckets: Record<BucketKey, Minor> | null): string {
  const rows: [string, string][] = [
    ['Customer', `${h.entityId} ${h.name}`],
    ['Balance', money(h.balance)],
    ['Overdue', money(h.overdue)],
    ['Credit limit', h.creditLimit === null ? 'none' : money(h.creditLimit)],
    ['Hold', `${h.holdText || h.hold}${h.onHold ? ' (on hold)' : ''}${h.holdReason ? `: ${h.holdReason}` : ''}`],
    ['Collector', h.collectorName || 'unassigned'],
    ['Contacts', [h.email, h.phone].filter((x) => x !== '').join(' · ') || 'none'],
  ];
  if (buckets) for (const b of BUCKETS) rows.push([b.key === 'current' ? 'Current' : `${b.label} days`, money(buckets[b.key])]);
  return `<table data-wl="header">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function customerPage(context: Ctx, env: Env, p: Params, failure: Failure | null): void {
  let h: CustomerHeader;
  try {
    h = allowedCustomer(env, p[P.customer]);
  } catch (e) {
    if (e instanceof CheckFailed) return errorPage(context, e.message);
    throw e;
  }
  const form = serverWidget.createForm({ title: titleText(`Collections: ${h.name}`) });
  const msg = messageFor(p[P.msg]);
  if (msg) banner(form, message.Type.CONFIRMATION, 'Done', msg);
  if (failure) banner(form, message.Type.ERROR, 'Not saved', `${failure.problem}. Nothing was saved.`);
  const list = openInvoices(h.id);
  const invoices = list.invoices;
  const acts = activities(h.id);
  if (list.notice) banner(form, message.Type.WARNING, 'Not everything is shown', list.notice);
  if (acts.more) banner(form, message.Type.INFORMATION, 'Activity history', `Showing the newest ${ACTIVITY_LIST_LIMIT} activities; the rest are on the customer record.`);
  const may = mayHold(env, h);
  const actions = ACTIONS.filter((a) => (a !== 'hold' || may) && (a !== 'assign' || env.access.supervisor));
  form.addField({ id: 'ara_header', type: serverWidget.FieldType.INLINEHTML, label: 'Customer' }).defaultValue =
    headerHtml(h, customerBuckets(h.id)) +
    `<p data-wl="actions">${actions.map((a) => link(suiteletUrl({ [P.customer]: h.id, [P.action]: a }), ACTION_TITLES[a])).join(' · ')} · ${link(suiteletUrl({}), 'Back to the queue')}</p>`;

  const inv = form.addSublist({ id: 'ara_invoices', type: serverWidget.SublistType.STATICLIST, label: 'Open invoices' });
  for (const [id, label] of [
    ['number', 'Invoice'],
    ['date', 'Date'],
    ['due', 'Due'],
    ['amount', 'Amount'],
    ['remaining', 'Remaining'],
    ['days', 'Days past due'],
    ['disputed', 'Disputed'],
    ['reason', 'Dispute reason'],
  ]) inv.addField({ id, type: serverWidget.FieldType.TEXT, label });
  invoices.forEach((i, line) => {
    const v: Record<string, string> = {
      number: link(url.resolveRecord({ recordType: 'invoice', recordId: i.id }), i.number || i.id),
      date: escapeHtml(i.date),
      due: escapeHtml(i.due),
      amount: escapeHtml(money(i.amount)),
      remaining: escapeHtml(money(i.remaining)),
      days: escapeHtml(String(i.daysPastDue)),
      disputed: i.disputed ? 'Yes' : 'No',
      reason: escapeHtml(i.disputeReason),
    };
    for (const [id, value] of Object.entries(v)) if (value !== '') inv.setSublistValue({ id, line, value });
  });

  const act = form.addSublist({ id: 'ara_activities', type: serverWidget.SublistType.STATICLIST, label: 'Activity history' });
  for (const [id, label] of [
    ['date', 'Date'],
    ['type', 'Type'],
    ['author', 'By'],
    ['note', 'Note'],
    ['invoice', 'Invoice'],
    ['next', 'Next action'],
    ['promise', 'Promise'],
  ]) act.addField({ id, type: serverWidget.FieldType.TEXT, label });
  acts.lines.forEach((a, line) => {
    const v: Record<string, string> = {
      date: escapeHtml(a.date),
      type: escapeHtml(a.type),
      author: escapeHtml(a.author),
      note: escapeHtml(a.note).replace(/\n/g, '<br>'),
      invoice: escapeHtml(a.invoice),
      next: escapeHtml(a.nextAction),
      promise: escapeHtml(a.promiseAmount ? `${a.promiseAmount} by ${a.promiseDate}` : ''),
    };
    for (const [id, value] of Object.entries(v)) if (value !== '') act.setSublistValue({ id, line, value });
  });
  context.response.writePage(form);
}

// ---------------------------------------------------------------------------------------------------
// Action forms

function hidden(form: serverWidget.Form, id: string, value: string): void {
  const f = form.addField({ id, type: serverWidget.FieldType.TEXT, label: id });
  f.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
  f.defaultValue = value;
}

function actionPage(context: Ctx, env: Env, p: Params, action: Action, failure: Failure | null): void {
  let h: CustomerHeader;
  try {
    h = allowedCustomer(env, p[P.customer]);
    if (action === 'hold' && !mayHold(env, h)) fail('Your role may not place or release manual credit holds');
    if (action === 'assign' && !env.access.supervisor) fail('Only supervisors assign collectors');
  } catch (e) {
    if (e instanceof CheckFailed) return errorPage(context, e.message);
    throw e;
  }
  const form = serverWidget.createForm({ title: titleText(`${ACTION_TITLES[action]}: ${h.name}`) });
  if (failure) banner(form, message.Type.ERROR, 'Not saved', `${failure.problem}. Nothing was saved.`);
  const values = failure?.values ?? {};
  hidden(form, P.token, tokenFor(env.userId));
  hidden(form, P.customer, h.id);
  hidden(form, P.action, action);
  form.addField({ id: 'ara_header', type: serverWidget.FieldType.INLINEHTML, label: 'Customer' }).defaultValue =
    headerHtml(h, null) + `<p>${link(suiteletUrl({ [P.customer]: h.id }), 'Back to the customer')}</p>`;
  const text = (id: string, label: string, type: serverWidget.FieldType, mandatory = false): serverWidget.Field => {
    const f = form.addField({ id, type, label });
    if (mandatory) f.isMandatory = true;
    const v = values[id];
    if (v !== undefined && v !== '' && type !== serverWidget.FieldType.DATE) f.defaultValue = v;
    return f;
  };
  switch (action) {
    case 'log': {
      const t = form.addField({ id: P.activityType, type: serverWidget.FieldType.SELECT, label: 'Type' });
      for (const x of LOGGABLE_TYPES) t.addSelectOption({ value: x, text: x[0].toUpperCase() + x.slice(1) });
      text(P.note, 'Note', serverWidget.FieldType.TEXTAREA);
      text(P.nextAction, 'Next action date (snoozes the customer until then)', serverWidget.FieldType.DATE);
      break;
    }
    case 'promise':
      text(P.amount, 'Promised amount', serverWidget.FieldType.TEXT, true);
      text(P.promiseDate, 'Promised payment date', serverWidget.FieldType.DATE, true);
      text(P.note, 'Note', serverWidget.FieldType.TEXTAREA);
      break;
    case 'dispute': {
      const sel = form.addField({ id: P.invoice, type: serverWidget.FieldType.SELECT, label: 'Invoice' });
      sel.isMandatory = true;
      const list = openInvoices(h.id);
      if (list.notice) banner(form, message.Type.WARNING, 'Not everything is shown', list.notice);
      for (const i of list.invoices) sel.addSelectOption({ value: i.id, text: optionText(`${i.number || i.id} · ${money(i.remaining)}${i.disputed ? ' · disputed' : ''}`) });
      const on = form.addField({ id: P.disputeOn, type: serverWidget.FieldType.SELECT, label: 'Dispute' });
      on.addSelectOption({ value: 'dispute', text: 'Mark as disputed' });
      on.addSelectOption({ value: 'undispute', text: 'Remove the dispute' });
      text(P.reason, 'Reason', serverWidget.FieldType.TEXTAREA, true);
      break;
    }
    case 'hold': {
      const on = form.addField({ id: P.holdOn, type: serverWidget.FieldType.SELECT, label: 'Hold' });
      on.addSelectOption({ value: 'place', text: 'Place a manual credit hold' });
      on.addSelectOption({ value: 'release', text: 'Release the manual hold (back to automatic)' });
      text(P.reason, 'Reason', serverWidget.FieldType.TEXTAREA, true);
      break;
    }
    case 'statement':
      form.addField({ id: 'ara_to', type: serverWidget.FieldType.INLINEHTML, label: 'To' }).defaultValue = `<p>${escapeHtml(h.email ? `The statement goes to ${h.email}.` : 'The customer has no email address: add one on the customer record first.')}</p>`;
      text(P.note, 'Note (logged with the activity)', serverWidget.FieldType.TEXTAREA);
      break;
    case 'assign': {
      const sel = form.addField({ id: P.newCollector, type: serverWidget.FieldType.SELECT, label: 'Collector' });
      sel.addSelectOption({ value: 'none', text: '(unassigned)' });
      const emps = employees();
      if (emps.notice) banner(form, message.Type.WARNING, 'Not everything is shown', emps.notice);
      for (const e of emps.list) sel.addSelectOption({ value: e.id, text: optionText(e.name) || e.id });
      if (h.collectorId) sel.defaultValue = h.collectorId;
      break;
    }
  }
  form.addSubmitButton({ label: ACTION_TITLES[action] });
  context.response.writePage(form);
}

// ---------------------------------------------------------------------------------------------------
// POST

function handlePost(context: Ctx, env: Env, p: Params): void {
  const raw = p[P.action];
  if (raw === 'filter') {
    const emp = p.ara_collector_id;
    redirect.toSuitelet({
      scriptId: WORKLIST_SCRIPT.scriptId,
      deploymentId: WORKLIST_SCRIPT.deploymentId,
      parameters: Object.fromEntries(Object.entries(filterParams({ ...p, [P.collector]: emp ? emp : p[P.collector] })).filter(([, v]) => v !== undefined && v !== '')),
    });
    return;
  }
  const action = ACTIONS.find((a) => a === raw);
  if (!action) return errorPage(context, 'Unknown action');
  if (!verifyToken(env.userId, p[P.token])) {
    return errorPage(context, 'This form has expired or did not come from the worklist (anti-forgery check failed): open the page again');
  }
  let h: CustomerHeader;
  try {
    h = allowedCustomer(env, p[P.customer]);
  } catch (e) {
    if (e instanceof CheckFailed) return errorPage(context, e.message);
    throw e;
  }
  let code: MessageCode;
  try {
    code = perform(env, h, action, p);
  } catch (e) {
    if (e instanceof CheckFailed) return actionPage(context, env, p, action, { problem: e.message, values: p });
    throw e;
  }
  redirect.toSuitelet({
    scriptId: WORKLIST_SCRIPT.scriptId,
    deploymentId: WORKLIST_SCRIPT.deploymentId,
    parameters: { [P.customer]: h.id, [P.msg]: code },
  });
}

/** Validates everything first, then writes. Throws CheckFailed (nothing written) on a bad input. */
function perform(env: Env, h: CustomerHeader, action: Action, p: Params): MessageCode {
  const rule = { pattern: env.dateFormat, today: h.today, maxDaysAhead: MAX_DAYS_AHEAD };
  switch (action) {
    case 'log': {
      const type = must(checkChoice(p[P.activityType], 'Activity type', LOGGABLE_TYPES));
      const note = must(checkText(p[P.note], 'Note', MAX_NOTE, false));
      const next = must(checkDate(p[P.nextAction], 'Next action date', { ...rule, notPast: true }));
      createActivity({ customerId: h.id, type, note, today: h.today, nextAction: next, current: true });
      return 'logged';
    }
    case 'promise': {
      const amount = must(checkAmount(p[P.amount], 'Promised amount'));
      const date = must(checkDate(p[P.promiseDate], 'Promised payment date', { ...rule, notPast: true, required: true }));
      const note = must(checkText(p[P.note], 'Note', MAX_NOTE, false));
      const baseline = overdueNow(h.id);
      createActivity({ customerId: h.id, type: 'promise', note, today: h.today, promiseAmount: amount, promiseDate: date, promiseBaseline: baseline, current: true });
      return 'promised';
    }
    case 'dispute': {
      const invoiceId = must(checkId(p[P.invoice], 'Invoice'));
      const on = must(checkChoice(p[P.disputeOn], 'Dispute', ['dispute', 'undispute'] as const)) === 'dispute';
      const reason = must(checkText(p[P.reason], 'Reason', MAX_REASON, true));
      const inv = invoiceOfCustomer(invoiceId, h.id);
      if (inv === 'missing') fail(`Invoice ${invoiceId} does not exist`);
      if (inv === 'other') fail(`Invoice ${invoiceId} is not an open invoice of this customer`);
      setDispute(invoiceId, on, reason);
      createActivity({ customerId: h.id, type: 'dispute', note: `${on ? 'Disputed' : 'Dispute removed'} ${inv.number}: ${reason}`, today: h.today, invoiceId });
      return on ? 'disputed' : 'undisputed';
    }
    case 'hold': {
      if (!mayHold(env, h)) fail('Your role may not place or release manual credit holds');
      const place = must(checkChoice(p[P.holdOn], 'Hold', ['place', 'release'] as const)) === 'place';
      const reason = must(checkText(p[P.reason], 'Reason', MAX_REASON, true));
      if (!place) {
        const refusal = releaseRefusal(h.hold, h.autoHold);
        if (refusal) fail(refusal);
      }
      setManualHold(h, place, reason);
      createActivity({ customerId: h.id, type: 'hold', note: `${place ? 'Manual hold placed' : 'Manual hold released'}: ${reason}`, today: h.today });
      return place ? 'held' : 'released';
    }
    case 'statement': {
      const note = must(checkText(p[P.note], 'Note', MAX_NOTE, false));
      if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(h.email)) fail('The customer has no valid email address for the statement');
      emailStatement(h, env.userId);
      createActivity({ customerId: h.id, type: 'statement', note: note || `Statement emailed to ${h.email}`, today: h.today });
      return 'statement';
    }
    case 'assign': {
      if (!env.access.supervisor) fail('Only supervisors assign collectors');
      const rawId = String(p[P.newCollector] ?? '').trim();
      const id = rawId === 'none' ? null : must(checkId(rawId, 'Collector'));
      if (id !== null && !employeeExists(id)) fail(`Employee ${id} does not exist or is inactive`);
      assignCollector(h.id, id);
      return 'assigned';
    }
  }
}

