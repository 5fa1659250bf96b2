/**
 * Fixed Italian texts of the A4 pagoPA notice, written for Sportello after the structure of the
 * Avvisi 3.x guide (same modules, same headings, our own short sentences).
 */
export const NOTICE_TEXTS = {
  title: 'AVVISO DI PAGAMENTO',
  enteHeading: 'ENTE CREDITORE',
  debtorHeading: 'DESTINATARIO AVVISO',
  fiscalCode: 'Codice fiscale',
  howMuchWhen: 'QUANTO E QUANDO PAGARE?',
  howMuch: 'QUANTO PAGARE?',
  noDueDate: 'Questo avviso non ha una data di scadenza.',
  singlePayment: 'Puoi pagare in una rata unica.',
  installments: (count: number) => `Puoi pagare in ${count} rate, ciascuna con il proprio codice avviso.`,
  amountNote:
    "L'importo è quello dovuto alla data di emissione. Se l'Ente lo aggiorna, il canale con cui paghi " +
    'ti mostra la cifra aggiornata prima di confermare.',
  where: 'DOVE PAGARE?',
  online: 'PAGA ONLINE',
  onlineText:
    "Con l'app IO, con il sito o l'app della tua banca e con gli altri canali digitali aderenti a pagoPA: " +
    "inquadra il codice QR oppure inserisci il codice avviso e il codice fiscale dell'Ente creditore.",
  onSite: 'PAGA SUL TERRITORIO',
  onSiteText:
    'In banca, agli sportelli ATM abilitati, negli uffici postali, nelle tabaccherie, nelle ricevitorie e ' +
    'negli altri punti vendita aderenti a pagoPA, presentando questo avviso.',
  channelsList: "L'elenco dei canali abilitati è pubblicato su www.pagopa.gov.it.",
  paymentData: 'DATI PER IL PAGAMENTO',
  paymentDataText: 'Usa i dati della rata che vuoi pagare: il codice QR li contiene già tutti.',
  banks: 'BANCHE E ALTRI CANALI',
  singleInstallment: 'RATA UNICA',
  installmentOf: (n: number, count: number) => `RATA ${n} DI ${count}`,
  by: 'entro il',
  debtor: 'Destinatario',
  ente: 'Ente creditore',
  subject: 'Oggetto del pagamento',
  cbill: 'Codice CBILL',
  nav: 'Codice avviso',
  enteFiscalCode: 'Cod. fiscale Ente creditore',
  amount: 'Importo',
  postal: 'BOLLETTINO POSTALE PA',
  postalText: 'Si paga negli uffici postali e sui canali fisici e digitali di Poste Italiane.',
  postalAccount: 'sul C/C n.',
  postalHolder: 'intestato a',
  postalType: 'Tipo',
  postalAuthorization: 'Autorizzazione',
  issuedOn: 'Avviso emesso il',
  page: (n: number, count: number) => `Pagina ${n} di ${count}`,
} as const;
