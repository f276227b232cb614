/**
 * The local web page's shell: NetSuite-like header (dark blue bar with the account, the account date and
 * the current user/role), the menu tabs, banners and small formatting helpers. Every value written into
 * HTML goes through `esc` (customer names contain <, &, quotes). Output is deterministic: no clock, no
 * random ids, so pages are stable for tests and screenshots.
 */
import { escapeHtml, NS_CSS } from '../ui/html';
import { isoToUserDate } from '../ui/dates';

export const esc = escapeHtml;

/** Extra style on top of the serverWidget renderer's NS_CSS (the shell, the dashboard, record pages). */
export const WEB_CSS = `
body.ara{margin:0;background:#fff}
.ara-header{background:#24385b;color:#fff;display:flex;align-items:center;justify-content:space-between;padding:0 16px;min-height:44px;font-family:Open Sans,Helvetica,Arial,sans-serif;font-size:12px;gap:16px;flex-wrap:wrap}
.ara-brand{font-size:16px;font-weight:bold;letter-spacing:.3px;color:#fff;text-decoration:none;white-space:nowrap}
.ara-brand small{font-weight:normal;font-size:11px;color:#b9c6dc;margin-left:8px}
.ara-context{display:flex;align-items:center;gap:14px;flex-wrap:wrap}
.ara-context form{display:flex;align-items:center;gap:4px;margin:0}
.ara-context label{color:#b9c6dc}
.ara-context select,.ara-context input{font-size:12px;padding:2px 4px;border:1px solid #5a6f93;border-radius:2px;background:#fff;color:#262626}
.ara-context button{font-size:11px;padding:2px 8px;border:1px solid #5a6f93;border-radius:2px;background:#3a5078;color:#fff;cursor:pointer}
.ara-context .ara-date{font-weight:bold;color:#fff}
.ara-menu{background:#3a5078;display:flex;padding:0 10px;font-family:Open Sans,Helvetica,Arial,sans-serif;font-size:13px;position:relative}
.ara-menu>a,.ara-menu>.ara-drop>a{display:block;color:#fff;text-decoration:none;padding:7px 14px;border-bottom:3px solid transparent}
.ara-menu>a:hover,.ara-menu>.ara-drop:hover>a{background:#4a6290}
.ara-menu a.ara-active{border-bottom-color:#f5a623;background:#2f4468}
.ara-drop{position:relative}
.ara-drop-items{display:none;position:absolute;top:100%;left:0;background:#fff;border:1px solid #c5cfdc;box-shadow:0 2px 6px rgba(0,0,0,.2);min-width:200px;z-index:10}
.ara-drop:hover .ara-drop-items,.ara-drop:focus-within .ara-drop-items{display:block}
.ara-drop-items a{display:block;padding:6px 12px;color:#255599;text-decoration:none}
.ara-drop-items a:hover{background:#e0e6ef}
.ara-main{font-family:Open Sans,Helvetica,Arial,sans-serif;font-size:13px;color:#262626}
.ara-main a{color:#255599}
.ara-main a.ns-button{color:#333;text-decoration:none;display:inline-block}
.ara-main a.ns-button-primary{color:#fff}
.ns-table th.ns-align-right{text-align:right}
.ns-table th.ns-align-center{text-align:center}
.ara-dashboard{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 16px;padding:4px 8px;align-items:start}
.ara-dash-col{min-width:0}
.ara-web-note{margin:12px 16px;padding:12px 16px;background:#f4f6f9;border:1px solid #d8dee8;border-radius:3px;color:#4d5f79}
.ara-web-note code{background:#e0e6ef;padding:1px 4px;border-radius:2px}
.ara-pager{display:flex;gap:12px;align-items:center;padding:6px 0;color:#6f6f6f;font-size:12px}
.ara-pager a{text-decoration:none}
.ara-kv{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px 24px;margin:4px 0 8px}
.ara-kv .ns-field{min-width:0}
.ara-kv .ara-value{overflow-wrap:anywhere;min-height:16px}
.ara-derived .ns-label:after{content:" (computed)";text-transform:none;color:#9aa7ba}
.ara-status{display:inline-block;padding:1px 8px;border-radius:9px;background:#e0e6ef;color:#4d5f79;font-size:11px;font-weight:bold;vertical-align:middle;margin-left:8px}
.ara-actions{display:flex;gap:8px;align-items:flex-end;flex-wrap:wrap;padding:8px 16px;margin:0}
.ara-actions .ns-field input{width:260px}
.ara-inline-form{display:inline;margin:0}
.ara-muted{color:#8a8a8a}
.ara-small{font-size:11px}
.ara-pre{white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:11px;margin:0;max-width:900px;overflow-wrap:anywhere}
.ara-level-ERROR,.ara-level-EMERGENCY{color:#b00020;font-weight:bold}
.ara-level-AUDIT{color:#125ab2;font-weight:bold}
.ara-level-DEBUG{color:#6f6f6f}
.ara-ok{color:#2e7d32;font-weight:bold}
.ara-failed{color:#b00020;font-weight:bold}
.ara-lines td input{width:100%;box-sizing:border-box;font-size:12px;padding:2px 4px;border:1px solid #b2b2b2;border-radius:2px}
.ara-section{margin:14px 0 4px}
.ara-suitelet>.ns-page{font-size:13px}
.ara-suitelet .ns-fields>.ns-inlinehtml{grid-column:1/-1}
.ara-main .ns-field input[type=checkbox]{align-self:flex-start;margin:4px 0}
.ara-suitelet .ns-inlinehtml table th{text-align:left;font-weight:600;color:#4d5f79;padding:2px 16px 2px 0;white-space:nowrap;vertical-align:top}
.ara-suitelet .ns-inlinehtml table td{padding:2px 12px 2px 0;vertical-align:top}
.ara-menu .ara-menu-sep{border-top:1px solid #e0e6ef;margin:4px 0}
.ara-usage-bar{display:inline-block;height:8px;background:#7c9cc8;border-radius:2px;vertical-align:middle;margin-left:6px}
`;

