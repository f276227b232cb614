import {
  type CustomList,
  type CustomRecordType,
  type EntityCustomField,
  type Role,
  type ScriptObject,
  type TransactionBodyCustomField,
  fileCabinetPath,
  findDeployment,
  findObject,
  loadObjects,
  N_SCRIPT_TYPE,
  SCRIPT_OBJECT_TYPES,
  parseFileReference,
  referencedScriptId,
} from './objects';
import { join } from 'node:path';
import { RULES } from './rules';
import { removeProject, writeProject } from './test-fixtures';

describe('loadObjects', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeProject({ 'Objects/broken.xml': '<suitelet scriptid="x">\n<name>a</nam>\n</suitelet>', 'Objects/other.xml': '<workflow scriptid="customworkflow_x"/>' });
  });
  afterAll(() => removeProject(dir));

  const get = <T>(id: string): T => {
    const o = findObject(loadObjects(dir).objects, id);
    if (!o) throw new Error(`no ${id}`);
    return o as T;
  };

  it('loads every well-formed object of a known type, in file order, and lists the others as problems', () => {
    const project = loadObjects(dir);
    expect(project.projectDir).toBe(dir);
    expect(project.objects.map((o) => `${o.type} ${o.scriptid}`)).toEqual([
      'transactionbodycustomfield custbody_t_flag',
      'entitycustomfield custentity_t_hold',
      'customlist customlist_t_status',
      'customrecordtype customrecord_t_run',
      'role customrole_t_collector',
      'clientscript customscript_t_cs',
      'mapreducescript customscript_t_mr',
      'portlet customscript_t_pl',
      'restlet customscript_t_rl',
      'suitelet customscript_t_sl',
      'scheduledscript customscript_t_ss',
      'usereventscript customscript_t_ue',
      'savedsearch customsearch_t_open',
    ]);
    expect(project.problems).toEqual([
      { file: 'Objects/broken.xml', message: "malformed XML: Expected closing tag 'name' (opened in line 2, col 1) instead of closing tag 'nam'.", line: 2, col: 8 },
      { file: 'Objects/other.xml', message: 'unknown object type <workflow>' },
    ]);
  });

  it('models a scheduled script: parameters, deployment, recurrence, per-deployment values', () => {
    const ss = get<ScriptObject>('customscript_t_ss');
    expect(ss).toMatchObject({
      type: 'scheduledscript',
      file: 'Objects/customscript_t_ss.xml',
      name: 'Test ss',
      scriptfile: '/SuiteScripts/t/ss.js',
      isinactive: false,
      libraries: [],
    });
    expect(ss.parameters.map((p) => [p.scriptid, p.fieldtype, p.label, p.defaultvalue, p.defaultchecked])).toEqual([
      ['custscript_t_ss_reset', 'CHECKBOX', 'Reset', undefined, false],
      ['custscript_t_ss_days', 'INTEGER', 'Days', '30', false],
    ]);
    expect(ss.deployments).toEqual([
      {
        scriptid: 'customdeploy_t_ss',
        status: 'SCHEDULED',
        title: 'Test ss',
        isdeployed: true,
        loglevel: 'DEBUG',
        recordtype: undefined,
        eventtype: undefined,
        executioncontext: [],
        runasrole: undefined,
        allroles: false,
        audslctrole: [],
        recurrence: { kind: 'daily', props: { startdate: '2026-01-01', starttime: '02:00:00Z', everyxdays: '1' } },
        parameterValues: { custscript_t_ss_days: '45' },
        props: { status: 'SCHEDULED', title: 'Test ss', loglevel: 'DEBUG', isdeployed: 'T', custscript_t_ss_days: '45' },
      },
    ]);
  });

  it('models user event deployments (record type, contexts, event type) and portlet type', () => {
    const ue = get<ScriptObject>('customscript_t_ue');
    expect(ue.deployments[0]).toMatchObject({
      scriptid: 'customdeploy_t_ue',
      status: 'RELEASED',
      title: undefined,
      recordtype: 'INVOICE',
      eventtype: undefined,
      executioncontext: ['USERINTERFACE', 'CSVIMPORT'],
      loglevel: 'AUDIT',
      allroles: true,
    });
    expect(get<ScriptObject>('customscript_t_pl').portlettype).toBe('LIST');
    expect(get<ScriptObject>('customscript_t_sl').portlettype).toBeUndefined();
    expect(get<ScriptObject>('customscript_t_mr').parameters[0].selectrecordtype).toBe('[scriptid=customrecord_t_run]');
  });

  it('models custom records, fields, lists and roles', () => {
    const rec = get<CustomRecordType>('customrecord_t_run');
    expect(rec).toMatchObject({ recordname: 'Test run', includename: true, isinactive: false, accesstype: 'CUSTRECORDENTRYPERM' });
    expect(rec.fields.map((f) => [f.scriptid, f.fieldtype, f.selectrecordtype])).toEqual([
      ['custrecord_t_run_status', 'SELECT', '[scriptid=customlist_t_status]'],
      ['custrecord_t_run_customer', 'SELECT', '-2'],
    ]);
    expect(get<EntityCustomField>('custentity_t_hold')).toMatchObject({ fieldtype: 'SELECT', label: 'Hold status', appliesTo: ['appliestocustomer'] });
    expect(get<TransactionBodyCustomField>('custbody_t_flag')).toMatchObject({ fieldtype: 'CHECKBOX', defaultchecked: false, appliesTo: ['bodysale', 'bodycustomerpayment'] });
    expect(get<CustomList>('customlist_t_status')).toMatchObject({
      name: 'Run status',
      isordered: true,
      values: [
        { scriptid: 'val_t_ok', value: 'OK', isinactive: false },
        { scriptid: 'val_t_failed', value: 'Failed', isinactive: false },
      ],
    });
    expect(get<Role>('customrole_t_collector').permissions).toEqual([
      { permkey: 'TRAN_INVOICE', permlevel: 'VIEW', restriction: undefined },
      { permkey: '[scriptid=customrecord_t_run]', permlevel: 'FULL', restriction: undefined },
    ]);
  });

  it('is plain JSON data (the emulator stores it)', () => {
    const project = loadObjects(dir);
    expect(JSON.parse(JSON.stringify(project))).toEqual(JSON.parse(JSON.stringify(project)));
    expect(findDeployment(project.objects, 'customdeploy_t_cs')?.script.scriptid).toBe('customscript_t_cs');
  });
});

describe('object helpers', () => {
  it('agrees with rules.json on the @NScriptType of each script type', () => {
    for (const type of SCRIPT_OBJECT_TYPES) expect(RULES.scriptTypes[type].nScriptType).toBe(N_SCRIPT_TYPE[type]);
  });

  it('reads file references and object references', () => {
    expect(parseFileReference('[/SuiteScripts/a/b.js]')).toBe('/SuiteScripts/a/b.js');
    expect(parseFileReference('/SuiteScripts/a/b.js')).toBeUndefined();
    expect(fileCabinetPath('/p', '/SuiteScripts/a/b.js')).toBe(join('/p', 'FileCabinet', 'SuiteScripts', 'a', 'b.js'));
    expect(referencedScriptId('[scriptid=customlist_x]')).toBe('customlist_x');
    expect(referencedScriptId('[type=customrecordtype, scriptid=customrecord_x.custrecord_y]')).toBe('customrecord_x.custrecord_y');
    expect(referencedScriptId('-2')).toBeUndefined();
  });
});
