import type { Language } from '../core';

/** Every text the pane shows itself, in English and French (statement wording comes from core's LABELS). */
export interface PaneTexts {
  readonly title: string;
  readonly subtitle: string;
  readonly tabs: { readonly ledger: string; readonly options: string; readonly customers: string; readonly issues: string; readonly output: string; readonly mail: string };
  readonly ledger: {
    readonly find: string;
    readonly reading: (rows: number) => string;
    readonly notFound: string;
    readonly table: Readonly<Record<'customers' | 'entries' | 'applications', string>>;
    readonly rows: (n: number) => string;
    readonly fromSheet: (sheet: string, header: number) => string;
    readonly header: string;
    readonly column: string;
    readonly notRead: string;
    readonly derivedCustomers: string;
    readonly noApplications: string;
    readonly mappingTitle: string;
    readonly mappingHelp: string;
    readonly sheetNoTable: (sheet: string, row: number) => string;
    readonly tableMissing: (table: string, sheet: string) => string;
    readonly readAs: string;
    readonly columnFor: (column: string) => string;
    readonly choose: string;
    readonly saveMapping: string;
    readonly savedMapping: (n: number) => string;
    readonly clearMapping: string;
  };
  readonly options: {
    readonly statement: string;
    readonly asOf: string;
    readonly style: string;
    readonly openItem: string;
    readonly activity: string;
    readonly from: string;
    readonly fromHint: string;
    readonly aging: string;
    readonly agingHint: string;
    readonly agingBy: string;
    readonly due: string;
    readonly posting: string;
    readonly allocate: string;
    readonly allocateNone: string;
    readonly allocateFifo: string;
    readonly who: string;
    readonly include: string;
    readonly includeAuto: string;
    readonly includeBalance: string;
    readonly includeActivity: string;
    readonly includeEither: string;
    readonly excludeCredit: string;
    readonly minBalance: string;
    readonly overdueOnly: string;
    readonly ignoreOptOut: string;
    readonly customers: string;
    readonly groups: string;
    readonly listHint: string;
    readonly reading: string;
    readonly language: string;
    readonly currency: string;
    readonly currencyHint: string;
    readonly dateOrder: string;
    readonly dmy: string;
    readonly mdy: string;
    readonly exported: string;
    readonly exportedHint: string;
    readonly accounts: string;
    readonly accountsHint: string;
  };
  readonly errors: {
    readonly date: string;
    readonly fromAfterAsOf: string;
    readonly amount: string;
    readonly ambiguousAmount: string;
    readonly currency: string;
    readonly sheets: string;
  };
  readonly customers: {
    readonly search: string;
    readonly summary: (shown: number, ok: number, blocked: number, out: number) => string;
    readonly none: string;
    readonly balance: string;
    readonly overdue: string;
    readonly ok: string;
    readonly blocked: string;
    readonly excluded: string;
    readonly back: string;
    readonly pickHint: string;
    readonly computing: string;
    readonly needLedger: string;
  };
  readonly issues: {
    readonly none: string;
    readonly count: (errors: number, warnings: number) => string;
    readonly select: (cell: string) => string;
    readonly selected: (cell: string) => string;
    readonly notSelectable: string;
  };
  readonly output: {
    readonly workbookTitle: string;
    readonly workbookHelp: string;
    readonly allStatements: string;
    readonly oneStatement: (customer: string) => string;
    readonly oneStatementNone: string;
    readonly maxSheets: string;
    readonly write: string;
    readonly writing: (done: number, total: number) => string;
    readonly written: (sheets: number, removed: number) => string;
    readonly renamed: (from: string, to: string) => string;
    readonly statementSheet: string;
    readonly documentsTitle: string;
    readonly documentsNotYet: string;
    readonly wordTemplate: string;
    readonly exportFailed: string;
  };
  readonly progress: { readonly cancel: string; readonly cancelled: string; readonly read: string; readonly compute: string; readonly model: string; readonly write: string };
  readonly failed: (message: string) => string;
}

