/** N/runtime: the running script, user and session. */
import type { ExecContext, ModuleFactory } from '../types';
import { requireArg } from '../runtime/errors';
import { dateValue, isIsoDate } from '../runtime/values';

export const ContextType = {
  ACTION: 'ACTION',
  BUNDLE_INSTALLATION: 'BUNDLE_INSTALLATION',
  CLIENT: 'CLIENT',
  CSV_IMPORT: 'CSVIMPORT',
  CUSTOM_MASSUPDATE: 'CUSTOMMASSUPDATE',
  MAP_REDUCE: 'MAPREDUCE',
  PORTLET: 'PORTLET',
  RESTLET: 'RESTLET',
  REST_WEBSERVICES: 'RESTWEBSERVICES',
  SCHEDULED: 'SCHEDULED',
  SUITELET: 'SUITELET',
  USER_EVENT: 'USEREVENT',
  USER_INTERFACE: 'USERINTERFACE',
  WEBSERVICES: 'WEBSERVICES',
  WORKFLOW: 'WORKFLOW',
} as const;

export const EnvType = { SANDBOX: 'SANDBOX', PRODUCTION: 'PRODUCTION', BETA: 'BETA', INTERNAL: 'INTERNAL' } as const;
export const Permission = { NONE: 0, VIEW: 1, CREATE: 2, EDIT: 3, FULL: 4 } as const;

/** A script parameter's value as getParameter returns it (typed by the parameter's field type). */
function parameterValue(ctx: ExecContext, name: string): unknown {
  const v = ctx.script.params[name];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && isIsoDate(v) && ctx.script.paramTypes?.[name] === 'DATE') return dateValue(v);
  return v;
}

export const createRuntimeModule: ModuleFactory = (ctx) => {
  const script = {
    get id() {
      return ctx.script.scriptId;
    },
    get deploymentId() {
      return ctx.script.deploymentId;
    },
    get logLevel() {
      return ctx.script.logLevel;
    },
    apiVersion: '2.1',
    bundleIds: [] as string[],
    percentComplete: 0,
    getParameter(options: { name: string }) {
      const name = requireArg(options, 'name', 'Script.getParameter') as string;
      return parameterValue(ctx, name);
    },
    getRemainingUsage() {
      return ctx.meter.remaining();
    },
    toJSON() {
      return { id: ctx.script.scriptId, deploymentId: ctx.script.deploymentId, logLevel: ctx.script.logLevel };
    },
  };
  const user = {
    get id() {
      return Number(ctx.user.id);
    },
    get name() {
      return ctx.user.name;
    },
    get email() {
      return ctx.user.email;
    },
    get role() {
      return ctx.user.role;
    },
    get roleId() {
      return ctx.user.roleId;
    },
    get roleCenter() {
      return 'ACCOUNTCENTER';
    },
    get subsidiary() {
      return Number(ctx.user.subsidiary);
    },
    department: 0,
    location: 0,
    contact: 0,
    getPreference(options: { name: string }) {
      const name = requireArg(options, 'name', 'User.getPreference') as string;
      const prefs = ctx.user.preferences;
      return prefs[name] ?? prefs[name.toUpperCase()] ?? null;
    },
    getPermission(options: { name: string }) {
      requireArg(options, 'name', 'User.getPermission');
      return ctx.user.roleId === 'administrator' ? Permission.FULL : Permission.VIEW;
    },
    toJSON() {
      return { id: user.id, name: user.name, email: user.email, role: user.role, roleId: user.roleId, subsidiary: user.subsidiary };
    },
  };
  const session: Record<string, string> = {};
  return {
    ContextType,
    EnvType,
    Permission,
    get executionContext() {
      return ctx.executionContext;
    },
    accountId: ctx.account.state.company.accountId,
    envType: EnvType.SANDBOX,
    version: '2026.2',
    processorCount: 1,
    queueCount: 1,
    getCurrentScript: () => script,
    getCurrentUser: () => user,
    getCurrentSession: () => ({
      get: (o: { name: string }) => session[o.name] ?? null,
      set: (o: { name: string; value: string }) => {
        session[o.name] = String(o.value);
      },
    }),
    isFeatureInEffect(options: { feature: string }) {
      const f = String(requireArg(options, 'feature', 'runtime.isFeatureInEffect')).toUpperCase();
      return ['MULTICURRENCY', 'SUBSIDIARIES', 'MULTISUBSIDIARYCUSTOMER', 'SERVERSIDESCRIPTING', 'CUSTOMRECORDS', 'ADVANCEDPRINTING', 'SALESORDERS', 'CUSTOMERDEPOSITS'].includes(f) || f === 'MULTICURRENCYCUSTOMER';
    },
  };
};
