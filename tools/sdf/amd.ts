/**
 * Reading built SuiteScript files (AMD modules, as rollup writes them):
 * - the JSDoc header NetSuite reads (@NApiVersion, @NScriptType),
 * - the module's dependencies and exports, found by evaluating the file in a `vm` context with a tiny
 *   AMD `define` shim in which every dependency is an inert stub,
 * - the graph of local modules an entry file loads (relative and /SuiteScripts dependencies).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
import { fileCabinetPath } from './objects';

/* ------------------------------------------------------------------------------------------------ */
/* Header                                                                                             */

export interface ScriptHeader {
  /** Tag values by tag name without '@': { NApiVersion: ['2.1'], NScriptType: ['ScheduledScript'] }. */
  tags: Record<string, string[]>;
}

export type HeaderResult = { ok: true; header: ScriptHeader } | { ok: false; message: string };

const JSDOC_BLOCK = /\/\*\*[\s\S]*?\*\//;

/**
 * NetSuite reads the script type from a JSDoc block (`/** … *\/`) that must open the file: anything
 * but whitespace before it (code, 'use strict', a line comment, a plain /* block) hides it.
 */
export function readHeader(code: string): HeaderResult {
  const start = code.search(/\S/);
  if (start >= 0 && code.startsWith('/**', start)) {
    const block = JSDOC_BLOCK.exec(code.slice(start));
    if (block) return { ok: true, header: { tags: parseTags(block[0]) } };
    return { ok: false, message: 'the JSDoc block at the top of the file is not closed' };
  }
  const later = findApiBlock(code);
  if (later !== undefined) {
    const before = code.slice(0, later).trim().split('\n')[0].slice(0, 60);
    return {
      ok: false,
      message: `the JSDoc block with @NApiVersion must come first in the file; it is preceded by "${before}"`,
    };
  }
  return { ok: false, message: 'no JSDoc block with @NApiVersion and @NScriptType at the top of the file' };
}

function findApiBlock(code: string): number | undefined {
  const re = /\/\*\*[\s\S]*?\*\//g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (m[0].includes('@NApiVersion')) return m.index;
  }
  return undefined;
}

function parseTags(block: string): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  for (const m of block.matchAll(/@(\w+)[ \t]+([^\s*]+)/g)) (tags[m[1]] ??= []).push(m[2]);
  return tags;
}

/* ------------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                         */

export interface AmdModuleInfo {
  /** Dependency ids as written in define([...]). */
  deps: string[];
  /** typeof of each export: { execute: 'function' }. Present when the factory ran. */
  exports?: Record<string, string>;
  /** Why the file could not be evaluated (syntax error, no define call, factory threw…). */
  error?: string;
}

const EVAL_TIMEOUT_MS = 2000;

/**
 * Evaluates an AMD file: `define(deps, factory)` is captured; with `runFactory` the factory is called
 * with an `exports` object (and `module`, `require`) and an inert stub for every other dependency,
 * and the module's exports are read from `exports` / `module.exports` or the factory's return value.
 */
export function evaluateAmd(code: string, filename: string, runFactory: boolean, timeoutMs = EVAL_TIMEOUT_MS): AmdModuleInfo {
  const calls: { deps: string[]; factory: unknown }[] = [];
  let result: Pick<AmdModuleInfo, 'exports' | 'error'> = {};
  // The factory runs inside define(), so within the guarded (timed-out) evaluation.
  const define = (...args: unknown[]): void => {
    const call = defineArgs(args);
    calls.push(call);
    if (runFactory && calls.length === 1) result = runModuleFactory(call.deps, call.factory, filename);
  };
  (define as unknown as { amd: object }).amd = {};
  // SuiteScript globals (log, util) and, for client scripts, browser globals are stubs as well.
  const globals = Object.fromEntries(['log', 'util', 'window', 'document', 'navigator', 'jQuery', '$', 'console'].map((g) => [g, stub(g)]));
  const context = vm.createContext({ ...globals, define });
  try {
    new vm.Script(code, { filename }).runInContext(context, { timeout: timeoutMs });
  } catch (e) {
    return { deps: regexDeps(code), error: `could not evaluate the file: ${describe(e)}` };
  }
  if (calls.length !== 1) {
    const error = calls.length === 0 ? 'the file makes no define() call' : `the file calls define() ${calls.length} times`;
    return { deps: calls[0]?.deps ?? regexDeps(code), error };
  }
  return { deps: calls[0].deps, ...result };
}

function defineArgs(args: unknown[]): { deps: string[]; factory: unknown } {
  const rest = typeof args[0] === 'string' ? args.slice(1) : args;
  if (Array.isArray(rest[0])) return { deps: rest[0].map(String), factory: rest[1] };
  return { deps: [], factory: rest[0] };
}

