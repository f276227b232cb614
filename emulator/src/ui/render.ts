/**
 * HTML rendering of serverWidget pages (Form, List) and portlets, with a NetSuite-like look.
 *
 * ESCAPING (see FIDELITY.md, "What is written as HTML"): labels, titles, field values in inputs, select
 * option texts and body field values shown inline are escaped. Written AS HTML, like NetSuite does:
 *   - INLINEHTML field defaultValue,
 *   - sublist display cells (values set with Sublist.setSublistValue),
 *   - List / LIST portlet cells (addRow/addRows), LINKS portlet line texts, HTML portlet html,
 *   - page-init message (banner) titles and texts.
 * Product code must escape what it puts there.
 *
 * Automation hooks: `data-field` (body fields), `data-sublist` + `data-line` + `data-field` (sublist
 * cells), `data-list` / `data-column` + `data-line` (list and portlet cells), `data-button`,
 * `data-function` (buttons calling client functions), `data-banner` (messages).
 * Rendering is deterministic: ids derive from the script's ids, no random or time-based values.
 */
import { attrs, escapeAttr, escapeHtml, htmlDocument, rawHtml } from './html';
import { dateToIso, isoToUserDate, userDateToIso } from './dates';
import { messageTypeName, type MessageData } from './message';
import {
  UiForm,
  UiList,
  type ListRow,
  type PageObject,
  type SelectOption,
  type UiButton,
  type UiField,
  type UiListColumn,
  type UiSublist,
  type PageLink,
  type EditColumnSpec,
  type UrlParam,
} from './widgets';
import { createError } from '../runtime/errors';

/** Separators of the sublist post encoding (`<sublist>data`, `<sublist>fields`). */
export const LINE_SEPARATOR = '\u0002';
export const FIELD_SEPARATOR = '\u0001';
/** NetSuite separates multiselect values in a posted parameter with \u0005. */
export const MULTISELECT_SEPARATOR = '\u0005';
/** Name of the hidden input describing the form for parseFormPost (http.ts). */
export const FORM_META_INPUT = '_emu_form';

export interface FormMeta {
  /** Names of checkbox inputs: absent from a post means 'F'. */
  checkboxes: string[];
  /** Names of date inputs: posted ISO values are converted to dateFormat. */
  dates: string[];
  /** Names of multiselects: repeated values are joined with \u0005. */
  multiselects: string[];
  dateFormat: string;
}

interface RenderState {
  meta: FormMeta;
}

export interface RenderOptions {
  /** Only the page's `<div class="ns-page">…</div>`, without `<html>` and the style sheet (see NS_CSS). */
  fragment?: boolean;
}

/* ------------------------------------------------------------------------------------------------ */
/* Values                                                                                             */

/** A field value as the string NetSuite would show/post (dates in the user's format, checkboxes T/F). */
export function valueToString(value: unknown, type: string, dateFormat: string): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) {
    return type === 'DATE' ? isoToUserDate(dateToIso(value), dateFormat) : value.toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => valueToString(v, type, dateFormat)).join(MULTISELECT_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return String(value);
}

function isChecked(value: unknown): boolean {
  return value === true || value === 'T' || value === 'true';
}

function multiValues(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((v) => String(v));
  return String(value).split(MULTISELECT_SEPARATOR).flatMap((v) => v.split(','));
}

function optionText(options: SelectOption[], value: string): string | null {
  const opt = options.find((o) => o.value === value);
  return opt ? opt.text : null;
}

/* ------------------------------------------------------------------------------------------------ */
/* Pieces                                                                                             */

function navBar(hide: boolean): string {
  if (hide) return '';
  return '<div class="ns-navbar"><span class="ns-brand">NetSuite</span><span>AR Autopilot &middot; local account emulator</span></div>';
}

function pageLinksHtml(links: PageLink[]): string {
  if (!links.length) return '';
  const link = (l: PageLink) => `<a${attrs({ href: l.url, 'data-page-link': l.type })}>${escapeHtml(l.title)}</a>`;
  const crumbs = links.filter((l) => l.type === 'BREADCRUMB').map(link).join('');
  const cross = links.filter((l) => l.type === 'CROSSLINK').map(link).join('');
  return `<div class="ns-links"><div class="ns-breadcrumbs">${crumbs}</div><div class="ns-crosslinks">${cross}</div></div>`;
}

