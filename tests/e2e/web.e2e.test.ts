/**
 * The local web page (npm start) in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core. Each test has its own in-memory demo account (30 customers, the product deployed from
 * a private copy of src/, setup and the nightly jobs run as npm start runs them) served on port 0, and
 * its own browser context; the browser itself is shared. Screenshots go to artifacts/screenshots/
 * (git-ignored).
 *
 * Skipped with a warning when /usr/bin/chromium is absent, unless ARA_REQUIRE_E2E=1 (CI), which makes a
 * missing browser a failure.
 *
 * Run: npx jest --selectProjects e2e
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src/emulator';
import { startServer, type RunningServer } from '../../emulator/src/web/server';
import { AS_OF, copyProject, demoEmulator, removeProject, ROOT, runNightly, TEST_SCRIPTS, writeTestProject } from '../../emulator/tests/web/helpers';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const it = HAVE_CHROMIUM ? test : test.skip;
if (!HAVE_CHROMIUM && process.env.ARA_REQUIRE_E2E === '1') {
  throw new Error(`e2e: ${CHROMIUM} not found, and ARA_REQUIRE_E2E=1 requires the browser tests (apt-get install chromium)`);
}
if (!HAVE_CHROMIUM) console.warn(`e2e: ${CHROMIUM} not found: browser tests SKIPPED (apt-get install chromium to run them)`);

jest.setTimeout(60_000);

const VIEWPORT = { width: 1280, height: 800 };
const ADMIN = '1|3';
const COLLECTOR = '3|customrole_ara_collector'; // Marcus Webb
const CONTROLLER = '6|customrole_ara_controller'; // Helen Zhao

let browser: Browser;
let project = '';

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  mkdirSync(SHOTS, { recursive: true });
  project = copyProject();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (project) removeProject(project);
});

interface Session {
  emu: Emulator;
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  url(path: string): string;
  shot(name: string): Promise<void>;
  /** Switch the user with the header's switcher, as a person would. */
  switchUser(value: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh demo account after its first night, served on port 0, with a new browser context. */
async function open(options: { projectDir?: string; nightly?: boolean } = {}): Promise<Session> {
  const emu = demoEmulator(30, options.projectDir ?? project);
  if (options.nightly !== false) runNightly(emu);
  const server = await startServer({ emulator: emu, port: 0 });
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  const s: Session = {
    emu,
    server,
    context,
    page,
    url: (path) => new URL(path, server.url).href,
    async shot(name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
    },
    async switchUser(value) {
      await page.selectOption('#ara-user', value);
      await Promise.all([page.waitForNavigation(), page.click('form[data-form="session"] button')]);
      expect(await page.locator('#ara-user').inputValue()).toBe(value);
    },
    async close() {
      await context.close();
      await server.close();
    },
  };
  return s;
}

async function withSession(fn: (s: Session) => Promise<void>, options?: Parameters<typeof open>[0]): Promise<void> {
  const s = await open(options);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

const WORKLIST_TITLE = 'h1[data-page-title]';

/** Submit the Suitelet's form (its first submit button) and wait for the page it leads to. */
async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator('form[data-form="main"] [type="submit"]').first().click()]);
}

