/**
 * Deterministic demo company: a fixture (see `Fixture`) that the records layer's fixture loader turns
 * into an emulated account. Used by `npm start`, the benchmarks and the integration tests.
 *
 * Shape of the company (defaults): three subsidiaries (US parent in USD, UK in GBP, Germany in EUR),
 * four currencies (USD, GBP, EUR, CAD), five terms, an administrator, an AR supervisor, three collectors,
 * a controller and four sales reps, then `customers` customers with a year of sales orders, invoices,
 * payments, credit memos and customer deposits up to `asOf`.
 *
 * How it is built (memory-lean, linear in the number of customers):
 * - Each customer is simulated on its own random stream (`seed/customer/<index>`), so customer i has the
 *   same story whether 300 or 20,000 customers are generated; only internal ids and document numbers
 *   (which follow the global date order) differ. Per-customer state is dropped after the customer.
 * - Transactions get temporary ids while simulated; at the end they are sorted by (date, kind, creation)
 *   and renumbered, so internal ids and document numbers grow with the transaction date as in a real
 *   account, and every transaction reference is remapped.
 * - Money is integer cents throughout; a line amount is quantity (integer) × rate (cents).
 * - Applications on an invoice never add up to more than its total, which makes "applied at most the
 *   remaining amount at that date" hold for every date.
 *
 * Customer deposits cover what the product's auto-apply must handle; they are left unapplied at asOf:
 * linked to a sales order (billed in one invoice, billed in pieces, not billed yet), invoice number in
 * the memo (spellings 'INV-1001', 'inv 1001', 'INV1001', 'Invoice #1001'), PO number in the memo, amount
 * equal to exactly one open invoice, amount equal to one combination of 2–3 open invoices, and leftovers
 * (matching nothing, or partly applied). `summarizeFixture` classifies deposits from the data alone.
 */
import { Random, type Seed } from './random';
import { dayNumber, isIsoDate, isoDate, nextBusinessDay, previousBusinessDay, weekday } from './calendar';
import { countMatches } from './matching';
import {
  CURRENCIES,
  EMPLOYEES,
  EMPLOYEE_EMAIL_DOMAIN,
  GENERIC_DEPOSIT_MEMOS,
  CREDIT_MEMOS,
  ITEMS,
  NAMES,
  ORDER_MEMOS,
  PAYMENT_MEMOS,
  SPECIAL_CUSTOMERS,
  STANDALONE_MEMOS,
  SUBSIDIARIES,
  TERMS,
  type CurrencyDef,
  type ItemDef,
  type SubsidiaryDef,
  type TermDef,
} from './catalog';

/* ------------------------------------------------------------------------------------------------ */
/* Fixture format                                                                                     */

export type FixtureValue = string | number | boolean | null;
/** One sublist line. */
export type FixtureLine = Record<string, FixtureValue>;
/** One record: NetSuite field ids; a value that is an array of objects is a sublist. */
export interface FixtureRecord {
  /** Internal id (positive integer, unique within the record type's id family). */
  id: number;
  [field: string]: FixtureValue | FixtureLine[];
}
export interface Fixture {
  /** The account's "today". */
  asOf: string;
  /** records[record type] = records in ascending id order. */
  records: Record<string, FixtureRecord[]>;
}

/** Custom fields the generator knows how to fill (only written when declared in `customFields`). */
export const DEMO_CUSTOM_FIELDS = ['custentity_ara_collector', 'custbody_ara_disputed'] as const;

export interface DemoOptions {
  /** Number of customers (default 300). */
  customers?: number;
  /** The account's today, 'YYYY-MM-DD' (default '2026-11-27'). The data covers the year before it. */
  asOf?: string;
  /** Seed of every random choice (default 'ar-autopilot'); 42 and '42' are the same seed. */
  seed?: Seed;
  /** Custom field ids declared in the account; fields the generator knows are written only if listed. */
  customFields?: string[];
}

export const DEMO_DEFAULTS = { customers: 300, asOf: '2026-11-27', seed: 'ar-autopilot' } as const;

/* ------------------------------------------------------------------------------------------------ */
/* Internal model                                                                                     */

// Transaction kinds; the number is also the order of same-day transactions (orders before deposits
// before invoices before credits before applications before payments).
const SO = 0;
const DEP = 1;
const INV = 2;
const CM = 3;
const DA = 4;
const PAY = 5;
const TXN_TYPES = ['salesorder', 'customerdeposit', 'invoice', 'creditmemo', 'depositapplication', 'customerpayment'] as const;
const TRANID_PREFIX = ['SO', 'DEP', 'INV', 'CM', '', 'PYMT'] as const;

interface LineSpec {
  item: number;
  description: string;
  quantity: number;
  /** Cents. */
  rate: number;
}

interface PayerDef {
  name: string;
  weight: number;
  /** Days paid after the due date: mean and spread. */
  mean: number;
  sd: number;
  /** Probability that an invoice is never paid. */
  never: number;
}

const PAYERS: readonly PayerDef[] = [
  { name: 'prompt', weight: 30, mean: -3, sd: 4, never: 0.001 },
  { name: 'steady', weight: 35, mean: 5, sd: 7, never: 0.002 },
  { name: 'slow', weight: 22, mean: 20, sd: 14, never: 0.006 },
  { name: 'poor', weight: 10, mean: 50, sd: 28, never: 0.025 },
  { name: 'delinquent', weight: 3, mean: 110, sd: 45, never: 0.25 },
];

interface TierDef {
  name: string;
  weight: number;
  /** Lines per order or invoice (min, max). */
  lines: readonly [number, number];
  /** Budget of one order line in USD cents. */
  budget: readonly [number, number];
}

const TIERS: readonly TierDef[] = [
  { name: 'small', weight: 50, lines: [1, 2], budget: [15_000, 300_000] },
  { name: 'mid', weight: 38, lines: [1, 4], budget: [80_000, 1_500_000] },
  { name: 'large', weight: 12, lines: [2, 5], budget: [400_000, 6_000_000] },
];

/** Invoices a year: weighted bands (mean about 8). */
const INVOICE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 3], 30],
  [[4, 8], 38],
  [[9, 16], 22],
  [[17, 30], 8],
  [[31, 60], 2],
];

export type DepositKind =
  | 'applied'
  | 'so-unbilled'
  | 'so-invoiced'
  | 'so-pieces'
  | 'memo-invoice'
  | 'memo-po'
  | 'exact'
  | 'combination'
  | 'leftover';

/** Deposit scenarios the generator plants (the summary classifies from data, with the same names). */
type Scenario = 'so-invoiced' | 'so-pieces' | 'memo-invoice' | 'memo-po' | 'exact' | 'combination' | 'leftover' | 'leftover-partial';
/** Customers 0–7 get one scenario each so every kind exists even in small fixtures. */
const FORCED_SCENARIOS: readonly Scenario[] = ['so-invoiced', 'so-pieces', 'memo-invoice', 'memo-po', 'exact', 'combination', 'leftover', 'leftover-partial'];
const RANDOM_SCENARIOS: readonly (readonly [Scenario, number])[] = [
  ['so-invoiced', 3],
  ['so-pieces', 2],
  ['memo-invoice', 4],
  ['memo-po', 2],
  ['exact', 4],
  ['combination', 2],
  ['leftover', 2],
  ['leftover-partial', 1],
];
/** The customer with invoices in every aging bucket. */
const DELINQUENT_INDEX = 8;

