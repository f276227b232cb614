/**
 * Typed model of the project's SDF objects (src/Objects/**.xml) and the loader that builds it.
 *
 * Shared by the validator (tools/sdf/validate.ts) and the local emulator, which deploys what
 * `loadObjects(projectDir)` returns (kept as JSON in the emulated account: plain data only).
 *
 * Conventions of the model:
 * - Values are the XML text as written (NetSuite ids and enum values, e.g. status 'RELEASED',
 *   fieldtype 'CHECKBOX', recordtype 'INVOICE'); `undefined` when the element is absent.
 * - SDF booleans ('T'/'F') become booleans; an empty or absent element takes NetSuite's default
 *   (noted on each property).
 * - Multi-select values (separated by '|' in SDF) become string arrays.
 * - References to other objects keep the SDF syntax: '[scriptid=customlist_ara_x]'; use
 *   `referencedScriptId()` to read the script id.
 * - `props` holds every leaf child element as written, for the fields this model does not name.
 * - Files are relative to the project folder with '/' separators: 'Objects/customscript_x.xml'.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { type XmlElement, child, childText, listItems, parseXml } from './xml';

/* ------------------------------------------------------------------------------------------------ */
/* Object types                                                                                       */

/** Root elements of the script objects this project uses. */
export const SCRIPT_OBJECT_TYPES = [
  'scheduledscript',
  'mapreducescript',
  'usereventscript',
  'suitelet',
  'portlet',
  'clientscript',
  'restlet',
] as const;
export type ScriptObjectType = (typeof SCRIPT_OBJECT_TYPES)[number];

/** Root elements of every object type the project may contain. */
export const OBJECT_TYPES = [
  ...SCRIPT_OBJECT_TYPES,
  'customrecordtype',
  'entitycustomfield',
  'transactionbodycustomfield',
  'customlist',
  'role',
  'savedsearch',
] as const;
export type SdfObjectType = (typeof OBJECT_TYPES)[number];

/** The @NScriptType NetSuite expects in the entry file of each script object type. */
export const N_SCRIPT_TYPE: Record<ScriptObjectType, string> = {
  scheduledscript: 'ScheduledScript',
  mapreducescript: 'MapReduceScript',
  usereventscript: 'UserEventScript',
  suitelet: 'Suitelet',
  portlet: 'Portlet',
  clientscript: 'ClientScript',
  restlet: 'Restlet',
};

/** Leaf child elements of an element, by element name, text as written ('' when empty). */
export type Props = Record<string, string>;

/* ------------------------------------------------------------------------------------------------ */
/* Model                                                                                              */

interface ObjectBase {
  /** Root element name. */
  type: SdfObjectType;
  /** The `scriptid` attribute of the root element ('' when missing). */
  scriptid: string;
  /** Object file relative to the project folder, e.g. 'Objects/customscript_ara_ss_setup.xml'. */
  file: string;
  /** Every leaf child element of the root element. */
  props: Props;
}

/** Properties shared by custom fields (script parameters, record fields, entity and body fields). */
export interface CustomFieldProps {
  scriptid: string;
  /** generic_customfield_fieldtype: CHECKBOX, TEXT, SELECT, CURRENCY, DATE, ... */
  fieldtype: string;
  label: string;
  description?: string;
  help?: string;
  /** SELECT/MULTISELECT source: a standard record by negative id ('-2' customer) or '[scriptid=customlist_x]'. */
  selectrecordtype?: string;
  defaultvalue?: string;
  /** Default of a CHECKBOX field (default F). */
  defaultchecked: boolean;
  defaultselection?: string;
  /** Default F. */
  ismandatory: boolean;
  /** NORMAL (default), HIDDEN, LOCKED, SHOWASLIST, STATICTEXT. */
  displaytype: string;
  /** Default T; F = a formula/unstored field. */
  storevalue: boolean;
  props: Props;
}

/** A script parameter: <scriptcustomfields><scriptcustomfield scriptid="custscript_…">. */
export interface ScriptParameter extends CustomFieldProps {
  /** script_setting: COMPANY, USER, PORTLET, or undefined (a plain script parameter). */
  setting?: string;
}