it('dashboard: the controller sees the aging and DSO portlets the product renders', () =>
  withSession(async (s) => {
    const { page } = s;
    await page.goto(s.url('/'));
    await s.switchUser(CONTROLLER);
    expect(await page.title()).toBe('Dashboard - AR Autopilot');
    const aging = page.locator('[data-portlet="customscript_ara_pl_aging"]');
    const dso = page.locator('[data-portlet="customscript_ara_pl_dso"]');
    expect(await aging.locator('[data-portlet-title]').innerText()).toMatch(/AR Aging/i);
    // Every bucket row, the totals and the deposits line.
    const buckets = await aging.locator('td[data-column="bucket"]').allInnerTexts();
    expect(buckets).toEqual(expect.arrayContaining(['Current', '1–30', '31–60', '61–90', '91–120', 'Over 120', 'Open invoices', 'Unapplied credits', 'Net AR', 'Unapplied deposits']));
    const netArRow = aging.locator('tbody tr', { has: page.locator('td[data-column="bucket"]', { hasText: /^Net AR$/ }) });
    const netAr = await netArRow.locator('td[data-column="amount"]').innerText();
    expect(netAr).toMatch(/^-?[\d,]+\.\d{2}$/);
    for (const metric of ['dso', 'dso_countback', 'bpdso', 'add', 'cei', 'unapplied_pct']) {
      expect(await dso.locator(`[data-metric="${metric}"]`).getAttribute('data-value')).toMatch(/^-?\d+\.\d$/);
    }
    expect((await dso.locator('[data-metric="dso_trend"]').getAttribute('data-value'))?.split(',')).toHaveLength(12);
    expect(await dso.locator('[data-metric="dso"]').innerText()).toMatch(/^\d+\.\d days$/);
    await s.shot('01-dashboard-controller');
    // A bucket's drill-down opens its saved search.
    await aging.locator('a:text-is("1–30")').click();
    await page.waitForURL(/searchresults\.nl\?searchid=customsearch_ara_aging_d1_30/);
    expect(Number(await page.locator('[data-results]').getAttribute('data-results'))).toBeGreaterThan(0);
    await s.shot('02-aging-drilldown');
  }));

it('worklist: a collector logs an activity, disputes an invoice and records a promise; CSV export downloads', () =>
  withSession(async (s) => {
    const { page, emu } = s;
    await page.goto(s.url('/'));
    await s.switchUser(COLLECTOR);
    await page.click('[data-nav="worklist"]');
    await page.waitForURL(/scriptlet\.nl\?script=customscript_ara_sl_worklist/);
    expect(await page.locator(WORKLIST_TITLE).first().innerText()).toBe('Collector Worklist');
    const rows = page.locator('tr[data-sublist="ara_queue"]');
    expect(await rows.count()).toBeGreaterThan(1);
    for (const c of await rows.locator('td[data-field="collector"]').allInnerTexts()) expect(c).toBe('Marcus Webb');
    await s.shot('03-worklist-collector');

    // CSV export of the view.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:text("Export this view (CSV)")')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(SHOTS, 'worklist-export.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\n')[0]).toContain('Customer');

    // The second customer of the queue (the first stays to show the queue).
    const row = rows.nth(1);
    const name = await row.locator('td[data-field="customer"]').innerText();
    await row.locator('td[data-field="work"] a').click();
    await page.waitForURL(/ara_customer=\d+/);
    const customerId = new URL(page.url()).searchParams.get('ara_customer') as string;
    expect(await page.locator(WORKLIST_TITLE).first().innerText()).toContain(name);

    // Log an activity.
    await page.click('a:text-is("Log an activity")');
    await page.selectOption('select[name="ara_activity_type"]', { index: 0 });
    await page.fill('textarea[name="ara_note"]', 'Called AP: cheque run is on Friday (e2e)');
    await submit(page);
    await page.waitForSelector('[data-banner="confirmation"]');
    expect(await page.locator('body').innerText()).toContain('Called AP: cheque run is on Friday (e2e)');
    await s.shot('04-worklist-activity-logged');

    // Record a promise to pay: the customer leaves the default queue while it is pending.
    await page.click('a:text("Record a promise to pay")');
    await page.fill('input[name="ara_amount"]', '100.00');
    await page.fill('input[name="ara_promise_date"]', '2026-12-04');
    await submit(page);
    await page.waitForSelector('[data-banner="confirmation"]');
    await s.shot('05-worklist-promise-recorded');
    await Promise.all([page.waitForNavigation(), page.click('a:text("Back to the queue")')]);
    const queueIds = async () =>
      (await page.locator('tr[data-sublist="ara_queue"] td[data-field="work"] a').evaluateAll((as) => as.map((a) => new URL((a as unknown as { href: string }).href).searchParams.get('ara_customer'))));
    expect(await queueIds()).not.toContain(customerId);
    // With "Include snoozed and promised" it is there, with its promise.
    await page.check('input[name="ara_include_paused"]');
    await submit(page);
    expect(await queueIds()).toContain(customerId);
    const promised = page.locator(`tr[data-sublist="ara_queue"]:has(a[href*="ara_customer=${customerId}"])`);
    expect(await promised.locator('td[data-field="promise"]').innerText()).toMatch(/100\.00/);
    await s.shot('06-worklist-include-promised');
    await Promise.all([page.waitForNavigation(), promised.locator('td[data-field="work"] a').click()]);

    // Dispute an invoice (last: when it is the only past-due one, the customer leaves the queue for good).
    await page.click('a:text("Dispute or undispute an invoice")');
    const invoiceOption = page.locator('select[name="ara_invoice"] option').first();
    const invoiceText = (await invoiceOption.innerText()).split(' · ')[0] as string;
    await page.selectOption('select[name="ara_invoice"]', { index: 0 });
    await page.selectOption('select[name="ara_dispute_on"]', 'dispute');
    await page.fill('textarea[name="ara_reason"]', 'Wrong PO number on the invoice (e2e)');
    await submit(page);
    await page.waitForSelector('[data-banner="confirmation"]');
    const invoiceRow = page.locator(`tr:has(a:text-is("${invoiceText}"))`).first();
    expect(await invoiceRow.innerText()).toContain('Yes');
    expect(await invoiceRow.innerText()).toContain('Wrong PO number on the invoice (e2e)');
    await s.shot('07-worklist-invoice-disputed');

    // What the product wrote: the activity records and the disputed invoice.
    const invoiceId = emu.records.ids('invoice').find((id) => emu.records.view('invoice', id).fields.tranid === invoiceText) as string;
    expect(emu.records.view('invoice', invoiceId).fields.custbody_ara_disputed).toBe(true);
    const acts = emu.records.ids('customrecord_ara_activity').map((id) => emu.records.view('customrecord_ara_activity', id).fields);
    expect(acts.filter((a) => String(a.custrecord_ara_act_customer) === customerId).length).toBeGreaterThanOrEqual(3);
  }));

