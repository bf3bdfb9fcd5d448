/**
 * One statement's worth of data that enters every loop and every condition of a template: each list
 * holds one item merging all the items seen, each yes/no is yes, each field has a value. Filling a
 * template with it once checks every tag, also those inside a loop that is empty for some customers,
 * so a misspelt {opn} inside {#overdueLines} refuses the template for the whole run rather than for
 * only the customers who happen to have overdue items.
 */
export function mergeSample(sample: unknown, data: unknown): unknown {
  if (Array.isArray(data) || Array.isArray(sample)) {
    let item: unknown = Array.isArray(sample) ? sample[0] : undefined;
    for (const x of Array.isArray(data) ? data : []) item = mergeSample(item, x);
    return item === undefined ? [] : [item];
  }
  if (typeof data === 'boolean' || typeof sample === 'boolean') return true;
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObject(data) || isObject(sample)) {
    const a = isObject(sample) ? sample : {};
    const b = isObject(data) ? data : {};
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = mergeSample(a[key], b[key]);
    return out;
  }
  if (typeof sample === 'string' && sample !== '') return sample;
  return data ?? sample;
}

/** The sample of a run's statements: overdue items have the shape of lines, so their loop is entered even when no statement has any. */
export function completeStatementSample(sample: unknown): unknown {
  const s = mergeSample(undefined, sample) as { sections?: { lines?: unknown[]; overdueLines?: unknown[] }[] };
  for (const section of s.sections ?? []) {
    const lines = section.lines ?? [];
    if ((section.overdueLines ?? []).length === 0 && lines.length > 0) section.overdueLines = lines;
  }
  return s;
}
