/**
 * The search engine's fast paths give what the straightforward computations give: integer calendar
 * arithmetic = Date's UTC calendar, compiled formulas with folded constants = per-row evaluation
 * (errors stay where they were), rounding memo, and one read of each row value per search.
 */
import type { FieldType, FieldValue, SearchRow } from '../../src/types';
import { dayNumber, parseIso, ymdOf } from '../../src/search/dates';
import { CompiledFormula, FormulaRuntimeError, roundHalfAway, type EvalEnv } from '../../src/search/formula';
import { runSearchDefinition } from '../../src/search/engine';
import { arFixture, type FakeSource } from './fakeSource';

const MS = 86_400_000;
function dateDay(y: number, m: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  dt.setUTCHours(0, 0, 0, 0);
  return Math.round(dt.getTime() / MS);
}
function dateYmd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(Math.floor(day) * MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

describe('calendar arithmetic', () => {
  test('dayNumber = Date UTC calendar (overflowing days and months, year 0–99, far years, fractions)', () => {
    for (let y = -1200; y <= 10400; y += 37) {
      for (let m = -1; m <= 14; m++) {
        for (const d of [-31, 0, 1, 28, 29, 30, 31, 32, 367]) {
          const a = dayNumber(y, m, d), b = dateDay(y, m, d);
          if (a !== b) expect([y, m, d, a]).toEqual([y, m, d, b]);
        }
      }
    }
    for (const [y, m, d] of [[0, 1, 1], [99, 12, 31], [275760, 9, 13], [275760, 9, 14], [-271821, 4, 20], [-271821, 4, 19], [2024.5, 2, 1], [2024, 2.5, 1], [2024, 2, 1.5]]) {
      expect(dayNumber(y, m, d)).toEqual(dateDay(y, m, d));
    }
    expect(dayNumber(NaN, 1, 1)).toBeNaN();
  });

  test('ymdOf = Date UTC calendar (every day of five centuries, fractions, out of range)', () => {
    for (let day = -40_000; day <= 150_000; day++) {
      const a = ymdOf(day), b = dateYmd(day);
      if (a.y !== b.y || a.m !== b.m || a.d !== b.d) expect([day, a]).toEqual([day, b]);
    }
    for (const day of [0.5, -0.5, 19_000.99, 1e8, -1e8, 1e8 + 1, -1e8 - 1, NaN, Infinity]) expect(ymdOf(day)).toEqual(dateYmd(day));
  });

  test('parseIso gives the same answer from its cache', () => {
    for (const s of ['2024-02-29', '2023-02-29', '2024-13-01', '0000-01-01', '9999-12-31', '2024-1-01', 'today']) {
      const first = parseIso(s);
      expect(parseIso(s)).toBe(first);
    }
    expect(parseIso('2024-02-29')).toBe(dateDay(2024, 2, 29));
    expect(parseIso('2023-02-29')).toBeNull();
    expect(parseIso('2024-03-01T23:59:00Z')).toBe(dateDay(2024, 3, 1));
  });
});

describe('rounding', () => {
  test('roundHalfAway: integers, zeros and repeated values round as the decimal rule says', () => {
    expect(roundHalfAway(-0, 2)).toBe(0);
    expect(Object.is(roundHalfAway(-0, 2), -0)).toBe(false);
    expect(roundHalfAway(1234, 2)).toBe(1234);
    expect(roundHalfAway(-1234, 0)).toBe(-1234);
    expect(roundHalfAway(1234, -2)).toBe(1200);
    expect(roundHalfAway(1_234_567_890_123_456, 2)).toBe(1_234_567_890_123_460);
    // the same value with different places, one after the other (the memo is per value and places)
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(1.005, 1)).toBe(1);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(NaN, 2)).toBeNaN();
  });
});

