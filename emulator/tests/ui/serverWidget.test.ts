import { createServerWidgetModule, createRecordPageForm, renderPage, type UiForm, type UiList } from '../../src/ui/serverWidget';
import { createMessageModule } from '../../src/ui/message';
import { errorName, fakeCtx, fakeEnv } from './helpers';

type SW = {
  createForm(o: unknown): UiForm;
  createList(o: unknown): UiList;
  FieldType: Record<string, string>;
  FieldDisplayType: Record<string, string>;
  SublistType: Record<string, string>;
  FormPageLinkType: Record<string, string>;
  LayoutJustification: Record<string, string>;
  ListStyle: Record<string, string>;
};

const XSS = '<script>alert(1)</script>';

function sw(ctx = fakeCtx()): SW {
  return createServerWidgetModule(ctx, fakeEnv()) as unknown as SW;
}

function worklistForm(ui: SW) {
  const form = ui.createForm({ title: 'Collector <Worklist>' });
  form.addFieldGroup({ id: 'custpage_filters', label: 'Filters' });
  const name = form.addField({ id: 'custpage_name', type: ui.FieldType.TEXT, label: `Name ${XSS}`, container: 'custpage_filters' });
  name.defaultValue = `Bob ${XSS} & "Co"`;
  name.isMandatory = true;
  const status = form.addField({ id: 'custpage_status', type: ui.FieldType.SELECT, label: 'Status', container: 'custpage_filters' });
  status.addSelectOption({ value: '', text: '' });
  status.addSelectOption({ value: 'open', text: `Open ${XSS}` });
  status.addSelectOption({ value: 'closed', text: 'Closed' });
  status.defaultValue = 'open';
  const asOf = form.addField({ id: 'custpage_asof', type: ui.FieldType.DATE, label: 'As of' });
  asOf.defaultValue = '3/5/2024';
  const hold = form.addField({ id: 'custpage_hold', type: ui.FieldType.CHECKBOX, label: 'On hold' });
  hold.defaultValue = 'T';
  const page = form.addField({ id: 'custpage_page', type: ui.FieldType.INTEGER, label: 'Page' });
  page.defaultValue = 2;
  page.updateDisplayType({ displayType: ui.FieldDisplayType.HIDDEN });
  const total = form.addField({ id: 'custpage_total', type: ui.FieldType.CURRENCY, label: 'Total' });
  total.defaultValue = `1,200.00 ${XSS}`;
  total.updateDisplayType({ displayType: ui.FieldDisplayType.INLINE });
  const chart = form.addField({ id: 'custpage_chart', type: ui.FieldType.INLINEHTML, label: 'Chart' });
  chart.defaultValue = '<svg data-chart="aging"><rect width="10" height="10"/></svg>';
  form.addTab({ id: 'custpage_tab_inv', label: 'Invoices' });
  const sub = form.addSublist({ id: 'custpage_inv', type: ui.SublistType.LIST, label: 'Open invoices', tab: 'custpage_tab_inv' });
  sub.addField({ id: 'apply', type: ui.FieldType.CHECKBOX, label: 'Apply' });
  sub.addField({ id: 'tranid', type: ui.FieldType.TEXT, label: 'Invoice' });
  sub.addField({ id: 'amount', type: ui.FieldType.CURRENCY, label: 'Amount' });
  sub.addField({ id: 'memo', type: ui.FieldType.TEXT, label: 'Memo' }).updateDisplayType({ displayType: ui.FieldDisplayType.ENTRY });
  sub.addField({ id: 'internalid', type: ui.FieldType.TEXT, label: 'Id' }).updateDisplayType({ displayType: ui.FieldDisplayType.HIDDEN });
  sub.setSublistValue({ id: 'tranid', line: 0, value: '<a href="/app/accounting/transactions/custinvc.nl?id=7">INV-7</a>' });
  sub.setSublistValue({ id: 'amount', line: 0, value: '100.50' });
  sub.setSublistValue({ id: 'internalid', line: 0, value: '7' });
  sub.setSublistValue({ id: 'apply', line: 0, value: 'T' });
  sub.setSublistValue({ id: 'tranid', line: 1, value: 'INV-8' });
  sub.setSublistValue({ id: 'amount', line: 1, value: '20' });
  sub.setSublistValue({ id: 'internalid', line: 1, value: '8' });
  sub.setSublistValue({ id: 'memo', line: 1, value: `x ${XSS}` });
  sub.updateTotallingFieldId({ id: 'amount' });
  sub.addMarkAllButtons();
  form.addSubmitButton({ label: 'Apply' });
  form.addButton({ id: 'custpage_export', label: 'Export', functionName: 'exportCsv' });
  form.addResetButton();
  form.addPageLink({ type: ui.FormPageLinkType.CROSSLINK, title: 'Dashboard', url: '/app/center/card.nl?sc=-29' });
  return form;
}

