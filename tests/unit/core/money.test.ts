import fc from 'fast-check';
import {
  type Minor,
  ZERO,
  abs,
  add,
  allocate,
  compare,
  formatMoney,
  isMinor,
  isZero,
  max,
  min,
  minor,
  multiplyRate,
  neg,
  parseMoney,
  percentOf,
  split,
  sub,
  sum,
  toMajor,
} from '../../../ts/core/money';

const MAX = Number.MAX_SAFE_INTEGER;
const m = (n: number): Minor => minor(n);
const anyMinor = fc.integer({ min: -MAX, max: MAX }).map(m);

/** Reference: n / d rounded half away from zero, in BigInt (d > 0). */
function refDivRound(n: bigint, d: bigint): bigint {
  const a = n < 0n ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return n < 0n ? -q : q;
}

describe('minor / isMinor', () => {
  test('accepts safe integers, normalises -0', () => {
    expect(minor(0)).toBe(0);
    expect(Object.is(minor(-0), 0)).toBe(true);
    expect(minor(-MAX)).toBe(-MAX);
    expect(isMinor(12)).toBe(true);
    expect(isMinor(1.5)).toBe(false);
    expect(isMinor('1')).toBe(false);
  });
  test.each([1.5, NaN, Infinity, MAX + 1, -MAX - 1])('rejects %p', (n) => {
    expect(() => minor(n)).toThrow(/minor/);
  });
});

describe('parseMoney', () => {
  test.each<[string | number, number]>([
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['-12.5', -1250],
    ['(12.50)', -1250],
    ['+7', 700],
    ['  3.10  ', 310],
    ['0', 0],
    ['-0.00', 0],
    ['.5', 50],
    ['5.', 500],
    ['12,345,678.9', 1234567890],
    ['12.345', 1235],
    ['12.344999', 1234],
    ['-12.345', -1235],
    ['0.005', 1],
    ['-0.005', -1],
    ['0.0049', 0],
    ['\u221212.00', -1200],
    [12.345, 1235],
    [-12.345, -1235],
    [1.005, 101],
    [1.015, 102],
    [0.1 + 0.2, 30],
    [-0, 0],
    [1e-7, 0],
    [12, 1200],
    [-2.5, -250],
    [1e13, 1e15],
  ])('%p → %p', (input, expected) => {
    const r = parseMoney(input);
    expect(r).toBe(expected);
    expect(Object.is(r, -0)).toBe(false);
  });

  test('decimals', () => {
    expect(parseMoney('1,234', 0)).toBe(1234);
    expect(parseMoney('1,234.5', 0)).toBe(1235);
    expect(parseMoney('-1,234.5', 0)).toBe(-1235);
    expect(parseMoney('1.2345', 3)).toBe(1235);
    expect(parseMoney(0.0005, 3)).toBe(1);
    expect(parseMoney(2.5, 0)).toBe(3);
    expect(parseMoney(-2.5, 0)).toBe(-3);
    expect(parseMoney('1.23', { decimals: 4 })).toBe(12300);
  });

  test('separators and symbol options', () => {
    expect(parseMoney('1.234,56', { thousands: '.', decimal: ',' })).toBe(123456);
    expect(parseMoney("1'234.56", { thousands: "'" })).toBe(123456);
    expect(parseMoney('1 234,56', { thousands: ' ', decimal: ',' })).toBe(123456);
    expect(parseMoney('($1,234.56)', { symbol: '$' })).toBe(-123456);
    expect(parseMoney('-$5.00', { symbol: '$' })).toBe(-500);
    expect(parseMoney('5.00', { symbol: '$' })).toBe(500);
    expect(() => parseMoney('$5.00')).toThrow('"$5.00"');
    expect(() => parseMoney('1,234', { thousands: '' })).toThrow();
    expect(() => parseMoney('1', { thousands: '.', decimal: '.' })).toThrow(/separators/);
  });

  test.each([
    'abc',
    '',
    '   ',
    '-',
    '()',
    '(-1)',
    '-(1)',
    '--1',
    '1,2',
    '12,34.5',
    '1,,234',
    ',123',
    '1.2.3',
    '1e3',
    '0x10',
    'NaN',
    'Infinity',
    '12 34',
    '1.234,56',
    '$',
    '.',
  ])('rejects garbage %p naming it', (input) => {
    expect(() => parseMoney(input)).toThrow(JSON.stringify(input));
  });

  test.each([NaN, Infinity, -Infinity])('rejects %p naming it', (input) => {
    expect(() => parseMoney(input)).toThrow(String(input));
  });

  test('rejects values outside the safe range', () => {
    expect(parseMoney('90071992547409.91')).toBe(MAX);
    expect(() => parseMoney('90071992547409.92')).toThrow(/safe integer/);
    expect(() => parseMoney('-90071992547409.92')).toThrow(/safe integer/);
    expect(() => parseMoney(1e300)).toThrow(/safe integer/);
    expect(() => parseMoney('99999999999999999999999')).toThrow(/safe integer/);
  });

  test('rejects bad decimals', () => {
    expect(() => parseMoney('1', -1)).toThrow(/decimals/);
    expect(() => parseMoney('1', 1.5)).toThrow(/decimals/);
  });

  test('property: numbers with one extra decimal round half away from zero (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), fc.integer({ min: 0, max: 4 }), (k, d) => {
        // x = k / 10^(d+1): exactly one decimal more than the currency has
        const x = k / 10 ** (d + 1);
        const expected = Number(refDivRound(BigInt(k), 10n));
        expect(parseMoney(x, d)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe('toMajor', () => {
  test('examples', () => {
    expect(toMajor(m(123456))).toBe(1234.56);
    expect(toMajor(m(-1))).toBe(-0.01);
    expect(toMajor(m(5), 0)).toBe(5);
    expect(toMajor(m(12345), 3)).toBe(12.345);
    expect(Object.is(toMajor(m(0)), 0)).toBe(true);
  });
  test('property: parseMoney(toMajor(m)) === m for |m| < 10^15', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        expect(parseMoney(toMajor(m(n), d), d)).toBe(n);
      }),
    );
  });
});

