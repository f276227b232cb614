import { createServerWidgetModule, renderPage, renderPortlet, type UiForm } from '../../src/ui/serverWidget';
import { createPortletObject, createServerRequest, createServerResponse, decodeSublistPost, parseFormPost } from '../../src/ui/http';
import { createUrlModule } from '../../src/ui/url';
import { createRedirectModule } from '../../src/ui/redirect';
import { browserPost, errorName, fakeCtx, fakeEnv, formBody } from './helpers';

type SW = { createForm(o: unknown): UiForm };

function actionForm(): UiForm {
  const ui = createServerWidgetModule(fakeCtx(), fakeEnv()) as unknown as SW;
  const form = ui.createForm({ title: 'Log call' });
  form.addField({ id: 'custpage_customer', type: 'TEXT', label: 'Customer' }).updateDisplayType({ displayType: 'HIDDEN' }).defaultValue = '42';
  form.addField({ id: 'custpage_followup', type: 'DATE', label: 'Follow up' }).defaultValue = '12/31/2024';
  form.addField({ id: 'custpage_promise', type: 'CHECKBOX', label: 'Promise to pay' }).defaultValue = 'T';
  const reasons = form.addField({ id: 'custpage_reasons', type: 'MULTISELECT', label: 'Reasons' });
  reasons.addSelectOption({ value: '1', text: 'Dispute' });
  reasons.addSelectOption({ value: '2', text: 'Cash flow' });
  reasons.addSelectOption({ value: '3', text: 'Other' });
  reasons.defaultValue = ['1', '3'];
  form.addField({ id: 'custpage_note', type: 'TEXTAREA', label: 'Note' }).defaultValue = 'a & b';
  const lines = form.addSublist({ id: 'custpage_promises', type: 'INLINEEDITOR', label: 'Promises' });
  lines.addField({ id: 'amount', type: 'CURRENCY', label: 'Amount' });
  lines.addField({ id: 'memo', type: 'TEXT', label: 'Memo' });
  lines.addField({ id: 'confirmed', type: 'CHECKBOX', label: 'Confirmed' });
  lines.setSublistValue({ id: 'amount', line: 0, value: '100.00' });
  lines.setSublistValue({ id: 'memo', line: 0, value: 'first <b>' });
  lines.setSublistValue({ id: 'confirmed', line: 0, value: 'T' });
  lines.setSublistValue({ id: 'amount', line: 1, value: '50.00' });
  lines.setSublistValue({ id: 'confirmed', line: 1, value: 'F' });
  form.addSubmitButton({ label: 'Save' });
  return form;
}

