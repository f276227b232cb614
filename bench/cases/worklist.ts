/**
 * Collector worklist usage units (the targets): queue page ≤ 60 with 100 and 20,000 past-due
 * customers (scoring and sorting in a summary search), customer view ≤ 80, each action ≤ 60. Measured on
 * the compiled Suitelet in the emulator; usage is the Suitelet's own (user events excluded).
 */
import type { BenchCase, BenchResult } from '../types';
import type { Emulator } from '../../emulator/src/emulator';
import { COLE, SAM, baseFixture, customer, get, invoice, post, tokenOf, worklistAccount } from '../../tests/integration/worklist-helpers';

function account(pastDue: number, promises = 0): Emulator {
  const more = { customer: [] as Record<string, unknown>[], invoice: [] as Record<string, unknown>[], customerpayment: [] as Record<string, unknown>[], activity: [] as Record<string, unknown>[] };
  for (let i = 0; i < pastDue; i++) {
    more.customer.push(customer(1000 + i, `Customer ${i}`, COLE));
    more.invoice.push(invoice(100000 + i, 1000 + i, i % 2 === 0 ? '2026-08-15' : '2026-10-01', 100 + (i % 997)));
  }
  // Current promises of 50.00 made on 11/10: the first half promised by 11/20 (a third of those paid since),
  // the rest by 12/10. Payments of 50.00 also lower the overdue balance; the others are read from payments.
  for (let i = 0; i < promises; i++) {
    const id = 1000 + i;
    more.activity.push({
      custrecord_ara_act_customer: id,
      custrecord_ara_act_type: 'promise',
      custrecord_ara_act_date: '2026-11-10',
      custrecord_ara_act_promise_amount: 50,
      custrecord_ara_act_promise_date: i < promises / 2 ? '2026-11-20' : '2026-12-10',
      custrecord_ara_act_promise_baseline: 100 + (i % 997), // the overdue then (this customer's one invoice)
      custrecord_ara_act_current: true,
    });
    if (i % 3 === 0) more.customerpayment.push({ customer: id, trandate: '2026-11-15', payment: 50, currency: 1, exchangerate: 1, subsidiary: 1, apply: [{ doc: 100000 + i, amount: 50 }] });
  }
  return worklistAccount(baseFixture(more));
}

const units = (name: string, value: number, max: number): BenchResult => ({ name, value, unit: 'units', target: `<= ${max}`, ok: value <= max });

function queueCase(pastDue: number): BenchCase {
  return {
    name: `worklist: queue page, ${pastDue} past-due customers`,
    run() {
      const emu = account(pastDue);
      const first = get(emu, { as: COLE });
      const all = get(emu, { as: SAM, params: { ara_collector: 'all', ara_page: '3' } });
      if (first.error || all.error) throw new Error(JSON.stringify(first.error ?? all.error));
      return [units(`worklist: queue page 1, ${pastDue} past-due (collector)`, first.usage, 60), units(`worklist: queue page 3, ${pastDue} past-due (supervisor, all)`, all.usage, 60)];
    },
  };
}

export const cases: BenchCase[] = [
  queueCase(100),
  queueCase(20000),
  {
    name: 'worklist: queue page with current promises (payments read)',
    run() {
      const emu = account(100, 20);
      const first = get(emu, { as: COLE }); // settings cache cold: the first request after 5 minutes
      const again = get(emu, { as: COLE });
      if (first.error || again.error) throw new Error(JSON.stringify(first.error ?? again.error));
      return [units('worklist: queue page 1, 20 promises, settings cache cold', first.usage, 60), units('worklist: queue page 1, 20 promises, settings cached', again.usage, 60)];
    },
  },
  {
    name: 'worklist: customer view and actions',
    run() {
      const emu = account(100);
      const out: BenchResult[] = [];
      const view = get(emu, { as: COLE, params: { ara_customer: '10' } });
      out.push(units('worklist: customer view', view.usage, 80));
      for (const action of ['dispute', 'assign']) {
        const form = get(emu, { as: SAM, params: { ara_customer: '10', ara_action: action } });
        out.push(units(`worklist: ${action} form`, form.usage, 80));
      }
      const t = tokenOf(emu, COLE, '10');
      const ts = tokenOf(emu, SAM, '10');
      const actions: [string, string, Record<string, string>][] = [
        ['log', COLE, { ara_activity_type: 'call', ara_note: 'Called', ara_next_action: '12/4/2026', ara_token: t }],
        ['log (again, replaces the snooze)', COLE, { ara_activity_type: 'email', ara_note: 'Emailed', ara_token: t }],
        ['promise', COLE, { ara_amount: '250.00', ara_promise_date: '12/10/2026', ara_token: t }],
        ['dispute', COLE, { ara_invoice: '100', ara_dispute_on: 'dispute', ara_reason: 'Damaged', ara_token: t }],
        ['statement', COLE, { ara_token: t }],
        ['hold', SAM, { ara_hold_on: 'place', ara_reason: 'Bounced cheque', ara_token: ts }],
        ['assign', SAM, { ara_new_collector: '3', ara_token: ts }],
      ];
      for (const [label, as, params] of actions) {
        const action = label.split(' ')[0];
        const r = post(emu, { as, params: { ara_action: action, ara_customer: '10', ...params } });
        if (!r.redirect) throw new Error(`${label}: ${r.error?.message ?? 'no redirect (a check failed)'}`);
        out.push(units(`worklist: action ${label}`, r.usage, 60));
      }
      return out;
    },
  },
];
