/**
 * The local web page of the account emulator (`npm start`): a node:http server on 127.0.0.1 in front of
 * one Emulator. Each request is read fully, then handled synchronously against the emulator (one at a
 * time, so scripts never interleave); after a POST that changed the account, the account is saved (when
 * it has a folder).
 *
 * Pages: / (dashboard), /worklist, /records, /records/:type, /records/:type/:id,
 * /records/salesorder/new, /scripts, /scripts/runs/:runId, saved search results, the Suitelet path N/url produces, and NetSuite record/list URLs
 * (redirected to the local pages). POST /session switches the user, POST /clock moves the account date.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulator';
import { describeError } from '../runtime/errors';
import { SUITELET_PATH } from '../ui/url';
import { html, page, redirect, safeBack, type PageContext, type WebRequest, type WebResponse } from './context';
import { banner, esc, titleBar } from './layout';
import { findLogin, loginValue, parseCookies, resolveSession, sessionCookie, SESSION_COOKIE } from './session';
import { dashboard, worklist } from './dashboard';
import { createSalesOrder, newSalesOrderForm, notFound, recordList, recordsIndex } from './records';
import { approveSalesOrder, recordPage } from './record-view';
import { runNow, runPage, runQueue, scriptsPage } from './scripts';
import { searchResults, SEARCH_RESULTS_PATH } from './searchresults';
import { suitelet } from './suitelet';
import { localFor } from './routes';

export const DEFAULT_PORT = 4717;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface ServerOptions {
  emulator: Emulator;
  /** 0 picks a free port. Default 4717. */
  port?: number;
  /** Loopback only: '127.0.0.1' (default), 'localhost' or '::1'. */
  host?: string;
  /** Called with each request's method, path, status and time (e.g. for a console log). */
  onRequest?: (line: { method: string; path: string; status: number; ms: number }) => void;
  /** Called when a handler fails unexpectedly (the browser gets a 500 page). */
  onError?: (error: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** An error for a port that is taken, with a message that says what to do. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Port ${port} on ${host} is already in use (is another npm start running?). Stop it, or choose another port with --port N.`);
    this.name = 'PortInUseError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/* ------------------------------------------------------------------------------------------------ */
/* Session and clock                                                                                  */

function postSession(c: PageContext): WebResponse {
  const back = safeBack(c.req.form.back);
  const value = c.req.form.user ?? '';
  const login = findLogin(c.emu, value);
  if (!login) {
    const body = titleBar('Switch user') + banner('error', 'INVALID_LOGIN', `No employee with that role in this account: ${value}`) + `<div class="ns-body"><a href="${esc(back)}">Back</a></div>`;
    return html(page(c, { title: 'Switch user' }, body), 400);
  }
  return redirect(back, false, { 'Set-Cookie': sessionCookie(loginValue(login)) });
}

function postClock(c: PageContext): WebResponse {
  const back = safeBack(c.req.form.back);
  const asOf = c.emu.state.asOf;
  const days = c.req.form.days;
  let target: string;
  if (days !== undefined && days !== '') {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 0 || n > 3660) return clockError(c, back, `Move the date by a whole number of days, not "${days}"`);
    target = addDays(asOf, n);
  } else {
    target = (c.req.form.date ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(target)) return clockError(c, back, `Choose a date (YYYY-MM-DD), not "${target}"`);
  }
  if (target < asOf) return clockError(c, back, `The account date only moves forward: ${target} is before ${asOf}`);
  if (target === asOf) return redirect(back);
  try {
    c.emu.setClock(target);
  } catch (e) {
    const d = describeError(e);
    return clockError(c, back, `${d.name}: ${d.message}`);
  }
  return redirect(back, true);
}

function clockError(c: PageContext, back: string, message: string): WebResponse {
  const body = titleBar('Account date') + banner('error', 'INVALID_FLD_VALUE', message) + `<div class="ns-body"><a href="${esc(back)}">Back</a></div>`;
  return html(page(c, { title: 'Account date' }, body), 400);
}

/* ------------------------------------------------------------------------------------------------ */
/* Routing                                                                                            */

function route(c: PageContext): WebResponse {
  const { req } = c;
  const p = req.path;
  const get = req.method === 'GET' || req.method === 'HEAD';
  const post = req.method === 'POST';
  if (p === SUITELET_PATH && (get || post)) return suitelet(c);
  if (get) {
    if (p === '/' || p === '/dashboard') return dashboard(c);
    if (p === '/worklist') return worklist(c);
    if (p === '/records' || p === '/records/') return recordsIndex(c);
    if (p === '/scripts') return scriptsPage(c);
    if (p === '/favicon.ico') return { status: 204, headers: {}, body: '' };
    if (p === '/records/salesorder/new') return newSalesOrderForm(c);
    if (p === SEARCH_RESULTS_PATH) return searchResults(c);
    const run = /^\/scripts\/runs\/([^/]+)$/.exec(p);
    if (run) return runPage(c, decodeURIComponent(run[1] as string));
    let m = /^\/records\/([a-z0-9_]+)\/?$/.exec(p);
    if (m) return recordList(c, m[1] as string);
    m = /^\/records\/([a-z0-9_]+)\/(\d+)$/.exec(p);
    if (m) return recordPage(c, m[1] as string, m[2] as string);
    // The URL a failed Approve leaves in the address bar (the switcher and the clock come back to it).
    m = /^\/records\/salesorder\/(\d+)\/approve$/.exec(p);
    if (m) return redirect(`/records/salesorder/${m[1] as string}`);
    const local = localFor(p + (req.query.toString() ? `?${req.query.toString()}` : ''));
    if (local && local !== p) return redirect(local);
    return notFound(c, `No page at ${p}`);
  }
  if (post) {
    if (p === '/session') return postSession(c);
    if (p === '/clock') return postClock(c);
    if (p === '/scripts/run') return runNow(c);
    if (p === '/scripts/queue') return runQueue(c);
    if (p === '/records/salesorder/new') return createSalesOrder(c);
    const m = /^\/records\/salesorder\/(\d+)\/approve$/.exec(p);
    if (m) return approveSalesOrder(c, m[1] as string);
    return notFound(c, `Nothing to post to at ${p}`);
  }
  return { status: 405, headers: { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Method not allowed\n' };
}

/** Handle one request against the emulator (synchronous; no network). Exported for tests and tools. */
export function handleRequest(emu: Emulator, req: WebRequest): WebResponse {
  const cookies = parseCookies(req.headers.cookie);
  let c: PageContext;
  try {
    const session = resolveSession(emu, cookies[SESSION_COOKIE]);
    const q = req.query.toString();
    c = { emu, req, session, self: req.path + (q ? `?${q}` : '') };
  } catch (e) {
    const d = describeError(e);
    return { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: `<!DOCTYPE html><title>Error</title><h1>${esc(d.name)}</h1><p>${esc(d.message)}</p>` };
  }
  try {
    return route(c);
  } catch (e) {
    const d = describeError(e);
    const body = titleBar('An unexpected error has occurred') + `<div class="ns-banner ns-banner-error" role="alert" data-banner="error" data-error-name="${esc(d.name)}"><div class="ns-banner-title">${esc(d.name)}</div><div class="ns-banner-text">${esc(d.message)}</div></div>`;
    let out: string;
    try {
      out = page(c, { title: 'Error' }, body);
    } catch {
      out = `<!DOCTYPE html><title>Error</title>${body}`;
    }
    return { ...html(out, 500), changed: req.method === 'POST' };
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* node:http                                                                                          */

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function hostAllowed(hostHeader: string | undefined): boolean {
  if (!hostHeader) return true;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

function toWebRequest(req: IncomingMessage, body: string): WebRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const isForm = (headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
  const formAll = new URLSearchParams(isForm ? body : '');
  const form: Record<string, string> = {};
  for (const [k, v] of formAll) form[k] = v;
  return { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body, headers, form, formAll };
}

function send(res: ServerResponse, out: WebResponse, head: boolean): void {
  const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
  const headers: Record<string, string | string[]> = { 'X-Content-Type-Options': 'nosniff', ...out.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);
  res.writeHead(out.status, headers);
  res.end(head ? undefined : body);
}

/**
 * Fail early (PortInUseError) when a port is taken, before a caller does minutes of work and then cannot
 * serve. Port 0 is always free.
 */
export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, host) : e));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Start the local web page. Resolves once listening; rejects with PortInUseError when the port is taken. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const emu = options.emulator;
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) return Promise.reject(new Error(`The local web page listens on the loopback interface only (127.0.0.1), not ${host}`));
  const port = options.port ?? DEFAULT_PORT;
  const server = createServer((req, res) => {
    const t0 = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const finish = (out: WebResponse) => {
      try {
        send(res, out, method === 'HEAD');
      } catch (e) {
        options.onError?.(e);
        res.destroy();
      }
      options.onRequest?.({ method, path, status: out.status, ms: Date.now() - t0 });
    };
    if (!hostAllowed(req.headers.host)) {
      finish({ status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Forbidden: unexpected Host header\n' });
      return;
    }
    readBody(req).then(
      (body) => {
        const wreq = toWebRequest(req, body);
        const out = handleRequest(emu, wreq);
        if (out.status >= 500) options.onError?.(new Error(`${method} ${path} -> ${out.status}`));
        if (method === 'POST' && out.changed && emu.account.dir) {
          try {
            emu.save();
          } catch (e) {
            options.onError?.(e);
            const d = describeError(e);
            finish({ status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `The account could not be saved: ${d.message}\n` });
            return;
          }
        }
        finish(out);
      },
      (e: unknown) => {
        const status = (e as { status?: number }).status ?? 400;
        finish({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `${(e as Error).message}\n` });
      },
    );
  });
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, host) : e);
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address() as AddressInfo;
      const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      let closing: Promise<void> | null = null;
      resolve({
        url: `http://${shown}:${addr.port}/`,
        port: addr.port,
        server,
        close() {
          if (!closing) {
            closing = new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            });
          }
          return closing;
        },
      });
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
