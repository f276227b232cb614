/**
 * N/record for the emulator: record.create/load/copy/transform/delete/submitFields and the Record
 * object (standard and dynamic mode), over the records service (env.records). Governance is charged
 * per call and record category (src/runtime/governance.ts); user events fire around every write
 * (beforeSubmit → write → afterSubmit).
 *
 * Value conversions follow SuiteScript: date fields ↔ Date at local midnight of the calendar date,
 * currency/number fields ↔ number, selects ↔ string ids, checkboxes ↔ boolean. Strictness beyond
 * NetSuite (documented in emulator/src/records/FIDELITY.md): unknown field ids and sublists throw,
 * derived fields cannot be set, values of the wrong type throw INVALID_FLD_VALUE.
 */
import type { ExecContext, FieldInfo, FieldValue, Line, ModuleEnv, ModuleFactory, RecordService, RecordTypeInfo, RecordView, StoredRecord } from '../types';
import { createError, requireArg } from '../runtime/errors';
import { recordCost, type RecordOp } from '../runtime/governance';
import { dateToIso, formatDate, isIsoDate, isoToDate, parseDate, toCents, fromCents } from '../records/values';
import { scriptingOf } from '../records/schema';
import { isDateObject } from '../runtime/values';

/** record.Type: NetSuite's names for the record types the emulator models. */
export const Type = Object.freeze({
  CURRENCY: 'currency',
  SUBSIDIARY: 'subsidiary',
  TERM: 'term',
  EMPLOYEE: 'employee',
  CUSTOMER: 'customer',
  SALES_ORDER: 'salesorder',
  INVOICE: 'invoice',
  CREDIT_MEMO: 'creditmemo',
  CUSTOMER_DEPOSIT: 'customerdeposit',
  DEPOSIT_APPLICATION: 'depositapplication',
  CUSTOMER_PAYMENT: 'customerpayment',
});

/** What getText and setText need beyond RecordService (RecordStore provides it). */
interface TextSource {
  displayText(type: string, id: string): string | null;
  ids(type: string): string[];
}

interface RecordDeps {
  records: RecordService;
  ctx?: ExecContext;
}

type Opts = Record<string, unknown>;

function asOpts(o: unknown, key: string): Opts {
  if (typeof o === 'string') return { [key]: o };
  if (o === null || typeof o !== 'object') return {};
  return o as Opts;
}

const APPLY_SUBLISTS = new Set(['apply', 'credit', 'deposit']);

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/* ------------------------------------------------------------------------------------------------ */
/* Record object                                                                                      */

export class EmuRecord {
  id: number | null;
  readonly type: string;
  readonly isDynamic: boolean;
  /** Body values in stored form (derived ones included for reading). */
  private values: Record<string, FieldValue>;
  private lines: Record<string, Line[]>;
  private current: Record<string, { index: number; line: Line; isNew: boolean }> = {};
  /** Field ids set by the script (submitFields xedit, payment auto-amount). */
  readonly changed = new Set<string>();
  private readonly info: RecordTypeInfo;
  /** @internal */ version: number | null;
  /** @internal */ origin: 'create' | 'load' | 'copy' | 'transform' | 'view';
  /** @internal */ readonly readonly: boolean;
  /** Deposit application: what the deposit has left to apply, before this record's lines (cents). */
  private applyBaseC = 0;

  constructor(
    private readonly deps: RecordDeps,
    init: {
      type: string;
      id: string | null;
      isDynamic: boolean;
      fields: Record<string, FieldValue>;
      sublists: Record<string, Line[]>;
      version: number | null;
      origin: EmuRecord['origin'];
      readonly?: boolean;
    },
  ) {
    const info = deps.records.typeInfo(init.type);
    if (!info) throw createError('INVALID_RCRD_TYPE', `Invalid record type: ${init.type}`);
    this.info = info;
    this.type = init.type;
    this.id = init.id === null ? null : Number(init.id);
    this.isDynamic = init.isDynamic;
    this.values = { ...init.fields };
    this.lines = {};
    for (const sid of Object.keys(info.sublists)) this.lines[sid] = (init.sublists[sid] ?? []).map((l) => ({ ...l }));
    this.version = init.version;
    this.origin = init.origin;
    this.readonly = !!init.readonly;
    this.computeApplyBase();
  }

