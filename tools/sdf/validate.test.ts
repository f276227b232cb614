import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Issue, type ValidationResult, validateProject } from './validate';
import { CABINET_DIR, type ProjectFiles, amdEntry, amdModule, baseFile, removeProject, writeProject } from './test-fixtures';

const REPO = join(__dirname, '..', '..');

function validate(changes: ProjectFiles = {}): ValidationResult {
  const dir = writeProject(changes);
  try {
    return validateProject(dir);
  } finally {
    removeProject(dir);
  }
}

/** The base file with texts replaced (fails loudly when a text is not there). */
function edit(path: string, from: string, to: string, ...more: [string, string][]): ProjectFiles {
  let content = baseFile(path);
  for (const [a, b] of [[from, to], ...more]) {
    if (!content.includes(a)) throw new Error(`${path} does not contain ${a}`);
    content = content.replace(a, b);
  }
  return { [path]: content };
}

function issue(file: string, element: string | undefined, message: string): Issue {
  return element === undefined ? { file, message } : { file, element, message };
}

const SS = 'Objects/customscript_t_ss.xml';
const MR = 'Objects/customscript_t_mr.xml';
const UE = 'Objects/customscript_t_ue.xml';
const SL = 'Objects/customscript_t_sl.xml';
const PL = 'Objects/customscript_t_pl.xml';
const CS = 'Objects/customscript_t_cs.xml';
const LIST = 'Objects/customlist_t_status.xml';
const REC = 'Objects/customrecord_t_run.xml';

describe('validateProject: a good project', () => {
  it('passes with no errors and no warnings', () => {
    const result = validate();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.objectCount).toBe(13);
  });
});

describe('validateProject: project files', () => {
  it('rejects a missing deploy.xml and a manifest that is not an account customization project', () => {
    const result = validate({
      'deploy.xml': null,
      ...edit('manifest.xml', 'ACCOUNTCUSTOMIZATION', 'SUITEAPP'),
    });
    expect(result.errors).toEqual([
      issue('manifest.xml', 'manifest', 'projecttype must be ACCOUNTCUSTOMIZATION, found "SUITEAPP"'),
      issue('deploy.xml', undefined, 'missing: an SDF project needs deploy.xml'),
    ]);
  });

  it('warns when a feature the objects need is missing from the manifest', () => {
    const result = validate(edit('manifest.xml', '<feature required="true">CUSTOMRECORDS</feature>', ''));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      issue(
        'manifest.xml',
        'manifest/dependencies/features',
        'the project has objects that need feature CUSTOMRECORDS; add <feature required="true">CUSTOMRECORDS</feature>',
      ),
    ]);
  });
});

describe('validateProject: XML', () => {
  it('reports malformed XML with its line and column', () => {
    const result = validate({ [SL]: '<suitelet scriptid="customscript_t_sl">\n  <name>Test</name>\n  <scriptfile>x</scriptfle>\n</suitelet>\n' });
    expect(result.errors).toEqual([
      issue(SL, undefined, "malformed XML at line 3, column 16: Expected closing tag 'scriptfile' (opened in line 3, col 3) instead of closing tag 'scriptfle'."),
    ]);
  });

  it('rejects an unknown root element', () => {
    const result = validate({ 'Objects/customthing_x.xml': '<workflowthing scriptid="customthing_x"><name>x</name></workflowthing>' });
    expect(result.errors).toEqual([
      issue(
        'Objects/customthing_x.xml',
        'workflowthing',
        'unknown object type <workflowthing>; this project handles scheduledscript, mapreducescript, usereventscript, suitelet, portlet, clientscript, restlet, customrecordtype, entitycustomfield, transactionbodycustomfield, customlist, role, savedsearch',
      ),
    ]);
  });

  it('reports missing required elements, empty required values and unknown elements', () => {
    const result = validate({
      ...edit(SL, '  <name>Test sl</name>\n', ''),
      ...edit(REC, '<label>Status</label>', '<label></label><lable>Status</lable>'),
    });
    expect(result.errors).toEqual([
      issue(REC, 'customrecordtype[customrecord_t_run]/customrecordcustomfields/customrecordcustomfield[custrecord_t_run_status]/label', 'required element <label> is empty'),
      issue(SL, 'suitelet[customscript_t_sl]', 'missing required element <name>'),
    ]);
    expect(result.warnings).toEqual([
      issue(
        REC,
        'customrecordtype[customrecord_t_run]/customrecordcustomfields/customrecordcustomfield[custrecord_t_run_status]/lable',
        'unknown element <lable> in <customrecordcustomfield> (not in the SDF schema)',
      ),
    ]);
  });

  it('requires selectrecordtype on a SELECT field', () => {
    const result = validate(edit(MR, '      <selectrecordtype>[scriptid=customrecord_t_run]</selectrecordtype>\n', ''));
    expect(result.errors).toEqual([
      issue(MR, 'mapreducescript[customscript_t_mr]/scriptcustomfields/scriptcustomfield[custscript_t_mr_run]', 'missing <selectrecordtype>, required when <fieldtype> is SELECT'),
    ]);
  });
});

