/**
 * Renders the JSON of `statements compute --json` (DESIGN.md §6) as readable Markdown tables, so a
 * golden file can be checked by a person figure by figure. Only what the contract prints is shown;
 * messages are left out on purpose (they are wording, pinned elsewhere), issues keep their place.
 */
import type { computeResultAsJson } from '../../src/core';

export type ComputeJson = ReturnType<typeof computeResultAsJson>;
type JsonStatement = ComputeJson['statements'][number];
type JsonSection = JsonStatement['sections'][number];
type JsonIssue = ComputeJson['issues'][number];

export interface GoldenRun {
  /** Scenario folder name. */
  readonly name: string;
  /** CLI arguments after `compute`, without `--ledger` and `--json`. */
  readonly args: readonly string[];
  readonly exitCode: number;
  readonly json: ComputeJson;
  /** Whatever the CLI wrote on stderr (notes about the files), verbatim. */
  readonly stderr: string;
}

/** A table cell: pipes escaped, line breaks flattened, absent values blank. */
function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly (string | number | null | undefined)[])[]): string[] {
  const out = [`| ${head.map(cellText).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`];
  for (const r of rows) out.push(`| ${r.map(cellText).join(' | ')} |`);
  return out;
}

function issuesTable(issues: readonly JsonIssue[]): string[] {
  if (issues.length === 0) return ['_None._'];
  return table(
    ['Severity', 'Code', 'Table', 'Row', 'Column'],
    ['l', 'l', 'l', 'r', 'l'],
    issues.map((i) => [i.severity, i.code, i.table, i.row, i.column]),
  );
}

function sectionMarkdown(customerId: string, s: JsonSection, buckets: readonly string[]): string[] {
  const out: string[] = [`### ${customerId} · ${s.currency}`, ''];
  out.push(...table(['Opening', 'Closing', 'Overdue'], ['r', 'r', 'r'], [[s.openingBalance, s.closingBalance, s.overdue]]), '');
  out.push('Aging:', '');
  out.push(...table(buckets, buckets.map(() => 'r' as const), [s.aging]), '');
  if (!('lines' in s)) {
    out.push('_Summary: no lines._', '');
    return out;
  }
  out.push('Lines:', '');
  if (s.lines.length === 0) out.push('_No lines._');
  else {
    out.push(
      ...table(
        ['Date', 'Type', 'Document', 'Due', 'Amount', 'Applied', 'Open', 'Balance', 'Days overdue'],
        ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
        s.lines.map((l) => [l.date, l.type, l.documentNo, l.dueDate, l.amount, l.applied, l.open, l.balance, l.daysOverdue]),
      ),
    );
  }
  out.push('');
  return out;
}

function statementMarkdown(s: JsonStatement, buckets: readonly string[]): string[] {
  const out: string[] = [`## ${s.customerId} — ${s.name ?? '(not in customers)'} — ${s.status}`, ''];
  if (s.sections.length === 0) out.push('_No sections._', '');
  for (const section of s.sections) out.push(...sectionMarkdown(s.customerId, section, buckets));
  if ('issues' in s && s.issues !== undefined) {
    out.push('Blocking issues:', '', ...issuesTable(s.issues), '');
  }
  return out;
}

export function goldenMarkdown(run: GoldenRun): string {
  const j = run.json;
  const buckets = j.aging.buckets;
  const out: string[] = [`# Golden scenario: ${run.name}`, ''];
  out.push(
    ...table(
      ['Item', 'Value'],
      ['l', 'l'],
      [
        ['Command', `statements compute --ledger <scenario> ${run.args.join(' ')} --json`],
        ['Exit code', run.exitCode],
        ['As of', j.asOf],
        ['From', j.from ?? '(none)'],
        ['Style', j.style],
        ['Aging basis', j.aging.basis],
        ['Aging columns', buckets.join(' · ')],
      ],
    ),
    '',
  );
  if (j.statements.length === 0) out.push('_No statements._', '');
  for (const s of j.statements) out.push(...statementMarkdown(s, buckets));
  out.push('## Excluded', '');
  if (j.excluded.length === 0) out.push('_None._');
  else out.push(...table(['Customer', 'Reason'], ['l', 'l'], j.excluded.map((e) => [e.customerId, e.reason])));
  out.push('', '## Issues', '', ...issuesTable(j.issues), '');
  if (run.stderr !== '') out.push('## Standard error', '', '```text', run.stderr.trimEnd(), '```', '');
  return out.join('\n');
}
