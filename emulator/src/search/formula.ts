/**
 * NetSuite search formulas: the Oracle SQL expression subset that formula columns (formulanumeric,
 * formulacurrency, formulapercent, formulatext, formuladate, formuladatetime) and formula filters use.
 *
 *   tokenize → parse (recursive descent, Oracle precedence) → AST → evaluate per row
 *
 * Values in the evaluator: null | number | string | boolean (conditions only) | DateValue. Oracle rules
 * that matter here: '' IS NULL; NULL propagates through arithmetic, comparisons and most functions;
 * conditions are three-valued (true/false/null); || treats NULL as ''. Dates are tagged day numbers (days
 * since 1970-01-01, possibly fractional for datetimes), never JS Date objects in local time.
 *
 * Errors: a syntax error, an unknown function, a wrong argument count or a condition where a value is
 * expected → SuiteScriptError (SSS_INVALID_SRCH_COL for columns, SSS_INVALID_SRCH_FILTER for filters)
 * with the formula and the 1-based character position. Runtime errors (division by zero, invalid number,
 * inconsistent types) → FormulaRuntimeError, which the engine turns into NetSuite's
 * 'ERROR: Invalid Expression' value (columns) or an error (filters). See FIDELITY.md.
 */
import type { FieldType, FieldValue } from '../types';
import { createError } from '../runtime/errors';
import {
  DAY_NAMES,
  MONTH_NAMES,
  addMonthsClamped,
  dayNumber,
  daysInMonth,
  endOfMonth,
  formatUserDate,
  isoTimeFraction,
  parseIso,
  parseUserDate,
  validYmd,
  weekdayOf,
  ymdOf,
} from './dates';

/* ------------------------------------------------------------------------------------------------ */
/* Values                                                                                             */

export interface DateValue {
  readonly kind: 'date';
  /** Days since 1970-01-01; integer for calendar dates, fraction = time of day for datetimes. */
  readonly day: number;
}
export type FValue = null | number | string | boolean | DateValue;

export function dateValue(day: number): DateValue {
  return { kind: 'date', day };
}
export function isDate(v: unknown): v is DateValue {
  return typeof v === 'object' && v !== null && (v as DateValue).kind === 'date';
}

export type FormulaType = 'formulanumeric' | 'formulacurrency' | 'formulapercent' | 'formulatext' | 'formuladate' | 'formuladatetime';
export const FORMULA_TYPES: readonly FormulaType[] = ['formulanumeric', 'formulacurrency', 'formulapercent', 'formulatext', 'formuladate', 'formuladatetime'];
export function isFormulaType(name: string): name is FormulaType {
  return (FORMULA_TYPES as readonly string[]).includes(name.toLowerCase());
}

/** A runtime evaluation failure (Oracle would abort the query): division by zero, invalid number, … */
export class FormulaRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaRuntimeError';
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Tokens                                                                                             */

type TokKind = 'num' | 'str' | 'field' | 'ident' | 'op' | 'eof';
interface Token {
  kind: TokKind;
  text: string;
  /** 0-based offset in the formula. */
  pos: number;
  num?: number;
}

const OPS = ['||', '<=', '>=', '<>', '!=', '^=', '~=', '=', '<', '>', '+', '-', '*', '/', '(', ')', ','];

class FormulaSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'num', text: m[0], pos: start, num: Number(m[0]) });
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError('quoted string not properly terminated', start);
        if (src[i] === "'") {
          if (src[i + 1] === "'") { s += "'"; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ kind: 'str', text: s, pos: start });
      continue;
    }
    if (c === '{') {
      const close = src.indexOf('}', i);
      if (close < 0) throw new FormulaSyntaxError("field token not closed with '}'", start);
      const inner = src.slice(i + 1, close).trim();
      if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/.test(inner)) throw new FormulaSyntaxError(`invalid field token {${inner}}`, start);
      out.push({ kind: 'field', text: inner, pos: start });
      i = close + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'ident', text: m[0].toUpperCase(), pos: start });
      continue;
    }
    if (c === '"') {
      // Oracle quoted identifier: only useful as an alias, which formulas do not have.
      throw new FormulaSyntaxError('quoted identifiers are not supported in formulas', start);
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`invalid character '${c}'`, start);
    i += op.length;
    out.push({ kind: 'op', text: op === '!=' || op === '^=' || op === '~=' ? '<>' : op, pos: start });
  }
  out.push({ kind: 'eof', text: '', pos: src.length });
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* AST                                                                                                */

export interface FieldRef {
  field: string;
  join: string | null;
  /** The token as written, e.g. 'customer.email'. */
  raw: string;
  pos: number;
}

export type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'null' }
  | { k: 'field'; ref: FieldRef }
  | { k: 'today' }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '||'; l: Node; r: Node }
  | { k: 'cmp'; op: CmpOp; l: Node; r: Node }
  | { k: 'between'; not: boolean; e: Node; lo: Node; hi: Node }
  | { k: 'in'; not: boolean; e: Node; list: Node[] }
  | { k: 'isnull'; not: boolean; e: Node }
  | { k: 'like'; not: boolean; e: Node; pat: Node; esc: Node | null }
  | { k: 'and' | 'or'; l: Node; r: Node }
  | { k: 'not'; e: Node }
  | { k: 'case'; subject: Node | null; whens: { when: Node; then: Node }[]; else: Node | null }
  | { k: 'fn'; name: string; args: Node[] };

const CONDITION_KINDS = new Set(['cmp', 'between', 'in', 'isnull', 'like', 'and', 'or', 'not']);
function isCondition(n: Node): boolean {
  return CONDITION_KINDS.has(n.k);
}

/** Functions: [min args, max args]. */
const FUNCTIONS: Record<string, [number, number]> = {
  NVL: [2, 2], NVL2: [3, 3], COALESCE: [1, 99], DECODE: [3, 255], NULLIF: [2, 2],
  ROUND: [1, 2], TRUNC: [1, 2], ABS: [1, 1], FLOOR: [1, 1], CEIL: [1, 1], GREATEST: [1, 99], LEAST: [1, 99],
  MOD: [2, 2], SIGN: [1, 1], POWER: [2, 2], SQRT: [1, 1],
  TO_NUMBER: [1, 2], TO_CHAR: [1, 2], TO_DATE: [1, 2],
  ADD_MONTHS: [2, 2], LAST_DAY: [1, 1], MONTHS_BETWEEN: [2, 2],
  UPPER: [1, 1], LOWER: [1, 1], INITCAP: [1, 1], SUBSTR: [2, 3], INSTR: [2, 4], LENGTH: [1, 1],
  TRIM: [1, 1], LTRIM: [1, 2], RTRIM: [1, 2], REPLACE: [2, 3], LPAD: [2, 3], RPAD: [2, 3], CONCAT: [2, 2],
};
export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);