export const TEXTS: Readonly<Record<Language, PaneTexts>> = {
  en: {
    title: 'Customer statements',
    subtitle: 'From the receivables ledger of this workbook',
    tabs: { ledger: 'Ledger', options: 'Options', customers: 'Customers', issues: 'Issues', output: 'Output', mail: 'E-mail' },
    ledger: {
      find: 'Find ledger',
      reading: (rows) => `Reading the workbook… ${rows.toLocaleString('en')} rows`,
      notFound: 'No ledger found yet.',
      table: { customers: 'Customers', entries: 'Entries', applications: 'Applications' },
      rows: (n) => `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`,
      fromSheet: (sheet, header) => `Sheet ${sheet}, header on row ${header}`,
      header: 'Header',
      column: 'Read as',
      notRead: 'not read',
      derivedCustomers: 'No customers table: customers are taken from the entries.',
      noApplications: 'No applications table (optional).',
      mappingTitle: 'Columns to map',
      mappingHelp: 'Some needed columns were not recognised. Pick the header that holds each one; the mapping is saved in this workbook (hidden sheet "Statements settings").',
      sheetNoTable: (sheet, row) => `Sheet ${sheet}: no table recognised. Its header seems to be row ${row}.`,
      tableMissing: (table, sheet) => `${table} on sheet ${sheet}: needed columns missing.`,
      readAs: 'This sheet holds',
      columnFor: (column) => `Header for ${column}`,
      choose: '(choose a header)',
      saveMapping: 'Save mapping and read again',
      savedMapping: (n) => `${n} ${n === 1 ? 'header is' : 'headers are'} mapped in this workbook.`,
      clearMapping: 'Clear mapping',
    },
    options: {
      statement: 'Statements',
      asOf: 'Statement date',
      style: 'Statement style',
      openItem: 'Open items',
      activity: 'Activity',
      from: 'Period start',
      fromHint: 'Optional for open items (lines from this date); activity defaults to the first of the month.',
      aging: 'Aging bands',
      agingHint: 'Upper bounds in days such as 30,60,90, "months", or a period such as 30D or 1M+CM.',
      agingBy: 'Age by',
      due: 'Due date',
      posting: 'Posting date',
      allocate: 'Unapplied credits',
      allocateNone: 'Leave unapplied',
      allocateFifo: 'Apply to oldest invoices (FIFO)',
      who: 'Who gets a statement',
      include: 'Customers with',
      includeAuto: 'Default for the style',
      includeBalance: 'A balance',
      includeActivity: 'Activity in the period',
      includeEither: 'Either',
      excludeCredit: 'Leave out credit balances',
      minBalance: 'Minimum balance',
      overdueOnly: 'Only customers with something overdue',
      ignoreOptOut: 'Include customers who opted out',
      customers: 'Only these customers',
      groups: 'Only these groups',
      listHint: 'Separated by commas; empty for all.',
      reading: 'Reading the ledger',
      exported: 'Exported on',
      exportedHint: 'For another system’s export (Business Central…) that carries open amounts: the day it was exported. Empty: its latest posting date.',
      language: 'Language of the summary sheets',
      currency: 'Default currency',
      currencyHint: 'For rows and customers that name none (ISO code such as EUR).',
      dateOrder: 'Dates typed as text',
      dmy: 'Day first (31/10/2026)',
      mdy: 'Month first (10/31/2026)',
      accounts: 'Receivable account',
      accountsHint: 'For a journal items export (Odoo): account codes or names, separated by commas (411 takes 411000 and 411100). Empty: accounts of receivable type, or whose code or name says so.',
    },
    errors: {
      date: 'Enter a date.',
      fromAfterAsOf: 'The period start must not be after the statement date.',
      amount: 'Enter an amount such as 10.00.',
      ambiguousAmount: 'Ambiguous: write 1500 or 1.5.',
      currency: 'Not an ISO 4217 currency code.',
      sheets: 'Enter a whole number, 0 or more.',
    },
    customers: {
      search: 'Search customers',
      summary: (shown, ok, blocked, out) => `${shown} shown · ${ok} ok · ${blocked} blocked · ${out} left out`,
      none: 'No customer matches.',
      balance: 'Balance',
      overdue: 'Overdue',
      ok: 'ok',
      blocked: 'blocked',
      excluded: 'left out',
      back: 'Back to the list',
      pickHint: 'Pick a customer to see the statement.',
      computing: 'Computing statements…',
      needLedger: 'Find the ledger first.',
    },
    issues: {
      none: 'No issues: every row was read.',
      count: (e, w) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}`,
      select: (cell) => `Go to ${cell}`,
      selected: (cell) => `Selected ${cell}.`,
      notSelectable: 'That cell is on a hidden or missing sheet.',
    },
    output: {
      workbookTitle: 'Write to the workbook',
      workbookHelp: 'Adds the sheets Aged receivables and Issues, and statement sheets. A new run replaces exactly the sheets the previous run wrote; your own sheets are never touched.',
      allStatements: 'A sheet per customer',
      oneStatement: (customer) => `One "Statement" sheet for ${customer}`,
      oneStatementNone: 'One "Statement" sheet for the customer picked (pick one in Customers)',
      maxSheets: 'Statement sheets at most',
      write: 'Write sheets',
      writing: (done, total) => `Writing sheet ${done} of ${total}…`,
      written: (sheets, removed) => `${sheets} sheets written${removed > 0 ? `, ${removed} from the previous run replaced` : ''}.`,
      renamed: (from, to) => `"${from}" is one of your sheets: written as "${to}".`,
      statementSheet: 'Statement',
      documentsTitle: 'Documents and exports',
      documentsNotYet: 'PDF, Word and reconciliation CSV exports are not in this build yet.',
      wordTemplate: 'Word template (.docx): the shipped one unless you pick your own',
      exportFailed: 'The document could not be made:',
    },
    progress: { cancel: 'Cancel', cancelled: 'Cancelled.', read: 'Reading the ledger', compute: 'Computing statements', model: 'Laying out the sheets', write: 'Writing the sheets' },
    failed: (m) => `Something went wrong: ${m}`,
  },
  fr: {
    title: 'Relevés de compte client',
    subtitle: 'À partir du grand livre clients de ce classeur',
    tabs: { ledger: 'Grand livre', options: 'Options', customers: 'Clients', issues: 'Anomalies', output: 'Sorties', mail: 'E-mail' },
    ledger: {
      find: 'Trouver le grand livre',
      reading: (rows) => `Lecture du classeur… ${rows.toLocaleString('fr')} lignes`,
      notFound: 'Aucun grand livre trouvé pour l’instant.',
      table: { customers: 'Clients', entries: 'Écritures', applications: 'Lettrages' },
      rows: (n) => `${n.toLocaleString('fr')} ${n <= 1 ? 'ligne' : 'lignes'}`,
      fromSheet: (sheet, header) => `Onglet ${sheet}, en-tête en ligne ${header}`,
      header: 'En-tête',
      column: 'Lu comme',
      notRead: 'non lu',
      derivedCustomers: 'Pas de table des clients : les clients sont pris dans les écritures.',
      noApplications: 'Pas de table des lettrages (facultative).',
      mappingTitle: 'Colonnes à associer',
      mappingHelp: 'Des colonnes nécessaires n’ont pas été reconnues. Choisissez l’en-tête qui contient chacune ; l’association est enregistrée dans ce classeur (onglet masqué « Statements settings »).',
      sheetNoTable: (sheet, row) => `Onglet ${sheet} : aucune table reconnue. Son en-tête semble être la ligne ${row}.`,
      tableMissing: (table, sheet) => `${table} de l’onglet ${sheet} : colonnes nécessaires manquantes.`,
      readAs: 'Cet onglet contient',
      columnFor: (column) => `En-tête pour ${column}`,
      choose: '(choisir un en-tête)',
      saveMapping: 'Enregistrer et relire',
      savedMapping: (n) => `${n} ${n <= 1 ? 'en-tête associé' : 'en-têtes associés'} dans ce classeur.`,
      clearMapping: 'Effacer l’association',
    },
    options: {
      statement: 'Relevés',
      asOf: 'Date du relevé',
      style: 'Type de relevé',
      openItem: 'Pièces ouvertes',
      activity: 'Mouvements',
      from: 'Début de période',
      fromHint: 'Facultatif pour les pièces ouvertes (lignes depuis cette date) ; les mouvements partent par défaut du premier du mois.',
      aging: 'Tranches d’échéancier',
      agingHint: 'Bornes en jours comme 30,60,90, « months », ou une période comme 30D ou 1M+CM.',
      agingBy: 'Ancienneté selon',
      due: 'Date d’échéance',
      posting: 'Date comptable',
      allocate: 'Avoirs non lettrés',
      allocateNone: 'Laisser non lettrés',
      allocateFifo: 'Imputer aux plus anciennes factures (FIFO)',
      who: 'Qui reçoit un relevé',
      include: 'Clients avec',
      includeAuto: 'Selon le type de relevé',
      includeBalance: 'Un solde',
      includeActivity: 'Des mouvements sur la période',
      includeEither: 'L’un ou l’autre',
      excludeCredit: 'Exclure les soldes créditeurs',
      minBalance: 'Solde minimum',
      overdueOnly: 'Seulement les clients avec un retard',
      ignoreOptOut: 'Inclure les clients qui ont refusé les relevés',
      customers: 'Seulement ces clients',
      groups: 'Seulement ces groupes',
      listHint: 'Séparés par des virgules ; vide pour tous.',
      reading: 'Lecture du grand livre',
      exported: 'Exporté le',
      exportedHint: 'Pour l’export d’un autre logiciel (Business Central…) qui donne les montants ouverts : le jour de l’export. Vide : sa dernière date comptable.',
      language: 'Langue des onglets de synthèse',
      currency: 'Devise par défaut',
      currencyHint: 'Pour les lignes et clients qui n’en indiquent pas (code ISO comme EUR).',
      dateOrder: 'Dates saisies en texte',
      dmy: 'Jour d’abord (31/10/2026)',
      mdy: 'Mois d’abord (10/31/2026)',
      accounts: 'Compte client',
      accountsHint: 'Pour un export d’écritures comptables (Odoo) : codes ou noms de comptes, séparés par des virgules (411 prend 411000 et 411100). Vide : les comptes de type client, ou dont le code ou le nom le dit.',
    },
    errors: {
      date: 'Saisissez une date.',
      fromAfterAsOf: 'Le début de période ne doit pas être après la date du relevé.',
      amount: 'Saisissez un montant, par exemple 10,00.',
      ambiguousAmount: 'Ambigu : écrivez 1500 ou 1,5.',
      currency: 'Pas un code devise ISO 4217.',
      sheets: 'Saisissez un nombre entier, 0 ou plus.',
    },
    customers: {
      search: 'Rechercher un client',
      summary: (shown, ok, blocked, out) => `${shown} affichés · ${ok} ok · ${blocked} bloqués · ${out} exclus`,
      none: 'Aucun client ne correspond.',
      balance: 'Solde',
      overdue: 'Échu',
      ok: 'ok',
      blocked: 'bloqué',
      excluded: 'exclu',
      back: 'Retour à la liste',
      pickHint: 'Choisissez un client pour voir son relevé.',
      computing: 'Calcul des relevés…',
      needLedger: 'Trouvez d’abord le grand livre.',
    },
    issues: {
      none: 'Aucune anomalie : toutes les lignes ont été lues.',
      count: (e, w) => `${e} ${e <= 1 ? 'erreur' : 'erreurs'}, ${w} ${w <= 1 ? 'avertissement' : 'avertissements'}`,
      select: (cell) => `Aller à ${cell}`,
      selected: (cell) => `${cell} sélectionnée.`,
      notSelectable: 'Cette cellule est sur un onglet masqué ou absent.',
    },
    output: {
      workbookTitle: 'Écrire dans le classeur',
      workbookHelp: 'Ajoute les onglets Balance âgée et Anomalies, et les onglets de relevés. Une nouvelle exécution remplace exactement les onglets de la précédente ; vos propres onglets ne sont jamais modifiés.',
      allStatements: 'Un onglet par client',
      oneStatement: (customer) => `Un seul onglet « Relevé » pour ${customer}`,
      oneStatementNone: 'Un seul onglet « Relevé » pour le client choisi (choisissez-le dans Clients)',
      maxSheets: 'Onglets de relevés au plus',
      write: 'Écrire les onglets',
      writing: (done, total) => `Écriture de l’onglet ${done} sur ${total}…`,
      written: (sheets, removed) => `${sheets} onglets écrits${removed > 0 ? `, ${removed} de l’exécution précédente remplacés` : ''}.`,
      renamed: (from, to) => `« ${from} » est un de vos onglets : écrit sous le nom « ${to} ».`,
      statementSheet: 'Relevé',
      documentsTitle: 'Documents et exports',
      documentsNotYet: 'Les exports PDF, Word et CSV de rapprochement ne sont pas encore dans cette version.',
      wordTemplate: 'Modèle Word (.docx) : celui fourni, sauf si vous choisissez le vôtre',
      exportFailed: 'Le document n’a pas pu être produit :',
    },
    progress: { cancel: 'Annuler', cancelled: 'Annulé.', read: 'Lecture du grand livre', compute: 'Calcul des relevés', model: 'Mise en page des onglets', write: 'Écriture des onglets' },
    failed: (m) => `Un problème est survenu : ${m}`,
  },
};
