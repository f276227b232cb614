/**
 * The Scripts page: every deployed script, "Run now" for scheduled and map/reduce deployments (then the
 * tasks they queued with N/task), the recent runs (status, usage, per-stage maximum, errors), the
 * execution log (newest first) and the emails sent.
 */
import type { RunReport } from '../types';
import { describeError } from '../runtime/errors';
import { html, page, redirect, type PageContext, type WebResponse } from './context';
import { banner, dateText, esc, query, titleBar } from './layout';
import { batchDeployments, deployedScripts, recurrenceText, suiteletHref } from './scriptinfo';

export const RUNS_SHOWN = 25;
export const LOG_SHOWN = 100;
export const EMAILS_SHOWN = 25;

const TYPE_LABELS: Record<string, string> = {
  scheduledscript: 'Scheduled',
  mapreducescript: 'Map/Reduce',
  usereventscript: 'User Event',
  suitelet: 'Suitelet',
  portlet: 'Portlet',
  restlet: 'RESTlet',
  clientscript: 'Client',
};

function stageMax(run: RunReport): string {
  return Object.entries(run.usage.maxPerStage ?? {})
    .map(([stage, n]) => `${stage} ${n}`)
    .join(' \u00b7 ');
}

export function runHref(runId: string): string {
  return `/scripts/runs/${encodeURIComponent(runId)}`;
}