  private computeApplyBase(): void {
    if (this.type !== 'depositapplication') return;
    // What the deposit has left now, plus what this (saved) application already takes from it.
    const saved = this.origin === 'transform' || this.origin === 'create' ? 0 : this.lines.apply.reduce((a, l) => a + toCents(Number(l.amount ?? 0)), 0);
    const rs = this.deps.records as unknown as { openAmount?: (id: string) => number };
    const dep = this.values.deposit;
    const open = dep && typeof rs.openAmount === 'function' ? rs.openAmount(String(dep)) : Number(this.values.unapplied ?? 0);
    this.applyBaseC = toCents(open) + saved;
  }

  /* ----------------------------------------------------------------------------------------------- */
  /* Helpers                                                                                         */

  private get text(): TextSource | null {
    const r = this.deps.records as unknown as Partial<TextSource>;
    return typeof r.displayText === 'function' ? (r as TextSource) : null;
  }

  /** @internal */
  dateFormat(): string {
    const ctx = this.deps.ctx;
    return ctx?.user?.preferences?.DATEFORMAT ?? ctx?.account?.state?.company?.dateFormat ?? 'M/D/YYYY';
  }

  private field(fieldId: unknown, method: string): FieldInfo {
    if (typeof fieldId !== 'string' || !fieldId) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: fieldId`);
    const f = this.info.fields[fieldId];
    if (!f) throw createError('INVALID_FLD', `Field ${fieldId} does not exist on record type ${this.type} (emulator strictness: unknown field ids are errors).`);
    return f;
  }

  private sublist(sublistId: unknown, method: string): Record<string, FieldInfo> {
    if (typeof sublistId !== 'string' || !sublistId) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: sublistId`);
    const s = this.info.sublists[sublistId];
    if (!s) throw createError('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${sublistId} does not exist on record type ${this.type}.`);
    return s;
  }

