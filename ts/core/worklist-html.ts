/**
 * HTML escaping for the collector worklist (ts/core/html.ts did not exist when the worklist was written).
 * Sublist cells and banners are written as raw HTML by NetSuite: every value the worklist puts there goes
 * through escapeHtml. Pure module.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. null/undefined → ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** An `<a href>` with both the URL and the text escaped. Only relative and http(s) URLs are linked. */
export function link(href: string, text: unknown): string {
  if (!/^(\/|https?:\/\/)/i.test(href)) return escapeHtml(text);
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}
