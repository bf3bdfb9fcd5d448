/**
 * The indices 0 … n−1 grouped by `keys[i]` (a group in [0, groups); −1 leaves i out), each group
 * in index order: group g is `items[starts[g] … starts[g + 1])`. A counting sort: two passes over
 * the indices, no comparisons, which matters for a million entries. The keys come as an array, not
 * a function: two callers' functions at one call site made each of the two million calls a slow one.
 */
export function groupIndices(keys: Int32Array, groups: number): { starts: Int32Array; items: Int32Array } {
  const n = keys.length;
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const g = keys[i] as number;
    if (g >= 0) starts[g + 1] = (starts[g + 1] as number) + 1;
  }
  for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
  const fill = new Int32Array(groups);
  fill.set(starts.subarray(0, groups));
  const items = new Int32Array(starts[groups] as number);
  for (let i = 0; i < n; i++) {
    const g = keys[i] as number;
    if (g < 0) continue;
    items[fill[g] as number] = i;
    fill[g] = (fill[g] as number) + 1;
  }
  return { starts, items };
}
