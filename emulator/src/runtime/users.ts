/**
 * The current user of an execution: an employee of the account with one of the roles in its `roles`
 * sublist (`selectedrole`), chosen per command with --as and --role. Scheduled and map/reduce scripts
 * run as the system user (-4) with the Administrator role, as NetSuite reports them.
 */
import type { CurrentUser, RecordService, AccountState } from '../types';
import { createError } from './errors';

/** NetSuite's standard role internal ids that the product refers to, with their script ids. */
export const STANDARD_ROLES: Record<string, string> = {
  '3': 'administrator',
  '18': 'full_access',
  '1': 'accountant',
  '10': 'ar_clerk',
  '1018': 'controller',
};

export const ADMINISTRATOR_ROLE = 3;

export function systemUser(state: AccountState): CurrentUser {
  return {
    id: '-4',
    name: '-System-',
    email: '',
    role: ADMINISTRATOR_ROLE,
    roleId: 'administrator',
    subsidiary: '1',
    preferences: { DATEFORMAT: state.company.dateFormat },
  };
}

/** A stable internal id for a custom role script id (NetSuite assigns numbers; here 1001 + rank). */
export function customRoleNumber(state: AccountState, records: RecordService, scriptId: string): number {
  const ids = new Set<string>();
  if (records.typeInfo('employee')) {
    for (const id of records.ids('employee')) {
      for (const line of records.view('employee', id).sublists.roles ?? []) {
        const r = String(line.selectedrole ?? '');
        if (r.startsWith('customrole')) ids.add(r);
      }
    }
  }
  ids.add(scriptId);
  void state;
  return 1000 + [...ids].sort().indexOf(scriptId) + 1;
}

/** Role as given on the command line: a standard role number, a standard role script id or a custom role script id. */
function normaliseRole(role: string): string {
  const r = role.trim();
  const std = Object.entries(STANDARD_ROLES).find(([, sid]) => sid === r.toLowerCase());
  return std ? std[0] : r;
}

export function resolveUser(state: AccountState, records: RecordService, employeeId: string, role?: string | null): CurrentUser {
  if (employeeId === '-4') return systemUser(state);
  if (!records.exists('employee', employeeId)) {
    throw createError('RCRD_DSNT_EXIST', `No employee with internal id ${employeeId} in this account (--as needs an employee id)`);
  }
  const emp = records.view('employee', employeeId);
  const roles = (emp.sublists.roles ?? []).map((l) => String(l.selectedrole ?? '')).filter(Boolean);
  if (roles.length === 0) {
    throw createError('INSUFFICIENT_PERMISSION', `Employee ${employeeId} has no role (roles sublist is empty): cannot log in`);
  }
  const wanted = role ? normaliseRole(role) : roles[0];
  if (!roles.includes(wanted)) {
    throw createError('INSUFFICIENT_PERMISSION', `Employee ${employeeId} does not have role ${role} (has: ${roles.join(', ')})`);
  }
  const isStandard = /^\d+$/.test(wanted);
  const f = emp.fields;
  const name = [f.firstname, f.lastname].filter(Boolean).join(' ') || String(f.entityid ?? employeeId);
  return {
    id: employeeId,
    name,
    email: String(f.email ?? ''),
    role: isStandard ? Number(wanted) : customRoleNumber(state, records, wanted),
    roleId: isStandard ? (STANDARD_ROLES[wanted] ?? `role_${wanted}`) : wanted,
    subsidiary: String(f.subsidiary ?? '1'),
    preferences: { DATEFORMAT: state.company.dateFormat },
  };
}
