/**
 * Governance: usage units per SuiteScript 2.x call and limits per script type, as NetSuite's help
 * "SuiteScript 2.x API Governance" and "Script Type Usage Unit Limits" give them.
 */
import type { Meter, RecordCategory } from '../types';
import { createError } from './errors';

export type RecordOp = 'create' | 'load' | 'copy' | 'transform' | 'submitFields' | 'save' | 'delete';

/** record.create/load/copy/transform/submitFields and Record.save/record.delete by record category. */
export const RECORD_COST: Record<RecordOp, Record<RecordCategory, number>> = {
  create: { transaction: 10, custom: 2, other: 5 },
  load: { transaction: 10, custom: 2, other: 5 },
  copy: { transaction: 10, custom: 2, other: 5 },
  transform: { transaction: 10, custom: 2, other: 5 },
  submitFields: { transaction: 10, custom: 2, other: 5 },
  save: { transaction: 20, custom: 4, other: 10 },
  delete: { transaction: 20, custom: 4, other: 10 },
};

/** Other calls with a cost (0-unit calls are not listed). */
export const COST = {
  searchLoad: 5,
  searchSave: 5,
  searchDelete: 5,
  resultSetEach: 10,
  resultSetGetRange: 10,
  searchRunPaged: 5,
  pagedDataFetch: 5,
  lookupFields: 1,
  duplicates: 10,
  globalSearch: 10,
  suiteQl: 10,
  suiteQlPage: 10,
  emailSend: 20,
  renderStatement: 10,
  renderTransaction: 10,
  renderXmlToPdf: 10,
  taskSubmit: 20,
  taskCheckStatus: 10,
  fileLoad: 10,
  fileSave: 20,
  fileDelete: 20,
  cacheGet: 1,
  cacheGetWithLoader: 2,
  cachePut: 1,
  cacheRemove: 1,
  configLoad: 10,
  configSave: 20,
  recordAttach: 10,
  recordDetach: 10,
} as const;

export type ScriptStage =
  | 'scheduled'
  | 'usereventscript'
  | 'suitelet'
  | 'portlet'
  | 'restlet'
  | 'client'
  | 'getInputData'
  | 'map'
  | 'reduce'
  | 'summarize';

/** Usage limit of one execution (for map/reduce: of one invocation of a stage function). */
export const LIMITS: Record<ScriptStage, number> = {
  scheduled: 10_000,
  usereventscript: 1_000,
  suitelet: 1_000,
  portlet: 1_000,
  restlet: 5_000,
  client: 1_000,
  getInputData: 10_000,
  map: 1_000,
  reduce: 5_000,
  summarize: 10_000,
};

/** Search result caps. */
export const SEARCH_LIMITS = {
  eachMax: 4_000,
  getRangeMax: 1_000,
  pageSizeMin: 5,
  pageSizeMax: 1_000,
  pagedMaxPages: 1_000,
  lookupFieldsMax: 1,
} as const;

export interface ChargeEntry {
  what: string;
  units: number;
}

/** A usage meter for one execution. Keeps a per-call breakdown for run reports and benchmarks. */
export class UsageMeter implements Meter {
  private usedUnits = 0;
  readonly breakdown = new Map<string, { calls: number; units: number }>();
  constructor(readonly limit: number) {}
  get used(): number {
    return this.usedUnits;
  }
  remaining(): number {
    return this.limit - this.usedUnits;
  }
  charge(units: number, what: string): void {
    if (units <= 0) return;
    if (this.usedUnits + units > this.limit) {
      throw createError(
        'SSS_USAGE_LIMIT_EXCEEDED',
        `Script Execution Usage Limit Exceeded: ${what} needs ${units} units, ${this.remaining()} of ${this.limit} remain`,
      );
    }
    this.usedUnits += units;
    const entry = this.breakdown.get(what) ?? { calls: 0, units: 0 };
    entry.calls += 1;
    entry.units += units;
    this.breakdown.set(what, entry);
  }
}

/** Units of a record operation on a record of the given category. */
export function recordCost(op: RecordOp, category: RecordCategory): number {
  return RECORD_COST[op][category];
}
