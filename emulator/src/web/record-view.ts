/**
 * A record's view page. `viewRecord` does what NetSuite does when a person opens a record: it loads the
 * record and runs the user event scripts' beforeLoad (type 'view', USERINTERFACE context) with a
 * serverWidget form, so that scripts may add page-init messages (banners), buttons and custpage fields.
 * The page then shows the record's body fields (stored and computed), its sublists, what beforeLoad
 * added, and actions (Approve on a sales order pending approval).
 */
import type { FieldValue, InvocationUsage, RecordTypeInfo, RecordView } from '../types';
import type { AsUser, Emulator } from '../emulator';
import type { UiForm } from '../ui/widgets';
import type { MessageData } from '../ui/message';
import { createRecordPageForm } from '../ui/serverWidget';
import { bannerHtml, bodyFieldHtml } from '../ui/render';
import { createServerRequest } from '../ui/http';
import { recordUrl } from '../ui/url';
import { MODULES } from '../modules';
import { describeError } from '../runtime/errors';
import { STATUSES } from '../records/status';
import { html, page, redirect, type PageContext, type WebResponse } from './context';
import { banner, esc, money, dateText, query, recordHref, titleBar } from './layout';
import { fieldHtml, isNumericType } from './fields';
import { entityField, errorBanner, notFound } from './records';

export const OVERRIDE_REASON_FIELD = 'custbody_ara_override_reason';

export interface ViewedRecord {
  view: RecordView;
  info: RecordTypeInfo;
  /** The form beforeLoad scripts received (null when the record could not be loaded through N/record). */
  form: UiForm | null;
  /** Page-init messages the scripts added (banners). */
  messages: MessageData[];
  /** An error thrown by a beforeLoad script (the page still shows the record, with the error). */
  error: { name: string; message: string } | null;
  /** Usage of the user event executions. */
  userEventUsage: InvocationUsage[];
}

/** The page title of a record: 'Invoice #INV-1001', a customer's name, or label + id. */
export function recordTitle(emu: Emulator, info: RecordTypeInfo, view: RecordView): string {
  if (info.category === 'transaction') return `${info.label} #${String(view.fields.tranid ?? view.id)}`;
  const text = emu.records.displayText(info.type, view.id);
  return `${info.label}: ${text ?? view.id}`;
}

/**
 * Open a record as a person would in the UI: load it, run beforeLoad (type 'view') of the deployed user
 * event scripts with a record page form, and collect the messages they added.
 */
export function viewRecord(emu: Emulator, as: AsUser, recordType: string, id: string): ViewedRecord {
  const type = recordType.toLowerCase();
  const info = emu.records.typeInfo(type);
  if (!info) throw Object.assign(new Error(`Unknown record type ${recordType}`), { name: 'INVALID_RCRD_TYPE' });
  const view = emu.records.view(type, id);
  const user = emu.user(as);
  const ctx = emu.host.userContext(user, 'USERINTERFACE');
  const env = emu.host.moduleEnv();
  let form: UiForm | null = null;
  let error: ViewedRecord['error'] = null;
  emu.host.takeUserEventUsage();
  try {
    form = createRecordPageForm(ctx, env, recordTitle(emu, info, view));
    // Load without firing user events (this page fires beforeLoad itself, with the form).
    const loader = MODULES['N/record']!({ ...ctx, triggersUserEvents: false }, env) as { load(o: unknown): unknown };
    const newRecord = loader.load({ type, id });
    let url = `/records/${type}/${id}`;
    try {
      url = recordUrl(type, id);
    } catch {
      // no NetSuite URL for this type: keep the local one
    }
    const request = createServerRequest({ method: 'GET', url, parameters: { id } });
    emu.host.beforeLoad(ctx, { type: 'view', recordType: type, newRecord, oldRecord: null, form, request });
  } catch (e) {
    error = describeError(e);
  }
  return { view, info, form, messages: form ? [...form.messages] : [], error, userEventUsage: emu.host.takeUserEventUsage() };
}

/* ------------------------------------------------------------------------------------------------ */
/* Rendering                                                                                          */

const NAME_ORDER = ['tranid', 'entityid', 'companyname', 'entity', 'customer', 'trandate', 'status', 'orderstatus', 'duedate', 'total', 'amountremaining', 'payment'];