/** A customer with a credit limit, Hold Auto, not on hold: a big enough order puts it over the limit. */
function creditCustomer(emu: Emulator): { id: string; name: string; limit: number } {
  for (const id of emu.records.ids('customer')) {
    const f = emu.records.view('customer', id).fields;
    const limit = Number(f.creditlimit ?? 0);
    if (limit > 0 && f.creditholdoverride === 'AUTO' && f.oncredithold !== true && f.isinactive !== true) {
      return { id, name: String(f.companyname ?? f.entityid), limit };
    }
  }
  throw new Error('no customer with a credit limit and Hold Auto in the demo account');
}

it('credit hold: an order over the limit is Pending Approval with the banner; a collector may not approve it, an administrator may with a reason', () =>
  withSession(async (s) => {
    const { page, emu } = s;
    const customer = creditCustomer(emu);
    await page.goto(s.url(`/records/customer/${customer.id}`));
    await page.click('[data-button="new-salesorder"]');
    await page.waitForURL(/\/records\/salesorder\/new\?customer=/);
    expect(await page.locator('#so-entity').inputValue()).toBe(customer.id);
    expect(await page.locator('#so-trandate').inputValue()).toBe(AS_OF);
    await page.fill('input[name="memo"]', 'Big rack order (e2e)');
    await page.selectOption('select[name="item_0"]', { index: 1 });
    await page.fill('input[name="quantity_0"]', '2');
    await page.fill('input[name="rate_0"]', String(customer.limit));
    await s.shot('08-new-salesorder');
    await page.click('[data-button="save"]');
    await page.waitForURL(/\/records\/salesorder\/\d+\?saved=created/);
    const soId = /\/records\/salesorder\/(\d+)/.exec(page.url())?.[1] as string;
    const so = emu.records.view('salesorder', soId).fields;
    expect(so.orderstatus).toBe('A');
    expect(String(so.custbody_ara_credit_reason)).toMatch(/credit limit/i);
    expect(await page.locator('[data-status]').first().innerText()).toBe('Pending Approval');
    const held = page.locator('.ns-banner:has(.ns-banner-title:text-is("Held for credit"))');
    expect(await held.count()).toBe(1);
    expect(await held.innerText()).toContain(String(so.custbody_ara_credit_reason).slice(0, 30));
    await s.shot('09-salesorder-held');

    // A collector is not an override role: refused, with the reason.
    await s.switchUser(COLLECTOR);
    await page.click('[data-button="approve"]');
    await page.waitForSelector('[data-error-name="ARA_CREDIT_HOLD"]');
    expect(await page.locator('[data-error-name="ARA_CREDIT_HOLD"]').innerText()).toMatch(/cannot approve/i);
    expect(emu.records.view('salesorder', soId).fields.orderstatus).toBe('A');
    await s.shot('10-approve-refused-collector');

    // An administrator approves with an override reason.
    await s.switchUser(ADMIN);
    await page.fill('#ara-reason', 'CFO approved: customer wired 50% upfront (e2e)');
    await page.click('[data-button="approve"]');
    await page.waitForURL(/saved=approved/);
    const after = emu.records.view('salesorder', soId).fields;
    expect(after.orderstatus).toBe('B');
    expect(after.custbody_ara_override_reason).toBe('CFO approved: customer wired 50% upfront (e2e)');
    expect(await page.locator('[data-saved="approved"]').count()).toBe(1);
    expect(await page.locator('.ns-banner-title:text-is("Credit hold overridden")').count()).toBe(1);
    await s.shot('11-approved-with-override');
    const events = emu.records.ids('customrecord_ara_credit_event').map((id) => emu.records.view('customrecord_ara_credit_event', id).fields);
    expect(events.some((e) => e.custrecord_ara_ce_decision === 'OVERRIDE' && String(e.custrecord_ara_ce_order) === soId)).toBe(true);
  }));

