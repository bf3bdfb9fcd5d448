import { makeIssue, type Issue } from '../issues/issue';
import type { RawTable } from '../ledger/rawTable';
import { VENDOR_PROFILES } from './registry';
import type { Converted, Recognition, VendorProfile, VendorTable, ExportOptions } from './vendorProfile';

export interface VendorHeader {
  readonly profile: VendorProfile;
  readonly recognition: Recognition;
}

/** The profile that recognises this header row best, if any. */
export function recogniseHeader(headers: readonly string[], profiles: readonly VendorProfile[] = VENDOR_PROFILES): VendorHeader | undefined {
  let best: VendorHeader | undefined;
  for (const profile of profiles) {
    const recognition = profile.recognise(headers);
    if (recognition !== undefined && (best === undefined || recognition.score > best.recognition.score)) best = { profile, recognition };
  }
  return best;
}

/** The first row among `rows` (cell texts) that a profile recognises, with its index. */
export function findVendorHeader(rows: readonly (readonly string[])[], profiles: readonly VendorProfile[] = VENDOR_PROFILES): (VendorHeader & { index: number }) | undefined {
  for (let index = 0; index < rows.length; index++) {
    const cells = rows[index] as readonly string[];
    if (cells.every((c) => c === '')) continue;
    const found = recogniseHeader(cells.map((c) => c.trim()), profiles);
    if (found !== undefined) return { ...found, index };
  }
  return undefined;
}

/** A recognised table as the finder hands it over once read. */
export interface FoundVendorTable {
  readonly profile: VendorProfile;
  readonly table: VendorTable;
}

/** Every system's tables in the contract, and the issues: one `export-recognised` per system, then the profile's own. */
export type ConvertedExports = Pick<Converted, 'customers' | 'entries' | 'applications' | 'issues'>;

/**
 * Every recognised table, converted profile by profile, with one `export-recognised` info issue per
 * profile: the system, its tables, which columns were used for what and which were not.
 */
export function convertVendorTables(found: readonly FoundVendorTable[], options: ExportOptions = {}): ConvertedExports {
  const customers: RawTable[] = [];
  const entries: RawTable[] = [];
  const applications: RawTable[] = [];
  const issues: Issue[] = [];
  for (const profile of new Set(found.map((f) => f.profile))) {
    const tables = found.filter((f) => f.profile === profile).map((f) => f.table);
    const c: Converted = profile.convert(tables, options);
    const sheets = tables
      .map((t) => {
        const sheet = t.raw.sheet ?? t.raw.source;
        return sheet === t.recognition.kind ? sheet : `${sheet} (${t.recognition.kind})`;
      })
      .join(', ');
    const used = c.used.map((u) => `${u.header} → ${u.use}`).join(', ');
    const unused = c.unused.map((u) => u.header).join(', ');
    issues.push(makeIssue('export-recognised', { table: 'entries' }, { system: profile.system, sheets, used, unused: unused === '' ? '—' : unused }));
    issues.push(...c.issues);
    customers.push(...c.customers);
    entries.push(...c.entries);
    applications.push(...c.applications);
  }
  return { customers, entries, applications, issues };
}
