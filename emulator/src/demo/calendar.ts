/**
 * Calendar dates as day numbers (days since 1970-01-01) for the demo generator and its checker.
 * Integer arithmetic only (H. Hinnant's days_from_civil / civil_from_days): no Date, no time zone.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

/** Whether `s` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number of an ISO date; throws on anything that is not a real 'YYYY-MM-DD' date. */
export function dayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validYmd(y, mo, d)) throw new Error(`not a real calendar date: ${JSON.stringify(iso)}`);
  return daysFromCivil(y, mo, d);
}

/** ISO date 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yy = y >= 1000 ? String(y) : String(y + 10000).slice(1);
  return yy + (m < 10 ? '-0' : '-') + m + (d < 10 ? '-0' : '-') + d;
}

/** Day of the week: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day itself if it is a weekday, else the following Monday. */
export function nextBusinessDay(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** The day itself if it is a weekday, else the preceding Friday. */
export function previousBusinessDay(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}
