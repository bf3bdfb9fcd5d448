/**
 * Handing a made file to the user. In a browser (Excel on the web, the preview) a blob download
 * works. Excel desktop's webviews do not download blobs (WebView2 on Windows drops PDF blobs, the
 * Mac webview has no download at all), so there offerFile says so, and for a PDF offers what works
 * without leaving the machine: the PDF shown in an Office dialog, where it can be printed or saved.
 */
import type { Localised } from '../../../core';
import { CHUNK_CHARS, PDF_VIEWER_PAGE, toBase64, type FromViewer, type ToViewer } from './pdfViewerProtocol';

export type DialogOutcome = { readonly ok: true } | { readonly ok: false; readonly message: Localised };

export type OfferResult =
  | { readonly status: 'downloaded' }
  | {
      readonly status: 'blocked';
      /** What to tell the user ("downloads are blocked here"), in English and French. */
      readonly message: Localised;
      /** For a PDF where Office dialogs exist: shows it in a dialog to print or save. */
      readonly showInDialog?: (() => Promise<DialogOutcome>) | undefined;
    };

export interface HostInfo {
  /** Office.context.platform ('PC', 'Mac', 'OfficeOnline', …), or undefined outside Office. */
  readonly platform: string | undefined;
}

/** Where the pane runs, as Office tells it (undefined outside Office: the preview, a test page). */
export function currentHost(): HostInfo {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const context = office?.context as { platform?: string; diagnostics?: { platform?: string } } | undefined;
  const platform = context?.platform ?? context?.diagnostics?.platform;
  return { platform: platform ?? undefined };
}

/** Desktop and mobile Office show the pane in a webview that does not download blobs. */
export function downloadsBlocked(host: HostInfo): boolean {
  return host.platform !== undefined && host.platform !== 'OfficeOnline' && host.platform !== 'Universal';
}

const BLOCKED: Localised = {
  en: 'Downloads are blocked here (Excel desktop does not save files from add-ins).',
  fr: 'Les téléchargements sont bloqués ici (Excel pour ordinateur n’enregistre pas les fichiers des compléments).',
};
const BLOCKED_PDF: Localised = {
  en: `${BLOCKED.en} Open the PDF in a window to print it or save it.`,
  fr: `${BLOCKED.fr} Ouvrez le PDF dans une fenêtre pour l’imprimer ou l’enregistrer.`,
};

export interface OfferOptions {
  /** Where the pane runs (default: as Office tells it). */
  readonly host?: HostInfo | undefined;
  /** The language of the PDF dialog's texts (default en). */
  readonly language?: 'en' | 'fr' | undefined;
}

/** Offers `bytes` as a file named `name`: downloaded where the host allows, else a result to show. */
export function offerFile(name: string, bytes: Uint8Array, mime: string, options: OfferOptions = {}): OfferResult {
  const host = options.host ?? currentHost();
  const pdf = mime === 'application/pdf';
  const blocked = (): OfferResult =>
    pdf && dialogsAvailable() ? { status: 'blocked', message: BLOCKED_PDF, showInDialog: () => showPdfInDialog(name, bytes, options.language) } : { status: 'blocked', message: BLOCKED };
  if (downloadsBlocked(host)) return blocked();
  try {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has read the blob by the time a minute has passed; the URL is freed then.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { status: 'downloaded' };
  } catch {
    return blocked();
  }
}

/** Office dialogs that can be sent messages (DialogApi 1.2: messageChild). */
export function dialogsAvailable(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.ui?.displayDialogAsync !== undefined && office.context.requirements?.isSetSupported('DialogApi', '1.2') === true;
}

const DIALOG_FAILED = (why: string): Localised => ({ en: `The PDF window could not open (${why}).`, fr: `La fenêtre du PDF n’a pas pu s’ouvrir (${why}).` });

/**
 * Opens pdfviewer.html (served beside the pane) in an Office dialog and sends it the PDF; resolves
 * once the dialog shows it (or could not). The user prints or saves it from the dialog.
 */
export function showPdfInDialog(name: string, bytes: Uint8Array, language: 'en' | 'fr' = 'en', pageUrl: string = new URL(PDF_VIEWER_PAGE, location.href).href): Promise<DialogOutcome> {
  const base64 = toBase64(bytes);
  const chunks = Math.max(1, Math.ceil(base64.length / CHUNK_CHARS));
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(pageUrl, { height: 85, width: 70 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve({ ok: false, message: DIALOG_FAILED(opened.error.message) });
        return;
      }
      const dialog = opened.value;
      const send = (message: ToViewer) => dialog.messageChild(JSON.stringify(message));
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        const message = JSON.parse(arg.message) as FromViewer;
        if (message.kind === 'ready') {
          send({ kind: 'start', name, chunks, language });
          for (let i = 0; i < chunks; i++) send({ kind: 'chunk', index: i, data: base64.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS) });
        } else if (message.kind === 'shown') {
          resolve({ ok: true });
        } else {
          resolve({ ok: false, message: DIALOG_FAILED(message.reason) });
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve({ ok: false, message: DIALOG_FAILED('closed') }));
    });
  });
}
