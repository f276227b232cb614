/**
 * Deposit auto-apply planning: which open invoices each unapplied customer deposit should be applied
 * to, and why. The nightly Map/Reduce reads deposits and open invoices, calls `planAll` (or
 * `planCustomer` per customer in its reduce stage), and applies the plan; this module only plans.
 *
 * NetSuite applies a deposit by itself only to an invoice billed from the deposit's own sales order;
 * every other deposit waits for someone to apply it. The plan follows five explainable rules.
 *
 * Caller's contract
 * - Amounts are integer minor units (`Minor`) in the transaction currency; dates are CalendarDate
 *   'YYYY-MM-DD'; ids are NetSuite internal ids (strings, compared numerically when they are digits).
 * - The caller has already left out customers who opted out of auto-apply and deposits that are not
 *   approved: every deposit passed in may be applied.
 * - The engine itself ignores disputed invoices and invoices or deposits whose amount is ≤ 0; it
 *   throws on a non-integer amount, a malformed date or a duplicate id (a programming error upstream).
 *
 * Eligibility and order
 * - An invoice is eligible for a deposit when it has the same customer, currency and subsidiary, an
 *   amount remaining > 0 and is not disputed. Customers, and within a customer each (currency,
 *   subsidiary), never share anything.
 * - Per customer, deposits are taken oldest first (date, then internal id compared numerically); what
 *   one deposit applies reduces the invoices' remaining amounts for the next.
 * - "Oldest due" means: due date, else transaction date; then internal id (rule 1 puts the transaction
 *   date between the two, as it is specified).
 *
 * Rules, in this order; each consumes what it can of the deposit's remaining amount and passes the rest on:
 * 1. SALES_ORDER: a deposit taken for a sales order goes to the invoices created from that order, oldest
 *    due first (due date, then transaction date, then id). While the order is still open (not closed,
 *    not fully billed), the deposit is applied by this rule only and its remainder waits for the
 *    order's next invoice. Once the order is closed or fully billed the remainder goes on to rules 2–5.
 * 2. REFERENCE: invoices whose document number (tranId) or PO number (otherRefNum) the deposit's memo
 *    names, as whole tokens, ignoring case, spaces and punctuation (see matching-reference.ts), in
 *    memo order; overlapping matches all count. When several invoices share the named number (a PO
 *    billed in several invoices) they are taken oldest due first. An invoice named twice is paid once.
 * 3. EXACT_AMOUNT: the invoice whose remaining amount equals the deposit's remaining amount; among
 *    several, the oldest due.
 * 4. COMBINATION: the set of 2 or 3 invoices whose remaining amounts add up exactly to the deposit's
 *    remaining amount, only when exactly one such set exists (see matching-combination.ts). The search
 *    is bounded by a step budget (`combinationStepBudget`, default 50,000 pointer steps per search,
 *    about 0.25 ms at worst); a search that runs out of budget counts as ambiguous: no application
 *    (`stats.combinationGaveUp`).
 * 5. OLDEST_FIRST (only with `oldestFirst`): the rest to the oldest-due invoices in turn.
 * What is left stays unapplied. No application exceeds the invoice's or the deposit's remaining amount.
 *
 * Stability (idempotence): a deposit left with a remainder is looked at again, in the same order and by
 * the same rules, when younger deposits have since changed its customer's invoices (a younger deposit
 * can bring an invoice's remaining amount down to exactly this deposit's remainder, or close the
 * only other candidate of a combination). Passes repeat until one changes nothing, so planning again
 * after the plan is applied finds nothing more to do. Every application zeroes an invoice or a
 * deposit, so this ends after at most (#deposits + #invoices + 1) passes; usually 1 or 2.
 *
 * Cost: grouping is by hash maps (customer id → its deposits and its few (currency, subsidiary)
 * groups), never a scan across customers; invoices of customers without deposits are only counted.
 * Within a group, on first need: invoices sorted oldest due first once; for rules 1 and 2 a Map by
 * sales order and by normalised reference (groups of ≤ 32 invoices are scanned instead, cheaper than
 * hashing). Per deposit, in groups of ≤ 32 invoices: rule 3 is one scan of the group, which also
 * counts the open invoices below the target (fewer than two, or a sum below the target: rule 4 is
 * skipped) and rule 4 sorts those candidates. In larger groups both use the group's amount-sorted
 * view (typed arrays, sorted once; afterwards only the invoices changed since are moved, by binary
 * search and copyWithin): rule 3 is a binary search, rule 4 searches the view's prefix below the
 * target. Then the bounded search; rule 5 walks a cursor that only moves forward. Duplicate ids are found by sorting numeric ids, not by hashing strings.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl, no clock.
 */
