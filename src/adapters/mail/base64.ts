/** Base64 of bytes with no Node Buffer and no DOM btoa, so the Graph transport runs in the CLI and in the task pane alike. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += ALPHABET[(n >> 18) & 63] as string;
    chunk += ALPHABET[(n >> 12) & 63] as string;
    chunk += i + 1 < bytes.length ? (ALPHABET[(n >> 6) & 63] as string) : '=';
    chunk += i + 2 < bytes.length ? (ALPHABET[n & 63] as string) : '=';
    // Strings of a few KB, joined once: no quadratic concatenation on a 3 MB attachment.
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}