describe('validateProject: script ids', () => {
  it('rejects uppercase characters', () => {
    const result = validate(edit(SL, 'scriptid="customscript_t_sl"', 'scriptid="customscript_T_sl"'));
    expect(result.errors).toEqual([
      issue(SL, 'suitelet[customscript_T_sl]', 'scriptid "customscript_T_sl" may only contain lowercase letters, digits and underscores ([0-9a-z_])'),
    ]);
    expect(result.warnings).toEqual([
      issue(SL, 'suitelet[customscript_T_sl]', 'file name should be customscript_T_sl.xml (the object\'s scriptid)'),
    ]);
  });

  it('rejects a wrong prefix on objects and nested objects', () => {
    const result = validate({
      ...edit(SL, 'customdeploy_t_sl', 'customscript_t_sl_main'),
      ...edit('Objects/custbody_t_flag.xml', 'scriptid="custbody_t_flag"', 'scriptid="custentity_t_flag"'),
    });
    expect(result.errors).toEqual([
      issue('Objects/custbody_t_flag.xml', 'transactionbodycustomfield[custentity_t_flag]', 'scriptid "custentity_t_flag" must start with "custbody" for <transactionbodycustomfield>'),
      issue(SL, 'suitelet[customscript_t_sl]/scriptdeployments/scriptdeployment[customscript_t_sl_main]', 'scriptid "customscript_t_sl_main" must start with "customdeploy" for <scriptdeployment>'),
    ]);
  });

  it('rejects ids longer than NetSuite allows (40; custom lists 38)', () => {
    const longDeploy = `customdeploy_${'x'.repeat(28)}`; // 41 characters
    const longList = `customlist_${'y'.repeat(28)}`; // 39 characters
    const result = validate({
      ...edit(SL, 'customdeploy_t_sl', longDeploy),
      [LIST]: baseFile(LIST).replace('customlist_t_status', longList),
      ...edit(REC, '[scriptid=customlist_t_status]', `[scriptid=${longList}]`),
      ...edit('Objects/custentity_t_hold.xml', '[scriptid=customlist_t_status]', `[scriptid=${longList}]`),
    });
    expect(result.errors).toEqual([
      issue(LIST, `customlist[${longList}]`, `scriptid "${longList}" is 39 characters; NetSuite allows at most 38 for <customlist> (prefix included)`),
      issue(SL, `suitelet[customscript_t_sl]/scriptdeployments/scriptdeployment[${longDeploy}]`, `scriptid "${longDeploy}" is 41 characters; NetSuite allows at most 40 for <scriptdeployment> (prefix included)`),
    ]);
  });

  it('rejects duplicate ids across the project and within a list', () => {
    const result = validate({
      ...edit(PL, 'customdeploy_t_pl', 'customdeploy_t_sl'),
      ...edit(LIST, 'val_t_failed', 'val_t_ok'),
    });
    expect(result.errors).toEqual([
      issue(LIST, 'customlist[customlist_t_status]/customvalues/customvalue[val_t_ok]', 'duplicate scriptid "val_t_ok" among the <customvalue> elements of this object'),
      issue(
        SL,
        'suitelet[customscript_t_sl]/scriptdeployments/scriptdeployment[customdeploy_t_sl]',
        `duplicate scriptid "customdeploy_t_sl": already used by ${PL} (portlet[customscript_t_pl]/scriptdeployments/scriptdeployment[customdeploy_t_sl])`,
      ),
    ]);
  });

  it('warns when the file name is not <scriptid>.xml', () => {
    const result = validate({ [SL]: null, 'Objects/suitelet.xml': baseFile(SL) });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([issue('Objects/suitelet.xml', 'suitelet[customscript_t_sl]', 'file name should be customscript_t_sl.xml (the object\'s scriptid)')]);
  });
});

