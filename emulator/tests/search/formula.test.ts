import type { FieldType, FieldValue } from '../../src/types';
import {
  FormulaRuntimeError,
  dateValue,
  evaluateFormula,
  formatOracleDate,
  formatOracleNumber,
  parseFormula,
  roundHalfAway,
  type FormulaType,
} from '../../src/search/formula';
import { dayNumber } from '../../src/search/dates';

const today = '2024-03-31';
const fields: Record<string, { value: FieldValue; type?: FieldType; text?: string | null }> = {
  duedate: { value: '2024-01-31', type: 'date' },
  trandate: { value: '2024-01-01', type: 'date' },
  nodue: { value: null, type: 'date' },
  amountremaining: { value: 400, type: 'currency' },
  amount: { value: 1000, type: 'currency' },
  zero: { value: 0, type: 'float' },
  nothing: { value: null, type: 'currency' },
  entity: { value: '7', type: 'select', text: 'Acme Corp' },
  isinactive: { value: true, type: 'checkbox' },
  memo: { value: "O'Brien rush", type: 'text' },
  empty: { value: '', type: 'text' },
  'customer.email': { value: 'ap@acme.test', type: 'email' },
  created: { value: '2024-03-30T18:00:00Z', type: 'datetime' },
};
const ev = (f: string, type: FormulaType = 'formulanumeric') => evaluateFormula(f, type, fields, { today });
const d = (iso: string) => dateValue(dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)));

describe('formula parser', () => {
  test('precedence: * before +, unary minus, parentheses, || with + at the same level', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('-2 * -3 - 1')).toBe(5);
    expect(ev('10 - 4 - 3')).toBe(3);
    expect(ev('12 / 4 / 3')).toBe(1);
    // || and + share one level, left to right: ('a' || 1) + 2 is an invalid number, as in Oracle
    expect(() => ev("'a' || 1 + 2", 'formulatext')).toThrow(/invalid number 'a1'/);
    expect(ev("'a' || (1 + 2)", 'formulatext')).toBe('a3');
    expect(ev('2 * 3 || 4', 'formulatext')).toBe('64');
  });

  test('AND binds tighter than OR, NOT looser than comparison', () => {
    expect(ev('CASE WHEN 1 = 1 OR 1 = 0 AND 1 = 0 THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN (1 = 1 OR 1 = 0) AND 1 = 0 THEN 1 ELSE 0 END')).toBe(0);
    expect(ev('CASE WHEN NOT 1 = 2 THEN 1 ELSE 0 END')).toBe(1);
  });

  test('case-insensitive keywords and function names; strings with doubled quotes', () => {
    expect(ev("case when {memo} like 'O''B%' then 1 else 0 end")).toBe(1);
    expect(ev("nvl({nothing}, 5) + Round(2.45, 1)")).toBe(7.5);
    expect(ev("'it''s'", 'formulatext')).toBe("it's");
  });

  test('parse errors carry the formula and 1-based position', () => {
    expect(() => parseFormula('1 +')).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL', message: expect.stringContaining('position 4') }));
    expect(() => parseFormula('CASE WHEN {a} = 1 THEN 2')).toThrow(/expected END.*position 25/);
    expect(() => parseFormula("NVL({a}, 'x")).toThrow(/not properly terminated at position 10/);
    expect(() => parseFormula('FOO({a})')).toThrow(/unknown function FOO.*position 1/);
    expect(() => parseFormula('ROUND()')).toThrow(/wrong number of arguments to ROUND/);
    expect(() => parseFormula('{a} = 1')).toThrow(/condition is not a value/);
    expect(() => parseFormula('CASE WHEN 1 THEN 2 END')).toThrow(/expected a condition.*position 11/);
    expect(() => parseFormula('amount * 2')).toThrow(/unknown identifier AMOUNT/);
    expect(() => parseFormula('1 +', 'SSS_INVALID_SRCH_FILTER')).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
    expect(() => parseFormula('  ')).toThrow(/empty/);
    expect(() => parseFormula('{a} # 2')).toThrow(/invalid character '#' at position 5/);
  });

  test('field tokens: {field} and {join.field}, lowercased; {today} is not a field', () => {
    const p = parseFormula('{Customer.Email} || {ENTITY} || TO_CHAR({today})');
    expect(p.fields.map((f) => [f.join, f.field])).toEqual([['customer', 'email'], [null, 'entity']]);
    expect(ev('{customer.email}', 'formulatext')).toBe('ap@acme.test');
  });

  test('unknown field token → SSS_INVALID_SRCH_COL naming it', () => {
    expect(() => ev('{nosuch} + 1')).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL', message: expect.stringContaining("Field 'nosuch' Not Found") }));
  });
});

