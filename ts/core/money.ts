/**
 * Money as integer minor units (cents for a 2-decimal currency, yen for JPY, fils for a 3-decimal one).
 *
 * Representation: `Minor` is a branded `number` that always holds a safe integer
 * (|m| ≤ Number.MAX_SAFE_INTEGER). The brand stops a major-unit number (what NetSuite's getValue
 * returns, e.g. 12.5) from being passed where minor units (1250) are expected: make a `Minor` with
 * `parseMoney` (from text or a NetSuite number) or `minor` (from a number already in minor units),
 * and hand a value back to NetSuite with `toMajor`. A `Minor` never holds -0.
 *
 * The number of decimals belongs to the currency, not to the value; functions that need it take a
 * `decimals` argument (default 2). Arithmetic that stays in minor units (add, sub, allocate, ...)
 * does not need it.
 *
 * Rounding: every rounding in this module is half away from zero on the exact decimal value
 * (12.345 → 12.35, -12.345 → -12.35). A JavaScript number is read as the decimal written by
 * `String(n)` (the shortest decimal that round-trips, as ECMAScript specifies), so 1.005 is 1.005 and
 * rounds to 1.01, whatever its binary approximation. Exact products and quotients are computed with
 * BigInt (ES2020; SuiteScript 2.1's Graal runtime supports it), never with floating point.
 *
 * Every result is checked to be a safe integer; an operation that would leave that range throws.
 * Pure module: no N/ imports, no Node APIs, no Intl, no Date.
 */

export type Minor = number & { readonly __minor: true };

/** The zero amount. */
export const ZERO = 0 as Minor;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_DECIMALS = 12;

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

function checkDecimals(decimals: number, fn: string): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new Error(`${fn}: decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${show(decimals)}`);
  }
}

/** Turns a safe-integer number into a Minor (normalising -0), or throws naming the operation. */
function checked(n: number, fn: string): Minor {
  if (!Number.isSafeInteger(n)) {
    throw new Error(`${fn}: result ${show(n)} is outside the safe integer range of minor units`);
  }
  return (n === 0 ? 0 : n) as Minor;
}

function fromBig(b: bigint, fn: string, input: unknown): Minor {
  if (b > MAX || b < -MAX) {
    throw new Error(`${fn}: ${show(input)} is outside the safe integer range of minor units`);
  }
  const n = Number(b);
  return (n === 0 ? 0 : n) as Minor;
}

function assertMinor(m: number, fn: string): void {
  if (!Number.isSafeInteger(m)) {
    throw new Error(`${fn}: expected integer minor units, got ${show(m)}`);
  }
}

/** Half-away-from-zero integer division of BigInts (divisor > 0). */
export function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** An exact decimal: value = mantissa × 10^exp. */
export interface Decimal {
  mantissa: bigint;
  exp: number;
}

