// The task pane: React 18 + Fluent UI v9, rendered once Office is ready, in Office's display language.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { officeHost } from './host';
import { paneMailDeps } from './mail/paneMailDeps';

Office.onReady(() => {
  const host = officeHost(paneMailDeps());
  document.documentElement.lang = host.language;
  document.title = host.language === 'fr' ? 'Relevés de compte client' : 'Customer statements';
  const root = document.getElementById('root');
  if (root === null) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
});