describe('serverWidget enums', () => {
  test('NetSuite names and values', () => {
    const ui = sw();
    expect(ui.FieldType.TEXT).toBe('TEXT');
    expect(ui.FieldType.INLINEHTML).toBe('INLINEHTML');
    expect(ui.FieldDisplayType.ENTRY).toBe('ENTRY');
    expect(ui.SublistType.INLINEEDITOR).toBe('INLINEEDITOR');
    expect(ui.ListStyle.GRID).toBe('grid');
    expect(ui.LayoutJustification.RIGHT).toBe('RIGHT');
    expect(Object.isFrozen(ui.FieldType)).toBe(true);
  });
});

describe('Form rendering', () => {
  const ui = sw();
  const html = renderPage(worklistForm(ui));

  test('a full document with a POST form, inputs named by field id', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<form method="POST" action=""');
    expect(html).toMatch(/<input type="text" value="[^"]*" id="custpage_name" name="custpage_name" required/);
    expect(html).toMatch(/<select id="custpage_status" name="custpage_status"/);
    expect(html).toContain('<input type="date" value="2024-03-05" data-date-format="M/D/YYYY" id="custpage_asof" name="custpage_asof">');
    expect(html).toContain('<input type="checkbox" value="T" checked id="custpage_hold" name="custpage_hold">');
    expect(html).toContain('<input type="hidden" id="custpage_page" name="custpage_page" value="2" data-field="custpage_page" data-field-type="INTEGER">');
  });

  test('script in a TEXT defaultValue, a label, a select option text and the title is inert', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="Bob &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"');
    expect(html).toContain('Name &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<option value="open" selected>Open &lt;script&gt;alert(1)&lt;/script&gt;</option>');
    expect(html).toContain('<title>Collector &lt;Worklist&gt;</title>');
    // an inline field shows its value as escaped text and still posts it
    expect(html).toContain('<span class="ns-inline" data-value="1,200.00 &lt;script&gt;alert(1)&lt;/script&gt;">1,200.00 &lt;script&gt;');
    // an entry cell of a sublist is an input value: escaped
    expect(html).toContain('name="custpage_inv_memo_1"');
    expect(html).toContain('value="x &lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  test('INLINEHTML passes through raw', () => {
    expect(html).toContain('<div class="ns-inlinehtml" data-field="custpage_chart" data-field-type="INLINEHTML"><svg data-chart="aging"><rect width="10" height="10"/></svg></div>');
  });

  test('field groups and tabs render as sections', () => {
    expect(html).toContain('<fieldset class="ns-fieldgroup" data-fieldgroup="custpage_filters"><legend>Filters</legend>');
    expect(html).toMatch(/<section class="ns-tab" data-tab="custpage_tab_inv"><h2>Invoices<\/h2>.*data-sublist="custpage_inv"/s);
  });

  test('sublist: header row, alternating lines, raw HTML display cells, entry inputs, post encoding', () => {
    expect(html).toContain('<th data-field="tranid">Invoice</th>');
    expect(html).toContain('<tr class="ns-row ns-row-even" data-sublist="custpage_inv" data-line="0">');
    expect(html).toContain('<tr class="ns-row ns-row-odd" data-sublist="custpage_inv" data-line="1">');
    // TEXT display values are written as HTML, like NetSuite (links work)
    expect(html).toMatch(/data-field="tranid" data-value="[^"]*"><a href="\/app\/accounting\/transactions\/custinvc.nl\?id=7">INV-7<\/a><\/td>/);
    // LIST sublist: checkbox is editable, ENTRY field is an input, others are display cells
    expect(html).toContain('<input type="checkbox" value="T" checked name="custpage_inv_apply_0" aria-label="Apply line 1">');
    expect(html).toContain('name="custpage_inv_memo_0"');
    expect(html).not.toContain('name="custpage_inv_tranid_0"');
    // hidden sublist field: not a column, but in the posted data
    expect(html).not.toContain('<th data-field="internalid">');
    expect(html).toContain('name="custpage_invfields" value="apply\u0001tranid\u0001amount\u0001memo\u0001internalid"');
    expect(html).toContain('data-total="amount">120.50</td>');
    expect(html).toContain('data-action="markall"');
  });

  test('buttons: submit submits, others carry data-function; top and bottom bars', () => {
    expect(html).toContain('<button type="submit" class="ns-button ns-button-primary" name="submitter" value="Apply" id="submitter" data-button="submitter" data-position="top">Apply</button>');
    expect(html).toContain('id="secondarysubmitter"');
    expect(html).toContain('<button type="button" class="ns-button" data-function="exportCsv" id="custpage_export" data-button="custpage_export" data-position="top">Export</button>');
    expect(html).toContain('<button type="reset"');
  });

  test('page links', () => {
    expect(html).toContain('<a href="/app/center/card.nl?sc=-29" data-page-link="CROSSLINK">Dashboard</a>');
  });

  test('deterministic', () => {
    expect(renderPage(worklistForm(sw()))).toBe(html);
  });

  test('fragment for embedding', () => {
    const frag = renderPage(worklistForm(sw()), { fragment: true });
    expect(frag.startsWith('<div class="ns-page" data-page="form">')).toBe(true);
    expect(frag).not.toContain('<html');
  });

  test('sourced select lists the records, names escaped', () => {
    const form = sw().createForm({ title: 'T' });
    const f = form.addField({ id: 'custpage_customer', type: 'SELECT', label: 'Customer', source: 'customer' });
    f.defaultValue = '11';
    const out = renderPage(form);
    expect(out).toContain('<option value="10">Acme &lt;Corp&gt;</option><option value="11" selected>Globex</option>');
    expect(f.getSelectOptions({ filter: 'acme' })).toEqual([{ value: '10', text: 'Acme <Corp>' }]);
  });

  test('readonly, disabled, nodisplay, radio, textarea, url inline', () => {
    const form = sw().createForm({ title: 'T' });
    form.addField({ id: 'custpage_ro', type: 'TEXT', label: 'RO' }).updateDisplayType({ displayType: 'READONLY' }).defaultValue = 'r';
    form.addField({ id: 'custpage_dis', type: 'TEXT', label: 'D' }).updateDisplayType({ displayType: 'DISABLED' });
    form.addField({ id: 'custpage_nd', type: 'TEXT', label: 'ND' }).updateDisplayType({ displayType: 'NODISPLAY' });
    form.addField({ id: 'custpage_mode', type: 'RADIO', label: 'Email', source: 'email' });
    form.addField({ id: 'custpage_mode', type: 'RADIO', label: 'Call', source: 'call' }).defaultValue = 'call';
    form.addField({ id: 'custpage_note', type: 'TEXTAREA', label: 'Note' }).defaultValue = '</textarea><b>x</b>';
    const link = form.addField({ id: 'custpage_link', type: 'URL', label: 'Link' });
    link.defaultValue = '/app/x.nl?a=1&b=2';
    link.linkText = 'Open';
    link.updateDisplayType({ displayType: 'INLINE' });
    const out = renderPage(form);
    expect(out).toMatch(/name="custpage_ro" readonly/);
    expect(out).toMatch(/name="custpage_dis" disabled/);
    expect(out).not.toContain('custpage_nd');
    expect(out).toContain('<input type="radio" name="custpage_mode" value="email">');
    expect(out).toContain('<input type="radio" name="custpage_mode" value="call" checked>');
    expect(out).toContain('&lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt;</textarea>');
    expect(out).toContain('<a href="/app/x.nl?a=1&amp;b=2">Open</a>');
  });
});

