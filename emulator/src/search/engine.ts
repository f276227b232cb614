/**
 * The search engine: runs a search definition {type, filters | filterExpression, columns, settings}
 * against a SearchSource and returns NetSuite-shaped results (search.Result objects).
 *
 * Stages: prepare (normalise and validate filters, columns and formulas; errors here are the errors
 * NetSuite throws when a search is run) → execute (rows → filters → [group + aggregate + HAVING] →
 * sort → format). Nothing is cached between executions, as NetSuite re-runs a search on each
 * getRange/each/fetch. Behaviour and its sources: FIDELITY.md.
 *
 * Performance (large accounts): formulas are parsed and compiled to closures once per prepare, their
 * row-independent parts ({today}, LAST_DAY(ADD_MONTHS({today}, -3)) …) evaluated once; the fields,
 * joins and formula tokens a search reads get slots at prepare, and a RowReader reads each of them once
 * per row and execution; summary columns aggregate as rows stream (no per-row cell arrays). Results,
 * errors and their order are those of the straightforward evaluation (tests/search/fastpaths.test.ts).
 */
import type { FieldType, FieldValue, SearchRow, SearchSource } from '../types';
import { createError } from '../runtime/errors';
import {
  CompiledFormula,
  FormulaRuntimeError,
  dateValue,
  fieldToFValue,
  isDate,
  isFormulaType,
  roundHalfAway,
  type DateValue,
  type EvalEnv,
  type FieldLookup,
  type FieldRef,
  type FormulaType,
  type FValue,
} from './formula';
import {
  formatUserDate,
  formatUserTime,
  isoOf,
  isoTimeFraction,
  parseIso,
  parseUserDate,
  relativeDateRange,
  dayNumber,
  ymdOf,
  type DayRange,
} from './dates';
import { Column, Filter, Result, SUMMARY_TYPES, type Cell, type ColumnSpec, type FilterSpec, type SummaryType } from './objects';

export interface SearchDefinition {
  type: string;
  /** Filter objects/specs (ANDed unless isor/parens), or a filter expression. */
  filters?: unknown;
  filterExpression?: unknown;
  columns?: unknown[];
  settings?: unknown[];
}

export interface RunOptions {
  /** The user's date format preference (getValue of dates, date filter values). Default 'M/D/YYYY'. */
  dateFormat?: string;
  /** Account date 'YYYY-MM-DD' for {today} and relative dates; default source.today(). */
  today?: string;
}

export type ValueType = FieldType | FormulaType;
type Kind = 'text' | 'select' | 'multiselect' | 'date' | 'number' | 'checkbox';
type Raw = number | string | boolean | string[] | DateValue | null;
interface RawCell {
  raw: Raw;
  text: string | null;
  error?: boolean;
  /** Select columns: what getValue gives when it is not the id filters compare (RESULT_VALUE_FIELDS). */
  out?: string;
}

/**
 * Select fields whose getValue is not the id their filters take: a transaction's `status` is filtered by
 * code ('SalesOrd:G') but getValue gives NetSuite's status id ('fullyBilled'). Rows that know it offer
 * `resultValue(field)`; grouping, COUNT and filters keep using the code.
 */
const RESULT_VALUE_FIELDS = new Set(['status']);
interface ResultValueRow extends SearchRow {
  resultValue?(field: string): FieldValue | undefined;
}

export const INVALID_EXPRESSION = 'ERROR: Invalid Expression';

