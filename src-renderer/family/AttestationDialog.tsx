import { useState, type FormEvent, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountItem, AttestationView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { dataAsOfText } from '../../shared/statement/statement';
import { call } from '../api';
import { documentUrl } from '../documentUrl';
import { DialogShell, FormError } from '../ui/DialogShell';
import { KeyHints } from '../ui/KeyHints';
import { hintsOf, runSomeKeys } from '../ui/keymap';
import { ATTESTATION_KEYS } from './familyKeys';

interface Props {
  account: AccountItem;
  onClose: () => void;
}

/** "2025" -> 2025; anything else (letters, a date, an empty field) -> null. */
export function readTaxYear(text: string): number | null {
  const t = text.trim();
  return /^\d{4}$/.test(t) ? Number(t) : null;
}

/** The attestazione per il 730 of the open account: the tax year, then the protocol, the figures and the PDF. */
export function AttestationDialog({ account, onClose }: Props) {
  // The usual request is last year's, for this year's tax return; the operator types another at will.
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [issued, setIssued] = useState<{ attestation: AttestationView; pdfPath: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent | KeyboardEvent) {
    event.preventDefault();
    if (busy) return;
    const taxYear = readTaxYear(year);
    if (taxYear === null) return setError(`Anno d'imposta non leggibile "${year}": scrivere l'anno, per esempio 2025.`);
    setBusy(true);
    const reply = await call('attestations.issue', { accountId: account.accountId, taxYear });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setIssued(reply.value);
  }

  function keys(event: KeyboardEvent) {
    // Invio on a button is that button's; in the field (or anywhere else) it issues. Esc is the dialog's.
    if (event.target instanceof HTMLButtonElement) return;
    runSomeKeys(ATTESTATION_KEYS, event, null, { issue: () => void submit(event) });
  }

  const a = issued?.attestation;
  const href = issued ? documentUrl(issued.pdfPath) : null;
  return (
    <DialogShell
      titleId="attestation-title"
      title={`Attestazione per il 730 - ${account.child.firstName} ${account.child.surname}`}
      onClose={onClose}
      size="sm"
      onKeyDown={keys}
    >
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {SERVICE_LABELS[account.service]} - codice Pa-Pay {account.papayCode}
        </Typography>
        <form aria-label="Anno d'imposta dell'attestazione" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label="Anno d'imposta"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            autoFocus
            size="small"
            onFocus={(e) => e.target.select()}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          />
        </form>
        <FormError message={error} />
        {a && (
          <Alert severity="success" role="status" sx={{ mt: 1 }}>
            Attestazione n. <strong data-testid="attestation-protocol">{a.protocolNo}</strong> (anno d'imposta{' '}
            {a.taxYear}, codice 730: {a.code}).{' '}
            <span data-testid="attestation-figures">
              {a.none
                ? `Nessun pagamento nel ${a.taxYear} per questo servizio.`
                : `Tracciabili ${formatEuro(a.traceableCents)}, in contanti ${formatEuro(a.cashCents)}, totale ${formatEuro(a.totalCents)}.`}
            </span>{' '}
            <span data-testid="attestation-as-of">Pagamenti noti allo sportello: {dataAsOfText(a.dataAsOf)}.</span>{' '}
            {href && (
              <a href={href} target="_blank" rel="noreferrer">
                Apri il PDF dell'attestazione
              </a>
            )}
          </Alert>
        )}
      </DialogContent>
      <KeyHints hints={hintsOf(ATTESTATION_KEYS, null)} />
      <DialogActions>
        <Button onClick={onClose}>Chiudi (Esc)</Button>
        <Button variant="contained" disabled={busy} onClick={(e) => void submit(e)}>
          Rilascia (Invio)
        </Button>
      </DialogActions>
    </DialogShell>
  );
}
