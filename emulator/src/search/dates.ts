/**
 * Calendar-date helpers for search: day numbers (days since 1970-01-01, UTC arithmetic only, never local
 * time), NetSuite date-format preference parsing/formatting, relative date keywords.
 */

const MS_PER_DAY = 86_400_000;
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function validYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days of Date's valid range (±8.64e15 ms). */
const MAX_DATE_DAYS = 100_000_000;

export function dayNumber(y: number, m: number, d: number): number {
  // Integer arithmetic (proleptic Gregorian, as Date's UTC calendar) for the usual case; Date for the rest
  // (month overflow, fractions, NaN, out of Date's range) so results stay identical.
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const day = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    if (day >= -MAX_DATE_DAYS && day <= MAX_DATE_DAYS) return day;
  }
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  dt.setUTCHours(0, 0, 0, 0);
  return Math.round(dt.getTime() / MS_PER_DAY);
}

/** Calendar parts of a day number (fraction ignored: floor). */
export function ymdOf(day: number): Ymd {
  const z0 = Math.floor(day);
  if (z0 >= -MAX_DATE_DAYS && z0 <= MAX_DATE_DAYS) {
    const z = z0 + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return { y, m, d };
  }
  const dt = new Date(z0 * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday. */
export function weekdayOf(day: number): number {
  return (((Math.floor(day) + 4) % 7) + 7) % 7;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function isoOf(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** 'YYYY-MM-DD' (or an ISO datetime, whose date part is taken) → day number; null when not such a string. */
export function parseIso(s: string): number | null {
  // Plain dates repeat a lot within a search (one per row and column): remember them.
  if (typeof s === 'string' && s.length === 10) {
    const hit = isoCache.get(s);
    if (hit !== undefined) return hit;
    const v = parseIsoUncached(s);
    if (isoCache.size >= ISO_CACHE_MAX) isoCache.clear();
    isoCache.set(s, v);
    return v;
  }
  return parseIsoUncached(s);
}

const ISO_CACHE_MAX = 20_000;
const isoCache = new Map<string, number | null>();

function parseIsoUncached(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  return validYmd(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** Fraction of the day of an ISO datetime (UTC time of day), 0 for a plain date. */
export function isoTimeFraction(s: string): number {
  const m = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(s);
  if (!m) return 0;
  return (+m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0)) / 86400;
}

/* ---------------------------------------------------------------------------------------------- */
/* NetSuite date format preferences: M/D/YYYY, D/M/YYYY, MM/DD/YYYY, DD/MM/YYYY, YYYY/MM/DD,        */
/* YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY, DD-Mon-YYYY, D-Mon-YYYY, DD MONTH, YYYY, D MONTH, YYYY, ...     */

type FmtPart = { kind: 'Y' | 'YY' | 'M' | 'MM' | 'MON' | 'MONTH' | 'D' | 'DD' } | { kind: 'lit'; text: string };

function tokenizeUserFormat(fmt: string): FmtPart[] {
  const parts: FmtPart[] = [];
  let i = 0;
  while (i < fmt.length) {
    const rest = fmt.slice(i);
    const up = rest.toUpperCase();
    if (up.startsWith('YYYY')) { parts.push({ kind: 'Y' }); i += 4; }
    else if (up.startsWith('YY')) { parts.push({ kind: 'YY' }); i += 2; }
    else if (up.startsWith('MONTH')) { parts.push({ kind: 'MONTH' }); i += 5; }
    else if (up.startsWith('MON')) { parts.push({ kind: 'MON' }); i += 3; }
    else if (up.startsWith('MM')) { parts.push({ kind: 'MM' }); i += 2; }
    else if (up.startsWith('M')) { parts.push({ kind: 'M' }); i += 1; }
    else if (up.startsWith('DD')) { parts.push({ kind: 'DD' }); i += 2; }
    else if (up.startsWith('D')) { parts.push({ kind: 'D' }); i += 1; }
    else {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit') last.text += fmt[i];
      else parts.push({ kind: 'lit', text: fmt[i] });
      i += 1;
    }
  }
  return parts;
}

const formatCache = new Map<string, FmtPart[]>();

/** Format a day number with a NetSuite date format preference ('M/D/YYYY' default). */
export function formatUserDate(day: number, fmt = 'M/D/YYYY'): string {
  const { y, m, d } = ymdOf(day);
  let parts = formatCache.get(fmt);
  if (!parts) {
    parts = tokenizeUserFormat(fmt);
    if (formatCache.size >= 100) formatCache.clear();
    formatCache.set(fmt, parts);
  }
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'Y': return pad(y, 4);
        case 'YY': return pad(y % 100, 2);
        case 'M': return String(m);
        case 'MM': return pad(m, 2);
        case 'MON': return MONTH_NAMES[m - 1].slice(0, 3);
        case 'MONTH': return MONTH_NAMES[m - 1];
        case 'D': return String(d);
        case 'DD': return pad(d, 2);
        default: return p.text;
      }
    })
    .join('');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parse a date typed in a NetSuite date format preference; null when it does not match or is invalid. */
export function parseUserDate(s: string, fmt = 'M/D/YYYY'): number | null {
  const parts = tokenizeUserFormat(fmt);
  let re = '^';
  const order: FmtPart['kind'][] = [];
  for (const p of parts) {
    if (p.kind === 'lit') re += escapeRe(p.text).replace(/ /g, '\\s*');
    else {
      order.push(p.kind);
      re += p.kind === 'MON' || p.kind === 'MONTH' ? '([A-Za-z]+)' : p.kind === 'Y' ? '(\\d{4})' : '(\\d{1,2})';
    }
  }
  const m = new RegExp(re + '$').exec(s.trim());
  if (!m) return null;
  let y = NaN, mo = NaN, d = NaN;
  order.forEach((k, i) => {
    const v = m[i + 1];
    if (k === 'Y') y = +v;
    else if (k === 'YY') y = 2000 + +v;
    else if (k === 'M' || k === 'MM') mo = +v;
    else if (k === 'MON' || k === 'MONTH') {
      const idx = MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)) && (k === 'MON' ? v.length === 3 : n.toLowerCase() === v.toLowerCase()));
      mo = idx + 1;
    } else d = +v;
  });
  return validYmd(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** '3:05 pm' style time of an ISO datetime (UTC). Used for datetime columns. */
export function formatUserTime(iso: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return '';
  const h = +m[1];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${m[2]} ${h < 12 ? 'am' : 'pm'}`;
}

/* ---------------------------------------------------------------------------------------------- */
/* Relative date keywords of search filters.                                                       */

export interface DayRange {
  start: number;
  end: number;
}

export function startOfMonth(day: number): number {
  const { y, m } = ymdOf(day);
  return dayNumber(y, m, 1);
}
export function endOfMonth(day: number): number {
  const { y, m } = ymdOf(day);
  return dayNumber(y, m, daysInMonth(y, m));
}
export function addMonthsClamped(day: number, n: number): number {
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12), nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Relative date keywords (lowercase). Each gives a range; single days have start = end.
 * Fiscal periods are approximated by calendar periods (see FIDELITY.md). Weeks start on Sunday.
 */
export function relativeDateRange(keyword: string, today: number): DayRange | null {
  const k = keyword.toLowerCase().replace(/\s+/g, '');
  const one = (d: number): DayRange => ({ start: d, end: d });
  let m = /^(\d+)?daysago(\d+)?$/.exec(k);
  if (m && (m[1] || m[2])) return one(today - Number(m[1] ?? m[2]));
  m = /^(\d+)?daysfromnow(\d+)?$/.exec(k);
  if (m && (m[1] || m[2])) return one(today + Number(m[1] ?? m[2]));
  m = /^(\d+)?(weeks|months|years)(ago|fromnow)(\d+)?$/.exec(k);
  if (m && (m[1] || m[4])) {
    const n = Number(m[1] ?? m[4]) * (m[3] === 'ago' ? -1 : 1);
    if (m[2] === 'weeks') return one(today + 7 * n);
    return one(addMonthsClamped(today, m[2] === 'months' ? n : 12 * n));
  }
  const { y } = ymdOf(today);
  const month = (offset: number): DayRange => {
    const s = startOfMonth(addMonthsClamped(startOfMonth(today), offset));
    return { start: s, end: endOfMonth(s) };
  };
  const year = (offset: number): DayRange => ({ start: dayNumber(y + offset, 1, 1), end: dayNumber(y + offset, 12, 31) });
  const week = (offset: number): DayRange => {
    const s = today - weekdayOf(today) + 7 * offset;
    return { start: s, end: s + 6 };
  };
  const quarter = (offset: number): DayRange => {
    const { m: mo } = ymdOf(today);
    const s = addMonthsClamped(dayNumber(y, Math.floor((mo - 1) / 3) * 3 + 1, 1), 3 * offset);
    return { start: s, end: endOfMonth(addMonthsClamped(s, 2)) };
  };
  const toDate = (r: DayRange): DayRange => ({ start: r.start, end: today });
  switch (k) {
    case 'today': return one(today);
    case 'yesterday': return one(today - 1);
    case 'tomorrow': return one(today + 1);
    case 'thisweek': return week(0);
    case 'lastweek': return week(-1);
    case 'nextweek': return week(1);
    case 'thisweektodate': return toDate(week(0));
    case 'thismonth': return month(0);
    case 'lastmonth': return month(-1);
    case 'nextmonth': return month(1);
    case 'thismonthtodate': return toDate(month(0));
    case 'thisquarter': case 'thisfiscalquarter': return quarter(0);
    case 'lastquarter': case 'lastfiscalquarter': return quarter(-1);
    case 'thisyear': case 'thisfiscalyear': return year(0);
    case 'lastyear': case 'lastfiscalyear': return year(-1);
    case 'nextyear': case 'nextfiscalyear': return year(1);
    case 'thisyeartodate': case 'thisfiscalyeartodate': return toDate(year(0));
    case 'startofthisweek': return one(week(0).start);
    case 'startoflastweek': return one(week(-1).start);
    case 'startofthismonth': return one(month(0).start);
    case 'endofthismonth': return one(month(0).end);
    case 'startoflastmonth': return one(month(-1).start);
    case 'endoflastmonth': return one(month(-1).end);
    case 'startofnextmonth': return one(month(1).start);
    case 'startofthisquarter': case 'startofthisfiscalquarter': return one(quarter(0).start);
    case 'endofthisquarter': case 'endofthisfiscalquarter': return one(quarter(0).end);
    case 'startofthisyear': case 'startofthisfiscalyear': return one(year(0).start);
    case 'endofthisyear': case 'endofthisfiscalyear': return one(year(0).end);
    case 'startoflastyear': case 'startoflastfiscalyear': return one(year(-1).start);
    case 'endoflastyear': case 'endoflastfiscalyear': return one(year(-1).end);
    default: return null;
  }
}
