/**
 * A small in-memory SearchSource for the search tests (the records layer will provide the real one).
 * Types declare fields (with types and, for selects, the record type they point at) and joins; records
 * may carry lines, which become the mainline = F rows of a transaction type.
 */
import type { FieldType, FieldValue, SearchRow, SearchSource } from '../../src/types';
import { createError } from '../../src/runtime/errors';

export interface FakeField {
  type: FieldType;
  /** For selects: the record type whose 'name' / 'companyname' is the display text. */
  source?: string;
}

export interface FakeType {
  fields: Record<string, FakeField>;
  /** joinId → {type, via}: the joined record is `type` with id = this row's value of `via`. */
  joins?: Record<string, { type: string; via: string }>;
  /** Line fields (mainline = F rows): line values override body values. */
  lineFields?: Record<string, FakeField>;
  /** Whether rows() honours mainline (transactions). */
  transaction?: boolean;
}

export interface FakeRecord {
  id: string;
  values: Record<string, FieldValue>;
  /** Display texts of select/status fields that are not resolved through `source`. */
  texts?: Record<string, string>;
  lines?: Record<string, FieldValue>[];
}

export class FakeSource implements SearchSource {
  readonly rowsCalls: { type: string; mainline: boolean | null | undefined }[] = [];
  constructor(
    readonly types: Record<string, FakeType>,
    readonly data: Record<string, FakeRecord[]>,
    private readonly todayValue = '2024-03-31',
  ) {}

  today(): string {
    return this.todayValue;
  }

  private fieldDef(type: string, field: string, join?: string): FakeField | undefined {
    const t = this.types[type];
    if (!t) return undefined;
    if (join) {
      const j = t.joins?.[join.toLowerCase()];
      if (!j) return undefined;
      return this.fieldDef(j.type, field);
    }
    return t.fields[field] ?? t.lineFields?.[field];
  }

  hasField(type: string, field: string, join?: string): boolean {
    return this.fieldDef(type, field, join) !== undefined;
  }

  fieldType(type: string, field: string, join?: string): FieldType | undefined {
    return this.fieldDef(type, field, join)?.type;
  }

  private displayOf(type: string, id: string): string | null {
    const rec = this.data[type]?.find((r) => r.id === id);
    if (!rec) return null;
    const v = rec.values.companyname ?? rec.values.name ?? rec.values.tranid ?? null;
    return v === null ? null : String(v);
  }

  private makeRow(type: string, rec: FakeRecord, line: Record<string, FieldValue> | null): SearchRow {
    const t = this.types[type];
    const values: Record<string, FieldValue> = { ...rec.values, ...(line ?? {}) };
    if (t.transaction) values.mainline = line === null;
    const source = this;  // eslint-disable-line @typescript-eslint/no-this-alias
    return {
      id: rec.id,
      recordType: type,
      value(field: string): FieldValue | undefined {
        if (!(field in t.fields) && !(t.lineFields && field in t.lineFields) && field !== 'mainline') return undefined;
        return values[field] ?? null;
      },
      text(field: string): string | null {
        if (rec.texts?.[field] !== undefined) return rec.texts[field];
        const def = t.fields[field] ?? t.lineFields?.[field];
        const v = values[field];
        if (!def?.source || v === null || v === undefined || v === '') return null;
        if (Array.isArray(v)) return v.map((id) => source.displayOf(def.source!, id) ?? id).join(',');
        return source.displayOf(def.source, String(v));
      },
      join(joinId: string): SearchRow | null {
        const j = t.joins?.[joinId];
        if (!j) return null;
        const target = values[j.via];
        if (target === null || target === undefined || target === '') return null;
        const rec2 = source.data[j.type]?.find((r) => r.id === String(target));
        return rec2 ? source.makeRow(j.type, rec2, null) : null;
      },
    };
  }

  *rows(type: string, options?: { mainline?: boolean | null }): Iterable<SearchRow> {
    const t = this.types[type];
    if (!t) throw createError('SSS_INVALID_SRCH_TYPE', `unknown search type ${type}`);
    const mainline = options?.mainline;
    this.rowsCalls.push({ type, mainline });
    // deliberately not in id order: the engine orders by internal id
    const recs = [...(this.data[type] ?? [])].reverse();
    for (const rec of recs) {
      if (!t.transaction || mainline !== false) yield this.makeRow(type, rec, null);
      if (t.transaction && mainline !== true) for (const line of rec.lines ?? []) yield this.makeRow(type, rec, line);
    }
  }
}