/** Schedule of a scheduled or map/reduce deployment: <recurrence><daily|weekly|…>. */
export interface Recurrence {
  /** single, daily, everyweekday, weekly, monthly, monthlydayofweek, yearly, yearlydayofweek. */
  kind: string;
  /** startdate, starttime, enddate, repeat (PT15M…PT12H), everyxdays, everyxweeks, monday…sunday, … */
  props: Props;
}

/** A script deployment: <scriptdeployments><scriptdeployment scriptid="customdeploy_…">. */
export interface ScriptDeployment {
  scriptid: string;
  /** TESTING, RELEASED (most scripts); TESTING, SCHEDULED, NOTSCHEDULED (scheduled, map/reduce). */
  status: string;
  /** Required for all but user event and client script deployments. */
  title?: string;
  /** Default T. */
  isdeployed: boolean;
  /** DEBUG (default), AUDIT, ERROR, EMERGENCY. */
  loglevel: string;
  /** User event / client script: record type ('INVOICE', 'CUSTOMER', '[scriptid=customrecord_x]'). */
  recordtype?: string;
  /** User event: the only event type the deployment runs on (script_eventtype); undefined = all. */
  eventtype?: string;
  /** User event / client: execution contexts it runs in (execution_context); [] = all contexts. */
  executioncontext: string[];
  runasrole?: string;
  /** Audience (suitelet, portlet, restlet, user event, client): all roles (default F). */
  allroles: boolean;
  /** Audience: selected roles (standard role ids or '[scriptid=customrole_x]'). */
  audslctrole: string[];
  /** Scheduled / map/reduce: when it runs (absent = on demand only). */
  recurrence?: Recurrence;
  /** Per-deployment parameter values: <custscript_x>value</custscript_x>, by parameter script id. */
  parameterValues: Record<string, string>;
  props: Props;
}

/** scheduledscript, mapreducescript, usereventscript, suitelet, portlet, clientscript, restlet. */
export interface ScriptObject extends ObjectBase {
  type: ScriptObjectType;
  name: string;
  description?: string;
  /** File Cabinet path of the entry file, brackets removed: '/SuiteScripts/ar_autopilot/ara_ss_setup.js'. */
  scriptfile: string;
  /** Default F. */
  isinactive: boolean;
  /** Portlets only: FORM, HTML, LINKS or LIST. */
  portlettype?: string;
  parameters: ScriptParameter[];
  deployments: ScriptDeployment[];
  /** File Cabinet paths of <libraries><library><scriptfile>, brackets removed. */
  libraries: string[];
}

/** A field of a custom record type: <customrecordcustomfields><customrecordcustomfield scriptid="custrecord_…">. */
export type CustomRecordField = CustomFieldProps;

export interface CustomRecordPermission {
  /** Role: standard id (e.g. ADMINISTRATOR) or '[scriptid=customrole_x]'. */
  permittedrole: string;
  /** NONE, VIEW, CREATE, EDIT, FULL. */
  permittedlevel: string;
  restriction?: string;
}

export interface CustomRecordType extends ObjectBase {
  type: 'customrecordtype';
  recordname?: string;
  /** Default F. */
  isinactive: boolean;
  /** Whether records have a Name field (default T). */
  includename: boolean;
  /** CUSTRECORDENTRYPERM (default), NONENEEDED, USEPERMISSIONLIST. */
  accesstype: string;
  fields: CustomRecordField[];
  permissions: CustomRecordPermission[];
}

/** Entity field (custentity_…). */
export interface EntityCustomField extends ObjectBase, CustomFieldProps {
  type: 'entitycustomfield';
  /** Names of the appliesto… flags set to T, e.g. ['appliestocustomer']. */
  appliesTo: string[];
}

/**
 * Transaction body field (custbody_…). SDF has no per-record flag such as "appliestoinvoice": the
 * applies-to flags are per transaction family (bodysale covers invoices and other sales,
 * bodycustomerpayment payments, bodydeposit deposits, …).
 */
export interface TransactionBodyCustomField extends ObjectBase, CustomFieldProps {
  type: 'transactionbodycustomfield';
  /** Names of the body… flags set to T, e.g. ['bodysale', 'bodycustomerpayment']. */
  appliesTo: string[];
}

