/**
 * Deposit auto-apply: the pure part of the Map/Reduce around the matching engine (matching.ts).
 *
 * - `packBatches`: whole customers packed into map/reduce keys (a customer is never split across
 *   keys, so two applications touching one invoice never run in parallel).
 * - `runCustomer`: plans one customer's deposits from fresh data and posts them one deposit at a time
 *   through a callback (the adapter's transform + save), re-planning when what NetSuite shows on the
 *   transformed record differs from the plan's data (a payment entered since the search) or when a
 *   deposit fails, and stopping when the callback says usage is short (the rest is deferred).
 * - run totals, run log texts and the CSV report.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl, no clock.
 */
import { type Minor, formatMoney } from './money';
import {
  type Application,
  type Deposit,
  type MatchRule,
  type OpenInvoice,
  type Plan,
  RULES,
  explain,
  planCustomer,
} from './matching';
import type { AutoApplyMode } from './ids/autoapply';

// ---------------------------------------------------------------------------------------------------
// Usage budget (see ara_mr_autoapply.ts)

/** Usage limit of one reduce invocation (NetSuite: 5,000); the script keeps under half of it. */
export const REDUCE_LIMIT = 5000;
export const SUMMARIZE_LIMIT = 10000;
export const REDUCE_BUDGET = REDUCE_LIMIT / 2;
/** Units one deposit application costs: transform 10 + save 20. */
export const UNITS_PER_DEPOSIT = 30;
/**
 * Deposits per key: 64 × 30 = 1,920 units, plus the key's two searches (10 units per 1,000 rows),
 * stays under the 2,500 budget for ordinary customers; bigger customers defer what does not fit.
 */
export const MAX_DEPOSITS_PER_KEY = 64;
/** Continuation passes one night may chain (each posts at least one key's worth of deposits). */
export const MAX_PASSES = 50;
/**
 * A deposit is posted with data read at most this many postings ago in its reduce invocation: past that,
 * the deposits' unapplied amounts and the invoices' dispute flags are read again (one search, 10 units)
 * before the next posting. Keys of at most this many deposits never need it.
 */
export const FRESH_POSTINGS = 32;


// ---------------------------------------------------------------------------------------------------
// Batches

export interface CustomerCount {
  customerId: string;
  /** Eligible deposits of the customer. */
  deposits: number;
}

/**
 * Packs customers into batches of at most `maxDeposits` deposits (a customer with more is a batch of
 * its own), in the given order. No customer is ever split.
 */