/** The AR fixture: 3 customers, 6 invoices (today 2024-03-31). */
export function arFixture(today = '2024-03-31'): FakeSource {
  const types: Record<string, FakeType> = {
    customer: {
      fields: {
        companyname: { type: 'text' },
        email: { type: 'email' },
        creditlimit: { type: 'currency' },
        isinactive: { type: 'checkbox' },
        category: { type: 'multiselect', source: 'category' },
        datecreated: { type: 'datetime' },
        terms: { type: 'select', source: 'term' },
        daysoverdue: { type: 'integer' },
      },
    },
    term: { fields: { name: { type: 'text' } } },
    category: { fields: { name: { type: 'text' } } },
    invoice: {
      transaction: true,
      fields: {
        tranid: { type: 'text' },
        entity: { type: 'select', source: 'customer' },
        trandate: { type: 'date' },
        duedate: { type: 'date' },
        amount: { type: 'currency' },
        amountremaining: { type: 'currency' },
        status: { type: 'select' },
        memo: { type: 'textarea' },
        discountrate: { type: 'percent' },
        exchangerate: { type: 'float' },
        mainline: { type: 'checkbox' },
      },
      lineFields: { item: { type: 'select' }, quantity: { type: 'integer' } },
      joins: { customer: { type: 'customer', via: 'entity' }, customermain: { type: 'customer', via: 'entity' } },
    },
  };
  const inv = (id: string, entity: string, trandate: string, duedate: string | null, amount: number, remaining: number, memo: string | null, lines = 1): FakeRecord => ({
    id,
    values: {
      tranid: `INV${id}`, entity, trandate, duedate, amount, amountremaining: remaining,
      status: remaining > 0 ? 'CustInvc:A' : 'CustInvc:B', memo, discountrate: 2.5, exchangerate: 1.1,
    },
    texts: { status: remaining > 0 ? 'Open' : 'Paid In Full' },
    lines: Array.from({ length: lines }, (_, i) => ({ item: String(10 + i), quantity: i + 1, amount: amount / lines })),
  });
  const data: Record<string, FakeRecord[]> = {
    term: [{ id: '1', values: { name: 'Net 30' } }, { id: '2', values: { name: 'Net 60' } }],
    category: [{ id: '1', values: { name: 'Retail' } }, { id: '2', values: { name: 'Wholesale' } }],
    customer: [
      { id: '1', values: { companyname: 'Acme Corp', email: 'ap@acme.test', creditlimit: 5000, isinactive: false, category: ['1', '2'], datecreated: '2023-05-04T14:30:00Z', terms: '1', daysoverdue: 60 } },
      { id: '2', values: { companyname: 'Beta LLC', email: 'billing@beta.test', creditlimit: 1000, isinactive: true, category: ['2'], datecreated: '2022-01-15T09:05:00Z', terms: '2', daysoverdue: 151 } },
      { id: '3', values: { companyname: 'gamma inc', email: null, creditlimit: null, isinactive: false, category: [], datecreated: '2024-03-01T00:00:00Z', terms: null, daysoverdue: 91 } },
    ],
    invoice: [
      inv('101', '1', '2024-01-01', '2024-01-31', 1000, 400, 'Rush order', 2),
      inv('102', '1', '2024-03-01', '2024-03-31', 500, 500, null),
      inv('103', '2', '2023-11-01', null, 250.25, 250.25, 'legacy 100% prepaid'),
      inv('104', '2', '2024-02-15', '2024-03-16', 300, 300, 'Net 30'),
      inv('105', '3', '2024-01-10', '2024-02-09', 700, 0, 'paid'),
      inv('106', '3', '2023-12-01', '2023-12-31', 1200.1, 1200.1, 'Big_order'),
    ],
  };
  return new FakeSource(types, data, today);
}

/** A source with one custom record type of n rows (limits tests). */
export function bigSource(n: number): FakeSource {
  const types: Record<string, FakeType> = { customrecord_big: { fields: { name: { type: 'text' }, seq: { type: 'integer' } } } };
  const rows: FakeRecord[] = Array.from({ length: n }, (_, i) => ({ id: String(i + 1), values: { name: `row ${i + 1}`, seq: i + 1 } }));
  return new FakeSource(types, { customrecord_big: rows });
}
