/**
 * Collector worklist: pure helpers (no N/ imports, no clock). Input validation of posted forms, access
 * decisions, paging, CSV, search formula text and banner messages. The Suitelet and its adapters call
 * these; everything here is unit tested.
 */
import { BUCKETS, type BucketKey } from './aging';
import { type CalendarDate, compareDates, diffDays, parseDate } from './dates';
import { isOverrideRole } from './credit';
import { type Minor, parseMoney } from './money';
import { type PastDueBucketKey, PAST_DUE_BUCKET_KEYS, type ScoreWeights, validateScoreWeights } from './scoring';

export const PAGE_SIZE = 50;
export const MAX_NOTE = 1000;
export const MAX_REASON = 300;
/** Largest amount accepted on a form (major units). */
export const MAX_AMOUNT_MAJOR = 1_000_000_000;
/** How far ahead a next action or promise date may be (days). */
export const MAX_DAYS_AHEAD = 366;

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(error: string): Check<T> => ({ ok: false, error });

/** Comma/semicolon/space separated role ids from a settings text field, trimmed and lower-cased. */
export function parseRoleList(text: unknown): string[] {
  if (text === null || text === undefined) return [];
  return String(text)
    .split(/[,;\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** Score weights from the settings text "1,2,3,4,5" (empty → defaults). */
export function parseWeightsText(text: unknown): Check<ScoreWeights> {
  const s = text === null || text === undefined ? '' : String(text).trim();
  if (s === '') return validateWeights({});
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length !== PAST_DUE_BUCKET_KEYS.length) return fail(`score weights need ${PAST_DUE_BUCKET_KEYS.length} comma-separated numbers, got "${s}"`);
  const raw: Record<string, string> = {};
  PAST_DUE_BUCKET_KEYS.forEach((k, i) => (raw[k] = parts[i]));
  return validateWeights(raw);
}

function validateWeights(raw: Record<string, string>): Check<ScoreWeights> {
  const v = validateScoreWeights(raw);
  return v.ok ? ok(v.weights) : fail(v.errors.join('; '));
}

export interface Access {
  /** May open the worklist at all. */
  allowed: boolean;
  /** Sees every collector's customers and may assign collectors. */
  supervisor: boolean;
}

/** Administrator always; else the role must be in worklistRoles (or supervisorRoles: a supervisor may open it). */
export function worklistAccess(roleId: string, role: number | string, worklistRoles: readonly string[], supervisorRoles: readonly string[]): Access {
  const supervisor = isOverrideRole(roleId, role, supervisorRoles);
  const allowed = supervisor || isOverrideRole(roleId, role, worklistRoles);
  return { allowed, supervisor };
}

/** Which collector's customers a queue shows: one employee, customers without collector, or all. */
export type CollectorScope = { kind: 'employee'; id: string } | { kind: 'unassigned' } | { kind: 'all' };

/**
 * The collector scope of a queue request. Collectors always get their own queue, whatever they ask for;
 * supervisors may ask for an employee id, 'unassigned' or 'all' (default: their own).
 */
export function resolveScope(userId: string, supervisor: boolean, requested: unknown): CollectorScope {
  const r = requested === null || requested === undefined ? '' : String(requested).trim().toLowerCase();
  if (!supervisor || r === '' || r === 'me') return { kind: 'employee', id: userId };
  if (r === 'unassigned') return { kind: 'unassigned' };
  if (r === 'all') return { kind: 'all' };
  if (/^\d{1,12}$/.test(r)) return { kind: 'employee', id: r };
  return { kind: 'employee', id: userId };
}

/** Whether this user may see and act on a customer whose collector is `collectorId` ('' = none). */
export function mayTouchCustomer(userId: string, supervisor: boolean, collectorId: string | null): boolean {
  if (supervisor) return true;
  return collectorId !== null && collectorId !== '' && String(collectorId) === String(userId);
}

/** An internal id from a request parameter. */
export function checkId(value: unknown, label: string): Check<string> {
  const s = value === null || value === undefined ? '' : String(value).trim();
  if (s === '') return fail(`${label} is missing`);
  if (!/^[1-9]\d{0,11}$/.test(s)) return fail(`${label} is not a valid id`);
  return ok(s);
}

/**
 * A posted amount: positive, at most two decimals, no grouping or exponent, at most MAX_AMOUNT_MAJOR.
 * Returns minor units (2 decimals).
 */
export function checkAmount(value: unknown, label: string): Check<Minor> {
  const s = value === null || value === undefined ? '' : String(value).trim();
  if (s === '') return fail(`${label} is required`);
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) {
    if (/^-/.test(s)) return fail(`${label} must be positive`);
    if (/^\d+\.\d{3,}$/.test(s)) return fail(`${label} may have at most 2 decimals`);
    return fail(`${label} must be a number such as 1250.00`);
  }
  const m = parseMoney(s, 2);
  if (m <= 0) return fail(`${label} must be positive`);
  if (m > MAX_AMOUNT_MAJOR * 100) return fail(`${label} must be at most ${MAX_AMOUNT_MAJOR}`);
  return ok(m);
}

export interface DateRule {
  /** The user's date format (NetSuite DATEFORMAT preference, e.g. 'M/D/YYYY'). */
  pattern: string;
  today: CalendarDate;
  /** Refuse dates before today. */
  notPast?: boolean;
  /** Refuse dates after today (e.g. when something happened). */
  notFuture?: boolean;
  /** Refuse dates more than MAX_DAYS_AHEAD days ahead. */
  maxDaysAhead?: number;
  required?: boolean;
}

/** A posted date: real (no 2/30), in the user's format (or YYYY-MM-DD), within the rule. Empty → null unless required. */
export function checkDate(value: unknown, label: string, rule: DateRule): Check<CalendarDate | null> {
  const s = value === null || value === undefined ? '' : String(value).trim();
  if (s === '') return rule.required ? fail(`${label} is required`) : ok(null);
  let d: CalendarDate;
  try {
    d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseDate(s, 'YYYY-MM-DD') : parseDate(s, rule.pattern);
  } catch {
    return fail(`${label} "${s}" is not a real date`);
  }
  if (rule.notPast && compareDates(d, rule.today) < 0) return fail(`${label} must not be in the past`);
  if (rule.notFuture && compareDates(d, rule.today) > 0) return fail(`${label} must not be in the future`);
  if (rule.maxDaysAhead !== undefined && diffDays(d, rule.today) > rule.maxDaysAhead) {
    return fail(`${label} must be within ${rule.maxDaysAhead} days from today`);
  }
  return ok(d);
}

/** Posted text: trimmed; required or not; at most `max` characters; no control characters but newline/tab. */
export function checkText(value: unknown, label: string, max: number, required: boolean): Check<string> {
  const s = value === null || value === undefined ? '' : String(value).replace(/\r\n?/g, '\n').trim();
  if (s === '') return required ? fail(`${label} is required`) : ok('');
  if (s.length > max) return fail(`${label} is ${s.length} characters; at most ${max} are allowed`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return fail(`${label} contains control characters`);
  return ok(s);
}

/** One of a fixed list of values. */
export function checkChoice<T extends string>(value: unknown, label: string, choices: readonly T[]): Check<T> {
  const s = value === null || value === undefined ? '' : String(value).trim().toLowerCase();
  if ((choices as readonly string[]).includes(s)) return ok(s as T);
  return fail(s === '' ? `${label} is required` : `${label} must be one of ${choices.join(', ')}`);
}

/** Tokens compared in time independent of where they differ. */
export function tokensEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0 || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A token made from random bytes (hex). */
export function tokenFromBytes(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] & 0xff).toString(16).padStart(2, '0');
  return s;
}

