/**
 * Helpers of the web page tests: make sure the product is built, make a demo account, and write a copy
 * of src/ with a few extra test scripts (a user event with beforeLoad banners and a blocking
 * beforeSubmit, an HTML portlet, a Suitelet, a nightly scheduled script that logs and sends an email),
 * so that every page of the web server has something to show even before the product has those scripts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Emulator } from '../../src/emulator';
import { nightlyJobs } from '../../src/web/scriptinfo';

export const ROOT = resolve(__dirname, '../../..');
export const SRC = join(ROOT, 'src');
export const AS_OF = '2026-11-27';
export const DEMO_COMPANY = 'Harbor Lane Industries (demo)';

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Run `node tools/build.mjs` when the built File Cabinet is missing (after waiting a little: a build that
 * someone else started empties it for a few seconds).
 */
export function ensureBuilt(): void {
  const built = join(SRC, 'FileCabinet/SuiteScripts/ar_autopilot/ara_ss_setup.js');
  for (let i = 0; i < 30 && !existsSync(built); i++) sleep(500);
  if (!existsSync(built)) execFileSync(process.execPath, ['tools/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** A demo account in memory: `Emulator.create(asOf)` + `loadDemo` + `deploy(projectDir)`. */
export function demoEmulator(customers = 30, projectDir?: string): Emulator {
  const emu = Emulator.create(AS_OF, { companyName: DEMO_COMPANY });
  emu.loadDemo({ customers });
  if (projectDir) emu.deploy(projectDir);
  else emu.deploy();
  return emu;
}

/**
 * The setup script and the nightly jobs (every scheduled and map/reduce deployment with a recurrence, then
 * the tasks they queued), as npm start runs them.
 */
export function runNightly(emu: Emulator): void {
  emu.run('customscript_ara_ss_setup');
  for (const job of nightlyJobs(emu)) {
    emu.run(job.script.scriptid, { deploymentId: job.deployment.scriptid });
    emu.runQueue();
  }
}

/** Script files and the relative modules they define() on, missing under a project's File Cabinet. */
export function missingFiles(projectDir: string): string[] {
  const cabinet = join(projectDir, 'FileCabinet');
  const missing: string[] = [];
  const objects = join(projectDir, 'Objects');
  for (const f of existsSync(objects) ? readdirSync(objects) : []) {
    const m = /<scriptfile>\[([^\]]+)\]<\/scriptfile>/.exec(readFileSync(join(objects, f), 'utf8'));
    if (m && !existsSync(join(cabinet, m[1] as string))) missing.push(m[1] as string);
  }
  const walk = (dir: string): void => {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) {
        const deps = /define\(\[([^\]]*)\]/.exec(readFileSync(p, 'utf8'))?.[1] ?? '';
        for (const d of deps.matchAll(/'(\.{1,2}\/[^']+)'/g)) {
          const target = resolve(dirname(p), `${d[1] as string}.js`);
          if (!existsSync(target)) missing.push(target);
        }
      }
    }
  };
  walk(join(cabinet, 'SuiteScripts'));
  return missing;
}

/**
 * A private, complete copy of src/ (objects and the built File Cabinet) in a temporary folder: another
 * engineer's `npm run build` empties the File Cabinet for a few seconds, and a test that deploys src/
 * itself would then fail for no reason of its own. Remove it with removeProject.
 */
export function copyProject(): string {
  ensureBuilt();
  let last: string[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'ara-src-'));
    try {
      cpSync(SRC, dir, { recursive: true });
      last = missingFiles(dir);
      if (last.length === 0) return dir;
    } catch (e) {
      last = [(e as Error).message];
    }
    rmSync(dir, { recursive: true, force: true });
    sleep(500);
  }
  throw new Error(`src/ is not completely built (a build running?): ${last.slice(0, 5).join(', ')}`);
}

const HEADER = (type: string) => `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n * @NModuleScope SameAccount\n */\n`;