/** Creation/modification stamps carry the machine's time of day: shown as dates (stable pages). */
const SYSTEM_TIMESTAMPS = new Set(['datecreated', 'lastmodifieddate', 'createddate', 'created', 'lastmodified']);
const EXTRA_LABELS: Record<string, string> = {
  oncredithold: 'On Credit Hold',
  createddate: 'Date Created',
  datecreated: 'Date Created',
  lastmodifieddate: 'Last Modified',
  created: 'Date Created',
  lastmodified: 'Last Modified',
};

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function fieldBox(emu: Emulator, info: RecordTypeInfo, id: string, value: FieldValue | undefined, derived: boolean): string {
  const f = info.fields[id];
  let shown: string;
  if (id === 'orderstatus' && typeof value === 'string') shown = esc(STATUSES.salesorder?.[value]?.[0] ? `${value} \u2013 ${STATUSES.salesorder[value]![0]}` : value);
  else if (id === 'oncredithold') shown = value === true ? '<span class="ara-failed">Yes</span>' : 'No';
  else if (SYSTEM_TIMESTAMPS.has(id) && typeof value === 'string') shown = esc(dateText(value.slice(0, 10), emu.state.company.dateFormat));
  else shown = fieldHtml(emu, f, value);
  const cls = derived ? 'ns-field ara-derived' : 'ns-field';
  const label = f?.label || EXTRA_LABELS[id] || id;
  return `<div class="${cls}" data-field="${esc(id)}"><span class="ns-label">${esc(label)}</span><span class="ara-value" data-value>${shown}</span></div>`;
}

function orderedFieldIds(info: RecordTypeInfo, fields: Record<string, FieldValue>): string[] {
  const ids = new Set<string>([...Object.keys(info.fields), ...Object.keys(fields)]);
  const rank = (id: string) => {
    const i = NAME_ORDER.indexOf(id);
    return i >= 0 ? i : NAME_ORDER.length;
  };
  const declared = Object.keys(info.fields);
  return [...ids].sort((a, b) => rank(a) - rank(b) || declared.indexOf(a) - declared.indexOf(b) || a.localeCompare(b));
}

function bodyFields(emu: Emulator, info: RecordTypeInfo, view: RecordView): string {
  const stored: string[] = [];
  const derived: string[] = [];
  const custom: string[] = [];
  for (const id of orderedFieldIds(info, view.fields)) {
    const value = view.fields[id];
    if (isEmpty(value) || id === 'statusRef' || id === 'statusref') continue;
    const f = info.fields[id];
    const isDerived = f?.derived === true || !f;
    const box = fieldBox(emu, info, id, value, isDerived);
    if (/^cust(body|entity|record)_/.test(id) || (info.category === 'custom' && /^custrecord/.test(id))) custom.push(box);
    else if (isDerived) derived.push(box);
    else stored.push(box);
  }
  const group = (label: string, key: string, boxes: string[]) =>
    boxes.length ? `<fieldset class="ns-fieldgroup" data-fieldgroup="${esc(key)}"><legend>${esc(label)}</legend><div class="ara-kv">${boxes.join('')}</div></fieldset>` : '';
  return group('Primary Information', 'main', stored) + group('AR Autopilot', 'custom', custom) + group('Computed by the account', 'derived', derived);
}