export interface CustomListValue {
  /** Value script id (no required prefix; unique within its list). */
  scriptid: string;
  value: string;
  abbreviation?: string;
  /** Default F. */
  isinactive: boolean;
}

export interface CustomList extends ObjectBase {
  type: 'customlist';
  name: string;
  /** Values keep the order written (default F: sorted alphabetically in NetSuite). */
  isordered: boolean;
  values: CustomListValue[];
}

export interface RolePermission {
  /** Permission key (e.g. TRAN_INVOICE, LIST_CUSTJOB) or '[scriptid=customrecord_x]'. */
  permkey: string;
  /** NONE, VIEW, CREATE, EDIT, FULL. */
  permlevel: string;
  restriction?: string;
}

export interface Role extends ObjectBase {
  type: 'role';
  name: string;
  centertype: string;
  permissions: RolePermission[];
}

/** Saved search: only its id is modelled (the <definition> is an opaque NetSuite blob). */
export interface SavedSearch extends ObjectBase {
  type: 'savedsearch';
}

export type SdfObject =
  | ScriptObject
  | CustomRecordType
  | EntityCustomField
  | TransactionBodyCustomField
  | CustomList
  | Role
  | SavedSearch;

/** An object file that could not be turned into an object. */
export interface LoadProblem {
  file: string;
  message: string;
  line?: number;
  col?: number;
}

export interface SdfProject {
  /** Absolute path of the project folder (the one holding manifest.xml, Objects/, FileCabinet/). */
  projectDir: string;
  /** Objects in file name order. */
  objects: SdfObject[];
  /** Malformed XML and unknown root elements (the validator reports them as errors). */
  problems: LoadProblem[];
}

/* ------------------------------------------------------------------------------------------------ */
/* Loading                                                                                            */

/** Object files under <projectDir>/Objects (any subfolder), relative to projectDir, sorted. */
export function listObjectFiles(projectDir: string): string[] {
  const root = join(projectDir, 'Objects');
  return walkFiles(root)
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .map((f) => toProjectPath(projectDir, f))
    .sort();
}

/** Reads and parses every object file of the project into the typed model. */
export function loadObjects(projectDir: string): SdfProject {
  const objects: SdfObject[] = [];
  const problems: LoadProblem[] = [];
  for (const file of listObjectFiles(projectDir)) {
    const parsed = readObjectXml(projectDir, file);
    if ('message' in parsed) {
      problems.push(parsed);
      continue;
    }
    const object = toSdfObject(file, parsed);
    if (object) objects.push(object);
    else problems.push({ file, message: `unknown object type <${parsed.name}>` });
  }
  return { projectDir: resolve(projectDir), objects, problems };
}

/** Parses one object file (path relative to projectDir) to its root element, or a problem. */
export function readObjectXml(projectDir: string, file: string): XmlElement | LoadProblem {
  const result = parseXml(readFileSync(join(projectDir, file), 'utf8'));
  if (result.ok) return result.root;
  return { file, message: `malformed XML: ${result.message}`, line: result.line, col: result.col };
}

/** Builds the typed object from a parsed root element; undefined for unknown root elements. */
export function toSdfObject(file: string, root: XmlElement): SdfObject | undefined {
  const base = { scriptid: root.attrs.scriptid ?? '', file, props: leafProps(root) };
  const type = root.name;
  if (isScriptObjectType(type)) return toScript(type, base, root);
  switch (type) {
    case 'customrecordtype':
      return toCustomRecordType(base, root);
    case 'entitycustomfield':
      return { type, ...customFieldProps(root), ...base, appliesTo: setFlags(root, /^appliesto/) };
    case 'transactionbodycustomfield':
      return { type, ...customFieldProps(root), ...base, appliesTo: setFlags(root, /^body/) };
    case 'customlist':
      return toCustomList(base, root);
    case 'role':
      return toRole(base, root);
    case 'savedsearch':
      return { type, ...base };
    default:
      return undefined;
  }
}

type Base = Pick<ObjectBase, 'scriptid' | 'file' | 'props'>;

