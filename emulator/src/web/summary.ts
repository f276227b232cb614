/**
 * What `npm start` prints after the nightly jobs: deposits applied (the auto-apply run log records,
 * customrecord_ara_run), credit holds placed and released (the credit event records,
 * customrecord_ara_credit_event), and net AR and DSO as the dashboard portlets render them for the
 * controller (the aging portlet's "Net AR" row, the DSO portlet's data-metric="dso" value).
 *
 * Everything is read from what the product's own scripts wrote or render: nothing here recomputes a
 * figure the product computes.
 */
import type { Emulator } from '../emulator';
import { describeError } from '../runtime/errors';
import { portletDeployments } from './scriptinfo';
import { logins, type Login } from './session';

export const RUN_LOG_TYPE = 'customrecord_ara_run';
export const CREDIT_EVENT_TYPE = 'customrecord_ara_credit_event';

/** The highest internal ids of the product's log records before the nightly jobs (what came after is theirs). */
export interface SummaryMark {
  runLog: number;
  creditEvent: number;
}

export interface AutoApplySummary {
  /** Run log records written (one per pass, continuations included). */
  runs: number;
  /** Eligible deposits looked at (first pass). */
  eligible: number;
  /** Deposit applications saved (or proposed, in preview). */
  applied: number;
  lines: number;
  failed: number;
  /** Amounts applied per currency, summed over the passes, e.g. [['USD', 314245.99]]. */
  amounts: [string, number][];
  /** Status of the last pass (COMPLETE, COMPLETE_WITH_ERRORS, CONTINUING, FAILED, RUNNING). */
  status: string;
  mode: string;
}

export interface HoldSummary {
  placed: number;
  released: number;
  ordersHeld: number;
  /** Customers with oncredithold now (NetSuite's own flag, whoever placed the hold). */
  onHoldNow: number;
}

export interface ArSummary {
  /** Who the portlets were rendered for ("Helen Zhao — AR Controller"). */
  viewer: string;
  /** The aging portlet's title (subsidiary and currency). */
  title: string | null;
  currency: string | null;
  /** The "Net AR" amount as the aging portlet shows it ("4,069,053.36"). */
  netAr: string | null;
  /** The DSO portlet's data-metric="dso" value in days ("52.2"); '' when not defined (no sales). */
  dso: string | null;
  problems: string[];
}

export interface StartSummary {
  asOf: string;
  autoApply: AutoApplySummary | null;
  holds: HoldSummary | null;
  ar: ArSummary | null;
}

function maxId(emu: Emulator, type: string): number {
  if (!emu.records.typeInfo(type)) return 0;
  return emu.records.ids(type).reduce((m, id) => Math.max(m, Number(id) || 0), 0);
}

export function summaryMark(emu: Emulator): SummaryMark {
  return { runLog: maxId(emu, RUN_LOG_TYPE), creditEvent: maxId(emu, CREDIT_EVENT_TYPE) };
}

function newRecords(emu: Emulator, type: string, after: number): Record<string, unknown>[] {
  if (!emu.records.typeInfo(type)) return [];
  return emu.records
    .ids(type)
    .filter((id) => Number(id) > after)
    .sort((a, b) => Number(a) - Number(b))
    .map((id) => emu.records.view(type, id).fields as Record<string, unknown>);
}

/** "6,843.36 CAD; 314,245.99 USD" → [['CAD', 6843.36], ['USD', 314245.99]]. */
export function parseAmounts(text: unknown): [string, number][] {
  const out: [string, number][] = [];
  for (const m of String(text ?? '').matchAll(/(-?[\d,]+(?:\.\d+)?)\s+([A-Z]{3})\b/g)) {
    const n = Number((m[1] as string).replace(/,/g, ''));
    if (Number.isFinite(n)) out.push([m[2] as string, n]);
  }
  return out;
}

