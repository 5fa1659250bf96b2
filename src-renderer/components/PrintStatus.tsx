import Alert from '@mui/material/Alert';

export interface PrintOutcome {
  printed: boolean;
  // `| undefined` because that is how zod types an optional field.
  printError?: string | undefined;
}

/** Says plainly whether the paper came out, and what to do when it did not. */
export function PrintStatus({ outcome, printerConfigured }: { outcome: PrintOutcome; printerConfigured: boolean }) {
  if (outcome.printed) {
    return (
      <Alert severity="success" role="status">
        Ricevuta stampata.
      </Alert>
    );
  }
  if (outcome.printError) {
    return (
      <Alert severity="error" role="alert">
        Stampa non riuscita: {outcome.printError} La ricevuta è registrata: si può ristampare da Ricevute (F8).
      </Alert>
    );
  }
  return (
    <Alert severity="info" role="status">
      {printerConfigured
        ? 'Ricevuta non stampata. Si può ristampare da Ricevute (F8).'
        : 'Nessuna stampante configurata: la ricevuta è salvata e mostrata qui.'}
    </Alert>
  );
}
