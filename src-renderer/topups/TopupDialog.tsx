import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountItem, ChannelOutput, SessionInfo } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS, isTraceable, type PaymentMethod } from '../../shared/domain';
import { CODE_NOT_AMOUNT, formatEuro, looksLikeCode, parseEuroInput } from '../../shared/money';
import { AccountLine } from '../accounts/AccountLine';
import { call, onEvent } from '../api';
import { PrintStatus, type PrintOutcome } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { OpenTillForm } from '../till/OpenTillForm';
import { palette } from '../theme';
import { DialogForm, DialogShell, ResultActions } from '../ui/DialogShell';
import { CONFIRM_KEYS, chordsOf, isConfirmKey, pressMatches, type KeyPress } from '../ui/keymap';

/**
 * The key that picks each method (printed beside it): Alt and a letter, as a Windows dialog's
 * underlined letters, so a codice fiscale read into the amount never changes the method.
 */
const METHOD_KEYS: Record<PaymentMethod, string> = { cash: 'Alt+C', card: 'Alt+B' };

function methodOfKey(methods: readonly PaymentMethod[], press: KeyPress): PaymentMethod | undefined {
  return methods.find((m) => chordsOf(METHOD_KEYS[m]).some((chord) => pressMatches(chord, press)));
}

type Result = ChannelOutput<'topups.record'>;
type Step =
  | { kind: 'form' }
  | { kind: 'duplicate'; message: string }
  /** No till session is open: the dialog opens one, then records the same top-up. */
  | { kind: 'till'; message: string }
  | { kind: 'done'; result: Result };

interface Props {
  account: AccountItem;
  settings: SessionInfo['settings'];
  onClose: (recorded: boolean) => void;
}