function runModuleFactory(deps: string[], factory: unknown, filename: string): Pick<AmdModuleInfo, 'exports' | 'error'> {
  if (typeof factory !== 'function') {
    return factory !== null && typeof factory === 'object'
      ? { exports: exportTypes(factory) }
      : { error: 'define() has no factory function' };
  }
  const module = { exports: {} as Record<string, unknown>, id: filename };
  const args = deps.map((d) => (d === 'exports' ? module.exports : d === 'module' ? module : stub(d)));
  let returned: unknown;
  try {
    returned = (factory as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    return { error: `the define() factory threw: ${describe(e)}` };
  }
  const value = returned !== undefined && returned !== null ? returned : module.exports;
  return { exports: exportTypes(value) };
}

function exportTypes(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return out;
  for (const key of Object.keys(value)) out[key] = typeof (value as Record<string, unknown>)[key];
  return out;
}

/**
 * An inert stand-in for any dependency (N/log, N/search, a library): every property read, call and
 * `new` returns the stub again, so module-level code such as `const T = search.Type.INVOICE` runs.
 */
function stub(name: string): unknown {
  const target = function () {
    /* stub */
  };
  const proxy: unknown = new Proxy(target, {
    get(_t, prop) {
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {
        /* empty */
      };
      if (prop === 'toString' || prop === 'valueOf') return () => `[stub ${name}]`;
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

function describe(e: unknown): string {
  return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
    ? String((e as { message: unknown }).message)
    : String(e);
}

/** Dependencies read from the source text, when the file cannot be evaluated. */
function regexDeps(code: string): string[] {
  const m = /define\(\s*(?:(['"])[^'"]*\1\s*,\s*)?\[([^\]]*)\]/.exec(code);
  if (!m) return [];
  return [...m[2].matchAll(/(['"])([^'"]+)\1/g)].map((x) => x[2]);
}

/* ------------------------------------------------------------------------------------------------ */
/* Module graph                                                                                       */

/** AMD ids that the loader provides itself. */
const LOADER_IDS = new Set(['exports', 'require', 'module']);

export type DepTarget =
  | { kind: 'netsuite' | 'loader' }
  | { kind: 'local'; path: string }
  | { kind: 'unsupported' };

/**
 * Where a dependency id points: NetSuite modules ('N/…'), the loader ('exports'…), or a local file
 * ('./x' relative to the importing file, '/SuiteScripts/…' in the File Cabinet; '.js' implied).
 */
export function resolveDep(fromFile: string, dep: string, projectDir: string): DepTarget {
  if (LOADER_IDS.has(dep)) return { kind: 'loader' };
  if (dep === 'N' || dep.startsWith('N/')) return { kind: 'netsuite' };
  const withExt = (p: string): string => (p.endsWith('.js') ? p : `${p}.js`);
  if (dep.startsWith('./') || dep.startsWith('../')) return { kind: 'local', path: withExt(resolve(dirname(fromFile), dep)) };
  if (dep.startsWith('/')) return { kind: 'local', path: withExt(fileCabinetPath(projectDir, dep)) };
  return { kind: 'unsupported' };
}

export interface LocalModule {
  /** Absolute path. */
  path: string;
  code: string;
  deps: string[];
  /** Set for the entry file (evaluated with its factory). */
  info: AmdModuleInfo;
}

export interface ModuleGraph {
  /** The entry file first, then the local modules it loads, transitively. */
  modules: LocalModule[];
  /** Local dependencies whose file does not exist. */
  missing: { from: string; dep: string; path: string }[];
  /** Dependencies that are neither N/ modules nor local paths. */
  unsupported: { from: string; dep: string }[];
}

/** Reads an entry file and every local module it loads. Modules are cached in `cache` by path. */
export function loadModuleGraph(entryPath: string, projectDir: string, cache = new Map<string, LocalModule>()): ModuleGraph {
  const graph: ModuleGraph = { modules: [], missing: [], unsupported: [] };
  const queue = [entryPath];
  const seen = new Set<string>(queue);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const module = readModule(path, path === entryPath, cache);
    graph.modules.push(module);
    for (const dep of module.deps) {
      const target = resolveDep(path, dep, projectDir);
      if (target.kind === 'unsupported') graph.unsupported.push({ from: path, dep });
      if (target.kind !== 'local' || seen.has(target.path)) continue;
      seen.add(target.path);
      if (existsSync(target.path)) queue.push(target.path);
      else graph.missing.push({ from: path, dep, path: target.path });
    }
  }
  return graph;
}

function readModule(path: string, isEntry: boolean, cache: Map<string, LocalModule>): LocalModule {
  const key = `${isEntry ? 'entry' : 'lib'}:${path}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const code = readFileSync(path, 'utf8');
  const info = evaluateAmd(code, path, isEntry);
  const module = { path, code, deps: info.deps, info };
  cache.set(key, module);
  return module;
}