describe('formatMoney', () => {
  test.each<[number, Parameters<typeof formatMoney>[1], string]>([
    [123456, {}, '1,234.56'],
    [-123456, {}, '-1,234.56'],
    [-123456, { negative: 'parens' }, '(1,234.56)'],
    [-123456, { negative: 'parens', symbol: '$' }, '($1,234.56)'],
    [-123456, { symbol: '$' }, '-$1,234.56'],
    [5, {}, '0.05'],
    [-5, {}, '-0.05'],
    [0, {}, '0.00'],
    [0, { negative: 'parens' }, '0.00'],
    [100, {}, '1.00'],
    [123456789, { thousands: '.', decimal: ',' }, '1.234.567,89'],
    [123456789, { thousands: '' }, '1234567.89'],
    [123456789, { thousands: ' ', decimal: ',', symbol: '€' }, '€1 234 567,89'],
    [1234567, { decimals: 0 }, '1,234,567'],
    [-1234567, { decimals: 3 }, '-1,234.567'],
    [7, { decimals: 3 }, '0.007'],
    [MAX, {}, '90,071,992,547,409.91'],
    [-MAX, {}, '-90,071,992,547,409.91'],
    [100000, {}, '1,000.00'],
    [99999, {}, '999.99'],
  ])('%p %j → %p', (n, opts, expected) => {
    expect(formatMoney(m(n), opts)).toBe(expected);
  });

  test('rejects non-integers', () => {
    expect(() => formatMoney(1.5 as Minor)).toThrow(/1.5/);
    expect(() => formatMoney(NaN as Minor)).toThrow(/NaN/);
  });

  test('property: parseMoney(formatMoney(x, opts), opts) === x', () => {
    const seps = fc.constantFrom<[string, string]>(
      [',', '.'],
      ['.', ','],
      [' ', ','],
      ['\u00a0', ','],
      ["'", '.'],
      ['', '.'],
      ['', ','],
    );
    fc.assert(
      fc.property(
        anyMinor,
        fc.integer({ min: 0, max: 6 }),
        seps,
        fc.constantFrom<'minus' | 'parens'>('minus', 'parens'),
        fc.constantFrom('', '$', '€', 'CHF ', 'R$'),
        (x, decimals, [thousands, decimal], negative, symbol) => {
          const text = formatMoney(x, { decimals, thousands, decimal, negative, symbol });
          expect(parseMoney(text, { decimals, thousands, decimal, symbol })).toBe(x);
        },
      ),
    );
  });

  test('property: default format round-trips with default parse', () => {
    fc.assert(fc.property(anyMinor, (x) => expect(parseMoney(formatMoney(x))).toBe(x)));
  });
});

