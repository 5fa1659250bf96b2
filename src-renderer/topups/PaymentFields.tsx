import { useEffect, useState, type KeyboardEvent, type Ref } from 'react';
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
import { METHOD_LABELS, isTraceable, type PaymentMethod } from '../../shared/domain';
import type { AppError, Reply } from '../../shared/errors';
import { onEvent } from '../api';
import type { MoneyAction } from '../moneyAction';
import type { PrintOutcome } from '../receipts/PrintStatus';
import { CONFIRM_KEYS, chordsOf, isConfirmKey, pressMatches, type KeyPress } from '../ui/keymap';

/**
 * The key that picks each method (printed beside it): Alt and a letter, as a Windows dialog's
 * underlined letters, so a codice fiscale read into the amount never changes the method.
 */
export const METHOD_KEYS: Record<PaymentMethod, string> = { cash: 'Alt+C', card: 'Alt+B' };

export function methodOfKey(methods: readonly PaymentMethod[], press: KeyPress): PaymentMethod | undefined {
  return methods.find((m) => chordsOf(METHOD_KEYS[m]).some((chord) => pressMatches(chord, press)));
}

interface FieldsProps {
  /** Names the radio group (unique per dialog). */
  idPrefix: string;
  methods: readonly PaymentMethod[];
  method: PaymentMethod | null;
  onMethod: (method: PaymentMethod) => void;
  payerCf: string;
  onPayerCf: (text: string) => void;
  posAuthCode: string;
  onPosAuthCode: (text: string) => void;
  cfRef?: Ref<HTMLInputElement>;
}

/** How a payment is made, for a top-up and for a split payment alike: the method, who pays, the POS code. */
export function PaymentFields(p: FieldsProps) {
  return (
    <>
      <FormControl margin="dense" fullWidth>
        <FormLabel id={`${p.idPrefix}-method-label`}>Metodo di pagamento</FormLabel>
        <RadioGroup
          row
          aria-labelledby={`${p.idPrefix}-method-label`}
          value={p.method ?? ''}
          onChange={(e) => {
            const picked = p.methods.find((m) => m === e.target.value);
            if (picked) p.onMethod(picked);
          }}
        >
          {p.methods.map((m) => (
            <FormControlLabel key={m} value={m} control={<Radio />} label={`${METHOD_LABELS[m]} (${METHOD_KEYS[m]})`} />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        label="Codice fiscale di chi paga"
        value={p.payerCf}
        onChange={(e) => p.onPayerCf(e.target.value.toUpperCase())}
        {...(p.cfRef ? { inputRef: p.cfRef } : {})}
        fullWidth
        margin="dense"
        helperText={
          p.method !== null && !isTraceable(p.method)
            ? 'Facoltativo. Senza codice fiscale il pagamento non può andare nel 730; i contanti comunque non sono detraibili (L. 160/2019).'
            : 'Facoltativo, ma chiederlo sempre: senza codice fiscale il pagamento non può andare nel 730.'
        }
        slotProps={{ htmlInput: { maxLength: 16, spellCheck: false, autoComplete: 'off' } }}
      />
      {p.method === 'card' && (
        <TextField
          label="Codice autorizzazione POS"
          value={p.posAuthCode}
          onChange={(e) => p.onPosAuthCode(e.target.value)}
          fullWidth
          margin="dense"
          helperText="Lo stampa il POS sullo scontrino della carta."
          slotProps={{ htmlInput: { maxLength: 20, autoComplete: 'off' } }}
        />
      )}
    </>
  );
}

/**
 * A suspected double payment: recorded only by Ctrl+Invio, since the Invio after a scanned code
 * lands on "Annulla".
 */
export function DuplicateStep(p: {
  message: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  function keys(event: KeyboardEvent) {
    if (!isConfirmKey(event)) return;
    event.preventDefault();
    if (!p.busy) p.onConfirm();
  }
  return (
    <Box onKeyDown={keys}>
      <DialogContent>
        <Alert severity="warning" role="alert">
          {p.message}
        </Alert>
        <Typography sx={{ mt: 2 }}>{CONFIRM_KEYS} per registrarla comunque, Esc o Invio per annullare.</Typography>
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={p.onCancel}>
          Annulla (Esc)
        </Button>
        <Button variant="contained" color="warning" disabled={p.busy} onClick={p.onConfirm}>
          {p.confirmLabel} ({CONFIRM_KEYS})
        </Button>
      </DialogActions>
    </Box>
  );
}

/** The print outcome of a receipt just recorded, updated when the core announces a later print. */
export function usePrintOutcome(first: PrintOutcome, receiptNo: string): PrintOutcome {
  const [outcome, setOutcome] = useState<PrintOutcome>(first);
  useEffect(
    () =>
      onEvent('receipts.printed', (event) => {
        if (event.receiptNo === receiptNo) setOutcome(event);
      }),
    [receiptNo],
  );
  return outcome;
}

/** The steps of a dialog that takes money: the form, a suspected double, the till to open first, the result. */
export type MoneyStep<Result> =
  | { kind: 'form' }
  | { kind: 'duplicate'; message: string }
  /** No till session is open: the dialog opens one, then records the same operation. */
  | { kind: 'till'; message: string }
  | { kind: 'done'; result: Result };

/**
 * Where a money request's reply leads: the result (the action recorded, its next one gets a new
 * id), the double to confirm, the till to open, or back to the form with the refusal (`error`).
 */
export function stepAfter<Result>(
  reply: Reply<Result>,
  action: MoneyAction,
): { step: MoneyStep<Result>; error: AppError | null } {
  if (reply.ok) {
    action.recorded();
    return { step: { kind: 'done', result: reply.value }, error: null };
  }
  const { code, message } = reply.error;
  if (code === 'DUPLICATE_SUSPECTED') return { step: { kind: 'duplicate', message }, error: null };
  if (code === 'TILL_NOT_OPEN') return { step: { kind: 'till', message }, error: null };
  return { step: { kind: 'form' }, error: reply.error };
}
