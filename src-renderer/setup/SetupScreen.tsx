import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SetupState, SetupStep } from '../../shared/contract';
import type { StationFile } from '../../shared/station';
import { call } from '../api';
import { printerText } from './printerDraft';
import { ReceiptPrinterForm } from './ReceiptPrinterForm';
import { TextStepForm } from './TextStepForm';

type StepName = SetupStep['step'] | 'finish';
const ORDER: readonly StepName[] = ['counter', 'receiptPrinter', 'a4Printer', 'central', 'finish'];
const TITLES: Record<StepName, string> = {
  counter: 'Sportello di questo PC',
  receiptPrinter: 'Stampante delle ricevute',
  a4Printer: 'Stampante A4 (avvisi e riepiloghi)',
  central: 'Servizio centrale',
  finish: 'Avvio',
};

/** The first step the file has not confirmed yet. */
function firstOpen(draft: StationFile): StepName {
  if (draft.counterCode === undefined) return 'counter';
  if (!('receiptPrinter' in draft)) return 'receiptPrinter';
  if (!('a4Printer' in draft)) return 'a4Printer';
  if (!('centralUrl' in draft)) return 'central';
  return 'finish';
}

/**
 * First-run setup of a PC with no configuration, one step at a time, each written only when
 * confirmed; then the counter starts (the page reloads into the login, which asks the enrolment code
 * when a central service was given).
 */
export function SetupScreen({ initial, onDone }: { initial: SetupState; onDone: () => void }) {
  const [draft, setDraft] = useState<StationFile>(initial.draft);
  const [step, setStep] = useState<StepName>(firstOpen(initial.draft));
  const [error, setError] = useState<string | null>(null);

  const save = async (input: SetupStep): Promise<string | null> => {
    const reply = await call('setup.saveStep', input);
    if (!reply.ok) return reply.error.message;
    setDraft(reply.value.draft);
    setError(null);
    setStep(ORDER[ORDER.indexOf(input.step) + 1] ?? 'finish');
    return null;
  };

  async function finish() {
    const reply = await call('setup.finish', {});
    if (reply.ok) onDone();
    else setError(reply.error.message);
  }

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1000, mx: 'auto' }}>
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700 }}>
        Configurazione iniziale di questo PC
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        Passo {ORDER.indexOf(step) + 1} di {ORDER.length}: {TITLES[step]}. Ogni scelta si salva solo quando la si
        conferma; un supervisore può cambiarla dopo da Impostazioni.
      </Typography>
      <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
        {TITLES[step]}
      </Typography>
      {step === 'counter' && (
        <TextStepForm
          label="Sportello"
          initial={draft.counterCode ?? initial.counters[0]?.code ?? ''}
          helper={
            initial.counters.length > 0
              ? 'Lo sportello che questo PC sarà; non si cambia dopo.'
              : 'Il codice dato dal servizio centrale (per esempio FAR-CAVATORE).'
          }
          {...(initial.counters.length > 0
            ? { options: initial.counters.map((c) => ({ value: c.code, label: `${c.code}: ${c.name}` })) }
            : {})}
          confirm={(counterCode) => save({ step: 'counter', counterCode })}
        />
      )}
      {step === 'receiptPrinter' && (
        <ReceiptPrinterForm
          initial={draft.receiptPrinter}
          testPrint={(printer) => call('setup.testPrint', { printer })}
          confirm={(printer) => save({ step: 'receiptPrinter', printer, testConfirmed: true })}
        />
      )}
      {step === 'a4Printer' && (
        <TextStepForm
          label="Nome della stampante A4 in Windows"
          initial={draft.a4Printer ?? ''}
          helper="Vuoto: gli avvisi si aprono nel visualizzatore PDF del PC, come prima."
          confirm={(name) => save({ step: 'a4Printer', a4Printer: name === '' ? null : name })}
        />
      )}
      {step === 'central' && (
        <TextStepForm
          label="Indirizzo del servizio centrale"
          initial={draft.centralUrl ?? ''}
          helper="Per esempio https://centrale.comune.carrara.ms.it; vuoto: questo PC lavora senza sincronizzarsi."
          confirm={(url) => save({ step: 'central', centralUrl: url === '' ? null : url })}
        />
      )}
      {step === 'finish' && (
        <Box>
          <Typography sx={{ mb: 1 }}>
            Sportello {draft.counterCode}; ricevute: {printerText(draft.receiptPrinter)}; A4:{' '}
            {draft.a4Printer ?? 'visualizzatore PDF'}; servizio centrale: {draft.centralUrl ?? 'nessuno'}.
            {draft.centralUrl ? ' Dopo l’avvio si inserisce il codice di attivazione.' : ''}
          </Typography>
          <Button variant="contained" autoFocus onClick={() => void finish()}>
            Avvia lo sportello (Invio)
          </Button>
          <Button
            sx={{ ml: 1 }}
            onClick={() => {
              setError(null);
              setStep('counter');
            }}
          >
            Rivedi dal primo passo
          </Button>
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      <Typography variant="caption" component="p" sx={{ mt: 3 }}>
        Sportello versione {initial.version}
      </Typography>
    </Box>
  );
}
