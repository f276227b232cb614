import { Account, createAccountState } from '../../src/account/account';
import { createRecordService } from '../../src/records/service';
import { FixtureError, loadFixture } from '../../src/records/fixture';
import { baseFixture, inv, makeService } from './helpers';

describe('fixture loader', () => {
  test('loads in dependency order whatever the key order; sets asOf; advances id sequences', () => {
    const f = baseFixture({ invoice: [inv(700, 10, '2025-01-01', 10)], customerpayment: [{ id: 900, customer: 10, trandate: '2025-02-01', payment: 4, apply: [{ doc: 700, amount: 4 }] }] });
    const reordered = { asOf: '2025-04-01', records: Object.fromEntries(Object.entries(f.records).reverse()) };
    const account = new Account(createAccountState('2000-01-01'));
    const svc = createRecordService(account);
    const res = loadFixture(svc, reordered);
    expect(res).toMatchObject({ currency: 2, customer: 2, invoice: 1, customerpayment: 1 });
    expect(account.today()).toBe('2025-04-01');
    expect(svc.view('invoice', '700').fields.amountremaining).toBe(6);
    expect(account.state.nextId.transaction).toBe(901);
    expect(account.state.nextId.entity).toBe(12);
    expect(svc.view('employee', '5').sublists.roles).toEqual([{ selectedrole: '3' }]);
  });

  test('a malformed fixture is rejected with messages naming record and field, and nothing is loaded', () => {
    const svc = makeService();
    const before = JSON.stringify(svc.account.state.records);
    const bad = baseFixture({
      invoice: [
        inv(100, 10, '2025-01-01', 10),
        { id: 101, entity: 10, trandate: '2025-01-01', amountdue: 5, item: [{ item: 'A', amount: 1 }] },
        { id: 102, entity: 99, trandate: '2025-01-01', item: [{ item: 'A', amount: 1 }] },
        { id: 103, entity: 10, trandate: '01/02/2025', item: [{ item: 'A', amount: 1 }] },
      ],
      customerpayment: [{ id: 200, customer: 10, trandate: '2025-02-01', payment: 50, apply: [{ doc: 100, amount: 50 }] }],
    });
    // Fresh copy of the base records would clash with existing ids: load into an empty account.
    const empty = createRecordService(new Account(createAccountState('2025-01-01')));
    let error: FixtureError | null = null;
    try {
      loadFixture(empty, bad);
    } catch (e) {
      error = e as FixtureError;
    }
    expect(error).toBeInstanceOf(FixtureError);
    const msg = error!.message;
    expect(msg).toMatch(/invoice\[1\] \(id 101\): INVALID_FLD: Field amountdue does not exist on record type invoice/);
    expect(msg).toMatch(/invoice\[2\] \(id 102\): INVALID_KEY_OR_REF: .*entity/);
    expect(msg).toMatch(/invoice\[3\] \(id 103\): INVALID_FLD_VALUE: .*trandate/);
    expect(msg).toMatch(/customerpayment\[0\] \(id 200\): USER_ERROR: You cannot apply more than the amount due/);
    expect(error!.problems).toHaveLength(4);
    expect(Object.keys(empty.account.state.records)).toHaveLength(0);
    expect(empty.account.state.nextId).toEqual({});
    expect(empty.ids('customer')).toEqual([]);
    expect(JSON.stringify(svc.account.state.records)).toBe(before);
  });

  test('structural problems: unknown type, duplicate ids in a family, bad asOf', () => {
    const empty = createRecordService(new Account(createAccountState('2025-01-01')));
    const f = baseFixture({ widget: [{ id: 1 }] });
    expect(() => loadFixture(empty, f)).toThrow(/records\.widget: unknown record type/);
    const dup = baseFixture({ employee: [{ id: 10, entityid: 'Dup', subsidiary: 1 }] });
    expect(() => loadFixture(empty, dup)).toThrow(/id 10 is also used by .*id family entity/);
    expect(() => loadFixture(empty, { asOf: 'yesterday', records: {} })).toThrow(/asOf/);
    expect(Object.keys(empty.account.state.records)).toHaveLength(0);
  });
});
