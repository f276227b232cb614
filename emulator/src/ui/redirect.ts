/**
 * N/redirect: each call sets `ctx.response.redirect` to the target URL (the Suitelet/user event runner
 * turns it into a 302). URLs come from the same builders as N/url and ServerResponse.sendRedirect.
 *
 * NetSuite supports N/redirect in Suitelets and in beforeLoad / synchronous afterSubmit user events
 * triggered from the UI; "backend contexts such as CSV Import and Scheduled Scripts are not supported".
 * The emulator ignores a redirect when the execution has no response channel (ctx.response undefined),
 * i.e. the runner decides by creating ctx.response only where a redirect can happen.
 */
import type { ExecContext, ModuleEnv } from '../types';
import { createError } from '../runtime/errors';
import { optionsOf, required } from './widgets';
import { appendQuery, isRestletScript, recordUrl, scriptUrl, taskLinkUrl } from './url';

/** Units of redirect.toSavedSearch / toSavedSearchResult (Oracle's N/redirect stub: 5); other calls 0. */
export const SAVED_SEARCH_REDIRECT_UNITS = 5;

type Params = Record<string, unknown> | null | undefined;

function searchInfo(search: unknown, method: string): { type: string; id: string | null } {
  if (!search || typeof search !== 'object') throw createError('WRONG_PARAMETER_TYPE', `${method}: search must be an N/search Search`);
  const s = search as { searchType?: unknown; searchId?: unknown; id?: unknown };
  const type = s.searchType === undefined || s.searchType === null ? '' : String(s.searchType);
  const rawId = s.searchId ?? s.id;
  const id = rawId === undefined || rawId === null || rawId === '' || rawId === -1 || rawId === '-1' ? null : String(rawId);
  return { type, id };
}

/** N/redirect module factory. */
export function createRedirectModule(ctx: ExecContext, _env: ModuleEnv): Record<string, unknown> {
  void _env;
  const go = (url: string) => {
    if (ctx.response) ctx.response.redirect = url;
  };
  return {
    redirect(options: unknown): void {
      const o = optionsOf(options, 'redirect.redirect');
      go(appendQuery(String(required(o, 'url', 'redirect.redirect')), o.parameters as Params));
    },
    toSuitelet(options: unknown): void {
      const m = 'redirect.toSuitelet';
      const o = optionsOf(options, m);
      const scriptId = required(o, 'scriptId', m) as string | number;
      const deploymentId = required(o, 'deploymentId', m) as string | number;
      go(
        scriptUrl(scriptId, deploymentId, {
          params: o.parameters as Params,
          external: o.isExternal === true,
          restlet: isRestletScript(ctx, scriptId),
          accountId: ctx.account?.state?.company?.accountId,
        }),
      );
    },
    toRecord(options: unknown): void {
      const m = 'redirect.toRecord';
      const o = optionsOf(options, m);
      const type = String(required(o, 'type', m));
      const id = required(o, 'id', m) as string | number;
      go(recordUrl(type, id, o.isEditMode === true, o.parameters as Params));
    },
    toRecordTransform(options: unknown): void {
      const m = 'redirect.toRecordTransform';
      const o = optionsOf(options, m);
      const fromType = String(required(o, 'fromType', m)).toLowerCase();
      const fromId = required(o, 'fromId', m) as string | number;
      const toType = String(required(o, 'toType', m));
      const base = recordUrl(toType, null, true);
      go(appendQuery(appendQuery(base, { transform: fromType, id: fromId }), o.parameters as Params));
    },
    toTaskLink(options: unknown): void {
      const m = 'redirect.toTaskLink';
      const o = optionsOf(options, m);
      go(taskLinkUrl(String(required(o, 'id', m)), o.parameters as Params));
    },
    toSearch(options: unknown): void {
      const m = 'redirect.toSearch';
      const o = optionsOf(options, m);
      const s = searchInfo(required(o, 'search', m), m);
      go(appendQuery('/app/common/search/search.nl', { searchtype: s.type, id: s.id ?? undefined }));
    },
    toSearchResult(options: unknown): void {
      const m = 'redirect.toSearchResult';
      const o = optionsOf(options, m);
      const s = searchInfo(required(o, 'search', m), m);
      go(appendQuery('/app/common/search/searchresults.nl', { searchtype: s.type, searchid: s.id ?? undefined }));
    },
    toSavedSearch(options: unknown): void {
      const m = 'redirect.toSavedSearch';
      const o = optionsOf(options, m);
      const id = required(o, 'id', m);
      ctx.meter.charge(SAVED_SEARCH_REDIRECT_UNITS, m);
      go(appendQuery('/app/common/search/search.nl', { id, e: 'T' }));
    },
    toSavedSearchResult(options: unknown): void {
      const m = 'redirect.toSavedSearchResult';
      const o = optionsOf(options, m);
      const id = required(o, 'id', m);
      ctx.meter.charge(SAVED_SEARCH_REDIRECT_UNITS, m);
      go(appendQuery('/app/common/search/searchresults.nl', { searchid: id }));
    },
  };
}
