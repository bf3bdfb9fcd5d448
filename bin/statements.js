#!/usr/bin/env node
'use strict';
// Compiled by `npm run build` (run by `npm ci` through the prepare script).
require('../dist/src/cli/main.js')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