const RESERVED = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'LIKE', 'ESCAPE', 'BETWEEN', 'IN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  private next(): Token {
    return this.toks[this.i++];
  }
  private isKw(kw: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'ident' && t.text === kw;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === op;
  }
  private expectKw(kw: string): void {
    if (!this.isKw(kw)) this.fail(`expected ${kw}`);
    this.i++;
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) this.fail(`expected '${op}'`);
    this.i++;
  }
  fail(msg: string, tok: Token = this.peek()): never {
    const found = tok.kind === 'eof' ? 'end of formula' : `'${tok.kind === 'str' ? `'${tok.text}'` : tok.kind === 'field' ? `{${tok.text}}` : tok.text}'`;
    throw new FormulaSyntaxError(`${msg}, found ${found}`, tok.pos);
  }

  parseTop(): Node {
    const n = this.parseOr();
    if (this.peek().kind !== 'eof') this.fail('unexpected token');
    return n;
  }

  private value(n: Node, tok: Token): Node {
    if (isCondition(n)) throw new FormulaSyntaxError('a condition is not allowed here (missing expression)', tok.pos);
    return n;
  }
  private cond(n: Node, tok: Token): Node {
    if (!isCondition(n)) throw new FormulaSyntaxError('expected a condition (missing relational operator)', tok.pos);
    return n;
  }

  private parseOr(): Node {
    let t = this.peek();
    let l = this.parseAnd();
    while (this.isKw('OR')) {
      this.i++;
      const rt = this.peek();
      const r = this.parseAnd();
      l = { k: 'or', l: this.cond(l, t), r: this.cond(r, rt) };
      t = rt;
    }
    return l;
  }
  private parseAnd(): Node {
    let t = this.peek();
    let l = this.parseNot();
    while (this.isKw('AND')) {
      this.i++;
      const rt = this.peek();
      const r = this.parseNot();
      l = { k: 'and', l: this.cond(l, t), r: this.cond(r, rt) };
      t = rt;
    }
    return l;
  }
  private parseNot(): Node {
    if (this.isKw('NOT')) {
      this.i++;
      const t = this.peek();
      return { k: 'not', e: this.cond(this.parseNot(), t) };
    }
    return this.parsePredicate();
  }
  private parsePredicate(): Node {
    const t = this.peek();
    const l = this.parseAdditive();
    const cmp = this.peek();
    if (cmp.kind === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(cmp.text)) {
      this.i++;
      const rt = this.peek();
      const r = this.parseAdditive();
      return { k: 'cmp', op: cmp.text as CmpOp, l: this.value(l, t), r: this.value(r, rt) };
    }
    if (this.isKw('IS')) {
      this.i++;
      let not = false;
      if (this.isKw('NOT')) { this.i++; not = true; }
      this.expectKw('NULL');
      return { k: 'isnull', not, e: this.value(l, t) };
    }
    let not = false;
    if (this.isKw('NOT') && (this.isKw('BETWEEN', 1) || this.isKw('IN', 1) || this.isKw('LIKE', 1))) {
      this.i++;
      not = true;
    }
    if (this.isKw('BETWEEN')) {
      this.i++;
      const lo = this.parseAdditive();
      this.expectKw('AND');
      const hi = this.parseAdditive();
      return { k: 'between', not, e: this.value(l, t), lo, hi };
    }
    if (this.isKw('IN')) {
      this.i++;
      this.expectOp('(');
      const list: Node[] = [];
      do {
        const it = this.peek();
        list.push(this.value(this.parseAdditive(), it));
      } while (this.isOp(',') && this.next());
      this.expectOp(')');
      return { k: 'in', not, e: this.value(l, t), list };
    }
    if (this.isKw('LIKE')) {
      this.i++;
      const pat = this.parseAdditive();
      let esc: Node | null = null;
      if (this.isKw('ESCAPE')) {
        this.i++;
        esc = this.parseAdditive();
      }
      return { k: 'like', not, e: this.value(l, t), pat, esc };
    }
    return l;
  }
  private parseAdditive(): Node {
    let l = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '+' || t.text === '-' || t.text === '||')) {
        this.i++;
        const r = this.parseMultiplicative();
        l = { k: 'bin', op: t.text as '+' | '-' | '||', l, r };
      } else return l;
    }
  }
  private parseMultiplicative(): Node {
    let l = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '*' || t.text === '/')) {
        this.i++;
        const r = this.parseUnary();
        l = { k: 'bin', op: t.text as '*' | '/', l, r };
      } else return l;
    }
  }
  private parseUnary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', e: this.parseUnary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.parseUnary();
    }
    return this.parsePrimary();
  }
  private parsePrimary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { k: 'num', v: t.num! };
      case 'str':
        return { k: 'str', v: t.text };
      case 'field': {
        const [a, b] = t.text.split('.');
        const lower = t.text.toLowerCase();
        if (lower === 'today' || lower === 'now') return { k: 'today' };
        return { k: 'field', ref: b === undefined ? { field: a.toLowerCase(), join: null, raw: t.text, pos: t.pos } : { field: b.toLowerCase(), join: a.toLowerCase(), raw: t.text, pos: t.pos } };
      }
      case 'op':
        if (t.text === '(') {
          const e = this.parseOr();
          this.expectOp(')');
          return e;
        }
        return this.fail('expected an expression', t);
      case 'ident': {
        if (t.text === 'NULL') return { k: 'null' };
        if (t.text === 'SYSDATE' || t.text === 'CURRENT_DATE') return { k: 'today' };
        if (t.text === 'CASE') return this.parseCase();
        if (RESERVED.has(t.text)) return this.fail('expected an expression', t);
        if (!this.isOp('(')) return this.fail(`unknown identifier ${t.text} (field ids are written {fieldid})`, t);
        const arity = FUNCTIONS[t.text];
        if (!arity) return this.fail(`unknown function ${t.text}`, t);
        this.i++;
        const args: Node[] = [];
        if (!this.isOp(')')) {
          do {
            const at = this.peek();
            args.push(this.value(this.parseOr(), at));
          } while (this.isOp(',') && this.next());
        }
        this.expectOp(')');
        if (args.length < arity[0] || args.length > arity[1]) {
          throw new FormulaSyntaxError(`wrong number of arguments to ${t.text} (${args.length})`, t.pos);
        }
        return { k: 'fn', name: t.text, args };
      }
      default:
        return this.fail('expected an expression', t);
    }
  }
  private parseCase(): Node {
    let subject: Node | null = null;
    if (!this.isKw('WHEN')) {
      const st = this.peek();
      subject = this.value(this.parseAdditive(), st);
    }
    const whens: { when: Node; then: Node }[] = [];
    while (this.isKw('WHEN')) {
      this.i++;
      const wt = this.peek();
      const when = subject ? this.value(this.parseAdditive(), wt) : this.cond(this.parseOr(), wt);
      this.expectKw('THEN');
      const tt = this.peek();
      const then = this.value(this.parseOr(), tt);
      whens.push({ when, then });
    }
    if (whens.length === 0) this.fail('expected WHEN');
    let els: Node | null = null;
    if (this.isKw('ELSE')) {
      this.i++;
      const et = this.peek();
      els = this.value(this.parseOr(), et);
    }
    this.expectKw('END');
    return { k: 'case', subject, whens, else: els };
  }
}