describe('arithmetic', () => {
  test('examples', () => {
    expect(add(m(150), m(-50))).toBe(100);
    expect(sub(m(150), m(200))).toBe(-50);
    expect(sum([])).toBe(0);
    expect(sum([m(1), m(2), m(3)])).toBe(6);
    expect(neg(m(5))).toBe(-5);
    expect(Object.is(neg(ZERO), 0)).toBe(true);
    expect(abs(m(-5))).toBe(5);
    expect(min(m(3), m(-1), m(2))).toBe(-1);
    expect(max(m(3), m(-1), m(2))).toBe(3);
    expect(min(m(4))).toBe(4);
    expect(compare(m(1), m(2))).toBe(-1);
    expect(compare(m(2), m(2))).toBe(0);
    expect(compare(m(3), m(2))).toBe(1);
    expect([m(3), m(-1), m(2)].sort(compare)).toEqual([-1, 2, 3]);
    expect(isZero(ZERO)).toBe(true);
    expect(isZero(m(1))).toBe(false);
  });

  test('overflow throws', () => {
    expect(() => add(m(MAX), m(1))).toThrow(/add/);
    expect(() => sub(m(-MAX), m(1))).toThrow(/sub/);
    expect(() => sum([m(MAX), m(1), m(-5)])).toThrow(/sum/);
    expect(() => add(1.5 as Minor, m(1))).toThrow(/add/);
  });

  test('property: sub(add(a, b), b) === a and add(sub(a, b), b) === a', () => {
    const half = fc.integer({ min: -(2 ** 51), max: 2 ** 51 }).map(m);
    fc.assert(
      fc.property(half, half, (a, b) => {
        expect(sub(add(a, b), b)).toBe(a);
        expect(add(sub(a, b), b)).toBe(a);
        expect(add(a, b)).toBe(add(b, a));
        expect(add(a, neg(a))).toBe(0);
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
      }),
    );
  });

  test('property: sum matches BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(m)), (list) => {
        const ref = list.reduce((acc, x) => acc + BigInt(x), 0n);
        expect(BigInt(sum(list))).toBe(ref);
      }),
    );
  });
});

describe('multiplyRate', () => {
  test('examples', () => {
    expect(multiplyRate(m(123456), 1.234567)).toBe(152415); // 1524.1530…
    expect(multiplyRate(m(100), 1.005)).toBe(101); // float: 100 * 1.005 = 100.49999999999999
    expect(multiplyRate(m(-100), 1.005)).toBe(-101);
    expect(multiplyRate(m(1), 0.5)).toBe(1);
    expect(multiplyRate(m(1), 0.4999999)).toBe(0);
    expect(multiplyRate(m(1000), 0.0067, 0, 2)).toBe(670); // 1000 JPY → 6.70 USD
    expect(multiplyRate(m(670), 149.25, 2, 0)).toBe(1000); // 6.70 USD → 999.975 → 1000 JPY
    expect(multiplyRate(m(12345), 1)).toBe(12345);
    expect(multiplyRate(m(12345), 0)).toBe(0);
    expect(multiplyRate(m(100), 1e-7)).toBe(0);
    expect(() => multiplyRate(m(100), 2e21)).toThrow(/safe integer/);
  });

  test('errors', () => {
    expect(() => multiplyRate(m(100), NaN)).toThrow(/NaN/);
    expect(() => multiplyRate(m(100), Infinity)).toThrow(/Infinity/);
    expect(() => multiplyRate(m(MAX), 2)).toThrow(/safe integer/);
    expect(() => multiplyRate(1.5 as Minor, 2)).toThrow(/1.5/);
  });

  test('property: matches a BigInt reference for ≤6-decimal rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        (amount, r, scale) => {
          const rate = r / 10 ** scale; // a rate with up to `scale` decimals, as NetSuite would return it
          const expected = refDivRound(BigInt(amount) * BigInt(r), 10n ** BigInt(scale));
          if (expected > BigInt(MAX) || expected < -BigInt(MAX)) {
            expect(() => multiplyRate(m(amount), rate)).toThrow();
          } else {
            expect(multiplyRate(m(amount), rate)).toBe(Number(expected) || 0);
          }
        },
      ),
    );
  });

  test('property: currency decimals conversion matches a BigInt reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (amount, r, from, to) => {
          const rate = r / 1e6;
          // amount / 10^from × r / 10^6 × 10^to
          const num = BigInt(amount) * BigInt(r) * 10n ** BigInt(to);
          const den = 10n ** BigInt(6 + from);
          const expected = refDivRound(num, den);
          if (expected > BigInt(MAX) || expected < -BigInt(MAX)) {
            expect(() => multiplyRate(m(amount), rate, from, to)).toThrow(/safe integer/);
          } else {
            expect(multiplyRate(m(amount), rate, from, to)).toBe(Number(expected) || 0);
          }
        },
      ),
    );
  });
});

