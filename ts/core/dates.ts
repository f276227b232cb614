/**
 * Calendar dates independent of any time zone.
 *
 * Representation: `CalendarDate` is a branded ISO 8601 string 'YYYY-MM-DD' (proleptic Gregorian
 * calendar, years 0001–9999, always zero-padded). A string was chosen over an object because it is
 * immutable, JSON- and log-friendly, usable as a Map/object key, comparable with === and, thanks to
 * the fixed width, with < and > (lexicographic order is date order). Make one with `parseIsoDate`,
 * `calendarDate(y, m, d)`, `parseDate(text, pattern)` or the conversions from Date below.
 *
 * All arithmetic goes through a day number (days since 1970-01-01, negative before it) computed with
 * integer arithmetic only (H. Hinnant's days_from_civil / civil_from_days), so no result depends on the
 * machine's time zone. The only functions that read or make local time are `fromJsDateLocalParts` and
 * `toJsDateLocalParts`, which exist to talk to NetSuite's Date values (see there); everything else
 * either uses no Date at all or only UTC milliseconds.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl.
 */

export type CalendarDate = string & { readonly __calendarDate: true };

/** Year, month (1–12) and day (1–31) of a date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month given by year and month (1–12). */
export function daysInYearMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`daysInYearMonth: bad month ${show(month)}`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInYearMonth(year, month)
  );
}

