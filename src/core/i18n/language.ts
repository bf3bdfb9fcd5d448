/** The languages every user-facing text exists in. */
export type Language = 'en' | 'fr';

/** Maps a customer's language cell ("FR", "fr-CA", "français", "English") to a supported language. */
export function toLanguage(text: string | undefined, fallback: Language = 'en'): Language {
  const t = (text ?? '').trim().toLowerCase();
  if (t.startsWith('fr')) return 'fr';
  if (t.startsWith('en') || t.startsWith('an')) return 'en';
  return fallback;
}

/** A text in every language. */
export type Localised = Readonly<Record<Language, string>>;

/** The colon after a label: "Left out:" in English, "Écartés :" in French (plain text; the PDF uses a no-break space). */
export function colon(language: Language): string {
  return language === 'fr' ? ' :' : ':';
}