it('scripts: run the nightly auto-apply now; the run is listed with usage per invocation and its log', () =>
  withSession(async (s) => {
    const { page, emu } = s;
    const runsBefore = emu.state.runs.length;
    await page.goto(s.url('/scripts'));
    await page.click('[data-button="run"][data-script="customscript_ara_mr_autoapply"][data-deployment="customdeploy_ara_mr_autoapply"]');
    await page.waitForURL(/\/scripts\?ran=/);
    expect(emu.state.runs.length).toBeGreaterThan(runsBefore);
    const run = emu.state.runs[runsBefore];
    expect(run?.scriptId).toBe('customscript_ara_mr_autoapply');
    expect(await page.locator(`[data-banner="confirmation"][data-run="${run?.runId}"]`).count()).toBe(1);
    const row = page.locator(`table[data-list="runs"] tr[data-run="${run?.runId}"]`);
    expect(await row.locator('[data-status]').innerText()).toBe('COMPLETE');
    await s.shot('12-scripts-run-now');
    await row.locator('[data-run-link]').click();
    await page.waitForURL(/\/scripts\/runs\//);
    const stages = await page.locator('tr[data-invocation]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-stage')));
    expect(stages).toEqual(expect.arrayContaining(['getInputData', 'summarize']));
    expect(await page.locator('[data-tab="log"] table[data-list="execution-log"] tbody tr').count()).toBeGreaterThan(0);
    await s.shot('13-script-run-usage');
    // The product's own run log: one record per run (the first night's and this one).
    await page.goto(s.url('/records/customrecord_ara_run'));
    expect(await page.locator('table[data-list="customrecord_ara_run"] tbody tr').count()).toBe(2);
    await s.shot('14-autoapply-run-log');
  }));

