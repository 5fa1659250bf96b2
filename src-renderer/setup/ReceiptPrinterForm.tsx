import { useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import type { PrinterConfig } from '../../shared/config';
import type { TestPrintResult } from '../../shared/contract';
import type { Reply } from '../../shared/errors';
import { isConfirmKey } from '../ui/keymap';
import { configOf, draftOf, type PrinterDraft } from './printerDraft';

interface Props {
  initial: PrinterConfig | null | undefined;
  testPrint: (printer: PrinterConfig) => Promise<Reply<TestPrintResult>>;
  /** Writes the step; answers an Italian error, or null when written. */
  confirm: (printer: PrinterConfig) => Promise<string | null>;
}

/**
 * The receipt printer: on the network, a Windows printer (a USB printer is one), or files. A test
 * receipt first; only once the operator says it came out (Ctrl+Invio) is the choice written.
 */
export function ReceiptPrinterForm({ initial, testPrint, confirm }: Props) {
  const [draft, setDraft] = useState<PrinterDraft>(() => draftOf(initial));
  const [tested, setTested] = useState<{ config: PrinterConfig; where: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<PrinterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTested(null);
  };

  async function test() {
    const parsed = configOf(draft);
    if (!parsed.ok) return setError(parsed.error);
    setBusy(true);
    const reply = await testPrint(parsed.config);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    if (!reply.value.printed) return setError(reply.value.printError ?? 'Stampa di prova non riuscita.');
    setError(null);
    setTested({ config: parsed.config, where: reply.value.where });
  }

  async function accept() {
    if (tested === null) return setError('Stampare prima la ricevuta di prova (Invio).');
    setBusy(true);
    const problem = await confirm(tested.config);
    setBusy(false);
    setError(problem);
  }

  function keys(event: KeyboardEvent) {
    if (busy) return;
    if (isConfirmKey(event)) {
      event.preventDefault();
      void accept();
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      event.preventDefault();
      void test();
    }
  }

  return (
    <Box component="form" aria-label="Stampante delle ricevute" onKeyDown={keys} onSubmit={(e) => e.preventDefault()}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          autoFocus
          label="Tipo di stampante"
          value={draft.kind}
          onChange={(e) => change({ kind: e.target.value as PrinterDraft['kind'] })}
          slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Tipo di stampante' } }}
          size="small"
        >
          <option value="windows">Stampante di Windows (USB)</option>
          <option value="network">Stampante di rete</option>
          <option value="file">Nessuna: ricevute su file</option>
        </TextField>
        {draft.kind === 'network' && (
          <TextField
            label="Indirizzo:porta"
            value={draft.address}
            onChange={(e) => change({ address: e.target.value })}
            size="small"
          />
        )}
        {draft.kind === 'windows' && (
          <TextField
            label="Nome in Windows"
            value={draft.windowsName}
            onChange={(e) => change({ windowsName: e.target.value })}
            size="small"
          />
        )}
        <FormControlLabel
          control={<Checkbox checked={draft.drawer} onChange={(e) => change({ drawer: e.target.checked })} />}
          label="Cassetto collegato alla stampante"
        />
        <Button variant="outlined" onClick={() => void test()} disabled={busy}>
          Stampa ricevuta di prova (Invio)
        </Button>
      </Box>
      {tested && (
        <Alert severity="info" role="status" sx={{ mt: 1 }}>
          Ricevuta di prova inviata ({tested.where}). È uscita ed è leggibile? Ctrl+Invio per confermare questa
          stampante; altrimenti correggere e stampare di nuovo.
          <Button size="small" sx={{ ml: 1 }} onClick={() => void accept()} disabled={busy}>
            Sì, conferma (Ctrl+Invio)
          </Button>
        </Alert>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
