/**
 * The local web page (emulator/src/web): a real server on an ephemeral port in front of an in-memory
 * demo account, pages fetched with node's fetch.
 */
import { request } from 'node:http';
import type { Emulator } from '../../src/emulator';
import { startServer, PortInUseError, type RunningServer } from '../../src/web/server';
import { PAGE_SIZE } from '../../src/web/records';
import { localFor } from '../../src/web/routes';
import { parseAmounts, startSummary, summaryLines, summaryMark } from '../../src/web/summary';
import { copyProject, demoEmulator, ensureBuilt, removeProject, runNightly, TEST_SCRIPTS, writeTestProject } from './helpers';

jest.setTimeout(120_000);

interface Page {
  status: number;
  text: string;
  location: string | null;
  cookie: string | null;
}

function client(server: RunningServer) {
  const base = server.url.replace(/\/$/, '');
  let cookie = '';
  const read = async (r: Response): Promise<Page> => ({ status: r.status, text: await r.text(), location: r.headers.get('location'), cookie: r.headers.get('set-cookie') });
  return {
    setCookie(c: string) {
      cookie = c;
    },
    async get(path: string): Promise<Page> {
      return read(await fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} }));
    },
    async post(path: string, form: Record<string, string>): Promise<Page> {
      return read(
        await fetch(base + path, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body: new URLSearchParams(form).toString(),
        }),
      );
    },
  };
}

/** Text of the first element with the given data attribute, tags stripped. */
function dataText(html: string, attr: string): string {
  const m = new RegExp(`${attr}[^>]*>([\\s\\S]*?)</`).exec(html);
  return m ? (m[1] ?? '') : '';
}

const SPECIAL = `O'Brien & Sons <Ltd>`;
const SPECIAL_HTML = 'O&#39;Brien &amp; Sons &lt;Ltd&gt;';

function customerIdByName(emu: Emulator, name: string): string {
  const id = emu.records.ids('customer').find((i) => emu.records.view('customer', i).fields.companyname === name);
  if (!id) throw new Error(`no customer ${name}`);
  return id;
}

