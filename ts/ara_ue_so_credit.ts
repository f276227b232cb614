/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Credit check of sales orders (create, edit, approve; every execution context).
 * - beforeSubmit: an order of a customer on hold, over limit with this order, or delinquent is saved
 *   Pending Approval with the reason in custbody_ara_credit_reason (never rejected). Approving a held
 *   order (approve, or an edit from A to B) needs a credit override role and an override reason, else it
 *   fails with ARA_CREDIT_HOLD. If the check itself fails, the fail mode decides (open: saved as entered
 *   and marked; closed: held), and the error is logged.
 * - afterSubmit: the audit record of what changed (order held, released, override, check failed).
 * - beforeLoad (view, edit): a banner on a held order: why, and since when the customer is held.
 */
import * as error from 'N/error';
import * as log from 'N/log';
import * as message from 'N/ui/message';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import type { Record as NsRecord } from 'N/record';
import { type CreditEvaluation, type CreditSettings, type OrderDecision, canApprove, decideOrder, decideOrderOnError, DEFAULT_CREDIT_SETTINGS } from './core/credit';
import { CREDIT_HOLD, CUSTOM_FIELDS, TXN } from './core/fields';
import { ORDER_STATUS, ORDER_STATUSES_COUNTED } from './core/ids/credit';
import { type Minor } from './core/money';
import { type CustomerCredit, evaluate, lookupCustomer, writeAudit } from './adapters/credit';
import { loadCreditSettings } from './adapters/credit-settings';
import { orderBanner } from './adapters/credit-banner';
import { auditDecision, orderTotal } from './adapters/credit-order';

const LOG_TITLE = 'ARA credit: sales order';

function str(rec: NsRecord | null, fieldId: string): string {
  if (!rec) return '';
  const v = rec.getValue({ fieldId });
  return v === null || v === undefined ? '' : String(v);
}


function problemOf(e: unknown): string {
  const o = (e ?? {}) as { name?: unknown; message?: unknown };
  const name = typeof o.name === 'string' && o.name ? o.name : 'ERROR';
  const msg = typeof o.message === 'string' ? o.message : String(e);
  return `${name}: ${msg}`.slice(0, 200);
}

interface Check {
  decision: OrderDecision;
  settings: CreditSettings | null;
  customer: CustomerCredit | null;
  evaluation: CreditEvaluation | null;
  failed: boolean;
}

/** Evaluate the customer with this order; on failure, decide per fail mode (and log the error). */
function check(newRecord: NsRecord, previousTotal: Minor | null): Check {
  let settings: CreditSettings | null = null;
  let customer: CustomerCredit | null = null;
  let failMode = DEFAULT_CREDIT_SETTINGS.failMode;
  try {
    const customerId = str(newRecord, TXN.entity);
    if (!customerId) throw error.create({ name: 'ARA_CREDIT_NO_CUSTOMER', message: 'The order has no customer' });
    customer = lookupCustomer(customerId);
    const s = loadCreditSettings(customer.subsidiary);
    if (!s.ok) {
      failMode = s.failMode;
      throw error.create({ name: 'ARA_CREDIT_SETTINGS', message: s.problem });
    }
    settings = s.settings;
    failMode = settings.failMode;
    if (customer.hold === CREDIT_HOLD.off) {
      return { decision: decideOrder({ customerHeld: false, exempt: true, evaluationWithOrder: null as never }), settings, customer, evaluation: null, failed: false };
    }
    const orderCurrency = str(newRecord, TXN.currency);
    const rate = Number(newRecord.getValue({ fieldId: TXN.exchangerate }) || 1);
    const { evaluation } = evaluate(customer, settings, { total: orderTotal(newRecord), previousTotal }, { currency: orderCurrency, exchangeRate: rate });
    const decision = decideOrder({ customerHeld: customer.hold === CREDIT_HOLD.on, evaluationWithOrder: evaluation });
    return { decision, settings, customer, evaluation, failed: false };
  } catch (e) {
    const problem = problemOf(e);
    log.error({ title: `${LOG_TITLE}: credit check failed (fail ${failMode})`, details: problem });
    return { decision: decideOrderOnError({ failMode }, problem), settings, customer, evaluation: null, failed: true };
  }
}

function isApproval(type: string, oldRecord: NsRecord | null, newRecord: NsRecord): boolean {
  if (type === 'approve') return true;
  return type === 'edit' && str(oldRecord, TXN.orderstatus) === ORDER_STATUS.pendingApproval && str(newRecord, TXN.orderstatus) === ORDER_STATUS.pendingFulfillment;
}

