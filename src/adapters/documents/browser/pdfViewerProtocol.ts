/**
 * What the pane and the PDF viewer dialog say to each other. Office passes strings only, and a
 * message is limited in size, so the PDF goes as base64 in numbered chunks after the dialog says it
 * is ready; the dialog answers when it shows the PDF.
 */
export const PDF_VIEWER_PAGE = 'pdfviewer.html';
/** Characters of base64 per message (Office's messageChild keeps messages well under 1 MB; stay small). */
export const CHUNK_CHARS = 32_000;

export type ToViewer =
  | { readonly kind: 'start'; readonly name: string; readonly chunks: number; readonly language: 'en' | 'fr' }
  | { readonly kind: 'chunk'; readonly index: number; readonly data: string };

export type FromViewer = { readonly kind: 'ready' } | { readonly kind: 'shown' } | { readonly kind: 'failed'; readonly reason: string };

/** Base64 of bytes, in pieces so a large PDF never builds one huge argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