import { type CalendarDate } from './dates';
import { type Minor, formatMoney } from './money';
import { type CombinationResult, DEFAULT_COMBINATION_STEP_BUDGET, uniqueCombination } from './matching-combination';
import { normaliseReference as normalise, scanMemo } from './matching-reference';

export { normaliseReference, memoReferences, memoTokens, type MemoReference, type MemoMatch, type MemoToken } from './matching-reference';
export { uniqueCombination, DEFAULT_COMBINATION_STEP_BUDGET, type CombinationResult } from './matching-combination';

// ---------------------------------------------------------------------------------------------------
// Types

/** An unapplied customer deposit. */
export interface Deposit {
  id: string;
  customerId: string;
  currency: string;
  subsidiary: string;
  date: CalendarDate;
  /** Amount not yet applied, in minor units of `currency`. ≤ 0: ignored. */
  amountUnapplied: Minor;
  /** The sales order the deposit was taken for, or null. */
  salesOrderId: string | null;
  /** The sales order is neither closed nor fully billed (meaningless without salesOrderId). */
  salesOrderOpen: boolean;
  memo: string;
}

/** An open invoice. */
export interface OpenInvoice {
  id: string;
  customerId: string;
  currency: string;
  subsidiary: string;
  tranDate: CalendarDate;
  dueDate: CalendarDate | null;
  /** Amount remaining, in minor units of `currency`. ≤ 0: ignored. */
  amountRemaining: Minor;
  /** Document number, e.g. 'INV1001'. */
  tranId: string;
  /** PO number, or null. */
  otherRefNum: string | null;
  /** The sales order it was billed from, or null. */
  createdFrom: string | null;
  /** Disputed invoices are never touched. */
  disputed: boolean;
}

export interface PlanOptions {
  /** Apply what rules 1–4 leave to the oldest-due invoices (rule 5). */
  oldestFirst: boolean;
  /** Bound of one COMBINATION search in pointer steps (default 50,000); see matching-combination.ts. */
  combinationStepBudget?: number;
}

export const RULES = ['SALES_ORDER', 'REFERENCE', 'EXACT_AMOUNT', 'COMBINATION', 'OLDEST_FIRST'] as const;
export type MatchRule = (typeof RULES)[number];

/** Why an application was made (what `explain` tells). */
export type Evidence =
  | { rule: 'SALES_ORDER'; salesOrderId: string; salesOrderOpen: boolean }
  | {
      rule: 'REFERENCE';
      /** Which invoice field the memo names. */
      field: 'tranId' | 'otherRefNum';
      /** That field's value on the invoice. */
      reference: string;
      /** The memo text that named it, as written ('inv 1001'). */
      memoText: string;
    }
  | { rule: 'EXACT_AMOUNT'; depositRemaining: Minor }
  | {
      rule: 'COMBINATION';
      depositRemaining: Minor;
      /** The invoices of the set (ids and document numbers), oldest due first. */
      invoiceIds: string[];
      tranIds: string[];
    }
  | { rule: 'OLDEST_FIRST'; due: CalendarDate };

export interface Application {
  depositId: string;
  invoiceId: string;
  amount: Minor;
  rule: MatchRule;
  customerId: string;
  currency: string;
  subsidiary: string;
  /** The invoice's document number. */
  invoiceTranId: string;
  evidence: Evidence;
}

export interface DepositOutcome {
  depositId: string;
  customerId: string;
  currency: string;
  /** Total applied by the plan. */
  applied: Minor;
  /** What is left unapplied. */
  remaining: Minor;
  /** The rules that applied something, in the order first used. */
  rules: MatchRule[];
  /** The deposit's sales order is still open: its remainder waits for the order's next invoice. */
  waitingForSalesOrder: boolean;
}

export interface PlanStats {
  customers: number;
  /** Deposits planned (amount > 0). */
  deposits: number;
  /** Deposits left out because their amount is ≤ 0. */
  depositsIgnored: number;
  depositsApplied: number;
  depositsFullyApplied: number;
  /** Open invoices considered (of customers with deposits). */
  invoices: number;
  invoicesDisputed: number;
  /** Invoices left out because their amount remaining is ≤ 0. */
  invoicesNotOpen: number;
  /** Invoices without any deposit of their customer, currency and subsidiary. */
  invoicesWithoutDeposit: number;
  invoicesTouched: number;
  invoicesPaidInFull: number;
  applications: number;
  byRule: Record<MatchRule, { applications: number; amountByCurrency: Record<string, Minor> }>;
  amountByCurrency: Record<string, Minor>;
  /** COMBINATION searches that found several sets, and that ran out of budget (both: no application). */
  combinationAmbiguous: number;
  combinationGaveUp: number;
  /** Most passes over one customer's deposits (see Stability), counting the last, which changes nothing. */
  maxPasses: number;
}

export interface Plan {
  /** In the order made. */
  applications: Application[];
  /** One per planned deposit, customers by id, deposits oldest first. */
  perDeposit: DepositOutcome[];
  stats: PlanStats;
}

