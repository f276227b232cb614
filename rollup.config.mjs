// TypeScript (compiled by tsc to ES modules in build/esm) → SuiteScript 2.1 AMD modules,
// one output file per source module, in the SDF File Cabinet folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, basename } from 'node:path';

export const ESM_DIR = 'build/esm';
export const TS_DIR = 'ts';
export const OUT_DIR = 'src/FileCabinet/SuiteScripts/ar_autopilot';

/** Entry files are the `ara_<type>_<purpose>.ts` files at the top of ts/. */
export function entryNames() {
  return readdirSync(TS_DIR)
    .filter((f) => /^ara_[a-z]+_[a-z0-9_]+\.ts$/.test(f))
    .map((f) => basename(f, '.ts'));
}

const HEADER_RE = /\/\*\*(?:(?!\*\/)[\s\S])*?@NApiVersion(?:(?!\*\/)[\s\S])*?\*\//;
const LIBRARY_HEADER = '/**\n * @NApiVersion 2.1\n * @NModuleScope SameAccount\n */';

/**
 * Puts the JSDoc block NetSuite reads first in every file. Entry files take the block written at the
 * top of their TypeScript source (read from the source, so tsc eliding a type-only import cannot drop
 * it); library modules get a plain @NApiVersion 2.1 block so that NetSuite loads them as 2.1 code.
 */
function suiteScriptHeader() {
  return {
    name: 'suitescript-header',
    renderChunk(code, chunk) {
      const stripped = code.replace(HEADER_RE, '').replace(/^\s*\n/, '');
      let header = LIBRARY_HEADER;
      if (chunk.isEntry && chunk.facadeModuleId) {
        const rel = relative(ESM_DIR, chunk.facadeModuleId).replace(/\.js$/, '.ts');
        const source = readFileSync(join(TS_DIR, rel), 'utf8');
        const match = HEADER_RE.exec(source);
        if (!match || !/@NScriptType\s+\w+/.test(match[0])) {
          this.error(`${join(TS_DIR, rel)}: an entry file must start with a JSDoc block holding @NApiVersion 2.1 and @NScriptType`);
        }
        header = match[0];
      }
      return { code: `${header}\n${stripped}`, map: null };
    },
  };
}

export default {
  input: Object.fromEntries(entryNames().map((n) => [n, join(ESM_DIR, `${n}.js`)])),
  external: (id) => id === 'N' || id.startsWith('N/'),
  treeshake: { moduleSideEffects: false },
  plugins: [suiteScriptHeader()],
  output: {
    dir: OUT_DIR,
    format: 'amd',
    exports: 'named',
    preserveModules: true,
    preserveModulesRoot: ESM_DIR,
    entryFileNames: '[name].js',
    interop: (id) => (id && id.startsWith('N/') ? 'esModule' : 'default'),
    generatedCode: 'es2015',
    freeze: false,
    amd: { forceJsExtensionForImports: false },
  },
};
