/**
 * Banner texts (page-init messages) of the credit scripts: the customer's hold and an order's credit
 * hold, with why and since when. Every value is HTML-escaped (NetSuite renders these messages as HTML).
 */
import { CHECK_FAILED_PREFIX, CREDIT_REVIEW_PREFIX, ORDER_STATUS } from '../core/ids/credit';
import { CREDIT_HOLD, type CreditHold } from '../core/fields';

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface Banner {
  kind: 'warning' | 'information' | 'error';
  title: string;
  /** HTML (values escaped). */
  message: string;
}

/** The customer page banner, or null when there is nothing to say. */
export function customerBanner(c: { hold: CreditHold; autoHold: boolean; reason: string; since: string }): Banner | null {
  if (c.hold === CREDIT_HOLD.off) {
    return { kind: 'information', title: 'Exempt from credit holds', message: 'Hold is Off: AR Autopilot never holds this customer or its orders.' };
  }
  if (c.hold !== CREDIT_HOLD.on) return null;
  const since = c.since ? ` since ${escapeHtml(c.since)}` : '';
  if (c.autoHold) {
    return {
      kind: 'warning',
      title: 'On credit hold (AR Autopilot)',
      message: `On credit hold${since}: ${escapeHtml(c.reason || 'over limit or overdue')}. Released automatically once clear.`,
    };
  }
  return {
    kind: 'warning',
    title: 'On credit hold (manual)',
    message: `On a manual credit hold${since}${c.reason ? `: ${escapeHtml(c.reason)}` : ''}. AR Autopilot never releases a manual hold.`,
  };
}

/** The sales order page banner, or null. */
export function orderBanner(o: { status: string; reason: string; overrideReason: string; customerHoldSince: string }): Banner | null {
  if (!o.reason) return null;
  const since = o.customerHoldSince ? ` (customer on credit hold since ${escapeHtml(o.customerHoldSince)})` : '';
  if (o.status === ORDER_STATUS.pendingApproval) {
    return {
      kind: 'warning',
      title: 'Held for credit',
      message: `Pending approval for credit: ${escapeHtml(o.reason)}${since}. Only a credit override role may approve it, with an override reason.`,
    };
  }
  if (o.reason.startsWith(CHECK_FAILED_PREFIX)) return { kind: 'error', title: 'Credit check failed', message: escapeHtml(o.reason) };
  if (o.reason.startsWith(CREDIT_REVIEW_PREFIX)) return { kind: 'warning', title: 'Credit review', message: `${escapeHtml(o.reason)}${since}` };
  if (o.overrideReason) {
    return {
      kind: 'information',
      title: 'Credit hold overridden',
      message: `Approved over a credit hold (${escapeHtml(o.reason)}). Override reason: ${escapeHtml(o.overrideReason)}`,
    };
  }
  return null;
}
