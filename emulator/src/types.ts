/**
 * Shared types of the local account emulator. Every part of the emulator (records, search, UI modules,
 * script runners, CLI) talks to the others through these interfaces only.
 *
 * Conventions (see emulator/DESIGN.md):
 * - Stored values are JSON: dates 'YYYY-MM-DD', datetimes ISO strings, amounts numbers in the record's
 *   own currency (2 decimals), selects internal ids as strings, multiselects string[], checkboxes boolean.
 * - The N/* modules convert between stored values and what SuiteScript returns (Date objects, etc.).
 */

export type FieldValue = string | number | boolean | null | string[];
export type Line = Record<string, FieldValue>;

/** One record as stored in the account (body fields as entered, no derived values). */
export interface StoredRecord {
  /** Internal id (string of digits, as NetSuite returns ids). */
  id: string;
  /** Record type script id, lowercase: 'invoice', 'customer', 'customrecord_ara_run', ... */
  type: string;
  fields: Record<string, FieldValue>;
  sublists: Record<string, Line[]>;
  /** Incremented on every save; a stale copy (loaded at an older version) cannot be saved. */
  version: number;
  /** ISO datetimes of creation and last modification (account clock). */
  created: string;
  lastModified: string;
}

/** The whole persistent state of an emulated account (one folder, one JSON file). */
export interface AccountState {
  format: 'ar-autopilot-emulator-account';
  formatVersion: 1;
  /** The account's "today" (company time zone), drives aging. */
  asOf: string;
  /** Account settings that N/config and N/runtime report. */
  company: CompanySettings;
  /** Next internal id per id family ('transaction', 'entity', or a record type). */
  nextId: Record<string, number>;
  /** records[type][id] */
  records: Record<string, Record<string, StoredRecord>>;
  /** Saved searches created with Search.save (by script id customsearch_…). */
  savedSearches: Record<string, SavedSearchDefinition>;
  /** File Cabinet files written by scripts (N/file), by internal id. */
  files: Record<string, StoredFile>;
  /** What `deploy` loaded from src/Objects (scripts, deployments, custom fields, lists, record types). */
  deployment: DeploymentState | null;
  /** N/cache contents: cacheName → key → {value, expires (ms since epoch, account clock)}. */
  cache: Record<string, Record<string, { value: string; expires: number | null }>>;
  /** Script execution logs (N/log), newest last; capped. */
  executionLog: ExecutionLogEntry[];
  /** Script run reports, newest last; capped. */
  runs: RunReport[];
  /** Emails sent with N/email, newest last; capped. */
  emails: SentEmail[];
  /** Tasks submitted with N/task and not yet run. */
  taskQueue: QueuedTask[];
}

export interface CompanySettings {
  companyName: string;
  /** Fixed UTC offset in minutes of the company time zone (e.g. -300). */
  utcOffsetMinutes: number;
  timeZone: string;
  /** NetSuite date format preference, e.g. 'M/D/YYYY'. */
  dateFormat: string;
  /** Base currency of the parent subsidiary (currency internal id). */
  baseCurrency: string;
  accountId: string;
}

export interface StoredFile {
  id: string;
  name: string;
  folder: string;
  fileType: string;
  /** Text contents, or base64 for binary types (PDF). */
  contents: string;
  encoding: 'utf8' | 'base64';
  description?: string;
  created: string;
}

export interface SavedSearchDefinition {
  id: string;
  /** Internal id of the saved search. */
  internalId: string;
  title: string;
  type: string;
  filters: unknown;
  filterExpression?: unknown;
  columns: unknown[];
  settings?: unknown[];
  created: string;
}

export interface ExecutionLogEntry {
  time: string;
  level: 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';
  title: string;
  details: string;
  scriptId: string;
  deploymentId: string;
  runId?: string;
}

export interface SentEmail {
  time: string;
  author: string;
  recipients: string[];
  subject: string;
  body: string;
  attachments: { name: string; fileType: string; size: number }[];
  relatedRecords?: Record<string, unknown>;
}

export interface QueuedTask {
  taskId: string;
  taskType: 'SCHEDULED_SCRIPT' | 'MAP_REDUCE';
  scriptId: string;
  deploymentId: string | null;
  params: Record<string, unknown>;
  submitted: string;
}

/** Usage of one invocation (one execution of one entry point, or one map/reduce key). */
export interface InvocationUsage {
  stage: string;
  key?: string;
  usage: number;
  limit: number;
}

