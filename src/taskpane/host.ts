import { dayFromCivil, toLanguage, type Day, type Language } from '../core';
import { hostSupports, type ExcelRun } from '../adapters/excel';
import type { PaneMailDeps } from './mail/mailDeps';

/** What the pane needs of its host: Excel, the requirement sets, the display language and the clock. */
export interface PaneHost {
  readonly run: ExcelRun;
  readonly isSetSupported: (version: string) => boolean;
  readonly language: Language;
  /** Today in the user's time zone: the pane reads the clock, core never does. */
  readonly today: () => Day;
  /** Graph, the sign-in and the converters the e-mail tab uses. */
  readonly mail: PaneMailDeps;
}

/** "fr" when Office (or, outside Office, the browser) displays French, else "en". */
export function paneLanguage(displayLanguage: string | undefined): Language {
  return toLanguage((displayLanguage ?? '').slice(0, 2).toLowerCase(), 'en');
}

export function localToday(now = new Date()): Day {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The host inside Excel: Office's own Excel.run and requirement sets; `mail`: Graph and the browser documents (index.tsx gives them, so this file stays light for tests). */
export function officeHost(mail: PaneMailDeps): PaneHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: hostSupports,
    language: paneLanguage(Office.context?.displayLanguage ?? navigator.language),
    today: () => localToday(),
    mail,
  };
}
