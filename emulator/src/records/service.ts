/**
 * RecordService + SearchSource of the emulator: validation on write, receivables semantics (totals,
 * applications dated by the applying transaction, amount remaining, statuses, customer derived fields),
 * transforms, and the search rows built over the same incremental indexes.
 *
 * Amounts are integer cents inside; stored rounded to 2 decimals. See emulator/DESIGN.md
 * ("Receivables semantics") and emulator/src/records/FIDELITY.md for what is NetSuite's and what is an
 * assumption.
 */
import type {
  FieldInfo,
  FieldType,
  FieldValue,
  Line,
  RecordService,
  RecordTypeInfo,
  RecordView,
  SearchRow,
  SearchSource,
  StoredRecord,
} from '../types';
import type { Account } from '../account/account';
import { createError } from '../runtime/errors';
import { Schema, entityFieldOf, TRANSACTION_TYPES, type ChildSublist, type CustomizationSpec } from './schema';
import { addDays, daysBetween, formatCents, fromCents, isIsoDate, toBase, toCents } from './values';
import { SearchRows } from './search';
import { STATUSES } from './status';

export { STATUSES };

/* ------------------------------------------------------------------------------------------------ */
/* Statuses                                                                                           */

/** Sales order letters that count as "open, approved" for unbilled orders and billing. */
const SO_OPEN = new Set(['B', 'D', 'E', 'F']);

const TRANID_PREFIX: Record<string, string> = {
  salesorder: 'SO',
  invoice: 'INV',
  creditmemo: 'CM',
  customerdeposit: 'DEP',
  customerpayment: 'PYMT',
  depositapplication: 'DEPAPPL',
};

/* ------------------------------------------------------------------------------------------------ */
/* Index entries                                                                                      */

type AppKind = 'apply' | 'credit' | 'deposit' | 'depappl';

interface OutApp {
  target: string;
  kind: AppKind;
  cents: number;
}

/** Per-transaction facts kept in memory (foreign cents). */
export interface Txn {
  id: string;
  type: string;
  customer: string | null;
  currency: string | null;
  subsidiary: string | null;
  rate: number;
  trandate: string;
  duedate: string | null;
  tranid: string;
  /** salesorder/invoice/creditmemo: Σ item amounts; deposit/payment: payment; depositapplication: Σ applied. */
  totalC: number;
  createdfrom: string | null;
  orderstatus: string | null;
  undepfunds: boolean;
  unapproved: boolean;
  /** Applications this transaction makes (apply/credit/deposit lines; a deposit application → its deposit). */
  out: OutApp[];
  /** Σ out by kind. */
  outApplyC: number;
  outCreditC: number;
  outDepositC: number;
}

interface InApp {
  src: string;
  kind: AppKind;
  cents: number;
}

/** Values of the customer's derived fields (base currency cents). */
export interface CustomerAmounts {
  balanceC: number;
  overdueC: number;
  daysOverdue: number;
  depositC: number;
  unbilledC: number;
  unappliedCreditsC: number;
  openInvoicesC: number;
}

export interface WriteOptions {
  /** Skip required checks of custom fields (N/record save ignoreMandatoryFields). */
  ignoreMandatoryFields?: boolean;
  /** Create with this internal id (fixture loading); the id family's sequence is advanced past it. */
  createWithId?: string;
}

/** A problem found while validating a write: code, message, field. */
interface Problem {
  code: string;
  message: string;
}

class Problems {
  list: Problem[] = [];
  add(code: string, message: string): void {
    this.list.push({ code, message });
  }
  throwIfAny(): void {
    if (!this.list.length) return;
    // One error (NetSuite stops at the first); its message lists every problem found, first one first.
    throw createError(this.list[0].code, this.list.map((p) => p.message).join(' '));
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function str(v: FieldValue | undefined): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : v === undefined || v === null || v === '' ? 0 : Number(v);
}

const NUMERIC: ReadonlySet<FieldType> = new Set(['currency', 'float', 'integer', 'percent']);

/** Application kinds openC counts per transaction type (shared: openC runs once per search row). */
const KINDS_APPLY: readonly AppKind[] = ['apply'];
const KINDS_CREDIT: readonly AppKind[] = ['credit'];
const KINDS_DEPOSIT: readonly AppKind[] = ['deposit', 'depappl'];

/* ------------------------------------------------------------------------------------------------ */
/* The service                                                                                        */

export class RecordStore implements RecordService, SearchSource {
  readonly schema: Schema;
  private txns = new Map<string, Txn>();
  private incoming = new Map<string, InApp[]>();
  private byCustomer = new Map<string, Set<string>>();
  private byCreatedFrom = new Map<string, Set<string>>();
  private idCache = new Map<string, string[]>();
  /** Bumped on every write/remove: caches of derived values compare against it. */
  private generation = 0;
  private customerCache = new Map<string, { gen: number; today: string; amounts: CustomerAmounts }>();
  /** Child record ids by parent id, per child sublist (rebuilt when the generation changes). */
  private childCache = new Map<string, { gen: number; byParent: Map<string, string[]> }>();
  readonly searchRows: SearchRows;

