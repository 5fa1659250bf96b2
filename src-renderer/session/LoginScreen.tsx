import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CounterInfo, SessionInfo, SyncStatus } from '../../shared/contract';
import { call } from '../api';
import { EnrolPanel } from '../sync/EnrolPanel';
import { needsEnrolment } from '../sync/syncText';
import { palette } from '../theme';

interface Props {
  counter: CounterInfo | null;
  /** Set when the screen was locked: the same operator only types the PIN again. */
  prefillOperator: string;
  notice: string | null;
  onLoggedIn: (session: SessionInfo) => void;
  /** Null until known; with a central configured and no activation, the screen first asks for the code. */
  syncStatus: SyncStatus | null;
  onEnrolled: () => void;
}

export function LoginScreen({ counter, prefillOperator, notice, onLoggedIn, syncStatus, onEnrolled }: Props) {
  const [operator, setOperator] = useState(prefillOperator);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const operatorRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const enrolFirst = needsEnrolment(syncStatus);
  useEffect(() => {
    // While the PC must be activated, the activation code field has the keyboard.
    if (enrolFirst) return;
    (prefillOperator ? pinRef : operatorRef).current?.focus();
  }, [prefillOperator, enrolFirst]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (operator.trim() === '') {
      setError('Inserire il codice operatore.');
      operatorRef.current?.focus();
      return;
    }
    if (pin === '') {
      setError('Inserire il PIN.');
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const reply = await call('session.login', { operator: operator.trim(), pin });
    setBusy(false);
    if (reply.ok) {
      onLoggedIn(reply.value);
      return;
    }
    setError(reply.error.message);
    setPin('');
    // A wrong PIN is the usual mistake: the operator retypes only that.
    if (reply.error.code === 'BAD_CREDENTIALS' && operator.trim() !== '') pinRef.current?.focus();
    else operatorRef.current?.select();
  }

  return (
    <Box
      component="main"
      sx={{ minHeight: '100%', display: 'grid', placeItems: 'center', bgcolor: 'background.default', py: 2 }}
    >
      <Paper sx={{ p: 4, width: 440 }} elevation={2}>
        <Typography variant="h4" component="h1" sx={{ color: palette.primaryDark, fontWeight: 700 }}>
          Sportello
        </Typography>
        <Typography variant="subtitle1" sx={{ color: palette.textSecondary, mb: 2 }}>
          Servizi scolastici del Comune di Carrara
        </Typography>
        {counter && (
          <Box sx={{ mb: 2 }} aria-label="Postazione" role="region">
            <Typography sx={{ fontWeight: 600 }} data-testid="counter-name">
              {counter.name}
            </Typography>
            <Typography variant="body2" sx={{ color: palette.textSecondary }}>
              {counter.address}
            </Typography>
          </Box>
        )}
        <EnrolPanel status={syncStatus} onEnrolled={onEnrolled} />
        {notice && (
          <Alert severity="info" sx={{ mb: 2 }} role="status">
            {notice}
          </Alert>
        )}
        <Box component="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Accesso operatore">
          <TextField
            label="Codice operatore"
            value={operator}
            onChange={(e) => setOperator(e.target.value)}
            inputRef={operatorRef}
            fullWidth
            margin="normal"
            autoComplete="username"
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
          <TextField
            label="PIN"
            type="password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            inputRef={pinRef}
            fullWidth
            margin="normal"
            autoComplete="current-password"
          />
          {error && (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth size="large" sx={{ mt: 2 }} disabled={busy}>
            Accedi (Invio)
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}
