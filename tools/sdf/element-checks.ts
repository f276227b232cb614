/**
 * Rule-driven checks of one object file's XML (rules.json): required elements, script ids, enum
 * values, T/F booleans, text lengths, File Cabinet references, unknown elements.
 */
import { existsSync } from 'node:fs';
import { type Issues } from './issues';
import { fileCabinetPath, isParameterId, parseFileReference, referencedScriptId } from './objects';
import { type ElementRule, type IdRule, RULES, type Rules, childRule, parseKind } from './rules';
import { type XmlElement } from './xml';

/** SDF script ids: lowercase letters, digits and underscores only. */
export const SCRIPT_ID_CHARS = /^[0-9a-z_]+$/;

/** A script id seen while walking, for the project-wide uniqueness check. */
export interface SeenId {
  id: string;
  file: string;
  element: string;
}

export interface WalkContext {
  projectDir: string;
  file: string;
  issues: Issues;
  /** Ids whose rule says unique across the project; filled by the walk. */
  projectIds: SeenId[];
  rules?: Rules;
}

/** Path segment of an element: its name, with its scriptid when it has one. */
export function segment(el: XmlElement): string {
  return el.attrs.scriptid !== undefined ? `${el.name}[${el.attrs.scriptid}]` : el.name;
}

/** Checks an element and, recursively, its children against their rules. */
export function checkElement(el: XmlElement, rule: ElementRule, path: string, ctx: WalkContext): void {
  if (rule.id) checkId(el, rule.id, path, ctx);
  if (rule.opaque) return;
  checkRequired(el, rule, path, ctx);
  const siblingIds = new Map<string, Set<string>>();
  for (const c of el.children) {
    const childPath = `${path}/${segment(c)}`;
    const kind = rule.fields?.[c.name];
    const nested = childRule(rule, c.name, ctx.rules ?? RULES);
    if (kind !== undefined) checkLeaf(c, kind, rule, childPath, ctx);
    else if (nested) {
      if (nested.id?.unique === 'parent') checkSiblingId(c, siblingIds, childPath, ctx);
      checkElement(c, nested, childPath, ctx);
    } else if (!isAllowedExtra(el, c)) {
      ctx.issues.warn(ctx.file, childPath, `unknown element <${c.name}> in <${el.name}> (not in the SDF schema)`);
    }
  }
}

/**
 * Elements that the schema does not list but SDF accepts: per-deployment script parameter values
 * (<custscript_x> in a scriptdeployment) and custom record field values (<custrecord_x> in an instance).
 * They are checked against the declared parameters and fields elsewhere.
 */
function isAllowedExtra(parent: XmlElement, el: XmlElement): boolean {
  if (parent.name === 'scriptdeployment') return isParameterId(el.name);
  if (parent.name === 'instance') return el.name.startsWith('custrecord');
  return false;
}

/** scriptid attribute: present, lowercase [0-9a-z_], right prefix, not too long. */
export function checkId(el: XmlElement, rule: IdRule, path: string, ctx: WalkContext): void {
  const id = el.attrs.scriptid;
  const fail = (message: string): void => ctx.issues.error(ctx.file, path, message);
  if (id === undefined || id === '') {
    fail(`missing scriptid attribute on <${el.name}>`);
    return;
  }
  if (!SCRIPT_ID_CHARS.test(id)) {
    fail(`scriptid "${id}" may only contain lowercase letters, digits and underscores ([0-9a-z_])`);
  }
  if (rule.prefix && !id.startsWith(rule.prefix)) {
    fail(`scriptid "${id}" must start with "${rule.prefix}" for <${el.name}>`);
  } else if (rule.prefix && id.length === rule.prefix.length) {
    fail(`scriptid "${id}" needs a name after the prefix "${rule.prefix}"`);
  }
  if (id.length > rule.maxLength) {
    fail(`scriptid "${id}" is ${id.length} characters; NetSuite allows at most ${rule.maxLength} for <${el.name}> (prefix included)`);
  }
  if (rule.unique === 'project') ctx.projectIds.push({ id, file: ctx.file, element: path });
}

function checkSiblingId(el: XmlElement, seen: Map<string, Set<string>>, path: string, ctx: WalkContext): void {
  const id = el.attrs.scriptid;
  if (!id) return;
  const ids = seen.get(el.name) ?? new Set<string>();
  if (ids.has(id)) ctx.issues.error(ctx.file, path, `duplicate scriptid "${id}" among the <${el.name}> elements of this object`);
  ids.add(id);
  seen.set(el.name, ids);
}

