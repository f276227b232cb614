/**
 * npm start: the product in the local account emulator. Creates (or reuses) a demo account in .demo/,
 * deploys the built scripts and objects into it, runs the first-run setup, runs the nightly jobs (every
 * scheduled and map/reduce deployment with a recurrence) with a progress line per job, prints a summary
 * (deposits applied, holds placed and released, net AR and DSO as the portlets show them, the demo users),
 * then serves the local web page (NetSuite-like pages over the emulator) on http://127.0.0.1:4717/ until
 * Ctrl-C.
 *
 *   npm start -- --reset            recreate the demo account
 *   npm start -- --customers N      size of a new demo account (default 300)
 *   npm start -- --port N           web page port (default 4717; 0 = any free port)
 *   npm start -- --no-serve         stop after the summary (tests, scripts)
 *   npm start -- --dir PATH         account folder (default .demo/)
 *   npm start -- --project DIR      SDF project to deploy (default src/)
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator } from '../emulator/src/emulator';
import { ACCOUNT_FILE } from '../emulator/src/account/account';
import { describeError } from '../emulator/src/runtime/errors';
import type { RunResult } from '../emulator/src/runtime/host';
import { assertPortFree, DEFAULT_PORT, PortInUseError, startServer, type RunningServer } from '../emulator/src/web/server';
import { nightlyJobs, recurrenceText, worklistScript } from '../emulator/src/web/scriptinfo';
import { logins } from '../emulator/src/web/session';
import { startSummary, summaryLines, summaryMark } from '../emulator/src/web/summary';

export const DEMO_COMPANY = 'Harbor Lane Industries (demo)';
export const DEMO_AS_OF = '2026-11-27';

export const START_USAGE = `npm start [-- options]
  --reset           recreate the demo account in .demo/
  --customers N     customers in a new demo account (default 300)
  --port N          port of the local web page (default ${DEFAULT_PORT}; 0 picks a free one)
  --no-serve        stop after the summary instead of serving the web page
  --dir PATH        account folder (default .demo/)
  --project DIR     SDF project to deploy (default src/)`;

export interface StartArgs {
  dir: string;
  /** SDF project folder to deploy (undefined: src/). */
  project?: string;
  customers: number;
  port: number;
  reset: boolean;
  serve: boolean;
  help: boolean;
}

const FLAGS = new Set(['reset', 'force', 'no-serve', 'help']);
const OPTIONS = new Set(['port', 'customers', 'dir', 'project']);

/** Parse start's arguments (flags never take a value; --name=value and --name value both work). */
export function parseStartArgs(argv: string[], defaultDir: string): StartArgs {
  const opts: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${START_USAGE}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (FLAGS.has(name)) {
      if (eq > 0) throw new Error(`--${name} takes no value`);
      flags.add(name);
    } else if (OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      opts[name] = value;
    } else {
      throw new Error(`unknown option --${name}\n${START_USAGE}`);
    }
  }
  const customers = Number(opts.customers ?? 300);
  if (!Number.isInteger(customers) || customers <= 0) throw new Error('--customers must be a positive integer');
  const port = Number(opts.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number (0-65535)');
  const out: StartArgs = {
    dir: resolve(opts.dir ?? defaultDir),
    customers,
    port,
    reset: flags.has('reset') || flags.has('force'),
    serve: !flags.has('no-serve'),
    help: flags.has('help'),
  };
  if (opts.project) out.project = resolve(opts.project);
  return out;
}

