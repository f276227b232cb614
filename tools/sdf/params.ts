/**
 * Finds the script parameters (custscript…) a built script reads, by parsing its JavaScript with the
 * TypeScript compiler's parser (comments and look-alike text in other strings are ignored).
 *
 * A parameter id can appear in three ways:
 * - 'read': a plain string literal, e.g. runtime.getCurrentScript().getParameter({ name: 'custscript_x' });
 * - 'table': the value of a property in a constant table shared by several scripts, e.g.
 *   `const SCRIPT_PARAMS = { setupReset: 'custscript_ara_setup_reset' }` in core/fields.js. It counts as
 *   read by a script only when that script's code uses the property name (`SCRIPT_PARAMS.setupReset`);
 *   otherwise every script importing the table would "read" every parameter of every script.
 * - 'key': an object key, e.g. task.create({ params: { custscript_x: 1 } }) or { [P.mrRun]: id }: a value
 *   passed to another script, not a read of this script's own parameter.
 */
import ts from 'typescript';

/** Script parameter ids: prefix custscript, then lowercase [0-9a-z_]. */
export const PARAM_ID = /^custscript[0-9a-z_]+$/;

export interface ParamMention {
  id: string;
  kind: 'read' | 'table' | 'key';
  /** For 'table': the property name that holds the id. */
  key?: string;
  /** 1-based line in the file. */
  line: number;
}

export interface ModuleScan {
  mentions: ParamMention[];
  /** Property names the code accesses: `.name`, `['name']`, `{ name } = …` (computed keys excluded). */
  propertyNames: Set<string>;
}

/** Scans one JavaScript file. */
export function scanModule(code: string, filename: string): ModuleScan {
  const source = ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const scan: ModuleScan = { mentions: [], propertyNames: new Set() };
  const visit = (node: ts.Node): void => {
    collectMention(node, source, scan);
    collectPropertyName(node, scan);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return scan;
}

/** Ids a script reads, given the scans of all modules it loads (its entry file and local modules). */
export function readsOf(scans: readonly ModuleScan[]): Set<string> {
  const names = new Set<string>();
  for (const s of scans) for (const n of s.propertyNames) names.add(n);
  const reads = new Set<string>();
  for (const s of scans) {
    for (const m of s.mentions) {
      if (m.kind === 'read' || (m.kind === 'table' && m.key !== undefined && names.has(m.key))) reads.add(m.id);
    }
  }
  return reads;
}

function collectMention(node: ts.Node, source: ts.SourceFile, scan: ModuleScan): void {
  const text = literalText(node) ?? identifierKeyText(node);
  if (text === undefined || !PARAM_ID.test(text)) return;
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  scan.mentions.push({ id: text, line, ...classify(node) });
}

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** `{ custscript_x: 1 }`: an identifier used as a property key. */
function identifierKeyText(node: ts.Node): string | undefined {
  return ts.isIdentifier(node) && ts.isPropertyAssignment(node.parent) && node.parent.name === node ? node.text : undefined;
}

function classify(node: ts.Node): Pick<ParamMention, 'kind' | 'key'> {
  const parent = node.parent;
  if (ts.isComputedPropertyName(parent)) return { kind: 'key' };
  if (ts.isPropertyAssignment(parent) && parent.name === node) return { kind: 'key' };
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const key = propertyNameText(parent.name);
    // { name: 'custscript_x' } is the option object of getParameter(): a read, wherever it is built.
    if (key !== undefined && key !== 'name' && isConstantTable(parent.parent)) return { kind: 'table', key };
  }
  return { kind: 'read' };
}

/** An object literal assigned to a variable (possibly nested in one, or wrapped in Object.freeze). */
function isConstantTable(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === node;
  if (ts.isParenthesizedExpression(parent)) return isConstantTable(parent);
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return isConstantTable(parent.parent);
  if (ts.isCallExpression(parent) && parent.expression.getText() === 'Object.freeze') return isConstantTable(parent);
  return false;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function collectPropertyName(node: ts.Node, scan: ModuleScan): void {
  if (ts.isPropertyAccessExpression(node) && !inComputedKey(node)) scan.propertyNames.add(node.name.text);
  else if (ts.isElementAccessExpression(node) && !inComputedKey(node)) {
    const arg = literalText(node.argumentExpression);
    if (arg !== undefined) scan.propertyNames.add(arg);
  } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
    const name = node.propertyName ?? node.name;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) scan.propertyNames.add(name.text);
  }
}

/** Whether an access expression is (the head of) a computed property key: { [P.x]: v }. */
function inComputedKey(node: ts.Node): boolean {
  let current: ts.Node = node;
  while (ts.isPropertyAccessExpression(current.parent) || ts.isElementAccessExpression(current.parent)) {
    current = current.parent;
  }
  return ts.isComputedPropertyName(current.parent);
}
