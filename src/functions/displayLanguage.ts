import { toLanguage, type Language } from '../core';

/** Set by tests (and by a host that knows better); undefined: ask Office. */
let chosen: Language | undefined;

export function setDisplayLanguage(language: Language | undefined): void {
  chosen = language;
}

/** Excel's display language (Office.context.displayLanguage, "fr-FR"), as en or fr; English when unknown. */
export function displayLanguage(): Language {
  if (chosen !== undefined) return chosen;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const text = office?.context?.displayLanguage;
  return typeof text === 'string' ? toLanguage(text, 'en') : 'en';
}

/** The display language's full tag ("en-US"), when Office gives one. */
export function displayLanguageTag(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const text = office?.context?.displayLanguage;
  return typeof text === 'string' ? text : undefined;
}
