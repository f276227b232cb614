/**
 * HTML helpers shared by the UI renderers: escaping, the NetSuite-like style sheet and the document shell.
 * Everything here is deterministic (no random ids, no clock) so that rendered pages are stable for tests
 * and screenshots.
 */

/** Escape text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** Same escaping as escapeHtml; named for readability where the value lands in an attribute. */
export const escapeAttr = escapeHtml;

/**
 * A value NetSuite writes into the page as HTML (sublist display cells, list cells, banners, INLINEHTML).
 * Kept as a named function so every raw write is easy to find: `grep -n rawHtml emulator/src/ui`.
 */
export function rawHtml(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** `name="value"` pairs for an element, skipping undefined/false; true renders a bare attribute. */
export function attrs(pairs: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(pairs)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`;
  }
  return out;
}

/**
 * Style sheet approximating NetSuite's classic UI: dark blue navigation bar, grey page title band, blue
 * primary buttons, sublist tables with a blue-grey header row and alternating line shading, and the four
 * N/ui/message banner colours.
 */
export const NS_CSS = `
.ns-page{font-family:Open Sans,Helvetica,Arial,sans-serif;font-size:13px;color:#262626;background:#fff;margin:0}
.ns-navbar{background:#24385b;color:#fff;padding:8px 16px;font-size:12px;display:flex;justify-content:space-between}
.ns-navbar .ns-brand{font-weight:bold;letter-spacing:.5px}
.ns-links{display:flex;justify-content:space-between;padding:4px 16px;font-size:12px;min-height:18px}
.ns-links a{color:#255599;text-decoration:none;margin-right:12px}
.ns-titlebar{padding:6px 16px 8px;border-bottom:1px solid #d8d8d8;background:#f4f4f4}
.ns-title{font-size:22px;font-weight:normal;margin:0;color:#4d5f79}
.ns-banner{margin:10px 16px;padding:8px 12px;border:1px solid;border-radius:3px}
.ns-banner-title{font-weight:bold;margin-bottom:2px}
.ns-banner-confirmation{background:#d7fccf;border-color:#6cc34b}
.ns-banner-information{background:#d5e9f9;border-color:#3a87c8}
.ns-banner-warning{background:#fcf9cf;border-color:#e8b612}
.ns-banner-error{background:#fccfcf;border-color:#d13b3b}
.ns-buttons{padding:8px 16px;display:flex;gap:6px;flex-wrap:wrap}
.ns-button{font-size:13px;padding:3px 12px;border:1px solid #b2b2b2;border-radius:3px;background:linear-gradient(#fafafa,#e5e5e5);color:#333;cursor:pointer}
.ns-button-primary{background:linear-gradient(#4a8be0,#125ab2);border-color:#125ab2;color:#fff;font-weight:bold}
.ns-body{padding:4px 16px 12px}
.ns-fieldgroup{border:0;border-top:1px solid #d8d8d8;margin:10px 0;padding:6px 0}
.ns-fieldgroup>legend{font-weight:bold;color:#4d5f79;padding-right:8px;font-size:13px;text-transform:uppercase}
.ns-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:6px 24px}
.ns-field{display:flex;flex-direction:column;gap:2px}
.ns-label{font-size:11px;color:#6f6f6f;text-transform:uppercase}
.ns-mandatory{color:#d13b3b;margin-left:2px}
.ns-help{color:#255599;cursor:help;margin-left:4px}
.ns-inline{min-height:16px}
.ns-field input[type=text],.ns-field input[type=email],.ns-field input[type=url],.ns-field input[type=tel],.ns-field input[type=password],.ns-field input[type=date],.ns-field input[type=time],.ns-field select,.ns-field textarea{border:1px solid #b2b2b2;border-radius:2px;padding:3px 4px;font-size:13px;max-width:320px}
.ns-tab{margin-top:14px;border-top:3px solid #607799}
.ns-tab>h2{margin:0;padding:5px 10px;background:#607799;color:#fff;font-size:13px;display:inline-block;border-radius:0 0 3px 3px}
.ns-subtab{margin:10px 0 0 8px;border-top:1px solid #a9b7cb}
.ns-subtab>h3{margin:0;padding:3px 8px;font-size:12px;color:#4d5f79;background:#e0e6ef;display:inline-block}
.ns-sublist{margin:12px 0}
.ns-sublist-title{font-weight:bold;color:#4d5f79;margin-bottom:4px}
.ns-table{border-collapse:collapse;width:100%;font-size:12px}
.ns-table th{background:#e0e6ef;color:#4d5f79;text-align:left;font-weight:normal;text-transform:uppercase;font-size:11px;padding:5px 6px;border-bottom:1px solid #c5cfdc}
.ns-table td{padding:4px 6px;border-bottom:1px solid #ececec;vertical-align:top}
.ns-table tr.ns-row-odd td{background:#f4f6f9}
.ns-table tr.ns-row-new td{background:#fffde5}
.ns-table tfoot td{font-weight:bold;border-top:2px solid #c5cfdc}
.ns-align-right{text-align:right}
.ns-align-center{text-align:center}
.ns-list-style-report td{border-bottom:0}
.ns-list-style-plain th{background:none}
.ns-portlet{border:1px solid #c5cfdc;border-radius:3px;margin:8px;background:#fff;font-family:Open Sans,Helvetica,Arial,sans-serif;font-size:13px}
.ns-portlet-title{background:#e0e6ef;color:#4d5f79;font-weight:bold;padding:6px 10px;text-transform:uppercase;font-size:12px}
.ns-portlet-body{padding:8px 10px}
.ns-portlet-links{list-style:none;margin:0;padding:0}
.ns-portlet-links li{padding:2px 0}
.ns-emulator-note{color:#8a8a8a;font-size:11px;padding:2px 16px}
`;

/** A full HTML document around a body fragment. */
export function htmlDocument(title: string, bodyFragment: string): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>${NS_CSS}</style>\n</head>\n<body class="ns-page">\n${bodyFragment}\n</body>\n</html>\n`
  );
}
