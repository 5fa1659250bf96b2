import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import type { SyncProblem } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { SelectableTable } from '../ui/SelectableTable';
import { arrowStep, runKey } from '../ui/keymap';
import { PROBLEMS_KEYS } from './problemsKeys';
import { OUTBOX_TYPE_LABELS } from './syncText';

interface Props {
  onBack: () => void;
  /** After a retry: the status bar's counts change at once. */
  onRetried: () => void;
}

/** How the operator names a refused operation: its reference, else its kind and time (never its id). */
function nameOf(problem: SyncProblem): string {
  return problem.reference || `${OUTBOX_TYPE_LABELS[problem.type]} del ${formatRomeDateTime(problem.createdAt)}`;
}

/**
 * "Da risolvere": the operations the central service refused, with its reason. They stay here, never
 * dropped; once the cause is fixed centrally, the supervisor puts one back in the queue with Enter.
 */
export function ProblemsView({ onBack, onRetried }: Props) {
  const [items, setItems] = useState<SyncProblem[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async () => {
    const reply = await call('sync.problems', {});
    if (reply.ok) {
      setItems(reply.value.items);
      setSelected((s) => Math.max(0, Math.min(s, reply.value.items.length - 1)));
    } else setError(reply.error.message);
  }, []);

  useEffect(() => {
    void (async () => {
      const reply = await call('sync.problems', {});
      if (reply.ok) setItems(reply.value.items);
      else setError(reply.error.message);
    })();
  }, []);

  // The keyboard must work from the first moment, list or no list: Esc always goes back.
  useEffect(() => {
    if (items === null) return;
    (tableRef.current ?? sectionRef.current)?.focus();
  }, [items]);

  async function retry(problem: SyncProblem) {
    setBusy(true);
    const reply = await call('sync.retry', { operationId: problem.operationId });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setError(null);
    setNotice(`Operazione ${nameOf(problem)} rimessa in coda: sarà inviata di nuovo.`);
    onRetried();
    await load();
  }

  function keys(event: KeyboardEvent) {
    runKey(PROBLEMS_KEYS, event, null, {
      move: (press) => {
        if (arrowStep(press) < 0) setSelected((s) => Math.max(s - 1, 0));
        else if (items) setSelected((s) => Math.min(s + 1, items.length - 1));
      },
      choose: () => {
        const problem = items?.[selected];
        if (problem && !busy) void retry(problem);
      },
      back: onBack,
    });
  }

  return (
    <Box
      component="section"
      aria-label="Operazioni da risolvere"
      onKeyDown={keys}
      ref={sectionRef}
      tabIndex={-1}
      sx={{ outline: 'none' }}
    >
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Da risolvere
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Operazioni rifiutate dal servizio centrale. Restano registrate su questo PC. Dopo aver risolto la causa con il
        servizio centrale, scegliere l&apos;operazione e premere Invio per inviarla di nuovo.
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          {notice}
        </Alert>
      )}
      {items !== null && items.length === 0 && <Typography>Nessuna operazione da risolvere.</Typography>}
      {items !== null && items.length > 0 && (
        <SelectableTable
          tableRef={tableRef}
          label="Elenco operazioni da risolvere: frecce per scegliere, Invio per rimettere in coda"
          items={items}
          selected={selected}
          rowKey={(p) => p.operationId}
          head={
            <>
              <TableCell>Riferimento</TableCell>
              <TableCell>Tipo</TableCell>
              <TableCell>Bambino/a</TableCell>
              <TableCell>Registrata</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Motivo del rifiuto</TableCell>
              <TableCell align="right">Tentativi</TableCell>
            </>
          }
          cells={(p) => (
            <>
              <TableCell>{p.reference || '—'}</TableCell>
              <TableCell>{OUTBOX_TYPE_LABELS[p.type]}</TableCell>
              <TableCell>{p.child ?? '—'}</TableCell>
              <TableCell>{formatRomeDateTime(p.createdAt)}</TableCell>
              <TableCell align="right">{p.amountCents === 0 ? '—' : formatEuro(p.amountCents)}</TableCell>
              <TableCell>{p.reason}</TableCell>
              <TableCell align="right">{p.attempts}</TableCell>
            </>
          )}
        />
      )}
    </Box>
  );
}
