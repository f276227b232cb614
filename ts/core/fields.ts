/**
 * Typed NetSuite ids used by the product: standard record types and field ids (NetSuite's own names),
 * and the ids of the product's custom fields, records, lists and script parameters.
 * Keep every id the product reads or writes here so that a typo is a compile error, not a runtime one.
 */

/** Standard record types (N/record Type values, lowercase script ids). */
export const RECORD = {
  customer: 'customer',
  employee: 'employee',
  subsidiary: 'subsidiary',
  currency: 'currency',
  term: 'term',
  salesOrder: 'salesorder',
  invoice: 'invoice',
  customerDeposit: 'customerdeposit',
  depositApplication: 'depositapplication',
  customerPayment: 'customerpayment',
  creditMemo: 'creditmemo',
} as const;
export type RecordType = (typeof RECORD)[keyof typeof RECORD];

/** Body fields shared by transactions. */
export const TXN = {
  entity: 'entity',
  customer: 'customer',
  tranid: 'tranid',
  trandate: 'trandate',
  duedate: 'duedate',
  currency: 'currency',
  exchangerate: 'exchangerate',
  subsidiary: 'subsidiary',
  memo: 'memo',
  otherrefnum: 'otherrefnum',
  status: 'status',
  total: 'total',
  amountremaining: 'amountremaining',
  createdfrom: 'createdfrom',
  salesorder: 'salesorder',
  payment: 'payment',
  orderstatus: 'orderstatus',
  terms: 'terms',
} as const;

/** Customer (entity) fields. */
export const CUSTOMER = {
  companyname: 'companyname',
  entityid: 'entityid',
  email: 'email',
  subsidiary: 'subsidiary',
  currency: 'currency',
  terms: 'terms',
  creditlimit: 'creditlimit',
  creditholdoverride: 'creditholdoverride',
  balance: 'balance',
  overduebalance: 'overduebalance',
  daysoverdue: 'daysoverdue',
  depositbalance: 'depositbalance',
  unbilledorders: 'unbilledorders',
  oncredithold: 'oncredithold',
} as const;

/** Sublists and their line fields. */
export const SUBLIST = {
  item: 'item',
  apply: 'apply',
  credit: 'credit',
  deposit: 'deposit',
} as const;
export const APPLY_LINE = {
  apply: 'apply',
  amount: 'amount',
  doc: 'doc',
  refnum: 'refnum',
  due: 'due',
  total: 'total',
  applydate: 'applydate',
  duedate: 'duedate',
} as const;

/** Search/transaction status codes (type:letter), as NetSuite search filters use them. */
export const STATUS = {
  invoiceOpen: 'CustInvc:A',
  invoicePaid: 'CustInvc:B',
  depositNotDeposited: 'CustDep:A',
  depositDeposited: 'CustDep:B',
  depositFullyApplied: 'CustDep:C',
  depositUnapprovedPayment: 'CustDep:D',
  creditMemoOpen: 'CustCred:A',
  creditMemoFullyApplied: 'CustCred:B',
} as const;

/** Values of the customer Hold field (creditholdoverride). */
export const CREDIT_HOLD = { auto: 'AUTO', on: 'ON', off: 'OFF' } as const;
export type CreditHold = (typeof CREDIT_HOLD)[keyof typeof CREDIT_HOLD];

/** Script parameters (custscript_ara_…), declared on their script objects in src/Objects. */
export const SCRIPT_PARAMS = {
  setupReset: 'custscript_ara_setup_reset',
} as const;

/** Custom fields shared by several capabilities (declared in src/Objects). */
export const CUSTOM_FIELDS = {
  /** Customer: employee who collects this customer. */
  collector: 'custentity_ara_collector',
  /** Customer: never auto-apply this customer's deposits. */
  autoApplyOff: 'custentity_ara_autoapply_off',
  /** Customer: the current credit hold was placed by AR Autopilot. */
  autoHold: 'custentity_ara_autohold',
  holdReason: 'custentity_ara_hold_reason',
  holdSince: 'custentity_ara_hold_since',
  /** Invoice: under dispute (not auto-applied, not scored). */
  disputed: 'custbody_ara_disputed',
  disputeReason: 'custbody_ara_dispute_reason',
  /** Sales order: why it was saved Pending Approval by the credit check. */
  creditReason: 'custbody_ara_credit_reason',
  /** Sales order: reason given by an override role approving a held order. */
  overrideReason: 'custbody_ara_override_reason',
} as const;

/** The settings custom record: a company default row (no subsidiary) and optional subsidiary rows. */
export const SETTINGS_RECORD = {
  type: 'customrecord_ara_settings',
  subsidiary: 'custrecord_ara_set_subsidiary',
  graceDays: 'custrecord_ara_set_grace_days',
  minOverdue: 'custrecord_ara_set_min_overdue',
  tolerance: 'custrecord_ara_set_tolerance',
  includeOrders: 'custrecord_ara_set_incl_orders',
  failMode: 'custrecord_ara_set_fail_mode',
  overrideRoles: 'custrecord_ara_set_override_roles',
  worklistRoles: 'custrecord_ara_set_worklist_roles',
  supervisorRoles: 'custrecord_ara_set_supervisor_roles',
  scoreWeights: 'custrecord_ara_set_score_weights',
} as const;

/** Audit trail of credit decisions (credit policy scripts and manual holds from the worklist). */
export const CREDIT_EVENT_RECORD = {
  type: 'customrecord_ara_credit_event',
  customer: 'custrecord_ara_ce_customer',
  order: 'custrecord_ara_ce_order',
  decision: 'custrecord_ara_ce_decision',
  reason: 'custrecord_ara_ce_reason',
  exposure: 'custrecord_ara_ce_exposure',
  limit: 'custrecord_ara_ce_limit',
  overdue: 'custrecord_ara_ce_overdue',
  currency: 'custrecord_ara_ce_currency',
  user: 'custrecord_ara_ce_user',
  role: 'custrecord_ara_ce_role',
  context: 'custrecord_ara_ce_context',
  time: 'custrecord_ara_ce_time',
} as const;

export const CREDIT_DECISIONS = [
  'HOLD_PLACED',
  'HOLD_RELEASED',
  'ORDER_HELD',
  'ORDER_RELEASED',
  'OVERRIDE',
  'MANUAL_HOLD',
  'MANUAL_RELEASE',
  'CHECK_FAILED',
  'ORDER_REVIEW',
] as const;
export type CreditDecision = (typeof CREDIT_DECISIONS)[number];
