/**
 * @NApiVersion 2.1
 * @NScriptType Portlet
 * @NModuleScope SameAccount
 *
 * DSO portlet (HTML): DSO, countback DSO, best possible DSO, average days delinquent, CEI, unapplied
 * cash % and the 12-month DSO trend of one subsidiary, in its base currency, beside the Credit
 * Research Foundation medians. Two summary searches (customsearch_ara_dso_ledger and
 * customsearch_ara_dso_applied; criteria a controller adds there apply). Usage: 31 units whatever
 * the number of invoices.
 */

import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { DASHBOARD_PARAMS, DASHBOARD_SEARCHES, DEFAULT_DSO_DAYS } from './core/ids/dashboard';
import { DashboardSearchError, appliedColumns, ledgerColumns, runSummary } from './adapters/ar-searches';
import { dsoFromSummary, dsoHtml, messageHtml } from './adapters/dashboard-dso';
import { PortletSettingsError, formatAmount, formatUserDate, resolveSubsidiary, searchProblem, textParam } from './adapters/dashboard-context';
import { titleText } from './core/html';

function periodDays(): number {
  const v = runtime.getCurrentScript().getParameter({ name: DASHBOARD_PARAMS.dsoDays });
  if (v === null || v === undefined || v === '') return DEFAULT_DSO_DAYS;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 3660) throw new PortletSettingsError(`The period parameter must be a whole number of days from 1 to 3660, not “${String(v)}”.`);
  return n;
}

export function render(context: EntryPoints.Portlet.renderContext): void {
  const portlet = context.portlet;
  portlet.title = 'DSO and collection KPIs';
  try {
    const days = periodDays();
    const sub = resolveSubsidiary(DASHBOARD_PARAMS.dsoSubsidiary);
    const ledgerId = textParam(DASHBOARD_PARAMS.dsoLedgerSearch, DASHBOARD_SEARCHES.dsoLedger);
    const appliedId = textParam(DASHBOARD_PARAMS.dsoAppliedSearch, DASHBOARD_SEARCHES.dsoApplied);
    const ledger = runSummary(ledgerId, sub.id, ledgerColumns(days));
    const applied = runSummary(appliedId, sub.id, appliedColumns(days));
    const figures = dsoFromSummary(ledger, applied, sub.currencyId, days);
    portlet.title = titleText(`DSO and collection KPIs: ${sub.name} (${sub.currencyName})`);
    portlet.html = dsoHtml(figures, { subsidiaryName: sub.name, currencyName: sub.currencyName, days, formatAmount, formatDate: formatUserDate });
  } catch (e) {
    if (e instanceof DashboardSearchError) {
      log.error({ title: 'DSO portlet: saved search', details: e.message });
      const p = searchProblem(e, e.searchId === DASHBOARD_SEARCHES.dsoApplied ? 'Applications saved search' : 'Ledger saved search');
      portlet.html = messageHtml(p.title, p.text);
    } else if (e instanceof PortletSettingsError) {
      log.error({ title: 'DSO portlet: parameters', details: e.message });
      portlet.html = messageHtml('Portlet settings', e.message);
    } else {
      const err = e as { name?: string; message?: string };
      log.error({ title: 'DSO portlet failed', details: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` });
      portlet.html = messageHtml('Cannot show the KPIs', `${err?.message ?? String(e)}. Details are in the script’s execution log.`);
    }
  }
}
