/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * Nightly credit sweep: customers become delinquent by the calendar, not by an event. getInputData runs,
 * per settings row (company default, then each subsidiary row), one summary search over the open
 * receivables and approved unbilled orders grouped by customer and currency, whose HAVING filter keeps
 * only customers whose state may change: Hold AUTO customers whose invoices and orders reach the credit
 * limit or whose overdue-beyond-grace reaches the minimum (a superset: credits and deposits are left out
 * of the test), and every customer held by us. Customers held by us without any open transaction come from
 * a customer search. A third summary search per settings row, grouped by customer only, adds every
 * Hold AUTO or held-by-us customer with an open transaction in another currency than its own: their sums
 * per currency cannot be compared with the limit one currency at a time (60 % of the limit in USD and 60 %
 * in EUR is over it), so they are always evaluated exactly in map (12 units).
 * map evaluates each other candidate with the policy from the search's sums (0 units) and changes only
 * those whose state changes (load + save the customer: 15 units, the floor: the Hold field cannot be set
 * with submitFields; the decision's audit record is a line of the customer's credit event sublist, created
 * by the same save, with a separate record as fallback when the line cannot be added). Before writing,
 * the loaded customer's Hold and AR Autopilot flag are compared with the state the decision was taken from:
 * a customer changed since getInputData (a manual hold placed, Hold OFF set) is left as it is (logged).
 * OFF customers, manual holds and unrecognised Hold values are never changed.
 */
import * as log from 'N/log';
import * as search from 'N/search';
import type { EntryPoints } from 'N/types';
import { type CreditSettings, decideHold, evaluateCustomer } from './core/credit';
import { CREDIT_HOLD, CUSTOM_FIELDS, CUSTOMER, TXN } from './core/fields';
import { TYPE_TEXT } from './core/ids/credit';
import { toMajor } from './core/money';
import {
  type CustomerCredit,
  type ExposureGroup,
  creditInput,
  customerFromValues,
  evaluate,
  groupFromResult,
  isKnownHold,
  openFilter,
  sumColumns,
  writeHold,
} from './adapters/credit';
import { type SettingsRow, loadSettingsRows, settingsFor } from './adapters/credit-settings';

const LOG_TITLE = 'ARA credit sweep';

/** A customer to evaluate in map, with everything the policy needs. */
export interface Candidate {
  customer: CustomerCredit;
  groups: ExposureGroup[];
  settings: CreditSettings;
  today: string;
  /** Evaluate with a fresh search in map (12 units) rather than from the sums. */
  exact?: boolean;
}

/** Per-row "pressure" whose SUM reaches 1 when a Hold AUTO customer may have to be held (a superset). */
function pressureFormula(s: CreditSettings): string {
  const t = TYPE_TEXT;
  const gross = `(CASE WHEN {type} = '${t.invoice}' THEN {fxamountremaining}${
    s.includeUnbilledOrders ? ` WHEN {type} = '${t.salesOrder}' THEN ROUND({amountunbilled} / {exchangerate}, 2)` : ''
  } ELSE 0 END)`;
  const k = 1 + s.limitTolerancePct / 100;
  const over = `(CASE WHEN {customer.creditlimit} IS NULL THEN 0 WHEN {customer.creditlimit} = 0 THEN (CASE WHEN ${gross} > 0 THEN 1 ELSE 0 END) ELSE ${gross} / ({customer.creditlimit} * ${k}) END)`;
  const min = Math.max(toMajor(s.minOverdue), 0.01);
  const overdue = `(CASE WHEN {type} = '${t.invoice}' AND {today} - NVL({duedate}, {trandate}) > ${s.graceDays} THEN {fxamountremaining} ELSE 0 END) / ${min}`;
  return `${over} + ${overdue}`;
}

/** Per-row overdue ratio whose SUM stays below 1 while a customer is not delinquent (release is possible). */
function overdueFormula(s: CreditSettings): string {
  const min = Math.max(toMajor(s.minOverdue), 0.01);
  return `(CASE WHEN {type} = '${TYPE_TEXT.invoice}' AND {today} - NVL({duedate}, {trandate}) > ${s.graceDays} THEN {fxamountremaining} ELSE 0 END) / ${min}`;
}

