import { memo } from '../collections/memo';
import { toLanguage } from '../i18n/language';
import { makeIssue, type Issue } from '../issues/issue';
import { isKnownCurrency } from '../money/currencies';
import { parseYesNo } from './entryTypes';
import { blankHeaderIndexes, cell, cellBeyondHeaders, locate, mapHeaders } from './headerMap';
import type { Customer } from './model';
import { isBlankRow, rowNumberOf, type RawTable } from './rawTable';

/** Shared by every customer without a list: fifty thousand empty arrays are garbage the collector would copy. */
const NONE: readonly string[] = Object.freeze([]);

const splitList = (s: string): readonly string[] => {
  if (!s.includes(';') && !s.includes(',')) {
    const one = s.trim(); // the usual single address, without a regular expression per row
    return one === '' ? NONE : [one];
  }
  const list = s.split(/[;,]/).map((x) => x.trim()).filter((x) => x !== '');
  return list.length === 0 ? NONE : list;
};

/** The non-blank texts, trimmed, in order. */
function nonBlank(texts: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (const text of texts) {
    const t = text.trim();
    if (t !== '') (out ??= []).push(t);
  }
  return out ?? NONE;
}

/** yes/no cells repeat a handful of spellings: each is normalised once. */
const yesNo = memo(parseYesNo);

export interface CustomersRead {
  readonly customers: Customer[];
  readonly issues: Issue[];
  readonly usable: boolean;
}

export function readCustomers(tables: readonly RawTable[]): CustomersRead {
  const customers: Customer[] = [];
  const issues: Issue[] = [];
  const firstRow = new Map<string, number>();
  let usable = true;
  for (const t of tables) usable = readCustomerTable(t, firstRow, customers, issues) && usable;
  return { customers, issues, usable };
}

function readCustomerTable(t: RawTable, firstRow: Map<string, number>, customers: Customer[], issues: Issue[]): boolean {
  const map = mapHeaders(t);
  issues.push(...map.issues);
  if (!map.usable) return false;
  const ix = map.index;
  const blankHeaders = blankHeaderIndexes(t); // once per table, not per row
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows.at(i) ?? [];
    const row = rowNumberOf(t, i);
    const id = cell(r, ix, 'customer_id').trim();
    if (isBlankRow(r)) continue;
    const at = (column: string, value: string) => locate(t, ix, row, column, value, id);
    if (id === '') {
      issues.push(makeIssue('missing-value', at('customer_id', '')));
      continue;
    }
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      issues.push(makeIssue('duplicate-customer', at('customer_id', id), { firstRow: seen }));
      continue;
    }
    firstRow.set(id, row);
    const beyond = cellBeyondHeaders(t, r, blankHeaders);
    if (beyond !== undefined) issues.push(makeIssue('extra-cells', at(beyond.column, beyond.value)));
    const currency = cell(r, ix, 'currency').trim().toUpperCase();
    if (currency !== '' && !isKnownCurrency(currency)) issues.push(makeIssue('unknown-currency', at('currency', currency)));
    const languageText = cell(r, ix, 'language').trim();
    const language = toLanguage(languageText);
    if (languageText !== '' && !/^(fr|en|an)/i.test(languageText)) issues.push(makeIssue('bad-language', at('language', languageText)));
    const sendText = cell(r, ix, 'send_statements').trim();
    const send = sendText === '' ? true : yesNo(sendText);
    if (send === undefined) issues.push(makeIssue('bad-yes-no', at('send_statements', sendText)));
    const postcode = cell(r, ix, 'postcode').trim();
    const city = cell(r, ix, 'city').trim();
    const postcodeCity = postcode === '' || city === '' ? postcode + city : `${postcode} ${city}`;
    customers.push({
      id,
      row,
      name: cell(r, ix, 'name').trim(),
      emails: splitList(cell(r, ix, 'email')),
      cc: splitList(cell(r, ix, 'cc')),
      language,
      currency: currency === '' ? undefined : currency,
      addressLines: nonBlank([cell(r, ix, 'address1'), cell(r, ix, 'address2'), cell(r, ix, 'address3'), postcodeCity, cell(r, ix, 'country')]),
      contact: cell(r, ix, 'contact').trim(),
      statementStyle: cell(r, ix, 'statement_style').trim(),
      template: cell(r, ix, 'template').trim(),
      sendStatements: send ?? true,
      group: cell(r, ix, 'group').trim(),
    });
  }
  return true;
}