/** The exact decimal written by String(x) for a finite number (e.g. "1.5e-7", "1e+21", "-12.345"). */
export function decimalOfNumber(x: number, fn: string): Decimal {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${fn}: not a finite number: ${show(x)}`);
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`${fn}: cannot read number ${show(x)}`);
  const frac = m[3] ?? '';
  const mant = BigInt(m[2] + frac);
  return { mantissa: m[1] ? -mant : mant, exp: Number(m[4] ?? 0) - frac.length };
}

/** Rounds mantissa × 10^exp × 10^decimals to an integer, half away from zero. */
export function scaleRound(d: Decimal, decimals: number): bigint {
  const k = d.exp + decimals;
  return k >= 0 ? d.mantissa * pow10(k) : divRound(d.mantissa, pow10(-k));
}

/** Makes a Minor from a number that is already in minor units; throws unless it is a safe integer. */
export function minor(n: number): Minor {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new Error(`minor: expected a safe integer number of minor units, got ${show(n)}`);
  }
  return (n === 0 ? 0 : n) as Minor;
}

/** True when `x` is a number usable as minor units (a safe integer). */
export function isMinor(x: unknown): x is Minor {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

export interface ParseMoneyOptions {
  /** Decimals of the currency (default 2). */
  decimals?: number;
  /** Group separator accepted in text (default ','; '' accepts no grouping). Groups must be of 3 digits. */
  thousands?: string;
  /** Decimal separator in text (default '.'). */
  decimal?: string;
  /** Currency symbol that may prefix the digits (after any sign or opening parenthesis). Default: none accepted. */
  symbol?: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses an amount into minor units.
 *
 * - number (e.g. from NetSuite's getValue): must be finite; read as the decimal `String(n)` writes, then
 *   rounded half away from zero to `decimals` places (12.345 → 1235, 1.005 → 101, -0.005 → -1).
 * - string: surrounding whitespace ignored; an optional sign ('-', '+', or '−' U+2212) or enclosing
 *   parentheses for a negative ("(12.50)" → -1250); an optional currency symbol if `options.symbol` is set;
 *   digits with optional group separators (exactly 3 digits per group: "1,234.56", not "1,23"),
 *   an optional decimal part ("12.", ".5" accepted). Extra decimals round half away from zero.
 *   No exponent notation in text.
 *
 * Throws an Error whose message quotes the input for NaN, ±Infinity, garbage, or a value outside the
 * safe integer range of minor units.
 */
export function parseMoney(input: string | number, options: number | ParseMoneyOptions = 2): Minor {
  const o: ParseMoneyOptions = typeof options === 'number' ? { decimals: options } : options;
  const decimals = o.decimals ?? 2;
  checkDecimals(decimals, 'parseMoney');
  if (typeof input === 'number') {
    return fromBig(scaleRound(decimalOfNumber(input, 'parseMoney'), decimals), 'parseMoney', input);
  }
  if (typeof input !== 'string') {
    throw new Error(`parseMoney: expected a string or number, got ${show(input)}`);
  }
  const thousands = o.thousands ?? ',';
  const decimal = o.decimal ?? '.';
  if (decimal === '' || decimal === thousands || /\d/.test(decimal + thousands)) {
    throw new Error(`parseMoney: bad separators thousands=${show(thousands)} decimal=${show(decimal)}`);
  }
  const bad = (): Error => new Error(`parseMoney: invalid amount ${show(input)}`);
  let s = input.trim();
  let neg = false;
  if (s.length >= 2 && s.startsWith('(') && s.endsWith(')')) {
    neg = true;
    s = s.slice(1, -1);
  } else if (s.startsWith('-') || s.startsWith('\u2212')) {
    neg = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (o.symbol && s.startsWith(o.symbol)) s = s.slice(o.symbol.length);
  const group = thousands === '' ? '\\d+' : `\\d{1,3}(?:${escapeRe(thousands)}\\d{3})+|\\d+`;
  const re = new RegExp(`^(${group})?(?:${escapeRe(decimal)}(\\d*))?$`);
  const m = re.exec(s);
  if (!m) throw bad();
  const intDigits = thousands === '' ? (m[1] ?? '') : (m[1] ?? '').split(thousands).join('');
  const fracDigits = m[2] ?? '';
  if (intDigits === '' && fracDigits === '') throw bad();
  const mant = BigInt((intDigits || '0') + fracDigits);
  const value = scaleRound({ mantissa: neg ? -mant : mant, exp: -fracDigits.length }, decimals);
  return fromBig(value, 'parseMoney', input);
}

/**
 * Minor units → the major-unit number NetSuite expects (1250 → 12.5): the double nearest to the exact
 * decimal, so String(toMajor(m)) is that decimal and parseMoney(toMajor(m, d), d) === m for |m| < 10^15
 * (beyond that, neighbouring minor amounts can share a double).
 */
export function toMajor(m: Minor, decimals = 2): number {
  assertMinor(m, 'toMajor');
  checkDecimals(decimals, 'toMajor');
  const r = m / 10 ** decimals;
  return r === 0 ? 0 : r;
}

export interface FormatMoneyOptions {
  /** Decimals of the currency (default 2). */
  decimals?: number;
  /** Group separator (default ','; '' for none). */
  thousands?: string;
  /** Decimal separator (default '.'). */
  decimal?: string;
  /** How negatives are shown: '-1,234.56' (default 'minus') or '(1,234.56)' ('parens'). */
  negative?: 'minus' | 'parens';
  /** Currency symbol put before the digits, inside the sign or parentheses: '-$1.00', '($1.00)'. Default ''. */
  symbol?: string;
}

/** Formats minor units as text, e.g. 123456 → '1,234.56'; -1250 with parens and '$' → '($12.50)'. */
export function formatMoney(m: Minor, opts: FormatMoneyOptions = {}): string {
  assertMinor(m, 'formatMoney');
  const decimals = opts.decimals ?? 2;
  checkDecimals(decimals, 'formatMoney');
  const thousands = opts.thousands ?? ',';
  const decimal = opts.decimal ?? '.';
  const digits = String(Math.abs(m)).padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  const grouped = thousands === '' ? intPart : intPart.replace(/\B(?=(\d{3})+$)/g, thousands);
  const body = (opts.symbol ?? '') + grouped + (decimals > 0 ? decimal + fracPart : '');
  if (m >= 0) return body;
  return opts.negative === 'parens' ? `(${body})` : `-${body}`;
}

export function add(a: Minor, b: Minor): Minor {
  return checked(a + b, 'add');
}

export function sub(a: Minor, b: Minor): Minor {
  return checked(a - b, 'sub');
}

/** Sum of a list (0 for an empty list); throws if any partial sum leaves the safe range. */
export function sum(list: readonly Minor[]): Minor {
  let total = 0;
  for (const m of list) total = checked(total + m, 'sum');
  return total as Minor;
}

export function neg(m: Minor): Minor {
  return checked(0 - m, 'neg');
}

export function abs(m: Minor): Minor {
  return checked(Math.abs(m), 'abs');
}

export function min(first: Minor, ...rest: Minor[]): Minor {
  return rest.reduce((a, b) => (b < a ? b : a), first);
}

export function max(first: Minor, ...rest: Minor[]): Minor {
  return rest.reduce((a, b) => (b > a ? b : a), first);
}

/** -1, 0 or 1; usable as an Array.prototype.sort comparator. */
export function compare(a: Minor, b: Minor): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isZero(m: Minor): boolean {
  return m === 0;
}

/**
 * Amount × rate, rounded half away from zero to minor units, computed exactly (BigInt) on the decimal
 * value of `rate` as `String(rate)` writes it: 1234.56 × 1.234567 = 1524.1530…, so 123456 → 152415.
 * Typical use: foreign amount × exchange rate → base-currency amount.
 * When the two currencies have different decimals, pass them: 1000 JPY (decimals 0) × 0.0067 to USD
 * (decimals 2) is multiplyRate(1000, 0.0067, 0, 2) = 670.
 */
export function multiplyRate(m: Minor, rate: number, fromDecimals = 2, toDecimals = fromDecimals): Minor {
  assertMinor(m, 'multiplyRate');
  checkDecimals(fromDecimals, 'multiplyRate');
  checkDecimals(toDecimals, 'multiplyRate');
  const r = decimalOfNumber(rate, 'multiplyRate');
  const product = { mantissa: BigInt(m) * r.mantissa, exp: r.exp - fromDecimals };
  return fromBig(scaleRound(product, toDecimals), 'multiplyRate', `${m} × ${rate}`);
}

/**
 * `part` as a percentage of `whole` (25 for 1 of 4). 0 when `whole` is 0.
 * With `digits`, the percentage is rounded half away from zero to that many decimals, exactly.
 */
export function percentOf(part: Minor, whole: Minor, digits?: number): number {
  assertMinor(part, 'percentOf');
  assertMinor(whole, 'percentOf');
  if (whole === 0) return 0;
  if (digits === undefined) {
    const r = (part * 100) / whole;
    return r === 0 ? 0 : r;
  }
  checkDecimals(digits, 'percentOf');
  let n = BigInt(part) * 100n * pow10(digits);
  let d = BigInt(whole);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const r = Number(divRound(n, d)) / 10 ** digits;
  return r === 0 ? 0 : r;
}

/**
 * Splits `total` into parts proportional to `weights` by the largest remainder method:
 * each part is the exact share |total|·wᵢ/Σw rounded down, and the units left over go one each to the
 * parts with the largest remainders (ties: the earlier index). The parts sum to `total` exactly, each
 * differs from its exact share by less than one minor unit, and a zero weight always gets 0.
 * A negative total is allocated as its absolute value and negated (-100 over [1,1,1] → [-34,-33,-33]).
 * Weights are any finite numbers ≥ 0, read exactly as decimals (so [0.1, 0.2] is exactly 1:2).
 * Throws on an empty list, a negative or non-finite weight, or weights that are all zero.
 */
export function allocate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total, 'allocate');
  if (weights.length === 0) throw new Error('allocate: no weights');
  const decs = weights.map((w) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new Error(`allocate: weights must be finite numbers ≥ 0, got ${show(w)}`);
    }
    return decimalOfNumber(w, 'allocate');
  });
  const minExp = decs.reduce((e, d) => Math.min(e, d.exp), 0);
  const ints = decs.map((d) => d.mantissa * pow10(d.exp - minExp));
  const totalWeight = ints.reduce((a, b) => a + b, 0n);
  if (totalWeight === 0n) throw new Error('allocate: all weights are zero');
  const sign = total < 0 ? -1 : 1;
  const t = BigInt(Math.abs(total));
  const floors: bigint[] = [];
  const rems: bigint[] = [];
  let assigned = 0n;
  for (const w of ints) {
    const p = t * w;
    const f = p / totalWeight;
    floors.push(f);
    rems.push(p % totalWeight);
    assigned += f;
  }
  let left = Number(t - assigned);
  const order = ints.map((_, i) => i).sort((i, j) => (rems[i] === rems[j] ? i - j : rems[i] > rems[j] ? -1 : 1));
  for (const i of order) {
    if (left <= 0) break;
    floors[i] += 1n;
    left -= 1;
  }
  return floors.map((f) => {
    const n = sign * Number(f);
    return (n === 0 ? 0 : n) as Minor;
  });
}

/** Splits `total` into `n` parts as equal as possible (earlier parts get the extra units): 100/3 → [34, 33, 33]. */
export function split(total: Minor, n: number): Minor[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`split: part count must be a positive integer, got ${show(n)}`);
  return allocate(total, new Array<number>(n).fill(1));
}
