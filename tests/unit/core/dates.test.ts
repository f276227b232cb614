import fc from 'fast-check';
import {
  type CalendarDate,
  DEFAULT_DATE_FORMAT,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  NETSUITE_DATE_FORMATS,
  addDays,
  addMonths,
  calendarDate,
  compareDates,
  dateInOffset,
  dateParts,
  dayOfWeek,
  daysInMonth,
  daysInYearMonth,
  diffDays,
  endOfMonth,
  formatDate,
  fromDayNumber,
  fromJsDateLocalParts,
  fromJsDateUtc,
  isLeapYear,
  isValidIsoDate,
  maxDate,
  minDate,
  monthsBack,
  parseDate,
  parseIsoDate,
  startOfMonth,
  toDayNumber,
  toJsDateLocalParts,
  toJsDateUtc,
} from '../../../ts/core/dates';

const d = (s: string): CalendarDate => parseIsoDate(s);
const DAY = 86_400_000;

/** Any real date in the given year range, built from parts (not through the code under test's day numbers). */
const dateIn = (minYear: number, maxYear: number): fc.Arbitrary<CalendarDate> =>
  fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => calendarDate(year, month, Math.min(day, daysInYearMonth(year, month))));
const anyDate = dateIn(1900, 2200);
const dayNumber = fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER });

/** Reference from JavaScript's own UTC calendar (valid for years 0001–9999 as toISOString prints them). */
const isoOfDayNumber = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

describe('parseIsoDate / isValidIsoDate', () => {
  test.each(['2026-01-01', '2028-02-29', '2000-02-29', '1900-02-28', '0001-01-01', '9999-12-31', '2026-12-31'])('accepts %p', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
    expect(parseIsoDate(s)).toBe(s);
  });
  test.each([
    '2026-02-29',
    '1900-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    '20260101',
    '',
    '+02026-01-01',
  ])('rejects %p naming it', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(JSON.stringify(s));
  });
  test('non-strings', () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(new Date())).toBe(false);
  });
  test('calendarDate and dateParts', () => {
    expect(calendarDate(2026, 3, 5)).toBe('2026-03-05');
    expect(calendarDate(7, 1, 1)).toBe('0007-01-01');
    expect(dateParts(d('2026-03-05'))).toEqual({ year: 2026, month: 3, day: 5 });
    expect(() => calendarDate(2026, 2, 29)).toThrow(/not a valid date/);
    expect(() => calendarDate(2026, 1.5, 1)).toThrow();
    expect(() => calendarDate(10000, 1, 1)).toThrow();
    expect(() => dateParts('2026-02-30' as CalendarDate)).toThrow('"2026-02-30"');
  });
});

