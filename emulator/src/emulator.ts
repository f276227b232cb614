/**
 * The emulator as one object: an account (in memory, optionally persisted in a folder), its records,
 * the deployed SDF project, and the script host. The CLI, the tests, the benchmarks and the local page
 * all go through this class.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AccountState, CompanySettings, CurrentUser, ExecutionContextType, FieldValue, InvocationUsage, RecordView } from './types';
import { Account, createAccountState } from './account/account';
import { createRecordService, type RecordStore } from './records/service';
import { loadFixture } from './records/fixture';
import { loadObjects, type SdfProject } from '../../tools/sdf/objects';
import { validateProject } from '../../tools/sdf/validate';
import { customizationsFrom, declaredFieldIds } from './customizations';
import { ScriptHost, type RunOptions, type RunResult } from './runtime/host';
import { MODULES, searchInput } from './modules';
import { resolveUser, systemUser } from './runtime/users';
import { createError, describeError } from './runtime/errors';
import { isIsoDate, dateValue } from './runtime/values';
import { createRecordModule, UI_EVENT_TYPE } from './modules/record';
import { createServerRequest, createServerResponse, createPortletObject, renderPortlet } from './ui/http';
import { generateDemoFixture } from './demo/generate';
import { escapeHtml } from './runtime/values';

export interface AsUser {
  as?: string | null;
  role?: string | null;
}

export interface SuiteletCall extends AsUser {
  method?: 'GET' | 'POST';
  params?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
}

export interface SuiteletResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  redirect: string | null;
  usage: number;
  logs: unknown[];
  error?: { name: string; message: string };
  userEventUsage: InvocationUsage[];
}

export interface PortletResult {
  title: string;
  type: string;
  columns: unknown[];
  rows: unknown[];
  html: string;
  usage: number;
  error?: { name: string; message: string };
}

export interface RecordCommand extends AsUser {
  id?: string | null;
  values?: Record<string, unknown>;
  context?: ExecutionContextType;
}

/** Settings row of the demo company (company default: no subsidiary). */
export const DEMO_SETTINGS = {
  type: 'customrecord_ara_settings',
  row: {
    id: 1,
    name: 'Company default',
    custrecord_ara_set_worklist_roles: 'customrole_ara_collector,customrole_ara_supervisor',
    custrecord_ara_set_supervisor_roles: 'customrole_ara_supervisor',
    custrecord_ara_set_override_roles: 'customrole_ara_supervisor',
  },
} as const;

export const DEFAULT_PROJECT_DIR = resolve(__dirname, '../../src');

export class Emulator {
  readonly account: Account;
  readonly records: RecordStore;
  private project: SdfProject;
  private hostCache: ScriptHost | null = null;

  constructor(account: Account) {
    this.account = account;
    this.project = (account.state.deployment?.objects as SdfProject | undefined) ?? { projectDir: '', objects: [], problems: [] };
    this.records = createRecordService(account, customizationsFrom(this.project));
  }

  /** A new account in memory (optionally saved to a folder later). */
  static create(asOf: string, company: Partial<CompanySettings> = {}, dir: string | null = null): Emulator {
    if (!isIsoDate(asOf)) throw createError('INVALID_FLD_VALUE', `Account date must be YYYY-MM-DD, not "${asOf}"`);
    return new Emulator(new Account(createAccountState(asOf, company), dir));
  }

  static open(dir: string): Emulator {
    return new Emulator(Account.load(dir));
  }

  get state(): AccountState {
    return this.account.state;
  }

  save(): void {
    this.account.save();
  }

