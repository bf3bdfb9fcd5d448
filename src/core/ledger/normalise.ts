/** Header/keyword comparison key: case-, accent-, space- and punctuation-insensitive ("N° Client" → "nclient"). */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[°º]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