describe('sublist post encoding', () => {
  test('decodeSublistPost reads NetSuite encoding and per-line overrides', () => {
    const params = {
      custpage_xfields: 'a\u0001b',
      custpage_xdata: '1\u0001one\u00022\u0001two',
      custpage_x_b_1: 'TWO',
      custpage_x_a_2: '3',
      custpage_x_b_2: 'three',
      custpage_x_a_3: '',
    };
    expect(decodeSublistPost(params, 'custpage_x')).toEqual([
      { a: '1', b: 'one' },
      { a: '2', b: 'TWO' },
      { a: '3', b: 'three' },
    ]);
    expect(decodeSublistPost(params, 'custpage_y')).toBeNull();
    expect(decodeSublistPost({ custpage_xfields: 'a', custpage_xdata: '' }, 'custpage_x')).toEqual([]);
  });

  test('round trip: rendered form → browser post → request.parameters / getLineCount / getSublistValue', () => {
    const html = renderPage(actionForm());
    const pairs = browserPost(
      html,
      { custpage_followup: '2025-01-15', custpage_promises_memo_1: 'second', custpage_promises_amount_2: '25.5', custpage_promises_memo_2: 'new line' },
      { uncheck: ['custpage_promise', 'custpage_promises_confirmed_0'] },
    );
    const request = createServerRequest({
      method: 'POST',
      url: '/app/site/hosting/scriptlet.nl?script=customscript_ara_sl_worklist&deploy=customdeploy_ara_sl_worklist',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(pairs),
    });
    const p = request.parameters;
    expect(p.script).toBe('customscript_ara_sl_worklist');
    expect(p.custpage_customer).toBe('42');
    expect(p.custpage_followup).toBe('1/15/2025'); // user date format, as NetSuite posts it
    expect(p.custpage_promise).toBe('F'); // unchecked box posts F
    expect(p.custpage_reasons).toBe('1\u00053'); // multiselect values joined with \u0005
    expect(p.custpage_note).toBe('a & b');
    expect(p.submitter).toBe('Save');
    expect(p._emu_form).toBeUndefined();
    expect(p.custpage_promisesdata).toBe('100.00\u0001first <b>\u0001T\u000250.00\u0001\u0001F');
    expect(request.getLineCount({ group: 'custpage_promises' })).toBe(3);
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'memo', line: 0 })).toBe('first <b>');
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'confirmed', line: 0 })).toBe('F');
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'memo', line: 1 })).toBe('second');
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'confirmed', line: 1 })).toBe('F');
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'amount', line: 2 })).toBe('25.5');
    expect(request.getSublistValue({ group: 'custpage_promises', name: 'amount', line: 3 })).toBeNull();
    expect(request.getLineCount({ group: 'nosuch' })).toBe(-1);
    expect(Object.isFrozen(p)).toBe(true);
  });

  test('an untouched post of the rendered form reproduces the lines', () => {
    const request = createServerRequest({ method: 'POST', body: formBody(browserPost(renderPage(actionForm()))), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(request.getLineCount({ group: 'custpage_promises' })).toBe(2);
    expect(request.parameters.custpage_promise).toBe('T');
    expect(request.parameters.custpage_followup).toBe('12/31/2024');
  });

  test('request argument validation', () => {
    const request = createServerRequest({ method: 'GET', url: '/x?a=1' });
    expect(request.method).toBe('GET');
    expect(request.parameters).toEqual({ a: '1' });
    expect(errorName(() => request.getLineCount({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => request.getSublistValue({ group: 'g', name: 'n' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
  });

  test('parseFormPost without emulator metadata keeps values as posted', () => {
    expect(parseFormPost('a=1&b=x+y&a=2')).toEqual({ a: '2', b: 'x y' });
  });
});

describe('ServerResponse', () => {
  test('write, writeLine, writePage, headers; 200', () => {
    const response = createServerResponse();
    response.write('<p>');
    response.write({ output: 'hi' });
    response.writeLine({ output: '</p>' });
    response.addHeader({ name: 'X-A', value: '1' });
    response.addHeader({ name: 'x-a', value: '2' });
    response.setHeader({ name: 'Cache-Control', value: 'no-store' });
    expect(response.getHeader({ name: 'X-A' })).toEqual(['1', '2']);
    expect(response.getHeader({ name: 'cache-control' })).toBe('no-store');
    const snap = response.snapshot();
    expect(snap.status).toBe(200);
    expect(snap.body).toBe('<p>hi</p>\n');
    expect(snap.redirect).toBeNull();
    expect(snap.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(snap.headers['X-A']).toBe('1, 2');
    expect(errorName(() => response.write({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => response.write({ output: 5 }))).toBe('WRONG_PARAMETER_TYPE');
    const pageResponse = createServerResponse();
    pageResponse.writePage({ pageObject: actionForm() });
    expect(pageResponse.snapshot().body).toContain('<form method="POST"');
    expect(errorName(() => pageResponse.writePage({ pageObject: {} }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
  });

  test('post/redirect/get: sendRedirect → 302 with the N/url path', () => {
    const ctx = fakeCtx();
    const url = createUrlModule(ctx, fakeEnv()) as { resolveScript(o: unknown): string };
    const response = createServerResponse(ctx);
    response.sendRedirect({
      type: 'SUITELET',
      identifier: 'customscript_ara_sl_worklist',
      id: 'customdeploy_ara_sl_worklist',
      parameters: { custpage_customer: '42', msg: 'saved & done' },
    });
    const expected = url.resolveScript({
      scriptId: 'customscript_ara_sl_worklist',
      deploymentId: 'customdeploy_ara_sl_worklist',
      params: { custpage_customer: '42', msg: 'saved & done' },
    });
    expect(expected).toBe('/app/site/hosting/scriptlet.nl?script=customscript_ara_sl_worklist&deploy=customdeploy_ara_sl_worklist&custpage_customer=42&msg=saved%20%26%20done');
    const snap = response.snapshot();
    expect(snap.status).toBe(302);
    expect(snap.redirect).toBe(expected);
    expect(snap.headers.Location).toBe(expected);
    expect(ctx.response?.redirect).toBe(expected);
  });

  test('N/redirect and sendRedirect share the channel; record and task link redirects', () => {
    const ctx = fakeCtx();
    const response = createServerResponse(ctx);
    const redirect = createRedirectModule(ctx, fakeEnv()) as { toRecord(o: unknown): void };
    redirect.toRecord({ type: 'customer', id: 42 });
    expect(response.snapshot()).toMatchObject({ status: 302, redirect: '/app/common/entity/custjob.nl?id=42' });
    response.sendRedirect({ type: 'RECORD', identifier: 'invoice', id: 7, editMode: true });
    expect(response.snapshot().redirect).toBe('/app/accounting/transactions/custinvc.nl?id=7&e=T');
    response.sendRedirect({ type: 'TASKLINK', identifier: 'CARD_-29' });
    expect(response.snapshot().redirect).toBe('/app/center/card.nl?sc=-29');
    expect(errorName(() => response.sendRedirect({ type: 'RECORD' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => response.sendRedirect({ type: 'NOWHERE', identifier: 'x' }))).toBe('SSS_INVALID_TYPE_ARG');
  });

  test('writeFile', () => {
    const response = createServerResponse();
    response.writeFile({ file: { name: 'aging.csv', fileType: 'CSV', getContents: () => 'a,b\n1,2' }, isInline: false });
    const snap = response.snapshot();
    expect(snap.body).toBe('a,b\n1,2');
    expect(snap.headers['Content-Type']).toBe('text/csv');
    expect(snap.headers['Content-Disposition']).toBe('attachment; filename="aging.csv"');
  });
});

describe('portlets', () => {
  test('LIST portlet: snapshot columns and rows; rendered frame with raw cells', () => {
    const portlet = createPortletObject('LIST', fakeCtx(), fakeEnv());
    portlet.title = 'Top overdue <customers>';
    portlet.addColumn({ id: 'customer', type: 'TEXT', label: 'Customer' });
    portlet.addColumn({ id: 'overdue', type: 'CURRENCY', label: 'Overdue', align: 'RIGHT' });
    portlet.addRow({ row: { customer: '<a href="/app/common/entity/custjob.nl?id=10">Acme</a>', overdue: 1200 } });
    portlet.addRows({ rows: [{ customer: 'Globex', overdue: '300.00' }] });
    const snap = portlet.snapshot();
    expect(snap.type).toBe('LIST');
    expect(snap.columns.map((c) => [c.id, c.label, c.type, c.align])).toEqual([
      ['customer', 'Customer', 'TEXT', 'LEFT'],
      ['overdue', 'Overdue', 'CURRENCY', 'RIGHT'],
    ]);
    expect(snap.rows).toEqual([
      { customer: '<a href="/app/common/entity/custjob.nl?id=10">Acme</a>', overdue: '1200' },
      { customer: 'Globex', overdue: '300.00' },
    ]);
    const html = renderPortlet(snap);
    expect(html).toContain('<div class="ns-portlet" data-portlet-type="LIST"><div class="ns-portlet-title" data-portlet-title>Top overdue &lt;customers&gt;</div>');
    expect(html).toContain('<td data-column="customer" data-line="0"><a href="/app/common/entity/custjob.nl?id=10">Acme</a></td>');
    expect(html).toContain('<td class="ns-align-right" data-column="overdue" data-line="1">300.00</td>');
  });

  test('HTML portlet: html passes through (inline SVG)', () => {
    const portlet = createPortletObject('HTML');
    portlet.title = 'Aging';
    portlet.html = '<svg viewBox="0 0 10 10"><rect width="5" height="10"/></svg>';
    const snap = portlet.snapshot();
    expect(snap.html).toBe('<svg viewBox="0 0 10 10"><rect width="5" height="10"/></svg>');
    expect(renderPortlet(snap)).toContain('<div class="ns-portlet-body"><svg viewBox="0 0 10 10"><rect width="5" height="10"/></svg></div>');
  });

  test('LINKS and FORM portlets', () => {
    const links = createPortletObject('LINKS');
    links.addLine({ text: 'Worklist', url: '/app/site/hosting/scriptlet.nl?script=a&deploy=b' });
    links.addLine({ text: 'Indented', align: 2 });
    expect(renderPortlet(links.snapshot())).toContain('<li data-line="0"><a href="/app/site/hosting/scriptlet.nl?script=a&amp;deploy=b">Worklist</a></li><li data-line="1" style="padding-left:2em">Indented</li>');
    const form = createPortletObject('FORM', fakeCtx(), fakeEnv());
    form.addField({ id: 'custpage_q', type: 'TEXT', label: 'Search' });
    form.setSubmitButton({ url: '/app/site/hosting/scriptlet.nl?script=a&deploy=b', label: 'Go' });
    const html = renderPortlet(form.snapshot());
    expect(html).toContain('<form method="POST" action="/app/site/hosting/scriptlet.nl?script=a&amp;deploy=b" data-form="portlet">');
    expect(html).toContain('name="custpage_q"');
    expect(html).toContain('>Go</button>');
  });

  test('using another portlet type\'s API throws SSS_INVALID_UI_OBJECT_TYPE', () => {
    const list = createPortletObject('LIST');
    expect(errorName(() => (list.html = '<b>x</b>'))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
    expect(errorName(() => list.addLine({ text: 'x' }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
    expect(errorName(() => list.addField({ id: 'a', label: 'A', type: 'TEXT' }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
    const html = createPortletObject('HTML');
    expect(errorName(() => html.addColumn({ id: 'a', label: 'A', type: 'TEXT' }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
    expect(errorName(() => html.addRow({ row: {} }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
    expect(errorName(() => list.addColumn({ id: 'a', type: 'TEXT' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => list.addRow({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
  });
});
