/**
 * The auto-apply adapter with N/* mocked: one deposit application (transform, lines capped at their due,
 * memo, save) and NetSuite's error code when it fails; parameters.
 */
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import { postDepositApplication, readParams } from '../../ts/adapters/autoapply';
import type { Deposit } from '../../ts/core/matching';
import type { Minor } from '../../ts/core/money';
import type { CalendarDate } from '../../ts/core/dates';

jest.mock('N/record');
jest.mock('N/runtime');
jest.mock('N/error', () => ({ create: ({ name, message }: { name: string; message: string }) => Object.assign(new Error(message), { name }) }));

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

function fakeApplication(lines: { doc: string; due: number }[], save: () => number) {
  const set: { line: number; value: unknown }[] = [];
  const rec = {
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