describe('formula evaluation: NULL semantics and three-valued logic', () => {
  test('NULL propagates through arithmetic and comparisons; || treats NULL as empty', () => {
    expect(ev('{nothing} + 1')).toBeNull();
    expect(ev('-{nothing}')).toBeNull();
    expect(ev("CASE WHEN {nothing} = {nothing} THEN 1 ELSE 0 END")).toBe(0);
    expect(ev("CASE WHEN {nothing} <> 1 THEN 1 ELSE 0 END")).toBe(0);
    expect(ev("'a' || {nothing} || 'b'", 'formulatext')).toBe('ab');
    expect(ev('{nothing} || {empty}', 'formulatext')).toBeNull();
  });

  test("'' IS NULL (Oracle)", () => {
    expect(ev("CASE WHEN '' IS NULL THEN 1 ELSE 0 END")).toBe(1);
    expect(ev("CASE WHEN {empty} IS NULL THEN 1 ELSE 0 END")).toBe(1);
    expect(ev("CASE WHEN {memo} IS NOT NULL THEN 1 ELSE 0 END")).toBe(1);
    expect(ev("LENGTH('')")).toBeNull();
  });

  test('AND/OR/NOT with unknown', () => {
    expect(ev('CASE WHEN {nothing} > 1 OR 1 = 1 THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN {nothing} > 1 AND 1 = 0 THEN 1 ELSE 0 END')).toBe(0);
    expect(ev('CASE WHEN NOT ({nothing} > 1) THEN 1 ELSE 0 END')).toBe(0);
    expect(ev('CASE WHEN NOT ({nothing} > 1 AND 1 = 0) THEN 1 ELSE 0 END')).toBe(1);
  });

  test('BETWEEN, IN, NOT IN (with NULL in the list), LIKE with escape', () => {
    expect(ev('CASE WHEN 5 BETWEEN 1 AND 5 THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN 6 NOT BETWEEN 1 AND 5 THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN 2 IN (1, 2, 3) THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN 4 NOT IN (1, 2) THEN 1 ELSE 0 END')).toBe(1);
    expect(ev('CASE WHEN 4 NOT IN (1, NULL) THEN 1 ELSE 0 END')).toBe(0);
    expect(ev("CASE WHEN 'Big_order' LIKE 'Big\\_%' ESCAPE '\\' THEN 1 ELSE 0 END")).toBe(1);
    expect(ev("CASE WHEN 'Bigxorder' LIKE 'Big\\_%' ESCAPE '\\' THEN 1 ELSE 0 END")).toBe(0);
    expect(ev("CASE WHEN {memo} NOT LIKE '%rush' THEN 1 ELSE 0 END")).toBe(0);
    expect(ev("CASE WHEN 'abc' LIKE 'A%' THEN 1 ELSE 0 END")).toBe(0);
  });

  test('searched and simple CASE, without ELSE → NULL', () => {
    expect(ev("CASE {entity} WHEN 'Acme Corp' THEN 1 WHEN 'Beta' THEN 2 ELSE 3 END")).toBe(1);
    expect(ev('CASE 3 WHEN 1 THEN 1 END')).toBeNull();
    expect(ev("CASE WHEN {isinactive} = 'T' THEN 'inactive' ELSE 'active' END", 'formulatext')).toBe('inactive');
  });

  test('selects give their text, checkboxes T/F', () => {
    expect(ev('{entity}', 'formulatext')).toBe('Acme Corp');
    expect(ev('{isinactive}', 'formulatext')).toBe('T');
  });
});