function amd(type: string, deps: string[], params: string[], body: string, exported: string[]): string {
  const depList = ['exports', ...deps].map((d) => `'${d}'`).join(', ');
  return (
    HEADER(type) +
    `define([${depList}], (function (exports${params.map((p) => `, ${p}`).join('')}) { 'use strict';\n${body}\n` +
    exported.map((e) => `    exports.${e} = ${e};`).join('\n') +
    "\n    Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });\n}));\n"
  );
}

function scriptXml(type: string, id: string, file: string, deployments: string, extra = ''): string {
  return `<${type} scriptid="customscript_ara_${id}">
  <name>Web test ${id}</name>
  <scriptfile>[/SuiteScripts/ar_autopilot/${file}]</scriptfile>
  <isinactive>F</isinactive>${extra}
  <scriptdeployments>
${deployments}
  </scriptdeployments>
</${type}>
`;
}

export const TEST_SCRIPTS = {
  userEvent: 'customscript_ara_ue_webtest',
  portlet: 'customscript_ara_pl_webtest',
  portletDeploy: 'customdeploy_ara_pl_webtest',
  suitelet: 'customscript_ara_sl_webtest_worklist',
  suiteletDeploy: 'customdeploy_ara_sl_webtest_worklist',
  nightly: 'customscript_ara_ss_webtest_nightly',
  nightlyDeploy: 'customdeploy_ara_ss_webtest_nightly',
};

