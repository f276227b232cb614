/**
 * Dashboard portlets: usage units of one render of the aging portlet (target ≤ 20) and of the DSO
 * portlet (target ≤ 60), with 1,000 and with 100,000 open invoices; the units must not grow with the
 * number of invoices (aggregation happens in summary searches). Also the emulator's wall time of one
 * render (not a NetSuite figure) and the units of the setup script.
 *
 * Accounts: Emulator.create + a generated fixture (deterministic): customers in two subsidiaries (USD,
 * GBP), open invoices spread over two years with due dates (some without), one foreign-currency
 * invoice in twenty, a payment for every fourth invoice applying part of it (a few with an unapplied
 * rest), an open credit memo and an unapplied deposit for every fiftieth. The project is deployed and
 * the setup script run, as in an account.
 */
import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchResult } from '../types';
import { Emulator } from '../../emulator/src/emulator';
import { rng } from '../random';

const AS_OF = '2026-11-27';
const DAY = 86_400_000;


const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A fixture with `openInvoices` open invoices (every invoice stays open: payments apply part of them). */
export function dashboardFixture(openInvoices: number, seed = 7): unknown {
  const rand = rng(seed);
  const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
  const customers = Math.max(10, Math.ceil(openInvoices / 25));
  const customer = Array.from({ length: customers }, (_, i) => {
    const uk = i % 10 === 9;
    return { id: 1000 + i, entityid: `C${i}`, companyname: `Customer ${i}`, subsidiary: uk ? 2 : 1, currency: uk ? 3 : i % 20 === 3 ? 2 : 1, ...(i % 7 === 0 ? {} : { terms: 1 }) };
  });
  const invoice: unknown[] = [];
  const customerpayment: unknown[] = [];
  const creditmemo: unknown[] = [];
  const customerdeposit: unknown[] = [];
  let id = 10_000;
  for (let n = 0; n < openInvoices; n++) {
    const c = customer[n % customers];
    const rate = c.currency === 2 ? 1.1 : 1;
    const trandate = iso(asOfMs - Math.floor(rand() * 730) * DAY);
    const amount = Math.round(100 + rand() * 9_900);
    const invId = ++id;
    invoice.push({ id: invId, entity: c.id, trandate, currency: c.currency, exchangerate: rate, subsidiary: c.subsidiary, ...(c.terms ? { terms: 1 } : {}), item: [{ item: 1, quantity: 1, rate: amount, amount }] });
    if (n % 4 === 0) {
      const paid = Math.round(amount / 2);
      const extra = n % 40 === 0 ? 25 : 0;
      const payDate = iso(Math.min(asOfMs, Date.parse(`${trandate}T00:00:00Z`) + Math.floor(rand() * 60) * DAY));
      customerpayment.push({ id: ++id, customer: c.id, trandate: payDate, payment: paid + extra, currency: c.currency, exchangerate: rate, subsidiary: c.subsidiary, apply: [{ doc: invId, amount: paid }] });
    }
    if (n % 50 === 0) {
      creditmemo.push({ id: ++id, entity: c.id, trandate, currency: c.currency, exchangerate: rate, subsidiary: c.subsidiary, item: [{ item: 1, quantity: 1, rate: 40, amount: 40 }] });
      customerdeposit.push({ id: ++id, customer: c.id, trandate, payment: 60, currency: c.currency, exchangerate: rate, subsidiary: c.subsidiary });
    }
  }
  return {
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
      customer,
      invoice,
      creditmemo,
      customerdeposit,
      customerpayment,
    },
  };
}

function renderCase(openInvoices: number, label: string): BenchCase {
  return {
    name: `dashboard: ${label}`,
    run(): BenchResult[] {
      const emu = Emulator.create(AS_OF);
      emu.applyProjectCustomizations();
      emu.loadFixture(dashboardFixture(openInvoices));
      emu.deploy();
      const setup = emu.run('customscript_ara_ss_setup');
      const open = emu.records.ids('invoice').length;
      let t = performance.now();
      const aging = emu.portlet('customscript_ara_pl_aging', 'customdeploy_ara_pl_aging');
      const agingMs = performance.now() - t;
      t = performance.now();
      const dso = emu.portlet('customscript_ara_pl_dso', 'customdeploy_ara_pl_dso');
      const dsoMs = performance.now() - t;
      if (aging.error || dso.error || !dso.html.includes('data-metric="dso"')) {
        throw new Error(`portlet failed: ${JSON.stringify(aging.error ?? dso.error ?? dso.html.slice(0, 500))}`);
      }
      return [
        { name: `${label}: aging portlet render usage (${open} open invoices)`, value: aging.usage, unit: 'units', target: '<= 20', ok: aging.usage <= 20 },
        { name: `${label}: DSO portlet render usage (${open} open invoices)`, value: dso.usage, unit: 'units', target: '<= 60', ok: dso.usage <= 60 },
        { name: `${label}: aging portlet render, emulator time`, value: Math.round(agingMs), unit: 'ms', target: null, ok: null },
        { name: `${label}: DSO portlet render, emulator time`, value: Math.round(dsoMs), unit: 'ms', target: null, ok: null },
        { name: `${label}: setup script usage (9 saved searches)`, value: setup.usage.total, unit: 'units', target: '<= 10000', ok: setup.usage.total <= 10_000 },
      ];
    },
  };
}

export const cases: BenchCase[] = [renderCase(1_000, '1,000 open invoices'), renderCase(100_000, '100,000 open invoices')];
