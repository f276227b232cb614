/**
 * Ids owned by the collector worklist (customscript_ara_sl_worklist): its script and deployment, the
 * activity custom record (customrecord_ara_activity) and the Suitelet's own form field ids.
 */

export const WORKLIST_SCRIPT = {
  scriptId: 'customscript_ara_sl_worklist',
  deploymentId: 'customdeploy_ara_sl_worklist',
} as const;

/** Collector activity log (shown on the customer record: the customer field is its parent). */
export const ACTIVITY_RECORD = {
  type: 'customrecord_ara_activity',
  customer: 'custrecord_ara_act_customer',
  /** One of ACTIVITY_TYPES. */
  kind: 'custrecord_ara_act_type',
  note: 'custrecord_ara_act_note',
  invoice: 'custrecord_ara_act_invoice',
  author: 'custrecord_ara_act_author',
  date: 'custrecord_ara_act_date',
  nextAction: 'custrecord_ara_act_next_action',
  promiseAmount: 'custrecord_ara_act_promise_amount',
  promiseDate: 'custrecord_ara_act_promise_date',
  /**
   * Overdue balance when the promise was recorded (base currency, undisputed past-due invoices): a promise
   * is kept once it went down by the amount, or once as much was paid or credited since.
   */
  promiseBaseline: 'custrecord_ara_act_promise_baseline',
  /**
   * Checked on the customer's current next-action activity and on its current promise (at most one of
   * each): the queue reads only these rows.
   */
  current: 'custrecord_ara_act_current',
} as const;

export const ACTIVITY_TYPES = ['call', 'email', 'note', 'meeting', 'promise', 'dispute', 'statement', 'hold'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** The types a collector logs with the "log an activity" form. */
export const LOGGABLE_TYPES = ['call', 'email', 'note', 'meeting'] as const;

/** Suitelet request parameters and form field ids (lower case, as NetSuite posts them). */
export const WL_PARAM = {
  view: 'ara_view',
  customer: 'ara_customer',
  action: 'ara_action',
  page: 'ara_page',
  collector: 'ara_collector',
  subsidiary: 'ara_subsidiary',
  minOverdue: 'ara_min_overdue',
  oldestBucket: 'ara_oldest_bucket',
  includePaused: 'ara_include_paused',
  format: 'ara_format',
  msg: 'ara_msg',
  token: 'ara_token',
  activityType: 'ara_activity_type',
  note: 'ara_note',
  nextAction: 'ara_next_action',
  amount: 'ara_amount',
  promiseDate: 'ara_promise_date',
  invoice: 'ara_invoice',
  disputeOn: 'ara_dispute_on',
  reason: 'ara_reason',
  holdOn: 'ara_hold_on',
  newCollector: 'ara_new_collector',
} as const;

/** N/cache names. */
export const WL_CACHE = {
  settings: 'ara_worklist_settings',
  tokens: 'ara_worklist_tokens',
} as const;
