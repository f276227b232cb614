/**
 * Transaction `status` in search, as NetSuite has it: filters take the status code ('SalesOrd:G',
 * 'CustInvc:A'), Result.getValue gives the status id in lower camel case ('fullyBilled', 'open'),
 * getText the label ('Billed', 'Open'); JSON of a result (lookupFields, map/reduce input) carries the id.
 */
import { runSearchDefinition } from '../../src/search/engine';
import { baseFixture, inv, makeService } from './helpers';

const fixture = () =>
  baseFixture({
    salesorder: [
      { id: 50, entity: 10, trandate: '2025-01-05', orderstatus: 'B', item: [{ item: 'SVC', quantity: 1, rate: 100 }] },
      { id: 51, entity: 10, trandate: '2025-01-06', orderstatus: 'B', item: [{ item: 'SVC', quantity: 1, rate: 100 }] },
      { id: 52, entity: 11, trandate: '2025-01-07', orderstatus: 'H', item: [{ item: 'SVC', quantity: 1, rate: 100 }] },
    ],
    invoice: [
      inv(100, 10, '2025-01-10', 100, { createdfrom: 51 }),
      inv(101, 10, '2025-02-10', 200),
    ],
    customerpayment: [{ id: 200, customer: 10, trandate: '2025-02-15', payment: 100, apply: [{ doc: 100, amount: 100 }] }],
    customerdeposit: [
      { id: 300, customer: 10, trandate: '2025-03-01', payment: 300, salesorder: 50 },
      { id: 301, customer: 10, trandate: '2025-03-02', payment: 50, salesorder: 51 },
      { id: 302, customer: 11, trandate: '2025-03-03', payment: 70, salesorder: 52 },
    ],
  });

describe('search status: codes in filters, ids from getValue, labels from getText', () => {
  const svc = makeService(fixture());

  test('getValue is the status id, getText the label; filters still take the codes', () => {
    const { rows } = runSearchDefinition(
      { type: 'salesorder', filters: [['mainline', 'is', 'T'], 'and', ['status', 'anyof', 'SalesOrd:G', 'SalesOrd:H']], columns: ['status'] },
      svc,
    );
    expect(rows.map((r) => [r.id, r.getValue('status'), r.getText('status')])).toEqual([
      ['51', 'fullyBilled', 'Billed'],
      ['52', 'closed', 'Closed'],
    ]);
    const open = runSearchDefinition({ type: 'invoice', filters: [['status', 'anyof', 'CustInvc:A']], columns: ['status'] }, svc).rows;
    expect(open.map((r) => [r.id, r.getValue('status'), r.getText('status')])).toEqual([['101', 'open', 'Open']]);
    const paid = runSearchDefinition({ type: 'invoice', filters: [['status', 'noneof', 'CustInvc:A']], columns: ['status'] }, svc).rows;
    expect(paid.map((r) => [r.id, r.getValue('status')])).toEqual([['100', 'paidInFull']]);
  });

  test('through a join (deposit → its sales order), in result JSON and map/reduce input values', () => {
    const { rows } = runSearchDefinition(
      { type: 'customerdeposit', filters: [['mainline', 'is', 'T']], columns: ['status', { name: 'status', join: 'salesorder' }] },
      svc,
    );
    expect(rows.map((r) => [r.id, r.getValue('status'), r.getValue({ name: 'status', join: 'salesorder' }), r.getText({ name: 'status', join: 'salesorder' })])).toEqual([
      ['300', 'notDeposited', 'pendingFulfillment', 'Pending Fulfillment'],
      ['301', 'notDeposited', 'fullyBilled', 'Billed'],
      ['302', 'notDeposited', 'closed', 'Closed'],
    ]);
    expect(rows[1].valuesObject('mapreduce')).toEqual({ status: { value: 'notDeposited', text: 'Not Deposited' }, 'status.salesorder': { value: 'fullyBilled', text: 'Billed' } });
    expect(rows[1].valuesObject('result')).toEqual({ status: [{ value: 'notDeposited', text: 'Not Deposited' }], 'status.salesorder': [{ value: 'fullyBilled', text: 'Billed' }] });
  });

  test('summary: GROUP by status gives the ids; groups stay per type; sorting is by label', () => {
    const { rows } = runSearchDefinition(
      {
        type: 'transaction',
        filters: [['mainline', 'is', 'T'], 'and', ['type', 'anyof', 'CustInvc', 'SalesOrd']],
        columns: [{ name: 'status', summary: 'GROUP', sort: 'ASC' }, { name: 'internalid', summary: 'COUNT' }],
      },
      svc,
    );
    expect(rows.map((r) => [r.getValue({ name: 'status', summary: 'GROUP' }), r.getText({ name: 'status', summary: 'GROUP' }), r.getValue({ name: 'internalid', summary: 'COUNT' })])).toEqual([
      ['fullyBilled', 'Billed', '1'],
      ['closed', 'Closed', '1'],
      ['open', 'Open', '1'],
      ['paidInFull', 'Paid In Full', '1'],
      ['pendingFulfillment', 'Pending Fulfillment', '1'],
    ]);
  });

  test('the row keeps the code (what filters compare); formulas see the label', () => {
    const row = [...svc.rows('customerdeposit')][0];
    expect(row.value('status')).toBe('CustDep:A');
    const { rows } = runSearchDefinition({ type: 'invoice', filters: [['formulatext: {status}', 'is', 'Open']], columns: ['tranid'] }, svc);
    expect(rows.map((r) => r.id)).toEqual(['101']);
  });
});
