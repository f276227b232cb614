/**
 * Date conversions between NetSuite's user date format (the DATEFORMAT preference, e.g. 'M/D/YYYY') and
 * the ISO 'YYYY-MM-DD' that an HTML `<input type="date">` needs. NetSuite posts date fields in the user's
 * format; the emulator renders date inputs as `type="date"` and converts the posted ISO value back (see
 * http.ts parseFormPost), so the Suitelet sees what NetSuite would send it.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const TOKEN = /YYYY|MONTH|Mon|MM|DD|M|D/g;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO 'YYYY-MM-DD' → the user's date format. Returns the input unchanged when it is not ISO. */
export function isoToUserDate(iso: string, format: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return format.replace(TOKEN, (t) => {
    switch (t) {
      case 'YYYY':
        return String(y);
      case 'MONTH':
        return MONTHS_LONG[mo - 1] ?? '';
      case 'Mon':
        return MONTHS[mo - 1] ?? '';
      case 'MM':
        return pad2(mo);
      case 'M':
        return String(mo);
      case 'DD':
        return pad2(d);
      default:
        return String(d);
    }
  });
}

/** A date string in the user's format (or ISO) → ISO 'YYYY-MM-DD'; null when it cannot be read. */
export function userDateToIso(value: string, format: string): string | null {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const order: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    pattern += format.slice(last, match.index).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    order.push(match[0]);
    pattern += match[0] === 'YYYY' ? '(\\d{4})' : match[0] === 'Mon' || match[0] === 'MONTH' ? '([A-Za-z]+)' : '(\\d{1,2})';
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += format.slice(last).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const m = new RegExp(`^${pattern}$`).exec(s);
  if (!m) return null;
  let y = 0;
  let mo = 0;
  let d = 0;
  order.forEach((t, i) => {
    const v = m[i + 1] ?? '';
    if (t === 'YYYY') y = Number(v);
    else if (t === 'Mon' || t === 'MONTH') mo = MONTHS.findIndex((n) => n.toLowerCase() === v.slice(0, 3).toLowerCase()) + 1;
    else if (t === 'MM' || t === 'M') mo = Number(v);
    else d = Number(v);
  });
  if (!y || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/** A Date (local calendar date, as N/format.parse returns) → ISO 'YYYY-MM-DD'. */
export function dateToIso(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}
