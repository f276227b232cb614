/**
 * Suitelets at the path N/url produces (/app/site/hosting/scriptlet.nl?script=…&deploy=…): GET and POST
 * (url-encoded bodies become request parameters) go to Emulator.suitelet as the current user. Redirects
 * come back as redirects; HTML pages are shown inside the shell; other content (CSV, JSON, files) is
 * passed through.
 */
import { describeError } from '../runtime/errors';
import { NS_CSS } from '../ui/html';
import { html, page, type PageContext, type WebResponse } from './context';
import { banner, esc, titleBar } from './layout';
import { localPathFor } from './routes';

/** The `<body>` content and `<style>` blocks of a full HTML document (or the text itself when it is a fragment). */
export function htmlParts(doc: string): { styles: string; body: string; title: string | null } {
  // The renderer's own style sheet is already in the shell: keep only other style blocks.
  const styles = [...doc.matchAll(/<style[^>]*>[\s\S]*?<\/style>/gi)]
    .map((m) => m[0])
    .filter((block) => !block.includes(NS_CSS))
    .join('');
  const title = /<title>([\s\S]*?)<\/title>/i.exec(doc)?.[1] ?? null;
  const b = /<body[^>]*>([\s\S]*)<\/body>/i.exec(doc);
  if (b) return { styles, body: b[1] ?? '', title };
  return { styles: '', body: doc, title };
}

/** The serverWidget renderer's own NetSuite bar (the shell already has one). */
const RENDERED_NAVBAR = /<div class="ns-navbar"><span class="ns-brand">NetSuite<\/span><span>[^<]*<\/span><\/div>/g;

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  if (k === undefined) return undefined;
  const v = headers[k];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** GET/POST /app/site/hosting/scriptlet.nl */
export function suitelet(c: PageContext): WebResponse {
  const { emu, req } = c;
  const script = req.query.get('script') ?? '';
  const deploy = req.query.get('deploy') ?? '';
  if (!script || !deploy) {
    return html(page(c, { title: 'Suitelet' }, titleBar('Suitelet') + banner('error', 'SSS_MISSING_REQD_ARGUMENT', 'The URL needs script and deploy parameters.')), 400);
  }
  const params: Record<string, string> = {};
  for (const [k, v] of req.query) if (k !== 'script' && k !== 'deploy') params[k] = v;
  const method = req.method === 'POST' ? 'POST' : 'GET';
  const contentType = req.headers['content-type'] ?? '';
  const isForm = contentType.includes('application/x-www-form-urlencoded');
  if (method === 'POST' && contentType.includes('multipart/form-data')) {
    return html(
      page(c, { title: 'Suitelet' }, titleBar('Suitelet') + banner('error', 'Not supported', 'File uploads (multipart forms) are not supported by the local web page.')),
      415,
    );
  }
  let result;
  try {
    result = emu.suitelet(script, deploy, {
      ...c.session.as,
      method,
      params,
      body: method === 'POST' ? req.body : '',
      headers: { 'Content-Type': isForm ? 'application/x-www-form-urlencoded' : contentType || 'text/plain', 'User-Agent': req.headers['user-agent'] ?? '' },
    });
  } catch (e) {
    const d = describeError(e);
    const status = d.name === 'INSUFFICIENT_PERMISSION' ? 403 : d.name.startsWith('SSS_INVALID') ? 404 : 500;
    const body = titleBar('Suitelet') + `<div class="ns-banner ns-banner-error" role="alert" data-banner="error" data-error-name="${esc(d.name)}"><div class="ns-banner-title">${esc(d.name)}</div><div class="ns-banner-text">${esc(d.message)}</div></div>`;
    return { ...html(page(c, { title: 'Suitelet' }, body), status), changed: method === 'POST' };
  }
  const changed = method === 'POST';
  if (result.redirect) {
    return { status: 302, headers: { Location: localPathFor(result.redirect), 'Cache-Control': 'no-store' }, body: '', changed };
  }
  if (result.error) {
    const body =
      titleBar('Suitelet') +
      `<div class="ns-banner ns-banner-error" role="alert" data-banner="error" data-error-name="${esc(result.error.name)}"><div class="ns-banner-title">An unexpected error has occurred: ${esc(result.error.name)}</div><div class="ns-banner-text">${esc(result.error.message)}</div></div>` +
      `<div class="ns-emulator-note">${esc(script)} / ${esc(deploy)} used ${result.usage} usage units before the error; see the <a href="/scripts?script=${encodeURIComponent(script)}">execution log</a>.</div>`;
    return { ...html(page(c, { title: 'Suitelet error' }, body), 500), changed };
  }
  const headers = result.headers as Record<string, string | string[]>;
  const type = headerValue(headers, 'Content-Type') ?? 'text/html; charset=utf-8';
  if (!/^text\/html/i.test(type)) {
    const out: Record<string, string | string[]> = { 'Cache-Control': 'no-store' };
    for (const [k, v] of Object.entries(headers)) out[k] = v;
    return { status: result.status || 200, headers: out, body: result.body, changed };
  }
  const parts = htmlParts(result.body);
  const title = parts.title ? decodeEntities(parts.title) : 'Suitelet';
  const note = `<div class="ns-emulator-note" data-suitelet-usage="${result.usage}">${esc(script)} / ${esc(deploy)} \u00b7 ${result.usage} usage units</div>`;
  const body = `${parts.styles}<div class="ara-suitelet" data-suitelet="${esc(script)}">${parts.body.replace(RENDERED_NAVBAR, '')}</div>${note}`;
  const worklist = /worklist/i.test(script) || /worklist/i.test(deploy);
  return { ...html(page(c, { title, active: worklist ? 'worklist' : '' }, body), result.status && result.status !== 302 ? result.status : 200), changed };
}
