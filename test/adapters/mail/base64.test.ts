import fc from 'fast-check';
import { bytesToBase64 } from '../../../src/adapters/mail/base64';

it('bytesToBase64 is what Node writes, for any bytes (every padding length)', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64')), { numRuns: 300 });
  expect(bytesToBase64(new Uint8Array())).toBe('');
});

it('the pane\'s attachment bytes answer what the Graph transport asks of a Buffer', async () => {
  const { attachmentBytes } = await import('../../../src/taskpane/mail/attachmentBytes');
  const raw = new Uint8Array([1, 2, 3, 250, 251, 252, 253]);
  const a = attachmentBytes(raw.subarray(1));
  expect(a.toString('base64')).toBe(Buffer.from(raw.subarray(1)).toString('base64'));
  expect(a.length).toBe(6);
  expect(a.subarray(2, 4).toString('base64')).toBe(Buffer.from([250, 251]).toString('base64'));
  expect(Buffer.isBuffer(a)).toBe(false); // no Buffer in the browser: a Uint8Array, not a polyfill
});
