// The checks of manifest.xml that no XSD makes: resource ids, one https origin, icon sizes, the
// STMT namespace, one shared runtime page, the functions all associated in the bundle, the
// requirement sets, the French overrides. Each check returns its problems (none = passed).
import type { Document, Element } from '@xmldom/xmldom';
import { all, child, children, NS, pathOf, xsiType } from './manifestXml';
import { pngSize } from './png';

export const NAMESPACE = 'STMT';
export const SECOND_LOCALE = 'fr-FR';

/** What the checks read besides the manifest: the add-in's files by path below its base URL. */
export interface AddinFiles {
  /** The file's bytes, or null when it does not exist. */
  read(relativePath: string): Uint8Array | null;
}

export interface Check {
  name: string;
  problems: string[];
}

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

interface Resource {
  id: string;
  kind: ResourceKind;
  element: Element;
  value: string;
}

/** The Resources of VersionOverrides by id (duplicates reported by the resid check). */
function resources(doc: Document): Resource[] {
  const out: Resource[] = [];
  const kinds: [ResourceKind, string][] = [['Images', 'Image'], ['Urls', 'Url'], ['ShortStrings', 'String'], ['LongStrings', 'String']];
  for (const res of all(doc, NS.overrides, 'Resources')) {
    for (const [kind, item] of kinds) {
      for (const group of children(res, NS.bt, kind)) {
        for (const e of children(group, NS.bt, item)) {
          out.push({ id: e.getAttribute('id') ?? '', kind, element: e, value: e.getAttribute('DefaultValue') ?? '' });
        }
      }
    }
  }
  return out;
}

/** The kind of resource an element with a resid must name. */
function expectedKind(e: Element): ResourceKind | null {
  switch (e.localName) {
    case 'Image': return 'Images';
    case 'SourceLocation': case 'FunctionFile': case 'Runtime': case 'LearnMoreUrl': return 'Urls';
    case 'Label': case 'Title': case 'Namespace': return 'ShortStrings';
    case 'Description': return 'LongStrings';
    default: return null;
  }
}

function residElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'));
}

/** Every resid names a resource of the right kind; ids are unique, at most 32 characters, and used. */
export function checkResids(doc: Document): string[] {
  const problems: string[] = [];
  const defined = resources(doc);
  const byId = new Map<string, Resource>();
  for (const r of defined) {
    if (!r.id) problems.push(`${pathOf(r.element)} has no id.`);
    else if (byId.has(r.id)) problems.push(`Resource id "${r.id}" is defined twice.`);
    else byId.set(r.id, r);
    if (r.id.length > 32) problems.push(`Resource id "${r.id}" is longer than 32 characters (Office's limit).`);
  }
  const used = new Set<string>();
  for (const e of residElements(doc)) {
    const resid = e.getAttribute('resid') ?? '';
    used.add(resid);
    const r = byId.get(resid);
    const kind = expectedKind(e);
    if (!r) problems.push(`${pathOf(e)} names resid "${resid}", which no resource defines.`);
    else if (kind && r.kind !== kind) problems.push(`${pathOf(e)} names resid "${resid}", a resource of ${r.kind}, where ${kind} is expected.`);
  }
  for (const r of defined) if (r.id && !used.has(r.id)) problems.push(`Resource "${r.id}" is defined but never used.`);
  return problems;
}

/** Every URL the manifest states: [where, value]. */
function urls(doc: Document): [string, string][] {
  const out: [string, string][] = [];
  const valued = (e: Element) => {
    const v = e.getAttribute('DefaultValue');
    if (v !== null) out.push([pathOf(e), v]);
    for (const o of Array.from(e.getElementsByTagName('*')).filter((x) => x.localName === 'Override')) {
      out.push([`${pathOf(o)}[${o.getAttribute('Locale') ?? ''}]`, o.getAttribute('Value') ?? '']);
    }
  };
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) for (const e of all(doc, NS.app, name)) valued(e);
  for (const e of all(doc, NS.app, 'SourceLocation')) valued(e);
  for (const r of resources(doc)) if (r.kind === 'Images' || r.kind === 'Urls') valued(r.element);
  for (const e of all(doc, NS.app, 'AppDomain')) out.push([pathOf(e), e.textContent ?? '']);
  return out;
}