function make(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

/** Makes a date from year, month (1–12) and day; throws if it is not a real date in years 0001–9999. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!validParts(year, month, day)) {
    throw new Error(`calendarDate: not a valid date: year ${show(year)}, month ${show(month)}, day ${show(day)}`);
  }
  return make(year, month, day);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a string 'YYYY-MM-DD' naming a real date (2026-02-29 is not; 2028-02-29 is). */
export function isValidIsoDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses a strict 'YYYY-MM-DD' string (no time, no whitespace); throws naming the input if invalid. */
export function parseIsoDate(s: string): CalendarDate {
  if (!isValidIsoDate(s)) throw new Error(`parseIsoDate: not a valid YYYY-MM-DD date: ${show(s)}`);
  return s;
}

function assertDate(d: CalendarDate, fn: string): void {
  if (!isValidIsoDate(d)) throw new Error(`${fn}: not a valid CalendarDate: ${show(d)}`);
}

/** Year, month (1–12) and day of a date. */
export function dateParts(d: CalendarDate): DateParts {
  assertDate(d, 'dateParts');
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of 0001-01-01 and 9999-12-31. */
export const MIN_DAY_NUMBER = daysFromCivil(MIN_YEAR, 1, 1);
export const MAX_DAY_NUMBER = daysFromCivil(MAX_YEAR, 12, 31);

/** Days since 1970-01-01 (0 for 1970-01-01, negative before). */
export function toDayNumber(d: CalendarDate): number {
  const { year, month, day } = dateParts(d);
  return daysFromCivil(year, month, day);
}

/** The date `n` days after 1970-01-01; throws outside years 0001–9999 or for a non-integer. */
export function fromDayNumber(n: number): CalendarDate {
  if (!Number.isInteger(n) || n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new Error(`fromDayNumber: day number ${show(n)} is not an integer within years 0001–9999`);
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return make(year, month, day);
}

/** The date `n` (an integer, may be negative) days later. */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n)) throw new Error(`addDays: day count must be an integer, got ${show(n)}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** a − b in days (positive when a is later). */
export function diffDays(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The date `k` (an integer, may be negative) months later, clamped to the end of a shorter month: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(d: CalendarDate, k: number): CalendarDate {
  if (!Number.isInteger(k)) throw new Error(`addMonths: month count must be an integer, got ${show(k)}`);
  const { year, month, day } = dateParts(d);
  const index = year * 12 + (month - 1) + k;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < MIN_YEAR || y > MAX_YEAR) throw new Error(`addMonths: ${d} + ${k} months is outside years 0001–9999`);
  return make(y, m, Math.min(day, daysInYearMonth(y, m)));
}

/** The first day of the date's month. */
export function startOfMonth(d: CalendarDate): CalendarDate {
  assertDate(d, 'startOfMonth');
  return `${d.slice(0, 8)}01` as CalendarDate;
}

/** The last day of the date's month. */
export function endOfMonth(d: CalendarDate): CalendarDate {
  const { year, month } = dateParts(d);
  return make(year, month, daysInYearMonth(year, month));
}

/** Days in the date's month (28–31). */
export function daysInMonth(d: CalendarDate): number {
  const { year, month } = dateParts(d);
  return daysInYearMonth(year, month);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CalendarDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; never -0
}

/** -1, 0 or 1; usable as an Array.prototype.sort comparator. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  assertDate(a, 'compareDates');
  assertDate(b, 'compareDates');
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((a, b) => (compareDates(b, a) < 0 ? b : a), first);
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((a, b) => (compareDates(b, a) > 0 ? b : a), first);
}

// ---------------------------------------------------------------------------------------------------
// NetSuite date formats

/**
 * The date formats of NetSuite's Date Format preference (Set Preferences / Company General Preferences).
 * 'M/D/YYYY' is the default (US). Tokens: YYYY (4-digit year), MM / DD (2 digits), M / D (1–2 digits,
 * no padding when formatting), Mon (Jan…Dec), MONTH (January…December); other characters are literal.
 * Month names are English (the names NetSuite shows with English as the language).
 */
export const NETSUITE_DATE_FORMATS = [
  'M/D/YYYY',
  'D/M/YYYY',
  'D-Mon-YYYY',
  'D.M.YYYY',
  'D-MONTH-YYYY',
  'D MONTH, YYYY',
  'YYYY/M/D',
  'YYYY-M-D',
  'DD/MM/YYYY',
  'DD-Mon-YYYY',
  'DD.MM.YYYY',
  'DD-MONTH-YYYY',
  'DD MONTH, YYYY',
  'MM/DD/YYYY',
  'YYYY/MM/DD',
  'YYYY-MM-DD',
] as const;
export type NetSuiteDateFormat = (typeof NETSUITE_DATE_FORMATS)[number];

/** NetSuite's default date format. */
export const DEFAULT_DATE_FORMAT: NetSuiteDateFormat = 'M/D/YYYY';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES.map((n) => n.slice(0, 3));

type Token = 'YYYY' | 'MONTH' | 'Mon' | 'MM' | 'M' | 'DD' | 'D';
type Piece = { token: Token } | { literal: string };

interface CompiledPattern {
  pieces: Piece[];
  /** For parsing; null when the pattern lacks exactly one year, one month and one day token. */
  regex: RegExp | null;
  tokens: Token[];
}

const TOKEN_RE = /YYYY|MONTH|Mon|MM|M|DD|D/g;
const compiled = new Map<string, CompiledPattern>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(pattern: string, fn: string): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  if (typeof pattern !== 'string' || pattern === '') throw new Error(`${fn}: bad date pattern ${show(pattern)}`);
  const pieces: Piece[] = [];
  const tokens: Token[] = [];
  let last = 0;
  for (const m of pattern.matchAll(TOKEN_RE)) {
    if (m.index > last) pieces.push({ literal: pattern.slice(last, m.index) });
    pieces.push({ token: m[0] as Token });
    tokens.push(m[0] as Token);
    last = m.index + m[0].length;
  }
  if (last < pattern.length) pieces.push({ literal: pattern.slice(last) });
  if (tokens.length === 0) throw new Error(`${fn}: date pattern ${show(pattern)} has no date tokens`);
  const count = (ts: Token[]): number => tokens.filter((t) => ts.includes(t)).length;
  const parsable = count(['YYYY']) === 1 && count(['MONTH', 'Mon', 'MM', 'M']) === 1 && count(['DD', 'D']) === 1;
  let regex: RegExp | null = null;
  if (parsable) {
    const source = pieces
      .map((p) => {
        if ('literal' in p) return escapeRe(p.literal);
        switch (p.token) {
          case 'YYYY':
            return '(\\d{4})';
          case 'MM':
          case 'DD':
            return '(\\d{2})';
          case 'M':
          case 'D':
            return '(\\d{1,2})';
          case 'Mon':
            return '([A-Za-z]{3})';
          case 'MONTH':
            return '([A-Za-z]+)';
        }
      })
      .join('');
    regex = new RegExp(`^${source}$`);
  }
  const result = { pieces, regex, tokens };
  compiled.set(pattern, result);
  return result;
}

/**
 * Formats a date in a NetSuite date format (or any pattern made of the same tokens):
 * formatDate('2026-03-05', 'M/D/YYYY') → '3/5/2026'; 'DD-Mon-YYYY' → '05-Mar-2026'.
 */
export function formatDate(d: CalendarDate, pattern: string = DEFAULT_DATE_FORMAT): string {
  const { year, month, day } = dateParts(d);
  return compile(pattern, 'formatDate')
    .pieces.map((p) => {
      if ('literal' in p) return p.literal;
      switch (p.token) {
        case 'YYYY':
          return pad(year, 4);
        case 'MONTH':
          return MONTH_NAMES[month - 1];
        case 'Mon':
          return MONTH_ABBREVIATIONS[month - 1];
        case 'MM':
          return pad(month, 2);
        case 'M':
          return String(month);
        case 'DD':
          return pad(day, 2);
        case 'D':
          return String(day);
      }
    })
    .join('');
}

function monthFromName(name: string, names: readonly string[]): number {
  const lower = name.toLowerCase();
  const i = names.findIndex((n) => n.toLowerCase() === lower);
  return i < 0 ? NaN : i + 1;
}

/**
 * Parses text written in `pattern` (the inverse of formatDate). Strict: the whole text (after trimming
 * surrounding whitespace) must match, separators exactly; MM/DD need 2 digits, M/D take 1 or 2;
 * month names are matched without regard to case; the date must be real (29-Feb only in leap years).
 * The pattern needs exactly one year, one month and one day token. Throws naming the input otherwise.
 */
export function parseDate(text: string, pattern: string = DEFAULT_DATE_FORMAT): CalendarDate {
  const c = compile(pattern, 'parseDate');
  if (!c.regex) throw new Error(`parseDate: pattern ${show(pattern)} needs exactly one year, one month and one day`);
  const bad = (): Error => new Error(`parseDate: ${show(text)} is not a valid date in format ${show(pattern)}`);
  if (typeof text !== 'string') throw bad();
  const m = c.regex.exec(text.trim());
  if (!m) throw bad();
  let year = NaN;
  let month = NaN;
  let day = NaN;
  c.tokens.forEach((t, i) => {
    const v = m[i + 1];
    if (t === 'YYYY') year = Number(v);
    else if (t === 'MONTH') month = monthFromName(v, MONTH_NAMES);
    else if (t === 'Mon') month = monthFromName(v, MONTH_ABBREVIATIONS);
    else if (t === 'MM' || t === 'M') month = Number(v);
    else day = Number(v);
  });
  if (!validParts(year, month, day)) throw bad();
  return make(year, month, day);
}

// ---------------------------------------------------------------------------------------------------
// Instants and JavaScript Dates

function assertValidDate(d: Date, fn: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(ms)) throw new Error(`${fn}: not a valid Date: ${show(d)}`);
  return ms;
}

function fromEpochMs(ms: number, fn: string): CalendarDate {
  const n = Math.floor(ms / MS_PER_DAY);
  if (n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) throw new Error(`${fn}: instant ${show(ms)} is outside years 0001–9999`);
  return fromDayNumber(n);
}

/**
 * The calendar date at a fixed UTC offset at an instant: dateInOffset(Date.now(), -420) is "today" at
 * UTC−07:00. The offset (minutes east of UTC, −1440…1440) must be found by the caller, e.g. from NetSuite's
 * time zone preference and N/format; this module uses no Intl so that it behaves the same everywhere.
 */
export function dateInOffset(nowMs: number, offsetMinutes: number): CalendarDate {
  if (!Number.isFinite(nowMs)) throw new Error(`dateInOffset: bad instant ${show(nowMs)}`);
  if (!Number.isFinite(offsetMinutes) || Math.abs(offsetMinutes) > 1440) {
    throw new Error(`dateInOffset: bad UTC offset in minutes ${show(offsetMinutes)}`);
  }
  return fromEpochMs(nowMs + offsetMinutes * 60_000, 'dateInOffset');
}

/** The UTC calendar date of a Date (its getUTC… parts). */
export function fromJsDateUtc(d: Date): CalendarDate {
  return fromEpochMs(assertValidDate(d, 'fromJsDateUtc'), 'fromJsDateUtc');
}

/** A Date at 00:00:00.000 UTC on the date. */
export function toJsDateUtc(d: CalendarDate): Date {
  return new Date(toDayNumber(d) * MS_PER_DAY);
}

/**
 * The calendar date of a Date read in the JavaScript runtime's own time zone (getFullYear, getMonth,
 * getDate). This is how a NetSuite date field value must be read: record.getValue and search results
 * give a Date at local midnight of the field's date in the script's time zone, i.e. the runtime's own
 * zone (on NetSuite's servers the server zone, typically U.S. Pacific, not the user's preference; in a
 * client script the browser's). Only the local parts are guaranteed to name the field's date: reading
 * the UTC parts works in zones west of UTC by luck and gives the previous day in zones east of it
 * (local midnight in Sydney is 13:00/14:00 UTC the day before), and epoch-millisecond arithmetic breaks
 * across DST changes. Deliberately time-zone dependent: use it only on Dates that came from NetSuite.
 */
export function fromJsDateLocalParts(d: Date): CalendarDate {
  assertValidDate(d, 'fromJsDateLocalParts');
  const year = d.getFullYear();
  const month = d.getMonth() + 1;
  const day = d.getDate();
  if (!validParts(year, month, day)) throw new Error(`fromJsDateLocalParts: ${show(d)} is outside years 0001–9999`);
  return make(year, month, day);
}

/**
 * A Date at local midnight (the runtime's time zone) on the date: the value to give record.setValue for
 * a NetSuite date field. The inverse of fromJsDateLocalParts in every time zone. Where local midnight
 * does not exist (a DST jump at midnight), the Date is the first instant of that day; a date the zone
 * skipped entirely (Pacific/Apia's 2011-12-30) throws rather than silently becoming another day.
 */
export function toJsDateLocalParts(d: CalendarDate): Date {
  const { year, month, day } = dateParts(d);
  const result = new Date(2000, 0, 1, 0, 0, 0, 0);
  result.setFullYear(year, month - 1, day); // setFullYear, unlike new Date(y, …), keeps years 0–99 as given
  result.setHours(0, 0, 0, 0);
  if (result.getFullYear() !== year || result.getMonth() !== month - 1 || result.getDate() !== day) {
    // a whole day skipped by the zone (Pacific/Apia, 2011-12-30): no local instant has this date
    throw new Error(`toJsDateLocalParts: ${d} does not exist in the runtime's time zone`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Month walks

export interface MonthSpan {
  /** 'YYYY-MM'. */
  key: string;
  /** First day of the month. */
  start: CalendarDate;
  /** Last day of the month, or `asOf` for the month of `asOf` when clipped. */
  end: CalendarDate;
  /** Days from start to end inclusive. */
  days: number;
}

/**
 * The `k` calendar months ending with the month of `asOf`, oldest first. The last span ends at `asOf`
 * (a month to date) unless `clipToAsOf` is false, in which case every span is a whole month.
 * monthsBack('2026-03-15', 3) → Jan (31 days), Feb (28 days), 1–15 Mar (15 days).
 */
export function monthsBack(asOf: CalendarDate, k: number, options: { clipToAsOf?: boolean } = {}): MonthSpan[] {
  if (!Number.isInteger(k) || k < 0) throw new Error(`monthsBack: month count must be an integer ≥ 0, got ${show(k)}`);
  const clip = options.clipToAsOf ?? true;
  const first = startOfMonth(asOf);
  const spans: MonthSpan[] = [];
  for (let i = k - 1; i >= 0; i--) {
    const start = addMonths(first, -i);
    const end = i === 0 && clip ? asOf : endOfMonth(start);
    spans.push({ key: start.slice(0, 7), start, end, days: diffDays(end, start) + 1 });
  }
  return spans;
}