export function beforeSubmit(ctx: EntryPoints.UserEvent.beforeSubmitContext): void {
  const type = String(ctx.type);
  if (!['create', 'edit', 'approve', 'copy'].includes(type)) return;
  const rec = ctx.newRecord;
  const old = ctx.oldRecord;
  const oldStatus = str(old, TXN.orderstatus);

  if (isApproval(type, old, rec)) {
    // A held order is approved: re-check now (the customer may be clear), then the override rule.
    const c = check(rec, null);
    if (!c.decision.hold) {
      rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.failed ? c.decision.reason : '' });
      return;
    }
    const user = runtime.getCurrentUser();
    const approval = canApprove({
      roleId: user.roleId,
      role: user.role,
      overrideRoles: c.settings?.overrideRoles ?? DEFAULT_CREDIT_SETTINGS.overrideRoles,
      overrideReason: str(rec, CUSTOM_FIELDS.overrideReason),
      holdReason: c.decision.reason,
    });
    if (!approval.allowed) {
      log.audit({ title: `${LOG_TITLE}: approval refused`, details: `order ${String(rec.id)} by ${user.roleId}: ${approval.error?.message ?? ''}` });
      throw error.create({ name: 'ARA_CREDIT_HOLD', message: approval.error?.message ?? c.decision.reason, notifyOff: true });
    }
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.decision.reason.slice(0, 300) });
    rec.setValue({ fieldId: CUSTOM_FIELDS.overrideReason, value: approval.overrideReason ?? '' });
    return;
  }

  // Entry (create, or an edit that is not an approval).
  const counted = (ORDER_STATUSES_COUNTED as readonly string[]).includes(oldStatus);
  const previousTotal = type === 'edit' && counted && old ? orderTotal(old) : null;
  if (type === 'edit' && old && oldStatus !== ORDER_STATUS.pendingApproval && oldStatus !== ORDER_STATUS.pendingFulfillment) {
    return; // fulfilled or billed in part, closed, cancelled: it cannot go back to Pending Approval
  }
  if (previousTotal !== null && orderTotal(rec) <= previousTotal && str(rec, TXN.orderstatus) !== ORDER_STATUS.pendingApproval) {
    return; // an approved order edited without adding to exposure is left as approved
  }
  const c = check(rec, previousTotal);
  if (c.decision.hold) {
    rec.setValue({ fieldId: TXN.orderstatus, value: ORDER_STATUS.pendingApproval });
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.decision.reason.slice(0, 300) });
  } else {
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.failed ? c.decision.reason.slice(0, 300) : '' });
  }
}


export function afterSubmit(ctx: EntryPoints.UserEvent.afterSubmitContext): void {
  const type = String(ctx.type);
  if (!['create', 'edit', 'approve', 'copy'].includes(type)) return;
  const rec = ctx.newRecord;
  const old = ctx.oldRecord;
  const after = { status: str(rec, TXN.orderstatus), reason: str(rec, CUSTOM_FIELDS.creditReason), overrideReason: str(rec, CUSTOM_FIELDS.overrideReason) };
  const before = old ? { status: str(old, TXN.orderstatus), reason: str(old, CUSTOM_FIELDS.creditReason) } : null;
  const decision = auditDecision(type, before, after);
  if (!decision) return;
  const customerId = str(rec, TXN.entity);
  let evaluation: CreditEvaluation | null = null;
  if (decision !== 'CHECK_FAILED') {
    try {
      const customer = lookupCustomer(customerId);
      const s = loadCreditSettings(customer.subsidiary);
      if (s.ok && customer.hold !== CREDIT_HOLD.off) {
        // The saved order counts in full when Pending Approval (not in NetSuite's unbilled orders).
        const counted = after.status !== ORDER_STATUS.pendingApproval;
        const total = orderTotal(rec);
        evaluation = evaluate(customer, s.settings, { total, previousTotal: counted ? total : null }, {
          currency: str(rec, TXN.currency),
          exchangeRate: Number(rec.getValue({ fieldId: TXN.exchangerate }) || 1),
        }).evaluation;
      }
    } catch (e) {
      log.error({ title: `${LOG_TITLE}: audit amounts unavailable`, details: problemOf(e) });
    }
  }
  const reason =
    decision === 'OVERRIDE'
      ? `Override: ${after.overrideReason} (held for: ${after.reason})`
      : decision === 'ORDER_RELEASED'
        ? `Approved: credit clear now (was held for: ${before?.reason ?? ''})`
        : after.reason;
  writeAudit({ customer: customerId, order: rec.id, decision, reason, evaluation });
  log.audit({ title: `${LOG_TITLE}: ${decision}`, details: `order ${rec.id}, customer ${customerId}: ${reason}` });
}

export function beforeLoad(ctx: EntryPoints.UserEvent.beforeLoadContext): void {
  const type = String(ctx.type);
  if ((type !== 'view' && type !== 'edit') || !ctx.form) return;
  const rec = ctx.newRecord;
  const reason = str(rec, CUSTOM_FIELDS.creditReason);
  if (!reason) return;
  let since = '';
  try {
    const customerId = str(rec, TXN.entity);
    if (customerId) {
      const c = lookupCustomer(customerId);
      if (c.hold === CREDIT_HOLD.on) since = c.holdSince;
    }
  } catch (e) {
    log.error({ title: `${LOG_TITLE}: banner`, details: problemOf(e) });
  }
  const b = orderBanner({ status: str(rec, TXN.orderstatus), reason, overrideReason: str(rec, CUSTOM_FIELDS.overrideReason), customerHoldSince: since });
  if (!b) return;
  const t = b.kind === 'warning' ? message.Type.WARNING : b.kind === 'error' ? message.Type.ERROR : message.Type.INFORMATION;
  ctx.form.addPageInitMessage({ type: t, title: b.title, message: b.message });
}