  constructor(readonly account: Account, spec?: CustomizationSpec) {
    this.schema = new Schema(spec);
    account.setTypeResolver((t) => this.schema.typeInfo(t));
    this.searchRows = new SearchRows(this);
    this.reindex();
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Metadata                                                                                       */

  typeInfo(type: string): RecordTypeInfo | undefined {
    return this.schema.typeInfo(type);
  }

  applyCustomizations(spec: CustomizationSpec): void {
    this.schema.applyCustomizations(spec);
    this.generation++;
  }

  private requireType(type: string): RecordTypeInfo {
    const info = this.schema.typeInfo(type);
    if (!info) throw createError('INVALID_RCRD_TYPE', `Invalid record type: ${type}`);
    return info;
  }

  today(): string {
    return this.account.today();
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Stored records                                                                                 */

  private bucket(type: string): Record<string, StoredRecord> {
    const recs = this.account.state.records;
    return (recs[type] ??= {});
  }

  stored(type: string, id: string): StoredRecord | undefined {
    return this.account.state.records[type]?.[id];
  }

  exists(type: string, id: string): boolean {
    if (type === 'transaction') return this.txns.has(String(id));
    return !!this.stored(type.toLowerCase(), String(id));
  }

  ids(type: string): string[] {
    type = type.toLowerCase();
    let cached = this.idCache.get(type);
    if (!cached) {
      cached = Object.keys(this.account.state.records[type] ?? {}).sort((a, b) => Number(a) - Number(b));
      this.idCache.set(type, cached);
    }
    return cached;
  }

  /** The type of a transaction by internal id (transactions share one id sequence). */
  txnType(id: string): string | undefined {
    return this.txns.get(id)?.type;
  }

  txn(id: string): Txn | undefined {
    return this.txns.get(id);
  }

  transactionsOf(customerId: string): Iterable<Txn> {
    const ids = this.byCustomer.get(customerId);
    const out: Txn[] = [];
    if (ids) for (const id of ids) out.push(this.txns.get(id)!);
    return out;
  }

  /** Rebuild every index from the account state (after loading an account or a fixture). */
  reindex(): void {
    this.txns.clear();
    this.incoming.clear();
    this.byCustomer.clear();
    this.byCreatedFrom.clear();
    this.idCache.clear();
    this.customerCache.clear();
    this.generation++;
    for (const type of TRANSACTION_TYPES) {
      for (const rec of Object.values(this.account.state.records[type] ?? {})) this.indexAdd(this.computeTxn(rec));
    }
  }

  private computeTxn(rec: StoredRecord): Txn {
    const f = rec.fields;
    const ef = entityFieldOf(rec.type)!;
    const out: OutApp[] = [];
    let outApplyC = 0;
    let outCreditC = 0;
    let outDepositC = 0;
    for (const l of rec.sublists.apply ?? []) {
      const c = toCents(num(l.amount));
      out.push({ target: String(l.doc), kind: 'apply', cents: c });
      outApplyC += c;
    }
    for (const l of rec.sublists.credit ?? []) {
      const c = toCents(num(l.amount));
      out.push({ target: String(l.doc), kind: 'credit', cents: c });
      outCreditC += c;
    }
    for (const l of rec.sublists.deposit ?? []) {
      const c = toCents(num(l.amount));
      out.push({ target: String(l.doc), kind: 'deposit', cents: c });
      outDepositC += c;
    }
    let totalC = 0;
    if (rec.type === 'customerdeposit' || rec.type === 'customerpayment') totalC = toCents(num(f.payment));
    else if (rec.type === 'depositapplication') {
      totalC = outApplyC;
      if (f.deposit) out.push({ target: String(f.deposit), kind: 'depappl', cents: outApplyC });
    } else for (const l of rec.sublists.item ?? []) totalC += toCents(num(l.amount));
    return {
      id: rec.id,
      type: rec.type,
      customer: str(f[ef]),
      currency: str(f.currency),
      subsidiary: str(f.subsidiary),
      rate: f.exchangerate === undefined || f.exchangerate === null ? 1 : num(f.exchangerate),
      trandate: String(f.trandate ?? ''),
      duedate: str(f.duedate),
      tranid: String(f.tranid ?? rec.id),
      totalC,
      createdfrom: str(f.createdfrom),
      orderstatus: rec.type === 'salesorder' ? String(f.orderstatus ?? 'B') : null,
      undepfunds: f.undepfunds !== false,
      unapproved: f.chargeit === true && f.ccapproved !== true,
      out,
      outApplyC,
      outCreditC,
      outDepositC,
    };
  }

  private indexAdd(t: Txn): void {
    this.txns.set(t.id, t);
    if (t.customer) {
      let s = this.byCustomer.get(t.customer);
      if (!s) this.byCustomer.set(t.customer, (s = new Set()));
      s.add(t.id);
    }
    if (t.createdfrom) {
      let s = this.byCreatedFrom.get(t.createdfrom);
      if (!s) this.byCreatedFrom.set(t.createdfrom, (s = new Set()));
      s.add(t.id);
    }
    for (const o of t.out) {
      let list = this.incoming.get(o.target);
      if (!list) this.incoming.set(o.target, (list = []));
      list.push({ src: t.id, kind: o.kind, cents: o.cents });
    }
  }

  private indexRemove(id: string): void {
    const t = this.txns.get(id);
    if (!t) return;
    this.txns.delete(id);
    if (t.customer) this.byCustomer.get(t.customer)?.delete(id);
    if (t.createdfrom) this.byCreatedFrom.get(t.createdfrom)?.delete(id);
    for (const o of t.out) {
      const list = this.incoming.get(o.target);
      if (!list) continue;
      const rest = list.filter((a) => a.src !== id);
      if (rest.length) this.incoming.set(o.target, rest);
      else this.incoming.delete(o.target);
    }
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Receivables amounts (foreign cents). asOf null = current state (every application counts).     */

  private incomingC(targetId: string, kinds: readonly AppKind[], asOf: string | null, excludeSrc?: string): number {
    const list = this.incoming.get(targetId);
    if (!list) return 0;
    let sum = 0;
    for (const a of list) {
      if (a.src === excludeSrc || !kinds.includes(a.kind)) continue;
      if (asOf !== null) {
        const src = this.txns.get(a.src);
        if (!src || src.trandate > asOf) continue;
      }
      sum += a.cents;
    }
    return sum;
  }

  /** Applications made to a transaction: [{src, kind, cents, date}] (date = the applying trandate). */
  applicationsTo(targetId: string): { src: string; srcType: string; kind: AppKind; cents: number; date: string }[] {
    return (this.incoming.get(targetId) ?? []).map((a) => {
      const s = this.txns.get(a.src)!;
      return { src: a.src, srcType: s.type, kind: a.kind, cents: a.cents, date: s.trandate };
    });
  }

  /**
   * Open amount of a transaction in its own currency (cents): invoice amount remaining; credit memo,
   * deposit and payment unapplied amount; sales order unbilled amount; 0 for deposit applications.
   * With asOf: only applications (and billing invoices) dated ≤ asOf count.
   */
  openC(t: Txn, asOf: string | null = null, excludeSrc?: string): number {
    switch (t.type) {
      case 'invoice':
        return t.totalC - this.incomingC(t.id, KINDS_APPLY, asOf, excludeSrc);
      case 'creditmemo':
        return t.totalC - t.outApplyC - this.incomingC(t.id, KINDS_CREDIT, asOf, excludeSrc);
      case 'customerdeposit':
        return t.totalC - this.incomingC(t.id, KINDS_DEPOSIT, asOf, excludeSrc);
      case 'customerpayment':
        return t.totalC - (t.outApplyC - t.outCreditC - t.outDepositC) - this.incomingC(t.id, KINDS_CREDIT, asOf, excludeSrc);
      case 'salesorder':
        return t.totalC - this.billedC(t, asOf);
      default:
        return 0;
    }
  }

  /** Open amount of a transaction (see openC) as a number in its currency; 0 when there is no such transaction. */
  openAmount(id: string): number {
    const t = this.txns.get(String(id));
    return t ? fromCents(this.openC(t)) : 0;
  }

  billedC(so: Txn, asOf: string | null = null): number {
    let sum = 0;
    for (const id of this.byCreatedFrom.get(so.id) ?? []) {
      const inv = this.txns.get(id);
      if (inv && inv.type === 'invoice' && (asOf === null || inv.trandate <= asOf)) sum += inv.totalC;
    }
    return sum;
  }

  /** Amount remaining of an invoice as of a date (cents, foreign): the ledger view for AR at a past date. */
  remainingAsOf(id: string, asOf: string): number {
    const t = this.txns.get(id);
    if (!t) throw createError('RCRD_DSNT_EXIST', `That record does not exist. (transaction ${id})`);
    if (t.trandate > asOf) return 0;
    return this.openC(t, asOf);
  }

  /** Status letter of a transaction. */
  statusLetter(t: Txn): string | null {
    switch (t.type) {
      case 'invoice':
        return this.openC(t) > 0 ? 'A' : 'B';
      case 'creditmemo':
        return this.openC(t) > 0 ? 'A' : 'B';
      case 'customerdeposit':
        if (t.unapproved) return 'D';
        if (this.openC(t) <= 0) return 'C';
        return t.undepfunds ? 'A' : 'B';
      case 'customerpayment':
        return t.undepfunds ? 'B' : 'C';
      case 'salesorder': {
        const s = t.orderstatus ?? 'B';
        if (s !== 'C' && s !== 'H' && t.totalC > 0 && this.billedC(t) >= t.totalC) return 'G';
        return s;
      }
      default:
        return null;
    }
  }

  /** The due date aging uses: duedate, else trandate. */
  private dueOf(t: Txn): string {
    return t.duedate ?? t.trandate;
  }

  /** Days overdue of an invoice (today − due date when open and > 0, else 0). */
  daysOverdue(t: Txn, today = this.today()): number {
    if (t.type !== 'invoice' || this.openC(t) <= 0) return 0;
    return Math.max(0, daysBetween(this.dueOf(t), today));
  }

  /**
   * Customer derived amounts in base currency (each transaction's amount × its exchangerate).
   * asOf null: current state, overdue measured at today. With asOf: transactions and applications
   * dated ≤ asOf, overdue measured at asOf.
   */
  customerAmounts(customerId: string, asOf: string | null = null): CustomerAmounts {
    const today = asOf ?? this.today();
    if (asOf === null) {
      const c = this.customerCache.get(customerId);
      if (c && c.gen === this.generation && c.today === today) return c.amounts;
    }
    const a: CustomerAmounts = { balanceC: 0, overdueC: 0, daysOverdue: 0, depositC: 0, unbilledC: 0, unappliedCreditsC: 0, openInvoicesC: 0 };
    for (const id of this.byCustomer.get(customerId) ?? []) {
      const t = this.txns.get(id)!;
      if (asOf !== null && t.trandate > asOf) continue;
      switch (t.type) {
        case 'invoice': {
          const rem = this.openC(t, asOf);
          if (rem <= 0) break;
          const b = toBase(rem, t.rate);
          a.balanceC += b;
          a.openInvoicesC += b;
          const due = this.dueOf(t);
          if (due < today) {
            a.overdueC += b;
            a.daysOverdue = Math.max(a.daysOverdue, daysBetween(due, today));
          }
          break;
        }
        case 'creditmemo':
        case 'customerpayment': {
          const un = this.openC(t, asOf);
          if (un > 0) {
            const b = toBase(un, t.rate);
            a.balanceC -= b;
            a.unappliedCreditsC += b;
          }
          break;
        }
        case 'customerdeposit': {
          const un = this.openC(t, asOf);
          if (un > 0) a.depositC += toBase(un, t.rate);
          break;
        }
        case 'salesorder': {
          const letter = asOf === null ? this.statusLetter(t) : t.orderstatus;
          if (letter && SO_OPEN.has(letter)) {
            const un = this.openC(t, asOf);
            if (un > 0) a.unbilledC += toBase(un, t.rate);
          }
          break;
        }
      }
    }
    if (asOf === null) this.customerCache.set(customerId, { gen: this.generation, today, amounts: a });
    return a;
  }

  /** Hold: creditholdoverride ON → held, OFF → not held, AUTO → balance over the credit limit. */
  onCreditHold(customer: StoredRecord): boolean {
    const hold = String(customer.fields.creditholdoverride ?? 'AUTO');
    if (hold === 'ON') return true;
    if (hold === 'OFF') return false;
    const limit = customer.fields.creditlimit;
    if (limit === undefined || limit === null || limit === '') return false;
    return this.customerAmounts(customer.id).balanceC > toCents(num(limit));
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Views                                                                                          */

  view(type: string, id: string): RecordView {
    type = type.toLowerCase();
    id = String(id);
    const info = this.requireType(type);
    const rec = this.stored(type, id);
    if (!rec) throw createError('RCRD_DSNT_EXIST', `That record does not exist. (${type} ${id})`);
    const fields: Record<string, FieldValue> = { ...rec.fields };
    const sublists: Record<string, Line[]> = {};
    for (const sid of Object.keys(info.sublists)) sublists[sid] = (rec.sublists[sid] ?? []).map((l) => ({ ...l }));
    for (const c of this.schema.childSublists(type)) sublists[c.sublistId] = this.childLines(c, id);
    const created = rec.created;
    const modified = rec.lastModified;
    if (info.category === 'custom') {
      fields.created = created;
      fields.lastmodified = modified;
    } else if (type === 'customer' || type === 'employee') {
      fields.datecreated = created;
      fields.lastmodifieddate = modified;
    } else if (info.category === 'transaction') {
      fields.createddate = created;
      fields.lastmodifieddate = modified;
    }
    if (type === 'currency') fields.isbasecurrency = id === this.account.state.company.baseCurrency;
    if (type === 'customer') this.customerView(rec, fields);
    const t = this.txns.get(id);
    if (t && t.type === type) this.txnView(t, fields, sublists);
    return { id, type, version: rec.version, fields, sublists };
  }

  /** The existing child records of a parent as lines of its child sublist (id order; `id` = the child's id). */
  private childLines(c: ChildSublist, parentId: string): Line[] {
    const lf = this.schema.typeInfo(c.childType)?.fields ?? {};
    const key = `${c.childType}.${c.parentField}`;
    let cached = this.childCache.get(key);
    if (!cached || cached.gen !== this.generation) {
      const byParent = new Map<string, string[]>();
      for (const cid of this.ids(c.childType)) {
        const p = String(this.stored(c.childType, cid)!.fields[c.parentField] ?? '');
        if (!p) continue;
        if (!byParent.has(p)) byParent.set(p, []);
        byParent.get(p)!.push(cid);
      }
      cached = { gen: this.generation, byParent };
      this.childCache.set(key, cached);
    }
    const out: Line[] = [];
    for (const cid of cached.byParent.get(parentId) ?? []) {
      const child = this.stored(c.childType, cid)!;
      const line: Line = { id: cid };
      for (const [k, v] of Object.entries(child.fields)) if (k !== c.parentField && lf[k]) line[k] = v;
      out.push(line);
    }
    return out;
  }

  private customerView(rec: StoredRecord, fields: Record<string, FieldValue>): void {
    const a = this.customerAmounts(rec.id);
    fields.balance = fromCents(a.balanceC);
    fields.overduebalance = fromCents(a.overdueC);
    fields.daysoverdue = a.daysOverdue;
    fields.depositbalance = fromCents(a.depositC);
    fields.unbilledorders = fromCents(a.unbilledC);
    fields.creditholdoverride = rec.fields.creditholdoverride ?? 'AUTO';
    // oncredithold is a search field in NetSuite (no record field); the view carries it for search/CLI.
    fields.oncredithold = this.onCreditHold(rec);
  }

  private txnView(t: Txn, fields: Record<string, FieldValue>, sublists: Record<string, Line[]>): void {
    const setStatus = (refField: string) => {
      const letter = this.statusLetter(t);
      const st = letter ? STATUSES[t.type]?.[letter] : undefined;
      if (st) {
        fields.status = st[0];
        fields[refField] = st[1];
      }
    };
    const total = fromCents(t.totalC);
    switch (t.type) {
      case 'invoice': {
        const rem = this.openC(t);
        fields.total = total;
        fields.subtotal = total;
        fields.amountremaining = fromCents(rem);
        fields.amountpaid = fromCents(t.totalC - rem);
        setStatus('statusRef');
        break;
      }
      case 'salesorder':
        fields.total = total;
        fields.subtotal = total;
        fields.orderstatus = this.statusLetter(t);
        setStatus('statusRef');
        break;
      case 'creditmemo': {
        const un = this.openC(t);
        fields.total = total;
        fields.subtotal = total;
        fields.applied = fromCents(t.totalC - un);
        fields.unapplied = fromCents(un);
        fields.amountremaining = fromCents(un);
        fields.amountpaid = fromCents(t.totalC - un);
        setStatus('statusref');
        break;
      }
      case 'customerdeposit':
        setStatus('statusRef');
        break;
      case 'customerpayment': {
        const un = this.openC(t);
        fields.total = total;
        fields.applied = fromCents(t.outApplyC);
        fields.unapplied = fromCents(un);
        setStatus('statusref');
        break;
      }
      case 'depositapplication': {
        const dep = fields.deposit ? this.txns.get(String(fields.deposit)) : undefined;
        fields.total = total;
        fields.applied = total;
        fields.unapplied = dep ? fromCents(this.openC(dep)) : 0;
        fields.depositdate = dep ? dep.trandate : null;
        break;
      }
    }
    if (sublists.item) sublists.item.forEach((l, i) => (l.line = i + 1));
    for (const sid of ['apply', 'credit', 'deposit'] as const) {
      if (!sublists[sid]) continue;
      sublists[sid] = sublists[sid].map((l, i) => this.enrichLine(sid, { ...l, apply: true }, i, t.id));
    }
  }

  /** Display fields of an apply/credit/deposit line about the transaction in `doc`. */
  private enrichLine(sid: string, l: Line, index: number, selfId: string | null): Line {
    const doc = this.txns.get(String(l.doc));
    l.line = index + 1;
    if (!doc) return l;
    const own = l.apply === true && selfId !== null ? toCents(num(l.amount)) : 0;
    // On a saved record, the amount due shown includes what this record applies (FIDELITY.md).
    const openC = this.openC(doc) + own;
    l.refnum = doc.tranid;
    l.total = fromCents(doc.totalC);
    l.currency = doc.currency ? this.displayText('currency', doc.currency) : null;
    if (sid === 'apply') {
      l.due = fromCents(openC);
      l.applydate = doc.trandate;
      l.duedate = doc.duedate;
    } else if (sid === 'credit') {
      l.due = fromCents(openC);
      l.creditdate = doc.trandate;
    } else {
      l.remaining = fromCents(openC);
      l.depositdate = doc.trandate;
    }
    return l;
  }

  /** Display text of a record (select getText, search text). */
  displayText(type: string, id: string): string | null {
    if (id === null || id === undefined || id === '') return null;
    if (type === 'transaction') {
      const t = this.txns.get(String(id));
      return t ? `${this.schema.typeInfo(t.type)!.label} #${t.tranid}` : null;
    }
    const list = this.schema.customList(type);
    if (list) return list.find((v) => v.id === String(id))?.value ?? null;
    const rec = this.stored(type, String(id));
    if (!rec) return null;
    const f = rec.fields;
    switch (type) {
      case 'customer': {
        const name = f.companyname ? String(f.companyname) : [f.firstname, f.lastname].filter(Boolean).join(' ');
        const eid = f.entityid ? String(f.entityid) : '';
        return eid && name && eid !== name ? `${eid} ${name}` : eid || name;
      }
      case 'employee':
        return f.entityid ? String(f.entityid) : [f.firstname, f.lastname].filter(Boolean).join(' ');
      default: {
        const info = this.schema.typeInfo(type);
        if (info?.category === 'transaction') return `${info.label} #${f.tranid ?? id}`;
        return f.name !== undefined && f.name !== null && f.name !== '' ? String(f.name) : String(id);
      }
    }
  }

  /** Whether a select value points at an existing record (or custom list value). */
  refExists(source: string, id: string): boolean {
    if (source === 'transaction') return this.txns.has(id);
    const list = this.schema.customList(source);
    if (list) return list.some((v) => v.id === id);
    return !!this.stored(source, id);
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Defaults and transforms                                                                        */

  defaults(type: string): { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> } {
    type = type.toLowerCase();
    const info = this.requireType(type);
    const fields: Record<string, FieldValue> = {};
    const sublists: Record<string, Line[]> = {};
    for (const sid of Object.keys(info.sublists)) sublists[sid] = [];
    if (info.category === 'transaction') fields.trandate = this.today();
    if (type === 'salesorder') fields.orderstatus = 'B';
    if (type === 'customerdeposit' || type === 'customerpayment') fields.undepfunds = true;
    if (type === 'customer') fields.creditholdoverride = 'AUTO';
    if (type === 'currency') fields.exchangerate = 1;
    return { fields, sublists };
  }

  /** Exchange rate of a currency to the base currency of a subsidiary (1 when it is that currency). */
  private rateOf(currency: string | null, subsidiary: string | null): number {
    if (!currency) return 1;
    const sub = subsidiary ? this.stored('subsidiary', subsidiary) : undefined;
    const base = sub?.fields.currency ? String(sub.fields.currency) : this.account.state.company.baseCurrency;
    if (currency === base) return 1;
    const cur = this.stored('currency', currency);
    return cur && typeof cur.fields.exchangerate === 'number' ? cur.fields.exchangerate : 1;
  }

  /** Due date from terms: trandate + daysuntilnetdue, or the next dayofmonthnetdue for date-driven terms. */
  dueDateFrom(termsId: string | null, trandate: string): string | null {
    if (!termsId || !isIsoDate(trandate)) return null;
    const term = this.stored('term', termsId);
    if (!term) return null;
    if (term.fields.datedriven === true && typeof term.fields.dayofmonthnetdue === 'number') {
      const day = term.fields.dayofmonthnetdue;
      let [y, m] = [+trandate.slice(0, 4), +trandate.slice(5, 7)];
      for (let i = 0; i < 3; i++) {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const cand = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
        if (cand > trandate) return cand;
        m++;
        if (m > 12) [y, m] = [y + 1, 1];
      }
      return null;
    }
    return addDays(trandate, num(term.fields.daysuntilnetdue ?? 0));
  }

  transform(fromType: string, fromId: string, toType: string): { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> } {
    fromType = fromType.toLowerCase();
    toType = toType.toLowerCase();
    fromId = String(fromId);
    this.requireType(fromType);
    this.requireType(toType);
    const src = this.stored(fromType, fromId);
    if (!src) throw createError('RCRD_DSNT_EXIST', `That record does not exist. (${fromType} ${fromId})`);
    const t = this.txns.get(fromId)!;
    const today = this.today();
    const { fields, sublists } = this.defaults(toType);
    const key = `${fromType}>${toType}`;
    if (key === 'customerdeposit>depositapplication') {
      Object.assign(fields, {
        customer: t.customer,
        deposit: fromId,
        currency: t.currency,
        exchangerate: t.rate,
        subsidiary: t.subsidiary,
        trandate: today,
      });
      sublists.apply = this.openDocs(t, 'invoice').map((d, i) => this.enrichLine('apply', { apply: false, amount: 0, doc: d.id }, i, null));
      return { fields, sublists };
    }
    if (key === 'invoice>customerpayment') {
      const due = this.openC(t);
      Object.assign(fields, {
        customer: t.customer,
        currency: t.currency,
        exchangerate: this.rateOf(t.currency, t.subsidiary),
        subsidiary: t.subsidiary,
        trandate: today,
        payment: fromCents(Math.max(due, 0)),
      });
      sublists.apply = this.openDocs(t, 'invoice').map((d, i) =>
        this.enrichLine('apply', { apply: d.id === fromId, amount: d.id === fromId ? fromCents(due) : 0, doc: d.id }, i, null),
      );
      sublists.credit = [...this.openDocs(t, 'creditmemo'), ...this.openDocs(t, 'customerpayment')].map((d, i) =>
        this.enrichLine('credit', { apply: false, amount: 0, doc: d.id }, i, null),
      );
      sublists.deposit = this.openDocs(t, 'customerdeposit')
        .filter((d) => !d.unapproved)
        .map((d, i) => this.enrichLine('deposit', { apply: false, amount: 0, doc: d.id }, i, null));
      return { fields, sublists };
    }
    if (key === 'salesorder>invoice') {
      const letter = this.statusLetter(t);
      if (letter === 'A' || letter === 'C' || letter === 'H' || letter === 'G') {
        throw createError('INVALID_INITIALIZE_REF', `You can not initialize invoice: Sales Order #${t.tranid} is ${STATUSES.salesorder[letter!][0]}.`);
      }
      const f = src.fields;
      Object.assign(fields, {
        entity: t.customer,
        currency: t.currency,
        exchangerate: t.rate,
        subsidiary: t.subsidiary,
        createdfrom: fromId,
        trandate: today,
      });
      for (const k of ['terms', 'otherrefnum', 'salesrep', 'memo'] as const) if (!isEmpty(f[k])) fields[k] = f[k];
      const due = this.dueDateFrom(str(f.terms), today);
      if (due) fields.duedate = due;
      // Billed per line: invoice lines of invoices created from this order, matched by item in order.
      const billed = new Map<string, number>();
      for (const id of this.byCreatedFrom.get(fromId) ?? []) {
        for (const l of this.stored('invoice', id)?.sublists.item ?? []) {
          const k = String(l.item);
          billed.set(k, (billed.get(k) ?? 0) + toCents(num(l.amount)));
        }
      }
      sublists.item = [];
      for (const l of src.sublists.item ?? []) {
        const amtC = toCents(num(l.amount));
        const k = String(l.item);
        const used = Math.min(billed.get(k) ?? 0, amtC);
        billed.set(k, (billed.get(k) ?? 0) - used);
        const restC = amtC - used;
        if (restC <= 0) continue;
        const line: Line = { item: l.item, amount: fromCents(restC) };
        if (!isEmpty(l.description)) line.description = l.description;
        if (!isEmpty(l.rate)) line.rate = l.rate;
        if (!isEmpty(l.quantity)) {
          line.quantity = used === 0 ? l.quantity : !isEmpty(l.rate) && num(l.rate) !== 0 ? Math.round((fromCents(restC) / num(l.rate)) * 1e6) / 1e6 : 1;
        }
        sublists.item.push(line);
      }
      if (!sublists.item.length) throw createError('INVALID_INITIALIZE_REF', `You can not initialize invoice: Sales Order #${t.tranid} has nothing left to bill.`);
      return { fields, sublists };
    }
    throw createError('INVALID_RCRD_TRANSFORM', `You have entered an invalid record type or transform: ${fromType} → ${toType}.`);
  }

  /** The customer's open transactions of a type in the same currency and subsidiary as t, oldest first. */
  private openDocs(t: Txn, type: string): Txn[] {
    if (!t.customer) return [];
    const out: Txn[] = [];
    for (const id of this.byCustomer.get(t.customer) ?? []) {
      const d = this.txns.get(id)!;
      if (d.type !== type || d.currency !== t.currency || d.subsidiary !== t.subsidiary) continue;
      if (this.openC(d) <= 0) continue;
      out.push(d);
    }
    return out.sort((a, b) => (a.trandate < b.trandate ? -1 : a.trandate > b.trandate ? 1 : Number(a.id) - Number(b.id)));
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Write                                                                                          */

  write(
    type: string,
    id: string | null,
    fieldsIn: Record<string, FieldValue>,
    sublistsIn: Record<string, Line[]>,
    expectedVersion: number | null,
    options: WriteOptions = {},
  ): StoredRecord {
    type = type.toLowerCase();
    const info = this.requireType(type);
    const isCreate = id === null || id === undefined;
    let existing: StoredRecord | undefined;
    if (!isCreate) {
      id = String(id);
      existing = this.stored(type, id);
      if (!existing) throw createError('RCRD_DSNT_EXIST', `That record does not exist. (${type} ${id})`);
      if (expectedVersion !== null && expectedVersion !== undefined && existing.version !== expectedVersion) {
        throw createError(
          'RCRD_HAS_BEEN_CHANGED',
          `Record has been changed since you retrieved it (${type} ${id}: version ${expectedVersion}, now ${existing.version}).`,
        );
      }
    }
    let newId = isCreate ? null : (id as string);
    if (isCreate && options.createWithId !== undefined) {
      newId = String(options.createWithId);
      if (!/^[1-9]\d*$/.test(newId)) throw createError('INVALID_FLD_VALUE', `Invalid internal id ${newId} for ${type}: a positive integer is required.`);
      if (this.idTaken(info.idFamily, newId)) throw createError('USER_ERROR', `Internal id ${newId} is already used in id family ${info.idFamily} (${type}).`);
    }
    const problems = new Problems();
    // Child sublists (recmach<parent field>): new lines become child records after the parent's save;
    // lines of existing children (with their `id`) are read-only and left as they are.
    const childSpecs = this.schema.childSublists(type);
    const ownSublistsIn: Record<string, Line[]> = { ...(sublistsIn ?? {}) };
    const newChildren: { c: ChildSublist; fields: Record<string, FieldValue> }[] = [];
    for (const c of childSpecs) {
      const lines = ownSublistsIn[c.sublistId];
      delete ownSublistsIn[c.sublistId];
      if (lines === undefined || lines === null) continue;
      if (!Array.isArray(lines)) {
        problems.add('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${c.sublistId} of ${info.type} must be a list of lines.`);
        continue;
      }
      const childInfo = this.requireType(c.childType);
      lines.forEach((line, i) => {
        if (line && !isEmpty(line.id)) return; // an existing child
        const values: Record<string, FieldValue> = {};
        for (const [k, v] of Object.entries(line ?? {})) {
          if (k === 'id') continue;
          if (k === c.parentField || !childInfo.fields[k]) {
            problems.add('INVALID_FLD', `Field ${k} does not exist on sublist ${c.sublistId} of record type ${info.type} (line ${i + 1}).`);
            continue;
          }
          values[k] = v;
        }
        // Validated like any write of the child (the parent field is set once the parent has its id).
        const childProblems = new Problems();
        const cf = this.normalizeFields(childInfo, values, childProblems);
        this.checkRefs(childInfo, cf, {}, childProblems);
        this.checkRequired(childInfo, { ...cf, [c.parentField]: '0' }, options, childProblems);
        for (const p of childProblems.list) problems.add(p.code, `${p.message} (sublist ${c.sublistId} line ${i + 1} of ${info.type})`);
        newChildren.push({ c, fields: cf });
      });
    }
    const fields = this.normalizeFields(info, fieldsIn, problems);
    const sublists = this.normalizeSublists(info, ownSublistsIn, problems);
    problems.throwIfAny();
    this.applySourcing(type, fields, sublists, existing);
    this.checkRefs(info, fields, sublists, problems);
    this.checkRequired(info, fields, options, problems);
    problems.throwIfAny();
    if (info.category === 'transaction') this.checkReceivables(type, newId, fields, sublists, existing);

    // Write.
    const now = this.account.now();
    if (newId === null) newId = this.account.nextInternalId(info.idFamily);
    else if (isCreate) this.advanceSequence(info.idFamily, Number(newId));
    if (info.category === 'transaction' && isEmpty(fields.tranid)) fields.tranid = `${TRANID_PREFIX[type] ?? ''}${newId}`;
    const rec: StoredRecord = {
      id: newId,
      type,
      fields,
      sublists,
      version: existing ? existing.version + 1 : 1,
      created: existing ? existing.created : now,
      lastModified: now,
    };
    this.bucket(type)[newId] = rec;
    if (isCreate) this.idCache.delete(type);
    if (info.category === 'transaction') {
      this.indexRemove(newId);
      this.indexAdd(this.computeTxn(rec));
    }
    this.generation++;
    // The parent's save creates its new child records (no extra governance: the parent's save pays). One
    // save: when a child cannot be written, the parent and the children written so far are rolled back.
    const created: { type: string; id: string }[] = [];
    try {
      for (const n of newChildren) {
        const child = this.write(n.c.childType, null, { ...n.fields, [n.c.parentField]: newId }, {}, null, { ignoreMandatoryFields: options.ignoreMandatoryFields });
        created.push({ type: child.type, id: child.id });
      }
    } catch (e) {
      for (const c of created) {
        delete this.bucket(c.type)[c.id];
        this.idCache.delete(c.type);
      }
      if (existing) this.bucket(type)[newId] = existing;
      else {
        delete this.bucket(type)[newId];
        this.idCache.delete(type);
      }
      if (info.category === 'transaction') {
        this.indexRemove(newId);
        if (existing) this.indexAdd(this.computeTxn(existing));
      }
      this.generation++;
      throw e;
    }
    return rec;
  }

  private idTaken(family: string, id: string): boolean {
    for (const t of this.schema.allTypes()) {
      if (this.schema.typeInfo(t)!.idFamily === family && this.stored(t, id)) return true;
    }
    return false;
  }

  /** Make the family's next id greater than n. */
  advanceSequence(family: string, n: number): void {
    const next = this.account.state.nextId;
    if ((next[family] ?? 1) <= n) next[family] = n + 1;
  }

  /** Check and convert one value of a field; pushes a problem and returns undefined when wrong. */
  normalizeValue(info: RecordTypeInfo, f: FieldInfo, v: unknown, where: string, problems: Problems): FieldValue | undefined {
    const bad = (why: string) => {
      problems.add('INVALID_FLD_VALUE', `You have entered an Invalid Field Value ${JSON.stringify(v)} for the following field: ${f.id} (${where} of ${info.type}): ${why}.`);
      return undefined;
    };
    if (v === undefined || v === null || v === '') return null;
    switch (f.type) {
      case 'checkbox':
        if (typeof v === 'boolean') return v;
        if (v === 'T' || v === 'F') return v === 'T';
        return bad('a checkbox takes true or false');
      case 'date':
        if (isIsoDate(v)) return v;
        return bad("a date is 'YYYY-MM-DD' here");
      case 'datetime':
        if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
        return bad('an ISO datetime is expected');
      case 'currency':
      case 'float':
      case 'percent':
      case 'integer': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!Number.isFinite(n)) return bad('a number is expected');
        if (f.type === 'integer' && !Number.isInteger(n)) return bad('an integer is expected');
        return f.type === 'currency' ? fromCents(toCents(n)) : n;
      }
      case 'select': {
        if (typeof v !== 'string' && typeof v !== 'number') return bad('a select takes an internal id');
        const s = String(v);
        if (f.options) {
          if (!f.options.includes(s)) return bad(`allowed values: ${f.options.join(', ')}`);
          return s;
        }
        if (f.source && !/^-?\d+$/.test(s)) return bad('a select takes an internal id');
        return s;
      }
      case 'multiselect': {
        const arr = Array.isArray(v) ? v : [v];
        if (!arr.every((x) => typeof x === 'string' || typeof x === 'number')) return bad('a multiselect takes internal ids');
        return arr.map(String);
      }
      default:
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        return bad('text is expected');
    }
  }

  private normalizeFields(info: RecordTypeInfo, input: Record<string, FieldValue>, problems: Problems): Record<string, FieldValue> {
    const out: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(input ?? {})) {
      const f = info.fields[k];
      if (!f) {
        problems.add('INVALID_FLD', `Field ${k} does not exist on record type ${info.type}.`);
        continue;
      }
      if (f.derived) {
        problems.add('READ_ONLY_FIELD', `Field ${k} of ${info.type} is computed by NetSuite and cannot be set.`);
        continue;
      }
      const nv = this.normalizeValue(info, f, v, 'body field', problems);
      if (nv !== undefined && nv !== null) out[k] = nv;
    }
    return out;
  }

  private normalizeSublists(info: RecordTypeInfo, input: Record<string, Line[]>, problems: Problems): Record<string, Line[]> {
    const out: Record<string, Line[]> = {};
    for (const [sid, lines] of Object.entries(input ?? {})) {
      const lf = info.sublists[sid];
      if (!lf) {
        problems.add('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${sid} does not exist on record type ${info.type}.`);
        continue;
      }
      if (!Array.isArray(lines)) {
        problems.add('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${sid} of ${info.type} must be a list of lines.`);
        continue;
      }
      const isApply = sid === 'apply' || sid === 'credit' || sid === 'deposit';
      const outLines: Line[] = [];
      lines.forEach((line, i) => {
        const nl: Line = {};
        for (const [k, v] of Object.entries(line ?? {})) {
          const f = lf[k];
          if (!f) {
            problems.add('INVALID_FLD', `Field ${k} does not exist on sublist ${sid} of record type ${info.type} (line ${i + 1}).`);
            continue;
          }
          if (f.derived) continue; // display values of a line (refnum, due, …) are recomputed
          const nv = this.normalizeValue(info, f, v, `sublist ${sid} line ${i + 1}`, problems);
          if (nv !== undefined && nv !== null) nl[k] = nv;
        }
        if (isApply) {
          // Only ticked lines are stored. A line without `apply` counts as ticked when it has an amount.
          const ticked = nl.apply === true || (nl.apply === undefined && num(nl.amount) !== 0);
          if (!ticked) return;
          nl.apply = true;
        }
        outLines.push(nl);
      });
      out[sid] = outLines;
    }
    return out;
  }

  /** NetSuite's sourcing on save: values a field's source fills when empty (FIDELITY.md). */
  private applySourcing(type: string, fields: Record<string, FieldValue>, sublists: Record<string, Line[]>, existing: StoredRecord | undefined): void {
    const info = this.schema.typeInfo(type)!;
    for (const sid of Object.keys(info.sublists)) if (!this.schema.childSublist(type, sid)) sublists[sid] ??= [];
    if (type === 'customer') {
      if (isEmpty(fields.entityid)) {
        const name = fields.companyname ?? ([fields.firstname, fields.lastname].filter(Boolean).join(' ') || null);
        if (!isEmpty(name)) fields.entityid = name;
      }
      if (isEmpty(fields.currency) && fields.subsidiary) {
        const sub = this.stored('subsidiary', String(fields.subsidiary));
        if (sub?.fields.currency) fields.currency = sub.fields.currency;
      }
      if (isEmpty(fields.creditholdoverride)) fields.creditholdoverride = 'AUTO';
      return;
    }
    if (type === 'currency' && isEmpty(fields.exchangerate)) fields.exchangerate = 1;
    if (info.category !== 'transaction') return;
    if (isEmpty(fields.trandate)) fields.trandate = existing?.fields.trandate ?? this.today();
    if (type === 'salesorder' && isEmpty(fields.orderstatus)) fields.orderstatus = 'B';
    if ((type === 'customerdeposit' || type === 'customerpayment') && fields.undepfunds === undefined) fields.undepfunds = true;
    if (type === 'depositapplication' && fields.deposit) {
      const dep = this.stored('customerdeposit', String(fields.deposit));
      if (dep) for (const k of ['customer', 'currency', 'exchangerate', 'subsidiary'] as const) if (isEmpty(fields[k]) && !isEmpty(dep.fields[k])) fields[k] = dep.fields[k];
    }
    const ef = entityFieldOf(type)!;
    const cust = fields[ef] ? this.stored('customer', String(fields[ef])) : undefined;
    if (cust) {
      if (isEmpty(fields.subsidiary) && !isEmpty(cust.fields.subsidiary)) fields.subsidiary = cust.fields.subsidiary;
      if (isEmpty(fields.currency) && !isEmpty(cust.fields.currency)) fields.currency = cust.fields.currency;
      if ((type === 'invoice' || type === 'salesorder') && isEmpty(fields.terms) && !isEmpty(cust.fields.terms)) fields.terms = cust.fields.terms;
    }
    if (isEmpty(fields.exchangerate)) fields.exchangerate = this.rateOf(str(fields.currency), str(fields.subsidiary));
    if (type === 'invoice' && isEmpty(fields.duedate)) {
      const due = this.dueDateFrom(str(fields.terms), String(fields.trandate));
      if (due) fields.duedate = due;
    }
    for (const l of sublists.item ?? []) {
      if (isEmpty(l.amount) && !isEmpty(l.rate)) l.amount = fromCents(toCents(num(l.quantity ?? 1) * num(l.rate)));
    }
  }

  private checkRequired(info: RecordTypeInfo, fields: Record<string, FieldValue>, options: WriteOptions, problems: Problems): void {
    const missing: string[] = [];
    for (const f of Object.values(info.fields)) {
      if (!f.required || f.derived || !isEmpty(fields[f.id])) continue;
      if (options.ignoreMandatoryFields && /^cust/.test(f.id)) continue;
      missing.push(f.label);
    }
    if (missing.length) problems.add('USER_ERROR', `Please enter value(s) for: ${missing.join(', ')}`);
  }

  private checkRefs(info: RecordTypeInfo, fields: Record<string, FieldValue>, sublists: Record<string, Line[]>, problems: Problems): void {
    const check = (f: FieldInfo, v: FieldValue, where: string) => {
      if (!f.source || f.options || isEmpty(v)) return;
      for (const id of Array.isArray(v) ? v : [String(v)]) {
        if (!this.refExists(f.source, id)) {
          problems.add('INVALID_KEY_OR_REF', `Invalid ${f.id} reference key ${id}${where}: no ${f.source} with that internal id.`);
        }
      }
    };
    for (const [k, v] of Object.entries(fields)) check(info.fields[k], v, ` on ${info.type}`);
    for (const [sid, lines] of Object.entries(sublists)) {
      const lf = info.sublists[sid];
      lines.forEach((l, i) => {
        for (const [k, v] of Object.entries(l)) {
          const f = lf[k];
          if (!f?.source || isEmpty(v)) continue;
          check(f, v, ` on sublist ${sid} line ${i + 1} of ${info.type}`);
        }
      });
    }
    if (info.sublists.item) {
      if (!(sublists.item ?? []).length) problems.add('USER_ERROR', `You must enter at least one line item for this transaction (${info.type}).`);
      (sublists.item ?? []).forEach((l, i) => {
        if (isEmpty(l.item)) problems.add('USER_ERROR', `Please enter value(s) for: Item (sublist item line ${i + 1} of ${info.type})`);
      });
    }
  }

  /** Receivables rules: applications within what is due/available, same customer and currency. */
  private checkReceivables(type: string, id: string | null, fields: Record<string, FieldValue>, sublists: Record<string, Line[]>, existing: StoredRecord | undefined): void {
    const ef = entityFieldOf(type)!;
    const customer = str(fields[ef]);
    const currency = str(fields.currency);
    const self = id ? this.txns.get(id) : undefined;
    const label = (t: Txn) => `${this.schema.typeInfo(t.type)!.label} #${t.tranid}`;
    const selfLabel = `${this.schema.typeInfo(type)!.label}${fields.tranid ? ` #${fields.tranid}` : id ? ` #${self?.tranid ?? id}` : ''}`;

    // Amounts must not be negative.
    for (const l of sublists.item ?? []) if (num(l.amount) < 0 && type !== 'creditmemo') throw createError('INVALID_FLD_VALUE', `Item amounts of a ${type} cannot be negative (${l.amount}).`);
    if ((type === 'customerdeposit' || type === 'customerpayment') && num(fields.payment) < 0) throw createError('INVALID_FLD_VALUE', `The payment amount cannot be negative (${fields.payment}).`);
    if (type === 'customerdeposit' && num(fields.payment) === 0) throw createError('USER_ERROR', 'Please enter value(s) for: Payment Amount');

    // Editing what others depend on.
    if (self && existing) {
      const hasIncoming = (this.incoming.get(self.id) ?? []).length > 0 || (this.byCreatedFrom.get(self.id)?.size ?? 0) > 0;
      if (hasIncoming && (self.customer !== customer || self.currency !== currency)) {
        throw createError('USER_ERROR', `You cannot change the customer or currency of ${label(self)}: other transactions are applied to it.`);
      }
    }

    // Lines applied.
    const seen = new Set<string>();
    let applyC = 0;
    let creditC = 0;
    let depositC = 0;
    const lineDocs = (sid: 'apply' | 'credit' | 'deposit', allowed: string[]) =>
      (sublists[sid] ?? []).map((l, i) => {
        const doc = this.txns.get(String(l.doc));
        if (!doc) throw createError('INVALID_KEY_OR_REF', `Invalid doc reference key ${l.doc} on sublist ${sid} line ${i + 1} of ${type}.`);
        if (!allowed.includes(doc.type)) throw createError('INVALID_KEY_OR_REF', `Invalid doc reference key ${l.doc} on sublist ${sid} line ${i + 1} of ${type}: ${label(doc)} cannot be applied here.`);
        if (seen.has(doc.id)) throw createError('USER_ERROR', `${label(doc)} is applied more than once on this ${type}.`);
        seen.add(doc.id);
        if (doc.customer !== customer) throw createError('USER_ERROR', `${label(doc)} belongs to another customer.`);
        if (doc.currency !== currency) throw createError('USER_ERROR', `${label(doc)} is in another currency.`);
        const c = toCents(num(l.amount));
        if (c <= 0) throw createError('INVALID_FLD_VALUE', `The amount applied to ${label(doc)} must be greater than 0 (line ${i + 1} of sublist ${sid}).`);
        return { doc, c };
      });
    for (const { doc, c } of lineDocs('apply', ['invoice'])) {
      const due = this.openC(doc, null, id ?? undefined);
      if (c > due) throw createError('USER_ERROR', `You cannot apply more than the amount due: ${formatCents(c)} applied to ${label(doc)}, which has ${formatCents(due)} due.`);
      applyC += c;
    }
    for (const { doc, c } of lineDocs('credit', ['creditmemo', 'customerpayment'])) {
      if (doc.id === id) throw createError('USER_ERROR', `A customer payment cannot be applied to itself.`);
      const avail = this.openC(doc, null, id ?? undefined);
      if (c > avail) throw createError('USER_ERROR', `You cannot apply more than the amount available: ${formatCents(c)} of ${label(doc)}, which has ${formatCents(avail)} unapplied.`);
      creditC += c;
    }
    for (const { doc, c } of lineDocs('deposit', ['customerdeposit'])) {
      if (doc.unapproved) throw createError('USER_ERROR', `${label(doc)} is an unapproved payment and cannot be applied.`);
      const avail = this.openC(doc, null, id ?? undefined);
      if (c > avail) throw createError('USER_ERROR', `You cannot apply more than the amount available: ${formatCents(c)} of ${label(doc)}, which has ${formatCents(avail)} unapplied.`);
      depositC += c;
    }
    const incomingOther = (kinds: AppKind[]) => (self ? this.incomingC(self.id, kinds, null) : 0);
    switch (type) {
      case 'depositapplication': {
        const dep = this.txns.get(String(fields.deposit));
        if (!dep || dep.type !== 'customerdeposit') throw createError('INVALID_KEY_OR_REF', `Invalid deposit reference key ${fields.deposit} on depositapplication.`);
        if (dep.customer !== customer || dep.currency !== currency) throw createError('USER_ERROR', `The deposit application must have the customer and currency of ${label(dep)}.`);
        if (dep.unapproved) throw createError('USER_ERROR', `${label(dep)} is an unapproved payment and cannot be applied.`);
        if (!(sublists.apply ?? []).length) throw createError('USER_ERROR', 'You must enter at least one line item for this transaction.');
        const avail = this.openC(dep, null, id ?? undefined);
        if (applyC > avail) throw createError('USER_ERROR', `You cannot apply more than the amount of the deposit: ${formatCents(applyC)} applied, ${label(dep)} has ${formatCents(avail)} unapplied.`);
        break;
      }
      case 'creditmemo': {
        const totalC = (sublists.item ?? []).reduce((s, l) => s + toCents(num(l.amount)), 0);
        const avail = totalC - incomingOther(['credit']);
        if (applyC > avail) throw createError('USER_ERROR', `You cannot apply more than the credit available: ${formatCents(applyC)} applied, ${selfLabel} has ${formatCents(avail)}.`);
        break;
      }
      case 'customerpayment': {
        const availC = toCents(num(fields.payment)) + creditC + depositC - incomingOther(['credit']);
        if (applyC > availC) throw createError('USER_ERROR', `You cannot apply more than the payment and credits: ${formatCents(applyC)} applied, ${formatCents(availC)} available on ${selfLabel}.`);
        if (creditC + depositC > applyC) throw createError('USER_ERROR', `Credits and deposits applied (${formatCents(creditC + depositC)}) exceed the amount applied to invoices (${formatCents(applyC)}).`);
        break;
      }
      case 'invoice': {
        if (self) {
          const totalC = (sublists.item ?? []).reduce((s, l) => s + toCents(num(l.amount)), 0);
          const applied = incomingOther(['apply']);
          if (totalC < applied) throw createError('USER_ERROR', `The total of ${label(self)} (${formatCents(totalC)}) cannot be less than what is applied to it (${formatCents(applied)}).`);
        }
        break;
      }
      case 'customerdeposit': {
        if (self) {
          const applied = incomingOther(['deposit', 'depappl']);
          if (toCents(num(fields.payment)) < applied) throw createError('USER_ERROR', `The amount of ${label(self)} cannot be less than what is applied from it (${formatCents(applied)}).`);
        }
        break;
      }
    }
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Remove                                                                                         */

  remove(type: string, id: string): void {
    type = type.toLowerCase();
    id = String(id);
    const info = this.requireType(type);
    const rec = this.stored(type, id);
    if (!rec) throw createError('RCRD_DSNT_EXIST', `That record does not exist. (${type} ${id})`);
    const deps = this.dependents(info, id);
    if (deps.length) {
      throw createError(
        'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
        `This record cannot be deleted because it has dependent records. (${type} ${id}: ${deps.slice(0, 5).join(', ')}${deps.length > 5 ? ', …' : ''})`,
      );
    }
    delete this.bucket(type)[id];
    this.idCache.delete(type);
    if (info.category === 'transaction') this.indexRemove(id);
    this.generation++;
  }

  /** Records that depend on a record (applications, billing, transactions of a customer, select refs). */
  private dependents(info: RecordTypeInfo, id: string): string[] {
    const out: string[] = [];
    const name = (tid: string) => this.displayText('transaction', tid) ?? tid;
    if (info.category === 'transaction') {
      for (const a of this.incoming.get(id) ?? []) out.push(name(a.src));
      for (const c of this.byCreatedFrom.get(id) ?? []) out.push(name(c));
      return out;
    }
    if (info.type === 'customer') for (const t of this.byCustomer.get(id) ?? []) out.push(name(t));
    if (out.length) return out;
    // Other references by select fields (rare: scan).
    for (const [t, recs] of Object.entries(this.account.state.records)) {
      const ti = this.schema.typeInfo(t);
      if (!ti) continue;
      const refFields = Object.values(ti.fields).filter((f) => f.source === info.type || (f.source === 'transaction' && info.category === 'transaction'));
      if (!refFields.length) continue;
      for (const r of Object.values(recs)) {
        for (const f of refFields) {
          const v = r.fields[f.id];
          if (v === id || (Array.isArray(v) && v.includes(id))) out.push(`${t} ${r.id} (${f.id})`);
        }
        if (out.length > 5) return out;
      }
    }
    return out;
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* SearchSource (rows in search.ts)                                                               */

  rows(searchType: string, options?: { mainline?: boolean | null }): Iterable<SearchRow> {
    return this.searchRows.rows(searchType, options);
  }

  hasField(searchType: string, field: string, join?: string): boolean {
    return this.searchRows.hasField(searchType, field, join);
  }

  fieldType(searchType: string, field: string, join?: string): FieldType | undefined {
    return this.searchRows.fieldType(searchType, field, join);
  }

  isNumericField(f: FieldInfo): boolean {
    return NUMERIC.has(f.type);
  }
}

export type { Problems };

/** Create the records service (RecordService + SearchSource) of an account. */
export function createRecordService(account: Account, spec?: CustomizationSpec): RecordStore {
  return new RecordStore(account, spec);
}
