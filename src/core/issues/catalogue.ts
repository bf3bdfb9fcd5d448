import type { IssueLocation } from './issue';

/** Every issue code with its message in English and French. Params are filled from the call site. */
export type IssueCode =
  | 'missing-column' | 'unknown-column' | 'duplicate-column' | 'missing-value' | 'bad-date' | 'bad-amount' | 'too-many-decimals'
  | 'amount-too-large' | 'unknown-currency' | 'missing-currency' | 'unknown-customer' | 'duplicate-customer'
  | 'unknown-type' | 'unknown-status' | 'ignored-status' | 'sign-mismatch' | 'debit-and-credit'
  | 'duplicate-document' | 'unknown-document' | 'ambiguous-document' | 'over-application'
  | 'cross-currency-application' | 'cross-customer-application' | 'application-sides'
  | 'application-before-posting' | 'application-date-defaulted' | 'applies-to-unknown' | 'bad-language' | 'bad-yes-no'
  | 'ambiguous-date' | 'ambiguous-amount' | 'not-utf8' | 'bad-utf8' | 'not-positive' | 'total-row' | 'note-row' | 'blank-rows' | 'no-table' | 'customers-from-entries' | 'sheet-full' | 'duplicate-table'
  | 'extra-cells' | 'unterminated-quote'
  // Other systems' exports (issue 16): recognition, entry numbers, the vendor's open amounts.
  | 'export-recognised' | 'duplicate-entry-no' | 'unknown-entry' | 'export-date-assumed' | 'posted-after-export' | 'open-amount-disagrees'
  | 'before-export' | 'open-amounts-unbalanced' | 'bad-open-amount'
  // Grouped reports (QuickBooks, Xero, Sage): customers as group rows, Total for … rows.
  | 'grouped-report' | 'group-total-mismatch' | 'group-total-unmatched' | 'invoice-lines-folded' | 'open-items-only'
  // Journal-item exports holding every account (Odoo): what was left out and why.
  | 'export-lines-left-out' | 'export-no-partner' | 'export-unnumbered-match' | 'export-residual-currency' | 'export-no-receivable';

export type IssueParams = Readonly<Record<string, string | number>>;
type Text = (p: IssueParams, where: IssueLocation) => string;

const TABLE_FR: Readonly<Record<string, string>> = { customers: 'clients', entries: 'écritures', applications: 'lettrages' };

