import { titleText } from '../../ts/core/html';
/**
 * Pure parts of the dashboard: HTML escaping, the formula columns, and the figures computed from the
 * summary rows of the saved searches (KPI definitions: ar-kpis.md; the KPI functions themselves are
 * tested against the reference vectors in tests/unit/core/kpi.test.ts).
 */
import { BUCKETS } from '../../ts/core/aging';
import { escapeAttr, escapeHtml } from '../../ts/core/html';
import {
  AGING_COLUMN_INDEX,
  APPLIED_COLUMN_INDEX,
  COUNTBACK_MONTHS,
  LEDGER_COLUMN_INDEX,
  TREND_POINTS,
  agingColumns,
  appliedColumns,
  bucketCondition,
  dashboardSearchDefs,
  ledgerColumns,
  pointDates,
} from '../../ts/adapters/ar-searches';
import { agingFromSummary, agingListRows } from '../../ts/adapters/dashboard-aging';
import { dsoFromSummary, dsoHtml, messageHtml, sparkline } from '../../ts/adapters/dashboard-dso';
import type { Minor } from '../../ts/core/money';

jest.mock('N/search');

describe('escapeHtml / escapeAttr', () => {
  it('escapes the five HTML characters and turns null/undefined into ""', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
    expect(escapeAttr('a\n`b"')).toBe('a&#10;&#96;b&quot;');
  });
});

describe('search definitions', () => {
  it('bucket conditions follow the core bucket bounds', () => {
    expect(BUCKETS.map(bucketCondition)).toEqual([
      '{today} - NVL({duedate}, {trandate}) <= 0',
      '{today} - NVL({duedate}, {trandate}) BETWEEN 1 AND 30',
      '{today} - NVL({duedate}, {trandate}) BETWEEN 31 AND 60',
      '{today} - NVL({duedate}, {trandate}) BETWEEN 61 AND 90',
      '{today} - NVL({duedate}, {trandate}) BETWEEN 91 AND 120',
      '{today} - NVL({duedate}, {trandate}) >= 121',
    ]);
  });

  it('every column of the summaries has a summary type, and the layouts match the indexes', () => {
    for (const cols of [agingColumns(), ledgerColumns(90), appliedColumns(90)]) expect(cols.every((c) => c.summary)).toBe(true);
    expect(agingColumns()).toHaveLength(AGING_COLUMN_INDEX.bucketAmount + 2 * BUCKETS.length);
    expect(ledgerColumns(90)).toHaveLength(LEDGER_COLUMN_INDEX.months + COUNTBACK_MONTHS);
    expect(appliedColumns(90)).toHaveLength(APPLIED_COLUMN_INDEX.creditSide + TREND_POINTS + 1);
    expect(pointDates(45)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `LAST_DAY(ADD_MONTHS({today}, -${11 - i}))`),
      '{today}',
      '{today} - 45',
    ]);
    expect(() => ledgerColumns(0)).toThrow(/period days/);
    expect(() => ledgerColumns(1.5)).toThrow(/period days/);
  });

  it('saved search ids and titles are unique and within NetSuite limits', () => {
    const defs = dashboardSearchDefs();
    expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    expect(new Set(defs.map((d) => d.title.toLowerCase())).size).toBe(defs.length);
    for (const d of defs) expect(d.id).toMatch(/^customsearch_ara_[a-z0-9_]{1,23}$/);
  });
});

// ---------------------------------------------------------------------------------------------------

function agingRow(type: string, remaining: string, count: string, buckets: [string, string][] = []): string[] {
  const r = [type, remaining, count];
  for (let i = 0; i < BUCKETS.length; i++) r.push(...(buckets[i] ?? ['0.00', '0']));
  return r;
}