export interface ShellUser {
  /** Employee id and role of the current login. */
  id: string;
  role: string;
  name: string;
  roleName: string;
}

export interface ShellLogin {
  value: string;
  label: string;
}

export interface ShellOptions {
  title: string;
  /** Which menu tab is active: dashboard, worklist, records, scripts. */
  active?: string;
  companyName: string;
  asOf: string;
  dateFormat: string;
  user: ShellUser;
  logins: ShellLogin[];
  /** The current page's path and query (the switcher and the clock come back to it). */
  back: string;
  /** Raw HTML of banners to show under the header. */
  banners?: string;
  /** The menu's Worklist link (a Suitelet URL when the worklist is deployed). */
  worklistHref?: string;
  /** Custom record types deployed in the account (the Records menu lists AR Autopilot's own). */
  recordTypes?: readonly string[];
}

/** Record types listed under Records, in menu order. */
export const RECORD_MENU: readonly { type: string; label: string; plural: string }[] = [
  { type: 'customer', label: 'Customer', plural: 'Customers' },
  { type: 'invoice', label: 'Invoice', plural: 'Invoices' },
  { type: 'salesorder', label: 'Sales Order', plural: 'Sales Orders' },
  { type: 'customerdeposit', label: 'Customer Deposit', plural: 'Deposits' },
  { type: 'customerpayment', label: 'Customer Payment', plural: 'Payments' },
  { type: 'depositapplication', label: 'Deposit Application', plural: 'Deposit Applications' },
  { type: 'creditmemo', label: 'Credit Memo', plural: 'Credit Memos' },
];

/** AR Autopilot's own custom records under Records (shown when the record type is deployed). */
export const CUSTOM_RECORD_MENU: readonly { type: string; label: string; plural: string }[] = [
  { type: 'customrecord_ara_run', label: 'AR Autopilot Run', plural: 'Auto-apply run log' },
  { type: 'customrecord_ara_credit_event', label: 'AR Autopilot Credit Event', plural: 'Credit events' },
  { type: 'customrecord_ara_activity', label: 'AR Autopilot Activity', plural: 'Collection activities' },
  { type: 'customrecord_ara_settings', label: 'AR Autopilot Settings', plural: 'AR Autopilot settings' },
];

function menu(o: ShellOptions): string {
  const tab = (key: string, href: string, label: string) => `<a href="${esc(href)}" data-nav="${esc(key)}"${o.active === key ? ' class="ara-active"' : ''}>${esc(label)}</a>`;
  const item = (r: { type: string; plural: string }) => `<a href="/records/${esc(r.type)}" data-nav="records-${esc(r.type)}">${esc(r.plural)}</a>`;
  const custom = CUSTOM_RECORD_MENU.filter((r) => o.recordTypes?.includes(r.type));
  const records = RECORD_MENU.map(item).join('') + (custom.length ? '<div class="ara-menu-sep"></div>' + custom.map(item).join('') : '');
  return (
    '<nav class="ara-menu">' +
    tab('dashboard', '/', 'Dashboard') +
    tab('worklist', o.worklistHref ?? '/worklist', 'Worklist') +
    `<div class="ara-drop"><a href="/records" data-nav="records"${o.active === 'records' ? ' class="ara-active"' : ''}>Records &#9656;</a><div class="ara-drop-items">${records}</div></div>` +
    tab('scripts', '/scripts', 'Scripts') +
    '</nav>'
  );
}

