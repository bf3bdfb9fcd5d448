#!/usr/bin/env node
'use strict';
// Compiled by `npm run build` (run by `npm ci` through the prepare script).
// A large ledger runs in a second process with huge pages (src/cli/hugePages.ts); otherwise here.
const again = require('../dist/src/cli/hugePages.js').runWithHugePages(__filename, process.argv.slice(2));
if (again !== undefined) process.exitCode = again;
else
  require('../dist/src/cli/main.js')
    .main(process.argv)
    .then((code) => {
      process.exitCode = code;
    });