describe('compiled formulas', () => {
  const env = (today: string, fields: Record<string, { value: FieldValue; type: FieldType }>, dateFormat = 'M/D/YYYY'): EvalEnv => ({
    today,
    dateFormat,
    field(field) {
      const f = fields[field];
      return { value: f?.value ?? null, text: null, type: f?.type };
    },
  });

  test('constant parts follow the account date of each evaluation', () => {
    const f = new CompiledFormula("TO_CHAR(LAST_DAY(ADD_MONTHS({today}, -1)), 'YYYY-MM-DD')", 'formulatext');
    expect(f.evaluate(env('2024-03-31', {}))).toBe('2024-02-29');
    expect(f.evaluate(env('2023-03-31', {}))).toBe('2023-02-28');
    expect(f.evaluate(env('2024-03-31', {}))).toBe('2024-02-29');
    const g = new CompiledFormula('{today}', 'formulatext');
    expect(g.evaluate(env('2024-03-31', {}))).toBe('3/31/2024');
    expect(g.evaluate(env('2024-03-31', {}, 'DD.MM.YYYY'))).toBe('31.03.2024');
  });

  test('a failing constant part fails only on the rows that reach it, every time', () => {
    const f = new CompiledFormula('CASE WHEN {x} > 0 THEN 1 / 0 ELSE {x} END', 'formulanumeric');
    expect(f.evaluate(env('2024-03-31', { x: { value: -2, type: 'float' } }))).toBe(-2);
    expect(() => f.evaluate(env('2024-03-31', { x: { value: 2, type: 'float' } }))).toThrow(FormulaRuntimeError);
    expect(f.evaluate(env('2024-03-31', { x: { value: -3, type: 'float' } }))).toBe(-3);
    expect(() => f.evaluate(env('2024-03-31', { x: { value: 5, type: 'float' } }))).toThrow(FormulaRuntimeError);
  });

  test('fields are read per evaluation; TRUNC of dates per value', () => {
    const f = new CompiledFormula("TO_CHAR(TRUNC({d}, 'MM'), 'YYYY-MM-DD') || '/' || TO_CHAR(TRUNC({d}, 'YYYY'), 'YYYY-MM-DD')", 'formulatext');
    expect(f.evaluate(env('2024-03-31', { d: { value: '2024-03-17', type: 'date' } }))).toBe('2024-03-01/2024-01-01');
    expect(f.evaluate(env('2024-03-31', { d: { value: '2023-11-02', type: 'date' } }))).toBe('2023-11-01/2023-01-01');
    const g = new CompiledFormula('GREATEST({a}, {b}, 3) - LEAST({a}, {b})', 'formulanumeric');
    expect(g.evaluate(env('2024-03-31', { a: { value: 1, type: 'float' }, b: { value: 7, type: 'float' } }))).toBe(6);
    expect(g.evaluate(env('2024-03-31', { a: { value: null, type: 'float' }, b: { value: 7, type: 'float' } }))).toBeNull();
  });
});

describe('engine: one read of each row value per search', () => {
  /** arFixture with a count of row.value / row.text / row.join calls. */
  function counted(): { source: FakeSource; calls: Map<string, number> } {
    const source = arFixture();
    const calls = new Map<string, number>();
    const rows = source.rows.bind(source);
    const wrap = (r: SearchRow, tag: string): SearchRow => ({
      id: r.id,
      recordType: r.recordType,
      value(f) {
        calls.set(`${tag}${r.id}:value:${f}`, (calls.get(`${tag}${r.id}:value:${f}`) ?? 0) + 1);
        return r.value(f);
      },
      text(f) {
        calls.set(`${tag}${r.id}:text:${f}`, (calls.get(`${tag}${r.id}:text:${f}`) ?? 0) + 1);
        return r.text(f);
      },
      join(j) {
        calls.set(`${tag}${r.id}:join:${j}`, (calls.get(`${tag}${r.id}:join:${j}`) ?? 0) + 1);
        const t = r.join(j);
        return t ? wrap(t, `${tag}${r.id}>${j}>`) : null;
      },
    });
    source.rows = (type, options) => [...rows(type, options)].map((r) => wrap(r, ''));
    return { source, calls };
  }

  test('columns and formulas sharing fields read them once per row; results as expected', () => {
    const { source, calls } = counted();
    const amt = (from: number, to: number) => `CASE WHEN {today} - NVL({duedate}, {trandate}) BETWEEN ${from} AND ${to} THEN {amountremaining} ELSE 0 END`;
    const res = runSearchDefinition(
      {
        type: 'invoice',
        filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A']],
        columns: [
          'entity',
          'amountremaining',
          { name: 'formulacurrency', formula: amt(0, 30) },
          { name: 'formulacurrency', formula: amt(31, 60) },
          { name: 'formulacurrency', formula: amt(61, 9999) },
          { name: 'formulatext', formula: '{customer.email}' },
        ],
      },
      source,
    );
    expect(res.rows.length).toBeGreaterThan(0);
    for (const [k, n] of calls) expect([k, n]).toEqual([k, 1]);
    const sum = runSearchDefinition(
      {
        type: 'invoice',
        filters: [['mainline', 'is', 'T']],
        columns: [
          { name: 'entity', summary: 'GROUP' },
          { name: 'amountremaining', summary: 'SUM' },
          { name: 'formulacurrency', summary: 'SUM', formula: amt(0, 30) },
          { name: 'formulacurrency', summary: 'SUM', formula: amt(31, 9999) },
          { name: 'internalid', summary: 'COUNT' },
          { name: 'entity', summary: 'MIN' },
        ],
      },
      arFixture(),
    );
    for (const r of sum.rows) {
      const v = r.getAllValues();
      const buckets = Number((v['SUM(formulacurrency)'] as string) ?? 0) + Number((v['SUM(formulacurrency)_1'] as string) ?? 0);
      expect(buckets).toBeCloseTo(Number(v['SUM(amountremaining)'] ?? 0), 2);
    }
  });
});