// ---------------------------------------------------------------------------------------------------
// Internal state

interface Inv {
  src: OpenInvoice;
  rem: number;
  /** Due date, else transaction date; and as numbers YYYYMMDD. */
  due: string;
  dueNum: number;
  tranNum: number;
  idNum: number;
  /** Position in the group's oldest-due order. */
  rank: number;
  /** Changed since the group's amount view was last brought up to date (listed in group.changed). */
  dirty: boolean;
  /** The remaining amount this invoice is filed under in the group's amount view. */
  viewRem: number;
}

interface Dep {
  src: Deposit;
  rem: number;
  dateNum: number;
  idNum: number;
  group: Group;
  /** group.version after this deposit was last looked at; -1 = never. */
  seen: number;
  applied: number;
  rules: MatchRule[];
}

interface Group {
  customerId: string;
  currency: string;
  subsidiary: string;
  invoices: Inv[];
  sorted: boolean;
  /** Bumped by every application to one of its invoices. */
  version: number;
  /** Large groups: sales order → its invoices (SALES_ORDER order). Small groups are scanned. */
  bySalesOrder: Map<string, Inv[]> | null;
  /** Large groups: normalised document and PO numbers → the invoice, or the invoices oldest due first. */
  refs: Map<string, Inv | Inv[]> | null;
  /** Small groups: normalised [tranId, PO or ''] per invoice in oldest-due order, scanned. */
  refKeys: string[] | null;
  maxRefLength: number;
  /**
   * Open invoices by amount (ascending, then oldest due), valid for group.version === byAmountVersion:
   * the first viewSize entries of byAmount (their ranks) and amounts (their remaining amounts).
   */
  byAmount: Int32Array;
  amounts: Float64Array;
  viewSize: number;
  byAmountVersion: number;
  /** Invoices whose amount changed since the amount view was last brought up to date (once built). */
  changed: Inv[];
  /** Rule 5: invoices before it are fully paid. */
  cursor: number;
}

interface Ctx {
  options: PlanOptions;
  budget: number;
  applications: Application[];
  stats: PlanStats;
  /** Left by ruleExactAmount for ruleCombination: open invoices below the target, their sum, and the first few. */
  below: number;
  /** ruleExactAmount used the group's amount view (large groups): the candidates are its first `below`. */
  viewed: boolean;
  belowSum: number;
  scratch: Inv[];
  scratchAmounts: Float64Array;
}

/** Groups of at most this many invoices are scanned instead of indexed (cheaper than hashing). */
const SMALL_GROUP = 32;
/** COMBINATION candidate sets of at most this many are sorted on their own, not via the group's amount view. */
const SMALL_CANDIDATES = 32;
const NO_INVOICES: readonly Inv[] = [];
const NO_AMOUNTS = new Float64Array(0);
const NO_RANKS = new Int32Array(0);

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

const DIGITS = /^\d+$/;

/** Numeric value of an all-digit id (≤ 15 digits), else NaN. */
function idNumber(id: string): number {
  return id.length > 0 && id.length <= 15 && DIGITS.test(id) ? Number(id) : NaN;
}