describe('aging figures', () => {
  it('puts invoices in buckets, nets credits, keeps deposits apart', () => {
    const rows = agingFromSummary(
      [
        agingRow('CustInvc', '1540.50', '4', [['250.50', '1'], ['440.00', '1'], ['700.00', '1'], ['', ''], ['0.00', '0'], ['150.00', '1']]),
        agingRow('CustCred', '100.00', '1'),
        agingRow('CustPymt', '50.00', '1'),
        agingRow('CustDep', '80.00', '1'),
        agingRow('SalesOrd', '999.00', '9'), // widened criteria: not receivables, ignored
      ],
      'USD',
    );
    const by = Object.fromEntries(rows.map((r) => [r.key, [r.amount.amount, r.count, r.share]]));
    expect(by.open).toEqual([154050, 4, 100]);
    expect(by.unappliedCredits).toEqual([15000, 2, 9.7]);
    expect(by.netAr).toEqual([139050, null, 90.3]);
    expect(by.unappliedDeposits).toEqual([8000, 1, 5.2]);
    expect(by.d61_90).toEqual([0, 0, 0]);
  });

  it('empty AR: zeros and no shares', () => {
    const rows = agingFromSummary([], 'USD');
    expect(rows.every((r) => r.amount.amount === 0 && r.share === null)).toBe(true);
  });

  it('escapes every cell and links buckets only', () => {
    const rows = agingFromSummary([agingRow('CustInvc', '1.00', '1', [['1.00', '1']])], 'USD');
    const list = agingListRows(rows, (m: Minor) => `<${m}>`, (k) => `/x?b=${k}&"`);
    expect(list[0]).toEqual({ bucket: '<a href="/x?b=current&amp;&quot;" title="Open invoices in this bucket">Current</a>', amount: '&lt;100&gt;', count: '1', share: '100.0%' });
    expect(list[8]).toEqual({ bucket: '<b>Net AR</b>', amount: '&lt;100&gt;', count: '', share: '100.0%' });
  });
});

// ---------------------------------------------------------------------------------------------------

type Cells = Record<number, string>;
function row(size: number, type: string, cells: Cells): string[] {
  const r = Array.from({ length: size }, () => '0.00');
  r[0] = type;
  for (const [i, v] of Object.entries(cells)) r[Number(i)] = v;
  return r;
}
const L = LEDGER_COLUMN_INDEX;
const A = APPLIED_COLUMN_INDEX;
const LSIZE = L.months + COUNTBACK_MONTHS;
const ASIZE = A.creditSide + TREND_POINTS + 1;
const NOW = TREND_POINTS - 1; // index of today among the points

/** Ledger rows where the same totals hold at every point (a simple steady state). */
function ledger(inv: { dated: string; sales: string; remaining: string; notDue: string; month0: string }, cm?: { dated: string; sales: string; remaining: string; month0: string }, pay?: { dated: string; remaining: string }): string[][] {
  const fill = (c: Cells, from: number, n: number, v: string) => {
    for (let i = 0; i < n; i++) c[from + i] = v;
  };
  const mk = (type: string, v: { dated: string; sales?: string; remaining: string; notDue?: string; month0?: string }) => {
    const c: Cells = { [L.asOf]: '2026-03-15', [L.remaining]: v.remaining, [L.notDue]: v.notDue ?? '0.00' };
    fill(c, L.dated, TREND_POINTS + 1, v.dated);
    fill(c, L.sales, TREND_POINTS, v.sales ?? '0.00');
    c[L.months + COUNTBACK_MONTHS - 1] = v.month0 ?? '0.00';
    return row(LSIZE, type, c);
  };
  const out = [mk('CustInvc', inv)];
  if (cm) out.push(mk('CustCred', cm));
  if (pay) out.push(mk('CustPymt', pay));
  return out;
}

