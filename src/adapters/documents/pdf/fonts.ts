/**
 * The font every statement PDF uses: DejaVu Sans Condensed 2.37 (regular + bold), bundled in
 * assets/fonts/ with its licence. It covers all of French (é è ç œ Œ € « », U+00A0 and U+202F
 * spaces). Pure data, so a browser build can load the same files into pdfmake's virtual file system.
 */
export const PDF_FONT_FAMILY = 'DejaVuSansCondensed';

/** File names under assets/fonts/. There is no italic face: italics map to the upright ones. */
export const PDF_FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