function checkRequired(el: XmlElement, rule: ElementRule, path: string, ctx: WalkContext): void {
  for (const name of rule.required ?? []) {
    const found = el.children.find((c) => c.name === name);
    if (!found) ctx.issues.error(ctx.file, path, `missing required element <${name}>`);
    else if (found.children.length === 0 && found.text === '' && isValueKind(rule.fields?.[name])) {
      ctx.issues.error(ctx.file, `${path}/${name}`, `required element <${name}> is empty`);
    }
  }
  for (const [name, when] of Object.entries(rule.requiredWhen ?? {})) {
    for (const [other, values] of Object.entries(when)) {
      const otherValue = el.children.find((c) => c.name === other)?.text ?? '';
      const value = el.children.find((c) => c.name === name)?.text ?? '';
      if (values.includes(otherValue) && value === '') {
        ctx.issues.error(ctx.file, path, `missing <${name}>, required when <${other}> is ${otherValue}`);
      }
    }
  }
}

/** Leaf kinds that need a value when required (an empty boolean takes its default). */
function isValueKind(kind: string | undefined): boolean {
  return kind !== undefined && parseKind(kind).base !== 'boolean';
}

function checkLeaf(el: XmlElement, kind: string, parentRule: ElementRule, path: string, ctx: WalkContext): void {
  const text = el.text;
  const max = parentRule.maxLength?.[el.name];
  if (max !== undefined && text.length > max) {
    ctx.issues.error(ctx.file, path, `<${el.name}> is ${text.length} characters; NetSuite allows at most ${max}`);
  }
  if (el.children.length > 0) {
    ctx.issues.warn(ctx.file, path, `<${el.name}> should hold a value, not child elements`);
    return;
  }
  if (text === '') return;
  const { base, enumName } = parseKind(kind);
  if (base === 'boolean') checkBoolean(el, path, ctx);
  else if (base === 'number') checkNumber(el, path, ctx);
  else if (base === 'file') checkFile(el, path, ctx);
  else if (base === 'enum' && enumName) checkEnumValue(el.name, text, enumName, path, ctx);
  else if ((base === 'select' || base === 'multiselect') && enumName) {
    const values = base === 'multiselect' ? text.split('|').map((v) => v.trim()) : [text];
    for (const v of values) {
      if (referencedScriptId(v) === undefined) checkEnumValue(el.name, v, enumName, path, ctx);
    }
  }
}

/** SDF booleans are T or F (an empty element takes the default). */
function checkBoolean(el: XmlElement, path: string, ctx: WalkContext): void {
  if (el.text !== 'T' && el.text !== 'F') {
    ctx.issues.error(ctx.file, path, `<${el.name}> must be T or F, found "${el.text}"`);
  }
}

function checkNumber(el: XmlElement, path: string, ctx: WalkContext): void {
  if (!/^-?\d+(\.\d+)?$/.test(el.text)) ctx.issues.warn(ctx.file, path, `<${el.name}> should be a number, found "${el.text}"`);
}

/** File references are '[/SuiteScripts/…]' paths of files that the project holds under FileCabinet/. */
function checkFile(el: XmlElement, path: string, ctx: WalkContext): void {
  const ref = parseFileReference(el.text);
  if (!ref) {
    ctx.issues.error(ctx.file, path, `<${el.name}> must be a File Cabinet path in brackets, e.g. [/SuiteScripts/ar_autopilot/x.js], found "${el.text}"`);
    return;
  }
  // Script files are JavaScript (schema: fileExt .js); a .ts path means the build output was not referenced.
  if (el.name === 'scriptfile' && !ref.endsWith('.js')) {
    ctx.issues.error(ctx.file, path, `<scriptfile> ${ref} must be a .js file`);
  }
  if (!ref.startsWith('/SuiteScripts/')) {
    ctx.issues.error(ctx.file, path, `<${el.name}> ${ref} is outside /SuiteScripts/`);
  }
  if (!existsSync(fileCabinetPath(ctx.projectDir, ref))) {
    ctx.issues.error(ctx.file, path, `<${el.name}> ${ref} does not exist: expected the file FileCabinet${ref} in the project (run the build first)`);
  }
}

/** Enum value check; the enum's severity decides error or warning. */
export function checkEnumValue(name: string, value: string, enumName: string, path: string, ctx: WalkContext): void {
  const rule = (ctx.rules ?? RULES).enums[enumName];
  if (!rule || rule.values.includes(value)) return;
  const expected =
    rule.values.length <= 12
      ? `expected one of ${rule.values.join(', ')}`
      : `not one of the ${rule.values.length} values known for ${enumName}`;
  const note = rule.severity === 'warning' ? ' (the schema does not enforce this list)' : '';
  ctx.issues.add(rule.severity, ctx.file, path, `invalid value "${value}" for <${name}>; ${expected}${note}`);
}