describe('DSO figures', () => {
  it('reproduces the reference vector: AR_end 15,000, AR_current 4,000, Sales 10,000, N 30 → 45, 12, 33', () => {
    const f = dsoFromSummary(ledger({ dated: '15000.00', sales: '10000.00', remaining: '15000.00', notDue: '4000.00', month0: '10000.00' }), [], 'USD', 30)!;
    expect(f.asOf).toBe('2026-03-15');
    expect(f.dso).toBe(45);
    expect(f.bpdso).toBe(12);
    expect(f.add).toBe(33);
    expect(f.trend).toHaveLength(12);
    expect(f.trend[NOW].dso).toBe(45);
    expect(f.unappliedPct).toBe(0);
  });

  it('AR as of each date subtracts applications effective by then and unapplied credits', () => {
    const led = ledger({ dated: '1000.00', sales: '1000.00', remaining: '600.00', notDue: '0.00', month0: '0.00' }, { dated: '100.00', sales: '100.00', remaining: '100.00', month0: '0.00' }, { dated: '400.00', remaining: '100.00' });
    const applied = [row(ASIZE, 'CustPymt', { [A.invoiceSide + NOW]: '300.00', [A.creditSide + NOW]: '300.00' }), row(ASIZE, 'DepAppl', { [A.invoiceSide + NOW]: '100.00' })];
    const f = dsoFromSummary(led, applied, 'USD', 90)!;
    // gross = 1000 − 300 − 100 = 600; unapplied = 100 + 400 − 300 = 200; net 400; sales 1000 − 100 = 900
    expect(f.grossEnd.amount).toBe(60000);
    expect(f.arEnd.amount).toBe(40000);
    expect(f.sales.amount).toBe(90000);
    expect(f.dso).toBeCloseTo(40, 10);
    expect(f.unappliedPct).toBeCloseTo((200 / 600) * 100, 10);
    // an earlier point has no applications yet: gross 1000, unapplied 500, net 500
    expect(f.trend[0].arEnd.amount).toBe(50000);
  });

  it('no sales: DSO, BPDSO, ADD and the trend are n/a', () => {
    const f = dsoFromSummary(ledger({ dated: '500.00', sales: '0.00', remaining: '500.00', notDue: '0.00', month0: '0.00' }), [], 'USD', 90)!;
    expect([f.dso, f.bpdso, f.add]).toEqual([null, null, null]);
    expect(f.trend.every((p) => p.dso === null)).toBe(true);
  });

  it('credit memos larger than sales (negative net sales): n/a, not a negative DSO', () => {
    const f = dsoFromSummary(ledger({ dated: '500.00', sales: '100.00', remaining: '500.00', notDue: '0.00', month0: '100.00' }, { dated: '300.00', sales: '300.00', remaining: '300.00', month0: '300.00' }), [], 'USD', 90)!;
    expect(f.sales.amount).toBe(-20000);
    expect(f.dso).toBeNull();
    expect(f.bpdso).toBeNull();
  });

  it('empty AR with sales: DSO 0, unapplied cash n/a', () => {
    const f = dsoFromSummary(ledger({ dated: '0.00', sales: '1000.00', remaining: '0.00', notDue: '0.00', month0: '1000.00' }), [], 'USD', 90)!;
    expect(f.dso).toBe(0);
    expect(f.countback).toBe(0);
    expect(f.unappliedPct).toBeNull();
  });

  it('nothing in scope: null figures', () => {
    expect(dsoFromSummary([], [], 'USD', 90)).toBeNull();
  });

  it('HTML: data-metric / data-value for every figure, n/a shown, values escaped', () => {
    const f = dsoFromSummary(ledger({ dated: '15000.00', sales: '10000.00', remaining: '15000.00', notDue: '4000.00', month0: '10000.00' }), [], 'USD', 30)!;
    const html = dsoHtml(f, { subsidiaryName: '<b>Acme</b>', currencyName: 'USD', days: 30, formatAmount: (m) => String(m), formatDate: (d) => d });
    const metrics = Object.fromEntries([...html.matchAll(/data-metric="([a-z_]+)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(metrics)).toEqual(['dso', 'dso_countback', 'bpdso', 'add', 'cei', 'unapplied_pct', 'dso_trend']);
    expect(metrics.dso).toBe('45.0');
    expect(metrics.dso_trend.split(',')).toHaveLength(12);
    expect(html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
    expect(html).not.toContain('<b>Acme</b>');
    const empty = dsoHtml(null, { subsidiaryName: 'X', currencyName: 'USD', days: 90, formatAmount: String, formatDate: String });
    expect(empty).toContain('data-metric="dso" data-value=""');
    expect(empty).toContain('n/a');
    expect(empty).toContain('data-metric="dso_trend" data-value=",,,,,,,,,,,"');
    expect(messageHtml('T<', 'x&y')).toContain('T&lt;');
  });

  it('sparkline: a gap for each undefined month', () => {
    const svg = sparkline([1, 2, null, 3, 4]);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(sparkline([null, null])).not.toContain('<polyline');
  });
});

describe('titleText (portlet and form titles)', () => {
  it('removes what could form a tag and control characters, keeps the rest', () => {
    expect(titleText('AR Aging: O\'Brien & Sons <Ltd> (GBP)')).toBe("AR Aging: O'Brien & Sons Ltd (GBP)");
    expect(titleText('<img src=x onerror=alert(1)>\u0007x')).toBe('img src=x onerror=alert(1)x');
    expect(titleText(null)).toBe('');
  });
});
