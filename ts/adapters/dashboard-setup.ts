/**
 * Setup of the dashboard's saved searches: create the ones that are missing, keep existing ones (a
 * controller may have added criteria), recreate them all when reset is asked. Idempotent.
 * Usage: 5 units per search to look it up, 5 to save a new one, 5 to delete one on reset.
 */
import * as search from 'N/search';
import { type SearchDef, dashboardSearchDefs } from './ar-searches';

export type SearchSetupOutcome = 'created' | 'kept' | 'recreated' | 'failed';

export interface SearchSetupResult {
  id: string;
  title: string;
  outcome: SearchSetupOutcome;
  /** Internal id after creation; the error text when failed. */
  detail: string;
}

function errorName(e: unknown): string {
  const n = (e as { name?: unknown } | null)?.name;
  return typeof n === 'string' ? n : '';
}

function errorText(e: unknown): string {
  const o = (e ?? {}) as { name?: unknown; message?: unknown };
  return `${typeof o.name === 'string' ? o.name : 'Error'}: ${typeof o.message === 'string' ? o.message : String(e)}`;
}

function exists(id: string): boolean {
  try {
    search.load({ id });
    return true;
  } catch (e) {
    if (errorName(e) === 'INVALID_SEARCH') return false;
    throw e;
  }
}

function create(def: SearchDef): number {
  const s = search.create({
    type: def.type,
    id: def.id,
    title: def.title,
    filters: def.filters,
    columns: def.columns.map((c) => search.createColumn(c as search.CreateSearchColumnOptions)),
  } as search.SearchCreateOptions);
  return s.save();
}

/** Ensure one saved search; never throws (a failure is reported for that search and setup goes on). */
export function ensureSearch(def: SearchDef, reset: boolean): SearchSetupResult {
  const base = { id: def.id, title: def.title };
  try {
    const found = exists(def.id);
    if (found && !reset) return { ...base, outcome: 'kept', detail: 'exists (left as it is, with any criteria added to it)' };
    if (found) search.delete({ id: def.id });
    const internalId = create(def);
    return { ...base, outcome: found ? 'recreated' : 'created', detail: `internal id ${internalId}` };
  } catch (e) {
    return { ...base, outcome: 'failed', detail: errorText(e) };
  }
}

/** Ensure every saved search of the dashboard. */
export function ensureDashboardSearches(reset: boolean): SearchSetupResult[] {
  return dashboardSearchDefs().map((def) => ensureSearch(def, reset));
}
