/**
 * An emulated account: state in memory, persisted as one JSON file in the account folder. Every write
 * goes to a temporary file that is then renamed over the old one, so an interrupted command never
 * leaves a corrupt account.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountService, AccountState, CompanySettings, RecordTypeInfo } from '../types';

export const ACCOUNT_FILE = 'account.json';

export function defaultCompany(): CompanySettings {
  return {
    companyName: 'Emulated Company',
    utcOffsetMinutes: 0,
    timeZone: 'Etc/UTC',
    dateFormat: 'M/D/YYYY',
    baseCurrency: '1',
    accountId: 'EMULATOR',
  };
}

export function createAccountState(asOf: string, company: Partial<CompanySettings> = {}): AccountState {
  return {
    format: 'ar-autopilot-emulator-account',
    formatVersion: 1,
    asOf,
    company: { ...defaultCompany(), ...company },
    nextId: {},
    records: {},
    savedSearches: {},
    files: {},
    deployment: null,
    cache: {},
    executionLog: [],
    runs: [],
    emails: [],
    taskQueue: [],
  };
}

/** Keep logs bounded so an account file does not grow without end. */
export const CAPS = { executionLog: 5_000, runs: 500, emails: 1_000 } as const;

export class Account implements AccountService {
  /** Record type metadata resolver, installed by the records layer. */
  private typeResolver: ((type: string) => RecordTypeInfo | undefined) | null = null;
  constructor(public readonly state: AccountState, public readonly dir: string | null = null) {}

  static load(dir: string): Account {
    const file = join(dir, ACCOUNT_FILE);
    if (!existsSync(file)) throw new Error(`no emulated account in ${dir} (run: init ${dir})`);
    let state: AccountState;
    try {
      state = JSON.parse(readFileSync(file, 'utf8')) as AccountState;
    } catch (e) {
      throw new Error(`${file} is not a readable account file: ${(e as Error).message}`);
    }
    if (state.format !== 'ar-autopilot-emulator-account') throw new Error(`${file} is not an emulated account`);
    return new Account(state, dir);
  }

  /** Write the account atomically (temp file + fsync + rename). */
  save(dir: string | null = this.dir): void {
    if (!dir) throw new Error('account has no folder to save to');
    mkdirSync(dir, { recursive: true });
    const s = this.state;
    s.executionLog = s.executionLog.slice(-CAPS.executionLog);
    s.runs = s.runs.slice(-CAPS.runs);
    s.emails = s.emails.slice(-CAPS.emails);
    const file = join(dir, ACCOUNT_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(s));
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  }

  today(): string {
    return this.state.asOf;
  }

  /** The account clock: the account date with the machine's current time of day (UTC). */
  now(): string {
    const time = new Date().toISOString().slice(10);
    return `${this.state.asOf}${time}`;
  }

  setToday(date: string): void {
    this.state.asOf = date;
  }

  nextInternalId(family: string): string {
    const next = this.state.nextId[family] ?? 1;
    this.state.nextId[family] = next + 1;
    return String(next);
  }

  setTypeResolver(resolver: (type: string) => RecordTypeInfo | undefined): void {
    this.typeResolver = resolver;
  }

  recordType(type: string): RecordTypeInfo | undefined {
    return this.typeResolver ? this.typeResolver(type) : undefined;
  }
}