export interface ParsedFormula {
  source: string;
  ast: Node;
  /** Field tokens used, in order of appearance (without {today}). */
  fields: FieldRef[];
}

function collectFields(n: Node, out: FieldRef[]): void {
  switch (n.k) {
    case 'field': out.push(n.ref); return;
    case 'neg': case 'not': case 'isnull': collectFields(n.e, out); return;
    case 'bin': case 'cmp': case 'and': case 'or': collectFields(n.l, out); collectFields(n.r, out); return;
    case 'between': collectFields(n.e, out); collectFields(n.lo, out); collectFields(n.hi, out); return;
    case 'in': collectFields(n.e, out); n.list.forEach((x) => collectFields(x, out)); return;
    case 'like': collectFields(n.e, out); collectFields(n.pat, out); if (n.esc) collectFields(n.esc, out); return;
    case 'case':
      if (n.subject) collectFields(n.subject, out);
      n.whens.forEach((w) => { collectFields(w.when, out); collectFields(w.then, out); });
      if (n.else) collectFields(n.else, out);
      return;
    case 'fn': n.args.forEach((x) => collectFields(x, out)); return;
    default: return;
  }
}

/**
 * Parse a formula. Throws SuiteScriptError `errorCode` (SSS_INVALID_SRCH_COL for columns,
 * SSS_INVALID_SRCH_FILTER for filters) naming the formula and the 1-based position of the error.
 */
export function parseFormula(source: string, errorCode = 'SSS_INVALID_SRCH_COL', what = 'formula'): ParsedFormula {
  if (typeof source !== 'string' || source.trim() === '') {
    throw createError(errorCode, `${what}: the formula is empty`);
  }
  try {
    const ast = new Parser(tokenize(source)).parseTop();
    if (isCondition(ast)) throw new FormulaSyntaxError('a condition is not a value (use CASE WHEN … THEN … END)', 0);
    const fields: FieldRef[] = [];
    collectFields(ast, fields);
    return { source, ast, fields };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) {
      throw createError(errorCode, `${what}: Invalid Expression "${source}": ${e.message} at position ${e.pos + 1}`);
    }
    throw e;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                         */

export interface FieldLookup {
  value: FieldValue | undefined;
  text: string | null;
  type: FieldType | undefined;
}

export interface EvalEnv {
  /** The row's value of a field token (join null for the searched record). */
  field(field: string, join: string | null): FieldLookup;
  /** Account date 'YYYY-MM-DD' ({today}, SYSDATE, CURRENT_DATE). */
  today: string;
  /** The user's date format, used where Oracle would use NLS_DATE_FORMAT (date ↔ text). */
  dateFormat: string;
  /**
   * Optional fast path: the formula value of a field token (what fieldToFValue(field(…)) gives). The
   * search engine provides it to share one row's field values between the formulas of a search.
   */
  fieldValue?: (ref: FieldRef) => FValue;
}

const NUMERIC_TYPES = new Set<FieldType | undefined>(['currency', 'float', 'integer', 'percent']);

/** A row field value as a formula sees it ({select} gives its display text, {checkbox} 'T'/'F'). */
export function fieldToFValue(f: FieldLookup): FValue {
  const v = f.value;
  if (v === undefined || v === null || v === '') return null;
  switch (f.type) {
    case 'date':
    case 'datetime': {
      if (typeof v !== 'string') return null;
      const d = parseIso(v);
      if (d === null) return v;
      return dateValue(f.type === 'datetime' ? d + isoTimeFraction(v) : d);
    }
    case 'select':
    case 'multiselect':
      if (f.text !== null && f.text !== '') return f.text;
      return Array.isArray(v) ? (v.length ? v.join(',') : null) : String(v);
    case 'checkbox':
      return v === true || v === 'T' ? 'T' : 'F';
    default:
      if (NUMERIC_TYPES.has(f.type)) {
        const n = typeof v === 'number' ? v : Number(v);
        return Number.isFinite(n) ? n : null;
      }
      if (typeof v === 'boolean') return v ? 'T' : 'F';
      if (Array.isArray(v)) return v.length ? v.join(',') : null;
      return typeof v === 'number' ? v : String(v);
  }
}

function fail(msg: string): never {
  throw new FormulaRuntimeError(msg);
}

const NUM_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function toNumber(v: FValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (!NUM_RE.test(v)) fail(`ORA-01722: invalid number '${v}'`);
    return Number(v);
  }
  if (isDate(v)) fail('ORA-00932: inconsistent datatypes: expected NUMBER got DATE');
  return fail('ORA-00932: inconsistent datatypes: expected NUMBER got BOOLEAN');
}

export function toDateValue(v: FValue, env: Pick<EvalEnv, 'dateFormat'>): DateValue | null {
  if (v === null) return null;
  if (isDate(v)) return v;
  if (typeof v === 'string') {
    const d = parseIso(v) ?? parseUserDate(v, env.dateFormat);
    if (d === null) fail(`ORA-01858: '${v}' is not a date in format ${env.dateFormat}`);
    return dateValue(d + (parseIso(v) !== null ? isoTimeFraction(v) : 0));
  }
  return fail('ORA-00932: inconsistent datatypes: expected DATE got NUMBER');
}

/** Oracle's default number → text (TO_CHAR without format): shortest form, no leading zero ('.5'). */
export function oracleNumberText(n: number): string {
  const clean = Number.isInteger(n) ? n : parseFloat(n.toPrecision(15));
  let s = String(clean);
  if (/e/i.test(s)) s = clean.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return s.replace(/^(-?)0\./, '$1.');
}

export function toText(v: FValue, env: Pick<EvalEnv, 'dateFormat'>): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return oracleNumberText(v);
  if (isDate(v)) return formatUserDate(v.day, env.dateFormat);
  return fail('ORA-00932: inconsistent datatypes: a condition is not text');
}