function titleBar(title: string): string {
  return `<div class="ns-titlebar"><h1 class="ns-title" data-page-title>${escapeHtml(title)}</h1></div>`;
}

/** A page-init message banner. Title and text are written as HTML (as NetSuite's banner does). */
export function bannerHtml(m: MessageData): string {
  const name = messageTypeName(m.type);
  return (
    `<div${attrs({ class: `ns-banner ns-banner-${name}`, role: 'status', 'data-banner': name, 'data-duration': m.duration || undefined })}>` +
    (m.title ? `<div class="ns-banner-title">${rawHtml(m.title)}</div>` : '') +
    (m.message ? `<div class="ns-banner-text">${rawHtml(m.message)}</div>` : '') +
    '</div>'
  );
}

function clientScriptNote(path: string | null, fileId: number | string | null): string {
  if (path === null && fileId === null) return '';
  const what = path !== null ? path : `file ${String(fileId)}`;
  return `<div${attrs({ class: 'ns-emulator-note', 'data-client-script': what })}>Client script ${escapeHtml(what)} is attached; the emulator does not run client scripts.</div>`;
}

function buttonHtml(b: UiButton, position: 'top' | 'bottom' | 'sublist', sublistId?: string): string {
  if (b.isHidden) return '';
  const id = position === 'bottom' ? `secondary${b.id}` : b.id;
  const common = { id, 'data-button': b.id, 'data-position': position, disabled: b.isDisabled };
  switch (b.kind) {
    case 'submit':
      return `<button${attrs({ type: 'submit', class: 'ns-button ns-button-primary', name: 'submitter', value: b.label, ...common })}>${escapeHtml(b.label)}</button>`;
    case 'reset':
      return `<button${attrs({ type: 'reset', class: 'ns-button', ...common })}>${escapeHtml(b.label)}</button>`;
    case 'markall':
    case 'unmarkall':
    case 'refresh':
      return `<button${attrs({ type: 'button', class: 'ns-button', 'data-action': b.kind, 'data-sublist': sublistId, ...common })}>${escapeHtml(b.label)}</button>`;
    default:
      return `<button${attrs({ type: 'button', class: 'ns-button', 'data-function': b.functionName ?? undefined, ...common })}>${escapeHtml(b.label)}</button>`;
  }
}

function buttonBar(buttons: UiButton[], position: 'top' | 'bottom'): string {
  const html = buttons.map((b) => buttonHtml(b, position)).join('');
  return html ? `<div class="ns-buttons" data-buttons="${position}">${html}</div>` : '';
}

/* ------------------------------------------------------------------------------------------------ */
/* Field controls                                                                                     */

const INPUT_TYPES: Record<string, string> = {
  EMAIL: 'email',
  PHONE: 'tel',
  URL: 'url',
  PASSWORD: 'password',
};

interface ControlOptions {
  name: string;
  /** Element id (body fields: the field id; sublist cells: none). */
  id?: string;
  readonly: boolean;
  disabled: boolean;
  required: boolean;
  state: RenderState;
  label?: string;
}

