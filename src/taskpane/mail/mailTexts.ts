import type { Language } from '../../core';

/** Every text of the pane's e-mail tab, in English and French. */
export interface MailTexts {
  readonly tab: string;
  readonly title: string;
  readonly help: string;
  readonly needStatements: string;
  readonly scope: string;
  readonly scopeOne: (who: string) => string;
  readonly scopeOneNone: string;
  readonly emailThis: string;
  readonly scopeAll: (n: number) => string;
  readonly mode: string;
  readonly modeSend: string;
  readonly modeDrafts: string;
  readonly modeAt: string;
  readonly sendAt: string;
  readonly attachment: string;
  readonly attachPdf: string;
  readonly attachWord: string;
  readonly wordTemplate: string;
  readonly attachCsv: string;
  readonly resend: string;
  readonly preview: string;
  readonly previewTitle: string;
  readonly counts: (send: number, print: number, blocked: number, already: number) => string;
  readonly columns: { readonly customer: string; readonly to: string; readonly files: string; readonly status: string };
  readonly kinds: { readonly send: string; readonly print: string; readonly blocked: string; readonly 'already-sent': string };
  readonly alreadySent: string;
  readonly cc: string;
  readonly bcc: string;
  readonly subject: string;
  readonly send: (n: number, mode: 'send' | 'drafts' | 'at') => string;
  readonly printFile: (n: number) => string;
  readonly cancelHeld: string;
  readonly cancelled: (ids: readonly string[]) => string;
  readonly noneHeld: string;
  readonly sending: string;
  readonly progress: (done: number, total: number) => string;
  readonly eta: (time: string) => string;
  readonly stop: string;
  readonly results: string;
  readonly outcome: { readonly sent: string; readonly scheduled: string; readonly drafted: string; readonly 'already-delivered': string; readonly failed: string };
  readonly summary: (delivered: number, drafted: number, failed: number) => string;
  readonly stopped: string;
  readonly logged: string;
  readonly failed: (why: string) => string;
  readonly scheduleTitle: string;
  readonly scheduleHelp: string;
  readonly dayOfMonth: string;
  readonly style: string;
  readonly openItem: string;
  readonly activity: string;
  readonly frequency: string;
  readonly monthly: string;
  readonly quarterly: string;
  readonly never: string;
  readonly quarterlyCustomers: string;
  readonly neverCustomers: string;
  readonly listHint: string;
  readonly saveSchedule: string;
  readonly scheduleSaved: string;
  readonly removeSchedule: string;
  readonly badDay: string;
  readonly dueTitle: string;
  readonly noneDue: string;
  readonly due: (runDate: string, frequency: string, from: string, to: string, n: number) => string;
  readonly dueBanner: (n: number) => string;
  readonly openMail: string;
  readonly runDue: string;
  readonly runsDone: (dates: readonly string[]) => string;
  readonly duration: (ms: number) => string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const duration = (ms: number, min: string): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return m === 0 ? `${s} s` : `${m} ${min} ${s % 60} s`;
};

