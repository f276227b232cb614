/**
 * Checks of script objects against their built entry files: the JSDoc header NetSuite reads, the
 * entry points the script type needs, the local modules loaded, and the script parameters read.
 */
import { existsSync } from 'node:fs';
import { type LocalModule, type ModuleGraph, loadModuleGraph, readHeader } from './amd';
import { type Issues } from './issues';
import { type ScriptObject, fileCabinetPath, isParameterId, toProjectPath } from './objects';
import { type ModuleScan, type ParamMention, readsOf, scanModule } from './params';
import { RULES, type ScriptTypeRule } from './rules';
import { type XmlElement, listItems } from './xml';

/** SuiteScript version the project is written for (tsconfig target, build header). */
export const API_VERSION = '2.1';

export interface ScriptCheckContext {
  projectDir: string;
  issues: Issues;
  /** Parsed modules and scans, shared by all scripts of the project. */
  moduleCache: Map<string, LocalModule>;
  scanCache: Map<string, ModuleScan>;
  /** Every parameter id mentioned in code, with where, for project-wide checks. */
  mentions: { id: string; where: string; kind: ParamMention['kind'] }[];
  /** Parameter ids already reported as read but undeclared by some script. */
  undeclaredReads: Set<string>;
}

export function newScriptCheckContext(projectDir: string, issues: Issues): ScriptCheckContext {
  return { projectDir, issues, moduleCache: new Map(), scanCache: new Map(), mentions: [], undeclaredReads: new Set() };
}

/** All checks of one script object; `root` is its parsed XML (for element paths). */
export function checkScript(script: ScriptObject, root: XmlElement, ctx: ScriptCheckContext): void {
  const rootPath = `${root.name}[${script.scriptid}]`;
  checkDeploymentParameterValues(script, root, rootPath, ctx);
  checkDeploymentSchedules(script, root, rootPath, ctx);
  if (script.type === 'portlet' && !script.portlettype) {
    ctx.issues.warn(script.file, rootPath, 'a portlet needs <portlettype> (FORM, HTML, LINKS or LIST)');
  }
  const typeRule = RULES.scriptTypes[script.type];
  const entryPath = script.scriptfile ? fileCabinetPath(ctx.projectDir, script.scriptfile) : '';
  // A missing, malformed or non-.js <scriptfile> is reported by the element checks.
  if (!typeRule || !entryPath || !entryPath.endsWith('.js') || !existsSync(entryPath)) return;
  const graph = loadModuleGraph(entryPath, ctx.projectDir, ctx.moduleCache);
  const where = `${rootPath}/scriptfile`;
  const entry = graph.modules[0];
  checkHeader(script, entry, typeRule, where, ctx);
  checkEntryPoints(script, entry, typeRule, where, ctx);
  checkLocalModules(script, graph, where, ctx);
  checkParameterReads(script, graph, rootPath, ctx);
}

/* ------------------------------------------------------------------------------------------------ */
/* Entry file                                                                                         */

/** NetSuite reads @NApiVersion and @NScriptType from the JSDoc block that opens the entry file. */
function checkHeader(script: ScriptObject, entry: LocalModule, rule: ScriptTypeRule, where: string, ctx: ScriptCheckContext): void {
  const fail = (message: string): void => ctx.issues.error(script.file, where, `${relPath(ctx, entry.path)}: ${message}`);
  const header = readHeader(entry.code);
  if (!header.ok) {
    fail(header.message);
    return;
  }
  const version = header.header.tags.NApiVersion?.[0];
  if (version === undefined) fail('the JSDoc header has no @NApiVersion');
  else if (version !== API_VERSION) fail(`@NApiVersion is ${version}; the project's scripts are @NApiVersion ${API_VERSION}`);
  const scriptType = header.header.tags.NScriptType?.[0];
  if (scriptType === undefined) fail(`the JSDoc header has no @NScriptType (expected ${rule.nScriptType})`);
  else if (scriptType !== rule.nScriptType) {
    fail(`@NScriptType is ${scriptType} but a <${script.type}> object needs @NScriptType ${rule.nScriptType}`);
  }
}

/** The script type decides which exported functions NetSuite calls. */
function checkEntryPoints(script: ScriptObject, entry: LocalModule, rule: ScriptTypeRule, where: string, ctx: ScriptCheckContext): void {
  const file = relPath(ctx, entry.path);
  const fail = (message: string): void => ctx.issues.error(script.file, where, `${file}: ${message}`);
  const { exports, error } = entry.info;
  if (error || !exports) {
    fail(`cannot read its entry points: ${error ?? 'no exports'}`);
    return;
  }
  const names = Object.keys(exports);
  const listed = names.length ? names.join(', ') : 'nothing';
  const { all, anyOf, optional = [] } = rule.entryPoints;
  for (const name of all) {
    if (!(name in exports)) fail(`does not export ${name}(), which a ${rule.nScriptType} needs (it exports ${listed})`);
  }
  if (anyOf.length > 0 && !anyOf.some((n) => n in exports)) {
    fail(`exports none of the ${rule.nScriptType} entry points ${anyOf.join(', ')} (it exports ${listed})`);
  }
  const known = new Set([...all, ...anyOf, ...optional]);
  for (const name of names) {
    if (known.has(name) && exports[name] !== 'function') fail(`exports ${name} as a ${exports[name]}, not a function`);
    else if (!known.has(name)) {
      ctx.issues.warn(script.file, where, `${file}: exports ${name}, which is not a ${rule.nScriptType} entry point`);
    }
  }
}

