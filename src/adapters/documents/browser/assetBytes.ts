/** The bytes of a file the bundle ships (a font, a default template), fetched once from its URL. */
const cache = new Map<string, Promise<Uint8Array>>();

export function assetBytes(url: string): Promise<Uint8Array> {
  let bytes = cache.get(url);
  if (bytes === undefined) {
    bytes = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // A failed fetch is not kept: the next call tries again.
    bytes.catch(() => cache.delete(url));
    cache.set(url, bytes);
  }
  return bytes;
}
