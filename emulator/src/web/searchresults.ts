/**
 * Saved search results (/app/common/search/searchresults.nl?searchid=ID, the URL the aging portlet's
 * drill-down links use): runs the saved search that setup created, as it is stored in the account, and
 * lists its results with its own columns (first 500 rows). Record results link to their record page.
 */
import type { Emulator } from '../emulator';
import { prepareSearch } from '../search/engine';
import { describeError } from '../runtime/errors';
import { html, page, type PageContext, type WebResponse } from './context';
import { banner, esc, money, recordHref, titleBar } from './layout';

export const SEARCH_RESULTS_PATH = '/app/common/search/searchresults.nl';
export const SEARCH_ROWS_SHOWN = 500;

const LINKABLE = new Set(['customer', 'salesorder', 'invoice', 'creditmemo', 'customerdeposit', 'customerpayment', 'depositapplication', 'employee']);

function findSaved(emu: Emulator, key: string) {
  return Object.values(emu.state.savedSearches).find((s) => s.internalId === key || s.id.toLowerCase() === key.toLowerCase()) ?? null;
}

/** GET /app/common/search/searchresults.nl?searchid=ID */
export function searchResults(c: PageContext): WebResponse {
  const { emu } = c;
  const key = c.req.query.get('searchid') ?? '';
  const saved = key ? findSaved(emu, key) : null;
  if (!saved) {
    const body = titleBar('Search results') + banner('error', 'That saved search does not exist', `No saved search ${key} in this account. Run the setup script (Scripts page) to create AR Autopilot's saved searches.`);
    return html(page(c, { title: 'Search results' }, body), 404);
  }
  let rows: string[] = [];
  let head = '';
  let total = 0;
  try {
    const def: { type: string; columns: unknown[]; filters?: unknown; filterExpression?: unknown; settings?: unknown[] } = { type: saved.type, columns: saved.columns ?? [] };
    if (Array.isArray(saved.filterExpression) && saved.filterExpression.length > 0) def.filterExpression = saved.filterExpression;
    else def.filters = saved.filters ?? [];
    if (saved.settings) def.settings = saved.settings;
    const prepared = prepareSearch(def, emu.records, { dateFormat: emu.state.company.dateFormat, today: emu.state.asOf });
    const results = prepared.execute();
    total = results.length;
    const cols = prepared.columns;
    // Columns without a label show the field's label (as NetSuite does), e.g. tranid → Document Number.
    const fields = (emu.records.typeInfo(saved.type) ?? emu.records.typeInfo(results[0]?.recordType ?? ''))?.fields ?? {};
    const label = (col: (typeof cols)[number]) => col.label || (col.join ? `${col.join}: ${col.name}` : (fields[col.name]?.label ?? col.name));
    head = cols.map((col) => `<th>${esc(label(col))}</th>`).join('');
    // The record's own number (or name) links to the record; else the first column.
    const own = cols.findIndex((col) => !col.join && !col.summary && ['tranid', 'entityid', 'name'].includes(col.name));
    const linkAt = own >= 0 ? own : 0;
    rows = results.slice(0, SEARCH_ROWS_SHOWN).map((r, i) => {
      const cells = cols.map((col, j) => {
        const text = r.getText(col);
        const value = r.getValue(col);
        const raw = text ?? (Array.isArray(value) ? value.join(', ') : value === true ? 'Yes' : value === false ? 'No' : (value ?? ''));
        const shown = text === null && typeof value === 'string' && /^-?\d+\.\d+$/.test(value) ? money(value) : raw;
        const numeric = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && text === null;
        const type = r.recordType;
        const cell = j === linkAt && r.id && LINKABLE.has(type) && emu.records.exists(type, r.id) ? `<a href="${esc(recordHref(type, r.id))}">${esc(shown)}</a>` : esc(shown);
        return `<td${numeric ? ' class="ns-align-right"' : ''}>${cell}</td>`;
      });
      return `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"${r.id ? ` data-id="${esc(r.id)}"` : ''}>${cells.join('')}</tr>`;
    });
  } catch (e) {
    const d = describeError(e);
    const body = titleBar(saved.title || saved.id) + banner('error', d.name, d.message);
    return html(page(c, { title: saved.title || saved.id }, body), 500);
  }
  const more = total > SEARCH_ROWS_SHOWN ? `<div class="ara-small ara-muted">First ${SEARCH_ROWS_SHOWN} of ${total} results.</div>` : '';
  const body =
    titleBar(saved.title || saved.id) +
    `<div class="ns-body" data-search="${esc(saved.id)}"><div class="ara-pager"><span data-results="${total}">${total} result${total === 1 ? '' : 's'}</span><span class="ara-muted">saved search ${esc(saved.id)} (internal id ${esc(saved.internalId)})</span></div>` +
    (total ? `<table class="ns-table" data-list="search-results"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}` : '<div class="ara-web-note">No results.</div>') +
    '</div>';
  return html(page(c, { title: saved.title || saved.id }, body));
}