describe('validateProject: enum values and booleans', () => {
  const dep = (root: string, id: string): string => `${root}/scriptdeployments/scriptdeployment[${id}]`;

  it('rejects a deployment status that the script type does not take', () => {
    const result = validate({
      ...edit(SS, '<status>SCHEDULED</status>', '<status>RELEASED</status>'),
      ...edit(SL, '<status>RELEASED</status>', '<status>SCHEDULED</status>'),
    });
    expect(result.errors).toEqual([
      issue(SL, `${dep('suitelet[customscript_t_sl]', 'customdeploy_t_sl')}/status`, 'invalid value "SCHEDULED" for <status>; expected one of RELEASED, TESTING'),
      issue(SS, `${dep('scheduledscript[customscript_t_ss]', 'customdeploy_t_ss')}/status`, 'invalid value "RELEASED" for <status>; expected one of NOTSCHEDULED, SCHEDULED, TESTING'),
    ]);
  });

  it('rejects an unknown log level and portlet type', () => {
    const result = validate({
      ...edit(SL, '<loglevel>DEBUG</loglevel>', '<loglevel>VERBOSE</loglevel>'),
      ...edit(PL, '<portlettype>LIST</portlettype>', '<portlettype>GRID</portlettype>'),
    });
    expect(result.errors).toEqual([
      issue(PL, 'portlet[customscript_t_pl]/portlettype', 'invalid value "GRID" for <portlettype>; expected one of FORM, HTML, LINKS, LIST'),
      issue(SL, `${dep('suitelet[customscript_t_sl]', 'customdeploy_t_sl')}/loglevel`, 'invalid value "VERBOSE" for <loglevel>; expected one of DEBUG, AUDIT, ERROR, EMERGENCY'),
    ]);
  });

  it('rejects an unknown field type and a boolean that is not T/F; warns on values the schema does not enforce', () => {
    const result = validate({
      ...edit(SS, '<fieldtype>INTEGER</fieldtype>', '<fieldtype>NUMBER</fieldtype>', ['<isinactive>F</isinactive>', '<isinactive>No</isinactive>']),
      ...edit(UE, '<executioncontext>USERINTERFACE|CSVIMPORT</executioncontext>', '<executioncontext>USERINTERFACE|SPREADSHEET</executioncontext>'),
    });
    const param = 'scheduledscript[customscript_t_ss]/scriptcustomfields/scriptcustomfield[custscript_t_ss_days]/fieldtype';
    expect(result.errors).toEqual([
      issue(SS, 'scheduledscript[customscript_t_ss]/isinactive', '<isinactive> must be T or F, found "No"'),
      issue(SS, param, 'invalid value "NUMBER" for <fieldtype>; not one of the 22 values known for generic_customfield_fieldtype'),
    ]);
    expect(result.warnings).toEqual([
      issue(
        UE,
        `${dep('usereventscript[customscript_t_ue]', 'customdeploy_t_ue')}/executioncontext`,
        'invalid value "SPREADSHEET" for <executioncontext>; not one of the 38 values known for execution_context (the schema does not enforce this list)',
      ),
    ]);
  });

  it('accepts empty booleans (NetSuite default)', () => {
    expect(validate(edit(SS, '<isinactive>F</isinactive>', '<isinactive></isinactive>')).errors).toEqual([]);
  });
});