function toScript(type: ScriptObjectType, base: Base, root: XmlElement): ScriptObject {
  const script: ScriptObject = {
    type,
    ...base,
    name: childText(root, 'name') ?? '',
    description: childText(root, 'description'),
    scriptfile: parseFileReference(childText(root, 'scriptfile') ?? '') ?? '',
    isinactive: bool(root, 'isinactive', false),
    parameters: listItems(root, 'scriptcustomfields', 'scriptcustomfield').map(toParameter),
    deployments: listItems(root, 'scriptdeployments', 'scriptdeployment').map(toDeployment),
    libraries: listItems(root, 'libraries', 'library')
      .map((l) => parseFileReference(childText(l, 'scriptfile') ?? ''))
      .filter((p): p is string => p !== undefined),
  };
  if (type === 'portlet') script.portlettype = childText(root, 'portlettype');
  return script;
}

function toParameter(el: XmlElement): ScriptParameter {
  return { ...customFieldProps(el), setting: nonEmpty(childText(el, 'setting')) };
}

function toDeployment(el: XmlElement): ScriptDeployment {
  return {
    scriptid: el.attrs.scriptid ?? '',
    status: childText(el, 'status') ?? '',
    title: childText(el, 'title'),
    isdeployed: bool(el, 'isdeployed', true),
    loglevel: nonEmpty(childText(el, 'loglevel')) ?? 'DEBUG',
    recordtype: childText(el, 'recordtype'),
    eventtype: nonEmpty(childText(el, 'eventtype')),
    executioncontext: multi(childText(el, 'executioncontext')),
    runasrole: nonEmpty(childText(el, 'runasrole')),
    allroles: bool(el, 'allroles', false),
    audslctrole: multi(childText(el, 'audslctrole')),
    recurrence: toRecurrence(child(el, 'recurrence')),
    parameterValues: Object.fromEntries(
      el.children.filter((c) => isParameterId(c.name)).map((c) => [c.name, c.text]),
    ),
    props: leafProps(el),
  };
}

function toRecurrence(el: XmlElement | undefined): Recurrence | undefined {
  const kind = el?.children[0];
  return kind ? { kind: kind.name, props: leafProps(kind) } : undefined;
}

function toCustomRecordType(base: Base, root: XmlElement): CustomRecordType {
  return {
    type: 'customrecordtype',
    ...base,
    recordname: childText(root, 'recordname'),
    isinactive: bool(root, 'isinactive', false),
    includename: bool(root, 'includename', true),
    accesstype: nonEmpty(childText(root, 'accesstype')) ?? 'CUSTRECORDENTRYPERM',
    fields: listItems(root, 'customrecordcustomfields', 'customrecordcustomfield').map(customFieldProps),
    permissions: listItems(root, 'permissions', 'permission').map((p) => ({
      permittedrole: childText(p, 'permittedrole') ?? '',
      permittedlevel: childText(p, 'permittedlevel') ?? 'NONE',
      restriction: nonEmpty(childText(p, 'restriction')),
    })),
  };
}

function toCustomList(base: Base, root: XmlElement): CustomList {
  return {
    type: 'customlist',
    ...base,
    name: childText(root, 'name') ?? '',
    isordered: bool(root, 'isordered', false),
    values: listItems(root, 'customvalues', 'customvalue').map((v) => ({
      scriptid: v.attrs.scriptid ?? '',
      value: childText(v, 'value') ?? '',
      abbreviation: nonEmpty(childText(v, 'abbreviation')),
      isinactive: bool(v, 'isinactive', false),
    })),
  };
}

function toRole(base: Base, root: XmlElement): Role {
  return {
    type: 'role',
    ...base,
    name: childText(root, 'name') ?? '',
    centertype: childText(root, 'centertype') ?? '',
    permissions: listItems(root, 'permissions', 'permission').map((p) => ({
      permkey: childText(p, 'permkey') ?? '',
      permlevel: childText(p, 'permlevel') ?? '',
      restriction: nonEmpty(childText(p, 'restriction')),
    })),
  };
}

