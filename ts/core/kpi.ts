/**
 * Receivables KPIs for the AR dashboard portlets: DSO (standard and countback), best possible DSO,
 * average days delinquent, CEI (Credit Research Foundation form), unapplied cash, days to pay, AR as
 * of an earlier date from a ledger, the 12-month DSO trend, and the aging rows.
 *
 * Definitions: the project's "Receivables KPIs" reference (the test vectors are carried in
 * tests/unit/core/kpi.test.ts). Inputs are already aggregated (the portlet gets them from NetSuite summary
 * searches), in minor units (`Minor`) of the subsidiary's base currency.
 *
 * Currencies. The KPI layer never adds amounts of different currencies. Every amount carries its
 * currency: a scalar amount is a `Money` ({ currency, amount }); a bulk input (a `Ledger`, the aging
 * bucket totals) carries one `currency` for all its amounts. Every function checks that all the
 * currencies it is given are the same and throws an Error naming them otherwise. Currency codes are
 * compared exactly (use one convention, e.g. ISO 4217 'USD' or NetSuite's currency id, throughout).
 *
 * Signs. Amounts that are magnitudes by nature (invoice totals, applications, credit memo and payment
 * amounts, unapplied credits and deposits, paid invoice amounts) must be ≥ 0: a negative one throws,
 * which catches a search that returns credit memos with a minus sign. Sales and AR balances may be
 * negative (credit memos larger than invoices; credits larger than open invoices).
 *
 * Arithmetic and rounding. Every KPI is computed exactly as a ratio of BigInts (no floating-point
 * products, sums or quotients of amounts, so no overflow and no drift however large the sums) and
 * only then converted to the nearest `number` (correctly rounded). Nothing is rounded before
 * presentation, except the `share` of the aging rows, which is a presentation value. Presentation
 * (`formatMetric`, `share`) rounds half away from zero to one decimal: 45.05 → '45.1', -45.05 → '-45.1',
 * 0.04 → '0.0' (never '-0.0'). `formatMetric` reads a number as the decimal `String(n)` writes (the
 * shortest decimal that round-trips), so a KPI whose exact value is a tie such as 45.05 rounds up as it
 * should, whatever its binary approximation. (Only an exact value that is not a tie but lies within
 * about 1e-15 relative of one could round the other way; KPIs of real ledgers do not come that close.
 * A double keeps a tenths digit only below ~1e14, so values beyond that — a DSO of trillions of days
 * from absurd inputs — are shown to the double's precision; the tests hold exactness below 1e12.)
 *
 * Undefined KPIs are `null` (the portlet shows "n/a"), never NaN, Infinity or a division error.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl, no clock. Dates are `CalendarDate`s.
 */
import { BUCKETS, BUCKET_KEYS, type BucketKey, type BucketTotals } from './aging';
import { type CalendarDate, addDays, dateParts, daysInYearMonth, diffDays, isValidIsoDate, monthsBack } from './dates';
import { type Minor, decimalOfNumber, isMinor, percentOf, scaleRound } from './money';

// ---------------------------------------------------------------------------------------------------
// Amounts with their currency

/** A currency code (e.g. 'USD' or a NetSuite currency id); non-empty; compared exactly. */
export type CurrencyCode = string;

/** An amount in minor units together with the currency it is in. */
export interface Money {
  readonly currency: CurrencyCode;
  readonly amount: Minor;
}

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

function checkCurrency(c: unknown, fn: string): CurrencyCode {
  if (typeof c !== 'string' || c === '') throw new Error(`${fn}: currency must be a non-empty string, got ${show(c)}`);
  return c;
}

function checkAmount(m: unknown, fn: string, what: string): Minor {
  if (!isMinor(m)) throw new Error(`${fn}: ${what} must be integer minor units, got ${show(m)}`);
  return m;
}

function checkMoney(m: Money, fn: string, what: string): void {
  if (m === null || typeof m !== 'object') throw new Error(`${fn}: ${what} must be a Money { currency, amount }, got ${show(m)}`);
  checkCurrency(m.currency, `${fn}: ${what}`);
  checkAmount(m.amount, fn, what);
}

/** Makes a Money; throws unless `amount` is a safe integer of minor units and `currency` is non-empty. */
export function money(currency: CurrencyCode, amount: Minor | number): Money {
  checkCurrency(currency, 'money');
  const a = checkAmount(amount, 'money', 'amount');
  return { currency, amount: (a === 0 ? 0 : a) as Minor };
}

/**
 * The one currency shared by the named inputs; throws naming the inputs and currencies on a mix
 * (or when there is no input at all).
 */
function oneCurrency(fn: string, inputs: [string, CurrencyCode][]): CurrencyCode {
  if (inputs.length === 0) throw new Error(`${fn}: no amounts, so no currency`);
  const first = inputs[0][1];
  for (const [, c] of inputs) {
    if (c !== first) {
      const list = inputs.map(([name, cur]) => `${name} ${show(cur)}`).join(', ');
      throw new Error(`${fn}: amounts in different currencies cannot be combined (${list})`);
    }
  }
  return first;
}

