import { createCryptoRandomModule } from '../../src/modules/crypto-random';
import { MODULES } from '../../src/modules';
import { errorName, fakeCtx, fakeEnv } from '../ui/helpers';

type Random = { generateBytes(o: unknown): Uint8Array; generateInt(o: unknown): number; generateUUID(): string };

describe('N/crypto/random', () => {
  const random = createCryptoRandomModule(fakeCtx(), fakeEnv()) as unknown as Random;

  test('is registered as N/crypto/random', () => {
    expect(MODULES['N/crypto/random']).toBe(createCryptoRandomModule);
  });

  test('generateBytes, generateInt, generateUUID', () => {
    const b = random.generateBytes({ size: 16 });
    expect(b).toBeInstanceOf(Uint8Array);
    expect(b.length).toBe(16);
    expect(random.generateBytes({ size: 16 })).not.toEqual(b);
    for (let i = 0; i < 50; i++) {
      const n = random.generateInt({ min: 5, max: 8 });
      expect(n >= 5 && n < 8).toBe(true);
    }
    expect(random.generateUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('bad arguments', () => {
    expect(errorName(() => random.generateBytes({}))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => random.generateBytes({ size: 0 }))).toBe('SSS_INVALID_ARG');
    expect(errorName(() => random.generateInt({ min: 3, max: 3 }))).toBe('SSS_INVALID_ARG');
  });
});
