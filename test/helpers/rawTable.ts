import type { RawTable } from '../../src/core';

/** A small table written inline: the header line, then one line per row, cells split on `separator`. */
export function rawTable(table: RawTable['table'], text: string, separator = '|'): RawTable {
  const [head, ...rows] = text.trim().split('\n').map((l) => l.split(separator));
  return { table, source: `${table}.csv`, headers: head ?? [], rows };
}
