/**
 * The auto-apply adapter with N/* mocked: one deposit application (transform, lines capped at their due,
 * memo, save) and NetSuite's error code when it fails; parameters.
 */
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import {
  LIVE_RUN_MS,
  depositCountsByCustomer,
  doneSalesOrders,
  liveRunBefore,
  postDepositApplication,
  readParams,
  recheckFacts,
  searchDeposits,
  searchOpenInvoices,
  startOfRunName,
} from '../../ts/adapters/autoapply';
import type { Deposit } from '../../ts/core/matching';
import type { Minor } from '../../ts/core/money';
import type { CalendarDate } from '../../ts/core/dates';

jest.mock('N/record');
jest.mock('N/runtime');
jest.mock('N/error', () => ({ create: ({ name, message }: { name: string; message: string }) => Object.assign(new Error(message), { name }) }));

/** N/search: records every search created; each returns `rows` (objects with id and values). */
const created: { type: string; filters: unknown; columns: unknown[] }[] = [];
let rows: { id: string; values: Record<string, unknown> }[] = [];
jest.mock('N/search', () => {
  const result = (r: { id: string; values: Record<string, unknown> }) => ({
    id: r.id,
    getValue: (c: string | { name: string }) => r.values[typeof c === 'string' ? c : c.name] ?? '',
    getText: () => '',
  });
  return {
    Type: { CUSTOMER_DEPOSIT: 'customerdeposit', INVOICE: 'invoice', SALES_ORDER: 'salesorder', TRANSACTION: 'transaction' },
    Summary: { GROUP: 'GROUP', COUNT: 'COUNT' },
    Sort: { ASC: 'ASC', DESC: 'DESC' },
    createColumn: (o: object) => ({ ...o }),
    create: (o: { type: string; filters: unknown; columns: unknown[] }) => {
      created.push(o);
      return {
        runPaged: () => ({ pageRanges: rows.length ? [{ index: 0 }] : [], fetch: () => ({ data: rows.map(result) }) }),
        run: () => ({ getRange: () => rows.map(result) }),
      };
    },
  };
});

const deposit: Deposit = {
  id: '55',
  customerId: '7',
  currency: 'USD',
  subsidiary: '1',
  date: '2026-10-01' as CalendarDate,
  amountUnapplied: 10000 as Minor,
  salesOrderId: null,
  salesOrderOpen: false,
  memo: '',
};

function fakeApplication(lines: { doc: string; due: number }[], save: () => number, unapplied: number | '' = '') {
  const set: { line: number; value: unknown }[] = [];
  const rec = {
    getValue: jest.fn(({ fieldId }: { fieldId: string }) => (fieldId === 'unapplied' ? unapplied : '')),
    getLineCount: jest.fn(() => lines.length),
    getSublistValue: jest.fn(({ fieldId, line }: { fieldId: string; line: number }) => (fieldId === 'doc' ? lines[line].doc : lines[line].due)),
    setSublistValue: jest.fn(({ line, value }: { line: number; value: unknown }) => set.push({ line, value })),
    setValue: jest.fn(),
    save: jest.fn(save),
  };
  (record.transform as unknown as jest.Mock).mockReturnValue(rec);
  return { rec, set };
}

describe('postDepositApplication', () => {
  beforeEach(() => jest.clearAllMocks());

  it('ticks the decided lines at most at their due, sets the memo, saves once', () => {
    const { rec, set } = fakeApplication(
      [
        { doc: '100', due: 50 },
        { doc: '101', due: 20.5 },
      ],
      () => 9001,
    );
    const out = postDepositApplication(deposit, (view) => {
      expect([...view.dues]).toEqual([
        ['100', 5000],
        ['101', 2050],
      ]);
      return {
        memo: 'AR Autopilot run 3: EXACT_AMOUNT',
        lines: [
          { invoiceId: '101', invoiceTranId: 'INV101', amount: 3000 as Minor, application: {} as never },
          { invoiceId: '999', invoiceTranId: 'INV999', amount: 100 as Minor, application: {} as never },
        ],
      };
    });
    expect(record.transform).toHaveBeenCalledWith({ fromType: 'customerdeposit', fromId: 55, toType: 'depositapplication' });
    expect(set).toEqual([{ line: 1, value: 20.5 }]); // capped at the line's due; an invoice not listed is skipped
    expect(rec.setValue).toHaveBeenCalledWith({ fieldId: 'memo', value: 'AR Autopilot run 3: EXACT_AMOUNT' });
    expect(rec.save).toHaveBeenCalledTimes(1);
    expect(out).toEqual({ kind: 'posted', applicationId: '9001', lines: [{ invoiceId: '101', amount: 2050 }] });
  });

  it("caps the lines together at the deposit's unapplied amount when the transformed record shows it", () => {
    const { set } = fakeApplication(
      [
        { doc: '100', due: 50 },
        { doc: '101', due: 40 },
      ],
      () => 9002,
      60,
    );
    const out = postDepositApplication(deposit, (view) => {
      expect(view.depositUnapplied).toBe(6000);
      return {
        memo: 'm',
        lines: [
          { invoiceId: '100', invoiceTranId: 'INV100', amount: 5000 as Minor, application: {} as never },
          { invoiceId: '101', invoiceTranId: 'INV101', amount: 4000 as Minor, application: {} as never },
        ],
      };
    });
    expect(set).toEqual([
      { line: 0, value: 50 },
      { line: 1, value: 10 },
    ]);
    expect(out).toEqual({ kind: 'posted', applicationId: '9002', lines: [{ invoiceId: '100', amount: 5000 }, { invoiceId: '101', amount: 1000 }] });
  });

  it('a record that does not show the unapplied amount: view.depositUnapplied is null, no cap of its own', () => {
    fakeApplication([{ doc: '100', due: 50 }], () => 1);
    postDepositApplication(deposit, (view) => {
      expect(view.depositUnapplied).toBeNull();
      return { memo: 'm', lines: [] };
    });
  });

  it('does not save when nothing is left to apply', () => {
    const { rec } = fakeApplication([{ doc: '100', due: 50 }], () => 1);
    expect(postDepositApplication(deposit, () => ({ memo: 'm', lines: [] }))).toEqual({ kind: 'nothing' });
    expect(rec.save).not.toHaveBeenCalled();
  });

  it("returns NetSuite's error code instead of throwing", () => {
    fakeApplication([{ doc: '100', due: 50 }], () => {
      throw Object.assign(new Error('You cannot apply more than the amount due'), { name: 'USER_ERROR' });
    });
    const out = postDepositApplication(deposit, () => ({ memo: 'm', lines: [{ invoiceId: '100', invoiceTranId: 'INV100', amount: 100 as Minor, application: {} as never }] }));
    expect(out).toEqual({ kind: 'failed', code: 'USER_ERROR', message: 'You cannot apply more than the amount due' });
  });
});