/** An editable control for a field value. */
function controlHtml(field: UiField, value: unknown, o: ControlOptions): string {
  const fmt = o.state.meta.dateFormat;
  const common = {
    id: o.id,
    name: o.name,
    readonly: o.readonly,
    disabled: o.disabled,
    required: o.required,
    'aria-label': o.label,
  };
  const size = field.displaySize;
  switch (field.type) {
    case 'CHECKBOX':
      o.state.meta.checkboxes.push(o.name);
      return `<input${attrs({ type: 'checkbox', value: 'T', checked: isChecked(value), id: o.id, name: o.name, disabled: o.disabled || o.readonly, 'aria-label': o.label })}>`;
    case 'DATE': {
      o.state.meta.dates.push(o.name);
      const s = value instanceof Date ? dateToIso(value) : valueToString(value, 'DATE', fmt);
      const iso = s ? (userDateToIso(s, fmt) ?? s) : '';
      return `<input${attrs({ type: 'date', value: iso, 'data-date-format': fmt, ...common })}>`;
    }
    case 'TEXTAREA':
    case 'LONGTEXT':
    case 'RICHTEXT':
      return `<textarea${attrs({ ...common, rows: size?.height ?? (field.type === 'RICHTEXT' ? 6 : 4), cols: size?.width ?? 40, maxlength: field.maxLength ?? undefined, 'data-richtext': field.type === 'RICHTEXT' || undefined })}>${escapeHtml(valueToString(value, field.type, fmt))}</textarea>`;
    case 'SELECT':
    case 'MULTISELECT': {
      const multi = field.type === 'MULTISELECT';
      if (multi) o.state.meta.multiselects.push(o.name);
      const options = field.allOptions();
      const selected = multi ? multiValues(value) : value === undefined || value === null || value === '' ? [] : [String(value)];
      const anySelectedByValue = selected.length > 0;
      const blank = field.source && !multi ? '<option value=""></option>' : '';
      const opts = options
        .map((opt) => {
          const sel = anySelectedByValue ? selected.includes(opt.value) : opt.isSelected === true;
          return `<option${attrs({ value: opt.value, selected: sel })}>${escapeHtml(opt.text)}</option>`;
        })
        .join('');
      // A readonly select cannot be changed but must still post: disabled select + hidden input.
      if (o.readonly) {
        const hidden = selected.map((v) => `<input${attrs({ type: 'hidden', name: o.name, value: v })}>`).join('');
        return `<select${attrs({ id: o.id, multiple: multi, disabled: true, 'aria-label': o.label, 'data-source': field.source ?? undefined })}>${blank}${opts}</select>${hidden}`;
      }
      return `<select${attrs({ ...common, readonly: undefined, multiple: multi, size: multi ? (size?.height ?? undefined) : undefined, 'data-source': field.source ?? undefined })}>${blank}${opts}</select>`;
    }
    case 'FILE':
      return `<input${attrs({ type: 'file', ...common })}>`;
    case 'INTEGER':
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      return `<input${attrs({ type: 'text', inputmode: field.type === 'INTEGER' ? 'numeric' : 'decimal', value: valueToString(value, field.type, fmt), size: size?.width ?? undefined, class: 'ns-number', ...common })}>`;
    default:
      return `<input${attrs({ type: INPUT_TYPES[field.type] ?? 'text', value: valueToString(value, field.type, fmt), size: size?.width ?? undefined, maxlength: field.maxLength ?? undefined, ...common })}>`;
  }
}

/** A body field value shown as inline text (escaped), plus a hidden input so that the value posts. */
function inlineHtml(field: UiField, value: unknown, name: string, state: RenderState): string {
  const fmt = state.meta.dateFormat;
  const s = valueToString(value, field.type, fmt);
  let shown: string;
  switch (field.type) {
    case 'CHECKBOX':
      shown = `<input${attrs({ type: 'checkbox', disabled: true, checked: isChecked(value), 'aria-label': field.label })}>`;
      break;
    case 'SELECT':
      shown = escapeHtml(optionText(field.allOptions(), s) ?? s);
      break;
    case 'MULTISELECT':
      shown = multiValues(value)
        .map((v) => escapeHtml(optionText(field.allOptions(), v) ?? v))
        .join('<br>');
      break;
    case 'URL':
      shown = s ? `<a${attrs({ href: s })}>${escapeHtml(field.linkText || s)}</a>` : '';
      break;
    default:
      shown = escapeHtml(s);
  }
  const posted = field.type === 'CHECKBOX' ? (isChecked(value) ? 'T' : 'F') : s;
  return `<span class="ns-inline" data-value="${escapeAttr(posted)}">${shown}</span><input${attrs({ type: 'hidden', name, value: posted })}>`;
}

function labelHtml(field: UiField, forId: string | null): string {
  const mandatory = field.isMandatory ? '<span class="ns-mandatory" aria-hidden="true">*</span>' : '';
  const help = field.helpText ? `<span class="ns-help" title="${escapeAttr(field.helpText)}">?</span>` : '';
  return `<label${attrs({ class: 'ns-label', for: forId ?? undefined })}>${escapeHtml(field.label)}${mandatory}${help}</label>`;
}

