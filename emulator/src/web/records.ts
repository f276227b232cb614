/**
 * Record pages: the Records index, paged lists (50 per page, newest first) and the "New sales order"
 * form, which saves through Emulator.recordCommand('create', 'salesorder', …) so that user events run.
 */
import type { FieldValue, RecordTypeInfo, StoredRecord } from '../types';
import type { Emulator } from '../emulator';
import { describeError } from '../runtime/errors';
import { html, page, redirect, type PageContext, type WebResponse } from './context';
import { banner, CUSTOM_RECORD_MENU, dateText, esc, query, RECORD_MENU, recordHref, titleBar } from './layout';
import { fieldHtml, isNumericType } from './fields';

export const PAGE_SIZE = 50;

interface ListColumn {
  field: string;
  label: string;
  /** Link the cell to the record itself. */
  self?: boolean;
}

const TXN_COMMON: ListColumn[] = [
  { field: 'tranid', label: 'Number', self: true },
  { field: 'trandate', label: 'Date' },
];

export const LIST_COLUMNS: Record<string, ListColumn[]> = {
  customer: [
    { field: 'entityid', label: 'Name', self: true },
    { field: 'subsidiary', label: 'Subsidiary' },
    { field: 'currency', label: 'Currency' },
    { field: 'balance', label: 'Balance' },
    { field: 'overduebalance', label: 'Overdue' },
    { field: 'daysoverdue', label: 'Days Overdue' },
    { field: 'creditlimit', label: 'Credit Limit' },
    { field: 'oncredithold', label: 'On Credit Hold' },
  ],
  invoice: [
    ...TXN_COMMON,
    { field: 'entity', label: 'Customer' },
    { field: 'status', label: 'Status' },
    { field: 'duedate', label: 'Due Date' },
    { field: 'currency', label: 'Currency' },
    { field: 'total', label: 'Total' },
    { field: 'amountremaining', label: 'Amount Remaining' },
  ],
  salesorder: [
    ...TXN_COMMON,
    { field: 'entity', label: 'Customer' },
    { field: 'status', label: 'Status' },
    { field: 'memo', label: 'Memo' },
    { field: 'currency', label: 'Currency' },
    { field: 'total', label: 'Total' },
  ],
  creditmemo: [
    ...TXN_COMMON,
    { field: 'entity', label: 'Customer' },
    { field: 'status', label: 'Status' },
    { field: 'currency', label: 'Currency' },
    { field: 'total', label: 'Total' },
    { field: 'amountremaining', label: 'Unapplied' },
  ],
  customerdeposit: [
    ...TXN_COMMON,
    { field: 'customer', label: 'Customer' },
    { field: 'status', label: 'Status' },
    { field: 'salesorder', label: 'Sales Order' },
    { field: 'currency', label: 'Currency' },
    { field: 'payment', label: 'Amount' },
  ],
  customerpayment: [
    ...TXN_COMMON,
    { field: 'customer', label: 'Customer' },
    { field: 'status', label: 'Status' },
    { field: 'currency', label: 'Currency' },
    { field: 'payment', label: 'Amount' },
    { field: 'applied', label: 'Applied' },
    { field: 'unapplied', label: 'Unapplied' },
  ],
  depositapplication: [
    ...TXN_COMMON,
    { field: 'customer', label: 'Customer' },
    { field: 'deposit', label: 'Deposit' },
    { field: 'currency', label: 'Currency' },
    { field: 'applied', label: 'Applied' },
  ],
};

