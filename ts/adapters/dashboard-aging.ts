/**
 * The aging portlet's figures from the aging summary search (one row per transaction type), and its
 * list rows. Pure: no N/ modules (the entry point passes in the amount formatter and the links).
 */
import { BUCKETS, BUCKET_KEYS, type BucketKey, type BucketTotals, emptyBucketTotals } from '../core/aging';
import { escapeAttr, escapeHtml } from '../core/html';
import { type AgingRow, type BucketCounts, agingRows, formatMetric, money } from '../core/kpi';
import { type Minor, ZERO, add, parseMoney } from '../core/money';
import { AGING_COLUMN_INDEX, type SummaryRow, TYPE_CODE } from './ar-searches';

/** A search value (SUM of a currency formula: '1234.50', '' when empty) in minor units. */
export function minorOf(value: string | undefined): Minor {
  const v = (value ?? '').trim();
  return v === '' ? ZERO : parseMoney(v);
}

/** A search count (SUM of a numeric formula) as an integer ≥ 0. */
export function countOf(value: string | undefined): number {
  const n = Number((value ?? '').trim() || 0);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a count: ${JSON.stringify(value)}`);
  return Math.round(n);
}

/** The aging rows (core agingRows) from the summary rows of the aging search, in `currency`. */
export function agingFromSummary(rows: readonly SummaryRow[], currency: string): AgingRow[] {
  const I = AGING_COLUMN_INDEX;
  const totals: BucketTotals = emptyBucketTotals();
  const counts = Object.fromEntries(BUCKET_KEYS.map((k) => [k, 0])) as BucketCounts;
  let credits = ZERO;
  let creditCount = 0;
  let deposits = ZERO;
  let depositCount = 0;
  for (const r of rows) {
    const type = r[I.type];
    if (type === TYPE_CODE.invoice) {
      BUCKETS.forEach((b, i) => {
        totals[b.key] = add(totals[b.key], minorOf(r[I.bucketAmount + 2 * i]));
        counts[b.key] += countOf(r[I.bucketAmount + 2 * i + 1]);
      });
    } else if (type === TYPE_CODE.creditMemo || type === TYPE_CODE.payment) {
      credits = add(credits, minorOf(r[I.remaining]));
      creditCount += countOf(r[I.count]);
    } else if (type === TYPE_CODE.deposit) {
      deposits = add(deposits, minorOf(r[I.remaining]));
      depositCount += countOf(r[I.count]);
    }
    // other types (a controller widened the criteria) are not receivables: ignored
  }
  return agingRows({
    buckets: { currency, totals, counts },
    unappliedCredits: { amount: money(currency, credits), count: creditCount },
    unappliedDeposits: { amount: money(currency, deposits), count: depositCount },
  });
}

/** List columns of the aging portlet. */
export const AGING_LIST_COLUMNS = [
  { id: 'bucket', label: 'Bucket', align: 'LEFT' },
  { id: 'amount', label: 'Amount', align: 'RIGHT' },
  { id: 'count', label: 'Count', align: 'RIGHT' },
  { id: 'share', label: '% of open invoices', align: 'RIGHT' },
] as const;

export interface AgingListRow {
  bucket: string;
  amount: string;
  count: string;
  share: string;
}

const isBucket = (key: string): key is BucketKey => (BUCKET_KEYS as readonly string[]).includes(key);

/**
 * List rows (cells are written as HTML by NetSuite: every value is escaped). Bucket rows link to
 * `bucketLink(key)` (the open invoices of that bucket). Net AR has no count; a share is '' when open
 * invoices total 0.
 */
export function agingListRows(rows: readonly AgingRow[], formatAmount: (m: Minor) => string, bucketLink: (key: BucketKey) => string | null): AgingListRow[] {
  return rows.map((r) => {
    const href = isBucket(r.key) ? bucketLink(r.key) : null;
    const label = escapeHtml(r.label);
    const strong = r.key === 'open' || r.key === 'netAr';
    const text = strong ? `<b>${label}</b>` : label;
    return {
      bucket: href ? `<a href="${escapeAttr(href)}" title="Open invoices in this bucket">${text}</a>` : text,
      amount: escapeHtml(formatAmount(r.amount.amount)),
      count: r.count === null ? '' : escapeHtml(String(r.count)),
      share: r.share === null ? '' : escapeHtml(`${formatMetric(r.share)}%`),
    };
  });
}
