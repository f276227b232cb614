/**
 * The compiled aging and DSO portlets in the emulator, on a fixture with two subsidiaries (USD, GBP),
 * a foreign-currency (EUR) invoice, an invoice without due date, a payment with an unapplied part, an
 * open credit memo, a deposit application and an unapplied deposit. Saved searches come from the
 * setup script, as in an account.
 */
import type { Emulator } from '../../emulator/src/emulator';
import { deployedAccount } from './helpers';

const AS_OF = '2026-11-27';

const DASHBOARD_FIXTURE = {
  asOf: AS_OF,
  records: {
    currency: [
      { id: 1, name: 'USD', symbol: 'USD', exchangerate: 1 },
      { id: 2, name: 'EUR', symbol: 'EUR', exchangerate: 1.1 },
      { id: 3, name: 'GBP', symbol: 'GBP', exchangerate: 1.25 },
    ],
    subsidiary: [
      { id: 1, name: 'Parent Co', currency: 1 },
      { id: 2, name: 'UK Ltd', currency: 3 },
    ],
    term: [{ id: 1, name: 'Net 30', daysuntilnetdue: 30 }],
    employee: [
      { id: 1, entityid: 'Ada Admin', firstname: 'Ada', lastname: 'Admin', email: 'ada@example.com', subsidiary: 1, roles: [{ selectedrole: 3 }] },
      { id: 3, entityid: 'Uma UK', firstname: 'Uma', lastname: 'UK', email: 'uma@example.com', subsidiary: 2, roles: [{ selectedrole: 3 }] },
    ],
    customer: [
      { id: 10, entityid: 'C10', companyname: 'Acme <Corp> & Sons', subsidiary: 1, currency: 1, terms: 1 },
      { id: 11, entityid: 'C11', companyname: 'Globex', subsidiary: 1, currency: 2, terms: 1 },
      { id: 12, entityid: 'C12', companyname: 'Brit Ltd', subsidiary: 2, currency: 3 },
    ],
    invoice: [
      // due 10/01, 700 open after the payment: 31–60
      { id: 100, entity: 10, trandate: '2026-09-01', currency: 1, exchangerate: 1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 2, rate: 500, amount: 1000 }] },
      // due 12/01: current
      { id: 101, entity: 10, trandate: '2026-11-01', currency: 1, exchangerate: 1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: 250.5, amount: 250.5 }] },
      // EUR 400 at 1.1 = USD 440, due 11/14: 1–30
      { id: 102, entity: 11, trandate: '2026-10-15', currency: 2, exchangerate: 1.1, subsidiary: 1, terms: 1, item: [{ item: 2, quantity: 1, rate: 400, amount: 400 }] },
      // no terms, no due date: ages from 6/01 (179 days), 150 open after the deposit application: over 120
      { id: 103, entity: 10, trandate: '2026-06-01', currency: 1, exchangerate: 1, subsidiary: 1, item: [{ item: 1, quantity: 1, rate: 200, amount: 200 }] },
      // the UK subsidiary, GBP base: never added to USD
      { id: 104, entity: 12, trandate: '2026-10-01', currency: 3, exchangerate: 1, subsidiary: 2, item: [{ item: 1, quantity: 1, rate: 500, amount: 500 }] },
    ],
    creditmemo: [{ id: 300, entity: 10, trandate: '2026-11-10', currency: 1, exchangerate: 1, subsidiary: 1, item: [{ item: 1, quantity: 1, rate: 100, amount: 100 }] }],
    customerdeposit: [
      { id: 400, customer: 10, trandate: '2026-11-20', payment: 80, currency: 1, exchangerate: 1, subsidiary: 1 },
      { id: 401, customer: 10, trandate: '2026-08-15', payment: 50, currency: 1, exchangerate: 1, subsidiary: 1 },
    ],
    customerpayment: [{ id: 200, customer: 10, trandate: '2026-10-05', payment: 350, currency: 1, exchangerate: 1, subsidiary: 1, apply: [{ doc: 100, amount: 300 }] }],
    depositapplication: [{ id: 500, deposit: 401, trandate: '2026-09-10', apply: [{ doc: 103, amount: 50 }] }],
  },
};

const AGING = ['customscript_ara_pl_aging', 'customdeploy_ara_pl_aging'] as const;
const DSO = ['customscript_ara_pl_dso', 'customdeploy_ara_pl_dso'] as const;

