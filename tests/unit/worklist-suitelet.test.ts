/**
 * The collector worklist Suitelet with N/ui/serverWidget mocked: the exact strings handed to NetSuite for
 * form titles and select option texts. Whether NetSuite escapes form titles (and option texts) is not
 * documented — the emulator escapes them — so they must never contain `<` or `>` whatever the data.
 */
import type { CustomerHeader } from '../../ts/adapters/worklist-customer';
import * as customerAdapter from '../../ts/adapters/worklist-customer';
import { onRequest } from '../../ts/ara_sl_worklist';

const titles: string[] = [];
const options: string[] = [];

function fakeField() {
  const f: Record<string, unknown> = {};
  f.updateDisplayType = () => f;
  f.addSelectOption = ({ text }: { text: string }) => void options.push(text);
  return f;
}

jest.mock(
  'N/ui/serverWidget',
  () => ({
    createForm: ({ title }: { title: string }) => {
      titles.push(title);
      return {
        addField: () => fakeField(),
        addFieldGroup: () => ({}),
        addSublist: () => ({ addField: () => fakeField(), setSublistValue: () => undefined }),
        addSubmitButton: () => ({}),
        addPageInitMessage: () => undefined,
      };
    },
    FieldType: { TEXT: 'text', SELECT: 'select', TEXTAREA: 'textarea', DATE: 'date', INLINEHTML: 'inlinehtml', CHECKBOX: 'checkbox' },
    FieldDisplayType: { HIDDEN: 'hidden' },
    SublistType: { STATICLIST: 'staticlist' },
  }),
  { virtual: true },
);
jest.mock('N/ui/message', () => ({ Type: { CONFIRMATION: 0, INFORMATION: 1, WARNING: 2, ERROR: 3 } }), { virtual: true });
jest.mock('N/redirect', () => ({ toSuitelet: jest.fn() }), { virtual: true });
jest.mock('N/url', () => ({ resolveScript: () => '/app/site/hosting/scriptlet.nl?script=1', resolveRecord: () => '/app/common/entity/custjob.nl?id=1' }), { virtual: true });
jest.mock(
  'N/runtime',
  () => ({
    getCurrentUser: () => ({ id: 4, roleId: 'administrator', role: 3, getPreference: () => 'M/D/YYYY' }),
    getCurrentScript: () => ({ getRemainingUsage: () => 1000 }),
  }),
  { virtual: true },
);
jest.mock('../../ts/adapters/worklist-settings', () => ({
  readWorklistSettings: () => ({ worklistRoles: [], supervisorRoles: [], overrideRoles: [], overrideRolesBySubsidiary: {}, weights: { d1_30: 1, d31_60: 2, d61_90: 3, d91_120: 4, over120: 5 }, problems: [] }),
  overrideRolesOf: () => [],
}));
jest.mock('../../ts/adapters/worklist-token', () => ({ tokenFor: () => 'a'.repeat(32), verifyToken: () => true }));
jest.mock('../../ts/adapters/worklist-queue', () => ({ queuePage: jest.fn(), queueAll: jest.fn() }));
jest.mock('../../ts/adapters/worklist-customer');

const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const header: CustomerHeader = {
  id: '10',
  name: EVIL,
  entityId: 'C10',
  email: 'ar@example.com',
  phone: '',
  balance: 100000 as never,
  overdue: 100000 as never,
  creditLimit: null,
  hold: 'AUTO',
  holdText: 'Auto',
  onHold: false,
  autoHold: false,
  holdReason: '',
  collectorId: '4',
  collectorName: 'Sam',
  subsidiary: '1',
  currency: '1',
  today: '2026-11-27' as never,
};

function request(params: Record<string, string>) {
  const response = { writePage: jest.fn(), write: jest.fn(), setHeader: jest.fn() };
  onRequest({ request: { method: 'GET', parameters: params }, response } as never);
  return response;
}

beforeEach(() => {
  titles.length = 0;
  options.length = 0;
  const m = customerAdapter as jest.Mocked<typeof customerAdapter>;
  m.customerHeader.mockReturnValue(header);
  m.openInvoices.mockReturnValue({
    invoices: [{ id: '100', number: '<img src=x onerror=alert(3)>', date: '9/1/2026', due: '10/1/2026', amount: 100000 as never, remaining: 100000 as never, daysPastDue: 57, disputed: false, disputeReason: '' }],
    total: 1,
    notice: null,
  });
  m.customerBuckets.mockReturnValue({ current: 0, d1_30: 0, d31_60: 100000, d61_90: 0, d91_120: 0, over120: 0 } as never);
  m.activities.mockReturnValue({ lines: [], more: false });
  m.employees.mockReturnValue({ list: [{ id: '7', name: '<b onmouseover=alert(4)>Eve</b>' }], notice: null });
});

describe('titles built from a customer name', () => {
  it.each([
    ['customer view', {}],
    ['log', { ara_action: 'log' }],
    ['promise', { ara_action: 'promise' }],
    ['dispute', { ara_action: 'dispute' }],
    ['hold', { ara_action: 'hold' }],
    ['statement', { ara_action: 'statement' }],
    ['assign', { ara_action: 'assign' }],
  ])('%s: no tag can form in the title passed to createForm', (_what, extra) => {
    const res = request({ ara_customer: '10', ...extra });
    expect(res.writePage).toHaveBeenCalledTimes(1);
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toMatch(/[<>]/);
    expect(titles[0]).not.toMatch(/<script|<img/i);
    expect(titles[0]).toMatch(/: scriptalert\(1\)\/scriptimg src=x onerror=alert\(2\)$/);
  });

  it('select option texts built from data carry no tag either', () => {
    request({ ara_customer: '10', ara_action: 'dispute' });
    request({ ara_customer: '10', ara_action: 'assign' });
    const dataOptions = options.filter((o) => /alert/.test(o));
    expect(dataOptions).toHaveLength(2);
    for (const o of options) expect(o).not.toMatch(/[<>]/);
  });

  it('the customer view title', () => {
    request({ ara_customer: '10' });
    expect(titles).toEqual(['Collections: scriptalert(1)/scriptimg src=x onerror=alert(2)']);
  });
});
