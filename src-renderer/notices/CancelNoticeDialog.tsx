import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, NoticeView } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { call } from '../api';
import { CloseButton, DialogForm, DialogShell } from '../ui/DialogShell';
import { NavText } from './NoticeSummary';
import { NoticeStateChip } from './NoticeStateChip';

type Cancelled = ChannelOutput<'notices.cancel'>;

interface Props {
  notice: NoticeView;
  onClose: (changed: boolean) => void;
}

/**
 * Asks the central service to cancel an unpaid notice, with a reason, confirmed by Ctrl+Invio (a
 * code read by the scanner into the reason ends with an Invio). The answer is the core's message,
 * shown as it is: a payment that arrived first wins and the operator must know it.
 */
export function CancelNoticeDialog({ notice, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Cancelled | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // The answer replaces the form the cursor was in: Invio must land on "Chiudi" at once.
  useEffect(() => {
    if (done !== null) closeRef.current?.focus();
  }, [done]);

  async function cancel(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setError("Scrivere il motivo dell'annullamento (almeno 3 caratteri).");
      return;
    }
    setBusy(true);
    const reply = await call('notices.cancel', { noticeId: notice.noticeId, reason: reason.trim() });
    setBusy(false);
    if (reply.ok) {
      setError(null);
      setDone(reply.value);
    } else setError(reply.error.message);
  }

  const heading = (
    <Typography sx={{ mb: 1 }}>
      <NavText nav={notice.nav} /> · {notice.childLabel} · {formatEuro(notice.amountCents)}
    </Typography>
  );

  return (
    <DialogShell titleId="notice-cancel-title" title="Annulla avviso" onClose={() => onClose(done !== null)} size="sm">
      {done === null ? (
        <DialogForm
          label="Annullamento dell'avviso"
          onSubmit={(e) => void cancel(e)}
          error={error}
          busy={busy}
          submitLabel="Chiedi annullamento"
          danger
          onCancel={() => onClose(false)}
          cancelLabel="Non annullare"
        >
          {heading}
          <TextField
            label="Motivo dell'annullamento"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            fullWidth
            margin="dense"
            helperText="Per esempio: importo sbagliato, la famiglia ha già pagato in altro modo"
            slotProps={{ htmlInput: { maxLength: 200, autoComplete: 'off' } }}
          />
        </DialogForm>
      ) : (
        <>
          <DialogContent sx={{ pt: 0 }}>
            {heading}
            <Alert
              severity={done.notice.state === 'annullato' || done.notice.cancelRequested ? 'info' : 'warning'}
              role="alert"
              data-testid="notice-cancel-message"
            >
              {done.message}
            </Alert>
            <Box sx={{ mt: 1 }}>
              Stato: <NoticeStateChip state={done.notice.state} cancelRequested={done.notice.cancelRequested} />
            </Box>
          </DialogContent>
          <DialogActions>
            <CloseButton onClose={() => onClose(true)} buttonRef={closeRef} />
          </DialogActions>
        </>
      )}
    </DialogShell>
  );
}