function sublistTables(emu: Emulator, info: RecordTypeInfo, view: RecordView): string {
  let out = '';
  for (const [sid, fields] of Object.entries(info.sublists)) {
    const lines = view.sublists[sid] ?? [];
    if (lines.length === 0) continue;
    const cols = Object.keys(fields).filter((k) => k !== 'line' && lines.some((l) => !isEmpty(l[k])));
    const extra = [...new Set(lines.flatMap((l) => Object.keys(l)))].filter((k) => !(k in fields) && k !== 'line');
    const all = [...cols, ...extra];
    const head = all.map((k) => `<th data-column="${esc(k)}"${isNumericType(fields[k]?.type) ? ' class="ns-align-right"' : ''}>${esc(fields[k]?.label ?? k)}</th>`).join('');
    const rows = lines
      .map(
        (l, i) =>
          `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}">` +
          all.map((k) => `<td data-sublist="${esc(sid)}" data-field="${esc(k)}" data-line="${i}"${isNumericType(fields[k]?.type) ? ' class="ns-align-right"' : ''}>${fieldHtml(emu, fields[k], l[k])}</td>`).join('') +
          '</tr>',
      )
      .join('');
    const label = sid === 'item' ? 'Items' : sid === 'apply' ? 'Apply' : sid === 'roles' ? 'Roles' : sid.charAt(0).toUpperCase() + sid.slice(1);
    out += `<section class="ns-tab" data-tab="${esc(sid)}"><h2>${esc(label)}</h2><div class="ns-sublist" data-sublist="${esc(sid)}"><table class="ns-table">` + `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
  }
  return out;
}

/** Recent transactions of a customer (customer page). */
function customerTransactions(emu: Emulator, customerId: string): string {
  const txns = [...emu.records.transactionsOf(customerId)].sort((a, b) => (a.trandate === b.trandate ? Number(b.id) - Number(a.id) : a.trandate < b.trandate ? 1 : -1));
  if (txns.length === 0) return '';
  const fmt = emu.state.company.dateFormat;
  const rows = txns
    .slice(0, 25)
    .map((t, i) => {
      const label = emu.records.typeInfo(t.type)?.label ?? t.type;
      let v: RecordView | null = null;
      try {
        v = emu.records.view(t.type, t.id);
      } catch {
        v = null;
      }
      const open = v ? (v.fields.amountremaining ?? v.fields.unapplied ?? '') : '';
      const total = v ? (v.fields.total ?? v.fields.payment ?? '') : '';
      return (
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"><td>${esc(label)}</td>` +
        `<td><a href="${esc(recordHref(t.type, t.id))}">${esc(t.tranid || t.id)}</a></td><td>${esc(dateText(t.trandate, fmt))}</td>` +
        `<td>${esc(v?.fields.status ?? '')}</td><td class="ns-align-right">${esc(money(total))}</td><td class="ns-align-right">${esc(money(open))}</td></tr>`
      );
    })
    .join('');
  const more = txns.length > 25 ? `<div class="ara-small ara-muted">${txns.length - 25} older transactions not shown.</div>` : '';
  return (
    '<section class="ns-tab" data-tab="transactions"><h2>Transactions</h2><div class="ns-sublist" data-sublist="transactions"><table class="ns-table">' +
    '<thead><tr><th>Type</th><th>Number</th><th>Date</th><th>Status</th><th class="ns-align-right">Total</th><th class="ns-align-right">Open</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>${more}</div></section>`
  );
}

/** What beforeLoad added to the form besides banners: buttons (shown, not wired) and custpage fields. */
function formAdditions(form: UiForm | null, dateFormat: string): { buttons: string; fields: string } {
  if (!form) return { buttons: '', fields: '' };
  const buttons = form.buttons
    .filter((b) => b.kind === 'button' && !b.isHidden)
    .map((b) => `<button type="button" class="ns-button" data-button="${esc(b.id)}" title="Client script buttons do not run in the local web page" disabled>${esc(b.label)}</button>`)
    .join('');
  const visible = form.fields.filter((f) => String(f.displayType ?? 'NORMAL').toUpperCase() !== 'HIDDEN');
  const state = { meta: { checkboxes: [] as string[], dates: [] as string[], multiselects: [] as string[], dateFormat } };
  const fields = visible.length ? `<fieldset class="ns-fieldgroup" data-fieldgroup="custpage"><legend>Added by scripts</legend><div class="ns-fields">${visible.map((f) => bodyFieldHtml(f, state)).join('')}</div></fieldset>` : '';
  return { buttons, fields };
}

export interface RecordPageOptions {
  /** Extra banners (raw HTML) above the beforeLoad ones, e.g. a save error. */
  banners?: string;
  /** Value to keep in the approve form's reason field (after a failed approve). */
  reason?: string;
  status?: number;
}