export function kindOf(t: ValueType): Kind {
  switch (t) {
    case 'select': return 'select';
    case 'multiselect': return 'multiselect';
    case 'checkbox': return 'checkbox';
    case 'date': case 'datetime': case 'formuladate': case 'formuladatetime': return 'date';
    case 'currency': case 'float': case 'integer': case 'percent':
    case 'formulanumeric': case 'formulacurrency': case 'formulapercent': return 'number';
    default: return 'text';
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Operators                                                                                          */

export const OPERATORS = [
  'after', 'allof', 'any', 'anyof', 'before', 'between', 'contains', 'doesnotcontain', 'doesnotstartwith', 'equalto',
  'greaterthan', 'greaterthanorequalto', 'haskeywords', 'is', 'isempty', 'isnot', 'isnotempty', 'lessthan',
  'lessthanorequalto', 'noneof', 'notafter', 'notallof', 'notbefore', 'notbetween', 'notequalto', 'notgreaterthan',
  'notgreaterthanorequalto', 'notlessthan', 'notlessthanorequalto', 'noton', 'notonorafter', 'notonorbefore',
  'notwithin', 'on', 'onorafter', 'onorbefore', 'startswith', 'within',
] as const;

const OPS_BY_KIND: Record<Kind, readonly string[]> = {
  text: ['any', 'contains', 'doesnotcontain', 'doesnotstartwith', 'haskeywords', 'is', 'isnot', 'isempty', 'isnotempty', 'startswith'],
  select: ['anyof', 'noneof', 'is', 'isnot', 'isempty', 'isnotempty'],
  multiselect: ['anyof', 'noneof', 'allof', 'notallof', 'isempty', 'isnotempty'],
  date: ['on', 'noton', 'before', 'notbefore', 'after', 'notafter', 'onorbefore', 'notonorbefore', 'onorafter', 'notonorafter', 'within', 'notwithin', 'isempty', 'isnotempty'],
  number: ['any', 'equalto', 'notequalto', 'greaterthan', 'notgreaterthan', 'greaterthanorequalto', 'notgreaterthanorequalto', 'lessthan', 'notlessthan', 'lessthanorequalto', 'notlessthanorequalto', 'between', 'notbetween', 'isempty', 'isnotempty'],
  checkbox: ['is', 'isnot'],
};

/* ------------------------------------------------------------------------------------------------ */
/* Normalised definition                                                                              */

interface Ctx {
  source: SearchSource;
  type: string;
  today: string;
  todayDay: number;
  dateFormat: string;
  /** Field and join slots of this search (see Slots). */
  slots: Slots;
}

/**
 * The fields and joins a search reads, numbered at prepare time so that one execution reads each of a
 * row's values once (row.value / row.text / row.join are called at most once per row and slot, however
 * many columns, filters and formulas use them).
 */
interface Slots {
  /** 'join\u0000field' → value slot. */
  valueKeys: Map<string, number>;
  valueName: string[];
  /** Join slot of each value slot (-1: the row itself). */
  valueJoin: number[];
  joinKeys: Map<string, number>;
  joinName: string[];
  /** Field tokens of the search's formulas, and their keys ('field' or 'join.field') → formula value slot. */
  refs: Map<FieldRef, FormulaRef>;
  formulaKeys: Map<string, number>;
}

interface FormulaRef {
  /** Slot of the token's formula value. */
  index: number;
  value: number;
  join: number;
  type: FieldType | undefined;
  fallbackId: boolean;
}

function newSlots(): Slots {
  return { valueKeys: new Map(), valueName: [], valueJoin: [], joinKeys: new Map(), joinName: [], refs: new Map(), formulaKeys: new Map() };
}

function joinSlot(slots: Slots, join: string | null): number {
  if (!join) return -1;
  let j = slots.joinKeys.get(join);
  if (j === undefined) {
    j = slots.joinName.length;
    slots.joinName.push(join);
    slots.joinKeys.set(join, j);
  }
  return j;
}

function valueSlot(slots: Slots, name: string, join: string | null): number {
  const key = `${join ?? ''}\u0000${name}`;
  let v = slots.valueKeys.get(key);
  if (v === undefined) {
    v = slots.valueName.length;
    slots.valueName.push(name);
    slots.valueJoin.push(joinSlot(slots, join));
    slots.valueKeys.set(key, v);
  }
  return v;
}

interface NormColumn {
  col: Column;
  name: string;
  join: string | null;
  summary: SummaryType | null;
  formula: FormulaBinding | null;
  /** Type of the row value as read (before a column function). */
  fieldType: ValueType;
  /** Type after the column function (what is aggregated). */
  baseType: ValueType;
  /** Type after the summary (what is formatted). */
  outType: ValueType;
  sort: 'ASC' | 'DESC' | null;
  fn: string | null;
  /** Field columns: value slot, join slot, internal id column, kind of fieldType. */
  slot: number;
  joinSlot: number;
  isId: boolean;
  kind: Kind;
  /** getValue comes from the row's resultValue (RESULT_VALUE_FIELDS). */
  resultValue: boolean;
}

interface FormulaBinding {
  compiled: CompiledFormula;
  /** Field type per token key ('field' or 'join.field'); 'fallback-id' → the row's internal id. */
  fields: Map<string, { type: FieldType | undefined; fallbackId: boolean }>;
}

interface NormFilter {
  label: string;
  name: string;
  join: string | null;
  operator: string;
  summary: SummaryType | null;
  formula: FormulaBinding | null;
  baseType: ValueType;
  matchType: ValueType;
  values: unknown[];
  nums: number[];
  ranges: DayRange[];
  strs: string[];
  /** strs lowercased (select and text matching). */
  lower: string[];
  /** Field filters: value slot, join slot, internal id filter, kind of baseType. */
  slot: number;
  joinSlot: number;
  isId: boolean;
  kind: Kind;
}

type FExpr = { k: 'term'; f: NormFilter } | { k: 'and' | 'or'; items: FExpr[] } | { k: 'not'; e: FExpr } | { k: 'true' };

function badFilter(msg: string): never {
  throw createError('SSS_INVALID_SRCH_FILTER', msg);
}
function badExpr(msg: string): never {
  throw createError('SSS_INVALID_SRCH_FILTER_EXPR', msg);
}

function normSummary(s: unknown, what: string): SummaryType | null {
  if (s === undefined || s === null || s === '') return null;
  const up = String(s).toUpperCase() as SummaryType;
  if (!SUMMARY_TYPES.includes(up)) throw createError('SSS_INVALID_SRCH_SUMMARY_TYP', `${what}: invalid summary type ${String(s)} (use search.Summary: GROUP, COUNT, SUM, AVG, MIN, MAX)`);
  return up;
}

function fieldTypeOf(ctx: Ctx, name: string, join: string | null): ValueType | null {
  if (ctx.source.hasField(ctx.type, name, join ?? undefined)) return ctx.source.fieldType(ctx.type, name, join ?? undefined) ?? 'text';
  if (name === 'internalid') return 'select';
  if (name === 'internalidnumber') return 'integer';
  if (name === 'mainline' && !join) return 'checkbox';
  return null;
}

function bindFormula(ctx: Ctx, text: string, type: FormulaType, code: string, what: string): FormulaBinding {
  const compiled = new CompiledFormula(text, type, code, what);
  const fields = new Map<string, { type: FieldType | undefined; fallbackId: boolean }>();
  for (const ref of compiled.parsed.fields) {
    const name = ref.field === 'id' ? 'internalid' : ref.field;
    const key = ref.join ? `${ref.join}.${ref.field}` : ref.field;
    if (ctx.source.hasField(ctx.type, name, ref.join ?? undefined)) {
      fields.set(key, { type: ctx.source.fieldType(ctx.type, name, ref.join ?? undefined), fallbackId: false });
    } else if (name === 'internalid') {
      fields.set(key, { type: 'integer', fallbackId: true });
    } else {
      throw createError(code, `${what}: ERROR: Field '${ref.raw}' Not Found (formula "${text}", position ${ref.pos + 1})`);
    }
  }
  // Formula value slots: one per token key (the same key has the same type in every formula of a search).
  const slots = ctx.slots;
  for (const ref of compiled.parsed.fields) {
    const key = ref.join ? `${ref.join}.${ref.field}` : ref.field;
    const info = fields.get(key)!;
    let index = slots.formulaKeys.get(key);
    if (index === undefined) {
      index = slots.formulaKeys.size;
      slots.formulaKeys.set(key, index);
    }
    slots.refs.set(ref, {
      index,
      value: valueSlot(slots, ref.field === 'id' ? 'internalid' : ref.field, ref.join),
      join: joinSlot(slots, ref.join),
      type: info.type,
      fallbackId: info.fallbackId,
    });
  }
  return { compiled, fields };
}

const COLUMN_FUNCTIONS: Record<string, (v: Raw, ctx: Ctx) => Raw> = {
  absolutevalue: (v) => (typeof v === 'number' ? Math.abs(v) : v),
  negate: (v) => (typeof v === 'number' ? -v : v),
  round: (v) => (typeof v === 'number' ? roundHalfAway(v, 0) : v),
  roundtotenths: (v) => (typeof v === 'number' ? roundHalfAway(v, 1) : v),
  roundtohundredths: (v) => (typeof v === 'number' ? roundHalfAway(v, 2) : v),
  ageindays: (v, ctx) => (isDate(v) ? ctx.todayDay - Math.floor(v.day) : null),
  ageinweeks: (v, ctx) => (isDate(v) ? Math.floor((ctx.todayDay - Math.floor(v.day)) / 7) : null),
  ageinmonths: (v, ctx) => {
    if (!isDate(v)) return null;
    const a = ymdOf(ctx.todayDay), b = ymdOf(v.day);
    return (a.y - b.y) * 12 + (a.m - b.m) - (a.d < b.d ? 1 : 0);
  },
  ageinyears: (v, ctx) => {
    if (!isDate(v)) return null;
    const a = ymdOf(ctx.todayDay), b = ymdOf(v.day);
    return a.y - b.y - (a.m < b.m || (a.m === b.m && a.d < b.d) ? 1 : 0);
  },
  day: (v) => (isDate(v) ? dateValue(Math.floor(v.day)) : v),
};

function functionType(fn: string, base: ValueType): ValueType {
  if (fn.startsWith('agein')) return 'integer';
  if (fn === 'day') return 'date';
  return base;
}

function normColumn(ctx: Ctx, input: unknown, index: number): NormColumn {
  let col: Column;
  if (input instanceof Column) col = input;
  else if (typeof input === 'string') {
    const dot = input.indexOf('.');
    col = new Column(dot > 0 ? { name: input.slice(dot + 1), join: input.slice(0, dot) } : { name: input });
  } else if (input && typeof input === 'object' && typeof (input as ColumnSpec).name === 'string') col = new Column(input as ColumnSpec);
  else throw createError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: column ${index + 1} ${JSON.stringify(input)}`);
  const name = col.name.toLowerCase();
  const join = col.join?.toLowerCase() ?? null;
  const what = `column ${col.join ? `${col.join}.` : ''}${col.name}`;
  const summary = normSummary(col.summary, what);
  let formula: FormulaBinding | null = null;
  let baseType: ValueType;
  if (isFormulaType(name)) {
    if (!col.formula) throw createError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${col.name} (a formula column needs a formula)`);
    formula = bindFormula(ctx, col.formula, name, 'SSS_INVALID_SRCH_COL', col.name);
    baseType = name;
  } else {
    const t = fieldTypeOf(ctx, name, join);
    if (t === null) throw createError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${col.join ? `${col.join}.` : ''}${col.name}`);
    baseType = t;
  }
  const fieldType = baseType;
  let fn: string | null = null;
  if (col.function) {
    fn = col.function.toLowerCase();
    if (!COLUMN_FUNCTIONS[fn]) throw createError('SSS_INVALID_SRCH_COL', `${what}: unsupported column function ${col.function}`);
    baseType = functionType(fn, baseType);
  }
  if ((summary === 'SUM' || summary === 'AVG') && kindOf(baseType) !== 'number') {
    throw createError('SSS_INVALID_SRCH_SUMMARY_TYP', `${what}: summary ${summary} needs a numeric column, ${baseType} is not`);
  }
  const outType: ValueType = summary === 'COUNT' ? 'integer' : summary === 'AVG' && (baseType === 'integer' || baseType === 'formulanumeric') ? 'float' : baseType;
  const sortRaw = (col.sort ?? 'NONE').toUpperCase();
  if (!['ASC', 'DESC', 'NONE'].includes(sortRaw)) throw createError('SSS_INVALID_SRCH_COL', `${what}: invalid sort ${col.sort}`);
  return {
    col, name, join, summary, formula, fieldType, baseType, outType, sort: sortRaw === 'NONE' ? null : (sortRaw as 'ASC' | 'DESC'), fn,
    slot: formula ? -1 : valueSlot(ctx.slots, name, join),
    joinSlot: formula ? -1 : joinSlot(ctx.slots, join),
    isId: name === 'internalid' || name === 'internalidnumber',
    kind: kindOf(fieldType),
    resultValue: !formula && !fn && kindOf(fieldType) === 'select' && RESULT_VALUE_FIELDS.has(name),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Filter values                                                                                      */

function dateOfValue(v: unknown, ctx: Ctx, label: string): DayRange {
  if (v instanceof Date) {
    const d = dayNumber(v.getFullYear(), v.getMonth() + 1, v.getDate());
    return { start: d, end: d };
  }
  const s = String(v ?? '').trim();
  const iso = parseIso(s);
  if (iso !== null) return { start: iso, end: iso };
  const user = parseUserDate(s, ctx.dateFormat);
  if (user !== null) return { start: user, end: user };
  const rel = relativeDateRange(s, ctx.todayDay);
  if (rel) return rel;
  return badFilter(`An nlobjSearchFilter contains invalid search criteria: ${label} (invalid date value '${s}', expected ${ctx.dateFormat}, YYYY-MM-DD or a relative date such as today, daysago30, thismonth)`);
}

function normFilterValues(f: NormFilter, ctx: Ctx): void {
  const kind = kindOf(f.matchType);
  const op = f.operator;
  const vals = f.values;
  const need = (n: number): void => {
    if (vals.length < n || vals.slice(0, n).some((v) => v === undefined || v === null || v === '')) {
      badFilter(`An nlobjSearchFilter contains invalid search criteria: ${f.label} (operator ${op} needs ${n} value${n > 1 ? 's' : ''})`);
    }
  };
  if (op === 'isempty' || op === 'isnotempty' || op === 'any') return;
  if (kind === 'number') {
    const n = op === 'between' || op === 'notbetween' ? 2 : 1;
    need(n);
    f.nums = vals.slice(0, n).map((v) => {
      const x = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
      if (!Number.isFinite(x)) badFilter(`An nlobjSearchFilter contains invalid search criteria: ${f.label} (not a number: '${String(v)}')`);
      return x;
    });
  } else if (kind === 'date') {
    const n = (op === 'within' || op === 'notwithin') && vals.length >= 2 ? 2 : 1;
    need(n);
    f.ranges = vals.slice(0, n).map((v) => dateOfValue(v, ctx, f.label));
  } else if (kind === 'checkbox') {
    need(1);
    const v = vals[0];
    const b = v === true || String(v).toUpperCase() === 'T' || String(v).toLowerCase() === 'true';
    const isF = v === false || String(v).toUpperCase() === 'F' || String(v).toLowerCase() === 'false';
    if (!b && !isF) badFilter(`An nlobjSearchFilter contains invalid search criteria: ${f.label} (checkbox value must be T or F)`);
    f.strs = [b ? 'T' : 'F'];
  } else {
    need(1);
    f.strs = vals.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => String(v));
  }
}

/** Parse 'formulanumeric: {x}', 'sum(amount)', 'customer.email' filter names of expressions. */
export function parseTermName(spec: string): { name: string; join: string | null; summary: string | null; formula: string | null } {
  let s = spec.trim();
  let summary: string | null = null;
  const sm = /^(sum|count|avg|min|max|group)\s*\(([\s\S]+)\)$/i.exec(s);
  if (sm) {
    summary = sm[1].toUpperCase();
    s = sm[2].trim();
  }
  const fm = /^(formula\w+)\s*:\s*([\s\S]*)$/i.exec(s);
  if (fm) return { name: fm[1].toLowerCase(), join: null, summary, formula: fm[2] };
  const dot = s.indexOf('.');
  if (dot > 0) return { name: s.slice(dot + 1), join: s.slice(0, dot), summary, formula: null };
  return { name: s, join: null, summary, formula: null };
}

function normFilter(ctx: Ctx, spec: FilterSpec): NormFilter {
  const name = String(spec.name ?? '').trim().toLowerCase();
  const join = spec.join ? String(spec.join).toLowerCase() : null;
  const label = `${join ? `${join}.` : ''}${name}`;
  if (!name) badFilter('An nlobjSearchFilter contains invalid search criteria: (no field name)');
  const operator = String(spec.operator ?? '').trim().toLowerCase();
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    throw createError('SSS_INVALID_SRCH_OPERATOR', `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${String(spec.operator)} (filter ${label})`);
  }
  const summary = normSummary(spec.summary, `filter ${label}`);
  let formula: FormulaBinding | null = null;
  let baseType: ValueType;
  if (isFormulaType(name)) {
    if (!spec.formula) badFilter(`An nlobjSearchFilter contains invalid search criteria: ${name} (a formula filter needs a formula)`);
    formula = bindFormula(ctx, spec.formula, name, 'SSS_INVALID_SRCH_FILTER', `filter ${name}`);
    baseType = name;
  } else {
    const t = fieldTypeOf(ctx, name, join);
    if (t === null) badFilter(`An nlobjSearchFilter contains invalid search criteria: ${label}`);
    baseType = t;
  }
  if ((summary === 'SUM' || summary === 'AVG') && kindOf(baseType) !== 'number') {
    throw createError('SSS_INVALID_SRCH_SUMMARY_TYP', `filter ${label}: summary ${summary} needs a numeric field`);
  }
  const matchType: ValueType = summary === 'COUNT' ? 'integer' : baseType;
  if (!OPS_BY_KIND[kindOf(matchType)].includes(operator)) {
    throw createError('SSS_INVALID_SRCH_OPERATOR', `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${operator} (not valid for ${label}, a ${matchType} field)`);
  }
  const raw = spec.values;
  const values = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const f: NormFilter = {
    label, name, join, operator, summary, formula, baseType, matchType, values, nums: [], ranges: [], strs: [], lower: [],
    slot: formula ? -1 : valueSlot(ctx.slots, name, join),
    joinSlot: formula ? -1 : joinSlot(ctx.slots, join),
    isId: name === 'internalid' || name === 'internalidnumber',
    kind: kindOf(baseType),
  };
  normFilterValues(f, ctx);
  f.lower = f.strs.map((x) => x.toLowerCase());
  return f;
}

/* Filter expressions → tokens → tree */

type Tok = '(' | ')' | 'and' | 'or' | 'not' | { spec: FilterSpec };

function isTermArray(a: unknown[]): boolean {
  return typeof a[0] === 'string' && !['not', 'and', 'or'].includes(a[0].trim().toLowerCase());
}

function termFromArray(a: unknown[]): FilterSpec {
  if (typeof a[1] !== 'string') badExpr(`Invalid search filter expression: ${JSON.stringify(a)} (expected [field, operator, values…])`);
  const rest = a.slice(2);
  const values = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest;
  const p = parseTermName(a[0] as string);
  return { name: p.name, join: p.join, summary: p.summary, formula: p.formula, operator: a[1], values };
}

function exprTokens(expr: unknown[], out: Tok[]): void {
  if (expr.length === 0) return;
  if (isTermArray(expr)) {
    out.push({ spec: termFromArray(expr) });
    return;
  }
  for (const el of expr) {
    if (typeof el === 'string') {
      const w = el.trim().toLowerCase();
      if (w !== 'and' && w !== 'or' && w !== 'not') badExpr(`Invalid search filter expression: unexpected '${el}'`);
      out.push(w);
    } else if (Array.isArray(el)) {
      if (el.length === 0) badExpr('Invalid search filter expression: empty term');
      out.push('(');
      exprTokens(el, out);
      out.push(')');
    } else if (el instanceof Filter || (el && typeof el === 'object' && 'name' in el)) {
      out.push({ spec: el instanceof Filter ? el.toSpec() : (el as FilterSpec) });
    } else badExpr(`Invalid search filter expression: unexpected ${JSON.stringify(el)}`);
  }
}

function filterListTokens(list: unknown[]): Tok[] {
  const out: Tok[] = [];
  list.forEach((raw, i) => {
    const spec: FilterSpec = raw instanceof Filter ? raw.toSpec() : (raw as FilterSpec);
    if (!spec || typeof spec !== 'object' || typeof spec.name !== 'string') badFilter(`An nlobjSearchFilter contains invalid search criteria: filter ${i + 1} ${JSON.stringify(raw)}`);
    for (let k = 0; k < (spec.leftparens ?? 0); k++) out.push('(');
    if (spec.isnot) out.push('not');
    out.push({ spec });
    for (let k = 0; k < (spec.rightparens ?? 0); k++) out.push(')');
    if (i < list.length - 1) out.push(spec.isor ? 'or' : 'and');
  });
  return out;
}

/** True when a `filters` array is a filter expression (nested arrays / 'and' strings) rather than Filter objects. */
export function isFilterExpression(filters: unknown): filters is unknown[] {
  return Array.isArray(filters) && filters.some((x) => Array.isArray(x) || typeof x === 'string');
}

function parseTokens(toks: Tok[], ctx: Ctx): FExpr {
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const parseOr = (): FExpr => {
    const items = [parseAnd()];
    while (peek() === 'or') { i++; items.push(parseAnd()); }
    return items.length === 1 ? items[0] : { k: 'or', items: items.flatMap((x) => (x.k === 'or' ? x.items : [x])) };
  };
  const parseAnd = (): FExpr => {
    const items = [parseUnary()];
    while (peek() === 'and') { i++; items.push(parseUnary()); }
    return items.length === 1 ? items[0] : { k: 'and', items: items.flatMap((x) => (x.k === 'and' ? x.items : [x])) };
  };
  const parseUnary = (): FExpr => {
    const t = toks[i++];
    if (t === 'not') return { k: 'not', e: parseUnary() };
    if (t === '(') {
      const e = parseOr();
      if (toks[i++] !== ')') badExpr('Invalid search filter expression: missing closing parenthesis');
      return e;
    }
    if (t && typeof t === 'object') return { k: 'term', f: normFilter(ctx, t.spec) };
    return badExpr(`Invalid search filter expression: expected a filter term, found ${t === undefined ? 'end' : `'${String(t)}'`}`);
  };
  if (toks.length === 0) return { k: 'true' };
  const e = parseOr();
  if (i < toks.length) badExpr(`Invalid search filter expression: expected 'and' or 'or', found '${typeof toks[i] === 'string' ? toks[i] : 'a filter term'}'`);
  return e;
}

/* ------------------------------------------------------------------------------------------------ */
/* Row values                                                                                         */

function toRaw(v: FieldValue | undefined, type: ValueType): Raw {
  const kind = kindOf(type);
  if (kind === 'checkbox') return v === true || v === 'T';
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  switch (kind) {
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'date': {
      if (typeof v !== 'string') return null;
      const d = parseIso(v);
      return d === null ? null : dateValue(type === 'datetime' ? d + isoTimeFraction(v) : d);
    }
    case 'select':
      return Array.isArray(v) ? v.join(',') : String(v);
    case 'multiselect':
      return Array.isArray(v) ? v.map(String) : String(v).split(',');
    default:
      return Array.isArray(v) ? v.join(',') : String(v);
  }
}

/**
 * One execution's reader of row values: the current row's field values, texts, joined rows and formula
 * field values, each read from the row once (see Slots). `gen` numbers the current row.
 */
class RowReader {
  row: SearchRow = null as unknown as SearchRow;
  private gen = 0;
  private readonly valueGen: Int32Array;
  private readonly values: (FieldValue | undefined)[];
  private readonly textGen: Int32Array;
  private readonly texts: (string | null)[];
  private readonly joinGen: Int32Array;
  private readonly joins: (SearchRow | null)[];
  private readonly formulaGen: Int32Array;
  private readonly formulaValues: FValue[];
  /** The formula environment (one per execution; field tokens read the current row). */
  readonly env: EvalEnv;

  constructor(private readonly slots: Slots, ctx: Ctx) {
    const nv = slots.valueName.length, nj = slots.joinName.length, nf = slots.formulaKeys.size;
    this.valueGen = new Int32Array(nv);
    this.values = new Array<FieldValue | undefined>(nv).fill(undefined);
    this.textGen = new Int32Array(nv);
    this.texts = new Array<string | null>(nv).fill(null);
    this.joinGen = new Int32Array(nj);
    this.joins = new Array<SearchRow | null>(nj).fill(null);
    this.formulaGen = new Int32Array(nf);
    this.formulaValues = new Array<FValue>(nf).fill(null);
    const fieldLookup = (field: string, join: string | null): FieldLookup => this.lookup(field, join);
    const fieldValue = (ref: FieldRef): FValue => this.formulaValue(ref);
    this.env = { today: ctx.today, dateFormat: ctx.dateFormat, field: fieldLookup, fieldValue };
  }

  /** Make `row` the current row. */
  set(row: SearchRow): void {
    this.row = row;
    this.gen++;
  }

  /** The row itself (slot -1) or a joined row, null when the join is empty. */
  target(join: number): SearchRow | null {
    if (join < 0) return this.row;
    if (this.joinGen[join] !== this.gen) {
      this.joinGen[join] = this.gen;
      this.joins[join] = this.row.join(this.slots.joinName[join]);
    }
    return this.joins[join];
  }

  /** target.value(name) of a value slot (target: this slot's join target, not null). */
  value(slot: number, target: SearchRow): FieldValue | undefined {
    if (this.valueGen[slot] !== this.gen) {
      this.valueGen[slot] = this.gen;
      this.values[slot] = target.value(this.slots.valueName[slot]);
    }
    return this.values[slot];
  }

  /** target.text(name) of a value slot. */
  text(slot: number, target: SearchRow): string | null {
    if (this.textGen[slot] !== this.gen) {
      this.textGen[slot] = this.gen;
      this.texts[slot] = target.text(this.slots.valueName[slot]);
    }
    return this.texts[slot];
  }

  /** A field's cell (raw value and, for selects when asked, display text). */
  fieldCell(slot: number, join: number, type: ValueType, kind: Kind, isId: boolean, needText: boolean): RawCell {
    const target = this.target(join);
    if (!target) return { raw: toRaw(null, type), text: null };
    let v = this.value(slot, target);
    if ((v === undefined || v === null) && isId) v = target.id;
    const raw = toRaw(v, type);
    let text: string | null = null;
    if (needText && (kind === 'select' || kind === 'multiselect')) text = raw === null ? null : this.text(slot, target) ?? (isId ? target.id : null);
    return { raw, text };
  }

  /** A field's raw value (fieldCell without the text). */
  fieldRaw(slot: number, join: number, type: ValueType, isId: boolean): Raw {
    const target = this.target(join);
    if (!target) return toRaw(null, type);
    let v = this.value(slot, target);
    if ((v === undefined || v === null) && isId) v = target.id;
    return toRaw(v, type);
  }

  /** The value of a formula's field token on the current row (fieldToFValue of the field lookup). */
  formulaValue(ref: FieldRef): FValue {
    const info = this.slots.refs.get(ref);
    if (!info) return fieldToFValue(this.lookup(ref.field, ref.join));
    const i = info.index;
    if (this.formulaGen[i] === this.gen) return this.formulaValues[i];
    let v: FValue;
    const target = this.target(info.join);
    if (!target) v = null;
    else if (info.fallbackId) v = fieldToFValue({ value: Number(target.id), text: null, type: 'integer' });
    else {
      const value = this.value(info.value, target);
      const text = info.type === 'select' || info.type === 'multiselect' ? this.text(info.value, target) : null;
      v = fieldToFValue({ value, text, type: info.type });
    }
    this.formulaGen[i] = this.gen;
    this.formulaValues[i] = v;
    return v;
  }

  /** EvalEnv.field: a field token's value, text and type on the current row. */
  private lookup(field: string, join: string | null): FieldLookup {
    const row = this.row;
    let info: FormulaRef | undefined;
    for (const r of this.slots.refs.entries()) {
      if (r[0].field === field && r[0].join === join) {
        info = r[1];
        break;
      }
    }
    const target = join ? row.join(join) : row;
    if (!target) return { value: null, text: null, type: info?.type };
    const name = field === 'id' ? 'internalid' : field;
    if (info?.fallbackId) return { value: Number(target.id), text: null, type: 'integer' };
    return { value: target.value(name), text: target.text(name), type: info?.type };
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Matching                                                                                           */

function isEmptyRaw(v: Raw): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function textOf(c: RawCell): string {
  if (c.raw === null) return '';
  if (isDate(c.raw)) return isoOf(c.raw.day);
  return Array.isArray(c.raw) ? c.raw.join(',') : String(c.raw);
}

/** One wanted select value against the values a row has ('@none@': empty, '@all@': anything). */
function hitOne(x: string, have: string[]): boolean {
  return x === '@none@' ? have.length === 0 : x === '@all@' ? true : have.includes(x);
}
function someHit(want: string[], have: string[]): boolean {
  for (let i = 0; i < want.length; i++) if (hitOne(want[i], have)) return true;
  return false;
}
function everyHit(want: string[], have: string[]): boolean {
  for (let i = 0; i < want.length; i++) if (!hitOne(want[i], have)) return false;
  return true;
}

function matchFilter(f: NormFilter, c: RawCell): boolean {
  const op = f.operator;
  const v = c.raw;
  if (op === 'any') return true;
  if (op === 'isempty') return isEmptyRaw(v);
  if (op === 'isnotempty') return !isEmptyRaw(v);
  const kind = kindOf(f.matchType);
  switch (kind) {
    case 'number': {
      if (typeof v !== 'number') return false;
      const [a, b] = f.nums;
      switch (op) {
        case 'equalto': return v === a;
        case 'notequalto': return v !== a;
        case 'greaterthan': case 'notlessthanorequalto': return v > a;
        case 'notgreaterthan': case 'lessthanorequalto': return v <= a;
        case 'greaterthanorequalto': case 'notlessthan': return v >= a;
        case 'lessthan': case 'notgreaterthanorequalto': return v < a;
        case 'between': return v >= Math.min(a, b) && v <= Math.max(a, b);
        case 'notbetween': return v < Math.min(a, b) || v > Math.max(a, b);
      }
      return false;
    }
    case 'date': {
      if (!isDate(v)) return false;
      const d = Math.floor(v.day);
      const r = f.ranges[0];
      switch (op) {
        case 'on': return d >= r.start && d <= r.end;
        case 'noton': return d < r.start || d > r.end;
        case 'before': case 'notonorafter': return d < r.start;
        case 'notbefore': case 'onorafter': return d >= r.start;
        case 'after': case 'notonorbefore': return d > r.end;
        case 'notafter': case 'onorbefore': return d <= r.end;
        case 'within': case 'notwithin': {
          const end = (f.ranges[1] ?? r).end;
          const inside = d >= r.start && d <= end;
          return op === 'within' ? inside : !inside;
        }
      }
      return false;
    }
    case 'checkbox': {
      const want = f.strs[0] === 'T';
      return op === 'is' ? v === want : v !== want;
    }
    case 'select':
    case 'multiselect': {
      const have = v === null ? [] : Array.isArray(v) ? v.map((x) => x.toLowerCase()) : [String(v).toLowerCase()];
      const want = f.lower;
      switch (op) {
        case 'anyof': case 'is': return someHit(want, have);
        case 'noneof': case 'isnot': return !someHit(want, have);
        case 'allof': return everyHit(want, have);
        case 'notallof': return !everyHit(want, have);
      }
      return false;
    }
    default: {
      const s = textOf(c).toLowerCase();
      const w = f.lower[0] ?? '';
      switch (op) {
        case 'is': return s === w;
        case 'isnot': return s !== w;
        case 'contains': return s !== '' && s.includes(w);
        case 'doesnotcontain': return !s.includes(w) || s === '';
        case 'startswith': return s !== '' && s.startsWith(w);
        case 'doesnotstartwith': return !s.startsWith(w) || s === '';
        case 'haskeywords': {
          const words = s.split(/[^a-z0-9]+/).filter(Boolean);
          return w.split(/\s+/).filter(Boolean).every((k) => words.some((x) => x.startsWith(k)));
        }
      }
      return false;
    }
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Aggregation, comparison, formatting                                                                */

function isCurrencyLike(t: ValueType): boolean {
  return t === 'currency' || t === 'formulacurrency';
}

function cleanNumber(n: number): number {
  const r = Number(n.toPrecision(15));
  return r === 0 ? 0 : r;
}

/** A column value that is a formula error (summary columns read raw values, not cells). */
const ERROR_RAW: unique symbol = Symbol('formula error');

function rawKey(c: RawCell): string {
  return rawValueKey(c.raw);
}

function rawValueKey(v: Raw): string {
  if (v === null) return '';
  if (isDate(v)) return `d${v.day}`;
  return `${typeof v}:${Array.isArray(v) ? v.join(',') : String(v)}`;
}

function aggregate(summary: SummaryType, type: ValueType, cells: RawCell[]): RawCell {
  if (cells.some((c) => c.error)) return { raw: null, text: null, error: true };
  switch (summary) {
    case 'GROUP':
      return cells[0] ?? { raw: null, text: null };
    case 'COUNT': {
      const keys = new Set(cells.filter((c) => !isEmptyRaw(c.raw) && c.raw !== false).map(rawKey));
      return { raw: keys.size, text: null };
    }
    case 'SUM':
    case 'AVG': {
      const nums = cells.map((c) => c.raw).filter((x): x is number => typeof x === 'number');
      if (nums.length === 0) return { raw: null, text: null };
      let total: number;
      if (isCurrencyLike(type)) total = nums.reduce((s, x) => s + Math.round(x * 100), 0) / 100;
      else total = nums.reduce((s, x) => s + x, 0);
      const v = summary === 'SUM' ? total : total / nums.length;
      return { raw: isCurrencyLike(type) ? roundHalfAway(v, 2) : cleanNumber(v), text: null };
    }
    case 'MIN':
    case 'MAX': {
      let best: RawCell | null = null;
      for (const c of cells) {
        if (isEmptyRaw(c.raw)) continue;
        if (best === null) { best = c; continue; }
        const cmp = compareCells(c, best, type);
        if ((summary === 'MIN' && cmp < 0) || (summary === 'MAX' && cmp > 0)) best = c;
      }
      return best ?? { raw: null, text: null };
    }
  }
}

/** Type-aware comparison; empty values sort lowest (first on ASC, last on DESC). Text is case-insensitive. */
function compareCells(a: RawCell, b: RawCell, type: ValueType): number {
  const ea = isEmptyRaw(a.raw), eb = isEmptyRaw(b.raw);
  if (ea || eb) return ea && eb ? 0 : ea ? -1 : 1;
  const kind = kindOf(type);
  if (kind === 'number') return Math.sign((a.raw as number) - (b.raw as number));
  if (kind === 'date') return Math.sign((a.raw as DateValue).day - (b.raw as DateValue).day);
  if (kind === 'checkbox') return a.raw === b.raw ? 0 : a.raw ? 1 : -1;
  const sa = ((kind === 'select' || kind === 'multiselect') && a.text !== null ? a.text : textOf(a)).toLowerCase();
  const sb = ((kind === 'select' || kind === 'multiselect') && b.text !== null ? b.text : textOf(b)).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function numberText(n: number): string {
  const s = String(cleanNumber(n));
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function formatCell(type: ValueType, c: RawCell, dateFormat: string): Cell {
  if (c.error) return { value: INVALID_EXPRESSION, text: null };
  const v = c.raw;
  const kind = kindOf(type);
  if (kind === 'checkbox') return { value: v === true, text: null };
  if (kind === 'select') return { value: v === null ? '' : (c.out ?? String(v)), text: v === null ? '' : (c.text ?? String(v)) };
  if (kind === 'multiselect') {
    const ids = v === null ? [] : Array.isArray(v) ? v : [String(v)];
    const texts = c.text === null ? ids : c.text.split(',');
    const multi = ids.map((id, i) => ({ value: id, text: texts.length === ids.length ? texts[i].trim() : id }));
    return { value: ids.join(','), text: v === null ? '' : (c.text ?? ids.join(',')), multi };
  }
  if (v === null) return { value: '', text: null };
  if (kind === 'date' && isDate(v)) {
    const date = formatUserDate(Math.floor(v.day), dateFormat);
    if (type === 'datetime' || type === 'formuladatetime') {
      const secs = Math.round((v.day - Math.floor(v.day)) * 86400);
      const iso = `${isoOf(v.day)}T${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}`;
      return { value: `${date} ${formatUserTime(iso)}`, text: null };
    }
    return { value: date, text: null };
  }
  if (kind === 'number' && typeof v === 'number') {
    switch (type) {
      case 'currency': case 'formulacurrency': return { value: roundHalfAway(v, 2).toFixed(2).replace(/^-0\.00$/, '0.00'), text: null };
      case 'integer': return { value: String(Math.round(v)), text: null };
      case 'percent': return { value: `${numberText(v)}%`, text: null };
      case 'formulapercent': return { value: `${numberText(roundHalfAway(v * 100, 2))}%`, text: null };
      default: return { value: numberText(v), text: null };
    }
  }
  return { value: String(v), text: null };
}

/* ------------------------------------------------------------------------------------------------ */
/* Prepared search                                                                                    */

export interface PreparedSearch {
  readonly type: string;
  readonly columns: Column[];
  readonly isSummary: boolean;
  /** Execute now (re-reads the source each time). */
  execute(): Result[];
}

function extractMainline(e: FExpr): { expr: FExpr; mainline: boolean | null } {
  const isMainline = (x: FExpr): boolean =>
    x.k === 'term' && x.f.name === 'mainline' && !x.f.join && !x.f.formula && !x.f.summary && x.f.operator === 'is';
  const val = (x: FExpr): boolean => (x as { f: NormFilter }).f.strs[0] === 'T';
  if (isMainline(e)) return { expr: { k: 'true' }, mainline: val(e) };
  if (e.k === 'and') {
    let mainline: boolean | null = null;
    const items = e.items.filter((x) => {
      if (isMainline(x)) { mainline = val(x); return false; }
      return true;
    });
    return { expr: items.length === 0 ? { k: 'true' } : items.length === 1 ? items[0] : { k: 'and', items }, mainline };
  }
  return { expr: e, mainline: null };
}

function splitHaving(e: FExpr): { rowExpr: FExpr; having: NormFilter[] } {
  const hasSummary = (x: FExpr): boolean =>
    x.k === 'term' ? x.f.summary !== null : x.k === 'not' ? hasSummary(x.e) : x.k === 'true' ? false : x.items.some(hasSummary);
  const isHaving = (x: FExpr): boolean => x.k === 'term' && x.f.summary !== null;
  if (isHaving(e)) return { rowExpr: { k: 'true' }, having: [(e as { f: NormFilter }).f] };
  if (e.k === 'and') {
    const having = e.items.filter(isHaving).map((x) => (x as { f: NormFilter }).f);
    const rest = e.items.filter((x) => !isHaving(x));
    if (rest.some(hasSummary)) badExpr('Invalid search filter expression: summary filters can only be combined with AND at the top level');
    return { rowExpr: rest.length === 0 ? { k: 'true' } : rest.length === 1 ? rest[0] : { k: 'and', items: rest }, having };
  }
  if (hasSummary(e)) badExpr('Invalid search filter expression: summary filters can only be combined with AND at the top level');
  return { rowExpr: e, having: [] };
}

/** Accumulators of one summary group, per column index. */
interface Group {
  /** GROUP columns: the first member's cell. */
  first: (RawCell | undefined)[];
  /** COUNT: distinct non-empty values (rawKey). */
  distinct: (Set<string> | undefined)[];
  /** SUM/AVG: running total (cents for currency columns) and number of numeric values. */
  sums: number[];
  counts: number[];
  /** MIN/MAX: best cell so far. */
  best: (RawCell | null)[];
  /** Member rows (kept for HAVING only). */
  members: SearchRow[];
}

function newGroup(n: number): Group {
  return {
    first: new Array<RawCell | undefined>(n).fill(undefined),
    distinct: new Array<Set<string> | undefined>(n).fill(undefined),
    sums: new Array<number>(n).fill(0),
    counts: new Array<number>(n).fill(0),
    best: new Array<RawCell | null>(n).fill(null),
    members: [],
  };
}

/** Whether rows already come in internal id order (then the stable sort by id would keep them as they are). */
function orderedById(rows: SearchRow[]): boolean {
  let prev = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const id = numericId(rows[k].id);
    if (id < prev) return false;
    prev = id;
  }
  return true;
}

function numericId(id: string): number {
  const n = Number(id);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Normalise and validate a definition; the returned object executes it. Throws NetSuite's errors. */
export function prepareSearch(def: SearchDefinition, source: SearchSource, options: RunOptions = {}): PreparedSearch {
  if (!def || typeof def.type !== 'string' || !def.type) throw createError('SSS_MISSING_REQD_ARGUMENT', 'search: Missing a required argument: type');
  const today = options.today ?? source.today();
  const todayDay = parseIso(today);
  if (todayDay === null) throw new Error(`search engine: bad today '${today}'`);
  const ctx: Ctx = { source, type: def.type.toLowerCase(), today, todayDay, dateFormat: options.dateFormat ?? 'M/D/YYYY', slots: newSlots() };

  const columns = (def.columns ?? []).map((c, i) => normColumn(ctx, c, i));
  const isSummary = columns.some((c) => c.summary !== null);
  if (isSummary) {
    const bare = columns.find((c) => c.summary === null);
    if (bare) throw createError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${bare.col.name} (every column of a summary search needs a summary type)`);
  }

  let tokens: Tok[];
  const fe = def.filterExpression;
  if (Array.isArray(fe) && fe.length > 0) {
    tokens = [];
    exprTokens(fe, tokens);
  } else if (isFilterExpression(def.filters)) {
    tokens = [];
    exprTokens(def.filters, tokens);
  } else if (Array.isArray(def.filters)) tokens = filterListTokens(def.filters);
  else if (def.filters instanceof Filter) tokens = filterListTokens([def.filters]);
  else if (def.filters === undefined || def.filters === null) tokens = [];
  else return badFilter(`An nlobjSearchFilter contains invalid search criteria: ${JSON.stringify(def.filters)}`);

  const { expr: withoutMainline, mainline } = extractMainline(parseTokens(tokens, ctx));
  const { rowExpr, having } = splitHaving(withoutMainline);

  const formulaCell = (re: RowReader, formula: FormulaBinding): RawCell => {
    try {
      const v = formula.compiled.evaluate(re.env);
      return { raw: v, text: null };
    } catch (e) {
      if (e instanceof FormulaRuntimeError) return { raw: null, text: null, error: true };
      throw e;
    }
  };

  /** A filter's cell on the reader's current row (text only when asked: matching reads raw values). */
  const filterCell = (f: NormFilter, re: RowReader, needText: boolean): RawCell => {
    const c = f.formula ? formulaCell(re, f.formula) : re.fieldCell(f.slot, f.joinSlot, f.baseType, f.kind, f.isId, needText);
    if (c.error) throw createError('SSS_INVALID_SRCH_FILTER', `An nlobjSearchFilter contains invalid search criteria: ${f.name}: ${INVALID_EXPRESSION} (${f.formula?.compiled.parsed.source ?? ''})`);
    return c;
  };

  const evalExpr = (e: FExpr, re: RowReader): boolean => {
    switch (e.k) {
      case 'true': return true;
      case 'term': return matchFilter(e.f, filterCell(e.f, re, false));
      case 'not': return !evalExpr(e.e, re);
      case 'and': {
        const items = e.items;
        for (let i = 0; i < items.length; i++) if (!evalExpr(items[i], re)) return false;
        return true;
      }
      case 'or': {
        const items = e.items;
        for (let i = 0; i < items.length; i++) if (evalExpr(items[i], re)) return true;
        return false;
      }
    }
  };

  /** A column's cell on the reader's current row (text of selects only when asked). */
  const columnCell = (c: NormColumn, re: RowReader, needText: boolean): RawCell => {
    const cell = c.formula ? formulaCell(re, c.formula) : re.fieldCell(c.slot, c.joinSlot, c.fieldType, c.kind, c.isId, needText);
    if (c.fn && !cell.error) return { raw: COLUMN_FUNCTIONS[c.fn](cell.raw, ctx), text: cell.text };
    if (c.resultValue && cell.raw !== null) {
      const out = (re.target(c.joinSlot) as ResultValueRow | null)?.resultValue?.(c.name);
      if (out !== undefined && out !== null && out !== '') return { ...cell, out: String(out) };
    }
    return cell;
  };

  /** A column's raw value on the current row (columnCell without text), ERROR_RAW for a formula error. */
  const columnRaw = (c: NormColumn, re: RowReader): Raw | typeof ERROR_RAW => {
    let raw: Raw;
    if (c.formula) {
      try {
        raw = c.formula.compiled.evaluate(re.env);
      } catch (e) {
        if (e instanceof FormulaRuntimeError) return ERROR_RAW;
        throw e;
      }
    } else raw = re.fieldRaw(c.slot, c.joinSlot, c.fieldType, c.isId);
    return c.fn ? COLUMN_FUNCTIONS[c.fn](raw, ctx) : raw;
  };

  const sortRows = <T>(items: T[], cellsOf: (t: T) => RawCell[], types: ValueType[]): T[] => {
    const sorts = columns.map((c, i) => ({ c, i })).filter((x) => x.c.sort !== null);
    if (sorts.length === 0) return items;
    const decorated = items.map((t, idx) => ({ t, idx, cells: cellsOf(t) }));
    decorated.sort((a, b) => {
      for (const { c, i } of sorts) {
        const cmp = compareCells(a.cells[i], b.cells[i], types[i]);
        if (cmp !== 0) return c.sort === 'DESC' ? -cmp : cmp;
      }
      return a.idx - b.idx;
    });
    return decorated.map((d) => d.t);
  };

  const colObjects = (): Column[] => columns.map((c) => new Column(c.col.toSpec()));
  const ncols = columns.length;
  const types = columns.map((c) => c.outType);
  const groupIdx = columns.flatMap((c, i) => (c.summary === 'GROUP' ? [i] : []));
  /** Summary columns whose cells need the select text: MIN/MAX compare selects by text. */
  const summaryNeedsText = columns.map((c) => c.summary === 'MIN' || c.summary === 'MAX');
  /** GROUP columns whose first cell must be re-read with its text (field selects). */
  const groupNeedsText = columns.map((c) => c.summary === 'GROUP' && !c.formula && (c.kind === 'select' || c.kind === 'multiselect'));
  const currencyLike = columns.map((c) => isCurrencyLike(c.baseType));

  const execute = (): Result[] => {
    const re = new RowReader(ctx.slots, ctx);
    let all: SearchRow[] = [];
    for (const r of source.rows(ctx.type, { mainline })) all.push(r);
    if (!orderedById(all)) {
      all = all
        .map((r, idx) => ({ r, idx }))
        .sort((a, b) => numericId(a.r.id) - numericId(b.r.id) || a.idx - b.idx)
        .map((x) => x.r);
    }
    let rows: SearchRow[];
    if (rowExpr.k === 'true') rows = all;
    else {
      rows = [];
      for (let k = 0; k < all.length; k++) {
        re.set(all[k]);
        if (evalExpr(rowExpr, re)) rows.push(all[k]);
      }
    }
    const cols = colObjects();

    if (!isSummary) {
      const cellsByRow: RawCell[][] = new Array<RawCell[]>(rows.length);
      const errored: boolean[] = new Array<boolean>(ncols).fill(false);
      for (let k = 0; k < rows.length; k++) {
        re.set(rows[k]);
        const cells = new Array<RawCell>(ncols);
        for (let i = 0; i < ncols; i++) {
          const cell = columnCell(columns[i], re, true);
          if (cell.error) errored[i] = true;
          cells[i] = cell;
        }
        cellsByRow[k] = cells;
      }
      const order = sortRows(rows.map((_, k) => k), (k) => cellsByRow[k], types);
      return order.map((k) => {
        const r = rows[k];
        const cells = cellsByRow[k].map((cell, i) => formatCell(columns[i].outType, errored[i] ? { ...cell, error: true } : cell, ctx.dateFormat));
        return new Result(r.id, r.recordType, cols, cells, false);
      });
    }

    // Summary search: group by GROUP columns (by value), aggregate the rest (streaming, in row order), HAVING, order.
    const groups = new Map<string, Group>();
    const errored: boolean[] = new Array<boolean>(ncols).fill(false);
    const cells = new Array<RawCell | null>(ncols).fill(null);
    const raws = new Array<Raw>(ncols).fill(null);
    /** Columns aggregated from whole cells (GROUP keys and MIN/MAX); the others from raw values. */
    const wholeCell = columns.map((c) => c.summary === 'GROUP' || c.summary === 'MIN' || c.summary === 'MAX');
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      re.set(r);
      for (let i = 0; i < ncols; i++) {
        if (wholeCell[i]) {
          const cell = columnCell(columns[i], re, summaryNeedsText[i]);
          if (cell.error) errored[i] = true;
          cells[i] = cell;
          raws[i] = cell.raw;
        } else {
          const raw = columnRaw(columns[i], re);
          if (raw === ERROR_RAW) {
            errored[i] = true;
            raws[i] = null;
          } else raws[i] = raw;
        }
      }
      const key = groupIdx.length === 1 ? rawKey(cells[groupIdx[0]]!) : groupIdx.length === 0 ? '' : JSON.stringify(groupIdx.map((i) => rawKey(cells[i]!)));
      let g = groups.get(key);
      if (!g) {
        g = newGroup(ncols);
        for (const i of groupIdx) g.first[i] = groupNeedsText[i] ? columnCell(columns[i], re, true) : cells[i]!;
        groups.set(key, g);
      }
      for (let i = 0; i < ncols; i++) {
        const c = columns[i];
        const v = raws[i];
        switch (c.summary) {
          case 'COUNT':
            if (!isEmptyRaw(v) && v !== false) (g.distinct[i] ??= new Set<string>()).add(rawValueKey(v));
            break;
          case 'SUM':
          case 'AVG':
            if (typeof v === 'number') {
              g.sums[i] += currencyLike[i] ? Math.round(v * 100) : v;
              g.counts[i]++;
            }
            break;
          case 'MIN':
          case 'MAX': {
            if (isEmptyRaw(v)) break;
            const cell = cells[i]!;
            const best = g.best[i];
            if (best === null) g.best[i] = cell;
            else {
              const cmp = compareCells(cell, best, c.baseType);
              if ((c.summary === 'MIN' && cmp < 0) || (c.summary === 'MAX' && cmp > 0)) g.best[i] = cell;
            }
            break;
          }
          default:
            break;
        }
      }
      if (having.length) g.members.push(r);
    }
    const empty = (): RawCell => ({ raw: null, text: null });
    let aggregated = [...groups.values()].map((g) => ({
      members: g.members,
      cells: columns.map((c, i): RawCell => {
        if (errored[i]) return { raw: null, text: null, error: true };
        switch (c.summary!) {
          case 'GROUP': return g.first[i] ?? empty();
          case 'COUNT': return { raw: g.distinct[i]?.size ?? 0, text: null };
          case 'SUM':
          case 'AVG': {
            if (g.counts[i] === 0) return empty();
            const total = currencyLike[i] ? g.sums[i] / 100 : g.sums[i];
            const v = c.summary === 'SUM' ? total : total / g.counts[i];
            return { raw: currencyLike[i] ? roundHalfAway(v, 2) : cleanNumber(v), text: null };
          }
          case 'MIN':
          case 'MAX':
            return g.best[i] ?? empty();
        }
      }),
    }));
    if (having.length) {
      aggregated = aggregated.filter((g) =>
        having.every((f) =>
          matchFilter(
            f,
            aggregate(f.summary!, f.baseType, g.members.map((m) => {
              re.set(m);
              return filterCell(f, re, true);
            })),
          ),
        ),
      );
    }
    aggregated.sort((a, b) => {
      for (const i of groupIdx) {
        const cmp = compareCells(a.cells[i], b.cells[i], columns[i].outType);
        if (cmp !== 0) return cmp;
      }
      return 0;
    });
    const sorted = sortRows(aggregated, (g) => g.cells, types);
    return sorted.map((g) => new Result(null, ctx.type, cols, g.cells.map((cell, i) => formatCell(types[i], cell, ctx.dateFormat)), true));
  };

  return { type: ctx.type, columns: colObjects(), isSummary, execute };
}

/** Engine entry point for other emulator code: run a definition and return all results. */
export function runSearchDefinition(def: SearchDefinition, source: SearchSource, options: RunOptions = {}): { columns: Column[]; rows: Result[] } {
  const prepared = prepareSearch(def, source, options);
  return { columns: prepared.columns, rows: prepared.execute() };
}

/** Exposed for tests: resolve a filter date value ('today', 'daysago30', '3/1/2024', '2024-03-01'). */
export function resolveDateFilterValue(value: unknown, today: string, dateFormat = 'M/D/YYYY'): { start: string; end: string } {
  const t = parseIso(today);
  if (t === null) throw new Error(`bad today ${today}`);
  const r = dateOfValue(value, { source: null as unknown as SearchSource, type: '', today, todayDay: t, dateFormat, slots: newSlots() }, String(value));
  return { start: isoOf(r.start), end: isoOf(r.end) };
}

