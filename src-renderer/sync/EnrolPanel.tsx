import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SyncStatus } from '../../shared/contract';
import { call } from '../api';
import { palette } from '../theme';
import { initialSyncRunning, needsEnrolment, progressPercent } from './syncText';

interface Props {
  status: SyncStatus | null;
  /** After a successful activation: the status changes at once, without waiting for the event. */
  onEnrolled: () => void;
}

/**
 * First run of a PC (or a PC whose activation was revoked): the one-time code a supervisor got from
 * the central service activates it. Then the first sync downloads the counter's data, with its
 * progress shown until it is done.
 */
export function EnrolPanel({ status, onEnrolled }: Props) {
  const running = initialSyncRunning(status);
  // Remembered so the end of the first sync is said in words, not only by a bar that vanishes.
  const [sawFirstSync, setSawFirstSync] = useState(false);
  if (running && !sawFirstSync) setSawFirstSync(true);

  if (needsEnrolment(status)) {
    const enrolled = () => {
      setSawFirstSync(true);
      onEnrolled();
    };
    return <EnrolForm lastError={status?.lastError ?? null} onEnrolled={enrolled} />;
  }
  if (status !== null && running) return <FirstSyncProgress status={status} />;
  if (sawFirstSync && status?.initialSync.done) {
    return (
      <Alert severity="success" role="status" sx={{ mb: 2 }}>
        Sportello attivato e prima sincronizzazione completata: accedere con codice operatore e PIN.
      </Alert>
    );
  }
  return null;
}

function EnrolForm({ lastError, onEnrolled }: { lastError: string | null; onEnrolled: () => void }) {
  const [code, setCode] = useState('');
  // A PC enrolled before (its activation revoked) enrols again only with a supervisor's code and PIN.
  const [needsSupervisor, setNeedsSupervisor] = useState(false);
  const [supervisor, setSupervisor] = useState('');
  const [supervisorPin, setSupervisorPin] = useState('');
  const supervisorRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    codeRef.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const typed = code.trim().replace(/\s+/g, '');
    if (typed.length < 6) {
      setError('Inserire il codice di attivazione ricevuto dal supervisore (almeno 6 caratteri).');
      codeRef.current?.select();
      return;
    }
    setBusy(true);
    const reply = await call(
      'sync.enrol',
      needsSupervisor && supervisor.trim() !== '' && supervisorPin !== ''
        ? { code: typed, supervisor: supervisor.trim(), supervisorPin }
        : { code: typed },
    );
    setBusy(false);
    if (reply.ok) {
      setError(null);
      onEnrolled();
      return;
    }
    setError(reply.error.message);
    if (reply.error.code === 'FORBIDDEN' && !needsSupervisor) {
      setNeedsSupervisor(true);
      return; // the supervisor's field takes the focus when it appears
    }
    if (needsSupervisor && reply.error.code === 'BAD_CREDENTIALS') {
      supervisorRef.current?.focus();
      return;
    }
    codeRef.current?.focus();
    codeRef.current?.select();
  }

  return (
    <Box
      component="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Attiva questo sportello"
      sx={{ mb: 3, p: 2, border: `2px solid ${palette.primary}`, borderRadius: 1 }}
    >
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700 }}>
        Attiva questo sportello
      </Typography>
      <Typography variant="body2" sx={{ color: palette.textSecondary }}>
        Questo PC non è ancora collegato al servizio centrale. Inserire il codice di attivazione (valido una sola volta)
        ricevuto dal supervisore.
      </Typography>
      {lastError && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {lastError}
        </Alert>
      )}
      <TextField
        label="Codice di attivazione"
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        inputRef={codeRef}
        fullWidth
        margin="normal"
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
      />
      {needsSupervisor && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField
            label="Codice supervisore"
            value={supervisor}
            onChange={(e) => setSupervisor(e.target.value)}
            inputRef={supervisorRef}
            autoFocus
            margin="dense"
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
          />
          <TextField
            label="PIN supervisore"
            type="password"
            value={supervisorPin}
            onChange={(e) => setSupervisorPin(e.target.value)}
            margin="dense"
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { autoComplete: 'off' } }}
          />
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      <Button type="submit" variant="contained" fullWidth disabled={busy}>
        {busy ? 'Attivazione in corso…' : 'Attiva (Invio)'}
      </Button>
    </Box>
  );
}

function FirstSyncProgress({ status }: { status: SyncStatus }) {
  const percent = progressPercent(status);
  return (
    <Box component="section" aria-label="Prima sincronizzazione" sx={{ mb: 3 }}>
      <Typography sx={{ fontWeight: 600 }}>Prima sincronizzazione con il servizio centrale</Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label="Prima sincronizzazione"
          sx={{ flexGrow: 1, height: 12, borderRadius: 1 }}
        />
        <Typography sx={{ minWidth: 48, textAlign: 'right', fontWeight: 700 }} data-testid="first-sync-percent">
          {percent}%
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ color: palette.textSecondary }}>
        {status.online
          ? 'Scaricamento di operatori, conti e saldi in corso: attendere la fine per accedere.'
          : 'Servizio centrale non raggiungibile: lo scaricamento riprenderà da solo da dove si è fermato.'}
      </Typography>
    </Box>
  );
}