describe('validateProject: script files', () => {
  const where = (root: string): string => `${root}/scriptfile`;

  it('rejects a missing scriptfile', () => {
    const result = validate({ [`${CABINET_DIR}/sl.js`]: null });
    expect(result.errors).toEqual([
      issue(SL, where('suitelet[customscript_t_sl]'), '<scriptfile> /SuiteScripts/t/sl.js does not exist: expected the file FileCabinet/SuiteScripts/t/sl.js in the project (run the build first)'),
    ]);
  });

  it('rejects a scriptfile that is not a bracketed File Cabinet path', () => {
    const result = validate(edit(SL, '[/SuiteScripts/t/sl.js]', 'SuiteScripts/t/sl.js'));
    expect(result.errors).toEqual([
      issue(SL, where('suitelet[customscript_t_sl]'), '<scriptfile> must be a File Cabinet path in brackets, e.g. [/SuiteScripts/ar_autopilot/x.js], found "SuiteScripts/t/sl.js"'),
    ]);
  });

  it('rejects a scriptfile that is not JavaScript', () => {
    const result = validate({
      ...edit(SL, '[/SuiteScripts/t/sl.js]', '[/SuiteScripts/t/sl.ts]'),
      [`${CABINET_DIR}/sl.ts`]: 'export function onRequest() {}',
    });
    expect(result.errors).toEqual([issue(SL, where('suitelet[customscript_t_sl]'), '<scriptfile> /SuiteScripts/t/sl.ts must be a .js file')]);
  });

  it('rejects an @NScriptType that does not match the object type', () => {
    const file = `${CABINET_DIR}/sl.js`;
    const result = validate({ [file]: baseFile(file).replace('@NScriptType Suitelet', '@NScriptType Portlet') });
    expect(result.errors).toEqual([
      issue(SL, where('suitelet[customscript_t_sl]'), `${file}: @NScriptType is Portlet but a <suitelet> object needs @NScriptType Suitelet`),
    ]);
  });

  it('rejects another @NApiVersion than 2.1', () => {
    const file = `${CABINET_DIR}/rl.js`;
    const result = validate({ [file]: baseFile(file).replace('@NApiVersion 2.1', '@NApiVersion 2.x') });
    expect(result.errors).toEqual([
      issue('Objects/customscript_t_rl.xml', where('restlet[customscript_t_rl]'), `${file}: @NApiVersion is 2.x; the project's scripts are @NApiVersion 2.1`),
    ]);
  });

  it('rejects a header that is not first in the file', () => {
    const file = `${CABINET_DIR}/ue.js`;
    const result = validate({ [file]: `'use strict';\n${baseFile(file)}` });
    expect(result.errors).toEqual([
      issue(UE, where('usereventscript[customscript_t_ue]'), `${file}: the JSDoc block with @NApiVersion must come first in the file; it is preceded by "'use strict';"`),
    ]);
  });

  it('rejects a file without any header', () => {
    const file = `${CABINET_DIR}/pl.js`;
    const result = validate({ [file]: amdModule(['N/log'], ['log'], '    function render(params) { return params; }', ['render']) });
    expect(result.errors).toEqual([
      issue(PL, where('portlet[customscript_t_pl]'), `${file}: no JSDoc block with @NApiVersion and @NScriptType at the top of the file`),
    ]);
  });

  it('rejects missing entry points', () => {
    const mr = `${CABINET_DIR}/mr.js`;
    const ue = `${CABINET_DIR}/ue.js`;
    const result = validate({
      [mr]: amdEntry('MapReduceScript', ['./core/params'], ['params'], '    function getInputData() { return [params.PARAMS.mrRun]; }\n    function summarize() {}', ['getInputData', 'summarize']),
      [ue]: amdEntry('UserEventScript', [], [], '    function beforeSave() {}', ['beforeSave']),
      [`${CABINET_DIR}/sl.js`]: amdEntry('Suitelet', [], [], '    const onRequest = 42;', ['onRequest']),
    });
    expect(result.errors).toEqual([
      issue(MR, where('mapreducescript[customscript_t_mr]'), `${mr}: exports none of the MapReduceScript entry points map, reduce (it exports getInputData, summarize)`),
      issue(SL, where('suitelet[customscript_t_sl]'), `${CABINET_DIR}/sl.js: exports onRequest as a number, not a function`),
      issue(UE, where('usereventscript[customscript_t_ue]'), `${ue}: exports none of the UserEventScript entry points beforeLoad, beforeSubmit, afterSubmit (it exports beforeSave)`),
    ]);
    expect(result.warnings).toContainEqual(issue(UE, where('usereventscript[customscript_t_ue]'), `${ue}: exports beforeSave, which is not a UserEventScript entry point`));
  });

  it('rejects a scheduled script without execute()', () => {
    const ss = `${CABINET_DIR}/ss.js`;
    const result = validate({ [ss]: baseFile(ss).replace(/execute/g, 'run') });
    expect(result.errors).toContainEqual(
      issue(SS, where('scheduledscript[customscript_t_ss]'), `${ss}: does not export execute(), which a ScheduledScript needs (it exports run)`),
    );
  });

  it('reads entry points returned by the factory (define without exports)', () => {
    const cs = `${CABINET_DIR}/cs.js`;
    const header = '/**\n * @NApiVersion 2.1\n * @NScriptType ClientScript\n */\n';
    const result = validate({ [cs]: `${header}define(['N/currentRecord'], function (cr) { return { pageInit: function () { return cr.get(); } }; });\n` });
    expect(result.errors).toEqual([]);
  });

  it('reports a file that cannot be evaluated', () => {
    const rl = `${CABINET_DIR}/rl.js`;
    const result = validate({ [rl]: baseFile(rl).replace('function get(', 'function get((') });
    expect(result.errors).toEqual([
      issue('Objects/customscript_t_rl.xml', where('restlet[customscript_t_rl]'), `${rl}: cannot read its entry points: could not evaluate the file: Unexpected token '('`),
    ]);
  });

  it('rejects a local module that does not exist', () => {
    const pl = `${CABINET_DIR}/pl.js`;
    const result = validate({ [pl]: amdEntry('Portlet', ['./lib/missing'], ['m'], '    function render(p) { return m.x(p); }', ['render']) });
    expect(result.errors).toEqual([
      issue(PL, where('portlet[customscript_t_pl]'), `${pl} loads "./lib/missing", but ${CABINET_DIR}/lib/missing.js does not exist`),
    ]);
  });
});