  private lineField(sublistId: string, fieldId: unknown, method: string): FieldInfo {
    const s = this.sublist(sublistId, method);
    if (typeof fieldId !== 'string' || !fieldId) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: fieldId`);
    const f = s[fieldId];
    if (!f) throw createError('INVALID_FLD', `Field ${fieldId} does not exist on sublist ${sublistId} of record type ${this.type}.`);
    return f;
  }

  private lineIndex(sublistId: string, line: unknown, method: string, allowEnd = false): number {
    if (line === undefined || line === null) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: line`);
    const n = Number(line);
    const count = this.lines[sublistId].length;
    if (!Number.isInteger(n) || n < 0 || n > count || (!allowEnd && n === count)) {
      throw createError('SSS_INVALID_SUBLIST_OPERATION', `${method}: line ${line} is out of range for sublist ${sublistId} (${count} lines).`);
    }
    return n;
  }

  private assertWritable(method: string): void {
    if (this.readonly) throw createError('READ_ONLY_RECORD', `${method}: this ${this.type} record is read-only.`);
  }

  /** Stored value → what SuiteScript returns. */
  private toScript(f: FieldInfo, v: FieldValue | undefined): unknown {
    if (v === undefined || v === null || v === '') {
      if (f.type === 'checkbox') return false;
      if (f.type === 'multiselect') return [];
      return '';
    }
    switch (f.type) {
      case 'date':
        return typeof v === 'string' && isIsoDate(v) ? isoToDate(v) : v;
      case 'datetime':
        return typeof v === 'string' ? new Date(v) : v;
      case 'checkbox':
        return v === true;
      case 'currency':
      case 'float':
      case 'integer':
      case 'percent':
        return typeof v === 'number' ? v : Number(v);
      case 'multiselect':
        return Array.isArray(v) ? [...v] : [String(v)];
      case 'select':
        return String(v);
      default:
        return typeof v === 'string' ? v : String(v);
    }
  }

  /** Script value → stored form (throws INVALID_FLD_VALUE). */
  private fromScript(f: FieldInfo, value: unknown, where: string, lenient = false): FieldValue {
    const bad = (why: string): never => {
      throw createError('INVALID_FLD_VALUE', `You have entered an Invalid Field Value ${String(value)} for the following field: ${f.id} (${where}): ${why}`);
    };
    if (value === undefined || value === null || value === '') {
      return f.type === 'checkbox' ? false : null;
    }
    switch (f.type) {
      case 'date':
        if (isDateObject(value)) {
          if (Number.isNaN(value.getTime())) return bad('invalid Date');
          return dateToIso(value);
        }
        if (lenient && typeof value === 'string') return parseDate(value, this.dateFormat()) ?? bad(`a date in the format ${this.dateFormat()}`);
        return bad('a date field takes a Date object');
      case 'datetime':
        if (isDateObject(value)) return value.toISOString();
        if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
        return bad('a datetime field takes a Date object');
      case 'checkbox':
        if (typeof value === 'boolean') return value;
        if (lenient && (value === 'T' || value === 'F')) return value === 'T';
        return bad('a checkbox takes true or false');
      case 'currency':
      case 'float':
      case 'integer':
      case 'percent': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        if (!Number.isFinite(n)) return bad('a number is expected');
        if (f.type === 'integer' && !Number.isInteger(n)) return bad('an integer is expected');
        return f.type === 'currency' ? fromCents(toCents(n)) : n;
      }
      case 'select': {
        if (typeof value !== 'string' && typeof value !== 'number') return bad('a select takes an internal id');
        const s = String(value);
        if (f.options && !f.options.includes(s)) return bad(`allowed values: ${f.options.join(', ')}`);
        return s;
      }
      case 'multiselect': {
        const arr = Array.isArray(value) ? value : [value];
        if (!arr.every((x) => typeof x === 'string' || typeof x === 'number')) return bad('a multiselect takes internal ids');
        return arr.map(String);
      }
      default:
        if (typeof value === 'string') return value;
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        return bad('text is expected');
    }
  }

  private toText(f: FieldInfo, v: FieldValue | undefined): string {
    if (v === undefined || v === null || v === '') return '';
    switch (f.type) {
      case 'date':
        return formatDate(String(v), this.dateFormat());
      case 'checkbox':
        return v === true ? 'T' : 'F';
      case 'select':
      case 'multiselect': {
        if (f.options) {
          const s = String(v);
          return s.charAt(0) + s.slice(1).toLowerCase();
        }
        const src = f.source;
        const ts = this.text;
        if (!src || !ts) return Array.isArray(v) ? v.join(',') : String(v);
        return Array.isArray(v) ? v.map((x) => ts.displayText(src, x) ?? x).join(',') : (ts.displayText(src, String(v)) ?? String(v));
      }
      default:
        return String(v);
    }
  }

  private fromText(f: FieldInfo, text: unknown, where: string): FieldValue {
    if (text === undefined || text === null || text === '') return f.type === 'checkbox' ? false : null;
    const t = String(text);
    switch (f.type) {
      case 'date':
        return parseDate(t, this.dateFormat()) ?? this.fromScript(f, t, where);
      case 'checkbox':
        return t === 'T' || t === 'true';
      case 'select': {
        if (f.options) {
          const hit = f.options.find((o) => o.toLowerCase() === t.toLowerCase());
          if (hit) return hit;
          return this.fromScript(f, t, where);
        }
        const ts = this.text;
        if (f.source && ts) {
          const candidates = f.source === 'transaction' ? [] : ts.ids(f.source);
          const hit = candidates.find((id) => ts.displayText(f.source!, id) === t);
          if (hit) return hit;
          throw createError('INVALID_FLD_VALUE', `You have entered an Invalid Field Value ${t} for the following field: ${f.id} (${where}): no ${f.source} with that name.`);
        }
        return t;
      }
      default:
        return this.fromScript(f, t, where, true);
    }
  }

  /* ----------------------------------------------------------------------------------------------- */
  /* Body fields                                                                                     */

  getValue(options: unknown): unknown {
    const o = asOpts(options, 'fieldId');
    if (o.fieldId === 'id') return this.id === null ? '' : String(this.id);
    const f = this.field(o.fieldId, 'Record.getValue');
    return this.toScript(f, this.values[f.id]);
  }

  getText(options: unknown): string {
    const o = asOpts(options, 'fieldId');
    if (o.fieldId === 'id') return this.id === null ? '' : String(this.id);
    const f = this.field(o.fieldId, 'Record.getText');
    return this.toText(f, this.values[f.id]);
  }

  setValue(options: unknown): this {
    this.assertWritable('Record.setValue');
    const o = asOpts(options, 'fieldId');
    const f = this.field(o.fieldId, 'Record.setValue');
    if (f.derived) throw createError('READ_ONLY_FIELD', `Field ${f.id} of ${this.type} is computed by NetSuite and cannot be set.`);
    if (!('value' in o)) throw createError('SSS_MISSING_REQD_ARGUMENT', 'Record.setValue: Missing a required argument: value');
    this.values[f.id] = this.fromScript(f, o.value, `${this.type}`);
    this.changed.add(f.id);
    return this;
  }

  setText(options: unknown): this {
    this.assertWritable('Record.setText');
    const o = asOpts(options, 'fieldId');
    const f = this.field(o.fieldId, 'Record.setText');
    if (f.derived) throw createError('READ_ONLY_FIELD', `Field ${f.id} of ${this.type} is computed by NetSuite and cannot be set.`);
    this.values[f.id] = this.fromText(f, o.text, `${this.type}`);
    this.changed.add(f.id);
    return this;
  }

  getFields(): string[] {
    return Object.keys(this.info.fields);
  }

  getSublists(): string[] {
    return Object.keys(this.info.sublists);
  }

  getSublistFields(options: unknown): string[] {
    const o = asOpts(options, 'sublistId');
    return Object.keys(this.sublist(o.sublistId, 'Record.getSublistFields'));
  }

  /* ----------------------------------------------------------------------------------------------- */
  /* Sublists (standard mode)                                                                        */

  getLineCount(options: unknown): number {
    const o = asOpts(options, 'sublistId');
    this.sublist(o.sublistId, 'Record.getLineCount');
    return this.lines[o.sublistId as string].length;
  }

  getSublistValue(options: unknown): unknown {
    const o = asOpts(options, 'sublistId');
    const f = this.lineField(o.sublistId as string, o.fieldId, 'Record.getSublistValue');
    const i = this.lineIndex(o.sublistId as string, o.line, 'Record.getSublistValue');
    return this.toScript(f, this.lines[o.sublistId as string][i][f.id]);
  }

  getSublistText(options: unknown): string {
    const o = asOpts(options, 'sublistId');
    const f = this.lineField(o.sublistId as string, o.fieldId, 'Record.getSublistText');
    const i = this.lineIndex(o.sublistId as string, o.line, 'Record.getSublistText');
    return this.toText(f, this.lines[o.sublistId as string][i][f.id]);
  }

  setSublistValue(options: unknown): this {
    this.assertWritable('Record.setSublistValue');
    if (this.isDynamic) throw createError('SSS_INVALID_API_USAGE', 'Record.setSublistValue is not available in dynamic mode: use selectLine / setCurrentSublistValue / commitLine.');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    const f = this.lineField(sid, o.fieldId, 'Record.setSublistValue');
    const i = this.lineIndex(sid, o.line, 'Record.setSublistValue');
    if (!('value' in o)) throw createError('SSS_MISSING_REQD_ARGUMENT', 'Record.setSublistValue: Missing a required argument: value');
    this.setLineValue(sid, this.lines[sid][i], f, o.value, i);
    return this;
  }

  /** Set a line field, with NetSuite's apply-line behaviour (tick → amount, amount → tick). */
  private setLineValue(sid: string, line: Line, f: FieldInfo, value: unknown, index: number): void {
    if (f.derived) throw createError('READ_ONLY_FIELD', `Field ${f.id} of sublist ${sid} of ${this.type} is set by NetSuite and cannot be set.`);
    const v = this.fromScript(f, value, `sublist ${sid} of ${this.type}`);
    line[f.id] = v;
    if (APPLY_SUBLISTS.has(sid)) {
      if (f.id === 'apply') {
        if (v === true && !(typeof line.amount === 'number' && line.amount > 0)) line.amount = fromCents(this.defaultApplyAmountC(sid, line, index));
        if (v === false) line.amount = 0;
      } else if (f.id === 'amount') {
        line.apply = typeof v === 'number' && v > 0;
      }
      this.autoPayment();
    } else if (sid === 'item' && (f.id === 'quantity' || f.id === 'rate')) {
      const q = line.quantity;
      const r = line.rate;
      if (typeof r === 'number') line.amount = fromCents(toCents((typeof q === 'number' ? q : 1) * r));
    }
  }

  /** Amount NetSuite puts on a line when it is ticked: what is due, within what is left to apply. */
  private defaultApplyAmountC(sid: string, line: Line, index: number): number {
    const dueC = toCents(Number(line.due ?? line.remaining ?? 0));
    const others = this.lines[sid].filter((l, i) => i !== index && l !== line && l.apply === true).reduce((a, l) => a + toCents(Number(l.amount ?? 0)), 0);
    if (sid === 'apply' && this.type === 'depositapplication') return Math.max(0, Math.min(dueC, this.applyBaseC - others));
    if (sid === 'apply' && this.type === 'creditmemo') {
      const itemsC = this.lines.item.reduce((a, l) => a + toCents(Number(l.amount ?? 0)), 0);
      return Math.max(0, Math.min(dueC, itemsC - others));
    }
    return dueC;
  }

  /** Customer payment: unless the script set `payment`, it follows what is applied (as the UI does). */
  private autoPayment(): void {
    if (this.type !== 'customerpayment' || this.changed.has('payment')) return;
    const sum = (s: string) => (this.lines[s] ?? []).filter((l) => l.apply === true).reduce((a, l) => a + toCents(Number(l.amount ?? 0)), 0);
    this.values.payment = fromCents(Math.max(0, sum('apply') - sum('credit') - sum('deposit')));
  }

  insertLine(options: unknown): this {
    this.assertWritable('Record.insertLine');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    this.sublist(sid, 'Record.insertLine');
    if (APPLY_SUBLISTS.has(sid)) throw createError('SSS_INVALID_SUBLIST_OPERATION', `Lines cannot be added to the ${sid} sublist: NetSuite lists the transactions to apply.`);
    const i = this.lineIndex(sid, o.line, 'Record.insertLine', true);
    const line: Line = {};
    this.lines[sid].splice(i, 0, line);
    if (this.isDynamic) this.current[sid] = { index: i, line: { ...line }, isNew: false };
    return this;
  }

  removeLine(options: unknown): this {
    this.assertWritable('Record.removeLine');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    this.sublist(sid, 'Record.removeLine');
    const i = this.lineIndex(sid, o.line, 'Record.removeLine');
    this.lines[sid].splice(i, 1);
    delete this.current[sid];
    this.autoPayment();
    return this;
  }

  findSublistLineWithValue(options: unknown): number {
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    const f = this.lineField(sid, o.fieldId, 'Record.findSublistLineWithValue');
    const want = isDateObject(o.value) ? dateToIso(o.value) : String(o.value);
    return this.lines[sid].findIndex((l) => {
      const v = l[f.id];
      return v !== undefined && v !== null && String(v) === want;
    });
  }

  /* ----------------------------------------------------------------------------------------------- */
  /* Sublists (dynamic mode)                                                                         */

  private cur(sid: string): { index: number; line: Line; isNew: boolean } {
    let c = this.current[sid];
    if (!c) c = this.current[sid] = { index: this.lines[sid].length, line: APPLY_SUBLISTS.has(sid) ? { apply: false, amount: 0 } : {}, isNew: true };
    return c;
  }

  selectLine(options: unknown): this {
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    this.sublist(sid, 'Record.selectLine');
    const i = this.lineIndex(sid, o.line, 'Record.selectLine');
    this.current[sid] = { index: i, line: { ...this.lines[sid][i] }, isNew: false };
    return this;
  }

  selectNewLine(options: unknown): this {
    this.assertWritable('Record.selectNewLine');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    this.sublist(sid, 'Record.selectNewLine');
    if (APPLY_SUBLISTS.has(sid)) throw createError('SSS_INVALID_SUBLIST_OPERATION', `Lines cannot be added to the ${sid} sublist: NetSuite lists the transactions to apply.`);
    this.current[sid] = { index: this.lines[sid].length, line: {}, isNew: true };
    return this;
  }

  getCurrentSublistIndex(options: unknown): number {
    const o = asOpts(options, 'sublistId');
    this.sublist(o.sublistId, 'Record.getCurrentSublistIndex');
    return this.cur(o.sublistId as string).index;
  }

  getCurrentSublistValue(options: unknown): unknown {
    const o = asOpts(options, 'sublistId');
    const f = this.lineField(o.sublistId as string, o.fieldId, 'Record.getCurrentSublistValue');
    return this.toScript(f, this.cur(o.sublistId as string).line[f.id]);
  }

  getCurrentSublistText(options: unknown): string {
    const o = asOpts(options, 'sublistId');
    const f = this.lineField(o.sublistId as string, o.fieldId, 'Record.getCurrentSublistText');
    return this.toText(f, this.cur(o.sublistId as string).line[f.id]);
  }

  setCurrentSublistValue(options: unknown): this {
    this.assertWritable('Record.setCurrentSublistValue');
    if (!this.isDynamic) throw createError('SSS_INVALID_API_USAGE', 'Record.setCurrentSublistValue is only available in dynamic mode.');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    const f = this.lineField(sid, o.fieldId, 'Record.setCurrentSublistValue');
    if (!('value' in o)) throw createError('SSS_MISSING_REQD_ARGUMENT', 'Record.setCurrentSublistValue: Missing a required argument: value');
    const c = this.cur(sid);
    this.setLineValue(sid, c.line, f, o.value, c.index);
    return this;
  }

  commitLine(options: unknown): this {
    this.assertWritable('Record.commitLine');
    const o = asOpts(options, 'sublistId');
    const sid = o.sublistId as string;
    this.sublist(sid, 'Record.commitLine');
    const c = this.current[sid];
    if (!c) return this;
    if (c.isNew) this.lines[sid].push(c.line);
    else this.lines[sid][c.index] = c.line;
    delete this.current[sid];
    this.autoPayment();
    return this;
  }

  cancelLine(options: unknown): this {
    const o = asOpts(options, 'sublistId');
    this.sublist(o.sublistId, 'Record.cancelLine');
    delete this.current[o.sublistId as string];
    return this;
  }

  /* ----------------------------------------------------------------------------------------------- */

  toJSON(): Record<string, unknown> {
    return {
      id: this.id === null ? undefined : String(this.id),
      type: this.type,
      isDynamic: this.isDynamic,
      fields: { ...this.values },
      sublists: Object.fromEntries(Object.entries(this.lines).map(([k, v]) => [k, v.map((l) => ({ ...l }))])),
    };
  }

  /** @internal Values to write: non-derived body fields, lines without derived fields. */
  writable(onlyChanged = false): { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> } {
    const fields: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(this.values)) {
      const f = this.info.fields[k];
      if (!f || f.derived) continue;
      if (onlyChanged && !this.changed.has(k)) continue;
      fields[k] = v;
    }
    const sublists: Record<string, Line[]> = {};
    for (const [sid, lines] of Object.entries(this.lines)) {
      const lf = this.info.sublists[sid];
      sublists[sid] = lines.map((l) => {
        const out: Line = {};
        for (const [k, v] of Object.entries(l)) if (lf[k] && !lf[k].derived) out[k] = v;
        // A child sublist (recmach<parent field>) keeps the child's id: lines with one are existing children.
        if (sid.startsWith('recmach') && l.id !== undefined && l.id !== null && l.id !== '') out.id = l.id;
        return out;
      });
    }
    return { fields, sublists };
  }

  /** @internal Refresh from a saved view. */
  refresh(view: RecordView): void {
    this.id = Number(view.id);
    this.version = view.version;
    this.values = { ...view.fields };
    for (const sid of Object.keys(this.info.sublists)) this.lines[sid] = (view.sublists[sid] ?? []).map((l) => ({ ...l }));
    this.current = {};
    this.changed.clear();
    this.origin = 'load';
    this.computeApplyBase();
  }

  /** @internal */
  category(): RecordTypeInfo['category'] {
    return this.info.category;
  }

  // save is attached by the module (it needs the execution context and user event hooks).
  save(_options?: unknown): number {
    throw createError('SSS_INVALID_API_USAGE', `Record.save is not available on this ${this.type} record object.`);
  }
}

