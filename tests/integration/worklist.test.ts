/**
 * The collector worklist Suitelet (compiled AMD) in the emulator: queue order and paging, snooze and
 * promise pause, broken promises, disputes, access and anti-forgery checks, escaping, validation, CSV.
 */
import { ADMIN, COLE, DANA, NORA, SAM, baseFixture, banners, column, customer, get, invoice, post, tokenOf, worklistAccount } from './worklist-helpers';
import type { Emulator } from '../../emulator/src/emulator';

const customerIds = (html: string): string[] => column(html, 'ara_queue', 'customer').map((c) => /id=(\d+)/.exec(c)![1]);
const activityCount = (emu: Emulator): number => (emu.get('customrecord_ara_activity') as unknown[]).length;
const field = (emu: Emulator, type: string, id: string, f: string): unknown => (emu.get(type, id) as { fields: Record<string, unknown> }).fields[f];

describe('worklist queue', () => {
  test('a collector sees only their past-due customers, ordered by score, with buckets and total', () => {
    const emu = worklistAccount();
    const r = get(emu, { as: COLE });
    expect(r.status).toBe(200);
    expect(customerIds(r.body)).toEqual(['11', '10']); // 2,800 (500 over 120 ×5 + 300 ×1) then 2,000 (1,000 in 31–60 ×2)
    expect(column(r.body, 'ara_queue', 'score')).toEqual(['2,800.00', '2,000.00']);
    expect(column(r.body, 'ara_queue', 'over120')).toEqual(['500.00', '0.00']);
    expect(column(r.body, 'ara_queue', 'oldest')).toEqual(['149', '57']);
    expect(r.body).toContain('2 customers past due · total overdue 1,800.00 · page 1 of 1');
    expect(r.usage).toBeLessThanOrEqual(60);
  });

  test('a collector asking for another queue still gets their own; a supervisor can choose', () => {
    const emu = worklistAccount();
    expect(customerIds(get(emu, { as: COLE, params: { ara_collector: 'all' } }).body)).toEqual(['11', '10']);
    expect(customerIds(get(emu, { as: SAM, params: { ara_collector: 'all' } }).body)).toEqual(['11', '12', '10', '13']);
    expect(customerIds(get(emu, { as: SAM, params: { ara_collector: 'unassigned' } }).body)).toEqual(['13']);
    expect(customerIds(get(emu, { as: SAM, params: { ara_collector: DANA } }).body)).toEqual(['12']);
    expect(customerIds(get(emu, { as: ADMIN, params: { ara_collector: 'all', ara_min_overdue: '750' } }).body)).toEqual(['11', '10']);
    expect(customerIds(get(emu, { as: ADMIN, params: { ara_collector: 'all', ara_oldest_bucket: 'd61_90' } }).body)).toEqual(['11', '12']);
  });

  test('roles not in the settings are refused', () => {
    const emu = worklistAccount();
    const r = get(emu, { as: NORA });
    expect(r.body).toContain('Access denied');
    expect(r.body).not.toContain('data-sublist="ara_queue"');
    expect(post(emu, { as: NORA, params: { ara_action: 'log', ara_customer: '10' } }).body).toContain('Access denied');
  });

  test('paging: 50 per page, page links, last page', () => {
    const more = { customer: [] as Record<string, unknown>[], invoice: [] as Record<string, unknown>[] };
    for (let i = 0; i < 60; i++) {
      more.customer.push(customer(1000 + i, `Many ${i}`, COLE));
      more.invoice.push(invoice(5000 + i, 1000 + i, '2026-09-15', 10 + i));
    }
    const emu = worklistAccount(baseFixture(more));
    const p1 = get(emu, { as: COLE });
    expect(customerIds(p1.body)).toHaveLength(50);
    expect(customerIds(p1.body).slice(0, 2)).toEqual(['11', '10']);
    expect(p1.body).toContain('62 customers past due');
    expect(p1.body).toContain('page 1 of 2');
    expect(p1.body).toMatch(/ara_page=2">Next/);
    const p2 = get(emu, { as: COLE, params: { ara_page: '2' } });
    expect(customerIds(p2.body)).toHaveLength(12);
    expect(customerIds(p2.body).at(-1)).toBe('1000'); // the smallest score last
    expect(p2.usage).toBeLessThanOrEqual(60);
  });
});

describe('worklist actions', () => {
  test('logging an activity with a next action date snoozes the customer; include-paused shows it', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '11');
    const r = post(emu, { as: COLE, params: { ara_action: 'log', ara_customer: '11', ara_token: token, ara_activity_type: 'call', ara_note: 'Left a message', ara_next_action: '12/4/2026' } });
    expect(r.error).toBeUndefined();
    expect(r.redirect).toContain('ara_msg=logged');
    expect(r.usage).toBeLessThanOrEqual(60);
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['10']);
    const all = get(emu, { as: COLE, params: { ara_include_paused: 'T' } });
    expect(customerIds(all.body)).toEqual(['11', '10']);
    expect(column(all.body, 'ara_queue', 'next')[0]).toBe('12/4/2026');
    expect(column(all.body, 'ara_queue', 'last')[0]).toBe('11/27/2026');
    emu.setClock('2026-12-04');
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['10', '11']); // back on the date (10 has aged into 61–90)
    // the confirmation page after the redirect
    const view = get(emu, { as: COLE, params: { ara_customer: '11', ara_msg: 'logged' } });
    expect(view.body).toContain('Activity logged.');
    expect(view.body).toContain('Left a message');
    expect(view.usage).toBeLessThanOrEqual(80);
  });

  test('a promise pauses the customer; broken, it comes back at the top with the ×1.5 factor', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '10', 'promise');
    const r = post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: '400.00', ara_promise_date: '12/1/2026' } });
    expect(r.redirect).toContain('ara_msg=promised');
    expect(r.usage).toBeLessThanOrEqual(60);
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['11']);
    emu.setClock('2026-12-01'); // the promise date itself is still in time
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['11']);
    emu.setClock('2026-12-02'); // nothing paid: broken
    const q = get(emu, { as: COLE });
    expect(customerIds(q.body)).toEqual(['10', '11']);
    // 1,000 now 62 days past due (61–90, ×3) = 3,000 × 1.5
    expect(column(q.body, 'ara_queue', 'score')[0]).toBe('4,500.00 (×1.5 broken promise)');
    expect(column(q.body, 'ara_queue', 'promise')[0]).toBe('400.00 by 12/1/2026 (BROKEN)');
  });

  test('an application dated earlier the same day (a nightly auto-apply) does not keep a new promise', () => {
    const pay = { id: 900, customer: 10, trandate: '2026-11-27', payment: 500, currency: 1, exchangerate: 1, subsidiary: 1, apply: [{ doc: 100, amount: 500 }] };
    const emu = worklistAccount(baseFixture({ customerpayment: [pay] }));
    const token = tokenOf(emu, COLE, '10', 'promise');
    post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: '400.00', ara_promise_date: '12/1/2026' } });
    // Paid before the promise was made: the promise is still pending, so the customer stays paused.
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['11']);
  });

  test('a kept promise (overdue reduced by the amount) does not count as broken', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '10', 'promise');
    post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: '400', ara_promise_date: '12/1/2026' } });
    emu.setClock('2026-11-30');
    // 400 of the overdue settled (the invoice adjusted down by 400)
    emu.recordCommand('edit', 'invoice', { id: '100', values: { item: [{ item: '1', quantity: 1, rate: 600, amount: 600 }] } });
    emu.setClock('2026-12-02');
    const q = get(emu, { as: COLE });
    expect(customerIds(q.body)).toEqual(['11', '10']);
    expect(column(q.body, 'ara_queue', 'promise')[1]).toBe('400.00 by 12/1/2026 (kept)');
  });

  test('disputing an invoice drops it from the score and flags it for auto-apply; undispute restores', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '11', 'dispute');
    const r = post(emu, { as: COLE, params: { ara_action: 'dispute', ara_customer: '11', ara_token: token, ara_invoice: '110', ara_dispute_on: 'dispute', ara_reason: 'Goods damaged' } });
    expect(r.redirect).toContain('ara_msg=disputed');
    expect(r.usage).toBeLessThanOrEqual(60);
    expect(field(emu, 'invoice', '110', 'custbody_ara_disputed')).toBe(true); // auto-apply skips disputed invoices
    expect(field(emu, 'invoice', '110', 'custbody_ara_dispute_reason')).toBe('Goods damaged');
    const q = get(emu, { as: COLE });
    expect(customerIds(q.body)).toEqual(['10', '11']);
    expect(column(q.body, 'ara_queue', 'score')[1]).toBe('300.00');
    expect(column(q.body, 'ara_queue', 'last')).toEqual(['', '11/27/2026']); // a dispute is an activity too
    post(emu, { as: COLE, params: { ara_action: 'dispute', ara_customer: '11', ara_token: token, ara_invoice: '110', ara_dispute_on: 'undispute', ara_reason: 'Resolved' } });
    expect(field(emu, 'invoice', '110', 'custbody_ara_disputed')).toBe(false);
    expect(customerIds(get(emu, { as: COLE }).body)).toEqual(['11', '10']);
  });

  test('manual hold: override roles only, reason required, audited as a credit event', () => {
    const emu = worklistAccount();
    const coleToken = tokenOf(emu, COLE, '10');
    const denied = post(emu, { as: COLE, params: { ara_action: 'hold', ara_customer: '10', ara_token: coleToken, ara_hold_on: 'place', ara_reason: 'x' } });
    expect(denied.body).toContain('may not place or release manual credit holds');
    const token = tokenOf(emu, SAM, '10', 'hold');
    const noReason = post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: '10', ara_token: token, ara_hold_on: 'place', ara_reason: '  ' } });
    expect(noReason.body).toContain('Reason is required');
    const ok = post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: '10', ara_token: token, ara_hold_on: 'place', ara_reason: 'Cheque bounced' } });
    expect(ok.redirect).toContain('ara_msg=held');
    expect(ok.usage).toBeLessThanOrEqual(60);
    expect(field(emu, 'customer', '10', 'creditholdoverride')).toBe('ON');
    expect(field(emu, 'customer', '10', 'custentity_ara_hold_reason')).toBe('Cheque bounced');
    const events = emu.get('customrecord_ara_credit_event') as { fields: Record<string, unknown> }[];
    expect(events.map((e) => [e.fields.custrecord_ara_ce_decision, e.fields.custrecord_ara_ce_customer, e.fields.custrecord_ara_ce_user])).toEqual([['MANUAL_HOLD', '10', SAM]]);
    post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: '10', ara_token: token, ara_hold_on: 'release', ara_reason: 'Paid' } });
    expect(field(emu, 'customer', '10', 'creditholdoverride')).toBe('AUTO');
  });

  test('statement: rendered, emailed to the customer, logged', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '11', 'statement');
    const r = post(emu, { as: COLE, params: { ara_action: 'statement', ara_customer: '11', ara_token: token } });
    expect(r.redirect).toContain('ara_msg=statement');
    expect(r.usage).toBeLessThanOrEqual(60);
    const mails = emu.state.emails as { recipients: string[]; attachments: { fileType: string }[] }[];
    expect(mails).toHaveLength(1);
    expect(mails[0].recipients).toEqual(['ar11@example.com']);
    expect(mails[0].attachments[0].fileType).toBe('PDF');
    expect(activityCount(emu)).toBe(1);
  });

  test('assign collector: supervisors only', () => {
    const emu = worklistAccount();
    const coleToken = tokenOf(emu, COLE, '10');
    expect(post(emu, { as: COLE, params: { ara_action: 'assign', ara_customer: '10', ara_token: coleToken, ara_new_collector: COLE } }).body).toContain('Only supervisors');
    const token = tokenOf(emu, SAM, '13', 'assign');
    const r = post(emu, { as: SAM, params: { ara_action: 'assign', ara_customer: '13', ara_token: token, ara_new_collector: DANA } });
    expect(r.redirect).toContain('ara_msg=assigned');
    expect(r.usage).toBeLessThanOrEqual(60);
    expect(String(field(emu, 'customer', '13', 'custentity_ara_collector'))).toBe(DANA);
    expect(customerIds(get(emu, { as: DANA }).body)).toEqual(['12', '13']);
  });
});

