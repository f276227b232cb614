/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * Nightly auto-apply of customer deposits to open invoices (README: "Nightly auto-apply of customer deposits").
 *
 * - getInputData: the run log is created (RUNNING); its internal id is the run id named in every memo.
 *   A post run stops at once (SKIPPED) when another post run of this script is still running (its log
 *   RUNNING, started less than 6 hours ago: a crashed run holds no longer), so the nightly and the
 *   on-demand deployment never plan the same customers at the same time. Then one summary search counts
 *   the eligible deposits per customer (approved, not fully applied, customer not opted out, optional
 *   subsidiary); customers are packed whole into keys of at most MAX_DEPOSITS_PER_KEY deposits (a
 *   customer with more is a key of its own).
 * - no map stage: each key goes straight to reduce.
 * - reduce (one key = whole customers, so two applications touching one invoice never run in
 *   parallel): searches the customers' eligible deposits and open invoices afresh (never trusting
 *   getInputData's data), plans each customer with the matching engine and posts one deposit
 *   application per deposit (transform, tick lines capped at their current due and together at the
 *   deposit's unapplied amount, save). Past FRESH_POSTINGS postings the deposits' unapplied amounts and
 *   the invoices' dispute flags are read again before the next one. It posts only while the invocation
 *   stays under half the reduce limit; deposits left over are "deferred".
 * - summarize: totals, the CSV report (N/file), the run log completed once, an optional email, and when
 *   deposits were deferred a continuation run of this script queued with N/task. Re-planning from
 *   fresh data makes every run idempotent, so a continuation (or a re-run after a crash) just picks up
 *   what is left.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import {
  FRESH_POSTINGS,
  Freshness,
  MAX_DEPOSITS_PER_KEY,
  MAX_PASSES,
  REDUCE_BUDGET,
  REDUCE_LIMIT,
  SUMMARIZE_LIMIT,
  UNITS_PER_DEPOSIT,
  type BatchResult,
  type Failure,
  type FreshFacts,
  type ReportRow,
  amountsLine,
  buildCsv,
  errorsText,
  packBatches,
  rulesText,
  runCustomer,
  totalsOf,
} from './core/autoapply';
import { compareIds, type Deposit, type OpenInvoice } from './core/matching';
import { type RunStatus } from './core/ids/autoapply';
import {
  type RunLogValues,
  completeRunLog,
  createFailedRunLog,
  createRunLog,
  depositCountsByCustomer,
  errorCode,
  liveRunBefore,
  notify,
  postDepositApplication,
  queueContinuation,
  readParams,
  recheckFacts,
  remainingUsage,
  saveReport,
  setRunContinuation,
  searchDeposits,
  searchOpenInvoices,
} from './adapters/autoapply';

const LOG_TITLE = 'ARA auto-apply';
interface KeyValue {
  runId: string;
  customers: string[];
  /** Set when this run stopped because another one is running: why. */
  skipped?: string;
}

export function getInputData(): Record<string, string> {
  const p = readParams();
  const start = new Date();
  const runId = createRunLog(p, start);
  if (p.mode === 'post') {
    const other = liveRunBefore(runId, start);
    if (other) {
      const skipped = `run ${other.id} (started ${other.start}) is still running: this run applied nothing. A run that crashed holds for 6 hours, or until its run log's Status is set to FAILED.`;
      log.audit({ title: LOG_TITLE, details: `run ${runId} (${p.mode}) skipped: ${skipped}` });
      // One key, so summarize learns the run id and finishes the log as SKIPPED.
      return { [`${runId}/0`]: JSON.stringify({ runId, customers: [], skipped } satisfies KeyValue) };
    }
  }
  const counts = depositCountsByCustomer(p.subsidiary).sort((a, b) => compareIds(a.customerId, b.customerId));
  const batches = packBatches(counts, MAX_DEPOSITS_PER_KEY);
  // Always at least one key, so summarize learns the run id even when there is nothing to do.
  if (batches.length === 0) batches.push([]);
  const deposits = counts.reduce((s, c) => s + c.deposits, 0);
  log.audit({ title: LOG_TITLE, details: `run ${runId} (${p.mode}): ${deposits} eligible deposits of ${counts.length} customers in ${batches.length} keys` });
  const out: Record<string, string> = {};
  batches.forEach((customers, i) => {
    const v: KeyValue = { runId, customers };
    out[`${runId}/${i}`] = JSON.stringify(v);
  });
  return out;
}

function groupBy<T extends { customerId: string }>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const l = m.get(x.customerId);
    if (l) l.push(x);
    else m.set(x.customerId, [x]);
  }
  return m;
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  const p = readParams();
  const v = JSON.parse(context.values[0]) as KeyValue;
  if (v.skipped) {
    const skippedResult: BatchResult = { deposits: 0, rows: [], failures: [], deferred: [], usage: 0, skipped: v.skipped };
    context.write({ key: context.key, value: JSON.stringify(skippedResult) });
    return;
  }
  const deposits: Deposit[] = searchDeposits(v.customers, p.subsidiary);
  const byCustomer = groupBy(deposits);
  const customers = [...byCustomer.keys()].sort(compareIds);
  const invoices = groupBy<OpenInvoice>(searchOpenInvoices(customers));
  const result: BatchResult = { deposits: deposits.length, rows: [], failures: [], deferred: [], usage: 0 };
  const freshness = new Freshness(FRESH_POSTINGS);
  /** Customers not yet run in this invocation (the current one first). */
  let ahead: string[] = customers;
  const recheck = (customerId: string, queue: readonly string[]): FreshFacts | null => {
    if (!freshness.stale(customerId, queue[0])) return null;
    // The deposits next in line (this customer's queue, then the next customers'), the invoices of all customers ahead.
    const next = [...queue, ...ahead.slice(1).flatMap((c) => (byCustomer.get(c) ?? []).map((d) => d.id))].slice(0, FRESH_POSTINGS);
    const facts = recheckFacts(next, ahead);
    freshness.read(ahead, next);
    // Customers still to run start from the fresh facts too.
    for (const c of ahead.slice(1)) {
      byCustomer.set(c, byCustomer.get(c)!.map((d) => (facts.unapplied.has(d.id) ? { ...d, amountUnapplied: facts.unapplied.get(d.id)! } : d)));
      invoices.set(c, (invoices.get(c) ?? []).map((inv) => ({ ...inv, disputed: facts.disputed.has(inv.id) })));
    }
    return facts;
  };
  const hooks = {
    canPost: () => REDUCE_LIMIT - remainingUsage() + UNITS_PER_DEPOSIT <= REDUCE_BUDGET,
    recheck,
    post: (...args: Parameters<typeof postDepositApplication>) => {
      freshness.posting();
      return postDepositApplication(...args);
    },
  };
  for (const [i, c] of customers.entries()) {
    ahead = customers.slice(i);
    const out = runCustomer(byCustomer.get(c)!, invoices.get(c) ?? [], { mode: p.mode, oldestFirst: p.oldestFirst, runLabel: `run ${v.runId}` }, hooks);
    result.rows.push(...out.rows);
    result.failures.push(...out.failures);
    result.deferred.push(...out.deferred);
  }
  result.usage = REDUCE_LIMIT - remainingUsage();
  context.write({ key: context.key, value: JSON.stringify(result) });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const p = readParams();
  const batches: BatchResult[] = [];
  let runId = '';
  const keyErrors: string[] = [];
  const runOf = (key: string) => key.split('/')[0];
  summary.output.iterator().each((key, value) => {
    runId ||= runOf(key);
    batches.push(JSON.parse(value) as BatchResult);
    return true;
  });
  summary.reduceSummary.errors.iterator().each((key, value) => {
    runId ||= runOf(key);
    const e = JSON.parse(value) as { name?: string; message?: string };
    keyErrors.push(`key ${key}: ${e.name ?? 'UNEXPECTED_ERROR'}: ${e.message ?? value}`);
    return true;
  });
  const inputError = summary.inputSummary.error;
  if (inputError) {
    const e = JSON.parse(inputError) as { name?: string; message?: string };
    keyErrors.unshift(`getInputData: ${e.name ?? 'UNEXPECTED_ERROR'}: ${e.message ?? inputError}`);
  }
  const skipped = batches.find((b) => b.skipped)?.skipped ?? null;
  const totals = totalsOf(batches);
  const rows: ReportRow[] = batches.flatMap((b) => b.rows);
  const failures: Failure[] = batches.flatMap((b) => b.failures);
  const runLabel = runId ? `run ${runId}` : 'run (failed to start)';
  const extra: string[] = [...keyErrors];
  if (skipped) extra.unshift(`skipped: ${skipped}`);

  let reportFileId: string | null = null;
  if (p.folder && !skipped) {
    try {
      reportFileId = saveReport(p.folder, `ara_autoapply_${runId || 'failed'}_${p.mode}.csv`, buildCsv(runLabel, rows, failures));
    } catch (e) {
      const { code, message } = errorCode(e);
      extra.push(`report: ${code}: ${message}`);
    }
  }
  // A continuation is queued only once this run's log no longer says RUNNING: the next pass must not
  // take this run for one still running (getInputData's check) and skip itself.
  const wantsContinuation = totals.deferred > 0 && !skipped && !inputError && p.pass + 1 < MAX_PASSES;
  if (totals.deferred > 0 && !wantsContinuation && !skipped) extra.push(`${totals.deferred} deposits left for the next run: ${MAX_PASSES} passes reached`);
  const statusOf = (continuing: boolean): RunStatus =>
    inputError ? 'FAILED' : skipped ? 'SKIPPED' : continuing ? 'CONTINUING' : failures.length > 0 || extra.length > 0 ? 'COMPLETE_WITH_ERRORS' : 'COMPLETE';
  let status = statusOf(wantsContinuation);
  const valuesOf = (): RunLogValues => ({
    status,
    end: new Date(),
    deposits: totals.deposits,
    applied: totals.applied,
    lines: totals.lines,
    failed: failures.length,
    deferred: totals.deferred,
    amounts: amountsLine(totals),
    rules: rulesText(totals),
    // Input, map and reduce stages, plus summarize's own so far, the run log update (2) and, when
    // continuing, the task (20) and the log's task id (2).
    usage: summary.usage + (SUMMARIZE_LIMIT - remainingUsage()) + 2 + (wantsContinuation ? 22 : 0),
    maxUsage: totals.maxUsage,
    errors: errorsText(failures, extra),
    reportFileId,
    continuation: null,
  });
  let values = valuesOf();
  const writeLog = (write: () => void) => {
    try {
      write();
    } catch (e) {
      const { code, message } = errorCode(e);
      log.error({ title: `${LOG_TITLE}: run log not written`, details: `${code}: ${message}` });
    }
  };
  writeLog(() => {
    if (runId) completeRunLog(runId, values);
    else runId = createFailedRunLog(p, summary.dateCreated instanceof Date ? summary.dateCreated : new Date(), values);
  });
  if (wantsContinuation) {
    try {
      const taskId = queueContinuation(p);
      writeLog(() => setRunContinuation(runId, taskId));
    } catch (e) {
      const { code, message } = errorCode(e);
      extra.push(`continuation not queued (${code}: ${message}); ${totals.deferred} deposits wait for the next run`);
      status = statusOf(false);
      values = valuesOf();
      writeLog(() => completeRunLog(runId, values));
    }
  }
  const text =
    `${runLabel} (${p.mode}) ${status}: ${totals.deposits} eligible deposits, ${totals.applied} ${p.mode === 'post' ? 'applied' : 'would be applied'} ` +
    `(${totals.lines} invoice lines, ${values.amounts}), ${failures.length} failed, ${totals.deferred} deferred; usage ${values.usage}, ` +
    `most in one reduce ${totals.maxUsage}`;
  log.audit({ title: LOG_TITLE, details: text });
  for (const line of values.errors ? values.errors.split('\n').slice(0, 50) : []) log.error({ title: `${LOG_TITLE}: ${runLabel}`, details: line });
  if (p.recipient) {
    try {
      notify(p.recipient, `AR Autopilot auto-apply ${runLabel}: ${status}`, `${text}\n\nBy rule:\n${values.rules || '(nothing applied)'}\n\n${values.errors}`);
    } catch (e) {
      const { code, message } = errorCode(e);
      log.error({ title: `${LOG_TITLE}: notification not sent`, details: `${code}: ${message}` });
    }
  }
}