function moneyCurrency(fn: string, named: Record<string, Money>): CurrencyCode {
  const entries = Object.entries(named);
  for (const [name, m] of entries) checkMoney(m, fn, name);
  return oneCurrency(
    fn,
    entries.map(([name, m]) => [name, m.currency]),
  );
}

function checkMagnitude(m: Minor, fn: string, what: string): void {
  if (m < 0) throw new Error(`${fn}: ${what} must be ≥ 0 (give it as a positive magnitude), got ${m}`);
}

function checkPeriodDays(days: unknown, fn: string): number {
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 1) {
    throw new Error(`${fn}: period days must be a positive integer, got ${show(days)}`);
  }
  return days;
}

function checkDate(d: unknown, fn: string, what: string): CalendarDate {
  if (!isValidIsoDate(d)) throw new Error(`${fn}: ${what} must be a 'YYYY-MM-DD' date, got ${show(d)}`);
  return d;
}

// ---------------------------------------------------------------------------------------------------
// Exact ratios → numbers

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * The number nearest to n ÷ d (d > 0), correctly rounded: when both fit in 53 bits, one IEEE division
 * (which is correctly rounded); otherwise a quotient of at least 64 bits with a sticky bit for the
 * remainder, converted once (BigInt → Number rounds to nearest).
 */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  const a = neg ? -n : n;
  let r: number;
  if (a <= SAFE && d <= SAFE) {
    r = Number(a) / Number(d);
  } else {
    const shift = Math.max(0, 64 - (bitLength(a) - bitLength(d)));
    const scaled = a << BigInt(shift);
    let q = scaled / d;
    if (scaled % d !== 0n) q |= 1n;
    r = Number(q) / 2 ** shift;
  }
  return neg ? -r : r;
}

// ---------------------------------------------------------------------------------------------------
// Exact decimals of numbers (presentation)

/** An integer count of 10^-digits units as text: (-451, 1) → '-45.1'. */
function fixedText(units: bigint, digits: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return neg ? `-${body}` : body;
}

function isDefined(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * A KPI value as text for the portlet (its `data-value`): rounded half away from zero to `digits`
 * decimals (default 1) on the decimal `String(value)` writes: 45 → '45.0', 73.7142… → '73.7',
 * 45.05 → '45.1', -0.04 → '0.0'. '' when the value is not defined (null, undefined, NaN, ±Infinity).
 */
export function formatMetric(value: number | null | undefined, digits = 1): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 12) {
    throw new Error(`formatMetric: digits must be an integer from 0 to 12, got ${show(digits)}`);
  }
  if (!isDefined(value)) return '';
  return fixedText(scaleRound(decimalOfNumber(value, 'formatMetric'), digits), digits);
}

/** A KPI value rounded half away from zero to `digits` decimals (default 1), as a number; null stays null. */
export function roundMetric(value: number | null | undefined, digits = 1): number | null {
  const text = formatMetric(value, digits);
  return text === '' ? null : Number(text);
}

// ---------------------------------------------------------------------------------------------------
// Reference medians

/**
 * Credit Research Foundation national medians (Q1 2021), shown beside the KPIs. Percentages are of
 * total AR; `pctOver91Days` has two decimals (show it with formatMetric(v, 2)).
 */
export const CRF_MEDIANS = Object.freeze({
  dso: 38.0,
  bestPossibleDso: 32.0,
  averageDaysDelinquent: 3.0,
  cei: 86.5,
  pctCurrent: 90.6,
  pctOver91Days: 0.56,
});
export const CRF_MEDIANS_SOURCE = 'Credit Research Foundation national medians, Q1 2021';

// ---------------------------------------------------------------------------------------------------
// DSO, best possible DSO, average days delinquent

export interface DsoInput {
  /** AR_end: Net AR at asOf (open invoices − unapplied credits). */
  arEnd: Money;
  /** Sales_N: invoice totals dated in (asOf − N, asOf] minus credit memo totals dated in it. */
  sales: Money;
  /** N, the period length in days (a positive integer; 90 by the project's default). */
  days: number;
}

/** amount × days ÷ sales, or null when sales ≤ 0. */
function daysOfSales(amount: Minor, sales: Minor, days: number): number | null {
  if (sales <= 0) return null;
  return ratioToNumber(BigInt(amount) * BigInt(days), BigInt(sales));
}

/**
 * DSO, standard (period) method: AR_end ÷ Sales_N × N, in days, unrounded.
 * null when Sales_N ≤ 0 (no sales, or credit memos larger than invoices). Negative when AR_end is.
 * Vector: AR_end 15,000, Sales_30 10,000, N 30 → 45.
 */
export function dso(input: DsoInput): number | null {
  const fn = 'dso';
  moneyCurrency(fn, { arEnd: input.arEnd, sales: input.sales });
  return daysOfSales(input.arEnd.amount, input.sales.amount, checkPeriodDays(input.days, fn));
}

export interface BestPossibleDsoInput {
  /** AR_current: open invoice amount not yet past due (age ≤ 0) at asOf. */
  arCurrent: Money;
  /** Sales_N, on the same basis as for dso(). */
  sales: Money;
  days: number;
}

