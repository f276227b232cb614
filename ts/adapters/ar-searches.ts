/**
 * The dashboard's saved searches: their definitions (created by the setup script), the summary columns
 * the portlets compute with (formula columns: aggregation happens in NetSuite, never by looping over
 * invoices), and loading a saved search by id with the portlet's own narrowing.
 *
 * Division of work between a saved search and a portlet: the saved search carries the **criteria**
 * (a controller may add a subsidiary, a customer category, a sales rep … in NetSuite and the portlet
 * follows); the portlet sets the **columns** it computes with (they depend on the as-of date and on N,
 * and a column edited by hand must not silently change a KPI's definition).
 *
 * Every amount is in the subsidiary's base currency: `amountremaining` and mainline `amount` are base
 * amounts in NetSuite search; applications (`appliedtolinkamount`, transaction currency) are converted
 * with the exchange rate of the transaction on each side. Magnitudes are taken with ABS() so that a
 * search that signs credit memos and payments negative gives the same figures (NetSuite's sign of
 * those amounts in search is unconfirmed).
 */
import * as search from 'N/search';
import { BUCKETS, type Bucket, type BucketKey } from '../core/aging';
import { AGING_BUCKET_SEARCHES, DASHBOARD_SEARCHES } from '../core/ids/dashboard';

/** A column as plain data (search.createColumn options). */
export interface ColumnDef {
  name: string;
  join?: string;
  summary?: 'GROUP' | 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
  formula?: string;
  label?: string;
  sort?: 'ASC' | 'DESC';
}

/** A saved search as plain data. */
export interface SearchDef {
  id: string;
  title: string;
  type: string;
  filters: unknown[];
  columns: ColumnDef[];
}

/** Transaction type codes of search (`type` column values). */
export const TYPE_CODE = {
  invoice: 'CustInvc',
  creditMemo: 'CustCred',
  payment: 'CustPymt',
  deposit: 'CustDep',
  depositApplication: 'DepAppl',
} as const;

// ---------------------------------------------------------------------------------------------------
// Formula pieces

/** Age in days on today: today − due date, or − transaction date when there is no due date. */
export const AGE = '{today} - NVL({duedate}, {trandate})';

/** The SQL condition of a bucket on AGE (from the core bucket bounds). */
export function bucketCondition(b: Readonly<Bucket>): string {
  if (b.minAge === null && b.maxAge !== null) return `${AGE} <= ${b.maxAge}`;
  if (b.minAge !== null && b.maxAge === null) return `${AGE} >= ${b.minAge}`;
  if (b.minAge !== null && b.maxAge !== null) return `${AGE} BETWEEN ${b.minAge} AND ${b.maxAge}`;
  return '1 = 1';
}

const sum = (formula: string, name: 'formulacurrency' | 'formulanumeric' = 'formulacurrency'): ColumnDef => ({ name, summary: 'SUM', formula });
const when = (cond: string, value: string): string => `CASE WHEN ${cond} THEN ${value} ELSE 0 END`;

function checkDays(days: number): number {
  if (!Number.isSafeInteger(days) || days < 1 || days > 3660) throw new Error(`period days must be an integer from 1 to 3660, got ${String(days)}`);
  return days;
}

// ---------------------------------------------------------------------------------------------------
// Aging

/** Layout of the aging summary columns (one row per transaction type). */
export const AGING_COLUMN_INDEX = {
  type: 0,
  remaining: 1,
  count: 2,
  /** bucket i: amount at bucketAmount + 2i, count at bucketAmount + 2i + 1 */
  bucketAmount: 3,
} as const;

/** Open items by transaction type: amount remaining and count, and for invoices the buckets. */
export function agingColumns(): ColumnDef[] {
  const cols: ColumnDef[] = [
    { name: 'type', summary: 'GROUP' },
    sum('ABS({amountremaining})'),
    sum('1', 'formulanumeric'),
  ];
  for (const b of BUCKETS) {
    cols.push(sum(when(bucketCondition(b), 'ABS({amountremaining})')));
    cols.push(sum(when(bucketCondition(b), '1'), 'formulanumeric'));
  }
  return cols;
}

export function agingSearchDef(): SearchDef {
  return {
    id: DASHBOARD_SEARCHES.aging,
    title: 'AR Autopilot: Aging',
    type: 'transaction',
    filters: [
      ['type', 'anyof', TYPE_CODE.invoice, TYPE_CODE.creditMemo, TYPE_CODE.payment, TYPE_CODE.deposit],
      'and',
      ['mainline', 'is', 'T'],
      'and',
      ['amountremaining', 'notequalto', '0'],
    ],
    columns: agingColumns(),
  };
}