/** Oracle ROUND: half away from zero, n decimals (negative n rounds left of the point). */
export function roundHalfAway(x: number, n = 0): number {
  if (x === 0) return 0;
  if (!Number.isFinite(x)) return x;
  const k = Math.trunc(n);
  // An integer that stays exact when scaled is its own rounding (the general path gives the same).
  if (k >= 0 && k <= 15 && Number.isInteger(x) && Math.abs(x) * 10 ** k < 1e15) return x;
  // A row's amount is rounded by many formula columns in a row: remember the last one.
  if (x === lastRoundX && k === lastRoundK) return lastRoundOut;
  const scale = 10 ** k;
  const shifted = Number((Math.abs(x) * scale).toPrecision(15));
  const r = Math.floor(shifted + 0.5);
  const out = Number((r / scale).toPrecision(15));
  const result = x < 0 && out !== 0 ? -out : out;
  lastRoundX = x;
  lastRoundK = k;
  lastRoundOut = result;
  return result;
}

let lastRoundX = NaN;
let lastRoundK = NaN;
let lastRoundOut = NaN;

function truncNumber(x: number, n = 0): number {
  const scale = 10 ** Math.trunc(n);
  const out = Number((Math.trunc(Number((x * scale).toPrecision(15))) / scale).toPrecision(15));
  return out === 0 ? 0 : out;
}

function compareValues(a: FValue, b: FValue, env: EvalEnv): number | null {
  if (a === null || b === null) return null;
  if (isDate(a) || isDate(b)) {
    const da = toDateValue(a, env)!, db = toDateValue(b, env)!;
    return Math.sign(da.day - db.day);
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const na = toNumber(a)!, nb = toNumber(b)!;
    return Math.sign(na - nb);
  }
  const sa = String(a), sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function likeToRegExp(pat: string, esc: string | null): RegExp {
  let re = '^';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (esc !== null && c === esc && i + 1 < pat.length) {
      re += pat[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

function and3(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}
function or3(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

function asCond(v: FValue): boolean | null {
  if (v === null || typeof v === 'boolean') return v;
  return fail('expected a condition');
}

/** A node compiled for evaluation: called once per row with the row's environment. */
type Compiled = (env: EvalEnv) => FValue;

const compiledNodes = new WeakMap<Node, Compiled>();

/** Evaluate a node for one row. */
export function evaluate(n: Node, env: EvalEnv): FValue {
  let c = compiledNodes.get(n);
  if (!c) compiledNodes.set(n, (c = compileNode(n)));
  return c(env);
}

/**
 * Whether a subtree depends only on the environment's account date and date format (no field token,
 * no TO_DATE, whose default year is the current clock's): such a subtree is evaluated once per
 * (today, date format) and its value (or error) reused for every row.
 */
function isConstant(n: Node): boolean {
  switch (n.k) {
    case 'num': case 'str': case 'null': case 'today': return true;
    case 'field': return false;
    case 'neg': case 'not': case 'isnull': return isConstant(n.e);
    case 'bin': case 'cmp': case 'and': case 'or': return isConstant(n.l) && isConstant(n.r);
    case 'between': return isConstant(n.e) && isConstant(n.lo) && isConstant(n.hi);
    case 'in': return isConstant(n.e) && n.list.every(isConstant);
    case 'like': return isConstant(n.e) && isConstant(n.pat) && (n.esc === null || isConstant(n.esc));
    case 'case':
      return (n.subject === null || isConstant(n.subject)) && n.whens.every((w) => isConstant(w.when) && isConstant(w.then)) && (n.else === null || isConstant(n.else));
    case 'fn': return n.name !== 'TO_DATE' && n.args.every(isConstant);
  }
}

/** Evaluate `inner` once per (today, dateFormat); later calls give the same value or throw the same error. */
function memoConstant(inner: Compiled): Compiled {
  let has = false;
  let today = '';
  let fmt = '';
  let value: FValue = null;
  let failed = false;
  let error: unknown = null;
  return (env) => {
    if (!has || env.today !== today || env.dateFormat !== fmt) {
      has = true;
      today = env.today;
      fmt = env.dateFormat;
      failed = false;
      error = null;
      try {
        value = inner(env);
      } catch (e) {
        failed = true;
        error = e;
      }
    }
    if (failed) throw error;
    return value;
  };
}

/** Compile a node to a closure; the order of evaluation (and so which error is raised) is the interpreter's. */
export function compileNode(n: Node): Compiled {
  if (n.k !== 'num' && n.k !== 'str' && n.k !== 'null' && isConstant(n)) return memoConstant(compileInner(n));
  return compileInner(n);
}

function compileInner(n: Node): Compiled {
  switch (n.k) {
    case 'num': {
      const v = n.v;
      return () => v;
    }
    case 'str': {
      const v = n.v === '' ? null : n.v;
      return () => v;
    }
    case 'null': return () => null;
    case 'today': return (env) => {
      const d = parseIso(env.today);
      if (d === null) fail(`bad account date ${env.today}`);
      return dateValue(d);
    };
    case 'field': {
      const ref = n.ref;
      return (env) => (env.fieldValue !== undefined ? env.fieldValue(ref) : fieldToFValue(env.field(ref.field, ref.join)));
    }
    case 'neg': {
      const e = compileNode(n.e);
      return (env) => {
        const v = toNumber(e(env));
        return v === null ? null : -v;
      };
    }
    case 'bin': {
      const op = n.op, l = compileNode(n.l), r = compileNode(n.r);
      return (env) => evalBinary(op, l(env), r(env), env);
    }
    case 'cmp': {
      const l = compileNode(n.l), r = compileNode(n.r);
      switch (n.op) {
        case '=': return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c === 0; };
        case '<>': return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c !== 0; };
        case '<': return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c < 0; };
        case '<=': return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c <= 0; };
        case '>': return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c > 0; };
        default: return (env) => { const c = compareValues(l(env), r(env), env); return c === null ? null : c >= 0; };
      }
    }
    case 'between': {
      const e = compileNode(n.e), lo = compileNode(n.lo), hi = compileNode(n.hi), not = n.not;
      return (env) => {
        const v = e(env);
        const a = compareValues(v, lo(env), env);
        const b = compareValues(v, hi(env), env);
        const r = and3(a === null ? null : a >= 0, b === null ? null : b <= 0);
        return not && r !== null ? !r : r;
      };
    }
    case 'in': {
      const e = compileNode(n.e), list = n.list.map(compileNode), not = n.not;
      return (env) => {
        const v = e(env);
        let r: boolean | null = false;
        for (let i = 0; i < list.length; i++) {
          const c = compareValues(v, list[i](env), env);
          r = or3(r, c === null ? null : c === 0);
          if (r === true) break;
        }
        return not && r !== null ? !r : r;
      };
    }
    case 'isnull': {
      const e = compileNode(n.e), not = n.not;
      return (env) => {
        const isNull = e(env) === null;
        return not ? !isNull : isNull;
      };
    }
    case 'like': {
      const e = compileNode(n.e), pat = compileNode(n.pat), escN = n.esc ? compileNode(n.esc) : null, not = n.not;
      let lastP: string | null = null;
      let lastEsc: string | null = null;
      let lastRe: RegExp | null = null;
      return (env) => {
        const s = toText(e(env), env);
        const p = toText(pat(env), env);
        const esc = escN ? toText(escN(env), env) : null;
        if (s === null || p === null) return null;
        if (lastRe === null || p !== lastP || esc !== lastEsc) {
          lastRe = likeToRegExp(p, esc);
          lastP = p;
          lastEsc = esc;
        }
        const r = lastRe.test(s);
        return not ? !r : r;
      };
    }
    case 'and': {
      const l = compileNode(n.l), r = compileNode(n.r);
      return (env) => and3(asCond(l(env)), asCond(r(env)));
    }
    case 'or': {
      const l = compileNode(n.l), r = compileNode(n.r);
      return (env) => or3(asCond(l(env)), asCond(r(env)));
    }
    case 'not': {
      const e = compileNode(n.e);
      return (env) => {
        const v = asCond(e(env));
        return v === null ? null : !v;
      };
    }
    case 'case': {
      const subject = n.subject ? compileNode(n.subject) : null;
      const whens = n.whens.map((w) => compileNode(w.when));
      const thens = n.whens.map((w) => compileNode(w.then));
      const els = n.else ? compileNode(n.else) : null;
      const count = whens.length;
      if (subject) {
        return (env) => {
          const s = subject(env);
          for (let i = 0; i < count; i++) {
            if (compareValues(s, whens[i](env), env) === 0) return thens[i](env);
          }
          return els ? els(env) : null;
        };
      }
      return (env) => {
        for (let i = 0; i < count; i++) {
          if (asCond(whens[i](env)) === true) return thens[i](env);
        }
        return els ? els(env) : null;
      };
    }
    case 'fn': {
      const name = n.name, args = n.args.map(compileNode);
      switch (name) {
        case 'NVL': {
          const a0 = args[0], a1 = args[1];
          return (env) => {
            const a = a0(env);
            return a !== null ? a : a1(env);
          };
        }
        case 'ABS': {
          const a0 = args[0];
          return (env) => {
            const x = toNumber(a0(env));
            if (x === null) return null;
            const r = Math.abs(x);
            return r === 0 ? 0 : r;
          };
        }
        default:
          return (env) => evalFunction(name, args, env);
      }
    }
  }
}

