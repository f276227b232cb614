/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Credit refresh after a receivables transaction is saved (deployed on invoice, customer payment, customer
 * deposit, deposit application and credit memo): re-evaluates that customer and places our hold (Hold
 * AUTO → ON, flag, reason, since) or releases it (ON placed by us → AUTO, cleared). OFF customers, manual
 * holds and unrecognised Hold values are never touched. Every change is written to the audit record.
 * Failures (including a role that may not edit the customer or create the audit record) are logged as
 * ERROR with the customer and the error code, never thrown: the transaction is already saved, and the
 * nightly sweep evaluates the customer again.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import type { Record as NsRecord } from 'N/record';
import { TXN } from './core/fields';
import { errorText } from './adapters/credit';
import { refreshCustomer } from './adapters/credit-refresh';

const LOG_TITLE = 'ARA credit: refresh';

function customerOf(rec: NsRecord | null): string {
  if (!rec) return '';
  for (const fieldId of [TXN.customer, TXN.entity]) {
    try {
      const v = rec.getValue({ fieldId });
      if (v !== null && v !== undefined && v !== '') return String(v);
    } catch {
      // this record type has no such field
    }
  }
  return '';
}


export function afterSubmit(ctx: EntryPoints.UserEvent.afterSubmitContext): void {
  const ids = new Set<string>();
  try {
    const now = customerOf(ctx.newRecord);
    if (now) ids.add(now);
    const before = customerOf(ctx.oldRecord);
    if (before) ids.add(before);
  } catch (e) {
    log.error({ title: `${LOG_TITLE}: customer not found on the transaction`, details: `${String(ctx.type)} ${String(ctx.newRecord?.id ?? '')}: ${errorText(e)}` });
  }
  for (const id of ids) {
    try {
      refreshCustomer(id);
    } catch (e) {
      log.error({ title: `${LOG_TITLE}: customer ${id} not re-evaluated`, details: `transaction ${String(ctx.newRecord?.id ?? '')}: ${errorText(e)}` });
    }
  }
}
