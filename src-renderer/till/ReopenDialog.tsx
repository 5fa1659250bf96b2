import { useState, type FormEvent } from 'react';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TillSession } from '../../shared/contract';
import { call } from '../api';
import { DialogForm, DialogShell } from '../ui/DialogShell';
import { SupervisorFields } from './SupervisorFields';

interface Props {
  sessionId: string;
  lastZ: string | null;
  onDone: (session: TillSession | null) => void;
}

/** A supervisor reopens the last close with a reason; the next close is its rettifica, with the next number. */
export function ReopenDialog({ sessionId, lastZ, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [supervisor, setSupervisor] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < 5) return setError('Scrivere il motivo della riapertura (almeno 5 caratteri).');
    if (supervisor.trim() === '' || pin === '') return setError('Inserire codice e PIN del supervisore.');
    setBusy(true);
    const reply = await call('till.reopen', {
      sessionId,
      reason: reason.trim(),
      supervisor: supervisor.trim(),
      supervisorPin: pin,
    });
    setBusy(false);
    if (reply.ok) return onDone(reply.value);
    if (reply.error.code === 'BAD_CREDENTIALS') setPin('');
    setError(reply.error.message);
  }

  return (
    <DialogShell titleId="reopen-title" title="Riapertura della cassa" onClose={() => onDone(null)} size="sm">
      <DialogForm
        label="Riapertura"
        onSubmit={(event) => void submit(event)}
        error={error}
        busy={busy}
        submitLabel="Riapri"
        danger
        onCancel={() => onDone(null)}
      >
        <Typography sx={{ mb: 1 }}>
          Si riapre la sessione chiusa {lastZ ? `con la chiusura n. ${lastZ}` : ''}: la prossima chiusura ne sarà la
          rettifica, con un nuovo numero.
        </Typography>
        <TextField
          label="Motivo della riapertura"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
          fullWidth
          margin="dense"
          slotProps={{ htmlInput: { maxLength: 300 } }}
        />
        <SupervisorFields code={supervisor} pin={pin} onCode={setSupervisor} onPin={setPin} />
      </DialogForm>
    </DialogShell>
  );
}