/** Page number from a request parameter (1-based), clamped to [1, pages]. */
export function clampPage(value: unknown, pages: number): number {
  const n = Number.parseInt(String(value ?? '1'), 10);
  const max = Math.max(1, pages);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, max);
}

export function pageCount(rows: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(rows / pageSize));
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF line ends, as RFC 4180). */
export function buildCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------
// Search formulas (NetSuite formula text; aging as aging.ts defines it)

/** Days past due of an invoice: {today} − due date (transaction date when there is none). */
export const AGE_FORMULA = '{today}-NVL({duedate},{trandate})';

/** Amount remaining (base currency) of an invoice when it is in `key`'s bucket (current included), else 0. */
export function bucketAmountFormula(key: PastDueBucketKey | BucketKey): string {
  const b = BUCKETS.find((x) => x.key === key)!;
  const cond =
    b.minAge === null ? `${AGE_FORMULA} <= ${b.maxAge}` : b.maxAge === null ? `${AGE_FORMULA} > ${b.minAge - 1}` : `${AGE_FORMULA} BETWEEN ${b.minAge} AND ${b.maxAge}`;
  return `CASE WHEN ${cond} THEN {amountremaining} ELSE 0 END`;
}

/** Smallest age of a past-due bucket (for "oldest bucket at least"). */
export function bucketMinAge(key: PastDueBucketKey): number {
  return BUCKETS.find((x) => x.key === key)!.minAge ?? 1;
}

