import { useEffect, useRef, useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { TillSession } from '../../shared/contract';
import { call } from '../api';
import { DialogForm } from '../ui/DialogShell';
import { CountFields } from './CountFields';
import { countInput, countText, type CountText } from './countText';

interface Props {
  /** Why the form is shown where it interrupts something (a top-up asked for an open till). */
  notice?: string;
  submitLabel?: string;
  onOpened: (session: TillSession) => void;
  onCancel: () => void;
}

/**
 * Opens the till session: the float counted by denomination (proposed from the last close) where the
 * counter counts a drawer, nothing to count at a pharmacy. Invio opens; nothing is written before.
 */
export function OpenTillForm({ notice, submitLabel = 'Apri la cassa', onOpened, onCancel }: Props) {
  const [countsDrawer, setCountsDrawer] = useState<boolean | null>(null);
  const [float, setFloat] = useState<CountText>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void call('till.status', {}).then((reply) => {
      if (!reply.ok) return setError(reply.error.message);
      setCountsDrawer(reply.value.countsDrawer);
      setFloat(countText(reply.value.proposedFloatCounts));
    });
  }, []);
  // With nothing to count (a pharmacy) Invio must still open: the button takes the cursor.
  useEffect(() => {
    if (countsDrawer === false) formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }, [countsDrawer]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || countsDrawer === null) return;
    setBusy(true);
    const reply = await call('till.open', { floatCounts: countsDrawer ? countInput(float) : {} });
    setBusy(false);
    if (reply.ok) onOpened(reply.value);
    else setError(reply.error.message);
  }

  return (
    <Box ref={formRef}>
      <DialogForm
        label="Apertura della cassa"
        onSubmit={(event) => void submit(event)}
        error={error}
        busy={busy || countsDrawer === null}
        submitLabel={submitLabel}
        onCancel={onCancel}
      >
        {notice && (
          <Alert severity="info" role="status" sx={{ mb: 1 }}>
            {notice}
          </Alert>
        )}
        {countsDrawer === true && (
          <>
            <Typography sx={{ mb: 1 }}>
              Contare il fondo cassa per taglio (proposto quello lasciato dall&apos;ultima chiusura); Tab passa al
              taglio successivo.
            </Typography>
            <CountFields label="Fondo cassa" value={float} onChange={setFloat} autoFocus />
          </>
        )}
        {countsDrawer === false && (
          <Typography sx={{ mb: 1 }}>
            In farmacia gli incassi del Comune stanno nella cassa della farmacia: nessun fondo da contare. Si apre la
            sessione degli incassi di oggi.
          </Typography>
        )}
      </DialogForm>
    </Box>
  );
}
