import { mkdtempSync, mkdirSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AmdLoader, accountDateClass, readHeader } from '../../src/runtime/amd';

function cabinet(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'amd-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

describe('AMD loader', () => {
  const nLog = { audit: jest.fn() };
  const resolveN = (name: string) => {
    if (name === 'N/log') return nLog;
    throw new Error(`unexpected ${name}`);
  };

  it('loads relative dependencies, N modules and the exports object (rollup AMD output)', () => {
    const root = cabinet({
      'SuiteScripts/app/entry.js': `/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript\n */\ndefine(['exports', 'N/log', './lib/math'], (function (exports, log, math) { 'use strict';\n function execute() { log.audit('sum', math.add(2, 3)); }\n exports.execute = execute; }));`,
      'SuiteScripts/app/lib/math.js': `define(['exports'], function (exports) { exports.add = function (a, b) { return a + b; }; });`,
    });
    const mod = new AmdLoader(root, resolveN).load('/SuiteScripts/app/entry.js') as { execute: () => void };
    mod.execute();
    expect(nLog.audit).toHaveBeenCalledWith('sum', 5);
  });

  it('uses the factory return value when the module returns one (hand-written SuiteScript style)', () => {
    const root = cabinet({ 'SuiteScripts/a.js': `define([], function () { return { onRequest: function () { return 'ok'; } }; });` });
    const mod = new AmdLoader(root, resolveN).load('/SuiteScripts/a.js') as { onRequest: () => string };
    expect(mod.onRequest()).toBe('ok');
  });

  it('supports ../ paths and evaluates each module once per loader', () => {
    const root = cabinet({
      'SuiteScripts/x/y/entry.js': `define(['../shared', '../../x/shared'], function (a, b) { return { same: a === b, n: a.n }; });`,
      'SuiteScripts/x/shared.js': `var count = (globalThis.__amdCount = (globalThis.__amdCount || 0) + 1); define([], function () { return { n: count }; });`,
    });
    const mod = new AmdLoader(root, resolveN).load('/SuiteScripts/x/y/entry.js') as { same: boolean };
    expect(mod.same).toBe(true);
  });

  it('runs module factories afresh for every loader (no state between executions)', () => {
    const root = cabinet({ 'SuiteScripts/s.js': `define([], function () { var state = { calls: 0 }; return { hit: function () { return ++state.calls; } }; });` });
    const a = new AmdLoader(root, resolveN).load('/SuiteScripts/s.js') as { hit: () => number };
    a.hit();
    const b = new AmdLoader(root, resolveN).load('/SuiteScripts/s.js') as { hit: () => number };
    expect(b.hit()).toBe(1);
  });

  it('picks up a rebuilt file (cache keyed by modification time)', () => {
    const root = cabinet({ 'SuiteScripts/v.js': `define([], function () { return { v: 1 }; });` });
    expect((new AmdLoader(root, resolveN).load('/SuiteScripts/v.js') as { v: number }).v).toBe(1);
    const file = join(root, 'SuiteScripts/v.js');
    writeFileSync(file, `define([], function () { return { v: 2 }; });`);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect((new AmdLoader(root, resolveN).load('/SuiteScripts/v.js') as { v: number }).v).toBe(2);
  });

  it('fails clearly for a missing module, a path leaving the File Cabinet, and a double define', () => {
    const root = cabinet({
      'SuiteScripts/m.js': `define(['./nope'], function () { return {}; });`,
      'SuiteScripts/d.js': `define([], function () { return {}; }); define([], function () { return {}; });`,
    });
    const loader = new AmdLoader(root, resolveN);
    expect(() => loader.load('/SuiteScripts/m.js')).toThrow(/Module does not exist: \/SuiteScripts\/nope\.js/);
    expect(() => loader.load('/SuiteScripts/../../etc/passwd')).toThrow(/Module does not exist: \/etc\/passwd\.js/); // resolved inside the cabinet root, never above it
    expect(() => loader.load('/SuiteScripts/d.js')).toThrow(/define\(\) exactly once/);
  });

  it('hides Node globals from scripts (NetSuite has no process or require)', () => {
    const root = cabinet({ 'SuiteScripts/g.js': `define([], function () { return { p: typeof process, r: typeof require }; });` });
    expect(new AmdLoader(root, resolveN).load('/SuiteScripts/g.js')).toEqual({ p: 'undefined', r: 'undefined' });
  });

  it('reads the JSDoc header', () => {
    expect(readHeader('/**\n * @NApiVersion 2.1\n * @NScriptType MapReduceScript\n */\ndefine([],function(){})')).toEqual({
      apiVersion: '2.1',
      scriptType: 'MapReduceScript',
      moduleScope: null,
    });
    expect(readHeader('define([],function(){}) /** @NScriptType Suitelet */').scriptType).toBeNull();
  });
});

describe('account clock', () => {
  it('gives scripts the account date for new Date() and Date.now(), real Dates otherwise', () => {
    const root = cabinet({ 'SuiteScripts/c.js': `define(['N/x'], function (x) { return { now: function () { return [new Date().toISOString(), Date.now(), new Date(2020, 0, 2).getFullYear(), new Date() instanceof Date, x.outside() instanceof Date]; } }; });` });
    const fixed = Date.parse('2026-11-27T10:00:00.000Z');
    const mod = new AmdLoader(root, () => ({ outside: () => new Date(0) }), accountDateClass(() => fixed)).load('/SuiteScripts/c.js') as { now: () => unknown[] };
    expect(mod.now()).toEqual(['2026-11-27T10:00:00.000Z', fixed, 2020, true, true]);
  });
});
