/** N/format: values to and from the user's display formats (date preference, number format). */
import type { ExecContext, ModuleFactory } from '../types';
import { createError, requireArg } from '../runtime/errors';
import { formatDate, isoFromDate, parseDate, dateValue } from '../runtime/values';

export const Type = {
  CHECKBOX: 'checkbox',
  CURRENCY: 'currency',
  CURRENCY2: 'currency2',
  DATE: 'date',
  DATETIME: 'datetime',
  DATETIMETZ: 'datetimetz',
  EMAILS: 'emails',
  FLOAT: 'float',
  INTEGER: 'integer',
  NONNEGCURRENCY: 'nonnegcurrency',
  NONNEGFLOAT: 'nonnegfloat',
  PERCENT: 'percent',
  PHONE: 'phone',
  POSCURRENCY: 'poscurrency',
  POSFLOAT: 'posfloat',
  POSINTEGER: 'posinteger',
  RATE: 'rate',
  TEXT: 'text',
  TEXTAREA: 'textarea',
  TIMEOFDAY: 'timeofday',
  URL: 'url',
} as const;

export function dateFormatOf(ctx: ExecContext): string {
  return ctx.user.preferences.DATEFORMAT || ctx.account.state.company.dateFormat || 'M/D/YYYY';
}

function toNumber(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  return n;
}

function groupThousands(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export const createFormatModule: ModuleFactory = (ctx) => ({
  Type,
  Timezone: { AMERICA_NEW_YORK: 'America/New_York', AMERICA_LOS_ANGELES: 'America/Los_Angeles', EUROPE_LONDON: 'Europe/London', ETC_UTC: 'Etc/UTC' },
  format(options: { value: unknown; type: string; timezone?: string }) {
    const type = requireArg(options, 'type', 'format.format') as string;
    const value = options.value;
    if (value === null || value === undefined || value === '') return '';
    switch (type) {
      case Type.DATE:
      case Type.DATETIME:
      case Type.DATETIMETZ: {
        const d = value instanceof Date ? value : new Date(String(value));
        if (Number.isNaN(d.getTime())) throw createError('INVALID_FLD_VALUE', `format.format: ${String(value)} is not a date`);
        const date = formatDate(isoFromDate(d), dateFormatOf(ctx));
        if (type === Type.DATE) return date;
        const h = d.getHours();
        return `${date} ${((h + 11) % 12) + 1}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
      }
      case Type.CURRENCY:
      case Type.CURRENCY2:
      case Type.NONNEGCURRENCY:
      case Type.POSCURRENCY:
        return groupThousands(toNumber(value), 2);
      case Type.FLOAT:
      case Type.NONNEGFLOAT:
      case Type.POSFLOAT:
      case Type.RATE:
        return String(toNumber(value));
      case Type.INTEGER:
      case Type.POSINTEGER:
        return String(Math.trunc(toNumber(value)));
      case Type.PERCENT:
        return `${toNumber(value).toFixed(1)}%`;
      case Type.CHECKBOX:
        return value === true || value === 'T' ? 'T' : 'F';
      default:
        return String(value);
    }
  },
  parse(options: { value: unknown; type: string; timezone?: string }) {
    const type = requireArg(options, 'type', 'format.parse') as string;
    const value = options.value;
    if (value === null || value === undefined || value === '') return type === Type.DATE ? null : '';
    switch (type) {
      case Type.DATE:
      case Type.DATETIME:
      case Type.DATETIMETZ: {
        if (value instanceof Date) return value;
        const iso = parseDate(String(value).split(' ')[0], dateFormatOf(ctx));
        // NetSuite returns the unparsed string when the value does not match the date preference.
        return iso ? dateValue(iso) : value;
      }
      case Type.CURRENCY:
      case Type.CURRENCY2:
      case Type.FLOAT:
      case Type.INTEGER:
      case Type.POSINTEGER:
      case Type.NONNEGCURRENCY:
      case Type.POSCURRENCY:
      case Type.RATE:
      case Type.PERCENT: {
        const n = toNumber(String(value).replace('%', ''));
        return Number.isNaN(n) ? value : type === Type.INTEGER || type === Type.POSINTEGER ? Math.trunc(n) : n;
      }
      case Type.CHECKBOX:
        return value === true || value === 'T';
      default:
        return String(value);
    }
  },
});