  get host(): ScriptHost {
    if (!this.hostCache) {
      const root = this.state.deployment?.fileCabinetRoot ?? join(DEFAULT_PROJECT_DIR, 'FileCabinet');
      this.hostCache = new ScriptHost({
        account: this.account,
        records: this.records,
        search: this.records,
        project: this.project,
        fileCabinetRoot: root,
        modules: MODULES,
        searchInput,
      });
    }
    return this.hostCache;
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Setup                                                                                          */

  /**
   * Load the customizations (custom fields, records, lists) of an SDF project without its scripts, so
   * that fixtures may use the declared custom fields.
   */
  applyProjectCustomizations(projectDir = DEFAULT_PROJECT_DIR): string[] {
    const project = loadObjects(projectDir);
    const spec = customizationsFrom(project);
    this.records.applyCustomizations(spec);
    return declaredFieldIds(spec);
  }

  /** Deploy an SDF project (objects + built File Cabinet), after the validator passes. */
  deploy(projectDir = DEFAULT_PROJECT_DIR): { objects: number; scripts: string[]; warnings: number } {
    const dir = resolve(projectDir);
    const result = validateProject(dir);
    if (result.errors.length > 0) {
      const lines = result.errors.slice(0, 20).map((e) => `${e.file}${e.element ? `: ${e.element}` : ''}: ${e.message}`);
      throw createError('SDF_VALIDATION_FAILED', `The project in ${dir} does not validate (${result.errors.length} errors):\n${lines.join('\n')}`);
    }
    const project = loadObjects(dir);
    this.project = project;
    this.state.deployment = { deployedAt: this.account.now(), fileCabinetRoot: join(dir, 'FileCabinet'), objects: project };
    this.records.applyCustomizations(customizationsFrom(project));
    this.hostCache = null;
    return {
      objects: project.objects.length,
      scripts: this.host.scripts().map((s) => s.scriptid),
      warnings: result.warnings.length,
    };
  }

  /** Load a fixture (all or nothing). */
  loadFixture(fixture: unknown): Record<string, number> {
    return loadFixture(this.records, fixture as never) as unknown as Record<string, number>;
  }

  /** Generate and load the demo company. */
  loadDemo(options: { customers?: number; asOf?: string; seed?: string | number } = {}): Record<string, number> {
    const declared = this.applyProjectCustomizations();
    const fixture = generateDemoFixture({ ...options, asOf: options.asOf ?? this.state.asOf, customFields: declared });
    if (this.records.typeInfo(DEMO_SETTINGS.type)) {
      // The demo company's AR Autopilot settings: who may work the worklist, supervise it and override holds.
      (fixture.records as Record<string, unknown[]>)[DEMO_SETTINGS.type] = [DEMO_SETTINGS.row];
    }
    return this.loadFixture(fixture);
  }

  setClock(date: string): void {
    if (!isIsoDate(date)) throw createError('INVALID_FLD_VALUE', `Clock date must be YYYY-MM-DD, not "${date}"`);
    this.account.setToday(date);
    this.records.reindex();
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Users                                                                                          */

  user(as?: AsUser): CurrentUser {
    if (!as?.as) return systemUser(this.state);
    return resolveUser(this.state, this.records, String(as.as), as.role ?? null);
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Scripts                                                                                        */

  run(scriptId: string, opts: RunOptions & AsUser = {}): RunResult {
    const script = this.host.script(scriptId);
    const user = opts.as ? this.user(opts) : undefined;
    const o: RunOptions = { ...opts, ...(user ? { user } : {}) };
    if (script.type === 'scheduledscript') return this.host.runScheduled(scriptId, o);
    if (script.type === 'mapreducescript') return this.host.runMapReduce(scriptId, o);
    throw createError('SSS_INVALID_SCRIPT_ID', `${scriptId} is a ${script.type}: only scheduled and map/reduce scripts can be run`);
  }

  /** Run every task submitted with N/task, oldest first, until the queue is empty (bounded). */
  runQueue(maxRuns = 50): RunResult[] {
    const out: RunResult[] = [];
    while (this.state.taskQueue.length > 0 && out.length < maxRuns) {
      const t = this.state.taskQueue.shift()!;
      out.push(this.run(t.scriptId, { deploymentId: t.deploymentId, params: t.params as Record<string, string> }));
    }
    return out;
  }

  suitelet(scriptId: string, deploymentId: string, call: SuiteletCall = {}): SuiteletResult {
    const user = this.user(call);
    const method = call.method ?? 'GET';
    const request = createServerRequest({
      method,
      parameters: { script: scriptId, deploy: deploymentId, ...(call.params ?? {}) },
      headers: call.headers ?? {},
      url: `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}`,
      body: call.body ?? '',
    });
    let response: ReturnType<typeof createServerResponse> = createServerResponse();
    const ex = this.host.runSuitelet(scriptId, deploymentId, user, (entry, ctx) => {
      response = createServerResponse(ctx);
      const f = entry.onRequest;
      if (typeof f !== 'function') throw createError('SSS_INVALID_SCRIPT', `${scriptId} does not export onRequest`);
      (f as (c: unknown) => void)({ request, response });
    });
    const snap = response.snapshot();
    const redirect = ex.redirect ?? snap.redirect ?? null;
    if (ex.error !== undefined) {
      const err = describeError(ex.error);
      return {
        status: 500,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: `<!DOCTYPE html><html><body><h1>An unexpected error has occurred</h1><p><b>${escapeHtml(err.name)}</b>: ${escapeHtml(err.message)}</p></body></html>`,
        redirect: null,
        usage: ex.usage,
        logs: ex.logs,
        error: err,
        userEventUsage: ex.userEventUsage,
      };
    }
    return { status: redirect ? 302 : snap.status, headers: snap.headers, body: snap.body, redirect, usage: ex.usage, logs: ex.logs, userEventUsage: ex.userEventUsage };
  }

  portlet(scriptId: string, deploymentId: string, opts: AsUser & { column?: number; entity?: string } = {}): PortletResult {
    const user = this.user(opts);
    let portlet: ReturnType<typeof createPortletObject> | null = null;
    let type = 'HTML';
    const ex = this.host.runPortlet(scriptId, deploymentId, user, (entry, ctx, portletType) => {
      type = portletType;
      portlet = createPortletObject(portletType as never, ctx, this.host.moduleEnv());
      const f = entry.render;
      if (typeof f !== 'function') throw createError('SSS_INVALID_SCRIPT', `${scriptId} does not export render`);
      (f as (c: unknown) => void)({ portlet, column: opts.column ?? 2, entity: opts.entity ?? null });
    });
    const p = portlet as ReturnType<typeof createPortletObject> | null;
    const snap = p ? p.snapshot() : { title: '', type, columns: [], rows: [], html: '' };
    const out: PortletResult = { ...snap, html: p ? renderPortlet(snap as never) : '', usage: ex.usage };
    if (ex.error !== undefined) out.error = describeError(ex.error);
    return out;
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Records through N/record, as a person would enter them (user events run)                       */

  private recordModule(as: AsUser, context: ExecutionContextType = 'USERINTERFACE') {
    const user = this.user(as);
    const ctx = this.host.userContext(user, context);
    return { mod: createRecordModule(ctx, this.host.moduleEnv()) as Record<string, (...a: unknown[]) => unknown>, ctx };
  }

  private setValues(type: string, rec: Record<string, (...a: unknown[]) => unknown>, values: Record<string, unknown>): void {
    const info = this.records.typeInfo(type);
    for (const [fieldId, raw] of Object.entries(values)) {
      if (Array.isArray(raw)) {
        const sublist = fieldId;
        const count = Number(rec.getLineCount({ sublistId: sublist }));
        for (let i = count - 1; i >= 0; i--) rec.removeLine({ sublistId: sublist, line: i });
        raw.forEach((line: Record<string, unknown>, i: number) => {
          rec.insertLine({ sublistId: sublist, line: i });
          for (const [k, v] of Object.entries(line)) {
            const ft = info?.sublists[sublist]?.[k]?.type;
            rec.setSublistValue({ sublistId: sublist, fieldId: k, line: i, value: ft === 'date' && isIsoDate(v) ? dateValue(v) : v });
          }
        });
        continue;
      }
      const ft = info?.fields[fieldId]?.type;
      rec.setValue({ fieldId, value: ft === 'date' && isIsoDate(raw) ? dateValue(raw) : raw });
    }
  }

  recordCommand(op: 'create' | 'edit' | 'delete' | 'approve', type: string, cmd: RecordCommand): { id: string; userEventUsage: InvocationUsage[] } {
    const { mod } = this.recordModule(cmd, cmd.context ?? 'USERINTERFACE');
    this.host.takeUserEventUsage();
    let id: string;
    if (op === 'create') {
      const rec = mod.create({ type }) as Record<string, (...a: unknown[]) => unknown>;
      this.setValues(type, rec, cmd.values ?? {});
      id = String(rec.save({}));
    } else {
      if (!cmd.id) throw createError('SSS_MISSING_REQD_ARGUMENT', `record ${op}: --id is required`);
      if (op === 'delete') {
        mod.delete({ type, id: cmd.id });
        id = String(cmd.id);
      } else {
        const rec = mod.load({ type, id: cmd.id }) as Record<string, (...a: unknown[]) => unknown>;
        this.setValues(type, rec, cmd.values ?? {});
        if (op === 'approve') {
          if (type !== 'salesorder') throw createError('SSS_INVALID_TYPE_ARG', 'record approve: only sales orders are approved here');
          rec.setValue({ fieldId: 'orderstatus', value: 'B' });
          id = String(rec.save({ [UI_EVENT_TYPE]: 'approve' }));
        } else {
          id = String(rec.save({}));
        }
      }
    }
    return { id, userEventUsage: this.host.takeUserEventUsage() };
  }

  /** Records as JSON: one (stored + derived fields, sublists) or all ids of a type. */
  get(type: string, id?: string | null): RecordView | RecordView[] {
    if (!this.records.typeInfo(type)) throw createError('INVALID_RCRD_TYPE', `Unknown record type ${type}`);
    if (id) return this.records.view(type, id);
    return this.records.ids(type).map((i) => this.records.view(type, i));
  }

  /** Whether a value is a plain field value (used by the CLI to check --values). */
  static isFieldValue(v: unknown): v is FieldValue {
    return v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  }
}

/** Read a JSON file with a clear error. */
export function readJsonFile(file: string): unknown {
  if (!existsSync(file)) throw createError('FILE_NOT_FOUND', `No such file: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw createError('INVALID_JSON', `${file} is not valid JSON: ${(e as Error).message}`);
  }
}
