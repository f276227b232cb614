import { createHash } from 'node:crypto';
import {
  AGING_BUCKETS,
  DEMO_CUSTOM_FIELDS,
  classifyDeposits,
  generateDemoFixture,
  summarizeFixture,
  type Fixture,
  type FixtureLine,
  type FixtureRecord,
} from '../../src/demo/generate';
import { validateFixture } from '../../src/demo/validate';

const CF = [...DEMO_CUSTOM_FIELDS];
const recs = (f: Fixture, t: string): FixtureRecord[] => f.records[t] ?? [];
const sha = (f: Fixture): string => createHash('sha256').update(JSON.stringify(f)).digest('hex');

let plain: Fixture;
let declared: Fixture;
beforeAll(() => {
  plain = generateDemoFixture();
  declared = generateDemoFixture({ customFields: CF });
});

describe('determinism', () => {
  test('same options → identical JSON; another seed or date → different', () => {
    expect(JSON.stringify(generateDemoFixture())).toBe(JSON.stringify(plain));
    const other = generateDemoFixture({ seed: 'something else' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(plain));
    expect(generateDemoFixture({ seed: 7, customers: 20 })).toEqual(generateDemoFixture({ seed: '7', customers: 20 }));
    const later = generateDemoFixture({ customers: 20, asOf: '2027-03-31' });
    expect(later.asOf).toBe('2027-03-31');
    expect(recs(later, 'invoice').every((i) => String(i.trandate) <= '2027-03-31')).toBe(true);
  });

  test('golden hash of a small company (catches any cross-machine or accidental change)', () => {
    // Update only when the generator is changed on purpose.
    expect(sha(generateDemoFixture({ customers: 25 }))).toBe(GOLDEN_25);
  });

  test('a customer has the same story whatever the company size', () => {
    const small = generateDemoFixture({ customers: 40 });
    expect(recs(plain, 'customer').slice(0, 40)).toEqual(recs(small, 'customer'));
    const story = (f: Fixture, cust: number): unknown[] =>
      recs(f, 'invoice')
        .filter((i) => i.entity === cust)
        .map((i) => [i.trandate, i.duedate, i.item, i.otherrefnum]);
    expect(story(small, 20)).toEqual(story(plain, 20));
  });

  test('bad options are refused', () => {
    expect(() => generateDemoFixture({ customers: 0 })).toThrow(/customers/);
    expect(() => generateDemoFixture({ customers: 2.5 })).toThrow(/customers/);
    expect(() => generateDemoFixture({ asOf: '2026-02-30' })).toThrow(/asOf/);
  });
});

describe('consistency', () => {
  test('300 customers pass the checker, with and without custom fields', () => {
    expect(validateFixture(plain)).toEqual({ ok: true, errors: [], errorCount: 0 });
    expect(validateFixture(declared, { customFields: CF })).toEqual({ ok: true, errors: [], errorCount: 0 });
  });

  test('5,000 customers generate quickly and pass the checker', () => {
    const t0 = Date.now();
    const big = generateDemoFixture({ customers: 5000, customFields: CF });
    // About 1 s on a developer machine; the bound only catches gross regressions on a busy CI box.
    expect(Date.now() - t0).toBeLessThan(15_000);
    const v = validateFixture(big, { customFields: CF });
    expect(v.errors).toEqual([]);
    expect(recs(big, 'customer')).toHaveLength(5000);
  }, 60_000);

  test('20,000 customers work', () => {
    const huge = generateDemoFixture({ customers: 20000 });
    const s = summarizeFixture(huge);
    expect(s.counts.customer).toBe(20000);
    expect(s.counts.invoice).toBeGreaterThan(100_000);
    for (const b of AGING_BUCKETS) expect(s.aging[b]).toBeGreaterThan(100);
  }, 120_000);

  test('any seed, size or date: consistent, with every deposit kind from 9 customers up', () => {
    const kinds = ['so-invoiced', 'so-pieces', 'memo-invoice', 'memo-po', 'exact', 'combination', 'leftover'] as const;
    for (let seed = 1; seed <= 12; seed++) {
      for (const customers of [1, 4, 9, 15]) {
        const f = generateDemoFixture({ customers, seed, customFields: CF, asOf: seed % 2 ? '2026-11-27' : '2028-02-29' });
        expect([seed, customers, validateFixture(f, { customFields: CF }).errors]).toEqual([seed, customers, []]);
        if (customers >= 9) {
          const s = summarizeFixture(f);
          expect([seed, customers, kinds.filter((k) => s.depositsByKind[k] === 0)]).toEqual([seed, customers, []]);
        }
      }
    }
  }, 60_000);

  test('internal ids and document numbers follow the transaction date', () => {
    const txns = ['salesorder', 'invoice', 'creditmemo', 'customerdeposit', 'customerpayment', 'depositapplication'].flatMap((t) => recs(plain, t));
    txns.sort((a, b) => a.id - b.id);
    expect(txns.map((t) => t.id)).toEqual(txns.map((_, i) => i + 1));
    for (let i = 1; i < txns.length; i++) expect(String(txns[i].trandate) >= String(txns[i - 1].trandate)).toBe(true);
    const nums = recs(plain, 'invoice').map((i) => Number(String(i.tranid).replace(/\D/g, '')));
    expect(nums).toEqual(nums.map((_, i) => 1001 + i));
  });
});

describe('the company', () => {
  test('setup: subsidiaries, currencies, terms, people and roles', () => {
    const cur = new Map(recs(plain, 'currency').map((c) => [c.id, c]));
    expect([...cur.values()].map((c) => c.name)).toEqual(['USD', 'GBP', 'EUR', 'CAD']);
    const subs = recs(plain, 'subsidiary');
    // Base currency = the root subsidiary's (isbasecurrency is derived by the records layer, not written).
    expect([...cur.values()].filter((c) => 'isbasecurrency' in c)).toEqual([]);
    expect(cur.get(subs.find((s) => s.parent === undefined)?.currency as number)).toEqual(expect.objectContaining({ name: 'USD', exchangerate: 1 }));
    expect(subs.map((s) => cur.get(s.currency as number)?.name)).toEqual(['USD', 'GBP', 'EUR']);
    expect(subs.filter((s) => s.parent === undefined)).toHaveLength(1);
    expect(recs(plain, 'term').map((t) => [t.name, t.daysuntilnetdue])).toEqual([
      ['Net 15', 15],
      ['Net 30', 30],
      ['Net 45', 45],
      ['Net 60', 60],
      ['Due on receipt', 0],
    ]);
    const roles = recs(plain, 'employee').flatMap((e) => (e.roles as FixtureLine[]).map((r) => r.selectedrole));
    expect(roles.filter((r) => r === 3)).toHaveLength(1);
    expect(roles.filter((r) => r === 'customrole_ara_supervisor')).toHaveLength(1);
    expect(roles.filter((r) => r === 'customrole_ara_controller')).toHaveLength(1);
    expect(roles.filter((r) => r === 'customrole_ara_collector').length).toBeGreaterThanOrEqual(2);
    // Customers in every subsidiary, in all four currencies.
    const custs = recs(plain, 'customer');
    expect(new Set(custs.map((c) => c.subsidiary))).toEqual(new Set([1, 2, 3]));
    expect(new Set(custs.map((c) => c.currency))).toEqual(new Set([1, 2, 3, 4]));
  });

  test('the escaping-test customer exists (also in tiny companies)', () => {
    const names = recs(plain, 'customer').map((c) => c.companyname);
    expect(names).toContain("O'Brien & Sons <Ltd>");
    expect(names).toContain('Müller & Söhne GmbH');
    expect(new Set(names).size).toBe(names.length);
    // It has open, overdue invoices and is over its credit limit, so it shows in worklists and hold lists.
    const obrien = recs(plain, 'customer').find((c) => c.companyname === "O'Brien & Sons <Ltd>") as FixtureRecord;
    const only = Object.fromEntries(
      Object.entries(plain.records).map(([t, list]) => [t, t === 'customer' ? [obrien] : list.filter((r) => (r.entity ?? r.customer ?? obrien.id) === obrien.id)]),
    );
    const cls = summarizeFixture({ ...plain, records: only });
    expect(cls.openInvoices).toBeGreaterThan(0);
    expect(cls.aging.current).toBeLessThan(cls.openInvoices);
    expect(cls.customersOverCreditLimit).toBe(1);
    const tiny = generateDemoFixture({ customers: 3 });
    expect(recs(tiny, 'customer').map((c) => c.companyname)).toContain("O'Brien & Sons <Ltd>");
    expect(validateFixture(tiny).errors).toEqual([]);
  });

  test('aging has open invoices in every bucket, mostly current', () => {
    const s = summarizeFixture(plain);
    for (const b of AGING_BUCKETS) expect(s.aging[b]).toBeGreaterThan(0);
    expect(s.aging.current).toBeGreaterThan(s.aging.over120);
    expect(s.aging.current / s.openInvoices).toBeGreaterThan(0.35);
    for (const cur of ['USD', 'GBP', 'EUR', 'CAD']) expect(s.openAR[cur]).toBeGreaterThan(0);
  });

  test('customer deposits of every kind the auto-apply must handle', () => {
    const s = summarizeFixture(plain);
    for (const kind of ['applied', 'so-invoiced', 'so-pieces', 'memo-invoice', 'memo-po', 'exact', 'combination', 'leftover'] as const) {
      expect([kind, s.depositsByKind[kind]]).toEqual([kind, expect.any(Number)]);
      expect(s.depositsByKind[kind]).toBeGreaterThan(0);
    }
    const cls = classifyDeposits(plain);
    const memos = cls.filter((d) => d.kind === 'memo-invoice').map((d) => d.memo);
    expect(memos.some((m) => /INV-\d{4}/.test(m))).toBe(true);
    expect(memos.some((m) => /\binv \d{4}/.test(m))).toBe(true);
    expect(memos.some((m) => /\bINV\d{4}/.test(m))).toBe(true);
    // A leftover that was partly applied, and one untouched.
    const applied = new Set(recs(plain, 'depositapplication').map((d) => d.deposit));
    const leftovers = cls.filter((d) => d.kind === 'leftover');
    expect(leftovers.some((d) => applied.has(d.id))).toBe(true);
    expect(leftovers.some((d) => !applied.has(d.id))).toBe(true);
    // Deposits linked to an order billed in pieces really point at an order with several invoices or a partial bill.
    const deps = new Map(recs(plain, 'customerdeposit').map((d) => [d.id, d]));
    const pieces = cls.filter((d) => d.kind === 'so-pieces').map((d) => deps.get(d.id)?.salesorder);
    expect(pieces.every((so) => typeof so === 'number')).toBe(true);
  });

  test('orders, invoices, credits and payments have the variety the product needs', () => {
    const inv = recs(plain, 'invoice');
    expect(inv.some((i) => /^INV\d+$/.test(String(i.tranid)))).toBe(true);
    expect(inv.some((i) => /^INV-\d+$/.test(String(i.tranid)))).toBe(true);
    const fromSO = inv.filter((i) => i.createdfrom !== undefined).length;
    expect(fromSO / inv.length).toBeGreaterThan(0.5);
    expect(fromSO).toBeLessThan(inv.length);
    const statuses = new Set(recs(plain, 'salesorder').map((s) => s.orderstatus));
    for (const st of ['B', 'E', 'G', 'H']) expect(statuses).toContain(st);
    const perSO = new Map<unknown, number>();
    for (const i of inv) if (i.createdfrom !== undefined) perSO.set(i.createdfrom, (perSO.get(i.createdfrom) ?? 0) + 1);
    expect([...perSO.values()].some((n) => n >= 2)).toBe(true);
    const cms = recs(plain, 'creditmemo');
    expect(cms.some((c) => (c.apply as FixtureLine[]).length > 0)).toBe(true);
    expect(cms.some((c) => (c.apply as FixtureLine[]).length === 0)).toBe(true);
    const pays = recs(plain, 'customerpayment');
    const unapplied = pays.filter((p) => {
      const applied = (p.apply as FixtureLine[]).reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
      return Math.round(Number(p.payment) * 100) > applied;
    });
    expect(unapplied.length).toBeGreaterThan(0);
    expect(pays.some((p) => (p.apply as FixtureLine[]).length >= 2)).toBe(true);
    const s = summarizeFixture(plain);
    expect(s.customersOverCreditLimit).toBeGreaterThan(0);
    expect(s.customersOverCreditLimit).toBeLessThan(s.counts.customer * 0.2);
    expect(s.holds.ON).toBeGreaterThan(0);
    expect(s.holds.OFF).toBeGreaterThan(0);
    expect(s.holds.AUTO).toBeGreaterThan(s.counts.customer * 0.8);
    expect(recs(plain, 'customer').some((c) => c.creditlimit === undefined)).toBe(true);
  });
});

describe('custom fields', () => {
  const customKeys = (f: Fixture): Set<string> => {
    const keys = new Set<string>();
    for (const list of Object.values(f.records)) for (const r of list) for (const k of Object.keys(r)) if (k.startsWith('cust') && k !== 'customer') keys.add(k);
    return keys;
  };

  test('absent unless declared', () => {
    expect(customKeys(plain)).toEqual(new Set());
    expect(customKeys(declared)).toEqual(new Set(CF));
    expect(customKeys(generateDemoFixture({ customers: 30, customFields: ['custbody_ara_disputed', 'custentity_unknown'] }))).toEqual(new Set(['custbody_ara_disputed']));
    // The undeclared checker refuses them.
    const v = validateFixture(declared);
    expect(v.ok).toBe(false);
    expect(v.errors[0]).toMatch(/custom field .* is not declared/);
  });

  test('declaring them changes nothing else', () => {
    const stripped = JSON.parse(JSON.stringify(declared, (k, v: unknown) => (k === 'custentity_ara_collector' || k === 'custbody_ara_disputed' ? undefined : v))) as Fixture;
    expect(stripped).toEqual(plain);
  });

  test('collectors and disputes', () => {
    const collectors = new Set(recs(declared, 'employee').filter((e) => (e.roles as FixtureLine[]).some((r) => r.selectedrole === 'customrole_ara_collector')).map((e) => e.id));
    const assigned = recs(declared, 'customer').map((c) => c.custentity_ara_collector);
    expect(assigned.filter((a) => a !== undefined).every((a) => collectors.has(a as number))).toBe(true);
    expect(new Set(assigned.filter((a) => a !== undefined)).size).toBe(collectors.size);
    expect(assigned.some((a) => a === undefined)).toBe(true);
    expect(recs(declared, 'invoice').every((i) => typeof i.custbody_ara_disputed === 'boolean')).toBe(true);
    expect(summarizeFixture(declared).disputedOpenInvoices).toBeGreaterThan(0);
  });
});

const GOLDEN_25 = '379d3f4533e0db2b2a1c1ebc2e0f49892681def76061e5fa43266da9a485cd3c';
