// The task pane (a placeholder in part 1): it says what is coming, in Office's display language.

/** "fr" when Office (or, outside Office, the browser) displays French, else "en". */
export function paneLanguage(displayLanguage: string | undefined): 'en' | 'fr' {
  return (displayLanguage ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function show(language: 'en' | 'fr'): void {
  document.documentElement.lang = language;
  for (const section of document.querySelectorAll<HTMLElement>('[data-lang]')) {
    section.hidden = section.dataset['lang'] !== language;
  }
  const title = document.getElementById('title');
  if (title) title.textContent = language === 'fr' ? 'Relevés de compte client' : 'Customer statements';
}

Office.onReady(() => {
  show(paneLanguage(Office.context?.displayLanguage ?? navigator.language));
});
