import { normaliseKey } from '../ledger/normalise';
import type { ColumnKind } from './vendorProfile';

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

/** How the finder should coerce each header's cells: the roles named in `dates` are dates, in `money` amounts, the rest text. */
export function columnKinds(headers: readonly string[], roles: Readonly<Record<string, number>>, dates: ReadonlySet<string>, money: ReadonlySet<string>): ColumnKind[] {
  const kinds: ColumnKind[] = headers.map(() => 'text');
  for (const [role, i] of Object.entries(roles)) if (i >= 0) kinds[i] = dates.has(role) ? 'date' : money.has(role) ? 'money' : 'text';
  return kinds;
}

/** A recognition's score: how many roles were found. */
export const rolesFound = (roles: Readonly<Record<string, number>>): number => Object.values(roles).filter((i) => i >= 0).length;
