/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 *
 * AR Autopilot first-run setup. Run once after deploy (on-demand deployment); safe to re-run.
 * It reports what it found and did in the execution log.
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { PRODUCT_NAME, PRODUCT_VERSION } from './core/product';
import { SCRIPT_PARAMS } from './core/fields';

export function execute(context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  const reset = script.getParameter({ name: SCRIPT_PARAMS.setupReset }) === true;
  log.audit({
    title: `${PRODUCT_NAME} setup`,
    details: `version ${PRODUCT_VERSION}; trigger ${String(context.type)}; reset ${reset ? 'yes' : 'no'}`,
  });
  log.audit({
    title: `${PRODUCT_NAME} setup finished`,
    details: `remaining usage ${script.getRemainingUsage()}`,
  });
}
