/**
 * ts/core is the pure core: it runs unchanged in NetSuite (GraalJS, ES2022), in Node and in tests.
 * Guard the rules by reading its sources: no N/ modules, no Node APIs, no Intl, no clock, and local-time
 * Date methods only in dates.ts (fromJsDateLocalParts / toJsDateLocalParts, which exist for them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
const CORE = join(ROOT, 'ts/core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Source without comments (block comments, and line comments that start a line or follow whitespace). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

const FORBIDDEN: [string, RegExp][] = [
  ['N/ module import', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]N(?:\/[^'"]*)?['"]/],
  ['Node module import', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:node:[^'"]+|fs|path|os|crypto|child_process|util|url|buffer)['"]/],
  ['Node global', /\b(?:process|Buffer|__dirname|__filename|require|setImmediate)\b/],
  ['Intl', /\bIntl\b|\btoLocale\w*String\b|\blocaleCompare\b/],
  ['clock', /\bDate\.now\b|\bnew Date\(\s*\)|\bperformance\b/],
];
const LOCAL_TIME = /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|\bgetTimezoneOffset\b|\bDate\.parse\b/;

const files = sources(CORE);

test('there are core sources to check', () => {
  expect(files.map((f) => relative(CORE, f))).toEqual(expect.arrayContaining(['money.ts', 'dates.ts', 'aging.ts']));
});

test.each(files.map((f) => [relative(ROOT, f), f]))('%s uses nothing outside ES2022', (_name, file) => {
  const text = code(file);
  const found = FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => what);
  if (!file.endsWith(join('core', 'dates.ts')) && LOCAL_TIME.test(text)) found.push('local-time Date method');
  expect(found).toEqual([]);
});
