import { runSearchDefinition, resolveDateFilterValue, type SearchDefinition } from '../../src/search/engine';
import { Column, Filter, type Result } from '../../src/search/objects';
import { arFixture, type FakeSource } from './fakeSource';

const run = (def: SearchDefinition, source: FakeSource = arFixture(), dateFormat?: string) => runSearchDefinition(def, source, dateFormat ? { dateFormat } : {});
const ids = (rows: Result[]) => rows.map((r) => r.id);
const invoiceIds = (filters: unknown, mainline: boolean | null = true) =>
  ids(run({ type: 'invoice', filters: mainline === null || (Array.isArray(filters) && filters.length === 0) ? filters : [['mainline', 'is', mainline ? 'T' : 'F'], 'and', filters], columns: ['tranid'] }).rows);

describe('filters: operators by field type', () => {
  test('anyof / noneof on selects, with @NONE@ and case-insensitive status codes', () => {
    expect(invoiceIds(['entity', 'anyof', '1', '3'])).toEqual(['101', '102', '105', '106']);
    expect(invoiceIds(['entity', 'anyof', ['2']])).toEqual(['103', '104']);
    expect(invoiceIds(['entity', 'noneof', '1'])).toEqual(['103', '104', '105', '106']);
    expect(invoiceIds(['status', 'anyof', 'custinvc:a'])).toEqual(['101', '102', '103', '104', '106']);
    expect(ids(run({ type: 'customer', filters: [['terms', 'anyof', '@NONE@']], columns: ['companyname'] }).rows)).toEqual(['3']);
    expect(ids(run({ type: 'customer', filters: [['terms', 'noneof', '@NONE@']], columns: ['companyname'] }).rows)).toEqual(['1', '2']);
    expect(ids(run({ type: 'customer', filters: [['terms', 'noneof', '1']], columns: ['companyname'] }).rows)).toEqual(['2', '3']);
    expect(invoiceIds(['internalid', 'anyof', '104'])).toEqual(['104']);
    expect(invoiceIds(['internalidnumber', 'greaterthan', 104])).toEqual(['105', '106']);
  });

  test('multiselect: anyof, allof, noneof, notallof, isempty', () => {
    const c = (f: unknown[]) => ids(run({ type: 'customer', filters: [f], columns: ['companyname'] }).rows);
    expect(c(['category', 'anyof', '2'])).toEqual(['1', '2']);
    expect(c(['category', 'allof', '1', '2'])).toEqual(['1']);
    expect(c(['category', 'notallof', '1', '2'])).toEqual(['2', '3']);
    expect(c(['category', 'noneof', '1'])).toEqual(['2', '3']);
    expect(c(['category', 'isempty'])).toEqual(['3']);
  });

  test('text: is, isnot, contains, doesnotcontain, startswith, doesnotstartwith, haskeywords, isempty, isnotempty (case-insensitive)', () => {
    expect(invoiceIds(['memo', 'is', 'net 30'])).toEqual(['104']);
    expect(invoiceIds(['memo', 'isnot', 'Net 30'])).toEqual(['101', '102', '103', '105', '106']);
    expect(invoiceIds(['memo', 'contains', 'ORDER'])).toEqual(['101', '106']);
    expect(invoiceIds(['memo', 'doesnotcontain', 'order'])).toEqual(['102', '103', '104', '105']);
    expect(invoiceIds(['memo', 'startswith', 'big'])).toEqual(['106']);
    expect(invoiceIds(['memo', 'doesnotstartwith', 'big'])).toEqual(['101', '102', '103', '104', '105']);
    expect(invoiceIds(['memo', 'haskeywords', 'rush ord'])).toEqual(['101']);
    expect(invoiceIds(['memo', 'isempty'])).toEqual(['102']);
    expect(invoiceIds(['memo', 'isnotempty'])).toEqual(['101', '103', '104', '105', '106']);
    expect(invoiceIds(['customer.email', 'contains', 'acme'])).toEqual(['101', '102']);
  });

  test('numbers: equalto … notbetween; empty values match no comparison', () => {
    const n = (op: string, ...v: unknown[]) => invoiceIds(['amountremaining', op, ...v]);
    expect(n('equalto', 500)).toEqual(['102']);
    expect(n('notequalto', '500')).toEqual(['101', '103', '104', '105', '106']);
    expect(n('greaterthan', 400)).toEqual(['102', '106']);
    expect(n('greaterthanorequalto', 400)).toEqual(['101', '102', '106']);
    expect(n('lessthan', 300)).toEqual(['103', '105']);
    expect(n('lessthanorequalto', 300)).toEqual(['103', '104', '105']);
    expect(n('notgreaterthan', 300)).toEqual(['103', '104', '105']);
    expect(n('notlessthan', 500)).toEqual(['102', '106']);
    expect(n('notgreaterthanorequalto', 300)).toEqual(['103', '105']);
    expect(n('notlessthanorequalto', 500)).toEqual(['106']);
    expect(n('between', 250, 400)).toEqual(['101', '103', '104']);
    expect(n('notbetween', 250, 400)).toEqual(['102', '105', '106']);
    expect(n('any')).toEqual(['101', '102', '103', '104', '105', '106']);
    const cust = (f: unknown[]) => ids(run({ type: 'customer', filters: [f], columns: ['companyname'] }).rows);
    expect(cust(['creditlimit', 'notequalto', 5000])).toEqual(['2']);
    expect(cust(['creditlimit', 'isempty'])).toEqual(['3']);
  });

  test('dates: on, before, after, within and their negations; relative keywords and user format', () => {
    const dt = (op: string, ...v: unknown[]) => invoiceIds(['duedate', op, ...v]);
    expect(dt('on', '3/31/2024')).toEqual(['102']);
    expect(dt('on', 'today')).toEqual(['102']);
    expect(dt('noton', 'today')).toEqual(['101', '104', '105', '106']); // 103 has no due date
    expect(dt('before', 'today')).toEqual(['101', '104', '105', '106']);
    expect(dt('notbefore', '2024-03-16')).toEqual(['102', '104']);
    expect(dt('after', '2024-02-09')).toEqual(['102', '104']);
    expect(dt('notafter', '2024-02-09')).toEqual(['101', '105', '106']);
    expect(dt('onorbefore', 'daysago15')).toEqual(['101', '104', '105', '106']);
    expect(dt('onorafter', 'startofthismonth')).toEqual(['102', '104']);
    expect(dt('notonorbefore', 'endoflastmonth')).toEqual(['102', '104']);
    expect(dt('notonorafter', 'startoflastmonth')).toEqual(['101', '106']);
    expect(dt('within', 'thismonth')).toEqual(['102', '104']);
    expect(dt('within', 'lastmonth')).toEqual(['105']);
    expect(dt('within', '1/1/2024', '2/29/2024')).toEqual(['101', '105']);
    expect(dt('notwithin', 'thisyear')).toEqual(['106']);
    expect(dt('within', 'lastfiscalyear')).toEqual(['106']);
    expect(dt('isempty')).toEqual(['103']);
    expect(invoiceIds(['trandate', 'before', new Date(2024, 0, 2)])).toEqual(['101', '103', '106']);
    // the user's date format decides how typed dates are read
    expect(ids(run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['duedate', 'on', '31/03/2024']], columns: ['tranid'] }, arFixture(), 'D/M/YYYY').rows)).toEqual(['102']);
  });

  test('relative date keywords', () => {
    const r = (v: string) => resolveDateFilterValue(v, '2024-03-31');
    expect(r('today')).toEqual({ start: '2024-03-31', end: '2024-03-31' });
    expect(r('yesterday').start).toBe('2024-03-30');
    expect(r('tomorrow').start).toBe('2024-04-01');
    expect(r('daysago30').start).toBe('2024-03-01');
    expect(r('daysfromnow10').start).toBe('2024-04-10');
    expect(r('thismonth')).toEqual({ start: '2024-03-01', end: '2024-03-31' });
    expect(r('lastmonth')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(r('startofthismonth').start).toBe('2024-03-01');
    expect(r('endofthismonth').start).toBe('2024-03-31');
    expect(r('startoflastmonth').start).toBe('2024-02-01');
    expect(r('endoflastmonth').start).toBe('2024-02-29');
    expect(r('thisfiscalyear')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(r('thisweek')).toEqual({ start: '2024-03-31', end: '2024-04-06' });
    expect(r('2024-02-29').start).toBe('2024-02-29');
    expect(r('2/29/2024').start).toBe('2024-02-29');
    expect(() => r('2/30/2024')).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
  });

  test('checkbox: is T/F (and booleans)', () => {
    const c = (v: unknown) => ids(run({ type: 'customer', filters: [['isinactive', 'is', v]], columns: ['companyname'] }).rows);
    expect(c('T')).toEqual(['2']);
    expect(c('F')).toEqual(['1', '3']);
    expect(c(false)).toEqual(['1', '3']);
  });

  test('formula filters', () => {
    expect(invoiceIds(['formulanumeric: {today} - NVL({duedate}, {trandate})', 'greaterthan', 60])).toEqual(['106', '103'].sort());
    expect(invoiceIds(['formulatext: {customer.companyname}', 'startswith', 'GAMMA'])).toEqual(['105', '106']);
    expect(invoiceIds(['formuladate: {duedate} + 30', 'after', '2024-03-31'])).toEqual(['102', '104']);
    const byObject = [new Filter({ name: 'mainline', operator: 'is', values: 'T' }), new Filter({ name: 'formulacurrency', operator: 'greaterthan', values: [1000], formula: '{amountremaining} * 2' })];
    expect(ids(run({ type: 'invoice', filters: byObject, columns: ['tranid'] }).rows)).toEqual(['106']);
    // without mainline, the line rows of 106 (body values repeated) match too
    expect(ids(run({ type: 'invoice', filters: byObject.slice(1), columns: ['tranid'] }).rows)).toEqual(['106', '106']);
  });

  test('mainline filter is passed to SearchSource.rows (lines otherwise)', () => {
    const src = arFixture();
    expect(run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['entity', 'anyof', '1']], columns: ['tranid'] }, src).rows.length).toBe(2);
    expect(src.rowsCalls.at(-1)).toEqual({ type: 'invoice', mainline: true });
    const lines = run({ type: 'invoice', filters: [new Filter({ name: 'mainline', operator: 'is', values: 'F' }), new Filter({ name: 'entity', operator: 'anyof', values: ['1'] })], columns: ['tranid', 'item', 'quantity'] }, src).rows;
    expect(src.rowsCalls.at(-1)).toEqual({ type: 'invoice', mainline: false });
    expect(lines.map((r) => [r.id, r.getValue('item'), r.getValue('quantity')])).toEqual([['101', '10', '1'], ['101', '11', '2'], ['102', '10', '1']]);
    run({ type: 'invoice', filters: [], columns: ['tranid'] }, src);
    expect(src.rowsCalls.at(-1)).toEqual({ type: 'invoice', mainline: null });
  });
});

