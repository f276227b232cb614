#!/usr/bin/env node
// ara-emu: the local account emulator's command line (TypeScript, run through tsx).
'use strict';
require('tsx/cjs/api').register();
const { main } = require('../src/cli.ts');
process.exitCode = main(process.argv.slice(2));