/** Per-row: 1 for a transaction in another currency than its customer's (names compared), else 0. */
const FOREIGN_FORMULA = 'CASE WHEN {currency} = {customer.currency} THEN 0 ELSE 1 END';

/** Settings groups: each subsidiary row, then the company default for every other subsidiary. */
function settingsGroups(rows: readonly SettingsRow[]): { label: string; subsidiaries: string[] | null; others: string[]; settings: CreditSettings }[] {
  const subs = [...new Set(rows.filter((r) => r.subsidiary !== '').map((r) => r.subsidiary))];
  const out: { label: string; subsidiaries: string[] | null; others: string[]; settings: CreditSettings }[] = [];
  for (const sub of subs) {
    const s = settingsFor(rows, sub);
    if (s.ok) out.push({ label: `subsidiary ${sub}`, subsidiaries: [sub], others: [], settings: s.settings });
    else log.error({ title: `${LOG_TITLE}: invalid settings, subsidiary ${sub} skipped`, details: s.problem });
  }
  const d = settingsFor(rows, null);
  if (d.ok) out.push({ label: 'company default', subsidiaries: null, others: subs, settings: d.settings });
  else log.error({ title: `${LOG_TITLE}: invalid company default settings, only subsidiary rows swept`, details: d.problem });
  return out;
}

function subsidiaryFilter(field: string, g: { subsidiaries: string[] | null; others: string[] }): unknown[] | null {
  if (g.subsidiaries) return [field, 'anyof', ...g.subsidiaries];
  if (g.others.length) return [field, 'noneof', ...g.others];
  return null;
}

function eachResult(s: search.Search, f: (r: search.Result) => void): void {
  const paged = s.runPaged({ pageSize: 1000 });
  paged.pageRanges.forEach((range) => {
    paged.fetch({ index: range.index }).data.forEach(f);
  });
}

