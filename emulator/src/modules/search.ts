/**
 * N/search for the emulator: create/load/delete/lookupFields, Search objects (save, run, runPaged),
 * ResultSet (each, getRange), PagedData/Page, Result, and the enums. Governance is charged through
 * ctx.meter with the units of runtime/governance.ts. The engine is emulator/src/search/engine.ts;
 * modelled behaviour and its sources: emulator/src/search/FIDELITY.md.
 */
import type { ExecContext, ModuleEnv, ModuleFactory, SavedSearchDefinition, SearchSource } from '../types';
import { COST, SEARCH_LIMITS } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';
import { OPERATORS, isFilterExpression, parseTermName, prepareSearch, type RunOptions, type SearchDefinition } from '../search/engine';
import { Column, Filter, Setting, SUMMARY_TYPES, type ColumnSpec, type FilterSpec, type Result } from '../search/objects';
import { SEARCH_TYPE } from '../search/types-enum';

export { Column, Filter, Result, Setting } from '../search/objects';
export { runSearchDefinition } from '../search/engine';

/* ------------------------------------------------------------------------------------------------ */
/* Enums                                                                                              */

export const Operator: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(OPERATORS.map((o) => [o.toUpperCase(), o])));
export const Summary: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(SUMMARY_TYPES.map((s) => [s, s])));
export const Sort = Object.freeze({ ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' });
export const Type = SEARCH_TYPE;

/* ------------------------------------------------------------------------------------------------ */
/* Helpers                                                                                            */

function dateFormatOf(ctx: ExecContext): string {
  return ctx.user?.preferences?.DATEFORMAT || ctx.account.state.company.dateFormat || 'M/D/YYYY';
}

function runOptions(ctx: ExecContext): RunOptions {
  return { dateFormat: dateFormatOf(ctx), today: ctx.account.today() };
}

function toColumn(c: unknown): Column {
  if (c instanceof Column) return c;
  if (typeof c === 'string') {
    const dot = c.indexOf('.');
    return new Column(dot > 0 ? { name: c.slice(dot + 1), join: c.slice(0, dot) } : { name: c });
  }
  if (c && typeof c === 'object' && typeof (c as ColumnSpec).name === 'string') return new Column(c as ColumnSpec);
  throw createError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${JSON.stringify(c)}`);
}

function toFilter(f: unknown): Filter {
  if (f instanceof Filter) return f;
  if (f && typeof f === 'object' && typeof (f as FilterSpec).name === 'string') return new Filter(f as FilterSpec);
  throw createError('SSS_INVALID_SRCH_FILTER', `An nlobjSearchFilter contains invalid search criteria: ${JSON.stringify(f)}`);
}

function termOf(f: Filter): unknown[] {
  let name = f.join ? `${f.join}.${f.name}` : f.name;
  if (f.formula) name = `${f.name}: ${f.formula}`;
  if (f.summary) name = `${f.summary.toLowerCase()}(${name})`;
  return [name, f.operator, ...f.values];
}

/** Filter objects → filter expression (NetSuite's filterExpression view of a filters list). */
function filtersToExpression(filters: Filter[]): unknown[] {
  const out: unknown[] = [];
  filters.forEach((f, i) => {
    let term: unknown = termOf(f);
    if (f.isnot) term = ['not', term];
    out.push(term);
    if (i < filters.length - 1) out.push(f.isor ? 'or' : 'and');
  });
  return out;
}

/** Filter expression → Filter objects with isor/isnot/leftparens/rightparens (a 'not' before a group is lost). */
function expressionToFilters(expr: unknown[]): Filter[] {
  const out: Filter[] = [];
  let pendingLeft = 0;
  let pendingNot = false;
  const walk = (e: unknown[]): void => {
    if (typeof e[0] === 'string' && !['and', 'or', 'not'].includes(e[0].toLowerCase())) {
      const rest = e.slice(2);
      const values = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
      const spec = parseTermName(e[0]);
      out.push(new Filter({ ...spec, operator: String(e[1]), values, isnot: pendingNot, leftparens: pendingLeft }));
      pendingLeft = 0;
      pendingNot = false;
      return;
    }
    for (const el of e) {
      if (typeof el === 'string') {
        const w = el.toLowerCase();
        if (w === 'not') pendingNot = true;
        else if (out.length) out[out.length - 1].isor = w === 'or';
      } else if (Array.isArray(el)) {
        const nested = !(typeof el[0] === 'string' && !['and', 'or', 'not'].includes(String(el[0]).toLowerCase()));
        if (nested) pendingLeft++;
        walk(el);
        if (nested && out.length) out[out.length - 1].rightparens++;
      } else if (el instanceof Filter) out.push(el);
    }
  };
  walk(expr);
  return out;
}

function withPromise<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { promise: (...args: A) => Promise<R> } {
  const f = fn as ((...args: A) => R) & { promise: (...args: A) => Promise<R> };
  f.promise = (...args: A) => new Promise<R>((resolve, reject) => {
    try {
      resolve(fn(...args));
    } catch (e) {
      reject(e);
    }
  });
  return f;
}

/** Deep copy of a filter expression keeping Date and Filter objects (JSON would turn dates into UTC strings). */
function cloneExpression(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneExpression);
  if (v instanceof Date) return new Date(v.getTime());
  return v;
}

/** For storage in the account (JSON): dates as the local calendar date 'YYYY-MM-DD', Filters as specs. */
function storable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(storable);
  if (v instanceof Date) {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(v.getFullYear(), 4)}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (v instanceof Filter) return storable(v.toSpec());
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, storable(x)]));
  return v;
}

function findSaved(ctx: ExecContext, id: unknown): SavedSearchDefinition | undefined {
  const all = ctx.account.state.savedSearches;
  const key = String(id ?? '').trim();
  const byScript = all[key.toLowerCase()];
  if (byScript) return byScript;
  return Object.values(all).find((s) => s.internalId === key || s.id.toLowerCase() === key.toLowerCase());
}

function invalidSearch(): never {
  throw createError('INVALID_SEARCH', 'That search or mass update does not exist.');
}

/* ------------------------------------------------------------------------------------------------ */
/* Search, ResultSet, PagedData                                                                       */

interface SearchState {
  searchType: string;
  id: string | null;
  searchId: number;
  title: string | null;
  isPublic: boolean;
  filters: Filter[];
  expression: unknown[] | null;
  columns: Column[];
  settings: Setting[];
}

function definitionOf(st: SearchState): SearchDefinition {
  return {
    type: st.searchType,
    filters: st.expression ? undefined : st.filters.map((f) => f.toSpec()),
    filterExpression: st.expression ?? undefined,
    columns: st.columns.map((c) => new Column(c.toSpec())),
    settings: st.settings.map((s) => s.toJSON()),
  };
}

export class SearchObject {
  private st: SearchState;
  constructor(
    private readonly ctx: ExecContext,
    private readonly source: SearchSource,
    init: Partial<SearchState> & { searchType: string },
  ) {
    this.st = {
      id: null, searchId: -1, title: null, isPublic: false, filters: [], expression: null, columns: [], settings: [],
      ...init,
    };
  }

  get searchType(): string {
    return this.st.searchType;
  }
  get id(): string | null {
    return this.st.id;
  }
  set id(v: string | null) {
    this.st.id = v === null || v === undefined ? null : String(v);
  }
  get searchId(): number {
    return this.st.searchId;
  }
  get title(): string | null {
    return this.st.title;
  }
  set title(v: string | null) {
    this.st.title = v === null || v === undefined ? null : String(v);
  }
  get isPublic(): boolean {
    return this.st.isPublic;
  }
  set isPublic(v: boolean) {
    this.st.isPublic = !!v;
  }
  /** A copy: push to it and assign it back, as in NetSuite. */
  get filters(): Filter[] {
    return this.st.expression ? expressionToFilters(this.st.expression) : [...this.st.filters];
  }
  set filters(v: unknown) {
    if (isFilterExpression(v)) {
      this.st.expression = cloneExpression(v) as unknown[];
      this.st.filters = [];
    } else {
      const list = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
      this.st.filters = list.map(toFilter);
      this.st.expression = null;
    }
  }
  get filterExpression(): unknown[] {
    return this.st.expression ? (cloneExpression(this.st.expression) as unknown[]) : filtersToExpression(this.st.filters);
  }
  set filterExpression(v: unknown) {
    if (v !== null && v !== undefined && !Array.isArray(v)) throw createError('SSS_INVALID_SRCH_FILTER_EXPR', 'Search.filterExpression must be an array');
    this.st.expression = v ? (cloneExpression(v) as unknown[]) : [];
    this.st.filters = [];
  }
  /** A copy of the Column objects: assign back to change the search. */
  get columns(): Column[] {
    return [...this.st.columns];
  }
  set columns(v: unknown) {
    const list = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
    this.st.columns = list.map(toColumn);
  }
  get settings(): Setting[] {
    return [...this.st.settings];
  }
  set settings(v: unknown) {
    const list = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
    this.st.settings = list.map(toSetting);
  }

  /** The engine definition of the search as it is now. */
  definition(): SearchDefinition {
    return definitionOf(this.st);
  }

  /** Search.save(): 5 units. Returns the internal id. */
  save(): number {
    const ctx = this.ctx;
    if (!this.st.title) throw createError('SSS_MISSING_REQD_ARGUMENT', 'Search.save: Missing a required argument: title');
    const all = ctx.account.state.savedSearches;
    const existing = this.st.searchId > 0 ? Object.values(all).find((s) => s.internalId === String(this.st.searchId)) : undefined;
    let scriptId = this.st.id ? this.st.id.toLowerCase() : null;
    if (scriptId && !scriptId.startsWith('customsearch')) scriptId = `customsearch${scriptId}`;
    if (scriptId && !/^customsearch[a-z0-9_]*$/.test(scriptId)) {
      throw createError('INVALID_ID', `Search.save: invalid script id '${this.st.id}' (customsearch followed by lowercase letters, digits and _)`);
    }
    const title = this.st.title;
    const clashTitle = Object.values(all).find((s) => s.title.toLowerCase() === title.toLowerCase() && s !== existing);
    if (clashTitle) throw createError('DUP_RCRD', `A saved search with the same title already exists: "${title}" (${clashTitle.id})`);
    if (scriptId && all[scriptId] && all[scriptId] !== existing) throw createError('DUP_RCRD', `A saved search with the script id ${scriptId} already exists`);
    ctx.meter.charge(COST.searchSave, 'Search.save');
    const internalId = existing?.internalId ?? ctx.account.nextInternalId('savedsearch');
    if (!scriptId) scriptId = existing?.id ?? `customsearch${internalId}`;
    if (existing && existing.id !== scriptId) delete all[existing.id];
    const def = this.definition();
    all[scriptId] = {
      id: scriptId,
      internalId,
      title,
      type: this.st.searchType,
      filters: storable(def.filters ?? []),
      filterExpression: storable(def.filterExpression),
      columns: this.st.columns.map((c) => c.toSpec()),
      settings: this.st.settings.map((s) => s.toJSON()),
      created: existing?.created ?? ctx.account.now(),
    };
    this.st.id = scriptId;
    this.st.searchId = Number(internalId);
    return Number(internalId);
  }

  /** Search.run(): 0 units; the ResultSet runs the definition as it is now. */
  run(): ResultSetObject {
    return new ResultSetObject(this.ctx, this.source, this.definition());
  }

  /** Search.runPaged({pageSize}): 5 units; runs the search and counts. */
  runPaged(options?: { pageSize?: number }): PagedDataObject {
    const pageSize = options?.pageSize === undefined || options?.pageSize === null ? 50 : Number(options.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < SEARCH_LIMITS.pageSizeMin || pageSize > SEARCH_LIMITS.pageSizeMax) {
      throw createError('INVALID_PAGE_RANGE', `Search.runPaged: pageSize must be an integer from ${SEARCH_LIMITS.pageSizeMin} to ${SEARCH_LIMITS.pageSizeMax} (got ${String(options?.pageSize)})`);
    }
    const def = this.definition();
    const prepared = prepareSearch(def, this.source, runOptions(this.ctx));
    this.ctx.meter.charge(COST.searchRunPaged, 'Search.runPaged');
    const count = prepared.execute().length;
    return new PagedDataObject(this.ctx, this.source, def, this, pageSize, count);
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.st.id, searchId: this.st.searchId, searchType: this.st.searchType, title: this.st.title, isPublic: this.st.isPublic,
      filters: this.filters.map((f) => f.toJSON()), columns: this.st.columns.map((c) => c.toJSON()),
    };
  }
  toString(): string {
    return 'search.Search';
  }
}

function toSetting(s: unknown): Setting {
  if (s instanceof Setting) return s;
  if (typeof s === 'string') {
    const [name, value] = s.split(':');
    return new Setting(name, value ?? '');
  }
  if (s && typeof s === 'object' && 'name' in s) return new Setting(String((s as { name: unknown }).name), String((s as { value?: unknown }).value ?? ''));
  throw createError('SSS_INVALID_TYPE_ARG', `invalid search setting ${JSON.stringify(s)}`);
}

export class ResultSetObject {
  readonly columns: Column[];
  constructor(
    private readonly ctx: ExecContext,
    private readonly source: SearchSource,
    private readonly def: SearchDefinition,
  ) {
    this.columns = (def.columns ?? []).map((c) => new Column(toColumn(c).toSpec()));
    (this.each as unknown as { promise: unknown }).promise = (cb: (r: Result) => boolean) => Promise.resolve().then(() => this.each(cb));
    (this.getRange as unknown as { promise: unknown }).promise = (o: { start: number; end: number }) => Promise.resolve().then(() => this.getRange(o));
  }

  /**
   * ResultSet.each(callback): 10 units per call. The callback returns true to go on. At most 4,000
   * results: going on past the 4,000th throws SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED.
   */
  each = (callback: (result: Result) => unknown): void => {
    if (typeof callback !== 'function') throw createError('SSS_MISSING_REQD_ARGUMENT', 'ResultSet.each: Missing a required argument: callback');
    const prepared = prepareSearch(this.def, this.source, runOptions(this.ctx));
    this.ctx.meter.charge(COST.resultSetEach, 'ResultSet.each');
    const results = prepared.execute();
    for (let i = 0; i < results.length; i++) {
      if (i >= SEARCH_LIMITS.eachMax) {
        throw createError(
          'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED',
          'No more than 4000 search results may be returned at one time from nlobjSearchResultSet.forEachResult(callback). Please revise your search criteria or modify the callback logic so that no more than 4000 results are returned.',
        );
      }
      if (callback(results[i]) !== true) return;
    }
  };

  /** ResultSet.getRange({start, end}): 10 units; end − start ≤ 1,000. */
  getRange = (options: { start: number; end: number } | number, endArg?: number): Result[] => {
    const o = typeof options === 'number' ? { start: options, end: endArg as number } : options;
    const start = Number(requireArg(o, 'start', 'ResultSet.getRange'));
    const end = Number(requireArg(o, 'end', 'ResultSet.getRange'));
    if (!Number.isInteger(start) || start < 0) throw createError('SSS_INVALID_SEARCH_RESULT_INDEX', `ResultSet.getRange: invalid start index ${String(o.start)}`);
    if (!Number.isInteger(end)) throw createError('SSS_INVALID_SEARCH_RESULT_INDEX', `ResultSet.getRange: invalid end index ${String(o.end)}`);
    if (end - start > SEARCH_LIMITS.getRangeMax) {
      throw createError('SSS_SEARCH_RESULT_LIMIT_EXCEEDED', `ResultSet.getRange: no more than 1000 search results may be requested at one time (start ${start}, end ${end})`);
    }
    const prepared = prepareSearch(this.def, this.source, runOptions(this.ctx));
    this.ctx.meter.charge(COST.resultSetGetRange, 'ResultSet.getRange');
    if (end <= start) return [];
    return prepared.execute().slice(start, end);
  };

  toString(): string {
    return 'search.ResultSet';
  }
}

export interface PageRange {
  index: number;
  compoundLabel: string;
}

export class PagedDataObject {
  readonly pageRanges: PageRange[];
  constructor(
    private readonly ctx: ExecContext,
    private readonly source: SearchSource,
    private readonly def: SearchDefinition,
    readonly searchDefinition: SearchObject,
    readonly pageSize: number,
    readonly count: number,
  ) {
    const pages = Math.min(Math.ceil(count / pageSize), SEARCH_LIMITS.pagedMaxPages);
    this.pageRanges = Array.from({ length: pages }, (_, index) => ({
      index,
      compoundLabel: `${index * pageSize + 1} – ${Math.min((index + 1) * pageSize, count)}`,
    }));
    (this.fetch as unknown as { promise: unknown }).promise = (o: { index: number }) => Promise.resolve().then(() => this.fetch(o));
  }

  /** PagedData.fetch({index}): 5 units; re-runs the search and returns that page. */
  fetch = (options: { index: number } | number): PageObject => {
    const index = Number(typeof options === 'number' ? options : requireArg(options, 'index', 'PagedData.fetch'));
    if (!Number.isInteger(index) || index < 0 || index >= this.pageRanges.length) {
      throw createError('INVALID_PAGE_RANGE', `PagedData.fetch: invalid page index ${String(index)} (${this.pageRanges.length} pages)`);
    }
    this.ctx.meter.charge(COST.pagedDataFetch, 'PagedData.fetch');
    const all = prepareSearch(this.def, this.source, runOptions(this.ctx)).execute();
    const data = all.slice(index * this.pageSize, (index + 1) * this.pageSize);
    return new PageObject(this, this.pageRanges[index], data);
  };

  toString(): string {
    return 'search.PagedData';
  }
}

export class PageObject {
  readonly isFirst: boolean;
  readonly isLast: boolean;
  constructor(
    readonly pagedData: PagedDataObject,
    readonly pageRange: PageRange,
    readonly data: Result[],
  ) {
    this.isFirst = pageRange.index === 0;
    this.isLast = pageRange.index === pagedData.pageRanges.length - 1;
  }
  /** Page.next(): fetches the next page (5 units). */
  next(): PageObject {
    if (this.isLast) throw createError('INVALID_PAGE_RANGE', 'Page.next: this is the last page');
    return this.pagedData.fetch({ index: this.pageRange.index + 1 });
  }
  /** Page.prev(): fetches the previous page (5 units). */
  prev(): PageObject {
    if (this.isFirst) throw createError('INVALID_PAGE_RANGE', 'Page.prev: this is the first page');
    return this.pagedData.fetch({ index: this.pageRange.index - 1 });
  }
  toString(): string {
    return 'search.Page';
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Saved searches and map/reduce input                                                                */

function searchFromSaved(ctx: ExecContext, source: SearchSource, saved: SavedSearchDefinition): SearchObject {
  const s = new SearchObject(ctx, source, {
    searchType: saved.type,
    id: saved.id,
    searchId: Number(saved.internalId),
    title: saved.title,
  });
  if (Array.isArray(saved.filterExpression) && saved.filterExpression.length > 0) s.filterExpression = saved.filterExpression;
  else s.filters = saved.filters ?? [];
  s.columns = saved.columns ?? [];
  s.settings = saved.settings ?? [];
  return s;
}

/**
 * What a map/reduce getInputData that returns a search (a Search object, a {type:'search', id}
 * reference or a saved search id) gives the map stage: one {key, value} per result, key = the result's
 * internal id (the row index for summary searches), value = JSON of {recordType, id, values} where
 * selects are {value, text}, checkboxes 'T'/'F', and keys are 'field', 'field.join', 'SUM(field)'.
 * The framework runs the search: nothing is charged to the script, and the 4,000 cap of each() does
 * not apply.
 */
export function searchToMapReduceInput(searchObjOrRef: unknown, ctx: ExecContext, env: ModuleEnv): { key: string; value: string }[] {
  let def: SearchDefinition;
  if (searchObjOrRef instanceof SearchObject) def = searchObjOrRef.definition();
  else {
    const ref = searchObjOrRef as { type?: string; id?: unknown } | string | number;
    const id = typeof ref === 'object' && ref !== null ? ref.id : ref;
    if (typeof ref === 'object' && ref !== null && ref.type !== undefined && String(ref.type).toLowerCase() !== 'search') {
      throw createError('SSS_INVALID_TYPE_ARG', `map/reduce input: unsupported object reference type ${String(ref.type)}`);
    }
    const saved = findSaved(ctx, id);
    if (!saved) invalidSearch();
    def = searchFromSaved(ctx, env.search, saved).definition();
  }
  const results = prepareSearch(def, env.search, runOptions(ctx)).execute();
  return results.map((r, i) => ({
    key: r.id ?? String(i),
    value: JSON.stringify({ recordType: r.recordType, id: r.id ?? undefined, values: r.valuesObject('mapreduce') }),
  }));
}

/* ------------------------------------------------------------------------------------------------ */
/* The module                                                                                         */

export const createSearchModule: ModuleFactory = (ctx: ExecContext, env: ModuleEnv) => {
  const source = env.search;

  const create = withPromise((options: { type: string; filters?: unknown; filterExpression?: unknown; columns?: unknown; settings?: unknown; title?: string; id?: string; isPublic?: boolean }) => {
    const type = requireArg(options, 'type', 'search.create');
    const s = new SearchObject(ctx, source, { searchType: String(type).toLowerCase() });
    if (options.filterExpression !== undefined) s.filterExpression = options.filterExpression;
    else if (options.filters !== undefined) s.filters = options.filters;
    if (options.columns !== undefined) s.columns = options.columns;
    if (options.settings !== undefined) s.settings = options.settings;
    if (options.title !== undefined) s.title = options.title;
    if (options.id !== undefined) s.id = options.id;
    if (options.isPublic !== undefined) s.isPublic = options.isPublic;
    return s;
  });

  const load = withPromise((options: { id: string | number; type?: string }) => {
    const id = requireArg(options, 'id', 'search.load');
    const saved = findSaved(ctx, id);
    ctx.meter.charge(COST.searchLoad, 'search.load');
    if (!saved) invalidSearch();
    return searchFromSaved(ctx, source, saved);
  });

  const del = withPromise((options: { id: string | number }) => {
    const id = requireArg(options, 'id', 'search.delete');
    const saved = findSaved(ctx, id);
    ctx.meter.charge(COST.searchDelete, 'search.delete');
    if (!saved) invalidSearch();
    delete ctx.account.state.savedSearches[saved.id];
  });

  const lookupFields = withPromise((options: { type: string; id: string | number; columns: string | string[] }) => {
    const type = String(requireArg(options, 'type', 'search.lookupFields')).toLowerCase();
    const id = String(requireArg(options, 'id', 'search.lookupFields'));
    const colsArg = requireArg(options, 'columns', 'search.lookupFields');
    const names = (Array.isArray(colsArg) ? colsArg : [colsArg]).map(String);
    ctx.meter.charge(COST.lookupFields, 'search.lookupFields');
    const isTransaction = env.records?.typeInfo?.(type)?.category === 'transaction';
    const filters: unknown[] = [['internalid', 'anyof', id]];
    if (isTransaction) filters.push('and', ['mainline', 'is', 'T']);
    const prepared = prepareSearch({ type, filterExpression: filters, columns: names }, source, runOptions(ctx));
    const [row] = prepared.execute();
    const out: Record<string, unknown> = {};
    if (!row) return out;
    const all = row.valuesObject('result');
    names.forEach((n, i) => {
      const key = Object.keys(all)[i];
      out[n] = all[key];
    });
    return out;
  });

  const createColumn = (options: ColumnSpec): Column => {
    requireArg(options, 'name', 'search.createColumn');
    return new Column(options);
  };
  const createFilter = (options: FilterSpec): Filter => {
    requireArg(options, 'name', 'search.createFilter');
    requireArg(options, 'operator', 'search.createFilter');
    return new Filter(options);
  };
  const createSetting = (options: { name: string; value: string }): Setting => {
    requireArg(options, 'name', 'search.createSetting');
    requireArg(options, 'value', 'search.createSetting');
    return new Setting(String(options.name), String(options.value));
  };

  return {
    create,
    load,
    delete: del,
    lookupFields,
    createColumn,
    createFilter,
    createSetting,
    Type,
    Operator,
    Summary,
    Sort,
  };
};
