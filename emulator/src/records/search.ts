/**
 * Search rows (SearchSource) over the records service's indexes: what N/search's engine filters,
 * sorts and summarises. Values follow search semantics: selects → internal id strings (text = display
 * name), dates 'YYYY-MM-DD', checkboxes boolean, amounts numbers (`amount`, `total`, `amountremaining`
 * in base currency = foreign × exchangerate; `fx…` in the transaction currency).
 */
import type { FieldType, FieldValue, Line, RecordView, SearchRow, StoredRecord } from '../types';
import { createError } from '../runtime/errors';
import type { RecordStore, Txn } from './service';
import { STATUSES } from './status';
import { fromCents, toBase, toCents } from './values';
import { TRANSACTION_TYPES } from './schema';

/* ------------------------------------------------------------------------------------------------ */
/* Field definitions                                                                                  */

interface TxnCtx {
  t: Txn;
  rec: StoredRecord;
  kind: 'main' | 'item' | 'apply';
  line: Line | null;
  lineNo: number;
}

interface RecCtx {
  rec: StoredRecord;
  view(): RecordView;
}

/** A record row's context: the stored record, and its view (derived fields) read once when needed. */
class RecContext implements RecCtx {
  private cached: RecordView | null = null;
  constructor(
    private readonly store: RecordStore,
    private readonly type: string,
    readonly rec: StoredRecord,
  ) {}
  view(): RecordView {
    return (this.cached ??= this.store.view(this.type, this.rec.id));
  }
}

interface FieldDef<C> {
  type: FieldType;
  value: (c: C) => FieldValue;
  text?: (c: C) => string | null;
  /** Search type a join through this field leads to. */
  join?: string;
  /** The id the join row is of (defaults to value). */
  joinId?: (c: C) => string | null;
  /** What Result.getValue gives when it is not the id filters take (status: 'fullyBilled', filters 'SalesOrd:G'). */
  result?: (c: C) => FieldValue;
}

type Defs<C> = Map<string, FieldDef<C>>;

function n(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : v === undefined || v === null || v === '' ? 0 : Number(v);
}
function s(v: FieldValue | undefined): FieldValue {
  return v === undefined ? null : v;
}

const TXN_SEARCH_TYPES = new Set<string>(['transaction', ...TRANSACTION_TYPES]);

/** ids sorted as `ids.sort((a, b) => Number(a) - Number(b))` does, converting each id once. */
function sortNumeric(ids: string[]): string[] {
  const keys = ids.map(Number);
  if (!keys.every(Number.isFinite)) return ids.sort((a, b) => Number(a) - Number(b));
  const order = ids.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  return order.map((i) => ids[i]);
}

export class SearchRows {
  private stamp = -1;
  private txnDefs: Defs<TxnCtx> = new Map();
  private recDefs = new Map<string, Defs<RecCtx>>();

  constructor(private readonly store: RecordStore) {}

  private refresh(): void {
    if (this.stamp === this.store.schema.stamp) return;
    this.stamp = this.store.schema.stamp;
    this.txnDefs = this.buildTxnDefs();
    this.recDefs.clear();
  }

  /* ---------------------------------------------------------------------------------------------- */

