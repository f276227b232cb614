/**
 * Who is using the local web page: one of the account's employees with one of their roles (employee
 * `roles` sublist, `selectedrole`), kept in a cookie. The default login is the first employee with the
 * Administrator role (else the first employee with any role, else the system user).
 */
import type { CurrentUser } from '../types';
import type { Emulator } from '../emulator';
import { STANDARD_ROLES } from '../runtime/users';

export const SESSION_COOKIE = 'ara_emu_user';

const STANDARD_ROLE_NAMES: Record<string, string> = {
  '3': 'Administrator',
  '18': 'Full Access',
  '1': 'Accountant',
  '10': 'A/R Clerk',
  '1018': 'Controller',
};

export interface Login {
  employeeId: string;
  role: string;
  employeeName: string;
  roleName: string;
}

export interface Session {
  /** The login in effect (null: the account has no employee with a role; pages run as the system user). */
  login: Login | null;
  user: CurrentUser;
  logins: Login[];
  /** For emulator calls: {as, role}. */
  as: { as?: string; role?: string };
}

function roleObjects(emu: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  const objects = (emu.state.deployment?.objects as { objects?: unknown[] } | undefined)?.objects;
  if (Array.isArray(objects)) {
    for (const o of objects as { type?: string; scriptid?: string; name?: string }[]) {
      if (o.type === 'role' && o.scriptid) out.set(o.scriptid.toLowerCase(), o.name || o.scriptid);
    }
  }
  return out;
}

/** A role's display name: standard role names, custom roles by their SDF name (else a readable script id). */
export function roleName(emu: Emulator, role: string, custom = roleObjects(emu)): string {
  if (STANDARD_ROLE_NAMES[role]) return STANDARD_ROLE_NAMES[role];
  if (STANDARD_ROLES[role]) return STANDARD_ROLES[role];
  const named = custom.get(role.toLowerCase());
  if (named) return named;
  const words = role
    .replace(/^customrole_?/i, '')
    .replace(/^ara_/i, '')
    .split('_')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.length ? `AR ${words.join(' ')}` : role;
}

function employeeName(fields: Record<string, unknown>, id: string): string {
  const name = [fields.firstname, fields.lastname].filter((x) => typeof x === 'string' && x !== '').join(' ');
  return name || (typeof fields.entityid === 'string' && fields.entityid ? fields.entityid : `Employee ${id}`);
}

/** Every employee/role pair that can log in, in employee id order. */
export function logins(emu: Emulator): Login[] {
  const out: Login[] = [];
  if (!emu.records.typeInfo('employee')) return out;
  const custom = roleObjects(emu);
  for (const id of emu.records.ids('employee')) {
    const v = emu.records.view('employee', id);
    if (v.fields.isinactive === true) continue;
    const name = employeeName(v.fields, id);
    const seen = new Set<string>();
    for (const line of v.sublists.roles ?? []) {
      const role = line.selectedrole === null || line.selectedrole === undefined ? '' : String(line.selectedrole);
      if (!role || seen.has(role)) continue;
      seen.add(role);
      out.push({ employeeId: id, role, employeeName: name, roleName: roleName(emu, role, custom) });
    }
  }
  return out;
}

export function loginValue(l: Pick<Login, 'employeeId' | 'role'>): string {
  return `${l.employeeId}|${l.role}`;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export function sessionCookie(value: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`;
}

function defaultLogin(all: Login[]): Login | null {
  return all.find((l) => l.role === '3') ?? all[0] ?? null;
}

/** The session for a request's cookie value (an unknown or stale value falls back to the default login). */
export function resolveSession(emu: Emulator, cookieValue: string | undefined): Session {
  const all = logins(emu);
  let login: Login | null = null;
  if (cookieValue) login = all.find((l) => loginValue(l) === cookieValue) ?? null;
  if (!login) login = defaultLogin(all);
  if (!login) return { login: null, user: emu.user({}), logins: all, as: {} };
  const as = { as: login.employeeId, role: login.role };
  return { login, user: emu.user(as), logins: all, as };
}

/** Whether a posted login value is one of the account's logins. */
export function findLogin(emu: Emulator, value: string): Login | null {
  return logins(emu).find((l) => loginValue(l) === value) ?? null;
}
