/**
 * Write a demo fixture (or its summary) from the command line:
 *
 *   npx tsx emulator/src/demo/main.ts [--customers 300] [--as-of 2026-11-27] [--seed ar-autopilot]
 *       [--custom-fields custentity_ara_collector,custbody_ara_disputed] [--out fixture.json]
 *       [--summary] [--check]
 *
 * Without --out the fixture goes to stdout. --summary prints summarizeFixture as JSON instead (to stdout,
 * or to stderr when --out is given); --check runs validateFixture and exits 1 on errors.
 */
import { writeFileSync } from 'node:fs';
import { generateDemoFixture, summarizeFixture, type DemoOptions } from './generate';
import { validateFixture } from './validate';

export interface CliArgs {
  options: DemoOptions;
  out: string | null;
  summary: boolean;
  check: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { options: {}, out: null, summary: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--customers': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error('--customers must be a positive integer');
        args.options.customers = n;
        break;
      }
      case '--as-of':
        args.options.asOf = value();
        break;
      case '--seed':
        args.options.seed = value();
        break;
      case '--custom-fields':
        args.options.customFields = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--out':
        args.out = value();
        break;
      case '--summary':
        args.summary = true;
        break;
      case '--check':
        args.check = true;
        break;
      default:
        throw new Error(`unknown argument ${a}`);
    }
  }
  return args;
}

export function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const fixture = generateDemoFixture(args.options);
  if (args.out) writeFileSync(args.out, JSON.stringify(fixture));
  else if (!args.summary) process.stdout.write(JSON.stringify(fixture));
  if (args.summary) (args.out ? process.stderr : process.stdout).write(`${JSON.stringify(summarizeFixture(fixture), null, 2)}\n`);
  if (args.check) {
    const v = validateFixture(fixture, { customFields: args.options.customFields ?? [] });
    if (!v.ok) {
      process.stderr.write(`${v.errorCount} consistency errors:\n${v.errors.join('\n')}\n`);
      return 1;
    }
  }
  return 0;
}

if (process.argv[1] && /[\\/]demo[\\/]main\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