export function getInputData(): Candidate[] {
  const rows = loadSettingsRows();
  const found = new Map<string, Candidate>();
  const groups = settingsGroups(rows);
  // A: Hold AUTO customers that may have to be held. B: customers held by us that are not delinquent
  // (they may be clear: over limit is checked in map).
  for (const g of groups) for (const pass of ['place', 'release'] as const) {
    const sums = sumColumns(g.settings.graceDays);
    const customerCols = {
      entity: search.createColumn({ name: TXN.entity, summary: search.Summary.GROUP }),
      currency: search.createColumn({ name: TXN.currency, summary: search.Summary.GROUP }),
      custCurrency: search.createColumn({ name: CUSTOMER.currency, join: 'customer', summary: search.Summary.GROUP }),
      subsidiary: search.createColumn({ name: CUSTOMER.subsidiary, join: 'customer', summary: search.Summary.GROUP }),
      hold: search.createColumn({ name: 'credithold', join: 'customer', summary: search.Summary.GROUP }),
      auto: search.createColumn({ name: CUSTOM_FIELDS.autoHold, join: 'customer', summary: search.Summary.GROUP }),
      limit: search.createColumn({ name: CUSTOMER.creditlimit, join: 'customer', summary: search.Summary.MAX }),
    };
    const filters: unknown[] = [openFilter(), 'and'];
    if (pass === 'place') filters.push(['customer.credithold', 'anyof', CREDIT_HOLD.auto]);
    else filters.push([['customer.credithold', 'anyof', CREDIT_HOLD.on], 'and', [`customer.${CUSTOM_FIELDS.autoHold}`, 'is', 'T']]);
    const sf = subsidiaryFilter(`customer.${CUSTOMER.subsidiary}`, g);
    if (sf) filters.push('and', sf);
    // HAVING: a superset of the customers whose state must change (map decides exactly)
    if (pass === 'place') filters.push('and', [`sum(formulanumeric: ${pressureFormula(g.settings)})`, 'greaterthanorequalto', '0.9999']);
    else filters.push('and', [`sum(formulanumeric: ${overdueFormula(g.settings)})`, 'lessthan', '1']);
    const s = search.create({ type: search.Type.TRANSACTION, filters, columns: [...Object.values(customerCols), ...sums] });
    eachResult(s, (r) => {
      const id = String(r.getValue(customerCols.entity));
      const { group, today } = groupFromResult(r, String(r.getValue(customerCols.currency)), sums);
      let c = found.get(id);
      if (!c) {
        const customer = customerFromValues(id, (f) => {
          if (f === CUSTOMER.creditlimit) return r.getValue(customerCols.limit);
          if (f === 'credithold') return r.getValue(customerCols.hold);
          if (f === CUSTOM_FIELDS.autoHold) return r.getValue(customerCols.auto);
          if (f === CUSTOMER.currency) return r.getValue(customerCols.custCurrency);
          if (f === CUSTOMER.subsidiary) return r.getValue(customerCols.subsidiary);
          return '';
        });
        c = { customer, groups: [], settings: g.settings, today };
        found.set(id, c);
      }
      c.groups.push(group);
      c.today = c.today || today;
    });
  }
  // Customers (Hold AUTO, or held by us) with an open transaction in another currency than their own:
  // the passes above compare each currency's sums with the limit on their own (a customer at 60 % of its
  // limit in USD and 60 % in EUR passes neither) and may see only some of its currencies. Evaluated
  // exactly in map, from a fresh search of all its currencies.
  for (const g of groups) {
    const cols = {
      entity: search.createColumn({ name: TXN.entity, summary: search.Summary.GROUP }),
      custCurrency: search.createColumn({ name: CUSTOMER.currency, join: 'customer', summary: search.Summary.GROUP }),
      subsidiary: search.createColumn({ name: CUSTOMER.subsidiary, join: 'customer', summary: search.Summary.GROUP }),
      hold: search.createColumn({ name: 'credithold', join: 'customer', summary: search.Summary.GROUP }),
      auto: search.createColumn({ name: CUSTOM_FIELDS.autoHold, join: 'customer', summary: search.Summary.GROUP }),
      limit: search.createColumn({ name: CUSTOMER.creditlimit, join: 'customer', summary: search.Summary.MAX }),
    };
    const filters: unknown[] = [
      openFilter(),
      'and',
      [['customer.credithold', 'anyof', CREDIT_HOLD.auto], 'or', [['customer.credithold', 'anyof', CREDIT_HOLD.on], 'and', [`customer.${CUSTOM_FIELDS.autoHold}`, 'is', 'T']]],
    ];
    const sf = subsidiaryFilter(`customer.${CUSTOMER.subsidiary}`, g);
    if (sf) filters.push('and', sf);
    filters.push('and', [`sum(formulanumeric: ${FOREIGN_FORMULA})`, 'greaterthan', '0']);
    const s = search.create({ type: search.Type.TRANSACTION, filters, columns: Object.values(cols) });
    eachResult(s, (r) => {
      const id = String(r.getValue(cols.entity));
      const known = found.get(id);
      if (known) {
        known.exact = true;
        return;
      }
      const customer = customerFromValues(id, (f) => {
        if (f === CUSTOMER.creditlimit) return r.getValue(cols.limit);
        if (f === 'credithold') return r.getValue(cols.hold);
        if (f === CUSTOM_FIELDS.autoHold) return r.getValue(cols.auto);
        if (f === CUSTOMER.currency) return r.getValue(cols.custCurrency);
        if (f === CUSTOMER.subsidiary) return r.getValue(cols.subsidiary);
        return '';
      });
      found.set(id, { customer, groups: [], settings: g.settings, today: '', exact: true });
    });
  }
  // Customers held by us with nothing open (no balance, no unbilled orders): nothing may keep them held.
  // Evaluated exactly in map (they are few).
  const held = search.create({
    type: search.Type.CUSTOMER,
    filters: [
      ['credithold', 'anyof', CREDIT_HOLD.on],
      'and',
      [CUSTOM_FIELDS.autoHold, 'is', 'T'],
      'and',
      [CUSTOMER.balance, 'lessthanorequalto', 0],
      'and',
      [CUSTOMER.unbilledorders, 'equalto', 0],
    ],
    columns: ['internalid', CUSTOMER.creditlimit, 'credithold', CUSTOM_FIELDS.autoHold, CUSTOMER.currency, CUSTOMER.subsidiary],
  });
  eachResult(held, (r) => {
    const id = String(r.id);
    if (found.has(id)) return;
    const customer = customerFromValues(id, (f) => r.getValue({ name: f }));
    const g = groups.find((x) => (x.subsidiaries ? x.subsidiaries.includes(customer.subsidiary) : !x.others.includes(customer.subsidiary)));
    if (g) found.set(id, { customer, groups: [], settings: g.settings, today: '', exact: true });
  });
  log.audit({ title: `${LOG_TITLE}: candidates`, details: `${found.size} customers to evaluate (${groups.length} settings groups)` });
  return [...found.values()];
}

