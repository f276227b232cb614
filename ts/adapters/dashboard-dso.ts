/**
 * The DSO portlet's figures from two summary searches (the ledger grouped by type, the applications
 * grouped by type), and its HTML. Pure: no N/ modules.
 *
 * AR as of a date D (ar-kpis.md "Ending AR and sales"), from the summary columns:
 *   gross(D)    = invoices dated ≤ D − applications to invoices effective ≤ D (later of the two dates)
 *   unapplied(D)= credit memos and payments dated ≤ D − what they applied ≤ D
 *   net(D)      = gross(D) − unapplied(D)
 * Payments that consume credit memos (the payment's credit lines) come out right in the sum: the
 * payment's applications exceed its amount by exactly the credit it consumed.
 */
import { isValidIsoDate, type CalendarDate } from '../core/dates';
import { escapeAttr, escapeHtml } from '../core/html';
import {
  CRF_MEDIANS,
  CRF_MEDIANS_SOURCE,
  type Money,
  type MonthlySales,
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  countbackDso,
  dso,
  formatMetric,
  money,
  monthEndDates,
  unappliedCashPct,
} from '../core/kpi';
import { type Minor, ZERO, add, sub } from '../core/money';
import { monthsBack } from '../core/dates';
import { APPLIED_COLUMN_INDEX, COUNTBACK_MONTHS, LEDGER_COLUMN_INDEX, type SummaryRow, TREND_POINTS, TYPE_CODE } from './ar-searches';
import { minorOf } from './dashboard-aging';

export interface DsoFigures {
  asOf: CalendarDate;
  currency: string;
  days: number;
  arEnd: Money;
  grossEnd: Money;
  arCurrent: Money;
  arBegin: Money;
  sales: Money;
  dso: number | null;
  countback: number | null;
  bpdso: number | null;
  add: number | null;
  cei: number | null;
  unappliedPct: number | null;
  trend: { date: CalendarDate; arEnd: Money; sales: Money; dso: number | null }[];
}

function byType(rows: readonly SummaryRow[]): Map<string, SummaryRow> {
  const m = new Map<string, SummaryRow>();
  for (const r of rows) m.set(r[0], r);
  return m;
}

/**
 * The KPIs from the two searches' rows, or null when the ledger returned no row at all (nothing to
 * show: no invoice, credit memo or payment under the search's criteria).
 */
export function dsoFromSummary(ledgerRows: readonly SummaryRow[], appliedRows: readonly SummaryRow[], currency: string, days: number): DsoFigures | null {
  if (ledgerRows.length === 0) return null;
  const L = LEDGER_COLUMN_INDEX;
  const A = APPLIED_COLUMN_INDEX;
  const ledger = byType(ledgerRows);
  const applied = byType(appliedRows);
  const asOfText = ledgerRows.map((r) => r[L.asOf]).find((v) => isValidIsoDate(v));
  if (!asOfText || !isValidIsoDate(asOfText)) throw new Error(`the ledger search gave no as-of date (got ${JSON.stringify(ledgerRows[0][L.asOf])})`);
  const asOf = asOfText;
  const inv = ledger.get(TYPE_CODE.invoice);
  const cm = ledger.get(TYPE_CODE.creditMemo);
  const pay = ledger.get(TYPE_CODE.payment);
  const col = (r: SummaryRow | undefined, i: number): Minor => (r ? minorOf(r[i]) : ZERO);
  const m = (a: Minor): Money => money(currency, a);

  const points = TREND_POINTS + 1; // 12 trend points, then the start of the period
  const gross: Minor[] = [];
  const net: Minor[] = [];
  for (let j = 0; j < points; j++) {
    let appliedToInvoices = ZERO;
    for (const r of applied.values()) appliedToInvoices = add(appliedToInvoices, col(r, A.invoiceSide + j));
    const creditsApplied = add(col(applied.get(TYPE_CODE.creditMemo), A.creditSide + j), col(applied.get(TYPE_CODE.payment), A.creditSide + j));
    const g = sub(col(inv, L.dated + j), appliedToInvoices);
    const unapplied = sub(add(col(cm, L.dated + j), col(pay, L.dated + j)), creditsApplied);
    gross.push(g);
    net.push(sub(g, unapplied));
  }
  const sales: Minor[] = [];
  for (let j = 0; j < TREND_POINTS; j++) sales.push(sub(col(inv, L.sales + j), col(cm, L.sales + j)));

  const now = TREND_POINTS - 1;
  const arEnd = m(net[now]);
  const grossEnd = m(gross[now]);
  const arBegin = m(gross[TREND_POINTS]);
  const salesN = m(sales[now]);
  const arCurrent = m(col(inv, L.notDue));

  const months = monthsBack(asOf, COUNTBACK_MONTHS);
  const monthlySales: MonthlySales[] = months.map((span, i) => ({ month: span.key, sales: m(sub(col(inv, L.months + i), col(cm, L.months + i))) }));

  const dates = monthEndDates(asOf, TREND_POINTS);
  const trend = dates.map((date, j) => ({ date, arEnd: m(net[j]), sales: m(sales[j]), dso: dso({ arEnd: m(net[j]), sales: m(sales[j]), days }) }));

  return {
    asOf,
    currency,
    days,
    arEnd,
    grossEnd,
    arCurrent,
    arBegin,
    sales: salesN,
    dso: dso({ arEnd, sales: salesN, days }),
    countback: countbackDso({ arEnd, asOf, monthlySales }),
    bpdso: bestPossibleDso({ arCurrent, sales: salesN, days }),
    add: averageDaysDelinquent({ arEnd, arCurrent, sales: salesN, days }),
    cei: cei({ arBegin, sales: salesN, days, arEndTotal: grossEnd, arEndCurrent: arCurrent }),
    unappliedPct: unappliedCashPct({
      unappliedPayments: m(col(pay, L.remaining)),
      openCredits: m(col(cm, L.remaining)),
      grossOpenAr: m(col(inv, L.remaining)),
    }),
    trend,
  };
}

