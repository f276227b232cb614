import { PRODUCT_VERSION } from '../../../ts/core/product';
import { readFileSync } from 'node:fs';

test('product version matches package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(PRODUCT_VERSION).toBe(pkg.version);
});