export interface RunReport {
  runId: string;
  scriptId: string;
  deploymentId: string;
  scriptType: string;
  started: string;
  finished: string;
  status: 'COMPLETE' | 'FAILED';
  usage: { total: number; invocations: InvocationUsage[]; maxPerStage: Record<string, number> };
  errors: { stage: string; key?: string; name: string; message: string }[];
}

/* ------------------------------------------------------------------------------------------------ */
/* Deployed objects (parsed from src/Objects by tools/sdf/objects.ts, then stored in the account).    */

export interface DeploymentState {
  deployedAt: string;
  /** Path of the File Cabinet root on disk that the AMD loader reads ('.../src/FileCabinet'). */
  fileCabinetRoot: string;
  /** The parsed objects, as tools/sdf/objects.ts returns them (kept as JSON). */
  objects: unknown;
}

/* ------------------------------------------------------------------------------------------------ */
/* Governance                                                                                         */

export interface Meter {
  readonly limit: number;
  readonly used: number;
  remaining(): number;
  /** Charge units for an API call; throws SSS_USAGE_LIMIT_EXCEEDED when the limit would be passed. */
  charge(units: number, what: string): void;
}

/* ------------------------------------------------------------------------------------------------ */
/* Users                                                                                              */

export interface CurrentUser {
  /** Employee internal id ('-4' for the system user of scheduled scripts). */
  id: string;
  name: string;
  email: string;
  /** Role internal id as a number for standard roles (3 Administrator), or the custom role's script id. */
  role: string | number;
  roleId: string;
  subsidiary: string;
  /** User preferences (DATEFORMAT, NUMBERFORMAT, ...). */
  preferences: Record<string, string>;
}

/* ------------------------------------------------------------------------------------------------ */
/* Execution context: one per script execution (one entry-point invocation).                         */

export type ExecutionContextType =
  | 'USERINTERFACE'
  | 'CSVIMPORT'
  | 'WEBSERVICES'
  | 'RESTWEBSERVICES'
  | 'SUITELET'
  | 'SCHEDULED'
  | 'MAPREDUCE'
  | 'USEREVENT'
  | 'PORTLET'
  | 'WORKFLOW'
  | 'RESTLET'
  | 'CLIENT';

export interface ScriptInfo {
  scriptId: string;
  deploymentId: string;
  scriptType: 'SCHEDULED' | 'MAPREDUCE' | 'USEREVENT' | 'SUITELET' | 'PORTLET' | 'RESTLET' | 'CLIENT' | 'NONE';
  /** Parameter values for this run (deployment values, defaults, and per-run overrides), typed. */
  params: Record<string, FieldValue>;
  /** Field type of each declared parameter (CHECKBOX, DATE, INTEGER, ...), for typed getParameter values. */
  paramTypes?: Record<string, string>;
  logLevel: 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';
  runId?: string;
}

/**
 * What the N/* modules need to know about the running script. The account and record/search services
 * are shared by all executions; meter, user and script are per execution.
 */
export interface ExecContext {
  account: AccountService;
  meter: Meter;
  user: CurrentUser;
  script: ScriptInfo;
  executionContext: ExecutionContextType;
  /** False inside a user event script: user events do not trigger other user events. */
  triggersUserEvents: boolean;
  /** Output side channels of Suitelets (redirects set by N/redirect). */
  response?: { redirect: string | null };
  /** Log entries written by this execution (also appended to the account's execution log). */
  logs?: ExecutionLogEntry[];
}

/* ------------------------------------------------------------------------------------------------ */
/* Services                                                                                           */

/** Record type metadata (standard, or custom from src/Objects). */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'select'
  | 'multiselect'
  | 'date'
  | 'datetime'
  | 'currency'
  | 'float'
  | 'integer'
  | 'percent'
  | 'checkbox';

export interface FieldInfo {
  id: string;
  type: FieldType;
  label: string;
  required?: boolean;
  /** Computed by the emulator (balance, amountremaining, status, ...): read-only. */
  derived?: boolean;
  /** For selects: the record type (or custom list script id) the value points at. */
  source?: string;
  /** Whether record.submitFields may set it (Records Browser "submitFields"). */
  submitFields?: boolean;
  /** Allowed values for enumerations (e.g. creditholdoverride AUTO/ON/OFF). */
  options?: string[];
}

export type RecordCategory = 'transaction' | 'custom' | 'other';

export interface RecordTypeInfo {
  type: string;
  category: RecordCategory;
  label: string;
  /** Id family for internal ids. */
  idFamily: string;
  fields: Record<string, FieldInfo>;
  sublists: Record<string, Record<string, FieldInfo>>;
  /** Search status code prefix for transactions, e.g. 'CustInvc'. */
  statusPrefix?: string;
  /** Transaction type code as search `type` filter uses it ('CustInvc', 'SalesOrd', ...). */
  typeCode?: string;
}