// ---------------------------------------------------------------------------------------------------
// HTML

export type DsoMetric = 'dso' | 'dso_countback' | 'bpdso' | 'add' | 'cei' | 'unapplied_pct' | 'dso_trend';

interface MetricSpec {
  metric: Exclude<DsoMetric, 'dso_trend'>;
  label: string;
  unit: 'days' | '%';
  median: number | null;
  tip: string;
}

function metricSpecs(days: number): MetricSpec[] {
  return [
    { metric: 'dso', label: 'DSO', unit: 'days', median: CRF_MEDIANS.dso, tip: `Days sales outstanding: net AR today ÷ net sales of the last ${days} days × ${days}.` },
    {
      metric: 'dso_countback',
      label: 'Countback DSO',
      unit: 'days',
      median: null,
      tip: 'Net AR today counted back against each month’s net sales, newest month first: how many days of recent sales are still unpaid.',
    },
    {
      metric: 'bpdso',
      label: 'Best possible DSO',
      unit: 'days',
      median: CRF_MEDIANS.bestPossibleDso,
      tip: `AR not yet due ÷ net sales of the last ${days} days × ${days}: the DSO if every customer paid on time.`,
    },
    {
      metric: 'add',
      label: 'Average days delinquent',
      unit: 'days',
      median: CRF_MEDIANS.averageDaysDelinquent,
      tip: 'DSO − best possible DSO: the days added by late payment.',
    },
    {
      metric: 'cei',
      label: 'CEI',
      unit: '%',
      median: CRF_MEDIANS.cei,
      tip: `Collection effectiveness index over the last ${days} days: the share of collectible receivables actually collected (100% is perfect).`,
    },
    {
      metric: 'unapplied_pct',
      label: 'Unapplied cash',
      unit: '%',
      median: null,
      tip: 'Unapplied customer payments and open credit memos ÷ open invoices: cash received but not yet matched to invoices.',
    },
  ];
}

function valueOf(f: DsoFigures | null, metric: MetricSpec['metric']): number | null {
  if (!f) return null;
  switch (metric) {
    case 'dso':
      return f.dso;
    case 'dso_countback':
      return f.countback;
    case 'bpdso':
      return f.bpdso;
    case 'add':
      return f.add;
    case 'cei':
      return f.cei;
    case 'unapplied_pct':
      return f.unappliedPct;
  }
}

/** An inline SVG sparkline of the trend values (null = a gap), with a point per defined value. */
export function sparkline(values: readonly (number | null)[], width = 240, height = 40): string {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const pad = 3;
  const lo = defined.length ? Math.min(...defined) : 0;
  const hi = defined.length ? Math.max(...defined) : 1;
  const span = hi - lo || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const xy = (v: number, i: number): string => `${(pad + i * step).toFixed(1)},${(height - pad - ((v - lo) / span) * (height - 2 * pad)).toFixed(1)}`;
  const segments: string[][] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(xy(v, i));
  });
  if (current.length) segments.push(current);
  const lines = segments.map((s) => (s.length > 1 ? `<polyline fill="none" stroke="#4d6f9a" stroke-width="1.5" points="${s.join(' ')}"/>` : '')).join('');
  const dots = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<circle r="2" fill="#4d6f9a" cx="${xy(v, i).split(',')[0]}" cy="${xy(v, i).split(',')[1]}"/>`))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="DSO trend">${lines}${dots}</svg>`;
}