function num(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

export function autoApplySummary(emu: Emulator, mark: SummaryMark): AutoApplySummary | null {
  if (!emu.records.typeInfo(RUN_LOG_TYPE)) return null;
  const runs = newRecords(emu, RUN_LOG_TYPE, mark.runLog);
  if (runs.length === 0) return null;
  const amounts = new Map<string, number>();
  for (const r of runs) for (const [cur, n] of parseAmounts(r.custrecord_ara_run_amounts)) amounts.set(cur, Math.round(((amounts.get(cur) ?? 0) + n) * 100) / 100);
  const last = runs[runs.length - 1] as Record<string, unknown>;
  return {
    runs: runs.length,
    eligible: num((runs[0] as Record<string, unknown>).custrecord_ara_run_deposits),
    applied: runs.reduce((a, r) => a + num(r.custrecord_ara_run_applied), 0),
    lines: runs.reduce((a, r) => a + num(r.custrecord_ara_run_lines), 0),
    failed: runs.reduce((a, r) => a + num(r.custrecord_ara_run_failed), 0),
    amounts: [...amounts].sort(([a], [b]) => a.localeCompare(b)),
    status: String(last.custrecord_ara_run_status ?? ''),
    mode: String(last.custrecord_ara_run_mode ?? ''),
  };
}

export function holdSummary(emu: Emulator, mark: SummaryMark): HoldSummary | null {
  if (!emu.records.typeInfo(CREDIT_EVENT_TYPE)) return null;
  const events = newRecords(emu, CREDIT_EVENT_TYPE, mark.creditEvent);
  const count = (...decisions: string[]) => events.filter((e) => decisions.includes(String(e.custrecord_ara_ce_decision ?? ''))).length;
  let onHoldNow = 0;
  for (const id of emu.records.ids('customer')) if (emu.records.view('customer', id).fields.oncredithold === true) onHoldNow += 1;
  return { placed: count('HOLD_PLACED', 'MANUAL_HOLD'), released: count('HOLD_RELEASED', 'MANUAL_RELEASE'), ordersHeld: count('ORDER_HELD'), onHoldNow };
}

/** The login the dashboard figures are read as: a controller, else an administrator, else the first login. */
export function dashboardViewer(emu: Emulator): Login | null {
  const all = logins(emu);
  return all.find((l) => /controller/i.test(l.role)) ?? all.find((l) => l.role === '3') ?? all[0] ?? null;
}

function stripTags(s: unknown): string {
  return String(s ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

export function arSummary(emu: Emulator): ArSummary | null {
  const deployed = portletDeployments(emu);
  if (deployed.length === 0) return null;
  const viewer = dashboardViewer(emu);
  const as = viewer ? { as: viewer.employeeId, role: viewer.role } : {};
  const out: ArSummary = { viewer: viewer ? `${viewer.employeeName} \u2014 ${viewer.roleName}` : 'system', title: null, currency: null, netAr: null, dso: null, problems: [] };
  for (const d of deployed) {
    try {
      const r = emu.portlet(d.script.scriptid, d.deployment.scriptid, as);
      if (r.error) {
        out.problems.push(`${d.script.scriptid}: ${r.error.name}: ${r.error.message}`);
        continue;
      }
      const net = (r.rows as Record<string, unknown>[]).find((row) => Object.values(row).some((v) => stripTags(v) === 'Net AR'));
      if (net && out.netAr === null) {
        const amount = net.amount ?? Object.values(net).map(stripTags).find((v) => /^-?[\d,]+\.\d{2}$/.test(v));
        out.netAr = amount === undefined ? null : stripTags(amount);
        out.title = r.title || null;
        out.currency = /\(([A-Z]{3})\)\s*$/.exec(r.title)?.[1] ?? null;
      }
      const dso = /data-metric="dso"[^>]*?data-value="([^"]*)"/.exec(r.html);
      if (dso && out.dso === null) {
        out.dso = dso[1] ?? '';
        if (!out.currency) out.currency = /\(([A-Z]{3})\)\s*$/.exec(r.title)?.[1] ?? null;
      }
    } catch (e) {
      const x = describeError(e);
      out.problems.push(`${d.script.scriptid}: ${x.name}: ${x.message}`);
    }
  }
  return out;
}

export function startSummary(emu: Emulator, mark: SummaryMark): StartSummary {
  return { asOf: emu.state.asOf, autoApply: autoApplySummary(emu, mark), holds: holdSummary(emu, mark), ar: arSummary(emu) };
}

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary as printed lines (labels padded to one column). */
export function summaryLines(s: StartSummary): string[] {
  const rows: [string, string][] = [];
  const aa = s.autoApply;
  if (aa) {
    const amounts = aa.amounts.length ? aa.amounts.map(([c, n]) => `${money(n)} ${c}`).join(', ') : 'nothing';
    const verb = aa.mode === 'preview' ? 'proposed' : 'applied';
    rows.push(['Deposits applied', `${aa.applied} of ${plural(aa.eligible, 'eligible deposit')} ${verb} to ${plural(aa.lines, 'invoice line')}: ${amounts}`]);
    if (aa.failed || (aa.status && aa.status !== 'COMPLETE')) rows.push(['', `run status ${aa.status}${aa.failed ? `, ${aa.failed} failed` : ''}`]);
  } else {
    rows.push(['Deposits applied', 'no auto-apply run log (customrecord_ara_run) was written']);
  }
  const h = s.holds;
  if (h) {
    rows.push(['Credit holds', `${h.placed} placed, ${h.released} released${h.ordersHeld ? `, ${plural(h.ordersHeld, 'order')} held` : ''}; ${plural(h.onHoldNow, 'customer')} on hold now`]);
  } else {
    rows.push(['Credit holds', 'no credit event records (customrecord_ara_credit_event) in this account']);
  }
  const ar = s.ar;
  if (ar) {
    const cur = ar.currency ? ` ${ar.currency}` : '';
    rows.push(['Net AR', ar.netAr !== null ? `${ar.netAr}${cur}` : 'not shown (no aging portlet with a Net AR row)']);
    rows.push(['DSO', ar.dso === null ? 'not shown (no DSO portlet)' : ar.dso === '' ? 'n/a (no net sales in the period)' : `${ar.dso} days`]);
    if (ar.title) rows.push(['', `${ar.title}, as ${ar.viewer} sees the dashboard`]);
    for (const p of ar.problems) rows.push(['', `! ${p}`]);
  } else {
    rows.push(['Net AR, DSO', 'no dashboard portlet is deployed']);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
}
