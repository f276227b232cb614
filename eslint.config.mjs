// ESLint (flat config): typescript-eslint on the TypeScript sources; eslint-plugin-suitescript on the
// built AMD files (its rules read define() calls, so they only make sense on compiled output); and the
// layering rules: the pure core imports no N/ module, product code never imports the emulator.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import suitescript from 'eslint-plugin-suitescript';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  __dirname: 'readonly',
  require: 'readonly',
  module: 'writable',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  globalThis: 'readonly',
};

export default [
  {
    ignores: ['node_modules/**', 'build/**', 'coverage/**', '.demo/**', 'artifacts/**', 'bench/results.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ignores: ['**/FileCabinet/**'],
    languageOptions: { globals: nodeGlobals, sourceType: 'module' },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'suitecloud.config.js'],
    languageOptions: { globals: nodeGlobals, sourceType: 'commonjs' },
  },
  // Product code: no Node APIs, never the emulator.
  {
    files: ['ts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/emulator/**', '**/tools/**'], message: 'Product code must not import the emulator or build tools.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'Product code runs in NetSuite: no Node APIs.' },
          ],
        },
      ],
    },
  },
  // Pure core: no N/ modules at all (NetSuite adapters translate between NetSuite and the core).
  {
    files: ['ts/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['N', 'N/*'], message: 'The pure core (ts/core) must not import N/ modules: put NetSuite access in ts/adapters.' },
            { group: ['../adapters/*', '../ara_*', '**/emulator/**', '**/tools/**'], message: 'The pure core depends on nothing outside ts/core.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'Product code runs in NetSuite: no Node APIs.' },
          ],
        },
      ],
    },
  },
  // Built SuiteScript files: what NetSuite will run.
  {
    files: ['**/FileCabinet/SuiteScripts/**/*.js'],
    plugins: { suitescript },
    languageOptions: {
      sourceType: 'script',
      ecmaVersion: 2022,
      globals: { define: 'readonly', log: 'readonly', util: 'readonly' },
    },
    rules: {
      'suitescript/api-version': 'error',
      'suitescript/script-type': 'error',
      'suitescript/no-amd-name': 'error',
      'suitescript/no-invalid-modules': 'error',
      'suitescript/no-module-extensions': 'error',
      'no-unused-vars': 'off',
    },
  },
];
