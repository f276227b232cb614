/**
 * Worklist settings from customrecord_ara_settings: roles and weights from the company default row (the
 * first active row without a subsidiary), and the credit override roles of each subsidiary row that names
 * some (they override the default for that subsidiary's customers, as in the credit policy). Read with one
 * search through N/cache (PRIVATE to the Suitelet, 5 minutes): a cache hit costs 1 unit, a miss 2 + the
 * search (10). A settings change reaches the worklist within 5 minutes.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import { SETTINGS_RECORD } from '../core/fields';
import { WL_CACHE } from '../core/ids/worklist';
import { overrideRolesFor, parseRoleList, parseWeightsText } from '../core/worklist';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../core/scoring';

export interface WorklistSettings {
  worklistRoles: string[];
  supervisorRoles: string[];
  /** Credit override roles of the company default row. */
  overrideRoles: string[];
  /** Credit override roles of subsidiary rows that name some, by subsidiary internal id. */
  overrideRolesBySubsidiary: Record<string, string[]>;
  weights: ScoreWeights;
  /** Problems found in the settings (shown to administrators as a warning; defaults used instead). */
  problems: string[];
}

/** v2: the cached JSON also holds the subsidiary rows' override roles. */
const KEY = 'settings-v2';
const TTL_SECONDS = 300;

export interface RawSettings {
  worklistRoles: string;
  supervisorRoles: string;
  overrideRoles: string;
  weights: string;
  /** Override roles text of the subsidiary rows (first active row per subsidiary), by subsidiary id. */
  subsidiaryOverrideRoles?: Record<string, string>;
}

function loadRaw(): RawSettings {
  // One row per subsidiary at most plus the default: 1,000 rows is far above any account's subsidiaries.
  const rows = search
    .create({
      type: SETTINGS_RECORD.type,
      filters: [['isinactive', 'is', 'F']],
      columns: [
        search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
        SETTINGS_RECORD.subsidiary,
        SETTINGS_RECORD.worklistRoles,
        SETTINGS_RECORD.supervisorRoles,
        SETTINGS_RECORD.overrideRoles,
        SETTINGS_RECORD.scoreWeights,
      ],
    })
    .run()
    .getRange({ start: 0, end: 1000 });
  const val = (r: search.Result | undefined, f: string): string => (r ? String(r.getValue({ name: f }) ?? '') : '');
  const def = rows.find((r) => val(r, SETTINGS_RECORD.subsidiary).trim() === '');
  const subsidiaryOverrideRoles: Record<string, string> = {};
  for (const r of rows) {
    const sub = val(r, SETTINGS_RECORD.subsidiary).trim();
    if (sub === '' || Object.prototype.hasOwnProperty.call(subsidiaryOverrideRoles, sub)) continue;
    subsidiaryOverrideRoles[sub] = val(r, SETTINGS_RECORD.overrideRoles);
  }
  return {
    worklistRoles: val(def, SETTINGS_RECORD.worklistRoles),
    supervisorRoles: val(def, SETTINGS_RECORD.supervisorRoles),
    overrideRoles: val(def, SETTINGS_RECORD.overrideRoles),
    weights: val(def, SETTINGS_RECORD.scoreWeights),
    subsidiaryOverrideRoles,
  };
}

/** Turns the stored text values into settings (pure; exported for tests). */
export function settingsFromRaw(raw: RawSettings): WorklistSettings {
  const problems: string[] = [];
  const w = parseWeightsText(raw.weights);
  if (!w.ok) problems.push(`Score weights ignored (${w.error}); using 1,2,3,4,5`);
  const bySub: Record<string, string[]> = {};
  for (const [sub, text] of Object.entries(raw.subsidiaryOverrideRoles ?? {})) {
    const roles = parseRoleList(text);
    if (roles.length > 0) bySub[sub] = roles;
  }
  return {
    worklistRoles: parseRoleList(raw.worklistRoles),
    supervisorRoles: parseRoleList(raw.supervisorRoles),
    overrideRoles: parseRoleList(raw.overrideRoles),
    overrideRolesBySubsidiary: bySub,
    weights: w.ok ? w.value : DEFAULT_SCORE_WEIGHTS,
    problems,
  };
}

/** The credit override roles that apply to a customer of `subsidiary` (its row's, else the default's). */
export function overrideRolesOf(settings: WorklistSettings, subsidiary: string | null | undefined): string[] {
  return overrideRolesFor(settings.overrideRoles, settings.overrideRolesBySubsidiary, subsidiary);
}

export function readWorklistSettings(): WorklistSettings {
  const c = cache.getCache({ name: WL_CACHE.settings, scope: cache.Scope.PRIVATE });
  const text = c.get({ key: KEY, loader: () => JSON.stringify(loadRaw()), ttl: TTL_SECONDS });
  let raw: RawSettings;
  try {
    raw = JSON.parse(String(text)) as RawSettings;
  } catch {
    raw = loadRaw();
  }
  return settingsFromRaw(raw);
}