describe('calendar facts', () => {
  test('leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, true, false, true]);
    expect(daysInMonth(d('2026-02-10'))).toBe(28);
    expect(daysInMonth(d('2028-02-10'))).toBe(29);
    expect(daysInMonth(d('2026-04-30'))).toBe(30);
    expect(daysInMonth(d('2026-12-01'))).toBe(31);
    expect(() => daysInYearMonth(2026, 13)).toThrow(/month/);
  });
  test('day numbers', () => {
    expect(toDayNumber(d('1970-01-01'))).toBe(0);
    expect(toDayNumber(d('1970-01-02'))).toBe(1);
    expect(toDayNumber(d('1969-12-31'))).toBe(-1);
    expect(toDayNumber(d('2000-03-01'))).toBe(11017);
    expect(fromDayNumber(20454)).toBe('2026-01-01');
    expect(fromDayNumber(MIN_DAY_NUMBER)).toBe('0001-01-01');
    expect(fromDayNumber(MAX_DAY_NUMBER)).toBe('9999-12-31');
    expect(() => fromDayNumber(MAX_DAY_NUMBER + 1)).toThrow(/day number/);
    expect(() => fromDayNumber(MIN_DAY_NUMBER - 1)).toThrow(/day number/);
    expect(() => fromDayNumber(1.5)).toThrow(/1.5/);
    expect(() => fromDayNumber(NaN)).toThrow(/NaN/);
  });
  test('day of week', () => {
    expect(dayOfWeek(d('1970-01-01'))).toBe(4);
    expect(dayOfWeek(d('2026-07-04'))).toBe(6);
    expect(dayOfWeek(d('1969-12-28'))).toBe(0);
  });

  test('property: fromDayNumber(toDayNumber(d)) === d over 1900–2200', () => {
    fc.assert(fc.property(anyDate, (x) => expect(fromDayNumber(toDayNumber(x))).toBe(x)), { numRuns: 2000 });
  });
  test('property: toDayNumber(fromDayNumber(n)) === n over 0001–9999', () => {
    fc.assert(fc.property(dayNumber, (n) => expect(toDayNumber(fromDayNumber(n))).toBe(n)), { numRuns: 2000 });
  });
  test('every day from 1900-01-01 to 2200-12-31 in order, agreeing with Date.UTC', () => {
    const first = Date.UTC(1900, 0, 1) / DAY;
    const last = Date.UTC(2200, 11, 31) / DAY;
    expect(fromDayNumber(first)).toBe('1900-01-01');
    let prev = fromDayNumber(first - 1);
    const failures: string[] = [];
    for (let n = first; n <= last; n++) {
      const x = fromDayNumber(n);
      const { year, month, day } = dateParts(x);
      // plain checks (not expect) to keep 110,000 iterations fast; failures reported together
      if (Date.UTC(year, month - 1, day) / DAY !== n || !(x > prev) || toDayNumber(x) !== n) failures.push(`${n} → ${x}`);
      prev = x;
    }
    expect(failures).toEqual([]);
    expect(prev).toBe('2200-12-31');
  });
  test('property: fromDayNumber agrees with Date#toISOString (UTC)', () => {
    fc.assert(fc.property(dayNumber, (n) => expect(fromDayNumber(n)).toBe(isoOfDayNumber(n))), { numRuns: 2000 });
  });
  test('property: dayOfWeek agrees with Date#getUTCDay', () => {
    fc.assert(fc.property(dayNumber, (n) => expect(dayOfWeek(fromDayNumber(n))).toBe(new Date(n * DAY).getUTCDay())));
  });
});