describe('worklist safety', () => {
  test('forged POSTs: bad or missing token, another collector\'s customer, unknown ids — refused, nothing written', () => {
    const emu = worklistAccount();
    const base = { ara_action: 'log', ara_activity_type: 'call', ara_note: 'x' };
    const bad = post(emu, { as: COLE, params: { ...base, ara_customer: '10', ara_token: 'deadbeef'.repeat(4) } });
    expect(bad.body).toContain('anti-forgery check failed');
    expect(bad.redirect).toBeNull();
    expect(post(emu, { as: COLE, params: { ...base, ara_customer: '10' } }).body).toContain('anti-forgery check failed');
    const danaToken = tokenOf(emu, DANA, '12');
    expect(post(emu, { as: COLE, params: { ...base, ara_customer: '10', ara_token: danaToken } }).body).toContain('anti-forgery check failed');
    const token = tokenOf(emu, COLE, '10');
    const other = post(emu, { as: COLE, params: { ...base, ara_customer: '12', ara_token: token } });
    expect(other.body).toContain('This customer is not in your queue');
    expect(get(emu, { as: COLE, params: { ara_customer: '12' } }).body).toContain('This customer is not in your queue');
    expect(post(emu, { as: COLE, params: { ...base, ara_customer: '999', ara_token: token } }).body).toContain('Customer 999 does not exist');
    expect(post(emu, { as: COLE, params: { ...base, ara_customer: '10 or 1=1', ara_token: token } }).body).toContain('Customer is not a valid id');
    const inv = post(emu, { as: COLE, params: { ara_action: 'dispute', ara_customer: '10', ara_token: token, ara_invoice: '120', ara_dispute_on: 'dispute', ara_reason: 'r' } });
    expect(inv.body).toContain('Invoice 120 is not an open invoice of this customer');
    expect(activityCount(emu)).toBe(0);
    expect(field(emu, 'invoice', '120', 'custbody_ara_disputed')).not.toBe(true);
  });

  test('invalid amounts, dates and texts are refused with a banner naming the problem; nothing written', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '10', 'promise');
    const promise = (amount: string, date: string) =>
      post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: amount, ara_promise_date: date } }).body;
    expect(promise('-5', '12/1/2026')).toContain('Promised amount must be positive');
    expect(promise('0', '12/1/2026')).toContain('Promised amount must be positive');
    expect(promise('10.123', '12/1/2026')).toContain('at most 2 decimals');
    expect(promise('1e3', '12/1/2026')).toContain('must be a number');
    expect(promise('100', '2/30/2027')).toContain('is not a real date');
    expect(promise('100', '11/1/2026')).toContain('must not be in the past');
    expect(promise('100', '')).toContain('Promised payment date is required');
    expect(promise('100', '12/1/2030')).toContain('must be within 366 days');
    const long = post(emu, { as: COLE, params: { ara_action: 'log', ara_customer: '10', ara_token: token, ara_activity_type: 'call', ara_note: 'x'.repeat(1001) } });
    expect(long.body).toContain('Note is 1001 characters; at most 1000 are allowed');
    expect(long.body).toContain('Nothing was saved');
    const type = post(emu, { as: COLE, params: { ara_action: 'log', ara_customer: '10', ara_token: token, ara_activity_type: 'promise' } });
    expect(type.body).toContain('Activity type must be one of call, email, note, meeting');
    expect(activityCount(emu)).toBe(0);
  });

  test('<script> in a customer name and in a note is rendered inert', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '10');
    post(emu, { as: COLE, params: { ara_action: 'log', ara_customer: '10', ara_token: token, ara_activity_type: 'note', ara_note: '<img src=x onerror=alert(1)><script>alert(2)</script>' } });
    const pages = [get(emu, { as: COLE }).body, get(emu, { as: COLE, params: { ara_customer: '10' } }).body, get(emu, { as: COLE, params: { ara_customer: '10', ara_action: 'log' } }).body];
    for (const html of pages) {
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=x/);
    }
    expect(pages[0]).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Corp');
    expect(pages[1]).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  test('CSV export of the whole view', () => {
    const emu = worklistAccount();
    const r = get(emu, { as: SAM, params: { ara_collector: 'all', ara_format: 'csv' } });
    expect(r.headers['Content-Type'] ?? r.headers['content-type']).toMatch(/text\/csv/);
    const lines = r.body.trim().split('\r\n');
    expect(lines[0]).toBe('Customer ID,Customer,Collector,Overdue,1–30,31–60,61–90,91–120,Over 120,Oldest days,Score,Broken promise,Last activity,Next action,Promise,Hold');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['11', '12', '10', '13']);
    expect(lines[1]).toBe('11,C11 Beta & Sons,Cole Collector,800.00,300.00,0.00,0.00,0.00,500.00,149,2800.00,no,,,,Auto');
    expect(lines[3]).toContain('"C10 <script>alert(""x"")</script> Corp"'.replace(/"C10/, 'C10').replace(/Corp"/, 'Corp'));
  });
});

