/**
 * Computes a fingerprint of many results of the core date, money and aging functions, for comparing
 * runs under different TZ settings (see dates.tz.test.ts). Not a test file itself.
 */
import { agingTotals, ageInDays, bucketOf } from '../../../../ts/core/aging';
import {
  type CalendarDate,
  NETSUITE_DATE_FORMATS,
  addMonths,
  dateInOffset,
  dayOfWeek,
  diffDays,
  endOfMonth,
  formatDate,
  fromDayNumber,
  fromJsDateLocalParts,
  fromJsDateUtc,
  monthsBack,
  parseDate,
  parseIsoDate,
  toDayNumber,
  toJsDateLocalParts,
  toJsDateUtc,
} from '../../../../ts/core/dates';
import { allocate, formatMoney, minor, multiplyRate, parseMoney } from '../../../../ts/core/money';

export interface Probe {
  /** Hash of every time-zone-independent result. */
  digest: string;
  count: number;
  samples: string[];
  /** Dates whose local-parts round trip silently gave another date (must be none). */
  localMismatches: string[];
  /** Dates toJsDateLocalParts refused because the zone skipped them. */
  localSkipped: string[];
  /** Environment facts that are expected to differ between zones. */
  env: { tz: string | undefined; offsetJan2026: number; localReadOfNoonUtc: string };
}

const DAY = 86_400_000;
const mod = (a: number, b: number): number => ((a % b) + b) % b;
const iso = (s: string): CalendarDate => parseIsoDate(s);

export function probe(): Probe {
  let hash = 0x811c9dc5;
  let count = 0;
  const record = (v: unknown): void => {
    const s = String(v);
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x7c, 0x01000193) >>> 0;
    count++;
  };
  const start = toDayNumber(iso('1900-01-01'));
  const end = Date.UTC(2200, 11, 31) / DAY;
  for (let n = start; n <= end; n += 7) {
    const d = fromDayNumber(n);
    record(d);
    record(toDayNumber(d));
    record(addMonths(d, mod(n, 25) - 12));
    record(endOfMonth(d));
    record(dayOfWeek(d));
    record(diffDays(d, iso('2026-01-01')));
    record(toJsDateUtc(d).getTime());
    record(fromJsDateUtc(new Date(n * DAY + mod(n, 1440) * 60_000)));
    const pattern = NETSUITE_DATE_FORMATS[mod(n, NETSUITE_DATE_FORMATS.length)];
    const text = formatDate(d, pattern);
    record(text);
    record(parseDate(text, pattern));
    record(dateInOffset(n * DAY + mod(n, 97) * 900_000, mod(n, 57) * 30 - 720));
    record(bucketOf(ageInDays(iso('2026-06-30'), d, d)));
  }
  for (const m of monthsBack(iso('2026-03-15'), 24)) record(`${m.key} ${m.start} ${m.end} ${m.days}`);
  for (let i = 0; i < 2000; i++) {
    const amount = minor((i * 7919 - 5_000_000) * 1013);
    record(formatMoney(amount, { negative: i % 2 ? 'parens' : 'minus' }));
    record(parseMoney(formatMoney(amount)));
    record(multiplyRate(amount, 1 + i / 1_000_000));
    record(allocate(amount, [1, i % 5, 3]).join());
  }
  record(JSON.stringify(agingTotals([{ amount: minor(100), dueDate: null, tranDate: iso('2026-01-01') }], iso('2026-06-30'))));

  const localMismatches: string[] = [];
  const localSkipped: string[] = [];
  const localEnd = Date.UTC(2100, 0, 1) / DAY;
  for (let n = start; n <= localEnd; n++) {
    const d = fromDayNumber(n);
    let js: Date;
    try {
      js = toJsDateLocalParts(d);
    } catch {
      localSkipped.push(d);
      continue;
    }
    if (fromJsDateLocalParts(js) !== d) localMismatches.push(d);
  }

  const noon = new Date(Date.UTC(2026, 0, 1, 12));
  return {
    digest: hash.toString(16),
    count,
    samples: [fromDayNumber(0), formatDate(fromDayNumber(20454), 'DD-Mon-YYYY'), String(parseMoney('1,234.56'))],
    localMismatches,
    localSkipped,
    env: { tz: process.env.TZ, offsetJan2026: noon.getTimezoneOffset(), localReadOfNoonUtc: fromJsDateLocalParts(noon) },
  };
}