describe('filter expressions', () => {
  test('and / or / not nesting, AND before OR', () => {
    const expr = [['status', 'anyof', 'CustInvc:A'], 'and', [['duedate', 'before', 'daysago30'], 'or', ['formulanumeric: {amountremaining}', 'greaterthan', '450']]];
    expect(invoiceIds(expr)).toEqual(['101', '102', '106']);
    expect(invoiceIds([['entity', 'anyof', '1'], 'or', ['entity', 'anyof', '2'], 'and', ['amount', 'greaterthan', 260]])).toEqual(['101', '102', '104']);
    expect(invoiceIds(['not', ['entity', 'anyof', '1']])).toEqual(['103', '104', '105', '106']);
    expect(invoiceIds([['status', 'anyof', 'CustInvc:A'], 'and', ['not', [['entity', 'anyof', '1'], 'or', ['entity', 'anyof', '3']]]])).toEqual(['103', '104']);
    expect(invoiceIds([['entity', 'anyof', '1'], 'AND', ['NOT', ['memo', 'isempty']]])).toEqual(['101']);
  });

  test('Filter objects with isor / isnot / parens', () => {
    const filters = [
      new Filter({ name: 'mainline', operator: 'is', values: 'T' }),
      new Filter({ name: 'entity', operator: 'anyof', values: ['1'], leftparens: 1, isor: true }),
      new Filter({ name: 'entity', operator: 'anyof', values: ['3'], rightparens: 1 }),
      new Filter({ name: 'memo', operator: 'isempty', isnot: true }),
    ];
    expect(ids(run({ type: 'invoice', filters, columns: ['tranid'] }).rows)).toEqual(['101', '105', '106']);
  });

  test('malformed expressions → SSS_INVALID_SRCH_FILTER_EXPR', () => {
    const bad = (f: unknown) => expect(() => run({ type: 'invoice', filters: f, columns: ['tranid'] })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER_EXPR' }));
    bad([['entity', 'anyof', '1'], 'xor', ['entity', 'anyof', '2']]);
    bad([['entity', 'anyof', '1'], ['entity', 'anyof', '2']]);
    bad([['entity', 'anyof', '1'], 'and']);
  });
});

describe('errors', () => {
  test('invalid field, join, operator, operator for the type, summary type', () => {
    const err = (def: Partial<SearchDefinition>, name: string, msg: RegExp) =>
      expect(() => run({ type: 'invoice', columns: ['tranid'], ...def } as SearchDefinition)).toThrow(expect.objectContaining({ name, message: expect.stringMatching(msg) }));
    err({ filters: [['nosuchfield', 'is', 'x']] }, 'SSS_INVALID_SRCH_FILTER', /nosuchfield/);
    err({ filters: [['nosuchjoin.email', 'is', 'x']] }, 'SSS_INVALID_SRCH_FILTER', /nosuchjoin\.email/);
    err({ filters: [['entity', 'sortof', '1']] }, 'SSS_INVALID_SRCH_OPERATOR', /sortof/);
    err({ filters: [['entity', 'contains', 'Acme']] }, 'SSS_INVALID_SRCH_OPERATOR', /contains.*entity/);
    err({ filters: [['amount', 'anyof', '1']] }, 'SSS_INVALID_SRCH_OPERATOR', /anyof/);
    err({ filters: [['amount', 'greaterthan', 'lots']] }, 'SSS_INVALID_SRCH_FILTER', /not a number/);
    err({ filters: [['amount', 'between', 1]] }, 'SSS_INVALID_SRCH_FILTER', /needs 2 values/);
    err({ filters: [['formulanumeric: {nosuch}', 'equalto', 1]] }, 'SSS_INVALID_SRCH_FILTER', /Field 'nosuch' Not Found/);
    err({ filters: [['formulanumeric: 1 +', 'equalto', 1]] }, 'SSS_INVALID_SRCH_FILTER', /position 4/);
    err({ columns: ['nosuch'] }, 'SSS_INVALID_SRCH_COL', /nosuch/);
    err({ columns: [new Column({ name: 'formulanumeric', formula: '{amount} +* 2' })] }, 'SSS_INVALID_SRCH_COL', /Invalid Expression.*position 11/);
    err({ columns: [new Column({ name: 'formulatext' })] }, 'SSS_INVALID_SRCH_COL', /needs a formula/);
    err({ columns: [new Column({ name: 'amount', summary: 'median' })] }, 'SSS_INVALID_SRCH_SUMMARY_TYP', /median/);
    err({ columns: [new Column({ name: 'memo', summary: 'SUM' })] }, 'SSS_INVALID_SRCH_SUMMARY_TYP', /SUM/);
    err({ columns: [new Column({ name: 'entity', summary: 'GROUP' }), 'amount'] }, 'SSS_INVALID_SRCH_COL', /summary/);
  });

  test('runtime formula errors: ERROR: Invalid Expression in the column (all rows), an error in a filter', () => {
    const rows = run({ type: 'invoice', filters: [['mainline', 'is', 'T']], columns: ['tranid', new Column({ name: 'formulanumeric', formula: '{amount} / {amountremaining}' })] }).rows;
    expect(rows.map((r) => r.getValue({ name: 'formulanumeric' }))).toEqual(Array(6).fill('ERROR: Invalid Expression'));
    expect(rows[0].getValue('tranid')).toBe('INV101');
    expect(() => run({ type: 'invoice', filters: [['formulanumeric: 1 / {amountremaining}', 'greaterthan', 0]], columns: ['tranid'] })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
  });
});

describe('columns and values', () => {
  test('getValue/getText semantics per type', () => {
    const { rows } = run({
      type: 'invoice',
      filters: [['mainline', 'is', 'T'], 'and', ['internalid', 'anyof', '103']],
      columns: ['tranid', 'entity', 'trandate', 'duedate', 'amount', 'status', 'discountrate', 'exchangerate', 'memo', 'customer.email', 'customer.isinactive', 'customer.category', 'customer.datecreated', 'internalid'],
    });
    const r = rows[0];
    expect(r.id).toBe('103');
    expect(r.recordType).toBe('invoice');
    expect(r.getValue('tranid')).toBe('INV103');
    expect(r.getText('tranid')).toBeNull();
    expect(r.getValue('entity')).toBe('2');
    expect(r.getText('entity')).toBe('Beta LLC');
    expect(r.getValue('trandate')).toBe('11/1/2023');
    expect(r.getValue('duedate')).toBe('');
    expect(r.getValue('amount')).toBe('250.25');
    expect(r.getValue('status')).toBe('CustInvc:A');
    expect(r.getText('status')).toBe('Open');
    expect(r.getValue('discountrate')).toBe('2.5%');
    expect(r.getValue('exchangerate')).toBe('1.1');
    expect(r.getValue({ name: 'email', join: 'customer' })).toBe('billing@beta.test');
    expect(r.getValue({ name: 'isinactive', join: 'CUSTOMER' })).toBe(true);
    expect(r.getValue({ name: 'category', join: 'customer' })).toBe('2');
    expect(r.getText({ name: 'category', join: 'customer' })).toBe('Wholesale');
    expect(r.getValue({ name: 'datecreated', join: 'customer' })).toBe('1/15/2022 9:05 am');
    expect(r.getValue('internalid')).toBe('103');
    expect(r.getValue('email')).toBeNull(); // join required
    expect(r.getValue('nosuch')).toBeNull();
    expect(r.columns.map((c) => c.join ? `${c.join}.${c.name}` : c.name)).toContain('customer.email');
  });

  test('dates in the user format; currency with 2 decimals; checkboxes boolean', () => {
    const { rows } = run({ type: 'customer', filters: [], columns: ['companyname', 'creditlimit', 'isinactive', 'datecreated', 'category'] }, arFixture(), 'DD.MM.YYYY');
    expect(rows.map((r) => [r.getValue('creditlimit'), r.getValue('isinactive'), r.getValue('datecreated')])).toEqual([
      ['5000.00', false, '04.05.2023 2:30 pm'],
      ['1000.00', true, '15.01.2022 9:05 am'],
      ['', false, '01.03.2024 12:00 am'],
    ]);
    expect(rows[0].getValue('category')).toBe('1,2');
    expect(rows[0].getText('category')).toBe('Retail,Wholesale');
    expect(rows[0].getAllValues().category).toEqual([{ value: '1', text: 'Retail' }, { value: '2', text: 'Wholesale' }]);
  });

  test('formula columns: getValue by name, by Column object, several of the same type', () => {
    const f1 = new Column({ name: 'formulanumeric', formula: '{today} - NVL({duedate}, {trandate})', label: 'Age' });
    const f2 = new Column({ name: 'formulanumeric', formula: '{amountremaining} / {amount}' });
    const f3 = new Column({ name: 'formulatext', formula: "{tranid} || ' ' || {customer.companyname}" });
    const f4 = new Column({ name: 'formuladate', formula: 'ADD_MONTHS({trandate}, 1)' });
    const f5 = new Column({ name: 'formulacurrency', formula: '{amountremaining} / 3' });
    const f6 = new Column({ name: 'formulapercent', formula: '{amountremaining} / {amount}' });
    const { rows } = run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['internalid', 'anyof', '101']], columns: [f1, f2, f3, f4, f5, f6] });
    const r = rows[0];
    expect(r.getValue({ name: 'formulanumeric' })).toBe('60');
    expect(r.getValue(f1)).toBe('60');
    expect(r.getValue(r.columns[1])).toBe('0.4');
    expect(r.getValue({ name: 'formulanumeric', formula: '{amountremaining} / {amount}' } as never)).toBe('0.4');
    expect(r.getValue(f3)).toBe('INV101 Acme Corp');
    expect(r.getValue(f4)).toBe('2/1/2024');
    expect(r.getValue(f5)).toBe('133.33');
    expect(r.getValue(f6)).toBe('40%');
    expect(r.toJSON()).toEqual({
      recordType: 'invoice',
      id: '101',
      values: { formulanumeric: '60', formulanumeric_1: '0.4', formulatext: 'INV101 Acme Corp', formuladate: '2/1/2024', formulacurrency: '133.33', formulapercent: '40%' },
    });
  });

  test('column functions', () => {
    const { rows } = run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['internalid', 'anyof', '101']], columns: [new Column({ name: 'duedate', function: 'ageInDays' }), new Column({ name: 'amountremaining', function: 'negate' })] });
    expect(rows[0].getValue({ name: 'duedate' })).toBe('60');
    expect(rows[0].getValue({ name: 'amountremaining' })).toBe('-400.00');
  });

  test('toJSON / getAllValues shape: selects as [{value, text}], checkboxes boolean, join keys field.join', () => {
    const { rows } = run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['internalid', 'anyof', '102']], columns: ['entity', 'customer.isinactive', 'amount', 'memo'] });
    expect(JSON.parse(JSON.stringify(rows[0]))).toEqual({
      recordType: 'invoice',
      id: '102',
      values: { entity: [{ value: '1', text: 'Acme Corp' }], 'isinactive.customer': false, amount: '500.00', memo: '' },
    });
  });
});

