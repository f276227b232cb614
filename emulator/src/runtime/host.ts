/**
 * The script host: finds scripts and deployments among the deployed objects, loads their compiled AMD
 * files, calls their entry points the way NetSuite does for each script type, with a usage meter per
 * execution (per invocation for map/reduce), and fires user events on record operations.
 */
import type {
  CurrentUser,
  ExecContext,
  ExecutionContextType,
  ExecutionLogEntry,
  FieldValue,
  InvocationUsage,
  ModuleEnv,
  ModuleFactory,
  RecordService,
  RunReport,
  ScriptInfo,
  SearchSource,
  UserEventArgs,
  UserEventHooks,
} from '../types';
import type { Account } from '../account/account';
import type { ScriptDeployment, ScriptObject, SdfProject } from '../../../tools/sdf/objects';
import { AmdLoader, accountDateClass, readHeader } from './amd';
import { LIMITS, UsageMeter, type ScriptStage } from './governance';
import { createError, describeError, SuiteScriptError } from './errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from './values';
import { systemUser } from './users';
import { seededShuffle } from './shuffle';

export interface HostEnv {
  account: Account;
  records: RecordService;
  search: SearchSource;
  project: SdfProject;
  fileCabinetRoot: string;
  modules: Record<string, ModuleFactory>;
  /** Converts what getInputData returned (a search object or reference) into key/value pairs. */
  searchInput?: (input: unknown, ctx: ExecContext, env: ModuleEnv) => { key: string; value: string }[] | null;
}

/** NetSuite script type names as @NScriptType writes them, by SDF object type. */
const SCRIPT_TYPE_BY_OBJECT: Record<string, string> = {
  scheduledscript: 'ScheduledScript',
  mapreducescript: 'MapReduceScript',
  usereventscript: 'UserEventScript',
  suitelet: 'Suitelet',
  portlet: 'Portlet',
  restlet: 'Restlet',
  clientscript: 'ClientScript',
};
const INFO_TYPE: Record<string, ScriptInfo['scriptType']> = {
  scheduledscript: 'SCHEDULED',
  mapreducescript: 'MAPREDUCE',
  usereventscript: 'USEREVENT',
  suitelet: 'SUITELET',
  portlet: 'PORTLET',
  restlet: 'RESTLET',
  clientscript: 'CLIENT',
};

export const UserEventType = {
  APPROVE: 'approve',
  CANCEL: 'cancel',
  CHANGEPASSWORD: 'changepassword',
  COPY: 'copy',
  CREATE: 'create',
  DELETE: 'delete',
  DROPSHIP: 'dropship',
  EDIT: 'edit',
  EDITFORECAST: 'editforecast',
  EMAIL: 'email',
  MARKCOMPLETE: 'markcomplete',
  ORDERITEMS: 'orderitems',
  PACK: 'pack',
  PAYBILLS: 'paybills',
  PRINT: 'print',
  QUICKVIEW: 'quickview',
  REASSIGN: 'reassign',
  REJECT: 'reject',
  SHIP: 'ship',
  SPECIALORDER: 'specialorder',
  TRANSFORM: 'transform',
  VIEW: 'view',
  XEDIT: 'xedit',
} as const;

export interface RunOptions {
  deploymentId?: string | null;
  params?: Record<string, string | number | boolean>;
  user?: CurrentUser;
  /** Seed for the interleaved key order of map/reduce stages. */
  seed?: string;
  /** Simulate a crash: stop the run after this many invocations of a stage. */
  interrupt?: { stage: 'map' | 'reduce'; after: number };
}

export interface RunResult extends RunReport {
  logs: ExecutionLogEntry[];
  /** map/reduce: the summarize output pairs and counts. */
  output?: { key: string; value: string }[];
  counts?: { input: number; mapped: number; reduced: number; mapErrors: number; reduceErrors: number };
  /** Usage of user event executions triggered by this run. */
  userEventUsage?: InvocationUsage[];
}

