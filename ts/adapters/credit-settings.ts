/**
 * Credit settings from the settings custom record (customrecord_ara_settings): one company default row
 * (empty subsidiary) and optional rows per subsidiary whose filled fields override it. The rows are read
 * with one search through N/cache (PROTECTED scope, shared by the credit scripts, ttl 5 minutes), so a
 * script pays 1 unit when the cache is warm and 12 (2 + a 10-unit search) when it is not.
 *
 * Rows are turned into CreditSettings with validateSettings / validateSettingsOverride / resolveSettings
 * from the core. Invalid settings are never used: the caller gets the problems (and the fail mode to
 * apply, when the row says one) and must log them and fall back per fail mode.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import {
  type CreditSettings,
  type FailMode,
  DEFAULT_CREDIT_SETTINGS,
  resolveSettings,
  validateSettings,
  validateSettingsOverride,
} from '../core/credit';
import { SETTINGS_RECORD } from '../core/fields';
import { CREDIT_CACHE } from '../core/ids/credit';
import { parseMoney } from '../core/money';

/** One settings row as stored in the cache: raw field values in the core's setting names. */
export interface SettingsRow {
  id: string;
  subsidiary: string;
  raw: Record<string, unknown>;
}

export type SettingsResult =
  | { ok: true; settings: CreditSettings; source: string }
  | { ok: false; problem: string; failMode: FailMode };

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.length ? text((v[0] as { value?: unknown }).value ?? v[0]) : '';
  return String(v).trim();
}

/** Field values of a settings search result (or lookup) in the core's names; blanks left out. */
export function rowFromValues(id: string, get: (field: string) => unknown): SettingsRow {
  const raw: Record<string, unknown> = {};
  const grace = text(get(SETTINGS_RECORD.graceDays));
  if (grace !== '') raw.graceDays = grace;
  const min = text(get(SETTINGS_RECORD.minOverdue));
  if (min !== '') {
    try {
      raw.minOverdue = parseMoney(min);
    } catch {
      raw.minOverdue = min; // validateSettings names the bad value
    }
  }
  const tol = text(get(SETTINGS_RECORD.tolerance)).replace(/%$/, '').trim();
  if (tol !== '') raw.limitTolerancePct = tol;
  const incl = get(SETTINGS_RECORD.includeOrders);
  if (incl !== null && incl !== undefined && incl !== '') raw.includeUnbilledOrders = incl === true || incl === 'T';
  const fail = text(get(SETTINGS_RECORD.failMode)).toLowerCase();
  if (fail !== '') raw.failMode = fail;
  const roles = text(get(SETTINGS_RECORD.overrideRoles));
  if (roles !== '') raw.overrideRoles = roles;
  return { id, subsidiary: text(get(SETTINGS_RECORD.subsidiary)), raw };
}

/** The settings rows, read by one search (10 units). Inactive rows are ignored. */
export function searchSettingsRows(): SettingsRow[] {
  const columns = [
    SETTINGS_RECORD.subsidiary,
    SETTINGS_RECORD.graceDays,
    SETTINGS_RECORD.minOverdue,
    SETTINGS_RECORD.tolerance,
    SETTINGS_RECORD.includeOrders,
    SETTINGS_RECORD.failMode,
    SETTINGS_RECORD.overrideRoles,
  ];
  const s = search.create({
    type: SETTINGS_RECORD.type,
    filters: [['isinactive', 'is', 'F']],
    columns: [...columns.map((name) => search.createColumn({ name })), search.createColumn({ name: 'internalid', sort: search.Sort.ASC })],
  });
  return s
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => rowFromValues(String(r.id), (f) => r.getValue({ name: f })));
}

/** The settings rows through N/cache (1 unit warm, 12 cold). */
export function loadSettingsRows(): SettingsRow[] {
  const c = cache.getCache({ name: CREDIT_CACHE.name, scope: cache.Scope.PROTECTED });
  const json = c.get({ key: CREDIT_CACHE.key, loader: () => JSON.stringify(searchSettingsRows()), ttl: CREDIT_CACHE.ttl });
  if (!json) return [];
  return JSON.parse(json) as SettingsRow[];
}

function failModeOf(raw: Record<string, unknown>, fallback: FailMode): FailMode {
  return raw.failMode === 'closed' || raw.failMode === 'open' ? raw.failMode : fallback;
}

/**
 * The settings for a subsidiary from the rows: the company default row (the first active row without a
 * subsidiary; none → the product defaults) with that subsidiary's row over it.
 */
export function settingsFor(rows: readonly SettingsRow[], subsidiary: string | null): SettingsResult {
  const def = rows.find((r) => r.subsidiary === '');
  let base: CreditSettings = DEFAULT_CREDIT_SETTINGS;
  let source = def ? `settings row ${def.id}` : 'product defaults';
  if (def) {
    const v = validateSettings(def.raw);
    if (!v.ok) {
      return {
        ok: false,
        problem: `Invalid credit settings (${SETTINGS_RECORD.type} ${def.id}, company default): ${v.errors.join('; ')}`,
        failMode: failModeOf(def.raw, DEFAULT_CREDIT_SETTINGS.failMode),
      };
    }
    base = v.settings;
  }
  const sub = subsidiary ? rows.find((r) => r.subsidiary === subsidiary) : undefined;
  if (!sub) return { ok: true, settings: base, source };
  const o = validateSettingsOverride(sub.raw);
  if (!o.ok) {
    return {
      ok: false,
      problem: `Invalid credit settings (${SETTINGS_RECORD.type} ${sub.id}, subsidiary ${sub.subsidiary}): ${o.errors.join('; ')}`,
      failMode: failModeOf(sub.raw, base.failMode),
    };
  }
  source += ` + settings row ${sub.id}`;
  return { ok: true, settings: resolveSettings(base, o.settings), source };
}

/** The settings for a subsidiary, through the cache. */
export function loadCreditSettings(subsidiary: string | null): SettingsResult {
  return settingsFor(loadSettingsRows(), subsidiary);
}
