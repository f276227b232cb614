import fc from 'fast-check';
import { type CalendarDate } from '../../../ts/core/dates';
import { type Minor } from '../../../ts/core/money';
import {
  type Application,
  type Deposit,
  type OpenInvoice,
  type PlanOptions,
  compareIds,
  explain,
  memoReferences,
  memoTokens,
  normaliseReference,
  planAll,
  planCustomer,
  uniqueCombination,
} from '../../../ts/core/matching';

// ---------------------------------------------------------------------------------------------------
// Builders

type InvoiceInit = Partial<Omit<OpenInvoice, 'tranDate' | 'dueDate'>> & { tranDate?: string; dueDate?: string | null };
type DepositInit = Partial<Omit<Deposit, 'date'>> & { date?: string };

/** An open invoice of customer C1 in USD, subsidiary 1, dated 2024-01-01, due 2024-01-31, tranId INV<id>. */
function inv(id: string, amount: number, init: InvoiceInit = {}): OpenInvoice {
  return {
    customerId: 'C1',
    currency: 'USD',
    subsidiary: '1',
    tranId: `INV${id}`,
    otherRefNum: null,
    createdFrom: null,
    disputed: false,
    ...init,
    id,
    amountRemaining: amount as Minor,
    tranDate: (init.tranDate ?? '2024-01-01') as CalendarDate,
    dueDate: (init.dueDate === undefined ? '2024-01-31' : init.dueDate) as CalendarDate | null,
  };
}

/** An unapplied deposit of customer C1 in USD, subsidiary 1, dated 2024-03-01, no order, empty memo. */
function dep(id: string, amount: number, init: DepositInit = {}): Deposit {
  return {
    customerId: 'C1',
    currency: 'USD',
    subsidiary: '1',
    salesOrderId: null,
    salesOrderOpen: false,
    memo: '',
    ...init,
    id,
    amountUnapplied: amount as Minor,
    date: (init.date ?? '2024-03-01') as CalendarDate,
  };
}

const OFF: PlanOptions = { oldestFirst: false };
const ON: PlanOptions = { oldestFirst: true };

/** [depositId, invoiceId, amount, rule] per application. */
function rows(applications: readonly Application[]): [string, string, number, string][] {
  return applications.map((a) => [a.depositId, a.invoiceId, a.amount, a.rule]);
}

function plan(deposits: Deposit[], invoices: OpenInvoice[], options: PlanOptions = OFF): [string, string, number, string][] {
  return rows(planAll(deposits, invoices, options).applications);
}

// ---------------------------------------------------------------------------------------------------
// References

describe('normaliseReference', () => {
  test.each([
    ['INV-1001', 'INV1001'],
    ['inv 1001', 'INV1001'],
    ['INV1001', 'INV1001'],
    [' po#77/a ', 'PO77A'],
    ['Ünïcode-5', 'ÜNÏCODE5'],
    ['---', ''],
    ['', ''],
  ])('%p → %p', (s, n) => {
    expect(normaliseReference(s)).toBe(n);
  });
});