function customFieldProps(el: XmlElement): CustomFieldProps {
  return {
    scriptid: el.attrs.scriptid ?? '',
    fieldtype: childText(el, 'fieldtype') ?? '',
    label: childText(el, 'label') ?? '',
    description: nonEmpty(childText(el, 'description')),
    help: nonEmpty(childText(el, 'help')),
    selectrecordtype: nonEmpty(childText(el, 'selectrecordtype')),
    defaultvalue: nonEmpty(childText(el, 'defaultvalue')),
    defaultchecked: bool(el, 'defaultchecked', false),
    defaultselection: nonEmpty(childText(el, 'defaultselection')),
    ismandatory: bool(el, 'ismandatory', false),
    displaytype: nonEmpty(childText(el, 'displaytype')) ?? 'NORMAL',
    storevalue: bool(el, 'storevalue', true),
    props: leafProps(el),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Helpers (exported for the validator and the emulator)                                              */

export function isScriptObjectType(type: string): type is ScriptObjectType {
  return (SCRIPT_OBJECT_TYPES as readonly string[]).includes(type);
}

export function isKnownObjectType(type: string): type is SdfObjectType {
  return (OBJECT_TYPES as readonly string[]).includes(type);
}

export function isScriptObject(object: SdfObject): object is ScriptObject {
  return isScriptObjectType(object.type);
}

/** Script parameter ids (custscript…) name per-deployment value elements. */
export function isParameterId(name: string): boolean {
  return name.startsWith('custscript');
}

/** '[/SuiteScripts/a/b.js]' → '/SuiteScripts/a/b.js'; undefined when not a bracketed path. */
export function parseFileReference(value: string): string | undefined {
  const m = /^\[(\/[^\]]+)\]$/.exec(value.trim());
  return m ? m[1] : undefined;
}

/** Absolute path on disk of a File Cabinet path ('/SuiteScripts/x.js' → <projectDir>/FileCabinet/SuiteScripts/x.js). */
export function fileCabinetPath(projectDir: string, cabinetPath: string): string {
  return join(projectDir, 'FileCabinet', ...cabinetPath.split('/').filter(Boolean));
}

/**
 * The script id an SDF reference points at: '[scriptid=customlist_x]' → 'customlist_x',
 * '[type=..., scriptid=customrecord_x.custrecord_y]' → 'customrecord_x.custrecord_y'; undefined for
 * plain values (e.g. '-2', 'INVOICE').
 */
export function referencedScriptId(value: string): string | undefined {
  const m = /^\[([^\]]*)\]$/.exec(value.trim());
  if (!m) return undefined;
  for (const part of m[1].split(',')) {
    const [key, val] = part.split('=').map((s) => s.trim());
    if (key === 'scriptid' && val) return val;
  }
  return undefined;
}

/** The object with this script id, if the project has one. */
export function findObject(objects: readonly SdfObject[], scriptid: string): SdfObject | undefined {
  return objects.find((o) => o.scriptid === scriptid);
}

/** The script object that owns a deployment, with the deployment. */
export function findDeployment(
  objects: readonly SdfObject[],
  deploymentId: string,
): { script: ScriptObject; deployment: ScriptDeployment } | undefined {
  for (const object of objects) {
    if (!isScriptObject(object)) continue;
    const deployment = object.deployments.find((d) => d.scriptid === deploymentId);
    if (deployment) return { script: object, deployment };
  }
  return undefined;
}

/** Path relative to the project folder with '/' separators. */
export function toProjectPath(projectDir: string, absolutePath: string): string {
  return relative(projectDir, absolutePath).split(sep).join('/');
}

function walkFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walkFiles(path) : [path];
  });
}

function leafProps(el: XmlElement): Props {
  const props: Props = {};
  for (const c of el.children) if (c.children.length === 0) props[c.name] = c.text;
  return props;
}

/** SDF boolean: 'T' / 'F'; empty or absent takes the default. */
function bool(el: XmlElement, name: string, defaultValue: boolean): boolean {
  const text = childText(el, name);
  if (text === 'T') return true;
  if (text === 'F') return false;
  return defaultValue;
}

function multi(text: string | undefined): string[] {
  return (text ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** Names of the boolean child elements matching `pattern` that are set to T. */
function setFlags(el: XmlElement, pattern: RegExp): string[] {
  return el.children.filter((c) => pattern.test(c.name) && c.text === 'T').map((c) => c.name);
}
