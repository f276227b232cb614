/**
 * Script-facing search objects shared by the engine and N/search: Column, Filter, Setting and Result.
 */
import { createError } from '../runtime/errors';

export type SummaryType = 'GROUP' | 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
export const SUMMARY_TYPES: readonly SummaryType[] = ['GROUP', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX'];
export type SortDir = 'ASC' | 'DESC' | 'NONE';

export interface ColumnSpec {
  name: string;
  join?: string | null;
  summary?: string | null;
  formula?: string | null;
  label?: string | null;
  sort?: string | null;
  function?: string | null;
}

export interface FilterSpec {
  name: string;
  join?: string | null;
  operator: string;
  values?: unknown;
  formula?: string | null;
  summary?: string | null;
  isor?: boolean;
  isnot?: boolean;
  leftparens?: number;
  rightparens?: number;
}

function opt(v: unknown): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

/** search.Column */
export class Column {
  readonly name: string;
  readonly join: string | null;
  readonly summary: string | null;
  formula: string | null;
  label: string | null;
  sort: string;
  readonly function: string | null;
  whenOrderedBy: { name: string; join: string | null } | null = null;
  constructor(spec: ColumnSpec) {
    this.name = String(spec.name);
    this.join = opt(spec.join);
    this.summary = opt(spec.summary);
    this.formula = opt(spec.formula);
    this.label = opt(spec.label);
    this.sort = opt(spec.sort)?.toUpperCase() ?? 'NONE';
    this.function = opt(spec.function);
  }
  setWhenOrderedBy(options: { name: string; join?: string }): Column {
    this.whenOrderedBy = { name: options.name, join: opt(options.join) };
    return this;
  }
  toSpec(): ColumnSpec {
    return { name: this.name, join: this.join, summary: this.summary, formula: this.formula, label: this.label, sort: this.sort, function: this.function };
  }
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      join: this.join,
      summary: this.summary,
      label: this.label,
      type: null,
      formula: this.formula,
      function: this.function,
      sortdir: this.sort,
      whenorderedby: this.whenOrderedBy?.name ?? null,
      whenorderedbyjoin: this.whenOrderedBy?.join ?? null,
    };
  }
  toString(): string {
    return 'search.Column';
  }
}

/** search.Filter */
export class Filter {
  readonly name: string;
  readonly join: string | null;
  readonly operator: string;
  readonly summary: string | null;
  formula: string | null;
  readonly values: unknown[];
  isor: boolean;
  isnot: boolean;
  leftparens: number;
  rightparens: number;
  constructor(spec: FilterSpec) {
    this.name = String(spec.name);
    this.join = opt(spec.join);
    this.operator = String(spec.operator ?? '').toLowerCase();
    this.summary = opt(spec.summary);
    this.formula = opt(spec.formula);
    const v = spec.values;
    this.values = v === undefined || v === null ? [] : Array.isArray(v) ? [...v] : [v];
    this.isor = !!spec.isor;
    this.isnot = !!spec.isnot;
    this.leftparens = Number(spec.leftparens ?? 0);
    this.rightparens = Number(spec.rightparens ?? 0);
  }
  toSpec(): FilterSpec {
    return {
      name: this.name, join: this.join, operator: this.operator, values: [...this.values], formula: this.formula, summary: this.summary,
      isor: this.isor, isnot: this.isnot, leftparens: this.leftparens, rightparens: this.rightparens,
    };
  }
  toJSON(): Record<string, unknown> {
    return {
      name: this.name, join: this.join, operator: this.operator, summary: this.summary, formula: this.formula,
      values: this.values.map((x) => (x instanceof Date ? x.toISOString() : String(x))),
      isor: this.isor, isnot: this.isnot, leftparens: this.leftparens, rightparens: this.rightparens,
    };
  }
  toString(): string {
    return 'search.Filter';
  }
}

/** search.Setting */
export class Setting {
  constructor(readonly name: string, readonly value: string) {}
  toJSON(): Record<string, unknown> {
    return { name: this.name, value: this.value };
  }
}

/** One formatted cell of a result: getValue and getText of a column. */
export interface Cell {
  value: string | boolean | string[];
  text: string | null;
  /** Multiple-select cells: one {value, text} per selected id. */
  multi?: { value: string; text: string }[];
}

