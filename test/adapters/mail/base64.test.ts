import fc from 'fast-check';
import { bytesToBase64 } from '../../../src/adapters/mail/base64';

it('bytesToBase64 is what Node writes, for any bytes (every padding length)', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64')), { numRuns: 300 });
  expect(bytesToBase64(new Uint8Array())).toBe('');
});