export function map(ctx: EntryPoints.MapReduce.mapContext): void {
  const c = JSON.parse(ctx.value) as Candidate;
  let customer: CustomerCredit = c.customer;
  const mixed = c.exact === true || c.groups.some((g) => g.currency !== customer.currency);
  let evaluation;
  let today = c.today;
  if (mixed) {
    const exact = evaluate(customer.id, c.settings);
    customer = exact.customer; // read now: fresher than getInputData's
    evaluation = exact.evaluation;
    today = exact.today || today;
  }
  if (!isKnownHold(customer.hold)) {
    log.audit({ title: `${LOG_TITLE}: unrecognised Hold value, customer ${customer.id} left as it is`, details: `Hold = ${JSON.stringify(customer.holdRaw ?? '')}` });
    return;
  }
  if (customer.hold === CREDIT_HOLD.off || (customer.hold === CREDIT_HOLD.on && !customer.autoHold)) return;
  if (!evaluation) evaluation = evaluateCustomer(creditInput(customer, c.groups, c.settings), c.settings);
  const state = { hold: customer.hold, autoHold: customer.autoHold };
  const decision = decideHold(state, evaluation);
  if (decision.action === 'none') return;
  // The audit is a credit event line of the customer, created by the hold's save (separate record as fallback).
  const audit = { customer: customer.id, decision: decision.action === 'place' ? ('HOLD_PLACED' as const) : ('HOLD_RELEASED' as const), reason: decision.reason, evaluation };
  const w = writeHold(customer.id, decision.action, decision.reason, today, state, audit);
  if (!w.written) {
    log.audit({
      title: `${LOG_TITLE}: customer ${customer.id} changed since it was read, left as it is`,
      details: `wanted to ${decision.action} (read: Hold ${state.hold}, AR Autopilot flag ${state.autoHold}); now Hold ${w.found.hold}, flag ${w.found.autoHold}`,
    });
    ctx.write({ key: 'skipped', value: customer.id });
    return;
  }
  ctx.write({ key: decision.action, value: customer.id });
}

export function summarize(ctx: EntryPoints.MapReduce.summarizeContext): void {
  const counts: Record<string, number> = { place: 0, release: 0, skipped: 0 };
  ctx.output.iterator().each((key) => {
    counts[key] = (counts[key] ?? 0) + 1;
    return true;
  });
  let errors = 0;
  ctx.mapSummary.errors.iterator().each((key, value) => {
    errors += 1;
    log.error({ title: `${LOG_TITLE}: customer not evaluated (input ${key})`, details: value });
    return true;
  });
  if (ctx.inputSummary.error) log.error({ title: `${LOG_TITLE}: input failed`, details: ctx.inputSummary.error });
  log.audit({ title: `${LOG_TITLE}: done`, details: `holds placed ${counts.place}, released ${counts.release}, left as they were (changed meanwhile) ${counts.skipped}, errors ${errors}` });
}
