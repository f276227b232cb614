/**
 * Sales order helpers of the credit check: the order total, and which audit decision a save makes.
 */
import type { Record as NsRecord } from 'N/record';
import type { CreditDecision } from '../core/fields';
import { TXN } from '../core/fields';
import { CHECK_FAILED_PREFIX, ORDER_STATUS } from '../core/ids/credit';
import { type Minor, parseMoney } from '../core/money';

/** The order total in minor units: the total field, else the item lines (amount, or quantity × rate). */
export function orderTotal(rec: NsRecord): Minor {
  const t = rec.getValue({ fieldId: TXN.total });
  if (typeof t === 'number' && Number.isFinite(t) && t > 0) return parseMoney(t);
  let sum = 0;
  const n = rec.getLineCount({ sublistId: 'item' });
  for (let i = 0; i < n; i++) {
    const amount = rec.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: i });
    if (amount !== '' && amount !== null && amount !== undefined) sum += parseMoney(Number(amount));
    else {
      const q = Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i }) || 0);
      const r = Number(rec.getSublistValue({ sublistId: 'item', fieldId: 'rate', line: i }) || 0);
      sum += parseMoney(Math.round(q * r * 100) / 100);
    }
  }
  return Math.max(0, sum) as Minor;
}

/** The audit decision of a save, from the stored order before and after (null: nothing to log). */
export function auditDecision(type: string, before: { status: string; reason: string } | null, after: { status: string; reason: string; overrideReason: string }): CreditDecision | null {
  const wasHeld = before?.status === ORDER_STATUS.pendingApproval && before.reason !== '';
  const failed = after.reason.startsWith(CHECK_FAILED_PREFIX);
  if (wasHeld && after.status !== ORDER_STATUS.pendingApproval) {
    if (after.overrideReason && after.reason) return 'OVERRIDE';
    return 'ORDER_RELEASED';
  }
  const changed = type === 'create' || !before || before.reason !== after.reason || before.status !== after.status;
  if (failed && changed) return 'CHECK_FAILED';
  if (after.status === ORDER_STATUS.pendingApproval && after.reason !== '' && changed) return 'ORDER_HELD';
  return null;
}
