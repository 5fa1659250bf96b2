import { useState, type FormEvent } from 'react';
import TextField from '@mui/material/TextField';
import type { MovementKind, TillMovement } from '../../shared/contract';
import { CODE_NOT_AMOUNT, looksLikeCode, parseEuroInput } from '../../shared/money';
import { call } from '../api';
import { DialogForm, DialogShell } from '../ui/DialogShell';

export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  versamento: 'Versamento in Tesoreria',
  reintegro: 'Reintegro del fondo cassa',
  prelievo: 'Prelievo dalla cassa',
};

interface Props {
  kind: MovementKind;
  onDone: (movement: TillMovement | null) => void;
}

/** A cash movement of the open session: the amount, and for a versamento the bank's reference (quietanza). */
export function MovementDialog({ kind, onDone }: Props) {
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (looksLikeCode(amount)) return setError(CODE_NOT_AMOUNT);
    const amountCents = parseEuroInput(amount);
    if (amountCents === null) return setError('Importo non leggibile: scrivere per esempio 150 oppure 150,50.');
    setBusy(true);
    const reply = await call('till.movement', {
      kind,
      amountCents,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (reply.ok) onDone(reply.value);
    else setError(reply.error.message);
  }

  return (
    <DialogShell titleId="movement-title" title={MOVEMENT_LABELS[kind]} onClose={() => onDone(null)} size="sm">
      <DialogForm
        label={MOVEMENT_LABELS[kind]}
        onSubmit={(event) => void submit(event)}
        error={error}
        busy={busy}
        submitLabel="Registra"
        onCancel={() => onDone(null)}
      >
        <TextField
          label="Importo in euro"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          autoFocus
          fullWidth
          margin="dense"
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
        />
        {kind === 'versamento' && (
          <TextField
            label="Riferimento della quietanza (banca)"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            fullWidth
            margin="dense"
            helperText="Obbligatorio: il numero della quietanza o il CRO del versamento."
            slotProps={{ htmlInput: { maxLength: 60, autoComplete: 'off' } }}
          />
        )}
        <TextField
          label="Nota"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          fullWidth
          margin="dense"
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
      </DialogForm>
    </DialogShell>
  );
}
