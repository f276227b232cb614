/**
 * Standalone consistency check of a demo fixture: the generator's self-check (the records layer's
 * fixture loader does its own checks when it loads one). Independent of generate.ts on purpose: it
 * recomputes everything from the fixture JSON.
 *
 * Rules (see the fixture contract in generate.ts):
 * - known record types and fields only; custom fields only when declared;
 * - ids positive integers, unique per id family (all transactions share one family, customers and
 *   employees share 'entity', subsidiary/currency/term their own);
 * - every select resolves to a record of the right type;
 * - dates real 'YYYY-MM-DD' and ≤ asOf (due dates excepted); invoice due date = date + term days;
 * - amounts with at most 2 decimals; line amount = quantity × rate (to the cent);
 * - a transaction's currency and subsidiary are its customer's; exchange rate 1 in the subsidiary's
 *   own currency;
 * - applications point at invoices of the same customer, are dated on/after the invoice and never add
 *   up to more than the invoice total at any date, nor to more than the applying transaction's amount;
 *   deposit applications are dated on/after their deposit;
 * - sales orders are not billed beyond their total, and 'G' (billed) orders are fully billed.
 *
 * customer.category and customerdeposit.paymentmethod are selects whose record types (customer
 * category, payment method) a fixture cannot hold yet, so the schema does not accept them.
 */
import { dayNumber, isIsoDate } from './calendar';

export interface ValidationOptions {
  /** Custom field ids declared in the account (the fixture may carry only these custom fields). */
  customFields?: string[];
  /** Stop collecting messages after this many (default 50); `errorCount` still counts all. */
  maxErrors?: number;
}

export interface ValidationResult {
  ok: boolean;
  /** The first `maxErrors` messages, e.g. 'invoice 17: applied 120.00 > total 100.00 on 2026-03-02'. */
  errors: string[];
  errorCount: number;
}

type Kind = 'text' | 'date' | 'amount' | 'rate' | 'bool' | 'int' | 'select' | 'enum' | 'role' | 'sublist';

interface FieldSpec {
  kind: Kind;
  /** select: record type it points at. */
  target?: string;
  required?: boolean;
  values?: readonly string[];
  /** date: may lie after asOf (due dates of invoices not yet due). */
  future?: boolean;
  line?: Record<string, FieldSpec>;
}

interface TypeSpec {
  family: string;
  fields: Record<string, FieldSpec>;
  /** Custom fields this type may carry when declared. */
  custom?: Record<string, FieldSpec>;
}

const req = (kind: Kind, extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind, required: true, ...extra });
const opt = (kind: Kind, extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind, ...extra });
const sel = (target: string, required = true): FieldSpec => ({ kind: 'select', target, required });

const ITEM_LINE: Record<string, FieldSpec> = {
  item: req('int'),
  description: opt('text'),
  quantity: req('rate'),
  rate: req('amount'),
  amount: req('amount'),
};
const APPLY_LINE: Record<string, FieldSpec> = { doc: sel('invoice'), amount: req('amount'), apply: opt('bool') };
const MONEY = { currency: sel('currency'), exchangerate: req('rate'), subsidiary: sel('subsidiary') };

