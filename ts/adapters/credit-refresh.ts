/**
 * Re-evaluation of one customer after a receivables event (refresh user event): place or release the
 * hold managed by AR Autopilot. 12 units when nothing changes (lookup, settings from the cache, one
 * summary search), 27 when the hold changes (+ customer load 5 and save 10; the audit is a credit event
 * line of the customer, created by that save).
 */
import * as log from 'N/log';
import { decideHold } from '../core/credit';
import { CREDIT_HOLD } from '../core/fields';
import { evaluate, isKnownHold, lookupCustomer, writeHold } from './credit';
import { loadCreditSettings } from './credit-settings';

const LOG_TITLE = 'ARA credit: refresh';

/**
 * Re-evaluate one customer and place or release our hold. Returns what was done ('none' also when the
 * customer changed between the lookup and the write: see writeHold). The hold write may throw (the caller
 * logs it); the audit never makes it fail (a missing audit record is logged as an ERROR).
 */
export function refreshCustomer(customerId: string): 'place' | 'release' | 'none' {
  const customer = lookupCustomer(customerId);
  if (!isKnownHold(customer.hold)) {
    log.audit({ title: `${LOG_TITLE}: unrecognised Hold value, customer ${customerId} left as it is`, details: `Hold = ${JSON.stringify(customer.holdRaw ?? '')}` });
    return 'none';
  }
  if (customer.hold === CREDIT_HOLD.off) return 'none';
  if (customer.hold === CREDIT_HOLD.on && !customer.autoHold) return 'none';
  const s = loadCreditSettings(customer.subsidiary);
  if (!s.ok) {
    log.error({ title: `${LOG_TITLE}: invalid settings, customer ${customerId} not re-evaluated`, details: s.problem });
    return 'none';
  }
  const { evaluation, today } = evaluate(customer, s.settings);
  const decision = decideHold({ hold: customer.hold, autoHold: customer.autoHold }, evaluation);
  if (decision.action === 'none') return 'none';
  const decisionName = decision.action === 'place' ? 'HOLD_PLACED' : 'HOLD_RELEASED';
  // The audit is a credit event line of the customer, created by the hold's save (separate record as fallback).
  const audit = { customer: customerId, decision: decisionName, reason: decision.reason, evaluation } as const;
  const w = writeHold(customerId, decision.action, decision.reason, today, { hold: customer.hold, autoHold: customer.autoHold }, audit);
  if (!w.written) {
    log.audit({ title: `${LOG_TITLE}: customer ${customerId} changed meanwhile, left as it is`, details: `wanted to ${decision.action}; Hold is now ${w.found.hold}, AR Autopilot flag ${w.found.autoHold}` });
    return 'none';
  }
  log.audit({ title: `${LOG_TITLE}: hold ${decision.action === 'place' ? 'placed' : 'released'}`, details: `customer ${customerId}: ${decision.reason}` });
  return decision.action;
}
