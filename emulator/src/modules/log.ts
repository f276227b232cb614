/** N/log: execution log entries, filtered by the deployment's log level (DEBUG < AUDIT < ERROR < EMERGENCY). */
import type { ExecContext, ExecutionLogEntry, ModuleFactory } from '../types';

const RANK: Record<ExecutionLogEntry['level'], number> = { DEBUG: 0, AUDIT: 1, ERROR: 2, EMERGENCY: 3 };
/** NetSuite keeps at most 3,999 characters of details. */
const MAX_DETAILS = 3_999;

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export function writeLog(ctx: ExecContext, level: ExecutionLogEntry['level'], a: unknown, b?: unknown): void {
  if (RANK[level] < RANK[ctx.script.logLevel]) return;
  let title: unknown = a;
  let details: unknown = b;
  if (a && typeof a === 'object' && !(a instanceof Error) && b === undefined && ('title' in a || 'details' in a)) {
    title = (a as { title?: unknown }).title;
    details = (a as { details?: unknown }).details;
  }
  const entry: ExecutionLogEntry = {
    time: ctx.account.now(),
    level,
    title: text(title).slice(0, 99),
    details: text(details).slice(0, MAX_DETAILS),
    scriptId: ctx.script.scriptId,
    deploymentId: ctx.script.deploymentId,
  };
  if (ctx.script.runId) entry.runId = ctx.script.runId;
  ctx.account.state.executionLog.push(entry);
  ctx.logs?.push(entry);
}

export const createLogModule: ModuleFactory = (ctx) => ({
  debug: (a: unknown, b?: unknown) => writeLog(ctx, 'DEBUG', a, b),
  audit: (a: unknown, b?: unknown) => writeLog(ctx, 'AUDIT', a, b),
  error: (a: unknown, b?: unknown) => writeLog(ctx, 'ERROR', a, b),
  emergency: (a: unknown, b?: unknown) => writeLog(ctx, 'EMERGENCY', a, b),
});
