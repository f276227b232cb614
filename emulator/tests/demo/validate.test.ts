import { generateDemoFixture, type Fixture, type FixtureLine, type FixtureRecord } from '../../src/demo/generate';
import { validateFixture } from '../../src/demo/validate';
import { parseArgs } from '../../src/demo/main';

let base: string;
beforeAll(() => {
  base = JSON.stringify(generateDemoFixture({ customers: 40 }));
});
/** A fresh copy of a small valid fixture, broken by `mutate`. */
function broken(mutate: (f: Fixture, find: (type: string, pred?: (r: FixtureRecord) => boolean) => FixtureRecord) => void): ReturnType<typeof validateFixture> {
  const f = JSON.parse(base) as Fixture;
  const find = (type: string, pred: (r: FixtureRecord) => boolean = () => true): FixtureRecord => {
    const r = f.records[type].find(pred);
    if (!r) throw new Error(`test setup: no ${type}`);
    return r;
  };
  mutate(f, find);
  return validateFixture(f);
}
const lines = (r: FixtureRecord, sublist: string): FixtureLine[] => r[sublist] as FixtureLine[];
const hasApply = (r: FixtureRecord): boolean => lines(r, 'apply').length > 0;

describe('validateFixture', () => {
  test('the unmodified fixture passes', () => {
    expect(validateFixture(JSON.parse(base))).toEqual({ ok: true, errors: [], errorCount: 0 });
  });

  test('refuses what is not a fixture', () => {
    expect(validateFixture(null).ok).toBe(false);
    expect(validateFixture({ asOf: '2026-11-31', records: {} }).errors[0]).toMatch(/asOf/);
    expect(validateFixture({ asOf: '2026-11-27', records: [] }).errors[0]).toMatch(/records/);
    expect(validateFixture({ asOf: '2026-11-27', records: { widget: [] } }).errors[0]).toMatch(/unknown record type/);
  });

  const cases: [string, Parameters<typeof broken>[0], RegExp][] = [
    ['duplicate id in the entity family', (f) => (f.records.customer[0].id = 1), /id already used by employee 1/],
    ['duplicate id across transaction types', (f) => (f.records.invoice[0].id = f.records.salesorder[0].id), /family 'transaction'/],
    ['non-integer id', (f) => (f.records.term[0].id = 1.5), /bad internal id/],
    ['dangling select', (_f, find) => (find('invoice').entity = 999999), /entity 999999 does not exist as a customer/],
    ['select of the wrong type', (f, find) => (find('customerdeposit').salesorder = f.records.invoice[0].id), /does not exist as a salesorder/],
    ['select as a string', (_f, find) => (find('customer').subsidiary = '1'), /must be an internal id/],
    ['line amount ≠ quantity × rate', (_f, find) => (lines(find('invoice'), 'item')[0].amount = 1.01), /≠ quantity/],
    ['amount with 3 decimals', (_f, find) => (find('customerpayment').payment = 10.005), /2 decimals/],
    ['transaction after asOf', (_f, find) => (find('salesorder').trandate = '2026-12-01'), /after asOf/],
    ['impossible date', (_f, find) => (find('invoice').trandate = '2026-02-30'), /not a YYYY-MM-DD date/],
    ['wrong due date', (_f, find) => (find('invoice').duedate = '2030-01-01'), /due date/],
    ['currency not the customer’s', (_f, find) => (find('invoice', (i) => i.currency === 1).currency = 2), /not its customer's/],
    ['subsidiary not the customer’s', (_f, find) => (find('customerpayment', (p) => p.subsidiary === 1).subsidiary = 2), /subsidiary 2 is not its customer's/],
    ['exchange rate ≠ 1 in the base currency', (_f, find) => (find('invoice', (i) => i.currency === 1).exchangerate = 1.1), /exchange rate must be 1/],
    [
      'payment applies more than the invoice total',
      (_f, find) => {
        const l = lines(find('customerpayment', hasApply), 'apply')[0];
        l.amount = Math.round((Number(l.amount) + 1_000_000) * 100) / 100;
      },
      /applied .* > total|applies .* > payment/,
    ],
    [
      'application dated before the invoice',
      (_f, find) => (find('customerpayment', hasApply).trandate = '2020-01-01'),
      /before invoice/,
    ],
    [
      'application to another customer’s invoice',
      (f, find) => {
        const p = find('customerpayment', hasApply);
        lines(p, 'apply')[0].doc = (f.records.invoice.find((i) => i.entity !== p.customer && i.currency === p.currency) as FixtureRecord).id;
      },
      /of another customer/,
    ],
    [
      'deposit applied beyond its amount',
      (_f, find) => {
        const da = find('depositapplication');
        const dep = find('customerdeposit', (d) => d.id === da.deposit);
        dep.payment = 0.01;
      },
      /applied .* > payment/,
    ],
    ['credit memo applies more than its total', (_f, find) => (lines(find('creditmemo', hasApply), 'apply')[0].amount = 99999999), /applies .* > total|applied .* > total/],
    ['order marked billed but not fully billed', (_f, find) => (find('salesorder', (s) => s.orderstatus === 'B').orderstatus = 'G'), /status G/],
    ['unknown field', (_f, find) => (find('customer').nickname = 'x'), /unknown field nickname/],
    ['undeclared custom field', (_f, find) => (find('invoice').custbody_ara_disputed = true), /custom field custbody_ara_disputed is not declared/],
    ['missing required field', (_f, find) => delete find('invoice').tranid, /missing tranid/],
    ['bad hold value', (_f, find) => (find('customer').creditholdoverride = 'MAYBE'), /creditholdoverride/],
    ['bad role', (_f, find) => (lines(find('employee'), 'roles')[0].selectedrole = 'admin'), /role/],
    ['base currency with a rate ≠ 1', (f) => (f.records.currency[0].exchangerate = 1.01), /base currency .* exchange rate 1/],
    ['isbasecurrency on the wrong currency', (f) => (f.records.currency[1].isbasecurrency = true), /isbasecurrency disagrees/],
    ['two root subsidiaries', (f) => delete f.records.subsidiary[1].parent, /exactly one root subsidiary/],
    ['duplicate document number', (f) => (f.records.invoice[1].tranid = f.records.invoice[0].tranid), /duplicate document number/],
  ];
  test.each(cases)('detects: %s', (_name, mutate, message) => {
    const v = broken(mutate);
    expect(v.ok).toBe(false);
    expect(v.errors.join('\n')).toMatch(message);
  });

  test('caps the messages but counts every error', () => {
    const v = broken((f) => {
      for (const c of f.records.customer) c.subsidiary = 99;
    });
    expect(v.errors).toHaveLength(50);
    expect(v.errorCount).toBeGreaterThan(50);
  });
});

describe('demo CLI arguments', () => {
  test('parses options', () => {
    expect(parseArgs(['--customers', '12', '--seed', 'x', '--as-of', '2026-01-31', '--custom-fields', 'a, b', '--out', 'f.json', '--summary', '--check'])).toEqual({
      options: { customers: 12, seed: 'x', asOf: '2026-01-31', customFields: ['a', 'b'] },
      out: 'f.json',
      summary: true,
      check: true,
    });
    expect(() => parseArgs(['--customers', '0'])).toThrow();
    expect(() => parseArgs(['--out'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--nope'])).toThrow(/unknown argument/);
  });
});
