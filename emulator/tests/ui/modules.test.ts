import { createUrlModule } from '../../src/ui/url';
import { createRedirectModule } from '../../src/ui/redirect';
import { createMessageModule } from '../../src/ui/message';
import { errorName, fakeCtx, fakeEnv } from './helpers';

type Url = {
  HostType: Record<string, string>;
  resolveScript(o: unknown): string;
  resolveRecord(o: unknown): string;
  resolveDomain(o: unknown): string;
  resolveTaskLink(o: unknown): string;
  format(o: unknown): string;
};
type Redirect = Record<string, (o: unknown) => void>;
type Message = { Type: Record<string, number>; create(o: unknown): { type: number; title: string; message: string; show(o?: unknown): void; hide(): void } };

describe('N/url', () => {
  const url = createUrlModule(fakeCtx(), fakeEnv()) as unknown as Url;

  test('resolveScript: internal, with params, external, RESTlet', () => {
    expect(url.resolveScript({ scriptId: 'customscript_ara_sl_worklist', deploymentId: 'customdeploy_ara_sl_worklist' })).toBe(
      '/app/site/hosting/scriptlet.nl?script=customscript_ara_sl_worklist&deploy=customdeploy_ara_sl_worklist',
    );
    expect(url.resolveScript({ scriptId: 's', deploymentId: 'd', params: { page: 2, q: 'a b/c', skip: undefined } })).toBe(
      '/app/site/hosting/scriptlet.nl?script=s&deploy=d&page=2&q=a%20b%2Fc',
    );
    expect(url.resolveScript({ scriptId: 's', deploymentId: 'd', returnExternalUrl: true })).toBe(
      'https://tstdrv123.extforms.netsuite.com/app/site/hosting/scriptlet.nl?script=s&deploy=d&compid=TSTDRV123',
    );
    expect(url.resolveScript({ scriptId: 'customscript_ara_rl_api', deploymentId: 'customdeploy_ara_rl_api' })).toBe(
      '/app/site/hosting/restlet.nl?script=customscript_ara_rl_api&deploy=customdeploy_ara_rl_api',
    );
    expect(errorName(() => url.resolveScript({ scriptId: 's' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => url.resolveScript(undefined))).toBe('SSS_MISSING_REQD_ARGUMENT');
  });

  test('resolveRecord: NetSuite record paths', () => {
    const r = (recordType: string, recordId?: unknown, isEditMode?: boolean, params?: unknown) => url.resolveRecord({ recordType, recordId, isEditMode, params });
    expect(r('customer', 42)).toBe('/app/common/entity/custjob.nl?id=42');
    expect(r('invoice', '7', true)).toBe('/app/accounting/transactions/custinvc.nl?id=7&e=T');
    expect(r('salesorder', 1)).toBe('/app/accounting/transactions/salesord.nl?id=1');
    expect(r('customerdeposit', 1)).toBe('/app/accounting/transactions/custdep.nl?id=1');
    expect(r('depositapplication', 1)).toBe('/app/accounting/transactions/depappl.nl?id=1');
    expect(r('customerpayment', 1)).toBe('/app/accounting/transactions/custpymt.nl?id=1');
    expect(r('creditmemo', 1)).toBe('/app/accounting/transactions/custcred.nl?id=1');
    expect(r('employee', 5)).toBe('/app/common/entity/employee.nl?id=5');
    expect(r('customrecord_ara_run', 3)).toBe('/app/common/custom/custrecordentry.nl?rectype=customrecord_ara_run&id=3');
    expect(r('invoice')).toBe('/app/accounting/transactions/custinvc.nl');
    expect(r('customer', 42, false, { whence: 'worklist' })).toBe('/app/common/entity/custjob.nl?id=42&whence=worklist');
    expect(errorName(() => r('spaceship', 1))).toBe('INVALID_RCRD_TYPE');
    expect(errorName(() => url.resolveRecord({ recordId: 1 }))).toBe('SSS_MISSING_REQD_ARGUMENT');
  });

  test('resolveDomain, resolveTaskLink, format, HostType', () => {
    expect(url.HostType.CUSTOMER_CENTER).toBe('CUSTOMERCENTER');
    expect(url.resolveDomain({ hostType: url.HostType.APPLICATION })).toBe('tstdrv123.app.netsuite.com');
    expect(url.resolveDomain({ hostType: url.HostType.RESTLET, accountId: '123456_SB1' })).toBe('123456-sb1.restlets.api.netsuite.com');
    expect(errorName(() => url.resolveDomain({ hostType: 'MOON' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(url.resolveTaskLink({ id: 'CARD_-29' })).toBe('/app/center/card.nl?sc=-29');
    expect(url.resolveTaskLink({ id: 'LIST_CUSTJOB', params: { x: 1 } })).toBe('/app/common/entity/custjoblist.nl?x=1');
    expect(url.format({ domain: 'https://example.com/path', params: { a: 1, b: 'x&y' } })).toBe('https://example.com/path?a=1&b=x%26y');
    expect(url.format({ domain: '/p?z=0', params: { a: 1 } })).toBe('/p?z=0&a=1');
  });
});

describe('N/redirect', () => {
  test('each call sets ctx.response.redirect', () => {
    const ctx = fakeCtx();
    const redirect = createRedirectModule(ctx, fakeEnv()) as unknown as Redirect;
    const at = () => ctx.response?.redirect;
    redirect.toSuitelet!({ scriptId: 's', deploymentId: 'd', parameters: { id: 4 } });
    expect(at()).toBe('/app/site/hosting/scriptlet.nl?script=s&deploy=d&id=4');
    redirect.toRecord!({ type: 'customerpayment', id: 9, isEditMode: true });
    expect(at()).toBe('/app/accounting/transactions/custpymt.nl?id=9&e=T');
    redirect.redirect!({ url: '/app/x.nl', parameters: { a: 'b' } });
    expect(at()).toBe('/app/x.nl?a=b');
    redirect.toTaskLink!({ id: 'CARD_-29' });
    expect(at()).toBe('/app/center/card.nl?sc=-29');
    redirect.toSearchResult!({ search: { searchType: 'invoice', searchId: 'customsearch_ara_open' } });
    expect(at()).toBe('/app/common/search/searchresults.nl?searchtype=invoice&searchid=customsearch_ara_open');
    redirect.toRecordTransform!({ fromType: 'invoice', fromId: 7, toType: 'customerpayment' });
    expect(at()).toBe('/app/accounting/transactions/custpymt.nl?e=T&transform=invoice&id=7');
    expect(ctx.meter.used).toBe(0);
    redirect.toSavedSearchResult!({ id: 12 });
    expect(ctx.meter.used).toBe(5);
    expect(errorName(() => redirect.toSuitelet!({ scriptId: 's' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => redirect.toRecord!({ type: 'customer' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
  });

  test('ignored where the execution has no response (scheduled, map/reduce)', () => {
    const ctx = fakeCtx({ executionContext: 'SCHEDULED', response: false });
    const redirect = createRedirectModule(ctx, fakeEnv()) as unknown as Redirect;
    redirect.toRecord!({ type: 'customer', id: 1 });
    expect(ctx.response).toBeUndefined();
  });
});

describe('N/ui/message', () => {
  test('Type values, create, validation', () => {
    const message = createMessageModule(fakeCtx(), fakeEnv()) as unknown as Message;
    expect(message.Type).toEqual({ CONFIRMATION: 0, INFORMATION: 1, WARNING: 2, ERROR: 3 });
    const m = message.create({ type: message.Type.WARNING, title: 'T', message: 'M' });
    expect([m.type, m.title, m.message]).toEqual([2, 'T', 'M']);
    expect(message.create({ type: message.Type.ERROR }).message).toBe('');
    expect(errorName(() => message.create({ title: 'x' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => message.create({ type: 'LOUD' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => message.create({ type: 0, duration: 'soon' }))).toBe('WRONG_PARAMETER_TYPE');
  });

  test('show/hide are client-side only', () => {
    const server = createMessageModule(fakeCtx(), fakeEnv()) as unknown as Message;
    expect(errorName(() => server.create({ type: 0 }).show())).toBe('SSS_INVALID_API_USAGE');
    const client = createMessageModule(fakeCtx({ executionContext: 'CLIENT' }), fakeEnv()) as unknown as Message;
    const m = client.create({ type: 0 });
    expect(() => m.show({ duration: 1000 })).not.toThrow();
    expect(() => m.hide()).not.toThrow();
  });
});