/** A numeric id list for a formula `IN (…)` (ids validated). */
export function idList(ids: readonly string[]): string {
  const clean = ids.filter((i) => /^\d{1,12}$/.test(i));
  return clean.length === 0 ? '-1' : clean.join(',');
}

/**
 * A formula condition "`expr` is one of `ids`": `(expr IN (…) OR expr IN (…))`, at most 1,000 ids per
 * IN list (Oracle's limit, ORA-01795). Ids are validated; none → a condition that is never true.
 */
export function idInCondition(expr: string, ids: readonly string[]): string {
  const clean = ids.filter((i) => /^\d{1,12}$/.test(i));
  if (clean.length === 0) return `${expr} IN (-1)`;
  const parts: string[] = [];
  for (let i = 0; i < clean.length; i += 1000) parts.push(`${expr} IN (${clean.slice(i, i + 1000).join(',')})`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

// ---------------------------------------------------------------------------------------------------
// Values read from NetSuite and text written out of it

/** A checkbox value as NetSuite gives it: true, or 'T' (search results and lookups vary). */
export function isChecked(value: unknown): boolean {
  return value === true || value === 'T' || value === 't';
}

/**
 * One line of plain text (an email subject): control characters (C0, DEL, C1, line and paragraph
 * separators) become spaces, runs of spaces collapse, ends trimmed. No header injection through a name.
 */
export function plainLine(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Manual credit hold

/**
 * Why a manual hold cannot be released, or null when it can: only a manual hold (Hold ON and not placed
 * by AR Autopilot's credit policy, custentity_ara_autohold unchecked) is released by the worklist. An
 * exempt customer (Hold OFF) keeps its exemption; a hold of the credit policy is the policy's to lift.
 */
export function releaseRefusal(hold: string, autoHold: boolean): string | null {
  const h = String(hold ?? '').trim().toUpperCase();
  if (h === 'OFF') return 'This customer is exempt from credit holds (Hold is Off), so there is no manual hold to release; change the exemption on the customer record if it should end';
  if (h !== 'ON') return 'This customer has no manual credit hold (Hold is Auto), so there is nothing to release';
  if (autoHold) return 'This hold was placed by the AR Autopilot credit policy, not manually: the policy releases it when the customer is back within limits (or an override role approves orders)';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Settings per subsidiary

/**
 * The credit override roles for a customer's subsidiary: the subsidiary's settings row when it names
 * roles, else the company default row's.
 */
export function overrideRolesFor(defaultRoles: readonly string[], bySubsidiary: Readonly<Record<string, readonly string[]>>, subsidiary: string | null | undefined): string[] {
  const sub = subsidiary === null || subsidiary === undefined ? '' : String(subsidiary).trim();
  const own = sub !== '' && Object.prototype.hasOwnProperty.call(bySubsidiary, sub) ? bySubsidiary[sub] : undefined;
  return [...(own && own.length > 0 ? own : defaultRoles)];
}

/** "Showing the first N of M …" when a list was cut, else null. */
export function truncationNotice(shown: number, total: number, what: string, hint: string): string | null {
  if (total <= shown) return null;
  const f = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `Showing the first ${f(shown)} of ${f(total)} ${what}${hint ? `: ${hint}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Confirmation banners after post/redirect/get: codes in the URL, texts here (no user text in URLs)

export const MESSAGES = {
  logged: 'Activity logged.',
  promised: 'Promise to pay recorded.',
  disputed: 'Invoice marked as disputed: it no longer counts in the score or in auto-apply.',
  undisputed: 'Dispute removed from the invoice.',
  held: 'Manual credit hold placed.',
  released: 'Manual credit hold released.',
  statement: 'Statement emailed.',
  assigned: 'Collector assigned.',
} as const;
export type MessageCode = keyof typeof MESSAGES;

export function messageFor(code: unknown): string | null {
  const c = String(code ?? '');
  return Object.prototype.hasOwnProperty.call(MESSAGES, c) ? MESSAGES[c as MessageCode] : null;
}
