/**
 * Ids of the credit holds capability: its scripts, deployments, cache, and the search texts it relies
 * on. Shared custom fields and records (hold flag, reasons, settings, audit record) are in ../fields.ts.
 */

export const CREDIT_SCRIPTS = {
  orderUserEvent: 'customscript_ara_ue_so_credit',
  refreshUserEvent: 'customscript_ara_ue_ar_refresh',
  sweep: 'customscript_ara_mr_credit_sweep',
  customerBanner: 'customscript_ara_ue_customer_banner',
} as const;

/** N/cache (PROTECTED scope, shared by the credit scripts) holding the settings rows. */
export const CREDIT_CACHE = {
  name: 'ara_credit_settings',
  key: 'rows',
  /** Seconds a settings change may take to reach the scripts (NetSuite's minimum ttl is 300). */
  ttl: 300,
} as const;

/** Sales order statuses (orderstatus / search status letters). */
export const ORDER_STATUS = {
  pendingApproval: 'A',
  pendingFulfillment: 'B',
} as const;

/** Sales order statuses whose unbilled part NetSuite counts in the customer's unbilled orders. */
export const ORDER_STATUSES_COUNTED = ['B', 'D', 'E', 'F'] as const;

/** The search `type` texts of the transaction types the exposure search reads (mainline rows). */
export const TYPE_TEXT = {
  invoice: 'Invoice',
  deposit: 'Customer Deposit',
  salesOrder: 'Sales Order',
} as const;

/** Prefix of the order credit reason when the check itself failed (fail mode). */
export const CHECK_FAILED_PREFIX = 'Credit check failed';

/**
 * Prefix of the order credit reason written when an approved order that is already fulfilled or billed in
 * part (statuses D, E, F: it cannot go back to Pending Approval) grows, or changes customer or currency,
 * while the customer is on hold, over limit or delinquent. The order is left as it is and flagged.
 */
export const CREDIT_REVIEW_PREFIX = 'Credit review';

/**
 * Audit decisions of the credit scripts beyond the shared CREDIT_DECISIONS (ts/core/fields.ts): the
 * decision field of the credit event record is free text.
 * - ORDER_REVIEW: an order already fulfilled or billed in part was increased (or moved to another customer
 *   or currency) while the customer is held, over limit or delinquent; flagged with CREDIT_REVIEW_PREFIX.
 */
export const CREDIT_ORDER_DECISIONS = { review: 'ORDER_REVIEW' } as const;
export type CreditOrderDecision = (typeof CREDIT_ORDER_DECISIONS)[keyof typeof CREDIT_ORDER_DECISIONS];