describe('readParams', () => {
  const params: Record<string, unknown> = {};
  beforeEach(() => {
    (runtime.getCurrentScript as jest.Mock).mockReturnValue({ getParameter: ({ name }: { name: string }) => params[name] ?? null });
    for (const k of Object.keys(params)) delete params[k];
  });

  it('defaults: post, oldest first, all subsidiaries, no recipient, no folder, pass 0', () => {
    expect(readParams()).toEqual({ mode: 'post', oldestFirst: true, subsidiary: null, recipient: null, folder: null, pass: 0 });
  });

  it('reads preview and the filters; an unknown mode is ARA_AUTOAPPLY_MODE', () => {
    Object.assign(params, { custscript_ara_aa_mode: ' Preview ', custscript_ara_aa_oldest: false, custscript_ara_aa_subsidiary: '2', custscript_ara_aa_pass: 3 });
    expect(readParams()).toMatchObject({ mode: 'preview', oldestFirst: false, subsidiary: '2', pass: 3 });
    params.custscript_ara_aa_mode = 'yolo';
    expect(() => readParams()).toThrow(expect.objectContaining({ name: 'ARA_AUTOAPPLY_MODE' }));
  });
});

describe('searches', () => {
  beforeEach(() => {
    created.length = 0;
    rows = [];
    (runtime.getCurrentUser as jest.Mock).mockReturnValue({ getPreference: () => 'M/D/YYYY' });
  });

  const sorted = (cols: unknown[]) => cols.filter((c): c is { name: string; join?: string; sort: string } => typeof c === 'object' && c !== null && 'sort' in c);

  it('every paged search ends its sort with a unique internal id (pages neither skip nor repeat rows)', () => {
    depositCountsByCustomer(null);
    searchDeposits(['7'], null);
    searchOpenInvoices(['7']);
    doneSalesOrders(['50']);
    recheckFacts(['55'], ['7']);
    expect(created.map((c) => c.type)).toEqual(['customerdeposit', 'customerdeposit', 'invoice', 'salesorder', 'transaction']);
    for (const c of created) {
      const s = sorted(c.columns);
      expect(s.length).toBeGreaterThan(0);
      expect(s[s.length - 1]).toMatchObject({ name: 'internalid', sort: 'ASC' });
    }
    // The summary search sorts by the customer's internal id (one row per customer).
    expect(sorted(created[0].columns)[0]).toMatchObject({ join: 'customer', summary: 'GROUP' });
  });

  it("a deposit's sales order counts as done by a status filter (codes), not by comparing getValue", () => {
    rows = [{ id: '60', values: { entity: '7', salesorder: '50', trandate: '10/1/2026', fxamountremaining: '10.00' } }];
    const [d] = searchDeposits(['7'], null);
    expect(d.salesOrderOpen).toBe(true); // the done-orders search found nothing
    const orders = created.find((c) => c.type === 'salesorder')!;
    expect(JSON.stringify(orders.filters)).toContain('"status","anyof",["SalesOrd:C","SalesOrd:G","SalesOrd:H"]');
    expect(JSON.stringify(orders.filters)).toContain('"internalid","anyof",["50"]');
    // No sales order: no search.
    created.length = 0;
    expect(doneSalesOrders([]).size).toBe(0);
    expect(created).toEqual([]);
  });

  it('liveRunBefore: a RUNNING post run started less than 6 hours ago holds the run; an older one (crashed) does not', () => {
    const now = new Date(Date.UTC(2026, 10, 27, 12, 0));
    expect(startOfRunName('Auto-apply post 2026-11-27 09:30 UTC')).toBe(Date.UTC(2026, 10, 27, 9, 30));
    rows = [{ id: '41', values: { name: 'Auto-apply post 2026-11-27 09:30 UTC' } }];
    expect(liveRunBefore('42', now)).toEqual({ id: '41', start: '2026-11-27 09:30 UTC' });
    expect(JSON.stringify(created[0].filters)).toContain('["internalidnumber","lessthan",42]');
    rows = [{ id: '40', values: { name: 'Auto-apply post 2026-11-27 05:59 UTC' } }];
    expect(now.getTime() - startOfRunName('Auto-apply post 2026-11-27 05:59 UTC')!).toBeGreaterThan(LIVE_RUN_MS);
    expect(liveRunBefore('42', now)).toBeNull();
    rows = [{ id: '39', values: { name: 'renamed by someone' } }];
    expect(liveRunBefore('42', now)).toBeNull();
  });
});
