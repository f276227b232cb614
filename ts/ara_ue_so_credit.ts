/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Credit check of sales orders (create, edit, approve; every execution context).
 * - beforeSubmit, entry (create, copy, edit): an order of a customer on hold, over limit with this order, or
 *   delinquent is saved Pending Approval with the reason in custbody_ara_credit_reason (never rejected),
 *   and a stale override reason is cleared. An approved order edited without adding to its amount is left
 *   approved, unless its customer or currency changed (then it is checked as a new order of that
 *   customer). An order already fulfilled or billed in part (D, E, F) cannot go back to Pending Approval:
 *   when it grows (or changes customer or currency) while the customer is held, over limit or delinquent,
 *   it is flagged ("Credit review: …") and audited (ORDER_REVIEW). The order amount is the larger of the
 *   body total and the item lines (the body total may be stale in beforeSubmit).
 * - beforeSubmit, approval (approve, or an edit from A to B): the credit is checked again; if the customer
 *   is clear the approval goes through, otherwise it needs a credit override role and an override reason,
 *   else it fails with ARA_CREDIT_HOLD. A failed check never approves (the order stays held).
 * - If the check itself fails at entry, the fail mode decides (open: saved as entered and marked; closed:
 *   held), except that a customer known to be on hold (Hold ON) always has its orders held. The error is
 *   logged.
 * - afterSubmit: the audit record of what changed (order held, released, override, check failed, review).
 *   Never throws (the order is saved): a failed audit write is logged as ERROR with the order and the code.
 * - beforeLoad (view, edit): a banner on a held or flagged order: why, and since when the customer is held.
 */
import * as error from 'N/error';
import * as log from 'N/log';
import * as message from 'N/ui/message';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import type { Record as NsRecord } from 'N/record';
import { type CreditEvaluation, type CreditSettings, type OrderDecision, canApprove, decideOrder, decideOrderOnError, DEFAULT_CREDIT_SETTINGS } from './core/credit';
import { CREDIT_HOLD, CUSTOM_FIELDS, TXN } from './core/fields';
import { CREDIT_REVIEW_PREFIX, ORDER_STATUS, ORDER_STATUSES_COUNTED } from './core/ids/credit';
import { type Minor, formatMoney } from './core/money';
import { type CustomerCredit, evaluate, isKnownHold, lookupCustomer, writeAuditSafely } from './adapters/credit';
import { loadCreditSettings } from './adapters/credit-settings';
import { orderBanner } from './adapters/credit-banner';
import { auditDecision, orderTotal } from './adapters/credit-order';

const LOG_TITLE = 'ARA credit: sales order';
const REASON_MAX = 300;

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
  /** The error ("CODE: message") when the check failed. */
  problem: string;
}

/**
 * Evaluate the customer with this order; on failure, decide per fail mode (and log the error). On the
 * approval path (`approval`) a failure always holds the order; a customer known to be on hold too.
 */
function check(newRecord: NsRecord, previousTotal: Minor | null, approval: boolean): Check {
  let settings: CreditSettings | null = null;
  let customer: CustomerCredit | null = null;
  let failMode = DEFAULT_CREDIT_SETTINGS.failMode;
  try {
    const customerId = str(newRecord, TXN.entity);
    if (!customerId) throw error.create({ name: 'ARA_CREDIT_NO_CUSTOMER', message: 'The order has no customer' });
    customer = lookupCustomer(customerId);
    if (customer.hold === CREDIT_HOLD.off) {
      return { decision: decideOrder({ customerHeld: false, exempt: true, evaluationWithOrder: null as never }), settings, customer, evaluation: null, failed: false, problem: '' };
    }
    if (!isKnownHold(customer.hold)) {
      log.audit({ title: `${LOG_TITLE}: unrecognised Hold value`, details: `customer ${customerId}: Hold = ${JSON.stringify(customer.holdRaw ?? '')}; the order is checked, the customer is not changed` });
    }
    const s = loadCreditSettings(customer.subsidiary);
    if (!s.ok) {
      failMode = s.failMode;
      throw error.create({ name: 'ARA_CREDIT_SETTINGS', message: s.problem });
    }
    settings = s.settings;
    failMode = settings.failMode;
    const orderCurrency = str(newRecord, TXN.currency);
    const rate = Number(newRecord.getValue({ fieldId: TXN.exchangerate }) || 1);
    const { evaluation } = evaluate(customer, settings, { total: orderTotal(newRecord), previousTotal }, { currency: orderCurrency, exchangeRate: rate });
    const decision = decideOrder({ customerHeld: customer.hold === CREDIT_HOLD.on, evaluationWithOrder: evaluation });
    return { decision, settings, customer, evaluation, failed: false, problem: '' };
  } catch (e) {
    const problem = problemOf(e);
    const customerHeld = customer?.hold === CREDIT_HOLD.on;
    const decision = decideOrderOnError({ failMode }, problem, { approval, customerHeld });
    log.error({
      title: `${LOG_TITLE}: credit check failed (fail ${failMode}${approval ? ', approval' : ''})`,
      details: `order ${String(newRecord.id ?? '(new)')}, customer ${customer?.id ?? str(newRecord, TXN.entity)}: ${problem} → ${decision.hold ? 'held' : 'not held'}`,
    });
    return { decision, settings, customer, evaluation: null, failed: true, problem };
  }
}