function account(): Emulator {
  const emu = deployedAccount(AS_OF, DASHBOARD_FIXTURE);
  const setup = emu.run('customscript_ara_ss_setup');
  expect(setup.errors).toEqual([]);
  return emu;
}

type Row = Record<string, string>;
const text = (html: string) => html.replace(/<[^>]*>/g, '');
const byBucket = (rows: unknown[]) => Object.fromEntries((rows as Row[]).map((r) => [text(r.bucket), [r.amount, r.count, r.share]]));

/** The data-value of each data-metric element of the DSO portlet. */
function metrics(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/data-metric="([a-z_]+)" data-value="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** A controller adds a criterion to a saved search in NetSuite. */
function narrow(emu: Emulator, id: string, term: unknown[]): void {
  const saved = emu.state.savedSearches[id];
  const expr = saved.filterExpression as unknown[];
  saved.filterExpression = [...expr, 'and', term];
}

describe('AR aging portlet (compiled, in the emulator)', () => {
  it('shows buckets, credits, Net AR and deposits of the user’s subsidiary in its base currency', () => {
    const emu = account();
    const p = emu.portlet(...AGING, { as: '1' });
    expect(p.error).toBeUndefined();
    expect(p.title).toBe('AR Aging: Parent Co (USD)');
    expect((p.columns as { id: string }[]).map((c) => c.id)).toEqual(['bucket', 'amount', 'count', 'share']);
    expect((p.rows as Row[]).map((r) => text(r.bucket))).toEqual([
      'Current', '1–30', '31–60', '61–90', '91–120', 'Over 120', 'Open invoices', 'Unapplied credits', 'Net AR', 'Unapplied deposits',
    ]);
    expect(byBucket(p.rows)).toEqual({
      Current: ['250.50', '1', '16.3%'],
      '1–30': ['440.00', '1', '28.6%'], // the EUR invoice, converted at 1.1
      '31–60': ['700.00', '1', '45.4%'],
      '61–90': ['0.00', '0', '0.0%'],
      '91–120': ['0.00', '0', '0.0%'],
      'Over 120': ['150.00', '1', '9.7%'], // no due date: aged from its transaction date
      'Open invoices': ['1,540.50', '4', '100.0%'],
      'Unapplied credits': ['150.00', '2', '9.7%'], // open credit memo 100 + unapplied payment 50
      'Net AR': ['1,390.50', '', '90.3%'],
      'Unapplied deposits': ['80.00', '1', '5.2%'],
    });
    expect(p.usage).toBeLessThanOrEqual(20);
  });

  it('drills each bucket down to the open invoices in it', () => {
    const emu = account();
    const rows = emu.portlet(...AGING, { as: '1' }).rows as Row[];
    expect(rows[2].bucket).toContain('href="/app/common/search/searchresults.nl?searchid=customsearch_ara_aging_d31_60"');
    expect(rows[6].bucket).not.toContain('href');
    const saved = emu.state.savedSearches.customsearch_ara_aging_d31_60;
    expect(saved.type).toBe('transaction');
  });

  it('never adds amounts of another base currency: the UK user sees GBP only', () => {
    const emu = account();
    const p = emu.portlet(...AGING, { as: '3' });
    expect(p.title).toBe('AR Aging: UK Ltd (GBP)');
    expect(byBucket(p.rows)['31–60']).toEqual(['500.00', '1', '100.0%']);
    expect(byBucket(p.rows)['Open invoices']).toEqual(['500.00', '1', '100.0%']);
  });

  it('follows criteria a controller adds to the saved search', () => {
    const emu = account();
    narrow(emu, 'customsearch_ara_aging', ['entity', 'anyof', '11']);
    const p = emu.portlet(...AGING, { as: '1' });
    expect(byBucket(p.rows)['Open invoices']).toEqual(['440.00', '1', '100.0%']);
    expect(byBucket(p.rows)['1–30']).toEqual(['440.00', '1', '100.0%']);
    expect(byBucket(p.rows)['Unapplied credits']).toEqual(['0.00', '0', '0.0%']);
  });

  it('says how to fix a deleted saved search instead of failing', () => {
    const emu = account();
    delete emu.state.savedSearches.customsearch_ara_aging;
    const p = emu.portlet(...AGING, { as: '1' });
    expect(p.error).toBeUndefined();
    expect(p.title).toBe('AR Aging: Saved search customsearch_ara_aging not found');
    const msg = text((p.rows as Row[])[0].bucket);
    expect(msg).toContain('AR Autopilot Setup');
    expect(msg).not.toMatch(/\bat \w+ \(|\.js:\d+/);
    // setup brings it back
    emu.run('customscript_ara_ss_setup');
    expect(byBucket(emu.portlet(...AGING, { as: '1' }).rows)['Open invoices']).toEqual(['1,540.50', '4', '100.0%']);
  });

  it('says so when a controller breaks the saved search', () => {
    const emu = account();
    narrow(emu, 'customsearch_ara_aging', ['formulanumeric: {nosuchfield}', 'equalto', '1']);
    const p = emu.portlet(...AGING, { as: '1' });
    expect(p.error).toBeUndefined();
    expect(p.title).toBe('AR Aging: Saved search customsearch_ara_aging cannot be run');
    expect(text((p.rows as Row[])[0].bucket)).toContain('Reset saved searches');
  });
});

describe('DSO portlet (compiled, in the emulator)', () => {
  it('shows every KPI with data-metric and data-value, and the 12-month trend from the ledger', () => {
    const emu = account();
    const p = emu.portlet(...DSO, { as: '1' });
    expect(p.error).toBeUndefined();
    expect(p.title).toBe('DSO and collection KPIs: Parent Co (USD)');
    // AR_end 1,390.50, Sales_90 1,690.50 − 100 = 1,590.50, AR_current 250.50, AR_begin 200, AR_end_total 1,540.50
    expect(metrics(p.html)).toEqual({
      dso: '78.7',
      dso_countback: '82.0', // Nov 27 days (150.50), Oct 31 days (440), Sep 800/1,000 × 30
      bpdso: '14.2',
      add: '64.5',
      cei: '-168.9',
      unapplied_pct: '9.7',
      // month ends: what was open then (the 10/05 payment and 9/10 deposit application dated), not today
      dso_trend: ',,,,,,90.0,90.0,,103.5,77.5,78.7', // 8/31: no sales in (6/2, 8/31]: n/a
    });
    expect(p.html).toContain('<svg');
    expect(p.html).toContain('38.0 days'); // CRF median beside DSO
    expect(p.html).toMatch(/title="Days sales outstanding/);
    expect(p.usage).toBeLessThanOrEqual(60);
  });

  it('shows the UK subsidiary in GBP without the USD ledger', () => {
    const emu = account();
    const p = emu.portlet(...DSO, { as: '3' });
    expect(p.title).toBe('DSO and collection KPIs: UK Ltd (GBP)');
    expect(metrics(p.html).dso).toBe('90.0'); // 500 ÷ 500 × 90
  });

  it('follows criteria a controller adds to both saved searches', () => {
    const emu = account();
    narrow(emu, 'customsearch_ara_dso_ledger', ['entity', 'anyof', '11']);
    narrow(emu, 'customsearch_ara_dso_applied', ['entity', 'anyof', '11']);
    const m = metrics(emu.portlet(...DSO, { as: '1' }).html);
    expect(m.dso).toBe('90.0'); // only the EUR invoice: 440 ÷ 440 × 90
    expect(m.unapplied_pct).toBe('0.0');
  });

  it('says how to fix a deleted saved search instead of failing', () => {
    const emu = account();
    delete emu.state.savedSearches.customsearch_ara_dso_applied;
    const p = emu.portlet(...DSO, { as: '1' });
    expect(p.error).toBeUndefined();
    expect(p.html).toContain('data-message="true"');
    expect(text(p.html)).toContain('Saved search customsearch_ara_dso_applied not found');
    expect(text(p.html)).toContain('AR Autopilot Setup');
    expect(p.html).not.toContain('data-metric');
  });

  it('shows n/a (empty data-value) when nothing is in scope', () => {
    const emu = account();
    narrow(emu, 'customsearch_ara_dso_ledger', ['entity', 'anyof', '12']); // a UK customer: nothing in Parent Co
    const m = metrics(emu.portlet(...DSO, { as: '1' }).html);
    expect(m.dso).toBe('');
    expect(m.dso_trend).toBe(',,,,,,,,,,,');
  });
});
