/**
 * Browser test of the local web page (npm start): opens the dashboard, the customer list and a record,
 * switches the user, and saves screenshots to artifacts/screenshots/. Uses playwright-core with Debian's
 * chromium (/usr/bin/chromium); skips with a warning when it is not installed.
 *
 * Run: npx jest -c tests/e2e/jest.config.js
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src/emulator';
import { startServer, type RunningServer } from '../../emulator/src/web/server';
import { demoEmulator, ensureBuilt, removeProject, ROOT, TEST_SCRIPTS, writeTestProject } from '../../emulator/tests/web/helpers';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const it = HAVE_CHROMIUM ? test : test.skip;
if (!HAVE_CHROMIUM && process.env.ARA_REQUIRE_E2E === '1') {
  throw new Error(`e2e: ${CHROMIUM} not found, and ARA_REQUIRE_E2E=1 requires the browser tests (apt-get install chromium)`);
}
if (!HAVE_CHROMIUM) console.warn(`e2e: ${CHROMIUM} not found: browser tests SKIPPED (apt-get install chromium to run them)`);

jest.setTimeout(180_000);

describe('local web page in a browser', () => {
  let emu: Emulator;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    emu = demoEmulator(30);
    server = await startServer({ emulator: emu, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  it('opens the dashboard', async () => {
    await page.goto(server.url);
    await expect(page.locator('.ara-header')).toBeTruthy();
    expect(await page.title()).toBe('Dashboard - AR Autopilot');
    expect(await page.locator('[data-dashboard]').count()).toBe(1);
    expect(await page.locator('a.ara-active').innerText()).toBe('Dashboard');
    await shot('01-dashboard');
  });

  it('opens the customer list from the Records menu, and a customer', async () => {
    await page.hover('[data-nav="records"]');
    await page.click('[data-nav="records-customer"]');
    await page.waitForURL(/\/records\/customer$/);
    expect(await page.locator('h1[data-page-title]').innerText()).toBe('Customers');
    expect(await page.locator('table[data-list="customer"] tbody tr').count()).toBe(30);
    await shot('02-customers');
    await page.click('a[data-record-link]:text("O\'Brien & Sons <Ltd>")');
    await page.waitForURL(/\/records\/customer\/\d+$/);
    expect(await page.locator('h1[data-page-title]').innerText()).toBe("Customer: O'Brien & Sons <Ltd>");
    await shot('03-customer');
    await page.locator('[data-tab="transactions"] a').first().click();
    await page.waitForURL(/\/records\/\w+\/\d+$/);
    await shot('04-transaction');
  });

  it('shows the invoice list and the new sales order form', async () => {
    await page.goto(new URL('/records/invoice', server.url).href);
    expect(await page.locator('[data-pager]').first().getAttribute('data-page')).toBe('1');
    await shot('05-invoices');
    await page.goto(new URL('/records/salesorder/new', server.url).href);
    await page.selectOption('#so-entity', { label: '"Best" Widgets, Inc. (fka Best & Co.)' });
    await page.fill('input[name="memo"]', 'Typed in the browser');
    const firstItem = await page.locator('select[name="item_0"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="item_0"]', firstItem ?? '');
    await page.fill('input[name="quantity_0"]', '3');
    await page.fill('input[name="rate_0"]', '19.99');
    await shot('06-new-salesorder');
    await page.click('[data-button="save"]');
    await page.waitForURL(/\/records\/salesorder\/\d+\?saved=created/);
    expect(await page.locator('[data-banner="confirmation"]').count()).toBe(1);
    await shot('07-salesorder-saved');
  });

  it('switches the user and runs a script from the Scripts page', async () => {
    await page.goto(server.url);
    await page.selectOption('#ara-user', { label: 'Marcus Webb \u2014 AR Collector' });
    await page.click('form[data-form="session"] button');
    await page.waitForURL(server.url);
    expect(await page.locator('main').getAttribute('data-user')).toBe('3');
    expect(await page.locator('#ara-user option:checked').innerText()).toBe('Marcus Webb \u2014 AR Collector');
    await shot('08-dashboard-as-collector');
    await page.goto(new URL('/scripts', server.url).href);
    await page.click('[data-button="run"][data-script="customscript_ara_ss_setup"]');
    await page.waitForURL(/\/scripts\?ran=/);
    expect(await page.locator('table[data-list="runs"] tbody tr').count()).toBeGreaterThan(0);
    await shot('09-scripts');
  });
});

describe('local web page in a browser, with test scripts (portlet, Suitelet, user event)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let project = '';

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    project = writeTestProject();
    server = await startServer({ emulator: demoEmulator(30, project), port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (project) removeProject(project);
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  it('shows a portlet, a Suitelet in the shell, beforeLoad banners and a user event error', async () => {
    await page.goto(server.url);
    expect(await page.locator(`[data-portlet="${TEST_SCRIPTS.portlet}"] [data-test="portlet"]`).innerText()).toContain('Hello Alex Morgan');
    await shot('10-dashboard-portlet');
    await page.click('[data-nav="worklist"]');
    await page.waitForURL(/scriptlet\.nl\?script=/);
    expect(await page.locator('h1[data-page-title]').first().innerText()).toBe('Web test worklist');
    await shot('11-suitelet');
    await page.goto(new URL('/records/salesorder', server.url).href);
    await page.locator('a[data-record-link]').first().click();
    await page.waitForURL(/\/records\/salesorder\/\d+$/);
    expect(await page.locator('[data-banner="warning"]').count()).toBe(1);
    await shot('12-salesorder-beforeload-banner');
    await page.goto(new URL('/records/salesorder/new', server.url).href);
    await page.selectOption('#so-entity', { index: 3 });
    await page.fill('input[name="memo"]', 'BLOCK');
    await page.selectOption('select[name="item_0"]', { index: 2 });
    await page.fill('input[name="quantity_0"]', '1');
    await page.fill('input[name="rate_0"]', '250');
    await page.click('[data-button="save"]');
    await page.waitForSelector('[data-error-name="ARA_CREDIT_HOLD"]');
    expect(await page.inputValue('input[name="memo"]')).toBe('BLOCK');
    await shot('13-salesorder-user-event-error');
  });
});
