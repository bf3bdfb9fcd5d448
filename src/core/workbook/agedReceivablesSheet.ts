import { agingCaption, makeAger } from '../aging/agingSpec';
import { colon, type Language } from '../i18n/language';
import { addMinor, type Minor } from '../money/money';
import { EXCLUSION_LABELS } from '../statements/selection';
import type { ComputeResult, CustomerStatement } from '../statements/model';
import { LABELS } from '../report/labels';
import { dateFormat, moneyFormat } from './formats';
import { NORMAL_MARGINS, type SheetModel } from './model';
import { BOLD, date, money, SheetBuilder, text, TOTAL, type Placed } from './sheetBuilder';

const BLANK_CELL: Placed = { value: { kind: 'blank' } };

/**
 * "Aged receivables": one row per customer and currency (blocked and left-out customers too) in an
 * Excel table, the totals per currency below it (never summed across currencies), the statement
 * date, the aging caption and, when some statements have no sheet, a note. Printed landscape, one
 * page wide, with the header row on every page.
 */
export function agedReceivablesSheet(name: string, result: ComputeResult, language: Language, note: string | undefined): SheetModel {
  const labels = LABELS[language];
  const agingLabels = makeAger(result.aging, result.asOf).labels(language);
  const buckets = agingLabels.length;
  const headers = [labels.customerNo, labels.customer, labels.currency, labels.balance, labels.overdue, ...agingLabels, labels.email, labels.status];
  const firstMoney = 4;
  const sheet = new SheetBuilder(name);
  headers.forEach((h, i) => sheet.see(i + 1, text(h)));

  const rows: Placed[][] = [];
  type Total = { balance: Minor; overdue: Minor; aging: Minor[] };
  const totals = new Map<string, Total>();
  const noMoney = (): Placed[] => new Array<Placed>(3 + buckets).fill(BLANK_CELL);
  const emailsOf = (s: CustomerStatement) => (s.customer?.emails ?? []).join('; ');
  const t = (s: string): Placed => ({ value: text(s) });

  for (const s of result.statements) {
    const customer = s.customer?.name ?? '';
    const status = s.status === 'ok' ? labels.ok : labels.blocked;
    if (s.sections.length === 0) {
      rows.push([t(s.customerId), t(customer), ...noMoney(), t(emailsOf(s)), t(status)]);
      continue;
    }
    for (const section of s.sections) {
      const format = moneyFormat(section.currency);
      const m = (x: Minor): Placed => ({ value: money(x, section.currency), format });
      rows.push([t(s.customerId), t(customer), t(section.currency), m(section.closingBalance), m(section.overdue), ...section.aging.map(m), t(emailsOf(s)), t(status)]);
      const total = totals.get(section.currency) ?? { balance: 0, overdue: 0, aging: new Array<Minor>(buckets).fill(0) };
      total.balance = addMinor(total.balance, section.closingBalance);
      total.overdue = addMinor(total.overdue, section.overdue);
      section.aging.forEach((x, i) => (total.aging[i] = addMinor(total.aging[i] ?? 0, x)));
      totals.set(section.currency, total);
    }
  }
  for (const x of result.excluded) {
    rows.push([t(x.customerId), t(x.customer?.name ?? ''), ...noMoney(), t((x.customer?.emails ?? []).join('; ')), t(`${labels.excluded}${colon(language)} ${EXCLUSION_LABELS[x.reason][language]}`)]);
  }
  for (const row of rows) row.forEach((cell, j) => sheet.see(j + 1, cell.value, cell.format));
  sheet.table('AgedReceivables', 1, headers, rows);

  let r = rows.length + 3;
  const lastMoney = firstMoney + 1 + buckets;
  for (const currency of [...totals.keys()].sort()) {
    const total = totals.get(currency) as Total;
    const format = moneyFormat(currency);
    sheet.put(r, 1, text(labels.total));
    sheet.put(r, 3, text(currency));
    [total.balance, total.overdue, ...total.aging].forEach((x, i) => {
      sheet.put(r, firstMoney + i, money(x, currency), format);
      sheet.see(firstMoney + i, money(x, currency), format);
    });
    for (let c = 1; c <= lastMoney; c++) sheet.style(r, c, TOTAL);
    r++;
  }

  r++;
  const dateFmt = dateFormat(language);
  sheet.put(r, 1, text(labels.statementDate));
  sheet.put(r++, 3, date(result.asOf), dateFmt);
  if (result.from !== undefined) {
    sheet.put(r, 1, text(labels.period));
    sheet.put(r, 3, date(result.from), dateFmt);
    sheet.put(r++, 4, date(result.asOf), dateFmt);
  }
  sheet.put(r++, 1, text(agingCaption(result.aging, result.agingBasis, result.asOf, language)), undefined, { italic: true });
  if (note !== undefined) sheet.put(r++, 1, text(note), undefined, { ...BOLD, color: 'C00000' });

  return sheet.build({
    columnWidths: headers.map((_, i) => sheet.widthOf(i + 1, 8, 48)),
    frozen: { rows: 1, columns: 2 },
    printTitleRows: { first: 1, last: 1 },
    pageSetup: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, margins: NORMAL_MARGINS },
  });
}