export const FIXTURE_SCHEMA: Record<string, TypeSpec> = {
  currency: {
    family: 'currency',
    fields: { name: req('text'), symbol: req('text'), exchangerate: req('rate'), isbasecurrency: opt('bool') },
  },
  subsidiary: {
    family: 'subsidiary',
    fields: { name: req('text'), currency: sel('currency'), country: req('text'), parent: sel('subsidiary', false) },
  },
  term: { family: 'term', fields: { name: req('text'), daysuntilnetdue: req('int') } },
  employee: {
    family: 'entity',
    fields: {
      entityid: req('text'),
      firstname: req('text'),
      lastname: req('text'),
      email: req('text'),
      subsidiary: sel('subsidiary'),
      giveaccess: req('bool'),
      roles: opt('sublist', { line: { selectedrole: req('role') } }),
      supervisor: sel('employee', false),
    },
  },
  customer: {
    family: 'entity',
    fields: {
      entityid: req('text'),
      companyname: req('text'),
      email: opt('text'),
      phone: opt('text'),
      subsidiary: sel('subsidiary'),
      currency: sel('currency'),
      terms: sel('term', false),
      creditlimit: opt('amount'),
      creditholdoverride: req('enum', { values: ['AUTO', 'ON', 'OFF'] }),
      salesrep: sel('employee', false),
    },
    custom: { custentity_ara_collector: sel('employee', false) },
  },
  salesorder: {
    family: 'transaction',
    fields: {
      entity: sel('customer'),
      tranid: req('text'),
      trandate: req('date'),
      orderstatus: req('enum', { values: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] }),
      ...MONEY,
      terms: sel('term', false),
      memo: opt('text'),
      otherrefnum: opt('text'),
      item: req('sublist', { line: ITEM_LINE }),
    },
  },
  invoice: {
    family: 'transaction',
    fields: {
      entity: sel('customer'),
      tranid: req('text'),
      trandate: req('date'),
      duedate: opt('date', { future: true }),
      terms: sel('term', false),
      createdfrom: sel('salesorder', false),
      ...MONEY,
      memo: opt('text'),
      otherrefnum: opt('text'),
      item: req('sublist', { line: ITEM_LINE }),
    },
    custom: { custbody_ara_disputed: opt('bool') },
  },
  creditmemo: {
    family: 'transaction',
    fields: {
      entity: sel('customer'),
      tranid: req('text'),
      trandate: req('date'),
      createdfrom: sel('invoice', false),
      ...MONEY,
      memo: opt('text'),
      item: req('sublist', { line: ITEM_LINE }),
      apply: opt('sublist', { line: APPLY_LINE }),
    },
  },
  customerdeposit: {
    family: 'transaction',
    fields: {
      customer: sel('customer'),
      tranid: req('text'),
      trandate: req('date'),
      payment: req('amount'),
      ...MONEY,
      salesorder: sel('salesorder', false),
      memo: opt('text'),
      undepfunds: opt('bool'),
    },
  },
  customerpayment: {
    family: 'transaction',
    fields: {
      customer: sel('customer'),
      tranid: opt('text'),
      trandate: req('date'),
      payment: req('amount'),
      ...MONEY,
      memo: opt('text'),
      apply: opt('sublist', { line: APPLY_LINE }),
    },
  },
  depositapplication: {
    family: 'transaction',
    fields: {
      customer: sel('customer'),
      deposit: sel('customerdeposit'),
      trandate: req('date'),
      ...MONEY,
      memo: opt('text'),
      apply: req('sublist', { line: APPLY_LINE }),
    },
  },
};

type Rec = Record<string, unknown> & { id: number };
type Line = Record<string, unknown>;

const TXN_CUSTOMER_FIELD: Record<string, string> = {
  salesorder: 'entity',
  invoice: 'entity',
  creditmemo: 'entity',
  customerdeposit: 'customer',
  customerpayment: 'customer',
  depositapplication: 'customer',
};

function toCents(x: unknown): number {
  return Math.round(Number(x) * 100);
}

function isCents(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
}

function money(c: number): string {
  return (c / 100).toFixed(2);
}