describe('arithmetic', () => {
  test('examples', () => {
    expect(addDays(d('2026-02-28'), 1)).toBe('2026-03-01');
    expect(addDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(addDays(d('2026-01-01'), 0)).toBe('2026-01-01');
    expect(diffDays(d('2026-03-01'), d('2026-02-01'))).toBe(28);
    expect(diffDays(d('2026-02-01'), d('2026-03-01'))).toBe(-28);
    expect(diffDays(d('2027-01-01'), d('2026-01-01'))).toBe(365);
    expect(() => addDays(d('2026-01-01'), 0.5)).toThrow(/0.5/);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow();
  });
  test('addMonths clamps to month end', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(d('2026-03-31'), -1)).toBe('2026-02-28');
    expect(addMonths(d('2026-05-31'), 1)).toBe('2026-06-30');
    expect(addMonths(d('2026-01-15'), 12)).toBe('2027-01-15');
    expect(addMonths(d('2026-01-15'), -13)).toBe('2024-12-15');
    expect(addMonths(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(d('2026-12-31'), 0)).toBe('2026-12-31');
    expect(() => addMonths(d('2026-01-01'), 1.5)).toThrow(/1.5/);
    expect(() => addMonths(d('9999-12-01'), 1)).toThrow(/outside/);
  });
  test('month boundaries', () => {
    expect(startOfMonth(d('2026-02-17'))).toBe('2026-02-01');
    expect(endOfMonth(d('2026-02-17'))).toBe('2026-02-28');
    expect(endOfMonth(d('2028-02-01'))).toBe('2028-02-29');
    expect(endOfMonth(d('2026-12-05'))).toBe('2026-12-31');
  });
  test('compare, min, max', () => {
    expect(compareDates(d('2026-01-01'), d('2026-01-02'))).toBe(-1);
    expect(compareDates(d('2026-01-02'), d('2026-01-02'))).toBe(0);
    expect(compareDates(d('2027-01-01'), d('2026-12-31'))).toBe(1);
    expect(minDate(d('2026-03-01'), d('2025-12-31'), d('2026-01-01'))).toBe('2025-12-31');
    expect(maxDate(d('2026-03-01'), d('2025-12-31'), d('2026-01-01'))).toBe('2026-03-01');
    expect(minDate(d('2026-03-01'))).toBe('2026-03-01');
    expect(() => compareDates('2026-3-1' as CalendarDate, d('2026-01-01'))).toThrow('"2026-3-1"');
  });

  test('property: addDays and diffDays are inverse', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -40000, max: 40000 }), (a, b, n) => {
        expect(diffDays(addDays(a, n), a)).toBe(n);
        expect(addDays(b, diffDays(a, b))).toBe(a);
        expect(addDays(addDays(a, n), -n)).toBe(a);
        expect(diffDays(a, b)).toBe(-diffDays(b, a) || 0);
        expect(Math.sign(diffDays(a, b))).toBe(compareDates(a, b));
      }),
    );
  });
  test('property: addMonths lands in the right month, clamped to its end', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (x, k) => {
        const { year, month, day } = dateParts(x);
        const r = dateParts(addMonths(x, k));
        expect(r.year * 12 + r.month - 1).toBe(year * 12 + month - 1 + k);
        expect(r.day).toBe(Math.min(day, daysInYearMonth(r.year, r.month)));
        if (day <= 28) expect(addMonths(addMonths(x, k), -k)).toBe(x);
      }),
    );
  });
  test('property: startOfMonth ≤ d ≤ endOfMonth and the month has daysInMonth days', () => {
    fc.assert(
      fc.property(anyDate, (x) => {
        expect(compareDates(startOfMonth(x), x)).toBeLessThanOrEqual(0);
        expect(compareDates(x, endOfMonth(x))).toBeLessThanOrEqual(0);
        expect(diffDays(endOfMonth(x), startOfMonth(x)) + 1).toBe(daysInMonth(x));
        expect(addDays(endOfMonth(x), 1)).toBe(startOfMonth(addMonths(x, 1)));
      }),
    );
  });
});

