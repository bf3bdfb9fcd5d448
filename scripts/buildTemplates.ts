/**
 * Rebuilds the default Word templates assets/templates/statement.docx (English) and
 * statement-fr.docx (French) from a minimal WordprocessingML package written here by hand: company
 * and customer blocks, title, date, number, period, balance due per currency, one section per
 * currency with its lines table, totals, overdue items, aging table with its caption, the message,
 * payment details, and a footer with page numbers. Fixed texts come from core's labels, so the
 * templates say what the other renderers say. Deterministic: the same bytes every run.
 *
 * Usage: npx tsc -p tsconfig.build.json && node dist/scripts/buildTemplates.js
 * Tags: docs/templates.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { LABELS, withColon, type Language } from '../src/core';

// ---------------------------------------------------------------------------------------------------
// WordprocessingML helpers

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number; // half-points
  readonly color?: string;
}

/** One run of text (tags included): a tag never spans runs, so Word shows it as typed. */
export function run(text: string, style: RunStyle = {}): string {
  const props = [style.bold === true ? '<w:b/>' : '', style.italic === true ? '<w:i/>' : '', style.color !== undefined ? `<w:color w:val="${style.color}"/>` : '', style.size !== undefined ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : ''].join('');
  return `<w:r>${props === '' ? '' : `<w:rPr>${props}</w:rPr>`}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

interface ParagraphStyle {
  readonly style?: string;
  readonly align?: 'left' | 'right' | 'center';
  readonly keepNext?: boolean;
  readonly spaceBefore?: number; // twips
  readonly spaceAfter?: number;
}

/** A paragraph of plain text (a string), of runs (XML starting with "<w:"), or of a list of runs. */
export function para(runs: string | readonly string[], style: ParagraphStyle = {}): string {
  const props = [
    style.style !== undefined ? `<w:pStyle w:val="${style.style}"/>` : '',
    style.keepNext === true ? '<w:keepNext/>' : '',
    style.spaceBefore !== undefined || style.spaceAfter !== undefined ? `<w:spacing w:before="${style.spaceBefore ?? 0}" w:after="${style.spaceAfter ?? 0}"/>` : '',
    style.align !== undefined && style.align !== 'left' ? `<w:jc w:val="${style.align}"/>` : '',
  ].join('');
  const body = typeof runs !== 'string' ? runs.join('') : runs.startsWith('<w:') ? runs : run(runs);
  return `<w:p>${props === '' ? '' : `<w:pPr>${props}</w:pPr>`}${body}</w:p>`;
}

/** A paragraph holding only a loop tag: with paragraphLoop, docxtemplater removes it when filling. */
const tagPara = (tag: string): string => para(run(tag), { style: 'LoopTag' });

interface CellOptions {
  readonly span?: number;
  readonly fill?: string;
  readonly borderTop?: boolean;
}

export function cell(width: number, paragraphs: string | readonly string[], options: CellOptions = {}): string {
  const props = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    options.span !== undefined && options.span > 1 ? `<w:gridSpan w:val="${options.span}"/>` : '',
    options.borderTop === true ? '<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="1F3864"/></w:tcBorders>' : '',
    options.fill !== undefined ? `<w:shd w:val="clear" w:color="auto" w:fill="${options.fill}"/>` : '',
  ].join('');
  const body = typeof paragraphs === 'string' ? paragraphs : paragraphs.join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${body === '' ? para('') : body}</w:tc>`;
}

export function row(cells: readonly string[], options: { header?: boolean; cantSplit?: boolean } = {}): string {
  const props = `${options.cantSplit === false ? '' : '<w:cantSplit/>'}${options.header === true ? '<w:tblHeader/>' : ''}`;
  return `<w:tr><w:trPr>${props}</w:trPr>${cells.join('')}</w:tr>`;
}

interface TableOptions {
  /** Light horizontal rules between rows (data tables); none for layout tables. */
  readonly rules?: boolean;
  readonly align?: 'left' | 'right';
  readonly cellMargin?: number;
}