describe('percentOf', () => {
  test('examples', () => {
    expect(percentOf(m(1), m(4))).toBe(25);
    expect(percentOf(m(-1), m(4))).toBe(-25);
    expect(percentOf(m(5), m(0))).toBe(0);
    expect(percentOf(m(1), m(3), 2)).toBe(33.33);
    expect(percentOf(m(2), m(3), 2)).toBe(66.67);
    expect(percentOf(m(1), m(8), 1)).toBe(12.5);
    expect(percentOf(m(1), m(16), 1)).toBe(6.3); // 6.25 → 6.3 (half away from zero)
    expect(percentOf(m(-1), m(16), 1)).toBe(-6.3);
    expect(percentOf(m(1), m(-16), 1)).toBe(-6.3);
    expect(percentOf(m(3), m(2), 0)).toBe(150);
  });
});

describe('allocate / split', () => {
  test('examples', () => {
    expect(allocate(m(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(m(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(m(100), [1, 0, 1])).toEqual([50, 0, 50]);
    expect(allocate(m(101), [1, 0, 1])).toEqual([51, 0, 50]);
    expect(allocate(m(100), [0.1, 0.2, 0])).toEqual([33, 67, 0]);
    expect(allocate(m(1000), [333.33, 666.67])).toEqual([333, 667]);
    expect(allocate(m(0), [1, 2])).toEqual([0, 0]);
    expect(allocate(m(7), [5])).toEqual([7]);
    expect(allocate(m(5), [1, 3, 1, 3])).toEqual([1, 2, 0, 2]); // 0.625 1.875 0.625 1.875
    expect(allocate(m(1), [1e-300, 1e300])).toEqual([0, 1]);
    expect(split(m(100), 3)).toEqual([34, 33, 33]);
    expect(split(m(-5), 2)).toEqual([-3, -2]);
    expect(split(m(2), 4)).toEqual([1, 1, 0, 0]);
    for (const x of allocate(m(0), [1, 1])) expect(Object.is(x, -0)).toBe(false);
    for (const x of allocate(m(-1), [0, 1])) expect(Object.is(x, -0)).toBe(false);
  });

  test('errors', () => {
    expect(() => allocate(m(100), [])).toThrow(/no weights/);
    expect(() => allocate(m(100), [0, 0])).toThrow(/all weights are zero/);
    expect(() => allocate(m(100), [1, -1])).toThrow(/-1/);
    expect(() => allocate(m(100), [1, NaN])).toThrow(/NaN/);
    expect(() => allocate(m(100), [1, Infinity])).toThrow(/Infinity/);
    expect(() => allocate(1.5 as Minor, [1])).toThrow(/1.5/);
    expect(() => split(m(100), 0)).toThrow(/split/);
    expect(() => split(m(100), 1.5)).toThrow(/split/);
  });

  test('property: parts sum to the total and each is within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        anyMinor,
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 4 }),
        (total, intWeights, scale) => {
          fc.pre(intWeights.some((w) => w > 0));
          const weights = intWeights.map((w) => w / 10 ** scale); // decimal weights, e.g. amounts
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
          const W = intWeights.reduce((a, b) => a + BigInt(b), 0n);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            // |p − total·wᵢ/W| < 1  ⇔  |p·W − total·wᵢ| < W
            const diff = BigInt(p) * W - BigInt(total) * BigInt(intWeights[i]);
            expect(diff < W && -diff < W).toBe(true);
            if (intWeights[i] === 0) expect(p).toBe(0);
            if (p !== 0) expect(Math.sign(p)).toBe(Math.sign(total));
          });
        },
      ),
    );
  });

  test('property: split parts differ by at most 1, larger ones first', () => {
    fc.assert(
      fc.property(anyMinor, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = split(total, n);
        expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
        const mags = parts.map(Math.abs);
        expect(Math.max(...mags) - Math.min(...mags)).toBeLessThanOrEqual(1);
        for (let i = 1; i < mags.length; i++) expect(mags[i]).toBeLessThanOrEqual(mags[i - 1]);
      }),
    );
  });
});