/** Best possible DSO: AR_current ÷ Sales_N × N; null when Sales_N ≤ 0. Vector: 4,000, 10,000, 30 → 12. */
export function bestPossibleDso(input: BestPossibleDsoInput): number | null {
  const fn = 'bestPossibleDso';
  moneyCurrency(fn, { arCurrent: input.arCurrent, sales: input.sales });
  return daysOfSales(input.arCurrent.amount, input.sales.amount, checkPeriodDays(input.days, fn));
}

export interface AverageDaysDelinquentInput {
  arEnd: Money;
  arCurrent: Money;
  sales: Money;
  days: number;
}

/**
 * Average days delinquent: DSO − BPDSO, with the same N and Sales_N; null when either is undefined
 * (Sales_N ≤ 0). Vector: 45 − 12 → 33. It is ≥ 0 whenever AR_current ≤ AR_end.
 *
 * Two forms:
 * - averageDaysDelinquent({ arEnd, arCurrent, sales, days }): exact, (AR_end − AR_current) × N ÷ Sales_N
 *   as one ratio (prefer it when the inputs are at hand);
 * - averageDaysDelinquent(dso, bpdso): from the two KPI values, subtracting exactly the decimals the two
 *   numbers write (45.05 − 12 = 33.05, not 33.04999…). When DSO and BPDSO are repeating decimals the
 *   difference carries their rounding, up to ~1e-15 × DSO (1e-12 days for a DSO of 1,000), which
 *   matters only at a rounding tie.
 */
export function averageDaysDelinquent(input: AverageDaysDelinquentInput): number | null;
export function averageDaysDelinquent(dsoValue: number | null, bpdsoValue: number | null): number | null;
export function averageDaysDelinquent(
  first: AverageDaysDelinquentInput | number | null,
  bpdsoValue?: number | null,
): number | null {
  if (first !== null && typeof first === 'object') {
    const fn = 'averageDaysDelinquent';
    moneyCurrency(fn, { arEnd: first.arEnd, arCurrent: first.arCurrent, sales: first.sales });
    const days = checkPeriodDays(first.days, fn);
    if (first.sales.amount <= 0) return null;
    const diff = BigInt(first.arEnd.amount) - BigInt(first.arCurrent.amount);
    const r = ratioToNumber(diff * BigInt(days), BigInt(first.sales.amount));
    return r === 0 ? 0 : r;
  }
  const dsoValue = first;
  if (!isDefined(dsoValue) || !isDefined(bpdsoValue)) return null;
  const a = decimalOfNumber(dsoValue, 'averageDaysDelinquent');
  const b = decimalOfNumber(bpdsoValue, 'averageDaysDelinquent');
  const e = Math.min(a.exp, b.exp);
  const diff = a.mantissa * 10n ** BigInt(a.exp - e) - b.mantissa * 10n ** BigInt(b.exp - e);
  const r = e >= 0 ? Number(diff * 10n ** BigInt(e)) : ratioToNumber(diff, 10n ** BigInt(-e));
  return r === 0 ? 0 : r;
}

// ---------------------------------------------------------------------------------------------------
// DSO, countback method

export interface MonthlySales {
  /** 'YYYY-MM'. */
  month: string;
  /**
   * Net sales (invoices − credit memos) dated in the month; for the month of asOf, only those dated
   * on or before asOf.
   */
  sales: Money;
}

export interface CountbackDsoInput {
  /** AR_end at asOf. */
  arEnd: Money;
  asOf: CalendarDate;
  /**
   * Sales by calendar month, any order, at most one entry a month. A month missing from the list has
   * no sales (it adds all its days). Months after the month of asOf are rejected; months more than 24
   * months back are never reached.
   */
  monthlySales: readonly MonthlySales[];
  /**
   * Month lengths: 'calendar' (default, production) counts each earlier month's real length and the
   * month of asOf up to and including asOf; a number (e.g. 30, the textbook convention) counts every
   * month, the month of asOf included, as that many days.
   */
  monthDays?: 'calendar' | number;
}