/** Columns of AR Autopilot's own custom records (others get their name and first custom fields). */
export const CUSTOM_LIST_COLUMNS: Record<string, ListColumn[]> = {
  customrecord_ara_run: [
    { field: 'name', label: 'Run', self: true },
    { field: 'custrecord_ara_run_mode', label: 'Mode' },
    { field: 'custrecord_ara_run_status', label: 'Status' },
    { field: 'custrecord_ara_run_deposits', label: 'Eligible deposits' },
    { field: 'custrecord_ara_run_applied', label: 'Deposits applied' },
    { field: 'custrecord_ara_run_lines', label: 'Invoice lines' },
    { field: 'custrecord_ara_run_failed', label: 'Failed' },
    { field: 'custrecord_ara_run_amounts', label: 'Amounts applied' },
    { field: 'custrecord_ara_run_usage', label: 'Usage' },
  ],
  customrecord_ara_credit_event: [
    { field: 'custrecord_ara_ce_time', label: 'Time', self: true },
    { field: 'custrecord_ara_ce_customer', label: 'Customer' },
    { field: 'custrecord_ara_ce_order', label: 'Sales order' },
    { field: 'custrecord_ara_ce_decision', label: 'Decision' },
    { field: 'custrecord_ara_ce_reason', label: 'Reason' },
    { field: 'custrecord_ara_ce_role', label: 'Role' },
    { field: 'custrecord_ara_ce_context', label: 'Context' },
  ],
  customrecord_ara_activity: [
    { field: 'name', label: 'Activity', self: true },
    { field: 'custrecord_ara_act_date', label: 'Date' },
    { field: 'custrecord_ara_act_customer', label: 'Customer' },
    { field: 'custrecord_ara_act_type', label: 'Type' },
    { field: 'custrecord_ara_act_author', label: 'By' },
    { field: 'custrecord_ara_act_note', label: 'Note' },
    { field: 'custrecord_ara_act_next_action', label: 'Next action' },
    { field: 'custrecord_ara_act_promise_amount', label: 'Promised' },
    { field: 'custrecord_ara_act_promise_date', label: 'Promise date' },
  ],
};

/** The list columns of a type: the standard ones, AR Autopilot's, or name + first custom fields of a custom record. */
export function listColumns(emu: Emulator, type: string): ListColumn[] | null {
  const known = LIST_COLUMNS[type] ?? CUSTOM_LIST_COLUMNS[type];
  const info = emu.records.typeInfo(type);
  if (!info) return null;
  if (known) return known.filter((col) => col.self || col.field in info.fields);
  if (!/^customrecord/.test(type)) return null;
  const custom = Object.entries(info.fields)
    .filter(([id]) => /^custrecord/.test(id))
    .slice(0, 7)
    .map(([id, f]) => ({ field: id, label: f.label || id }));
  return [{ field: 'name', label: 'Name', self: true }, ...custom];
}

export function listableType(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIST_COLUMNS, type) || Object.prototype.hasOwnProperty.call(CUSTOM_LIST_COLUMNS, type);
}

function typeLabel(type: string): { label: string; plural: string } {
  return RECORD_MENU.find((r) => r.type === type) ?? CUSTOM_RECORD_MENU.find((r) => r.type === type) ?? { label: type, plural: type };
}

/** The entity field of a transaction type (entity on sales transactions, customer on payments). */
export function entityField(info: RecordTypeInfo): string | null {
  if (info.fields.entity?.source === 'customer') return 'entity';
  if (info.fields.customer?.source === 'customer') return 'customer';
  return null;
}

/** Stored records of a type, newest first (transactions by date, then internal id). */
export function newestFirst(emu: Emulator, type: string, filter?: (r: StoredRecord) => boolean): StoredRecord[] {
  const all = Object.values(emu.state.records[type] ?? {});
  const rows = filter ? all.filter(filter) : all;
  const txn = emu.records.typeInfo(type)?.category === 'transaction';
  return rows.sort((a, b) => {
    if (txn) {
      const da = String(a.fields.trandate ?? '');
      const db = String(b.fields.trandate ?? '');
      if (da !== db) return da < db ? 1 : -1;
    }
    return Number(b.id) - Number(a.id);
  });
}

