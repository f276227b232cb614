/**
 * What both portlets need from NetSuite besides their searches: the subsidiary shown and its base
 * currency (a parameter, else the user's subsidiary), the user's number and date formats, and the
 * wording of the messages shown instead of figures.
 */
import * as format from 'N/format';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import type { CalendarDate } from '../core/dates';
import { toJsDateLocalParts } from '../core/dates';
import { type Minor, toMajor } from '../core/money';
import type { DashboardSearchError } from './ar-searches';

export interface Subsidiary {
  id: string;
  name: string;
  /** The base currency's internal id (the currency code the KPI layer compares). */
  currencyId: string;
  currencyName: string;
}

/** Raised when the subsidiary to show cannot be resolved. */
export class PortletSettingsError extends Error {}

function firstSelect(v: unknown): { value: string; text: string } | null {
  if (Array.isArray(v) && v.length > 0) {
    const o = v[0] as { value?: unknown; text?: unknown };
    return { value: String(o.value ?? ''), text: String(o.text ?? o.value ?? '') };
  }
  return null;
}

/**
 * The subsidiary to show: the script parameter `paramName` when set, else the current user's
 * subsidiary; with its base currency (search.lookupFields: 1 unit).
 */
export function resolveSubsidiary(paramName: string): Subsidiary {
  const param = runtime.getCurrentScript().getParameter({ name: paramName });
  const fromParam = param === null || param === undefined ? '' : String(param).trim();
  const id = fromParam || String(runtime.getCurrentUser().subsidiary ?? '').trim();
  if (!id || id === '0') throw new PortletSettingsError('No subsidiary to show: set the portlet deployment’s Subsidiary parameter.');
  const found = search.lookupFields({ type: 'subsidiary', id, columns: ['name', 'currency'] }) as Record<string, unknown>;
  const currency = firstSelect(found.currency);
  if (!currency || !currency.value) throw new PortletSettingsError(`Subsidiary ${id} was not found or has no base currency: check the portlet deployment’s Subsidiary parameter.`);
  const name = typeof found.name === 'string' && found.name ? found.name : `Subsidiary ${id}`;
  return { id, name, currencyId: currency.value, currencyName: currency.text };
}

/** A string parameter, or the default when unset. */
export function textParam(name: string, dflt: string): string {
  const v = runtime.getCurrentScript().getParameter({ name });
  const s = v === null || v === undefined ? '' : String(v).trim();
  return s || dflt;
}

/** An amount in the user's number format (N/format). */
export function formatAmount(m: Minor): string {
  return String(format.format({ value: toMajor(m), type: format.Type.CURRENCY }));
}

/** A calendar date in the user's date format (N/format). */
export function formatUserDate(d: CalendarDate): string {
  return String(format.format({ value: toJsDateLocalParts(d), type: format.Type.DATE }));
}

/** The message shown in a portlet when one of its saved searches cannot be used. */
export function searchProblem(e: DashboardSearchError, paramLabel: string): { title: string; text: string } {
  const setup = 'an administrator can run AR Autopilot Setup (Customization > Scripting > Script Deployments > AR Autopilot Setup > Save and Execute)';
  if (e.kind === 'missing') {
    return {
      title: `Saved search ${e.searchId} not found`,
      text: `This portlet reads the saved search ${e.searchId}, which does not exist (deleted, or setup not run yet). To fix it, ${setup} to create it, or set the portlet deployment’s “${paramLabel}” parameter to an existing search.`,
    };
  }
  return {
    title: `Saved search ${e.searchId} cannot be run`,
    text: `NetSuite refused to run the saved search ${e.searchId} (${e.detail}). Check the criteria added to it in NetSuite, or ${setup} with “Reset saved searches” checked to recreate it.`,
  };
}
