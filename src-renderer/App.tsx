import { useCallback, useEffect, useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { ThemeProvider } from '@mui/material/styles';
import type { CounterInfo, RecoveryState, SessionInfo, SetupState } from '../shared/contract';
import { call, onSessionLost } from './api';
import { makeTheme } from './theme';
import { useIdleLock } from './session/useIdleLock';
import { LoginScreen } from './session/LoginScreen';
import { MainScreen } from './shell/MainScreen';
import { PendingReceiptsDialog } from './receipts/PendingReceiptsDialog';
import type { ReceiptSummary } from '../shared/contract';
import { SyncStatusBar } from './sync/SyncStatusBar';
import { SetupScreen } from './setup/SetupScreen';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import Typography from '@mui/material/Typography';
import { useSyncNowKey } from './sync/useSyncNowKey';
import { useSyncStatus } from './sync/useSyncStatus';

type Phase =
  | { kind: 'starting' }
  | { kind: 'setup'; state: SetupState }
  | { kind: 'recovery'; damaged: NonNullable<RecoveryState['damaged']> }
  | { kind: 'login'; prefillOperator: string; notice: string | null }
  | { kind: 'working'; session: SessionInfo };

export function App() {
  const [counter, setCounter] = useState<CounterInfo | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [pending, setPending] = useState<ReceiptSummary[]>([]);
  const sync = useSyncStatus();
  const syncNow = useSyncNowKey(phase.kind === 'working', sync.accept);
  const firstSyncDone = sync.status?.initialSync.done ?? false;

  useEffect(() => {
    void (async () => {
      // A damaged database opens the recovery screen: nothing else can work on it.
      const recovery = await call('recovery.state', {});
      if (recovery.ok && recovery.value.damaged !== null) {
        setPhase({ kind: 'recovery', damaged: recovery.value.damaged });
        return;
      }
      // A PC never configured opens the first-run setup instead of the login.
      const setup = await call('setup.state', {});
      if (setup.ok && setup.value.needed) {
        setPhase({ kind: 'setup', state: setup.value });
        return;
      }
      const info = await call('counter.info', {});
      if (info.ok) setCounter(info.value);
      // A reload keeps the operator's session (the core holds it): no need to log in again.
      const current = await call('session.current', {});
      if (current.ok && current.value) setPhase({ kind: 'working', session: current.value });
      else setPhase({ kind: 'login', prefillOperator: '', notice: current.ok ? null : current.error.message });
    })();
  }, []);

  // The first sync brings this counter's own record (name, address, configuration): show it.
  useEffect(() => {
    if (!firstSyncDone) return;
    void (async () => {
      const info = await call('counter.info', {});
      if (info.ok) setCounter(info.value);
    })();
  }, [firstSyncDone]);

  const lock = useCallback((notice: string) => {
    setPending([]);
    setPhase((previous) => ({
      kind: 'login',
      prefillOperator: previous.kind === 'working' ? previous.session.operator.code : '',
      notice,
    }));
  }, []);

  useEffect(
    () =>
      onSessionLost((code) =>
        lock(
          code === 'SESSION_LOCKED'
            ? 'Sessione bloccata: inserire di nuovo il PIN.'
            : 'Sessione scaduta: accedere di nuovo.',
        ),
      ),
    [lock],
  );

  const idleMinutes = phase.kind === 'working' ? phase.session.settings.idleLockMinutes : null;
  useIdleLock(idleMinutes, () => {
    // The lock must not be only on screen: the core ends the session too, so no call goes through.
    void call('session.logout', {});
    lock('Sessione bloccata per inattività: inserire di nuovo il PIN.');
  });

  async function loggedIn(session: SessionInfo) {
    setPhase({ kind: 'working', session });
    // Receipts committed but never printed (the app stopped in between) are offered first.
    const unprinted = await call('receipts.list', { unprintedOnly: true });
    if (unprinted.ok && unprinted.value.items.length > 0) setPending(unprinted.value.items);
  }

  async function logout() {
    await call('session.logout', {});
    setPending([]);
    setPhase({ kind: 'login', prefillOperator: '', notice: 'Uscita eseguita.' });
  }

  const largeType = phase.kind === 'working' && phase.session.settings.largeType;
  const theme = useMemo(() => makeTheme(largeType), [largeType]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {/* The sync status bar stays at the bottom of every screen, login included. */}
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto' }}>
          {phase.kind === 'starting' && (
            <Box sx={{ minHeight: '100%', display: 'grid', placeItems: 'center' }}>
              <CircularProgress aria-label="Avvio in corso" />
            </Box>
          )}
          {phase.kind === 'recovery' && (
            <RecoveryScreen damaged={phase.damaged} onRestored={() => window.location.reload()} />
          )}
          {phase.kind === 'setup' && <SetupScreen initial={phase.state} onDone={() => window.location.reload()} />}
          {phase.kind === 'login' && (
            <LoginScreen
              key={phase.prefillOperator + (phase.notice ?? '')}
              counter={counter}
              prefillOperator={phase.prefillOperator}
              notice={phase.notice}
              onLoggedIn={(session) => void loggedIn(session)}
              syncStatus={sync.status}
              onEnrolled={() => void sync.refresh()}
            />
          )}
          {phase.kind === 'working' && (
            <>
              <MainScreen
                session={phase.session}
                onLogout={() => void logout()}
                blocked={pending.length > 0}
                onSyncChanged={() => void sync.refresh()}
              />
              {pending.length > 0 && (
                <PendingReceiptsDialog
                  receipts={pending}
                  printerConfigured={phase.session.settings.printerConfigured}
                  onDone={() => setPending([])}
                />
              )}
            </>
          )}
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <SyncStatusBar status={sync.status} syncing={syncNow.syncing} result={syncNow.result} />
          </Box>
          {/* Every screen says which program and which counter, for the help desk. */}
          <Typography variant="caption" data-testid="app-identity" sx={{ px: 1, whiteSpace: 'nowrap' }}>
            {identity(counter, phase)}
          </Typography>
        </Box>
      </Box>
    </ThemeProvider>
  );
}

function identity(counter: CounterInfo | null, phase: Phase): string {
  if (phase.kind === 'setup') return `Sportello ${phase.state.version} · da configurare`;
  if (phase.kind === 'recovery') return 'Sportello · database da ripristinare';
  return counter === null ? 'Sportello' : `Sportello ${counter.version} · ${counter.code}`;
}
