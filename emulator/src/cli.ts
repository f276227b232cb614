/**
 * ara-emu: the local account emulator's command line. JSON out (one object on stdout), for people and
 * for automation. An account is a folder; every command that changes it writes it atomically.
 * Errors print {"error": {"name", "message"}} and exit with status 1.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator, readJsonFile, DEFAULT_PROJECT_DIR } from './emulator';
import { ACCOUNT_FILE } from './account/account';
import { createError, describeError } from './runtime/errors';
import type { ExecutionContextType } from './types';

export const USAGE = `ara-emu: local NetSuite account emulator for AR Autopilot

Usage: ara-emu <command> <account dir> [options]   (npm run emu -- <command> ...)

  init <dir> [--fixture FILE] [--demo] [--customers N] [--as-of YYYY-MM-DD] [--seed S] [--force]
  deploy <dir> [--project DIR]                 load src/Objects and the built File Cabinet (validated)
  run <dir> <scriptid> [--deployment ID] [--param NAME=VALUE]... [--as EMPLOYEE_ID] [--role ROLE]
                       [--seed S] [--interrupt map:N|reduce:N]
  queue <dir>                                  run the tasks scripts submitted with N/task
  record <dir> create|edit|delete|approve <type> [--id N] [--values JSON] [--as USER] [--role ROLE] [--context CTX]
  get <dir> <type> [id]
  suitelet <dir> <scriptid> <deploymentid> [--method GET|POST] [--params JSON] [--as USER] [--role ROLE]
  portlet <dir> <scriptid> <deploymentid> [--as USER] [--role ROLE]
  clock <dir> [--set YYYY-MM-DD]
  runs <dir> [--limit N]                       recent script runs with usage per invocation
  logs <dir> [--script ID] [--limit N]         recent execution log entries
`;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string[]>;
  flags: Set<string>;
}

const FLAGS = new Set(['demo', 'force', 'help', 'reset', 'no-serve']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string[]> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (FLAGS.has(name) && eq < 0) {
        flags.add(name);
        continue;
      }
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw createError('INVALID_ARGUMENT', `Option --${name} needs a value`);
      (options[name] ??= []).push(value);
    } else {
      positional.push(a);
    }
  }
  return { positional, options, flags };
}

function one(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v && v.length > 1) throw createError('INVALID_ARGUMENT', `Option --${name} given more than once`);
  return v?.[0];
}

function json(text: string | undefined, what: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw createError('INVALID_JSON', `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function positiveInt(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw createError('INVALID_ARGUMENT', `${what} must be a positive integer, not "${text}"`);
  return n;
}

function need(args: ParsedArgs, index: number, what: string): string {
  const v = args.positional[index];
  if (v === undefined) throw createError('INVALID_ARGUMENT', `Missing ${what}\n\n${USAGE}`);
  return v;
}

function openAccount(dir: string): Emulator {
  if (!existsSync(join(dir, ACCOUNT_FILE))) throw createError('ACCOUNT_NOT_FOUND', `No emulated account in ${dir} (create one: ara-emu init ${dir})`);
  return Emulator.open(dir);
}

const CONTEXTS: ExecutionContextType[] = ['USERINTERFACE', 'CSVIMPORT', 'WEBSERVICES', 'RESTWEBSERVICES', 'SUITELET', 'SCHEDULED', 'MAPREDUCE', 'WORKFLOW', 'RESTLET'];

/** Run one command; returns the JSON to print. Throws SuiteScriptError-like errors. */
export function runCommand(argv: string[]): unknown {
  const args = parseArgs(argv);
  const [command] = args.positional;
  if (!command || args.flags.has('help') || command === 'help') return { usage: USAGE };
  const as = { as: one(args, 'as') ?? null, role: one(args, 'role') ?? null };
  switch (command) {
    case 'init': {
      const dir = resolve(need(args, 1, 'account folder'));
      if (existsSync(join(dir, ACCOUNT_FILE)) && !args.flags.has('force')) {
        throw createError('ACCOUNT_EXISTS', `${dir} already holds an account (use --force to replace it)`);
      }
      const fixtureFile = one(args, 'fixture');
      const demo = args.flags.has('demo');
      if (fixtureFile && demo) throw createError('INVALID_ARGUMENT', 'Use either --fixture or --demo, not both');
      const fixture = fixtureFile ? (readJsonFile(fixtureFile) as { asOf?: string }) : null;
      const asOf = one(args, 'as-of') ?? fixture?.asOf ?? '2026-11-27';
      const emu = Emulator.create(asOf, {}, dir);
      let loaded: Record<string, number> = {};
      if (fixture) {
        emu.applyProjectCustomizations();
        loaded = emu.loadFixture(asOf !== fixture.asOf ? { ...fixture, asOf } : fixture);
      } else if (demo) {
        const customers = positiveInt(one(args, 'customers'), '--customers');
        loaded = emu.loadDemo({ asOf, ...(customers ? { customers } : {}), ...(one(args, 'seed') ? { seed: one(args, 'seed') } : {}) });
      }
      emu.save();
      return { account: dir, asOf: emu.state.asOf, loaded };
    }
    case 'deploy': {
      const dir = need(args, 1, 'account folder');
      const emu = openAccount(dir);
      const out = emu.deploy(one(args, 'project') ?? DEFAULT_PROJECT_DIR);
      emu.save();
      return out;
    }
    case 'run': {
      const dir = need(args, 1, 'account folder');
      const scriptId = need(args, 2, 'script id');
      const params: Record<string, string> = {};
      for (const p of args.options.param ?? []) {
        const eq = p.indexOf('=');
        if (eq <= 0) throw createError('INVALID_ARGUMENT', `--param needs NAME=VALUE, not "${p}"`);
        params[p.slice(0, eq)] = p.slice(eq + 1);
      }
      const interrupt = one(args, 'interrupt');
      let interruptOpt: { stage: 'map' | 'reduce'; after: number } | undefined;
      if (interrupt) {
        const m = /^(map|reduce):(\d+)$/.exec(interrupt);
        if (!m) throw createError('INVALID_ARGUMENT', `--interrupt must be map:N or reduce:N, not "${interrupt}"`);
        interruptOpt = { stage: m[1] as 'map' | 'reduce', after: Number(m[2]) };
      }
      const emu = openAccount(dir);
      const r = emu.run(scriptId, {
        deploymentId: one(args, 'deployment') ?? null,
        params,
        ...as,
        ...(one(args, 'seed') ? { seed: one(args, 'seed') } : {}),
        ...(interruptOpt ? { interrupt: interruptOpt } : {}),
      });
      emu.save();
      return r;
    }
    case 'queue': {
      const emu = openAccount(need(args, 1, 'account folder'));
      const runs = emu.runQueue();
      emu.save();
      return { runs };
    }
    case 'record': {
      const dir = need(args, 1, 'account folder');
      const op = need(args, 2, 'operation (create, edit, delete, approve)');
      if (!['create', 'edit', 'delete', 'approve'].includes(op)) throw createError('INVALID_ARGUMENT', `Unknown record operation ${op}: use create, edit, delete or approve`);
      const type = need(args, 3, 'record type');
      const values = json(one(args, 'values'), '--values');
      if (values !== undefined && (values === null || typeof values !== 'object' || Array.isArray(values))) {
        throw createError('INVALID_ARGUMENT', '--values must be a JSON object of field ids');
      }
      const context = (one(args, 'context') ?? 'USERINTERFACE').toUpperCase() as ExecutionContextType;
      if (!CONTEXTS.includes(context)) throw createError('INVALID_ARGUMENT', `Unknown execution context ${context} (use ${CONTEXTS.join(', ')})`);
      const emu = openAccount(dir);
      const out = emu.recordCommand(op as 'create', type, { id: one(args, 'id') ?? null, values: (values ?? {}) as Record<string, unknown>, ...as, context });
      emu.save();
      return out;
    }
    case 'get': {
      const emu = openAccount(need(args, 1, 'account folder'));
      return emu.get(need(args, 2, 'record type'), args.positional[3] ?? null);
    }
    case 'suitelet': {
      const dir = need(args, 1, 'account folder');
      const scriptId = need(args, 2, 'script id');
      const deploymentId = need(args, 3, 'deployment id');
      const method = (one(args, 'method') ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'POST') throw createError('INVALID_ARGUMENT', `--method must be GET or POST, not ${method}`);
      const params = json(one(args, 'params'), '--params') ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) throw createError('INVALID_ARGUMENT', '--params must be a JSON object');
      const emu = openAccount(dir);
      const r = emu.suitelet(scriptId, deploymentId, { method, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), ...as });
      emu.save();
      return r;
    }
    case 'portlet': {
      const dir = need(args, 1, 'account folder');
      const emu = openAccount(dir);
      const r = emu.portlet(need(args, 2, 'script id'), need(args, 3, 'deployment id'), as);
      emu.save();
      return r;
    }
    case 'clock': {
      const dir = need(args, 1, 'account folder');
      const emu = openAccount(dir);
      const set = one(args, 'set');
      if (set) {
        emu.setClock(set);
        emu.save();
      }
      return { asOf: emu.state.asOf };
    }
    case 'runs': {
      const emu = openAccount(need(args, 1, 'account folder'));
      const limit = positiveInt(one(args, 'limit'), '--limit') ?? 20;
      return emu.state.runs.slice(-limit);
    }
    case 'logs': {
      const emu = openAccount(need(args, 1, 'account folder'));
      const limit = positiveInt(one(args, 'limit'), '--limit') ?? 100;
      const script = one(args, 'script');
      return emu.state.executionLog.filter((l) => !script || l.scriptId === script).slice(-limit);
    }
    default:
      throw createError('INVALID_ARGUMENT', `Unknown command ${command}\n\n${USAGE}`);
  }
}

export function main(argv: string[]): number {
  try {
    const out = runCommand(argv);
    if (out && typeof out === 'object' && 'usage' in out && typeof (out as { usage: unknown }).usage === 'string') {
      process.stdout.write(String((out as { usage: string }).usage));
      return 0;
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    const status = (out as { status?: unknown } | null)?.status;
    return status === 'FAILED' ? 2 : 0;
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ error: describeError(e) }, null, 2)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
