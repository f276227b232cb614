import type { ExecContext, ModuleEnv } from '../../src/types';
import { Account, createAccountState } from '../../src/account/account';
import { UsageMeter } from '../../src/runtime/governance';
import { createSearchModule, searchToMapReduceInput, SearchObject } from '../../src/modules/search';
import type { Column, Filter, Result } from '../../src/search/objects';
import { arFixture, bigSource, type FakeSource } from './fakeSource';

/* eslint-disable @typescript-eslint/no-explicit-any */
function setup(source: FakeSource = arFixture(), opts: { limit?: number; dateFormat?: string; account?: Account } = {}) {
  const account = opts.account ?? new Account(createAccountState('2024-03-31'));
  const meter = new UsageMeter(opts.limit ?? 10_000);
  const ctx: ExecContext = {
    account,
    meter,
    user: { id: '1', name: 'Admin', email: 'a@x.test', role: 3, roleId: 'administrator', subsidiary: '1', preferences: opts.dateFormat ? { DATEFORMAT: opts.dateFormat } : {} },
    script: { scriptId: 'customscript_test', deploymentId: 'customdeploy_test', scriptType: 'SCHEDULED', params: {}, logLevel: 'DEBUG' },
    executionContext: 'SCHEDULED',
    triggersUserEvents: true,
  };
  const env: ModuleEnv = {
    search: source,
    records: { typeInfo: (t: string) => (t === 'invoice' ? { category: 'transaction' } : { category: 'other' }) } as any,
    userEvents: {} as any,
  };
  const search = createSearchModule(ctx, env) as any;
  return { search, meter, ctx, env, account };
}

describe('N/search module: enums and objects', () => {
  test('Type, Operator, Summary, Sort', () => {
    const { search } = setup();
    expect(search.Type.INVOICE).toBe('invoice');
    expect(search.Type.TRANSACTION).toBe('transaction');
    expect(search.Type.CUSTOMER_PAYMENT).toBe('customerpayment');
    expect(search.Type.CUSTOMER_DEPOSIT).toBe('customerdeposit');
    expect(search.Type.DEPOSIT_APPLICATION).toBe('depositapplication');
    expect(search.Type.CREDIT_MEMO).toBe('creditmemo');
    expect(search.Type.SALES_ORDER).toBe('salesorder');
    expect(search.Type.TERM).toBe('term');
    expect(search.Operator.ANYOF).toBe('anyof');
    expect(search.Operator.NOTGREATERTHANOREQUALTO).toBe('notgreaterthanorequalto');
    expect(search.Summary.SUM).toBe('SUM');
    expect(search.Sort.DESC).toBe('DESC');
  });

  test('create: filters and filterExpression views, columns as strings or Column objects', () => {
    const { search } = setup();
    const s = search.create({
      type: search.Type.INVOICE,
      filters: [search.createFilter({ name: 'mainline', operator: search.Operator.IS, values: 'T' }), search.createFilter({ name: 'entity', operator: 'anyof', values: ['1'] })],
      columns: ['tranid', search.createColumn({ name: 'email', join: 'customer' })],
    });
    expect(s.searchType).toBe('invoice');
    expect(s.filterExpression).toEqual([['mainline', 'is', 'T'], 'and', ['entity', 'anyof', '1']]);
    expect(s.columns.map((c: Column) => [c.name, c.join])).toEqual([['tranid', null], ['email', 'customer']]);
    // filters is a copy: push + assign back, as in NetSuite
    s.filters.push(search.createFilter({ name: 'amountremaining', operator: 'greaterthan', values: 450 }));
    expect(s.filters).toHaveLength(2);
    const f = s.filters;
    f.push(search.createFilter({ name: 'amountremaining', operator: 'greaterthan', values: 450 }));
    s.filters = f;
    expect(s.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['102']);
    s.filterExpression = [['mainline', 'is', 'T'], 'and', [['entity', 'anyof', '2'], 'or', ['entity', 'anyof', '3']]];
    expect(s.filters.map((x: Filter) => [x.name, x.isor, x.leftparens, x.rightparens])).toEqual([
      ['mainline', false, 0, 0],
      ['entity', true, 1, 0],
      ['entity', false, 0, 1],
    ]);
    expect(s.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['103', '104', '105', '106']);
  });
});

