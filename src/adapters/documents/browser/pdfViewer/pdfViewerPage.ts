/**
 * The PDF viewer dialog (pdfviewer.html): receives a PDF from the pane in chunks and shows it with
 * the webview's own PDF viewer, whose toolbar prints and saves it. Used where the pane cannot
 * download files (Excel desktop).
 */
import { fromBase64, type FromViewer, type ToViewer } from '../pdfViewerProtocol';

const TEXT = {
  en: { shown: (name: string) => `${name}: print it or save it with the viewer's buttons.`, print: 'Print', failed: 'The PDF did not arrive.' },
  fr: { shown: (name: string) => `${name} : imprimez-le ou enregistrez-le avec les boutons de la visionneuse.`, print: 'Imprimer', failed: 'Le PDF n’est pas arrivé.' },
};

const tell = (message: FromViewer) => Office.context.ui.messageParent(JSON.stringify(message));

function start(): void {
  const status = document.getElementById('status') as HTMLElement;
  const frame = document.getElementById('pdf') as HTMLIFrameElement;
  const printButton = document.getElementById('print') as HTMLButtonElement;
  let expected = 0;
  let name = '';
  let language: 'en' | 'fr' = 'en';
  const parts: string[] = [];
  let received = 0;
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    try {
      const message = JSON.parse((arg as { message: string }).message) as ToViewer;
      if (message.kind === 'start') {
        ({ name, language } = message);
        expected = message.chunks;
        document.documentElement.lang = language;
        document.title = name;
        return;
      }
      parts[message.index] = message.data;
      if (++received < expected) return;
      const bytes = fromBase64(parts.join(''));
      frame.src = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      status.textContent = TEXT[language].shown(name);
      printButton.textContent = TEXT[language].print;
      printButton.hidden = false;
      printButton.onclick = () => frame.contentWindow?.print();
      tell({ kind: 'shown' });
    } catch (error) {
      status.textContent = TEXT[language].failed;
      tell({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  });
  tell({ kind: 'ready' });
}

void Office.onReady(() => start());
