/**
 * Value helpers of the records layer: integer-cent arithmetic and calendar dates ('YYYY-MM-DD').
 */

/** Amount → integer cents (half away from zero, robust to binary fractions such as 1.005). */
export function toCents(n: number): number {
  const scaled = n * 100;
  const r = Math.round(Math.abs(scaled) + 1e-7);
  return scaled < 0 ? -r : r;
}

export function fromCents(c: number): number {
  return c / 100;
}

/** Round to 2 decimals, as amounts are stored. */
export function round2(n: number): number {
  return fromCents(toCents(n));
}

/** Foreign cents × exchange rate → base cents. */
export function toBase(cents: number, rate: number): number {
  const v = cents * rate;
  const r = Math.round(Math.abs(v) + 1e-7);
  return v < 0 ? -r : r;
}

export function formatCents(c: number): string {
  return (c / 100).toFixed(2);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function utcDays(s: string): number {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000;
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return Math.round(utcDays(b) - utcDays(a));
}

export function addDays(s: string, n: number): string {
  const d = new Date((utcDays(s) + n) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The local calendar date of a JS Date, as SuiteScript reads date fields. */
export function dateToIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A stored date as the Date SuiteScript returns: local midnight of that calendar date. */
export function isoToDate(s: string): Date {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return new Date(+m[1], +m[2] - 1, +m[3]);
}

/** Format a 'YYYY-MM-DD' date with a NetSuite date format preference ('M/D/YYYY', 'DD.MM.YYYY', ...). */
export function formatDate(iso: string, format: string): string {
  const m = DATE_RE.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [m[1], m[2], m[3]];
  return format.replace(/YYYY|MM|M|DD|D/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        return y;
      case 'MM':
        return mo;
      case 'M':
        return String(+mo);
      case 'DD':
        return d;
      default:
        return String(+d);
    }
  });
}

/** Parse a date written with a NetSuite date format ('M/D/YYYY' …) or ISO; null when not a date. */
export function parseDate(text: string, format: string): string | null {
  const raw: unknown = text;
  if (isIsoDate(raw)) return raw;
  const order: string[] = [];
  const re = new RegExp(
    '^' +
      format.replace(/YYYY|MM|M|DD|D|[.*+?^${}()|[\]\\/-]/g, (tok) => {
        if (tok === 'YYYY') {
          order.push('y');
          return '(\\d{4})';
        }
        if (tok === 'MM' || tok === 'M') {
          order.push('m');
          return '(\\d{1,2})';
        }
        if (tok === 'DD' || tok === 'D') {
          order.push('d');
          return '(\\d{1,2})';
        }
        return '\\' + tok;
      }) +
      '$',
  );
  const m = re.exec(text.trim());
  if (!m) return null;
  const parts: Record<string, string> = {};
  order.forEach((k, i) => (parts[k] = m[i + 1]));
  const iso = `${parts.y}-${parts.m.padStart(2, '0')}-${parts.d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
