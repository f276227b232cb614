/**
 * Value helpers of the records layer: integer-cent arithmetic and calendar dates ('YYYY-MM-DD').
 */
import { addDays as addIsoDays, dayNumber, isIsoDate, isoFromDate, dateValue, formatDate, parseDate } from '../runtime/values';

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

/** Calendar dates: the emulator's one implementation (runtime/values), under the names this layer uses. */
export { isIsoDate, formatDate, parseDate };

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(s: string, n: number): string {
  return addIsoDays(s, n);
}

/** The local calendar date of a JS Date, as SuiteScript reads date fields. */
export const dateToIso = isoFromDate;

/** A stored date as the Date SuiteScript returns: local midnight of that calendar date. */
export function isoToDate(s: string): Date {
  if (!isIsoDate(s)) throw new Error(`not a date: ${s}`);
  return dateValue(s);
}