describe('web server with the product deployed (src/)', () => {
  let emu: Emulator;
  let server: RunningServer;
  let c: ReturnType<typeof client>;
  let project = '';

  beforeAll(async () => {
    project = copyProject();
    emu = demoEmulator(30, project);
    server = await startServer({ emulator: emu, port: 0 });
    c = client(server);
  });
  afterAll(async () => {
    await server?.close();
    if (project) removeProject(project);
  });

  it('listens on 127.0.0.1 only and shows the dashboard in the NetSuite-like shell', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const p = await c.get('/');
    expect(p.status).toBe(200);
    expect(p.text).toContain('class="ara-header"');
    expect(p.text).toContain('data-nav="worklist"');
    expect(p.text).toContain('href="/records/customer"');
    expect(p.text).toContain('href="/records/depositapplication"');
    expect(p.text).toContain('data-account-date="2026-11-27"');
    expect(p.text).toContain('data-dashboard');
    // The product's portlets are not deployed yet (or are): either way the dashboard renders.
    if (!p.text.includes('data-portlet-type')) expect(p.text).toContain('data-empty-dashboard');
  });

  it('pages record lists, 50 per page, newest first, with the key columns', async () => {
    const total = Object.keys(emu.state.records.invoice ?? {}).length;
    expect(total).toBeGreaterThan(PAGE_SIZE);
    const p1 = await c.get('/records/invoice');
    expect(p1.status).toBe(200);
    for (const col of ['tranid', 'trandate', 'entity', 'status', 'total', 'amountremaining']) expect(p1.text).toContain(`data-column="${col}"`);
    expect(p1.text).toContain(`data-total="${total}"`);
    const rows1 = [...p1.text.matchAll(/<tr class="ns-row[^"]*" data-line="\d+" data-id="(\d+)"/g)].map((m) => m[1] as string);
    expect(rows1).toHaveLength(PAGE_SIZE);
    const dates = rows1.map((id) => String(emu.state.records.invoice?.[id]?.fields.trandate));
    expect([...dates].sort().reverse()).toEqual(dates);
    const p2 = await c.get('/records/invoice?page=2');
    const rows2 = [...p2.text.matchAll(/data-id="(\d+)"/g)].map((m) => m[1] as string);
    expect(rows2.length).toBeGreaterThan(0);
    expect(rows2.some((id) => rows1.includes(id))).toBe(false);
    expect(p2.text).toContain('data-page-link="prev"');
    const last = await c.get('/records/invoice?page=999');
    expect(last.text).toContain(`data-page="${Math.ceil(total / PAGE_SIZE)}"`);
    for (const type of ['customer', 'salesorder', 'customerdeposit', 'customerpayment', 'depositapplication', 'creditmemo']) {
      expect((await c.get(`/records/${type}`)).status).toBe(200);
    }
    expect((await c.get('/records')).text).toContain('data-record-type="invoice"');
  });

  it('escapes customer names everywhere (list, record view, select options)', async () => {
    const id = customerIdByName(emu, SPECIAL);
    const view = await c.get(`/records/customer/${id}`);
    expect(view.status).toBe(200);
    expect(view.text).toContain(SPECIAL_HTML);
    expect(view.text).not.toContain(SPECIAL);
    expect(view.text).not.toContain('<Ltd>');
    expect(view.text).toContain('data-fieldgroup="derived"');
    expect(view.text).toContain('data-field="balance"');
    const list = await c.get('/records/customer');
    expect(list.text).not.toContain('<Ltd>');
    const best = await c.get('/records/salesorder/new');
    expect(best.text).toContain('&quot;Best&quot; Widgets');
    expect(best.text).not.toContain('"Best"');
  });

  it('shows a transaction with its sublists and links to the customer', async () => {
    const invoiceId = Object.keys(emu.state.records.invoice ?? {})[0] as string;
    const p = await c.get(`/records/invoice/${invoiceId}`);
    expect(p.status).toBe(200);
    expect(p.text).toContain('data-sublist="item"');
    expect(p.text).toMatch(/href="\/records\/customer\/\d+"/);
    expect(p.text).toContain('data-field="amountremaining"');
    expect((await c.get('/records/invoice/999999')).status).toBe(404);
  });

  it('creates a sales order through N/record, and keeps what was typed on errors', async () => {
    const customer = customerIdByName(emu, SPECIAL);
    const bad = await c.post('/records/salesorder/new', { entity: customer, memo: 'typed <memo>', item_0: '', description_0: 'Widget', quantity_0: 'two', rate_0: '5' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-banner="error"');
    expect(bad.text).toContain('value="typed &lt;memo&gt;"');
    expect(bad.text).toContain('value="two"');
    const before = Object.keys(emu.state.records.salesorder ?? {}).length;
    const item = String(Object.values(emu.state.records.invoice ?? {})[0]?.sublists.item?.[0]?.item ?? '1');
    const ok = await c.post('/records/salesorder/new', { entity: customer, trandate: '2026-11-27', memo: 'From the web page', item_0: item, quantity_0: '2', rate_0: '12.50' });
    expect(ok.status).toBe(303);
    expect(ok.location).toMatch(/^\/records\/salesorder\/\d+\?saved=created/);
    expect(Object.keys(emu.state.records.salesorder ?? {}).length).toBe(before + 1);
    const view = await c.get(ok.location as string);
    expect(view.text).toContain('data-saved="created"');
    expect(view.text).toContain('From the web page');
    expect(view.text).toContain('25.00');
  });

  it('lists scripts and runs one now (POST creates a run)', async () => {
    const p = await c.get('/scripts');
    expect(p.status).toBe(200);
    expect(p.text).toContain('data-script="customscript_ara_ss_setup"');
    const runs = emu.state.runs.length;
    const r = await c.post('/scripts/run', { script: 'customscript_ara_ss_setup', deployment: 'customdeploy_ara_ss_setup' });
    expect(r.status).toBe(303);
    expect(emu.state.runs.length).toBe(runs + 1);
    const run = emu.state.runs[emu.state.runs.length - 1];
    expect(r.location).toBe(`/scripts?ran=${encodeURIComponent(run?.runId ?? '')}`);
    const after = await c.get(r.location as string);
    expect(after.text).toContain(`data-run="${run?.runId}"`);
    expect(after.text).toContain('data-list="runs"');
    const unknown = await c.post('/scripts/run', { script: 'customscript_nope', deployment: 'x' });
    expect(unknown.status).toBe(400);
  });

  it('switches the user with a cookie', async () => {
    const bad = await c.post('/session', { user: '999|3', back: '/' });
    expect(bad.status).toBe(400);
    const r = await c.post('/session', { user: '3|customrole_ara_collector', back: '/records/customer' });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/records/customer');
    expect(r.cookie).toMatch(/^ara_emu_user=3%7Ccustomrole_ara_collector; Path=\/; HttpOnly; SameSite=Lax/);
    const anon = await c.get('/');
    expect(anon.text).toContain('data-user="1" data-role="3"');
    c.setCookie((r.cookie as string).split(';')[0] as string);
    const p = await c.get('/');
    expect(p.text).toContain('data-user="3" data-role="customrole_ara_collector"');
    expect(p.text).toMatch(/<option value="3\|customrole_ara_collector" selected>Marcus Webb/);
    // An open redirect is not possible.
    const evil = await c.post('/session', { user: '1|3', back: '//evil.example/' });
    expect(evil.location).toBe('/');
    c.setCookie('');
  });

  it('moves the account date forward only', async () => {
    const r = await c.post('/clock', { days: '1', back: '/scripts' });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/scripts');
    expect(emu.state.asOf).toBe('2026-11-28');
    const set = await c.post('/clock', { date: '2026-12-01', back: '/' });
    expect(set.status).toBe(303);
    expect(emu.state.asOf).toBe('2026-12-01');
    const back = await c.post('/clock', { date: '2026-01-01', back: '/' });
    expect(back.status).toBe(400);
    expect(emu.state.asOf).toBe('2026-12-01');
    expect((await c.get('/')).text).toContain('data-account-date="2026-12-01"');
  });

  it('maps NetSuite URLs to local pages and refuses foreign Host headers', async () => {
    expect(localFor('/app/accounting/transactions/custinvc.nl?id=5')).toBe('/records/invoice/5');
    expect(localFor('https://123.app.netsuite.com/app/common/entity/custjob.nl?id=7&e=T')).toBe('/records/customer/7');
    expect(localFor('/app/accounting/transactions/transactionlist.nl?Transaction_TYPE=CustInvc')).toBe('/records/invoice');
    expect(localFor('https://example.com/x')).toBeNull();
    const r = await c.get('/app/accounting/transactions/salesord.nl?id=1');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/records/salesorder/1');
    // fetch cannot set Host: a raw request does (DNS rebinding protection).
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    expect((await c.get('/no/such/page')).status).toBe(404);
  });

  it('reports a taken port clearly', async () => {
    await expect(startServer({ emulator: emu, port: server.port })).rejects.toBeInstanceOf(PortInUseError);
    await expect(startServer({ emulator: emu, port: server.port })).rejects.toThrow(/already in use.*--port/);
    await expect(startServer({ emulator: emu, port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('web server with test scripts (user event, portlet, Suitelet, nightly job)', () => {
  let emu: Emulator;
  let server: RunningServer;
  let c: ReturnType<typeof client>;
  let project: string;

  beforeAll(async () => {
    ensureBuilt();
    project = writeTestProject();
    emu = demoEmulator(30, project);
    server = await startServer({ emulator: emu, port: 0 });
    c = client(server);
  });
  afterAll(async () => {
    await server?.close();
    if (project) removeProject(project);
  });

  it('renders deployed portlets on the dashboard as the current user', async () => {
    const p = await c.get('/');
    expect(p.text).toContain(`data-portlet="${TEST_SCRIPTS.portlet}"`);
    expect(p.text).toContain('<p data-test="portlet">Hello Alex Morgan in column 2</p>');
    expect(p.text).not.toContain('data-empty-dashboard');
    const r = await c.post('/session', { user: '5|customrole_ara_collector', back: '/' });
    c.setCookie((r.cookie as string).split(';')[0] as string);
    expect((await c.get('/')).text).toContain('Hello Fiona Gallagher');
    c.setCookie('');
  });

  it('proxies Suitelets: GET inside the shell, POST form bodies, redirects', async () => {
    const url = `/app/site/hosting/scriptlet.nl?script=${TEST_SCRIPTS.suitelet}&deploy=${TEST_SCRIPTS.suiteletDeploy}`;
    const wl = await c.get('/worklist');
    expect(wl.status).toBe(303);
    expect(wl.location).toBe(url);
    const g = await c.get(url);
    expect(g.status).toBe(200);
    expect(g.text).toContain('class="ara-header"');
    expect(g.text).toContain('data-page-title>Web test worklist');
    expect(g.text).toContain('value="for Alex Morgan"');
    expect(g.text).toMatch(/data-nav="worklist" class="ara-active"/);
    const plain = await c.post(url, { custpage_note: 'hello' });
    expect(plain.status).toBe(200);
    expect(plain.text).toBe('ok:5');
    const customer = customerIdByName(emu, SPECIAL);
    const go = await c.post(url, { custpage_note: 'go', custpage_customer: customer });
    expect(go.status).toBe(302);
    expect(go.location).toBe(`/records/customer/${customer}`);
    const missing = await c.get('/app/site/hosting/scriptlet.nl?script=customscript_nope&deploy=customdeploy_nope');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('SSS_INVALID_SCRIPT_ID');
  });

  it('runs beforeLoad on the record view and shows its page-init messages as banners', async () => {
    const soId = Object.keys(emu.state.records.salesorder ?? {})[0] as string;
    const p = await c.get(`/records/salesorder/${soId}`);
    expect(p.status).toBe(200);
    expect(p.text).toContain('data-banner="warning"');
    expect(p.text).toContain('<div class="ns-banner-title">Credit check</div>');
    expect(p.text).toContain('<b>Web test banner</b> for ');
    expect(p.text).toContain('data-button="custpage_ara_remind"');
  });

  it('shows a user event error as a red banner with its name and message, keeping the input', async () => {
    const customer = customerIdByName(emu, SPECIAL);
    const before = Object.keys(emu.state.records.salesorder ?? {}).length;
    const item = String(Object.values(emu.state.records.invoice ?? {})[0]?.sublists.item?.[0]?.item ?? '1');
    const r = await c.post('/records/salesorder/new', { entity: customer, memo: 'BLOCK', item_0: item, description_0: 'Kept <desc>', quantity_0: '3', rate_0: '7' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('data-error-name="ARA_CREDIT_HOLD"');
    expect(r.text).toContain('Customer is on credit hold: &lt;approve&gt; &amp; &quot;override&quot; first');
    expect(r.text).toContain('value="Kept &lt;desc&gt;"');
    expect(r.text).toContain('value="BLOCK"');
    expect(r.text).toMatch(new RegExp(`<option value="${customer}" selected>`));
    expect(Object.keys(emu.state.records.salesorder ?? {}).length).toBe(before);
  });

  it('approves a sales order pending approval', async () => {
    const pending = Object.values(emu.state.records.salesorder ?? {}).find((s) => s.fields.orderstatus === 'A');
    expect(pending).toBeDefined();
    if (!pending) return;
    const view = await c.get(`/records/salesorder/${pending.id}`);
    expect(view.text).toContain('data-form="approve"');
    expect(view.text).toContain('name="reason"');
    const r = await c.post(`/records/salesorder/${pending.id}/approve`, { reason: 'Customer paid by wire' });
    expect(r.status).toBe(303);
    const after = emu.records.view('salesorder', pending.id).fields;
    expect(after.orderstatus).not.toBe('A');
    expect(after.custbody_ara_override_reason).toBe('Customer paid by wire');
    expect((await c.get(r.location as string)).text).toContain('data-saved="approved"');
  });

  it('shows the nightly job with Run now, its run, the execution log and the emails', async () => {
    const r = await c.post('/scripts/run', { script: TEST_SCRIPTS.nightly, deployment: TEST_SCRIPTS.nightlyDeploy });
    expect(r.status).toBe(303);
    const p = await c.get('/scripts');
    expect(p.text).toContain(`data-script="${TEST_SCRIPTS.nightly}"`);
    expect(p.text).toContain('daily at 02:00:00Z');
    expect(p.text).toContain('Nightly &lt;test&gt;');
    expect(p.text).toContain('checked &amp; done');
    expect(p.text).toContain('Nightly digest &lt;test&gt;');
    expect(p.text).toContain('Hello &amp; goodbye');
    expect(p.text).toContain('data-status="COMPLETE"');
    expect(dataText(p.text, 'data-list="emails"')).not.toContain('<test>');
  });
});

describe('web server with an account folder', () => {
  it('saves the account after a POST that changes it (and not after a user switch)', async () => {
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Emulator: Emu } = await import('../../src/emulator');
    const dir = mkdtempSync(join(tmpdir(), 'ara-web-save-'));
    const emu = Emu.create('2026-11-27', {}, dir);
    emu.loadDemo({ customers: 5 });
    emu.deploy();
    emu.save();
    const server = await startServer({ emulator: emu, port: 0 });
    try {
      const c = client(server);
      const before = statSync(join(dir, 'account.json')).mtimeMs;
      await c.post('/session', { user: '1|3', back: '/' });
      expect(statSync(join(dir, 'account.json')).mtimeMs).toBe(before);
      expect((await c.post('/clock', { days: '2', back: '/' })).status).toBe(303);
      expect(Emu.open(dir).state.asOf).toBe('2026-11-29');
      await c.post('/scripts/run', { script: 'customscript_ara_ss_setup', deployment: 'customdeploy_ara_ss_setup' });
      expect(Emu.open(dir).state.runs.length).toBe(emu.state.runs.length);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('web server with the product after its first night (setup, auto-apply, credit sweep)', () => {
  let emu: Emulator;
  let server: RunningServer;
  let c: ReturnType<typeof client>;
  let project = '';
  let mark: ReturnType<typeof summaryMark>;

  beforeAll(async () => {
    project = copyProject();
    emu = demoEmulator(30, project);
    mark = summaryMark(emu);
    runNightly(emu);
    server = await startServer({ emulator: emu, port: 0 });
    c = client(server);
  });
  afterAll(async () => {
    await server?.close();
    if (project) removeProject(project);
  });

  it('summarizes the night from the run log, the credit events and the portlets', () => {
    expect(parseAmounts('6,843.36 CAD; 328,874.69 EUR; -1.50 USD')).toEqual([
      ['CAD', 6843.36],
      ['EUR', 328874.69],
      ['USD', -1.5],
    ]);
    const sum = startSummary(emu, mark);
    expect(sum.autoApply).not.toBeNull();
    expect(sum.autoApply?.runs).toBe(1);
    expect(sum.autoApply?.status).toBe('COMPLETE');
    const run = emu.records.view('customrecord_ara_run', emu.records.ids('customrecord_ara_run')[0] as string).fields;
    expect(sum.autoApply?.applied).toBe(run.custrecord_ara_run_applied);
    expect(sum.holds?.placed).toBe(emu.records.ids('customrecord_ara_credit_event').filter((id) => emu.records.view('customrecord_ara_credit_event', id).fields.custrecord_ara_ce_decision === 'HOLD_PLACED').length);
    expect(sum.holds?.placed).toBeGreaterThan(0);
    expect(sum.ar?.viewer).toBe('Helen Zhao \u2014 AR Controller');
    expect(sum.ar?.netAr).toMatch(/^-?[\d,]+\.\d{2}$/);
    expect(sum.ar?.dso).toMatch(/^\d+\.\d$/);
    expect(sum.ar?.currency).toBe('USD');
    expect(sum.ar?.problems).toEqual([]);
    const text = summaryLines(sum).join('\n');
    expect(text).toMatch(/Deposits applied +\d+ of \d+ eligible deposits applied to \d+ invoice lines: /);
    expect(text).toMatch(/Credit holds +\d+ placed, \d+ released; \d+ customers on hold now/);
    expect(text).toContain(`Net AR            ${sum.ar?.netAr} USD`);
    expect(text).toContain(`DSO               ${sum.ar?.dso} days`);
    // Nothing new since a later mark.
    expect(startSummary(emu, summaryMark(emu)).autoApply).toBeNull();
    expect(startSummary(emu, summaryMark(emu)).holds?.placed).toBe(0);
  });

  it('shows a run with the usage of each invocation and its own log', async () => {
    const run = emu.state.runs.find((r) => r.scriptId === 'customscript_ara_mr_autoapply');
    expect(run).toBeDefined();
    const list = await c.get('/scripts');
    expect(list.text).toContain(`data-run-link="${run?.runId}"`);
    const p = await c.get(`/scripts/runs/${encodeURIComponent(run?.runId ?? '')}`);
    expect(p.status).toBe(200);
    expect([...p.text.matchAll(/data-invocation data-stage="([^"]+)"/g)].map((m) => m[1])).toEqual(run?.usage.invocations.map((i) => i.stage));
    expect(p.text).toContain('ARA auto-apply');
    expect((await c.get('/scripts/runs/nope')).status).toBe(404);
  });

  it("runs the aging portlet's drill-down saved searches", async () => {
    const p = await c.get('/app/common/search/searchresults.nl?searchid=customsearch_ara_aging_d1_30');
    expect(p.status).toBe(200);
    expect(Number(/data-results="(\d+)"/.exec(p.text)?.[1])).toBeGreaterThan(0);
    // Each row links to its invoice.
    expect(p.text).toMatch(/<td><a href="\/records\/invoice\/\d+">INV/);
    expect((await c.get('/app/common/search/searchresults.nl?searchid=customsearch_nope')).status).toBe(404);
    // The dashboard links there.
    expect((await c.get('/')).text).toContain('href="/app/common/search/searchresults.nl?searchid=customsearch_ara_aging_d1_30"');
  });

  it("lists AR Autopilot's own records (run log, credit events, activities) in the Records menu", async () => {
    const home = await c.get('/');
    for (const t of ['customrecord_ara_run', 'customrecord_ara_credit_event', 'customrecord_ara_activity']) expect(home.text).toContain(`data-nav="records-${t}"`);
    const runs = await c.get('/records/customrecord_ara_run');
    expect(runs.status).toBe(200);
    expect(runs.text).toContain('data-column="custrecord_ara_run_applied"');
    const events = await c.get('/records/customrecord_ara_credit_event');
    expect(events.text).toContain('HOLD_PLACED');
    expect(events.text).toMatch(/<a href="\/records\/customer\/\d+">/);
    const id = emu.records.ids('customrecord_ara_credit_event')[0] as string;
    expect((await c.get(`/records/customrecord_ara_credit_event/${id}`)).status).toBe(200);
    expect((await c.get('/records')).text).toContain('data-record-type="customrecord_ara_run"');
  });

  it('holds an order over the credit limit, refuses a collector and keeps the page usable after a refused approve', async () => {
    const customer = emu.records.ids('customer').find((id) => {
      const f = emu.records.view('customer', id).fields;
      return Number(f.creditlimit ?? 0) > 0 && f.creditholdoverride === 'AUTO' && f.oncredithold !== true;
    }) as string;
    const limit = Number(emu.records.view('customer', customer).fields.creditlimit);
    const created = await c.post('/records/salesorder/new', { entity: customer, trandate: '2026-11-27', item_0: '1', quantity_0: '2', rate_0: String(limit) });
    expect(created.status).toBe(303);
    const soId = /\/records\/salesorder\/(\d+)/.exec(created.location ?? '')?.[1] as string;
    expect(emu.records.view('salesorder', soId).fields.orderstatus).toBe('A');
    const view = await c.get(`/records/salesorder/${soId}`);
    expect(view.text).toContain('Held for credit');
    const r = await c.post('/session', { user: '3|customrole_ara_collector', back: '/' });
    c.setCookie((r.cookie as string).split(';')[0] as string);
    const refused = await c.post(`/records/salesorder/${soId}/approve`, { reason: '' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('data-error-name="ARA_CREDIT_HOLD"');
    // The switcher on that page comes back to the URL of the POST: a GET of it shows the order.
    expect(refused.text).toContain(`name="back" value="/records/salesorder/${soId}/approve"`);
    const back = await c.get(`/records/salesorder/${soId}/approve`);
    expect(back.status).toBe(303);
    expect(back.location).toBe(`/records/salesorder/${soId}`);
    c.setCookie('');
  });
});
