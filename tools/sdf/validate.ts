/**
 * The SDF project validator: `validateProject('src')` checks the project files, every object file
 * under Objects/ and the built scripts they point at. See tools/sdf/README.md for the list of checks.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { type SeenId, type WalkContext, checkElement, segment } from './element-checks';
import { type Issue, Issues, type ValidationResult } from './issues';
import {
  OBJECT_TYPES,
  type ScriptObject,
  type SdfObject,
  fileCabinetPath,
  isKnownObjectType,
  isScriptObject,
  listObjectFiles,
  readObjectXml,
  toProjectPath,
  toSdfObject,
} from './objects';
import { type DeployPaths, at, checkDeploy, checkManifest, deployPathCovers, readProjectXml } from './project-checks';
import { buildObjectIndex, checkReferences } from './reference-checks';
import { objectRule } from './rules';
import { type ScriptCheckContext, checkScript, newScriptCheckContext } from './script-checks';
import { type XmlElement } from './xml';

export type { Issue, ValidationResult };

/** An object file that parsed, with its typed object. */
interface ParsedObject {
  file: string;
  root: XmlElement;
  object: SdfObject;
}

/** Runs every check on the SDF project in `projectDir` (the folder holding manifest.xml). */
export function validateProject(projectDir: string): ValidationResult {
  const issues = new Issues();
  if (!existsSync(projectDir) || !statSync(projectDir).isDirectory()) {
    issues.error('.', undefined, `project folder ${projectDir} not found`);
    return { errors: issues.errors, warnings: issues.warnings, objectCount: 0 };
  }
  const files = listObjectFiles(projectDir);
  if (files.length === 0) issues.warn('Objects', undefined, 'no object files (*.xml) under Objects/');
  const projectIds: SeenId[] = [];
  const parsed = files.flatMap((file) => checkObjectFile(projectDir, file, issues, projectIds));
  const objects = parsed.map((p) => p.object);
  checkUniqueIds(projectIds, issues);
  const index = buildObjectIndex(objects);
  for (const p of parsed) checkReferences(p.file, p.root, index, issues);
  const scriptCtx = newScriptCheckContext(projectDir, issues);
  for (const p of parsed) if (isScriptObject(p.object)) checkScript(p.object, p.root, scriptCtx);
  checkParametersKnownSomewhere(objects, scriptCtx);
  checkManifest(readProjectXml(projectDir, 'manifest.xml', issues), objects, issues);
  const deployPaths = checkDeploy(readProjectXml(projectDir, 'deploy.xml', issues), issues);
  if (deployPaths) checkDeployCoverage(projectDir, parsed, deployPaths, scriptCtx, issues);
  return { errors: issues.errors, warnings: issues.warnings, objectCount: files.length };
}

/** Well-formed XML, known root element, rule checks, file name; returns the parsed object. */
function checkObjectFile(projectDir: string, file: string, issues: Issues, projectIds: SeenId[]): ParsedObject[] {
  const root = readObjectXml(projectDir, file);
  if ('message' in root) {
    issues.error(file, undefined, `${root.message.replace(/^malformed XML: /, `malformed XML${at(root.line, root.col)}: `)}`);
    return [];
  }
  const rule = objectRule(root.name);
  const object = toSdfObject(file, root);
  if (!rule || !object || !isKnownObjectType(root.name)) {
    issues.error(file, root.name, `unknown object type <${root.name}>; this project handles ${OBJECT_TYPES.join(', ')}`);
    return [];
  }
  const ctx: WalkContext = { projectDir, file, issues, projectIds };
  checkElement(root, rule, segment(root), ctx);
  checkFileName(file, root, issues);
  return [{ file, root, object }];
}

/** SDF convention: Objects/<scriptid>.xml (Oracle's own samples break it, so a warning). */
function checkFileName(file: string, root: XmlElement, issues: Issues): void {
  const id = root.attrs.scriptid;
  if (id && basename(file) !== `${id}.xml`) {
    issues.warn(file, segment(root), `file name should be ${id}.xml (the object's scriptid)`);
  }
}

/** Script ids of objects, deployments, parameters and record fields are unique in an account. */
function checkUniqueIds(ids: SeenId[], issues: Issues): void {
  const first = new Map<string, SeenId>();
  for (const seen of ids) {
    const earlier = first.get(seen.id);
    if (!earlier) first.set(seen.id, seen);
    else {
      const where = earlier.file === seen.file ? earlier.element : `${earlier.file} (${earlier.element})`;
      issues.error(seen.file, seen.element, `duplicate scriptid "${seen.id}": already used by ${where}`);
    }
  }
}

/** Parameter ids in code that no script of the project declares (e.g. a typo in a shared table). */
function checkParametersKnownSomewhere(objects: readonly SdfObject[], ctx: ScriptCheckContext): void {
  const declared = new Set(objects.filter(isScriptObject).flatMap((s) => s.parameters.map((p) => p.scriptid)));
  const seen = new Set<string>(ctx.undeclaredReads);
  for (const m of ctx.mentions) {
    if (declared.has(m.id) || seen.has(m.id)) continue;
    seen.add(m.id);
    const [file, line] = m.where.split(':');
    ctx.issues.warn(file, `line ${line}`, `${m.id} is not a parameter of any script in this project`);
  }
}

/** Objects and the files scripts load must be under a deploy.xml path, or they are not deployed. */
function checkDeployCoverage(projectDir: string, parsed: ParsedObject[], paths: DeployPaths, ctx: ScriptCheckContext, issues: Issues): void {
  const covered = (patterns: string[], path: string): boolean => patterns.some((p) => deployPathCovers(p, path));
  for (const p of parsed) {
    if (!covered(paths.objects, p.file)) issues.warn(p.file, undefined, 'not covered by any <objects><path> of deploy.xml: it is not deployed');
  }
  const scripts = parsed.map((p) => p.object).filter(isScriptObject);
  for (const path of scriptFilePaths(projectDir, scripts, ctx)) {
    if (!covered(paths.files, path)) issues.warn('deploy.xml', 'deploy/files', `${path} is not covered by any <files><path>: it is not deployed`);
  }
}

/** Entry files, libraries and loaded local modules of the scripts, as sorted project paths. */
function scriptFilePaths(projectDir: string, scripts: ScriptObject[], ctx: ScriptCheckContext): string[] {
  const cabinet = scripts.flatMap((s) => [s.scriptfile, ...s.libraries]).filter(Boolean).map((p) => fileCabinetPath(projectDir, p));
  const modules = [...ctx.moduleCache.values()].map((m) => m.path);
  const paths = [...cabinet, ...modules].filter((p) => existsSync(p)).map((p) => toProjectPath(projectDir, p));
  return [...new Set(paths)].sort();
}