/** The Records index: each type with its count. */
export function recordsIndex(c: PageContext): WebResponse {
  const rows = [...RECORD_MENU, ...CUSTOM_RECORD_MENU]
    .filter((r) => c.emu.records.typeInfo(r.type))
    .map((r, i) => {
      const n = Object.keys(c.emu.state.records[r.type] ?? {}).length;
      return `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}"><td><a href="/records/${esc(r.type)}" data-record-type="${esc(r.type)}">${esc(r.plural)}</a></td><td class="ns-align-right">${n}</td></tr>`;
    })
    .join('');
  const body =
    titleBar('Records') +
    `<div class="ns-body"><table class="ns-table" data-list="record-types" style="max-width:520px"><thead><tr><th>Record type</th><th class="ns-align-right">Records</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return html(page(c, { title: 'Records', active: 'records' }, body));
}

/** A paged list of one record type (`?page=N`, `?customer=ID` for transactions of one customer). */
export function recordList(c: PageContext, type: string): WebResponse {
  const { emu, req } = c;
  const info = emu.records.typeInfo(type);
  const columns = listColumns(emu, type);
  const names = typeLabel(type);
  if (!info || !columns) return notFound(c, `No list for record type ${type}`);
  const ef = entityField(info);
  const customer = req.query.get('customer') ?? '';
  const filter = customer && ef ? (r: StoredRecord) => String(r.fields[ef] ?? '') === customer : undefined;
  const all = newestFirst(emu, type, filter);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const requested = Number.parseInt(req.query.get('page') ?? '1', 10);
  const pageNo = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const slice = all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);

  const head = columns.map((col) => `<th data-column="${esc(col.field)}"${isNumericType(info.fields[col.field]?.type) ? ' class="ns-align-right"' : ''}>${esc(col.label)}</th>`).join('');
  const body = slice
    .map((rec, i) => {
      let fields: Record<string, FieldValue>;
      try {
        fields = emu.records.view(type, rec.id).fields;
      } catch {
        fields = rec.fields;
      }
      const cells = columns
        .map((col) => {
          const f = info.fields[col.field];
          let cell: string;
          if (col.self) {
            const v = fields[col.field];
            const text = v === null || v === undefined || v === '' ? `${names.label} ${rec.id}` : /^\d{4}-\d{2}-\d{2}T/.test(String(v)) ? dateText(v, emu.state.company.dateFormat) : String(v);
            cell = `<a href="${esc(recordHref(type, rec.id))}" data-record-link="${esc(rec.id)}">${esc(text)}</a>`;
          } else if (col.field === 'oncredithold') {
            cell = fields.oncredithold === true ? '<span class="ara-failed">Yes</span>' : '';
          } else if (col.field === 'status') {
            cell = esc(fields.status ?? '');
          } else {
            cell = fieldHtml(emu, f, fields[col.field]);
          }
          return `<td data-column="${esc(col.field)}" data-line="${i}"${isNumericType(f?.type) ? ' class="ns-align-right"' : ''}>${cell}</td>`;
        })
        .join('');
      return `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}" data-id="${esc(rec.id)}">${cells}</tr>`;
    })
    .join('');

  const link = (p: number) => `/records/${encodeURIComponent(type)}${query({ customer, page: p > 1 ? p : null })}`;
  const first = all.length === 0 ? 0 : (pageNo - 1) * PAGE_SIZE + 1;
  const last = Math.min(pageNo * PAGE_SIZE, all.length);
  const pager =
    `<div class="ara-pager" data-pager data-page="${pageNo}" data-pages="${pages}" data-total="${all.length}">` +
    `<span>${first}\u2013${last} of ${all.length}</span>` +
    (pageNo > 1 ? `<a href="${esc(link(pageNo - 1))}" data-page-link="prev">&laquo; Previous</a>` : '<span class="ara-muted">&laquo; Previous</span>') +
    `<span>Page ${pageNo} of ${pages}</span>` +
    (pageNo < pages ? `<a href="${esc(link(pageNo + 1))}" data-page-link="next">Next &raquo;</a>` : '<span class="ara-muted">Next &raquo;</span>') +
    '</div>';
  let banners = '';
  if (customer && ef) {
    const name = emu.records.displayText('customer', customer) ?? customer;
    banners = `<div class="ns-banner ns-banner-information" data-banner="information"><div class="ns-banner-text">${esc(names.plural)} of ${esc(name)} \u00b7 <a href="/records/${esc(type)}">show all</a></div></div>`;
  }
  const buttons = type === 'salesorder' ? `<div class="ns-buttons"><a class="ns-button ns-button-primary" href="/records/salesorder/new" data-button="new-salesorder">New Sales Order</a></div>` : '';
  const table = all.length
    ? `<table class="ns-table" data-list="${esc(type)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
    : `<div class="ara-web-note">No ${esc(names.plural.toLowerCase())} in this account yet.</div>`;
  const content = titleBar(names.plural) + buttons + `<div class="ns-body">${pager}${table}${all.length > PAGE_SIZE ? pager : ''}</div>`;
  return html(page(c, { title: names.plural, active: 'records', banners }, content));
}

export function notFound(c: PageContext, message: string): WebResponse {
  const body = titleBar('Not found') + banner('error', 'Page not found', message) + '<div class="ns-body"><a href="/">Back to the dashboard</a></div>';
  return html(page(c, { title: 'Not found' }, body), 404);
}

/* ------------------------------------------------------------------------------------------------ */
/* New sales order                                                                                    */

export const SO_FORM_LINES = 5;

interface SoFormValues {
  customer: string;
  trandate: string;
  memo: string;
  lines: { item: string; description: string; quantity: string; rate: string }[];
}

/**
 * Items the account's orders and invoices use (item records are not modelled: the item sublist field is a
 * free select), each with the first description seen, by item id.
 */
export function knownItems(emu: Emulator): { id: string; description: string }[] {
  const seen = new Map<string, string>();
  for (const type of ['salesorder', 'invoice']) {
    for (const id of emu.records.ids(type)) {
      for (const line of emu.state.records[type]?.[id]?.sublists.item ?? []) {
        const item = line.item === null || line.item === undefined ? '' : String(line.item);
        if (item && !seen.has(item)) seen.set(item, typeof line.description === 'string' ? line.description : '');
      }
    }
  }
  return [...seen].map(([id, description]) => ({ id, description })).sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

function customerOptions(emu: Emulator): { id: string; text: string }[] {
  return emu.records
    .ids('customer')
    .map((id) => ({ id, text: emu.records.displayText('customer', id) ?? id }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en') || Number(a.id) - Number(b.id));
}

function soForm(c: PageContext, v: SoFormValues, banners: string, status: number): WebResponse {
  const { emu } = c;
  const opts = customerOptions(emu)
    .map((o) => `<option value="${esc(o.id)}"${o.id === v.customer ? ' selected' : ''}>${esc(o.text)}</option>`)
    .join('');
  const lineCount = Math.max(SO_FORM_LINES, v.lines.length);
  const items = knownItems(emu);
  const itemCell = (i: number, value: string) =>
    items.length
      ? `<select name="item_${i}" data-sublist="item" data-field="item" data-line="${i}"><option value=""></option>${items
          .map((it) => `<option value="${esc(it.id)}"${it.id === value ? ' selected' : ''}>${esc(it.description ? `${it.id} \u2013 ${it.description}` : it.id)}</option>`)
          .join('')}</select>`
      : `<input type="text" name="item_${i}" value="${esc(value)}" data-sublist="item" data-field="item" data-line="${i}">`;
  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) {
    const l = v.lines[i] ?? { item: '', description: '', quantity: '', rate: '' };
    lines.push(
      `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"><td>${i + 1}</td>` +
        `<td>${itemCell(i, l.item)}</td>` +
        `<td><input type="text" name="description_${i}" value="${esc(l.description)}" data-sublist="item" data-field="description" data-line="${i}"></td>` +
        `<td><input type="text" inputmode="decimal" name="quantity_${i}" value="${esc(l.quantity)}" data-sublist="item" data-field="quantity" data-line="${i}"></td>` +
        `<td><input type="text" inputmode="decimal" name="rate_${i}" value="${esc(l.rate)}" data-sublist="item" data-field="rate" data-line="${i}"></td></tr>`,
    );
  }
  const body =
    titleBar('Sales Order') +
    '<form method="POST" action="/records/salesorder/new" data-form="new-salesorder" accept-charset="utf-8">' +
    '<div class="ns-buttons"><button type="submit" class="ns-button ns-button-primary" data-button="save">Save</button><a class="ns-button" href="/records/salesorder">Cancel</a></div>' +
    '<div class="ns-body"><fieldset class="ns-fieldgroup"><legend>Primary Information</legend><div class="ns-fields">' +
    `<div class="ns-field" data-field="entity"><label class="ns-label" for="so-entity">Customer<span class="ns-mandatory">*</span></label><select id="so-entity" name="entity"><option value=""></option>${opts}</select></div>` +
    `<div class="ns-field" data-field="trandate"><label class="ns-label" for="so-trandate">Date<span class="ns-mandatory">*</span></label><input type="date" id="so-trandate" name="trandate" value="${esc(v.trandate)}"></div>` +
    `<div class="ns-field" data-field="memo"><label class="ns-label" for="so-memo">Memo</label><input type="text" id="so-memo" name="memo" value="${esc(v.memo)}"></div>` +
    '</div></fieldset>' +
    '<section class="ns-tab" data-tab="items"><h2>Items</h2><div class="ns-sublist" data-sublist="item">' +
    '<table class="ns-table ara-lines"><thead><tr><th style="width:40px">#</th><th style="width:260px">Item<span class="ns-mandatory">*</span></th><th>Description</th><th style="width:120px">Quantity</th><th style="width:140px">Rate</th></tr></thead>' +
    `<tbody>${lines.join('')}</tbody></table></div></section>` +
    `<input type="hidden" name="lines" value="${lineCount}">` +
    '</div></form>';
  return html(page(c, { title: 'New Sales Order', active: 'records', banners }, body), status);
}

