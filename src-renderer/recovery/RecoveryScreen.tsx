import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GoodCopy, RecoveryState } from '../../shared/contract';
import { call } from '../api';
import { SupervisorFields } from '../till/SupervisorFields';

type Damaged = NonNullable<RecoveryState['damaged']>;

const timeFmt = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const when = (iso: string) => timeFmt.format(new Date(iso));

function copyLabel(c: GoodCopy): string {
  const last =
    c.lastReceiptNo === null ? 'nessuna ricevuta' : `ultima ricevuta ${c.lastReceiptNo} (${when(c.lastReceiptAt!)})`;
  const pending =
    c.pendingOperations === 0
      ? 'tutto già inviato al servizio centrale'
      : `${c.pendingOperations} operazioni ancora da inviare, che la sincronizzazione invierà`;
  return `Copia del ${when(c.takenAt)}: ${last}; ${pending}`;
}

/** What choosing `copy` loses, in the operator's words. */
function lossText(damaged: Damaged, copy: GoodCopy | undefined): string {
  if (copy === undefined) return '';
  const after =
    damaged.lastReceiptNo !== null && damaged.lastReceiptNo !== copy.lastReceiptNo
      ? `Il database danneggiato arriva fino alla ricevuta ${damaged.lastReceiptNo}: le ricevute dopo ${copy.lastReceiptNo ?? 'l’inizio'} non sono nella copia. `
      : 'Le operazioni registrate dopo la copia non sono nella copia. ';
  return (
    after +
    'Quelle che il servizio centrale aveva già ricevuto tornano con la sincronizzazione; quelle non ancora inviate ' +
    'vanno registrate di nuovo dalle ricevute stampate. Il file danneggiato resta conservato per l’assistenza.'
  );
}

/**
 * A counter whose database SQLite found damaged: the good copies (newest first, arrows to choose),
 * what the chosen one loses and how the sync brings back the rest; a supervisor's code and PIN
 * restore it and the counter starts (the page reloads).
 */
export function RecoveryScreen({ damaged, onRestored }: { damaged: Damaged; onRestored: () => void }) {
  const [chosen, setChosen] = useState(damaged.copies[0]?.name ?? '');
  const [supervisor, setSupervisor] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const copy = damaged.copies.find((c) => c.name === chosen);

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (busy || copy === undefined) return;
    setBusy(true);
    const reply = await call('recovery.restore', { copy: copy.name, supervisor, pin });
    setBusy(false);
    if (reply.ok) onRestored();
    else {
      setError(reply.error.message);
      setPin('');
    }
  }

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1000, mx: 'auto' }}>
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700 }}>
        Database danneggiato: ripristino da una copia di sicurezza
      </Typography>
      {/* What SQLite found: the page's subject, not a live message (role alert is kept for refusals). */}
      <Alert severity="error" role="status" sx={{ my: 1 }}>
        {damaged.problem}
      </Alert>
      {damaged.copies.length === 0 ? (
        <Alert severity="warning" role="alert">
          Su questo PC non c’è nessuna copia di sicurezza integra. Avvisare l’assistenza: una cartella dei dati nuova si
          riempie dal servizio centrale con l’attivazione.
        </Alert>
      ) : (
        <Box component="form" aria-label="Ripristino" onSubmit={(e) => void restore(e)}>
          <TextField
            select
            fullWidth
            autoFocus
            label="Copia da ripristinare (frecce per scegliere)"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            slotProps={{ select: { native: true } }}
            sx={{ mt: 1 }}
          >
            {damaged.copies.map((c) => (
              <option key={c.name} value={c.name}>
                {copyLabel(c)}
              </option>
            ))}
          </TextField>
          <Typography sx={{ my: 1 }} data-testid="recovery-loss">
            {lossText(damaged, copy)}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <SupervisorFields code={supervisor} pin={pin} onCode={setSupervisor} onPin={setPin} />
            <Button type="submit" variant="contained" disabled={busy}>
              Ripristina la copia (Invio)
            </Button>
          </Box>
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
