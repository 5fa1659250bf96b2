import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, MovementKind } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { DialogShell } from '../ui/DialogShell';
import { hintsOf, runKey } from '../ui/keymap';
import { CloseTillDialog } from './CloseTillDialog';
import { MOVEMENT_LABELS, MovementDialog } from './MovementDialog';
import { OpenTillForm } from './OpenTillForm';
import { ReopenDialog } from './ReopenDialog';
import { TILL_IDLE, TILL_KEYS, type TillAction, type TillKeyContext } from './tillKeys';

type Status = ChannelOutput<'till.status'>;
type Dialog =
  | { kind: 'none' }
  | { kind: 'open' }
  | { kind: 'movement'; movement: MovementKind }
  | { kind: 'close' }
  | { kind: 'reopen' };

interface Props {
  printerConfigured: boolean;
  onBack: () => void;
  /** The view's keys depend on the till's state: the main screen's hint bar shows them. */
  onKeysContext: (context: TillKeyContext) => void;
}

export function tillKeyContext(status: Status | null): TillKeyContext {
  if (status === null) return TILL_IDLE;
  return {
    loaded: true,
    open: status.session !== null,
    countsDrawer: status.countsDrawer,
    canReopen: status.session === null && status.lastClosedSessionId !== null,
  };
}

/** Cassa (F7): the till session of this counter, its movements, its blind close and the supervisor's reopening. */
export function TillView({ printerConfigured, onBack, onKeysContext }: Props) {
  const [status, setStatus] = useState<Status | null>(null);
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const context = tillKeyContext(status);

  const load = useCallback(() => {
    void call('till.status', {}).then((reply) => {
      if (reply.ok) setStatus(reply.value);
      else setError(reply.error.message);
    });
  }, []);

  useEffect(load, [load]);
  const { loaded, open, countsDrawer, canReopen } = context;
  useEffect(
    () => onKeysContext({ loaded, open, countsDrawer, canReopen }),
    [onKeysContext, loaded, open, countsDrawer, canReopen],
  );
  useEffect(() => {
    if (dialog.kind === 'none') rootRef.current?.focus();
  }, [dialog.kind, status]);

  /** After a dialog: the status again, what happened in words, the keys back to the view. */
  function finished(text: string | null) {
    setDialog({ kind: 'none' });
    if (text !== null) setSaid(text);
    load();
  }

  const handlers: Record<TillAction, () => void> = {
    open: () => setDialog({ kind: 'open' }),
    versamento: () => setDialog({ kind: 'movement', movement: 'versamento' }),
    reintegro: () => setDialog({ kind: 'movement', movement: 'reintegro' }),
    prelievo: () => setDialog({ kind: 'movement', movement: 'prelievo' }),
    close: () => setDialog({ kind: 'close' }),
    reopen: () => setDialog({ kind: 'reopen' }),
    back: onBack,
  };

  function keys(event: KeyboardEvent) {
    // A dialog's keys are its own (React brings its events here through the portal).
    if (dialog.kind !== 'none') return;
    runKey(TILL_KEYS, event, context, handlers);
  }

  const session = status?.session ?? null;
  return (
    <Box component="section" aria-label="Cassa" onKeyDown={keys} ref={rootRef} tabIndex={-1} sx={{ outline: 'none' }}>
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Cassa
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {status && (
        <Typography data-testid="till-state" sx={{ mb: 1, fontSize: '1.1rem' }}>
          {session
            ? `Cassa aperta il ${formatRomeDateTime(session.openedAt)} da ${session.openedBy}` +
              (status.countsDrawer
                ? `, fondo cassa ${formatEuro(session.floatCents)}.`
                : ' (incassi del Comune, senza fondo).') +
              (session.reopenedFrom ? ` Riaperta: la prossima chiusura rettifica la n. ${session.reopenedFrom}.` : '')
            : `Cassa chiusa.${status.lastZ ? ` Ultima chiusura: n. ${status.lastZ}.` : ''} Alt+A per aprirla.`}
        </Typography>
      )}
      {said && (
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          {said}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {hintsOf(TILL_KEYS, context)
          .filter((h) => h.keys !== 'Esc')
          .map((h) => {
            const binding = TILL_KEYS.find((b) => b.keys === h.keys)!;
            return (
              <Button key={h.keys} variant="outlined" onClick={handlers[binding.action]}>
                {h.label} ({h.keys})
              </Button>
            );
          })}
      </Box>
      {dialog.kind === 'open' && (
        <DialogShell titleId="open-till-title" title="Apertura della cassa" onClose={() => finished(null)}>
          <OpenTillForm onOpened={() => finished('Cassa aperta.')} onCancel={() => finished(null)} />
        </DialogShell>
      )}
      {dialog.kind === 'movement' && (
        <MovementDialog
          kind={dialog.movement}
          onDone={(m) =>
            finished(
              m && `${MOVEMENT_LABELS[m.kind]} registrato: documento n. ${m.documentNo}, ${formatEuro(m.amountCents)}.`,
            )
          }
        />
      )}
      {dialog.kind === 'close' && session && (
        <CloseTillDialog
          sessionId={session.id}
          countsDrawer={status?.countsDrawer ?? true}
          printerConfigured={printerConfigured}
          onDone={(closed) => finished(closed ? 'Cassa chiusa: il rapporto Z è stampato e salvato.' : null)}
        />
      )}
      {dialog.kind === 'reopen' && status?.lastClosedSessionId && (
        <ReopenDialog
          sessionId={status.lastClosedSessionId}
          lastZ={status.lastZ}
          onDone={(s) => finished(s && 'Cassa riaperta: la prossima chiusura sarà una rettifica.')}
        />
      )}
    </Box>
  );
}
