// @ts-check
// manifest.xml names https://localhost:3000 (the dev server); the production add-in's manifest
// names ADDIN_URL instead. Only an https URL with no query or fragment is accepted.

const DEV_ORIGIN = 'https://localhost:3000';

/** ADDIN_URL checked and without its trailing slash (default: the dev origin). */
function addinBaseUrl(value) {
  const raw = (value ?? '').trim() || DEV_ORIGIN;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins over https only): "${raw}"`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_URL must be a plain https base URL (no query, fragment or credentials): "${raw}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The manifest's text with every dev-origin URL moved under the base URL. */
function manifestForBaseUrl(xml, baseUrl) {
  return xml.split(`${DEV_ORIGIN}/`).join(`${baseUrl}/`);
}

module.exports = { DEV_ORIGIN, addinBaseUrl, manifestForBaseUrl };
