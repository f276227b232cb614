/**
 * N/url, and the URL builders that N/redirect and ServerResponse.sendRedirect share (one builder, so a
 * redirect and a resolved link to the same thing are always the same string).
 *
 * Emulator differences (see FIDELITY.md): script and deployment are identified by their script ids
 * (NetSuite resolves them to numeric internal ids); no `compid` parameter is appended to internal URLs;
 * custom record URLs carry the record type's script id in `rectype` (NetSuite: numeric id).
 */
import type { ExecContext, ModuleEnv } from '../types';
import { createError, requireArg } from '../runtime/errors';

/** url.HostType, values as NetSuite's N/url has them. */
export const HostType = Object.freeze({
  APPLICATION: 'APPLICATION',
  CUSTOMER_CENTER: 'CUSTOMERCENTER',
  RESTLET: 'RESTLETS',
  SUITETALK: 'SUITETALK',
  FORM: 'FORMS',
} as const);

/** Record type → NetSuite UI path (view/edit page of one record). */
export const RECORD_PATHS: Readonly<Record<string, string>> = Object.freeze({
  customer: '/app/common/entity/custjob.nl',
  employee: '/app/common/entity/employee.nl',
  contact: '/app/common/entity/contact.nl',
  vendor: '/app/common/entity/vendor.nl',
  partner: '/app/common/entity/partner.nl',
  invoice: '/app/accounting/transactions/custinvc.nl',
  salesorder: '/app/accounting/transactions/salesord.nl',
  customerdeposit: '/app/accounting/transactions/custdep.nl',
  depositapplication: '/app/accounting/transactions/depappl.nl',
  customerpayment: '/app/accounting/transactions/custpymt.nl',
  creditmemo: '/app/accounting/transactions/custcred.nl',
  customerrefund: '/app/accounting/transactions/custrfnd.nl',
  cashsale: '/app/accounting/transactions/cashsale.nl',
  estimate: '/app/accounting/transactions/estimate.nl',
  returnauthorization: '/app/accounting/transactions/rtnauth.nl',
  journalentry: '/app/accounting/transactions/journal.nl',
  task: '/app/crm/calendar/task.nl',
  phonecall: '/app/crm/calendar/call.nl',
  calendarevent: '/app/crm/calendar/event.nl',
  message: '/app/crm/common/crmmessage.nl',
  subsidiary: '/app/common/otherlists/subsidiarytype.nl',
  currency: '/app/common/multicurrency/currency.nl',
});

/** Task ids the emulator knows (NetSuite has thousands; unknown ids get a generic emulator path). */
export const TASK_LINKS: Readonly<Record<string, string>> = Object.freeze({
  'CARD_-29': '/app/center/card.nl?sc=-29',
  LIST_CUSTJOB: '/app/common/entity/custjoblist.nl',
  LIST_EMPLOYEE: '/app/common/entity/employeelist.nl',
  LIST_TRAN_CUSTINVC: '/app/accounting/transactions/transactionlist.nl?Transaction_TYPE=CustInvc',
  LIST_TRAN_CUSTPYMT: '/app/accounting/transactions/transactionlist.nl?Transaction_TYPE=CustPymt',
  LIST_TRAN_CUSTDEP: '/app/accounting/transactions/transactionlist.nl?Transaction_TYPE=CustDep',
  LIST_TRAN_SALESORD: '/app/accounting/transactions/transactionlist.nl?Transaction_TYPE=SalesOrd',
  EDIT_TRAN_CUSTINVC: '/app/accounting/transactions/custinvc.nl',
  EDIT_TRAN_CUSTPYMT: '/app/accounting/transactions/custpymt.nl',
  LIST_SCRIPT: '/app/common/scripting/scriptlist.nl',
  LIST_MEDIAITEMFOLDER: '/app/common/media/mediaitemfolders.nl',
  LIST_SEARCH: '/app/common/search/savedsearchlist.nl',
});

export const SUITELET_PATH = '/app/site/hosting/scriptlet.nl';
export const RESTLET_PATH = '/app/site/hosting/restlet.nl';

type Params = Record<string, unknown> | null | undefined;

/** Serialize query parameters: `a=1&b=x%20y`. undefined/null values are skipped; others go through String(). */
export function buildQuery(params: Params): string {
  if (!params || typeof params !== 'object') return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.join('&');
}

