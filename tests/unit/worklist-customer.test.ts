/**
 * Worklist customer adapter with N/search mocked as NetSuite behaves: search.lookupFields throws for an
 * id that does not exist (RCRD_DSNT_EXIST); checkboxes may come back as true or 'T'. And the statement
 * email's subject and body.
 */
import * as search from 'N/search';
import * as email from 'N/email';
import { type CustomerHeader, emailStatement, employeeExists, invoiceOfCustomer, statementBody, statementSubject } from '../../ts/adapters/worklist-customer';

jest.mock('N/search', () => ({ lookupFields: jest.fn(), create: jest.fn(), createColumn: jest.fn((c: unknown) => c), Type: { EMPLOYEE: 'employee', INVOICE: 'invoice', CUSTOMER: 'customer' }, Sort: { ASC: 'ASC', DESC: 'DESC' }, Summary: { GROUP: 'GROUP', SUM: 'SUM' } }), { virtual: true });
jest.mock('N/email', () => ({ send: jest.fn() }), { virtual: true });
jest.mock('N/render', () => ({ statement: jest.fn(() => 'pdf'), PrintMode: { PDF: 'PDF' } }), { virtual: true });
jest.mock('N/record', () => ({}), { virtual: true });
jest.mock('N/runtime', () => ({}), { virtual: true });

const lookup = search.lookupFields as unknown as jest.Mock;
const notFound = () => {
  throw Object.assign(new Error('That record does not exist.'), { name: 'RCRD_DSNT_EXIST' });
};

beforeEach(() => jest.resetAllMocks());

describe('ids that do not exist (NetSuite throws)', () => {
  it('employeeExists is false, not an error', () => {
    lookup.mockImplementation(notFound);
    expect(employeeExists('99999')).toBe(false);
  });

  it('invoiceOfCustomer says missing, not an error', () => {
    lookup.mockImplementation(notFound);
    expect(invoiceOfCustomer('99999', '10')).toBe('missing');
    lookup.mockReturnValue({});
    expect(invoiceOfCustomer('99999', '10')).toBe('missing');
  });

  it('usage limits still stop the script', () => {
    lookup.mockImplementation(() => {
      throw Object.assign(new Error('Script Execution Usage Limit Exceeded'), { name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    });
    expect(() => employeeExists('7')).toThrow('Usage Limit');
  });

  it('an existing invoice: another customer\'s, or open with a dispute read as T or true', () => {
    lookup.mockReturnValue({ entity: [{ value: '11', text: 'C11' }], status: [{ value: 'open', text: 'Open' }], tranid: 'INV1', custbody_ara_disputed: 'T' });
    expect(invoiceOfCustomer('100', '10')).toBe('other');
    expect(invoiceOfCustomer('100', '11')).toEqual({ number: 'INV1', disputed: true });
    lookup.mockReturnValue({ entity: [{ value: '11', text: 'C11' }], status: [{ value: 'open', text: 'Open' }], tranid: 'INV1', custbody_ara_disputed: true });
    expect(invoiceOfCustomer('100', '11')).toEqual({ number: 'INV1', disputed: true });
    lookup.mockReturnValue({ entity: [{ value: '11', text: 'C11' }], status: [{ value: 'paidInFull', text: 'Paid In Full' }], tranid: 'INV1', custbody_ara_disputed: 'F' });
    expect(invoiceOfCustomer('100', '11')).toBe('other');
  });

  it('an inactive employee (isinactive T or true) does not exist for assigning', () => {
    lookup.mockReturnValue({ entityid: 'Eve', isinactive: 'T' });
    expect(employeeExists('7')).toBe(false);
    lookup.mockReturnValue({ entityid: 'Eve', isinactive: false });
    expect(employeeExists('7')).toBe(true);
  });
});

describe('statement email', () => {
  const name = 'Evil\r\nBcc: x@example.com <script>alert(1)</script> & Co';

  it('subject: one plain line', () => {
    expect(statementSubject(name)).toBe('Statement of account: Evil Bcc: x@example.com <script>alert(1)</script> & Co');
    expect(statementSubject('A\u0000B\u0085C\u2028D')).toBe('Statement of account: A B C D');
  });

  it('body: HTML with the name escaped', () => {
    const body = statementBody(name);
    expect(body).not.toMatch(/<script/);
    expect(body).toContain('Dear Evil Bcc: x@example.com &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,');
  });

  it('emailStatement sends those', () => {
    const h = { id: '10', name, email: 'ar@example.com' } as CustomerHeader;
    emailStatement(h, '2');
    const sent = (email.send as unknown as jest.Mock).mock.calls[0][0] as { subject: string; body: string; recipients: string[] };
    expect(sent.recipients).toEqual(['ar@example.com']);
    expect(sent.subject).not.toMatch(/[\r\n]/);
    expect(sent.body).not.toMatch(/<script/);
  });
});