export function packBatches(counts: readonly CustomerCount[], maxDeposits: number, maxCustomers = maxDeposits): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let n = 0;
  for (const c of counts) {
    if (cur.length > 0 && (n + c.deposits > maxDeposits || cur.length >= maxCustomers)) {
      out.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(c.customerId);
    n += c.deposits;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Posting one customer

/** What one deposit application applies to one invoice. */
export interface PlannedLine {
  invoiceId: string;
  invoiceTranId: string;
  amount: Minor;
  application: Application;
}

/** The transformed deposit application: amount due of every invoice line NetSuite lists on it. */
export interface TransformView {
  dues: ReadonlyMap<string, Minor>;
  /** The deposit's unapplied amount the record shows; null when the record does not expose it. */
  depositUnapplied: Minor | null;
}

/** What a re-read found (PostHooks.recheck). */
export interface FreshFacts {
  /** Unapplied amount now of each deposit re-read. */
  unapplied: ReadonlyMap<string, Minor>;
  /** Open invoices of `customers` that are disputed now (the others of those customers are not). */
  disputed: ReadonlySet<string>;
  customers: ReadonlySet<string>;
}

/**
 * Which data of a reduce invocation is older than FRESH_POSTINGS postings. Everything is read when the
 * invocation starts (posting 0); `read` records a re-read of some deposits and customers' invoices.
 */
export class Freshness {
  private posted = 0;
  private readonly depositAt = new Map<string, number>();
  private readonly customerAt = new Map<string, number>();
  constructor(private readonly window: number = FRESH_POSTINGS) {}

  posting(): void {
    this.posted++;
  }

  stale(customerId: string, depositId: string): boolean {
    const age = (at: number | undefined) => this.posted - (at ?? 0);
    return age(this.customerAt.get(customerId)) >= this.window || age(this.depositAt.get(depositId)) >= this.window;
  }

  read(customerIds: readonly string[], depositIds: readonly string[]): void {
    for (const c of customerIds) this.customerAt.set(c, this.posted);
    for (const d of depositIds) this.depositAt.set(d, this.posted);
  }
}

export type PostOutcome =
  | { kind: 'posted'; applicationId: string; lines: { invoiceId: string; amount: Minor }[] }
  /** Nothing was left to apply once the record was transformed: not saved. */
  | { kind: 'nothing' }
  | { kind: 'failed'; code: string; message: string };

export interface PostHooks {
  /** Whether one more deposit may be posted within the invocation's usage budget. */
  canPost(): boolean;
  /**
   * Before a deposit is posted: fresh facts when the data about it (`queue[0]`, then the rest of the
   * customer's queue in posting order) is too old, null when it is fresh enough.
   */
  recheck?(customerId: string, queue: readonly string[]): FreshFacts | null;
  /**
   * Transforms the deposit, calls `decide` with the amounts due NetSuite shows, ticks the lines it
   * returns (each capped at its line's due), saves with `memo`. Must not throw.
   */
  post(deposit: Deposit, decide: (view: TransformView) => { lines: PlannedLine[]; memo: string }): PostOutcome;
}

export type RowStatus = 'POSTED' | 'PROPOSED';

/** A line of the CSV report: one application made (post) or proposed (preview). */
export interface ReportRow {
  status: RowStatus;
  customerId: string;
  depositId: string;
  /** The deposit application saved (post), else ''. */
  applicationId: string;
  invoiceId: string;
  invoiceTranId: string;
  amount: Minor;
  currency: string;
  rule: MatchRule;
  explanation: string;
}

export interface Failure {
  customerId: string;
  depositId: string;
  /** NetSuite's error code (e.g. RCRD_HAS_BEEN_CHANGED, USER_ERROR). */
  code: string;
  message: string;
}

export interface CustomerOutcome {
  rows: ReportRow[];
  failures: Failure[];
  /** Deposits with something to apply left for a later run (usage). */
  deferred: string[];
  /** Plans made (1 unless something changed under the run). */
  plans: number;
}

export interface RunCustomerOptions {
  mode: AutoApplyMode;
  oldestFirst: boolean;
  /** Text naming the run in memos, e.g. 'run 17'. */
  runLabel: string;
  combinationStepBudget?: number;
}

/** Memo of a deposit application: the run and the rules, e.g. 'AR Autopilot run 17: REFERENCE, OLDEST_FIRST'. */
export function applicationMemo(runLabel: string, rules: readonly MatchRule[]): string {
  return `AR Autopilot ${runLabel}: ${rules.join(', ')}`.slice(0, 999);
}

function rulesOf(lines: readonly PlannedLine[]): MatchRule[] {
  const out: MatchRule[] = [];
  for (const l of lines) if (!out.includes(l.application.rule)) out.push(l.application.rule);
  return out;
}

/** The plan's applications grouped by deposit, deposits in plan order (oldest first). */
export function applicationsByDeposit(plan: Plan): Map<string, Application[]> {
  const out = new Map<string, Application[]>();
  for (const o of plan.perDeposit) if (o.applied > 0) out.set(o.depositId, []);
  for (const a of plan.applications) out.get(a.depositId)?.push(a);
  return out;
}

function toLines(apps: readonly Application[]): PlannedLine[] {
  const byInvoice = new Map<string, PlannedLine>();
  for (const a of apps) {
    const l = byInvoice.get(a.invoiceId);
    if (l) l.amount = (l.amount + a.amount) as Minor;
    else byInvoice.set(a.invoiceId, { invoiceId: a.invoiceId, invoiceTranId: a.invoiceTranId, amount: a.amount, application: a });
  }
  return [...byInvoice.values()];
}

function row(status: RowStatus, a: Application, amount: Minor, applicationId: string): ReportRow {
  const shown = amount === a.amount ? a : { ...a, amount };
  return {
    status,
    customerId: a.customerId,
    depositId: a.depositId,
    applicationId,
    invoiceId: a.invoiceId,
    invoiceTranId: a.invoiceTranId,
    amount,
    currency: a.currency,
    rule: a.rule,
    explanation: explain(shown),
  };
}

/**
 * Plans one customer's deposits (all of one customer, fresh from NetSuite) and, in post mode, posts
 * them oldest first, one deposit application per deposit. The plan's data is checked against each
 * transformed record: when NetSuite shows other amounts due for the deposit's currency and subsidiary
 * (a payment entered since the search), the customer is re-planned with them before anything is
 * ticked; a failed deposit is left out and the rest re-planned without it. Each deposit is posted at
 * most once per run. In preview mode nothing is posted: the plan's applications are the rows.
 */
export function runCustomer(
  deposits: readonly Deposit[],
  invoices: readonly OpenInvoice[],
  options: RunCustomerOptions,
  hooks: PostHooks | null,
): CustomerOutcome {
  const planOptions = { oldestFirst: options.oldestFirst, combinationStepBudget: options.combinationStepBudget };
  const out: CustomerOutcome = { rows: [], failures: [], deferred: [], plans: 0 };
  if (deposits.length === 0) return out;
  /** Deposits posted, failed or given up in this run. */
  const done = new Set<string>();
  /** The model of each invoice's amount remaining: the search's, then what NetSuite showed and what was applied. */
  const remaining = new Map<string, Minor>();
  for (const inv of invoices) remaining.set(inv.id, inv.amountRemaining);
  /** The model of each deposit's unapplied amount and each invoice's dispute flag: the search's, then re-reads. */
  const unapplied = new Map<string, Minor>();
  for (const d of deposits) unapplied.set(d.id, d.amountUnapplied);
  const disputed = new Map<string, boolean>();
  for (const inv of invoices) disputed.set(inv.id, inv.disputed);
  const plan = (): Plan => {
    out.plans++;
    return planCustomer(
      deposits.filter((d) => !done.has(d.id)).map((d) => (unapplied.get(d.id) === d.amountUnapplied ? d : { ...d, amountUnapplied: unapplied.get(d.id)! })),
      invoices.map((inv) => ({ ...inv, amountRemaining: remaining.get(inv.id) ?? inv.amountRemaining, disputed: disputed.get(inv.id) ?? inv.disputed })),
      planOptions,
    );
  };
  /** Takes a re-read into the model; true when it changed something. */
  const learn = (facts: FreshFacts): boolean => {
    let changed = false;
    for (const d of deposits) {
      if (done.has(d.id)) continue;
      const now = facts.unapplied.get(d.id);
      if (now !== undefined && now !== unapplied.get(d.id)) {
        unapplied.set(d.id, now);
        changed = true;
      }
    }
    for (const inv of invoices) {
      if (!facts.customers.has(inv.customerId)) continue;
      const now = facts.disputed.has(inv.id);
      if (now !== disputed.get(inv.id)) {
        disputed.set(inv.id, now);
        changed = true;
      }
    }
    return changed;
  };

  if (options.mode === 'preview' || hooks === null) {
    for (const a of plan().applications) out.rows.push(row('PROPOSED', a, a.amount, ''));
    return out;
  }

  const byId = new Map(deposits.map((d) => [d.id, d]));
  let current = applicationsByDeposit(plan());
  for (;;) {
    let replan = false;
    const queue = [...current.keys()];
    for (let i = 0; i < queue.length; i++) {
      const depositId = queue[i];
      const deposit = byId.get(depositId)!;
      if (!hooks.canPost()) {
        for (const id of queue.slice(i)) out.deferred.push(id);
        return out;
      }
      const facts = hooks.recheck ? hooks.recheck(deposit.customerId, queue.slice(i)) : null;
      if (facts && learn(facts)) {
        // A dispute set or a deposit used since the data was read: plan again before posting anything.
        replan = true;
        break;
      }
      done.add(depositId);
      let lines: PlannedLine[] = toLines(current.get(depositId)!);
      const outcome = hooks.post(deposit, (view) => {
        // Bring the model in line with what NetSuite shows for this deposit's currency and subsidiary.
        let changed = false;
        if (view.depositUnapplied !== null && view.depositUnapplied !== unapplied.get(depositId)) {
          unapplied.set(depositId, view.depositUnapplied);
          changed = true;
        }
        for (const inv of invoices) {
          if (inv.currency !== deposit.currency || inv.subsidiary !== deposit.subsidiary) continue;
          const due = view.dues.get(inv.id) ?? (0 as Minor);
          if (due !== remaining.get(inv.id)) {
            remaining.set(inv.id, due);
            changed = true;
          }
        }
        if (changed) {
          replan = true;
          // Re-plan with this deposit back in: it is the oldest still to post, and takes its fresh share.
          done.delete(depositId);
          const fresh = applicationsByDeposit(plan());
          done.add(depositId);
          lines = toLines(fresh.get(depositId) ?? []);
        }
        // Each line at most its due; all lines together at most what the deposit has left.
        const capped: PlannedLine[] = [];
        let left: number = view.depositUnapplied ?? unapplied.get(depositId) ?? deposit.amountUnapplied;
        for (const l of lines) {
          const due = view.dues.get(l.invoiceId) ?? (0 as Minor);
          const amount = Math.min(l.amount, due, left) as Minor;
          if (amount > 0) capped.push({ ...l, amount });
          if (amount > 0) left -= amount;
        }
        lines = capped;
        return { lines: capped, memo: applicationMemo(options.runLabel, rulesOf(capped)) };
      });
      if (outcome.kind === 'failed') {
        out.failures.push({ customerId: deposit.customerId, depositId, code: outcome.code, message: outcome.message });
        replan = true;
      } else if (outcome.kind === 'posted') {
        const planned = new Map(lines.map((l) => [l.invoiceId, l]));
        for (const applied of outcome.lines) {
          const l = planned.get(applied.invoiceId);
          if (!l) continue;
          remaining.set(applied.invoiceId, ((remaining.get(applied.invoiceId) ?? 0) - applied.amount) as Minor);
          out.rows.push(row('POSTED', l.application, applied.amount, outcome.applicationId));
        }
      }
      if (replan) break;
    }
    if (!replan) return out;
    current = applicationsByDeposit(plan());
  }
}

// ---------------------------------------------------------------------------------------------------
// Run totals, run log texts, CSV report

/** What one reduce invocation (one batch of customers) reports to summarize. */
export interface BatchResult {
  /** Eligible deposits found. */
  deposits: number;
  rows: ReportRow[];
  failures: Failure[];
  deferred: string[];
  /** Usage units of the invocation. */
  usage: number;
  /** Set when the run stopped at once because another run is running: why. */
  skipped?: string;
}

export interface RunTotals {
  deposits: number;
  /** Deposits with at least one row. */
  applied: number;
  lines: number;
  failed: number;
  deferred: number;
  amountByCurrency: Record<string, Minor>;
  byRule: Record<MatchRule, { lines: number; amountByCurrency: Record<string, Minor> }>;
  maxUsage: number;
}

export function emptyTotals(): RunTotals {
  const byRule = {} as RunTotals['byRule'];
  for (const r of RULES) byRule[r] = { lines: 0, amountByCurrency: {} };
  return { deposits: 0, applied: 0, lines: 0, failed: 0, deferred: 0, amountByCurrency: {}, byRule, maxUsage: 0 };
}

function addAmount(into: Record<string, Minor>, currency: string, amount: Minor): void {
  into[currency] = ((into[currency] ?? 0) + amount) as Minor;
}

export function totalsOf(batches: readonly BatchResult[]): RunTotals {
  const t = emptyTotals();
  const applied = new Set<string>();
  for (const b of batches) {
    t.deposits += b.deposits;
    t.failed += b.failures.length;
    t.deferred += b.deferred.length;
    if (b.usage > t.maxUsage) t.maxUsage = b.usage;
    for (const r of b.rows) {
      applied.add(r.depositId);
      t.lines++;
      addAmount(t.amountByCurrency, r.currency, r.amount);
      t.byRule[r.rule].lines++;
      addAmount(t.byRule[r.rule].amountByCurrency, r.currency, r.amount);
    }
  }
  t.applied = applied.size;
  return t;
}

function amountsText(byCurrency: Record<string, Minor>): string {
  const keys = Object.keys(byCurrency).sort();
  return keys.length === 0 ? '0' : keys.map((c) => `${formatMoney(byCurrency[c])} ${c}`).join('; ');
}

/** 'USD 1,234.50; EUR 10.00' style text of the amounts applied per currency. */
export function amountsLine(t: RunTotals): string {
  return amountsText(t.amountByCurrency);
}

/** One line per rule that applied something: 'REFERENCE: 3 lines, 1,200.00 USD'. */
export function rulesText(t: RunTotals): string {
  return RULES.filter((r) => t.byRule[r].lines > 0)
    .map((r) => `${r}: ${t.byRule[r].lines} line${t.byRule[r].lines === 1 ? '' : 's'}, ${amountsText(t.byRule[r].amountByCurrency)}`)
    .join('\n');
}

/** One line per failure: 'deposit 123 (customer 45): USER_ERROR: message'. Bounded to `maxChars`. */
export function errorsText(failures: readonly Failure[], extra: readonly string[] = [], maxChars = 100_000): string {
  const lines = [...extra, ...failures.map((f) => `deposit ${f.depositId} (customer ${f.customerId}): ${f.code}: ${f.message}`)];
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const next = text === '' ? lines[i] : `${text}\n${lines[i]}`;
    if (next.length > maxChars) return `${text}\n… and ${lines.length - i} more`;
    text = next;
  }
  return text;
}

export const CSV_HEADER = ['run', 'status', 'customer', 'deposit', 'deposit application', 'invoice', 'invoice number', 'amount', 'currency', 'rule', 'explanation'];

/** A CSV cell: quoted when needed; a leading = + - @ is defused (spreadsheet formula injection). */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV report: one line per application made or proposed, then one per failure. */
export function buildCsv(runLabel: string, rows: readonly ReportRow[], failures: readonly Failure[]): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push(
      [runLabel, r.status, r.customerId, r.depositId, r.applicationId, r.invoiceId, r.invoiceTranId, formatMoney(r.amount, { thousands: '' }), r.currency, r.rule, r.explanation]
        .map(csvCell)
        .join(','),
    );
  }
  for (const f of failures) {
    lines.push([runLabel, 'FAILED', f.customerId, f.depositId, '', '', '', '', '', f.code, f.message].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
