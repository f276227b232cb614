import { type CalendarDate } from '../../../ts/core/dates';
import {
  buildCsv,
  checkAmount,
  checkChoice,
  checkDate,
  checkId,
  checkText,
  clampPage,
  csvCell,
  mayTouchCustomer,
  messageFor,
  parseRoleList,
  parseWeightsText,
  resolveScope,
  tokenFromBytes,
  tokensEqual,
  worklistAccess,
  bucketAmountFormula,
  idInCondition,
  isChecked,
  overrideRolesFor,
  plainLine,
  releaseRefusal,
  truncationNotice,
} from '../../../ts/core/worklist';
import { escapeHtml, link } from '../../../ts/core/worklist-html';

const today = '2026-11-27' as CalendarDate;
const rule = { pattern: 'M/D/YYYY', today };

test('amounts: positive, at most 2 decimals, plain numbers', () => {
  expect(checkAmount('400', 'A')).toEqual({ ok: true, value: 40000 });
  expect(checkAmount(' 12.5 ', 'A')).toEqual({ ok: true, value: 1250 });
  expect(checkAmount('0.01', 'A')).toEqual({ ok: true, value: 1 });
  for (const [v, msg] of [
    ['', 'A is required'],
    ['0', 'A must be positive'],
    ['0.00', 'A must be positive'],
    ['-1', 'A must be positive'],
    ['1.234', 'A may have at most 2 decimals'],
    ['1e3', 'A must be a number such as 1250.00'],
    ['1,000', 'A must be a number such as 1250.00'],
    ['NaN', 'A must be a number such as 1250.00'],
    ['2000000000', 'A must be at most 1000000000'],
  ]) expect(checkAmount(v, 'A')).toEqual({ ok: false, error: msg });
});

test('dates: real, in the user format or ISO, within the rule', () => {
  expect(checkDate('12/4/2026', 'D', rule)).toEqual({ ok: true, value: '2026-12-04' });
  expect(checkDate('2026-12-04', 'D', rule)).toEqual({ ok: true, value: '2026-12-04' });
  expect(checkDate('', 'D', rule)).toEqual({ ok: true, value: null });
  expect(checkDate('', 'D', { ...rule, required: true })).toEqual({ ok: false, error: 'D is required' });
  expect(checkDate('2/29/2027', 'D', rule)).toEqual({ ok: false, error: 'D "2/29/2027" is not a real date' });
  expect(checkDate('11/26/2026', 'D', { ...rule, notPast: true })).toEqual({ ok: false, error: 'D must not be in the past' });
  expect(checkDate('11/27/2026', 'D', { ...rule, notPast: true })).toEqual({ ok: true, value: '2026-11-27' });
  expect(checkDate('11/28/2026', 'D', { ...rule, notFuture: true })).toEqual({ ok: false, error: 'D must not be in the future' });
  expect(checkDate('11/29/2027', 'D', { ...rule, maxDaysAhead: 366 })).toEqual({ ok: false, error: 'D must be within 366 days from today' });
});

test('texts, ids, choices', () => {
  expect(checkText('  hi \r\n there ', 'N', 10, true)).toEqual({ ok: true, value: 'hi \n there' });
  expect(checkText(' ', 'N', 10, true)).toEqual({ ok: false, error: 'N is required' });
  expect(checkText('x'.repeat(11), 'N', 10, false)).toEqual({ ok: false, error: 'N is 11 characters; at most 10 are allowed' });
  expect(checkText('a\u0000b', 'N', 10, false)).toEqual({ ok: false, error: 'N contains control characters' });
  expect(checkId('12', 'C')).toEqual({ ok: true, value: '12' });
  for (const bad of ['0', '-1', '1.5', '1 or 1=1', '012']) expect(checkId(bad, 'C').ok).toBe(false);
  expect(checkChoice('Call', 'T', ['call', 'email'] as const)).toEqual({ ok: true, value: 'call' });
  expect(checkChoice('fax', 'T', ['call', 'email'] as const)).toEqual({ ok: false, error: 'T must be one of call, email' });
});

test('access and scope', () => {
  expect(parseRoleList(' customrole_a, 1005;CUSTOMROLE_B ')).toEqual(['customrole_a', '1005', 'customrole_b']);
  expect(worklistAccess('administrator', 3, [], [])).toEqual({ allowed: true, supervisor: true });
  expect(worklistAccess('customrole_c', 1002, ['customrole_c'], ['customrole_s'])).toEqual({ allowed: true, supervisor: false });
  expect(worklistAccess('customrole_s', 1003, [], ['customrole_s'])).toEqual({ allowed: true, supervisor: true });
  expect(worklistAccess('customrole_x', 1004, ['customrole_c'], ['customrole_s'])).toEqual({ allowed: false, supervisor: false });
  expect(resolveScope('2', false, 'all')).toEqual({ kind: 'employee', id: '2' });
  expect(resolveScope('2', true, 'all')).toEqual({ kind: 'all' });
  expect(resolveScope('2', true, 'unassigned')).toEqual({ kind: 'unassigned' });
  expect(resolveScope('2', true, '7')).toEqual({ kind: 'employee', id: '7' });
  expect(resolveScope('2', true, "7' or 1")).toEqual({ kind: 'employee', id: '2' });
  expect(mayTouchCustomer('2', false, '2')).toBe(true);
  expect(mayTouchCustomer('2', false, '3')).toBe(false);
  expect(mayTouchCustomer('2', false, '')).toBe(false);
  expect(mayTouchCustomer('2', true, '')).toBe(true);
});