/** How far the countback walk goes, the month of asOf included. */
export const COUNTBACK_MAX_MONTHS = 24;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * DSO, countback method. Walks back over calendar months from the month of asOf (which counts only
 * its days up to and including asOf, with the sales dated in that part). While the remaining AR is at
 * least the month's sales, subtracts them and adds the month's days; then adds (remaining ÷ the
 * month's sales) × the month's days and stops. A month with sales ≤ 0 adds all its days and the walk
 * goes on; after 24 months the walk stops with the days counted so far (so the result never exceeds
 * the days of those 24 months).
 *
 * Taken literally, as the definition says: AR_end = 0 gives 0 unless the walk first meets months with
 * sales ≤ 0 (their days are counted); a negative AR_end gives a negative fraction of the first month
 * with positive sales (after the days of any months with sales ≤ 0 before it).
 * Vector (30-day months): AR 212,000; sales 100,000, 80,000, 70,000 → 30 + 30 + 32/70 × 30 = 73.714…
 */
export function countbackDso(input: CountbackDsoInput): number {
  const fn = 'countbackDso';
  const asOf = checkDate(input.asOf, fn, 'asOf');
  checkMoney(input.arEnd, fn, 'arEnd');
  const named: [string, CurrencyCode][] = [['arEnd', input.arEnd.currency]];
  const monthDays = input.monthDays ?? 'calendar';
  if (monthDays !== 'calendar' && (typeof monthDays !== 'number' || !Number.isInteger(monthDays) || monthDays < 1 || monthDays > 31)) {
    throw new Error(`${fn}: monthDays must be 'calendar' or an integer from 1 to 31, got ${show(monthDays)}`);
  }
  const { year, month, day } = dateParts(asOf);
  const asOfIndex = year * 12 + (month - 1);
  const byIndex = new Map<number, Minor>();
  if (!Array.isArray(input.monthlySales)) throw new Error(`${fn}: monthlySales must be an array`);
  for (const entry of input.monthlySales) {
    const m = typeof entry?.month === 'string' ? MONTH_RE.exec(entry.month) : null;
    if (!m) throw new Error(`${fn}: month must be 'YYYY-MM', got ${show(entry?.month)}`);
    checkMoney(entry.sales, fn, `sales of ${entry.month}`);
    named.push([`sales of ${entry.month}`, entry.sales.currency]);
    const index = Number(m[1]) * 12 + (Number(m[2]) - 1);
    if (index > asOfIndex) throw new Error(`${fn}: sales for ${entry.month} are after the month of asOf ${asOf}`);
    if (byIndex.has(index)) throw new Error(`${fn}: two entries for month ${entry.month}`);
    byIndex.set(index, entry.sales.amount);
  }
  oneCurrency(fn, named);

  // days = whole days counted + the fraction (num / den) added by the last month
  let whole = 0;
  let remaining = BigInt(input.arEnd.amount);
  for (let i = 0; i < COUNTBACK_MAX_MONTHS; i++) {
    const index = asOfIndex - i;
    const y = Math.floor(index / 12);
    if (y < 1) break; // before year 0001: nothing more to walk
    const length =
      monthDays !== 'calendar' ? monthDays : i === 0 ? day : daysInYearMonth(y, index - y * 12 + 1);
    const sales = BigInt(byIndex.get(index) ?? 0);
    if (sales <= 0n || remaining >= sales) {
      remaining -= sales > 0n ? sales : 0n;
      whole += length;
      continue;
    }
    // (whole × sales + remaining × length) ÷ sales
    return ratioToNumber(BigInt(whole) * sales + remaining * BigInt(length), sales);
  }
  return whole;
}

// ---------------------------------------------------------------------------------------------------
// Collection Effectiveness Index

export interface CeiInput {
  /** AR_begin: gross open invoice AR as of asOf − N (from the ledger: arAsOf(...).gross). */
  arBegin: Money;
  /** Sales_N over (asOf − N, asOf]. */
  sales: Money;
  /** N in days; M = N ÷ 30 months. */
  days: number;
  /** AR_end_total: gross open invoice AR at asOf. */
  arEndTotal: Money;
  /** AR_end_current: the part of AR_end_total not yet past due (never "under 60 days"). */
  arEndCurrent: Money;
}

/**
 * Collection Effectiveness Index, Credit Research Foundation form, as a percentage:
 * (AR_begin + Sales_N ÷ M − AR_end_total) ÷ (AR_begin + Sales_N ÷ M − AR_end_current) × 100, M = N ÷ 30.
 * Computed exactly as (N·AR_begin + 30·Sales − N·AR_end_total) ÷ (N·AR_begin + 30·Sales − N·AR_end_current)
 * × 100. null when the denominator is ≤ 0.
 * Vector: 6,200; 10,890; 90 days; 6,340; 3,590 → 3,490 ÷ 6,240 × 100 = 55.929…
 */
export function cei(input: CeiInput): number | null {
  const fn = 'cei';
  moneyCurrency(fn, {
    arBegin: input.arBegin,
    sales: input.sales,
    arEndTotal: input.arEndTotal,
    arEndCurrent: input.arEndCurrent,
  });
  const n = BigInt(checkPeriodDays(input.days, fn));
  const base = n * BigInt(input.arBegin.amount) + 30n * BigInt(input.sales.amount);
  const num = base - n * BigInt(input.arEndTotal.amount);
  const den = base - n * BigInt(input.arEndCurrent.amount);
  if (den <= 0n) return null;
  return ratioToNumber(num * 100n, den);
}

// ---------------------------------------------------------------------------------------------------
// Unapplied cash, days to pay

export interface UnappliedCashInput {
  /** Unapplied customer payments (amount unapplied), ≥ 0. */
  unappliedPayments: Money;
  /** Open credit memos (amount remaining), ≥ 0. */
  openCredits: Money;
  /** Gross open invoice AR (amount remaining of open invoices). */
  grossOpenAr: Money;
}

/** (unapplied payments + open credit memos) ÷ gross open invoice AR × 100; null when gross open AR ≤ 0. */
export function unappliedCashPct(input: UnappliedCashInput): number | null {
  const fn = 'unappliedCashPct';
  moneyCurrency(fn, {
    unappliedPayments: input.unappliedPayments,
    openCredits: input.openCredits,
    grossOpenAr: input.grossOpenAr,
  });
  checkMagnitude(input.unappliedPayments.amount, fn, 'unappliedPayments');
  checkMagnitude(input.openCredits.amount, fn, 'openCredits');
  if (input.grossOpenAr.amount <= 0) return null;
  const part = BigInt(input.unappliedPayments.amount) + BigInt(input.openCredits.amount);
  return ratioToNumber(part * 100n, BigInt(input.grossOpenAr.amount));
}

/** An invoice fully paid in the window (the caller selects the window). */
export interface PaidInvoice {
  /** Invoice total, ≥ 0 (the weight). */
  amount: Money;
  /** Transaction date of the invoice. */
  invoiceDate: CalendarDate;
  /** Date of the payment (or credit) that completed it. */
  paidDate: CalendarDate;
  /** Due date; when absent, averageDaysLate uses the transaction date (as the aging does). */
  dueDate?: CalendarDate | null;
}

function weightedDays(fn: string, invoices: readonly PaidInvoice[], from: (p: PaidInvoice) => CalendarDate): number | null {
  if (!Array.isArray(invoices)) throw new Error(`${fn}: paid invoices must be an array`);
  let weight = 0n;
  let total = 0n;
  let currency: CurrencyCode | null = null;
  invoices.forEach((p, i) => {
    checkMoney(p.amount, fn, `amount of paid invoice ${i}`);
    if (currency === null) currency = p.amount.currency;
    else if (p.amount.currency !== currency) {
      throw new Error(
        `${fn}: amounts in different currencies cannot be combined (paid invoice 0 ${show(currency)}, paid invoice ${i} ${show(p.amount.currency)})`,
      );
    }
    checkMagnitude(p.amount.amount, fn, `amount of paid invoice ${i}`);
    const paid = checkDate(p.paidDate, fn, `paidDate of paid invoice ${i}`);
    checkDate(p.invoiceDate, fn, `invoiceDate of paid invoice ${i}`);
    if (p.dueDate != null) checkDate(p.dueDate, fn, `dueDate of paid invoice ${i}`);
    const a = BigInt(p.amount.amount);
    weight += a;
    total += a * BigInt(diffDays(paid, from(p)));
  });
  if (weight <= 0n) return null;
  const r = ratioToNumber(total, weight);
  return r === 0 ? 0 : r;
}

/**
 * Average days to pay, weighted by amount: Σ(amount × (paid date − invoice date)) ÷ Σ amount over the
 * given invoices (those fully paid in the window). null when there are none (or all amounts are 0).
 */
export function averageDaysToPay(paidInvoices: readonly PaidInvoice[]): number | null {
  return weightedDays('averageDaysToPay', paidInvoices, (p) => p.invoiceDate);
}

/**
 * Average days late, weighted by amount: Σ(amount × (paid date − due date)) ÷ Σ amount; the transaction
 * date stands in for a missing due date. Negative when invoices are paid early on average (early
 * payments are not clamped to 0). null when there are no invoices (or all amounts are 0).
 */
export function averageDaysLate(paidInvoices: readonly PaidInvoice[]): number | null {
  return weightedDays('averageDaysLate', paidInvoices, (p) => p.dueDate ?? p.invoiceDate);
}

// ---------------------------------------------------------------------------------------------------
// Ledger: AR and sales as of earlier dates

/** An invoice: its total in the ledger's currency (≥ 0) and its transaction date. */
export interface LedgerInvoice {
  id: string;
  date: CalendarDate;
  amount: Minor;
}

/**
 * Something applied to an invoice, from the invoice's side: a customer payment, a credit memo or a
 * deposit application. `date` is when the application took effect (the date of the applying
 * transaction); `amount` ≥ 0. Applications to one invoice may not exceed its total.
 */
export interface LedgerApplication {
  invoiceId: string;
  date: CalendarDate;
  amount: Minor;
}

/**
 * A credit that can sit unapplied: a credit memo or a customer payment (not a customer deposit: deposits
 * are a liability, not AR). `amount` is its total (≥ 0); `applied` lists the parts applied to invoices
 * with their dates (the same applications appear, from the invoice's side, in `Ledger.applications`).
 * Applied parts may not exceed the amount. Credit memos also count (negatively) in sales.
 */
export interface LedgerCredit {
  kind: 'creditMemo' | 'payment';
  date: CalendarDate;
  amount: Minor;
  applied: readonly { date: CalendarDate; amount: Minor }[];
}

/** The receivables history of one subsidiary (or one filter) in one currency. */
export interface Ledger {
  currency: CurrencyCode;
  invoices: readonly LedgerInvoice[];
  applications: readonly LedgerApplication[];
  credits: readonly LedgerCredit[];
}

/** AR at a date, from the ledger. */
export interface ArPosition {
  date: CalendarDate;
  /** Gross open invoice AR: invoices dated ≤ D minus what was applied to them dated ≤ D. */
  gross: Money;
  /** Unapplied credits at D: credits dated ≤ D minus their parts applied ≤ D. */
  unappliedCredits: Money;
  /** Net AR = gross − unappliedCredits (AR_end for DSO). */
  net: Money;
}

/** Index of the first element ≥ x in a sorted array (length when none). */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > x in a sorted array (length when none). */
function upperBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkLedger(ledger: Ledger, fn: string): CurrencyCode {
  if (ledger === null || typeof ledger !== 'object') throw new Error(`${fn}: ledger must be an object`);
  const currency = checkCurrency(ledger.currency, `${fn}: ledger`);
  for (const k of ['invoices', 'applications', 'credits'] as const) {
    if (!Array.isArray(ledger[k])) throw new Error(`${fn}: ledger.${k} must be an array`);
  }
  return currency;
}

/** Distinct dates, sorted; throws on an invalid one. */
function sortedDates(dates: readonly CalendarDate[], fn: string): CalendarDate[] {
  if (!Array.isArray(dates)) throw new Error(`${fn}: dates must be an array`);
  dates.forEach((d, i) => checkDate(d, fn, `date ${i}`));
  return [...new Set(dates)].sort();
}

/** Running sums of a difference array, checked to stay in the safe integer range. */
function prefixSums(diff: number[], fn: string): Minor[] {
  const out: Minor[] = [];
  let acc = 0;
  for (const d of diff) {
    acc += d;
    if (!Number.isSafeInteger(acc)) throw new Error(`${fn}: a running total left the safe integer range`);
    out.push((acc === 0 ? 0 : acc) as Minor);
  }
  return out;
}

function addAt(diff: number[], i: number, amount: number, fn: string): void {
  if (i >= diff.length) return;
  const v = diff[i] + amount;
  if (!Number.isSafeInteger(v)) throw new Error(`${fn}: a running total left the safe integer range`);
  diff[i] = v;
}

/**
 * AR at several dates from the ledger, in one pass over it (O(entries × log dates)); results in the
 * order of `dates`. For each date D:
 * - gross = invoices dated ≤ D − applications to them dated ≤ D (an application counts from the later
 *   of its own date and its invoice's date, so an invoice dated after D never counts);
 * - unappliedCredits = credits dated ≤ D − their applied parts dated ≤ D (likewise from the later of
 *   the part's date and the credit's date);
 * - net = gross − unappliedCredits.
 * Throws on a negative amount, an invalid date, a duplicate invoice id, an application to an unknown
 * invoice, or applications exceeding an invoice's or a credit's total.
 */
export function arAsOfDates(ledger: Ledger, dates: readonly CalendarDate[]): ArPosition[] {
  const fn = 'arAsOf';
  const currency = checkLedger(ledger, fn);
  const sorted = sortedDates(dates, fn);
  const k = sorted.length;
  const gross = new Array<number>(k).fill(0);
  const credit = new Array<number>(k).fill(0);

  const invoiceIndex = new Map<string, number>();
  const invoiceDate: string[] = [];
  const invoiceLeft: number[] = [];
  for (const inv of ledger.invoices) {
    const d = checkDate(inv.date, fn, `date of invoice ${show(inv.id)}`);
    checkAmount(inv.amount, fn, `amount of invoice ${show(inv.id)}`);
    checkMagnitude(inv.amount, fn, `amount of invoice ${show(inv.id)}`);
    if (invoiceIndex.has(inv.id)) throw new Error(`${fn}: two invoices with id ${show(inv.id)}`);
    invoiceIndex.set(inv.id, invoiceDate.length);
    invoiceDate.push(d);
    invoiceLeft.push(inv.amount);
    addAt(gross, lowerBound(sorted, d), inv.amount, fn);
  }
  for (const app of ledger.applications) {
    const i = invoiceIndex.get(app.invoiceId);
    if (i === undefined) throw new Error(`${fn}: application to unknown invoice ${show(app.invoiceId)}`);
    const d = checkDate(app.date, fn, `date of an application to invoice ${show(app.invoiceId)}`);
    checkAmount(app.amount, fn, `amount of an application to invoice ${show(app.invoiceId)}`);
    checkMagnitude(app.amount, fn, `amount of an application to invoice ${show(app.invoiceId)}`);
    invoiceLeft[i] -= app.amount;
    if (invoiceLeft[i] < 0) throw new Error(`${fn}: applications to invoice ${show(app.invoiceId)} exceed its total`);
    const from = d > invoiceDate[i] ? d : invoiceDate[i];
    addAt(gross, lowerBound(sorted, from), -app.amount, fn);
  }
  ledger.credits.forEach((c, ci) => {
    const what = `credit ${ci}`;
    const d = checkDate(c.date, fn, `date of ${what}`);
    checkAmount(c.amount, fn, `amount of ${what}`);
    checkMagnitude(c.amount, fn, `amount of ${what}`);
    if (c.kind !== 'creditMemo' && c.kind !== 'payment') throw new Error(`${fn}: kind of ${what} must be 'creditMemo' or 'payment', got ${show(c.kind)}`);
    if (!Array.isArray(c.applied)) throw new Error(`${fn}: applied of ${what} must be an array`);
    addAt(credit, lowerBound(sorted, d), c.amount, fn);
    let left = c.amount as number;
    for (const part of c.applied) {
      const pd = checkDate(part.date, fn, `date of a part of ${what}`);
      checkAmount(part.amount, fn, `amount of a part of ${what}`);
      checkMagnitude(part.amount, fn, `amount of a part of ${what}`);
      left -= part.amount;
      if (left < 0) throw new Error(`${fn}: applied parts of ${what} exceed its amount`);
      addAt(credit, lowerBound(sorted, pd > d ? pd : d), -part.amount, fn);
    }
  });
  const g = prefixSums(gross, fn);
  const u = prefixSums(credit, fn);
  const byDate = new Map<string, ArPosition>();
  sorted.forEach((date, i) => {
    const net = g[i] - u[i];
    if (!Number.isSafeInteger(net)) throw new Error(`${fn}: net AR at ${date} is outside the safe integer range`);
    byDate.set(date, {
      date,
      gross: money(currency, g[i]),
      unappliedCredits: money(currency, u[i]),
      net: money(currency, net),
    });
  });
  return dates.map((d) => byDate.get(d) as ArPosition);
}

/**
 * AR as of a date D from the ledger (not today's amount remaining): invoices dated ≤ D minus
 * everything applied to them dated ≤ D (`gross`), minus the credits unapplied at D (`net`).
 * See arAsOfDates for the rules.
 */
export function arAsOf(ledger: Ledger, date: CalendarDate): ArPosition {
  return arAsOfDates(ledger, [date])[0];
}

/**
 * Sales_N at several dates from the ledger, in one pass: for each D, invoice totals dated in
 * (D − N, D] minus credit memo totals dated in it (customer payments are not sales). Results in the
 * order of `dates`.
 */
export function salesAsOfDates(ledger: Ledger, dates: readonly CalendarDate[], days: number): Money[] {
  const fn = 'salesAsOf';
  const currency = checkLedger(ledger, fn);
  checkPeriodDays(days, fn);
  const sorted = sortedDates(dates, fn);
  // D counts a transaction dated t when first(D) ≤ t ≤ D, first(D) = D − N + 1; both ends rise with D,
  // so the dates that count t are the indices [lowerBound(sorted, t), upperBound(firsts, t)).
  const firsts = sorted.map((d) => addDays(d, 1 - days));
  const diff = new Array<number>(sorted.length + 1).fill(0);
  const put = (t: CalendarDate, amount: number): void => {
    const lo = lowerBound(sorted, t);
    const hi = upperBound(firsts, t);
    if (lo >= hi) return;
    addAt(diff, lo, amount, fn);
    addAt(diff, hi, -amount, fn);
  };
  for (const inv of ledger.invoices) {
    const d = checkDate(inv.date, fn, `date of invoice ${show(inv.id)}`);
    checkAmount(inv.amount, fn, `amount of invoice ${show(inv.id)}`);
    checkMagnitude(inv.amount, fn, `amount of invoice ${show(inv.id)}`);
    put(d, inv.amount);
  }
  ledger.credits.forEach((c, ci) => {
    if (c.kind !== 'creditMemo') return;
    const d = checkDate(c.date, fn, `date of credit ${ci}`);
    checkAmount(c.amount, fn, `amount of credit ${ci}`);
    checkMagnitude(c.amount, fn, `amount of credit ${ci}`);
    put(d, -c.amount);
  });
  const sums = prefixSums(diff, fn);
  const byDate = new Map<string, Money>(sorted.map((d, i) => [d, money(currency, sums[i])]));
  return dates.map((d) => byDate.get(d) as Money);
}

// ---------------------------------------------------------------------------------------------------
// Trend

/**
 * The end of each of the `count` calendar months ending with the month of asOf, oldest first; the
 * month of asOf contributes asOf itself (its end so far), so the last point is today's.
 * monthEndDates('2026-03-15', 3) → ['2026-01-31', '2026-02-28', '2026-03-15'].
 */
export function monthEndDates(asOf: CalendarDate, count = 12): CalendarDate[] {
  checkDate(asOf, 'monthEndDates', 'asOf');
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`monthEndDates: count must be a positive integer, got ${show(count)}`);
  return monthsBack(asOf, count).map((s) => s.end);
}