/** Counts per type from what loadDemo returns ({loaded: {...}} or a plain map). */
function loadedCounts(loaded: unknown): [string, number][] {
  const o = loaded as Record<string, unknown>;
  const counts = o && typeof o.loaded === 'object' && o.loaded !== null ? (o.loaded as Record<string, unknown>) : o;
  return Object.entries(counts ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
}

function describeRun(r: RunResult, ms: number): string[] {
  const stages = Object.entries(r.usage.maxPerStage ?? {})
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const lines = [`  ${r.status} in ${ms} ms, ${r.usage.total} usage units${stages ? ` (max per stage: ${stages})` : ''}`];
  if (r.counts) lines.push(`  keys: ${r.counts.input} input, ${r.counts.mapped} mapped, ${r.counts.reduced} reduced, ${r.counts.mapErrors + r.counts.reduceErrors} errors`);
  for (const e of r.errors.slice(0, 5)) lines.push(`  ! ${e.stage}${e.key !== undefined ? ` [${e.key}]` : ''} ${e.name}: ${e.message}`);
  if (r.errors.length > 5) lines.push(`  ! … ${r.errors.length - 5} more errors (see the Scripts page)`);
  // The run's own summary lines (the last AUDIT entries) and every error; the rest is on the Scripts page.
  const errors = r.logs.filter((x) => x.level === 'ERROR' || x.level === 'EMERGENCY');
  const audits = r.logs.filter((x) => x.level === 'AUDIT');
  const shown = [...errors.slice(0, 5), ...audits.slice(-2)];
  for (const l of shown) lines.push(`  [${l.level}] ${l.title}: ${oneLine(l.details)}`);
  const hidden = r.logs.filter((x) => x.level !== 'DEBUG').length - shown.length;
  if (hidden > 0) lines.push(`  (${hidden} more log entr${hidden === 1 ? 'y' : 'ies'} on the Scripts page)`);
  return lines;
}

function oneLine(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}\u2026` : t;
}

/** The users of the page's switcher, grouped by role: "AR Collector: Marcus Webb, Tanya Brooks". */
export function usersLines(emu: Emulator): string[] {
  const byRole = new Map<string, string[]>();
  for (const l of logins(emu)) byRole.set(l.roleName, [...(byRole.get(l.roleName) ?? []), l.employeeName]);
  return [...byRole].map(([role, names]) => `  ${role}: ${names.join(', ')}`);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let args: StartArgs;
  try {
    args = parseStartArgs(argv, join(__dirname, '..', '.demo'));
  } catch (e) {
    console.error(`start: ${(e as Error).message}`);
    return 1;
  }
  if (args.help) {
    console.log(START_USAGE);
    return 0;
  }
  const { dir } = args;
  if (args.serve) {
    // Say so now, not after building the account, when the web page's port is taken.
    try {
      await assertPortFree(args.port);
    } catch (e) {
      console.error(`start: ${(e as Error).message}`);
      return 1;
    }
  }
  if (args.reset && existsSync(dir)) rmSync(dir, { recursive: true, force: true });

  const t0 = Date.now();
  let emu: Emulator;
  if (existsSync(join(dir, ACCOUNT_FILE))) {
    emu = Emulator.open(dir);
    console.log(`start: reusing the demo account in ${dir} (account date ${emu.state.asOf}; --reset to recreate it)`);
  } else {
    console.log(`start: creating a demo company with ${args.customers} customers in ${dir} ...`);
    emu = Emulator.create(DEMO_AS_OF, { companyName: DEMO_COMPANY }, dir);
    const loaded = emu.loadDemo({ customers: args.customers });
    console.log(`start: loaded ${loadedCounts(loaded).map(([t, n]) => `${n} ${t}`).join(', ')}`);
  }
  const dep = args.project ? emu.deploy(args.project) : emu.deploy();
  console.log(`start: deployed ${dep.objects} objects; scripts: ${dep.scripts.join(', ')}`);
  const setup = emu.run('customscript_ara_ss_setup');
  console.log(`start: setup ${setup.status} (${setup.usage.total} usage units)`);
  for (const l of setup.logs.filter((x) => x.level !== 'DEBUG')) console.log(`  [${l.level}] ${l.title}: ${oneLine(l.details)}`);
  emu.save();

  // The nightly jobs, in schedule order, each followed by the tasks it queued with N/task.
  const mark = summaryMark(emu);
  const jobs = nightlyJobs(emu);
  const runs: RunResult[] = [];
  if (jobs.length === 0) {
    console.log('start: no scheduled or map/reduce deployment has a recurrence yet: no nightly jobs to run');
  } else {
    console.log(`start: running ${jobs.length} nightly job${jobs.length === 1 ? '' : 's'} as of ${emu.state.asOf}`);
    jobs.forEach((job, i) => {
      const label = `${job.script.name || job.script.scriptid} (${job.script.scriptid}, ${recurrenceText(job.deployment)})`;
      console.log(`start: [${i + 1}/${jobs.length}] ${label} ...`);
      const t = Date.now();
      try {
        const r = emu.run(job.script.scriptid, { deploymentId: job.deployment.scriptid });
        runs.push(r);
        for (const line of describeRun(r, Date.now() - t)) console.log(line);
        while (emu.state.taskQueue.length > 0) {
          const task = emu.state.taskQueue[0]!;
          console.log(`start:   queued task ${task.scriptId} ...`);
          const tq = Date.now();
          const [q] = emu.runQueue(1);
          if (!q) break;
          runs.push(q);
          for (const line of describeRun(q, Date.now() - tq)) console.log(`  ${line}`);
        }
      } catch (e) {
        const d = describeError(e);
        console.log(`  could not run: ${d.name}: ${d.message}`);
      }
      emu.save();
    });
  }

  // Summary: what the product's own run logs, credit events and portlets say.
  const failed = runs.filter((r) => r.status !== 'COMPLETE').length;
  console.log(`\nSummary (account date ${emu.state.asOf}; ${runs.length} nightly run${runs.length === 1 ? '' : 's'}${failed ? `, ${failed} FAILED` : ', all complete'}):`);
  for (const line of summaryLines(startSummary(emu, mark))) console.log(line);
  const users = usersLines(emu);
  if (users.length) {
    console.log('\nUsers (switch in the page header):');
    for (const line of users) console.log(line);
  }
  console.log(`\nstart: ready in ${Date.now() - t0} ms.`);

  if (!args.serve) {
    console.log('Explore the account with the emulator\'s command line, e.g.');
    console.log(`  npm run emu -- get ${dir} customer ${emu.records.ids('customer')[0] ?? 1}`);
    console.log(`  npm run emu -- run ${dir} customscript_ara_ss_setup`);
    return 0;
  }

  let server: RunningServer;
  try {
    server = await startServer({
      emulator: emu,
      port: args.port,
      host: '127.0.0.1',
      onError: (e) => {
        const d = describeError(e);
        console.error(`web: ${d.name}: ${d.message}`);
      },
    });
  } catch (e) {
    if (e instanceof PortInUseError) {
      console.error(`start: ${e.message}`);
      return 1;
    }
    throw e;
  }
  console.log(`\nAR Autopilot is running at ${server.url}  (account ${dir}; Ctrl-C to stop)`);
  const wl = worklistScript(emu);
  console.log(`  Dashboard ${server.url}  \u00b7  Worklist ${wl ? `${server.url}worklist` : '(not deployed)'}  \u00b7  Scripts ${server.url}scripts`);
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\nstart: ${signal}: stopping the web page ...`);
      server.close().then(
        () => {
          console.log('start: stopped (the account is saved after every change).');
          done(0);
        },
        () => done(0),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const d = describeError(e);
      console.error(`start: ${d.name}: ${d.message}`);
      process.exitCode = 1;
    },
  );
}