test('weights text', () => {
  expect(parseWeightsText('1,2,3,4,5')).toEqual({ ok: true, value: { d1_30: 1, d31_60: 2, d61_90: 3, d91_120: 4, over120: 5 } });
  expect(parseWeightsText('')).toMatchObject({ ok: true });
  expect(parseWeightsText('1,2,3').ok).toBe(false);
  expect(parseWeightsText('5,4,3,2,1').ok).toBe(false);
});

test('tokens, paging, CSV, messages, HTML', () => {
  expect(tokenFromBytes([0, 15, 255])).toBe('000fff');
  expect(tokensEqual('abc', 'abc')).toBe(true);
  expect(tokensEqual('abc', 'abd')).toBe(false);
  expect(tokensEqual('', '')).toBe(false);
  expect(tokensEqual('abc', undefined)).toBe(false);
  expect(clampPage('3', 2)).toBe(2);
  expect(clampPage('x', 2)).toBe(1);
  expect(clampPage('-4', 2)).toBe(1);
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('-12.50')).toBe('-12.50');
  expect(buildCsv(['a', 'b'], [[1, null]])).toBe('a,b\r\n1,\r\n');
  expect(messageFor('logged')).toBe('Activity logged.');
  expect(messageFor('<script>')).toBeNull();
  expect(messageFor('constructor')).toBeNull();
  expect(escapeHtml(`<a href="x">'&\``)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;');
  expect(link('javascript:alert(1)', 'x')).toBe('x');
  expect(link('/app?a=1&b=2', '<b>')).toBe('<a href="/app?a=1&amp;b=2">&lt;b&gt;</a>');
  expect(bucketAmountFormula('over120')).toBe('CASE WHEN {today}-NVL({duedate},{trandate}) > 120 THEN {amountremaining} ELSE 0 END');
});

test('review fixes: checkboxes, plain lines, releasing holds, roles per subsidiary, notices, id lists', () => {
  expect([true, 'T', 't', false, 'F', '', null, undefined, 1].map(isChecked)).toEqual([true, true, true, false, false, false, false, false, false]);
  expect(plainLine('A\r\nBcc: x\t<b>')).toBe('A Bcc: x <b>');
  expect(plainLine(null)).toBe('');
  expect(releaseRefusal('ON', false)).toBeNull();
  expect(releaseRefusal('OFF', false)).toMatch(/exempt from credit holds \(Hold is Off\)/);
  expect(releaseRefusal('ON', true)).toMatch(/placed by the AR Autopilot credit policy/);
  expect(releaseRefusal('AUTO', false)).toMatch(/no manual credit hold \(Hold is Auto\)/);
  expect(releaseRefusal('AUTO', true)).toMatch(/no manual credit hold/);
  expect(overrideRolesFor(['customrole_s'], { '2': ['customrole_c'] }, '2')).toEqual(['customrole_c']);
  expect(overrideRolesFor(['customrole_s'], { '2': ['customrole_c'] }, '1')).toEqual(['customrole_s']);
  expect(overrideRolesFor(['customrole_s'], { '2': [] }, '2')).toEqual(['customrole_s']);
  expect(overrideRolesFor(['customrole_s'], { '2': ['x'] }, null)).toEqual(['customrole_s']);
  expect(overrideRolesFor(['customrole_s'], {}, 'constructor')).toEqual(['customrole_s']);
  expect(truncationNotice(1000, 1000, 'rows', '')).toBeNull();
  expect(truncationNotice(1000, 12345, 'open invoices', 'see all')).toBe('Showing the first 1,000 of 12,345 open invoices: see all');
  expect(idInCondition('{entity.id}', [])).toBe('{entity.id} IN (-1)');
  expect(idInCondition('{entity.id}', ['1', 'x', '2'])).toBe('{entity.id} IN (1,2)');
  const many = Array.from({ length: 2001 }, (_, i) => String(i + 1));
  const cond = idInCondition('{entity.id}', many);
  expect(cond.match(/ IN \(/g)).toHaveLength(3);
  expect(cond.startsWith('({entity.id} IN (1,')).toBe(true);
  expect(bucketAmountFormula('current')).toBe('CASE WHEN {today}-NVL({duedate},{trandate}) <= 0 THEN {amountremaining} ELSE 0 END');
  expect(bucketAmountFormula('d1_30')).toBe('CASE WHEN {today}-NVL({duedate},{trandate}) BETWEEN 1 AND 30 THEN {amountremaining} ELSE 0 END');
});
