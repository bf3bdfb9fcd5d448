/** auth.html's script: the auth dialog (./authDialog.ts) with the page's own location, sessionStorage, msal-browser and Office. */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { runAuthDialog } from './authDialog';

void Office.onReady(() =>
  runAuthDialog({
    location: window.location,
    storage: window.sessionStorage,
    createClient: (config) => createStandardPublicClientApplication(config),
    messageParent: (text) => Office.context.ui.messageParent(text),
  }),
);
