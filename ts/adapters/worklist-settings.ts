/**
 * Worklist settings from the company default row of customrecord_ara_settings (the row without a
 * subsidiary), read through N/cache (PRIVATE to the Suitelet, 5 minutes): a cache hit costs 1 unit, a
 * miss 2 + the search (10). A settings change reaches the worklist within 5 minutes.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import { SETTINGS_RECORD } from '../core/fields';
import { WL_CACHE } from '../core/ids/worklist';
import { parseRoleList, parseWeightsText } from '../core/worklist';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../core/scoring';

export interface WorklistSettings {
  worklistRoles: string[];
  supervisorRoles: string[];
  overrideRoles: string[];
  weights: ScoreWeights;
  /** Problems found in the settings (shown to administrators as a warning; defaults used instead). */
  problems: string[];
}

const KEY = 'company';
const TTL_SECONDS = 300;

interface RawSettings {
  worklistRoles: string;
  supervisorRoles: string;
  overrideRoles: string;
  weights: string;
}

function loadRaw(): RawSettings {
  const rows = search
    .create({
      type: SETTINGS_RECORD.type,
      filters: [[SETTINGS_RECORD.subsidiary, 'anyof', '@NONE@'], 'and', ['isinactive', 'is', 'F']],
      columns: [
        search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
        SETTINGS_RECORD.worklistRoles,
        SETTINGS_RECORD.supervisorRoles,
        SETTINGS_RECORD.overrideRoles,
        SETTINGS_RECORD.scoreWeights,
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  const r = rows[0];
  const v = (f: string): string => (r ? String(r.getValue({ name: f }) ?? '') : '');
  return {
    worklistRoles: v(SETTINGS_RECORD.worklistRoles),
    supervisorRoles: v(SETTINGS_RECORD.supervisorRoles),
    overrideRoles: v(SETTINGS_RECORD.overrideRoles),
    weights: v(SETTINGS_RECORD.scoreWeights),
  };
}

/** Turns the stored text values into settings (pure; exported for tests). */
export function settingsFromRaw(raw: RawSettings): WorklistSettings {
  const problems: string[] = [];
  const w = parseWeightsText(raw.weights);
  if (!w.ok) problems.push(`Score weights ignored (${w.error}); using 1,2,3,4,5`);
  return {
    worklistRoles: parseRoleList(raw.worklistRoles),
    supervisorRoles: parseRoleList(raw.supervisorRoles),
    overrideRoles: parseRoleList(raw.overrideRoles),
    weights: w.ok ? w.value : DEFAULT_SCORE_WEIGHTS,
    problems,
  };
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
