import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { ReceiptSummary } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { CloseButton, DialogShell } from '../ui/DialogShell';

interface Props {
  receipts: ReceiptSummary[];
  printerConfigured: boolean;
  onDone: () => void;
}

type Outcome = { receiptNo: string; message: string; ok: boolean };

/**
 * Receipts committed but never printed (the program stopped between the two): the customer may
 * still be waiting for one, so they are offered right after login.
 */
export function PendingReceiptsDialog({ receipts, printerConfigured, onDone }: Props) {
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  // Enter after the outcome closes: the focus is moved explicitly because the printing button it was on is gone.
  useEffect(() => {
    if (outcomes !== null) closeRef.current?.focus();
  }, [outcomes]);

  async function printAll() {
    if (busy) return;
    setBusy(true);
    const results: Outcome[] = [];
    // One at a time: a receipt printer handles one job, and the order is the order of the receipts.
    for (const receipt of receipts) {
      const reply = await call('receipts.printPending', { receiptNo: receipt.receiptNo });
      if (!reply.ok) results.push({ receiptNo: receipt.receiptNo, message: reply.error.message, ok: false });
      else if (reply.value.printed) results.push({ receiptNo: receipt.receiptNo, message: 'stampata', ok: true });
      else
        results.push({
          receiptNo: receipt.receiptNo,
          message: reply.value.printError ?? (printerConfigured ? 'non stampata' : 'nessuna stampante: salvata'),
          ok: !printerConfigured,
        });
    }
    setOutcomes(results);
    setBusy(false);
  }

  return (
    <DialogShell titleId="pending-title" title="Ricevute non stampate" onClose={onDone} size="sm">
      <DialogContent>
        {outcomes === null ? (
          <Alert severity="warning">
            {receipts.length === 1
              ? "C'è una ricevuta registrata ma non stampata."
              : `Ci sono ${receipts.length} ricevute registrate ma non stampate.`}{' '}
            {receipts.length === 1 ? 'Stamparla ora?' : 'Stamparle ora?'}
          </Alert>
        ) : null}
        <List dense aria-label="Ricevute da stampare">
          {receipts.map((r) => {
            const outcome = outcomes?.find((o) => o.receiptNo === r.receiptNo);
            return (
              <ListItem key={r.receiptNo}>
                <ListItemText
                  primary={`N. ${r.receiptNo} – ${r.childLabel} – ${formatEuro(r.amountCents)}`}
                  secondary={outcome ? outcome.message : formatRomeDateTime(r.createdAt)}
                />
              </ListItem>
            );
          })}
        </List>
      </DialogContent>
      <DialogActions>
        {outcomes === null ? (
          <>
            <Button onClick={onDone}>Più tardi (Esc)</Button>
            {/* Not disabled while printing: a disabled button drops the focus, and Enter must keep working. */}
            <Button variant="contained" autoFocus aria-busy={busy} onClick={() => void printAll()}>
              {busy ? 'Stampa in corso…' : 'Stampa ora (Invio)'}
            </Button>
          </>
        ) : (
          <CloseButton onClose={onDone} buttonRef={closeRef} />
        )}
      </DialogActions>
    </DialogShell>
  );
}
