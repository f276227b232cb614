/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Credit hold banner on the customer (beforeLoad, view and edit): held or not, by whom (AR Autopilot or
 * manual), why and since when; or that the customer is exempt (Hold OFF). Reads only the record: 0 units.
 */
import * as message from 'N/ui/message';
import * as format from 'N/format';
import type { EntryPoints } from 'N/types';
import { customerBanner } from './adapters/credit-banner';
import { CUSTOM_FIELDS, CUSTOMER, type CreditHold } from './core/fields';

export function beforeLoad(ctx: EntryPoints.UserEvent.beforeLoadContext): void {
  const type = String(ctx.type);
  if ((type !== 'view' && type !== 'edit') || !ctx.form) return;
  const rec = ctx.newRecord;
  const sinceRaw = rec.getValue({ fieldId: CUSTOM_FIELDS.holdSince });
  // a Date (duck-typed: a Date from another realm fails instanceof)
  const isDate = sinceRaw !== null && typeof sinceRaw === 'object' && typeof (sinceRaw as Date).getTime === 'function';
  const since = isDate ? String(format.format({ value: sinceRaw as Date, type: format.Type.DATE })) : '';
  const auto = rec.getValue({ fieldId: CUSTOM_FIELDS.autoHold }); // a checkbox: true, or 'T' in some contexts
  const b = customerBanner({
    hold: String(rec.getValue({ fieldId: CUSTOMER.creditholdoverride }) || 'AUTO').toUpperCase() as CreditHold,
    autoHold: auto === true || auto === 'T',
    reason: String(rec.getValue({ fieldId: CUSTOM_FIELDS.holdReason }) ?? ''),
    since,
  });
  if (!b) return;
  const t = b.kind === 'warning' ? message.Type.WARNING : b.kind === 'error' ? message.Type.ERROR : message.Type.INFORMATION;
  ctx.form.addPageInitMessage({ type: t, title: b.title, message: b.message });
}
