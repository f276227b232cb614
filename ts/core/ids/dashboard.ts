/**
 * Ids of the dashboard capability (AR aging and DSO portlets, the saved searches behind them).
 * Declared in src/Objects (scripts, deployments, parameters); the saved searches are created by the
 * setup script (customscript_ara_ss_setup), because SDF cannot carry hand-written saved searches.
 */
import type { BucketKey } from '../aging';

export const DASHBOARD_SCRIPTS = {
  aging: { scriptId: 'customscript_ara_pl_aging', deploymentId: 'customdeploy_ara_pl_aging' },
  dso: { scriptId: 'customscript_ara_pl_dso', deploymentId: 'customdeploy_ara_pl_dso' },
} as const;

/**
 * Script parameters. Property names are unique across scripts (the SDF validator attributes a table
 * entry to the script whose code uses the property name).
 */
export const DASHBOARD_PARAMS = {
  /** Aging portlet: saved search id (default customsearch_ara_aging). */
  agingSearch: 'custscript_ara_aging_search',
  /** Aging portlet: subsidiary shown (empty: the user's subsidiary). */
  agingSubsidiary: 'custscript_ara_aging_subsidiary',
  /** DSO portlet: saved search of invoices, credit memos and payments (default customsearch_ara_dso_ledger). */
  dsoLedgerSearch: 'custscript_ara_dso_search',
  /** DSO portlet: saved search of applications (default customsearch_ara_dso_applied). */
  dsoAppliedSearch: 'custscript_ara_dso_applied_search',
  /** DSO portlet: subsidiary shown (empty: the user's subsidiary). */
  dsoSubsidiary: 'custscript_ara_dso_subsidiary',
  /** DSO portlet: period N in days (default 90). */
  dsoDays: 'custscript_ara_dso_days',
} as const;

/** Drill-down searches: the open invoices of one aging bucket. */
export const AGING_BUCKET_SEARCHES: Readonly<Record<BucketKey, string>> = Object.freeze({
  current: 'customsearch_ara_aging_current',
  d1_30: 'customsearch_ara_aging_d1_30',
  d31_60: 'customsearch_ara_aging_d31_60',
  d61_90: 'customsearch_ara_aging_d61_90',
  d91_120: 'customsearch_ara_aging_d91_120',
  over120: 'customsearch_ara_aging_over120',
});

/** The saved searches of the dashboard (script ids). */
export const DASHBOARD_SEARCHES = {
  aging: 'customsearch_ara_aging',
  dsoLedger: 'customsearch_ara_dso_ledger',
  dsoApplied: 'customsearch_ara_dso_applied',
} as const;

/** Default period N of the DSO portlet, in days. */
export const DEFAULT_DSO_DAYS = 90;

/** Where NetSuite shows a saved search's results (accepts the search's script id). */
export const SEARCH_RESULTS_PATH = '/app/common/search/searchresults.nl';
