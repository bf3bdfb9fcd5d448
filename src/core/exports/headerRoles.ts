import { normaliseKey } from '../ledger/normalise';

/**
 * Which header holds each role, by a list of captions per role (English and French, compared
 * case-, accent-, space- and punctuation-insensitively as the ledger's own headers are): position
 * in `headers`, −1 when absent. The first caption of a role found wins; a header takes one role.
 */
export function findRoles<R extends string>(headers: readonly string[], captions: Readonly<Record<R, readonly string[]>>): Record<R, number> {
  const keys = headers.map(normaliseKey);
  const taken = new Set<number>();
  const out = {} as Record<R, number>;
  for (const role of Object.keys(captions) as R[]) {
    out[role] = -1;
    for (const caption of captions[role]) {
      const i = keys.findIndex((k, j) => k === normaliseKey(caption) && !taken.has(j));
      if (i >= 0) {
        out[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  return out;
}
