/**
 * A small AMD loader for File Cabinet scripts, as NetSuite's SuiteScript 2.x loader behaves:
 * `define([deps], factory)`; deps are 'N/…' modules, the special 'exports', 'require' and 'module', and
 * File Cabinet paths ('./lib/x', '../x', '/SuiteScripts/…', no '.js'). The factory's return value, if
 * any, is the module; otherwise what it put on `exports`.
 *
 * One loader per script execution: module factories run afresh for every execution (NetSuite keeps no
 * module state between executions), while compiled code is cached per file and modification time.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, posix, resolve, sep } from 'node:path';
import { Script } from 'node:vm';
import { createError } from './errors';

type Factory = (...deps: unknown[]) => unknown;
interface Definition {
  deps: string[];
  factory: Factory | Record<string, unknown>;
}

const compiled = new Map<string, { mtimeMs: number; run: (define: unknown, date: unknown) => void }>();

/**
 * A Date constructor whose "now" is the account clock: `new Date()` and `Date.now()` in a script give the
 * emulated account's date (with the machine's time of day), as a script in that account would see them;
 * every other use of Date is the real one.
 */
export function accountDateClass(nowMs: () => number): DateConstructor {
  class AccountDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(nowMs());
      else super(...(args as [number]));
    }
    static override now(): number {
      return nowMs();
    }
    /** Dates made by the emulator's modules (record values, summaries) are Dates to the script too. */
    static override [Symbol.hasInstance](v: unknown): boolean {
      return Object.prototype.toString.call(v) === '[object Date]';
    }
  }
  return AccountDate as unknown as DateConstructor;
}

/** The JSDoc block NetSuite reads at the top of a script file. */
export interface ScriptHeader {
  apiVersion: string | null;
  scriptType: string | null;
  moduleScope: string | null;
}

export function readHeader(source: string): ScriptHeader {
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  const block = m ? m[1] : '';
  const tag = (name: string): string | null => {
    const t = new RegExp(`@${name}\\s+([\\w.]+)`).exec(block);
    return t ? t[1] : null;
  };
  return { apiVersion: tag('NApiVersion'), scriptType: tag('NScriptType'), moduleScope: tag('NModuleScope') };
}

function compile(file: string): (define: unknown, date: unknown) => void {
  const mtimeMs = statSync(file).mtimeMs;
  const hit = compiled.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.run;
  const source = readFileSync(file, 'utf8');
  // Scripts see only `define` (plus the standard globals); `require`/`module` of Node are not reachable.
  const wrapper = `(function (define, require, module, exports, process, global, Date) {\n${source}\n})`;
  const fn = new Script(wrapper, { filename: file, lineOffset: -1 }).runInThisContext() as (...a: unknown[]) => void;
  const run = (define: unknown, date: unknown): void => fn(define, undefined, undefined, undefined, undefined, undefined, date);
  compiled.set(file, { mtimeMs, run });
  return run;
}

export class AmdLoader {
  private readonly cache = new Map<string, unknown>();
  private readonly loading = new Set<string>();
  constructor(
    /** Directory on disk that holds the File Cabinet ('…/src/FileCabinet'). */
    private readonly fileCabinetRoot: string,
    /** Resolves 'N/…' module names for this execution. */
    private readonly nModule: (name: string) => unknown,
    /** The Date constructor scripts see (the account clock); the real Date when omitted. */
    private readonly dateClass: DateConstructor = Date,
  ) {}

  /** Load a module by File Cabinet path ('/SuiteScripts/ar_autopilot/ara_ss_setup.js'). */
  load(cabinetPath: string): unknown {
    const normalized = this.normalize(cabinetPath.replace(/\.js$/, ''));
    return this.require(normalized);
  }

  private normalize(p: string): string {
    const n = posix.normalize(p.startsWith('/') ? p : `/${p}`);
    if (n.includes('..')) throw createError('MODULE_DOES_NOT_EXIST', `Module path ${p} leaves the File Cabinet`);
    return n;
  }

  private diskPath(cabinetPath: string): string {
    const file = resolve(join(this.fileCabinetRoot, `${cabinetPath}.js`));
    if (!file.startsWith(resolve(this.fileCabinetRoot) + sep)) {
      throw createError('MODULE_DOES_NOT_EXIST', `Module path ${cabinetPath} leaves the File Cabinet`);
    }
    return file;
  }

  private resolveDep(dep: string, fromPath: string): string {
    if (dep.startsWith('./') || dep.startsWith('../')) {
      return this.normalize(posix.join(posix.dirname(fromPath), dep));
    }
    return this.normalize(dep);
  }

  private require(cabinetPath: string): unknown {
    if (this.cache.has(cabinetPath)) return this.cache.get(cabinetPath);
    if (this.loading.has(cabinetPath)) {
      throw createError('MODULE_DOES_NOT_EXIST', `Circular dependency while loading ${cabinetPath}`);
    }
    const file = this.diskPath(cabinetPath);
    if (!existsSync(file)) {
      throw createError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${cabinetPath}.js`);
    }
    this.loading.add(cabinetPath);
    try {
      const definitions: Definition[] = [];
      const define = (...args: unknown[]): void => {
        let deps: string[] = [];
        let factory: unknown;
        if (args.length === 1) factory = args[0];
        else if (args.length === 2) [deps, factory] = args as [string[], unknown];
        else [, deps, factory] = args as [string, string[], unknown];
        if (!Array.isArray(deps)) throw createError('SSS_INVALID_SCRIPT', `${cabinetPath}: define() dependencies must be an array`);
        definitions.push({ deps, factory: factory as Definition['factory'] });
      };
      (define as unknown as { amd: object }).amd = {};
      compile(file)(define, this.dateClass);
      if (definitions.length !== 1) {
        throw createError('SSS_INVALID_SCRIPT', `${cabinetPath}.js must call define() exactly once (called ${definitions.length} times)`);
      }
      const { deps, factory } = definitions[0];
      const exportsObj: Record<string, unknown> = {};
      const moduleObj = { id: cabinetPath, exports: exportsObj };
      const resolved = deps.map((dep) => {
        if (dep === 'exports') return exportsObj;
        if (dep === 'module') return moduleObj;
        if (dep === 'require') return (name: string) => this.requireDep(name, cabinetPath);
        return this.requireDep(dep, cabinetPath);
      });
      let value: unknown;
      if (typeof factory === 'function') {
        const ret = (factory as Factory)(...resolved);
        value = ret !== undefined ? ret : moduleObj.exports;
      } else {
        value = factory;
      }
      this.cache.set(cabinetPath, value);
      return value;
    } finally {
      this.loading.delete(cabinetPath);
    }
  }

  private requireDep(dep: string, fromPath: string): unknown {
    if (dep === 'N' || dep.startsWith('N/')) return this.nModule(dep);
    return this.require(this.resolveDep(dep, fromPath));
  }
}
