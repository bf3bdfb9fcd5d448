#!/usr/bin/env node
'use strict';
// Compiled by `npm run build` (run by `npm ci` through the prepare script).
process.exitCode = require('../dist/src/cli/main.js').main(process.argv);
