// Jest: three projects.
// - unit: product sources (ts/) with N/* mapped to @oracle/suitecloud-unit-testing's stubs, as SuiteCloud's
//   own Jest configuration does, plus ts-jest for TypeScript.
// - node: the emulator's own tests, the tools' tests and the integration tests (compiled AMD in the emulator).
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
  ],
};