describe('worklist review fixes', () => {
  const events = (emu: Emulator) => emu.get('customrecord_ara_credit_event') as { fields: Record<string, unknown> }[];

  test('statement email: the customer name is escaped in the HTML body; the subject is one plain line', () => {
    const emu = worklistAccount(baseFixture({ customer: [customer(15, 'Evil\r\nBcc: victim@example.com <b>Co</b>', COLE)], invoice: [invoice(150, 15, '2026-09-01', 100)] }));
    for (const id of ['10', '15']) {
      const token = tokenOf(emu, COLE, id, 'statement');
      expect(post(emu, { as: COLE, params: { ara_action: 'statement', ara_customer: id, ara_token: token } }).redirect).toContain('ara_msg=statement');
    }
    const mails = emu.state.emails as { subject: string; body: string }[];
    expect(mails).toHaveLength(2);
    expect(mails[0].body).not.toMatch(/<script>/);
    expect(mails[0].body).toContain('Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Corp,');
    expect(mails[1].subject).toBe('Statement of account: Evil Bcc: victim@example.com <b>Co</b>');
    expect(mails[1].subject).not.toMatch(/[\r\n]/);
    expect(mails[1].body).toContain('&lt;b&gt;Co&lt;/b&gt;');
  });

  test('a forged POST naming an invoice or an employee that does not exist: a banner naming it, nothing written', () => {
    const emu = worklistAccount();
    const token = tokenOf(emu, COLE, '10', 'dispute');
    for (const id of ['99999', '11']) {
      const r = post(emu, { as: COLE, params: { ara_action: 'dispute', ara_customer: '10', ara_token: token, ara_invoice: id, ara_dispute_on: 'dispute', ara_reason: 'r' } });
      expect(r.error).toBeUndefined();
      expect(r.redirect).toBeNull();
      expect(banners(r.body)).toEqual([`error: Not saved: Invoice ${id} does not exist. Nothing was saved.`]);
    }
    const samToken = tokenOf(emu, SAM, '10', 'assign');
    const a = post(emu, { as: SAM, params: { ara_action: 'assign', ara_customer: '10', ara_token: samToken, ara_new_collector: '99999' } });
    expect(a.error).toBeUndefined();
    expect(banners(a.body)).toEqual(['error: Not saved: Employee 99999 does not exist or is inactive. Nothing was saved.']);
    expect(activityCount(emu)).toBe(0);
    expect(String(field(emu, 'customer', '10', 'custentity_ara_collector'))).toBe(COLE);
  });

  test('releasing a hold: only a manual hold; an exemption or an AR Autopilot hold is refused and kept', () => {
    const emu = worklistAccount(
      baseFixture({
        customer: [
          customer(15, 'Exempt Co', COLE, { creditholdoverride: 'OFF' }),
          customer(16, 'Policy Hold Co', COLE, { creditholdoverride: 'ON', custentity_ara_autohold: true, custentity_ara_hold_reason: 'Over credit limit' }),
        ],
      }),
    );
    const release = (id: string) => {
      const token = tokenOf(emu, SAM, id, 'hold');
      return post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: id, ara_token: token, ara_hold_on: 'release', ara_reason: 'Paid' } });
    };
    const exempt = release('15');
    expect(exempt.redirect).toBeNull();
    expect(banners(exempt.body)[0]).toMatch(/^error: Not saved: This customer is exempt from credit holds \(Hold is Off\)/);
    expect(field(emu, 'customer', '15', 'creditholdoverride')).toBe('OFF');
    const policy = release('16');
    expect(policy.redirect).toBeNull();
    expect(banners(policy.body)[0]).toMatch(/^error: Not saved: This hold was placed by the AR Autopilot credit policy/);
    expect(field(emu, 'customer', '16', 'creditholdoverride')).toBe('ON');
    expect(field(emu, 'customer', '16', 'custentity_ara_autohold')).toBe(true);
    expect(field(emu, 'customer', '16', 'custentity_ara_hold_reason')).toBe('Over credit limit');
    expect(banners(release('11').body)[0]).toMatch(/^error: Not saved: This customer has no manual credit hold \(Hold is Auto\)/);
    expect(events(emu)).toEqual([]);
    expect(activityCount(emu)).toBe(0);
    // a manual hold is released (back to automatic)
    const token = tokenOf(emu, SAM, '11', 'hold');
    post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: '11', ara_token: token, ara_hold_on: 'place', ara_reason: 'Cheque bounced' } });
    expect(release('11').redirect).toContain('ara_msg=released');
    expect(field(emu, 'customer', '11', 'creditholdoverride')).toBe('AUTO');
  });

  test('a promise kept by a payment while another invoice falls past due reads as kept, not broken', () => {
    // 101 (900.00) is billed 11/1, due 12/1: not past due when the promise is made, past due on 12/2.
    const emu = worklistAccount(baseFixture({ invoice: [invoice(101, 10, '2026-11-01', 900)] }));
    const token = tokenOf(emu, COLE, '10', 'promise');
    expect(post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: '400.00', ara_promise_date: '12/1/2026' } }).redirect).toContain('ara_msg=promised');
    emu.setClock('2026-11-30');
    emu.loadFixture({ asOf: '2026-11-30', records: { customerpayment: [{ id: 300, customer: 10, trandate: '2026-11-30', payment: 400, currency: 1, exchangerate: 1, subsidiary: 1, apply: [{ doc: 100, amount: 400 }] }] } });
    emu.setClock('2026-12-02');
    // overdue now 600.00 + 900.00 = 1,500.00, more than the 1,000.00 when promised: only the payment shows it kept
    const q = get(emu, { as: COLE });
    const ids = customerIds(q.body);
    expect(ids).toEqual(['11', '10']);
    expect(column(q.body, 'ara_queue', 'promise')[1]).toBe('400.00 by 12/1/2026 (kept)');
    expect(column(q.body, 'ara_queue', 'score')[1]).toBe('2,700.00'); // 600 × 3 + 900 × 1, no ×1.5
    expect(q.usage).toBeLessThanOrEqual(60);
  });

  test('a promise is judged on undisputed overdue: a disputed invoice falling past due does not break it', () => {
    // 101 (900.00, due 12/1) is disputed: it never counts as overdue
    const emu = worklistAccount(baseFixture({ invoice: [invoice(101, 10, '2026-11-01', 900, { custbody_ara_disputed: true })] }));
    const token = tokenOf(emu, COLE, '10', 'promise');
    post(emu, { as: COLE, params: { ara_action: 'promise', ara_customer: '10', ara_token: token, ara_amount: '400', ara_promise_date: '12/1/2026' } });
    emu.setClock('2026-11-30');
    emu.recordCommand('edit', 'invoice', { id: '100', values: { item: [{ item: '1', quantity: 1, rate: 600, amount: 600 }] } });
    emu.setClock('2026-12-02');
    const q = get(emu, { as: COLE });
    expect(column(q.body, 'ara_queue', 'promise')[customerIds(q.body).indexOf('10')]).toBe('400.00 by 12/1/2026 (kept)');
  });

  test('paging across equal scores: customer internal id breaks ties, pages neither repeat nor skip', () => {
    const more = { customer: [] as Record<string, unknown>[], invoice: [] as Record<string, unknown>[] };
    for (let i = 0; i < 60; i++) {
      // names and entity ids sort the opposite way to internal ids
      more.customer.push(customer(1000 + i, `Tie ${99 - i}`, COLE, { entityid: `T${99 - i}` }));
      more.invoice.push(invoice(5000 + i, 1000 + i, '2026-09-15', 100));
    }
    const emu = worklistAccount(baseFixture(more));
    const p1 = customerIds(get(emu, { as: COLE }).body);
    const p2 = customerIds(get(emu, { as: COLE, params: { ara_page: '2' } }).body);
    expect(p1).toHaveLength(50);
    expect(p2).toHaveLength(12);
    const all = [...p1, ...p2];
    expect(new Set(all).size).toBe(62);
    expect(all).toEqual(['11', '10', ...Array.from({ length: 60 }, (_, i) => String(1000 + i))]);
  });

  test('more open invoices than listed: a notice, and the buckets count all of them', () => {
    const inv: Record<string, unknown>[] = [];
    for (let i = 0; i < 1005; i++) inv.push(invoice(20000 + i, 15, '2026-09-01', 1));
    const emu = worklistAccount(baseFixture({ customer: [customer(15, 'Many Invoices', COLE)], invoice: inv }));
    const v = get(emu, { as: COLE, params: { ara_customer: '15' } });
    expect(v.error).toBeUndefined();
    expect(banners(v.body)).toContain('warning: Not everything is shown: Showing the first 1,000 of 1,005 open invoices (oldest due first): the buckets above count all of them');
    expect(column(v.body, 'ara_invoices', 'number')).toHaveLength(1000);
    expect(v.body).toContain('<tr><th>31–60 days</th><td>1,005.00</td></tr>');
    expect(v.usage).toBeLessThanOrEqual(80);
  }, 30_000);

  test('more customers with snoozes and promises than are read: the queue says so', () => {
    const more = { customer: [] as Record<string, unknown>[], activity: [] as Record<string, unknown>[] };
    for (let i = 0; i < 1001; i++) {
      more.customer.push(customer(3000 + i, `Snoozed ${i}`, COLE));
      more.activity.push({ custrecord_ara_act_customer: 3000 + i, custrecord_ara_act_type: 'call', custrecord_ara_act_date: '2026-11-20', custrecord_ara_act_next_action: '2026-12-20', custrecord_ara_act_current: true });
    }
    more.activity.push({ custrecord_ara_act_customer: 11, custrecord_ara_act_type: 'statement', custrecord_ara_act_date: '2026-11-02' });
    const emu = worklistAccount(baseFixture(more));
    const q = get(emu, { as: COLE });
    expect(q.error).toBeUndefined();
    expect(banners(q.body)).toContain(
      'warning: Not everything is shown: Showing the first 1,000 of 1,002 customers with collector activity: snoozes and promises of the others are not applied (they show as active); narrow the view by collector or subsidiary',
    );
    expect(customerIds(q.body)).toEqual(['11', '10']);
    expect(column(q.body, 'ara_queue', 'last')[0]).toBe('11/2/2026'); // not among those read: searched for the page
    expect(q.usage).toBeLessThanOrEqual(60);
  }, 30_000);

  test('manual hold rights follow the customer\'s subsidiary settings row', () => {
    const emu = worklistAccount(
      baseFixture({
        customer: [customer(15, 'Other Sub Co', COLE, { subsidiary: 2 })],
        invoice: [invoice(150, 15, '2026-09-01', 100, { subsidiary: 2 })],
        settings: [{ id: 2, name: 'Other Co', custrecord_ara_set_subsidiary: 2, custrecord_ara_set_override_roles: 'customrole_ara_collector' }],
      }),
    );
    // Cole (collector) is an override role in subsidiary 2 only
    expect(get(emu, { as: COLE, params: { ara_customer: '15' } }).body).toContain('ara_action=hold');
    expect(get(emu, { as: COLE, params: { ara_customer: '10' } }).body).not.toContain('ara_action=hold');
    const token = tokenOf(emu, COLE, '15', 'hold');
    const ok = post(emu, { as: COLE, params: { ara_action: 'hold', ara_customer: '15', ara_token: token, ara_hold_on: 'place', ara_reason: 'Bounced' } });
    expect(ok.redirect).toContain('ara_msg=held');
    expect(field(emu, 'customer', '15', 'creditholdoverride')).toBe('ON');
    const no = post(emu, { as: COLE, params: { ara_action: 'hold', ara_customer: '10', ara_token: token, ara_hold_on: 'place', ara_reason: 'Bounced' } });
    expect(no.body).toContain('may not place or release manual credit holds');
    // Sam (the default row's override role) is not one in subsidiary 2
    const samToken = tokenOf(emu, SAM, '10', 'hold');
    expect(post(emu, { as: SAM, params: { ara_action: 'hold', ara_customer: '15', ara_token: samToken, ara_hold_on: 'release', ara_reason: 'x' } }).body).toContain('may not place or release manual credit holds');
    expect(field(emu, 'customer', '10', 'creditholdoverride')).toBe('AUTO');
    expect(events(emu).map((e) => e.fields.custrecord_ara_ce_customer)).toEqual(['15']);
  });
});
