/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 *
 * AR Autopilot first-run setup. Run once after deploy (on-demand deployment); safe to re-run.
 * It reports what it found and did in the execution log.
 *
 * - Saved searches of the dashboard portlets (customsearch_ara_…): created when missing, left alone
 *   when they exist (criteria a controller added are kept); the reset parameter recreates them.
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { PRODUCT_NAME, PRODUCT_VERSION } from './core/product';
import { SCRIPT_PARAMS } from './core/fields';
import { ensureDashboardSearches } from './adapters/dashboard-setup';

export function execute(context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  const reset = script.getParameter({ name: SCRIPT_PARAMS.setupReset }) === true;
  log.audit({
    title: `${PRODUCT_NAME} setup`,
    details: `version ${PRODUCT_VERSION}; trigger ${String(context.type)}; reset ${reset ? 'yes' : 'no'}`,
  });
  const searches = ensureDashboardSearches(reset);
  const failed = searches.filter((r) => r.outcome === 'failed');
  const count = (o: string) => searches.filter((r) => r.outcome === o).length;
  log.audit({
    title: `${PRODUCT_NAME} setup: saved searches`,
    details:
      `${count('created')} created, ${count('recreated')} recreated, ${count('kept')} kept, ${failed.length} failed. ` +
      searches.map((r) => `${r.id} (${r.title}): ${r.outcome}, ${r.detail}`).join('; '),
  });
  for (const r of failed) log.error({ title: `${PRODUCT_NAME} setup: saved search ${r.id} failed`, details: r.detail });
  log.audit({
    title: `${PRODUCT_NAME} setup finished`,
    details: `remaining usage ${script.getRemainingUsage()}`,
  });
}
