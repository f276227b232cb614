#!/usr/bin/env node
// npm run build: strict type-check and compile the product (ts/) with tsc, then rollup to AMD.
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { rollup } from 'rollup';
import config, { OUT_DIR, ESM_DIR, entryNames } from '../rollup.config.mjs';

const started = Date.now();
rmSync(ESM_DIR, { recursive: true, force: true });
try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
} catch {
  console.error('build: type-check failed (see the errors above)');
  process.exit(1);
}
if (entryNames().length === 0) {
  console.error('build: no entry files (ts/ara_<type>_<purpose>.ts) found');
  process.exit(1);
}
rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(`${OUT_DIR}/.gitkeep`, '');
const bundle = await rollup({ ...config, onwarn(w, warn) { if (w.code !== 'EMPTY_BUNDLE') warn(w); } });
const { output } = await bundle.write(config.output);
await bundle.close();
const files = output.map((o) => o.fileName).sort();
console.log(`build: ${files.length} AMD files in ${OUT_DIR} (${entryNames().length} entry points) in ${Date.now() - started} ms`);