/** A copy of src/ plus the test scripts; returns its folder (remove it with removeProject). */
export function writeTestProject(): string {
  const dir = copyProject();
  const cab = join(dir, 'FileCabinet/SuiteScripts/ar_autopilot');
  const obj = join(dir, 'Objects');
  writeFileSync(
    join(obj, `${TEST_SCRIPTS.userEvent}.xml`),
    scriptXml(
      'usereventscript',
      'ue_webtest',
      'ara_ue_webtest.js',
      `    <scriptdeployment scriptid="customdeploy_ara_ue_webtest">
      <status>RELEASED</status>
      <recordtype>SALESORDER</recordtype>
      <loglevel>DEBUG</loglevel>
      <allroles>T</allroles>
    </scriptdeployment>`,
    ),
  );
  writeFileSync(
    join(cab, 'ara_ue_webtest.js'),
    amd(
      'UserEventScript',
      ['N/error', 'N/ui/message'],
      ['error', 'message'],
      `    function beforeLoad(context) {
        if (context.type !== 'view' || !context.form) return;
        const memo = String(context.newRecord.getValue({ fieldId: 'memo' }) || '');
        context.form.addPageInitMessage({ message: message.create({ type: message.Type.WARNING, title: 'Credit check', message: '<b>Web test banner</b> for ' + context.newRecord.getValue({ fieldId: 'tranid' }) + (memo ? ' (' + memo.length + ' chars of memo)' : '') }) });
        context.form.addButton({ id: 'custpage_ara_remind', label: 'Send reminder', functionName: 'remind' });
    }
    function beforeSubmit(context) {
        const memo = String(context.newRecord.getValue({ fieldId: 'memo' }) || '');
        if (memo === 'BLOCK') throw error.create({ name: 'ARA_CREDIT_HOLD', message: 'Customer is on credit hold: <approve> & "override" first' });
    }`,
      ['beforeLoad', 'beforeSubmit'],
    ),
  );
  writeFileSync(
    join(obj, `${TEST_SCRIPTS.portlet}.xml`),
    scriptXml(
      'portlet',
      'pl_webtest',
      'ara_pl_webtest.js',
      `    <scriptdeployment scriptid="${TEST_SCRIPTS.portletDeploy}">
      <status>RELEASED</status>
      <title>Web test portlet</title>
      <isdeployed>T</isdeployed>
      <allroles>T</allroles>
    </scriptdeployment>`,
      '\n  <portlettype>HTML</portlettype>',
    ),
  );
  writeFileSync(
    join(cab, 'ara_pl_webtest.js'),
    amd(
      'Portlet',
      ['N/runtime'],
      ['runtime'],
      `    function render(params) {
        params.portlet.title = 'Web test portlet';
        params.portlet.html = '<p data-test="portlet">Hello ' + runtime.getCurrentUser().name + ' in column ' + params.column + '</p>';
    }`,
      ['render'],
    ),
  );
  writeFileSync(
    join(obj, `${TEST_SCRIPTS.suitelet}.xml`),
    scriptXml(
      'suitelet',
      'sl_webtest_worklist',
      'ara_sl_webtest.js',
      `    <scriptdeployment scriptid="${TEST_SCRIPTS.suiteletDeploy}">
      <status>RELEASED</status>
      <title>Web test worklist</title>
      <isdeployed>T</isdeployed>
      <allroles>T</allroles>
    </scriptdeployment>`,
    ),
  );
  writeFileSync(
    join(cab, 'ara_sl_webtest.js'),
    amd(
      'Suitelet',
      ['N/ui/serverWidget', 'N/runtime'],
      ['serverWidget', 'runtime'],
      `    function onRequest(context) {
        if (context.request.method === 'POST') {
            const note = context.request.parameters.custpage_note || '';
            if (note === 'go') { context.response.sendRedirect({ type: 'RECORD', identifier: 'customer', id: context.request.parameters.custpage_customer || '20' }); return; }
            context.response.write({ output: 'ok:' + note.length });
            context.response.setHeader({ name: 'Content-Type', value: 'text/plain' });
            return;
        }
        const form = serverWidget.createForm({ title: 'Web test worklist' });
        const f = form.addField({ id: 'custpage_note', type: serverWidget.FieldType.TEXT, label: 'Note' });
        f.defaultValue = 'for ' + runtime.getCurrentUser().name;
        form.addField({ id: 'custpage_customer', type: serverWidget.FieldType.TEXT, label: 'Customer id' });
        form.addSubmitButton({ label: 'Go' });
        context.response.writePage({ pageObject: form });
    }`,
      ['onRequest'],
    ),
  );
  writeFileSync(
    join(obj, `${TEST_SCRIPTS.nightly}.xml`),
    scriptXml(
      'scheduledscript',
      'ss_webtest_nightly',
      'ara_ss_webtest_nightly.js',
      `    <scriptdeployment scriptid="${TEST_SCRIPTS.nightlyDeploy}">
      <status>SCHEDULED</status>
      <title>Web test nightly</title>
      <loglevel>DEBUG</loglevel>
      <isdeployed>T</isdeployed>
      <recurrence>
        <daily>
          <startdate>2026-01-01</startdate>
          <starttime>02:00:00Z</starttime>
          <everyxdays>1</everyxdays>
        </daily>
      </recurrence>
    </scriptdeployment>`,
    ),
  );
  writeFileSync(
    join(cab, 'ara_ss_webtest_nightly.js'),
    amd(
      'ScheduledScript',
      ['N/log', 'N/email'],
      ['log', 'email'],
      `    function execute() {
        log.audit({ title: 'Nightly <test>', details: 'checked & done' });
        email.send({ author: 1, recipients: ['ap@example.com'], subject: 'Nightly digest <test>', body: 'Hello & goodbye' });
    }`,
      ['execute'],
    ),
  );
  // The override reason the Approve form fills in (unless the product already declares it).
  if (!existsSync(join(obj, 'custbody_ara_override_reason.xml'))) {
    writeFileSync(
      join(obj, 'custbody_ara_override_reason.xml'),
      `<transactionbodycustomfield scriptid="custbody_ara_override_reason">
  <fieldtype>TEXT</fieldtype>
  <label>Override reason</label>
  <bodysale>T</bodysale>
</transactionbodycustomfield>
`,
    );
  }
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