export interface DsoTrendInput {
  /** The receivables history up to asOf (far enough back to cover the first point's sales window). */
  ledger: Ledger;
  asOf: CalendarDate;
  /** N (default 90). */
  days?: number;
  /** Number of points (default 12). */
  months?: number;
}

export interface DsoTrendPoint {
  date: CalendarDate;
  /** Net AR at the date (arAsOf(...).net). */
  arEnd: Money;
  /** Sales_N ending at the date. */
  sales: Money;
  /** Standard DSO, unrounded; null when sales ≤ 0. */
  dso: number | null;
}

/**
 * DSO at each month end (monthEndDates(asOf, months)), oldest first, from the ledger: AR_end = net AR
 * as of the date, Sales_N = invoices − credit memos in (date − N, date]. One pass over the ledger for
 * AR and one for sales.
 */
export function dsoTrend(input: DsoTrendInput): DsoTrendPoint[] {
  const days = checkPeriodDays(input.days ?? 90, 'dsoTrend');
  const dates = monthEndDates(input.asOf, input.months ?? 12);
  const ar = arAsOfDates(input.ledger, dates);
  const sales = salesAsOfDates(input.ledger, dates, days);
  return dates.map((date, i) => ({
    date,
    arEnd: ar[i].net,
    sales: sales[i],
    dso: dso({ arEnd: ar[i].net, sales: sales[i], days }),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Aging rows

export type BucketCounts = Record<BucketKey, number>;

export interface AgingRowsInput {
  /** Open invoice amounts remaining by bucket (aging.ts agingTotals) and invoice counts, in one currency. */
  buckets: { currency: CurrencyCode; totals: BucketTotals; counts: BucketCounts };
  /** Unapplied credits: open credit memos and unapplied customer payments (≥ 0), and how many. */
  unappliedCredits: { amount: Money; count: number };
  /** Unapplied customer deposits (≥ 0), a liability: shown apart, never netted. */
  unappliedDeposits: { amount: Money; count: number };
}

export type AgingRowKey = BucketKey | 'open' | 'unappliedCredits' | 'netAr' | 'unappliedDeposits';

export interface AgingRow {
  key: AgingRowKey;
  label: string;
  amount: Money;
  /** Number of transactions; null for Net AR (a difference, not a set of transactions). */
  count: number | null;
  /**
   * amount ÷ open invoices × 100, rounded half away from zero to one decimal (a presentation value:
   * the bucket shares need not add up to exactly 100.0); null when open invoices total ≤ 0.
   */
  share: number | null;
}

function checkCount(n: unknown, fn: string, what: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error(`${fn}: ${what} must be an integer ≥ 0, got ${show(n)}`);
  return n;
}

/**
 * The aging portlet's rows, in order: Current, 1–30, 31–60, 61–90, 91–120, Over 120, Open invoices
 * (the sum of the buckets), Unapplied credits, Net AR (open − unapplied credits), Unapplied deposits.
 */
export function agingRows(input: AgingRowsInput): AgingRow[] {
  const fn = 'agingRows';
  const b = input.buckets;
  if (b === null || typeof b !== 'object' || b.totals == null || b.counts == null) {
    throw new Error(`${fn}: buckets must be { currency, totals, counts }`);
  }
  checkCurrency(b.currency, `${fn}: buckets`);
  checkMoney(input.unappliedCredits?.amount, fn, 'unappliedCredits');
  checkMoney(input.unappliedDeposits?.amount, fn, 'unappliedDeposits');
  const currency = oneCurrency(fn, [
    ['buckets', b.currency],
    ['unappliedCredits', input.unappliedCredits.amount.currency],
    ['unappliedDeposits', input.unappliedDeposits.amount.currency],
  ]);
  const credits = input.unappliedCredits.amount.amount;
  const deposits = input.unappliedDeposits.amount.amount;
  checkMagnitude(credits, fn, 'unappliedCredits');
  checkMagnitude(deposits, fn, 'unappliedDeposits');
  let open = 0n;
  let openCount = 0;
  for (const key of BUCKET_KEYS) {
    open += BigInt(checkAmount(b.totals[key], fn, `bucket ${key} total`));
    openCount += checkCount(b.counts[key], fn, `bucket ${key} count`);
  }
  if (open > SAFE || open < -SAFE) throw new Error(`${fn}: open invoices total is outside the safe integer range`);
  const openMinor = Number(open) as Minor;
  const net = Number(open - BigInt(credits));
  if (!Number.isSafeInteger(net)) throw new Error(`${fn}: Net AR is outside the safe integer range`);
  const share = (m: Minor): number | null => (openMinor > 0 ? percentOf(m, openMinor, 1) : null);
  const row = (key: AgingRowKey, label: string, amount: number, count: number | null): AgingRow => {
    const m = money(currency, amount);
    return { key, label, amount: m, count, share: share(m.amount) };
  };
  return [
    ...BUCKETS.map((bk) => row(bk.key, bk.label, b.totals[bk.key], b.counts[bk.key])),
    row('open', 'Open invoices', openMinor, openCount),
    row('unappliedCredits', 'Unapplied credits', credits, checkCount(input.unappliedCredits.count, fn, 'unappliedCredits count')),
    row('netAr', 'Net AR', net, null),
    row('unappliedDeposits', 'Unapplied deposits', deposits, checkCount(input.unappliedDeposits.count, fn, 'unappliedDeposits count')),
  ];
}

/**
 * The aging KPIs compared with the CRF medians: % of open invoice AR that is current, and % over 90
 * days past due (age ≥ 91: the 91–120 and Over 120 buckets). Unrounded; null when open AR ≤ 0.
 */
export function agingPercents(buckets: { currency: CurrencyCode; totals: BucketTotals }): { pctCurrent: number | null; pctOver90: number | null } {
  const fn = 'agingPercents';
  checkCurrency(buckets?.currency, fn);
  let open = 0n;
  for (const key of BUCKET_KEYS) open += BigInt(checkAmount(buckets.totals[key], fn, `bucket ${key} total`));
  if (open <= 0n) return { pctCurrent: null, pctOver90: null };
  const over = BigInt(buckets.totals.d91_120) + BigInt(buckets.totals.over120);
  return {
    pctCurrent: ratioToNumber(BigInt(buckets.totals.current) * 100n, open),
    pctOver90: ratioToNumber(over * 100n, open),
  };
}
