import { setDisplayLanguage } from '../../src/functions/displayLanguage';
import { setWorkbookSettingsSource, type WorkbookSettings } from '../../src/functions/workbookSettings';
import { clearCache } from '../../src/functions/ledgerView';
import { installCustomFunctions } from './customFunctionsStub';

/** The runtime stub, English, a day-first workbook on the 1900 date system, an empty cache. */
export function freshRuntime(settings: Partial<WorkbookSettings> = {}, language: 'en' | 'fr' = 'en'): void {
  installCustomFunctions();
  setDisplayLanguage(language);
  setWorkbookSettingsSource(async () => ({ date1904: false, dateOrder: 'dmy', ...settings }));
  clearCache();
}

/** An omitted optional argument: Excel passes null (typed as undefined for the optional parameters' TypeScript signature). */
export const OMITTED = null as unknown as undefined;
