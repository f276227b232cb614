/**
 * Project files: manifest.xml (an account customization project) and deploy.xml (what
 * `suitecloud project:deploy` sends).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Issues } from './issues';
import { type SdfObject } from './objects';
import { type XmlElement, child, childrenNamed, listItems, parseXml } from './xml';

/** This project is an account customization project (ACP), not a SuiteApp. */
export const PROJECT_TYPE = 'ACCOUNTCUSTOMIZATION';

/** Features an account must have enabled for some object types (manifest <features>). */
const FEATURE_FOR_TYPE: Record<string, string> = {
  scheduledscript: 'SERVERSIDESCRIPTING',
  mapreducescript: 'SERVERSIDESCRIPTING',
  usereventscript: 'SERVERSIDESCRIPTING',
  suitelet: 'SERVERSIDESCRIPTING',
  portlet: 'SERVERSIDESCRIPTING',
  restlet: 'SERVERSIDESCRIPTING',
  clientscript: 'CUSTOMCODE',
  customrecordtype: 'CUSTOMRECORDS',
};

/** Reads and parses a project file; reports a missing or malformed file. */
export function readProjectXml(projectDir: string, file: string, issues: Issues): XmlElement | undefined {
  const path = join(projectDir, file);
  if (!existsSync(path)) {
    issues.error(file, undefined, `missing: an SDF project needs ${file}`);
    return undefined;
  }
  const parsed = parseXml(readFileSync(path, 'utf8'));
  if (!parsed.ok) {
    issues.error(file, undefined, `malformed XML${at(parsed.line, parsed.col)}: ${parsed.message}`);
    return undefined;
  }
  return parsed.root;
}

/** ' at line L, column C' when known. */
export function at(line?: number, col?: number): string {
  if (line === undefined) return '';
  return col === undefined ? ` at line ${line}` : ` at line ${line}, column ${col}`;
}

export function checkManifest(manifest: XmlElement | undefined, objects: readonly SdfObject[], issues: Issues): void {
  if (!manifest) return;
  const file = 'manifest.xml';
  if (manifest.name !== 'manifest') {
    issues.error(file, manifest.name, `root element must be <manifest>, found <${manifest.name}>`);
    return;
  }
  const type = manifest.attrs.projecttype;
  if (type !== PROJECT_TYPE) {
    issues.error(file, 'manifest', `projecttype must be ${PROJECT_TYPE}, found ${type === undefined ? 'none' : `"${type}"`}`);
  }
  const features = new Set(
    listItems(child(manifest, 'dependencies'), 'features', 'feature').map((f) => f.text),
  );
  const needed = new Set(objects.map((o) => FEATURE_FOR_TYPE[o.type]).filter((f): f is string => f !== undefined));
  for (const feature of [...needed].sort()) {
    if (!features.has(feature)) {
      issues.warn(file, 'manifest/dependencies/features', `the project has objects that need feature ${feature}; add <feature required="true">${feature}</feature>`);
    }
  }
}

export interface DeployPaths {
  files: string[];
  objects: string[];
}

export function checkDeploy(deploy: XmlElement | undefined, issues: Issues): DeployPaths | undefined {
  if (!deploy) return undefined;
  const file = 'deploy.xml';
  if (deploy.name !== 'deploy') {
    issues.error(file, deploy.name, `root element must be <deploy>, found <${deploy.name}>`);
    return undefined;
  }
  const paths = {
    files: childrenNamed(child(deploy, 'files'), 'path').map((p) => p.text),
    objects: childrenNamed(child(deploy, 'objects'), 'path').map((p) => p.text),
  };
  if (paths.objects.length === 0) issues.warn(file, 'deploy/objects', 'no <objects><path>: no object is deployed');
  return paths;
}

/**
 * Whether a deploy.xml path pattern covers a project path ('~/FileCabinet/SuiteScripts/x/*' covers
 * everything below that folder; '*' elsewhere matches within one path segment).
 */
export function deployPathCovers(pattern: string, projectPath: string): boolean {
  const target = `~/${projectPath}`;
  if (pattern === target || target.startsWith(`${pattern.replace(/\/$/, '')}/`)) return true;
  const source = pattern
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*')
    .replace(/\/\[\^\/\]\*$/, '/.*');
  return new RegExp(`^${source}$`).test(target);
}
