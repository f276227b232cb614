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
 *    memo order. When several invoices share the named number (a PO billed in several invoices) they
 *    are taken oldest due first.
 * 3. EXACT_AMOUNT: the invoice whose remaining amount equals the deposit's remaining amount; among
 *    several, the oldest due.
 * 4. COMBINATION: the set of 2 or 3 invoices whose remaining amounts add up exactly to the deposit's
 *    remaining amount, only when exactly one such set exists (see matching-combination.ts). The search
 *    is bounded by a step budget (`combinationStepBudget`, default 200,000 pointer steps per search);
 *    a search that runs out of budget counts as ambiguous: no application (`stats.combinationGaveUp`).
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
 * Cost: grouping is by hash maps (no scan across customers). Per deposit, rules 1 and 2 use indexes
 * built once per (customer, currency, subsidiary) on first need; rule 3 is one scan of that group's
 * invoices; rule 4 sorts that group's open amounts (re-sorted only after the group changed; nearly
 * sorted arrays sort in about linear time) and runs the bounded search; rule 5 walks a cursor that only
 * moves forward.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl, no clock.
 */
import { type CalendarDate } from './dates';
import { type Minor, formatMoney } from './money';
import { DEFAULT_COMBINATION_STEP_BUDGET, uniqueCombination } from './matching-combination';
import { scanMemo } from './matching-reference';

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
  /** Bound of one COMBINATION search in pointer steps (default 200,000); see matching-combination.ts. */
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
  /** Most passes any customer needed (see Stability). */
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
  /** Due date, else transaction date. */
  due: string;
  idNum: number;
  /** Position in the group's oldest-due order. */
  rank: number;
}

interface Dep {
  src: Deposit;
  rem: number;
  idNum: number;
  group: Group;
  /** group.version after this deposit was last looked at; -1 = never. */
  seen: number;
  applied: number;
  rules: MatchRule[];
}

interface RefEntry {
  inv: Inv;
  field: 'tranId' | 'otherRefNum';
}

interface Group {
  customerId: string;
  currency: string;
  subsidiary: string;
  invoices: Inv[];
  sorted: boolean;
  /** Bumped by every application to one of its invoices. */
  version: number;
  bySalesOrder: Map<string, Inv[]> | null;
  refs: Map<string, RefEntry[]> | null;
  maxRefLength: number;
  /** Open invoices by amount (ascending, then oldest due), valid for group.version === byAmountVersion. */
  byAmount: Inv[];
  amounts: Float64Array;
  byAmountVersion: number;
  /** Rule 5: invoices before it are fully paid. */
  cursor: number;
}

interface Ctx {
  options: PlanOptions;
  budget: number;
  applications: Application[];
  stats: PlanStats;
}


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
  if (an === an && bn === bn && an !== bn) return an - bn; // the common case: short numeric ids
  const aDigits = an === an || DIGITS.test(a);
  const bDigits = bn === bn || DIGITS.test(b);
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
  if (x.due !== y.due) return x.due < y.due ? -1 : 1;
  return compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function bySalesOrderDue(x: Inv, y: Inv): number {
  if (x.due !== y.due) return x.due < y.due ? -1 : 1;
  if (x.src.tranDate !== y.src.tranDate) return x.src.tranDate < y.src.tranDate ? -1 : 1;
  return compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function byDepositAge(x: Dep, y: Dep): number {
  if (x.src.date !== y.src.date) return x.src.date < y.src.date ? -1 : 1;
  return compareIdsWith(x.src.id, x.idNum, y.src.id, y.idNum);
}

function byAmountThenAge(x: Inv, y: Inv): number {
  return x.rem - y.rem || x.rank - y.rank;
}

function checkAmount(n: unknown, what: string, id: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new Error(`matching: ${what} of ${show(id)} must be integer minor units, got ${show(n)}`);
  }
  return n;
}

/** Cheap shape check 'YYYY-MM-DD' (ordering relies on it; real-date validation is the adapter's job). */
function checkDate(d: unknown, what: string, id: string): void {
  if (typeof d !== 'string' || d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) {
    throw new Error(`matching: ${what} of ${show(id)} must be a 'YYYY-MM-DD' date, got ${show(d)}`);
  }
}

const NOT_TOKEN_CHAR = /[^\p{L}\p{M}\p{N}]+/gu;

/** normaliseReference, without allocating for the usual already-normal 'INV1001'. */
function normalise(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return s.replace(NOT_TOKEN_CHAR, '').toUpperCase();
  }
  return s;
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

function salesOrderInvoices(g: Group, salesOrderId: string): readonly Inv[] {
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
  return g.bySalesOrder.get(salesOrderId) ?? [];
}

