/**
 * N/crypto/random: cryptographically strong random values (SuiteScript 2.1 server scripts), from Node's
 * CSPRNG. 0 units (no governance listed). Invalid size/range → SSS_INVALID_ARG (code: assumption).
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { ModuleFactory } from '../types';
import { createError, requireArg } from '../runtime/errors';

export const createCryptoRandomModule: ModuleFactory = () => ({
  generateBytes(options: { size: number }) {
    const size = Number(requireArg(options, 'size', 'random.generateBytes'));
    if (!Number.isInteger(size) || size < 1 || size > 1_000_000) throw createError('SSS_INVALID_ARG', `random.generateBytes: size must be an integer from 1, got ${String(options.size)}`);
    return new Uint8Array(randomBytes(size));
  },
  generateInt(options: { min?: number; max: number }) {
    const max = Number(requireArg(options, 'max', 'random.generateInt'));
    const min = options.min === undefined ? 0 : Number(options.min);
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min) {
      throw createError('SSS_INVALID_ARG', `random.generateInt: need integers min < max, got ${String(options.min)}, ${String(options.max)}`);
    }
    return randomInt(min, max);
  },
  generateUUID() {
    return randomUUID();
  },
});
