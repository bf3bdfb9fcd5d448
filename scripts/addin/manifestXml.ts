// Reading manifest.xml: its namespaces and a few DOM helpers over @xmldom/xmldom.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** The parsed manifest, or the parser's complaint. */
export function parseManifest(xml: string): { doc: Document } | { error: string } {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length > 0 || !doc.documentElement) return { error: problems.join('; ') || 'not XML' };
  return { doc };
}

/** Every element below `scope` (itself included) with that namespace and local name. */
export function all(scope: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS(ns, localName));
}

/** The child elements of `parent` with that namespace and local name. */
export function children(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const e = n as Element;
      if (e.namespaceURI === ns && e.localName === localName) out.push(e);
    }
  }
  return out;
}

export function child(parent: Element | undefined, ns: string, localName: string): Element | undefined {
  return parent ? children(parent, ns, localName)[0] : undefined;
}

/** xsi:type without its prefix. */
export function xsiType(e: Element): string {
  const t = e.getAttributeNS(NS.xsi, 'type') ?? '';
  return t.includes(':') ? t.slice(t.indexOf(':') + 1) : t;
}

/** The element's path from the root, for messages ("OfficeApp/VersionOverrides/…"). */
export function pathOf(e: Element): string {
  const parts: string[] = [];
  for (let n: Element | null = e; n && n.nodeType === 1; n = n.parentNode as Element | null) {
    const type = xsiType(n);
    parts.unshift(type ? `${n.localName}[${type}]` : n.localName ?? '?');
  }
  return parts.join('/');
}