export function TopupDialog({ account, settings, onClose }: Props) {
  const methods = settings.methodsToday;
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<PaymentMethod | null>(methods[0] ?? null);
  const [payerCf, setPayerCf] = useState('');
  const [posAuthCode, setPosAuthCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const cfRef = useRef<HTMLInputElement>(null);

  function focusAmount() {
    amountRef.current?.focus();
    amountRef.current?.select();
  }

  async function record(confirmDuplicate: boolean) {
    if (looksLikeCode(amountText)) {
      setError(CODE_NOT_AMOUNT);
      focusAmount();
      return;
    }
    const amountCents = parseEuroInput(amountText);
    if (amountCents === null) {
      setError('Importo non leggibile: scrivere per esempio 20 oppure 20,50.');
      focusAmount();
      return;
    }
    if (amountCents < settings.minTopupCents || amountCents > settings.maxTopupCents) {
      setError(
        `L'importo deve essere tra ${formatEuro(settings.minTopupCents)} e ${formatEuro(settings.maxTopupCents)}.`,
      );
      focusAmount();
      return;
    }
    if (method === null) {
      setError('Oggi questo sportello non accetta pagamenti.');
      return;
    }
    const cf = payerCf.replace(/\s/g, '').toUpperCase();
    const pos = posAuthCode.trim();
    setBusy(true);
    const reply = await call('topups.record', {
      accountId: account.accountId,
      amountCents,
      method,
      ...(cf !== '' ? { payerCf: cf } : {}),
      ...(method === 'card' && pos !== '' ? { posAuthCode: pos } : {}),
      ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
    });
    setBusy(false);
    if (reply.ok) {
      setError(null);
      setStep({ kind: 'done', result: reply.value });
      return;
    }
    if (reply.error.code === 'DUPLICATE_SUSPECTED') {
      setStep({ kind: 'duplicate', message: reply.error.message });
      return;
    }
    if (reply.error.code === 'TILL_NOT_OPEN') {
      setStep({ kind: 'till', message: reply.error.message });
      return;
    }
    setStep({ kind: 'form' });
    setError(reply.error.message);
    if (reply.error.code === 'INPUT_INVALID' && cf !== '' && cf.length !== 16) cfRef.current?.focus();
    else focusAmount();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) void record(false);
  }

  /** Alt+C and Alt+B pick the method wherever the cursor is in the form. */
  function methodKeys(event: KeyboardEvent) {
    const picked = methodOfKey(methods, event);
    if (picked) {
      event.preventDefault();
      setMethod(picked);
    }
  }

  /** The suspected double is recorded only by Ctrl+Invio: the Invio after a scanned code lands on "Annulla". */
  function duplicateKeys(event: KeyboardEvent) {
    if (!isConfirmKey(event)) return;
    event.preventDefault();
    if (!busy) void record(true);
  }

  const title = `Ricarica ${SERVICE_LABELS[account.service]} – ${account.child.firstName} ${account.child.surname}`;

  return (
    <DialogShell titleId="topup-title" title={title} onClose={() => onClose(step.kind === 'done')}>
      {step.kind === 'form' && (
        <DialogForm
          label="Dati della ricarica"
          onSubmit={submit}
          onKeyDown={methodKeys}
          error={error}
          busy={busy}
          submitLabel="Registra ricarica"
          onCancel={() => onClose(false)}
        >
          <AccountLine account={account} />
          <TextField
            label="Importo in euro"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            inputRef={amountRef}
            autoFocus
            fullWidth
            margin="dense"
            helperText={`Per esempio 20 oppure 20,50 (da ${formatEuro(settings.minTopupCents)} a ${formatEuro(settings.maxTopupCents)})`}
            slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          />
          <FormControl margin="dense" fullWidth>
            <FormLabel id="topup-method-label">Metodo di pagamento</FormLabel>
            <RadioGroup
              row
              aria-labelledby="topup-method-label"
              value={method ?? ''}
              onChange={(e) => {
                const picked = methods.find((m) => m === e.target.value);
                if (picked) setMethod(picked);
              }}
            >
              {methods.map((m) => (
                <FormControlLabel
                  key={m}
                  value={m}
                  control={<Radio />}
                  label={`${METHOD_LABELS[m]} (${METHOD_KEYS[m]})`}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            label="Codice fiscale di chi paga"
            value={payerCf}
            onChange={(e) => setPayerCf(e.target.value.toUpperCase())}
            inputRef={cfRef}
            fullWidth
            margin="dense"
            helperText={
              method !== null && !isTraceable(method)
                ? 'Facoltativo. Senza codice fiscale il pagamento non può andare nel 730; i contanti comunque non sono detraibili (L. 160/2019).'
                : 'Facoltativo, ma chiederlo sempre: senza codice fiscale il pagamento non può andare nel 730.'
            }
            slotProps={{ htmlInput: { maxLength: 16, spellCheck: false, autoComplete: 'off' } }}
          />
          {method === 'card' && (
            <TextField
              label="Codice autorizzazione POS"
              value={posAuthCode}
              onChange={(e) => setPosAuthCode(e.target.value)}
              fullWidth
              margin="dense"
              helperText="Lo stampa il POS sullo scontrino della carta."
              slotProps={{ htmlInput: { maxLength: 20, autoComplete: 'off' } }}
            />
          )}
        </DialogForm>
      )}
      {step.kind === 'duplicate' && (
        <Box onKeyDown={duplicateKeys}>
          <DialogContent>
            <Alert severity="warning" role="alert">
              {step.message}
            </Alert>
            <Typography sx={{ mt: 2 }}>{CONFIRM_KEYS} per registrarla comunque, Esc o Invio per annullare.</Typography>
          </DialogContent>
          <DialogActions>
            <Button autoFocus onClick={() => onClose(false)}>
              Annulla (Esc)
            </Button>
            <Button variant="contained" color="warning" disabled={busy} onClick={() => void record(true)}>
              Conferma ricarica ({CONFIRM_KEYS})
            </Button>
          </DialogActions>
        </Box>
      )}
      {step.kind === 'till' && (
        <OpenTillForm
          notice={`${step.message} Si apre qui; la ricarica di ${amountText} € sarà registrata subito dopo.`}
          submitLabel="Apri la cassa e registra"
          onOpened={() => void record(false)}
          onCancel={() => onClose(false)}
        />
      )}
      {step.kind === 'done' && (
        <TopupDone result={step.result} printerConfigured={settings.printerConfigured} onClose={() => onClose(true)} />
      )}
    </DialogShell>
  );
}

function TopupDone({
  result,
  printerConfigured,
  onClose,
}: {
  result: Result;
  printerConfigured: boolean;
  onClose: () => void;
}) {
  const [outcome, setOutcome] = useState<PrintOutcome>(result);
  // A print that finishes later (or is retried) is announced by the core.
  useEffect(
    () =>
      onEvent('receipts.printed', (event) => {
        if (event.receiptNo === result.receiptNo) setOutcome(event);
      }),
    [result.receiptNo],
  );
  return (
    <>
      <DialogContent>
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Ricarica registrata. Ricevuta n. <strong data-testid="receipt-no">{result.receiptNo}</strong>. Nuovo saldo:{' '}
          <strong
            data-testid="new-balance"
            style={{ color: result.balanceAfterCents < 0 ? palette.danger : undefined }}
          >
            {formatEuro(result.balanceAfterCents)}
          </strong>
        </Alert>
        <ReceiptBox text={result.receiptText} />
        <Box sx={{ mt: 2 }}>
          <PrintStatus outcome={outcome} printerConfigured={printerConfigured} />
        </Box>
      </DialogContent>
      <ResultActions onClose={onClose} />
    </>
  );
}