/** A Record object over a record view (user event newRecord/oldRecord, CLI). */
export function recordObjectFromView(
  view: RecordView,
  options: { readonly?: boolean; records: RecordService; ctx?: ExecContext; isDynamic?: boolean },
): EmuRecord {
  return new EmuRecord(
    { records: options.records, ctx: options.ctx },
    { type: view.type, id: view.id, isDynamic: !!options.isDynamic, fields: view.fields, sublists: view.sublists, version: view.version, origin: 'view', readonly: options.readonly },
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* The module                                                                                         */

/**
 * The user event type of a save made by a person in the emulator's UI or CLI (e.g. 'approve' for the
 * Approve button). A symbol, so scripts cannot set it: in NetSuite a script's save is always create/edit.
 */
export const UI_EVENT_TYPE = Symbol('emulator.uiEventType');

export const createRecordModule: ModuleFactory = (ctx: ExecContext, env: ModuleEnv) => {
  const records = env.records;
  const deps: RecordDeps = { records, ctx };

  const typeOf = (type: unknown, method: string): RecordTypeInfo => {
    if (typeof type !== 'string' || !type) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: type`);
    const info = records.typeInfo(type.toLowerCase());
    if (!info) throw createError('INVALID_RCRD_TYPE', `${method}: Invalid record type: ${type}`);
    return info;
  };
  const idOf = (options: unknown, method: string): string => {
    const id = requireArg(options, 'id', method);
    if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d+$/.test(String(id))) {
      throw createError('SSS_INVALID_TYPE_ARG', `${method}: id must be an internal id (got ${JSON.stringify(id)}).`);
    }
    return String(id);
  };
  const charge = (op: RecordOp, info: RecordTypeInfo, what: string) => ctx.meter.charge(recordCost(op, info.category), what);
  const readonlyView = (type: string, id: string) => recordObjectFromView(records.view(type, id), { readonly: true, records, ctx });

  const attachSave = (rec: EmuRecord): EmuRecord => {
    rec.save = (options?: unknown): number => {
      if (rec.readonly) throw createError('READ_ONLY_RECORD', `Record.save: this ${rec.type} record is read-only.`);
      const o = asOpts(options, '_');
      const info = typeOf(rec.type, 'Record.save');
      charge('save', info, 'Record.save');
      const isCreate = rec.id === null;
      const uiType = options && typeof options === 'object' ? (options as Record<symbol, unknown>)[UI_EVENT_TYPE] : undefined;
      const eventType = isCreate ? 'create' : typeof uiType === 'string' ? uiType : 'edit';
      const oldRecord = isCreate ? null : readonlyView(rec.type, String(rec.id));
      env.userEvents.beforeSubmit(ctx, { type: eventType, recordType: rec.type, newRecord: rec, oldRecord });
      const { fields, sublists } = rec.writable();
      const stored = writeRecord(records, rec.type, isCreate ? null : String(rec.id), fields, sublists, isCreate ? null : rec.version, {
        ignoreMandatoryFields: o.ignoreMandatoryFields === true,
      });
      const view = records.view(rec.type, stored.id);
      rec.refresh(view);
      env.userEvents.afterSubmit(ctx, {
        type: eventType,
        recordType: rec.type,
        newRecord: recordObjectFromView(view, { readonly: true, records, ctx }),
        oldRecord,
      });
      return Number(stored.id);
    };
    return rec;
  };

  const newRecord = (init: ConstructorParameters<typeof EmuRecord>[1]) => attachSave(new EmuRecord(deps, init));

  function create(options: unknown): EmuRecord {
    const o = asOpts(options, 'type');
    const info = typeOf(requireArg(options, 'type', 'record.create'), 'record.create');
    const scripting = scriptingOf(info.type);
    if (/Create Not Allowed/i.test(scripting)) {
      const how = info.type === 'depositapplication' ? 'record.transform from a customerdeposit' : 'record.transform from an invoice';
      throw createError('INVALID_RCRD_TYPE', `record.create: ${info.type} cannot be created (${scripting}); use ${how}.`);
    }
    charge('create', info, 'record.create');
    const d = records.defaults(info.type);
    const rec = newRecord({ type: info.type, id: null, isDynamic: o.isDynamic === true, fields: d.fields, sublists: d.sublists, version: null, origin: 'create' });
    // Custom records: the owner is the user who creates the record.
    if (info.category === 'custom' && ctx.user?.id && records.exists('employee', String(ctx.user.id))) rec.setValue({ fieldId: 'owner', value: String(ctx.user.id) });
    const dv = o.defaultValues;
    if (dv && typeof dv === 'object') for (const [k, v] of Object.entries(dv as Opts)) rec.setValue({ fieldId: k, value: v });
    return rec;
  }

  function load(options: unknown): EmuRecord {
    const o = asOpts(options, 'type');
    const info = typeOf(requireArg(options, 'type', 'record.load'), 'record.load');
    const id = idOf(options, 'record.load');
    charge('load', info, 'record.load');
    const v = records.view(info.type, id);
    return newRecord({ type: info.type, id: v.id, isDynamic: o.isDynamic === true, fields: v.fields, sublists: v.sublists, version: v.version, origin: 'load' });
  }

  function copy(options: unknown): EmuRecord {
    const o = asOpts(options, 'type');
    const info = typeOf(requireArg(options, 'type', 'record.copy'), 'record.copy');
    const id = idOf(options, 'record.copy');
    if (/Copy/i.test(scriptingOf(info.type)) || info.type === 'depositapplication') {
      throw createError('INVALID_RCRD_TYPE', `record.copy: ${info.type} cannot be copied (${scriptingOf(info.type)}).`);
    }
    charge('copy', info, 'record.copy');
    const v = records.view(info.type, id);
    const fields: Record<string, FieldValue> = {};
    for (const [k, val] of Object.entries(v.fields)) {
      const f = info.fields[k];
      if (!f || f.derived || k === 'tranid' || k === 'externalid' || k === 'entityid') continue;
      fields[k] = val;
    }
    const sublists: Record<string, Line[]> = {};
    for (const [sid, lines] of Object.entries(v.sublists)) {
      const lf = info.sublists[sid] ?? {};
      sublists[sid] = APPLY_SUBLISTS.has(sid)
        ? []
        : lines.map((l) => Object.fromEntries(Object.entries(l).filter(([k]) => lf[k] && !lf[k].derived)) as Line);
    }
    return newRecord({ type: info.type, id: null, isDynamic: o.isDynamic === true, fields, sublists, version: null, origin: 'copy' });
  }

  function transform(options: unknown): EmuRecord {
    const o = asOpts(options, 'fromType');
    const from = typeOf(requireArg(options, 'fromType', 'record.transform'), 'record.transform');
    const fromId = String(requireArg(options, 'fromId', 'record.transform'));
    const to = typeOf(requireArg(options, 'toType', 'record.transform'), 'record.transform');
    charge('transform', to, 'record.transform');
    const t = records.transform(from.type, fromId, to.type);
    return newRecord({ type: to.type, id: null, isDynamic: o.isDynamic === true, fields: t.fields, sublists: t.sublists, version: null, origin: 'transform' });
  }

  function del(options: unknown): number {
    const info = typeOf(requireArg(options, 'type', 'record.delete'), 'record.delete');
    const id = idOf(options, 'record.delete');
    charge('delete', info, 'record.delete');
    const old = readonlyView(info.type, id);
    env.userEvents.beforeSubmit(ctx, { type: 'delete', recordType: info.type, newRecord: old, oldRecord: old });
    records.remove(info.type, id);
    env.userEvents.afterSubmit(ctx, { type: 'delete', recordType: info.type, newRecord: old, oldRecord: old });
    return Number(id);
  }

  function submitFields(options: unknown): number {
    const o = asOpts(options, 'type');
    const info = typeOf(requireArg(options, 'type', 'record.submitFields'), 'record.submitFields');
    const id = idOf(options, 'record.submitFields');
    const values = requireArg(options, 'values', 'record.submitFields');
    if (!values || typeof values !== 'object') throw createError('SSS_INVALID_TYPE_ARG', 'record.submitFields: values must be an object of field ids.');
    charge('submitFields', info, 'record.submitFields');
    const current = records.view(info.type, id);
    // newRecord of the xedit event: only the changed fields.
    const partial = newRecord({ type: info.type, id, isDynamic: false, fields: {}, sublists: {}, version: current.version, origin: 'load' });
    for (const [k, v] of Object.entries(values as Opts)) {
      const f = info.fields[k];
      if (!f) throw createError('INVALID_FLD', `record.submitFields: field ${k} does not exist on record type ${info.type}.`);
      if (f.derived) throw createError('READ_ONLY_FIELD', `record.submitFields: field ${k} of ${info.type} is computed by NetSuite and cannot be set.`);
      if (!f.submitFields) {
        throw createError('INVALID_FLD', `record.submitFields: field ${k} of ${info.type} cannot be set with submitFields (not inline-editable per the Records Browser): load the record, set it and save.`);
      }
      partial.setValue({ fieldId: k, value: coerceSubmitValue(f, v, partial) });
    }
    const oldRecord = recordObjectFromView(current, { readonly: true, records, ctx });
    env.userEvents.beforeSubmit(ctx, { type: 'xedit', recordType: info.type, newRecord: partial, oldRecord });
    const changes = partial.writable(true).fields;
    for (const k of partial.changed) if (!(k in changes)) changes[k] = null;
    const stored = (records as unknown as { stored?: (t: string, id: string) => { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> } | undefined }).stored?.(info.type, id);
    const baseFields: Record<string, FieldValue> = stored ? { ...stored.fields } : {};
    const baseSublists = stored ? stored.sublists : {};
    if (!stored) for (const [k, v] of Object.entries(current.fields)) if (info.fields[k] && !info.fields[k].derived) baseFields[k] = v;
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') delete baseFields[k];
      else baseFields[k] = v;
    }
    const opt = asOpts(o.options, '_');
    writeRecord(records, info.type, id, baseFields, baseSublists, current.version, { ignoreMandatoryFields: opt.ignoreMandatoryFields === true });
    const after = recordObjectFromView(
      { id, type: info.type, version: current.version + 1, fields: { ...changes }, sublists: {} },
      { readonly: true, records, ctx },
    );
    env.userEvents.afterSubmit(ctx, { type: 'xedit', recordType: info.type, newRecord: after, oldRecord });
    return Number(id);
  }

  return { Type, create, load, copy, transform, delete: del, submitFields };
};

/** RecordService.write with the records layer's optional write options (ignoreMandatoryFields). */
function writeRecord(
  records: RecordService,
  type: string,
  id: string | null,
  fields: Record<string, FieldValue>,
  sublists: Record<string, Line[]>,
  expectedVersion: number | null,
  options: { ignoreMandatoryFields?: boolean },
): StoredRecord {
  const write = records.write as (...args: unknown[]) => StoredRecord;
  return write.call(records, type, id, fields, sublists, expectedVersion, options);
}

/** submitFields takes what setValue takes, plus formatted dates and 'T'/'F' (as NetSuite accepts). */
function coerceSubmitValue(f: FieldInfo, v: unknown, rec: EmuRecord): unknown {
  if (f.type === 'date' && typeof v === 'string' && !isEmptyValue(v)) {
    const iso = parseDate(v, rec.dateFormat());
    return iso ? isoToDate(iso) : v;
  }
  if (f.type === 'checkbox' && (v === 'T' || v === 'F')) return v === 'T';
  return v;
}
