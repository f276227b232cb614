/**
 * The Dashboard (every deployed portlet, rendered as the current user) and the Worklist menu entry (the
 * worklist Suitelet when deployed, else the list of deployed Suitelets).
 */
import type { PortletResult } from '../emulator';
import { describeError } from '../runtime/errors';
import { html, page, redirect, type PageContext, type WebResponse } from './context';
import { banner, esc, money, titleBar } from './layout';
import { portletDeployments, suiteletDeployments, suiteletHref, worklistScript } from './scriptinfo';

function portletFrame(title: string, inner: string, attrs: string): string {
  return `<div class="ns-portlet"${attrs}><div class="ns-portlet-title" data-portlet-title>${esc(title)}</div><div class="ns-portlet-body">${inner}</div></div>`;
}

/** Open receivables by currency (shown when no portlet is deployed, so the dashboard is never empty). */
function openArSummary(c: PageContext): string {
  const open = new Map<string, { count: number; amount: number }>();
  for (const row of c.emu.records.rows('invoice')) {
    const remaining = Number(row.value('fxamountremaining') ?? row.value('amountremaining') ?? 0);
    if (!(remaining > 0)) continue;
    const cur = row.text('currency') ?? String(row.value('currency') ?? '');
    const e = open.get(cur) ?? { count: 0, amount: 0 };
    e.count += 1;
    e.amount += remaining;
    open.set(cur, e);
  }
  const rows = [...open]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cur, e], i) => `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}"><td>${esc(cur)}</td><td class="ns-align-right">${e.count}</td><td class="ns-align-right">${esc(money(e.amount))}</td></tr>`)
    .join('');
  const table = rows
    ? `<table class="ns-table" data-list="open-ar"><thead><tr><th>Currency</th><th class="ns-align-right">Open invoices</th><th class="ns-align-right">Amount remaining</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<div class="ara-muted">No open invoices.</div>';
  return portletFrame('Open receivables (emulator summary)', `${table}<div class="ara-small" style="margin-top:6px"><a href="/records/invoice">All invoices</a></div>`, ' data-portlet="emulator-open-ar"');
}

/** GET / */
export function dashboard(c: PageContext): WebResponse {
  const { emu } = c;
  const deployed = portletDeployments(emu);
  const cols: string[][] = [[], []];
  deployed.forEach((d, i) => {
    const column = i % 2 === 0 ? 2 : 3;
    let result: PortletResult | null = null;
    let failure: { name: string; message: string } | null = null;
    try {
      result = emu.portlet(d.script.scriptid, d.deployment.scriptid, { ...c.session.as, column });
    } catch (e) {
      failure = describeError(e);
    }
    const attrs = ` data-portlet="${esc(d.script.scriptid)}" data-deployment="${esc(d.deployment.scriptid)}"`;
    let frame: string;
    if (failure) {
      frame = portletFrame(d.deployment.title || d.script.name || d.script.scriptid, `<div class="ara-muted" data-portlet-error="${esc(failure.name)}">${esc(failure.name)}: ${esc(failure.message)}</div>`, attrs);
    } else if (result && result.error) {
      const inner = `<div class="ns-banner ns-banner-error" data-banner="error"><div class="ns-banner-title">${esc(result.error.name)}</div><div class="ns-banner-text">${esc(result.error.message)}</div></div>`;
      frame = portletFrame(result.title || d.deployment.title || d.script.scriptid, inner, `${attrs} data-portlet-error="${esc(result.error.name)}"`);
    } else {
      // The portlet renderer writes the script's content as NetSuite does (the product escapes its values).
      frame = `<div${attrs} data-usage="${result?.usage ?? 0}">${result?.html ?? ''}</div>`;
    }
    (cols[i % 2] as string[]).push(frame);
  });
  let body = titleBar('Home');
  if (deployed.length === 0) {
    body +=
      '<div class="ara-web-note" data-empty-dashboard>No portlet scripts are deployed in this account yet. ' +
      'When AR Autopilot\'s dashboard portlets are built and deployed (<code>npm start</code> builds and deploys <code>src/</code>), they appear here. ' +
      'Meanwhile: browse the <a href="/records/customer">customers</a> and <a href="/records/invoice">invoices</a>, or run the scripts on the <a href="/scripts">Scripts</a> page.</div>';
    cols[0]?.push(openArSummary(c));
  }
  body += `<div class="ara-dashboard" data-dashboard><div class="ara-dash-col" data-column="2">${(cols[0] ?? []).join('')}</div><div class="ara-dash-col" data-column="3">${(cols[1] ?? []).join('')}</div></div>`;
  return html(page(c, { title: 'Dashboard', active: 'dashboard' }, body));
}

/** GET /worklist: the worklist Suitelet when deployed, else the Suitelets there are. */
export function worklist(c: PageContext): WebResponse {
  const wl = worklistScript(c.emu);
  if (wl) return redirect(suiteletHref(wl.script.scriptid, wl.deployment.scriptid));
  const all = suiteletDeployments(c.emu);
  const list = all.length
    ? `<ul>${all.map((d) => `<li><a href="${esc(suiteletHref(d.script.scriptid, d.deployment.scriptid))}">${esc(d.deployment.title || d.script.name || d.script.scriptid)}</a> <span class="ara-muted ara-small">${esc(d.script.scriptid)} / ${esc(d.deployment.scriptid)}</span></li>`).join('')}</ul>`
    : '';
  const body =
    titleBar('Worklist') +
    banner('information', 'The collector worklist is not deployed yet', 'It appears here once its Suitelet is built and deployed.') +
    (list ? `<div class="ns-body"><div class="ns-sublist-title">Deployed Suitelets</div>${list}</div>` : '');
  return html(page(c, { title: 'Worklist', active: 'worklist' }, body));
}