/** Append query parameters to a path or URL that may already have a query string. */
export function appendQuery(base: string, params: Params): string {
  const q = buildQuery(params);
  if (!q) return base;
  return base + (base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?') + q;
}

/** Host name of an account for a host type (NetSuite's account-specific domains). */
export function domainFor(hostType: string, accountId: string): string {
  const acct = accountId.toLowerCase().replace(/_/g, '-');
  switch (hostType) {
    case HostType.APPLICATION:
    case HostType.CUSTOMER_CENTER:
      return `${acct}.app.netsuite.com`;
    case HostType.FORM:
      return `${acct}.extforms.netsuite.com`;
    case HostType.RESTLET:
      return `${acct}.restlets.api.netsuite.com`;
    case HostType.SUITETALK:
      return `${acct}.suitetalk.api.netsuite.com`;
    default:
      throw createError('SSS_INVALID_TYPE_ARG', `url.resolveDomain: invalid hostType: ${hostType}`);
  }
}

export interface ScriptUrlOptions {
  params?: Params;
  /** External URL (Suitelet "Available Without Login", or a RESTlet's full URL). */
  external?: boolean;
  /** RESTlet rather than Suitelet path. */
  restlet?: boolean;
  accountId?: string;
}

/** `/app/site/hosting/scriptlet.nl?script=<scriptId>&deploy=<deploymentId>&<params>` (or restlet.nl). */
export function scriptUrl(scriptId: string | number, deploymentId: string | number, options: ScriptUrlOptions = {}): string {
  const path = options.restlet ? RESTLET_PATH : SUITELET_PATH;
  const base = `${path}?script=${encodeURIComponent(String(scriptId))}&deploy=${encodeURIComponent(String(deploymentId))}`;
  if (!options.external) return appendQuery(base, options.params);
  const acct = options.accountId ?? 'EMULATOR';
  const host = domainFor(options.restlet ? HostType.RESTLET : HostType.FORM, acct);
  return appendQuery(`https://${host}${base}&compid=${encodeURIComponent(acct)}`, options.params);
}

/** Whether a record type id is a custom record type. */
export function isCustomRecordType(type: string): boolean {
  return /^customrecord/.test(type);
}

/**
 * A record's UI URL: `<path>?id=<id>[&e=T][&<params>]`; custom records
 * `/app/common/custom/custrecordentry.nl?rectype=<scriptid>&id=<id>`. Without an id: the new-record page.
 * Unknown record types throw INVALID_RCRD_TYPE.
 */
export function recordUrl(recordType: string, recordId?: string | number | null, isEditMode?: boolean, params?: Params): string {
  const type = String(recordType).toLowerCase();
  let base: string;
  if (isCustomRecordType(type)) {
    base = `/app/common/custom/custrecordentry.nl?rectype=${encodeURIComponent(type)}`;
    if (recordId !== undefined && recordId !== null && recordId !== '') base += `&id=${encodeURIComponent(String(recordId))}`;
  } else {
    const path = RECORD_PATHS[type];
    if (!path) throw createError('INVALID_RCRD_TYPE', `The record type [${recordType}] is invalid (the emulator has no URL for it).`);
    base = path;
    if (recordId !== undefined && recordId !== null && recordId !== '') base += `?id=${encodeURIComponent(String(recordId))}`;
  }
  if (isEditMode) base += base.includes('?') ? '&e=T' : '?e=T';
  return appendQuery(base, params);
}

/** A task link's URL (known ids from TASK_LINKS, others `/app/center/tasklink.nl?id=<id>` — emulator only). */
export function taskLinkUrl(id: string, params?: Params): string {
  const known = TASK_LINKS[id];
  return appendQuery(known ?? `/app/center/tasklink.nl?id=${encodeURIComponent(id)}`, params);
}

/** Whether the deployed objects say this script id is a RESTlet (objects are kept as JSON in the account). */
export function isRestletScript(ctx: ExecContext | null, scriptId: string | number): boolean {
  const objects = ctx?.account?.state?.deployment?.objects as unknown;
  const list: unknown[] = Array.isArray(objects)
    ? objects
    : objects && typeof objects === 'object' && Array.isArray((objects as { objects?: unknown }).objects)
      ? ((objects as { objects: unknown[] }).objects)
      : [];
  return list.some((o) => {
    if (!o || typeof o !== 'object') return false;
    const obj = o as { scriptid?: unknown; type?: unknown };
    return obj.scriptid === String(scriptId) && obj.type === 'restlet';
  });
}

function opts(options: unknown, method: string): Record<string, unknown> {
  if (options === null || typeof options !== 'object') {
    throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: options`);
  }
  return options as Record<string, unknown>;
}

function required(options: Record<string, unknown>, member: string, method: string): unknown {
  const v = requireArg(options, member, method);
  if (v === null || v === '') throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: ${member}`);
  return v;
}

function accountIdOf(ctx: ExecContext | null): string {
  return ctx?.account?.state?.company?.accountId ?? 'EMULATOR';
}

/** N/url module factory. All methods cost 0 units. */
export function createUrlModule(ctx: ExecContext, _env: ModuleEnv): Record<string, unknown> {
  void _env;
  return {
    HostType,
    resolveScript(options: unknown): string {
      const o = opts(options, 'url.resolveScript');
      const scriptId = required(o, 'scriptId', 'url.resolveScript') as string | number;
      const deploymentId = required(o, 'deploymentId', 'url.resolveScript') as string | number;
      return scriptUrl(scriptId, deploymentId, {
        params: o.params as Params,
        external: o.returnExternalUrl === true,
        restlet: isRestletScript(ctx, scriptId),
        accountId: accountIdOf(ctx),
      });
    },
    resolveRecord(options: unknown): string {
      const o = opts(options, 'url.resolveRecord');
      const recordType = required(o, 'recordType', 'url.resolveRecord') as string;
      return recordUrl(recordType, o.recordId as string | number | undefined, o.isEditMode === true, o.params as Params);
    },
    resolveTaskLink(options: unknown): string {
      const o = opts(options, 'url.resolveTaskLink');
      const id = required(o, 'id', 'url.resolveTaskLink') as string;
      return taskLinkUrl(String(id), o.params as Params);
    },
    resolveDomain(options: unknown): string {
      const o = opts(options, 'url.resolveDomain');
      const hostType = required(o, 'hostType', 'url.resolveDomain') as string;
      const acct = typeof o.accountId === 'string' && o.accountId ? o.accountId : accountIdOf(ctx);
      return domainFor(String(hostType), acct);
    },
    format(options: unknown): string {
      const o = opts(options, 'url.format');
      const domain = required(o, 'domain', 'url.format') as string;
      return appendQuery(String(domain), o.params as Params);
    },
  };
}