function checkLocalModules(script: ScriptObject, graph: ModuleGraph, where: string, ctx: ScriptCheckContext): void {
  for (const m of graph.missing) {
    ctx.issues.error(script.file, where, `${relPath(ctx, m.from)} loads "${m.dep}", but ${relPath(ctx, m.path)} does not exist`);
  }
  for (const u of graph.unsupported) {
    ctx.issues.warn(script.file, where, `${relPath(ctx, u.from)} loads "${u.dep}", which is neither an N/ module nor a relative or /SuiteScripts path`);
  }
  for (const m of graph.modules.slice(1)) {
    if (m.info.error) ctx.issues.error(script.file, where, `${relPath(ctx, m.path)}: ${m.info.error}`);
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Parameters                                                                                         */

/** Every parameter the code reads is declared on the script; every declared one is read. */
function checkParameterReads(script: ScriptObject, graph: ModuleGraph, rootPath: string, ctx: ScriptCheckContext): void {
  const scans = graph.modules.map((m) => scanOf(m, ctx));
  const reads = readsOf(scans);
  const declared = new Set(script.parameters.map((p) => p.scriptid));
  const locations = mentionLocations(graph.modules, scans, ctx);
  for (const id of [...reads].sort()) {
    if (!declared.has(id)) {
      ctx.undeclaredReads.add(id);
      ctx.issues.error(
        script.file,
        rootPath,
        `the script reads parameter ${id} (${locations.get(id) ?? 'in its code'}), which is not declared in its <scriptcustomfields>`,
      );
    }
  }
  for (const p of script.parameters) {
    if (p.scriptid && !reads.has(p.scriptid)) {
      ctx.issues.warn(script.file, `${rootPath}/scriptcustomfields/scriptcustomfield[${p.scriptid}]`, `parameter ${p.scriptid} is declared but the script's code never reads it`);
    }
  }
}

function scanOf(module: LocalModule, ctx: ScriptCheckContext): ModuleScan {
  let scan = ctx.scanCache.get(module.path);
  if (!scan) {
    scan = scanModule(module.code, module.path);
    ctx.scanCache.set(module.path, scan);
    for (const m of scan.mentions) ctx.mentions.push({ id: m.id, kind: m.kind, where: `${relPath(ctx, module.path)}:${m.line}` });
  }
  return scan;
}

/** First place each id appears, as 'FileCabinet/…/x.js:12'. */
function mentionLocations(modules: LocalModule[], scans: ModuleScan[], ctx: ScriptCheckContext): Map<string, string> {
  const out = new Map<string, string>();
  scans.forEach((scan, i) => {
    for (const m of scan.mentions) if (!out.has(m.id)) out.set(m.id, `${relPath(ctx, modules[i].path)}:${m.line}`);
  });
  return out;
}

/** <custscript_x> value elements in a deployment must name a parameter declared on the script. */
function checkDeploymentParameterValues(script: ScriptObject, root: XmlElement, rootPath: string, ctx: ScriptCheckContext): void {
  const declared = new Set(script.parameters.map((p) => p.scriptid));
  for (const dep of listItems(root, 'scriptdeployments', 'scriptdeployment')) {
    for (const el of dep.children.filter((c) => isParameterId(c.name))) {
      if (declared.has(el.name)) continue;
      ctx.issues.error(
        script.file,
        `${rootPath}/scriptdeployments/scriptdeployment[${dep.attrs.scriptid ?? ''}]/${el.name}`,
        `the deployment sets parameter ${el.name}, which is not declared in the script's <scriptcustomfields>`,
      );
    }
  }
}

/** A SCHEDULED deployment runs on its <recurrence>; without one it never runs. */
function checkDeploymentSchedules(script: ScriptObject, root: XmlElement, rootPath: string, ctx: ScriptCheckContext): void {
  for (const dep of listItems(root, 'scriptdeployments', 'scriptdeployment')) {
    const status = dep.children.find((c) => c.name === 'status')?.text;
    const hasRecurrence = dep.children.some((c) => c.name === 'recurrence' && c.children.length > 0);
    if (status === 'SCHEDULED' && !hasRecurrence) {
      ctx.issues.warn(
        script.file,
        `${rootPath}/scriptdeployments/scriptdeployment[${dep.attrs.scriptid ?? ''}]`,
        'status SCHEDULED without a <recurrence>: the deployment never runs',
      );
    }
  }
}

function relPath(ctx: ScriptCheckContext, absolutePath: string): string {
  return toProjectPath(ctx.projectDir, absolutePath);
}