describe('formatDate / parseDate', () => {
  const x = d('2026-03-05');
  test.each<[string, string]>([
    ['M/D/YYYY', '3/5/2026'],
    ['D/M/YYYY', '5/3/2026'],
    ['D-Mon-YYYY', '5-Mar-2026'],
    ['D.M.YYYY', '5.3.2026'],
    ['D-MONTH-YYYY', '5-March-2026'],
    ['D MONTH, YYYY', '5 March, 2026'],
    ['YYYY/M/D', '2026/3/5'],
    ['YYYY-M-D', '2026-3-5'],
    ['DD/MM/YYYY', '05/03/2026'],
    ['DD-Mon-YYYY', '05-Mar-2026'],
    ['DD.MM.YYYY', '05.03.2026'],
    ['DD-MONTH-YYYY', '05-March-2026'],
    ['DD MONTH, YYYY', '05 March, 2026'],
    ['MM/DD/YYYY', '03/05/2026'],
    ['YYYY/MM/DD', '2026/03/05'],
    ['YYYY-MM-DD', '2026-03-05'],
    ['YYYY年M月D日', '2026年3月5日'],
  ])('%s', (pattern, text) => {
    expect(formatDate(x, pattern)).toBe(text);
    expect(parseDate(text, pattern)).toBe(x);
  });
  test('default is NetSuite M/D/YYYY', () => {
    expect(DEFAULT_DATE_FORMAT).toBe('M/D/YYYY');
    expect(formatDate(d('2026-12-25'))).toBe('12/25/2026');
    expect(parseDate('12/25/2026')).toBe('2026-12-25');
  });
  test('formatDate with partial patterns', () => {
    expect(formatDate(d('2026-03-05'), 'Mon YYYY')).toBe('Mar 2026');
    expect(formatDate(d('2026-03-05'), 'YYYY-MM')).toBe('2026-03');
    expect(() => formatDate(x, 'hello')).toThrow(/no date tokens/);
    expect(() => parseDate('Mar 2026', 'Mon YYYY')).toThrow(/one day/);
  });
  test('parseDate leniency that is allowed', () => {
    expect(parseDate('03/05/2026', 'M/D/YYYY')).toBe('2026-03-05');
    expect(parseDate('  3/5/2026 ', 'M/D/YYYY')).toBe('2026-03-05');
    expect(parseDate('5-MAR-2026', 'D-Mon-YYYY')).toBe('2026-03-05');
    expect(parseDate('5-march-2026', 'D-MONTH-YYYY')).toBe('2026-03-05');
  });
  test.each<[string, string]>([
    ['2/29/2026', 'M/D/YYYY'],
    ['13/1/2026', 'M/D/YYYY'],
    ['0/1/2026', 'M/D/YYYY'],
    ['1/0/2026', 'M/D/YYYY'],
    ['3/5/26', 'M/D/YYYY'],
    ['3/5/2026x', 'M/D/YYYY'],
    ['3-5-2026', 'M/D/YYYY'],
    ['3/5/2026 10:00 am', 'M/D/YYYY'],
    ['123/5/2026', 'M/D/YYYY'],
    ['3/5/2026', 'MM/DD/YYYY'],
    ['2026-3-5', 'YYYY-MM-DD'],
    ['5-Foo-2026', 'D-Mon-YYYY'],
    ['5-March-2026', 'D-Mon-YYYY'],
    ['5-Mar-2026', 'D-MONTH-YYYY'],
    ['31.04.2026', 'DD.MM.YYYY'],
    ['', 'M/D/YYYY'],
  ])('parseDate rejects %p in %p naming it', (text, pattern) => {
    expect(() => parseDate(text, pattern)).toThrow(JSON.stringify(text));
  });

  test('property: parseDate(formatDate(d, p), p) === d for every NetSuite format', () => {
    fc.assert(
      fc.property(dateIn(1, 9999), fc.constantFrom(...NETSUITE_DATE_FORMATS, 'YYYY年M月D日', 'YYYY年MM月DD日'), (x, pattern) => {
        expect(parseDate(formatDate(x, pattern), pattern)).toBe(x);
      }),
      { numRuns: 3000 },
    );
  });
  test('every NetSuite format round-trips every day of 2024–2028', () => {
    const failures: string[] = [];
    for (const pattern of NETSUITE_DATE_FORMATS) {
      for (let x = d('2024-01-01'); x <= '2028-12-31'; x = addDays(x, 1)) {
        const text = formatDate(x, pattern);
        if (parseDate(text, pattern) !== x) failures.push(`${pattern}: ${x} → ${text}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('instants and Dates', () => {
  test('dateInOffset', () => {
    const t = Date.UTC(2026, 0, 1, 2, 30); // 2026-01-01T02:30Z
    expect(dateInOffset(t, 0)).toBe('2026-01-01');
    expect(dateInOffset(t, -180)).toBe('2025-12-31');
    expect(dateInOffset(t, -150)).toBe('2026-01-01');
    expect(dateInOffset(t, -151)).toBe('2025-12-31');
    expect(dateInOffset(t, 14 * 60)).toBe('2026-01-01');
    expect(dateInOffset(Date.UTC(2026, 0, 1, 10), 14 * 60)).toBe('2026-01-02');
    expect(dateInOffset(-1, 0)).toBe('1969-12-31');
    expect(() => dateInOffset(NaN, 0)).toThrow(/NaN/);
    expect(() => dateInOffset(0, 2000)).toThrow(/2000/);
  });
  test('property: dateInOffset agrees with the UTC calendar of the shifted instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -720, max: 840 }),
        (ms, off) => {
          expect(dateInOffset(ms, off)).toBe(new Date(ms + off * 60_000).toISOString().slice(0, 10));
        },
      ),
    );
  });
  test('UTC conversions', () => {
    expect(toJsDateUtc(d('2026-03-05')).toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(toJsDateUtc(d('0050-03-05')).toISOString()).toBe('0050-03-05T00:00:00.000Z');
    expect(fromJsDateUtc(new Date('2026-03-05T23:59:59.999Z'))).toBe('2026-03-05');
    expect(fromJsDateUtc(new Date('2026-03-05T00:00:00.000Z'))).toBe('2026-03-05');
    expect(fromJsDateUtc(new Date('1969-12-31T23:59:59.999Z'))).toBe('1969-12-31');
    expect(() => fromJsDateUtc(new Date('nope'))).toThrow(/Invalid Date/);
  });
  test('property: fromJsDateUtc(toJsDateUtc(d)) === d', () => {
    fc.assert(fc.property(dateIn(1, 9999), (x) => expect(fromJsDateUtc(toJsDateUtc(x))).toBe(x)));
  });
  test('local-part conversions round-trip in this process time zone', () => {
    fc.assert(
      fc.property(dateIn(1, 9999), (x) => {
        let js: Date;
        try {
          js = toJsDateLocalParts(x);
        } catch (e) {
          // only a date the local zone skipped entirely may be refused (e.g. 1994-12-31 in Pacific/Kiritimati)
          expect(String(e)).toMatch(/does not exist in the runtime's time zone/);
          return;
        }
        expect(fromJsDateLocalParts(js)).toBe(x);
        expect([js.getFullYear(), js.getMonth() + 1, js.getDate()]).toEqual(Object.values(dateParts(x)));
      }),
    );
    expect(fromJsDateLocalParts(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
    expect(() => fromJsDateLocalParts(new Date(NaN))).toThrow(/Invalid Date/);
  });
});

describe('monthsBack', () => {
  test('clipped to asOf by default', () => {
    expect(monthsBack(d('2026-03-15'), 3)).toEqual([
      { key: '2026-01', start: '2026-01-01', end: '2026-01-31', days: 31 },
      { key: '2026-02', start: '2026-02-01', end: '2026-02-28', days: 28 },
      { key: '2026-03', start: '2026-03-01', end: '2026-03-15', days: 15 },
    ]);
  });
  test('whole months across a year boundary', () => {
    expect(monthsBack(d('2026-01-31'), 2, { clipToAsOf: false })).toEqual([
      { key: '2025-12', start: '2025-12-01', end: '2025-12-31', days: 31 },
      { key: '2026-01', start: '2026-01-01', end: '2026-01-31', days: 31 },
    ]);
    expect(monthsBack(d('2028-02-10'), 1, { clipToAsOf: false })).toEqual([
      { key: '2028-02', start: '2028-02-01', end: '2028-02-29', days: 29 },
    ]);
  });
  test('edge cases', () => {
    expect(monthsBack(d('2026-03-15'), 0)).toEqual([]);
    expect(monthsBack(d('2026-03-01'), 1)).toEqual([{ key: '2026-03', start: '2026-03-01', end: '2026-03-01', days: 1 }]);
    expect(() => monthsBack(d('2026-03-01'), -1)).toThrow(/-1/);
    expect(() => monthsBack(d('2026-03-01'), 1.5)).toThrow(/1.5/);
  });
  test('property: contiguous spans covering the months up to asOf', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 36 }), fc.boolean(), (asOf, k, clip) => {
        const spans = monthsBack(asOf, k, { clipToAsOf: clip });
        expect(spans).toHaveLength(k);
        spans.forEach((s, i) => {
          expect(s.start).toBe(startOfMonth(s.start));
          expect(s.key).toBe(formatDate(s.start, 'YYYY-MM'));
          expect(s.days).toBe(diffDays(s.end, s.start) + 1);
          if (i > 0) expect(s.start).toBe(addDays(spans[i - 1].end, 1));
        });
        const last = spans[k - 1];
        expect(last.start).toBe(startOfMonth(asOf));
        expect(last.end).toBe(clip ? asOf : endOfMonth(asOf));
        const total = spans.reduce((a, s) => a + s.days, 0);
        expect(total).toBe(diffDays(last.end, spans[0].start) + 1);
      }),
    );
  });
});