describe('formula evaluation: dates', () => {
  test('date − date = days, date ± n = date; {today}, SYSDATE, CURRENT_DATE', () => {
    expect(ev('{today} - {duedate}')).toBe(60);
    expect(ev('SYSDATE - {duedate}')).toBe(60);
    expect(ev('CURRENT_DATE - {trandate}')).toBe(90);
    expect(ev('{duedate} + 30', 'formuladate')).toEqual(d('2024-03-01'));
    expect(ev('{duedate} - 31', 'formuladate')).toEqual(d('2023-12-31'));
    expect(ev('30 + {duedate}', 'formuladate')).toEqual(d('2024-03-01'));
    expect(() => ev('{duedate} + {trandate}', 'formuladate')).toThrow(FormulaRuntimeError);
  });

  test('aging bucket formula from the KPI definitions', () => {
    const bucket = 'CASE WHEN {today}-NVL({duedate},{trandate}) BETWEEN 1 AND 30 THEN {amountremaining} ELSE 0 END';
    expect(evaluateFormula(bucket, 'formulacurrency', fields, { today: '2024-02-15' })).toBe(400); // 15 days late
    expect(evaluateFormula(bucket, 'formulacurrency', fields, { today: '2024-03-31' })).toBe(0); // 60 days
    expect(evaluateFormula(bucket, 'formulacurrency', fields, { today: '2024-01-31' })).toBe(0); // due today = current
    const noDue = { ...fields, duedate: { value: null, type: 'date' as const } };
    expect(evaluateFormula(bucket, 'formulacurrency', noDue, { today: '2024-01-31' })).toBe(400); // trandate + 30
  });

  test('TO_CHAR of dates', () => {
    expect(ev("TO_CHAR({duedate}, 'YYYY-MM-DD')", 'formulatext')).toBe('2024-01-31');
    expect(ev("TO_CHAR({duedate}, 'YYYYMM')", 'formulatext')).toBe('202401');
    expect(ev("TO_CHAR({duedate}, 'MM')", 'formulatext')).toBe('01');
    expect(ev("TO_CHAR({duedate}, 'YYYY')", 'formulatext')).toBe('2024');
    expect(ev("TO_CHAR({duedate}, 'DD')", 'formulatext')).toBe('31');
    expect(ev("TO_CHAR({duedate}, 'MON')", 'formulatext')).toBe('JAN');
    expect(ev("TO_CHAR({duedate}, 'Mon YYYY')", 'formulatext')).toBe('Jan 2024');
    expect(ev("TO_CHAR({duedate}, 'Month')", 'formulatext')).toBe('January  ');
    expect(ev("TO_CHAR({duedate}, 'FMMonth DD, YYYY')", 'formulatext')).toBe('January 31, 2024');
    expect(ev("TO_CHAR({duedate}, 'DY Q')", 'formulatext')).toBe('WED 1');
    expect(ev('TO_CHAR({duedate})', 'formulatext')).toBe('1/31/2024'); // user date format
    expect(formatOracleDate(dateValue(dayNumber(2024, 3, 30) + 0.75), 'YYYY-MM-DD HH24:MI')).toBe('2024-03-30 18:00');
    expect(() => ev("TO_CHAR({duedate}, 'QQX')", 'formulatext')).toThrow(FormulaRuntimeError);
  });

  test('TO_DATE, TRUNC, ROUND of dates, ADD_MONTHS, LAST_DAY, MONTHS_BETWEEN', () => {
    expect(ev("TO_DATE('2024-02-29', 'YYYY-MM-DD')", 'formuladate')).toEqual(d('2024-02-29'));
    expect(ev("TO_DATE('03/15/2024', 'MM/DD/YYYY')", 'formuladate')).toEqual(d('2024-03-15'));
    expect(ev("TO_DATE('15-MAR-24', 'DD-MON-RR')", 'formuladate')).toEqual(d('2024-03-15'));
    expect(ev("TO_DATE('3/15/2024')", 'formuladate')).toEqual(d('2024-03-15'));
    expect(() => ev("TO_DATE('2024-02-30', 'YYYY-MM-DD')", 'formuladate')).toThrow(FormulaRuntimeError);
    expect(ev("TRUNC({duedate}, 'MM')", 'formuladate')).toEqual(d('2024-01-01'));
    expect(ev("TRUNC({duedate}, 'YYYY')", 'formuladate')).toEqual(d('2024-01-01'));
    expect(ev("TRUNC({duedate}, 'Q')", 'formuladate')).toEqual(d('2024-01-01'));
    expect(ev('TRUNC({created})', 'formuladate')).toEqual(d('2024-03-30'));
    expect(ev('ROUND({created})', 'formuladate')).toEqual(d('2024-03-31'));
    expect(ev('ADD_MONTHS({duedate}, 1)', 'formuladate')).toEqual(d('2024-02-29'));
    expect(ev("ADD_MONTHS(TO_DATE('2024-02-29','YYYY-MM-DD'), 1)", 'formuladate')).toEqual(d('2024-03-31'));
    expect(ev("ADD_MONTHS(TO_DATE('2024-01-15','YYYY-MM-DD'), -2)", 'formuladate')).toEqual(d('2023-11-15'));
    expect(ev('LAST_DAY({trandate})', 'formuladate')).toEqual(d('2024-01-31'));
    expect(ev("MONTHS_BETWEEN(TO_DATE('2024-03-31','YYYY-MM-DD'), {duedate})")).toBe(2);
    expect(ev("MONTHS_BETWEEN(TO_DATE('2024-03-15','YYYY-MM-DD'), TO_DATE('2024-01-15','YYYY-MM-DD'))")).toBe(2);
    expect(ev("ROUND(MONTHS_BETWEEN(TO_DATE('2024-02-20','YYYY-MM-DD'), TO_DATE('2024-01-15','YYYY-MM-DD')), 4)")).toBe(1.1613);
  });

  test('comparisons between dates and date strings', () => {
    expect(ev("CASE WHEN {duedate} < TO_DATE('2024-02-01','YYYY-MM-DD') THEN 1 ELSE 0 END")).toBe(1);
    expect(ev("CASE WHEN {duedate} = '1/31/2024' THEN 1 ELSE 0 END")).toBe(1);
    expect(ev('CASE WHEN NVL({nodue}, {trandate}) = {trandate} THEN 1 ELSE 0 END')).toBe(1);
  });
});

