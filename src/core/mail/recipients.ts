/** Addresses typed in a cell, separated by `;` or `,` (Outlook and Excel habits), trimmed, without duplicates. */
export function splitAddresses(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const cell of cells) {
    for (const part of cell.split(/[;,]/)) {
      const a = part.trim().replace(/^<(.*)>$/, '$1');
      if (a === '' || seen.has(a.toLowerCase())) continue;
      seen.add(a.toLowerCase());
      out.push(a);
    }
  }
  return out;
}

/** A plain mailbox address (local@domain.tld): what a statement may be sent to without surprise. */
export function isPlainAddress(a: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(a) && a.length <= 254;
}