/** GET /records/salesorder/new[?customer=ID] */
export function newSalesOrderForm(c: PageContext): WebResponse {
  const customer = c.req.query.get('customer') ?? '';
  return soForm(c, { customer, trandate: c.emu.state.asOf, memo: '', lines: [] }, '', 200);
}

function readSoForm(form: Record<string, string>): SoFormValues {
  const declared = Number.parseInt(form.lines ?? '', 10);
  const count = Number.isFinite(declared) ? Math.min(Math.max(declared, SO_FORM_LINES), 100) : SO_FORM_LINES;
  const lines: SoFormValues['lines'] = [];
  for (let i = 0; i < count; i++) {
    lines.push({ item: form[`item_${i}`] ?? '', description: form[`description_${i}`] ?? '', quantity: form[`quantity_${i}`] ?? '', rate: form[`rate_${i}`] ?? '' });
  }
  return { customer: form.entity ?? '', trandate: form.trandate ?? '', memo: form.memo ?? '', lines };
}

function parseNumber(s: string): number | null {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/** POST /records/salesorder/new: create through N/record as the current user (user events run). */
export function createSalesOrder(c: PageContext): WebResponse {
  const { emu } = c;
  const v = readSoForm(c.req.form);
  const problems: string[] = [];
  const items: Record<string, FieldValue>[] = [];
  const descriptions = new Map(knownItems(emu).map((it) => [it.id, it.description]));
  v.lines.forEach((l, i) => {
    if (!l.item.trim() && !l.description.trim() && !l.quantity.trim() && !l.rate.trim()) return;
    if (!l.item.trim()) problems.push(`Line ${i + 1}: choose an item`);
    const q = parseNumber(l.quantity);
    const r = parseNumber(l.rate);
    if (q === null || Number.isNaN(q)) problems.push(`Line ${i + 1}: quantity must be a number`);
    if (r === null || Number.isNaN(r)) problems.push(`Line ${i + 1}: rate must be a number`);
    if (q === null || r === null || Number.isNaN(q) || Number.isNaN(r)) return;
    if (!l.item.trim()) return;
    const line: Record<string, FieldValue> = { item: l.item.trim(), quantity: q, rate: r, amount: Math.round(q * r * 100) / 100 };
    const description = l.description.trim() || descriptions.get(l.item.trim()) || '';
    if (description) line.description = description;
    items.push(line);
  });
  if (!v.customer) problems.push('Choose a customer');
  if (items.length === 0 && problems.length === 0) problems.push('Enter at least one item line (item, quantity and rate)');
  if (problems.length) {
    return soForm(c, v, `<div class="ns-banner ns-banner-error" role="status" data-banner="error"><div class="ns-banner-title">Please enter value(s) for:</div><div class="ns-banner-text">${problems.map(esc).join('<br>')}</div></div>`, 400);
  }
  const values: Record<string, unknown> = { entity: v.customer, item: items };
  if (v.trandate) values.trandate = v.trandate;
  if (v.memo.trim()) values.memo = v.memo.trim();
  try {
    const res = emu.recordCommand('create', 'salesorder', { ...c.session.as, values });
    const usage = res.userEventUsage.reduce((a, u) => a + u.usage, 0);
    return redirect(`${recordHref('salesorder', res.id)}${query({ saved: 'created', ueusage: res.userEventUsage.length ? usage : null })}`, true);
  } catch (e) {
    const d = describeError(e);
    // The create may have run user events that logged before failing: the account may have changed.
    const r = soForm(c, v, errorBanner(d.name, d.message), 400);
    r.changed = true;
    return r;
  }
}

/** The red banner for an error a save raised (user event or validation): its name and message. */
export function errorBanner(name: string, message: string): string {
  return `<div class="ns-banner ns-banner-error" role="alert" data-banner="error" data-error-name="${esc(name)}"><div class="ns-banner-title">${esc(name)}</div><div class="ns-banner-text">${esc(message)}</div></div>`;
}

