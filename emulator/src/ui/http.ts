/**
 * What Suitelet and portlet entry points receive: http.ServerRequest, http.ServerResponse and the
 * `params.portlet` object of portlet scripts. Plus the decoding of what a rendered form posts back
 * (parseFormPost, decodeSublistPost), so a local web page can round-trip a Suitelet form.
 */
import type { ExecContext, ModuleEnv } from '../types';
import { createError, requireArg } from '../runtime/errors';
import { isoToUserDate } from './dates';
import {
  FIELD_SEPARATOR,
  FORM_META_INPUT,
  LINE_SEPARATOR,
  MULTISELECT_SEPARATOR,
  columnSnapshot,
  renderPage,
  type FormMeta,
  type PortletLine,
  type PortletSnapshot,
  type PortletType,
} from './render';
import { ListColumns, UiButton, UiField, ClientScriptSlot, normalizeId, optionsOf, required, FieldType } from './widgets';
import { isRestletScript, recordUrl, scriptUrl, taskLinkUrl } from './url';
import { dateFormatOf, recordOptionResolver } from './serverWidget';

/** http.Method */
export const Method = Object.freeze({ GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' } as const);
/** http.RedirectType */
export const RedirectType = Object.freeze({ RECORD: 'RECORD', SUITELET: 'SUITELET', RESTLET: 'RESTLET', MEDIA_ITEM: 'MEDIAITEM', TASK_LINK: 'TASKLINK' } as const);

/* ------------------------------------------------------------------------------------------------ */
/* Form posts                                                                                         */

type Pairs = Iterable<readonly [string, string]>;

/**
 * Turn the name/value pairs a browser posts for a rendered form into what NetSuite's request.parameters
 * holds: checkboxes 'T'/'F' (an unchecked box is absent from a browser post), dates in the user's date
 * format (browsers post ISO from `<input type="date">`), multiselect values joined with \u0005, other
 * repeated names: the last value. The emulator's `_emu_form` description input is dropped.
 */
export function parseFormPost(input: string | URLSearchParams | Pairs): Record<string, string> {
  const pairs: [string, string][] =
    typeof input === 'string' ? [...new URLSearchParams(input)] : input instanceof URLSearchParams ? [...input] : [...input].map(([k, v]) => [k, v]);
  const grouped = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = grouped.get(k);
    if (list) list.push(v);
    else grouped.set(k, [v]);
  }
  let meta: FormMeta | null = null;
  const metaValues = grouped.get(FORM_META_INPUT);
  if (metaValues) {
    try {
      meta = JSON.parse(metaValues[metaValues.length - 1] ?? '') as FormMeta;
    } catch {
      meta = null;
    }
    grouped.delete(FORM_META_INPUT);
  }
  const multis = new Set(meta?.multiselects ?? []);
  const dates = new Set(meta?.dates ?? []);
  const out: Record<string, string> = {};
  for (const [k, values] of grouped) {
    let v = multis.has(k) ? values.filter((x) => x !== '').join(MULTISELECT_SEPARATOR) : (values[values.length - 1] ?? '');
    if (dates.has(k) && meta) v = isoToUserDate(v, meta.dateFormat);
    out[k] = v;
  }
  for (const name of meta?.checkboxes ?? []) out[name] = out[name] === undefined || out[name] === '' || out[name] === 'F' ? 'F' : 'T';
  for (const name of meta?.multiselects ?? []) if (out[name] === undefined) out[name] = '';
  return out;
}

/**
 * The lines of a posted sublist: `<group>fields` names the fields (\u0001-separated), `<group>data` holds
 * the lines (\u0002) of values (\u0001) — NetSuite's encoding — and the rendered per-line inputs
 * `<group>_<field>_<line>` (0-based) override them. A trailing new line (editor sublists) counts only when
 * one of its values is filled in. Null when nothing was posted for the group.
 */
export function decodeSublistPost(params: Readonly<Record<string, string>>, group: string): Record<string, string>[] | null {
  const g = group.toLowerCase();
  const fieldsParam = params[`${g}fields`];
  const dataParam = params[`${g}data`];
  if (fieldsParam === undefined) return null;
  const fields = fieldsParam === '' ? [] : fieldsParam.split(FIELD_SEPARATOR);
  const lines: Record<string, string>[] =
    dataParam === undefined || dataParam === ''
      ? []
      : dataParam.split(LINE_SEPARATOR).map((line) => {
          const values = line.split(FIELD_SEPARATOR);
          const rec: Record<string, string> = {};
          fields.forEach((f, i) => (rec[f] = values[i] ?? ''));
          return rec;
        });
  for (let line = 0; ; line++) {
    const existing = line < lines.length;
    const rec: Record<string, string> = existing ? (lines[line] as Record<string, string>) : Object.fromEntries(fields.map((f) => [f, '']));
    let posted = false;
    let filled = false;
    for (const f of fields) {
      const v = params[`${g}_${f}_${line}`];
      if (v === undefined) continue;
      posted = true;
      rec[f] = v;
      if (v !== '' && v !== 'F') filled = true;
    }
    if (existing) continue;
    if (!posted || !filled) break;
    lines.push(rec);
  }
  return lines;
}

/* ------------------------------------------------------------------------------------------------ */
/* ServerRequest                                                                                      */

export interface ServerRequestInit {
  method?: string;
  /** Parameters already decoded (name → value), merged over the URL's query string. */
  parameters?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  url?: string;
  /** Raw body; a form-urlencoded POST body is decoded into parameters (parseFormPost). */
  body?: string;
  clientIpAddress?: string;
  files?: Record<string, unknown>;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

export function createServerRequest(init: ServerRequestInit = {}) {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = { ...(init.headers ?? {}) };
  const url = init.url ?? '';
  const body = init.body ?? '';
  const pairs: [string, string][] = [];
  const q = url.indexOf('?');
  if (q >= 0) pairs.push(...new URLSearchParams(url.slice(q + 1)));
  for (const [k, v] of Object.entries(init.parameters ?? {})) {
    if (Array.isArray(v)) for (const x of v) pairs.push([k, String(x)]);
    else pairs.push([k, String(v)]);
  }
  const contentType = headerValue(headers, 'content-type') ?? '';
  if (method === 'POST' && body && (contentType.includes('application/x-www-form-urlencoded') || (!contentType && /^[^={}[\]\s]+=/.test(body)))) {
    pairs.push(...new URLSearchParams(body));
  }
  const parameters: Readonly<Record<string, string>> = Object.freeze(parseFormPost(pairs));
  const lineCache = new Map<string, Record<string, string>[] | null>();
  const linesOf = (group: string) => {
    const g = group.toLowerCase();
    if (!lineCache.has(g)) lineCache.set(g, decodeSublistPost(parameters, g));
    return lineCache.get(g) ?? null;
  };
  return {
    method,
    parameters,
    headers,
    url,
    body,
    clientIpAddress: init.clientIpAddress ?? '127.0.0.1',
    files: init.files ?? {},
    /** Number of posted lines of a sublist; -1 when the sublist was not posted. */
    getLineCount(options: unknown): number {
      const o = optionsOf(options, 'ServerRequest.getLineCount');
      const group = String(required(o, 'group', 'ServerRequest.getLineCount'));
      const lines = linesOf(group);
      return lines === null ? -1 : lines.length;
    },
    /** A posted sublist value; null when the line or field was not posted. */
    getSublistValue(options: unknown): string | null {
      const method = 'ServerRequest.getSublistValue';
      const o = optionsOf(options, method);
      const group = String(required(o, 'group', method));
      const name = String(required(o, 'name', method)).toLowerCase();
      const line = Number(requireArg(o, 'line', method));
      const v = linesOf(group)?.[line]?.[name];
      return v === undefined ? null : v;
    },
  };
}

export type ServerRequest = ReturnType<typeof createServerRequest>;

/* ------------------------------------------------------------------------------------------------ */
/* ServerResponse                                                                                     */

export { renderPortlet, renderPortletDocument } from './render';

export interface ResponseSnapshot {
  status: number;
  /** Header name → value; a header added several times (addHeader) is joined with ', '. */
  headers: Record<string, string>;
  body: string;
  redirect: string | null;
}

const FILE_CONTENT_TYPES: Record<string, string> = {
  PLAINTEXT: 'text/plain',
  CSV: 'text/csv',
  HTMLDOC: 'text/html',
  JSON: 'application/json',
  PDF: 'application/pdf',
  XMLDOC: 'text/xml',
  EXCEL: 'application/vnd.ms-excel',
  JAVASCRIPT: 'application/javascript',
  STYLESHEET: 'text/css',
};

function nameValue(args: unknown[], method: string): { name: string; value: string } {
  if (typeof args[0] === 'string') {
    if (args[1] === undefined) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: value`);
    return { name: args[0], value: String(args[1]) };
  }
  const o = optionsOf(args[0], method);
  return { name: String(required(o, 'name', method)), value: String(requireArg(o, 'value', method)) };
}

/**
 * A ServerResponse. When `ctx` is given, redirects go to `ctx.response` (created if missing), the same
 * channel N/redirect writes, so that both APIs agree; the status is 302 when a redirect is set.
 */
export function createServerResponse(ctx?: ExecContext | null) {
  let channel: { redirect: string | null };
  if (ctx) {
    if (!ctx.response) ctx.response = { redirect: null };
    channel = ctx.response;
  } else {
    channel = { redirect: null };
  }
  const headers: { name: string; values: string[] }[] = [];
  let body = '';
  let cdn: string | null = null;
  const find = (name: string) => headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
  const set = (name: string, value: string) => {
    const h = find(name);
    if (h) h.values = [value];
    else headers.push({ name, values: [value] });
  };
  const defaultType = (type: string) => {
    if (!find('Content-Type')) set('Content-Type', type);
  };
  const outputOf = (options: unknown, method: string): string => {
    if (typeof options === 'string') return options;
    const o = optionsOf(options, method);
    const output = requireArg(o, 'output', method);
    if (typeof output !== 'string') throw createError('WRONG_PARAMETER_TYPE', `${method}: Wrong parameter type: output is expected as string.`);
    return output;
  };
  return {
    get headers(): Record<string, string | string[]> {
      const out: Record<string, string | string[]> = {};
      for (const h of headers) out[h.name] = h.values.length === 1 ? (h.values[0] as string) : [...h.values];
      return out;
    },
    write(options: unknown): void {
      body += outputOf(options, 'ServerResponse.write');
    },
    writeLine(options: unknown): void {
      body += `${outputOf(options, 'ServerResponse.writeLine')}\n`;
    },
    writePage(options: unknown): void {
      // NetSuite documents writePage({pageObject}) and also accepts the page object itself
      // (response.writePage(form) is the common form in SuiteScript code).
      const o = options !== null && typeof options === 'object' ? (options as object) : null;
      const direct = o !== null && !('pageObject' in o) && ('addField' in o || 'addColumn' in o);
      const page = direct ? options : required(optionsOf(options, 'ServerResponse.writePage'), 'pageObject', 'ServerResponse.writePage');
      body += renderPage(page);
      defaultType('text/html; charset=utf-8');
    },
    writeFile(options: unknown): void {
      const o = optionsOf(options, 'ServerResponse.writeFile');
      const file = required(o, 'file', 'ServerResponse.writeFile') as { getContents?: () => string; name?: string; fileType?: string };
      if (typeof file.getContents !== 'function') throw createError('WRONG_PARAMETER_TYPE', 'ServerResponse.writeFile: file must be an N/file File');
      body += file.getContents();
      set('Content-Type', FILE_CONTENT_TYPES[String(file.fileType ?? '').toUpperCase()] ?? 'application/octet-stream');
      set('Content-Disposition', `${o.isInline === true ? 'inline' : 'attachment'}; filename="${String(file.name ?? 'file').replace(/"/g, '')}"`);
    },
    renderPdf(options: unknown): void {
      const o = optionsOf(options, 'ServerResponse.renderPdf');
      const xml = String(required(o, 'xmlString', 'ServerResponse.renderPdf'));
      // The emulator does not produce PDF bytes: the body is the BFO XML, marked as such.
      body += xml;
      set('Content-Type', 'application/pdf');
      set('X-Emulator-Pdf-Source', 'bfo-xml');
    },
    setHeader(...args: unknown[]): void {
      const { name, value } = nameValue(args, 'ServerResponse.setHeader');
      set(name, value);
    },
    addHeader(...args: unknown[]): void {
      const { name, value } = nameValue(args, 'ServerResponse.addHeader');
      const h = find(name);
      if (h) h.values.push(value);
      else headers.push({ name, values: [value] });
    },
    getHeader(options: unknown): string | string[] | null {
      const name = typeof options === 'string' ? options : String(required(optionsOf(options, 'ServerResponse.getHeader'), 'name', 'ServerResponse.getHeader'));
      const h = find(name);
      if (!h) return null;
      return h.values.length === 1 ? (h.values[0] as string) : [...h.values];
    },
    setCdnCacheable(options: unknown): void {
      const o = optionsOf(options, 'ServerResponse.setCdnCacheable');
      cdn = String(required(o, 'type', 'ServerResponse.setCdnCacheable'));
    },
    sendRedirect(options: unknown): void {
      const method = 'ServerResponse.sendRedirect';
      const o = optionsOf(options, method);
      const type = String(required(o, 'type', method)).toUpperCase();
      const identifier = required(o, 'identifier', method) as string | number;
      const params = (o.parameters ?? null) as Record<string, unknown> | null;
      let url: string;
      switch (type) {
        case 'RECORD':
          url = recordUrl(String(identifier), o.id as string | number | undefined, o.editMode === true, params);
          break;
        case 'SUITELET':
        case 'RESTLET':
          url = scriptUrl(identifier, required(o, 'id', method) as string | number, {
            params,
            restlet: type === 'RESTLET' || isRestletScript(ctx ?? null, identifier),
            accountId: ctx?.account?.state?.company?.accountId,
          });
          break;
        case 'TASKLINK':
          url = taskLinkUrl(String(identifier), params);
          break;
        case 'MEDIAITEM':
          url = `/core/media/media.nl?id=${encodeURIComponent(String(identifier))}`;
          break;
        default:
          throw createError('SSS_INVALID_TYPE_ARG', `${method}: invalid redirect type ${type}`);
      }
      channel.redirect = url;
    },
    /** What the emulator sends back: 302 + Location when redirected, else 200. */
    snapshot(): ResponseSnapshot {
      const out: Record<string, string> = {};
      for (const h of headers) out[h.name] = h.values.join(', ');
      if (cdn) out['X-Emulator-Cdn-Cacheable'] = cdn;
      if (channel.redirect) {
        out.Location = channel.redirect;
        return { status: 302, headers: out, body, redirect: channel.redirect };
      }
      if (!Object.keys(out).some((k) => k.toLowerCase() === 'content-type')) out['Content-Type'] = 'text/html; charset=utf-8';
      return { status: 200, headers: out, body, redirect: null };
    },
  };
}