  private buildTxnDefs(): Defs<TxnCtx> {
    const st = this.store;
    const d: Defs<TxnCtx> = new Map();
    const text = (type: string) => (id: FieldValue) => (id === null || id === undefined || id === '' ? null : st.displayText(type, String(id)));
    const body = (id: string): FieldDef<TxnCtx>['value'] => (c) => s(c.rec.fields[id]);
    const sel = (id: string, source: string, join: string | null = source, value?: (c: TxnCtx) => FieldValue) => {
      const v = value ?? body(id);
      const def: FieldDef<TxnCtx> = { type: 'select', value: v, text: (c) => text(source)(v(c)) };
      if (join) def.join = join;
      d.set(id, def);
    };
    const lineAmountC = (c: TxnCtx) => toCents(n(c.line?.amount));
    const mainAmountC = (c: TxnCtx) => (c.kind === 'main' ? c.t.totalC : lineAmountC(c));
    const openTypes = new Set(['invoice', 'creditmemo', 'customerdeposit', 'customerpayment']);

    d.set('internalid', { type: 'select', value: (c) => c.t.id, text: (c) => c.t.id });
    d.set('type', { type: 'select', value: (c) => st.typeInfo(c.t.type)!.typeCode!, text: (c) => st.typeInfo(c.t.type)!.label });
    d.set('recordtype', { type: 'text', value: (c) => c.t.type });
    d.set('mainline', { type: 'checkbox', value: (c) => c.kind === 'main' });
    d.set('line', { type: 'integer', value: (c) => c.lineNo });
    d.set('tranid', { type: 'text', value: (c) => c.t.tranid });
    d.set('trandate', { type: 'date', value: (c) => c.t.trandate });
    d.set('duedate', { type: 'date', value: (c) => c.t.duedate });
    d.set('memo', { type: 'text', value: body('memo') });
    d.set('memomain', { type: 'text', value: body('memo') });
    d.set('otherrefnum', { type: 'text', value: body('otherrefnum') });
    d.set('exchangerate', { type: 'float', value: (c) => c.t.rate });
    for (const id of ['entity', 'name', 'mainname', 'customer']) sel(id, 'customer', 'customer', (c) => c.t.customer);
    sel('currency', 'currency');
    sel('subsidiary', 'subsidiary');
    sel('terms', 'term');
    sel('salesrep', 'employee');
    sel('createdfrom', 'transaction');
    sel('salesorder', 'transaction', 'transaction', (c) => (c.t.type === 'customerdeposit' ? s(c.rec.fields.salesorder) : c.t.type === 'invoice' && c.t.createdfrom && st.txnType(c.t.createdfrom) === 'salesorder' ? c.t.createdfrom : null));
    d.set('status', {
      type: 'select',
      value: (c) => {
        const l = st.statusLetter(c.t);
        return l ? `${st.typeInfo(c.t.type)!.statusPrefix}:${l}` : null;
      },
      text: (c) => {
        const l = st.statusLetter(c.t);
        return l ? (STATUSES[c.t.type]?.[l]?.[0] ?? null) : null;
      },
      // getValue: NetSuite's status id in lower camel case ('fullyBilled', 'open'), not the filter code.
      result: (c) => {
        const l = st.statusLetter(c.t);
        return l ? (STATUSES[c.t.type]?.[l]?.[1] ?? null) : null;
      },
    });
    d.set('amount', { type: 'currency', value: (c) => fromCents(toBase(mainAmountC(c), c.t.rate)) });
    d.set('fxamount', { type: 'currency', value: (c) => fromCents(mainAmountC(c)) });
    d.set('total', { type: 'currency', value: (c) => fromCents(toBase(c.t.totalC, c.t.rate)) });
    d.set('amountremaining', { type: 'currency', value: (c) => (openTypes.has(c.t.type) ? fromCents(toBase(st.openC(c.t), c.t.rate)) : null) });
    d.set('fxamountremaining', { type: 'currency', value: (c) => (openTypes.has(c.t.type) ? fromCents(st.openC(c.t)) : null) });
    d.set('amountpaid', {
      type: 'currency',
      value: (c) => (c.t.type === 'invoice' ? fromCents(toBase(c.t.totalC - st.openC(c.t), c.t.rate)) : null),
    });
    d.set('amountunbilled', { type: 'currency', value: (c) => (c.t.type === 'salesorder' ? fromCents(toBase(st.openC(c.t), c.t.rate)) : null) });
    d.set('daysoverdue', { type: 'integer', value: (c) => (c.t.type === 'invoice' ? st.daysOverdue(c.t) : null) });
    d.set('appliedtotransaction', {
      type: 'select',
      value: (c) => (c.kind === 'apply' ? String(c.line!.doc) : null),
      text: (c) => (c.kind === 'apply' ? st.displayText('transaction', String(c.line!.doc)) : null),
      join: 'transaction',
    });
    d.set('appliedtolinkamount', { type: 'currency', value: (c) => (c.kind === 'apply' ? n(c.line!.amount) : null) });
    d.set('item', { type: 'select', value: (c) => (c.kind === 'item' ? s(c.line!.item) : null), text: (c) => (c.kind === 'item' ? (c.line!.item === undefined ? null : String(c.line!.item)) : null) });
    d.set('quantity', { type: 'float', value: (c) => (c.kind === 'item' ? s(c.line!.quantity) : null) });
    d.set('rate', { type: 'currency', value: (c) => (c.kind === 'item' ? s(c.line!.rate) : null) });
    d.set('datecreated', { type: 'datetime', value: (c) => c.rec.created });
    d.set('lastmodifieddate', { type: 'datetime', value: (c) => c.rec.lastModified });
    // Custom body fields (union over transaction types).
    for (const type of TRANSACTION_TYPES) {
      for (const f of Object.values(st.typeInfo(type)!.fields)) {
        if (!f.id.startsWith('cust') || d.has(f.id)) continue;
        const def: FieldDef<TxnCtx> = { type: f.type, value: body(f.id) };
        if (f.source && (f.type === 'select' || f.type === 'multiselect')) {
          const src = f.source;
          def.text = (c) => {
            const v = c.rec.fields[f.id];
            if (v === undefined || v === null || v === '') return null;
            return Array.isArray(v) ? v.map((x) => st.displayText(src, x) ?? x).join(',') : st.displayText(src, String(v));
          };
          if (f.type === 'select') def.join = src;
        }
        d.set(f.id, def);
      }
    }
    return d;
  }