/** Check a fixture against the contract; never throws on bad input (reports it). */
export function validateFixture(fixture: unknown, options: ValidationOptions = {}): ValidationResult {
  const maxErrors = options.maxErrors ?? 50;
  const declared = new Set(options.customFields ?? []);
  const errors: string[] = [];
  let errorCount = 0;
  const err = (msg: string): void => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(msg);
  };
  const done = (): ValidationResult => ({ ok: errorCount === 0, errors, errorCount });

  if (typeof fixture !== 'object' || fixture === null) {
    err('fixture is not an object');
    return done();
  }
  const f = fixture as { asOf?: unknown; records?: unknown };
  if (!isIsoDate(f.asOf)) {
    err(`asOf is not a YYYY-MM-DD date: ${JSON.stringify(f.asOf)}`);
    return done();
  }
  const asOf = dayNumber(f.asOf);
  // Day number of a date value, NaN when it is not a real date (cached: fixtures repeat dates a lot).
  const dayCache = new Map<unknown, number>();
  const dn = (v: unknown): number => {
    let d = dayCache.get(v);
    if (d === undefined) {
      d = isIsoDate(v) ? dayNumber(v) : Number.NaN;
      dayCache.set(v, d);
    }
    return d;
  };
  if (typeof f.records !== 'object' || f.records === null || Array.isArray(f.records)) {
    err('records is not an object');
    return done();
  }
  const records = f.records as Record<string, unknown>;

  // ---- Shape, ids, families ------------------------------------------------------------------------
  const byType = new Map<string, Map<number, Rec>>();
  const families = new Map<string, Map<number, string>>();
  for (const [type, list] of Object.entries(records)) {
    const spec = FIXTURE_SCHEMA[type];
    if (!spec) {
      err(`unknown record type '${type}'`);
      continue;
    }
    if (!Array.isArray(list)) {
      err(`records.${type} is not an array`);
      continue;
    }
    const ids = new Map<number, Rec>();
    byType.set(type, ids);
    let family = families.get(spec.family);
    if (!family) families.set(spec.family, (family = new Map()));
    for (const raw of list as unknown[]) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        err(`${type}: a record is not an object`);
        continue;
      }
      const rec = raw as Rec;
      if (!Number.isInteger(rec.id) || rec.id <= 0) {
        err(`${type}: bad internal id ${JSON.stringify(rec.id)}`);
        continue;
      }
      const other = family.get(rec.id);
      if (other !== undefined) err(`${type} ${rec.id}: id already used by ${other} ${rec.id} (family '${spec.family}')`);
      else family.set(rec.id, type);
      ids.set(rec.id, rec);
    }
  }
  const get = (type: string, id: unknown): Rec | undefined => (typeof id === 'number' ? byType.get(type)?.get(id) : undefined);
  const all = (type: string): Iterable<Rec> => byType.get(type)?.values() ?? [];

  // ---- Fields: known, typed, selects resolve, dates ≤ asOf ------------------------------------------------
  const checkValue = (where: string, field: string, fs: FieldSpec, v: unknown): void => {
    switch (fs.kind) {
      case 'text':
        if (typeof v !== 'string') err(`${where}: ${field} must be text`);
        break;
      case 'date':
        if (Number.isNaN(dn(v))) err(`${where}: ${field} is not a YYYY-MM-DD date: ${JSON.stringify(v)}`);
        else if (!fs.future && dn(v) > asOf) err(`${where}: ${field} ${v} is after asOf ${f.asOf}`);
        break;
      case 'amount':
        if (!isCents(v)) err(`${where}: ${field} is not an amount with 2 decimals: ${JSON.stringify(v)}`);
        break;
      case 'rate':
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) err(`${where}: ${field} must be a positive number`);
        break;
      case 'bool':
        if (typeof v !== 'boolean') err(`${where}: ${field} must be a boolean`);
        break;
      case 'int':
        if (!Number.isInteger(v)) err(`${where}: ${field} must be an integer`);
        break;
      case 'enum':
        if (typeof v !== 'string' || !fs.values?.includes(v)) err(`${where}: ${field} ${JSON.stringify(v)} is not one of ${fs.values?.join(', ')}`);
        break;
      case 'role':
        if (!((Number.isInteger(v) && (v as number) > 0) || (typeof v === 'string' && /^customrole_[a-z0-9_]+$/.test(v)))) {
          err(`${where}: ${field} ${JSON.stringify(v)} is neither a standard role id nor a custom role script id`);
        }
        break;
      case 'select':
        if (!Number.isInteger(v)) err(`${where}: ${field} must be an internal id (number), got ${JSON.stringify(v)}`);
        else if (!get(fs.target as string, v)) err(`${where}: ${field} ${String(v)} does not exist as a ${fs.target}`);
        break;
      case 'sublist':
        if (!Array.isArray(v)) {
          err(`${where}: ${field} must be a sublist (array of lines)`);
          break;
        }
        v.forEach((line: unknown, i: number) => {
          if (typeof line !== 'object' || line === null || Array.isArray(line)) {
            err(`${where}: ${field} line ${i + 1} is not an object`);
            return;
          }
          checkFields(`${where} ${field}[${i + 1}]`, line as Line, fs.line ?? {}, undefined);
        });
        break;
    }
  };
  const checkFields = (where: string, rec: Line, fields: Record<string, FieldSpec>, custom: Record<string, FieldSpec> | undefined): void => {
    for (const [field, v] of Object.entries(rec)) {
      if (field === 'id') continue;
      let fs = fields[field];
      if (!fs && custom?.[field]) {
        if (declared.has(field)) fs = custom[field];
        else {
          err(`${where}: custom field ${field} is not declared`);
          continue;
        }
      }
      if (!fs) {
        err(`${where}: unknown field ${field}`);
        continue;
      }
      if (v === null && !fs.required) continue;
      checkValue(where, field, fs, v);
    }
    for (const [field, fs] of Object.entries(fields)) {
      if (fs.required && (rec[field] === undefined || rec[field] === null)) err(`${where}: missing ${field}`);
    }
  };
  for (const [type, ids] of byType) {
    const spec = FIXTURE_SCHEMA[type];
    for (const rec of ids.values()) checkFields(`${type} ${rec.id}`, rec, spec.fields, spec.custom);
  }

  // ---- Company setup ----------------------------------------------------------------------------------
  // The base currency is the root subsidiary's (the records layer derives isbasecurrency from it).
  const roots = [...all('subsidiary')].filter((sub) => sub.parent === undefined || sub.parent === null);
  if (byType.has('subsidiary') && roots.length !== 1) err(`expected exactly one root subsidiary (no parent), found ${roots.length}`);
  const base = roots.length === 1 ? get('currency', roots[0].currency) : undefined;
  if (base && base.exchangerate !== 1) err(`currency ${base.id}: the base currency (root subsidiary's) must have exchange rate 1`);
  for (const c of all('currency')) {
    if (c.isbasecurrency !== undefined && base && (c.isbasecurrency === true) !== (c === base)) err(`currency ${c.id}: isbasecurrency disagrees with the root subsidiary's currency`);
  }
  for (const r of all('employee')) {
    if (r.giveaccess === true && (!Array.isArray(r.roles) || r.roles.length === 0)) err(`employee ${r.id}: giveaccess without a role`);
  }

  // ---- Transactions: customer, currency, subsidiary, dates, lines --------------------------------------
  const itemTotal = (where: string, rec: Rec): number => {
    let total = 0;
    const lines = Array.isArray(rec.item) ? (rec.item as Line[]) : [];
    if (lines.length === 0) err(`${where}: no item lines`);
    lines.forEach((l, i) => {
      const q = Number(l.quantity);
      const rate = toCents(l.rate);
      const amount = toCents(l.amount);
      if (Math.round(q * rate) !== amount) err(`${where}: item line ${i + 1} amount ${money(amount)} ≠ quantity ${q} × rate ${money(rate)}`);
      if (!Number.isInteger(l.item) || (l.item as number) < 1 || (l.item as number) > 20) err(`${where}: item line ${i + 1} item ${JSON.stringify(l.item)} is not an item id 1–20`);
      total += amount;
    });
    return total;
  };
  const day = (rec: Rec): number => dn(rec.trandate);
  const totals = new Map<number, number>();
  const tranids = new Map<string, Set<string>>();
  for (const type of Object.keys(TXN_CUSTOMER_FIELD)) {
    for (const rec of all(type)) {
      const where = `${type} ${rec.id}`;
      const cust = get('customer', rec[TXN_CUSTOMER_FIELD[type]]);
      const sub = get('subsidiary', rec.subsidiary);
      if (cust) {
        if (rec.currency !== cust.currency) err(`${where}: currency ${String(rec.currency)} is not its customer's (${String(cust.currency)})`);
        if (rec.subsidiary !== cust.subsidiary) err(`${where}: subsidiary ${String(rec.subsidiary)} is not its customer's (${String(cust.subsidiary)})`);
      }
      if (sub && rec.currency === sub.currency && rec.exchangerate !== 1) err(`${where}: exchange rate must be 1 in the subsidiary's currency`);
      if (typeof rec.tranid === 'string') {
        let seen = tranids.get(type);
        if (!seen) tranids.set(type, (seen = new Set()));
        if (seen.has(rec.tranid)) err(`${where}: duplicate document number ${rec.tranid}`);
        seen.add(rec.tranid);
      }
      if (type === 'salesorder' || type === 'invoice' || type === 'creditmemo') totals.set(rec.id, itemTotal(where, rec));
      if (type === 'customerdeposit' || type === 'customerpayment') totals.set(rec.id, toCents(rec.payment));
      if ((type === 'customerdeposit' || type === 'customerpayment') && !(toCents(rec.payment) > 0)) err(`${where}: payment must be positive`);
    }
  }

  // Invoices: due date, order link.
  const billed = new Map<number, number>();
  for (const inv of all('invoice')) {
    const where = `invoice ${inv.id}`;
    const term = get('term', inv.terms);
    if (term && !Number.isNaN(dn(inv.duedate)) && Number.isInteger(term.daysuntilnetdue)) {
      const want = day(inv) + (term.daysuntilnetdue as number);
      if (dn(inv.duedate) !== want) err(`${where}: due date ${inv.duedate} ≠ date + ${String(term.daysuntilnetdue)} days`);
    }
    const so = get('salesorder', inv.createdfrom);
    if (so) {
      if (so.entity !== inv.entity) err(`${where}: created from sales order ${so.id} of another customer`);
      if (day(so) > day(inv)) err(`${where}: dated before its sales order ${so.id}`);
      billed.set(so.id, (billed.get(so.id) ?? 0) + (totals.get(inv.id) ?? 0));
    }
  }
  for (const so of all('salesorder')) {
    const b = billed.get(so.id) ?? 0;
    const t = totals.get(so.id) ?? 0;
    if (b > t) err(`salesorder ${so.id}: billed ${money(b)} > total ${money(t)}`);
    if (so.orderstatus === 'G' && b !== t) err(`salesorder ${so.id}: status G (billed) but billed ${money(b)} of ${money(t)}`);
  }
  for (const cm of all('creditmemo')) {
    const inv = get('invoice', cm.createdfrom);
    if (inv && inv.entity !== cm.entity) err(`creditmemo ${cm.id}: created from invoice ${inv.id} of another customer`);
    if (inv && day(inv) > day(cm)) err(`creditmemo ${cm.id}: dated before invoice ${inv.id} it was created from`);
  }
  for (const dep of all('customerdeposit')) {
    const so = get('salesorder', dep.salesorder);
    if (so && so.entity !== dep.customer) err(`customerdeposit ${dep.id}: linked to sales order ${so.id} of another customer`);
  }

  // ---- Applications -----------------------------------------------------------------------------------
  interface App {
    day: number;
    cents: number;
    from: string;
  }
  const apps = new Map<number, App[]>();
  const depositUse = new Map<number, number>();
  const applyLines = (type: string, rec: Rec, customer: unknown): number => {
    const where = `${type} ${rec.id}`;
    let sum = 0;
    const docs = new Set<unknown>();
    const lines = Array.isArray(rec.apply) ? (rec.apply as Line[]) : [];
    for (const l of lines) {
      const inv = get('invoice', l.doc);
      const c = toCents(l.amount);
      if (!(c > 0)) err(`${where}: applies a non-positive amount to ${String(l.doc)}`);
      if (docs.has(l.doc)) err(`${where}: applies to invoice ${String(l.doc)} twice`);
      docs.add(l.doc);
      sum += c;
      if (!inv) continue;
      if (inv.entity !== customer) err(`${where}: applies to invoice ${inv.id} of another customer`);
      if (inv.currency !== rec.currency) err(`${where}: applies to invoice ${inv.id} in another currency`);
      if (day(rec) < day(inv)) err(`${where}: dated ${String(rec.trandate)}, before invoice ${inv.id} (${String(inv.trandate)}) it applies to`);
      let list = apps.get(inv.id);
      if (!list) apps.set(inv.id, (list = []));
      list.push({ day: day(rec), cents: c, from: where });
    }
    return sum;
  };
  for (const p of all('customerpayment')) {
    const sum = applyLines('customerpayment', p, p.customer);
    if (sum > (totals.get(p.id) ?? 0)) err(`customerpayment ${p.id}: applies ${money(sum)} > payment ${money(totals.get(p.id) ?? 0)}`);
  }
  for (const cm of all('creditmemo')) {
    const sum = applyLines('creditmemo', cm, cm.entity);
    if (sum > (totals.get(cm.id) ?? 0)) err(`creditmemo ${cm.id}: applies ${money(sum)} > total ${money(totals.get(cm.id) ?? 0)}`);
  }
  for (const da of all('depositapplication')) {
    const sum = applyLines('depositapplication', da, da.customer);
    const dep = get('customerdeposit', da.deposit);
    if (!dep) continue;
    if (dep.customer !== da.customer) err(`depositapplication ${da.id}: deposit ${dep.id} belongs to another customer`);
    if (dep.currency !== da.currency) err(`depositapplication ${da.id}: currency differs from deposit ${dep.id}`);
    if (day(da) < day(dep)) err(`depositapplication ${da.id}: dated before deposit ${dep.id}`);
    depositUse.set(dep.id, (depositUse.get(dep.id) ?? 0) + sum);
  }
  for (const [depId, used] of depositUse) {
    const amount = totals.get(depId) ?? 0;
    if (used > amount) err(`customerdeposit ${depId}: applied ${money(used)} > payment ${money(amount)}`);
  }
  // Remaining amount at every application date never goes below zero.
  for (const [invId, list] of apps) {
    const total = totals.get(invId) ?? 0;
    list.sort((a, b) => a.day - b.day);
    let applied = 0;
    for (const a of list) {
      applied += a.cents;
      if (applied > total) {
        err(`invoice ${invId}: applied ${money(applied)} > total ${money(total)} by ${a.from}`);
        break;
      }
    }
  }
  return done();
}
