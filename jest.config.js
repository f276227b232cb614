// Jest: three projects.
// - unit: product sources (ts/) with N/* mapped to @oracle/suitecloud-unit-testing's stubs, as SuiteCloud's
//   own Jest configuration does, plus ts-jest for TypeScript.
// - node: the emulator's own tests, the tools' tests and the integration tests (compiled AMD in the emulator).
// - e2e: the local web page in Debian's Chromium through playwright-core; skipped with a warning when
//   /usr/bin/chromium is absent, unless ARA_REQUIRE_E2E=1 (CI), which makes a missing browser a failure.
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const suitecloud = SuiteCloudJestConfiguration.build({
  projectFolder: 'src',
  projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
});

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { ...suitecloud.transform, '^.+\\.ts$': tsJest },
      transformIgnorePatterns: suitecloud.transformIgnorePatterns,
      moduleNameMapper: suitecloud.moduleNameMapper,
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/emulator/tests/**/*.test.ts',
        '<rootDir>/tools/**/*.test.ts',
        '<rootDir>/tests/integration/**/*.test.ts',
      ],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