/** The open invoices of one bucket (drill-down from the aging portlet). */
export function agingBucketSearchDef(key: BucketKey): SearchDef {
  const b = BUCKETS.find((x) => x.key === key);
  if (!b) throw new Error(`unknown bucket ${key}`);
  const age = `formulanumeric: ${AGE}`;
  const ageFilter =
    b.minAge === null ? [age, 'lessthanorequalto', String(b.maxAge)] : b.maxAge === null ? [age, 'greaterthanorequalto', String(b.minAge)] : [age, 'between', String(b.minAge), String(b.maxAge)];
  return {
    id: AGING_BUCKET_SEARCHES[key],
    title: `AR Autopilot: Open invoices ${b.label}${key === 'current' ? '' : ' days past due'}`,
    type: 'transaction',
    filters: [['type', 'anyof', TYPE_CODE.invoice], 'and', ['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A'], 'and', ageFilter],
    columns: [
      { name: 'entity' },
      { name: 'tranid' },
      { name: 'trandate' },
      { name: 'duedate' },
      { name: 'formulanumeric', formula: AGE, label: 'Days past due', sort: 'DESC' },
      { name: 'currency' },
      { name: 'fxamountremaining' },
      { name: 'amountremaining' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// DSO: the ledger (invoices, credit memos, payments) and the applications

/** Number of month-end points of the trend. */
export const TREND_POINTS = 12;
/** Months of sales for the countback walk (the core walks at most 24). */
export const COUNTBACK_MONTHS = 24;

/**
 * The dates the DSO portlet needs, as formula expressions, in this order: the 12 trend points oldest
 * first (month ends, the last one today), then the start of the period (today − N, for CEI's AR_begin).
 */
export function pointDates(days: number): string[] {
  checkDays(days);
  const out: string[] = [];
  for (let k = TREND_POINTS - 1; k >= 1; k--) out.push(`LAST_DAY(ADD_MONTHS({today}, -${k}))`);
  out.push('{today}');
  out.push(`{today} - ${days}`);
  return out;
}

/** Column layout of the ledger summary (one row per transaction type). */
export const LEDGER_COLUMN_INDEX = {
  type: 0,
  asOf: 1,
  /** amount remaining today (open invoices; unapplied credit memos and payments) */
  remaining: 2,
  /** invoices: amount remaining not yet due today (age ≤ 0) */
  notDue: 3,
  /** totals dated on or before each point (13 columns) */
  dated: 4,
  /** sales windows (D − N, D] for the 12 trend points */
  sales: 4 + TREND_POINTS + 1,
  /** totals dated in each of the 24 months ending with this month (oldest first), up to today */
  months: 4 + TREND_POINTS + 1 + TREND_POINTS,
} as const;

export function ledgerColumns(days: number): ColumnDef[] {
  const points = pointDates(days);
  const amount = 'ABS({amount})';
  const cols: ColumnDef[] = [
    { name: 'type', summary: 'GROUP' },
    { name: 'formulatext', summary: 'MAX', formula: "TO_CHAR({today}, 'YYYY-MM-DD')" },
    sum(when('{trandate} <= {today}', 'ABS({amountremaining})')),
    sum(when(`{trandate} <= {today} AND ${AGE} <= 0`, 'ABS({amountremaining})')),
  ];
  for (const d of points) cols.push(sum(when(`{trandate} <= ${d}`, amount)));
  for (const d of points.slice(0, TREND_POINTS)) cols.push(sum(when(`{trandate} > ${d} - ${days} AND {trandate} <= ${d}`, amount)));
  for (let m = COUNTBACK_MONTHS - 1; m >= 0; m--) {
    cols.push(sum(when(`TRUNC({trandate}, 'MM') = TRUNC(ADD_MONTHS({today}, -${m}), 'MM') AND {trandate} <= {today}`, amount)));
  }
  return cols;
}

/** Column layout of the applications summary (one row per applying transaction type). */
export const APPLIED_COLUMN_INDEX = {
  type: 0,
  /** applied to invoices, effective (later of the two dates) on or before each point, at the invoice's rate */
  invoiceSide: 1,
  /** applied from credit memos and payments on or before each point, at their own rate */
  creditSide: 1 + TREND_POINTS + 1,
} as const;

export function appliedColumns(days: number): ColumnDef[] {
  const points = pointDates(days);
  const cols: ColumnDef[] = [{ name: 'type', summary: 'GROUP' }];
  const effective = 'GREATEST({trandate}, {appliedtotransaction.trandate})';
  for (const d of points) cols.push(sum(when(`${effective} <= ${d}`, 'ROUND(ABS({appliedtolinkamount}) * {appliedtotransaction.exchangerate}, 2)')));
  for (const d of points) cols.push(sum(when(`{trandate} <= ${d}`, 'ROUND(ABS({appliedtolinkamount}) * {exchangerate}, 2)')));
  return cols;
}

export function dsoLedgerSearchDef(days = 90): SearchDef {
  return {
    id: DASHBOARD_SEARCHES.dsoLedger,
    title: 'AR Autopilot: DSO ledger',
    type: 'transaction',
    filters: [['type', 'anyof', TYPE_CODE.invoice, TYPE_CODE.creditMemo, TYPE_CODE.payment], 'and', ['mainline', 'is', 'T']],
    columns: ledgerColumns(days),
  };
}

export function dsoAppliedSearchDef(days = 90): SearchDef {
  return {
    id: DASHBOARD_SEARCHES.dsoApplied,
    title: 'AR Autopilot: DSO applications',
    type: 'transaction',
    filters: [
      ['type', 'anyof', TYPE_CODE.payment, TYPE_CODE.creditMemo, TYPE_CODE.depositApplication],
      'and',
      ['mainline', 'is', 'F'],
      'and',
      ['appliedtotransaction', 'noneof', '@NONE@'],
    ],
    columns: appliedColumns(days),
  };
}

/** Every saved search the dashboard needs, in creation order. */
export function dashboardSearchDefs(): SearchDef[] {
  return [agingSearchDef(), ...BUCKETS.map((b) => agingBucketSearchDef(b.key)), dsoLedgerSearchDef(), dsoAppliedSearchDef()];
}

// ---------------------------------------------------------------------------------------------------
// Running a saved search with the portlet's narrowing and columns

/** Why a saved search could not be used. */
export class DashboardSearchError extends Error {
  constructor(
    readonly searchId: string,
    readonly kind: 'missing' | 'broken',
    readonly detail: string,
  ) {
    super(`${searchId}: ${kind}: ${detail}`);
    this.name = 'DashboardSearchError';
  }
}

function errorText(e: unknown): { name: string; message: string } {
  const o = (e ?? {}) as { name?: unknown; message?: unknown };
  return { name: typeof o.name === 'string' ? o.name : 'ERROR', message: typeof o.message === 'string' ? o.message : String(e) };
}

/** One summary row as strings, by column index. */
export type SummaryRow = string[];

/**
 * search.load(id) (5 units), AND the subsidiary to its criteria, set `columns`, run and read the first
 * 1,000 rows (10 units). A summary search grouped by type returns a handful of rows whatever the
 * number of transactions. Throws DashboardSearchError: 'missing' when the search does not exist,
 * 'broken' when NetSuite refuses to run it.
 */
export function runSummary(searchId: string, subsidiaryId: string | null, columns: ColumnDef[]): SummaryRow[] {
  let s: search.Search;
  try {
    s = search.load({ id: searchId });
  } catch (e) {
    const err = errorText(e);
    if (err.name === 'INVALID_SEARCH' || err.name === 'RCRD_DSNT_EXIST') throw new DashboardSearchError(searchId, 'missing', err.message);
    throw new DashboardSearchError(searchId, 'broken', `${err.name}: ${err.message}`);
  }
  try {
    if (subsidiaryId) {
      const current = s.filterExpression;
      const term = ['subsidiary', 'anyof', subsidiaryId];
      if (!current || current.length === 0) s.filterExpression = [term];
      else if (
        (typeof current[0] === 'string' && current[0].toLowerCase() !== 'not') ||
        current.some((x) => typeof x === 'string' && x.toLowerCase() === 'or')
      ) {
        s.filterExpression = [current, 'and', term];
      }
      // a plain AND chain stays flat (summary criteria may only be ANDed at the top level)
      else s.filterExpression = [...current, 'and', term];
    }
    s.columns = columns.map((c) => search.createColumn(c as search.CreateSearchColumnOptions));
    const rs = s.run();
    const cols = rs.columns;
    return rs.getRange({ start: 0, end: 1000 }).map((r) => cols.map((c) => String(r.getValue(c) ?? '')));
  } catch (e) {
    const err = errorText(e);
    throw new DashboardSearchError(searchId, 'broken', `${err.name}: ${err.message}`);
  }
}
