/**
 * The pure part of the deposit auto-apply (ts/core/autoapply.ts): batches, posting one customer through
 * hooks (re-plan on changed amounts, failures, usage), run totals, run log texts, CSV.
 */
import {
  Freshness,
  type FreshFacts,
  type PostHooks,
  type PostOutcome,
  type TransformView,
  type PlannedLine,
  applicationMemo,
  buildCsv,
  csvCell,
  errorsText,
  packBatches,
  rulesText,
  amountsLine,
  runCustomer,
  totalsOf,
} from '../../ts/core/autoapply';
import type { Deposit, OpenInvoice } from '../../ts/core/matching';
import type { Minor } from '../../ts/core/money';
import type { CalendarDate } from '../../ts/core/dates';

const m = (n: number) => n as Minor;
const d = (s: string) => s as CalendarDate;

function dep(id: string, amount: number, extra: Partial<Deposit> = {}): Deposit {
  return { id, customerId: '7', currency: 'USD', subsidiary: '1', date: d('2026-10-01'), amountUnapplied: m(amount), salesOrderId: null, salesOrderOpen: false, memo: '', ...extra };
}
function inv(id: string, amount: number, due: string, extra: Partial<OpenInvoice> = {}): OpenInvoice {
  return { id, customerId: '7', currency: 'USD', subsidiary: '1', tranDate: d('2026-09-01'), dueDate: d(due), amountRemaining: m(amount), tranId: `INV${id}`, otherRefNum: null, createdFrom: null, disputed: false, ...extra };
}

/** A fake NetSuite: invoice dues, deposit applications applied to them, with over-application checks. */
function fakeAccount(
  dues: Record<string, number>,
  opts: {
    fail?: Set<string>;
    budget?: number;
    /** Deposits' real unapplied amounts (NetSuite refuses more); `shown`: whether the transformed record shows them. */
    unapplied?: Record<string, number>;
    shown?: boolean;
    recheck?: PostHooks['recheck'];
  } = {},
) {
  const posted: { depositId: string; memo: string; lines: { invoiceId: string; amount: Minor }[] }[] = [];
  let budget = opts.budget ?? Infinity;
  const hooks: PostHooks = {
    canPost: () => budget >= 30,
    recheck: opts.recheck,
    post(deposit: Deposit, decide: (v: TransformView) => { lines: PlannedLine[]; memo: string }): PostOutcome {
      budget -= 30;
      if (opts.fail?.has(deposit.id)) return { kind: 'failed', code: 'RCRD_HAS_BEEN_CHANGED', message: 'locked' };
      const view = new Map(Object.entries(dues).filter(([, v]) => v > 0).map(([k, v]) => [k, m(v)]));
      const real = opts.unapplied?.[deposit.id];
      const { lines, memo } = decide({ dues: view, depositUnapplied: opts.shown && real !== undefined ? m(real) : null });
      const total = lines.reduce((s, l) => s + l.amount, 0);
      if (real !== undefined && total > real) return { kind: 'failed', code: 'USER_ERROR', message: 'You cannot apply more than the amount of the deposit' };
      if (real !== undefined) opts.unapplied![deposit.id] -= total;
      const applied = lines.map((l) => {
        expect(l.amount).toBeLessThanOrEqual(dues[l.invoiceId]);
        dues[l.invoiceId] -= l.amount;
        return { invoiceId: l.invoiceId, amount: l.amount };
      });
      if (applied.length === 0) return { kind: 'nothing' };
      posted.push({ depositId: deposit.id, memo, lines: applied });
      return { kind: 'posted', applicationId: `A${posted.length}`, lines: applied };
    },
  };
  return { hooks, posted, dues };
}

const OPTS = { mode: 'post' as const, oldestFirst: true, runLabel: 'run 5' };

describe('packBatches', () => {
  it('packs whole customers up to the deposit limit, a big customer alone', () => {
    const counts = [
      { customerId: '1', deposits: 30 },
      { customerId: '2', deposits: 30 },
      { customerId: '3', deposits: 10 },
      { customerId: '4', deposits: 500 },
      { customerId: '5', deposits: 1 },
    ];
    expect(packBatches(counts, 64)).toEqual([['1', '2'], ['3'], ['4'], ['5']]);
    expect(packBatches([], 64)).toEqual([]);
    expect(packBatches(counts, 64, 1)).toEqual([['1'], ['2'], ['3'], ['4'], ['5']]);
  });
});

