/**
 * What a page handler receives and returns. Handlers are synchronous functions of (emulator, request):
 * the server reads the request body first, then calls exactly one handler against the one Emulator.
 */
import type { Emulator } from '../emulator';
import { CUSTOM_RECORD_MENU, shell, type ShellOptions } from './layout';
import { loginValue, type Session } from './session';
import { suiteletHref, worklistScript } from './scriptinfo';

export interface WebRequest {
  method: string;
  /** Path without the query string, e.g. '/records/customer'. */
  path: string;
  query: URLSearchParams;
  /** Raw request body ('' for GET). */
  body: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The form fields of a url-encoded POST (last value wins; `formAll` keeps repeats). */
  form: Record<string, string>;
  formAll: URLSearchParams;
}

export interface WebResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
  /** Whether the account changed (the server saves it after the request). */
  changed?: boolean;
}

export interface PageContext {
  emu: Emulator;
  req: WebRequest;
  session: Session;
  /** Path + query of this request (the target of "back" links; for a POST, the page a GET of it shows). */
  self: string;
}

export function html(body: string, status = 200, extra: Record<string, string | string[]> = {}): WebResponse {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...extra }, body };
}

export function redirect(location: string, changed = false, extra: Record<string, string | string[]> = {}): WebResponse {
  return { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...extra }, body: '', changed };
}

/** The shell around a page body for this request's user. */
export function page(c: PageContext, o: { title: string; active?: string; banners?: string }, body: string): string {
  const login = c.session.login;
  const opts: ShellOptions = {
    title: o.title,
    companyName: c.emu.state.company.companyName,
    asOf: c.emu.state.asOf,
    dateFormat: c.emu.state.company.dateFormat,
    user: login
      ? { id: login.employeeId, role: login.role, name: login.employeeName, roleName: login.roleName }
      : { id: c.session.user.id, role: String(c.session.user.role), name: c.session.user.name, roleName: c.session.user.roleId },
    logins: c.session.logins.map((l) => ({ value: loginValue(l), label: `${l.employeeName} \u2014 ${l.roleName}` })),
    back: c.self,
  };
  opts.recordTypes = CUSTOM_RECORD_MENU.map((r) => r.type).filter((t) => c.emu.records.typeInfo(t));
  if (o.active) opts.active = o.active;
  if (o.banners) opts.banners = o.banners;
  const wl = worklistScript(c.emu);
  if (wl) opts.worklistHref = suiteletHref(wl.script.scriptid, wl.deployment.scriptid);
  if (!login && c.session.logins.length === 0) {
    opts.logins = [{ value: `${c.session.user.id}|${String(c.session.user.role)}`, label: `${c.session.user.name} (no employee with a role)` }];
  }
  return shell(opts, body);
}

/** A safe local "back" target: a path on this server, else '/'. */
export function safeBack(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}
