// SuiteCloud CLI configuration. `suitecloud project:deploy` and `project:validate` first build the
// TypeScript sources to AMD and run the test suite, so what reaches the account is what was tested.
const { execSync } = require('node:child_process');

function buildAndTest() {
  execSync('npm test', { stdio: 'inherit' });
}

module.exports = {
  defaultProjectFolder: 'src',
  commands: {
    'project:deploy': {
      beforeExecuting: async (args) => {
        buildAndTest();
        return args;
      },
    },
    'project:validate': {
      beforeExecuting: async (args) => {
        buildAndTest();
        return args;
      },
    },
  },
};
