import { formatIsoDay } from '../calendar/day';
import type { StatementDocument } from '../report/statementDocument';
import type { StatementStyle } from '../statements/model';
import { sha256OfText } from './sha256';

/**
 * What makes two statements the same statement (issue 15): the customer, the as-of date, the style,
 * the period and what it shows. The statement number is not enough: an ad-hoc statement on the 15th
 * and the month-end one share it, and both go.
 */
export interface StatementIdentity {
  readonly customerId: string;
  readonly asOf: string;
  readonly style: StatementStyle;
  /** Period start, '' for none. */
  readonly from: string;
  /** SHA-256 of the statement's sections (lines, totals, overdue list, aging) as the document has them. */
  readonly contentHash: string;
  /** One value for all of the above: the mailbox's extended property and the send log's key. */
  readonly key: string;
}

export function statementIdentity(doc: StatementDocument): StatementIdentity {
  const asOf = formatIsoDay(doc.asOf);
  const from = doc.from === undefined ? '' : formatIsoDay(doc.from);
  // The sections are built in a fixed key order from typed values, so their JSON is canonical.
  const contentHash = sha256OfText(JSON.stringify({ id: doc.customer.id, sections: doc.sections }));
  const key = `stmt1-${sha256OfText([doc.customer.id, asOf, doc.style, from, contentHash].join('\n'))}`;
  return { customerId: doc.customer.id, asOf, style: doc.style, from, contentHash, key };
}