/** The path below the base URL, or null when the URL is elsewhere. */
export function relativeTo(baseUrl: string, url: string): string | null {
  return url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length + 1).split(/[?#]/)[0] ?? '' : null;
}

/** Every URL is https, under the one base URL, and names a file the add-in has. */
export function checkUrls(doc: Document, baseUrl: string, files: AddinFiles): string[] {
  const problems: string[] = [];
  for (const [where, value] of urls(doc)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${where}: "${value}" is not a URL.`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${where}: "${value}" is not https.`);
    const rel = relativeTo(baseUrl, value);
    if (rel === null) problems.push(`${where}: "${value}" is not under ${baseUrl}/ (one origin for the whole add-in).`);
    else if (!files.read(rel)) problems.push(`${where}: "${value}" names ${rel}, which the add-in does not have.`);
  }
  return problems;
}

/** The image a URL names must be a PNG of size × size. */
function iconProblem(where: string, url: string, size: number, baseUrl: string, files: AddinFiles): string | null {
  const rel = relativeTo(baseUrl, url);
  const bytes = rel === null ? null : files.read(rel);
  if (!bytes) return `${where}: no file for "${url}".`;
  const got = pngSize(bytes);
  if (!got) return `${where}: "${url}" is not a PNG.`;
  if (got.width !== size || got.height !== size) return `${where}: "${url}" is ${got.width}×${got.height}, not ${size}×${size}.`;
  return null;
}

/** IconUrl 32 px, HighResolutionIconUrl 64 px, and each ribbon image at the size it states (16, 32 and 80 present). */
export function checkIcons(doc: Document, baseUrl: string, files: AddinFiles): string[] {
  const problems: string[] = [];
  const byId = new Map(resources(doc).map((r) => [r.id, r]));
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
    const e = all(doc, NS.app, name)[0];
    if (!e) problems.push(`No ${name}.`);
    else {
      const p = iconProblem(name, e.getAttribute('DefaultValue') ?? '', size, baseUrl, files);
      if (p) problems.push(p);
    }
  }
  for (const icon of all(doc, NS.overrides, 'Icon')) {
    const images = children(icon, NS.bt, 'Image');
    const sizes = images.map((i) => Number(i.getAttribute('size')));
    for (const required of [16, 32, 80]) if (!sizes.includes(required)) problems.push(`${pathOf(icon)} has no ${required} px image (Office requires 16, 32 and 80).`);
    for (const image of images) {
      const size = Number(image.getAttribute('size'));
      const r = byId.get(image.getAttribute('resid') ?? '');
      if (!r) continue; // reported by the resid check
      const p = iconProblem(`${pathOf(image)}[${size}]`, r.value, size, baseUrl, files);
      if (p) problems.push(p);
    }
  }
  return problems;
}

function workbookHost(doc: Document): Element | undefined {
  return all(doc, NS.overrides, 'Host').find((h) => xsiType(h) === 'Workbook');
}

