/**
 * A small, order-preserving XML element tree for SDF files, on top of fast-xml-parser.
 *
 * SDF object files are plain XML: one root element, a `scriptid` attribute on objects and on nested
 * objects, leaf elements holding text. Comments and the XML declaration are dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Child elements, in document order. */
  children: XmlElement[];
  /** Text content, trimmed ('' when the element has none or only child elements). */
  text: string;
}

export type XmlParseResult =
  | { ok: true; root: XmlElement }
  | { ok: false; message: string; line?: number; col?: number };

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses one XML document; reports well-formedness errors with their line and column. */
export function parseXml(text: string): XmlParseResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { ok: false, message: valid.err.msg, line: valid.err.line, col: valid.err.col };
  }
  const roots = toElements(parser.parse(text) as OrderedNode[]);
  if (roots.length !== 1) {
    const names = roots.map((r) => `<${r.name}>`).join(', ');
    return { ok: false, message: `expected exactly one root element, found ${roots.length}${names ? ` (${names})` : ''}` };
  }
  return { ok: true, root: roots[0] };
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const body = node[name] as OrderedNode[];
    out.push({
      name,
      attrs: stringAttrs(node[':@']),
      children: toElements(body),
      text: textOf(body),
    });
  }
  return out;
}

function stringAttrs(raw: Record<string, unknown> | undefined): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) attrs[k] = String(v);
  return attrs;
}

function textOf(body: OrderedNode[]): string {
  return body
    .filter((n) => '#text' in n)
    .map((n) => String(n['#text']))
    .join('')
    .trim();
}

/** First child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Text of the first child element with this name, or undefined when the element is absent. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.text;
}

/** Items of a wrapped list, e.g. listItems(script, 'scriptdeployments', 'scriptdeployment'). */
export function listItems(el: XmlElement | undefined, wrapper: string, item: string): XmlElement[] {
  return childrenNamed(el, wrapper).flatMap((w) => childrenNamed(w, item));
}
