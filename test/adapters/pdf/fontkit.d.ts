// fontkit ships no types; it comes with pdfkit (pdfmake's renderer). Only what the font test uses.
declare module 'fontkit' {
  interface Font {
    readonly familyName: string;
    readonly subfamilyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(file: string): Font;
}