export function table(widths: readonly number[], rows: readonly string[], options: TableOptions = {}): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const line = (side: string, val: string, color = 'BFBFBF', sz = 4) => `<w:${side} w:val="${val}" w:sz="${sz}" w:space="0" w:color="${color}"/>`;
  const borders =
    options.rules === true
      ? `<w:tblBorders>${line('top', 'single', '1F3864', 8)}${line('left', 'nil')}${line('bottom', 'single', '1F3864', 8)}${line('right', 'nil')}${line('insideH', 'single')}${line('insideV', 'nil')}</w:tblBorders>`
      : `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => line(s, 'nil')).join('')}</w:tblBorders>`;
  const m = options.cellMargin ?? 57;
  const props = `<w:tblW w:w="${total}" w:type="dxa"/>${options.align === 'right' ? '<w:jc w:val="right"/>' : ''}${borders}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="${m}" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="${m}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/>`;
  return `<w:tbl><w:tblPr>${props}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

// ---------------------------------------------------------------------------------------------------
// Package parts

const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${W_NS}><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const NAVY = '1F3864';
const GREY = '595959';

function paraStyle(id: string, name: string, pPr: string, rPr: string, basedOn = 'Normal'): string {
  return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

/** Named styles, so a firm restyles the whole statement from Word's Styles pane. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  paraStyle('StmtCompany', 'Statement Company', '<w:spacing w:after="40"/>', `<w:b/><w:color w:val="${NAVY}"/><w:sz w:val="28"/><w:szCs w:val="28"/>`) +
  paraStyle('StmtTitle', 'Statement Title', '<w:spacing w:after="80"/><w:jc w:val="right"/>', `<w:b/><w:color w:val="${NAVY}"/><w:sz w:val="36"/><w:szCs w:val="36"/>`) +
  paraStyle('StmtSmall', 'Statement Small', '', `<w:color w:val="${GREY}"/><w:sz w:val="16"/><w:szCs w:val="16"/>`) +
  paraStyle('StmtLabel', 'Statement Label', '<w:spacing w:after="20"/>', `<w:caps/><w:color w:val="${GREY}"/><w:sz w:val="14"/><w:szCs w:val="14"/>`) +
  paraStyle('StmtCustomer', 'Statement Customer', '', '<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>') +
  paraStyle('StmtHeading', 'Statement Heading', '<w:keepNext/><w:spacing w:before="280" w:after="100"/>', `<w:b/><w:color w:val="${NAVY}"/><w:sz w:val="22"/><w:szCs w:val="22"/>`) +
  paraStyle('StmtSubheading', 'Statement Subheading', '<w:keepNext/><w:spacing w:before="200" w:after="60"/>', `<w:b/><w:color w:val="${NAVY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>`) +
  paraStyle('StmtTableHeader', 'Statement Table Header', '<w:keepNext/>', '<w:b/><w:color w:val="FFFFFF"/><w:sz w:val="15"/><w:szCs w:val="15"/>') +
  paraStyle('StmtTableHeaderNumber', 'Statement Table Header Number', '<w:jc w:val="right"/>', '', 'StmtTableHeader') +
  paraStyle('StmtTableText', 'Statement Table Text', '', '<w:sz w:val="15"/><w:szCs w:val="15"/>') +
  paraStyle('StmtTableNumber', 'Statement Table Number', '<w:jc w:val="right"/>', '', 'StmtTableText') +
  paraStyle('StmtTableTotal', 'Statement Table Total', '', '<w:b/>', 'StmtTableText') +
  paraStyle('StmtTableTotalNumber', 'Statement Table Total Number', '<w:jc w:val="right"/>', '<w:b/>', 'StmtTableText') +
  paraStyle('StmtBalanceDue', 'Statement Balance Due', '<w:spacing w:before="120"/><w:jc w:val="right"/>', `<w:b/><w:color w:val="${NAVY}"/><w:sz w:val="22"/><w:szCs w:val="22"/>`) +
  paraStyle('StmtCaption', 'Statement Caption', '<w:spacing w:before="60"/>', `<w:i/><w:color w:val="${GREY}"/><w:sz w:val="15"/><w:szCs w:val="15"/>`) +
  paraStyle('StmtMessage', 'Statement Message', '<w:spacing w:before="320" w:after="120"/>', '') +
  paraStyle('StmtFooter', 'Statement Footer', '<w:jc w:val="center"/>', '<w:color w:val="7F7F7F"/><w:sz w:val="14"/><w:szCs w:val="14"/>') +
  paraStyle('LoopTag', 'Loop Tag', '', `<w:color w:val="7F7F7F"/><w:sz w:val="14"/><w:szCs w:val="14"/>`) +
  `</w:styles>`;