describe('runCustomer', () => {
  const deposits = [dep('1', 10000, { memo: 'INV100' }), dep('2', 5000, { date: d('2026-10-05') })];
  const invoices = [inv('100', 10000, '2026-10-01'), inv('101', 3000, '2026-09-15'), inv('102', 4000, '2026-11-01')];

  it('preview: the plan as PROPOSED rows, nothing posted', () => {
    const out = runCustomer(deposits, invoices, { ...OPTS, mode: 'preview' }, null);
    expect(out.rows.map((r) => [r.status, r.depositId, r.invoiceId, r.amount, r.rule])).toEqual([
      ['PROPOSED', '1', '100', 10000, 'REFERENCE'],
      ['PROPOSED', '2', '101', 3000, 'OLDEST_FIRST'],
      ['PROPOSED', '2', '102', 2000, 'OLDEST_FIRST'],
    ]);
  });

  it('post: one application per deposit, memo naming the run and the rules', () => {
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(a.posted.map((p) => [p.depositId, p.memo])).toEqual([
      ['1', 'AR Autopilot run 5: REFERENCE'],
      ['2', 'AR Autopilot run 5: OLDEST_FIRST'],
    ]);
    expect(out.rows.every((r) => r.status === 'POSTED')).toBe(true);
    expect(out.plans).toBe(1);
    expect(a.dues).toEqual({ '100': 0, '101': 0, '102': 2000 });
  });

  it('re-plans with the amounts NetSuite shows when a payment was entered since the search; never over-applies', () => {
    // The search said 101 has 3000 due; a payment of 2500 was entered since.
    const a = fakeAccount({ '100': 10000, '101': 500, '102': 4000 });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(out.failures).toEqual([]);
    expect(out.plans).toBeGreaterThan(1);
    expect(a.dues).toEqual({ '100': 0, '101': 0, '102': 0 });
    // Deposit 2 (5000) now pays 101 (500) and 102 (4000) in full: 500 stays unapplied.
    expect(a.posted[1].lines).toEqual([
      { invoiceId: '101', amount: 500 },
      { invoiceId: '102', amount: 4000 },
    ]);
  });

  it('a failing deposit is reported with its code; the others are re-planned without it', () => {
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 }, { fail: new Set(['1']) });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(out.failures).toEqual([{ customerId: '7', depositId: '1', code: 'RCRD_HAS_BEEN_CHANGED', message: 'locked' }]);
    expect(a.posted.map((p) => p.depositId)).toEqual(['2']);
  });

  it('defers what does not fit the usage budget', () => {
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 }, { budget: 30 });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(a.posted.map((p) => p.depositId)).toEqual(['1']);
    expect(out.deferred).toEqual(['2']);
  });

  it('never touches disputed invoices', () => {
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 });
    runCustomer([dep('1', 10000, { memo: 'INV100' })], [inv('100', 10000, '2026-10-01', { disputed: true }), inv('101', 3000, '2026-09-15')], OPTS, a.hooks);
    expect(a.dues['100']).toBe(10000);
    expect(a.dues['101']).toBe(0);
  });

  it('caps the lines together at the unapplied amount the transformed record shows (the deposit was used since the search)', () => {
    // The search said deposit 2 has 5000 left; someone applied 4000 of it meanwhile.
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 }, { unapplied: { '1': 10000, '2': 1000 }, shown: true });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(out.failures).toEqual([]);
    expect(a.posted[1]).toMatchObject({ depositId: '2', lines: [{ invoiceId: '101', amount: 1000 }] });
    expect(a.dues).toEqual({ '100': 0, '101': 2000, '102': 4000 });
  });

  it('a dispute set, or a deposit used, after the search: the re-read before posting plans again', () => {
    const rechecks: string[][] = [];
    const recheck = (customerId: string, queue: readonly string[]): FreshFacts | null => {
      rechecks.push([customerId, ...queue]);
      // Only before deposit 2 is the data old: 101 is disputed now, deposit 2 has 4500 left.
      if (queue[0] !== '2') return null;
      return { unapplied: new Map([['2', m(4500)]]), disputed: new Set(['101']), customers: new Set(['7']) };
    };
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 }, { unapplied: { '1': 10000, '2': 4500 }, recheck });
    const out = runCustomer(deposits, invoices, OPTS, a.hooks);
    expect(out.failures).toEqual([]);
    expect(a.posted.map((p) => [p.depositId, p.lines])).toEqual([
      ['1', [{ invoiceId: '100', amount: 10000 }]],
      ['2', [{ invoiceId: '102', amount: 4000 }]],
    ]);
    expect(a.dues['101']).toBe(3000); // disputed since the search: untouched
    expect(rechecks[0]).toEqual(['7', '1', '2']);
  });

  it('Freshness: data is stale after the window of postings, fresh again once re-read', () => {
    const f = new Freshness(2);
    expect(f.stale('7', '1')).toBe(false);
    f.posting();
    f.posting();
    expect(f.stale('7', '1')).toBe(true);
    f.read(['7'], ['1']);
    expect(f.stale('7', '1')).toBe(false);
    expect(f.stale('7', '9')).toBe(true); // a deposit not re-read
    expect(f.stale('8', '1')).toBe(true); // invoices of a customer not re-read
  });

  it('running again after posting finds nothing to do (idempotent)', () => {
    const a = fakeAccount({ '100': 10000, '101': 3000, '102': 4000 });
    runCustomer(deposits, invoices, OPTS, a.hooks);
    const left = [dep('2', 0)];
    const again = runCustomer(left, [inv('102', 2000, '2026-11-01')], OPTS, a.hooks);
    expect(again.rows).toEqual([]);
  });
});