function references(g: Group): Map<string, RefEntry[]> {
  if (g.refs === null) {
    const map = new Map<string, RefEntry[]>();
    let maxLength = 0;
    const add = (inv: Inv, value: string | null, field: RefEntry['field']): string => {
      if (value === null) return '';
      const n = normalise(value);
      if (n === '') return n;
      const list = map.get(n);
      if (list) list.push({ inv, field });
      else map.set(n, [{ inv, field }]);
      if (n.length > maxLength) maxLength = n.length;
      return n;
    };
    // Invoices in oldest-due order, so each list is too.
    for (const inv of g.invoices) {
      const t = add(inv, inv.src.tranId, 'tranId');
      const po = inv.src.otherRefNum;
      if (po !== null && normalise(po) !== t) add(inv, po, 'otherRefNum');
    }
    g.refs = map;
    g.maxRefLength = maxLength;
  }
  return g.refs;
}

/** Open invoices sorted by amount, then oldest due; re-sorted only when the group changed. */
function amountView(g: Group): number {
  if (g.byAmountVersion !== g.version) {
    const view = g.byAmountVersion < 0 ? g.invoices.slice() : g.byAmount;
    let n = 0;
    for (const inv of view) if (inv.rem > 0) view[n++] = inv;
    view.length = n;
    view.sort(byAmountThenAge);
    if (g.amounts.length < n) g.amounts = new Float64Array(n);
    for (let i = 0; i < n; i++) g.amounts[i] = view[i].rem;
    g.byAmount = view;
    g.byAmountVersion = g.version;
  }
  return g.byAmount.length;
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
  const refs = references(d.group);
  if (refs.size === 0) return;
  for (const m of scanMemo(d.src.memo, (n) => refs.has(n), d.group.maxRefLength)) {
    for (const { inv, field } of refs.get(m.normalised)!) {
      if (d.rem === 0) return;
      if (inv.rem > 0) {
        const reference = field === 'tranId' ? inv.src.tranId : (inv.src.otherRefNum ?? '');
        apply(ctx, d, inv, Math.min(d.rem, inv.rem), { rule: 'REFERENCE', field, reference, memoText: m.text });
      }
    }
  }
}

function ruleExactAmount(ctx: Ctx, d: Dep): void {
  const target = d.rem;
  for (const inv of d.group.invoices) {
    if (inv.rem === target) {
      apply(ctx, d, inv, target, { rule: 'EXACT_AMOUNT', depositRemaining: target as Minor });
      return;
    }
  }
}

function ruleCombination(ctx: Ctx, d: Dep): void {
  const g = d.group;
  const n = amountView(g);
  const target = d.rem;
  const result = uniqueCombination(g.amounts, target, ctx.budget, n);
  if (result.kind === 'ambiguous') ctx.stats.combinationAmbiguous++;
  else if (result.kind === 'gaveUp') ctx.stats.combinationGaveUp++;
  if (result.kind !== 'unique') return;
  const set = result.indices.map((i) => g.byAmount[i]).sort(byOldestDue);
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
  if (d.rem > 0) ruleExactAmount(ctx, d);
  if (d.rem > 0) ruleCombination(ctx, d);
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
    maxRefLength: 0,
    byAmount: [],
    amounts: new Float64Array(0),
    byAmountVersion: -1,
    cursor: 0,
  };
}

function run(deposits: readonly Deposit[], invoices: readonly OpenInvoice[], options: PlanOptions): Plan {
  const ctx: Ctx = { options, budget: checkOptions(options), applications: [], stats: emptyStats() };
  const stats = ctx.stats;
  const customers = new Map<string, Customer>();
  const depositIds = new Set<string>();

  for (const dep of deposits) {
    const id = dep.id;
    if (depositIds.has(id)) throw new Error(`matching: duplicate deposit id ${show(id)}`);
    depositIds.add(id);
    const amount = checkAmount(dep.amountUnapplied, 'amountUnapplied of deposit', id);
    checkDate(dep.date, 'date of deposit', id);
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
    c.deps.push({ src: dep, rem: amount, idNum: idNumber(id), group: g, seen: -1, applied: 0, rules: [] });
    stats.deposits++;
  }

  const invoiceIds = new Set<string>();
  for (const inv of invoices) {
    const id = inv.id;
    if (invoiceIds.has(id)) throw new Error(`matching: duplicate invoice id ${show(id)}`);
    invoiceIds.add(id);
    const amount = checkAmount(inv.amountRemaining, 'amountRemaining of invoice', id);
    checkDate(inv.tranDate, 'tranDate of invoice', id);
    if (inv.dueDate !== null) checkDate(inv.dueDate, 'dueDate of invoice', id);
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
    g.invoices.push({ src: inv, rem: amount, due: inv.dueDate ?? inv.tranDate, idNum: idNumber(id), rank: 0 });
    stats.invoices++;
  }

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
