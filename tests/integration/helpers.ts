/** Helpers for integration tests: the compiled scripts, run in the local account emulator. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Emulator } from '../../emulator/src/emulator';

export const ROOT = join(__dirname, '..', '..');
const BUILT = join(ROOT, 'src/FileCabinet/SuiteScripts/ar_autopilot/ara_ss_setup.js');

/** Build the File Cabinet once if a test run starts without it (npm test builds first). */
export function ensureBuilt(): void {
  if (!existsSync(BUILT)) execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/** A fresh in-memory account with the project deployed into it. */
export function deployedAccount(asOf = '2026-11-27', fixture?: unknown): Emulator {
  ensureBuilt();
  const emu = Emulator.create(asOf);
  emu.applyProjectCustomizations();
  if (fixture) emu.loadFixture(fixture);
  emu.deploy();
  return emu;
}