describe('sorting', () => {
  test('default order is internal id ascending (whatever the source order)', () => {
    expect(invoiceIds(['mainline', 'is', 'T'], null)).toEqual(['101', '102', '103', '104', '105', '106']);
    // no mainline filter: body row then its lines, per internal id
    expect(invoiceIds([], null)).toEqual(['101', '101', '101', '102', '102', '103', '103', '104', '104', '105', '105', '106', '106']);
  });

  test('sort columns: type-aware, stable, empty first on ASC and last on DESC, text case-insensitive', () => {
    const s = (columns: unknown[]) => ids(run({ type: 'invoice', filters: [['mainline', 'is', 'T']], columns }).rows);
    expect(s([new Column({ name: 'duedate', sort: 'ASC' })])).toEqual(['103', '106', '101', '105', '104', '102']);
    expect(s([new Column({ name: 'duedate', sort: 'DESC' })])).toEqual(['102', '104', '105', '101', '106', '103']);
    expect(s([new Column({ name: 'amountremaining', sort: 'DESC' })])).toEqual(['106', '102', '101', '104', '103', '105']);
    expect(s([new Column({ name: 'entity', sort: 'DESC' }), new Column({ name: 'amount', sort: 'ASC' })])).toEqual(['105', '106', '103', '104', '102', '101']);
    expect(s([new Column({ name: 'memo', sort: 'ASC' })])).toEqual(['102', '106', '103', '104', '105', '101']);
    expect(s([new Column({ name: 'formulanumeric', formula: 'MOD({internalid}, 2)', sort: 'ASC' })])).toEqual(['102', '104', '106', '101', '103', '105']);
  });

  test('select columns sort by their text', () => {
    const { rows } = run({ type: 'customer', filters: [], columns: [new Column({ name: 'companyname', sort: 'DESC' })] });
    expect(ids(rows)).toEqual(['3', '2', '1']); // 'gamma inc' > 'Beta LLC' > 'Acme Corp' ignoring case
  });
});