function evalBinary(op: '+' | '-' | '*' | '/' | '||', a: FValue, b: FValue, env: EvalEnv): FValue {
  if (op === '||') {
    const s = (toText(a, env) ?? '') + (toText(b, env) ?? '');
    return s === '' ? null : s;
  }
  if (a === null || b === null) return null;
  if (op === '+' || op === '-') {
    if (isDate(a) && isDate(b)) {
      if (op === '-') return a.day - b.day;
      fail('ORA-00975: date + date not allowed');
    }
    if (isDate(a)) {
      const nb = toNumber(b)!;
      return dateValue(op === '+' ? a.day + nb : a.day - nb);
    }
    if (isDate(b)) {
      if (op === '-') fail('ORA-00932: inconsistent datatypes: number - date');
      return dateValue(b.day + toNumber(a)!);
    }
    const na = toNumber(a)!, nb = toNumber(b)!;
    return op === '+' ? na + nb : na - nb;
  }
  const na = toNumber(a)!, nb = toNumber(b)!;
  if (op === '*') return na * nb;
  if (nb === 0) fail('ORA-01476: divisor is equal to zero');
  return na / nb;
}

function numArgs(args: Compiled[], env: EvalEnv): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < args.length; i++) out.push(toNumber(args[i](env)));
  return out;
}

function textArg(a: Compiled | undefined, env: EvalEnv): string | null {
  return a ? toText(a(env), env) : null;
}

function truncDate(d: DateValue, fmt: string | null): DateValue {
  // Formula columns often truncate the same row date (TRUNC({trandate}, 'MM') in each month column).
  if (d.day === lastTruncDay && fmt === lastTruncFmt && lastTruncOut !== null) return lastTruncOut;
  const out = truncDateUncached(d, fmt);
  lastTruncDay = d.day;
  lastTruncFmt = fmt;
  lastTruncOut = out;
  return out;
}

let lastTruncDay = NaN;
let lastTruncFmt: string | null = null;
let lastTruncOut: DateValue | null = null;

function truncDateUncached(d: DateValue, fmt: string | null): DateValue {
  const day = Math.floor(d.day);
  const f = (fmt ?? 'DD').toUpperCase();
  const { y, m } = ymdOf(day);
  switch (f) {
    case 'DD': case 'DDD': case 'J': return dateValue(day);
    case 'MM': case 'MON': case 'MONTH': case 'RM': return dateValue(dayNumber(y, m, 1));
    case 'YYYY': case 'SYYYY': case 'YYY': case 'YY': case 'Y': case 'YEAR': case 'SYEAR': return dateValue(dayNumber(y, 1, 1));
    case 'Q': return dateValue(dayNumber(y, Math.floor((m - 1) / 3) * 3 + 1, 1));
    case 'D': case 'DY': case 'DAY': return dateValue(day - weekdayOf(day));
    case 'IW': return dateValue(day - ((weekdayOf(day) + 6) % 7));
    default: return fail(`ORA-01898: unsupported date format '${fmt}'`);
  }
}

function roundDate(d: DateValue, fmt: string | null): DateValue {
  const f = (fmt ?? 'DD').toUpperCase();
  const day = Math.floor(d.day);
  const { y, m, d: dd } = ymdOf(day);
  switch (f) {
    case 'DD': case 'DDD': case 'J': return dateValue(Math.floor(d.day + 0.5));
    case 'MM': case 'MON': case 'MONTH': return dateValue(dd >= 16 ? dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) : dayNumber(y, m, 1));
    case 'YYYY': case 'YYY': case 'YY': case 'Y': case 'YEAR': return dateValue(m >= 7 ? dayNumber(y + 1, 1, 1) : dayNumber(y, 1, 1));
    default: return truncDate(d, fmt);
  }
}

function monthsBetween(a: DateValue, b: DateValue): number {
  const A = ymdOf(a.day), B = ymdOf(b.day);
  const whole = (A.y - B.y) * 12 + (A.m - B.m);
  const aLast = A.d === daysInMonth(A.y, A.m), bLast = B.d === daysInMonth(B.y, B.m);
  if (A.d === B.d || (aLast && bLast)) return whole;
  const fa = a.day - Math.floor(a.day), fb = b.day - Math.floor(b.day);
  return whole + (A.d + fa - (B.d + fb)) / 31;
}

function addMonths(d: DateValue, n: number): DateValue {
  const day = Math.floor(d.day);
  const frac = d.day - day;
  const k = Math.trunc(n);
  const { y, m, d: dd } = ymdOf(day);
  if (dd === daysInMonth(y, m)) return dateValue(endOfMonth(addMonthsClamped(dayNumber(y, m, 1), k)) + frac);
  return dateValue(addMonthsClamped(day, k) + frac);
}

