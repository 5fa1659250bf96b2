import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, OperationView } from '../../shared/contract';
import { LEDGER_KIND_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { PrintStatus } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';

type Result = ChannelOutput<'topups.void'>;

interface Props {
  operation: OperationView;
  printerConfigured: boolean;
  onClose: (voided: boolean) => void;
}

/** A void needs a supervisor at the desk: their code and PIN, and a reason that goes to the audit. */
export function VoidDialog({ operation, printerConfigured, onClose }: Props) {
  const [supervisor, setSupervisor] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const supervisorRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (supervisor.trim() === '') {
      setError('Inserire il codice del supervisore.');
      supervisorRef.current?.focus();
      return;
    }
    if (pin === '') {
      setError('Inserire il PIN del supervisore.');
      pinRef.current?.focus();
      return;
    }
    if (reason.trim().length < 3) {
      setError('Scrivere il motivo dello storno (almeno 3 caratteri).');
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    const reply = await call('topups.void', {
      operationId: operation.operationId,
      supervisor: supervisor.trim(),
      supervisorPin: pin,
      reason: reason.trim(),
    });
    setBusy(false);
    if (reply.ok) {
      setResult(reply.value);
      return;
    }
    setError(reply.error.message);
    if (reply.error.code === 'BAD_CREDENTIALS') {
      setPin('');
      pinRef.current?.focus();
    } else if (reply.error.code === 'FORBIDDEN' || reply.error.code === 'OPERATOR_LOCKED') {
      supervisorRef.current?.select();
    }
  }

  return (
    <Dialog
      open
      onClose={() => onClose(result !== null)}
      maxWidth="md"
      fullWidth
      aria-labelledby="void-title"
      disableRestoreFocus
    >
      <DialogTitle id="void-title">Storno di {LEDGER_KIND_LABELS[operation.kind].toLowerCase()}</DialogTitle>
      {result === null ? (
        <Box component="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Dati dello storno">
          <DialogContent sx={{ pt: 0 }}>
            <Typography sx={{ mb: 1 }}>
              {formatEuro(operation.amountCents)} del {formatRomeDateTime(operation.createdAt)}
              {operation.receiptNo ? `, ricevuta n. ${operation.receiptNo}` : ''}. Serve l'autorizzazione di un
              supervisore.
            </Typography>
            <TextField
              label="Codice supervisore"
              value={supervisor}
              onChange={(e) => setSupervisor(e.target.value)}
              inputRef={supervisorRef}
              autoFocus
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
            />
            <TextField
              label="PIN supervisore"
              type="password"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              inputRef={pinRef}
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { autoComplete: 'off', inputMode: 'numeric' } }}
            />
            <TextField
              label="Motivo dello storno"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              inputRef={reasonRef}
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            {error && (
              <Alert severity="error" role="alert" sx={{ mt: 1 }}>
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onClose(false)}>Annulla (Esc)</Button>
            <Button type="submit" variant="contained" color="error" disabled={busy}>
              Registra storno (Invio)
            </Button>
          </DialogActions>
        </Box>
      ) : (
        <>
          <DialogContent>
            <Alert severity="success" role="status" sx={{ mb: 2 }}>
              Storno registrato. Ricevuta di storno n. <strong data-testid="receipt-no">{result.receiptNo}</strong>.
              Nuovo saldo: <strong data-testid="new-balance">{formatEuro(result.balanceAfterCents)}</strong>
            </Alert>
            <ReceiptBox text={result.receiptText} label="Testo della ricevuta di storno" />
            <Box sx={{ mt: 2 }}>
              <PrintStatus outcome={result} printerConfigured={printerConfigured} />
            </Box>
          </DialogContent>
          <DialogActions>
            <Button variant="contained" autoFocus onClick={() => onClose(true)}>
              Chiudi (Invio)
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