/** "Entries!D17" in a workbook, else "entries row 12, column due_date" / "écritures ligne 12, colonne due_date" */
export function placeEn(w: IssueLocation): string {
  if (w.cell !== undefined) return w.column !== undefined ? `${w.cell} (${w.column})` : w.cell;
  return `${w.table}${w.row !== undefined ? ` row ${w.row}` : ''}${w.column !== undefined ? `, column ${w.column}` : ''}`;
}
export function placeFr(w: IssueLocation): string {
  if (w.cell !== undefined) return w.column !== undefined ? `${w.cell} (${w.column})` : w.cell;
  return `${TABLE_FR[w.table] ?? w.table}${w.row !== undefined ? ` ligne ${w.row}` : ''}${w.column !== undefined ? `, colonne ${w.column}` : ''}`;
}
const v = (w: IssueLocation): string => JSON.stringify(w.value ?? '');
/** A French sentence writes 10/09/2026 and 1 234,50, not 2026-09-10 and 1234.50 (params arrive in the contract's forms). */
const frDate = (x: string | number | undefined): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(x ?? ''));
  return m === null ? String(x ?? '') : `${m[3]}/${m[2]}/${m[1]}`;
};
const frNumber = (x: string | number | undefined): string => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(x ?? ''));
  if (m === null) return String(x ?? '');
  const grouped = (m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${m[1] ?? ''}${grouped}${m[3] !== undefined ? `,${m[3]}` : ''}`;
};
const q = (w: IssueLocation): string => `« ${w.value ?? ''} »`;

export const ISSUE_TEXTS: Readonly<Record<IssueCode, { en: Text; fr: Text }>> = {
  'missing-column': {
    en: (p, w) => `${w.table}: required column "${p.column}" not found (headers seen: ${p.seen})`,
    fr: (p, w) => `${TABLE_FR[w.table]} : colonne obligatoire « ${p.column} » introuvable (en-têtes lus : ${p.seen})`,
  },
  'unknown-column': {
    en: (p, w) => `${w.table}: column "${p.header}" is not recognised and was not read`,
    fr: (p, w) => `${TABLE_FR[w.table]} : la colonne « ${p.header} » n'est pas reconnue et n'a pas été lue`,
  },
  'duplicate-column': {
    en: (p, w) => `${w.table}: columns "${p.used}" and "${p.header}" both mean ${p.column}; "${p.used}" is read, "${p.header}" is not (a column mapping chooses)`,
    fr: (p, w) => `${TABLE_FR[w.table]} : les colonnes « ${p.used} » et « ${p.header} » désignent toutes deux ${p.column} ; « ${p.used} » est lue, « ${p.header} » ne l'est pas (une correspondance de colonnes permet de choisir)`,
  },
  'missing-value': {
    en: (_p, w) => `${placeEn(w)}: a value is required`,
    fr: (_p, w) => `${placeFr(w)} : une valeur est obligatoire`,
  },
  'bad-date': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY — MM/DD/YYYY with --date-order mdy — or a date cell)`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est pas une date valide (format attendu AAAA-MM-JJ, JJ/MM/AAAA — MM/JJ/AAAA avec --date-order mdy — ou cellule date)`,
  },
  'ambiguous-date': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} reads only as month/day/year; dates are read day first unless the workbook is US English (--date-order mdy)`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} ne se lit que comme mois/jour/année ; les dates sont lues jour en premier sauf classeur en anglais américain (--date-order mdy)`,
  },
  'ambiguous-amount': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is ambiguous: a thousands separator (English) or a decimal comma (French)? Write it without the separator, or with a decimal point`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} est ambigu : séparateur de milliers (anglais) ou virgule décimale (français) ? Écrivez-le sans séparateur, ou avec un point décimal`,
  },
  'not-utf8': {
    en: (p) => `${p.source}: not UTF-8 text; read as Windows-1252 (Western European). Check accented names, or save it as "CSV UTF-8"`,
    fr: (p) => `${p.source} : pas en UTF-8 ; lu comme Windows-1252 (Europe occidentale). Vérifiez les accents, ou enregistrez-le en « CSV UTF-8 »`,
  },
  'bad-utf8': {
    en: (p) => `${p.source}: UTF-8 text with ${p.count} invalid byte(s), read as "�"; check the file's encoding`,
    fr: (p) => `${p.source} : texte UTF-8 avec ${p.count} octet(s) invalide(s), lu(s) comme « � » ; vérifiez l'encodage du fichier`,
  },
  'not-positive': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} must be a positive amount`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} doit être un montant positif`,
  },
  'grouped-report': {
    en: (p) => `sheet "${p.sheet}": a grouped report: ${p.groups} customer group row(s) read as the customer of the rows below them, ${p.subtotals} subtotal(s) and ${p.totals} grand total(s) checked and not read as entries${p.titles === undefined ? '' : `, ${p.titles} title row(s) above the header skipped`}`,
    fr: (p) => `onglet « ${p.sheet} » : un état groupé : ${p.groups} ligne(s) de client lue(s) comme le client des lignes qui suivent, ${p.subtotals} sous-total(aux) et ${p.totals} total(aux) général(aux) vérifiés et non lus comme écritures${p.titles === undefined ? '' : `, ${p.titles} ligne(s) de titre au-dessus de l'en-tête ignorée(s)`}`,
  },
  'group-total-mismatch': {
    en: (p, w) => `${placeEn(w)}: ${v(w)} shows ${p.shown}, but the rows it totals add up to ${p.added}`,
    fr: (p, w) => `${placeFr(w)} : ${q(w)} indique ${frNumber(p.shown)}, mais les lignes qu'il totalise font ${frNumber(p.added)}`,
  },
  'open-items-only': {
    en: (p, w) => `${placeEn(w)}: customer ${p.customer}: "${p.source}" lists open items only, and ${p.document} was settled in part by payments it does not hold; an activity statement needs every payment (an open-item statement does not)`,
    fr: (p, w) => `${placeFr(w)} : client ${p.customer} : « ${p.source} » ne liste que les pièces ouvertes, et ${p.document} a été réglé en partie par des paiements qu'il ne contient pas ; un relevé des mouvements a besoin de tous les paiements (un relevé des pièces ouvertes, non)`,
  },
  'invoice-lines-folded': {
    en: (p) => `"${p.sheet}": ${p.lines} more line row(s) of invoices already read (the invoice's own columns repeat on each line) folded into their ${p.invoices} invoice(s) and credit note(s)`,
    fr: (p) => `« ${p.sheet} » : ${p.lines} ligne(s) d'articles de factures déjà lues (les colonnes de la facture se répètent à chaque ligne) regroupées dans leurs ${p.invoices} facture(s) et avoir(s)`,
  },
  'group-total-unmatched': {
    en: (_p, w) => `${placeEn(w)}: total row ${v(w)} names no customer group above it; not checked and not read as an entry`,
    fr: (_p, w) => `${placeFr(w)} : la ligne de total ${q(w)} ne nomme aucun groupe de client au-dessus d'elle ; non vérifiée et non lue comme écriture`,
  },
  'total-row': {
    en: (_p, w) => `${placeEn(w)}: total row ${v(w)} recognised and not read as an entry`,
    fr: (_p, w) => `${placeFr(w)} : ligne de total ${q(w)} reconnue et non lue comme écriture`,
  },
  'note-row': {
    en: (_p, w) => `${placeEn(w)}: note ${v(w)} recognised and not read as an entry`,
    fr: (_p, w) => `${placeFr(w)} : note ${q(w)} reconnue et non lue comme écriture`,
  },
  'blank-rows': {
    en: (p, w) => `${w.table}: ${p.count} blank row(s) skipped`,
    fr: (p, w) => `${TABLE_FR[w.table]} : ${p.count} ligne(s) vide(s) ignorée(s)`,
  },
  'no-table': {
    en: (p) => `sheet "${p.sheet}": no customers, entries or applications header found in its first ${p.rows} rows; not read`,
    fr: (p) => `onglet « ${p.sheet} » : aucun en-tête de clients, d'écritures ou de lettrages dans ses ${p.rows} premières lignes ; non lu`,
  },
  'sheet-full': {
    en: (p) => `sheet "${p.sheet}" reaches Excel's last row (1,048,576): rows may have been cut off when it was filled`,
    fr: (p) => `l'onglet « ${p.sheet} » atteint la dernière ligne d'Excel (1 048 576) : des lignes ont pu être tronquées`,
  },
  'duplicate-table': {
    en: (p, w) => `sheet "${p.sheet}" is a second ${w.table} table; its rows are read after those of "${p.first}"`,
    fr: (p, w) => `l'onglet « ${p.sheet} » est une deuxième table ${TABLE_FR[w.table]} ; ses lignes sont lues après celles de « ${p.first} »`,
  },
  'customers-from-entries': {
    en: (p) => `no customers table: ${p.count} customer(s) taken from the entries, without names or addresses`,
    fr: (p) => `pas de table des clients : ${p.count} client(s) repris des écritures, sans nom ni adresse`,
  },
  'bad-amount': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is not a number`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est pas un nombre`,
  },
  'too-many-decimals': {
    en: (p, w) => `${placeEn(w)}: ${v(w)} has more decimals than ${p.currency} allows (${p.digits})`,
    fr: (p, w) => `${placeFr(w)} : ${q(w)} a plus de décimales que ${p.currency} n'en permet (${p.digits})`,
  },
  'amount-too-large': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is too large to be counted exactly`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} est trop grand pour être compté exactement`,
  },
  'unknown-currency': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is not an ISO 4217 currency code`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est pas un code devise ISO 4217`,
  },
  'missing-currency': {
    en: (_p, w) => `${placeEn(w)}: no currency on the row, the customer or the command line (--currency)`,
    fr: (_p, w) => `${placeFr(w)} : aucune devise sur la ligne, le client ou la ligne de commande (--currency)`,
  },
  'unknown-customer': {
    en: (_p, w) => `${placeEn(w)}: customer ${v(w)} is not in the customers table`,
    fr: (_p, w) => `${placeFr(w)} : le client ${q(w)} n'est pas dans la table des clients`,
  },
  'duplicate-customer': {
    en: (p, w) => `${placeEn(w)}: customer ${v(w)} already appears on row ${p.firstRow}`,
    fr: (p, w) => `${placeFr(w)} : le client ${q(w)} figure déjà ligne ${p.firstRow}`,
  },
  'unknown-type': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is not an entry type (invoice, credit_note, payment, refund, finance_charge, adjustment)`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est pas un type d'écriture (facture, avoir, règlement, remboursement, frais financiers, régularisation)`,
  },
  'unknown-status': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is not a status (posted, void, draft)`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est pas un statut (comptabilisé, annulé, brouillon)`,
  },
  'ignored-status': {
    en: (p, w) => `${placeEn(w)}: ${p.status} entry ignored (only posted entries count)`,
    fr: (p, w) => `${placeFr(w)} : écriture ${p.statusFr} ignorée (seules les écritures comptabilisées comptent)`,
  },
  'sign-mismatch': {
    en: (p, w) => `${placeEn(w)}: a ${p.type} must be ${p.expected}, found ${v(w)}`,
    fr: (p, w) => `${placeFr(w)} : un(e) ${p.typeFr} doit être ${p.expectedFr}, lu ${q(w)}`,
  },
  'debit-and-credit': {
    en: (_p, w) => `${placeEn(w)}: both debit and credit are filled; use one of them`,
    fr: (_p, w) => `${placeFr(w)} : débit et crédit sont tous deux remplis ; n'en utilisez qu'un`,
  },
  'unterminated-quote': {
    en: (p, w) => `${p.source}: a quote opened on line ${w.row} is never closed; the rest of the file was read as one cell, so every statement is held back`,
    fr: (p, w) => `${p.source} : un guillemet ouvert ligne ${w.row} n'est jamais fermé ; la suite du fichier a été lue comme une seule cellule, tous les relevés sont donc retenus`,
  },
  'extra-cells': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is in a column without a header (blank, or right of the last one), so it cannot be read (a delimiter inside an unquoted cell?)`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} est dans une colonne sans en-tête (vide, ou à droite du dernier), elle ne peut donc pas être lue (séparateur dans une cellule sans guillemets ?)`,
  },

  'duplicate-document': {
    en: (p, w) => `${placeEn(w)}: document ${v(w)} already appears on row ${p.firstRow} (instalments need the same customer, type, currency and different due dates)`,
    fr: (p, w) => `${placeFr(w)} : la pièce ${q(w)} figure déjà ligne ${p.firstRow} (les échéances multiples exigent le même client, le même type, la même devise et des dates d'échéance différentes)`,
  },
  'unknown-document': {
    en: (_p, w) => `${placeEn(w)}: document ${v(w)} is not among the posted entries`,
    fr: (_p, w) => `${placeFr(w)} : la pièce ${q(w)} ne figure pas parmi les écritures comptabilisées`,
  },
  'ambiguous-document': {
    en: (_p, w) => `${placeEn(w)}: document ${v(w)} is a duplicate, so what it refers to is unknown`,
    fr: (_p, w) => `${placeFr(w)} : la pièce ${q(w)} est en double, on ne sait pas à quoi elle renvoie`,
  },
  'over-application': {
    en: (p, w) => `${placeEn(w)}: applies ${p.amount} but ${p.document} has only ${p.open} open on ${p.date}`,
    fr: (p, w) => `${placeFr(w)} : lettre ${frNumber(p.amount)} mais ${p.document} n'a que ${frNumber(p.open)} ouvert au ${frDate(p.date)}`,
  },
  'cross-currency-application': {
    en: (p, w) => `${placeEn(w)}: ${p.from} (${p.fromCurrency}) cannot settle ${p.to} (${p.toCurrency}): different currencies`,
    fr: (p, w) => `${placeFr(w)} : ${p.from} (${p.fromCurrency}) ne peut pas solder ${p.to} (${p.toCurrency}) : devises différentes`,
  },
  'cross-customer-application': {
    en: (p, w) => `${placeEn(w)}: ${p.from} (customer ${p.fromCustomer}) cannot settle ${p.to} (customer ${p.toCustomer})`,
    fr: (p, w) => `${placeFr(w)} : ${p.from} (client ${p.fromCustomer}) ne peut pas solder ${p.to} (client ${p.toCustomer})`,
  },
  'application-sides': {
    en: (p, w) => `${placeEn(w)}: ${p.from} must be a credit (payment, credit note) and ${p.to} a debit (invoice, refund); found ${p.fromType} and ${p.toType}`,
    fr: (p, w) => `${placeFr(w)} : ${p.from} doit être un crédit (règlement, avoir) et ${p.to} un débit (facture, remboursement) ; lu ${p.fromType} et ${p.toType}`,
  },
  'application-before-posting': {
    en: (p, w) => `${placeEn(w)}: dated ${p.date}, before ${p.document} was posted (${p.posting})`,
    fr: (p, w) => `${placeFr(w)} : datée du ${frDate(p.date)}, avant la comptabilisation de ${p.document} (${frDate(p.posting)})`,
  },
  'application-date-defaulted': {
    en: (p, w) => `${placeEn(w)}: no date; taken as ${p.date}, the later posting date of the two documents`,
    fr: (p, w) => `${placeFr(w)} : pas de date ; prise au ${frDate(p.date)}, la plus tardive des deux dates comptables`,
  },
  'applies-to-unknown': {
    en: (_p, w) => `${placeEn(w)}: applies to ${v(w)}, which is not a posted document of this customer and currency`,
    fr: (_p, w) => `${placeFr(w)} : lettrée avec ${q(w)}, qui n'est pas une pièce comptabilisée de ce client dans cette devise`,
  },
  'bad-language': {
    en: (_p, w) => `${placeEn(w)}: language ${v(w)} is not supported (en, fr); English is used`,
    fr: (_p, w) => `${placeFr(w)} : la langue ${q(w)} n'est pas prise en charge (en, fr) ; l'anglais est utilisé`,
  },
  'bad-yes-no': {
    en: (_p, w) => `${placeEn(w)}: ${v(w)} is neither yes nor no`,
    fr: (_p, w) => `${placeFr(w)} : ${q(w)} n'est ni oui ni non`,
  },

  'export-recognised': {
    en: (p) => `read as a ${p.system} export: ${p.sheets}. Columns used: ${p.used}. Not used: ${p.unused}`,
    fr: (p) => `lu comme un export ${p.system} : ${p.sheets}. Colonnes utilisées : ${p.used}. Non utilisées : ${p.unused}`,
  },
  'duplicate-entry-no': {
    en: (p, w) => `${placeEn(w)}: entry number ${v(w)} already appears on row ${p.firstRow}`,
    fr: (p, w) => `${placeFr(w)} : le numéro d'écriture ${q(w)} figure déjà ligne ${p.firstRow}`,
  },
  'unknown-entry': {
    en: (_p, w) => `${placeEn(w)}: entry number ${v(w)} is not among the posted entries`,
    fr: (_p, w) => `${placeFr(w)} : le numéro d'écriture ${q(w)} ne figure pas parmi les écritures comptabilisées`,
  },
  'export-date-assumed': {
    en: (p) => `the open amounts the export carries are taken as at ${p.date}, its latest posting date; give the date it was exported with --exported (the pane: "Exported on")`,
    fr: (p) => `les montants ouverts de l'export sont pris au ${frDate(p.date)}, sa dernière date comptable ; indiquez la date d'export avec --exported (volet : « Exporté le »)`,
  },
  'posted-after-export': {
    en: (p, w) => `${placeEn(w)}: posted on ${p.posting}, after the export date ${p.exported}; its open amount is taken as the export shows it`,
    fr: (p, w) => `${placeFr(w)} : comptabilisée le ${frDate(p.posting)}, après la date d'export ${frDate(p.exported)} ; son montant ouvert est pris tel que l'export le donne`,
  },
  'open-amount-disagrees': {
    en: (p, w) => `${placeEn(w)}: ${p.document} has ${p.ours} open at ${p.date} by its applications, ${p.theirs} by the export; the applications are kept`,
    fr: (p, w) => `${placeFr(w)} : ${p.document} a ${frNumber(p.ours)} ouvert au ${frDate(p.date)} d'après ses lettrages, ${frNumber(p.theirs)} d'après l'export ; les lettrages sont retenus`,
  },
  'before-export': {
    en: (p) => `customer ${p.customer}: a statement at ${p.asOf} cannot be known from this export: its open amounts are those of ${p.exported}, and ${p.document} was settled on a date the export does not give. Export the ledger with what links its entries (its applications), or choose a date on or after ${p.exported}`,
    fr: (p) => `client ${p.customer} : un relevé au ${frDate(p.asOf)} ne peut pas être établi à partir de cet export : ses montants ouverts sont ceux du ${frDate(p.exported)}, et ${p.document} a été soldée à une date que l'export ne donne pas. Exportez les écritures avec ce qui les relie (leurs lettrages), ou choisissez une date à partir du ${frDate(p.exported)}`,
  },
  'open-amounts-unbalanced': {
    en: (p) => `customer ${p.customer} (${p.currency}): the export's open amounts settle ${p.debits} of invoices but ${p.credits} of payments and credits; they cannot both be right, so nothing is guessed`,
    fr: (p) => `client ${p.customer} (${p.currency}) : les montants ouverts de l'export soldent ${frNumber(p.debits)} de factures mais ${frNumber(p.credits)} de règlements et avoirs ; les deux ne peuvent être justes, rien n'est deviné`,
  },
  'bad-open-amount': {
    en: (p, w) => `${placeEn(w)}: open amount ${v(w)} must have the sign of the amount ${p.amount} and not exceed it`,
    fr: (p, w) => `${placeFr(w)} : le montant ouvert ${q(w)} doit avoir le signe du montant ${frNumber(p.amount)} sans le dépasser`,
  },

  'export-lines-left-out': {
    en: (p) => `${p.count} lines of accounts that are not receivable were left out: ${p.accounts} (name the receivable account with --account, the pane: "Receivable account")`,
    fr: (p) => `${p.count} lignes de comptes qui ne sont pas des comptes clients ont été écartées : ${p.accounts} (indiquez le compte client avec --account, volet : « Compte client »)`,
  },
  'export-no-partner': {
    en: (p, w) => `${placeEn(w)}: a line of receivable account ${p.account} with no partner was left out: no customer to put it on`,
    fr: (p, w) => `${placeFr(w)} : une ligne du compte client ${p.account} sans partenaire a été écartée : aucun client auquel l'imputer`,
  },
  'export-unnumbered-match': {
    en: (p) => `${p.count} lines are matched "P" (rows ${p.rows}): Odoo 16 writes P for every partial match without saying which lines go together, so they are not linked; each line's residual is its open amount at the export date`,
    fr: (p) => `${p.count} lignes sont lettrées « P » (lignes ${p.rows}) : Odoo 16 écrit P pour tout lettrage partiel sans dire quelles lignes vont ensemble, elles ne sont donc pas liées ; le montant résiduel de chaque ligne est son montant ouvert à la date d'export`,
  },
  'export-residual-currency': {
    en: (p, w) => `${placeEn(w)}: the line is in ${p.currency} but this residual is in the company's currency; its open amount is unknown (export "Residual Amount in Currency" too)`,
    fr: (p, w) => `${placeFr(w)} : la ligne est en ${p.currency} mais ce résiduel est dans la devise de la société ; son montant ouvert est inconnu (exportez aussi « Montant résiduel en devise »)`,
  },
  'export-no-receivable': {
    en: (p) => `no line of a receivable account${p.wanted !== '' ? ` named ${p.wanted}` : ''} was found among the accounts ${p.accounts}; name the receivable account with --account (the pane: "Receivable account")`,
    fr: (p) => `aucune ligne d'un compte client${p.wanted !== '' ? ` nommé ${p.wanted}` : ''} parmi les comptes ${p.accounts} ; indiquez le compte client avec --account (volet : « Compte client »)`,
  },
};
