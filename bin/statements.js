#!/usr/bin/env node
'use strict';
// Compiled by `npm run build` (run by `npm ci` through the prepare script).
// A large ledger runs in a process of its own, started with huge pages (src/cli/largeLedgerProcess.ts); otherwise here.
const here = () =>
  require('../dist/src/cli/main.js')
    .main(process.argv)
    .then((code) => {
      process.exitCode = code;
    });
const again = require('../dist/src/cli/largeLedgerProcess.js').runLargeLedgerProcess(__filename, process.argv.slice(2));
if (again === undefined) here();
else
  again.then((code) => {
    if (code === undefined) return here();
    process.exitCode = code;
  });
