/**
 * Fixture loader: a JSON description of an account's records (NetSuite field ids) loaded through the
 * same validation as every write. All or nothing: the fixture is loaded into a scratch copy first;
 * when anything is wrong nothing changes and the error lists the problems (record type, index, id, field).
 *
 * Format: { asOf: 'YYYY-MM-DD', records: { customer: [{ id: 12, companyname: 'Acme', subsidiary: 1, … }],
 *   invoice: [{ id: 100, entity: 12, trandate: '2025-01-05', item: [{ item: 'svc', amount: 100 }] }], … } }
 * - `id` is the internal id (optional: the next id of the type's family is used when absent);
 * - a key whose value is an array of objects is a sublist (item, apply, credit, deposit, roles);
 * - dates 'YYYY-MM-DD'; amounts numbers in the transaction's currency; selects internal ids;
 * - earlier applications are customerpayment / creditmemo / depositapplication records with `apply`
 *   lines {doc, amount} (dated by that record's trandate).
 */
import type { FieldValue, Line } from '../types';
import { Account, createAccountState } from '../account/account';
import { RecordStore } from './service';
import { isIsoDate } from './values';

export interface Fixture {
  asOf: string;
  records: Record<string, object[]>;
}

/** Records loaded per type. */
export type FixtureResult = Record<string, number>;

export class FixtureError extends Error {
  constructor(readonly problems: string[]) {
    super(`Fixture rejected, nothing was loaded (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'FIXTURE_INVALID';
  }
}

/** Load order: referenced types before the records that reference them; custom record types last. */
export const FIXTURE_ORDER: readonly string[] = [
  'currency',
  'subsidiary',
  'term',
  'employee',
  'customer',
  'salesorder',
  'invoice',
  'creditmemo',
  'customerdeposit',
  'customerpayment',
  'depositapplication',
];

const MAX_PROBLEMS = 50;

function loadOrder(types: string[]): string[] {
  const std = FIXTURE_ORDER.filter((t) => types.includes(t));
  return [...std, ...types.filter((t) => !FIXTURE_ORDER.includes(t))];
}

export function loadFixture(service: RecordStore, fixture: Fixture): FixtureResult {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else if (problems.length === MAX_PROBLEMS) problems.push('… (more problems not listed)');
  };
  if (!fixture || typeof fixture !== 'object') throw new FixtureError(['the fixture must be an object {asOf, records}']);
  if (!isIsoDate(fixture.asOf)) add(`asOf must be a date 'YYYY-MM-DD' (got ${JSON.stringify(fixture.asOf)})`);
  if (!fixture.records || typeof fixture.records !== 'object' || Array.isArray(fixture.records)) add('records must be an object: record type → list of records');
  if (problems.length) throw new FixtureError(problems);

  const types = Object.keys(fixture.records).map((t) => t.toLowerCase());
  for (const t of Object.keys(fixture.records)) {
    if (!service.typeInfo(t)) add(`records.${t}: unknown record type ${t}`);
    else if (!Array.isArray(fixture.records[t])) add(`records.${t}: must be a list of records`);
  }
  if (problems.length) throw new FixtureError(problems);

  // Scratch copy of the account: the fixture is loaded there first.
  const real = service.account;
  const scratchState = createAccountState(fixture.asOf, real.state.company);
  scratchState.records = structuredClone(real.state.records);
  scratchState.nextId = { ...real.state.nextId };
  const scratch = new RecordStore(new Account(scratchState), service.schema.customizations());

  // Split records into {id, fields, sublists}; advance id sequences past every given id first.
  interface Entry {
    type: string;
    index: number;
    id: string | null;
    fields: Record<string, FieldValue>;
    sublists: Record<string, Line[]>;
  }
  const entries = new Map<string, Entry[]>();
  const seenIds = new Map<string, string>();
  for (const rawType of Object.keys(fixture.records)) {
    const type = rawType.toLowerCase();
    const info = service.typeInfo(type)!;
    const list: Entry[] = [];
    fixture.records[rawType].forEach((r, index) => {
      const where = `${type}[${index}]`;
      if (!r || typeof r !== 'object' || Array.isArray(r)) {
        add(`${where}: a record must be an object of field ids`);
        return;
      }
      const e: Entry = { type, index, id: null, fields: {}, sublists: {} };
      for (const [k, v] of Object.entries(r as Record<string, unknown>)) {
        if (k === 'id' || k === 'internalid') {
          const id = String(v);
          if (!/^[1-9]\d*$/.test(id)) {
            add(`${where}: id must be a positive integer (got ${JSON.stringify(v)})`);
            continue;
          }
          e.id = id;
          continue;
        }
        if (Array.isArray(v) && (v.length === 0 || v.every((x) => x && typeof x === 'object' && !Array.isArray(x)))) {
          e.sublists[k] = v as Line[];
          continue;
        }
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          add(`${where}${e.id ? ` (id ${e.id})` : ''}: field ${k} has an object value`);
          continue;
        }
        e.fields[k] = v as FieldValue;
      }
      if (e.id) {
        const key = `${info.idFamily}:${e.id}`;
        const prev = seenIds.get(key);
        if (prev) add(`${where} (id ${e.id}): id ${e.id} is also used by ${prev} (id family ${info.idFamily})`);
        else seenIds.set(key, `${where}`);
        scratch.advanceSequence(info.idFamily, Number(e.id));
      }
      list.push(e);
    });
    entries.set(type, list);
  }

  const result: FixtureResult = {};
  for (const type of loadOrder(types)) {
    for (const e of entries.get(type) ?? []) {
      try {
        scratch.write(type, null, e.fields, e.sublists, null, e.id ? { createWithId: e.id } : {});
        result[type] = (result[type] ?? 0) + 1;
      } catch (err) {
        const name = (err as Error).name;
        add(`${type}[${e.index}]${e.id ? ` (id ${e.id})` : ''}: ${name}: ${(err as Error).message}`);
      }
    }
  }
  if (problems.length) throw new FixtureError(problems);

  // Commit.
  real.state.records = scratchState.records;
  real.state.nextId = scratchState.nextId;
  real.state.asOf = fixture.asOf;
  service.reindex();
  return result;
}
