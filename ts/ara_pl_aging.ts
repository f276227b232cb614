/**
 * @NApiVersion 2.1
 * @NScriptType Portlet
 * @NModuleScope SameAccount
 *
 * AR aging portlet (LIST): open invoices by age bucket, unapplied credits, Net AR and unapplied
 * deposits of one subsidiary, in its base currency, from the saved search customsearch_ara_aging
 * (criteria a controller adds there apply). Usage: 16 units whatever the number of invoices.
 */

import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import type { BucketKey } from './core/aging';
import { AGING_BUCKET_SEARCHES, DASHBOARD_PARAMS, DASHBOARD_SEARCHES, SEARCH_RESULTS_PATH } from './core/ids/dashboard';
import { DashboardSearchError, agingColumns, runSummary } from './adapters/ar-searches';
import { AGING_LIST_COLUMNS, type AgingListRow, agingFromSummary, agingListRows } from './adapters/dashboard-aging';
import { PortletSettingsError, formatAmount, resolveSubsidiary, searchProblem, textParam } from './adapters/dashboard-context';
import { escapeHtml, titleText } from './core/html';

function bucketLink(key: BucketKey): string {
  return `${SEARCH_RESULTS_PATH}?searchid=${encodeURIComponent(AGING_BUCKET_SEARCHES[key])}`;
}

export function render(context: EntryPoints.Portlet.renderContext): void {
  const portlet = context.portlet;
  portlet.title = 'AR Aging';
  for (const c of AGING_LIST_COLUMNS) {
    portlet.addColumn({ id: c.id, type: 'text' as never, label: c.label, align: c.align as never });
  }
  const message = (title: string, text: string): void => {
    portlet.title = titleText(`AR Aging: ${title}`);
    const row: AgingListRow = { bucket: `<b>${escapeHtml(title)}</b><br>${escapeHtml(text)}`, amount: '', count: '', share: '' };
    portlet.addRow({ row: row as never });
  };
  try {
    const sub = resolveSubsidiary(DASHBOARD_PARAMS.agingSubsidiary);
    const searchId = textParam(DASHBOARD_PARAMS.agingSearch, DASHBOARD_SEARCHES.aging);
    const summary = runSummary(searchId, sub.id, agingColumns());
    const rows = agingFromSummary(summary, sub.currencyId);
    portlet.title = titleText(`AR Aging: ${sub.name} (${sub.currencyName})`);
    portlet.addRows({ rows: agingListRows(rows, formatAmount, bucketLink) as never });
  } catch (e) {
    if (e instanceof DashboardSearchError) {
      log.error({ title: 'AR aging portlet: saved search', details: e.message });
      const p = searchProblem(e, 'Aging saved search');
      message(p.title, p.text);
    } else if (e instanceof PortletSettingsError) {
      log.error({ title: 'AR aging portlet: subsidiary', details: e.message });
      message('Subsidiary', e.message);
    } else {
      const err = e as { name?: string; message?: string };
      log.error({ title: 'AR aging portlet failed', details: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` });
      message('Cannot show the aging', `${err?.message ?? String(e)}. Details are in the script’s execution log.`);
    }
  }
}