/** Internal ids: numerically when both are digit strings, digit ids before others, else by code units. */
function compareIdsWith(a: string, an: number, b: string, bn: number): number {
  const aNum = !Number.isNaN(an);
  const bNum = !Number.isNaN(bn);
  if (aNum && bNum && an !== bn) return an - bn; // the common case: short numeric ids
  const aDigits = aNum || DIGITS.test(a);
  const bDigits = bNum || DIGITS.test(b);
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  if (aDigits) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares NetSuite internal ids: numerically when both are digit strings ('9' < '10'). */
export function compareIds(a: string, b: string): number {
  return compareIdsWith(a, idNumber(a), b, idNumber(b));
}

function byOldestDue(x: Inv, y: Inv): number {
  return x.dueNum - y.dueNum || compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function bySalesOrderDue(x: Inv, y: Inv): number {
  return x.dueNum - y.dueNum || x.tranNum - y.tranNum || compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function byDepositAge(x: Dep, y: Dep): number {
  return x.dateNum - y.dateNum || compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function byAmountThenAge(x: Inv, y: Inv): number {
  return x.rem - y.rem || x.rank - y.rank;
}

function checkAmount(n: unknown, record: string, field: string, id: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new Error(`matching: ${record} ${show(id)}: ${field} must be integer minor units, got ${show(n)}`);
  }
  return n;
}

/**
 * 'YYYY-MM-DD' → the number YYYYMMDD, which orders like the date; throws naming the record unless the
 * text has that shape (whether it is a real date is the adapter's business).
 */
function dateKey(d: unknown, record: string, field: string, id: string): number {
  let n = 0;
  if (typeof d === 'string' && d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45) {
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const c = d.charCodeAt(i) - 48;
      if (c < 0 || c > 9) {
        n = -1;
        break;
      }
      n = n * 10 + c;
    }
    if (n >= 0) return n;
  }
  throw new Error(`matching: ${record} ${show(id)}: ${field} must be a 'YYYY-MM-DD' date, got ${show(d)}`);
}

/** A canonical numeric id ('123', not '0123'), usable as a number without losing identity. */
function canonicalNumber(id: string, idNum: number): boolean {
  return !Number.isNaN(idNum) && (id.length === 1 || id.charCodeAt(0) !== 48);
}

/**
 * Throws on a duplicate id among `ids`. Canonical numeric ids (nearly all NetSuite ids) are checked by
 * sorting their numbers, much cheaper than hashing strings; any others with a Set.
 */
function checkUniqueIds(ids: readonly string[], idNums: Float64Array, what: string): void {
  const nums = new Float64Array(ids.length);
  let k = 0;
  let others: Set<string> | null = null;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (canonicalNumber(id, idNums[i])) nums[k++] = idNums[i];
    else {
      others ??= new Set<string>();
      if (others.has(id)) throw new Error(`matching: duplicate ${what} id ${show(id)}`);
      others.add(id);
    }
  }
  const sorted = nums.subarray(0, k).sort();
  for (let i = 1; i < k; i++) {
    if (sorted[i] === sorted[i - 1]) throw new Error(`matching: duplicate ${what} id ${show(String(sorted[i]))}`);
  }
}

function emptyStats(): PlanStats {
  const byRule = {} as PlanStats['byRule'];
  for (const r of RULES) byRule[r] = { applications: 0, amountByCurrency: {} };
  return {
    customers: 0,
    deposits: 0,
    depositsIgnored: 0,
    depositsApplied: 0,
    depositsFullyApplied: 0,
    invoices: 0,
    invoicesDisputed: 0,
    invoicesNotOpen: 0,
    invoicesWithoutDeposit: 0,
    invoicesTouched: 0,
    invoicesPaidInFull: 0,
    applications: 0,
    byRule,
    amountByCurrency: {},
    combinationAmbiguous: 0,
    combinationGaveUp: 0,
    maxPasses: 0,
  };
}

function addTo(totals: Record<string, Minor>, currency: string, amount: number): void {
  totals[currency] = ((Object.prototype.hasOwnProperty.call(totals, currency) ? totals[currency] : 0) + amount) as Minor;
}

// ---------------------------------------------------------------------------------------------------
// Group indexes (built on first need)

function prepare(g: Group): void {
  if (g.sorted) return;
  g.invoices.sort(byOldestDue);
  for (let i = 0; i < g.invoices.length; i++) g.invoices[i].rank = i;
  g.sorted = true;
}

/** The group's invoices created from a sales order, in SALES_ORDER order. */
function salesOrderInvoices(g: Group, salesOrderId: string): readonly Inv[] {
  if (g.invoices.length <= SMALL_GROUP) {
    let list: Inv[] | null = null;
    for (const inv of g.invoices) if (inv.src.createdFrom === salesOrderId) (list ??= []).push(inv);
    if (list !== null && list.length > 1) list.sort(bySalesOrderDue);
    return list ?? NO_INVOICES;
  }
  if (g.bySalesOrder === null) {
    const map = new Map<string, Inv[]>();
    for (const inv of g.invoices) {
      const so = inv.src.createdFrom;
      if (so === null || so === '') continue;
      const list = map.get(so);
      if (list) list.push(inv);
      else map.set(so, [inv]);
    }
    for (const list of map.values()) if (list.length > 1) list.sort(bySalesOrderDue);
    g.bySalesOrder = map;
  }
  return g.bySalesOrder.get(salesOrderId) ?? NO_INVOICES;
}

/** Builds the group's reference lookup on first need (an array to scan for small groups, else a Map). */
function prepareReferences(g: Group): void {
  if (g.refs !== null || g.refKeys !== null) return;
  let maxLength = 0;
  if (g.invoices.length <= SMALL_GROUP) {
    const keys: string[] = [];
    for (const inv of g.invoices) {
      const t = normalise(inv.src.tranId);
      const po = inv.src.otherRefNum === null ? '' : normalise(inv.src.otherRefNum);
      keys.push(t, po === t ? '' : po);
      maxLength = Math.max(maxLength, t.length, po.length);
    }
    g.refKeys = keys;
  } else {
    const map = new Map<string, Inv | Inv[]>();
    const add = (inv: Inv, n: string): void => {
      if (n === '') return;
      const found = map.get(n);
      if (found === undefined) map.set(n, inv);
      else if (Array.isArray(found)) found.push(inv);
      else map.set(n, [found, inv]);
      if (n.length > maxLength) maxLength = n.length;
    };
    // Invoices in oldest-due order, so that each list is too.
    for (const inv of g.invoices) {
      const t = normalise(inv.src.tranId);
      add(inv, t);
      const po = inv.src.otherRefNum;
      if (po !== null) {
        const n = normalise(po);
        if (n !== t) add(inv, n);
      }
    }
    g.refs = map;
  }
  g.maxRefLength = maxLength;
}

function hasReference(g: Group, n: string): boolean {
  if (g.refs !== null) return g.refs.has(n);
  const keys = g.refKeys!;
  for (let i = 0; i < keys.length; i++) if (keys[i] === n) return true;
  return false;
}

/** The invoices a normalised reference names, oldest due first. */
function referencedInvoices(g: Group, n: string): readonly Inv[] {
  if (g.refs !== null) {
    const found = g.refs.get(n);
    return found === undefined ? NO_INVOICES : Array.isArray(found) ? found : [found];
  }
  const keys = g.refKeys!;
  const out: Inv[] = [];
  for (let i = 0; i < keys.length; i++) if (keys[i] === n) out.push(g.invoices[i >> 1]);
  return out;
}

/** First position of the view at or after (amount, rank) in its order (among its first n). */
function viewPosition(ranks: Int32Array, amounts: Float64Array, n: number, amount: number, rank: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = amounts[mid];
    if (x < amount || (x === amount && ranks[mid] < rank)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Open invoices sorted by amount, then oldest due (see Group.byAmount). Sorted once on first need;
 * after that each invoice changed since (group.changed, a few per deposit) is moved in place: found by
 * binary search under the amount it was filed at, then shifted down to its new place (an amount only
 * decreases) or removed when paid, with typed-array moves (copyWithin) rather than a re-sort.
 */
function amountView(g: Group): number {
  if (g.byAmountVersion === g.version) return g.viewSize;
  if (g.byAmountVersion < 0) {
    const view: Inv[] = [];
    for (const inv of g.invoices) if (inv.rem > 0) view.push(inv);
    view.sort(byAmountThenAge);
    const n = view.length;
    g.byAmount = new Int32Array(n);
    g.amounts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const inv = view[i];
      g.byAmount[i] = inv.rank;
      g.amounts[i] = inv.rem;
      inv.viewRem = inv.rem;
    }
    g.viewSize = n;
  } else {
    const ranks = g.byAmount;
    const amounts = g.amounts;
    const changed = g.changed;
    let n = g.viewSize;
    for (let c = 0; c < changed.length; c++) {
      const inv = changed[c];
      inv.dirty = false;
      const p = viewPosition(ranks, amounts, n, inv.viewRem, inv.rank);
      if (inv.rem === 0) {
        ranks.copyWithin(p, p + 1, n);
        amounts.copyWithin(p, p + 1, n);
        n--;
      } else {
        const q = viewPosition(ranks, amounts, p, inv.rem, inv.rank);
        ranks.copyWithin(q + 1, q, p);
        amounts.copyWithin(q + 1, q, p);
        ranks[q] = inv.rank;
        amounts[q] = inv.rem;
        inv.viewRem = inv.rem;
      }
    }
    changed.length = 0;
    g.viewSize = n;
  }
  g.byAmountVersion = g.version;
  return g.viewSize;
}

// ---------------------------------------------------------------------------------------------------
// Rules

function apply(ctx: Ctx, d: Dep, inv: Inv, amount: number, evidence: Evidence): void {
  const g = d.group;
  const before = inv.rem;
  d.rem -= amount;
  d.applied += amount;
  inv.rem -= amount;
  g.version++;
  if (g.byAmountVersion >= 0 && !inv.dirty) {
    inv.dirty = true;
    g.changed.push(inv);
  }
  const rule = evidence.rule;
  if (!d.rules.includes(rule)) d.rules.push(rule);
  const s = ctx.stats;
  if (before === inv.src.amountRemaining) s.invoicesTouched++;
  if (inv.rem === 0) s.invoicesPaidInFull++;
  s.applications++;
  s.byRule[rule].applications++;
  addTo(s.byRule[rule].amountByCurrency, g.currency, amount);
  addTo(s.amountByCurrency, g.currency, amount);
  ctx.applications.push({
    depositId: d.src.id,
    invoiceId: inv.src.id,
    amount: amount as Minor,
    rule,
    customerId: g.customerId,
    currency: g.currency,
    subsidiary: g.subsidiary,
    invoiceTranId: inv.src.tranId,
    evidence,
  });
}

function ruleSalesOrder(ctx: Ctx, d: Dep, salesOrderId: string): void {
  const evidence: Evidence = { rule: 'SALES_ORDER', salesOrderId, salesOrderOpen: d.src.salesOrderOpen };
  for (const inv of salesOrderInvoices(d.group, salesOrderId)) {
    if (d.rem === 0) return;
    if (inv.rem > 0) apply(ctx, d, inv, Math.min(d.rem, inv.rem), evidence);
  }
}

function ruleReference(ctx: Ctx, d: Dep): void {
  const g = d.group;
  prepareReferences(g);
  if (g.maxRefLength === 0) return;
  for (const m of scanMemo(d.src.memo, (n) => hasReference(g, n), g.maxRefLength)) {
    for (const inv of referencedInvoices(g, m.normalised)) {
      if (d.rem === 0) return;
      if (inv.rem > 0) {
        const byTranId = normalise(inv.src.tranId) === m.normalised;
        apply(ctx, d, inv, Math.min(d.rem, inv.rem), {
          rule: 'REFERENCE',
          field: byTranId ? 'tranId' : 'otherRefNum',
          reference: byTranId ? inv.src.tranId : (inv.src.otherRefNum ?? ''),
          memoText: m.text,
        });
      }
    }
  }
}

/**
 * The oldest-due invoice whose remaining amount equals the deposit's. When there is none, leaves in
 * ctx what COMBINATION needs: how many open invoices are below the target, their sum, the first few.
 */
function ruleExactAmount(ctx: Ctx, d: Dep): void {
  const target = d.rem;
  const g = d.group;
  if (g.invoices.length > SMALL_GROUP) {
    // Large group: binary search in the amount view. Equal amounts are in oldest-due order there, so
    // the first equal one is the one the scan below would find; the ones before it are those below.
    const n = amountView(g);
    const a = g.amounts;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && a[lo] === target) {
      apply(ctx, d, g.invoices[g.byAmount[lo]], target, { rule: 'EXACT_AMOUNT', depositRemaining: target as Minor });
      return;
    }
    ctx.viewed = true;
    ctx.below = lo;
    // Summed in another order than the scan and only until it reaches the target: the same answer to
    // "sum < target" (exact below 2^53; beyond, the sum stays ≥ 2^53 > target).
    let sum = 0;
    for (let i = 0; i < lo && sum < target; i++) sum += a[i];
    ctx.belowSum = sum;
    return;
  }
  ctx.viewed = false;
  const scratch = ctx.scratch;
  scratch.length = 0;
  let below = 0;
  let sum = 0;
  for (const inv of d.group.invoices) {
    const r = inv.rem;
    if (r === target) {
      apply(ctx, d, inv, target, { rule: 'EXACT_AMOUNT', depositRemaining: target as Minor });
      return;
    }
    if (r > 0 && r < target) {
      below++;
      sum += r;
      if (below <= SMALL_CANDIDATES) scratch.push(inv);
    }
  }
  ctx.below = below;
  ctx.belowSum = sum;
}

/** COMBINATION; runs right after ruleExactAmount found nothing (it relies on ctx.below, belowSum, scratch). */
function ruleCombination(ctx: Ctx, d: Dep): void {
  const target = d.rem;
  // Fewer than two invoices below the target, or all of them together below it: no set can add up.
  if (ctx.below < 2 || ctx.belowSum < target) return;
  const g = d.group;
  let result: CombinationResult;
  let set: Inv[] = [];
  if (ctx.viewed) {
    // The view is still current: nothing was applied since ruleExactAmount brought it up to date.
    result = uniqueCombination(g.amounts, target, ctx.budget, g.viewSize);
    if (result.kind === 'unique') set = result.indices.map((i) => g.invoices[g.byAmount[i]]);
  } else {
    // Small group (≤ SMALL_GROUP invoices, so ≤ SMALL_CANDIDATES candidates): sort them on their own.
    const candidates = ctx.scratch.sort(byAmountThenAge);
    const n = candidates.length;
    const amounts = ctx.scratchAmounts;
    for (let i = 0; i < n; i++) amounts[i] = candidates[i].rem;
    result = uniqueCombination(amounts, target, ctx.budget, n);
    if (result.kind === 'unique') set = result.indices.map((i) => candidates[i]);
  }
  if (result.kind === 'ambiguous') ctx.stats.combinationAmbiguous++;
  else if (result.kind === 'gaveUp') ctx.stats.combinationGaveUp++;
  if (result.kind !== 'unique') return;
  set.sort(byOldestDue);
  const evidence: Evidence = {
    rule: 'COMBINATION',
    depositRemaining: target as Minor,
    invoiceIds: set.map((inv) => inv.src.id),
    tranIds: set.map((inv) => inv.src.tranId),
  };
  for (const inv of set) apply(ctx, d, inv, inv.rem, evidence);
}

function ruleOldestFirst(ctx: Ctx, d: Dep): void {
  const g = d.group;
  const list = g.invoices;
  while (d.rem > 0) {
    while (g.cursor < list.length && list[g.cursor].rem === 0) g.cursor++;
    if (g.cursor === list.length) return;
    const inv = list[g.cursor];
    apply(ctx, d, inv, Math.min(d.rem, inv.rem), { rule: 'OLDEST_FIRST', due: inv.due as CalendarDate });
  }
}

/** Runs the rules for one deposit against the current state of its group. */
function evaluate(ctx: Ctx, d: Dep): void {
  const g = d.group;
  if (g.invoices.length === 0) return;
  prepare(g);
  const so = d.src.salesOrderId;
  if (so !== null && so !== '') {
    ruleSalesOrder(ctx, d, so);
    if (d.src.salesOrderOpen) return;
  }
  if (d.rem > 0 && d.src.memo) ruleReference(ctx, d);
  if (d.rem > 0) {
    ruleExactAmount(ctx, d);
    if (d.rem > 0) ruleCombination(ctx, d);
  }
  if (d.rem > 0 && ctx.options.oldestFirst) ruleOldestFirst(ctx, d);
}

/** All deposits of one customer, oldest first, passes until nothing changes (see Stability). */
function planDeposits(ctx: Ctx, deps: Dep[]): void {
  deps.sort(byDepositAge);
  let passes = 0;
  for (;;) {
    passes++;
    let changed = false;
    for (const d of deps) {
      if (d.rem === 0 || d.seen === d.group.version) continue;
      const before = d.group.version;
      evaluate(ctx, d);
      d.seen = d.group.version;
      if (d.group.version !== before) changed = true;
    }
    if (!changed) break;
  }
  if (passes > ctx.stats.maxPasses) ctx.stats.maxPasses = passes;
}

// ---------------------------------------------------------------------------------------------------
// Entry points

function checkOptions(options: PlanOptions): number {
  if (options === null || typeof options !== 'object' || typeof options.oldestFirst !== 'boolean') {
    throw new Error('matching: options.oldestFirst must be a boolean');
  }
  const budget = options.combinationStepBudget ?? DEFAULT_COMBINATION_STEP_BUDGET;
  if (!Number.isSafeInteger(budget) || budget < 0) {
    throw new Error(`matching: options.combinationStepBudget must be an integer ≥ 0, got ${show(budget)}`);
  }
  return budget;
}

interface Customer {
  deps: Dep[];
  /** One per (currency, subsidiary) of its deposits; few, so searched linearly. */
  groups: Group[];
}

function findGroup(c: Customer, currency: string, subsidiary: string): Group | undefined {
  for (const g of c.groups) if (g.currency === currency && g.subsidiary === subsidiary) return g;
  return undefined;
}

function newGroup(customerId: string, currency: string, subsidiary: string): Group {
  return {
    customerId,
    currency,
    subsidiary,
    invoices: [],
    sorted: false,
    version: 0,
    bySalesOrder: null,
    refs: null,
    refKeys: null,
    maxRefLength: 0,
    byAmount: NO_RANKS,
    amounts: NO_AMOUNTS,
    viewSize: 0,
    byAmountVersion: -1,
    changed: [],
    cursor: 0,
  };
}

function run(deposits: readonly Deposit[], invoices: readonly OpenInvoice[], options: PlanOptions): Plan {
  const ctx: Ctx = {
    options,
    budget: checkOptions(options),
    applications: [],
    stats: emptyStats(),
    below: 0,
    viewed: false,
    belowSum: 0,
    scratch: [],
    scratchAmounts: new Float64Array(SMALL_CANDIDATES),
  };
  const stats = ctx.stats;
  const customers = new Map<string, Customer>();

  const depositIds = new Float64Array(deposits.length);
  for (let i = 0; i < deposits.length; i++) {
    const dep = deposits[i];
    const id = dep.id;
    const idNum = idNumber(id);
    depositIds[i] = idNum;
    const amount = checkAmount(dep.amountUnapplied, 'deposit', 'amountUnapplied', id);
    const dateNum = dateKey(dep.date, 'deposit', 'date', id);
    if (amount <= 0) {
      stats.depositsIgnored++;
      continue;
    }
    let c = customers.get(dep.customerId);
    if (c === undefined) {
      c = { deps: [], groups: [] };
      customers.set(dep.customerId, c);
    }
    let g = findGroup(c, dep.currency, dep.subsidiary);
    if (g === undefined) {
      g = newGroup(dep.customerId, dep.currency, dep.subsidiary);
      c.groups.push(g);
    }
    c.deps.push({ src: dep, rem: amount, dateNum, idNum, group: g, seen: -1, applied: 0, rules: [] });
    stats.deposits++;
  }
  checkUniqueIds(
    deposits.map((d) => d.id),
    depositIds,
    'deposit',
  );

  const invoiceIds = new Float64Array(invoices.length);
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i];
    const id = inv.id;
    const idNum = idNumber(id);
    invoiceIds[i] = idNum;
    const amount = checkAmount(inv.amountRemaining, 'invoice', 'amountRemaining', id);
    const tranNum = dateKey(inv.tranDate, 'invoice', 'tranDate', id);
    const dueNum = inv.dueDate === null ? tranNum : dateKey(inv.dueDate, 'invoice', 'dueDate', id);
    if (inv.disputed) {
      stats.invoicesDisputed++;
      continue;
    }
    if (amount <= 0) {
      stats.invoicesNotOpen++;
      continue;
    }
    const c = customers.get(inv.customerId);
    const g = c === undefined ? undefined : findGroup(c, inv.currency, inv.subsidiary);
    if (g === undefined) {
      stats.invoicesWithoutDeposit++;
      continue;
    }
    g.invoices.push({ src: inv, rem: amount, due: inv.dueDate ?? inv.tranDate, dueNum, tranNum, idNum, rank: 0, dirty: false, viewRem: 0 });
    stats.invoices++;
  }
  checkUniqueIds(
    invoices.map((x) => x.id),
    invoiceIds,
    'invoice',
  );

  const customerIds = [...customers.keys()].sort(compareIds);
  stats.customers = customerIds.length;
  const perDeposit: DepositOutcome[] = [];
  for (const id of customerIds) {
    const deps = customers.get(id)!.deps;
    planDeposits(ctx, deps);
    for (const d of deps) {
      if (d.applied > 0) stats.depositsApplied++;
      if (d.rem === 0) stats.depositsFullyApplied++;
      const so = d.src.salesOrderId;
      perDeposit.push({
        depositId: d.src.id,
        customerId: d.group.customerId,
        currency: d.group.currency,
        applied: d.applied as Minor,
        remaining: d.rem as Minor,
        rules: d.rules,
        waitingForSalesOrder: d.rem > 0 && so !== null && so !== '' && d.src.salesOrderOpen,
      });
    }
  }
  return { applications: ctx.applications, perDeposit, stats };
}

