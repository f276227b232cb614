/**
 * Credit holds integration fixture: a small account (USD base, EUR), employees in a sales role, a credit
 * manager role named in the settings row, and customers in each credit state. The account is deployed
 * from a private copy of the project holding only the objects the credit scripts need (so that other
 * capabilities' work in progress cannot break these tests).
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../emulator/src/emulator';
import { createRecordModule } from '../../emulator/src/modules/record';
import { ensureBuilt, ROOT } from './helpers';

const OBJECTS = /^(cust(entity|body)_ara_.*|customrecord_ara_(settings|credit_event)|customscript_ara_(ue_so_credit|ue_ar_refresh|mr_credit_sweep|ue_customer_banner))\.xml$/;
let projectDir: string | null = null;

/** A private copy of the project with the credit objects and the built File Cabinet. */
export function creditProject(): string {
  if (projectDir) return projectDir;
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ara-credit-'));
  cpSync(join(ROOT, 'src/manifest.xml'), join(dir, 'manifest.xml'));
  cpSync(join(ROOT, 'src/deploy.xml'), join(dir, 'deploy.xml'));
  for (const f of readdirSync(join(ROOT, 'src/Objects'))) if (OBJECTS.test(f)) cpSync(join(ROOT, 'src/Objects', f), join(dir, 'Objects', f));
  cpSync(join(ROOT, 'src/FileCabinet'), join(dir, 'FileCabinet'), { recursive: true });
  projectDir = dir;
  return dir;
}

export const USERS = { admin: '1', clerk: '2', creditManager: '3' };
export const CUSTOMERS = { clean: '10', late: '11', nearLimit: '12', exempt: '13', manual: '14', euro: '15', ours: '16', dueToday: '17' };

type Rec = Record<string, unknown>;
const inv = (id: number, entity: number, trandate: string, amount: number, currency = 1, rate = 1): Rec => ({
  id, entity, trandate, currency, exchangerate: rate, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: amount, amount }],
});

export function creditFixture(settings: Rec = {}, extra: Partial<Record<string, Rec[]>> = {}): unknown {
  const records: Record<string, Rec[]> = {
    currency: [
      { id: 1, name: 'USD', symbol: 'USD', exchangerate: 1 },
      { id: 2, name: 'EUR', symbol: 'EUR', exchangerate: 1.1 },
    ],
    subsidiary: [{ id: 1, name: 'Parent Co', currency: 1 }],
    term: [{ id: 1, name: 'Net 30', daysuntilnetdue: 30 }],
    employee: [
      { id: 1, entityid: 'Ada Admin', firstname: 'Ada', lastname: 'Admin', subsidiary: 1, roles: [{ selectedrole: 3 }] },
      { id: 2, entityid: 'Sam Sales', firstname: 'Sam', lastname: 'Sales', subsidiary: 1, roles: [{ selectedrole: 'customrole_ara_sales' }] },
      { id: 3, entityid: 'Cara Credit', firstname: 'Cara', lastname: 'Credit', subsidiary: 1, roles: [{ selectedrole: 'customrole_ara_credit_mgr' }, { selectedrole: 'customrole_ara_sales' }] },
    ],
    customer: [
      { id: 10, companyname: 'Clean Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 5000 },
      { id: 11, companyname: 'Late Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 100000 },
      { id: 12, companyname: 'Near Limit Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 1000 },
      { id: 13, companyname: 'Exempt Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 100, creditholdoverride: 'OFF' },
      { id: 14, companyname: 'Manual Co', subsidiary: 1, currency: 1, terms: 1, creditholdoverride: 'ON', custentity_ara_hold_reason: 'Legal dispute' },
      { id: 15, companyname: 'Euro GmbH', subsidiary: 1, currency: 2, terms: 1, creditlimit: 4200 },
      { id: 16, companyname: 'Ours Co', subsidiary: 1, currency: 1, terms: 1, creditlimit: 1000, creditholdoverride: 'ON', custentity_ara_autohold: true, custentity_ara_hold_reason: 'Over credit limit', custentity_ara_hold_since: '2026-11-01' },
      { id: 17, companyname: 'Due Today Co', subsidiary: 1, currency: 1, terms: 1 },
    ],
    invoice: [
      inv(100, 11, '2026-09-01', 1000),
      inv(101, 12, '2026-11-20', 900),
      inv(102, 13, '2026-08-01', 5000),
      inv(103, 14, '2026-11-01', 300),
      inv(104, 15, '2026-11-10', 4000, 2, 1.1),
      inv(105, 16, '2026-11-15', 1500),
      inv(106, 17, '2026-10-28', 500),
    ],
    customrecord_ara_settings: [
      { id: 1, name: 'Company default', custrecord_ara_set_grace_days: 30, custrecord_ara_set_min_overdue: 100, custrecord_ara_set_tolerance: 0, custrecord_ara_set_incl_orders: true, custrecord_ara_set_fail_mode: 'open', custrecord_ara_set_override_roles: 'customrole_ara_credit_mgr', ...settings },
    ],
  };
  for (const [type, list] of Object.entries(extra)) records[type] = [...(records[type] ?? []), ...(list ?? [])];
  return { asOf: '2026-11-27', records };
}

/** A fresh account with the credit scripts deployed. */
export function creditAccount(settings: Rec = {}, extra: Partial<Record<string, Rec[]>> = {}): Emulator {
  const dir = creditProject();
  const emu = Emulator.create('2026-11-27');
  emu.applyProjectCustomizations(dir);
  emu.loadFixture(creditFixture(settings, extra));
  emu.deploy(dir);
  return emu;
}

/** A sales order line set of one item for `amount`. */
export function orderValues(customer: string, amount: number, more: Rec = {}): Rec {
  return { entity: customer, item: [{ item: 1, quantity: 1, rate: amount, amount }], ...more };
}

/** Pay an invoice in full as a person would (invoice → customer payment, saved: user events run). */
export function payInvoice(emu: Emulator, invoiceId: string, as = USERS.admin): { id: string; usage: ReturnType<Emulator['host']['takeUserEventUsage']> } {
  const ctx = emu.host.userContext(emu.user({ as }), 'USERINTERFACE');
  const mod = createRecordModule(ctx, emu.host.moduleEnv()) as { transform(o: unknown): { save(): number } };
  emu.host.takeUserEventUsage();
  const pay = mod.transform({ fromType: 'invoice', fromId: invoiceId, toType: 'customerpayment' });
  const id = String(pay.save());
  return { id, usage: emu.host.takeUserEventUsage() };
}

export function customer(emu: Emulator, id: string): Record<string, unknown> {
  return emu.records.view('customer', id).fields as Record<string, unknown>;
}

export function events(emu: Emulator): Record<string, unknown>[] {
  return emu.records.ids('customrecord_ara_credit_event').map((i) => emu.records.view('customrecord_ara_credit_event', i).fields as Record<string, unknown>);
}
