/**
 * Test helper: writes a small, valid SDF project (manifest, deploy, one object of each type, tiny
 * built AMD files) into a temporary folder. Tests then break one thing and run the validator.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type ProjectFiles = Record<string, string | null>;

const CABINET = 'FileCabinet/SuiteScripts/t';

/** A built AMD entry file as rollup writes it: header first, then define() with named exports. */
export function amdEntry(scriptType: string, deps: string[], params: string[], body: string, exported: string[]): string {
  const header = `/**\n * @NApiVersion 2.1\n * @NScriptType ${scriptType}\n * @NModuleScope SameAccount\n */`;
  return `${header}\n${amdModule(deps, params, body, exported)}`;
}

/** A built AMD module (no script type). */
export function amdModule(deps: string[], params: string[], body: string, exported: string[]): string {
  const depList = ['exports', ...deps].map((d) => `'${d}'`).join(', ');
  const exportLines = exported.map((e) => `    exports.${e} = ${e};`).join('\n');
  return [
    `define([${depList}], (function (exports${params.map((p) => `, ${p}`).join('')}) { 'use strict';`,
    body,
    exportLines,
    `    Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });`,
    '}));',
    '',
  ].join('\n');
}

const fn = (name: string, args = 'context'): string => `    function ${name}(${args}) { log.debug({ title: '${name}', details: String(${args.split(',')[0] || 'null'}) }); }`;

function script(type: string, id: string, file: string, inner: string, extra = ''): string {
  return `<${type} scriptid="customscript_t_${id}">
  <name>Test ${id}</name>
  <scriptfile>[/SuiteScripts/t/${file}]</scriptfile>
  <isinactive>F</isinactive>${extra}
${inner}
</${type}>
`;
}

function deployment(id: string, status: string, more = ''): string {
  return `  <scriptdeployments>
    <scriptdeployment scriptid="customdeploy_t_${id}">
      <status>${status}</status>
      <title>Test ${id}</title>
      <loglevel>DEBUG</loglevel>
      <isdeployed>T</isdeployed>${more}
    </scriptdeployment>
  </scriptdeployments>`;
}

