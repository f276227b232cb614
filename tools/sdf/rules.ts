/**
 * Typed access to tools/sdf/rules.json, the validator's own copy of the SDF object rules
 * (see the "_comment" at the top of that file and tools/sdf/README.md).
 */
import rulesJson from './rules.json';

/**
 * Kind of a leaf element: 'string' | 'number' | 'boolean' | 'scriptid' | 'file' | 'select[:enum]' |
 * 'multiselect[:enum]' | 'enum:<name>'.
 */
export type FieldKind = string;

export interface IdRule {
  /** Required prefix of the scriptid ('' = none). */
  prefix: string;
  /** Maximum length, prefix included. */
  maxLength: number;
  /** 'project': unique across the whole project; 'parent': unique among the siblings only. */
  unique: 'project' | 'parent';
}

export interface ElementRule {
  id?: IdRule;
  /** Required child elements (the scriptid attribute is covered by `id`). */
  required?: string[];
  /** Required when another field has one of the values: { selectrecordtype: { fieldtype: ['SELECT'] } }. */
  requiredWhen?: Record<string, Record<string, string[]>>;
  fields?: Record<string, FieldKind>;
  maxLength?: Record<string, number>;
  children?: Record<string, ElementRule>;
  /** Repeats inside its wrapper element. */
  list?: boolean;
  /** Only the id is checked (e.g. savedsearch, whose definition is an opaque NetSuite blob). */
  opaque?: boolean;
  /** Reference to definitions.<name>. */
  $ref?: string;
}

export interface EnumRule {
  /** error: NetSuite rejects other values; warning: the list is not enforced and may be incomplete. */
  severity: 'error' | 'warning';
  values: string[];
}

export interface ScriptTypeRule {
  nScriptType: string;
  entryPoints: { all: string[]; anyOf: string[]; optional?: string[] };
}

export interface Rules {
  scriptTypes: Record<string, ScriptTypeRule>;
  enums: Record<string, EnumRule>;
  objects: Record<string, ElementRule>;
  definitions: Record<string, ElementRule>;
}

export const RULES: Rules = rulesJson as unknown as Rules;

/** The element rule, with a `$ref` replaced by its definition. */
export function resolveRule(rule: ElementRule, rules: Rules = RULES): ElementRule {
  if (!rule.$ref) return rule;
  const target = rules.definitions[rule.$ref];
  if (!target) throw new Error(`rules.json: unknown $ref "${rule.$ref}"`);
  return resolveRule(target, rules);
}

/** Rule of an object type (root element), undefined for unknown types. */
export function objectRule(type: string, rules: Rules = RULES): ElementRule | undefined {
  const rule = rules.objects[type];
  return rule ? resolveRule(rule, rules) : undefined;
}

/** Rule of a child element, resolved; undefined when the parent rule does not know it. */
export function childRule(parent: ElementRule, name: string, rules: Rules = RULES): ElementRule | undefined {
  const rule = parent.children?.[name];
  return rule ? resolveRule(rule, rules) : undefined;
}

/** Splits a field kind 'enum:script_status' into its base and enum name. */
export function parseKind(kind: FieldKind): { base: string; enumName?: string } {
  const [base, enumName] = kind.split(':');
  return { base, enumName };
}