function radioHtml(field: UiField, groupValue: string): string {
  const value = field.source ?? '';
  const disabled = field.displayType === 'DISABLED' || field.displayType === 'INLINE' || field.displayType === 'READONLY';
  return (
    `<div${attrs({ class: 'ns-field ns-field-radio', 'data-field': field.id, 'data-radio-value': value, 'data-field-type': 'RADIO' })}>` +
    `<label><input${attrs({ type: 'radio', name: field.id, value, checked: groupValue !== '' && groupValue === value, disabled, required: field.isMandatory })}> ${escapeHtml(field.label)}</label></div>`
  );
}

/** One body field (or FORM portlet field). */
export function bodyFieldHtml(field: UiField, state: RenderState, radioGroupValue = ''): string {
  const dt = field.displayType;
  if (dt === 'NODISPLAY') return '';
  const fmt = state.meta.dateFormat;
  if (field.type === 'INLINEHTML') {
    // Written as HTML: that is what the field type is for.
    return `<div${attrs({ class: 'ns-inlinehtml', 'data-field': field.id, 'data-field-type': 'INLINEHTML', hidden: dt === 'HIDDEN' })}>${rawHtml(field.defaultValue)}</div>`;
  }
  if (dt === 'HIDDEN') {
    const v = field.type === 'CHECKBOX' ? (isChecked(field.defaultValue) ? 'T' : 'F') : valueToString(field.defaultValue, field.type, fmt);
    return `<input${attrs({ type: 'hidden', id: field.id, name: field.id, value: v, 'data-field': field.id, 'data-field-type': field.type })}>`;
  }
  if (field.type === 'RADIO') return radioHtml(field, radioGroupValue);
  const wrap = (inner: string, extraClass = '') =>
    `<div${attrs({
      class: `ns-field${extraClass}`,
      'data-field': field.id,
      'data-field-type': field.type,
      'data-display-type': dt,
      'data-layout': field.layoutType !== 'NORMAL' ? field.layoutType : undefined,
      'data-break': field.breakType !== 'NONE' ? field.breakType : undefined,
      style: field.padding > 0 ? `margin-top:${field.padding * 1.4}em` : undefined,
    })}>${inner}</div>`;
  if (field.type === 'LABEL') return wrap(`<span class="ns-label">${escapeHtml(field.label)}</span>`, ' ns-field-label');
  if (field.type === 'HELP') return wrap(`<span class="ns-helptext">${escapeHtml(field.label)}</span>`, ' ns-field-help');
  if (dt === 'INLINE') return wrap(labelHtml(field, null) + inlineHtml(field, field.defaultValue, field.id, state));
  const control = controlHtml(field, field.defaultValue, {
    name: field.id,
    id: field.id,
    readonly: dt === 'READONLY',
    disabled: dt === 'DISABLED',
    required: field.isMandatory && field.type !== 'CHECKBOX',
    state,
  });
  return wrap(labelHtml(field, field.id) + control);
}

/* ------------------------------------------------------------------------------------------------ */
/* Sublists                                                                                           */

/** Whether a sublist field renders as an input (LIST: ENTRY fields and checkboxes; editors: all). */
export function isEntryCell(sublist: UiSublist, field: UiField): boolean {
  if (sublist.type === 'STATICLIST') return false;
  const dt = field.displayType;
  if (dt === 'INLINE' || dt === 'DISABLED' || dt === 'HIDDEN' || dt === 'NODISPLAY' || dt === 'READONLY') return false;
  if (sublist.type === 'LIST') return dt === 'ENTRY' || field.type === 'CHECKBOX';
  return true;
}

/** Whether the sublist posts its lines back (`<id>data` / `<id>fields`). STATICLIST does not. */
export function sublistPosts(sublist: UiSublist): boolean {
  return sublist.type !== 'STATICLIST';
}