export type ServerResponse = ReturnType<typeof createServerResponse>;

/* ------------------------------------------------------------------------------------------------ */
/* Portlet object                                                                                     */

const PORTLET_TYPES: readonly PortletType[] = ['LIST', 'HTML', 'LINKS', 'FORM'];

/**
 * The `params.portlet` object of a portlet script of the given type. Using a member that belongs to
 * another portlet type throws SSS_INVALID_UI_OBJECT_TYPE (the code NetSuite uses for N/portlet calls on
 * a portlet of the wrong type).
 */
export function createPortletObject(portletType: PortletType, ctx?: ExecContext | null, env?: ModuleEnv | null) {
  const type = String(portletType).toUpperCase() as PortletType;
  if (!PORTLET_TYPES.includes(type)) throw createError('SSS_INVALID_TYPE_ARG', `unknown portlet type ${String(portletType)}`);
  let title = '';
  let html = '';
  const table = new ListColumns();
  const lines: PortletLine[] = [];
  const fields: UiField[] = [];
  const clientScript = new ClientScriptSlot();
  let submitButton: PortletSnapshot['submitButton'] = null;
  const dateFormat = dateFormatOf(ctx);
  const resolver = recordOptionResolver(env);
  const only = (allowed: PortletType, member: string) => {
    if (type !== allowed) {
      throw createError('SSS_INVALID_UI_OBJECT_TYPE', `Portlet.${member} is only available on ${allowed} portlets (this portlet is ${type})`);
    }
  };
  return {
    get title(): string {
      return title;
    },
    set title(v: string) {
      title = v === undefined || v === null ? '' : String(v);
    },
    get html(): string {
      return html;
    },
    set html(v: string) {
      only('HTML', 'html');
      html = v === undefined || v === null ? '' : String(v);
    },
    get clientScriptModulePath(): string | null {
      return clientScript.getPath();
    },
    set clientScriptModulePath(v: string | null) {
      only('FORM', 'clientScriptModulePath');
      clientScript.setPath(v);
    },
    get clientScriptFileId(): number | string | null {
      return clientScript.getFileId();
    },
    set clientScriptFileId(v: number | string | null) {
      only('FORM', 'clientScriptFileId');
      clientScript.setFileId(v);
    },
    addColumn(options: unknown) {
      only('LIST', 'addColumn');
      return table.addColumn(options, 'Portlet.addColumn');
    },
    addEditColumn(options: unknown) {
      only('LIST', 'addEditColumn');
      return table.addEditColumn(options, 'Portlet.addEditColumn');
    },
    addRow(options: unknown): void {
      only('LIST', 'addRow');
      table.addRow(options, 'Portlet.addRow');
    },
    addRows(options: unknown): void {
      only('LIST', 'addRows');
      table.addRows(options, 'Portlet.addRows');
    },
    addLine(options: unknown): void {
      only('LINKS', 'addLine');
      const o = optionsOf(options, 'Portlet.addLine');
      const text = String(required(o, 'text', 'Portlet.addLine'));
      const url = o.url === undefined || o.url === null || o.url === '' ? null : String(o.url);
      const align = o.align === undefined || o.align === null ? 0 : Number(o.align);
      lines.push({ text, url, align: Number.isFinite(align) ? align : 0 });
    },
    addField(options: unknown): UiField {
      only('FORM', 'addField');
      const method = 'Portlet.addField';
      const o = optionsOf(options, method);
      const id = normalizeId(required(o, 'id', method), 'field', method);
      const label = String(required(o, 'label', method));
      const t = String(required(o, 'type', method)).toUpperCase();
      if (!Object.values(FieldType).includes(t as 'TEXT')) throw createError('SSS_INVALID_TYPE_ARG', `${method}: invalid field type ${t}`);
      if (fields.some((f) => f.id === id)) throw createError('EMU_DUPLICATE_UI_OBJECT_ID', `${method}: a field with id "${id}" already exists on this portlet`);
      const source = o.source === undefined || o.source === null || o.source === '' ? null : String(o.source);
      const field = new UiField(id, t, label, source, null, 'portlet');
      field.resolver = resolver;
      fields.push(field);
      return field;
    },
    setSubmitButton(options: unknown): UiButton {
      only('FORM', 'setSubmitButton');
      const o = optionsOf(options, 'Portlet.setSubmitButton');
      const url = String(required(o, 'url', 'Portlet.setSubmitButton'));
      const label = o.label === undefined || o.label === null || o.label === '' ? 'Submit' : String(o.label);
      submitButton = { url, label, target: o.target === undefined || o.target === null ? null : String(o.target) };
      return new UiButton('submitter', label, null, 'submit');
    },
    /** What the portlet script produced. */
    snapshot(): PortletSnapshot {
      return {
        type,
        title,
        columns: table.columns.map(columnSnapshot),
        rows: table.rows.map((r) => ({ ...r })),
        html,
        lines: lines.map((l) => ({ ...l })),
        fields: [...fields],
        submitButton: submitButton ? { ...submitButton } : null,
        clientScriptModulePath: clientScript.getPath(),
        dateFormat,
      };
    },
  };
}

export type PortletObject = ReturnType<typeof createPortletObject>;
