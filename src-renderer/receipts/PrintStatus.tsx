import Alert from '@mui/material/Alert';

export interface PrintOutcome {
  printed: boolean;
  // `| undefined` because that is how zod types an optional field.
  printError?: string | undefined;
}

/**
 * Says plainly whether the paper came out, and what to do when it did not. With no printer
 * configured the core "prints" to a file in the data folder: the text on screen is what counts.
 */
export function PrintStatus({ outcome, printerConfigured }: { outcome: PrintOutcome; printerConfigured: boolean }) {
  if (!outcome.printed) {
    return (
      <Alert severity="error" role="alert">
        Stampa non riuscita{outcome.printError ? `: ${outcome.printError}` : '.'} Il testo è registrato: si può
        ristampare da Ricevute (F8).
      </Alert>
    );
  }
  if (!printerConfigured) {
    return (
      <Alert severity="info" role="status">
        Nessuna stampante configurata: il testo è salvato su file nella cartella dei dati ed è mostrato qui.
      </Alert>
    );
  }
  return (
    <Alert severity="success" role="status">
      Stampato.
    </Alert>
  );
}
