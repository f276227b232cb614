/** The command line: JSON out, clear errors, atomic writes, all-or-nothing fixtures. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, parseArgs, main } from '../src/cli';

const SMALL = join(__dirname, 'fixtures', 'small.json');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ara-emu-'));
}

function quiet<T>(f: () => T): T {
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return f();
  } finally {
    spy.mockRestore();
  }
}

describe('ara-emu command line', () => {
  it('parses repeated options and flags', () => {
    const a = parseArgs(['run', 'dir', 'x', '--param', 'a=1', '--param=b=2', '--demo']);
    expect(a.positional).toEqual(['run', 'dir', 'x']);
    expect(a.options.param).toEqual(['a=1', 'b=2']);
    expect(a.flags.has('demo')).toBe(true);
  });

  it('init from a fixture, get, clock: the account is one JSON file written atomically', () => {
    const dir = join(tmp(), 'acct');
    const out = runCommand(['init', dir, '--fixture', SMALL]) as { loaded: Record<string, number> };
    expect(out.loaded).toMatchObject({ customer: 2, invoice: 3, customerpayment: 1 });
    expect(readdirSync(dir)).toEqual(['account.json']); // no temp file left behind
    const inv = runCommand(['get', dir, 'invoice', '100']) as { fields: Record<string, unknown> };
    expect(inv.fields).toMatchObject({ total: 1000, amountremaining: 700, duedate: '2026-10-01' });
    expect(runCommand(['clock', dir, '--set', '2027-01-15'])).toEqual({ asOf: '2027-01-15' });
    expect(JSON.parse(readFileSync(join(dir, 'account.json'), 'utf8')).asOf).toBe('2027-01-15');
  });

  it('refuses to overwrite an account without --force', () => {
    const dir = join(tmp(), 'acct');
    runCommand(['init', dir, '--fixture', SMALL]);
    expect(() => runCommand(['init', dir])).toThrow(/already holds an account/);
    expect(runCommand(['init', dir, '--force'])).toMatchObject({ loaded: {} });
  });

  it('rejects a malformed fixture naming record and field, and creates no account', () => {
    const root = tmp();
    const bad = JSON.parse(readFileSync(SMALL, 'utf8'));
    bad.records.invoice[1].duedate = '2026-02-30';
    bad.records.customer[0].creditlimt = 10;
    const file = join(root, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const dir = join(root, 'acct');
    let err: { name?: string; message?: string } = {};
    try {
      runCommand(['init', dir, '--fixture', file]);
    } catch (e) {
      err = e as { name: string; message: string };
    }
    expect(err.message).toMatch(/invoice\[1\] \(id 101\).*duedate/);
    expect(err.message).toMatch(/customer\[0\] \(id 10\).*creditlimt/);
    expect(existsSync(join(dir, 'account.json'))).toBe(false);
  });

  it('prints {error} and exits 1 on a failed record command, leaving the account unchanged', () => {
    const dir = join(tmp(), 'acct');
    runCommand(['init', dir, '--fixture', SMALL]);
    const before = readFileSync(join(dir, 'account.json'), 'utf8');
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => {
      writes.push(String(s));
      return true;
    });
    const code = main(['record', dir, 'edit', 'invoice', '--id', '100', '--values', '{"nosuch": 1}']);
    spy.mockRestore();
    expect(code).toBe(1);
    expect(JSON.parse(writes.join(''))).toEqual({ error: { name: 'INVALID_FLD', message: expect.stringContaining('nosuch') } });
    expect(readFileSync(join(dir, 'account.json'), 'utf8')).toBe(before);
  });

  it('creates a record through N/record and reports {id}', () => {
    const dir = join(tmp(), 'acct');
    runCommand(['init', dir, '--fixture', SMALL]);
    const out = quiet(() => runCommand(['record', dir, 'create', 'invoice', '--as', '1', '--values', JSON.stringify({ entity: 11, trandate: '2026-11-20', item: [{ item: 3, quantity: 4, rate: 25, amount: 100 }] })])) as { id: string };
    const inv = runCommand(['get', dir, 'invoice', out.id]) as { fields: Record<string, unknown> };
    expect(inv.fields).toMatchObject({ total: 100, currency: '2', duedate: '2026-12-20', statusRef: 'open' });
  });

  it('explains bad arguments', () => {
    expect(() => runCommand(['record', 'x', 'frobnicate', 'invoice'])).toThrow(/Unknown record operation frobnicate/);
    expect(() => runCommand(['run', join(tmp(), 'none'), 'customscript_x'])).toThrow(/No emulated account/);
    expect(() => runCommand(['init', join(tmp(), 'a'), '--demo', '--customers', '0'])).toThrow(/positive integer/);
    expect(() => runCommand(['wat'])).toThrow(/Unknown command wat/);
  });
});