function isApproval(type: string, oldRecord: NsRecord | null, newRecord: NsRecord): boolean {
  if (type === 'approve') return true;
  return type === 'edit' && str(oldRecord, TXN.orderstatus) === ORDER_STATUS.pendingApproval && str(newRecord, TXN.orderstatus) === ORDER_STATUS.pendingFulfillment;
}

/** An approval: re-check now (the customer may be clear), then the override rule. */
function approve(rec: NsRecord): void {
  const c = check(rec, null, true);
  if (!c.decision.hold) {
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: '' });
    rec.setValue({ fieldId: CUSTOM_FIELDS.overrideReason, value: '' });
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
  rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.decision.reason.slice(0, REASON_MAX) });
  rec.setValue({ fieldId: CUSTOM_FIELDS.overrideReason, value: approval.overrideReason ?? '' });
}

/**
 * An order already fulfilled or billed in part (D, E, F) that grows, or changes customer or currency: it
 * cannot go back to Pending Approval, so when the customer is held, over limit or delinquent the order is
 * flagged in its credit reason (audited as ORDER_REVIEW) and left as it is.
 */
function review(rec: NsRecord, old: NsRecord, moved: boolean): void {
  const before = orderTotal(old);
  const now = orderTotal(rec);
  if (!moved && now <= before) return;
  const c = check(rec, moved ? null : before, false);
  const what = moved
    ? 'customer or currency changed'
    : `total increased from ${formatMoney(before)} to ${formatMoney(now)}`;
  if (c.failed) {
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: `Credit check failed (${c.problem}): ${what} on an order already fulfilled or billed in part, not held`.slice(0, REASON_MAX) });
    return;
  }
  if (!c.decision.hold) return;
  rec.setValue({
    fieldId: CUSTOM_FIELDS.creditReason,
    value: `${CREDIT_REVIEW_PREFIX}: ${what} on an order already fulfilled or billed in part (left as it is): ${c.decision.reason}`.slice(0, REASON_MAX),
  });
}

export function beforeSubmit(ctx: EntryPoints.UserEvent.beforeSubmitContext): void {
  const type = String(ctx.type);
  if (!['create', 'edit', 'approve', 'copy'].includes(type)) return;
  const rec = ctx.newRecord;
  const old = ctx.oldRecord;
  const oldStatus = str(old, TXN.orderstatus);

  if (isApproval(type, old, rec)) {
    approve(rec);
    return;
  }

  // Entry (create, copy, or an edit that is not an approval).
  const edit = type === 'edit' && old !== null && old !== undefined;
  // Another customer or currency: a new order for that customer (none of it is in its exposure yet).
  const moved = edit && (str(old, TXN.entity) !== str(rec, TXN.entity) || str(old, TXN.currency) !== str(rec, TXN.currency));
  const counted = (ORDER_STATUSES_COUNTED as readonly string[]).includes(oldStatus);
  if (edit && oldStatus !== ORDER_STATUS.pendingApproval && oldStatus !== ORDER_STATUS.pendingFulfillment) {
    if (counted) review(rec, old, moved); // fulfilled or billed in part: flag, never back to Pending Approval
    return; // closed, cancelled, billed: nothing to check
  }
  const previousTotal = edit && counted && !moved ? orderTotal(old) : null;
  if (previousTotal !== null && orderTotal(rec) <= previousTotal && str(rec, TXN.orderstatus) !== ORDER_STATUS.pendingApproval) {
    return; // an approved order edited without adding to exposure is left as approved
  }
  const c = check(rec, previousTotal, false);
  if (c.decision.hold) {
    rec.setValue({ fieldId: TXN.orderstatus, value: ORDER_STATUS.pendingApproval });
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.decision.reason.slice(0, REASON_MAX) });
    // an override reason belongs to an approval: one from an earlier approval must not carry over
    rec.setValue({ fieldId: CUSTOM_FIELDS.overrideReason, value: '' });
  } else {
    rec.setValue({ fieldId: CUSTOM_FIELDS.creditReason, value: c.failed ? c.decision.reason.slice(0, REASON_MAX) : '' });
  }
}

function audit(ctx: EntryPoints.UserEvent.afterSubmitContext, type: string): void {
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
      log.error({ title: `${LOG_TITLE}: audit amounts unavailable`, details: `order ${String(rec.id)}: ${problemOf(e)}` });
    }
  }
  const reason =
    decision === 'OVERRIDE'
      ? `Override: ${after.overrideReason} (held for: ${after.reason})`
      : decision === 'ORDER_RELEASED'
        ? `Approved: credit clear now (was held for: ${before?.reason ?? ''})`
        : after.reason;
  writeAuditSafely({ customer: customerId, order: rec.id, decision, reason, evaluation }, `order ${String(rec.id)}, customer ${customerId}`);
  log.audit({ title: `${LOG_TITLE}: ${decision}`, details: `order ${String(rec.id)}, customer ${customerId}: ${reason}` });
}

/** The audit of the save. The order is saved already: nothing here may throw (errors are logged). */
export function afterSubmit(ctx: EntryPoints.UserEvent.afterSubmitContext): void {
  const type = String(ctx.type);
  if (!['create', 'edit', 'approve', 'copy'].includes(type)) return;
  try {
    audit(ctx, type);
  } catch (e) {
    log.error({ title: `${LOG_TITLE}: audit failed`, details: `order ${String(ctx.newRecord?.id ?? '')}: ${problemOf(e)}` });
  }
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