describe('formula evaluation: functions and typing', () => {
  test('NVL, NVL2, COALESCE, DECODE (NULL matches NULL), NULLIF', () => {
    expect(ev('NVL({nothing}, {amount})')).toBe(1000);
    expect(ev('NVL2({nothing}, 1, 2)')).toBe(2);
    expect(ev('NVL2({amount}, 1, 2)')).toBe(1);
    expect(ev('COALESCE({nothing}, NULL, 3, 4)')).toBe(3);
    expect(ev("DECODE({entity}, 'Acme Corp', 1, 'Beta', 2, 9)")).toBe(1);
    expect(ev("DECODE({nothing}, NULL, 'null', 'other')", 'formulatext')).toBe('null');
    expect(ev("DECODE(5, 1, 'a')", 'formulatext')).toBeNull();
    expect(ev('{amount} / NULLIF({zero}, 0)')).toBeNull();
  });

  test('numeric functions with Oracle rounding (half away from zero)', () => {
    expect(ev('ROUND(2.5)')).toBe(3);
    expect(ev('ROUND(-2.5)')).toBe(-3);
    expect(ev('ROUND(1.005, 2)')).toBe(1.01);
    expect(ev('ROUND(1234.5678, -2)')).toBe(1200);
    expect(ev('TRUNC(-2.7)')).toBe(-2);
    expect(ev('TRUNC(2.789, 2)')).toBe(2.78);
    expect(ev('ABS(-3) + FLOOR(2.7) + CEIL(2.1) + SIGN(-9)')).toBe(7);
    expect(ev('GREATEST(1, 5, 3) - LEAST(4, 2, 8)')).toBe(3);
    expect(ev('GREATEST(1, NULL)')).toBeNull();
    expect(ev('MOD(11, 4) + MOD(-11, 4) + MOD(5, 0)')).toBe(3 - 3 + 5);
    expect(ev("TO_NUMBER('12.50') * 2")).toBe(25);
    expect(ev("TO_NUMBER('1,234.5', '9,999.9')")).toBe(1234.5);
    expect(ev('POWER(2, 10) + SQRT(16)')).toBe(1028);
    expect(roundHalfAway(0.285, 2)).toBe(0.29);
    expect(roundHalfAway(-0.004, 2)).toBe(0);
  });

  test('TO_CHAR of numbers', () => {
    expect(ev('TO_CHAR(0.5)', 'formulatext')).toBe('.5');
    expect(ev('TO_CHAR(1234.5)', 'formulatext')).toBe('1234.5');
    expect(ev('TO_CHAR(-3)', 'formulatext')).toBe('-3');
    expect(formatOracleNumber(1234.5, '999,990.00')).toBe('   1,234.50');
    expect(formatOracleNumber(1234.5, 'FM999,990.00')).toBe('1,234.50');
    expect(formatOracleNumber(0.5, 'FM990.99')).toBe('0.5');
    expect(formatOracleNumber(-1234.567, 'FM999G999D00')).toBe('-1,234.57');
    expect(formatOracleNumber(7, 'FM000')).toBe('007');
    expect(formatOracleNumber(123456, '999')).toBe('####');
    expect(formatOracleNumber(5, 'FM$990.00')).toBe('$5.00');
  });

  test('text functions', () => {
    expect(ev("UPPER({entity}) || LOWER('AB') || INITCAP('hello wORLD')", 'formulatext')).toBe('ACME CORPabHello World');
    expect(ev("SUBSTR('abcdef', 2, 3)", 'formulatext')).toBe('bcd');
    expect(ev("SUBSTR('abcdef', -2)", 'formulatext')).toBe('ef');
    expect(ev("SUBSTR('abcdef', 0, 1)", 'formulatext')).toBe('a');
    expect(ev("SUBSTR('abc', 5)", 'formulatext')).toBeNull();
    expect(ev("INSTR('a-b-c', '-')")).toBe(2);
    expect(ev("INSTR('a-b-c', '-', 1, 2)")).toBe(4);
    expect(ev("INSTR('a-b-c', '-', -1)")).toBe(4);
    expect(ev("INSTR('abc', 'z')")).toBe(0);
    expect(ev("LENGTH({memo})")).toBe(12);
    expect(ev("TRIM('  x y  ')", 'formulatext')).toBe('x y');
    expect(ev("LTRIM('xxab', 'x') || RTRIM('abyy', 'y')", 'formulatext')).toBe('abab');
    expect(ev("REPLACE('a-b-c', '-', '+')", 'formulatext')).toBe('a+b+c');
    expect(ev("REPLACE('a-b-c', '-')", 'formulatext')).toBe('abc');
    expect(ev("LPAD('7', 3, '0') || RPAD('ab', 4, '.')", 'formulatext')).toBe('007ab..');
    expect(ev("CONCAT('a', NULL)", 'formulatext')).toBe('a');
  });

  test('result typing per column type', () => {
    expect(ev('10 / 4')).toBe(2.5);
    expect(ev('10 / 3', 'formulacurrency')).toBe(3.33);
    expect(ev('2 / 3', 'formulapercent')).toBeCloseTo(0.6667, 4);
    expect(ev('{amount}', 'formulatext')).toBe('1000');
    expect(ev('{amount} / 4000', 'formulatext')).toBe('.25');
    expect(ev("'42'")).toBe(42);
    expect(ev("'2024-02-01'", 'formuladate')).toEqual(d('2024-02-01'));
    expect(() => ev("'abc'")).toThrow(FormulaRuntimeError);
    expect(() => ev('{duedate}')).toThrow(FormulaRuntimeError); // a date is not a number
  });

  test('runtime errors: division by zero, invalid number', () => {
    expect(() => ev('{amount} / {zero}')).toThrow(/divisor is equal to zero/);
    expect(() => ev("{amount} + 'x'")).toThrow(/invalid number/);
    expect(ev('{nothing} / 0')).toBeNull(); // NULL first: no error
  });
});