/** The files of the valid base project. */
export function baseProjectFiles(): ProjectFiles {
  return {
    'manifest.xml': `<manifest projecttype="ACCOUNTCUSTOMIZATION">
  <projectname>Test</projectname>
  <frameworkversion>1.0</frameworkversion>
  <dependencies>
    <features>
      <feature required="true">SERVERSIDESCRIPTING</feature>
      <feature required="true">CUSTOMCODE</feature>
      <feature required="true">CUSTOMRECORDS</feature>
    </features>
  </dependencies>
</manifest>
`,
    'deploy.xml': `<deploy>
  <files>
    <path>~/FileCabinet/SuiteScripts/t/*</path>
  </files>
  <objects>
    <path>~/Objects/*</path>
  </objects>
</deploy>
`,
    'Objects/customscript_t_ss.xml': script(
      'scheduledscript',
      'ss',
      'ss.js',
      `  <scriptcustomfields>
    <scriptcustomfield scriptid="custscript_t_ss_reset">
      <fieldtype>CHECKBOX</fieldtype>
      <label>Reset</label>
      <defaultchecked>F</defaultchecked>
    </scriptcustomfield>
    <scriptcustomfield scriptid="custscript_t_ss_days">
      <fieldtype>INTEGER</fieldtype>
      <label>Days</label>
      <defaultvalue>30</defaultvalue>
    </scriptcustomfield>
  </scriptcustomfields>
${deployment('ss', 'SCHEDULED', `
      <custscript_t_ss_days>45</custscript_t_ss_days>
      <recurrence>
        <daily>
          <startdate>2026-01-01</startdate>
          <starttime>02:00:00Z</starttime>
          <everyxdays>1</everyxdays>
        </daily>
      </recurrence>`)}`,
    ),
    'Objects/customscript_t_mr.xml': script(
      'mapreducescript',
      'mr',
      'mr.js',
      `  <scriptcustomfields>
    <scriptcustomfield scriptid="custscript_t_mr_run">
      <fieldtype>SELECT</fieldtype>
      <label>Run</label>
      <selectrecordtype>[scriptid=customrecord_t_run]</selectrecordtype>
    </scriptcustomfield>
  </scriptcustomfields>
${deployment('mr', 'NOTSCHEDULED', `
      <concurrencylimit>2</concurrencylimit>`)}`,
    ),
    'Objects/customscript_t_ue.xml': script(
      'usereventscript',
      'ue',
      'ue.js',
      `  <scriptdeployments>
    <scriptdeployment scriptid="customdeploy_t_ue">
      <status>RELEASED</status>
      <recordtype>INVOICE</recordtype>
      <loglevel>AUDIT</loglevel>
      <eventtype></eventtype>
      <executioncontext>USERINTERFACE|CSVIMPORT</executioncontext>
      <allroles>T</allroles>
    </scriptdeployment>
  </scriptdeployments>`,
    ),
    'Objects/customscript_t_sl.xml': script('suitelet', 'sl', 'sl.js', deployment('sl', 'RELEASED')),
    'Objects/customscript_t_pl.xml': script('portlet', 'pl', 'pl.js', deployment('pl', 'RELEASED'), '\n  <portlettype>LIST</portlettype>'),
    'Objects/customscript_t_cs.xml': script(
      'clientscript',
      'cs',
      'cs.js',
      `  <scriptdeployments>
    <scriptdeployment scriptid="customdeploy_t_cs">
      <status>TESTING</status>
      <recordtype>[scriptid=customrecord_t_run]</recordtype>
    </scriptdeployment>
  </scriptdeployments>`,
    ),
    'Objects/customscript_t_rl.xml': script('restlet', 'rl', 'rl.js', deployment('rl', 'TESTING')),
    'Objects/customrecord_t_run.xml': `<customrecordtype scriptid="customrecord_t_run">
  <recordname>Test run</recordname>
  <includename>T</includename>
  <customrecordcustomfields>
    <customrecordcustomfield scriptid="custrecord_t_run_status">
      <fieldtype>SELECT</fieldtype>
      <label>Status</label>
      <selectrecordtype>[scriptid=customlist_t_status]</selectrecordtype>
    </customrecordcustomfield>
    <customrecordcustomfield scriptid="custrecord_t_run_customer">
      <fieldtype>SELECT</fieldtype>
      <label>Customer</label>
      <selectrecordtype>-2</selectrecordtype>
    </customrecordcustomfield>
  </customrecordcustomfields>
</customrecordtype>
`,
    'Objects/customlist_t_status.xml': `<customlist scriptid="customlist_t_status">
  <name>Run status</name>
  <isordered>T</isordered>
  <customvalues>
    <customvalue scriptid="val_t_ok">
      <value>OK</value>
    </customvalue>
    <customvalue scriptid="val_t_failed">
      <value>Failed</value>
    </customvalue>
  </customvalues>
</customlist>
`,
    'Objects/custentity_t_hold.xml': `<entitycustomfield scriptid="custentity_t_hold">
  <fieldtype>SELECT</fieldtype>
  <label>Hold status</label>
  <selectrecordtype>[scriptid=customlist_t_status]</selectrecordtype>
  <appliestocustomer>T</appliestocustomer>
  <appliestovendor>F</appliestovendor>
</entitycustomfield>
`,
    'Objects/custbody_t_flag.xml': `<transactionbodycustomfield scriptid="custbody_t_flag">
  <fieldtype>CHECKBOX</fieldtype>
  <label>Flagged</label>
  <defaultchecked>F</defaultchecked>
  <bodysale>T</bodysale>
  <bodycustomerpayment>T</bodycustomerpayment>
</transactionbodycustomfield>
`,
    'Objects/customrole_t_collector.xml': `<role scriptid="customrole_t_collector">
  <name>Test collector</name>
  <centertype>BASIC</centertype>
  <permissions>
    <permission>
      <permkey>TRAN_INVOICE</permkey>
      <permlevel>VIEW</permlevel>
    </permission>
    <permission>
      <permkey>[scriptid=customrecord_t_run]</permkey>
      <permlevel>FULL</permlevel>
    </permission>
  </permissions>
</role>
`,
    'Objects/customsearch_t_open.xml': `<savedsearch scriptid="customsearch_t_open">
  <definition>0000@GZC@1@H4sIAAAAAAAA</definition>
</savedsearch>
`,
    // A table of parameter ids shared by all scripts (as core/fields.ts in the product).
    [`${CABINET}/core/params.js`]: `/**\n * @NApiVersion 2.1\n */\n${amdModule(
      [],
      [],
      `    const PARAMS = {\n        ssReset: 'custscript_t_ss_reset',\n        ssDays: 'custscript_t_ss_days',\n        mrRun: 'custscript_t_mr_run',\n    };`,
      ['PARAMS'],
    )}`,
    [`${CABINET}/core/util.js`]: `/**\n * @NApiVersion 2.1\n */\n${amdModule(['N/runtime'], ['runtime'], `    function param(name) { return runtime.getCurrentScript().getParameter({ name }); }`, ['param'])}`,
    [`${CABINET}/ss.js`]: amdEntry(
      'ScheduledScript',
      ['N/log', './core/params', './core/util'],
      ['log', 'params', 'util'],
      `    const LABEL = 'setup';\n    function execute(context) {\n        const reset = util.param(params.PARAMS.ssReset);\n        const days = util.param(params.PARAMS.ssDays);\n        log.audit({ title: LABEL, details: String(reset) + days + context.type });\n    }`,
      ['execute'],
    ),
    [`${CABINET}/mr.js`]: amdEntry(
      'MapReduceScript',
      ['N/log', 'N/runtime', './core/params'],
      ['log', 'runtime', 'params'],
      `    function getInputData() { return [runtime.getCurrentScript().getParameter({ name: params.PARAMS.mrRun })]; }\n${fn('map')}\n${fn('summarize', 'summary')}`,
      ['getInputData', 'map', 'summarize'],
    ),
    [`${CABINET}/ue.js`]: amdEntry('UserEventScript', ['N/log'], ['log'], `${fn('beforeSubmit')}\n${fn('afterSubmit')}`, ['beforeSubmit', 'afterSubmit']),
    [`${CABINET}/sl.js`]: amdEntry('Suitelet', ['N/log', 'N/ui/serverWidget'], ['log', 'serverWidget'], `    const FIELD = serverWidget.FieldType.TEXT;\n${fn('onRequest')}`, ['onRequest']),
    [`${CABINET}/pl.js`]: amdEntry('Portlet', ['N/log'], ['log'], fn('render', 'params'), ['render']),
    [`${CABINET}/cs.js`]: amdEntry('ClientScript', ['N/log'], ['log'], `${fn('pageInit')}\n${fn('saveRecord')}`, ['pageInit', 'saveRecord']),
    [`${CABINET}/rl.js`]: amdEntry('Restlet', ['N/log'], ['log'], `${fn('get', 'requestParams')}\n${fn('post', 'body')}`, ['get', 'post']),
  };
}

/** Writes the base project with `changes` applied (a null value deletes the file); returns its folder. */
export function writeProject(changes: ProjectFiles = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdf-validate-'));
  const files = { ...baseProjectFiles(), ...changes };
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The base project's file content, for tests that edit one line of it. */
export function baseFile(path: string): string {
  const content = baseProjectFiles()[path];
  if (typeof content !== 'string') throw new Error(`no base file ${path}`);
  return content;
}

export const CABINET_DIR = CABINET;