interface Execution<T> {
  value?: T;
  error?: unknown;
  usage: number;
  limit: number;
  logs: ExecutionLogEntry[];
}

function errorJson(e: unknown): string {
  const d = describeError(e);
  const base: Record<string, unknown> = { type: 'error.SuiteScriptError', name: d.name, message: d.message, stack: [] };
  if (e instanceof SuiteScriptError) {
    base.id = e.id;
    base.notifyOff = e.notifyOff;
  }
  base.userFacing = false;
  return JSON.stringify(base);
}

function iterator(pairs: { key: string; value: string }[]) {
  return {
    iterator: () => ({
      each(cb: (key: string, value: string, executionNo?: number) => boolean | void) {
        for (const p of pairs) if (cb(p.key, p.value, 1) !== true) break;
      },
    }),
  };
}

function keysIterator(keys: string[]) {
  return {
    iterator: () => ({
      each(cb: (key: string, executionCount?: number, completionState?: string) => boolean | void) {
        for (const k of keys) if (cb(k, 1, 'COMPLETE') !== true) break;
      },
    }),
  };
}

function asString(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export class ScriptHost implements UserEventHooks {
  /** User event executions since the last call to takeUserEventUsage(). */
  private ueUsage: InvocationUsage[] = [];
  private runSeq = 0;

  constructor(private readonly env: HostEnv) {}

  /* --------------------------------------------------------------------------------------------- */
  /* Lookups                                                                                        */

  scripts(): ScriptObject[] {
    return this.env.project.objects.filter((o): o is ScriptObject => o.type in SCRIPT_TYPE_BY_OBJECT) as ScriptObject[];
  }

  script(scriptId: string): ScriptObject {
    const s = this.scripts().find((o) => o.scriptid === scriptId);
    if (!s) throw createError('SSS_INVALID_SCRIPT_ID', `No script ${scriptId} is deployed in this account (deploy first)`);
    if (s.isinactive) throw createError('SSS_INVALID_SCRIPT_ID', `Script ${scriptId} is inactive`);
    return s;
  }

  deployment(script: ScriptObject, deploymentId?: string | null): ScriptDeployment {
    if (script.deployments.length === 0) throw createError('SSS_INVALID_DEPLOYMENT_ID', `Script ${script.scriptid} has no deployment`);
    const d = deploymentId ? script.deployments.find((x) => x.scriptid === deploymentId) : script.deployments[0];
    if (!d) {
      throw createError(
        'SSS_INVALID_DEPLOYMENT_ID',
        `Script ${script.scriptid} has no deployment ${deploymentId} (has: ${script.deployments.map((x) => x.scriptid).join(', ')})`,
      );
    }
    if (!d.isdeployed) throw createError('SSS_INVALID_DEPLOYMENT_ID', `Deployment ${d.scriptid} is not deployed`);
    return d;
  }

  /** Typed parameter values: declared defaults, then the deployment's values, then per-run overrides. */
  resolveParams(script: ScriptObject, deployment: ScriptDeployment, overrides: Record<string, unknown> = {}) {
    const params: Record<string, FieldValue> = {};
    const paramTypes: Record<string, string> = {};
    const convert = (name: string, fieldtype: string, raw: unknown): FieldValue => {
      if (raw === undefined || raw === null || raw === '') return fieldtype === 'CHECKBOX' ? false : null;
      switch (fieldtype) {
        case 'CHECKBOX':
          if (raw === true || raw === 'T' || raw === 'true') return true;
          if (raw === false || raw === 'F' || raw === 'false') return false;
          throw createError('INVALID_FLD_VALUE', `Parameter ${name} is a checkbox: use T or F, not "${String(raw)}"`);
        case 'INTEGER':
        case 'FLOAT':
        case 'CURRENCY':
        case 'PERCENT': {
          const n = typeof raw === 'number' ? raw : Number(String(raw).replace('%', ''));
          if (!Number.isFinite(n) || (fieldtype === 'INTEGER' && !Number.isInteger(n))) {
            throw createError('INVALID_FLD_VALUE', `Parameter ${name} must be a ${fieldtype.toLowerCase()} number, not "${String(raw)}"`);
          }
          return n;
        }
        case 'DATE':
          if (!isIsoDate(raw)) throw createError('INVALID_FLD_VALUE', `Parameter ${name} must be a date YYYY-MM-DD, not "${String(raw)}"`);
          return raw;
        default:
          return String(raw);
      }
    };
    for (const p of script.parameters) {
      paramTypes[p.scriptid] = p.fieldtype;
      const dflt = p.fieldtype === 'CHECKBOX' ? p.defaultchecked : p.defaultvalue;
      params[p.scriptid] = convert(p.scriptid, p.fieldtype, dflt);
      if (deployment.parameterValues[p.scriptid] !== undefined) {
        params[p.scriptid] = convert(p.scriptid, p.fieldtype, deployment.parameterValues[p.scriptid]);
      }
    }
    for (const [name, raw] of Object.entries(overrides)) {
      if (!(name in paramTypes)) {
        throw createError('SSS_INVALID_SCRIPT_PARAMETER', `Script ${script.scriptid} has no parameter ${name} (declared: ${Object.keys(paramTypes).join(', ') || 'none'})`);
      }
      params[name] = convert(name, paramTypes[name], raw);
    }
    return { params, paramTypes };
  }

  /* --------------------------------------------------------------------------------------------- */
  /* One execution                                                                                  */

  private makeContext(info: ScriptInfo, stage: ScriptStage, user: CurrentUser, executionContext: ExecutionContextType, triggersUserEvents: boolean, limit = LIMITS[stage]): ExecContext {
    return {
      account: this.env.account,
      meter: new UsageMeter(limit),
      user,
      script: info,
      executionContext,
      triggersUserEvents,
      response: { redirect: null },
      logs: [],
    };
  }

  moduleEnv(): ModuleEnv {
    return { records: this.env.records, search: this.env.search, userEvents: this };
  }

  /** Resolve 'N/…' modules for one execution (created lazily, one instance per execution). */
  moduleResolver(ctx: ExecContext): (name: string) => unknown {
    const made = new Map<string, unknown>();
    const env = this.moduleEnv();
    return (name: string) => {
      if (made.has(name)) return made.get(name);
      const factory = this.env.modules[name];
      if (!factory) throw createError('MODULE_DOES_NOT_EXIST', `Module ${name} is not available in the local account emulator`);
      const m = factory(ctx, env);
      made.set(name, m);
      return m;
    };
  }

  /** Load a script's entry module and check its @NScriptType. */
  loadEntry(script: ScriptObject, ctx: ExecContext): Record<string, unknown> {
    const file = join(this.env.fileCabinetRoot, script.scriptfile);
    const header = readHeader(readFileSync(file, 'utf8'));
    const expected = SCRIPT_TYPE_BY_OBJECT[script.type];
    if (header.scriptType !== expected) {
      throw createError('SSS_INVALID_SCRIPT', `${script.scriptfile}: @NScriptType is ${header.scriptType ?? 'missing'}, expected ${expected} for ${script.type} ${script.scriptid}`);
    }
    const account = this.env.account;
    const loader = new AmdLoader(this.env.fileCabinetRoot, this.moduleResolver(ctx), accountDateClass(() => Date.parse(account.now())));
    const mod = loader.load(script.scriptfile);
    if (!mod || typeof mod !== 'object') throw createError('SSS_INVALID_SCRIPT', `${script.scriptfile} defines no entry points`);
    return mod as Record<string, unknown>;
  }

  private execute<T>(ctx: ExecContext, script: ScriptObject, fn: (entry: Record<string, unknown>) => T): Execution<T> {
    try {
      const entry = this.loadEntry(script, ctx);
      const value = fn(entry);
      return { value, usage: ctx.meter.used, limit: ctx.meter.limit, logs: ctx.logs ?? [] };
    } catch (error) {
      return { error, usage: ctx.meter.used, limit: ctx.meter.limit, logs: ctx.logs ?? [] };
    }
  }

  private entryPoint(entry: Record<string, unknown>, name: string, script: ScriptObject): (...a: unknown[]) => unknown {
    const f = entry[name];
    if (typeof f !== 'function') throw createError('SSS_INVALID_SCRIPT', `${script.scriptfile} does not export ${name}`);
    return f as (...a: unknown[]) => unknown;
  }

  private newRunId(scriptId: string): string {
    this.runSeq += 1;
    return `${scriptId.replace('customscript_', '')}-${Date.now().toString(36)}-${this.runSeq}`;
  }

  private info(script: ScriptObject, deployment: ScriptDeployment, params: Record<string, FieldValue>, paramTypes: Record<string, string>, runId?: string): ScriptInfo {
    const level = (deployment.loglevel || 'DEBUG').toUpperCase() as ScriptInfo['logLevel'];
    const info: ScriptInfo = { scriptId: script.scriptid, deploymentId: deployment.scriptid, scriptType: INFO_TYPE[script.type] ?? 'NONE', params, paramTypes, logLevel: level };
    if (runId) info.runId = runId;
    return info;
  }

  takeUserEventUsage(): InvocationUsage[] {
    const u = this.ueUsage;
    this.ueUsage = [];
    return u;
  }

  private record(report: RunResult): RunResult {
    const { logs: _logs, output: _output, ...stored } = report;
    void _logs;
    void _output;
    this.env.account.state.runs.push(stored);
    return report;
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Scheduled                                                                                      */

  runScheduled(scriptId: string, opts: RunOptions = {}): RunResult {
    const script = this.script(scriptId);
    if (script.type !== 'scheduledscript') throw createError('SSS_INVALID_SCRIPT_ID', `${scriptId} is a ${script.type}, not a scheduled script`);
    const deployment = this.deployment(script, opts.deploymentId);
    const { params, paramTypes } = this.resolveParams(script, deployment, opts.params);
    const runId = this.newRunId(scriptId);
    const started = this.env.account.now();
    this.takeUserEventUsage();
    const ctx = this.makeContext(this.info(script, deployment, params, paramTypes, runId), 'scheduled', opts.user ?? systemUser(this.env.account.state), 'SCHEDULED', true);
    const ex = this.execute(ctx, script, (entry) => this.entryPoint(entry, 'execute', script)({ type: 'ONDEMAND' }));
    const errors = ex.error ? [{ stage: 'execute', ...describeError(ex.error) }] : [];
    return this.record({
      runId,
      scriptId,
      deploymentId: deployment.scriptid,
      scriptType: 'SCHEDULED',
      started,
      finished: this.env.account.now(),
      status: ex.error ? 'FAILED' : 'COMPLETE',
      usage: { total: ex.usage, invocations: [{ stage: 'execute', usage: ex.usage, limit: ex.limit }], maxPerStage: { execute: ex.usage } },
      errors,
      logs: ex.logs,
      userEventUsage: this.takeUserEventUsage(),
    });
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Map/Reduce                                                                                     */

  runMapReduce(scriptId: string, opts: RunOptions = {}): RunResult {
    const script = this.script(scriptId);
    if (script.type !== 'mapreducescript') throw createError('SSS_INVALID_SCRIPT_ID', `${scriptId} is a ${script.type}, not a map/reduce script`);
    const deployment = this.deployment(script, opts.deploymentId);
    const { params, paramTypes } = this.resolveParams(script, deployment, opts.params);
    const runId = this.newRunId(scriptId);
    const started = this.env.account.now();
    const startMs = Date.now();
    const user = opts.user ?? systemUser(this.env.account.state);
    const info = this.info(script, deployment, params, paramTypes, runId);
    const seed = opts.seed ?? runId;
    this.takeUserEventUsage();
    const invocations: InvocationUsage[] = [];
    const errors: RunResult['errors'] = [];
    const logs: ExecutionLogEntry[] = [];
    const stageUsage: Record<string, number> = { getInputData: 0, map: 0, reduce: 0, summarize: 0 };
    const maxPerStage: Record<string, number> = { getInputData: 0, map: 0, reduce: 0, summarize: 0 };
    const note = (stage: string, ex: Execution<unknown>, key?: string) => {
      const inv: InvocationUsage = { stage, usage: ex.usage, limit: ex.limit };
      if (key !== undefined) inv.key = key;
      invocations.push(inv);
      stageUsage[stage] += ex.usage;
      maxPerStage[stage] = Math.max(maxPerStage[stage], ex.usage);
      logs.push(...ex.logs);
    };
    let interrupted = false;

    // getInputData
    let input: { key: string; value: string }[] = [];
    let inputError: unknown = null;
    const giCtx = this.makeContext(info, 'getInputData', user, 'MAPREDUCE', true);
    const gi = this.execute(giCtx, script, (entry) => {
      const ret = this.entryPoint(entry, 'getInputData', script)({ isRestarted: false, ObjectRef: undefined });
      return this.normaliseInput(ret, giCtx);
    });
    note('getInputData', gi);
    if (gi.error) inputError = gi.error;
    else input = gi.value ?? [];

    const hasMap = (e: Record<string, unknown>) => typeof e.map === 'function';
    const probeCtx = this.makeContext(info, 'map', user, 'MAPREDUCE', true);
    let entryShape: Record<string, unknown> = {};
    try {
      entryShape = this.loadEntry(script, probeCtx);
    } catch {
      entryShape = {};
    }

    // map
    const mapErrors: { key: string; value: string }[] = [];
    const mapKeys: string[] = [];
    const shuffled: Map<string, string[]> = new Map();
    const writeTo = (target: Map<string, string[]>) => (a: unknown, b?: unknown) => {
      let k: unknown = a;
      let v: unknown = b;
      if (a && typeof a === 'object' && b === undefined && 'key' in (a as object)) {
        k = (a as { key: unknown }).key;
        v = (a as { value: unknown }).value;
      }
      const key = asString(k);
      const value = asString(v ?? '');
      if (key.length > 3000) throw createError('KEY_LENGTH_IS_OVER_3000_BYTES', `Map/reduce key is longer than 3,000 characters`);
      if (value.length > 10 * 1024 * 1024) throw createError('VALUE_LENGTH_IS_OVER_10_MB', 'Map/reduce value is larger than 10 MB');
      const list = target.get(key) ?? [];
      list.push(value);
      target.set(key, list);
    };
    if (!inputError) {
      if (hasMap(entryShape)) {
        const order = seededShuffle(input, `${seed}:map`);
        let count = 0;
        for (const pair of order) {
          if (opts.interrupt?.stage === 'map' && count >= opts.interrupt.after) {
            interrupted = true;
            break;
          }
          count += 1;
          const local = new Map<string, string[]>();
          const ctx = this.makeContext(info, 'map', user, 'MAPREDUCE', true);
          const ex = this.execute(ctx, script, (entry) =>
            this.entryPoint(entry, 'map', script)({
              key: pair.key,
              value: pair.value,
              isRestarted: false,
              executionNo: 1,
              errors: iterator([]),
              write: writeTo(local),
            }),
          );
          note('map', ex, pair.key);
          mapKeys.push(pair.key);
          if (ex.error) {
            mapErrors.push({ key: pair.key, value: errorJson(ex.error) });
            errors.push({ stage: 'map', key: pair.key, ...describeError(ex.error) });
          } else {
            for (const [k, vs] of local) for (const v of vs) writeTo(shuffled)(k, v);
          }
        }
      } else {
        for (const pair of input) writeTo(shuffled)(pair.key, pair.value);
      }
    }

    // reduce
    const reduceErrors: { key: string; value: string }[] = [];
    const reduceKeys: string[] = [];
    const output = new Map<string, string[]>();
    const hasReduce = typeof entryShape.reduce === 'function';
    if (!inputError && !interrupted) {
      if (hasReduce) {
        const order = seededShuffle([...shuffled.keys()], `${seed}:reduce`);
        let count = 0;
        for (const key of order) {
          if (opts.interrupt?.stage === 'reduce' && count >= opts.interrupt.after) {
            interrupted = true;
            break;
          }
          count += 1;
          const local = new Map<string, string[]>();
          const ctx = this.makeContext(info, 'reduce', user, 'MAPREDUCE', true);
          const ex = this.execute(ctx, script, (entry) =>
            this.entryPoint(entry, 'reduce', script)({
              key,
              values: [...(shuffled.get(key) ?? [])],
              isRestarted: false,
              executionNo: 1,
              errors: iterator([]),
              write: writeTo(local),
            }),
          );
          note('reduce', ex, key);
          reduceKeys.push(key);
          if (ex.error) {
            reduceErrors.push({ key, value: errorJson(ex.error) });
            errors.push({ stage: 'reduce', key, ...describeError(ex.error) });
          } else {
            for (const [k, vs] of local) for (const v of vs) writeTo(output)(k, v);
          }
        }
      } else {
        for (const [k, vs] of shuffled) output.set(k, vs);
      }
    }
    const outPairs: { key: string; value: string }[] = [];
    for (const [k, vs] of output) for (const v of vs) outPairs.push({ key: k, value: v });

    if (inputError) errors.push({ stage: 'getInputData', ...describeError(inputError) });

    // summarize
    if (!interrupted && typeof entryShape.summarize === 'function') {
      const seconds = Math.round((Date.now() - startMs) / 1000);
      const stageSummary = (stage: 'map' | 'reduce', keys: string[], errs: { key: string; value: string }[]) => ({
        concurrency: 1,
        dateCreated: new Date(),
        seconds,
        usage: stageUsage[stage],
        yields: 0,
        keys: keysIterator(keys),
        errors: iterator(errs),
      });
      const summary = {
        concurrency: 1,
        dateCreated: new Date(),
        isRestarted: false,
        seconds,
        usage: stageUsage.getInputData + stageUsage.map + stageUsage.reduce,
        yields: 0,
        inputSummary: { dateCreated: new Date(), error: inputError ? errorJson(inputError) : null, seconds, usage: stageUsage.getInputData },
        mapSummary: stageSummary('map', mapKeys, mapErrors),
        reduceSummary: stageSummary('reduce', reduceKeys, reduceErrors),
        output: iterator(outPairs),
      };
      const ctx = this.makeContext(info, 'summarize', user, 'MAPREDUCE', true);
      const ex = this.execute(ctx, script, (entry) => this.entryPoint(entry, 'summarize', script)(summary));
      note('summarize', ex);
      if (ex.error) errors.push({ stage: 'summarize', ...describeError(ex.error) });
    }
    if (interrupted) {
      errors.push({ stage: opts.interrupt?.stage ?? 'map', name: 'EMULATOR_INTERRUPTED', message: `Run stopped after ${opts.interrupt?.after} ${opts.interrupt?.stage} invocations (simulated crash)` });
    }
    const total = Object.values(stageUsage).reduce((a, b) => a + b, 0);
    return this.record({
      runId,
      scriptId,
      deploymentId: deployment.scriptid,
      scriptType: 'MAPREDUCE',
      started,
      finished: this.env.account.now(),
      status: inputError || interrupted ? 'FAILED' : 'COMPLETE',
      usage: { total, invocations, maxPerStage },
      errors,
      logs,
      output: outPairs,
      counts: { input: input.length, mapped: mapKeys.length, reduced: reduceKeys.length, mapErrors: mapErrors.length, reduceErrors: reduceErrors.length },
      userEventUsage: this.takeUserEventUsage(),
    });
  }

  /** What getInputData may return: an array, a plain object, a search (object or {type:'search', id}). */
  private normaliseInput(ret: unknown, ctx: ExecContext): { key: string; value: string }[] {
    if (ret === null || ret === undefined) return [];
    if (Array.isArray(ret)) return ret.map((v, i) => ({ key: String(i), value: asString(v) }));
    if (typeof ret === 'object') {
      const viaSearch = this.env.searchInput?.(ret, ctx, this.moduleEnv());
      if (viaSearch) return viaSearch;
      const o = ret as Record<string, unknown>;
      if (o.type === 'search' || typeof o.run === 'function') {
        throw createError('SSS_INVALID_SCRIPT', 'getInputData returned a search, but search input is not available');
      }
      if (o.type === 'suiteql') throw createError('SSS_INVALID_SCRIPT', 'getInputData returned a SuiteQL query: N/query is not emulated');
      return Object.entries(o).map(([k, v]) => ({ key: k, value: asString(v) }));
    }
    throw createError('SSS_INVALID_SCRIPT', `getInputData returned ${typeof ret}: return an array, an object or a search`);
  }

  /* --------------------------------------------------------------------------------------------- */
  /* Suitelets and portlets                                                                          */

  /** Whether a user's role is in a deployment's audience. */
  inAudience(deployment: ScriptDeployment, user: CurrentUser): boolean {
    if (deployment.allroles) return true;
    if (user.id === '-4') return true;
    return deployment.audslctrole.some((r) => {
      const id = r.replace(/^\[(scriptid=)?/, '').replace(/\]$/, '').toLowerCase();
      return id === String(user.role).toLowerCase() || id === user.roleId.toLowerCase() || (id === 'administrator' && user.role === 3);
    });
  }

  /**
   * Run a Suitelet's onRequest with the given request and response objects (built by the UI layer).
   * Returns the execution; the caller renders the response.
   */
  runSuitelet(scriptId: string, deploymentId: string, user: CurrentUser, call: (entry: Record<string, unknown>, ctx: ExecContext) => void): { usage: number; limit: number; logs: ExecutionLogEntry[]; error?: unknown; redirect: string | null; userEventUsage: InvocationUsage[] } {
    const script = this.script(scriptId);
    if (script.type !== 'suitelet') throw createError('SSS_INVALID_SCRIPT_ID', `${scriptId} is a ${script.type}, not a Suitelet`);
    const deployment = this.deployment(script, deploymentId);
    if (!['RELEASED', 'TESTING'].includes(deployment.status)) throw createError('SSS_INVALID_DEPLOYMENT_ID', `Deployment ${deploymentId} is ${deployment.status}`);
    if (!this.inAudience(deployment, user)) {
      throw createError('INSUFFICIENT_PERMISSION', `You do not have privileges to view this page (role ${user.roleId} is not in the audience of ${deploymentId})`);
    }
    const { params, paramTypes } = this.resolveParams(script, deployment);
    this.takeUserEventUsage();
    const ctx = this.makeContext(this.info(script, deployment, params, paramTypes), 'suitelet', user, 'SUITELET', true);
    const ex = this.execute(ctx, script, (entry) => call(entry, ctx));
    const out = { usage: ex.usage, limit: ex.limit, logs: ex.logs, redirect: ctx.response?.redirect ?? null, userEventUsage: this.takeUserEventUsage() };
    return ex.error !== undefined ? { ...out, error: ex.error } : out;
  }

  runPortlet(scriptId: string, deploymentId: string, user: CurrentUser, call: (entry: Record<string, unknown>, ctx: ExecContext, portletType: string) => void): { usage: number; limit: number; logs: ExecutionLogEntry[]; error?: unknown } {
    const script = this.script(scriptId);
    if (script.type !== 'portlet') throw createError('SSS_INVALID_SCRIPT_ID', `${scriptId} is a ${script.type}, not a portlet`);
    const deployment = this.deployment(script, deploymentId);
    if (!this.inAudience(deployment, user)) {
      throw createError('INSUFFICIENT_PERMISSION', `Role ${user.roleId} is not in the audience of portlet deployment ${deploymentId}`);
    }
    const { params, paramTypes } = this.resolveParams(script, deployment);
    const ctx = this.makeContext(this.info(script, deployment, params, paramTypes), 'portlet', user, 'PORTLET', true);
    const ex = this.execute(ctx, script, (entry) => call(entry, ctx, (script.portlettype ?? 'HTML').toUpperCase()));
    const out = { usage: ex.usage, limit: ex.limit, logs: ex.logs };
    return ex.error !== undefined ? { ...out, error: ex.error } : out;
  }

  /* --------------------------------------------------------------------------------------------- */
  /* User events                                                                                     */

  /** User event deployments that run for this record type, event type and execution context. */
  userEventDeployments(recordType: string, eventType: string, executionContext: ExecutionContextType): { script: ScriptObject; deployment: ScriptDeployment }[] {
    const out: { script: ScriptObject; deployment: ScriptDeployment }[] = [];
    for (const script of this.scripts()) {
      if (script.type !== 'usereventscript' || script.isinactive) continue;
      for (const d of script.deployments) {
        if (!d.isdeployed || !['RELEASED', 'TESTING'].includes(d.status)) continue;
        const rt = (d.recordtype ?? '').replace(/^\[(scriptid=)?/, '').replace(/\]$/, '').toLowerCase();
        if (rt !== recordType.toLowerCase()) continue;
        if (d.eventtype && d.eventtype.toLowerCase() !== eventType.toLowerCase()) continue;
        if (d.executioncontext.length > 0 && !d.executioncontext.map((c) => c.toUpperCase()).includes(executionContext)) continue;
        out.push({ script, deployment: d });
      }
    }
    return out;
  }

  private fire(stage: 'beforeLoad' | 'beforeSubmit' | 'afterSubmit', parent: ExecContext, e: UserEventArgs & { form?: unknown; request?: unknown }): void {
    if (!parent.triggersUserEvents) return;
    for (const { script, deployment } of this.userEventDeployments(e.recordType, e.type, parent.executionContext)) {
      const { params, paramTypes } = this.resolveParams(script, deployment);
      const ctx = this.makeContext(this.info(script, deployment, params, paramTypes), 'usereventscript', parent.user, parent.executionContext, false);
      const ex = this.execute(ctx, script, (entry) => {
        const f = entry[stage];
        if (typeof f !== 'function') return;
        const scriptContext: Record<string, unknown> = { type: e.type, newRecord: e.newRecord, UserEventType };
        if (stage !== 'beforeLoad') scriptContext.oldRecord = e.oldRecord;
        if (stage === 'beforeLoad') {
          scriptContext.form = e.form;
          scriptContext.request = e.request;
        }
        (f as (c: unknown) => void)(scriptContext);
      });
      this.ueUsage.push({ stage: `${script.scriptid}.${stage}`, usage: ex.usage, limit: ex.limit });
      parent.logs?.push(...ex.logs);
      if (ex.error !== undefined) throw ex.error;
    }
  }

  beforeLoad(ctx: ExecContext, e: UserEventArgs & { form?: unknown; request?: unknown }): void {
    this.fire('beforeLoad', ctx, e);
  }
  beforeSubmit(ctx: ExecContext, e: UserEventArgs): void {
    this.fire('beforeSubmit', ctx, e);
  }
  afterSubmit(ctx: ExecContext, e: UserEventArgs): void {
    this.fire('afterSubmit', ctx, e);
  }

  /** An execution context for actions a person takes (CLI record command, the local page). */
  userContext(user: CurrentUser, executionContext: ExecutionContextType = 'USERINTERFACE'): ExecContext {
    const info: ScriptInfo = { scriptId: 'user', deploymentId: 'user', scriptType: 'NONE', params: {}, logLevel: 'DEBUG' };
    return this.makeContext(info, 'suitelet', user, executionContext, true, Number.MAX_SAFE_INTEGER);
  }
}
