/**
 * Lookups over the deployed scripts for the web page and `npm start`: portlets for the dashboard, the
 * worklist Suitelet, scheduled and map/reduce deployments (and which of them are the nightly jobs).
 */
import type { Emulator } from '../emulator';
import type { ScriptDeployment, ScriptObject } from '../../../tools/sdf/objects';
import { SUITELET_PATH } from '../ui/url';

export interface DeployedScript {
  script: ScriptObject;
  deployment: ScriptDeployment;
}

/** Every active script with each of its deployed deployments, in deployment order of the project. */
export function deployedScripts(emu: Emulator, types?: readonly string[]): DeployedScript[] {
  if (!emu.state.deployment) return [];
  const out: DeployedScript[] = [];
  for (const script of emu.host.scripts()) {
    if (script.isinactive) continue;
    if (types && !types.includes(script.type)) continue;
    for (const deployment of script.deployments) if (deployment.isdeployed) out.push({ script, deployment });
  }
  return out;
}

export function portletDeployments(emu: Emulator): DeployedScript[] {
  return deployedScripts(emu, ['portlet']);
}

export function suiteletDeployments(emu: Emulator): DeployedScript[] {
  return deployedScripts(emu, ['suitelet']).filter((d) => ['RELEASED', 'TESTING'].includes(d.deployment.status));
}

/** Scheduled and map/reduce deployments (the ones "Run now" can start). */
export function batchDeployments(emu: Emulator): DeployedScript[] {
  return deployedScripts(emu, ['scheduledscript', 'mapreducescript']);
}

/** The nightly jobs: scheduled and map/reduce deployments with a recurrence, by start time then script id. */
export function nightlyJobs(emu: Emulator): DeployedScript[] {
  const start = (d: DeployedScript) => String(d.deployment.recurrence?.props?.starttime ?? '');
  return batchDeployments(emu)
    .filter((d) => d.deployment.recurrence && d.deployment.status !== 'NOTSCHEDULED')
    .sort((a, b) => start(a).localeCompare(start(b)) || a.script.scriptid.localeCompare(b.script.scriptid) || a.deployment.scriptid.localeCompare(b.deployment.scriptid));
}

/** The collector worklist Suitelet, when one is deployed (script or deployment id mentions "worklist"). */
export function worklistScript(emu: Emulator): DeployedScript | null {
  return suiteletDeployments(emu).find((d) => /worklist/i.test(d.script.scriptid) || /worklist/i.test(d.deployment.scriptid)) ?? null;
}

/** The URL N/url produces for a Suitelet (served by the local web page at the same path). */
export function suiteletHref(scriptId: string, deploymentId: string, params: Record<string, string> = {}): string {
  const extra = Object.entries(params)
    .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('');
  return `${SUITELET_PATH}?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}${extra}`;
}

/** Human summary of a recurrence: "daily at 2:00 am", "weekly (monday) at …". */
export function recurrenceText(d: ScriptDeployment): string {
  const r = d.recurrence;
  if (!r) return 'on demand';
  const p = r.props ?? {};
  const at = p.starttime ? ` at ${String(p.starttime)}` : '';
  const repeat = p.repeat ? `, every ${String(p.repeat).replace(/^PT/, '').toLowerCase()}` : '';
  return `${r.kind}${at}${repeat}`;
}
