import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, OperationView } from '../../shared/contract';
import { LEDGER_KIND_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { PrintStatus } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { DialogForm, DialogShell, ResultActions } from '../ui/DialogShell';
import { moneyAction } from '../moneyAction';

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
  // One id for this dialog's action, sent again unchanged on every retry (moneyAction.ts).
  const [action] = useState(moneyAction);
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
      requestId: action.requestId,
      operationId: operation.operationId,
      supervisor: supervisor.trim(),
      supervisorPin: pin,
      reason: reason.trim(),
    });
    setBusy(false);
    if (reply.ok) {
      action.recorded();
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
    <DialogShell
      titleId="void-title"
      title={`Storno di ${LEDGER_KIND_LABELS[operation.kind].toLowerCase()}`}
      onClose={() => onClose(result !== null)}
    >
      {result === null ? (
        <DialogForm
          label="Dati dello storno"
          onSubmit={(event) => void submit(event)}
          error={error}
          busy={busy}
          submitLabel="Registra storno"
          danger
          onCancel={() => onClose(false)}
        >
          <Typography sx={{ mb: 1 }}>
            {formatEuro(operation.amountCents)} del {formatRomeDateTime(operation.createdAt)}
            {operation.receiptNo ? `, ricevuta n. ${operation.receiptNo}` : ''}. Serve l'autorizzazione di un
            supervisore.
          </Typography>
          {operation.paymentAccounts !== undefined && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              Fa parte di un pagamento unico per {operation.paymentAccounts} conti: lo storno riguarda tutto il
              pagamento, ogni conto, con una sola ricevuta di storno.
            </Alert>
          )}
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
            slotProps={{ htmlInput: { autoComplete: 'off' } }}
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
        </DialogForm>
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
          <ResultActions onClose={() => onClose(true)} />
        </>
      )}
    </DialogShell>
  );
}
