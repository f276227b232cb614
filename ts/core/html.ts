/**
 * HTML escaping for everything the product writes into pages and portlets (customer names, memos and
 * notes are user input). Shared by several capabilities: keep it small and stable.
 * Pure module: no N/ imports, no Node APIs.
 */

const ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/**
 * A value as HTML text: & < > " ' escaped. null and undefined give ''; other values are converted with
 * String() first (numbers, booleans).
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A value for a double- or single-quoted HTML attribute: as escapeHtml, plus the characters that could
 * end or break an attribute value (backtick, newlines and tabs as character references).
 */
export function escapeAttr(value: unknown): string {
  return escapeHtml(value).replace(/[`\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for a title NetSuite renders (form and portlet titles): whether NetSuite escapes titles is not
 * documented, so remove what could form a tag (`<`, `>`) and control characters. Safe whether or not the
 * title is escaped later; escaping it here instead would show entities if NetSuite escapes it too.
 */
export function titleText(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(value ?? '').replace(/[<>\u0000-\u001f\u007f]/g, '');
}
