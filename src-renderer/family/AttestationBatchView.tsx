import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { BatchProgress, BatchResult } from '../../shared/contract';
import { call, onEvent } from '../api';
import { runKey } from '../ui/keymap';
import { readTaxYear } from './AttestationDialog';
import { batchPercent, batchProgressText, batchResultText } from './batchText';
import { BATCH_KEYS, type BatchKeyContext } from './familyKeys';

interface Props {
  onBack: () => void;
  /** The view's keys, for the hint bar of the main screen. */
  onKeysContext: (context: BatchKeyContext) => void;
}

/**
 * The yearly batch of attestazioni per il 730 (front office): every account paid for in the tax year
 * into one folder with a CSV index, for the office to send them out. The bar follows the core's
 * `attestations.progress` event; Alt+S stops after the document under way, Invio continues.
 */
export function AttestationBatchView({ onBack, onKeysContext }: Props) {
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fieldRef.current?.focus();
    return onEvent('attestations.progress', setProgress);
  }, []);
  useEffect(() => onKeysContext({ running }), [running, onKeysContext]);

  async function start() {
    if (running) return;
    const taxYear = readTaxYear(year);
    if (taxYear === null) return setError(`Anno d'imposta non leggibile "${year}": scrivere l'anno, per esempio 2025.`);
    setError(null);
    setResult(null);
    setProgress(null);
    setRunning(true);
    const reply = await call('attestations.batch', { taxYear });
    setRunning(false);
    if (reply.ok) setResult(reply.value);
    else setError(reply.error.message);
    fieldRef.current?.focus();
  }

  async function stop() {
    const reply = await call('attestations.stopBatch', {});
    if (!reply.ok) setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    runKey(BATCH_KEYS, event, { running }, { start: () => void start(), stop: () => void stop(), back: onBack });
  }

  const percent = batchPercent(progress);
  return (
    <Box component="section" aria-label="Attestazioni per il 730: lotto dell'anno" onKeyDown={keys}>
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Attestazioni per il 730: lotto dell'anno
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Un'attestazione per ogni conto con pagamenti nell'anno d'imposta, in una cartella con l'indice CSV da inviare
        alle famiglie. Fermato (Alt+S), il lotto riprende da dove era arrivato: nessun numero di protocollo è dato due
        volte.
      </Typography>
      <TextField
        label="Anno d'imposta"
        value={year}
        onChange={(e) => setYear(e.target.value)}
        inputRef={fieldRef}
        size="small"
        onFocus={(e) => e.target.select()}
        // Read-only, not disabled, while the batch runs: the field keeps the focus, and with it Alt+S.
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off', readOnly: running } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 2 }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label="Avanzamento del lotto"
          sx={{ flexGrow: 1, height: 12, borderRadius: 1 }}
        />
        <Typography sx={{ minWidth: 48, textAlign: 'right', fontWeight: 700 }} data-testid="batch-percent">
          {percent}%
        </Typography>
      </Box>
      <Typography role="status" data-testid="batch-progress">
        {batchProgressText(progress, running)}
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {result && (
        <Alert severity={result.stopped ? 'warning' : 'success'} sx={{ mt: 1 }} data-testid="batch-result">
          {batchResultText(result)}
        </Alert>
      )}
    </Box>
  );
}
