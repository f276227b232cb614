/**
 * Ids owned by the deposit auto-apply (customscript_ara_mr_autoapply): its script, deployments and
 * parameters, and the run log custom record (customrecord_ara_run).
 */

export const AUTOAPPLY_SCRIPT = {
  scriptId: 'customscript_ara_mr_autoapply',
  /** Scheduled nightly. */
  deploymentId: 'customdeploy_ara_mr_autoapply',
  /** Not scheduled: run on demand (Save and Execute, or a continuation queued by a run out of usage). */
  onDemandDeploymentId: 'customdeploy_ara_mr_autoapply_now',
} as const;

/** Script parameters (declared on src/Objects/customscript_ara_mr_autoapply.xml). */
export const AUTOAPPLY_PARAMS = {
  /** 'post' (default) or 'preview'. */
  mode: 'custscript_ara_aa_mode',
  /** Apply remainders oldest-first (rule 5); default checked. */
  oldestFirst: 'custscript_ara_aa_oldest',
  /** Only this subsidiary's deposits (empty: all). */
  subsidiary: 'custscript_ara_aa_subsidiary',
  /** Employee notified by email with the run's summary (empty: nobody). */
  recipient: 'custscript_ara_aa_recipient',
  /** File Cabinet folder id for the CSV report (empty: no file). */
  folder: 'custscript_ara_aa_folder',
  /** Continuation number of a run that ran out of usage (set by the run itself; 0 for a fresh run). */
  pass: 'custscript_ara_aa_pass',
} as const;

/** The run log: one record per run. */
export const RUN_RECORD = {
  type: 'customrecord_ara_run',
  name: 'name',
  mode: 'custrecord_ara_run_mode',
  status: 'custrecord_ara_run_status',
  start: 'custrecord_ara_run_start',
  end: 'custrecord_ara_run_end',
  /** Parameters as text: subsidiary, oldest-first, pass. */
  settings: 'custrecord_ara_run_settings',
  /** Eligible deposits looked at. */
  deposits: 'custrecord_ara_run_deposits',
  /** Deposits applied (post) or that would be applied (preview). */
  applied: 'custrecord_ara_run_applied',
  /** Invoice lines applied / proposed. */
  lines: 'custrecord_ara_run_lines',
  failed: 'custrecord_ara_run_failed',
  /** Deposits left for the continuation run (usage). */
  deferred: 'custrecord_ara_run_deferred',
  amounts: 'custrecord_ara_run_amounts',
  rules: 'custrecord_ara_run_rules',
  usage: 'custrecord_ara_run_usage',
  maxUsage: 'custrecord_ara_run_max_usage',
  errors: 'custrecord_ara_run_errors',
  report: 'custrecord_ara_run_report',
  continuation: 'custrecord_ara_run_continued',
} as const;

export const RUN_STATUSES = ['RUNNING', 'COMPLETE', 'COMPLETE_WITH_ERRORS', 'CONTINUING', 'FAILED', 'SKIPPED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const AUTOAPPLY_MODES = ['post', 'preview'] as const;
export type AutoApplyMode = (typeof AUTOAPPLY_MODES)[number];