/** How a deposit memo spells an invoice number (n = its digits). */
const INVOICE_MEMO_STYLES: readonly ((n: string) => string)[] = [
  (n) => `Payment INV-${n}`,
  (n) => `inv ${n} remittance`,
  (n) => `INV${n}`,
  (n) => `Invoice #${n} - wire`,
];

interface Inv {
  rec: FixtureRecord;
  day: number;
  due: number;
  total: number;
  applied: number;
  disputed: boolean;
  /** Earliest day a payment may carry (after deposit applications). */
  minPayDay: number;
}

interface SalesOrder {
  rec: FixtureRecord;
  day: number;
  po: string | null;
  deposit: Deposit | null;
}

interface Deposit {
  rec: FixtureRecord;
  day: number;
  remaining: number;
}

interface PayEvent {
  day: number;
  inv: Inv;
  amount: number;
}

interface MemoFixup {
  deposit: FixtureRecord;
  invoice: FixtureRecord;
  style: number;
}

interface Cust {
  index: number;
  id: number;
  rng: Random;
  sub: SubsidiaryDef;
  cur: CurrencyDef;
  term: TermDef;
  payer: PayerDef;
  tier: TierDef;
  /** Customer price discount in percent. */
  discount: number;
  /** Pays in runs on one weekday (every week or every other week), or as invoices fall due. */
  batch: { weekday: number; biweekly: boolean } | null;
  prepays: boolean;
  soShare: number;
  poNext: number;
  poStyle: number;
  invoices: Inv[];
  events: PayEvent[];
  /** Open credit memos + unapplied payments, cents. */
  credits: number;
  /** Σ invoice totals, cents (sizes the credit limit). */
  billed: number;
}

