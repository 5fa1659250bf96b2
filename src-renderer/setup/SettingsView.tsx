import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SettingsStep, StationView } from '../../shared/contract';
import { call } from '../api';
import { runKey } from '../ui/keymap';
import { ReceiptPrinterForm } from './ReceiptPrinterForm';
import { TextStepForm } from './TextStepForm';
import { SETTINGS_KEYS } from './settingsKeys';

/** A step being redone, or the operator to unlock being typed. */
type Editing = SettingsStep['step'] | 'unlock' | null;

/**
 * Impostazioni (supervisors): what the first-run setup chose, each step redone on its own and written
 * only when confirmed; the installed version and update channel; the cash drawer; the diagnostics;
 * unlocking an operator locked at this PC (wrong PINs at login, or approvals asked for: session.unlock,
 * audited), where the supervisor already acts on this PC.
 */
export function SettingsView({ onBack }: { onBack: () => void }) {
  const [view, setView] = useState<StationView | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void (async () => {
      const reply = await call('settings.get', {});
      if (reply.ok) setView(reply.value);
      else setError(reply.error.message);
      sectionRef.current?.focus();
    })();
  }, []);

  const save = async (input: SettingsStep): Promise<string | null> => {
    const reply = await call('settings.save', input);
    if (!reply.ok) return reply.error.message;
    setView(reply.value.view);
    setEditing(null);
    setNotice(reply.value.restartNeeded ? 'Salvato: vale dal prossimo avvio del programma.' : 'Salvato.');
    sectionRef.current?.focus();
    return null;
  };

  async function kickDrawer() {
    const reply = await call('settings.kickDrawer', {});
    if (!reply.ok) return setError(reply.error.message);
    if (reply.value.opened) setNotice('Cassetto aperto.');
    else setError(reply.value.error ?? 'Cassetto non aperto.');
  }

  async function diagnostics() {
    const reply = await call('settings.exportDiagnostics', {});
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setNotice(`Diagnostica salvata: ${reply.value.path}`);
  }

  async function unlock(code: string): Promise<string | null> {
    if (code === '') return "Indicare il codice dell'operatore da sbloccare.";
    const reply = await call('session.unlock', { operator: code });
    if (!reply.ok) return reply.error.message;
    setEditing(null);
    setError(null);
    setNotice(
      `Operatore ${reply.value.operator.code} (${reply.value.operator.name}) sbloccato: può accedere di nuovo.`,
    );
    sectionRef.current?.focus();
    return null;
  }

  function keys(event: KeyboardEvent) {
    if (editing !== null && event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      sectionRef.current?.focus();
      return;
    }
    runKey(SETTINGS_KEYS, event, null, {
      drawer: () => void kickDrawer(),
      diagnostics: () => void diagnostics(),
      unlock: () => {
        setNotice(null);
        setEditing('unlock');
      },
      back: onBack,
    });
  }

  const row = (label: string, value: string, step: Editing) => (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 0.5 }}>
      <Typography sx={{ width: 260, fontWeight: 700 }}>{label}</Typography>
      <Typography sx={{ flexGrow: 1 }} data-testid={`setting-${label}`}>
        {value}
      </Typography>
      {step !== null && (
        <Button size="small" onClick={() => setEditing(step)}>
          Cambia {label.toLowerCase()}
        </Button>
      )}
    </Box>
  );

  return (
    <Box
      component="section"
      aria-label="Impostazioni"
      onKeyDown={keys}
      ref={sectionRef}
      tabIndex={-1}
      sx={{ outline: 'none' }}
    >
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Impostazioni di questo PC
      </Typography>
      {view && (
        <>
          {row('Sportello', `${view.counterCode}: ${view.counterName} (una nuova installazione per cambiarlo)`, null)}
          {row('Versione', `${view.version}, canale ${view.installedChannel}`, null)}
          {row(
            'Stampante ricevute',
            `${view.receiptPrinterText}${view.receiptPrinter?.drawer ? ', con cassetto' : ''}`,
            'receiptPrinter',
          )}
          {row('Stampante A4', view.a4Printer ?? 'visualizzatore PDF del PC', 'a4Printer')}
          {row('Servizio centrale', view.centralUrl ?? 'nessuno', 'central')}
          {row(
            'Aggiornamenti',
            `${view.updates.url ?? 'nessun indirizzo'} (canale ${view.updates.channel})`,
            'updates',
          )}
        </>
      )}
      <Box sx={{ my: 1 }}>
        {editing === 'receiptPrinter' && (
          <ReceiptPrinterForm
            initial={view?.receiptPrinter}
            testPrint={(printer) => call('settings.testPrint', { printer })}
            confirm={(printer) => save({ step: 'receiptPrinter', printer, testConfirmed: true })}
          />
        )}
        {editing === 'unlock' && (
          <TextStepForm
            label="Codice dell'operatore da sbloccare"
            initial=""
            helper="Toglie il blocco per PIN errati (o per approvazioni sbagliate) su questo PC; resta nel registro."
            confirm={unlock}
          />
        )}
        {editing === 'a4Printer' && (
          <TextStepForm
            label="Nome della stampante A4 in Windows"
            initial={view?.a4Printer ?? ''}
            helper="Vuoto: visualizzatore PDF del PC."
            confirm={(name) => save({ step: 'a4Printer', a4Printer: name === '' ? null : name })}
          />
        )}
        {editing === 'central' && (
          <TextStepForm
            label="Indirizzo del servizio centrale"
            initial={view?.centralUrl ?? ''}
            helper="Un nuovo indirizzo vale dal prossimo avvio e chiede una nuova attivazione."
            confirm={(url) => save({ step: 'central', centralUrl: url === '' ? null : url })}
          />
        )}
        {editing === 'updates' && (
          <TextStepForm
            label="Indirizzo degli aggiornamenti"
            initial={view?.updates.url ?? ''}
            helper="Dove il Comune pubblica latest.yml e l'installazione; vuoto: nessun aggiornamento."
            confirm={(url) =>
              save({
                step: 'updates',
                updates: {
                  url: url === '' ? null : url,
                  channel: view?.updates.channel === 'beta' ? 'beta' : 'latest',
                },
              })
            }
          />
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="outlined" onClick={() => void kickDrawer()}>
          Apri cassetto (Alt+C)
        </Button>
        <Button variant="outlined" onClick={() => void diagnostics()}>
          Esporta diagnostica (Alt+D)
        </Button>
        <Button variant="outlined" onClick={() => setEditing('unlock')}>
          Sblocca un operatore (Alt+B)
        </Button>
      </Box>
      {notice && (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          {notice}
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