  private buildRecDefs(type: string): Defs<RecCtx> {
    const st = this.store;
    const info = st.typeInfo(type)!;
    const d: Defs<RecCtx> = new Map();
    d.set('internalid', { type: 'select', value: (c) => c.rec.id, text: (c) => c.rec.id });
    for (const f of Object.values(info.fields)) {
      const def: FieldDef<RecCtx> = { type: f.type, value: f.derived ? (c) => s(c.view().fields[f.id]) : (c) => s(c.rec.fields[f.id]) };
      if (f.type === 'select' || f.type === 'multiselect') {
        const src = f.source;
        const opts = f.options;
        def.text = (c) => {
          const v = def.value(c);
          if (v === null || v === '') return null;
          if (opts) return String(v).charAt(0) + String(v).slice(1).toLowerCase();
          if (!src) return String(v);
          return Array.isArray(v) ? v.map((x) => st.displayText(src, x) ?? x).join(',') : st.displayText(src, String(v));
        };
        if (src && f.type === 'select') def.join = src;
      }
      d.set(f.id, def);
    }
    if (type === 'customer') {
      const hold = (c: RecCtx) => String(c.rec.fields.creditholdoverride ?? 'AUTO');
      d.set('credithold', { type: 'select', value: hold, text: (c) => ({ AUTO: 'Auto', ON: 'On', OFF: 'Off' })[hold(c)] ?? hold(c) });
      d.set('creditholdoverride', { type: 'checkbox', value: (c) => hold(c) !== 'AUTO' });
      d.set('manualcredithold', { type: 'checkbox', value: (c) => hold(c) === 'ON' });
      d.set('oncredithold', { type: 'checkbox', value: (c) => st.onCreditHold(c.rec) });
    }
    return d;
  }

  private defsOf(searchType: string): Defs<TxnCtx> | Defs<RecCtx> | undefined {
    this.refresh();
    const t = searchType.toLowerCase();
    if (TXN_SEARCH_TYPES.has(t)) return this.txnDefs;
    if (!this.store.typeInfo(t)) return undefined;
    let defs = this.recDefs.get(t);
    if (!defs) this.recDefs.set(t, (defs = this.buildRecDefs(t)));
    return defs;
  }

  /** The search type a join id leads to from a search type; undefined when no such join. */
  joinTarget(searchType: string, join: string): string | undefined {
    const defs = this.defsOf(searchType);
    if (!defs) return undefined;
    const j = join.toLowerCase();
    if (TXN_SEARCH_TYPES.has(searchType.toLowerCase()) && (j === 'customer' || j === 'customermain')) return 'customer';
    const def = (defs as Defs<unknown>).get(j);
    if (!def?.join) return undefined;
    return TXN_SEARCH_TYPES.has(def.join) ? 'transaction' : def.join;
  }

  hasField(searchType: string, field: string, join?: string): boolean {
    return this.fieldType(searchType, field, join) !== undefined;
  }