/**
 * Plans deposits of all customers. Groups by customer (and currency, subsidiary) with hash maps; each
 * customer is planned independently, customers in internal-id order, so the plan does not depend on
 * the order of the input arrays.
 */
export function planAll(deposits: readonly Deposit[], invoices: readonly OpenInvoice[], options: PlanOptions): Plan {
  return run(deposits, invoices, options);
}

/**
 * Plans the deposits of one customer (e.g. in a Map/Reduce reduce stage keyed by customer). Every
 * deposit and invoice must belong to that customer; throws otherwise.
 */
export function planCustomer(deposits: readonly Deposit[], invoices: readonly OpenInvoice[], options: PlanOptions): Plan {
  const customerId = deposits.length > 0 ? deposits[0].customerId : invoices.length > 0 ? invoices[0].customerId : null;
  for (const r of [...deposits, ...invoices]) {
    if (r.customerId !== customerId) {
      throw new Error(`planCustomer: all records must be of one customer; got ${show(customerId)} and ${show(r.customerId)} (use planAll)`);
    }
  }
  return run(deposits, invoices, options);
}

// ---------------------------------------------------------------------------------------------------
// Explanation

export interface ExplainOptions {
  /** Decimals of the application's currency (default 2). */
  decimals?: number;
}

function invoiceLabel(tranId: string, id: string): string {
  return tranId !== '' ? tranId : `invoice ${id}`;
}

