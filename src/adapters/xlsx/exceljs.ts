/**
 * exceljs, with two parts of its streaming reader replaced before exceljs loads them.
 *
 * - The XML reader: exceljs decodes each compressed chunk of a sheet on its own
 *   (`bufferToString(chunk)`), so a character whose UTF-8 bytes straddle two chunks becomes two
 *   U+FFFD ("règlement" read as "r��glement", seen once in a million-row ledger). The replacement is
 *   the same generator with a streaming TextDecoder that carries partial characters over.
 * - The stream iterator (./iterateStreamSafely): the original pauses its stream at every step, which
 *   exceljs#3064 reports losing zip parts at random under load (our suspect for one intermittent
 *   test failure on a loaded machine, where a workbook's entries were read as missing).
 *
 * Import exceljs from here, never directly. (Under jest, whose module registry ignores
 * require.cache, jest.config.js maps both modules to the same replacements.)
 */
import Module from 'node:module';
import iterateStreamSafely from './iterateStreamSafely';
import parseSax from './parseSaxUtf8';

function replace(part: string, exports: unknown): void {
  const file = require.resolve(`exceljs/lib/utils/${part}.js`);
  if (require.cache[file] !== undefined) return;
  const m = new Module(file);
  m.filename = file;
  m.exports = exports;
  m.loaded = true;
  require.cache[file] = m;
}
replace('parse-sax', parseSax);
replace('iterate-stream', iterateStreamSafely);

// eslint-disable-next-line @typescript-eslint/no-require-imports
export default require('exceljs') as typeof import('exceljs');
