// manifest.xml against the published add-in manifest XSDs ([MS-OWEMXML] Appendix A), as far as
// they go. They are not in this repository (manifest-schemas/README.md says where they come from
// and where to put them); where they are absent the check says so and does not run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { NS } from './manifestXml';

export const SCHEMA_FILES = [
  'OfficeAppManifestV1_1.xsd',
  'OfficeAppBasicTypesV1_0.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
] as const;

/**
 * Elements newer than the last published XSDs (2019), checked by manifestChecks instead: the
 * Workbook host's Runtimes (SharedRuntime 1.1, 2020).
 */
export const NEWER_THAN_XSD: readonly { ns: string; localName: string }[] = [{ ns: NS.overrides, localName: 'Runtimes' }];

/**
 * The OfficeApp schema imports the content add-in's overrides schema, which was never published
 * with the others. A task pane manifest never uses it: this stand-in accepts anything there.
 */
const CONTENT_OVERRIDES_STANDIN = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
  targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides">
  <xs:element name="VersionOverrides">
    <xs:complexType>
      <xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:anyAttribute processContents="lax"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

/**
 * The two slips of the published copies that keep any XSD processor from compiling them, undone:
 * W3C namespace URIs edited from http to https (XMLSchema, xmldsig), and a lazy quantifier `{0,3}?`
 * that XSD regular expressions do not have (a whole-value match is the same without it).
 */
export function correctSchema(text: string): string {
  return text.replaceAll('https://www.w3.org/', 'http://www.w3.org/').replaceAll('{0,3}?', '{0,3}');
}

/** Where the XSDs are looked for, first found wins. */
export function schemaDirCandidates(root: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [env['MANIFEST_XSD_DIR'], path.join(root, 'manifest-schemas', 'xsd'), path.join(root, '..', 'shared', 'manifest-schemas')]
    .filter((d): d is string => typeof d === 'string' && d.length > 0);
}

export function findSchemaDir(candidates: string[]): string | null {
  return candidates.find((d) => SCHEMA_FILES.every((f) => fs.existsSync(path.join(d, f)))) ?? null;
}

/**
 * The manifest with the newer elements replaced by comments of as many lines, the rest byte for
 * byte, so the XSD's line numbers are the manifest's. (By name: no other schema of the manifest
 * has elements of those names.)
 */
export function withoutNewerElements(xml: string): string {
  let out = xml;
  for (const { localName } of NEWER_THAN_XSD) {
    const element = new RegExp(`<((?:[\\w.-]+:)?)${localName}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${localName}\\s*>)`, 'g');
    out = out.replace(element, (m) => `<!-- ${localName}: newer than the XSD, checked structurally${'\n'.repeat(m.split('\n').length - 1)} -->`);
  }
  return out;
}

export interface XsdResult {
  ran: boolean;
  problems: string[];
  note: string;
}

/** Validates the manifest's text against the XSDs in schemaDir (null: not run). */
export async function validateAgainstXsd(xml: string, schemaDir: string | null, fileName = 'manifest.xml'): Promise<XsdResult> {
  if (!schemaDir) {
    return { ran: false, problems: [], note: 'not run: the published XSDs are not on this machine (see manifest-schemas/README.md)' };
  }
  const load = (f: string) => ({ fileName: f, contents: correctSchema(fs.readFileSync(path.join(schemaDir, f), 'utf8')) });
  const [main, ...rest] = SCHEMA_FILES.map(load);
  let result;
  try {
    result = await validateXML({
      xml: { fileName, contents: withoutNewerElements(xml) },
      schema: main as { fileName: string; contents: string },
      preload: [...rest, { fileName: 'ContentAppVersionOverridesV1_0.xsd', contents: CONTENT_OVERRIDES_STANDIN }],
    });
  } catch (e) {
    return { ran: true, problems: [`The XSDs in ${schemaDir} do not compile: ${(e as Error).message.trim()}`], note: '' };
  }
  const skipped = NEWER_THAN_XSD.map((e) => e.localName).join(', ');
  return {
    ran: true,
    problems: result.valid ? [] : result.errors.map((e) => e.rawMessage.trim()),
    note: `${schemaDir}; ${skipped} left to the structural checks`,
  };
}