describe('summary searches', () => {
  const bucket = (lo: number | null, hi: number | null) => {
    const age = '{today} - NVL({duedate}, {trandate})';
    const cond = lo === null ? `${age} <= 0` : hi === null ? `${age} > ${lo - 1}` : `${age} BETWEEN ${lo} AND ${hi}`;
    return new Column({ name: 'formulacurrency', summary: 'SUM', formula: `CASE WHEN ${cond} THEN {amountremaining} ELSE 0 END` });
  };

  test('aging summary per customer: GROUP, SUM of bucket formulas, COUNT, MIN/MAX of dates', () => {
    const cols = [
      new Column({ name: 'entity', summary: 'GROUP' }),
      bucket(null, 0), bucket(1, 30), bucket(31, 60), bucket(61, 90), bucket(91, 120), bucket(121, null),
      new Column({ name: 'amountremaining', summary: 'SUM' }),
      new Column({ name: 'internalid', summary: 'COUNT' }),
      new Column({ name: 'trandate', summary: 'MIN' }),
      new Column({ name: 'duedate', summary: 'MAX' }),
    ];
    const { rows } = run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A']], columns: cols });
    const table = rows.map((r) => [r.getText({ name: 'entity', summary: 'GROUP' }), ...cols.slice(1).map((c) => r.getValue(c))]);
    expect(table).toEqual([
      ['Acme Corp', '500.00', '0.00', '400.00', '0.00', '0.00', '0.00', '900.00', '2', '1/1/2024', '3/31/2024'],
      ['Beta LLC', '0.00', '300.00', '0.00', '0.00', '0.00', '250.25', '550.25', '2', '11/1/2023', '3/16/2024'],
      ['gamma inc', '0.00', '0.00', '0.00', '0.00', '1200.10', '0.00', '1200.10', '1', '12/1/2023', '12/31/2023'],
    ]);
    expect(rows[0].id).toBeNull();
    expect(rows[0].getValue({ name: 'entity', summary: 'GROUP' })).toBe('1');
    expect(rows[0].getValue({ name: 'entity' })).toBeNull(); // the summary must be named
    expect(rows[0].getValue({ name: 'amountremaining', summary: 'sum' })).toBe('900.00');
    expect(Object.keys(rows[0].toJSON().values as object)).toEqual([
      'GROUP(entity)', 'SUM(formulacurrency)', 'SUM(formulacurrency)_1', 'SUM(formulacurrency)_2', 'SUM(formulacurrency)_3', 'SUM(formulacurrency)_4',
      'SUM(formulacurrency)_5', 'SUM(amountremaining)', 'COUNT(internalid)', 'MIN(trandate)', 'MAX(duedate)',
    ]);
  });

  test('a single summary row without GROUP columns; AVG; COUNT counts distinct non-empty values', () => {
    const { rows } = run({
      type: 'invoice',
      filters: [['mainline', 'is', 'F']],
      columns: [
        new Column({ name: 'internalid', summary: 'COUNT' }),
        new Column({ name: 'item', summary: 'COUNT' }),
        new Column({ name: 'duedate', summary: 'COUNT' }),
        new Column({ name: 'quantity', summary: 'AVG' }),
        new Column({ name: 'quantity', summary: 'SUM' }),
      ],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].getValue({ name: 'internalid', summary: 'COUNT' })).toBe('6');
    expect(rows[0].getValue({ name: 'item', summary: 'COUNT' })).toBe('2');
    expect(rows[0].getValue({ name: 'duedate', summary: 'COUNT' })).toBe('5');
    expect(rows[0].getValue({ name: 'quantity', summary: 'AVG' })).toBe('1.14285714285714');
    expect(rows[0].getValue({ name: 'quantity', summary: 'SUM' })).toBe('8');
  });

  test('HAVING: summary filters (objects and sum(...) in expressions); group sorting', () => {
    const cols = [new Column({ name: 'entity', summary: 'GROUP' }), new Column({ name: 'amountremaining', summary: 'SUM', sort: 'DESC' })];
    const having = run({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['sum(amountremaining)', 'greaterthan', 600]], columns: cols }).rows;
    expect(having.map((r) => r.getText({ name: 'entity', summary: 'GROUP' }))).toEqual(['gamma inc', 'Acme Corp']);
    const viaObject = run({
      type: 'invoice',
      filters: [
        new Filter({ name: 'mainline', operator: 'is', values: 'T' }),
        new Filter({ name: 'status', operator: 'anyof', values: ['CustInvc:A'] }),
        new Filter({ name: 'internalid', summary: 'COUNT', operator: 'equalto', values: 2 }),
      ],
      columns: cols,
    }).rows;
    expect(viaObject.map((r) => r.getValue({ name: 'entity', summary: 'GROUP' }))).toEqual(['1', '2']);
    expect(() => run({ type: 'invoice', filters: [['entity', 'anyof', '1'], 'or', ['sum(amount)', 'greaterthan', 1]], columns: cols })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER_EXPR' }));
  });

  test('GROUP by a formula and by a joined field; MAX of a formula', () => {
    const month = new Column({ name: 'formulatext', summary: 'GROUP', formula: "TO_CHAR({trandate}, 'YYYY-MM')", sort: 'ASC' });
    const { rows } = run({ type: 'invoice', filters: [['mainline', 'is', 'T']], columns: [month, new Column({ name: 'amount', summary: 'SUM' }), new Column({ name: 'formulanumeric', summary: 'MAX', formula: '{today} - {trandate}' })] });
    expect(rows.map((r) => r.getValue(month))).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(rows.map((r) => r.getValue({ name: 'amount', summary: 'SUM' }))).toEqual(['250.25', '1200.10', '1700.00', '300.00', '500.00']);
    expect(rows.map((r) => r.getValue({ name: 'formulanumeric', summary: 'MAX' }))).toEqual(['151', '121', '90', '45', '30']);
    const byInactive = run({ type: 'invoice', filters: [['mainline', 'is', 'T']], columns: [new Column({ name: 'isinactive', join: 'customer', summary: 'GROUP' }), new Column({ name: 'amount', summary: 'SUM' })] }).rows;
    expect(byInactive.map((r) => [r.getValue({ name: 'isinactive', join: 'customer', summary: 'GROUP' }), r.getValue({ name: 'amount', summary: 'SUM' })])).toEqual([
      [false, '3400.10'],
      [true, '550.25'],
    ]);
  });
});