describe('run totals, texts and CSV', () => {
  const rows = runCustomer(
    [dep('1', 10000, { memo: 'INV100' }), dep('2', 5000)],
    [inv('100', 10000, '2026-10-01'), inv('101', 3000, '2026-09-15'), inv('102', 4000, '2026-11-01')],
    { ...OPTS, mode: 'preview' },
    null,
  ).rows;
  const totals = totalsOf([
    { deposits: 3, rows, failures: [{ customerId: '7', depositId: '9', code: 'USER_ERROR', message: 'You cannot apply more than the amount due' }], deferred: ['8'], usage: 620 },
    { deposits: 0, rows: [], failures: [], deferred: [], usage: 20 },
  ]);

  it('counts deposits, lines, amounts per currency and rule, failures, deferrals, the largest reduce', () => {
    expect(totals).toMatchObject({ deposits: 3, applied: 2, lines: 3, failed: 1, deferred: 1, maxUsage: 620, amountByCurrency: { USD: 15000 } });
    expect(amountsLine(totals)).toBe('150.00 USD');
    expect(rulesText(totals)).toBe('REFERENCE: 1 line, 100.00 USD\nOLDEST_FIRST: 2 lines, 50.00 USD');
  });

  it('errors text: one line per failure, bounded', () => {
    const f = [{ customerId: '7', depositId: '9', code: 'USER_ERROR', message: 'x' }];
    expect(errorsText(f, ['key 1/2: SSS_USAGE_LIMIT_EXCEEDED: y'])).toBe('key 1/2: SSS_USAGE_LIMIT_EXCEEDED: y\ndeposit 9 (customer 7): USER_ERROR: x');
    const many = Array.from({ length: 100 }, (_, i) => ({ customerId: '7', depositId: String(i), code: 'USER_ERROR', message: 'x'.repeat(50) }));
    const t = errorsText(many, [], 1000);
    expect(t.length).toBeLessThan(1100);
    expect(t).toMatch(/… and \d+ more$/);
  });

  it('CSV: header, one line per row and failure, quoting and formula defusing', () => {
    const csv = buildCsv('run 5', rows, [{ customerId: '7', depositId: '9', code: 'USER_ERROR', message: 'said "no", twice' }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toBe('run 5,PROPOSED,7,1,,100,INV100,100.00,USD,REFERENCE,Deposit 1 → INV100 100.00 USD by REFERENCE: memo names INV100');
    expect(lines[4]).toBe('run 5,FAILED,7,9,,,,,,USER_ERROR,"said ""no"", twice"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
  });

  it('memo is bounded to NetSuite memo length', () => {
    expect(applicationMemo('run 1', ['REFERENCE', 'OLDEST_FIRST'])).toBe('AR Autopilot run 1: REFERENCE, OLDEST_FIRST');
    expect(applicationMemo('x'.repeat(2000), ['REFERENCE']).length).toBe(999);
  });
});
