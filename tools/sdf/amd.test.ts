import { evaluateAmd, readHeader } from './amd';
import { readsOf, scanModule } from './params';

describe('readHeader', () => {
  it('reads the tags of the JSDoc block that opens the file', () => {
    const result = readHeader('\n/**\n * @NApiVersion 2.1\n * @NScriptType MapReduceScript\n */\ndefine([], function () {});');
    expect(result).toEqual({ ok: true, header: { tags: { NApiVersion: ['2.1'], NScriptType: ['MapReduceScript'] } } });
  });

  it('rejects a header after code or behind a plain comment', () => {
    expect(readHeader('define([], function () {});\n/** @NApiVersion 2.1 */')).toEqual({
      ok: false,
      message: 'the JSDoc block with @NApiVersion must come first in the file; it is preceded by "define([], function () {});"',
    });
    expect(readHeader('/* build 42 */\n/** @NApiVersion 2.1 */').ok).toBe(false);
  });
});

describe('evaluateAmd', () => {
  it('reads named exports set on `exports`, with stubs for N modules used at module level', () => {
    const code = `define(['exports', 'N/search', 'N/log', './x'], (function (exports, search, log, x) { 'use strict';
      const TYPE = search.Type.INVOICE;
      const label = \`\${TYPE} \${x.NAME}\`;
      log.debug({ title: label });
      function getInputData() { return search.create({ type: TYPE }); }
      function map() {}
      exports.getInputData = getInputData;
      exports.map = map;
      exports.LABEL = label;
    }));`;
    expect(evaluateAmd(code, 'mr.js', true)).toEqual({
      deps: ['exports', 'N/search', 'N/log', './x'],
      exports: { getInputData: 'function', map: 'function', LABEL: 'string' },
    });
  });

  it('reads exports returned by the factory, and module.exports', () => {
    expect(evaluateAmd("define(['N/record'], function (record) { return { onRequest: function () {} }; });", 'a.js', true).exports).toEqual({ onRequest: 'function' });
    expect(evaluateAmd("define(['module'], function (module) { module.exports = { render: function () {} }; });", 'b.js', true).exports).toEqual({ render: 'function' });
  });

  it('explains files it cannot evaluate', () => {
    expect(evaluateAmd("define(['N/log'], function (log) { throw new Error('boom'); });", 'c.js', true)).toEqual({
      deps: ['N/log'],
      error: 'the define() factory threw: boom',
    });
    expect(evaluateAmd('const x = 1;', 'd.js', true)).toEqual({ deps: [], error: 'the file makes no define() call' });
    expect(evaluateAmd("define(['./a'], function (a) { while (true) {} });", 'e.js', true, 100).error).toMatch(/could not evaluate the file: Script execution timed out/);
  });
});

describe('scanModule / readsOf', () => {
  it('classifies parameter ids: plain reads, table entries, keys passed to other scripts', () => {
    const code = `
      // 'custscript_in_comment' is not a read
      const P = { reset: 'custscript_a_reset', nested: { days: 'custscript_a_days' } };
      const opts = { name: 'custscript_a_direct' };
      function run() {
        getParameter({ name: 'custscript_a_inline' });
        task.create({ params: { custscript_other_key: 1, [P.other]: 2, 'custscript_other_quoted': 3 } });
        return P.reset;
      }`;
    const scan = scanModule(code, 'x.js');
    expect(scan.mentions.map((m) => [m.id, m.kind, m.key ?? null])).toEqual([
      ['custscript_a_reset', 'table', 'reset'],
      ['custscript_a_days', 'table', 'days'],
      ['custscript_a_direct', 'read', null],
      ['custscript_a_inline', 'read', null],
      ['custscript_other_key', 'key', null],
      ['custscript_other_quoted', 'key', null],
    ]);
    expect([...readsOf([scan])].sort()).toEqual(['custscript_a_direct', 'custscript_a_inline', 'custscript_a_reset']);
  });

  it('counts a table entry as read when another module of the script uses its key', () => {
    const table = scanModule("const PARAMS = Object.freeze({ days: 'custscript_a_days', other: 'custscript_b_x' });", 'fields.js');
    const entry = scanModule('const { days } = fields.PARAMS; f(days);', 'entry.js');
    expect([...readsOf([entry, table])]).toEqual(['custscript_a_days']);
  });
});