/** GREATEST/LEAST: a value converted to the type of the first argument. */
function convertLike(first: FValue, v: FValue, env: EvalEnv): FValue {
  return isDate(first) ? toDateValue(v, env) : typeof first === 'number' ? toNumber(v) : toText(v, env);
}

function evalFunction(name: string, args: Compiled[], env: EvalEnv): FValue {
  switch (name) {
    case 'NVL': {
      const a = args[0](env);
      return a !== null ? a : args[1](env);
    }
    case 'NVL2': return args[0](env) !== null ? args[1](env) : args[2](env);
    case 'COALESCE': {
      for (let i = 0; i < args.length; i++) {
        const v = args[i](env);
        if (v !== null) return v;
      }
      return null;
    }
    case 'NULLIF': {
      const a = args[0](env);
      return compareValues(a, args[1](env), env) === 0 ? null : a;
    }
    case 'DECODE': {
      const x = args[0](env);
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        const s = args[i](env);
        if ((x === null && s === null) || compareValues(x, s, env) === 0) return args[i + 1](env);
      }
      return i < args.length ? args[i](env) : null;
    }
    case 'ROUND':
    case 'TRUNC': {
      const v = args[0](env);
      if (v === null) return null;
      if (isDate(v)) {
        const fmt = args.length > 1 ? textArg(args[1], env) : null;
        return name === 'ROUND' ? roundDate(v, fmt) : truncDate(v, fmt);
      }
      const x = toNumber(v)!;
      const n = args.length > 1 ? toNumber(args[1](env)) : 0;
      if (n === null) return null;
      return name === 'ROUND' ? roundHalfAway(x, n) : truncNumber(x, n);
    }
    case 'ABS': case 'FLOOR': case 'CEIL': case 'SIGN': case 'SQRT': {
      const [x] = numArgs(args, env);
      if (x === null) return null;
      if (name === 'SQRT' && x < 0) fail('ORA-01428: argument is out of range');
      const r = { ABS: Math.abs, FLOOR: Math.floor, CEIL: Math.ceil, SIGN: Math.sign, SQRT: Math.sqrt }[name]!(x);
      return r === 0 ? 0 : r;
    }
    case 'MOD': {
      const [a, b] = numArgs(args, env);
      if (a === null || b === null) return null;
      if (b === 0) return a;
      return a - b * Math.trunc(a / b);
    }
    case 'POWER': {
      const [a, b] = numArgs(args, env);
      return a === null || b === null ? null : Math.pow(a, b);
    }
    case 'GREATEST':
    case 'LEAST': {
      const vals: FValue[] = [];
      for (let i = 0; i < args.length; i++) vals.push(args[i](env));
      for (let i = 0; i < vals.length; i++) if (vals[i] === null) return null;
      // Oracle converts the rest to the type of the first argument.
      const first = vals[0];
      let best = convertLike(first, first, env);
      for (let i = 1; i < vals.length; i++) {
        const cv = convertLike(first, vals[i], env);
        const c = compareValues(cv, best, env)!;
        if ((name === 'GREATEST' && c > 0) || (name === 'LEAST' && c < 0)) best = cv;
      }
      return best;
    }
    case 'TO_NUMBER': {
      const v = args[0](env);
      if (v === null || typeof v === 'number') return v;
      if (isDate(v)) return fail('ORA-01722: invalid number');
      let s = toText(v, env)!;
      if (args.length > 1) s = s.replace(/[,$\s]/g, '');
      return toNumber(s);
    }
    case 'TO_CHAR': {
      const v = args[0](env);
      if (v === null) return null;
      const fmt = args.length > 1 ? textArg(args[1], env) : null;
      if (isDate(v)) return fmt === null ? toText(v, env) : formatOracleDate(v, fmt);
      if (typeof v === 'number') return fmt === null ? oracleNumberText(v) : formatOracleNumber(v, fmt);
      return toText(v, env);
    }
    case 'TO_DATE': {
      const v = args[0](env);
      if (v === null) return null;
      if (isDate(v)) return v;
      const s = toText(v, env)!;
      const fmt = args.length > 1 ? textArg(args[1], env) : null;
      if (fmt === null) return toDateValue(s, env);
      return parseOracleDate(s, fmt);
    }
    case 'ADD_MONTHS': {
      const d = toDateValue(args[0](env), env);
      const n = toNumber(args[1](env));
      return d === null || n === null ? null : addMonths(d, n);
    }
    case 'LAST_DAY': {
      const d = toDateValue(args[0](env), env);
      return d === null ? null : dateValue(endOfMonth(Math.floor(d.day)) + (d.day - Math.floor(d.day)));
    }
    case 'MONTHS_BETWEEN': {
      const a = toDateValue(args[0](env), env), b = toDateValue(args[1](env), env);
      return a === null || b === null ? null : monthsBetween(a, b);
    }
    case 'UPPER': case 'LOWER': case 'INITCAP': case 'LENGTH': case 'TRIM': {
      const s = textArg(args[0], env);
      if (s === null) return null;
      if (name === 'UPPER') return s.toUpperCase();
      if (name === 'LOWER') return s.toLowerCase();
      if (name === 'LENGTH') return s.length;
      if (name === 'TRIM') return s.trim() === '' ? null : s.replace(/^ +| +$/g, '') || null;
      return s.toLowerCase().replace(/(^|[^a-z0-9])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
    }
    case 'LTRIM': case 'RTRIM': {
      const s = textArg(args[0], env);
      const set = args.length > 1 ? textArg(args[1], env) : ' ';
      if (s === null || set === null) return null;
      let a = 0, b = s.length;
      if (name === 'LTRIM') while (a < b && set.includes(s[a])) a++;
      else while (b > a && set.includes(s[b - 1])) b--;
      const r = s.slice(a, b);
      return r === '' ? null : r;
    }
    case 'SUBSTR': {
      const s = textArg(args[0], env);
      const pos = toNumber(args[1](env));
      const len = args.length > 2 ? toNumber(args[2](env)) : undefined;
      if (s === null || pos === null || len === null) return null;
      let p = Math.trunc(pos);
      if (p === 0) p = 1;
      const start = p > 0 ? p - 1 : s.length + p;
      if (start < 0 || start >= s.length) return null;
      if (len !== undefined && len < 1) return null;
      const r = len === undefined ? s.slice(start) : s.slice(start, start + Math.trunc(len));
      return r === '' ? null : r;
    }
    case 'INSTR': {
      const s = textArg(args[0], env), sub = textArg(args[1], env);
      const pos = args.length > 2 ? toNumber(args[2](env)) : 1;
      const occ = args.length > 3 ? toNumber(args[3](env)) : 1;
      if (s === null || sub === null || pos === null || occ === null) return null;
      if (pos === 0 || occ < 1) return 0;
      let count = 0;
      if (pos > 0) {
        for (let i = Math.trunc(pos) - 1; i <= s.length - sub.length; i++) {
          if (s.startsWith(sub, i) && ++count === occ) return i + 1;
        }
      } else {
        for (let i = s.length + Math.trunc(pos); i >= 0; i--) {
          if (s.startsWith(sub, i) && ++count === occ) return i + 1;
        }
      }
      return 0;
    }
    case 'REPLACE': {
      const s = textArg(args[0], env);
      const a = textArg(args[1], env);
      const b = args.length > 2 ? textArg(args[2], env) : null;
      if (s === null) return null;
      if (a === null) return s;
      const r = s.split(a).join(b ?? '');
      return r === '' ? null : r;
    }
    case 'LPAD': case 'RPAD': {
      const s = textArg(args[0], env);
      const n = toNumber(args[1](env));
      const pad = args.length > 2 ? textArg(args[2], env) : ' ';
      if (s === null || n === null || pad === null) return null;
      const len = Math.trunc(n);
      if (len < 1) return null;
      if (s.length >= len) return s.slice(0, len);
      const fill = pad.repeat(Math.ceil((len - s.length) / pad.length)).slice(0, len - s.length);
      return name === 'LPAD' ? fill + s : s + fill;
    }
    case 'CONCAT': return evalBinary('||', args[0](env), args[1](env), env);
    default:
      return fail(`unknown function ${name}`);
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Oracle date and number format models (TO_CHAR / TO_DATE)                                           */

type DateElem = { e: string; raw: string } | { lit: string };
const DATE_ELEMS = ['SYYYY', 'YYYY', 'YYY', 'YY', 'Y', 'RRRR', 'RR', 'Q', 'MONTH', 'MON', 'MM', 'RM', 'WW', 'IW', 'W', 'DDD', 'DD', 'DAY', 'DY', 'D', 'J', 'HH24', 'HH12', 'HH', 'MI', 'SS', 'AM', 'PM', 'A.M.', 'P.M.', 'FM', 'FX'];

function tokenizeDateFormat(fmt: string): DateElem[] {
  const out: DateElem[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '"') {
      const close = fmt.indexOf('"', i + 1);
      if (close < 0) fail('ORA-01861: literal does not match format string');
      out.push({ lit: fmt.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    if (/[-/,.;: ]/.test(c) && !fmt.toUpperCase().startsWith('A.M.', i) && !fmt.toUpperCase().startsWith('P.M.', i)) {
      out.push({ lit: c });
      i++;
      continue;
    }
    const up = fmt.slice(i).toUpperCase();
    const e = DATE_ELEMS.find((x) => up.startsWith(x));
    if (!e) fail(`ORA-01821: date format not recognized: '${fmt}'`);
    out.push({ e, raw: fmt.slice(i, i + e.length) });
    i += e.length;
  }
  return out;
}

function caseLike(raw: string, word: string): string {
  if (raw === raw.toUpperCase()) return word.toUpperCase();
  if (raw[0] === raw[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1).toLowerCase();
  return word.toLowerCase();
}

export function formatOracleDate(d: DateValue, fmt: string): string {
  const day = Math.floor(d.day);
  const { y, m, d: dd } = ymdOf(day);
  const secs = Math.round((d.day - day) * 86400);
  const hh = Math.floor(secs / 3600), mi = Math.floor((secs % 3600) / 60), ss = secs % 60;
  let fm = false;
  const p = (n: number, w: number): string => (fm ? String(n) : String(n).padStart(w, '0'));
  const padWord = (s: string, w: number): string => (fm ? s : s.padEnd(w, ' '));
  let out = '';
  for (const t of tokenizeDateFormat(fmt)) {
    if ('lit' in t) { out += t.lit; continue; }
    switch (t.e) {
      case 'FM': fm = !fm; break;
      case 'FX': break;
      case 'SYYYY': case 'YYYY': case 'RRRR': out += p(y, 4); break;
      case 'YYY': out += String(y).slice(-3); break;
      case 'YY': case 'RR': out += String(y).slice(-2); break;
      case 'Y': out += String(y).slice(-1); break;
      case 'Q': out += String(Math.floor((m - 1) / 3) + 1); break;
      case 'MM': out += p(m, 2); break;
      case 'MONTH': out += padWord(caseLike(t.raw, MONTH_NAMES[m - 1]), 9); break;
      case 'MON': out += caseLike(t.raw, MONTH_NAMES[m - 1].slice(0, 3)); break;
      case 'RM': out += ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][m - 1]; break;
      case 'DDD': out += p(day - dayNumber(y, 1, 1) + 1, 3); break;
      case 'DD': out += p(dd, 2); break;
      case 'D': out += String(weekdayOf(day) + 1); break;
      case 'DAY': out += padWord(caseLike(t.raw, DAY_NAMES[weekdayOf(day)]), 9); break;
      case 'DY': out += caseLike(t.raw, DAY_NAMES[weekdayOf(day)].slice(0, 3)); break;
      case 'WW': out += p(Math.floor((day - dayNumber(y, 1, 1)) / 7) + 1, 2); break;
      case 'W': out += String(Math.floor((dd - 1) / 7) + 1); break;
      case 'IW': {
        const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
        const ty = ymdOf(thursday).y;
        out += p(Math.floor((thursday - dayNumber(ty, 1, 1)) / 7) + 1, 2);
        break;
      }
      case 'J': out += String(day + 2440588); break;
      case 'HH24': out += p(hh, 2); break;
      case 'HH': case 'HH12': out += p(hh % 12 === 0 ? 12 : hh % 12, 2); break;
      case 'MI': out += p(mi, 2); break;
      case 'SS': out += p(ss, 2); break;
      case 'AM': case 'PM': out += caseLike(t.raw, hh < 12 ? 'AM' : 'PM'); break;
      case 'A.M.': case 'P.M.': out += caseLike(t.raw, hh < 12 ? 'A.M.' : 'P.M.'); break;
    }
  }
  return out;
}

export function parseOracleDate(s: string, fmt: string): DateValue {
  let i = 0;
  let y = NaN, m = 1, d = 1, hh = 0, mi = 0, ss = 0, pm: boolean | null = null;
  const digits = (max: number): number => {
    const mm = new RegExp(`^\\d{1,${max}}`).exec(s.slice(i));
    if (!mm) fail(`ORA-01858: a non-numeric character was found where a numeric was expected ('${s}', '${fmt}')`);
    i += mm[0].length;
    return Number(mm[0]);
  };
  for (const t of tokenizeDateFormat(fmt)) {
    if ('lit' in t) {
      while (i < s.length && /[^A-Za-z0-9]/.test(s[i])) i++;
      continue;
    }
    switch (t.e) {
      case 'FM': case 'FX': break;
      case 'YYYY': case 'SYYYY': case 'RRRR': y = digits(4); break;
      case 'YY': y = 2000 + digits(2); break;
      case 'RR': { const v = digits(2); y = v < 50 ? 2000 + v : 1900 + v; break; }
      case 'MM': m = digits(2); break;
      case 'DD': d = digits(2); break;
      case 'HH24': hh = digits(2); break;
      case 'HH': case 'HH12': hh = digits(2); break;
      case 'MI': mi = digits(2); break;
      case 'SS': ss = digits(2); break;
      case 'MON': case 'MONTH': {
        const mm = /^[A-Za-z]+/.exec(s.slice(i));
        const idx = mm ? MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === mm[0].slice(0, 3).toLowerCase()) : -1;
        if (idx < 0) fail(`ORA-01843: not a valid month ('${s}')`);
        m = idx + 1;
        i += mm![0].length;
        break;
      }
      case 'AM': case 'PM': case 'A.M.': case 'P.M.': {
        const mm = /^[AaPp]\.?[Mm]\.?/.exec(s.slice(i));
        if (mm) { pm = /^[Pp]/.test(mm[0]); i += mm[0].length; }
        break;
      }
      default: fail(`ORA-01821: date format element ${t.e} not supported by TO_DATE`);
    }
  }
  if (s.slice(i).trim() !== '') fail(`ORA-01830: date format picture ends before converting entire input string ('${s}')`);
  if (pm !== null && hh <= 12) hh = (hh % 12) + (pm ? 12 : 0);
  if (Number.isNaN(y)) y = ymdOf(Date.now() / 86_400_000).y;
  if (!validYmd(y, m, d)) fail(`ORA-01839: date not valid for month specified ('${s}')`);
  return dateValue(dayNumber(y, m, d) + (hh * 3600 + mi * 60 + ss) / 86400);
}

/** TO_CHAR(number, fmt) for the common elements: 9 0 , . G D $ FM (and overflow → '#'). */
export function formatOracleNumber(x: number, fmtIn: string): string {
  let fmt = fmtIn.toUpperCase();
  const fm = fmt.includes('FM');
  fmt = fmt.replace(/FM/g, '');
  const dollar = fmt.includes('$');
  fmt = fmt.replace(/\$/g, '').replace(/G/g, ',').replace(/D/g, '.');
  if (!/^[90,.]*$/.test(fmt) || (fmt.match(/\./g) ?? []).length > 1) fail(`ORA-01481: invalid number format model '${fmtIn}'`);
  const [intFmt, fracFmt = ''] = fmt.split('.');
  const hasPoint = fmt.includes('.');
  const abs = roundHalfAway(Math.abs(x), fracFmt.length);
  const [intDigits, fracDigitsRaw = ''] = abs.toFixed(fracFmt.length).split('.');
  const intPlaces = (intFmt.match(/[90]/g) ?? []).length;
  const width = fmtIn.replace(/FM/gi, '').length + 1;
  if ((intDigits === '0' ? 0 : intDigits.length) > intPlaces) return '#'.repeat(width);
  const zeroStart = intFmt.indexOf('0');
  let digits = intDigits === '0' ? '' : intDigits;
  let out = '';
  let printed = false;
  // walk the integer format left to right with right-aligned digits
  let remainingPlaces = intPlaces;
  for (let k = 0; k < intFmt.length; k++) {
    const c = intFmt[k];
    if (c === ',') {
      out += printed ? ',' : fm ? '' : ' ';
      continue;
    }
    const digitIndex = digits.length - remainingPlaces;
    remainingPlaces--;
    if (digitIndex >= 0) { out += digits[digitIndex]; printed = true; }
    else if (zeroStart >= 0 && k >= zeroStart) { out += '0'; printed = true; }
    else out += fm ? '' : ' ';
  }
  if (!printed && !hasPoint) out = out.slice(0, -1) + '0';
  let frac = fracDigitsRaw;
  if (fm) {
    // trailing 9 positions drop zeros with FM
    let cut = frac.length;
    while (cut > 0 && frac[cut - 1] === '0' && fracFmt[cut - 1] === '9') cut--;
    frac = frac.slice(0, cut);
  }
  const neg = x < 0 && (Number(intDigits) !== 0 || /[1-9]/.test(fracDigitsRaw));
  digits = out + (hasPoint ? '.' + frac : '');
  const body = (dollar ? '$' : '') + digits.replace(/^ +/, '');
  const signed = (neg ? '-' : '') + body;
  return fm ? signed : signed.padStart(width, ' ');
}

/* ------------------------------------------------------------------------------------------------ */
/* Result typing per formula column type                                                              */

/** The typed value of a formula column: number | string | DateValue | null. */
export type TypedFormulaValue = number | string | DateValue | null;

export function castFormulaResult(v: FValue, type: FormulaType, env: Pick<EvalEnv, 'dateFormat'>): TypedFormulaValue {
  if (typeof v === 'boolean') fail('a condition is not a value');
  switch (type) {
    case 'formulanumeric':
    case 'formulapercent':
      return toNumber(v);
    case 'formulacurrency': {
      const n = toNumber(v);
      return n === null ? null : roundHalfAway(n, 2);
    }
    case 'formulatext':
      return toText(v, env);
    case 'formuladate': {
      const d = toDateValue(v, env);
      return d === null ? null : dateValue(Math.floor(d.day));
    }
    case 'formuladatetime':
      return toDateValue(v, env);
  }
}

/** Parse once, evaluate per row, cast to the column type. */
export class CompiledFormula {
  readonly parsed: ParsedFormula;
  private readonly run: Compiled;
  constructor(source: string, readonly type: FormulaType, errorCode = 'SSS_INVALID_SRCH_COL', what: string = type) {
    this.parsed = parseFormula(source, errorCode, what);
    this.run = compileNode(this.parsed.ast);
  }
  evaluate(env: EvalEnv): TypedFormulaValue {
    return castFormulaResult(this.run(env), this.type, env);
  }
}

/** Convenience for tests and tools: evaluate a formula text against a plain field map. */
export function evaluateFormula(
  source: string,
  type: FormulaType,
  fields: Record<string, { value: FieldValue; type?: FieldType; text?: string | null }>,
  options: { today: string; dateFormat?: string },
): TypedFormulaValue {
  const f = new CompiledFormula(source, type);
  return f.evaluate({
    today: options.today,
    dateFormat: options.dateFormat ?? 'M/D/YYYY',
    field(field, join) {
      const key = join ? `${join}.${field}` : field;
      const hit = fields[key];
      if (!hit) throw createError('SSS_INVALID_SRCH_COL', `${type}: ERROR: Field '${key}' Not Found`);
      return { value: hit.value, text: hit.text ?? null, type: hit.type };
    },
  });
}