  fieldType(searchType: string, field: string, join?: string): FieldType | undefined {
    if (join) {
      const target = this.joinTarget(searchType, join);
      return target ? this.fieldType(target, field) : undefined;
    }
    const defs = this.defsOf(searchType);
    return (defs as Defs<unknown> | undefined)?.get(field.toLowerCase())?.type;
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Rows                                                                                           */

  rows(searchType: string, options?: { mainline?: boolean | null }): Iterable<SearchRow> {
    const t = searchType.toLowerCase();
    const defs = this.defsOf(t);
    if (!defs) throw createError('SSS_INVALID_SRCH_TYPE', `An nlobjSearch contains an invalid search type: ${searchType}`);
    if (TXN_SEARCH_TYPES.has(t)) return this.txnRows(t, options?.mainline === false);
    return this.recRows(t);
  }

  private *recRows(type: string): Iterable<SearchRow> {
    for (const id of [...this.store.ids(type)]) {
      const rec = this.store.stored(type, id);
      if (rec) yield this.recRow(type, rec);
    }
  }

  recRow(type: string, rec: StoredRecord): SearchRow {
    const st = this.store;
    const defs = this.defsOf(type) as Defs<RecCtx>;
    return this.makeRow(type, rec.id, type, defs, new RecContext(st, type, rec));
  }

  private *txnRows(type: string, lines: boolean): Iterable<SearchRow> {
    const types = type === 'transaction' ? TRANSACTION_TYPES : [type];
    let ids: string[];
    if (types.length === 1) ids = [...this.store.ids(type)];
    else {
      ids = [];
      for (const tt of types) for (const id of this.store.ids(tt)) ids.push(id);
      ids = sortNumeric(ids);
    }
    for (const id of ids) {
      const t = this.store.txn(id);
      const rec = t && this.store.stored(t.type, id);
      if (!t || !rec) continue;
      if (!lines) {
        yield this.txnRow(type, t, rec, 'main', null, 0);
        continue;
      }
      let lineNo = 0;
      if (t.type === 'salesorder' || t.type === 'invoice' || t.type === 'creditmemo') {
        for (const l of rec.sublists.item ?? []) yield this.txnRow(type, t, rec, 'item', l, ++lineNo);
      }
      if (t.type === 'customerpayment' || t.type === 'creditmemo' || t.type === 'depositapplication') {
        for (const l of rec.sublists.apply ?? []) yield this.txnRow(type, t, rec, 'apply', l, ++lineNo);
      }
    }
  }

  /** The mainline row of a transaction (for joins). */
  txnMainRow(id: string): SearchRow | null {
    const t = this.store.txn(id);
    const rec = t && this.store.stored(t.type, id);
    return t && rec ? this.txnRow('transaction', t, rec, 'main', null, 0) : null;
  }

  private txnRow(searchType: string, t: Txn, rec: StoredRecord, kind: TxnCtx['kind'], line: Line | null, lineNo: number): SearchRow {
    this.refresh();
    return this.makeRow(searchType, t.id, t.type, this.txnDefs, { t, rec, kind, line, lineNo });
  }

  /** The row a join of a row leads to (Row.join). */
  joinRow<C>(searchType: string, joinId: string, defs: Defs<C>, ctx: C): SearchRow | null {
    const target = this.joinTarget(searchType, joinId);
    if (!target) return null;
    const j = joinId.toLowerCase();
    const def = defs.get(j === 'customermain' ? 'customer' : j);
    const v = def ? def.value(ctx) : null;
    if (v === null || v === undefined || v === '' || Array.isArray(v)) return null;
    const jid = String(v);
    if (target === 'transaction') return this.txnMainRow(jid);
    const rec = this.store.stored(target, jid);
    return rec ? this.recRow(target, rec) : null;
  }

  private makeRow<C>(searchType: string, id: string, recordType: string, defs: Defs<C>, ctx: C): SearchRow {
    return new Row(this, searchType, id, recordType, defs, ctx);
  }
}

/** One search row: field definitions applied to a record context (methods on the prototype, no per-row closures). */
class Row<C> implements SearchRow {
  constructor(
    private readonly rows: SearchRows,
    private readonly searchType: string,
    readonly id: string,
    readonly recordType: string,
    private readonly defs: Defs<C>,
    private readonly ctx: C,
  ) {}

  value(field: string): FieldValue | undefined {
    const def = this.defs.get(field.toLowerCase());
    return def ? def.value(this.ctx) : undefined;
  }

  /** Result.getValue of a select whose filters take other ids (status); undefined: getValue is value(). */
  resultValue(field: string): FieldValue | undefined {
    const def = this.defs.get(field.toLowerCase());
    return def?.result ? def.result(this.ctx) : undefined;
  }

  text(field: string): string | null {
    const def = this.defs.get(field.toLowerCase());
    if (!def) return null;
    if (def.text) return def.text(this.ctx);
    const v = def.value(this.ctx);
    return v === null || v === undefined ? null : String(v);
  }

  join(joinId: string): SearchRow | null {
    return this.rows.joinRow(this.searchType, joinId, this.defs, this.ctx);
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id, recordType: this.recordType };
  }
}
