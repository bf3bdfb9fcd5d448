/**
 * exceljs, with its streaming XML reader fixed: exceljs decodes each compressed chunk of a sheet on
 * its own (`bufferToString(chunk)`), so a character whose UTF-8 bytes straddle two chunks becomes
 * two U+FFFD ("règlement" read as "r��glement", seen once in a million-row ledger). The fix
 * installs, before exceljs loads, the same generator with a streaming TextDecoder that carries
 * partial characters over to the next chunk. Import exceljs from here, never directly. (Under jest,
 * whose module registry ignores require.cache, jest.config.js maps the module to the same fix.)
 */
import Module from 'node:module';
import parseSax from './parseSaxUtf8';

const parseSaxFile = require.resolve('exceljs/lib/utils/parse-sax.js');
if (require.cache[parseSaxFile] === undefined) {
  const m = new Module(parseSaxFile);
  m.filename = parseSaxFile;
  m.exports = parseSax;
  m.loaded = true;
  require.cache[parseSaxFile] = m;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export default require('exceljs') as typeof import('exceljs');