function runsTable(c: PageContext, runs: RunReport[]): string {
  const fmt = c.emu.state.company.dateFormat;
  if (runs.length === 0) return '<div class="ara-muted" data-runs-empty>No script has run yet.</div>';
  const rows = runs
    .map((r, i) => {
      const errs = r.errors.length
        ? `<ul style="margin:0;padding-left:16px">${r.errors
            .slice(0, 5)
            .map((e) => `<li><b>${esc(e.name)}</b> <span class="ara-muted">(${esc(e.stage)}${e.key !== undefined ? ` ${esc(e.key)}` : ''})</span>: ${esc(e.message)}</li>`)
            .join('')}${r.errors.length > 5 ? `<li class="ara-muted">${r.errors.length - 5} more</li>` : ''}</ul>`
        : '';
      return (
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-run="${esc(r.runId)}" data-line="${i}">` +
        `<td><a href="${esc(runHref(r.runId))}" data-run-link="${esc(r.runId)}">${esc(dateText(r.started, fmt))}</a></td><td>${esc(r.scriptId)}<div class="ara-small ara-muted">${esc(r.deploymentId)}</div></td>` +
        `<td class="${r.status === 'COMPLETE' ? 'ara-ok' : 'ara-failed'}" data-status="${esc(r.status)}">${esc(r.status)}</td>` +
        `<td class="ns-align-right" data-usage="${r.usage.total}">${r.usage.total}</td><td class="ns-align-right">${r.usage.invocations.length}</td><td class="ara-small">${esc(stageMax(r))}</td><td>${errs}</td></tr>`
      );
    })
    .join('');
  return `<table class="ns-table" data-list="runs"><thead><tr><th>Started</th><th>Script</th><th>Status</th><th class="ns-align-right">Usage</th><th class="ns-align-right">Invocations</th><th>Max per stage</th><th>Errors</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** GET /scripts[?script=ID] */
export function scriptsPage(c: PageContext, extraBanners = '', status = 200): WebResponse {
  const { emu } = c;
  const state = emu.state;
  const fmt = state.company.dateFormat;
  const filter = c.req.query.get('script') ?? '';
  let banners = extraBanners;
  const ran = c.req.query.get('ran');
  if (ran) {
    for (const runId of ran.split(',')) {
      const r = state.runs.find((x) => x.runId === runId);
      if (!r) continue;
      const text = `${r.scriptId}: ${r.usage.total} usage units${r.errors.length ? `, ${r.errors.length} error(s): ${r.errors[0]?.name}: ${r.errors[0]?.message}` : ''}`;
      banners +=
        `<div class="ns-banner ns-banner-${r.status === 'COMPLETE' ? 'confirmation' : 'error'}" role="status" data-banner="${r.status === 'COMPLETE' ? 'confirmation' : 'error'}" data-run="${esc(r.runId)}">` +
        `<div class="ns-banner-title">Run ${r.status === 'COMPLETE' ? 'complete' : 'failed'}</div><div class="ns-banner-text">${esc(text)} \u00b7 <a href="${esc(runHref(r.runId))}">usage per invocation and log</a></div></div>`;
    }
  }
  if (!state.deployment) {
    banners += banner('warning', 'Nothing is deployed in this account', 'Run npm start (it builds and deploys src/) to deploy AR Autopilot.');
  }

  // Deployments.
  const deps = deployedScripts(emu);
  const runnable = new Set(batchDeployments(emu).map((d) => `${d.script.scriptid}/${d.deployment.scriptid}`));
  const depRows = deps
    .map((d, i) => {
      const key = `${d.script.scriptid}/${d.deployment.scriptid}`;
      let action = '';
      if (runnable.has(key)) {
        action =
          '<form method="POST" action="/scripts/run" class="ara-inline-form">' +
          `<input type="hidden" name="script" value="${esc(d.script.scriptid)}"><input type="hidden" name="deployment" value="${esc(d.deployment.scriptid)}">` +
          `<button type="submit" class="ns-button ns-button-primary" data-button="run" data-script="${esc(d.script.scriptid)}" data-deployment="${esc(d.deployment.scriptid)}">Run now</button></form>`;
      } else if (d.script.type === 'suitelet') {
        action = `<a href="${esc(suiteletHref(d.script.scriptid, d.deployment.scriptid))}">Open</a>`;
      } else if (d.script.type === 'portlet') {
        action = '<a href="/">Dashboard</a>';
      }
      const what =
        d.script.type === 'usereventscript'
          ? `${esc((d.deployment.recordtype ?? '').toLowerCase())}${d.deployment.eventtype ? ` (${esc(d.deployment.eventtype)})` : ''}`
          : runnable.has(key)
            ? esc(recurrenceText(d.deployment))
            : '';
      return (
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-deployment="${esc(d.deployment.scriptid)}">` +
        `<td>${esc(d.script.name || d.script.scriptid)}<div class="ara-small ara-muted">${esc(d.script.scriptid)}</div></td>` +
        `<td>${esc(TYPE_LABELS[d.script.type] ?? d.script.type)}</td><td>${esc(d.deployment.scriptid)}</td><td>${esc(d.deployment.status)}</td><td>${what}</td><td>${action}</td></tr>`
      );
    })
    .join('');
  const depTable = deps.length
    ? `<table class="ns-table" data-list="deployments"><thead><tr><th>Script</th><th>Type</th><th>Deployment</th><th>Status</th><th>Schedule / record</th><th></th></tr></thead><tbody>${depRows}</tbody></table>`
    : '<div class="ara-muted">No scripts deployed.</div>';

  // Task queue.
  const queue = state.taskQueue.length
    ? '<div class="ara-section"><form method="POST" action="/scripts/queue" class="ara-inline-form">' +
      `<span>${state.taskQueue.length} task(s) submitted with N/task are waiting: ${state.taskQueue.map((t) => esc(t.scriptId)).join(', ')} </span>` +
      '<button type="submit" class="ns-button" data-button="run-queue">Run queued tasks</button></form></div>'
    : '';

  // Runs.
  const runs = state.runs
    .filter((r) => !filter || r.scriptId === filter)
    .slice(-RUNS_SHOWN)
    .reverse();

  // Execution log.
  const log = state.executionLog
    .filter((l) => !filter || l.scriptId === filter)
    .slice(-LOG_SHOWN)
    .reverse();
  const logRows = log
    .map(
      (l, i) =>
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"><td class="ara-small">${esc(dateText(l.time, fmt))}</td><td class="ara-level-${esc(l.level)}">${esc(l.level)}</td>` +
        `<td class="ara-small">${esc(l.scriptId)}</td><td>${esc(l.title)}</td><td><pre class="ara-pre">${esc(l.details)}</pre></td></tr>`,
    )
    .join('');
  const logTable = log.length
    ? `<table class="ns-table" data-list="execution-log"><thead><tr><th>Time</th><th>Level</th><th>Script</th><th>Title</th><th>Details</th></tr></thead><tbody>${logRows}</tbody></table>`
    : '<div class="ara-muted">The execution log is empty.</div>';

  // Emails.
  const emails = state.emails.slice(-EMAILS_SHOWN).reverse();
  const emailRows = emails
    .map(
      (m, i) =>
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"><td class="ara-small">${esc(dateText(m.time, fmt))}</td><td>${esc(m.recipients.join(', '))}</td>` +
        `<td><details><summary>${esc(m.subject)}</summary><pre class="ara-pre">${esc(m.body)}</pre></details></td>` +
        `<td class="ara-small">${m.attachments.map((a) => esc(a.name)).join(', ')}</td></tr>`,
    )
    .join('');
  const emailTable = emails.length
    ? `<table class="ns-table" data-list="emails"><thead><tr><th>Sent</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead><tbody>${emailRows}</tbody></table>`
    : '<div class="ara-muted">No emails sent.</div>';

  const filterNote = filter ? `<div class="ara-small">Showing runs and log of ${esc(filter)} \u00b7 <a href="/scripts">show all</a></div>` : '';
  const body =
    titleBar('Scripts') +
    '<div class="ns-body">' +
    filterNote +
    `<section class="ns-tab" data-tab="deployments"><h2>Deployments</h2>${depTable}${queue}</section>` +
    `<section class="ns-tab" data-tab="runs"><h2>Recent runs</h2>${runsTable(c, runs)}</section>` +
    `<section class="ns-tab" data-tab="log"><h2>Execution log</h2>${logTable}</section>` +
    `<section class="ns-tab" data-tab="emails"><h2>Emails sent</h2>${emailTable}</section>` +
    '</div>';
  return html(page(c, { title: 'Scripts', active: 'scripts', banners }, body), status);
}

/** POST /scripts/run {script, deployment}: run now, then the tasks it queued. */
export function runNow(c: PageContext): WebResponse {
  const script = c.req.form.script ?? '';
  const deployment = c.req.form.deployment ?? '';
  const known = batchDeployments(c.emu).some((d) => d.script.scriptid === script && (!deployment || d.deployment.scriptid === deployment));
  if (!known) {
    return scriptsPage(c, banner('error', 'SSS_INVALID_SCRIPT_ID', `${script} ${deployment} is not a deployed scheduled or map/reduce script`), 400);
  }
  try {
    const run = c.emu.run(script, { deploymentId: deployment || null });
    const queued = c.emu.runQueue();
    const ids = [run.runId, ...queued.map((r) => r.runId)].join(',');
    return redirect(`/scripts${query({ ran: ids })}`, true);
  } catch (e) {
    const d = describeError(e);
    const r = scriptsPage(c, banner('error', d.name, d.message), 400);
    r.changed = true;
    return r;
  }
}

/** POST /scripts/queue: run the tasks submitted with N/task. */
export function runQueue(c: PageContext): WebResponse {
  try {
    const runs = c.emu.runQueue();
    return redirect(`/scripts${query({ ran: runs.map((r) => r.runId).join(',') })}`, true);
  } catch (e) {
    const d = describeError(e);
    const r = scriptsPage(c, banner('error', d.name, d.message), 400);
    r.changed = true;
    return r;
  }
}

/** Log rows (newest first) as a table. */
function logTableHtml(c: PageContext, log: { time: string; level: string; scriptId: string; title: string; details: string }[]): string {
  const fmt = c.emu.state.company.dateFormat;
  if (log.length === 0) return '<div class="ara-muted">No log entries.</div>';
  const rows = log
    .map(
      (l, i) =>
        `<tr class="ns-row ns-row-${i % 2 ? 'odd' : 'even'}" data-line="${i}"><td class="ara-small">${esc(dateText(l.time, fmt))}</td><td class="ara-level-${esc(l.level)}">${esc(l.level)}</td>` +
        `<td class="ara-small">${esc(l.scriptId)}</td><td>${esc(l.title)}</td><td><pre class="ara-pre">${esc(l.details)}</pre></td></tr>`,
    )
    .join('');
  return `<table class="ns-table" data-list="execution-log"><thead><tr><th>Time</th><th>Level</th><th>Script</th><th>Title</th><th>Details</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export const INVOCATIONS_SHOWN = 500;

/** GET /scripts/runs/:runId: one run with the usage of each invocation, its errors and its log. */
export function runPage(c: PageContext, runId: string): WebResponse {
  const { emu } = c;
  const fmt = emu.state.company.dateFormat;
  const r = emu.state.runs.find((x) => x.runId === runId);
  if (!r) {
    const body = titleBar('Script run') + banner('error', 'Run not found', `No run ${runId} in this account (only the most recent runs are kept).`) + '<div class="ns-body"><a href="/scripts">Scripts</a></div>';
    return html(page(c, { title: 'Script run', active: 'scripts' }, body), 404);
  }
  const inv = r.usage.invocations;
  const max = Math.max(1, ...inv.map((i) => i.usage));
  const invRows = inv
    .slice(0, INVOCATIONS_SHOWN)
    .map((i, n) => {
      const pct = i.limit ? Math.round((i.usage / i.limit) * 1000) / 10 : 0;
      const bar = `<span class="ara-usage-bar" style="width:${Math.max(1, Math.round((i.usage / max) * 160))}px"></span>`;
      return (
        `<tr class="ns-row ns-row-${n % 2 ? 'odd' : 'even'}" data-line="${n}" data-invocation data-stage="${esc(i.stage)}"><td class="ns-align-right">${n + 1}</td><td>${esc(i.stage)}</td><td>${esc(i.key ?? '')}</td>` +
        `<td class="ns-align-right" data-usage="${i.usage}">${i.usage}${bar}</td><td class="ns-align-right">${i.limit}</td><td class="ns-align-right">${pct}%</td></tr>`
      );
    })
    .join('');
  const more = inv.length > INVOCATIONS_SHOWN ? `<div class="ara-small ara-muted">${inv.length - INVOCATIONS_SHOWN} more invocations not shown.</div>` : '';
  const invTable = inv.length
    ? `<table class="ns-table" data-list="invocations" style="max-width:900px"><thead><tr><th class="ns-align-right">#</th><th>Stage</th><th>Key</th><th class="ns-align-right">Usage</th><th class="ns-align-right">Limit</th><th class="ns-align-right">Of limit</th></tr></thead><tbody>${invRows}</tbody></table>${more}`
    : '<div class="ara-muted">No invocations recorded.</div>';
  const errs = r.errors.length
    ? `<ul data-list="run-errors">${r.errors.map((e) => `<li><b>${esc(e.name)}</b> <span class="ara-muted">(${esc(e.stage)}${e.key !== undefined ? ` ${esc(e.key)}` : ''})</span>: ${esc(e.message)}</li>`).join('')}</ul>`
    : '<div class="ara-muted">No errors.</div>';
  const log = emu.state.executionLog.filter((l) => l.runId === runId).reverse();
  const facts =
    '<div class="ara-kv">' +
    [
      ['Script', `${r.scriptId} / ${r.deploymentId}`],
      ['Type', r.scriptType],
      ['Status', r.status],
      ['Started', dateText(r.started, fmt)],
      ['Finished', dateText(r.finished, fmt)],
      ['Usage', `${r.usage.total} units in ${inv.length} invocation${inv.length === 1 ? '' : 's'}`],
      ['Most per stage', stageMax(r)],
    ]
      .map(([k, v]) => `<div class="ns-field"><span class="ns-label">${esc(k as string)}</span><span class="ara-value" data-value>${esc(v as string)}</span></div>`)
      .join('') +
    '</div>';
  const body =
    titleBar(`Script run: ${r.scriptId}`, `<span class="ara-status" data-status="${esc(r.status)}">${esc(r.status)}</span>`) +
    `<div class="ns-buttons"><a class="ns-button" href="/scripts">All scripts</a><a class="ns-button" href="/scripts${esc(query({ script: r.scriptId }))}">Runs of this script</a></div>` +
    `<div class="ns-body" data-run="${esc(r.runId)}">${facts}` +
    `<section class="ns-tab" data-tab="invocations"><h2>Usage per invocation</h2>${invTable}</section>` +
    `<section class="ns-tab" data-tab="errors"><h2>Errors</h2>${errs}</section>` +
    `<section class="ns-tab" data-tab="log"><h2>Execution log of this run</h2>${logTableHtml(c, log)}</section></div>`;
  return html(page(c, { title: `Run ${r.scriptId}`, active: 'scripts' }, body));
}
