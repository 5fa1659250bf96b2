import { useEffect, useState, type FormEvent } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, TillReckoning } from '../../shared/contract';
import { CODE_NOT_AMOUNT, formatEuro, looksLikeCode, parseEuroInput } from '../../shared/money';
import { call } from '../api';
import { DialogForm, DialogShell } from '../ui/DialogShell';
import { ClosedResult } from './ClosedResult';
import { CountFields } from './CountFields';
import { countInput, type CountText } from './countText';
import { ReckoningSummary } from './ReckoningSummary';
import { SupervisorFields } from './SupervisorFields';

type Closed = ChannelOutput<'till.close'>;
type Step = { kind: 'blind' } | { kind: 'reckoned'; reckoning: TillReckoning } | { kind: 'done'; closed: Closed };

interface Props {
  sessionId: string;
  countsDrawer: boolean;
  printerConfigured: boolean;
  onDone: (closed: boolean) => void;
}

/**
 * The close, blind: the drawer counted by denomination and the POS slip's total are typed first; only
 * then are the expected figures shown, and the counts can no longer be changed (Esc abandons the close).
 * The close itself is Ctrl+Invio: the Invio a scanner sends never closes a till.
 */
export function CloseTillDialog({ sessionId, countsDrawer, printerConfigured, onDone }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'blind' });
  const [counted, setCounted] = useState<CountText>({});
  const [pos, setPos] = useState('');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [supervisor, setSupervisor] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Where the expected figures ask for nothing more (no difference, a drawer), Ctrl+Invio still needs the cursor in the form.
  useEffect(() => {
    if (step.kind !== 'reckoned') return;
    const dialog = document.querySelector('[role="dialog"]');
    if (dialog && !dialog.contains(document.activeElement)) {
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  }, [step.kind]);

  /** The blind count as the core takes it, or null (and the reason said) when the POS total cannot be read. */
  function blindCount() {
    if (looksLikeCode(pos)) return (setError(CODE_NOT_AMOUNT), null);
    const posTotalCents = parseEuroInput(pos === '' ? '0' : pos);
    if (posTotalCents === null)
      return (setError('Totale del POS non leggibile: scrivere per esempio 85 o 85,50.'), null);
    return { sessionId, posTotalCents, ...(countsDrawer ? { countedCounts: countInput(counted) } : {}) };
  }

  async function reckon(event: FormEvent) {
    event.preventDefault();
    const blind = blindCount();
    if (busy || blind === null) return;
    setBusy(true);
    const reply = await call('till.reckon', blind);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setStep({ kind: 'reckoned', reckoning: reply.value });
  }

  async function close(event: FormEvent) {
    event.preventDefault();
    const blind = blindCount();
    if (busy || blind === null) return;
    setBusy(true);
    const reply = await call('till.close', {
      ...blind,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(countsDrawer ? {} : { pharmacistConfirmed: confirmed }),
      ...(supervisor.trim() && pin ? { supervisor: supervisor.trim(), supervisorPin: pin } : {}),
    });
    setBusy(false);
    if (!reply.ok) {
      if (reply.error.code === 'BAD_CREDENTIALS') setPin('');
      return setError(reply.error.message);
    }
    setStep({ kind: 'done', closed: reply.value });
  }

  return (
    <DialogShell
      titleId="close-till-title"
      title={countsDrawer ? 'Chiusura della cassa' : 'Chiusura degli incassi del Comune'}
      onClose={() => onDone(step.kind === 'done')}
    >
      {step.kind === 'blind' && (
        <DialogForm
          label="Conteggio alla cieca"
          onSubmit={(event) => void reckon(event)}
          error={error}
          busy={busy}
          submitLabel="Mostra i conti attesi"
          onCancel={() => onDone(false)}
        >
          <Typography sx={{ mb: 1 }}>
            {countsDrawer
              ? 'Contare i contanti del cassetto per taglio e scrivere il totale dello scontrino di chiusura del POS. I conti attesi si vedono solo dopo.'
              : 'Scrivere il totale delle carte dallo scontrino di chiusura del POS. I conti attesi si vedono solo dopo.'}
          </Typography>
          {countsDrawer && <CountFields label="Contanti contati" value={counted} onChange={setCounted} autoFocus />}
          <TextField
            label="Totale carte del POS in euro"
            value={pos}
            onChange={(e) => setPos(e.target.value)}
            autoFocus={!countsDrawer}
            margin="dense"
            helperText="0 se oggi non ci sono pagamenti con carta."
            slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          />
        </DialogForm>
      )}
      {step.kind === 'reckoned' && (
        <DialogForm
          label="Chiusura"
          onSubmit={(event) => void close(event)}
          error={error}
          busy={busy}
          submitLabel="Chiudi la cassa"
          danger
          onCancel={() => onDone(false)}
          cancelLabel="Annulla la chiusura"
        >
          <ReckoningSummary r={step.reckoning} />
          {step.reckoning.noteRequired && (
            <TextField
              label="Nota sulla differenza (obbligatoria)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoFocus
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
          )}
          {step.reckoning.supervisorRequired && (
            <>
              <Typography sx={{ mt: 1 }}>
                La differenza supera {formatEuro(step.reckoning.thresholdCents)}: serve l&apos;approvazione di un
                supervisore.
              </Typography>
              <SupervisorFields code={supervisor} pin={pin} onCode={setSupervisor} onPin={setPin} />
            </>
          )}
          {!countsDrawer && (
            <FormControlLabel
              control={
                <Checkbox
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                  autoFocus={!step.reckoning.noteRequired}
                />
              }
              label="Confermo come farmacista: gli incassi corrispondono allo scontrino di chiusura del POS (Spazio)"
            />
          )}
        </DialogForm>
      )}
      {step.kind === 'done' && (
        <ClosedResult closed={step.closed} printerConfigured={printerConfigured} onClose={() => onDone(true)} />
      )}
    </DialogShell>
  );
}