describe('banners', () => {
  test('page-init messages by type, from options or a message object', () => {
    const ctx = fakeCtx();
    const message = createMessageModule(ctx, fakeEnv()) as unknown as { Type: Record<string, number>; create(o: unknown): unknown };
    const form = sw(ctx).createForm({ title: 'T' });
    form.addPageInitMessage({ type: message.Type.CONFIRMATION, title: 'Saved', message: 'Applied 3 invoices' });
    form.addPageInitMessage({ message: message.create({ type: message.Type.INFORMATION, message: 'Info' }) });
    form.addPageInitMessage({ type: message.Type.WARNING, message: 'Careful' });
    form.addPageInitMessage({ type: message.Type.ERROR, title: 'Failed', message: 'Customer <b>on hold</b>', duration: 5000 });
    const out = renderPage(form);
    expect(out).toContain('<div class="ns-banner ns-banner-confirmation" role="status" data-banner="confirmation"><div class="ns-banner-title">Saved</div><div class="ns-banner-text">Applied 3 invoices</div></div>');
    expect(out).toContain('data-banner="information"');
    expect(out).toContain('data-banner="warning"');
    // banner texts are written as HTML (NetSuite renders message HTML): the product must escape data
    expect(out).toContain('data-banner="error" data-duration="5000"><div class="ns-banner-title">Failed</div><div class="ns-banner-text">Customer <b>on hold</b></div>');
    expect(out.indexOf('data-banner="confirmation"')).toBeLessThan(out.indexOf('data-banner="error"'));
  });

  test('missing or invalid type', () => {
    const form = sw().createForm({ title: 'T' });
    expect(errorName(() => form.addPageInitMessage({ title: 'x' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addPageInitMessage({ type: 9 }))).toBe('SSS_INVALID_TYPE_ARG');
  });
});

describe('List', () => {
  test('columns, rows (raw HTML cells), URL columns, edit column, search results, page links, buttons', () => {
    const ui = sw();
    const list = ui.createList({ title: 'Queue' });
    list.style = ui.ListStyle.GRID;
    list.addColumn({ id: 'custpage_customer', type: 'TEXT', label: 'Customer' });
    list.addColumn({ id: 'amount', type: 'CURRENCY', label: 'Amount', align: ui.LayoutJustification.RIGHT });
    list.addColumn({ id: 'tranid', type: 'TEXT', label: 'Doc' })
      .setURL({ url: '/app/accounting/transactions/custinvc.nl' })
      .addParamToURL({ param: 'id', value: 'internalid', dynamic: true });
    list.addEditColumn({ column: 'custpage_customer', showView: true, link: '/app/common/entity/custjob.nl', linkParam: 'custid' });
    list.addRow({ row: { custpage_customer: '<a href="/x">Acme</a>', amount: 10.5, tranid: 'INV-1', internalid: 7, custid: 3 } });
    const result = {
      id: '9',
      columns: [{ name: 'amount' }, { name: 'tranid' }],
      getValue: (c: { name: string }) => ({ amount: '99.00', tranid: 'INV-9', custpage_customer: 'Globex' })[c.name] ?? null,
      getText: () => null,
    };
    list.addRows({ rows: [result] });
    list.addPageLink({ type: 'BREADCRUMB', title: 'Back', url: '/app/center/card.nl?sc=-29' });
    list.addButton({ id: 'custpage_refresh', label: 'Refresh', functionName: 'refresh' });
    expect(list.rows[1]).toEqual({ amount: '99.00', tranid: 'INV-9', custpage_customer: 'Globex', internalid: '9' });
    const out = renderPage(list);
    expect(out).toContain('<table class="ns-table ns-list-style-grid" data-list="main">');
    expect(out).toContain('<th data-column="edit_custpage_customer">Edit | View</th><th data-column="custpage_customer">Customer</th>');
    expect(out).toContain('<td data-column="custpage_customer" data-line="0"><a href="/x">Acme</a></td>');
    expect(out).toContain('<td class="ns-align-right" data-column="amount" data-line="0">10.5</td>');
    expect(out).toContain('<a href="/app/accounting/transactions/custinvc.nl?id=7">INV-1</a>');
    expect(out).toContain('<a href="/app/common/entity/custjob.nl?id=3&amp;e=T" data-action="edit">Edit</a> | <a href="/app/common/entity/custjob.nl?id=3" data-action="view">View</a>');
    expect(out).toContain('<td data-column="custpage_customer" data-line="1">Globex</td>');
    expect(out).toContain('data-page-link="BREADCRUMB">Back</a>');
    expect(out).toContain('data-function="refresh"');
  });
});

describe('argument validation', () => {
  const ui = sw();
  test('missing required arguments', () => {
    expect(errorName(() => ui.createForm({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => ui.createForm(undefined))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => ui.createList({ title: '' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    const form = ui.createForm({ title: 'T' });
    expect(errorName(() => form.addField({ type: 'TEXT', label: 'x' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addField({ id: 'custpage_a', type: 'TEXT' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addField({ id: 'custpage_a', label: 'A' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addSublist({ id: 'custpage_s', label: 'S' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addButton({ label: 'B' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addPageLink({ type: 'CROSSLINK', title: 'x' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => form.addField('custpage_a'))).toBe('WRONG_PARAMETER_TYPE');
  });

  test('invalid types and enum values', () => {
    const form = ui.createForm({ title: 'T' });
    expect(errorName(() => form.addField({ id: 'custpage_a', type: 'BOGUS', label: 'A' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => form.addSublist({ id: 'custpage_s', label: 'S', type: 'GRID' }))).toBe('SSS_INVALID_TYPE_ARG');
    const s = form.addSublist({ id: 'custpage_s', label: 'S', type: 'INLINEEDITOR' });
    expect(errorName(() => s.addField({ id: 'h', label: 'H', type: 'INLINEHTML' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => s.addMarkAllButtons())).toBe('SSS_INVALID_SUBLIST_OPERATION');
    const f = form.addField({ id: 'custpage_a', type: 'text', label: 'A' });
    expect(f.type).toBe('TEXT');
    expect(errorName(() => f.updateDisplayType({ displayType: 'SHOUTY' }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => f.addSelectOption({ value: 'a', text: 'A' }))).toBe('SSS_INVALID_UI_OBJECT_TYPE');
  });

  test('ids: lower-cased; invalid characters refused; duplicates refused; custpage on record pages', () => {
    const form = ui.createForm({ title: 'T' });
    const f = form.addField({ id: 'custpage_myField', type: 'TEXT', label: 'A' });
    expect(f.id).toBe('custpage_myfield');
    expect(form.getField({ id: 'custpage_myfield' })).toBe(f);
    expect(errorName(() => form.addField({ id: 'custpage my field', type: 'TEXT', label: 'A' }))).toBe(
      'IDENTIFIERS_CAN_CONTAIN_ONLY_DIGITS_ALPHABETIC_CHARACTERS_OR__WITH_NO_SPACES',
    );
    expect(errorName(() => form.addField({ id: 'custpage_myfield', type: 'TEXT', label: 'B' }))).toBe('EMU_DUPLICATE_UI_OBJECT_ID');
    expect(errorName(() => form.addField({ id: 'custpage_x', type: 'TEXT', label: 'B', container: 'nowhere' }))).toBe('EMU_UNKNOWN_CONTAINER');
    // Suitelet forms do not require the custpage prefix ...
    expect(form.addField({ id: 'plainid', type: 'TEXT', label: 'P' }).id).toBe('plainid');
    // ... fields added to an existing record page do
    const recordForm = createRecordPageForm(fakeCtx(), fakeEnv(), 'Customer');
    expect(errorName(() => recordForm.addField({ id: 'myfield', type: 'TEXT', label: 'A' }))).toBe('INVALID_ID_PREFIX');
    expect(recordForm.addField({ id: 'custpage_ok', type: 'TEXT', label: 'A' }).id).toBe('custpage_ok');
    expect(errorName(() => f.setHelpText({ help: 5 }))).toBe('SSS_INVALID_TYPE_ARG');
    expect(errorName(() => ((f as unknown as { id: string }).id = 'x'))).toBe('READ_ONLY_PROPERTY');
  });

  test('select options, sublist values, client script path', () => {
    const form = ui.createForm({ title: 'T' });
    const sel = form.addField({ id: 'custpage_sel', type: 'SELECT', label: 'S' });
    sel.addSelectOption({ value: 'a', text: 'A' });
    expect(errorName(() => sel.addSelectOption({ value: 'a', text: 'A again' }))).toBe('SELECT_OPTION_ALREADY_PRESENT');
    expect(errorName(() => sel.addSelectOption({ value: 'b' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => sel.getSelectOptions({ filter: 'a', filteroperator: 'like' }))).toBe('SSS_INVALID_GETSELECTOPTION_FILTER_OPERATOR');
    const s = form.addSublist({ id: 'custpage_s', label: 'S', type: 'LIST' });
    s.addField({ id: 'a', label: 'A', type: 'TEXT' });
    expect(errorName(() => s.setSublistValue({ id: 'a', line: 0, value: '' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => s.setSublistValue({ id: 'a', line: 0 }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => s.setSublistValue({ id: 'a', line: -1, value: 'x' }))).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(errorName(() => s.setSublistValue({ id: 'zz', line: 0, value: 'x' }))).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(errorName(() => s.setSublistValue({ id: 'a', line: 0, value: true }))).toBe('WRONG_PARAMETER_TYPE');
    s.setSublistValue({ id: 'a', line: 2, value: 5 });
    expect(s.lineCount).toBe(3);
    expect(s.getSublistValue({ id: 'a', line: 2 })).toBe('5');
    expect(s.getSublistValue({ id: 'a', line: 0 })).toBeNull();
    form.clientScriptModulePath = './ara_cs_worklist.js';
    expect(errorName(() => (form.clientScriptFileId = 12))).toBe('PROPERTY_VALUE_CONFLICT');
    expect(renderPage(form)).toContain('data-client-script="./ara_cs_worklist.js"');
  });
});