const CORE_PROPS = (title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>customer-statements</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;

const APP_PROPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>customer-statements</Application></Properties>`;

/** A .docx package around a body (paragraphs and tables) and an optional footer; A4 portrait. */
export function docxPackage(bodyXml: string, footerXml = '', title = 'Statement'): Buffer {
  const zip = new PizZip();
  const add = (name: string, text: string) => zip.file(name, text, { date: FIXED_DATE, createFolders: false });
  const footerRef = footerXml === '' ? '' : '<w:footerReference w:type="default" r:id="rId3"/>';
  const sectPr = `<w:sectPr>${footerRef}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="964" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" w:footer="454" w:gutter="0"/></w:sectPr>`;
  add('[Content_Types].xml', footerXml === '' ? CONTENT_TYPES.replace(/<Override PartName="\/word\/footer1.xml"[^>]*\/>/, '') : CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('docProps/core.xml', CORE_PROPS(title));
  add('docProps/app.xml', APP_PROPS);
  add('word/_rels/document.xml.rels', footerXml === '' ? DOCUMENT_RELS.replace(/<Relationship Id="rId3"[^>]*\/>/, '') : DOCUMENT_RELS);
  add('word/styles.xml', STYLES);
  add('word/settings.xml', SETTINGS);
  add('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${bodyXml}${sectPr}</w:body></w:document>`);
  if (footerXml !== '') add('word/footer1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W_NS}>${footerXml}</w:ftr>`);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------------------
// The statement layout

function texts(language: Language) {
  const L = LABELS[language];
  // The colon as the language writes it after a label (no-break space in French), from core's punctuation rule.
  const colon = withColon('', language, true);
  return { ...L, statementNumber: L.statementNo, page: L.pageWord, of: L.pageOf, colon };
}

/** The statement template in one language: fixed texts typed in that language, data as tags. */
export function statementTemplateBody(language: Language): { body: string; footer: string } {
  const t = texts(language);
  const c = t.colon;
  const small = (text: string) => para(run(text), { style: 'StmtSmall' });

  // Sender (left) and title with the statement's references (right).
  const info = table(
    [2100, 2300],
    [
      row([cell(2100, para(`${t.statementDate}${c}`, { style: 'StmtSmall' })), cell(2300, para(run('{statementDate}', { bold: true }), { align: 'right' }))]),
      row([cell(2100, para(`${t.statementNumber}${c}`, { style: 'StmtSmall' })), cell(2300, para('{statementNumber}', { align: 'right' }))]),
      row([cell(2100, para(`${t.customerNo}${c}`, { style: 'StmtSmall' })), cell(2300, para('{customer.no}', { align: 'right' }))]),
      // A row loop on a true/false value: the row is there only for activity statements.
      row([cell(2100, para(run(`{#hasPeriod}${t.period}${c}`), { style: 'StmtSmall' })), cell(2300, para('{period}{/hasPeriod}', { align: 'right' }))]),
    ],
    { align: 'right', cellMargin: 0 },
  );
  const header = table(
    [5300, 4564],
    [
      row([
        cell(5300, [
          para('{company.name}', { style: 'StmtCompany' }),
          small('{company.address}'),
          para([run('{#company.phone}', { color: GREY, size: 16 }), run(`${t.phone} {company.phone}`, { color: GREY, size: 16 }), run('{/company.phone}', { color: GREY, size: 16 })]),
          para([run('{#company.email}', { color: GREY, size: 16 }), run('{company.email}', { color: GREY, size: 16 }), run('{/company.email}', { color: GREY, size: 16 })]),
        ]),
        cell(4564, [para('{title}', { style: 'StmtTitle' }), info, para('')]), // a cell ends with a paragraph
      ]),
    ],
    { cellMargin: 0 },
  );

  // Addressee (left, where a window envelope shows it) and balance due per currency (right).
  const totals = table(
    [1000, 1700, 1700],
    [
      row([cell(1000, para(t.currency, { style: 'StmtTableHeader' }), { fill: NAVY }), cell(1700, para(t.balanceDue, { style: 'StmtTableHeaderNumber' }), { fill: NAVY }), cell(1700, para(t.overdue, { style: 'StmtTableHeaderNumber' }), { fill: NAVY })], { header: true }),
      row([
        cell(1000, para('{#totals}{currency}', { style: 'StmtTableText' })),
        cell(1700, para(run('{balanceDue}', { bold: true }), { style: 'StmtTableNumber' })),
        cell(1700, para('{overdue}{/totals}', { style: 'StmtTableNumber' })),
      ]),
    ],
    { rules: true, align: 'right' },
  );
  const addressee = table(
    [5300, 4564],
    [
      row([
        cell(5300, [
          para(t.customer, { style: 'StmtLabel' }),
          para('{customer.name}', { style: 'StmtCustomer' }),
          para('{customer.address}'),
          tagPara('{#customer.hasContact}'),
          para([run(`${t.contact}${c} `, { color: GREY }), run('{customer.contact}')], { spaceBefore: 60 }),
          tagPara('{/customer.hasContact}'),
        ]),
        cell(4564, [totals, para('')]),
      ]),
    ],
    { cellMargin: 0 },
  );

  // One section per currency.
  const widths = [1020, 900, 950, 1384, 1020, 960, 960, 960, 1000, 700];
  const head = [t.date, t.type, t.document, t.reference, t.dueDate, t.amount, t.applied, t.open, t.balance, t.daysOverdue];
  const numeric = (i: number) => i >= 5;
  const headerRow = row(
    head.map((h, i) => cell(widths[i] as number, para(h, { style: numeric(i) ? 'StmtTableHeaderNumber' : 'StmtTableHeader' }), { fill: NAVY })),
    { header: true },
  );
  const textCell = (i: number, content: string | readonly string[]) => cell(widths[i] as number, typeof content === 'string' ? para(content, { style: 'StmtTableText' }) : content);
  const numberCell = (i: number, content: string) => cell(widths[i] as number, para(content, { style: 'StmtTableNumber' }));
  // As the PDF: the period's first day, the label over the next seven columns, the balance in the balance column.
  const openingRow = row([
    textCell(0, '{#showOpeningBalance}{openingDate}'),
    cell(widths.slice(1, 8).reduce((a, b) => a + b, 0), para(t.openingBalance, { style: 'StmtTableText' }), { span: 7 }),
    numberCell(8, '{openingBalancePlain}'),
    cell(widths[9] as number, para('{/showOpeningBalance}', { style: 'StmtTableText' })),
  ]);
  const lineRow = row([
    textCell(0, '{#lines}{date}'),
    textCell(1, '{type}'),
    textCell(2, '{document}'),
    // Description under the reference, only when there is one.
    textCell(3, [para([run('{reference}'), run('{#description}'), '<w:r><w:br/></w:r>', run('{description}', { italic: true, color: GREY }), run('{/description}')], { style: 'StmtTableText' })]),
    textCell(4, '{dueDate}'),
    numberCell(5, '{amount}'),
    numberCell(6, '{applied}'),
    numberCell(7, '{open}'),
    numberCell(8, '{balance}'),
    numberCell(9, '{daysOverdue}{/lines}'),
  ]);
  const totalCell = (i: number, content: string, span = 1) =>
    cell(widths.slice(i, i + span).reduce((a, b) => a + b, 0), para(content, { style: i >= 5 ? 'StmtTableTotalNumber' : 'StmtTableTotal' }), { span, borderTop: true });
  const totalRow = row([totalCell(0, t.total, 5), totalCell(5, '{totalAmount}'), totalCell(6, '{totalApplied}'), totalCell(7, '{totalOpen}'), totalCell(8, '{closingBalancePlain}'), totalCell(9, '')]);
  const linesTable = table(widths, [headerRow, openingRow, lineRow, totalRow], { rules: true });

  // The overdue list with the PDF's columns, and its total (the section's overdue amount).
  const overdueWidths = [1200, 1400, 1800, 1200, 1000, 1400];
  const overdueTable = table(
    overdueWidths,
    [
      row([t.date, t.document, t.reference, t.dueDate, t.daysOverdue, t.open].map((h, i) => cell(overdueWidths[i] as number, para(h, { style: i >= 4 ? 'StmtTableHeaderNumber' : 'StmtTableHeader' }), { fill: NAVY })), { header: true }),
      row([
        cell(1200, para('{#overdueLines}{date}', { style: 'StmtTableText' })),
        cell(1400, para('{document}', { style: 'StmtTableText' })),
        cell(1800, para('{reference}', { style: 'StmtTableText' })),
        cell(1200, para('{dueDate}', { style: 'StmtTableText' })),
        cell(1000, para('{daysOverdue}', { style: 'StmtTableNumber' })),
        cell(1400, para('{open}{/overdueLines}', { style: 'StmtTableNumber' })),
      ]),
      row([cell(6600, para(t.total, { style: 'StmtTableTotal' }), { span: 5, borderTop: true }), cell(1400, para('{overdue}', { style: 'StmtTableTotalNumber' }), { borderTop: true })]),
    ],
    { rules: true },
  );

  const agingTable = table(
    [2600, 1800],
    [
      row([cell(2600, para(t.aging, { style: 'StmtTableHeader' }), { fill: NAVY }), cell(1800, para(t.amount, { style: 'StmtTableHeaderNumber' }), { fill: NAVY })], { header: true }),
      row([cell(2600, para('{#aging}{label}', { style: 'StmtTableText' })), cell(1800, para('{amount}{/aging}', { style: 'StmtTableNumber' }))]),
      row([cell(2600, para(t.total, { style: 'StmtTableTotal' }), { borderTop: true }), cell(1800, para('{agingTotal}', { style: 'StmtTableTotalNumber' }), { borderTop: true })]),
    ],
    { rules: true },
  );

  const section = [
    tagPara('{#sections}'),
    para([run(`${t.currency}${c} `), run('{currency}')], { style: 'StmtHeading' }),
    linesTable,
    // The totals as the PDF prints them: "Balance due" (or "Closing balance"), then "Overdue", even when zero.
    para([run(`{closingLabel}${c} `), run('{closingBalance}')], { style: 'StmtBalanceDue' }),
    para([run(`${t.overdue}${c} `), run('{overdue}')], { align: 'right' }),
    tagPara('{#showOverdue}'),
    tagPara('{#hasOverdueLines}'),
    para([run(`${t.overdueItems} (`), run('{currency}'), run(')')], { style: 'StmtSubheading' }),
    overdueTable,
    tagPara('{/hasOverdueLines}'),
    tagPara('{/showOverdue}'),
    para('', { spaceAfter: 200 }),
    agingTable,
    para('{agingCaption}', { style: 'StmtCaption' }),
    tagPara('{/sections}'),
  ].join('');

  const closing = [
    tagPara('{#hasMessage}'),
    para('{message}', { style: 'StmtMessage' }),
    tagPara('{/hasMessage}'),
    tagPara('{#company.hasBank}'),
    para(t.paymentDetails, { style: 'StmtSubheading' }),
    para([
      run('{#company.bankName}'),
      run(`${t.bank}${c} `, { color: GREY }),
      run('{company.bankName}   '),
      run('{/company.bankName}'),
      run('{#company.iban}'),
      run(`${t.iban}${c} `, { color: GREY }),
      run('{company.iban}   '),
      run('{/company.iban}'),
      run('{#company.bic}'),
      run(`${t.bic}${c} `, { color: GREY }),
      run('{company.bic}'),
      run('{/company.bic}'),
    ]),
    tagPara('{/company.hasBank}'),
  ].join('');

  const field = (instr: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const footer = [
    para(
      [
        run('{company.name}'),
        run(`{#company.registration} · ${t.registration} {company.registration}{/company.registration}`),
        run(`{#company.vatNumber} · ${t.vatNumber} {company.vatNumber}{/company.vatNumber}`),
      ],
      { style: 'StmtFooter' },
    ),
    para([run('{statementNumber} · '), run(`${t.page} `), field('PAGE'), run(` ${t.of} `), field('NUMPAGES')], { style: 'StmtFooter' }),
  ].join('');

  const body = [header, para('', { spaceAfter: 360 }), addressee, para('', { spaceAfter: 120 }), section, closing].join('');
  return { body, footer };
}

export function buildTemplate(language: Language): Buffer {
  const { body, footer } = statementTemplateBody(language);
  return docxPackage(body, footer, LABELS[language].statementTitle);
}

export const TEMPLATE_FILES: Readonly<Record<Language, string>> = { en: 'statement.docx', fr: 'statement-fr.docx' };

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

function main(): void {
  const out = path.join(repoRoot(), 'assets', 'templates');
  fs.mkdirSync(out, { recursive: true });
  for (const language of ['en', 'fr'] as const) {
    const file = path.join(out, TEMPLATE_FILES[language]);
    fs.writeFileSync(file, buildTemplate(language));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