describe('memo tokens and references', () => {
  test('tokens split on whitespace and punctuation, uppercased, with positions', () => {
    expect(memoTokens('Paid: inv-1001,  PO#77.')).toEqual([
      { text: 'PAID', start: 0, end: 4 },
      { text: 'INV', start: 6, end: 9 },
      { text: '1001', start: 10, end: 14 },
      { text: 'PO', start: 17, end: 19 },
      { text: '77', start: 20, end: 22 },
    ]);
    expect(memoTokens('')).toEqual([]);
    expect(memoTokens(' -/. ')).toEqual([]);
  });

  test.each([
    ['INV-1001', true],
    ['inv 1001', true],
    ['INV1001', true],
    ['payment for inv/1001.', true],
    ['(INV1001)', true],
    ['INV-10012', false],
    ['INV10012', false],
    ['XINV1001', false],
    ['INV1001A', false],
    ['IN V1001', true], // tokens IN + V1001 concatenate to INV1001: spacing is ignored
    ['INV 100 1', true],
    ['INV 1001 2', true], // INV1001 is bounded by the token boundary before 2
    ['INV-100', false],
    ['', false],
  ])('memo %p names INV-1001: %p', (memo, named) => {
    expect(memoReferences(memo, ['INV-1001']).map((m) => m.reference)).toEqual(named ? ['INV-1001'] : []);
  });

  test('memo order, memo text as written, repeats kept', () => {
    const found = memoReferences('for inv 1002 and INV-1001; again INV1002', ['INV-1001', 'INV-1002']);
    expect(found.map((m) => [m.reference, m.text, m.start, m.end])).toEqual([
      ['INV-1002', 'inv 1002', 4, 12],
      ['INV-1001', 'INV-1001', 17, 25],
      ['INV-1002', 'INV1002', 33, 40],
    ]);
  });

  test('overlapping matches all count: by start, longer first', () => {
    expect(memoReferences('INV-1001', ['INV-1001', '1001']).map((m) => [m.reference, m.text])).toEqual([
      ['INV-1001', 'INV-1001'],
      ['1001', '1001'],
    ]);
    expect(memoReferences('INV 1001', ['INV', 'INV-1001']).map((m) => m.reference)).toEqual(['INV-1001', 'INV']);
    expect(memoReferences('INV 1002', ['INV', 'INV-1001']).map((m) => m.reference)).toEqual(['INV']);
    expect(memoReferences('ref 1001', ['INV-1001', '1001']).map((m) => m.reference)).toEqual(['1001']);
  });

  test('references normalising to nothing are ignored; equal normalisations keep the first', () => {
    expect(memoReferences('a - b', ['-', ''])).toEqual([]);
    expect(memoReferences('inv1001', ['INV 1001', 'INV-1001']).map((m) => m.reference)).toEqual(['INV 1001']);
  });

  test('property: a reference written with any separators between its tokens is found', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9]{1,5}$/);
    const sep = fc.constantFrom(' ', '-', '/', '.', ', ', '#', '  ');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), sep, fc.constantFrom('', 'paid ', 'x: '), (parts, s, prefix) => {
        const ref = parts.join('');
        const memo = `${prefix}${parts.join(s)} thanks`;
        expect(memoReferences(memo, [ref]).map((m) => m.normalised)).toContain(ref.toUpperCase());
        // Glued to an extra character on either side it is no longer a whole-token match.
        expect(memoReferences(`${prefix}${parts.join(s)}9 thanks`, [ref]).some((m) => m.text.endsWith(parts.join(s)))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 1: SALES_ORDER

describe('SALES_ORDER', () => {
  test('goes to the invoices created from the order, oldest due first, then date, then id', () => {
    const invoices = [
      inv('10', 500, { createdFrom: 'SO1', dueDate: '2024-02-15' }),
      inv('9', 500, { createdFrom: 'SO1', dueDate: '2024-02-15' }), // same due and date: id 9 before 10
      inv('11', 500, { createdFrom: 'SO1', dueDate: '2024-02-15', tranDate: '2023-12-31' }), // earlier date wins
      inv('12', 500, { createdFrom: 'SO1', dueDate: '2024-02-01' }), // earliest due
      inv('13', 500, { createdFrom: 'SO2', dueDate: '2023-01-01' }), // other order
    ];
    expect(plan([dep('1', 1700, { salesOrderId: 'SO1' })], invoices)).toEqual([
      ['1', '12', 500, 'SALES_ORDER'],
      ['1', '11', 500, 'SALES_ORDER'],
      ['1', '9', 500, 'SALES_ORDER'],
      ['1', '10', 200, 'SALES_ORDER'],
    ]);
  });

  test('open order: the remainder waits for the next invoice, even when other rules would match', () => {
    const invoices = [
      inv('1', 300, { createdFrom: 'SO1' }),
      inv('2', 700), // exact amount of the remainder, named in the memo too
    ];
    const p = planAll([dep('D', 1000, { salesOrderId: 'SO1', salesOrderOpen: true, memo: 'INV2' })], invoices, ON);
    expect(rows(p.applications)).toEqual([['D', '1', 300, 'SALES_ORDER']]);
    expect(p.perDeposit).toEqual([
      { depositId: 'D', customerId: 'C1', currency: 'USD', applied: 300, remaining: 700, rules: ['SALES_ORDER'], waitingForSalesOrder: true },
    ]);
  });

  test('open order without invoices yet: nothing applied, waiting', () => {
    const p = planAll([dep('D', 1000, { salesOrderId: 'SO1', salesOrderOpen: true })], [inv('2', 1000)], ON);
    expect(p.applications).toEqual([]);
    expect(p.perDeposit[0]).toMatchObject({ applied: 0, remaining: 1000, rules: [], waitingForSalesOrder: true });
  });

  test('closed or fully billed order: the remainder goes on to rules 2–5', () => {
    const invoices = [inv('1', 300, { createdFrom: 'SO1' }), inv('2', 200), inv('3', 500)];
    expect(plan([dep('D', 1000, { salesOrderId: 'SO1', memo: 'INV 2' })], invoices)).toEqual([
      ['D', '1', 300, 'SALES_ORDER'],
      ['D', '2', 200, 'REFERENCE'],
      ['D', '3', 500, 'EXACT_AMOUNT'],
    ]);
    const p = planAll([dep('D', 1000, { salesOrderId: 'SO1' })], invoices, OFF);
    expect(p.perDeposit[0].waitingForSalesOrder).toBe(false);
  });

  test('the same order in another currency or subsidiary is not eligible', () => {
    const invoices = [inv('1', 300, { createdFrom: 'SO1', currency: 'EUR' }), inv('2', 300, { createdFrom: 'SO1', subsidiary: '2' })];
    expect(plan([dep('D', 1000, { salesOrderId: 'SO1', salesOrderOpen: true })], invoices, ON)).toEqual([]);
  });

  test('a deposit smaller than the first invoice pays part of it', () => {
    expect(plan([dep('D', 120, { salesOrderId: 'SO1' })], [inv('1', 300, { createdFrom: 'SO1' })])).toEqual([['D', '1', 120, 'SALES_ORDER']]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 2: REFERENCE

describe('REFERENCE', () => {
  const invoices = [inv('1001', 10000, { tranId: 'INV-1001' }), inv('1002', 5000, { tranId: 'INV-1002' }), inv('10012', 7000, { tranId: 'INV-10012' })];

  test.each(['INV-1001', 'inv 1001', 'INV1001', 'Payment INV/1001 - thanks'])('memo %p names INV-1001', (memo) => {
    expect(plan([dep('D', 10000, { memo })], invoices)).toEqual([['D', '1001', 10000, 'REFERENCE']]);
  });

  test('INV-10012 does not name INV-1001', () => {
    expect(plan([dep('D', 3000, { memo: 'INV-10012' })], invoices)).toEqual([['D', '10012', 3000, 'REFERENCE']]);
  });

  test('several references apply in memo order; the last may be partial', () => {
    expect(plan([dep('D', 12000, { memo: 'inv 1002 + INV-1001' })], invoices)).toEqual([
      ['D', '1002', 5000, 'REFERENCE'],
      ['D', '1001', 7000, 'REFERENCE'],
    ]);
  });

  test('an invoice named twice (or by number and PO) is applied once', () => {
    const list = [inv('1', 500, { tranId: 'INV1', otherRefNum: 'PO-9' })];
    expect(plan([dep('D', 2000, { memo: 'INV1 INV1 PO 9' })], list)).toEqual([['D', '1', 500, 'REFERENCE']]);
  });

  test('PO number; several invoices with the same PO are taken oldest due first', () => {
    const list = [
      inv('1', 400, { otherRefNum: 'PO-77', dueDate: '2024-03-01' }),
      inv('2', 400, { otherRefNum: 'PO-77', dueDate: '2024-02-01' }),
      inv('3', 400, { otherRefNum: 'PO-78' }),
    ];
    expect(plan([dep('D', 600, { memo: 'po 77' })], list)).toEqual([
      ['D', '2', 400, 'REFERENCE'],
      ['D', '1', 200, 'REFERENCE'],
    ]);
  });

  test('references of another customer are not matched', () => {
    expect(plan([dep('D', 500, { memo: 'INV9' })], [inv('9', 500, { customerId: 'C2' }), inv('8', 400)])).toEqual([]);
  });

  test('explanation quotes the memo', () => {
    const p = planAll([dep('DEP12', 10000, { memo: 'Paid INV-1001' })], [inv('1001', 20000)], OFF);
    expect(p.applications.map((a) => explain(a))).toEqual(['Deposit DEP12 → INV1001 100.00 USD by REFERENCE: memo names INV-1001']);
    const q = planAll([dep('DEP13', 150, { memo: 'po 77' })], [inv('5', 150, { otherRefNum: 'PO-77' })], OFF);
    expect(explain(q.applications[0])).toBe("Deposit DEP13 → INV5 1.50 USD by REFERENCE: memo names po 77, the invoice's PO number PO-77");
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 3: EXACT_AMOUNT

describe('EXACT_AMOUNT', () => {
  test('cent-exact: 100.00 matches 100.00, not 99.99 or 100.01', () => {
    expect(plan([dep('D', 10000)], [inv('1', 9999), inv('2', 10001), inv('3', 10000)])).toEqual([['D', '3', 10000, 'EXACT_AMOUNT']]);
    expect(plan([dep('D', 10000)], [inv('1', 9999), inv('2', 10001)])).toEqual([]);
  });

  test('ties: the oldest due, due date else transaction date, then id numerically', () => {
    expect(plan([dep('D', 500)], [inv('1', 500, { dueDate: '2024-05-01' }), inv('2', 500, { dueDate: '2024-04-01' })])).toEqual([
      ['D', '2', 500, 'EXACT_AMOUNT'],
    ]);
    // No due date: the transaction date 2024-03-15 is older than the due date 2024-04-01.
    expect(
      plan([dep('D', 500)], [inv('1', 500, { dueDate: '2024-04-01' }), inv('2', 500, { dueDate: null, tranDate: '2024-03-15' })]),
    ).toEqual([['D', '2', 500, 'EXACT_AMOUNT']]);
    expect(plan([dep('D', 500)], [inv('10', 500), inv('9', 500)])).toEqual([['D', '9', 500, 'EXACT_AMOUNT']]);
  });

  test('uses the remainder left by earlier rules', () => {
    expect(plan([dep('D', 800, { memo: 'INV1' })], [inv('1', 300), inv('2', 500), inv('3', 800)])).toEqual([
      ['D', '1', 300, 'REFERENCE'],
      ['D', '2', 500, 'EXACT_AMOUNT'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 4: COMBINATION

describe('COMBINATION', () => {
  test('unique pair', () => {
    const p = planAll([dep('D', 1000)], [inv('1', 300), inv('2', 700), inv('3', 450), inv('4', 900)], OFF);
    expect(rows(p.applications)).toEqual([
      ['D', '1', 300, 'COMBINATION'],
      ['D', '2', 700, 'COMBINATION'],
    ]);
    expect(explain(p.applications[0])).toBe(
      "Deposit D → INV1 3.00 USD by COMBINATION: the only set of open invoices (INV1, INV2) adding up to the deposit's remaining 10.00",
    );
  });

  test('unique triple', () => {
    expect(plan([dep('D', 1000)], [inv('1', 200), inv('2', 300), inv('3', 500), inv('4', 5000)])).toEqual([
      ['D', '1', 200, 'COMBINATION'],
      ['D', '2', 300, 'COMBINATION'],
      ['D', '3', 500, 'COMBINATION'],
    ]);
  });

  test('the set is applied oldest due first', () => {
    expect(plan([dep('D', 1000)], [inv('1', 300, { dueDate: '2024-06-01' }), inv('2', 700, { dueDate: '2024-02-01' })])).toEqual([
      ['D', '2', 700, 'COMBINATION'],
      ['D', '1', 300, 'COMBINATION'],
    ]);
  });

  test('ambiguous: two pairs → no application', () => {
    const p = planAll([dep('D', 1000)], [inv('1', 300), inv('2', 700), inv('3', 400), inv('4', 600)], OFF);
    expect(p.applications).toEqual([]);
    expect(p.stats.combinationAmbiguous).toBe(1);
  });

  test('ambiguous: a pair and a triple → no application', () => {
    expect(plan([dep('D', 1000)], [inv('1', 300), inv('2', 700), inv('3', 100), inv('4', 600)])).toEqual([]);
  });

  test('ambiguous: same amounts on different invoices are different sets', () => {
    expect(plan([dep('D', 1000)], [inv('1', 300), inv('2', 700), inv('3', 700)])).toEqual([]);
    expect(plan([dep('D', 900)], [inv('1', 300), inv('2', 300), inv('3', 300), inv('4', 300)])).toEqual([]);
  });

  test('only 2 or 3 invoices: four that add up do not count', () => {
    expect(plan([dep('D', 1000)], [inv('1', 250), inv('2', 251), inv('3', 249), inv('4', 250)])).toEqual([]);
  });

  test('exact amount wins over a combination', () => {
    expect(plan([dep('D', 1000)], [inv('1', 300), inv('2', 700), inv('3', 1000)])).toEqual([['D', '3', 1000, 'EXACT_AMOUNT']]);
  });

  test('the search is bounded: out of budget counts as ambiguous', () => {
    // 40 even amounts and an odd target: no set exists, but proving it takes more than 10 steps.
    const list = Array.from({ length: 40 }, (_, i) => inv(String(i + 1), 2 * (i + 1)));
    const p = planAll([dep('D', 61)], list, { oldestFirst: false, combinationStepBudget: 10 });
    expect(p.applications).toEqual([]);
    expect(p.stats.combinationGaveUp).toBe(1);
    // The default budget proves that no set exists.
    expect(planAll([dep('D', 61)], list, OFF).stats).toMatchObject({ combinationGaveUp: 0, combinationAmbiguous: 0 });
  });

  test('a deposit below every pair sum: nothing', () => {
    expect(plan([dep('D', 100)], [inv('1', 60), inv('2', 70)])).toEqual([]);
  });
});

describe('uniqueCombination', () => {
  test('examples', () => {
    expect(uniqueCombination([300, 700], 1000)).toEqual({ kind: 'unique', indices: [0, 1] });
    expect(uniqueCombination([200, 300, 500, 5000], 1000)).toEqual({ kind: 'unique', indices: [0, 1, 2] });
    expect(uniqueCombination([300, 400, 600, 700], 1000)).toEqual({ kind: 'ambiguous' });
    expect(uniqueCombination([500, 500], 1000)).toEqual({ kind: 'unique', indices: [0, 1] });
    expect(uniqueCombination([500, 500, 500], 1000)).toEqual({ kind: 'ambiguous' });
    expect(uniqueCombination([1000], 1000)).toEqual({ kind: 'none' });
    expect(uniqueCombination([], 1000)).toEqual({ kind: 'none' });
    expect(uniqueCombination([1, 1], 1)).toEqual({ kind: 'none' });
    const big = Number.MAX_SAFE_INTEGER;
    expect(uniqueCombination([1, (big - 1) / 2, (big - 1) / 2 + 1], big)).toEqual({ kind: 'unique', indices: [1, 2] });
  });

  /** All index sets of size 2 or 3 adding up to the target. */
  function bruteForce(a: number[], target: number): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < a.length; i++)
      for (let j = i + 1; j < a.length; j++) {
        if (a[i] + a[j] === target) out.push([i, j]);
        for (let k = j + 1; k < a.length; k++) if (a[i] + a[j] + a[k] === target) out.push([i, j, k]);
      }
    return out;
  }

  test('property: agrees with brute force (unique / none / ambiguous), never gives up within a large budget', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 14 }), fc.integer({ min: 1, max: 100 }), (list, target) => {
        const a = [...list].sort((x, y) => x - y);
        const sets = bruteForce(a, target);
        const r = uniqueCombination(a, target);
        if (sets.length === 0) expect(r).toEqual({ kind: 'none' });
        else if (sets.length === 1) expect(r).toEqual({ kind: 'unique', indices: sets[0] });
        else expect(r).toEqual({ kind: 'ambiguous' });
      }),
      { numRuns: 1000 },
    );
  });

  test('property: with any budget the answer is either right or gaveUp', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 80 }),
        fc.nat(30),
        (list, target, budget) => {
          const a = [...list].sort((x, y) => x - y);
          const sets = bruteForce(a, target);
          const r = uniqueCombination(a, target, budget);
          const right = sets.length === 0 ? 'none' : sets.length === 1 ? 'unique' : 'ambiguous';
          expect([right, 'gaveUp']).toContain(r.kind);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('bounded: 5,000 amounts with no solution stop at the budget', () => {
    const a = Array.from({ length: 5000 }, (_, i) => 2 * (i + 1));
    expect(uniqueCombination(a, 20001, 1000)).toEqual({ kind: 'gaveUp', steps: 1000 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 5: OLDEST_FIRST

describe('OLDEST_FIRST', () => {
  const invoices = [
    inv('1', 400, { dueDate: '2024-03-01' }),
    inv('2', 400, { dueDate: null, tranDate: '2024-01-15' }), // ages from its date
    inv('3', 400, { dueDate: '2024-02-01' }),
  ];
  test('off: the remainder stays unapplied', () => {
    const p = planAll([dep('D', 1000)], invoices, OFF);
    expect(p.applications).toEqual([]);
    expect(p.perDeposit[0]).toMatchObject({ applied: 0, remaining: 1000, rules: [] });
  });
  test('on: the remainder goes to the oldest due invoices in turn', () => {
    const p = planAll([dep('D', 1000)], invoices, ON);
    expect(rows(p.applications)).toEqual([
      ['D', '2', 400, 'OLDEST_FIRST'],
      ['D', '3', 400, 'OLDEST_FIRST'],
      ['D', '1', 200, 'OLDEST_FIRST'],
    ]);
    expect(explain(p.applications[0])).toBe('Deposit D → INV2 4.00 USD by OLDEST_FIRST: oldest open invoice (due 2024-01-15)');
  });
  test('more deposit than invoices: the rest stays', () => {
    const p = planAll([dep('D', 1500)], invoices, ON);
    expect(p.perDeposit[0]).toMatchObject({ applied: 1200, remaining: 300, rules: ['OLDEST_FIRST'] });
  });
});

// ---------------------------------------------------------------------------------------------------
// Order, precedence, isolation, eligibility

describe('order and precedence', () => {
  test('all five rules in order on one deposit', () => {
    const invoices = [
      inv('1', 100, { createdFrom: 'SO1' }),
      inv('2', 200, { tranId: 'A-2' }),
      inv('3', 300, { dueDate: '2024-12-01' }),
      inv('4', 150, { dueDate: '2024-12-01' }),
      inv('5', 250, { dueDate: '2024-12-01' }),
      inv('6', 999, { dueDate: '2024-01-01' }),
    ];
    // 100 by order, 200 by reference, 750 left: no invoice of 750, no pair or triple adding up to it,
    // so the oldest due invoice (INV6, due 2024-01-01) takes it.
    const d = dep('D', 100 + 200 + 750, { salesOrderId: 'SO1', memo: 'a 2' });
    expect(plan([d], invoices, ON)).toEqual([
      ['D', '1', 100, 'SALES_ORDER'],
      ['D', '2', 200, 'REFERENCE'],
      ['D', '6', 750, 'OLDEST_FIRST'],
    ]);
    // 700 left instead: the unique triple 150 + 250 + 300.
    expect(plan([dep('D', 100 + 200 + 700, { salesOrderId: 'SO1', memo: 'a 2' })], invoices, ON)).toEqual([
      ['D', '1', 100, 'SALES_ORDER'],
      ['D', '2', 200, 'REFERENCE'],
      ['D', '3', 300, 'COMBINATION'],
      ['D', '4', 150, 'COMBINATION'],
      ['D', '5', 250, 'COMBINATION'],
    ]);
    // 999 left: exact amount.
    expect(plan([dep('D', 100 + 200 + 999, { salesOrderId: 'SO1', memo: 'a 2' })], invoices, ON)).toEqual([
      ['D', '1', 100, 'SALES_ORDER'],
      ['D', '2', 200, 'REFERENCE'],
      ['D', '6', 999, 'EXACT_AMOUNT'],
    ]);
  });

  test('reference before exact amount', () => {
    expect(plan([dep('D', 500, { memo: 'INV1' })], [inv('1', 800), inv('2', 500)])).toEqual([['D', '1', 500, 'REFERENCE']]);
  });

  test('deposits oldest first: date, then id numerically', () => {
    const invoices = [inv('1', 500)];
    expect(plan([dep('20', 500, { date: '2024-03-02' }), dep('30', 500, { date: '2024-03-01' })], invoices)).toEqual([
      ['30', '1', 500, 'EXACT_AMOUNT'],
    ]);
    expect(plan([dep('10', 500), dep('9', 500)], invoices)).toEqual([['9', '1', 500, 'EXACT_AMOUNT']]);
  });

  test('what one deposit applies reduces the invoice for the next', () => {
    expect(plan([dep('1', 300, { memo: 'INV7' }), dep('2', 200)], [inv('7', 500)])).toEqual([
      ['1', '7', 300, 'REFERENCE'],
      ['2', '7', 200, 'EXACT_AMOUNT'],
    ]);
  });

  test('stability: an older deposit is looked at again after a younger one changed the invoices', () => {
    // Deposit 1 (100) finds nothing; deposit 2 names INV7 and brings it from 150 to 100; deposit 1 then
    // matches it exactly (so that running the plan again tomorrow would not find it then).
    const p = planAll([dep('1', 100, { date: '2024-03-01' }), dep('2', 50, { date: '2024-03-02', memo: 'INV7' })], [inv('7', 150)], OFF);
    expect(rows(p.applications)).toEqual([
      ['2', '7', 50, 'REFERENCE'],
      ['1', '7', 100, 'EXACT_AMOUNT'],
    ]);
    expect(p.stats.maxPasses).toBe(3);
  });

  test('stability: what a memo names does not depend on which invoices are still open', () => {
    // 'INV 12' names INV12 and 12. Were overlapping matches ignored, paying INV12 in full would let a
    // second run read '12' in the memo and apply more.
    const deposits = [dep('D', 120, { memo: 'INV 12' })];
    const invoices = [inv('1', 100, { tranId: 'INV12' }), inv('2', 50, { tranId: '12' })];
    const p = planAll(deposits, invoices, OFF);
    expect(rows(p.applications)).toEqual([
      ['D', '1', 100, 'REFERENCE'],
      ['D', '2', 20, 'REFERENCE'],
    ]);
    const again = planAll([dep('D', 0)], [inv('1', 0, { tranId: 'INV12' }), inv('2', 30, { tranId: '12' })], OFF);
    expect(again.applications).toEqual([]);
  });

  test('customer ids are compared numerically', () => {
    expect(['10', '9', 'b', '010', 'a', '2'].sort(compareIds)).toEqual(['2', '9', '010', '10', 'a', 'b']);
    expect(compareIds('12345678901234567890', '9')).toBeGreaterThan(0);
    expect(compareIds('99999999999999999999', '100000000000000000000')).toBeLessThan(0);
  });
});

describe('isolation and eligibility', () => {
  test('customer, currency and subsidiary are never crossed', () => {
    const invoices = [
      inv('1', 500, { customerId: 'C2' }),
      inv('2', 500, { currency: 'EUR' }),
      inv('3', 500, { subsidiary: '2' }),
    ];
    expect(plan([dep('D', 500, { memo: 'INV1 INV2 INV3' })], invoices, ON)).toEqual([]);
    const p = planAll(
      [dep('D1', 500, { customerId: 'C2' }), dep('D2', 500, { currency: 'EUR' }), dep('D3', 500, { subsidiary: '2' })],
      invoices,
      ON,
    );
    expect(p.applications.map((a) => [a.depositId, a.invoiceId, a.customerId, a.currency, a.subsidiary])).toEqual([
      ['D2', '2', 'C1', 'EUR', '1'],
      ['D3', '3', 'C1', 'USD', '2'],
      ['D1', '1', 'C2', 'USD', '1'],
    ]);
  });

  test('disputed invoices are never touched, by any rule', () => {
    const invoices = [
      inv('1', 500, { disputed: true, createdFrom: 'SO1' }),
      inv('2', 500, { disputed: true }),
      inv('3', 200, { disputed: true }),
      inv('4', 300, { disputed: true }),
    ];
    const p = planAll([dep('D', 500, { salesOrderId: 'SO1', memo: 'INV2' })], invoices, ON);
    expect(p.applications).toEqual([]);
    expect(p.stats.invoicesDisputed).toBe(4);
  });

  test('amounts ≤ 0 are ignored', () => {
    const p = planAll([dep('D0', 0), dep('DN', -500), dep('D', 500)], [inv('1', 0), inv('2', -500, { tranId: 'X' }), inv('3', 100)], ON);
    expect(rows(p.applications)).toEqual([['D', '3', 100, 'OLDEST_FIRST']]);
    expect(p.perDeposit.map((x) => x.depositId)).toEqual(['D']);
    expect(p.stats).toMatchObject({ deposits: 1, depositsIgnored: 2, invoices: 1, invoicesNotOpen: 2 });
  });

  test('bad input throws, naming the record', () => {
    expect(() => planAll([dep('D', 10.5)], [], OFF)).toThrow('matching: deposit "D": amountUnapplied must be integer minor units, got 10.5');
    expect(() => planAll([], [inv('I', 100, { dueDate: '1/2/2024' })], OFF)).toThrow(`invoice "I": dueDate must be a 'YYYY-MM-DD' date`);
    expect(() => planAll([dep('D', 1, { date: '2024-0A-01' })], [], OFF)).toThrow(/deposit "D": date/);
    expect(() => planAll([], [inv('0', 1), inv('00', 1), inv('x', 1), inv('x', 2)], OFF)).toThrow(/duplicate invoice id "x"/);
    expect(() => planAll([dep('D', 1), dep('D', 2)], [], OFF)).toThrow(/duplicate deposit id "D"/);
    expect(() => planAll([], [inv('I', 1), inv('I', 2)], OFF)).toThrow(/duplicate invoice id "I"/);
    expect(() => planAll([dep('7', 1), dep('8', 1), dep('7', 5)], [], OFF)).toThrow(/duplicate deposit id "7"/);
    expect(() => planAll([], [], {} as PlanOptions)).toThrow(/oldestFirst/);
  });
});

describe('planCustomer and planAll', () => {
  test('planCustomer plans one customer and refuses several', () => {
    const p = planCustomer([dep('D', 500)], [inv('1', 500)], OFF);
    expect(rows(p.applications)).toEqual([['D', '1', 500, 'EXACT_AMOUNT']]);
    expect(() => planCustomer([dep('D', 500)], [inv('1', 500, { customerId: 'C2' })], OFF)).toThrow(/one customer/);
    expect(planCustomer([], [], OFF).applications).toEqual([]);
  });

  test('plan, per-deposit outcome and stats', () => {
    const p = planAll(
      [dep('1', 1000, { memo: 'INV10' }), dep('2', 700, { customerId: '9' }), dep('3', 50, { currency: 'EUR' })],
      [inv('10', 400), inv('11', 600), inv('20', 700, { customerId: '9' }), inv('30', 1, { customerId: '77' })],
      OFF,
    );
    expect(rows(p.applications)).toEqual([
      ['2', '20', 700, 'EXACT_AMOUNT'],
      ['1', '10', 400, 'REFERENCE'],
      ['1', '11', 600, 'EXACT_AMOUNT'],
    ]);
    expect(p.perDeposit.map((x) => [x.depositId, x.applied, x.remaining, x.rules])).toEqual([
      ['2', 700, 0, ['EXACT_AMOUNT']],
      ['1', 1000, 0, ['REFERENCE', 'EXACT_AMOUNT']],
      ['3', 0, 50, []],
    ]);
    expect(p.stats).toMatchObject({
      customers: 2,
      deposits: 3,
      depositsApplied: 2,
      depositsFullyApplied: 2,
      invoices: 3,
      invoicesWithoutDeposit: 1,
      invoicesTouched: 3,
      invoicesPaidInFull: 3,
      applications: 3,
      amountByCurrency: { USD: 1700 },
    });
    expect(p.stats.byRule.EXACT_AMOUNT).toEqual({ applications: 2, amountByCurrency: { USD: 1300 } });
    expect(p.stats.byRule.REFERENCE).toEqual({ applications: 1, amountByCurrency: { USD: 400 } });
  });

  test('explain: every rule, and the currency decimals', () => {
    const p = planAll(
      [dep('1', 1000, { salesOrderId: 'SO5', salesOrderOpen: true }), dep('2', 5, { currency: 'JPY' })],
      [inv('1', 1000, { createdFrom: 'SO5' }), inv('2', 5, { currency: 'JPY', tranId: '' })],
      OFF,
    );
    expect(explain(p.applications[0])).toBe(
      'Deposit 1 → INV1 10.00 USD by SALES_ORDER: invoice billed from sales order SO5, for which the deposit was taken (order still open: any rest waits for its next invoice)',
    );
    expect(explain(p.applications[1], { decimals: 0 })).toBe(
      "Deposit 2 → invoice 2 5 JPY by EXACT_AMOUNT: amount remaining equals the deposit's remaining 5",
    );
  });
});