function cents(amount: number): number {
  return amount / 100;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/* ------------------------------------------------------------------------------------------------ */
/* Builder                                                                                            */

class Builder {
  readonly asOf: number;
  readonly start: number;
  readonly rng: Random;
  readonly declared: Set<string>;
  readonly txns: FixtureRecord[] = [];
  readonly codes: number[] = [];
  readonly days: number[] = [];
  readonly memoFixups: MemoFixup[] = [];
  private readonly fxStart: number;
  private readonly fx: Float64Array[] = [];
  private readonly usedNames = new Set<string>();

  constructor(asOf: string, seed: Seed, customFields: readonly string[]) {
    this.asOf = dayNumber(asOf);
    this.start = this.asOf - 365;
    this.rng = new Random(seed);
    this.declared = new Set(customFields);
    // Exchange rates: a gentle random walk per currency, one value per day, kept within ±8% of the base.
    this.fxStart = this.start - 120;
    const len = this.asOf - this.fxStart + 1;
    for (const c of CURRENCIES) {
      const walk = new Float64Array(len);
      const r = this.rng.fork(`fx/${c.name}`);
      let v = c.rate;
      for (let i = 0; i < len; i++) {
        if (!c.base) {
          v = v * (1 + r.normal(0, 0.003));
          v = clamp(v, c.rate * 0.92, c.rate * 1.08);
        }
        walk[i] = v;
      }
      this.fx[c.id] = walk;
    }
  }

  has(field: string): boolean {
    return this.declared.has(field);
  }

  /** Rate from currency `cur` to `base` on a day (6 decimals; exactly 1 for the same currency). */
  rate(cur: number, base: number, day: number): number {
    if (cur === base) return 1;
    const i = clamp(day - this.fxStart, 0, this.asOf - this.fxStart);
    return Math.round((this.fx[cur][i] / this.fx[base][i]) * 1e6) / 1e6;
  }

  /** Rate of a currency to USD at asOf (the currency record's exchange rate). */
  currencyRate(cur: number): number {
    return Math.round(this.fx[cur][this.asOf - this.fxStart] * 1e4) / 1e4;
  }

  addTxn(code: number, day: number, rec: FixtureRecord): FixtureRecord {
    if (day > this.asOf) throw new Error(`internal: ${TXN_TYPES[code]} dated after asOf`);
    rec.id = this.txns.length + 1;
    this.txns.push(rec);
    this.codes.push(code);
    this.days.push(day);
    return rec;
  }

  uniqueName(name: string, rng: Random, region: keyof typeof NAMES): string {
    let n = name;
    for (let i = 2; this.usedNames.has(n); i++) {
      n = i < 4 ? `${name} (${rng.pick(NAMES[region].places)})` : `${name} ${i}`;
    }
    this.usedNames.add(n);
    return n;
  }

  /** Sort transactions by date, renumber ids and references, assign document numbers, fill memos. */
  finish(): Record<string, FixtureRecord[]> {
    const n = this.txns.length;
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const { days, codes } = this;
    order.sort((a, b) => days[a] - days[b] || codes[a] - codes[b] || a - b);
    const finalOf = new Int32Array(n + 1);
    for (let pos = 0; pos < n; pos++) finalOf[order[pos] + 1] = pos + 1;
    const remapApply = (rec: FixtureRecord): void => {
      for (const line of rec.apply as FixtureLine[]) line.doc = finalOf[line.doc as number];
    };
    const counters = [1001, 1001, 1001, 1001, 0, 1001];
    const out: FixtureRecord[][] = TXN_TYPES.map(() => []);
    for (let pos = 0; pos < n; pos++) {
      const i = order[pos];
      const rec = this.txns[i];
      const code = codes[i];
      switch (code) {
        case INV:
          if (typeof rec.createdfrom === 'number') rec.createdfrom = finalOf[rec.createdfrom];
          rec.tranid = `${SUBSIDIARIES[(rec.subsidiary as number) - 1].invoicePrefix}${counters[code]++}`;
          break;
        case CM:
          if (typeof rec.createdfrom === 'number') rec.createdfrom = finalOf[rec.createdfrom];
          remapApply(rec);
          rec.tranid = `${TRANID_PREFIX[code]}${counters[code]++}`;
          break;
        case DEP:
          if (typeof rec.salesorder === 'number') rec.salesorder = finalOf[rec.salesorder];
          rec.tranid = `${TRANID_PREFIX[code]}${counters[code]++}`;
          break;
        case DA:
          rec.deposit = finalOf[rec.deposit as number];
          remapApply(rec);
          break;
        case PAY:
          remapApply(rec);
          rec.tranid = `${TRANID_PREFIX[code]}${counters[code]++}`;
          break;
        default:
          rec.tranid = `${TRANID_PREFIX[code]}${counters[code]++}`;
      }
      rec.id = pos + 1;
      out[code].push(rec);
    }
    for (const f of this.memoFixups) {
      const digits = String(f.invoice.tranid).replace(/\D/g, '');
      f.deposit.memo = INVOICE_MEMO_STYLES[f.style](digits);
    }
    const result: Record<string, FixtureRecord[]> = {};
    TXN_TYPES.forEach((t, code) => (result[t] = out[code]));
    return result;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Company setup                                                                                      */

function companyRecords(b: Builder): Record<string, FixtureRecord[]> {
  const currency = CURRENCIES.map((c) => ({
    id: c.id,
    name: c.name,
    symbol: c.name,
    exchangerate: b.currencyRate(c.id),
    // isbasecurrency is not written: the records layer derives it from the company's base currency
    // (CompanySettings.baseCurrency, '1' = USD here) and refuses it as a computed field.
  }));
  const subsidiary = SUBSIDIARIES.map((s) => {
    const rec: FixtureRecord = { id: s.id, name: s.name, currency: s.currency, country: s.country };
    if (s.parent !== null) rec.parent = s.parent;
    return rec;
  });
  const term = TERMS.map((t) => ({ id: t.id, name: t.name, daysuntilnetdue: t.days }));
  const employee = EMPLOYEES.map((e) => {
    const rec: FixtureRecord = {
      id: e.id,
      entityid: `${e.first} ${e.last}`,
      firstname: e.first,
      lastname: e.last,
      email: `${e.first}.${e.last}@${EMPLOYEE_EMAIL_DOMAIN}`.toLowerCase(),
      subsidiary: e.subsidiary,
      giveaccess: e.role !== null,
      roles: e.role === null ? [] : [{ selectedrole: e.role }],
    };
    if (e.supervisor !== null) rec.supervisor = e.supervisor;
    return rec;
  });
  return { currency, subsidiary, term, employee };
}

/* ------------------------------------------------------------------------------------------------ */
/* One customer                                                                                       */

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\b(inc|llc|corp|co|ltd|limited|plc|llp|gmbh|ag|kg|holdings|ek|fka)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function customerName(b: Builder, rng: Random, sub: SubsidiaryDef): string {
  const p = NAMES[sub.region];
  const suffix = rng.weighted(p.suffixes);
  const pattern = rng.weighted([
    [0, 35],
    [1, 30],
    [2, 20],
    [3, 15],
  ] as const);
  let base: string;
  if (pattern === 0) base = `${rng.pick(p.surnames)} ${rng.pick(p.industries)}`;
  else if (pattern === 1) base = `${rng.pick(p.places)} ${rng.pick(p.industries)}`;
  else if (pattern === 2) {
    const a = rng.pick(p.surnames);
    let c = rng.pick(p.surnames);
    if (c === a) c = p.surnames[(p.surnames.indexOf(a) + 1) % p.surnames.length];
    base = `${a} & ${c}`;
  } else {
    const fam = rng.pick(p.family);
    base = fam === 'Gebrüder' ? `${fam} ${rng.pick(p.surnames)}` : `${rng.pick(p.surnames)} ${fam}`;
  }
  return b.uniqueName(suffix ? `${base} ${suffix}` : base, rng, sub.region);
}

function phone(rng: Random, sub: SubsidiaryDef): string {
  const d = (k: number): string => String(rng.int(0, 10 ** k - 1)).padStart(k, '0');
  if (sub.region === 'US') return `(${rng.pick(['212', '312', '415', '512', '617', '713', '206', '303'])}) 555-01${d(2)}`;
  if (sub.region === 'UK') return `+44 20 7946 0${d(3)}`;
  return `+49 ${rng.pick(['30', '40', '69', '89', '221'])} ${d(3)} ${d(4)}`;
}

class CustomerSim {
  private readonly c: Cust;
  private readonly r: Random;

  constructor(private readonly b: Builder, index: number, private readonly total: number) {
    const rng = b.rng.fork(`customer/${index}`);
    this.r = rng;
    const special = specialCustomer(index, total);
    const sub = special ? SUBSIDIARIES[special.subsidiary - 1] : rng.weighted(SUBSIDIARIES.map((s) => [s, s.weight] as const));
    const cur = CURRENCIES[rng.weighted(sub.customerCurrencies) - 1];
    const term = rng.weighted(TERMS.map((t) => [t, t.weight] as const));
    let payer = rng.weighted(PAYERS.map((p) => [p, p.weight] as const));
    if (index === DELINQUENT_INDEX) payer = PAYERS[4];
    // The escaping-test customer pays poorly, so its name shows in worklists, holds and over-limit lists.
    if (special === SPECIAL_CUSTOMERS[0]) payer = PAYERS[3];
    else if (special && payer.name === 'prompt') payer = PAYERS[2];
    const tier = index === DELINQUENT_INDEX ? TIERS[1] : rng.weighted(TIERS.map((t) => [t, t.weight] as const));
    const batch = rng.chance(0.3) ? { weekday: rng.int(1, 5), biweekly: rng.chance(0.4) } : null;
    this.c = {
      index,
      id: EMPLOYEES.length + 1 + index,
      rng,
      sub,
      cur,
      term,
      payer,
      tier,
      discount: rng.int(0, 15),
      batch,
      prepays: rng.chance(0.08),
      soShare: rng.float(0.5, 0.95),
      poNext: rng.int(10000, 89999),
      poStyle: sub.region === 'DE' ? 1 : rng.weighted([[0, 85], [2, 15]] as const),
      invoices: [],
      events: [],
      credits: 0,
      billed: 0,
    };
    this.name = special ? b.uniqueName(special.name, rng, sub.region) : customerName(b, rng, sub);
  }

  readonly name: string;

  run(): FixtureRecord {
    const { b, c, r } = this;
    // Activity window: most customers were there all year; some joined during it.
    const joined = r.chance(0.15) && c.index !== DELINQUENT_INDEX ? b.start + r.int(30, 300) : b.start;
    let count = r.int(...r.weighted(INVOICE_BANDS));
    if (c.index === DELINQUENT_INDEX) count = Math.max(count, 16);
    if (c.index === escapingIndex(this.total)) count = Math.max(count, 10);
    count = Math.max(1, Math.round((count * (b.asOf - joined)) / 365));
    const planDays: number[] = [];
    for (let i = 0; i < count; i++) planDays.push(previousBusinessDay(r.int(joined, b.asOf)));
    if (c.index === DELINQUENT_INDEX) {
      // Spread over the whole year so that every aging bucket gets invoices.
      for (let k = 0; k < count; k++) planDays[k] = previousBusinessDay(b.asOf - Math.floor(((k + 0.5) * 360) / count));
    }
    planDays.sort((x, y) => x - y);
    for (const day of planDays) {
      if (r.chance(c.soShare)) this.orderCycle(day);
      else this.standalone(day);
    }
    this.flushPayments();
    this.unidentifiedPayments();

    const scenario = c.index < FORCED_SCENARIOS.length ? FORCED_SCENARIOS[c.index] : r.chance(0.06) ? r.weighted(RANDOM_SCENARIOS) : null;
    if (scenario) this.scenario(scenario);

    return this.customerRecord();
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Documents                                                                                        */

  private priceOf(item: ItemDef): number {
    const list = Math.round(item.price * this.c.cur.priceFactor);
    return Math.max(1, Math.round((list * (100 - this.c.discount)) / 100));
  }

  private lines(minLines = 1, serviceOnly = false): LineSpec[] {
    const { c, r } = this;
    const n = Math.max(minLines, r.int(c.tier.lines[0], c.tier.lines[1]));
    const weights = serviceOnly ? SERVICE_WEIGHTS : ITEM_WEIGHTS;
    const used = new Set<number>();
    const out: LineSpec[] = [];
    for (let k = 0; k < n; k++) {
      let item = r.weighted(weights);
      for (let tries = 0; used.has(item.id) && tries < 5; tries++) item = r.weighted(weights);
      used.add(item.id);
      const rate = this.priceOf(item);
      const budget = Math.round(r.float(c.tier.budget[0], c.tier.budget[1]) * c.cur.priceFactor);
      const quantity = clamp(Math.round(budget / rate), 1, 500);
      out.push({ item: item.id, description: item.description, quantity, rate });
    }
    return out;
  }

  private static total(specs: readonly LineSpec[]): number {
    let t = 0;
    for (const s of specs) t += s.quantity * s.rate;
    return t;
  }

  private static lineRecords(specs: readonly LineSpec[]): FixtureLine[] {
    return specs.map((s) => ({ item: s.item, description: s.description, quantity: s.quantity, rate: cents(s.rate), amount: cents(s.quantity * s.rate) }));
  }

  private nextPO(): string {
    const c = this.c;
    c.poNext += this.r.int(1, 7);
    if (c.poStyle === 1) return `45000${c.poNext}`;
    if (c.poStyle === 2) return `PO#${c.poNext}`;
    return `PO-${c.poNext}`;
  }

  private money(day: number): { currency: number; exchangerate: number; subsidiary: number } {
    const c = this.c;
    return { currency: c.cur.id, exchangerate: this.b.rate(c.cur.id, c.sub.currency, day), subsidiary: c.sub.id };
  }

  private salesOrder(day: number, specs: LineSpec[], po: string | null, memo: string): SalesOrder {
    const c = this.c;
    const rec: FixtureRecord = { id: 0, entity: c.id, tranid: '', trandate: isoDate(day), orderstatus: 'B', ...this.money(day), terms: c.term.id };
    if (memo) rec.memo = memo;
    if (po) rec.otherrefnum = po;
    rec.item = CustomerSim.lineRecords(specs);
    this.b.addTxn(SO, day, rec);
    return { rec, day, po, deposit: null };
  }

  private invoice(day: number, specs: LineSpec[], so: SalesOrder | null, po: string | null, memo: string): Inv {
    const { b, c } = this;
    const due = day + c.term.days;
    const rec: FixtureRecord = { id: 0, entity: c.id, tranid: '', trandate: isoDate(day), duedate: isoDate(due), terms: c.term.id };
    if (so) rec.createdfrom = so.rec.id;
    Object.assign(rec, this.money(day));
    if (memo) rec.memo = memo;
    if (po) rec.otherrefnum = po;
    rec.item = CustomerSim.lineRecords(specs);
    if (b.has('custbody_ara_disputed')) rec.custbody_ara_disputed = false;
    b.addTxn(INV, day, rec);
    const total = CustomerSim.total(specs);
    const inv: Inv = { rec, day, due, total, applied: 0, disputed: false, minPayDay: day + 1 };
    c.invoices.push(inv);
    c.billed += total;
    // A prepayment on the order is applied when the order is billed.
    if (so?.deposit) this.applyDeposit(so.deposit, inv, Math.max(so.deposit.day, day));
    return inv;
  }

  private deposit(day: number, amount: number, so: SalesOrder | null, memo: string): Deposit {
    const { b, c, r } = this;
    const rec: FixtureRecord = { id: 0, customer: c.id, tranid: '', trandate: isoDate(day), payment: cents(amount), ...this.money(day) };
    if (so) rec.salesorder = so.rec.id;
    if (memo) rec.memo = memo;
    rec.undepfunds = day > b.asOf - 5 || r.chance(0.05);
    b.addTxn(DEP, day, rec);
    return { rec, day, remaining: amount };
  }

  private applyDeposit(dep: Deposit, inv: Inv, day: number, amount?: number): void {
    const { b, c } = this;
    const amt = Math.min(amount ?? Infinity, dep.remaining, inv.total - inv.applied);
    if (amt <= 0 || day > b.asOf) return;
    const rec: FixtureRecord = { id: 0, customer: c.id, deposit: dep.rec.id, trandate: isoDate(day), ...this.money(day) };
    rec.memo = 'Deposit applied to invoice';
    rec.apply = [{ doc: inv.rec.id, amount: cents(amt) }];
    b.addTxn(DA, day, rec);
    dep.remaining -= amt;
    inv.applied += amt;
    inv.minPayDay = Math.max(inv.minPayDay, day + 1);
  }

  private creditMemo(day: number, inv: Inv | null, specs: LineSpec[], apply: boolean, memo: string): void {
    const { b, c } = this;
    const total = CustomerSim.total(specs);
    const rec: FixtureRecord = { id: 0, entity: c.id, tranid: '', trandate: isoDate(day) };
    if (inv) rec.createdfrom = inv.rec.id;
    Object.assign(rec, this.money(day));
    rec.memo = memo;
    rec.item = CustomerSim.lineRecords(specs);
    const applyLines: FixtureLine[] = [];
    let applied = 0;
    if (apply && inv) {
      applied = Math.min(total, inv.total - inv.applied);
      if (applied > 0) {
        applyLines.push({ doc: inv.rec.id, amount: cents(applied) });
        inv.applied += applied;
      } else applied = 0;
    }
    rec.apply = applyLines;
    b.addTxn(CM, day, rec);
    c.credits += total - applied;
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Regular business                                                                                 */

  private orderCycle(day: number): void {
    const { b, c, r } = this;
    const specs = this.lines();
    const so = this.salesOrder(day, specs, this.nextPO(), r.chance(0.6) ? r.pick(ORDER_MEMOS) : '');
    if (c.prepays && r.chance(0.6)) {
      const depDay = nextBusinessDay(day + r.int(0, 3));
      if (depDay <= b.asOf) {
        const ratio = r.pick([0.3, 0.5, 1]);
        const amount = Math.min(CustomerSim.total(specs), Math.round((CustomerSim.total(specs) * ratio) / 100) * 100);
        so.deposit = this.deposit(depDay, amount, so, `Prepayment ${so.po ?? ''}`.trim());
      }
    }
    const plan = r.weighted([['full', 82], ['pieces', 17], ['cancelled', 1]] as const);
    const pieces = plan === 'pieces' ? splitLines(specs, r.int(2, 3), r) : [specs];
    if (plan === 'cancelled') {
      so.rec.orderstatus = 'H';
      return;
    }
    let invDay = nextBusinessDay(day + r.int(0, 12));
    let billed = 0;
    const closeRest = pieces.length > 1 && r.chance(0.1);
    for (let k = 0; k < pieces.length; k++) {
      if (invDay > b.asOf) break;
      if (k > 0 && k === pieces.length - 1 && closeRest) break;
      const inv = this.invoice(invDay, pieces[k], so, so.po, so.rec.memo === undefined ? '' : String(so.rec.memo));
      this.settle(inv);
      billed++;
      invDay = nextBusinessDay(invDay + r.int(10, 40));
    }
    if (billed === pieces.length) so.rec.orderstatus = 'G';
    else if (closeRest && billed === pieces.length - 1) so.rec.orderstatus = 'H';
    else if (billed > 0) so.rec.orderstatus = 'E';
    else so.rec.orderstatus = r.weighted([['B', 70], ['F', 20], ['A', 10]] as const);
  }

  private standalone(day: number): void {
    const r = this.r;
    const specs = this.lines(1, true);
    const inv = this.invoice(day, specs, null, r.chance(0.5) ? this.nextPO() : null, r.pick(STANDALONE_MEMOS));
    this.settle(inv);
  }

  /** Credit memos, disputes and payments of one regular invoice. */
  private settle(inv: Inv): void {
    const { b, c, r } = this;
    if (inv.day >= b.asOf - 180 && r.chance(0.01)) {
      inv.disputed = true;
      if (inv.rec.custbody_ara_disputed === false) inv.rec.custbody_ara_disputed = true;
      return;
    }
    if (r.chance(0.025)) {
      const cmDay = nextBusinessDay(inv.day + r.int(2, 40));
      if (cmDay <= b.asOf) {
        const src = r.pick(inv.rec.item as FixtureLine[]);
        const qty = r.int(1, Math.max(1, Math.floor((src.quantity as number) / 2)));
        const spec: LineSpec = { item: src.item as number, description: String(src.description), quantity: qty, rate: Math.round((src.rate as number) * 100) };
        this.creditMemo(cmDay, inv, [spec], r.chance(0.7), r.pick(CREDIT_MEMOS));
      }
    }
    if (r.chance(c.payer.never)) return;
    const lateness = Math.round(r.normal(c.payer.mean, c.payer.sd));
    const payDay = this.payDay(Math.max(inv.due + lateness, inv.minPayDay));
    const remaining = inv.total - inv.applied;
    if (remaining <= 0) return;
    const mode = r.weighted([['full', 93], ['installments', 4], ['short', 3]] as const);
    if (mode === 'full' || remaining < 2000) {
      this.event(payDay, inv, remaining);
    } else if (mode === 'installments') {
      const first = Math.round(remaining * r.float(0.4, 0.7));
      this.event(payDay, inv, first);
      this.event(this.payDay(payDay + r.int(21, 60)), inv, remaining - first);
    } else {
      const deduction = clamp(Math.round(remaining * r.float(0.01, 0.06)), 100, remaining - 100);
      this.event(payDay, inv, remaining - deduction);
      const woDay = nextBusinessDay(payDay + r.int(15, 75));
      if (payDay <= b.asOf && woDay <= b.asOf && r.chance(0.4)) {
        this.creditMemo(woDay, inv, [{ item: 15, description: 'Short payment write-off', quantity: 1, rate: deduction }], true, 'Short-pay write-off');
      }
    }
  }

  private payDay(day: number): number {
    const bt = this.c.batch;
    if (!bt) return nextBusinessDay(day);
    let d = day + ((bt.weekday - weekday(day) + 7) % 7);
    if (bt.biweekly && Math.floor(d / 7) % 2 === 1) d += 7;
    return d;
  }

  private event(day: number, inv: Inv, amount: number): void {
    if (day > this.b.asOf || amount <= 0) return;
    this.c.events.push({ day, inv, amount });
    inv.applied += amount;
  }

  /** Turn payment events into customer payments (one per customer and day), with a few overpayments. */
  private flushPayments(): void {
    const { b, c, r } = this;
    const events = c.events.sort((x, y) => x.day - y.day);
    for (let i = 0; i < events.length; ) {
      const day = events[i].day;
      const apply: FixtureLine[] = [];
      const byDoc = new Map<Inv, FixtureLine>();
      let applied = 0;
      for (; i < events.length && events[i].day === day; i++) {
        const e = events[i];
        applied += e.amount;
        const line = byDoc.get(e.inv);
        if (line) line.amount = cents(Math.round((line.amount as number) * 100) + e.amount);
        else {
          const l: FixtureLine = { doc: e.inv.rec.id, amount: cents(e.amount) };
          byDoc.set(e.inv, l);
          apply.push(l);
        }
      }
      let payment = applied;
      if (r.chance(0.012)) {
        // Paid a round figure, or a little too much: the rest is unapplied cash.
        payment = Math.ceil(applied / 10000) * 10000;
        if (payment - applied < 500) payment += r.int(1, 5) * 10000;
      }
      const memo = r.chance(0.7) ? `${r.pick(PAYMENT_MEMOS)} ${r.int(10000, 99999)}` : '';
      this.payment(day, payment, apply, memo);
      c.credits += payment - applied;
      // Now and then the same remittance arrives twice: the second is all unapplied.
      const dupDay = nextBusinessDay(day + r.int(1, 10));
      if (r.chance(0.004) && dupDay <= b.asOf) {
        this.payment(dupDay, applied, [], memo);
        c.credits += applied;
      }
    }
    c.events = [];
  }

  private unidentifiedPayments(): void {
    const { b, c, r } = this;
    if (!r.chance(0.02)) return;
    const day = previousBusinessDay(b.asOf - r.int(0, 45));
    const amount = r.int(5, 50) * 10000;
    this.payment(day, amount, [], 'Unidentified remittance');
    c.credits += amount;
  }

  private payment(day: number, amount: number, apply: FixtureLine[], memo: string): void {
    const rec: FixtureRecord = { id: 0, customer: this.c.id, tranid: '', trandate: isoDate(day), payment: cents(amount), ...this.money(day) };
    if (memo) rec.memo = memo;
    rec.apply = apply;
    this.b.addTxn(PAY, day, rec);
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Deposit scenarios (left unapplied at asOf)                                                       */

  private openRemainders(): number[] {
    const out: number[] = [];
    for (const inv of this.c.invoices) if (inv.total > inv.applied) out.push(inv.total - inv.applied);
    return out;
  }

  private recent(minAgo: number, maxAgo: number): number {
    const b = this.b;
    return clamp(previousBusinessDay(b.asOf - this.r.int(minAgo, maxAgo)), b.start, b.asOf);
  }

  private upTo(day: number): number {
    return Math.min(day, this.b.asOf);
  }

  private genericMemo(): string {
    return this.r.pick(GENERIC_DEPOSIT_MEMOS);
  }

  private scenario(kind: Scenario): void {
    const { b, c, r } = this;
    switch (kind) {
      case 'so-invoiced': {
        const s = this.recent(15, 60);
        const specs = this.lines();
        const so = this.salesOrder(s, specs, this.nextPO(), r.pick(ORDER_MEMOS));
        const total = CustomerSim.total(specs);
        const amount = r.chance(0.6) ? total : Math.round(total / 200) * 100;
        this.deposit(this.upTo(nextBusinessDay(s + r.int(0, 3))), amount, so, `Deposit for ${so.po}`);
        this.invoice(this.upTo(nextBusinessDay(s + r.int(3, 12))), specs, so, so.po, String(so.rec.memo));
        so.rec.orderstatus = 'G';
        break;
      }
      case 'so-pieces': {
        const s = this.recent(30, 75);
        const specs = this.lines(2);
        const so = this.salesOrder(s, specs, this.nextPO(), r.pick(ORDER_MEMOS));
        const total = CustomerSim.total(specs);
        this.deposit(this.upTo(nextBusinessDay(s + r.int(0, 3))), r.chance(0.6) ? total : Math.round(total / 200) * 100, so, `Deposit for ${so.po}`);
        const pieces = splitLines(specs, 2, r);
        const d1 = this.upTo(nextBusinessDay(s + r.int(3, 8)));
        this.invoice(d1, pieces[0], so, so.po, String(so.rec.memo));
        const d2 = nextBusinessDay(d1 + r.int(8, 20));
        if (d2 <= b.asOf && r.chance(0.6)) {
          this.invoice(d2, pieces[1], so, so.po, String(so.rec.memo));
          so.rec.orderstatus = 'G';
        } else so.rec.orderstatus = 'E';
        break;
      }
      case 'memo-invoice': {
        const forced = c.index < FORCED_SCENARIOS.length;
        const styles = forced ? [0, 1, 2, 3] : [r.int(0, INVOICE_MEMO_STYLES.length - 1)];
        for (const style of styles) {
          const day = this.recent(10, 70);
          let inv: Inv;
          if (r.chance(0.5)) {
            const specs = this.lines();
            const so = this.salesOrder(previousBusinessDay(day - r.int(0, 10)), specs, this.nextPO(), '');
            inv = this.invoice(day, specs, so, so.po, '');
            so.rec.orderstatus = 'G';
          } else inv = this.invoice(day, this.lines(1, true), null, null, r.pick(STANDALONE_MEMOS));
          // Usually the full amount; sometimes less a bank charge.
          const amount = r.chance(0.8) ? inv.total : Math.max(100, inv.total - r.int(10, 35) * 100);
          const dep = this.deposit(this.upTo(nextBusinessDay(day + r.int(2, 30))), amount, null, 'see memo');
          b.memoFixups.push({ deposit: dep.rec, invoice: inv.rec, style });
        }
        break;
      }
      case 'memo-po': {
        const s = this.recent(20, 70);
        const specs = this.lines();
        const po = this.nextPO();
        const so = this.salesOrder(s, specs, po, r.pick(ORDER_MEMOS));
        const invDay = this.upTo(nextBusinessDay(s + r.int(4, 14)));
        const inv = this.invoice(invDay, specs, so, po, String(so.rec.memo));
        so.rec.orderstatus = 'G';
        // Some customers pay against their PO before the invoice exists, without linking the order.
        const depDay = r.chance(0.3) ? this.upTo(s + r.int(1, Math.max(1, invDay - s))) : this.upTo(nextBusinessDay(invDay + r.int(5, 30)));
        const digits = po.replace(/\D/g, '');
        const memo = r.pick([po, `Remittance for ${po}`, `PO ${digits}`, `Your ref: ${po}`]);
        this.deposit(depDay, inv.total, null, memo);
        break;
      }
      case 'exact': {
        const open = this.openRemainders();
        let specs = this.lines(1, true);
        for (let i = 0; i < 30 && countMatches(open, CustomerSim.total(specs)).single > 0; i++) specs = this.lines(1, true);
        const inv = this.invoice(this.recent(15, 80), specs, null, r.chance(0.5) ? this.nextPO() : null, r.pick(STANDALONE_MEMOS));
        this.deposit(this.upTo(nextBusinessDay(inv.day + r.int(3, 40))), inv.total, null, this.genericMemo());
        break;
      }
      case 'combination': {
        const open = this.openRemainders();
        const k = r.int(2, 3);
        let set: LineSpec[][] = [];
        for (let attempt = 0; attempt < 30; attempt++) {
          set = [];
          for (let j = 0; j < k; j++) set.push(this.lines(1, true));
          const totals = set.map((s) => CustomerSim.total(s));
          const sum = totals.reduce((x, y) => x + y, 0);
          const m = countMatches([...open, ...totals], sum);
          if (m.single === 0 && m.combos === 1) break;
        }
        let last = 0;
        let sum = 0;
        for (const specs of set) {
          const inv = this.invoice(this.recent(10, 80), specs, null, r.chance(0.5) ? this.nextPO() : null, r.pick(STANDALONE_MEMOS));
          last = Math.max(last, inv.day);
          sum += inv.total;
        }
        this.deposit(this.upTo(nextBusinessDay(last + r.int(2, 12))), sum, null, this.genericMemo());
        break;
      }
      case 'leftover': {
        const open = this.openRemainders();
        let amount = r.int(1, 20) * 50000;
        for (let i = 0; i < 50; i++) {
          const m = countMatches(open, amount);
          if (m.single === 0 && m.combos === 0) break;
          amount += r.int(1, 9999);
        }
        this.deposit(this.recent(0, 60), amount, null, r.pick(['Advance payment', 'Payment on account', 'Retainer', '']));
        break;
      }
      case 'leftover-partial': {
        const inv = this.invoice(this.recent(20, 90), this.lines(1, true), null, null, r.pick(STANDALONE_MEMOS));
        const open = this.openRemainders().filter((x) => x !== inv.total - inv.applied);
        let extra = r.int(2, 40) * 2500;
        for (let i = 0; i < 50; i++) {
          const m = countMatches(open, extra);
          if (m.single === 0 && m.combos === 0) break;
          extra += r.int(1, 999);
        }
        const depDay = this.upTo(nextBusinessDay(inv.day + r.int(1, 10)));
        const dep = this.deposit(depDay, inv.total + extra, null, r.pick(['Advance payment', 'Payment on account', 'Wire transfer']));
        this.applyDeposit(dep, inv, Math.max(depDay, inv.day));
        break;
      }
    }
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* The customer record                                                                              */

  private customerRecord(): FixtureRecord {
    const { b, c, r } = this;
    let open = 0;
    for (const inv of c.invoices) open += inv.total - inv.applied;
    const balance = open - c.credits;
    const rec: FixtureRecord = {
      id: c.id,
      entityid: this.name,
      companyname: this.name,
      email: `${r.pick(NAMES[c.sub.region].apMailbox)}@${slug(this.name) || 'customer'}.example`,
      phone: phone(r, c.sub),
      subsidiary: c.sub.id,
      currency: c.cur.id,
      terms: c.term.id,
    };
    // Credit limit: none for some, tight (already exceeded) for a few, else comfortably above the balance.
    const monthly = c.billed / 12;
    const mode = r.weighted([['none', 18], ['tight', 6], ['normal', 76]] as const);
    const tightForced = c.index === escapingIndex(this.total) || c.index === DELINQUENT_INDEX;
    if ((mode === 'tight' || tightForced) && balance > 200_000) {
      rec.creditlimit = Math.max(1000, Math.floor((balance * r.float(0.5, 0.9)) / 100_000) * 1000);
    } else if (mode !== 'none') {
      const want = Math.max(monthly * r.float(1.5, 4), balance * 1.3, 500_000);
      rec.creditlimit = Math.ceil(want / 500_000) * 5000;
    }
    let hold: 'AUTO' | 'ON' | 'OFF' = 'AUTO';
    const x = r.next();
    if (c.index === DELINQUENT_INDEX) hold = 'ON';
    else if ((c.payer.name === 'poor' || c.payer.name === 'delinquent') && x < 0.25) hold = 'ON';
    else if (x < 0.01) hold = 'ON';
    else if (x > 0.97) hold = 'OFF';
    rec.creditholdoverride = hold;
    if (r.chance(0.92)) {
      const reps = EMPLOYEES.filter((e) => e.repFor === c.sub.region);
      rec.salesrep = r.pick(reps).id;
    }
    if (b.has('custentity_ara_collector') && r.chance(0.97)) {
      const collectors = EMPLOYEES.filter((e) => e.collectsFor?.includes(c.sub.region));
      rec.custentity_ara_collector = r.pick(collectors).id;
    }
    return rec;
  }
}

const ITEM_WEIGHTS = ITEMS.map((i) => [i, i.weight] as const);
const SERVICE_WEIGHTS = ITEMS.filter((i) => [11, 12, 13, 14, 16, 17, 18].includes(i.id)).map((i) => [i, i.weight] as const);

/** The customer named `O'Brien & Sons <Ltd>` (index 9, or the last one in smaller fixtures). */
function escapingIndex(total: number): number {
  return Math.min(SPECIAL_CUSTOMERS[0].index, total - 1);
}

function specialCustomer(index: number, total: number): (typeof SPECIAL_CUSTOMERS)[number] | undefined {
  if (index === escapingIndex(total)) return SPECIAL_CUSTOMERS[0];
  return SPECIAL_CUSTOMERS.find((s) => s.index === index && s !== SPECIAL_CUSTOMERS[0]);
}

/** Split order lines into up to k non-empty invoices (by line, or by quantity of a single line). */
function splitLines(specs: LineSpec[], k: number, r: Random): LineSpec[][] {
  if (specs.length >= k) {
    const cuts = new Set<number>();
    while (cuts.size < k - 1) cuts.add(r.int(1, specs.length - 1));
    const at = [0, ...[...cuts].sort((x, y) => x - y), specs.length];
    const out: LineSpec[][] = [];
    for (let i = 0; i + 1 < at.length; i++) out.push(specs.slice(at[i], at[i + 1]));
    return out;
  }
  const all: LineSpec[][] = [];
  const s = specs[0];
  if (specs.length !== 1 || s.quantity < k) return [specs];
  let left = s.quantity;
  for (let i = 0; i < k; i++) {
    const q = i === k - 1 ? left : Math.max(1, Math.floor(s.quantity / k));
    all.push([{ ...s, quantity: q }]);
    left -= q;
  }
  return all;
}

/* ------------------------------------------------------------------------------------------------ */
/* Entry points                                                                                       */

/** Build the demo company. Same options → the same fixture (byte for byte once serialised). */
export function generateDemoFixture(options: DemoOptions = {}): Fixture {
  const customers = options.customers ?? DEMO_DEFAULTS.customers;
  const asOf = options.asOf ?? DEMO_DEFAULTS.asOf;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`generateDemoFixture: customers must be a positive integer, got ${customers}`);
  if (!isIsoDate(asOf)) throw new Error(`generateDemoFixture: asOf must be a YYYY-MM-DD date, got ${JSON.stringify(asOf)}`);
  const b = new Builder(asOf, seed, options.customFields ?? []);
  const company = companyRecords(b);
  const customer: FixtureRecord[] = [];
  for (let i = 0; i < customers; i++) customer.push(new CustomerSim(b, i, customers).run());
  const txns = b.finish();
  return { asOf, records: { ...company, customer, ...txns } };
}

/* ------------------------------------------------------------------------------------------------ */
/* Summary                                                                                            */

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', 'over120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export function agingBucket(ageDays: number): AgingBucket {
  if (ageDays <= 0) return 'current';
  if (ageDays <= 30) return '1-30';
  if (ageDays <= 60) return '31-60';
  if (ageDays <= 90) return '61-90';
  if (ageDays <= 120) return '91-120';
  return 'over120';
}

export interface FixtureSummary {
  asOf: string;
  /** Records per type. */
  counts: Record<string, number>;
  openInvoices: number;
  /** Open invoice amount (remaining) per currency name, in that currency. */
  openAR: Record<string, number>;
  /** Open invoices per aging bucket (age = asOf − due date). */
  aging: Record<AgingBucket, number>;
  /** Open invoice amount per currency and bucket. */
  agingAmounts: Record<string, Record<AgingBucket, number>>;
  /** Unapplied customer payments + open credit memos per currency. */
  unappliedCredits: Record<string, number>;
  /** Unapplied customer deposits per currency (a liability, not AR). */
  unappliedDeposits: Record<string, number>;
  /** Customer deposits by what the auto-apply would face ('applied' = nothing left). */
  depositsByKind: Record<DepositKind, number>;
  customersOverCreditLimit: number;
  holds: Record<'AUTO' | 'ON' | 'OFF', number>;
  /** Open invoices flagged custbody_ara_disputed (0 when the field is not declared). */
  disputedOpenInvoices: number;
}

function lineCents(rec: FixtureRecord, sublist: string, field: string): number {
  let t = 0;
  const lines = rec[sublist];
  if (Array.isArray(lines)) for (const l of lines) t += Math.round(Number(l[field]) * 100);
  return t;
}

const INVOICE_IN_MEMO = /\binv(?:oice)?\s*(?:no\.?|#)?\s*[-#:]?\s*(\d{3,})/gi;

function normRef(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

interface OpenInvoice {
  rec: FixtureRecord;
  /** Cents. */
  remaining: number;
  digits: string;
  ref: string;
}

/** Amounts derived from a fixture's applications (cents), as the records layer derives them at asOf. */
interface Ledger {
  openByCustomer: Map<number, OpenInvoice[]>;
  /** Unapplied part of credit memos and customer payments, per transaction. */
  unappliedCredit: { rec: FixtureRecord; customer: number; cents: number }[];
  /** Unapplied part of each customer deposit. */
  depositLeft: Map<number, number>;
  billedBySO: Map<number, { count: number; cents: number }>;
  soTotal: Map<number, number>;
}

function buildLedger(f: Fixture): Ledger {
  const recs = (t: string): FixtureRecord[] => f.records[t] ?? [];
  const invApplied = new Map<number, number>();
  const applyAll = (rec: FixtureRecord): number => {
    let sum = 0;
    for (const l of (rec.apply as FixtureLine[] | undefined) ?? []) {
      const a = Math.round(Number(l.amount) * 100);
      invApplied.set(l.doc as number, (invApplied.get(l.doc as number) ?? 0) + a);
      sum += a;
    }
    return sum;
  };
  const unappliedCredit: Ledger['unappliedCredit'] = [];
  for (const cm of recs('creditmemo')) unappliedCredit.push({ rec: cm, customer: cm.entity as number, cents: lineCents(cm, 'item', 'amount') - applyAll(cm) });
  for (const p of recs('customerpayment')) unappliedCredit.push({ rec: p, customer: p.customer as number, cents: Math.round(Number(p.payment) * 100) - applyAll(p) });
  const depApplied = new Map<number, number>();
  for (const da of recs('depositapplication')) depApplied.set(da.deposit as number, (depApplied.get(da.deposit as number) ?? 0) + applyAll(da));
  const depositLeft = new Map<number, number>();
  for (const dep of recs('customerdeposit')) depositLeft.set(dep.id, Math.round(Number(dep.payment) * 100) - (depApplied.get(dep.id) ?? 0));

  const openByCustomer = new Map<number, OpenInvoice[]>();
  const billedBySO = new Map<number, { count: number; cents: number }>();
  for (const inv of recs('invoice')) {
    const total = lineCents(inv, 'item', 'amount');
    if (typeof inv.createdfrom === 'number') {
      const s = billedBySO.get(inv.createdfrom) ?? { count: 0, cents: 0 };
      s.count++;
      s.cents += total;
      billedBySO.set(inv.createdfrom, s);
    }
    const remaining = total - (invApplied.get(inv.id) ?? 0);
    if (remaining <= 0) continue;
    const cust = inv.entity as number;
    let list = openByCustomer.get(cust);
    if (!list) openByCustomer.set(cust, (list = []));
    list.push({ rec: inv, remaining, digits: String(inv.tranid).replace(/\D/g, ''), ref: inv.otherrefnum ? normRef(String(inv.otherrefnum)) : '' });
  }
  const soTotal = new Map<number, number>(recs('salesorder').map((so) => [so.id, lineCents(so, 'item', 'amount')]));
  return { openByCustomer, unappliedCredit, depositLeft, billedBySO, soTotal };
}

function classify(dep: FixtureRecord, left: number, open: readonly OpenInvoice[], l: Ledger): DepositKind {
  if (left <= 0) return 'applied';
  if (typeof dep.salesorder === 'number') {
    const billed = l.billedBySO.get(dep.salesorder);
    if (!billed) return 'so-unbilled';
    return billed.count === 1 && billed.cents === l.soTotal.get(dep.salesorder) ? 'so-invoiced' : 'so-pieces';
  }
  const memo = typeof dep.memo === 'string' ? dep.memo : '';
  if (memo) {
    for (const m of memo.matchAll(INVOICE_IN_MEMO)) if (open.some((o) => o.digits === m[1])) return 'memo-invoice';
    const norm = normRef(memo);
    if (open.some((o) => o.ref.length >= 5 && norm.includes(o.ref))) return 'memo-po';
  }
  const m = countMatches(
    open.map((o) => o.remaining),
    left,
  );
  if (m.single === 1) return 'exact';
  if (m.single === 0 && m.combos >= 1) return 'combination';
  return 'leftover';
}

export interface DepositClass {
  /** Customer deposit internal id. */
  id: number;
  customer: number;
  kind: DepositKind;
  /** Unapplied amount at asOf. */
  remaining: number;
  memo: string;
}

/**
 * What the auto-apply faces for each customer deposit, decided from the data alone (first rule that
 * holds): 'applied' nothing left; linked sales order not billed / billed in one invoice / billed in
 * pieces; an open invoice's number in the memo (INV-1001, inv 1001, INV1001, Invoice #1001); an open
 * invoice's PO number in the memo; the unapplied amount equals exactly one open invoice's remaining
 * amount; it equals a combination of 2–3 open invoices; else 'leftover'.
 */
export function classifyDeposits(f: Fixture): DepositClass[] {
  const l = buildLedger(f);
  return (f.records.customerdeposit ?? []).map((dep) => {
    const left = l.depositLeft.get(dep.id) ?? 0;
    return {
      id: dep.id,
      customer: dep.customer as number,
      kind: classify(dep, left, l.openByCustomer.get(dep.customer as number) ?? [], l),
      remaining: cents(left),
      memo: typeof dep.memo === 'string' ? dep.memo : '',
    };
  });
}

/** Counts and AR figures of a fixture, and what kind of work each customer deposit is. */
export function summarizeFixture(f: Fixture): FixtureSummary {
  const recs = (t: string): FixtureRecord[] => f.records[t] ?? [];
  const asOf = dayNumber(f.asOf);
  const l = buildLedger(f);
  const counts: Record<string, number> = {};
  for (const [t, list] of Object.entries(f.records)) counts[t] = list.length;
  const curName = new Map<number, string>(recs('currency').map((c) => [c.id, String(c.name)]));
  const name = (id: FixtureValue | FixtureLine[]): string => curName.get(id as number) ?? String(id);
  const add = (m: Record<string, number>, k: string, v: number): void => {
    m[k] = (m[k] ?? 0) + v;
  };
  const emptyBuckets = (): Record<AgingBucket, number> => Object.fromEntries(AGING_BUCKETS.map((k) => [k, 0])) as Record<AgingBucket, number>;

  const aging = emptyBuckets();
  const agingAmounts: Record<string, Record<AgingBucket, number>> = {};
  const openAR: Record<string, number> = {};
  const customerBalance = new Map<number, number>();
  let openInvoices = 0;
  let disputedOpenInvoices = 0;
  for (const [cust, list] of l.openByCustomer) {
    for (const o of list) {
      openInvoices++;
      if (o.rec.custbody_ara_disputed === true) disputedOpenInvoices++;
      const cur = name(o.rec.currency);
      add(openAR, cur, o.remaining);
      const bucket = agingBucket(asOf - dayNumber(String(o.rec.duedate ?? o.rec.trandate)));
      aging[bucket]++;
      (agingAmounts[cur] ??= emptyBuckets())[bucket] += o.remaining;
      customerBalance.set(cust, (customerBalance.get(cust) ?? 0) + o.remaining);
    }
  }
  const unappliedCredits: Record<string, number> = {};
  for (const u of l.unappliedCredit) {
    add(unappliedCredits, name(u.rec.currency), u.cents);
    customerBalance.set(u.customer, (customerBalance.get(u.customer) ?? 0) - u.cents);
  }
  const depositsByKind = { applied: 0, 'so-unbilled': 0, 'so-invoiced': 0, 'so-pieces': 0, 'memo-invoice': 0, 'memo-po': 0, exact: 0, combination: 0, leftover: 0 } as Record<DepositKind, number>;
  const unappliedDeposits: Record<string, number> = {};
  for (const dep of recs('customerdeposit')) {
    const left = l.depositLeft.get(dep.id) ?? 0;
    if (left > 0) add(unappliedDeposits, name(dep.currency), left);
    depositsByKind[classify(dep, left, l.openByCustomer.get(dep.customer as number) ?? [], l)]++;
  }
  let customersOverCreditLimit = 0;
  const holds = { AUTO: 0, ON: 0, OFF: 0 };
  for (const c of recs('customer')) {
    if (typeof c.creditlimit === 'number' && (customerBalance.get(c.id) ?? 0) > Math.round(c.creditlimit * 100)) customersOverCreditLimit++;
    const h = c.creditholdoverride as 'AUTO' | 'ON' | 'OFF';
    if (h in holds) holds[h]++;
  }
  const toAmount = (m: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, cents(v)]));
  return {
    asOf: f.asOf,
    counts,
    openInvoices,
    openAR: toAmount(openAR),
    aging,
    agingAmounts: Object.fromEntries(Object.entries(agingAmounts).map(([k, v]) => [k, toAmount(v) as Record<AgingBucket, number>])),
    unappliedCredits: toAmount(unappliedCredits),
    unappliedDeposits: toAmount(unappliedDeposits),
    depositsByKind,
    customersOverCreditLimit,
    holds,
    disputedOpenInvoices,
  };
}
