/**
 * Sales order helpers of the credit check: the order amount, and which audit decision a save makes.
 */
import type { Record as NsRecord } from 'N/record';
import type { CreditDecision } from '../core/fields';
import { TXN } from '../core/fields';
import { CHECK_FAILED_PREFIX, CREDIT_ORDER_DECISIONS, CREDIT_REVIEW_PREFIX, type CreditOrderDecision, ORDER_STATUS } from '../core/ids/credit';
import { type Minor, parseMoney } from '../core/money';

function finite(v: unknown): number | null {
  if (v === '' || v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Σ of the item lines in minor units: each line's amount, or quantity × rate when it has none. */
export function linesTotal(rec: NsRecord): Minor {
  let sum = 0;
  const n = rec.getLineCount({ sublistId: 'item' });
  for (let i = 0; i < n; i++) {
    const amount = finite(rec.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: i }));
    if (amount !== null) sum += parseMoney(Math.round(amount * 100) / 100);
    else {
      const q = finite(rec.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i })) ?? 0;
      const r = finite(rec.getSublistValue({ sublistId: 'item', fieldId: 'rate', line: i })) ?? 0;
      sum += parseMoney(Math.round(q * r * 100) / 100);
    }
  }
  return sum as Minor;
}

/**
 * The order amount in minor units for the credit check: the larger of the body `total` and the item lines
 * (Σ amount, or quantity × rate). In beforeSubmit the body total may still be the saved one (NetSuite
 * recomputes it on save), so an edit that raises the lines must not be read at the old total; the body
 * total is larger when it holds tax or shipping.
 */
export function orderTotal(rec: NsRecord): Minor {
  const t = finite(rec.getValue({ fieldId: TXN.total }));
  const body = t !== null && t > 0 ? parseMoney(Math.round(t * 100) / 100) : 0;
  return Math.max(0, body, linesTotal(rec)) as Minor;
}

/**
 * The audit decision of a save, from the stored order before and after (null: nothing to log). A failed
 * check is tested first, so it is never logged as a release ("credit clear now"): an approval over a
 * failed check is an OVERRIDE (its reason names the failure), anything else that changed is CHECK_FAILED.
 */
export function auditDecision(
  type: string,
  before: { status: string; reason: string } | null,
  after: { status: string; reason: string; overrideReason: string },
): CreditDecision | CreditOrderDecision | null {
  const wasHeld = before?.status === ORDER_STATUS.pendingApproval && before.reason !== '';
  const released = wasHeld && after.status !== ORDER_STATUS.pendingApproval;
  const changed = type === 'create' || !before || before.reason !== after.reason || before.status !== after.status;
  if (after.reason.startsWith(CHECK_FAILED_PREFIX)) {
    if (released && after.overrideReason) return 'OVERRIDE';
    return changed ? 'CHECK_FAILED' : null;
  }
  if (released) {
    if (after.overrideReason && after.reason) return 'OVERRIDE';
    return 'ORDER_RELEASED';
  }
  if (after.reason.startsWith(CREDIT_REVIEW_PREFIX) && after.status !== ORDER_STATUS.pendingApproval) {
    return before?.reason !== after.reason ? CREDIT_ORDER_DECISIONS.review : null;
  }
  if (after.status === ORDER_STATUS.pendingApproval && after.reason !== '' && changed) return 'ORDER_HELD';
  return null;
}