/**
 * One sentence saying what an application does and why, e.g.
 * 'Deposit 12 → INV1001 100.00 USD by REFERENCE: memo names INV-1001'.
 */
export function explain(a: Application, options: ExplainOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const money = (m: Minor): string => formatMoney(m, { decimals });
  const head = `Deposit ${a.depositId} → ${invoiceLabel(a.invoiceTranId, a.invoiceId)} ${money(a.amount)} ${a.currency} by ${a.rule}: `;
  const e = a.evidence;
  switch (e.rule) {
    case 'SALES_ORDER':
      return (
        head +
        `invoice billed from sales order ${e.salesOrderId}, for which the deposit was taken` +
        (e.salesOrderOpen ? ' (order still open: any rest waits for its next invoice)' : '')
      );
    case 'REFERENCE':
      return head + (e.field === 'tranId' ? `memo names ${e.memoText}` : `memo names ${e.memoText}, the invoice's PO number ${e.reference}`);
    case 'EXACT_AMOUNT':
      return head + `amount remaining equals the deposit's remaining ${money(e.depositRemaining)}`;
    case 'COMBINATION':
      return (
        head +
        `the only set of open invoices (${e.tranIds.map((t, i) => invoiceLabel(t, e.invoiceIds[i])).join(', ')}) ` +
        `adding up to the deposit's remaining ${money(e.depositRemaining)}`
      );
    case 'OLDEST_FIRST':
      return head + `oldest open invoice (due ${e.due})`;
  }
}