export const MAIL_TEXTS: Record<Language, MailTexts> = {
  en: {
    tab: 'E-mail',
    title: 'E-mail statements',
    help: 'Through Outlook (Microsoft 365). Nothing is sent before you have seen the preview. Each statement goes once: the "Sent statements" sheet and your mailbox are checked first.',
    needStatements: 'Read the ledger first: the statements to send come from the Customers tab.',
    scope: 'Which statements',
    scopeOne: (who) => `E-mail this statement: ${who}`,
    scopeOneNone: 'E-mail this statement (pick a customer in the Customers tab)',
    emailThis: 'E-mail this statement',
    scopeAll: (n) => `E-mail all: the ${plural(n, 'statement', 'statements')} of the selection`,
    mode: 'How',
    modeSend: 'Send now',
    modeDrafts: 'Create drafts (review and send from Outlook)',
    modeAt: 'Send at…',
    sendAt: 'Date and time (your local time)',
    attachment: 'Attachment',
    attachPdf: 'Standard PDF',
    attachWord: "The firm's Word template, as PDF",
    wordTemplate: 'Word template (.docx; none: the shipped one)',
    attachCsv: 'Add the reconciliation CSV',
    resend: 'Send again what was already sent',
    preview: 'Preview',
    previewTitle: 'Batch preview',
    counts: (s, p, b, a) => `${s} to send, ${p} to print (no usable address), ${b} blocked, ${a} already sent`,
    columns: { customer: 'Customer', to: 'To', files: 'Attachments or why not', status: 'Result' },
    kinds: { send: 'To send', print: 'To print', blocked: 'Blocked', 'already-sent': 'Skipped' },
    alreadySent: 'already sent (see the "Sent statements" sheet); tick "Send again" to send it again',
    cc: 'cc',
    bcc: 'bcc',
    subject: 'Subject',
    send: (n, mode) => (mode === 'drafts' ? `Create ${plural(n, 'draft', 'drafts')}` : mode === 'at' ? `Schedule ${plural(n, 'message', 'messages')}` : `Send ${plural(n, 'message', 'messages')}`),
    printFile: (n) => `Print file (${plural(n, 'statement', 'statements')})`,
    cancelHeld: 'Cancel scheduled messages',
    cancelled: (ids) => `Removed from the Outbox: ${ids.join(', ')}`,
    noneHeld: 'No scheduled message of these statements is waiting in the Outbox.',
    sending: 'Sending',
    progress: (d, t) => `${d} of ${t}`,
    eta: (time) => `about ${time} left at Exchange's pace (30 messages a minute per mailbox)`,
    stop: 'Stop after this message',
    results: 'Results',
    outcome: { sent: 'Sent', scheduled: 'Scheduled', drafted: 'Draft created', 'already-delivered': 'Already in the mailbox, not sent again', failed: 'Failed' },
    summary: (d, dr, f) => `${d} delivered, ${dr} drafted, ${f} failed.`,
    stopped: 'Stopped: the rest was not sent.',
    logged: 'Each statement is recorded in the "Sent statements" sheet.',
    failed: (why) => `Not sent: ${why}`,
    scheduleTitle: 'Monthly schedule',
    scheduleHelp: 'Statements go on day N of each month for the month before (missed runs are caught up, each run once). Kept in this workbook, where the command-line tool reads it too.',
    dayOfMonth: 'Day of the month (1–31)',
    style: 'Statement',
    openItem: 'Open items',
    activity: 'Activity',
    frequency: 'Customers not listed below',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    never: 'Never',
    quarterlyCustomers: 'Quarterly customers (ids)',
    neverCustomers: 'Customers never sent a scheduled statement (ids)',
    listHint: 'Separated by commas or spaces',
    saveSchedule: 'Save schedule',
    scheduleSaved: 'Schedule saved in the workbook.',
    removeSchedule: 'Remove schedule',
    badDay: 'A whole number from 1 to 31',
    dueTitle: 'Runs due',
    noneDue: 'No run due.',
    due: (r, f, from, to, n) => `Run ${r} (${f}): period ${from}..${to}, ${plural(n, 'customer', 'customers')}`,
    dueBanner: (n) => `${plural(n, 'scheduled statement run is', 'scheduled statement runs are')} due.`,
    openMail: 'Open E-mail',
    runDue: 'Run them now',
    runsDone: (dates) => `Runs complete: ${dates.join(', ')}`,
    duration: (ms) => duration(ms, 'min'),
  },
  fr: {
    tab: 'E-mail',
    title: 'Envoyer les relevés par e-mail',
    help: "Par Outlook (Microsoft 365). Rien ne part avant que vous ayez vu l'aperçu. Chaque relevé part une fois : l'onglet « Sent statements » et votre boîte aux lettres sont vérifiés d'abord.",
    needStatements: "Lisez d'abord le grand livre : les relevés à envoyer sont ceux de l'onglet Clients.",
    scope: 'Quels relevés',
    scopeOne: (who) => `Envoyer ce relevé : ${who}`,
    scopeOneNone: "Envoyer ce relevé (choisissez un client dans l'onglet Clients)",
    emailThis: 'Envoyer ce relevé par e-mail',
    scopeAll: (n) => `Tout envoyer : ${n === 1 ? 'le relevé' : `les ${n} relevés`} de la sélection`,
    mode: 'Comment',
    modeSend: 'Envoyer maintenant',
    modeDrafts: 'Créer des brouillons (à relire et envoyer depuis Outlook)',
    modeAt: 'Envoyer le…',
    sendAt: 'Date et heure (heure locale)',
    attachment: 'Pièce jointe',
    attachPdf: 'PDF standard',
    attachWord: "Le modèle Word de l'entreprise, en PDF",
    wordTemplate: 'Modèle Word (.docx ; aucun : celui fourni)',
    attachCsv: 'Joindre le CSV de rapprochement',
    resend: 'Renvoyer ce qui a déjà été envoyé',
    preview: 'Aperçu',
    previewTitle: "Aperçu de l'envoi",
    counts: (s, p, b, a) => `${s} à envoyer, ${p} à imprimer (pas d'adresse utilisable), ${b} bloqués, ${a} déjà envoyés`,
    columns: { customer: 'Client', to: 'À', files: 'Pièces jointes ou motif', status: 'Résultat' },
    kinds: { send: 'À envoyer', print: 'À imprimer', blocked: 'Bloqué', 'already-sent': 'Ignoré' },
    alreadySent: 'déjà envoyé (voir l\'onglet « Sent statements ») ; cochez « Renvoyer » pour l\'envoyer de nouveau',
    cc: 'cc',
    bcc: 'cci',
    subject: 'Objet',
    send: (n, mode) => (mode === 'drafts' ? `Créer ${n === 1 ? 'le brouillon' : `${n} brouillons`}` : mode === 'at' ? `Programmer ${n === 1 ? 'le message' : `${n} messages`}` : `Envoyer ${n === 1 ? 'le message' : `${n} messages`}`),
    printFile: (n) => `Fichier d'impression (${n} ${n === 1 ? 'relevé' : 'relevés'})`,
    cancelHeld: 'Annuler les envois programmés',
    cancelled: (ids) => `Retirés de la boîte d'envoi : ${ids.join(', ')}`,
    noneHeld: "Aucun message programmé de ces relevés n'attend dans la boîte d'envoi.",
    sending: 'Envoi',
    progress: (d, t) => `${d} sur ${t}`,
    eta: (time) => `encore environ ${time} au rythme d'Exchange (30 messages par minute et par boîte)`,
    stop: 'Arrêter après ce message',
    results: 'Résultats',
    outcome: { sent: 'Envoyé', scheduled: 'Programmé', drafted: 'Brouillon créé', 'already-delivered': 'Déjà dans la boîte, pas renvoyé', failed: 'Échec' },
    summary: (d, dr, f) => `${d} remis, ${dr} en brouillon, ${f} en échec.`,
    stopped: "Arrêté : le reste n'a pas été envoyé.",
    logged: "Chaque relevé est inscrit dans l'onglet « Sent statements ».",
    failed: (why) => `Non envoyé : ${why}`,
    scheduleTitle: 'Envoi mensuel',
    scheduleHelp: "Les relevés partent le jour N de chaque mois pour le mois écoulé (les envois manqués sont rattrapés, chacun une fois). Gardé dans ce classeur, où l'outil en ligne de commande le lit aussi.",
    dayOfMonth: 'Jour du mois (1–31)',
    style: 'Relevé',
    openItem: 'Pièces ouvertes',
    activity: 'Mouvements',
    frequency: 'Clients non listés ci-dessous',
    monthly: 'Mensuel',
    quarterly: 'Trimestriel',
    never: 'Jamais',
    quarterlyCustomers: 'Clients trimestriels (numéros)',
    neverCustomers: "Clients sans relevé programmé (numéros)",
    listHint: 'Séparés par des virgules ou des espaces',
    saveSchedule: "Enregistrer l'envoi mensuel",
    scheduleSaved: 'Envoi mensuel enregistré dans le classeur.',
    removeSchedule: "Supprimer l'envoi mensuel",
    badDay: 'Un entier de 1 à 31',
    dueTitle: 'Envois dus',
    noneDue: 'Aucun envoi dû.',
    due: (r, f, from, to, n) => `Envoi du ${r} (${f}) : période ${from}..${to}, ${n} ${n === 1 ? 'client' : 'clients'}`,
    dueBanner: (n) => (n === 1 ? 'Un envoi programmé de relevés est dû.' : `${n} envois programmés de relevés sont dus.`),
    openMail: "Ouvrir l'onglet E-mail",
    runDue: 'Les lancer maintenant',
    runsDone: (dates) => `Envois terminés : ${dates.join(', ')}`,
    duration: (ms) => duration(ms, 'min'),
  },
};