/** Identifies a column in getValue/getText: by name, join, summary; formula columns by object identity. */
export interface ColumnKey {
  name: string;
  join: string | null;
  summary: string | null;
  formula: string | null;
}

export function columnKeyOf(spec: ColumnSpec | Column): ColumnKey {
  return {
    name: String(spec.name).toLowerCase(),
    join: opt(spec.join)?.toLowerCase() ?? null,
    summary: opt(spec.summary)?.toUpperCase() ?? null,
    formula: opt(spec.formula),
  };
}

/** The key NetSuite uses for a column in Result.toJSON / map/reduce values: 'entity', 'email.customer', 'SUM(amount)'. */
export function valueKeyOf(col: Column, all: readonly Column[]): string {
  const base = col.join ? `${col.name}.${col.join}` : col.name;
  const key = col.summary ? `${col.summary.toUpperCase()}(${base})` : base;
  const index = all.indexOf(col);
  const dupes = all.slice(0, index).filter((c) => c.name.toLowerCase() === col.name.toLowerCase() && (c.join ?? '').toLowerCase() === (col.join ?? '').toLowerCase()).length;
  return dupes > 0 ? `${key}_${dupes}` : key;
}

/** search.Result */
export class Result {
  constructor(
    readonly id: string | null,
    readonly recordType: string,
    /** Column objects, in search order (copies: changing them does not change the search). */
    readonly columns: Column[],
    private readonly cells: Cell[],
    /** True for summary searches (checkbox/select formats of toJSON stay the same). */
    readonly summary = false,
  ) {}

  private find(arg: unknown, method: string): number {
    let key: ColumnKey;
    if (typeof arg === 'string') key = { name: arg.toLowerCase(), join: null, summary: null, formula: null };
    else if (arg instanceof Column) {
      const exact = this.columns.indexOf(arg);
      if (exact >= 0) return exact;
      key = columnKeyOf(arg);
    } else if (arg && typeof arg === 'object' && 'name' in arg) key = columnKeyOf(arg as ColumnSpec);
    else throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: name`);
    const keys = this.columns.map(columnKeyOf);
    const same = (k: ColumnKey): boolean => k.name === key.name && k.join === key.join && k.summary === key.summary;
    if (key.formula !== null) {
      const byFormula = keys.findIndex((k) => same(k) && k.formula === key.formula);
      if (byFormula >= 0) return byFormula;
    }
    return keys.findIndex(same);
  }

  /** Value as NetSuite returns it: strings (numbers '1234.50', dates in the user's format), booleans for checkboxes. */
  getValue(column: unknown): string | boolean | string[] | null {
    const i = this.find(column, 'Result.getValue');
    return i < 0 ? null : this.cells[i].value;
  }

  /** Display text of select/status/type columns; null for other columns. */
  getText(column: unknown): string | null {
    const i = this.find(column, 'Result.getText');
    return i < 0 ? null : this.cells[i].text;
  }

  /** Undocumented but widely used: {key: value or [{value, text}]} (see valueKeyOf). */
  getAllValues(): Record<string, unknown> {
    return this.valuesObject('result');
  }

  /** @internal values keyed as NetSuite does; 'result' = JSON.stringify(Result); 'mapreduce' = map/reduce input. */
  valuesObject(format: 'result' | 'mapreduce'): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      const cell = this.cells[i];
      let v: unknown = cell.value;
      if (cell.multi) v = cell.multi.map((x) => ({ ...x }));
      else if (cell.text !== null) {
        if (format === 'result') v = cell.value === '' ? [] : [{ value: String(cell.value), text: cell.text }];
        else v = cell.value === '' ? '' : { value: String(cell.value), text: cell.text };
      } else if (typeof v === 'boolean' && format === 'mapreduce') v = v ? 'T' : 'F';
      out[valueKeyOf(c, this.columns)] = v;
    });
    return out;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { recordType: this.recordType };
    if (this.id !== null) out.id = this.id;
    out.values = this.valuesObject('result');
    return out;
  }

  toString(): string {
    return 'search.Result';
  }
}
