/** Shared fixtures and fakes for the records tests. */
import { Account, createAccountState } from '../../src/account/account';
import { createRecordService, type RecordStore } from '../../src/records/service';
import { loadFixture, type Fixture } from '../../src/records/fixture';
import type { CustomizationSpec } from '../../src/records/schema';

export const AS_OF = '2025-03-31';

/** A small account: USD base, EUR; two subsidiaries; Net 30; two customers; one employee. */
export function baseFixture(extra: Record<string, object[]> = {}): Fixture {
  const records: Record<string, object[]> = {
    currency: [
      { id: 1, name: 'USD', symbol: 'USD', exchangerate: 1 },
      { id: 2, name: 'EUR', symbol: 'EUR', exchangerate: 1.1 },
    ],
    subsidiary: [
      { id: 1, name: 'Parent Co', currency: 1 },
      { id: 2, name: 'Euro Sub', currency: 1, parent: 1 },
    ],
    term: [{ id: 1, name: 'Net 30', daysuntilnetdue: 30 }],
    employee: [{ id: 5, entityid: 'Ann Collector', subsidiary: 1, roles: [{ selectedrole: '3' }] }],
    customer: [
      { id: 10, companyname: 'Acme', subsidiary: 1, currency: 1, terms: 1, creditlimit: 1000 },
      { id: 11, companyname: 'Globex', subsidiary: 1, currency: 1 },
    ],
  };
  for (const [k, v] of Object.entries(extra)) records[k] = [...(records[k] ?? []), ...v];
  return { asOf: AS_OF, records };
}

export function makeService(fixture: Fixture = baseFixture(), spec?: CustomizationSpec): RecordStore {
  const account = new Account(createAccountState(fixture.asOf));
  const svc = createRecordService(account, spec);
  loadFixture(svc, fixture);
  return svc;
}

export function inv(id: number, entity: number, trandate: string, amount: number, extra: object = {}): object {
  return { id, entity, trandate, item: [{ item: 'SVC', quantity: 1, rate: amount }], ...extra };
}

import type { ExecContext, ModuleEnv, UserEventArgs, UserEventHooks } from '../../src/types';
import { UsageMeter } from '../../src/runtime/governance';
import { createRecordModule } from '../../src/modules/record';

/** A recording fake of the user event hooks; `onBeforeSubmit` lets a test act as a beforeSubmit script. */
export class RecordingHooks implements UserEventHooks {
  readonly calls: { hook: string; type: string; recordType: string; newRecord: unknown; oldRecord: unknown }[] = [];
  onBeforeSubmit: ((e: UserEventArgs) => void) | null = null;
  beforeLoad(_ctx: ExecContext, e: UserEventArgs): void {
    this.calls.push({ hook: 'beforeLoad', ...e });
  }
  beforeSubmit(_ctx: ExecContext, e: UserEventArgs): void {
    this.calls.push({ hook: 'beforeSubmit', ...e });
    this.onBeforeSubmit?.(e);
  }
  afterSubmit(_ctx: ExecContext, e: UserEventArgs): void {
    this.calls.push({ hook: 'afterSubmit', ...e });
  }
}

export function fakeContext(svc: RecordStore, limit = 10_000): ExecContext {
  return {
    account: svc.account,
    meter: new UsageMeter(limit),
    user: { id: '5', name: 'Ann', email: 'ann@example.com', role: 3, roleId: 'administrator', subsidiary: '1', preferences: { DATEFORMAT: 'M/D/YYYY' } },
    script: { scriptId: 'customscript_test', deploymentId: 'customdeploy_test', scriptType: 'SCHEDULED', params: {}, logLevel: 'DEBUG' },
    executionContext: 'SCHEDULED',
    triggersUserEvents: true,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecord = any;

/** The N/record module bound to a fake context; returns the module, the context and the hooks. */
export function recordModule(svc: RecordStore, limit = 10_000) {
  const ctx = fakeContext(svc, limit);
  const hooks = new RecordingHooks();
  const env: ModuleEnv = { records: svc, search: svc, userEvents: hooks };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const record = createRecordModule(ctx, env) as any;
  return { record, ctx, hooks, meter: ctx.meter as UsageMeter };
}