describe('validateProject: script parameters', () => {
  it('rejects a parameter read in the entry file but not declared', () => {
    const ue = `${CABINET_DIR}/ue.js`;
    const body = "    function beforeSubmit(ctx) { return runtime.getCurrentScript().getParameter({ name: 'custscript_t_ue_limit' }); }";
    const result = validate({ [ue]: amdEntry('UserEventScript', ['N/runtime'], ['runtime'], body, ['beforeSubmit']) });
    expect(result.errors).toEqual([
      issue(UE, 'usereventscript[customscript_t_ue]', `the script reads parameter custscript_t_ue_limit (${ue}:7), which is not declared in its <scriptcustomfields>`),
    ]);
  });

  it('rejects a parameter read in an imported local module (followed transitively)', () => {
    const cs = `${CABINET_DIR}/cs.js`;
    const lib = `${CABINET_DIR}/core/client_cfg.js`;
    const deeper = `${CABINET_DIR}/core/deeper.js`;
    const result = validate({
      [cs]: amdEntry('ClientScript', ['./core/client_cfg'], ['cfg'], '    function pageInit() { return cfg.threshold(); }', ['pageInit']),
      [lib]: amdModule(['./deeper'], ['deeper'], '    function threshold() { return deeper.read(); }', ['threshold']),
      [deeper]: amdModule(['N/runtime'], ['runtime'], "    function read() {\n        return runtime.getCurrentScript().getParameter({ name: 'custscript_t_cs_threshold' });\n    }", ['read']),
    });
    expect(result.errors).toEqual([
      issue(CS, 'clientscript[customscript_t_cs]', `the script reads parameter custscript_t_cs_threshold (${deeper}:3), which is not declared in its <scriptcustomfields>`),
    ]);
  });

  it("rejects a parameter of another script read through the shared table", () => {
    const ss = `${CABINET_DIR}/ss.js`;
    const result = validate({ [ss]: baseFile(ss).replace('params.PARAMS.ssDays', 'params.PARAMS.mrRun') });
    expect(result.errors).toEqual([
      issue(SS, 'scheduledscript[customscript_t_ss]', `the script reads parameter custscript_t_mr_run (${CABINET_DIR}/core/params.js:8), which is not declared in its <scriptcustomfields>`),
    ]);
    expect(result.warnings).toEqual([
      issue(SS, 'scheduledscript[customscript_t_ss]/scriptcustomfields/scriptcustomfield[custscript_t_ss_days]', "parameter custscript_t_ss_days is declared but the script's code never reads it"),
    ]);
  });

  it('does not count values passed to another script (task params) as reads', () => {
    const sl = `${CABINET_DIR}/sl.js`;
    const body = "    function onRequest(ctx) { return task.create({ taskType: task.TaskType.MAP_REDUCE, params: { [params.PARAMS.mrRun]: 1, custscript_t_ss_reset: true } }); }";
    expect(validate({ [sl]: amdEntry('Suitelet', ['N/task', './core/params'], ['task', 'params'], body, ['onRequest']) }).errors).toEqual([]);
  });

  it('rejects a deployment value for a parameter the script does not declare', () => {
    const result = validate(edit(SS, '<custscript_t_ss_days>45</custscript_t_ss_days>', '<custscript_t_ss_dayz>45</custscript_t_ss_dayz>'));
    expect(result.errors).toEqual([
      issue(
        SS,
        'scheduledscript[customscript_t_ss]/scriptdeployments/scriptdeployment[customdeploy_t_ss]/custscript_t_ss_dayz',
        "the deployment sets parameter custscript_t_ss_dayz, which is not declared in the script's <scriptcustomfields>",
      ),
    ]);
  });

  it('warns on a parameter id in code that no script declares', () => {
    const file = `${CABINET_DIR}/core/params.js`;
    const result = validate({ [file]: baseFile(file).replace("mrRun: 'custscript_t_mr_run',", "mrRun: 'custscript_t_mr_run',\n        later: 'custscript_t_later',") });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([issue(file, 'line 9', 'custscript_t_later is not a parameter of any script in this project')]);
  });
});