describe('governance and limits', () => {
  test('create and run are free; each 10, getRange 10, runPaged 5, fetch 5, lookupFields 1', () => {
    const { search, meter } = setup();
    const s = search.create({ type: 'invoice', filters: [['mainline', 'is', 'T']], columns: ['tranid'] });
    const rs = s.run();
    expect(meter.used).toBe(0);
    const seen: string[] = [];
    rs.each((r: Result) => {
      seen.push(r.id!);
      return seen.length < 3;
    });
    expect(seen).toEqual(['101', '102', '103']);
    expect(meter.used).toBe(10);
    rs.each(() => undefined); // stops at the first result (callback must return true)
    expect(meter.used).toBe(20);
    expect(rs.getRange({ start: 2, end: 4 }).map((r: Result) => r.id)).toEqual(['103', '104']);
    expect(rs.getRange(4, 100).map((r: Result) => r.id)).toEqual(['105', '106']);
    expect(rs.getRange({ start: 10, end: 20 })).toEqual([]);
    expect(meter.used).toBe(50);
    const paged = s.runPaged({ pageSize: 5 });
    expect(meter.used).toBe(55);
    expect(paged.count).toBe(6);
    expect(paged.pageSize).toBe(5);
    expect(paged.pageRanges.map((p: { index: number }) => p.index)).toEqual([0, 1]);
    const p0 = paged.fetch({ index: 0 });
    expect(p0.data.map((r: Result) => r.id)).toEqual(['101', '102', '103', '104', '105']);
    expect([p0.isFirst, p0.isLast]).toEqual([true, false]);
    const p1 = p0.next();
    expect(p1.data.map((r: Result) => r.id)).toEqual(['106']);
    expect([p1.isFirst, p1.isLast, p1.pageRange.index]).toEqual([false, true, 1]);
    expect(meter.used).toBe(65);
    expect(search.lookupFields({ type: 'customer', id: '1', columns: ['companyname'] })).toEqual({ companyname: 'Acme Corp' });
    expect(meter.used).toBe(66);
    expect([...meter.breakdown.entries()].map(([k, v]) => [k, v.calls, v.units])).toEqual([
      ['ResultSet.each', 2, 20],
      ['ResultSet.getRange', 3, 30],
      ['Search.runPaged', 1, 5],
      ['PagedData.fetch', 2, 10],
      ['search.lookupFields', 1, 1],
    ]);
  });

  test('each: 4,000 results at most; going on past them throws SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED', () => {
    const { search, meter } = setup(bigSource(4001));
    const s = search.create({ type: 'customrecord_big', columns: ['seq'] });
    let n = 0;
    expect(() => s.run().each(() => { n++; return true; })).toThrow(expect.objectContaining({ name: 'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED' }));
    expect(n).toBe(4000);
    n = 0;
    s.run().each(() => { n++; return n < 4000; }); // stopping at 4,000 is fine
    expect(n).toBe(4000);
    const exact = setup(bigSource(4000)).search.create({ type: 'customrecord_big', columns: ['seq'] });
    n = 0;
    exact.run().each(() => { n++; return true; });
    expect(n).toBe(4000);
    expect(meter.used).toBe(20);
  });

  test('getRange: at most 1,000 per call; negative start; missing arguments', () => {
    const { search, meter } = setup(bigSource(2500));
    const rs = search.create({ type: 'customrecord_big', columns: ['seq'] }).run();
    expect(rs.getRange({ start: 1000, end: 2000 })).toHaveLength(1000);
    expect(rs.getRange({ start: 2000, end: 3000 })).toHaveLength(500);
    expect(() => rs.getRange({ start: 0, end: 1001 })).toThrow(expect.objectContaining({ name: 'SSS_SEARCH_RESULT_LIMIT_EXCEEDED' }));
    expect(() => rs.getRange({ start: -1, end: 10 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SEARCH_RESULT_INDEX' }));
    expect(() => rs.getRange({ start: 0 })).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
    expect(meter.used).toBe(20); // refused calls are not charged
  });

  test('runPaged: page size 5–1,000 (default 50); fetch of a missing page', () => {
    const { search } = setup(bigSource(120));
    const s = search.create({ type: 'customrecord_big', columns: [search.createColumn({ name: 'seq', sort: search.Sort.DESC })] });
    const p = s.runPaged();
    expect(p.pageSize).toBe(50);
    expect(p.pageRanges).toHaveLength(3);
    expect(p.pageRanges[2].compoundLabel).toBe('101 – 120');
    expect(p.fetch({ index: 2 }).data.map((r: Result) => r.getValue('seq'))).toEqual(Array.from({ length: 20 }, (_, i) => String(20 - i)));
    expect(p.searchDefinition).toBe(s);
    expect(() => s.runPaged({ pageSize: 4 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
    expect(() => s.runPaged({ pageSize: 1001 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
    expect(() => p.fetch({ index: 3 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
    expect(() => p.fetch({ index: 0 }).prev()).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
  });

  test('usage limit: the call that passes it throws SSS_USAGE_LIMIT_EXCEEDED', () => {
    const { search } = setup(arFixture(), { limit: 25 });
    const rs = search.create({ type: 'invoice', columns: ['tranid'] }).run();
    rs.getRange({ start: 0, end: 1 });
    rs.getRange({ start: 0, end: 1 });
    expect(() => rs.getRange({ start: 0, end: 1 })).toThrow(expect.objectContaining({ name: 'SSS_USAGE_LIMIT_EXCEEDED' }));
  });

  test('definition errors surface when the search runs, not at create', () => {
    const { search, meter } = setup();
    const s = search.create({ type: 'invoice', filters: [['entity', 'sortof', '1']], columns: ['tranid'] });
    const rs = s.run();
    expect(() => rs.getRange({ start: 0, end: 5 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
    expect(() => rs.each(() => true)).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
    expect(() => s.runPaged()).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
    expect(meter.used).toBe(0);
    expect(() => search.create({})).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
  });
});

describe('saved searches', () => {
  test('save (5), load by script id or internal id (5), delete (5); INVALID_SEARCH when missing', () => {
    const { search, meter, account } = setup();
    const s = search.create({
      type: 'invoice',
      title: 'AR Aging',
      id: 'customsearch_ara_aging',
      filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A']],
      columns: [search.createColumn({ name: 'entity', summary: 'GROUP' }), search.createColumn({ name: 'amountremaining', summary: 'SUM' })],
    });
    const internalId = s.save();
    expect(typeof internalId).toBe('number');
    expect(s.searchId).toBe(internalId);
    expect(meter.used).toBe(5);
    expect(account.state.savedSearches.customsearch_ara_aging).toMatchObject({ id: 'customsearch_ara_aging', internalId: String(internalId), title: 'AR Aging', type: 'invoice' });
    // JSON round trip (the account is a JSON file)
    account.state.savedSearches = JSON.parse(JSON.stringify(account.state.savedSearches));

    const loaded = search.load({ id: 'customsearch_ara_aging' });
    expect(meter.used).toBe(10);
    expect(loaded).toBeInstanceOf(SearchObject);
    expect([loaded.id, loaded.title, loaded.searchType]).toEqual(['customsearch_ara_aging', 'AR Aging', 'invoice']);
    const rows = loaded.run().getRange({ start: 0, end: 10 });
    expect(rows.map((r: Result) => [r.getText({ name: 'entity', summary: 'GROUP' }), r.getValue({ name: 'amountremaining', summary: 'SUM' })])).toEqual([
      ['Acme Corp', '900.00'],
      ['Beta LLC', '550.25'],
      ['gamma inc', '1200.10'],
    ]);
    expect(search.load({ id: String(internalId) }).id).toBe('customsearch_ara_aging');
    expect(search.load({ id: internalId }).title).toBe('AR Aging');

    // re-saving a loaded search updates it (no duplicate error with itself)
    loaded.title = 'AR Aging (open)';
    expect(loaded.save()).toBe(internalId);
    expect(account.state.savedSearches.customsearch_ara_aging.title).toBe('AR Aging (open)');

    search.delete({ id: 'customsearch_ara_aging' });
    expect(account.state.savedSearches.customsearch_ara_aging).toBeUndefined();
    expect(() => search.load({ id: 'customsearch_ara_aging' })).toThrow(expect.objectContaining({ name: 'INVALID_SEARCH', message: 'That search or mass update does not exist.' }));
    expect(() => search.delete({ id: 'customsearch_nope' })).toThrow(expect.objectContaining({ name: 'INVALID_SEARCH' }));
    expect(() => search.load({})).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
  });

  test('save needs a title; unique title and script id; generated and prefixed script ids', () => {
    const { search, account } = setup();
    expect(() => search.create({ type: 'customer', columns: ['companyname'] }).save()).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
    const a = search.create({ type: 'customer', title: 'Customers', columns: ['companyname'] });
    const id = a.save();
    expect(a.id).toBe(`customsearch${id}`);
    const b = search.create({ type: 'customer', title: 'customers', columns: ['companyname'] });
    expect(() => b.save()).toThrow(expect.objectContaining({ name: 'DUP_RCRD', message: expect.stringContaining('same title') }));
    const c = search.create({ type: 'customer', title: 'Other', id: '_ara_x', columns: ['companyname'] });
    c.save();
    expect(c.id).toBe('customsearch_ara_x');
    const d = search.create({ type: 'customer', title: 'Third', id: 'customsearch_ara_x', columns: ['companyname'] });
    expect(() => d.save()).toThrow(expect.objectContaining({ name: 'DUP_RCRD' }));
    expect(Object.keys(account.state.savedSearches).sort()).toEqual([`customsearch${id}`, 'customsearch_ara_x'].sort());
  });

  test('a loaded search keeps a filter expression and its user edits apply', () => {
    const { search } = setup();
    search.create({ type: 'invoice', title: 'Late', id: 'customsearch_late', filters: [['mainline', 'is', 'T'], 'and', [['duedate', 'before', 'today'], 'or', ['duedate', 'isempty']]], columns: ['tranid'] }).save();
    const s = search.load({ id: 'customsearch_late' });
    expect(s.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['101', '103', '104', '105', '106']);
    s.filterExpression = s.filterExpression.concat(['and', ['entity', 'anyof', '2']]);
    expect(s.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['103', '104']);
  });
});

describe('lookupFields', () => {
  test('selects as [{value, text}], checkboxes boolean, multiselect arrays, joins, dates in the user format', () => {
    const { search } = setup(arFixture(), { dateFormat: 'D/M/YYYY' });
    expect(search.lookupFields({ type: 'invoice', id: 101, columns: ['tranid', 'entity', 'trandate', 'amountremaining', 'customer.email', 'customer.isinactive', 'customer.category', 'status'] })).toEqual({
      tranid: 'INV101',
      entity: [{ value: '1', text: 'Acme Corp' }],
      trandate: '1/1/2024',
      amountremaining: '400.00',
      'customer.email': 'ap@acme.test',
      'customer.isinactive': false,
      'customer.category': [{ value: '1', text: 'Retail' }, { value: '2', text: 'Wholesale' }],
      status: [{ value: 'CustInvc:A', text: 'Open' }],
    });
    expect(search.lookupFields({ type: 'customer', id: '3', columns: 'terms' })).toEqual({ terms: [] });
    expect(search.lookupFields({ type: 'customer', id: '99', columns: ['companyname'] })).toEqual({});
    expect(() => search.lookupFields({ type: 'customer', id: '1', columns: ['nosuch'] })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL' }));
  });
});

describe('map/reduce input', () => {
  test('search results as map input: key = id, value = {recordType, id, values} with selects {value, text}, checkboxes T/F', () => {
    const { search, ctx, env, meter } = setup();
    const s = search.create({ type: 'invoice', filters: [['mainline', 'is', 'T'], 'and', ['entity', 'anyof', '1']], columns: ['tranid', 'entity', 'duedate', 'amount', 'customer.isinactive', 'memo'] });
    const input = searchToMapReduceInput(s, ctx, env);
    expect(input.map((x) => x.key)).toEqual(['101', '102']);
    expect(JSON.parse(input[1].value)).toEqual({
      recordType: 'invoice',
      id: '102',
      values: { tranid: 'INV102', entity: { value: '1', text: 'Acme Corp' }, duedate: '3/31/2024', amount: '500.00', 'isinactive.customer': 'F', memo: '' },
    });
    expect(meter.used).toBe(0);
  });

  test('summary searches and saved search references', () => {
    const { search, ctx, env } = setup();
    search.create({
      type: 'invoice',
      title: 'Open AR by customer',
      id: 'customsearch_ar_by_customer',
      filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'CustInvc:A']],
      columns: [search.createColumn({ name: 'entity', summary: 'GROUP' }), search.createColumn({ name: 'amountremaining', summary: 'SUM' }), search.createColumn({ name: 'email', join: 'customer', summary: 'MAX' })],
    }).save();
    const input = searchToMapReduceInput({ type: 'search', id: 'customsearch_ar_by_customer' }, ctx, env);
    expect(input.map((x) => x.key)).toEqual(['0', '1', '2']);
    expect(JSON.parse(input[0].value)).toEqual({
      recordType: 'invoice',
      values: { 'GROUP(entity)': { value: '1', text: 'Acme Corp' }, 'SUM(amountremaining)': '900.00', 'MAX(email.customer)': 'ap@acme.test' },
    });
    expect(searchToMapReduceInput('customsearch_ar_by_customer', ctx, env)).toHaveLength(3);
    expect(() => searchToMapReduceInput({ type: 'search', id: 'customsearch_none' }, ctx, env)).toThrow(expect.objectContaining({ name: 'INVALID_SEARCH' }));
  });
});

describe('dates given as Date objects', () => {
  test('filter values as Date keep their local calendar date through create, filterExpression and save/load', () => {
    const { search } = setup();
    const s = search.create({ type: 'invoice', title: 'Due before', id: 'customsearch_due', filters: [['mainline', 'is', 'T'], 'and', ['duedate', 'onorbefore', new Date(2024, 1, 9)]], columns: ['tranid'] });
    expect(s.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['101', '105', '106']);
    s.save();
    const loaded = search.load({ id: 'customsearch_due' });
    expect(loaded.filterExpression[2]).toEqual(['duedate', 'onorbefore', '2024-02-09']);
    expect(loaded.run().getRange({ start: 0, end: 10 }).map((r: Result) => r.id)).toEqual(['101', '105', '106']);
  });
});