it('records: lists, a customer with its credit banner, a new order saved through N/record', () =>
  withSession(async (s) => {
    const { page, emu } = s;
    await page.goto(s.url('/'));
    await page.hover('[data-nav="records"]');
    await page.click('[data-nav="records-customer"]');
    await page.waitForURL(/\/records\/customer$/);
    expect(await page.locator('table[data-list="customer"] tbody tr').count()).toBe(30);
    await s.shot('15-customers');
    // A customer on hold by AR Autopilot shows the customer banner (beforeLoad).
    const heldId = emu.records.ids('customer').find((id) => {
      const f = emu.records.view('customer', id).fields;
      return f.oncredithold === true && f.custentity_ara_autohold === true;
    });
    expect(heldId).toBeDefined();
    await page.goto(s.url(`/records/customer/${heldId}`));
    expect(await page.locator('.ns-banner-title:text-is("On credit hold (AR Autopilot)")').count()).toBe(1);
    await s.shot('16-customer-on-hold');
    // Special characters stay text.
    await page.goto(s.url('/records/customer'));
    await page.click('a[data-record-link]:text("O\'Brien & Sons <Ltd>")');
    await page.waitForURL(/\/records\/customer\/\d+$/);
    expect(await page.locator('h1[data-page-title]').innerText()).toBe("Customer: O'Brien & Sons <Ltd>");
    // A small order for a customer with room (or none: no limit) saves approved.
    await page.goto(s.url('/records/salesorder/new'));
    await page.selectOption('#so-entity', { label: '"Best" Widgets, Inc. (fka Best & Co.)' });
    await page.fill('input[name="memo"]', 'Typed in the browser');
    await page.selectOption('select[name="item_0"]', { index: 1 });
    await page.fill('input[name="quantity_0"]', '1');
    await page.fill('input[name="rate_0"]', '19.99');
    await page.click('[data-button="save"]');
    await page.waitForURL(/\/records\/salesorder\/\d+\?saved=created/);
    expect(await page.locator('[data-banner="confirmation"][data-saved="created"]').count()).toBe(1);
    expect(await page.locator('[data-ue-usage]').innerText()).toContain('beforeLoad');
    await s.shot('17-salesorder-saved');
    for (const type of ['invoice', 'customerdeposit', 'customerpayment', 'depositapplication', 'customrecord_ara_credit_event']) {
      await page.goto(s.url(`/records/${type}`));
      expect(await page.locator(`table[data-list="${type}"] tbody tr`).count()).toBeGreaterThan(0);
    }
    await s.shot('18-credit-events');
  }));

it('shell with test scripts: a portlet, a Suitelet in the shell, beforeLoad banners, a user event error', async () => {
  const testProject = writeTestProject();
  try {
    await withSession(
      async (s) => {
        const { page } = s;
        await page.goto(s.url('/'));
        expect(await page.locator(`[data-portlet="${TEST_SCRIPTS.portlet}"] [data-test="portlet"]`).innerText()).toContain('Hello Alex Morgan');
        await page.goto(s.url(`/app/site/hosting/scriptlet.nl?script=${TEST_SCRIPTS.suitelet}&deploy=${TEST_SCRIPTS.suiteletDeploy}`));
        expect(await page.locator('h1[data-page-title]').first().innerText()).toBe('Web test worklist');
        await page.goto(s.url('/records/salesorder'));
        await page.locator('a[data-record-link]').first().click();
        await page.waitForURL(/\/records\/salesorder\/\d+$/);
        expect(await page.locator('.ns-banner-title:text-is("Credit check")').count()).toBe(1);
        await page.goto(s.url('/records/salesorder/new'));
        await page.selectOption('#so-entity', { index: 3 });
        await page.fill('input[name="memo"]', 'BLOCK');
        await page.selectOption('select[name="item_0"]', { index: 2 });
        await page.fill('input[name="quantity_0"]', '1');
        await page.fill('input[name="rate_0"]', '250');
        await page.click('[data-button="save"]');
        await page.waitForSelector('[data-error-name="ARA_CREDIT_HOLD"]');
        expect(await page.inputValue('input[name="memo"]')).toBe('BLOCK');
        await s.shot('19-user-event-error');
      },
      { projectDir: testProject, nightly: false },
    );
  } finally {
    removeProject(testProject);
  }
});