/** GET /records/:type/:id */
export function recordPage(c: PageContext, type: string, id: string, o: RecordPageOptions = {}): WebResponse {
  const { emu } = c;
  const info = emu.records.typeInfo(type);
  if (!info) return notFound(c, `Unknown record type ${type}`);
  if (!emu.records.exists(type, id)) return notFound(c, `That record does not exist. (${type} ${id})`);
  const r = viewRecord(emu, c.session.as, type, id);
  const title = recordTitle(emu, info, r.view);
  const q = c.req.query;
  let banners = o.banners ?? '';
  if (q.get('saved') === 'created') {
    const ue = q.get('ueusage');
    banners += banner('confirmation', 'Transaction successfully saved', ue ? `User event scripts used ${ue} usage units.` : '', { saved: 'created' });
  } else if (q.get('saved') === 'approved') {
    banners += banner('confirmation', 'Sales order approved', '', { saved: 'approved' });
  }
  // Page-init messages from beforeLoad: written as HTML, as NetSuite's banner does (the product escapes).
  banners += r.messages.map((m) => bannerHtml(m)).join('');
  if (r.error) banners += errorBanner(r.error.name, `A beforeLoad user event script failed: ${r.error.message}`);
  const status = typeof r.view.fields.status === 'string' && r.view.fields.status ? `<span class="ara-status" data-status>${esc(r.view.fields.status)}</span>` : '';
  const adds = formAdditions(r.form, emu.state.company.dateFormat);

  let actions = '';
  if (type === 'customer') {
    actions += `<a class="ns-button ns-button-primary" href="/records/salesorder/new${esc(query({ customer: id }))}" data-button="new-salesorder">New Sales Order</a>`;
    actions += `<a class="ns-button" href="/records/invoice${esc(query({ customer: id }))}">Invoices</a>`;
  }
  const ef = entityField(info);
  if (ef && r.view.fields[ef]) {
    actions += `<a class="ns-button" href="${esc(recordHref('customer', String(r.view.fields[ef])))}">Customer</a>`;
  }
  actions += adds.buttons;
  let approve = '';
  if (type === 'salesorder' && r.view.fields.orderstatus === 'A') {
    const reasonField = info.fields[OVERRIDE_REASON_FIELD];
    approve =
      `<form method="POST" action="${esc(`${recordHref(type, id)}/approve`)}" class="ara-actions" data-form="approve">` +
      (reasonField
        ? `<div class="ns-field" data-field="${OVERRIDE_REASON_FIELD}"><label class="ns-label" for="ara-reason">${esc(reasonField.label || 'Override reason')}</label><input type="text" id="ara-reason" name="reason" value="${esc(o.reason ?? '')}"></div>`
        : '') +
      '<button type="submit" class="ns-button ns-button-primary" data-button="approve">Approve</button></form>';
  }
  const ueNote = r.userEventUsage.length
    ? `<div class="ns-emulator-note" data-ue-usage>beforeLoad: ${r.userEventUsage.map((u) => `${esc(u.stage)} ${u.usage} units`).join(', ')}</div>`
    : '';
  const body =
    titleBar(title, status) +
    (actions ? `<div class="ns-buttons">${actions}</div>` : '') +
    approve +
    `<div class="ns-body" data-record-type="${esc(type)}" data-record-id="${esc(id)}">` +
    bodyFields(emu, info, r.view) +
    adds.fields +
    sublistTables(emu, info, r.view) +
    (type === 'customer' ? customerTransactions(emu, id) : '') +
    '</div>' +
    ueNote;
  return html(page(c, { title, active: 'records', banners }, body), o.status ?? 200);
}

/** POST /records/salesorder/:id/approve (reason → custbody_ara_override_reason when the field exists). */
export function approveSalesOrder(c: PageContext, id: string): WebResponse {
  const { emu } = c;
  if (!emu.records.exists('salesorder', id)) return notFound(c, `That record does not exist. (salesorder ${id})`);
  const reason = (c.req.form.reason ?? '').trim();
  const values: Record<string, unknown> = {};
  if (reason && emu.records.typeInfo('salesorder')?.fields[OVERRIDE_REASON_FIELD]) values[OVERRIDE_REASON_FIELD] = reason;
  try {
    emu.recordCommand('approve', 'salesorder', { ...c.session.as, id, values });
    return redirect(`${recordHref('salesorder', id)}?saved=approved`, true);
  } catch (e) {
    const d = describeError(e);
    const r = recordPage(c, 'salesorder', id, { banners: errorBanner(d.name, d.message), reason, status: 400 });
    r.changed = true;
    return r;
  }
}