/**
 * The account as a service. Implemented by emulator/src/account/*. Record semantics (derived fields,
 * statuses, applications) live in emulator/src/records/*, search in emulator/src/search/*.
 */
export interface AccountService {
  readonly state: AccountState;
  /** Account date ('YYYY-MM-DD'). */
  today(): string;
  /** Current timestamp of the account clock (asOf date with the machine's time of day), ISO. */
  now(): string;
  nextInternalId(family: string): string;
  /** Record type metadata including custom fields from deployed objects; undefined if unknown. */
  recordType(type: string): RecordTypeInfo | undefined;
}

/* ------------------------------------------------------------------------------------------------ */
/* Records service (emulator/src/records) and what search reads (SearchSource).                      */

/** A record as the records layer presents it: stored fields plus derived fields (read-only). */
export interface RecordView {
  id: string;
  type: string;
  version: number;
  /** Body fields: stored values merged with derived ones (amountremaining, status, balance, ...). */
  fields: Record<string, FieldValue>;
  sublists: Record<string, Line[]>;
}

export interface RecordService {
  /** Record type metadata (standard + custom from deployed objects). */
  typeInfo(type: string): RecordTypeInfo | undefined;
  exists(type: string, id: string): boolean;
  /** Stored + derived view; throws RCRD_DSNT_EXIST. */
  view(type: string, id: string): RecordView;
  /** All ids of a type (ascending numeric). */
  ids(type: string): string[];
  /**
   * Validate and write a record (create when id is null). Enforces field ids, required fields, NetSuite
   * rules (over-application, stale version → RCRD_HAS_BEEN_CHANGED) and updates derived state.
   * Does not charge governance and does not fire user events: N/record does both around it.
   */
  write(type: string, id: string | null, fields: Record<string, FieldValue>, sublists: Record<string, Line[]>, expectedVersion: number | null): StoredRecord;
  remove(type: string, id: string): void;
  /**
   * Initial values of a transform (customerdeposit → depositapplication, invoice → customerpayment,
   * salesorder → invoice): body fields and sublists as NetSuite prefills them.
   */
  transform(fromType: string, fromId: string, toType: string): { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> };
  /** Defaults of a new record (record.create). */
  defaults(type: string): { fields: Record<string, FieldValue>; sublists: Record<string, Line[]> };
}

/** A row that search reads: search field semantics (select → id string, date → 'YYYY-MM-DD', ...). */
export interface SearchRow {
  id: string;
  recordType: string;
  /** undefined when the field does not exist for this search type. */
  value(field: string): FieldValue | undefined;
  /** Display text for selects, lists and statuses (getText); null when none. */
  text(field: string): string | null;
  /** The joined row ('customer', 'customermain', 'createdfrom', 'appliedtotransaction', ...), null when empty. */
  join(joinId: string): SearchRow | null;
}

export interface SearchSource {
  /** Rows of a search type; throws SSS_INVALID_SRCH_TYPE style errors for unknown types. */
  rows(searchType: string, options?: { mainline?: boolean | null }): Iterable<SearchRow>;
  /** Whether a field id (optionally through a join) is valid for a search type. */
  hasField(searchType: string, field: string, join?: string): boolean;
  /** Field type for comparisons (date, currency, select, ...); undefined if unknown. */
  fieldType(searchType: string, field: string, join?: string): FieldType | undefined;
  today(): string;
}

/* ------------------------------------------------------------------------------------------------ */
/* What N/* module factories receive besides the ExecContext.                                       */

export interface UserEventArgs {
  /** ctx.type as user event scripts see it: create, edit, xedit, delete, approve, reject, view, copy, ... */
  type: string;
  recordType: string;
  /** N/record Record objects (newRecord is writable in beforeSubmit and beforeLoad). */
  newRecord: unknown;
  oldRecord: unknown | null;
}

export interface UserEventHooks {
  /** Each is a no-op when ctx.triggersUserEvents is false (user events do not trigger user events). */
  beforeLoad(ctx: ExecContext, e: UserEventArgs & { form?: unknown; request?: unknown }): void;
  beforeSubmit(ctx: ExecContext, e: UserEventArgs): void;
  afterSubmit(ctx: ExecContext, e: UserEventArgs): void;
}

export interface ModuleEnv {
  records: RecordService;
  search: SearchSource;
  userEvents: UserEventHooks;
}

/** A module factory: one module object per execution, bound to that execution. */
export type ModuleFactory = (ctx: ExecContext, env: ModuleEnv) => Record<string, unknown>;