/** The `<sublist>data` value: lines joined by \u0002, a line's fields (in `fields` order) by \u0001. */
export function encodeSublistData(fields: readonly string[], lines: readonly Record<string, string | null>[]): string {
  return lines.map((line) => fields.map((f) => line[f] ?? '').join(FIELD_SEPARATOR)).join(LINE_SEPARATOR);
}

/** A sublist display cell: the value is written AS HTML (NetSuite behaviour). */
function displayCell(field: UiField, value: string | null): string {
  const v = value ?? '';
  switch (field.type) {
    case 'CHECKBOX':
      return v === 'T' ? '<span class="ns-check" aria-label="Yes">&#10003;</span>' : '';
    case 'SELECT': {
      const text = optionText(field.allOptions(), v);
      return text !== null ? escapeHtml(text) : rawHtml(v);
    }
    case 'IMAGE':
      return v ? `<img${attrs({ src: v, alt: '' })}>` : '';
    default:
      return rawHtml(v);
  }
}

function numeric(type: string): boolean {
  return type === 'CURRENCY' || type === 'FLOAT' || type === 'INTEGER' || type === 'PERCENT';
}

function sublistHtml(sublist: UiSublist, state: RenderState): string {
  const allFields = sublist.fields;
  const visible = allFields.filter((f) => f.displayType !== 'HIDDEN' && f.displayType !== 'NODISPLAY');
  const hiddenSublist = sublist.displayType === 'HIDDEN';
  const head = visible
    .map((f) => `<th${attrs({ 'data-field': f.id, class: numeric(f.type) ? 'ns-align-right' : undefined })}>${escapeHtml(f.label)}${f.isMandatory ? '<span class="ns-mandatory">*</span>' : ''}</th>`)
    .join('');
  const cell = (f: UiField, line: number, value: string | null, isNew: boolean): string => {
    const cls = numeric(f.type) ? 'ns-align-right' : f.type === 'CHECKBOX' ? 'ns-align-center' : undefined;
    const a = attrs({ class: cls, 'data-sublist': sublist.id, 'data-line': line, 'data-field': f.id, 'data-value': isNew ? undefined : (value ?? '') });
    const inner = isEntryCell(sublist, f)
      ? controlHtml(f, value, {
          name: `${sublist.id}_${f.id}_${line}`,
          readonly: false,
          disabled: false,
          required: false,
          state,
          label: `${f.label} line ${line + 1}`,
        })
      : displayCell(f, value);
    return `<td${a}>${inner}</td>`;
  };
  const rows: string[] = sublist.lines.map(
    (line, i) =>
      `<tr${attrs({ class: `ns-row ns-row-${i % 2 === 0 ? 'even' : 'odd'}`, 'data-sublist': sublist.id, 'data-line': i })}>` +
      visible.map((f) => cell(f, i, line[f.id] ?? null, false)).join('') +
      '</tr>',
  );
  if ((sublist.type === 'INLINEEDITOR' || sublist.type === 'EDITOR') && visible.some((f) => isEntryCell(sublist, f))) {
    const n = sublist.lines.length;
    rows.push(
      `<tr${attrs({ class: 'ns-row ns-row-new', 'data-sublist': sublist.id, 'data-line': n, 'data-new-line': 'true' })}>` +
        visible.map((f) => cell(f, n, null, true)).join('') +
        '</tr>',
    );
  }
  let foot = '';
  if (sublist.totallingField) {
    const tf = sublist.totallingField;
    const total = sublist.lines.reduce((sum, line) => sum + (Number.parseFloat(String(line[tf] ?? '').replace(/,/g, '')) || 0), 0);
    foot =
      '<tfoot><tr>' +
      visible
        .map((f, i) =>
          f.id === tf
            ? `<td class="ns-align-right" data-total="${escapeAttr(tf)}">${escapeHtml(total.toFixed(2))}</td>`
            : `<td>${i === 0 ? 'Total' : ''}</td>`,
        )
        .join('') +
      '</tr></tfoot>';
  }
  const buttons = sublist.buttons.map((b) => buttonHtml(b, 'sublist', sublist.id)).join('');
  let posted = '';
  if (sublistPosts(sublist)) {
    const ids = allFields.map((f) => f.id);
    posted =
      `<input${attrs({ type: 'hidden', name: `${sublist.id}fields`, value: ids.join(FIELD_SEPARATOR) })}>` +
      `<input${attrs({ type: 'hidden', name: `${sublist.id}data`, value: encodeSublistData(ids, sublist.lines) })}>`;
  }
  return (
    `<div${attrs({ class: 'ns-sublist', 'data-sublist': sublist.id, 'data-sublist-type': sublist.type, hidden: hiddenSublist, title: sublist.helpText || undefined })}>` +
    `<div class="ns-sublist-title">${escapeHtml(sublist.label)}</div>` +
    (buttons ? `<div class="ns-buttons ns-sublist-buttons">${buttons}</div>` : '') +
    `<table class="ns-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody>${foot}</table>` +
    posted +
    '</div>'
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Form                                                                                               */

function fieldsBlock(fields: UiField[], state: RenderState, radioValues: Map<string, string>): string {
  if (!fields.length) return '';
  const hidden = fields.filter((f) => f.displayType === 'HIDDEN' && f.type !== 'INLINEHTML');
  const shown = fields.filter((f) => !(f.displayType === 'HIDDEN' && f.type !== 'INLINEHTML'));
  const order = (f: UiField) => (f.layoutType === 'OUTSIDEABOVE' ? 0 : f.layoutType === 'OUTSIDEBELOW' ? 2 : 1);
  const sorted = shown.map((f, i) => ({ f, i })).sort((a, b) => order(a.f) - order(b.f) || a.i - b.i).map((x) => x.f);
  const inner = sorted.map((f) => bodyFieldHtml(f, state, radioValues.get(f.id) ?? '')).join('');
  return (inner ? `<div class="ns-fields">${inner}</div>` : '') + hidden.map((f) => bodyFieldHtml(f, state)).join('');
}

function renderFormBody(form: UiForm, state: RenderState): string {
  // Radio groups: the checked value is the last non-empty defaultValue set on any button of the group.
  const radioValues = new Map<string, string>();
  for (const f of form.fields) {
    if (f.type === 'RADIO' && f.defaultValue !== null && f.defaultValue !== undefined && f.defaultValue !== '') radioValues.set(f.id, String(f.defaultValue));
  }
  const fieldsIn = (container: string | null) => form.fields.filter((f) => f.container === container);
  const groupsIn = (tab: string | null) => form.fieldGroups.filter((g) => g.tab === tab);
  const sublistsIn = (tab: string | null) => form.sublists.filter((s) => s.tab === tab);
  const groupHtml = (containerTab: string | null) =>
    groupsIn(containerTab)
      .map(
        (g) =>
          `<fieldset${attrs({ class: 'ns-fieldgroup', 'data-fieldgroup': g.id, 'data-collapsible': g.isCollapsible || undefined, 'data-collapsed': g.isCollapsed || undefined, 'data-single-column': g.isSingleColumn || undefined, style: g.isBorderHidden ? 'border:0' : undefined })}>` +
          (g.label ? `<legend>${escapeHtml(g.label)}</legend>` : '') +
          fieldsBlock(fieldsIn(g.id), state, radioValues) +
          '</fieldset>',
      )
      .join('');
  const areaHtml = (containerId: string | null) =>
    fieldsBlock(fieldsIn(containerId), state, radioValues) + groupHtml(containerId) + sublistsIn(containerId).map((s) => sublistHtml(s, state)).join('');
  const subtabHtml = (parent: string | null) =>
    form.tabs
      .filter((t) => t.isSubtab && t.parent === parent)
      .map((t) => `<section${attrs({ class: 'ns-subtab', 'data-subtab': t.id, title: t.helpText || undefined })}><h3>${escapeHtml(t.label)}</h3>${areaHtml(t.id)}</section>`)
      .join('');
  const tabs = form.tabs
    .filter((t) => !t.isSubtab)
    .map((t) => `<section${attrs({ class: 'ns-tab', 'data-tab': t.id, title: t.helpText || undefined })}><h2>${escapeHtml(t.label)}</h2>${areaHtml(t.id)}${subtabHtml(t.id)}</section>`)
    .join('');
  return areaHtml(null) + subtabHtml(null) + tabs;
}

function renderForm(form: UiForm): string {
  const state: RenderState = { meta: { checkboxes: [], dates: [], multiselects: [], dateFormat: form.settings.dateFormat } };
  const body = renderFormBody(form, state);
  const multipart = form.fields.some((f) => f.type === 'FILE');
  const meta = `<input${attrs({ type: 'hidden', name: FORM_META_INPUT, value: JSON.stringify(state.meta) })}>`;
  return (
    `<div class="ns-page" data-page="form">` +
    navBar(form.hideNavBar) +
    pageLinksHtml(form.pageLinks) +
    titleBar(form.title) +
    form.messages.map(bannerHtml).join('') +
    clientScriptNote(form.clientScriptModulePath, form.clientScriptFileId) +
    `<form${attrs({ method: 'POST', action: '', enctype: multipart ? 'multipart/form-data' : undefined, 'data-form': 'main', 'accept-charset': 'utf-8' })}>` +
    buttonBar(form.buttons, 'top') +
    `<div class="ns-body">${body}</div>` +
    buttonBar(form.buttons, 'bottom') +
    meta +
    '</form></div>'
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Lists and portlets                                                                                 */

/** Plain description of a list column (List, LIST portlet). */
export interface ColumnSnapshot {
  id: string;
  type: string;
  label: string;
  align: string;
  url: string | null;
  dynamicUrl: boolean;
  urlParams: UrlParam[];
  edit: EditColumnSpec | null;
}

export function columnSnapshot(c: UiListColumn): ColumnSnapshot {
  return {
    id: c.id,
    type: c.type,
    label: c.label,
    align: c.align,
    url: c.url,
    dynamicUrl: c.dynamicUrl,
    urlParams: c.urlParams.map((p) => ({ ...p })),
    edit: c.edit ? { ...c.edit } : null,
  };
}

function withParams(base: string, params: [string, string][]): string {
  if (!params.length) return base;
  const q = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return base + (base.includes('?') ? '&' : '?') + q;
}

function listCell(col: ColumnSnapshot, row: ListRow): string {
  if (col.edit) {
    const e = col.edit;
    if (!e.link) return 'Edit' + (e.showView ? ' | View' : '');
    const href = withParams(e.link, [[e.linkParamName, row[e.linkParam] ?? '']]);
    const edit = `<a${attrs({ href: withParams(href, [['e', 'T']]), 'data-action': 'edit' })}>Edit</a>`;
    return e.showView ? `${edit} | <a${attrs({ href, 'data-action': 'view' })}>View</a>` : edit;
  }
  // Cell values are written AS HTML (NetSuite behaviour: scripts put links in them).
  const value = rawHtml(row[col.id] ?? '');
  if (!col.url) return value;
  const base = col.dynamicUrl ? (row[col.url.toLowerCase()] ?? '') : col.url;
  const params = col.urlParams.map((p): [string, string] => [p.param, p.dynamic ? (row[p.value.toLowerCase()] ?? '') : p.value]);
  return `<a${attrs({ href: withParams(base, params) })}>${value}</a>`;
}

/** A list table (List page, LIST portlet). */
export function listTableHtml(columns: readonly ColumnSnapshot[], rows: readonly ListRow[], style: string, listId: string): string {
  const align = (c: ColumnSnapshot) => (c.align === 'RIGHT' ? 'ns-align-right' : c.align === 'CENTER' ? 'ns-align-center' : undefined);
  const head = columns.map((c) => `<th${attrs({ 'data-column': c.id, class: align(c) })}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map(
      (row, i) =>
        `<tr${attrs({ class: `ns-row ns-row-${i % 2 === 0 ? 'even' : 'odd'}`, 'data-line': i })}>` +
        columns.map((c) => `<td${attrs({ class: align(c), 'data-column': c.id, 'data-line': i })}>${listCell(c, row)}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return `<table${attrs({ class: `ns-table ns-list-style-${style}`, 'data-list': listId })}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function renderList(list: UiList): string {
  return (
    `<div class="ns-page" data-page="list">` +
    navBar(list.hideNavBar) +
    pageLinksHtml(list.pageLinks) +
    titleBar(list.title) +
    clientScriptNote(list.clientScriptModulePath, list.clientScriptFileId) +
    buttonBar(list.buttons, 'top') +
    `<div class="ns-body">${listTableHtml(list.columns.map(columnSnapshot), list.rows, list.style, 'main')}</div>` +
    '</div>'
  );
}

/** Render a serverWidget Form or List as a full HTML document (or the page fragment). */
export function renderPage(page: PageObject | unknown, options: RenderOptions = {}): string {
  let fragment: string;
  let title: string;
  if (page instanceof UiForm) {
    fragment = renderForm(page);
    title = page.title;
  } else if (page instanceof UiList) {
    fragment = renderList(page);
    title = page.title;
  } else {
    throw createError('SSS_INVALID_UI_OBJECT_TYPE', 'writePage: pageObject must be a serverWidget Form, List or Assistant');
  }
  return options.fragment ? fragment : htmlDocument(title, fragment);
}

/* ------------------------------------------------------------------------------------------------ */
/* Portlets                                                                                           */

export type PortletType = 'LIST' | 'HTML' | 'LINKS' | 'FORM';

export interface PortletLine {
  text: string;
  url: string | null;
  align: number;
}

export interface PortletSnapshot {
  type: PortletType;
  title: string;
  columns: ColumnSnapshot[];
  rows: ListRow[];
  /** HTML portlets: the html set by the script ('' otherwise). */
  html: string;
  lines: PortletLine[];
  /** FORM portlets: the fields, as live Field objects (rendered like form fields). */
  fields: UiField[];
  submitButton: { url: string; label: string; target: string | null } | null;
  clientScriptModulePath: string | null;
  /** The user's date format (for FORM portlet date fields). */
  dateFormat: string;
}

/** A dashboard portlet frame with its title bar and body. */
export function renderPortlet(snapshot: PortletSnapshot): string {
  let body: string;
  switch (snapshot.type) {
    case 'HTML':
      // HTML portlets show exactly the script's html.
      body = rawHtml(snapshot.html);
      break;
    case 'LIST':
      body = listTableHtml(snapshot.columns, snapshot.rows, 'normal', 'portlet');
      break;
    case 'LINKS':
      body =
        '<ul class="ns-portlet-links">' +
        snapshot.lines
          .map((l, i) => {
            const style = l.align > 0 ? `padding-left:${l.align}em` : undefined;
            const text = rawHtml(l.text);
            return `<li${attrs({ 'data-line': i, style })}>${l.url ? `<a${attrs({ href: l.url })}>${text}</a>` : text}</li>`;
          })
          .join('') +
        '</ul>';
      break;
    case 'FORM': {
      const state: RenderState = { meta: { checkboxes: [], dates: [], multiselects: [], dateFormat: snapshot.dateFormat } };
      const fields = snapshot.fields.map((f) => bodyFieldHtml(f, state)).join('');
      const sb = snapshot.submitButton;
      body =
        `<form${attrs({ method: 'POST', action: sb?.url ?? '', target: sb?.target ?? undefined, 'data-form': 'portlet' })}>` +
        `<div class="ns-fields">${fields}</div>` +
        (sb ? `<div class="ns-buttons"><button type="submit" class="ns-button ns-button-primary" data-button="submitter">${escapeHtml(sb.label)}</button></div>` : '') +
        `<input${attrs({ type: 'hidden', name: FORM_META_INPUT, value: JSON.stringify(state.meta) })}>` +
        '</form>';
      break;
    }
  }
  return (
    `<div${attrs({ class: 'ns-portlet', 'data-portlet-type': snapshot.type })}>` +
    `<div class="ns-portlet-title" data-portlet-title>${escapeHtml(snapshot.title)}</div>` +
    `<div class="ns-portlet-body">${body}</div></div>`
  );
}

/** A portlet alone in a full HTML document (for previews). */
export function renderPortletDocument(snapshot: PortletSnapshot): string {
  return htmlDocument(snapshot.title || 'Portlet', renderPortlet(snapshot));
}
