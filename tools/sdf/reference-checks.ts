/**
 * References between objects: SDF writes them as '[scriptid=customlist_x]' (or
 * '[type=…, scriptid=…]', and 'object.child' for a nested id such as a list value or record field).
 */
import { segment } from './element-checks';
import { type Issues } from './issues';
import { type SdfObject, referencedScriptId } from './objects';
import { type XmlElement } from './xml';

/**
 * Elements whose reference must resolve inside the project (error): select sources and the record
 * type of a deployment. Other references (roles of an audience, run-as role, …) may point at objects
 * that already exist in the account, so an unknown one is a warning.
 */
export const STRICT_REFERENCE_ELEMENTS = new Set(['selectrecordtype', 'recordtype', 'sourcelist', 'sourcefrom']);

/** Script ids of the project's objects, each with the ids of its nested objects. */
export type ObjectIndex = Map<string, Set<string>>;

export function buildObjectIndex(objects: readonly SdfObject[]): ObjectIndex {
  const index: ObjectIndex = new Map();
  for (const o of objects) index.set(o.scriptid, nestedIds(o));
  return index;
}

function nestedIds(o: SdfObject): Set<string> {
  switch (o.type) {
    case 'customrecordtype':
      return new Set(o.fields.map((f) => f.scriptid));
    case 'customlist':
      return new Set(o.values.map((v) => v.scriptid));
    case 'entitycustomfield':
    case 'transactionbodycustomfield':
    case 'role':
    case 'savedsearch':
      return new Set();
    default:
      return new Set([...o.parameters.map((p) => p.scriptid), ...o.deployments.map((d) => d.scriptid)]);
  }
}

/** Checks every [scriptid=…] reference in one object file. */
export function checkReferences(file: string, root: XmlElement, index: ObjectIndex, issues: Issues): void {
  walk(root, segment(root), (el, path) => {
    for (const value of el.text.split('|')) {
      const ref = referencedScriptId(value);
      if (ref !== undefined) checkReference(ref, el.name, file, path, index, issues);
    }
  });
}

function checkReference(ref: string, elementName: string, file: string, path: string, index: ObjectIndex, issues: Issues): void {
  const [objectId, nestedId] = ref.split('.');
  const severity = STRICT_REFERENCE_ELEMENTS.has(elementName) ? 'error' : 'warning';
  const nested = index.get(objectId);
  if (!nested) {
    issues.add(severity, file, path, `<${elementName}> references ${objectId}, which is not an object of this project`);
  } else if (nestedId !== undefined && !nested.has(nestedId)) {
    issues.add(severity, file, path, `<${elementName}> references ${ref}, but ${objectId} has no ${nestedId}`);
  }
}

function walk(el: XmlElement, path: string, visit: (el: XmlElement, path: string) => void): void {
  if (el.children.length === 0) visit(el, path);
  for (const c of el.children) walk(c, `${path}/${segment(c)}`, visit);
}
