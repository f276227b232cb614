/** Small value helpers shared by the emulator's modules: calendar dates and formats, without time zones. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoFromParts(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000);
  return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/**
 * True for a Date of any realm: compiled scripts are evaluated in the host's main context, which under
 * Jest is another realm than the emulator's modules, so `instanceof Date` would refuse a script's Date.
 */
export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A SuiteScript Date value for a calendar date: local midnight of that date (what record.getValue returns). */
export function dateValue(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The calendar date a script means by a Date value (its local date parts). */
export function isoFromDate(d: Date): string {
  return isoFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Format an ISO date with a NetSuite date preference ('M/D/YYYY', 'DD/MM/YYYY', 'DD-Mon-YYYY', ...). */
export function formatDate(iso: string, pattern: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return pattern.replace(/YYYY|MONTH|Mon|MM|M|DD|D/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        return String(y);
      case 'MONTH':
        return MONTHS[m - 1].toUpperCase();
      case 'Mon':
        return MONTHS[m - 1];
      case 'MM':
        return String(m).padStart(2, '0');
      case 'M':
        return String(m);
      case 'DD':
        return String(d).padStart(2, '0');
      default:
        return String(d);
    }
  });
}

/** Parse a date written with a NetSuite date preference; null when it is not a real date in that format. */
export function parseDate(text: string, pattern: string): string | null {
  if (isIsoDate(text as unknown)) return text;
  const parts: string[] = [];
  const re = pattern.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`).replace(/YYYY|MONTH|Mon|MM|M|DD|D/g, (tok) => {
    parts.push(tok);
    if (tok === 'YYYY') return '(\\d{4})';
    if (tok === 'Mon' || tok === 'MONTH') return '([A-Za-z]{3})';
    return '(\\d{1,2})';
  });
  const m = new RegExp(`^${re}$`).exec(text.trim());
  if (!m) return null;
  let y = 0;
  let mo = 0;
  let d = 0;
  parts.forEach((p, i) => {
    const v = m[i + 1];
    if (p === 'YYYY') y = Number(v);
    else if (p === 'Mon' || p === 'MONTH') mo = MONTHS.findIndex((x) => x.toLowerCase() === v.toLowerCase()) + 1;
    else if (p.startsWith('M')) mo = Number(v);
    else d = Number(v);
  });
  const iso = isoFromParts(y, mo, d);
  return isIsoDate(iso) ? iso : null;
}

/** Round to cents without binary drift. */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON * Math.sign(n)) * 100) / 100;
}

export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
