import type { ColumnIndex } from './headerMap';
import type { RawTable } from './rawTable';
import type { EntryReadState } from './readEntries';

/** Placeholder until the byte reader lands: every row takes the general reader. */
export function fastEntryReader(_t: RawTable, _ix: ColumnIndex, _state: EntryReadState): ((i: number) => boolean) | undefined {
  return undefined;
}