function customFunctionsPoint(doc: Document): Element | undefined {
  return all(doc, NS.overrides, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions');
}

function resourceValue(doc: Document, e: Element | undefined): string | undefined {
  const resid = e?.getAttribute('resid');
  return resid ? resources(doc).find((r) => r.id === resid)?.value : undefined;
}

/** The CustomFunctions extension point of the Workbook host names the namespace STMT, never translated. */
export function checkNamespace(doc: Document): string[] {
  const point = customFunctionsPoint(doc);
  if (!point) return ['No CustomFunctions extension point.'];
  const problems: string[] = [];
  if (point.parentNode && (point.parentNode as Element).localName !== 'AllFormFactors') problems.push('The CustomFunctions extension point is not under AllFormFactors.');
  const ns = child(point, NS.overrides, 'Namespace');
  const value = resourceValue(doc, ns);
  if (value !== NAMESPACE) problems.push(`The functions' namespace is "${value ?? '(none)'}", not "${NAMESPACE}".`);
  const res = resources(doc).find((r) => r.id === ns?.getAttribute('resid'));
  if (res && children(res.element, NS.bt, 'Override').length > 0) problems.push('The namespace must not be translated: formulas name it in every language.');
  return problems;
}

/** One long-lived runtime page hosts the pane, the functions and the ribbon commands. */
export function checkSharedRuntime(doc: Document): string[] {
  const host = workbookHost(doc);
  if (!host) return ['No Workbook host in VersionOverrides.'];
  const runtimes = children(child(host, NS.overrides, 'Runtimes') ?? host, NS.overrides, 'Runtime');
  if (runtimes.length !== 1) return [`${runtimes.length} runtimes under the Workbook host; one shared runtime is expected.`];
  const runtime = runtimes[0] as Element;
  const problems: string[] = [];
  if (runtime.getAttribute('lifetime') !== 'long') problems.push('The runtime is not lifetime="long" (the functions and the pane would not share it).');
  const page = resourceValue(doc, runtime);
  const point = customFunctionsPoint(doc);
  const uses: [string, string | undefined][] = [
    ['DefaultSettings/SourceLocation', child(child(doc.documentElement ?? undefined, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation')?.getAttribute('DefaultValue') ?? undefined],
    ['CustomFunctions Page', resourceValue(doc, child(child(point, NS.overrides, 'Page'), NS.overrides, 'SourceLocation'))],
    ['FunctionFile', resourceValue(doc, all(doc, NS.overrides, 'FunctionFile')[0])],
    ...all(doc, NS.overrides, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane')
      .map((a): [string, string | undefined] => [`${pathOf(a)}/SourceLocation`, resourceValue(doc, child(a, NS.overrides, 'SourceLocation'))]),
  ];
  for (const [what, url] of uses) if (url !== page) problems.push(`${what} is "${url ?? '(none)'}", not the shared runtime page "${page ?? '(none)'}".`);
  return problems;
}

interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  functions?: { id?: string; name?: string; parameters?: { type?: string }[] }[];
}

/** functions.json's ids are valid and unique, each is associated in the functions bundle and nothing else is. */
export function checkFunctions(doc: Document, baseUrl: string, files: AddinFiles): string[] {
  const point = customFunctionsPoint(doc);
  const metadataUrl = resourceValue(doc, child(child(point, NS.overrides, 'Metadata'), NS.overrides, 'SourceLocation'));
  const scriptUrl = resourceValue(doc, child(child(point, NS.overrides, 'Script'), NS.overrides, 'SourceLocation'));
  const metadataPath = metadataUrl ? relativeTo(baseUrl, metadataUrl) : null;
  const scriptPath = scriptUrl ? relativeTo(baseUrl, scriptUrl) : null;
  const metadataBytes = metadataPath ? files.read(metadataPath) : null;
  const scriptBytes = scriptPath ? files.read(scriptPath) : null;
  if (!metadataBytes) return [`No functions metadata at "${metadataUrl ?? '(none)'}".`];
  if (!scriptBytes) return [`No functions script at "${scriptUrl ?? '(none)'}".`];
  let metadata: FunctionsJson;
  try {
    metadata = JSON.parse(new TextDecoder().decode(metadataBytes)) as FunctionsJson;
  } catch (e) {
    return [`${metadataPath} is not JSON: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  const fns = metadata.functions ?? [];
  if (fns.length === 0) problems.push(`${metadataPath} declares no function.`);
  const ids = new Set<string>();
  for (const f of fns) {
    const id = f.id ?? '';
    if (!/^[A-Za-z][A-Za-z0-9_.]{2,}$/.test(id)) problems.push(`Function id "${id}" is not 3+ letters, digits, "_" or "." starting with a letter.`);
    if (ids.has(id)) problems.push(`Function id "${id}" is declared twice.`);
    ids.add(id);
  }
  const script = new TextDecoder().decode(scriptBytes);
  const associated = new Set(Array.from(script.matchAll(/CustomFunctions\.associate\(\s*"([^"]+)"/g), (m) => m[1] ?? ''));
  for (const id of ids) if (!associated.has(id)) problems.push(`${id} is in ${metadataPath} but ${scriptPath} never calls CustomFunctions.associate("${id}", …).`);
  for (const id of associated) if (!ids.has(id)) problems.push(`${scriptPath} associates "${id}", which ${metadataPath} does not declare.`);
  const anyParameter = fns.some((f) => (f.parameters ?? []).some((p) => p.type === undefined || p.type === 'any'));
  if (anyParameter && metadata.allowErrorForDataTypeAny !== true) problems.push(`${metadataPath}: a parameter is of type any but allowErrorForDataTypeAny is not true (error cells would never reach the functions).`);
  return problems;
}

/** Requirement sets Office knows, with the least version this add-in may name. */
const KNOWN_SETS = new Set(['SharedRuntime', 'CustomFunctionsRuntime', 'ExcelApi', 'ExcelApiOnline', 'DialogApi', 'DialogOrigin', 'RibbonApi', 'AddinCommands', 'IdentityAPI', 'NestedAppAuth', 'OpenBrowserWindowApi', 'KeyboardShortcuts', 'ImageCoercion', 'DevicePermission']);

/** The sets are known, with versions; SharedRuntime 1.1 or later is declared since the manifest uses a shared runtime. */
export function checkRequirements(doc: Document): string[] {
  const problems: string[] = [];
  const declared = new Map<string, string>();
  for (const set of all(doc, NS.app, 'Set').concat(all(doc, NS.bt, 'Set'))) {
    const name = set.getAttribute('Name') ?? '';
    const sets = set.parentNode as Element;
    const version = set.getAttribute('MinVersion') ?? sets.getAttribute('DefaultMinVersion') ?? '';
    if (!KNOWN_SETS.has(name)) problems.push(`Requirement set "${name}" is not one Office defines (or a typo).`);
    if (!/^\d+\.\d+$/.test(version)) problems.push(`Requirement set "${name}" has no version like 1.1 ("${version}").`);
    declared.set(name, version);
  }
  const base = child(child(doc.documentElement ?? undefined, NS.app, 'Requirements'), NS.app, 'Sets');
  const baseShared = base ? children(base, NS.app, 'Set').find((s) => s.getAttribute('Name') === 'SharedRuntime') : undefined;
  const v = baseShared ? baseShared.getAttribute('MinVersion') ?? base?.getAttribute('DefaultMinVersion') ?? '' : '';
  const [major, minor] = v.split('.').map(Number);
  if (!baseShared || !(major !== undefined && minor !== undefined && (major > 1 || (major === 1 && minor >= 1)))) {
    problems.push('The base manifest does not require SharedRuntime 1.1 or later (Office would load the functions in a separate runtime).');
  }
  return problems;
}

/** Display name, description and every label have an override for the second locale (not the namespace). */
export function checkLocales(doc: Document): string[] {
  const problems: string[] = [];
  const hasOverride = (e: Element, ns: string) => children(e, ns, 'Override').some((o) => o.getAttribute('Locale') === SECOND_LOCALE);
  for (const name of ['DisplayName', 'Description']) {
    const e = child(doc.documentElement ?? undefined, NS.app, name);
    if (!e || !hasOverride(e, NS.app)) problems.push(`${name} has no ${SECOND_LOCALE} override.`);
  }
  const namespaceId = child(customFunctionsPoint(doc), NS.overrides, 'Namespace')?.getAttribute('resid');
  for (const r of resources(doc)) {
    if ((r.kind === 'ShortStrings' || r.kind === 'LongStrings') && r.id !== namespaceId && !hasOverride(r.element, NS.bt)) {
      problems.push(`String "${r.id}" has no ${SECOND_LOCALE} override.`);
    }
  }
  return problems;
}

/** All the checks, in the order the report prints them. */
export function structuralChecks(doc: Document, baseUrl: string, files: AddinFiles): Check[] {
  return [
    { name: 'every resid defined (right kind, unique, ≤ 32 characters, used)', problems: checkResids(doc) },
    { name: `every URL https under ${baseUrl}/ and present`, problems: checkUrls(doc, baseUrl, files) },
    { name: 'icons present at their stated sizes', problems: checkIcons(doc, baseUrl, files) },
    { name: `custom functions namespace ${NAMESPACE}`, problems: checkNamespace(doc) },
    { name: 'one shared runtime page (lifetime long) for pane, functions and ribbon', problems: checkSharedRuntime(doc) },
    { name: 'functions.json: ids valid, all associated in the bundle, allowErrorForDataTypeAny', problems: checkFunctions(doc, baseUrl, files) },
    { name: 'requirement sets declared (SharedRuntime 1.1)', problems: checkRequirements(doc) },
    { name: `${SECOND_LOCALE} overrides for names and labels`, problems: checkLocales(doc) },
  ];
}