function header(o: ShellOptions): string {
  const current = `${o.user.id}|${o.user.role}`;
  const options = o.logins.map((l) => `<option value="${esc(l.value)}"${l.value === current ? ' selected' : ''}>${esc(l.label)}</option>`).join('');
  return (
    '<header class="ara-header">' +
    `<a class="ara-brand" href="/">AR Autopilot<small>${esc(o.companyName)} &middot; local account emulator</small></a>` +
    '<div class="ara-context">' +
    `<form method="POST" action="/clock" data-form="clock"><label for="ara-date">Account date</label> <span class="ara-date" data-account-date="${esc(o.asOf)}">${esc(isoToUserDate(o.asOf, o.dateFormat))}</span>` +
    `<input type="hidden" name="back" value="${esc(o.back)}">` +
    `<input type="date" id="ara-date" name="date" min="${esc(o.asOf)}" value="">` +
    '<button type="submit" name="go" value="date">Set</button>' +
    '<button type="submit" name="days" value="1">+1 day</button>' +
    '<button type="submit" name="days" value="7">+7 days</button></form>' +
    `<form method="POST" action="/session" data-form="session"><label for="ara-user">User</label> <input type="hidden" name="back" value="${esc(o.back)}">` +
    `<select id="ara-user" name="user" data-current-user="${esc(current)}">${options}</select><button type="submit">Switch</button></form>` +
    '</div></header>'
  );
}

/** Banners go under the page's title bar (as NetSuite shows them), else on top. */
function withBanners(body: string, banners: string): string {
  if (!banners) return body;
  const end = '</h1></div>';
  const at = body.startsWith('<div class="ns-titlebar">') ? body.indexOf(end) : -1;
  return at < 0 ? banners + body : body.slice(0, at + end.length) + banners + body.slice(at + end.length);
}

/** A whole page: the shell around a body fragment (raw HTML, already escaped by its builder). */
export function shell(o: ShellOptions, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${esc(o.title)} - AR Autopilot</title>\n` +
    `<style>${NS_CSS}${WEB_CSS}</style>\n</head>\n<body class="ara ns-page">\n` +
    header(o) +
    menu(o) +
    `<main class="ara-main" data-user="${esc(o.user.id)}" data-role="${esc(o.user.role)}">` +
    withBanners(body, o.banners ?? '') +
    '</main>\n</body>\n</html>\n'
  );
}

/** The grey title band of a page. */
export function titleBar(title: string, extra = ''): string {
  return `<div class="ns-titlebar"><h1 class="ns-title" data-page-title>${esc(title)}${extra}</h1></div>`;
}

export type BannerKind = 'confirmation' | 'information' | 'warning' | 'error';

/** A banner with escaped title and text. */
export function banner(kind: BannerKind, title: string, text = '', extra: Record<string, string> = {}): string {
  const data = Object.entries(extra)
    .map(([k, v]) => ` data-${esc(k)}="${esc(v)}"`)
    .join('');
  return (
    `<div class="ns-banner ns-banner-${kind}" role="status" data-banner="${kind}"${data}>` +
    (title ? `<div class="ns-banner-title">${esc(title)}</div>` : '') +
    (text ? `<div class="ns-banner-text">${esc(text)}</div>` : '') +
    '</div>'
  );
}

/** Amounts as NetSuite lists them: 1,234.56 (negative with a minus). */
export function money(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 'YYYY-MM-DD' in the company's date format; datetimes as 'YYYY-MM-DD HH:MM:SS'. */
export function dateText(v: unknown, format: string): string {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isoToUserDate(s, format);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(s);
  if (m) return `${isoToUserDate(m[1] as string, format)} ${m[2]}`;
  return s;
}

/** `?a=1&b=2` from pairs, skipping empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Link to a record's page in the local web page. */
export function recordHref(type: string, id: string | number): string {
  return `/records/${encodeURIComponent(type)}/${encodeURIComponent(String(id))}`;
}
