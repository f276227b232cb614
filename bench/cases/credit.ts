/**
 * Credit holds: usage units of the compiled scripts in the emulator, held to the targets of issue 5.
 * - sales order evaluation (beforeSubmit) for a customer with 2,000 open invoices and 200 open orders;
 * - refresh after a payment, when nothing changes and when the hold changes;
 * - the nightly sweep over a 20,000-customer demo account: per changed customer (map) and amortised per
 *   unchanged customer (getInputData + summarize + map invocations that change nothing). A changed
 *   customer costs 15 units, the floor: the customer's Hold field (creditholdoverride) cannot be set with
 *   record.submitFields (not inline-editable), so it takes record.load 5 + save 10; the decision's credit
 *   event is a line of the customer's child sublist (recmachcustrecord_ara_ce_customer: the credit
 *   event's customer field is its parent field), created by that same save at no extra cost.
 * Settings are read through N/cache: the figures are with a warm cache (one earlier credit script run);
 * a cold cache adds 11 units to the first run in 5 minutes (the settings search).
 */
import type { BenchCase, BenchResult } from '../types';
import { Emulator } from '../../emulator/src/emulator';
import { CUSTOMERS as C, USERS as U, creditAccount, creditProject, orderValues, payInvoice } from '../../tests/integration/credit-fixture';

const max = (u: { stage: string; usage: number }[], stage: string): number => Math.max(0, ...u.filter((x) => x.stage.endsWith(stage)).map((x) => x.usage));
const ok = (v: number, target: number) => v <= target;

function manyInvoices(): Record<string, Record<string, unknown>[]> {
  const invoice: Record<string, unknown>[] = [];
  const salesorder: Record<string, unknown>[] = [];
  for (let i = 0; i < 2000; i++) {
    const d = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    invoice.push({ id: 1000 + i, entity: 10, trandate: d, currency: 1, exchangerate: 1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: 10, amount: 10 }] });
  }
  for (let i = 0; i < 200; i++) salesorder.push({ id: 5000 + i, entity: 10, trandate: '2026-11-01', orderstatus: 'B', currency: 1, exchangerate: 1, subsidiary: 1, item: [{ item: 1, quantity: 1, rate: 5, amount: 5 }] });
  return { invoice, salesorder };
}

export const cases: BenchCase[] = [
  {
    name: 'credit: sales order evaluation and refresh (usage units)',
    run(): BenchResult[] {
      const emu = creditAccount({}, manyInvoices());
      const cold = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk });
      const warm = emu.recordCommand('create', 'salesorder', { values: orderValues(C.clean, 10), as: U.clerk });
      const eu = emu.recordCommand('create', 'salesorder', { values: orderValues(C.euro, 10, { currency: 2 }), as: U.clerk });
      const unchanged = payInvoice(emu, '103'); // manual hold: not ours, nothing changes
      const late = payInvoice(emu, '101'); // Near Limit Co: clear before and after
      const released = payInvoice(emu, '105'); // Ours Co: released
      const placed = emu.recordCommand('create', 'invoice', { values: { entity: C.nearLimit, item: [{ item: 1, quantity: 1, rate: 1500, amount: 1500 }] }, as: U.admin });
      const so = max(warm.userEventUsage, 'so_credit.beforeSubmit');
      const soCold = max(cold.userEventUsage, 'so_credit.beforeSubmit');
      const soEur = max(eu.userEventUsage, 'so_credit.beforeSubmit');
      const none = Math.max(max(unchanged.usage, 'ar_refresh.afterSubmit'), max(late.usage, 'ar_refresh.afterSubmit'));
      const change = Math.max(max(released.usage, 'ar_refresh.afterSubmit'), max(placed.userEventUsage, 'ar_refresh.afterSubmit'));
      return [
        { name: 'credit: order evaluation, 2,000 invoices + 200 orders (warm cache)', value: so, unit: 'units', target: '<= 25', ok: ok(so, 25) },
        { name: 'credit: order evaluation, 2,000 invoices + 200 orders (cold cache)', value: soCold, unit: 'units', target: '<= 25', ok: ok(soCold, 25) },
        { name: 'credit: order evaluation, multi-currency customer', value: soEur, unit: 'units', target: '<= 25', ok: ok(soEur, 25) },
        { name: 'credit: order afterSubmit (audit of a held order)', value: max(cold.userEventUsage, 'so_credit.afterSubmit'), unit: 'units', target: null, ok: null },
        { name: 'credit: refresh, nothing changes', value: none, unit: 'units', target: '<= 15', ok: ok(none, 15) },
        { name: 'credit: refresh, hold changes', value: change, unit: 'units', target: '<= 40', ok: ok(change, 40) },
      ];
    },
  },
  {
    name: 'credit: nightly sweep over 20,000 customers (usage units)',
    run(): BenchResult[] {
      const dir = creditProject();
      const emu = Emulator.create('2026-11-27');
      emu.applyProjectCustomizations(dir);
      emu.loadDemo({ customers: 20000 });
      emu.deploy(dir);
      const customers = emu.records.ids('customer').length;
      const run = emu.run('customscript_ara_mr_credit_sweep');
      const inv = run.usage.invocations;
      const maps = inv.filter((i) => i.stage === 'map');
      const changedMaps = maps.filter((i) => i.usage > 0);
      const changed = changedMaps.length;
      const fixed = inv.filter((i) => i.stage !== 'map').reduce((a, i) => a + i.usage, 0);
      const unchangedMapUnits = maps.filter((i) => i.usage === 0).reduce((a, i) => a + i.usage, 0);
      const perUnchanged = (fixed + unchangedMapUnits) / Math.max(1, customers - changed);
      const perChanged = Math.max(0, ...changedMaps.map((i) => i.usage));
      // A second night with nothing to change.
      const again = emu.run('customscript_ara_mr_credit_sweep');
      const againTotal = again.usage.total;
      return [
        { name: `credit: sweep, ${customers} customers, ${changed} changed: per unchanged customer (amortised)`, value: Number(perUnchanged.toFixed(4)), unit: 'units/customer', target: '<= 1', ok: perUnchanged <= 1 },
        // Issue 5 asks <= 20. The Hold field cannot be set with submitFields, so customer load 5 + save 10; the
        // audit record is a credit event line of the customer created by the same save (no extra units).
        { name: 'credit: sweep, per changed customer (map; floor 15 = customer load 5 + save 10, audit line included)', value: perChanged, unit: 'units', target: '<= 20 (issue 5)', ok: perChanged <= 20 },
        { name: 'credit: sweep, second night (nothing to change), total', value: againTotal, unit: 'units', target: null, ok: null },
        { name: 'credit: sweep, candidates (map invocations) first night / second night', value: maps.length, unit: `invocations (second: ${again.usage.invocations.filter((i) => i.stage === 'map').length})`, target: null, ok: null },
        { name: 'credit: sweep errors', value: run.errors.length + again.errors.length, unit: 'errors', target: '0', ok: run.errors.length + again.errors.length === 0 },
      ];
    },
  },
];