export interface DsoHtmlOptions {
  subsidiaryName: string;
  currencyName: string;
  days: number;
  /** Amount formatter (the user's number format). */
  formatAmount: (m: Minor) => string;
  /** A date as the user writes it. */
  formatDate: (d: CalendarDate) => string;
}

const STYLE =
  '<style>.ara-dso{font:12px Arial,Helvetica,sans-serif;color:#262626}.ara-dso table{border-collapse:collapse;width:100%}' +
  '.ara-dso td,.ara-dso th{padding:3px 6px;border-bottom:1px solid #e5e5e5;text-align:left}.ara-dso .num{text-align:right;white-space:nowrap}' +
  '.ara-dso .ara-note{color:#666;font-size:11px;margin-top:4px}.ara-dso abbr{text-decoration:none;border-bottom:1px dotted #999;cursor:help}</style>';

/** The DSO portlet's HTML: the six figures with labels, tooltips and CRF medians, then the trend. */
export function dsoHtml(f: DsoFigures | null, o: DsoHtmlOptions): string {
  const specs = metricSpecs(o.days);
  const rows = specs
    .map((s) => {
      const v = valueOf(f, s.metric);
      const text = formatMetric(v);
      const shown = text === '' ? 'n/a' : s.unit === '%' ? `${text}%` : `${text} days`;
      const median = s.median === null ? '' : s.unit === '%' ? `${formatMetric(s.median)}%` : `${formatMetric(s.median)} days`;
      return (
        `<tr><th><abbr title="${escapeAttr(s.tip)}">${escapeHtml(s.label)}</abbr></th>` +
        `<td class="num" data-metric="${s.metric}" data-value="${escapeAttr(text)}" title="${escapeAttr(s.tip)}">${escapeHtml(shown)}</td>` +
        `<td class="num ara-median">${escapeHtml(median)}</td></tr>`
      );
    })
    .join('');
  const trendValues = f ? f.trend.map((p) => p.dso) : Array.from({ length: TREND_POINTS }, () => null);
  const trendText = trendValues.map((v) => formatMetric(v)).join(',');
  const trendTip = f
    ? `Month-end DSO over 12 months, oldest first: ${f.trend.map((p) => `${o.formatDate(p.date)} ${formatMetric(p.dso) || 'n/a'}`).join('; ')}.`
    : 'Month-end DSO over 12 months.';
  const trend =
    `<tr><th><abbr title="${escapeAttr(trendTip)}">DSO trend, 12 months</abbr></th>` +
    `<td colspan="2" data-metric="dso_trend" data-value="${escapeAttr(trendText)}" title="${escapeAttr(trendTip)}">${sparkline(trendValues)}</td></tr>`;
  const basis = f
    ? `As of ${escapeHtml(o.formatDate(f.asOf))}; ${escapeHtml(o.subsidiaryName)}, amounts in ${escapeHtml(o.currencyName)}; N = ${o.days} days. ` +
      `Net AR ${escapeHtml(o.formatAmount(f.arEnd.amount))}, net sales ${escapeHtml(o.formatAmount(f.sales.amount))}.`
    : `No invoices, credit memos or payments for ${escapeHtml(o.subsidiaryName)} under the search's criteria.`;
  return (
    `${STYLE}<div class="ara-dso" data-currency="${escapeAttr(o.currencyName)}">` +
    `<table><thead><tr><th>Figure</th><th class="num">Value</th><th class="num"><abbr title="${escapeAttr(CRF_MEDIANS_SOURCE)}">CRF median</abbr></th></tr></thead>` +
    `<tbody>${rows}${trend}</tbody></table>` +
    `<div class="ara-note">${basis} n/a: not defined (no net sales in the period). Medians: ${escapeHtml(CRF_MEDIANS_SOURCE)}.</div></div>`
  );
}

/** A clear message in place of the figures (search missing or broken, subsidiary unknown). */
export function messageHtml(title: string, text: string): string {
  return `${STYLE}<div class="ara-dso ara-message" data-message="true" role="alert"><b>${escapeHtml(title)}</b><div>${escapeHtml(text)}</div></div>`;
}
