/**
 * The only way a template reads data: dotted paths of own data properties ("company.name",
 * "currency" inside a loop, "." for the current item). No expressions, no calls, no getters, no
 * prototypes, so a template cannot run code or read anything but the data it is given.
 */
import type { Localised } from '../../../core';
import type { TemplateProblem } from './templateError';

/** "." or dot-separated names of letters, digits and "_". Nothing else. */
const TAG_SYNTAX = /^(?:\.|[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)$/;
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type TagCheck = { readonly ok: true; readonly path: readonly string[] } | { readonly ok: false; readonly reason: Localised };

/** Checks a tag's text (between the braces, loop sign removed) and splits it into its path. */
export function checkTag(tag: string): TagCheck {
  const t = tag.trim();
  if (t === '.') return { ok: true, path: [] };
  if (!TAG_SYNTAX.test(t)) {
    return {
      ok: false,
      reason: {
        en: `tag {${tag}} is not allowed: a tag is a name such as {company.name} (letters, digits, "_" and "." only)`,
        fr: `la balise {${tag}} est refusée : une balise est un nom comme {company.name} (lettres, chiffres, « _ » et « . » uniquement)`,
      },
    };
  }
  const path = t.split('.');
  const bad = path.find((name) => FORBIDDEN_NAMES.has(name));
  if (bad !== undefined) {
    return {
      ok: false,
      reason: { en: `tag {${tag}} is not allowed: "${bad}" is a reserved name`, fr: `la balise {${tag}} est refusée : « ${bad} » est un nom réservé` },
    };
  }
  return { ok: true, path };
}

type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false };
const NOT_FOUND: Lookup = { found: false };

/** An own data property of a plain object or array (no getters, no inherited names, no class instances). */
function ownValue(holder: unknown, key: string): Lookup {
  if (holder === null || typeof holder !== 'object') return NOT_FOUND;
  if (!Array.isArray(holder)) {
    const proto: unknown = Object.getPrototypeOf(holder);
    if (proto !== Object.prototype && proto !== null) return NOT_FOUND;
  }
  const d = Object.getOwnPropertyDescriptor(holder, key);
  if (d === undefined || !('value' in d)) return NOT_FOUND;
  return { found: true, value: d.value as unknown };
}

/**
 * Resolves `path` in the scopes, innermost first: the first scope that owns the path's first name
 * is the one used, and the rest of the path must exist inside it. [] is the current item (".").
 */
export function lookupPath(scopes: readonly unknown[], path: readonly string[]): Lookup {
  if (path.length === 0) return scopes.length === 0 ? NOT_FOUND : { found: true, value: scopes[scopes.length - 1] };
  const [first, ...rest] = path as [string, ...string[]];
  for (let i = scopes.length - 1; i >= 0; i--) {
    let current = ownValue(scopes[i], first);
    if (!current.found) continue;
    for (const name of rest) {
      current = ownValue(current.value, name);
      if (!current.found) return NOT_FOUND;
    }
    return current;
  }
  return NOT_FOUND;
}

/** The part of docxtemplater's tag description the parser looks at. */
interface TagPart {
  readonly module?: string;
  readonly raw?: string;
  readonly value?: string;
}

interface ParserContext {
  readonly num: number;
  readonly scopeList: readonly unknown[];
  readonly meta?: { readonly part?: TagPart };
}

export interface DocxParser {
  get(scope: unknown, context: ParserContext): unknown;
}

/** A tag as the template author wrote it: "#lines", "company.name", "@raw". */
function written(tag: string, part: TagPart | undefined): string {
  if (part?.raw !== undefined && part.raw !== '') return part.raw;
  if (part?.module === 'rawxml') return `@${tag}`;
  return tag;
}

/**
 * A docxtemplater `parser` option. Problems (refused tags at compile time, unknown tags and
 * unprintable values at render time) go to `problems`; the parser then yields "" (or an empty loop) so
 * rendering can go on and report every problem at once, and fillTemplate throws.
 */
export function safeParser(problems: TemplateProblem[]): (tag: string, meta?: { tag?: TagPart }) => DocxParser {
  const seen = new Set<string>();
  const report = (key: string, problem: TemplateProblem) => {
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  return (tag, meta) => {
    const part = meta?.tag;
    const shown = written(tag, part);
    if (part?.module !== undefined && part.module !== 'loop') {
      // Raw XML ({@tag}) would let data write Word markup: refused.
      report(`forbidden:${shown}`, {
        code: 'forbidden-tag',
        tag: shown,
        text: { en: `tag {${shown}} is not allowed: raw XML tags are refused`, fr: `la balise {${shown}} est refusée : les balises de XML brut sont interdites` },
      });
      return { get: () => '' };
    }
    const check = checkTag(tag);
    if (!check.ok) {
      report(`forbidden:${shown}`, { code: 'forbidden-tag', tag: shown, text: check.reason });
      return { get: () => (part?.module === 'loop' ? false : '') };
    }
    const path = check.path;
    return {
      get(_scope, context) {
        const isLoop = (context.meta?.part?.module ?? part?.module) === 'loop';
        const found = lookupPath(context.scopeList.slice(0, context.num + 1), path);
        if (!found.found) {
          report(`unknown:${shown}`, {
            code: 'unknown-tag',
            tag: shown,
            text: { en: `unknown tag {${shown}}: "${tag.trim()}" is not in the statement data (misspelt?)`, fr: `balise inconnue {${shown}} : « ${tag.trim()} » n'existe pas dans les données du relevé (faute de frappe ?)` },
          });
          return isLoop ? false : '';
        }
        const value = found.value;
        if (value === undefined || value === null) return isLoop ? false : '';
        if (typeof value === 'string' || typeof value === 'boolean') return value;
        if (typeof value === 'number' && Number.isFinite(value)) return isLoop ? value : String(value);
        if (isLoop && typeof value === 'object') return value;
        const what = Array.isArray(value) ? 'list' : typeof value === 'object' ? 'group' : 'value';
        report(`unprintable:${shown}`, {
          code: 'not-printable',
          tag: shown,
          text:
            what === 'value'
              ? { en: `tag {${shown}} has a value that cannot be printed`, fr: `la balise {${shown}} a une valeur qui ne peut pas être imprimée` }
              : {
                  en: `tag {${shown}} is a ${what}: print its parts ({${tag.trim()}.name}) or loop over it ({#${tag.trim()}}…{/${tag.trim()}})`,
                  fr: `la balise {${shown}} est ${what === 'list' ? 'une liste' : 'un groupe'} : imprimez ses éléments ({${tag.trim()}.name}) ou parcourez-la ({#${tag.trim()}}…{/${tag.trim()}})`,
                },
        });
        return isLoop ? false : '';
      },
    };
  };
}
