import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import type { AccountItem, ChannelOutput, SessionInfo } from '../../shared/contract';
import { SERVICE_LABELS, type PaymentMethod } from '../../shared/domain';
import { CODE_NOT_AMOUNT, formatEuro, looksLikeCode, parseEuroInput } from '../../shared/money';
import { AccountLine } from '../accounts/AccountLine';
import { call } from '../api';
import { PrintStatus } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { OpenTillForm } from '../till/OpenTillForm';
import { palette } from '../theme';
import { DialogForm, DialogShell, ResultActions } from '../ui/DialogShell';
import { moneyAction } from '../moneyAction';
import { DuplicateStep, PaymentFields, methodOfKey, stepAfter, usePrintOutcome, type MoneyStep } from './PaymentFields';

type Result = ChannelOutput<'topups.record'>;

interface Props {
  account: AccountItem;
  settings: SessionInfo['settings'];
  onClose: (recorded: boolean) => void;
}

export function TopupDialog({ account, settings, onClose }: Props) {
  const methods = settings.methodsToday;
  const [step, setStep] = useState<MoneyStep<Result>>({ kind: 'form' });
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<PaymentMethod | null>(methods[0] ?? null);
  const [payerCf, setPayerCf] = useState('');
  const [posAuthCode, setPosAuthCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id for this dialog's action, sent again unchanged on every retry (moneyAction.ts).
  const [action] = useState(moneyAction);
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
      requestId: action.requestId,
      accountId: account.accountId,
      amountCents,
      method,
      ...(cf !== '' ? { payerCf: cf } : {}),
      ...(method === 'card' && pos !== '' ? { posAuthCode: pos } : {}),
      ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
    });
    setBusy(false);
    const next = stepAfter(reply, action);
    setStep(next.step);
    setError(next.error?.message ?? null);
    if (next.error === null) return;
    if (next.error.code === 'INPUT_INVALID' && cf !== '' && cf.length !== 16) cfRef.current?.focus();
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
          <PaymentFields
            idPrefix="topup"
            methods={methods}
            method={method}
            onMethod={setMethod}
            payerCf={payerCf}
            onPayerCf={setPayerCf}
            posAuthCode={posAuthCode}
            onPosAuthCode={setPosAuthCode}
            cfRef={cfRef}
          />
        </DialogForm>
      )}
      {step.kind === 'duplicate' && (
        <DuplicateStep
          message={step.message}
          confirmLabel="Conferma ricarica"
          busy={busy}
          onConfirm={() => void record(true)}
          onCancel={() => onClose(false)}
        />
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
  // A print that finishes later (or is retried) is announced by the core.
  const outcome = usePrintOutcome(result, result.receiptNo);
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