describe('validateProject: references', () => {
  it('rejects a select field pointing at a list or record the project does not have', () => {
    const result = validate({
      ...edit(REC, '[scriptid=customlist_t_status]', '[scriptid=customlist_t_state]'),
      ...edit('Objects/custentity_t_hold.xml', '[scriptid=customlist_t_status]', '[scriptid=customlist_t_status.val_t_unknown]'),
    });
    expect(result.errors).toEqual([
      issue(
        'Objects/custentity_t_hold.xml',
        'entitycustomfield[custentity_t_hold]/selectrecordtype',
        '<selectrecordtype> references customlist_t_status.val_t_unknown, but customlist_t_status has no val_t_unknown',
      ),
      issue(
        REC,
        'customrecordtype[customrecord_t_run]/customrecordcustomfields/customrecordcustomfield[custrecord_t_run_status]/selectrecordtype',
        '<selectrecordtype> references customlist_t_state, which is not an object of this project',
      ),
    ]);
  });

  it('warns on other references to objects outside the project', () => {
    const result = validate(edit('Objects/customrole_t_collector.xml', '[scriptid=customrecord_t_run]', '[scriptid=customrecord_other]'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      issue(
        'Objects/customrole_t_collector.xml',
        'role[customrole_t_collector]/permissions/permission/permkey',
        '<permkey> references customrecord_other, which is not an object of this project',
      ),
    ]);
  });
});

describe('sdf-validate CLI', () => {
  it('prints ERROR/WARN lines and a summary, and exits 1 on errors', () => {
    const dir = writeProject(edit(SL, '<loglevel>DEBUG</loglevel>', '<loglevel>LOUD</loglevel>'));
    try {
      let output = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'cli.ts'), dir], { encoding: 'utf8' });
      } catch (e) {
        const err = e as { status: number; stdout: string };
        status = err.status;
        output = err.stdout;
      }
      expect(status).toBe(1);
      expect(output.trim().split('\n')).toEqual([
        `ERROR ${dir}/${SL}: suitelet[customscript_t_sl]/scriptdeployments/scriptdeployment[customdeploy_t_sl]/loglevel: invalid value "LOUD" for <loglevel>; expected one of DEBUG, AUDIT, ERROR, EMERGENCY`,
        'sdf-validate: 13 objects, 1 errors, 0 warnings',
      ]);
    } finally {
      removeProject(dir);
    }
  });
});

describe('the real project (src/)', () => {
  const built = existsSync(join(REPO, 'src/FileCabinet/SuiteScripts/ar_autopilot/ara_ss_setup.js'));
  (built ? it : it.skip)('has no errors once built (npm run build)', () => {
    expect(validateProject(join(REPO, 'src')).errors).toEqual([]);
  });
});
