/**
 * Emulator fixtures for the deposit auto-apply (integration tests and bench/cases/autoapply.ts): customers
 * each planted with one scenario of the five rules, plus opted-out customers, disputed invoices and
 * unapproved deposits; optionally one very large customer (1,000 deposits, 5,000 open invoices).
 */

export interface AutoApplyFixtureOptions {
  /** Scenario customers (each gets the scenario customerIndex % SCENARIOS.length). */
  customers: number;
  /** One extra customer with this many open invoices and deposits. */
  big?: { invoices: number; deposits: number };
  asOf?: string;
}

type Rec = Record<string, unknown>;

export const SCENARIOS = [
  'SALES_ORDER_OPEN',
  'SALES_ORDER_BILLED',
  'REFERENCE',
  'EXACT_AMOUNT',
  'COMBINATION',
  'OLDEST_FIRST',
  'OPTED_OUT',
  'DISPUTED',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface PlantedCustomer {
  id: number;
  scenario: Scenario;
  deposits: number[];
  invoices: number[];
}

export interface AutoApplyFixture {
  fixture: { asOf: string; records: Record<string, Rec[]> };
  customers: PlantedCustomer[];
  /** Deposits that must never be applied (unapproved). */
  unapprovedDeposits: number[];
  bigCustomer: PlantedCustomer | null;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function buildAutoApplyFixture(o: AutoApplyFixtureOptions): AutoApplyFixture {
  const asOf = o.asOf ?? '2026-11-27';
  const records: Record<string, Rec[]> = {
    currency: [
      { id: 1, name: 'USD', symbol: 'USD', exchangerate: 1 },
      { id: 2, name: 'EUR', symbol: 'EUR', exchangerate: 1.1 },
    ],
    subsidiary: [
      { id: 1, name: 'Parent Co', currency: 1 },
      { id: 2, name: 'Euro GmbH', currency: 2 },
    ],
    term: [{ id: 1, name: 'Net 30', daysuntilnetdue: 30 }],
    employee: [{ id: 1, entityid: 'Ada Admin', firstname: 'Ada', lastname: 'Admin', email: 'ada@example.com', subsidiary: 1, roles: [{ selectedrole: 3 }] }],
    customer: [],
    salesorder: [],
    invoice: [],
    customerdeposit: [],
  };
  let nextTxn = 10_000;
  const planted: PlantedCustomer[] = [];
  const unapproved: number[] = [];
  const day = (k: number, back: number) => addDays(asOf, -((k * 7) % 200) - back);

  const customer = (id: number, extra: Rec = {}, subsidiary = 1) => {
    records.customer.push({ id, entityid: `C${id}`, companyname: `Customer ${id}`, subsidiary, currency: subsidiary, terms: 1, ...extra });
  };
  const invoice = (c: number, amount: number, trandate: string, extra: Rec = {}, sub = 1): number => {
    const id = nextTxn++;
    records.invoice.push({ id, entity: c, trandate, currency: sub, subsidiary: sub, terms: 1, tranid: `INV${id}`, item: [{ item: 1, amount }], ...extra });
    return id;
  };
  const deposit = (c: number, amount: number, trandate: string, extra: Rec = {}, sub = 1): number => {
    const id = nextTxn++;
    records.customerdeposit.push({ id, customer: c, trandate, currency: sub, subsidiary: sub, payment: amount, ...extra });
    return id;
  };

  for (let k = 0; k < o.customers; k++) {
    const id = 1000 + k;
    const scenario = SCENARIOS[k % SCENARIOS.length];
    const eur = k % 11 === 5;
    const sub = eur ? 2 : 1;
    const base = 100 + ((k * 37) % 900) + 0.25 * (k % 4);
    const p: PlantedCustomer = { id, scenario, deposits: [], invoices: [] };
    customer(id, scenario === 'OPTED_OUT' ? { custentity_ara_autoapply_off: true } : {}, sub);
    switch (scenario) {
      case 'SALES_ORDER_OPEN': {
        const so = nextTxn++;
        records.salesorder.push({ id: so, entity: id, trandate: day(k, 60), currency: sub, subsidiary: sub, orderstatus: 'B', item: [{ item: 1, amount: 2 * base }, { item: 2, amount: base }] });
        p.invoices.push(invoice(id, 2 * base, day(k, 40), { createdfrom: so, item: [{ item: 1, amount: 2 * base }] }, sub));
        p.invoices.push(invoice(id, base + 13, day(k, 50), {}, sub));
        p.deposits.push(deposit(id, 3 * base, day(k, 55), { salesorder: so }, sub));
        break;
      }
      case 'SALES_ORDER_BILLED': {
        const so = nextTxn++;
        records.salesorder.push({ id: so, entity: id, trandate: day(k, 60), currency: sub, subsidiary: sub, orderstatus: 'B', item: [{ item: 1, amount: base }] });
        p.invoices.push(invoice(id, base, day(k, 40), { createdfrom: so }, sub));
        p.invoices.push(invoice(id, 500, day(k, 45), {}, sub));
        p.deposits.push(deposit(id, base + 100, day(k, 55), { salesorder: so }, sub));
        break;
      }
      case 'REFERENCE': {
        p.invoices.push(invoice(id, base + 50, day(k, 30), {}, sub));
        const named = invoice(id, base, day(k, 20), { otherrefnum: `PO-${id}` }, sub);
        p.invoices.push(named);
        p.deposits.push(deposit(id, base, day(k, 10), { memo: k % 2 ? `Payment inv ${named}` : `po ${id}` }, sub));
        break;
      }
      case 'EXACT_AMOUNT': {
        p.invoices.push(invoice(id, base + 1, day(k, 30), {}, sub));
        p.invoices.push(invoice(id, base, day(k, 20), {}, sub));
        p.deposits.push(deposit(id, base, day(k, 10), { memo: 'Wire transfer' }, sub));
        break;
      }
      case 'COMBINATION': {
        p.invoices.push(invoice(id, base, day(k, 40), {}, sub));
        p.invoices.push(invoice(id, 3 * base + 7, day(k, 35), {}, sub));
        p.invoices.push(invoice(id, 2 * base + 3, day(k, 30), {}, sub));
        p.deposits.push(deposit(id, 3 * base + 3, day(k, 10), {}, sub));
        break;
      }
      case 'OLDEST_FIRST': {
        p.invoices.push(invoice(id, base, day(k, 40), {}, sub));
        p.invoices.push(invoice(id, base + 500, day(k, 30), {}, sub));
        p.deposits.push(deposit(id, base + 200, day(k, 10), { memo: 'Payment on account' }, sub));
        break;
      }
      case 'OPTED_OUT': {
        p.invoices.push(invoice(id, base, day(k, 30), {}, sub));
        p.deposits.push(deposit(id, base, day(k, 10), {}, sub));
        break;
      }
      case 'DISPUTED': {
        p.invoices.push(invoice(id, base, day(k, 40), { custbody_ara_disputed: true }, sub));
        p.invoices.push(invoice(id, base + 300, day(k, 30), {}, sub));
        p.deposits.push(deposit(id, base, day(k, 10), { memo: `INV${p.invoices[0]}` }, sub));
        break;
      }
    }
    if (k % 10 === 9) {
      const inv = invoice(id, 77, day(k, 5), {}, sub);
      p.invoices.push(inv);
      unapproved.push(deposit(id, 77, day(k, 4), { chargeit: true, ccapproved: false }, sub));
    }
    planted.push(p);
  }

  let big: PlantedCustomer | null = null;
  if (o.big) {
    const id = 900;
    customer(id);
    big = { id, scenario: 'OLDEST_FIRST', deposits: [], invoices: [] };
    for (let i = 0; i < o.big.invoices; i++) {
      big.invoices.push(invoice(id, 100 + ((i * 7919) % 900) + (i % 100) / 100, addDays(asOf, -300 + Math.floor((i * 300) / o.big.invoices))));
    }
    for (let i = 0; i < o.big.deposits; i++) {
      const inv = big.invoices[(i * 5) % big.invoices.length];
      const memo = i % 4 === 0 ? `inv ${inv}` : i % 4 === 1 ? 'Payment on account' : '';
      big.deposits.push(deposit(id, 150 + ((i * 104729) % 700) + (i % 10) / 10, addDays(asOf, -200 + Math.floor((i * 199) / o.big.deposits)), { memo }));
    }
  }
  return { fixture: { asOf, records }, customers: planted, unapprovedDeposits: unapproved, bigCustomer: big };
}
