import { useState, type FormEvent, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountItem, ChannelOutput, SessionInfo } from '../../shared/contract';
import { SERVICE_LABELS, type PaymentMethod } from '../../shared/domain';
import { CODE_NOT_AMOUNT, formatEuro, looksLikeCode, parseEuroInput } from '../../shared/money';
import { MAX_SPLIT_LINES, splitAccountLabel } from '../../shared/payments/split';
import { call } from '../api';
import { moneyAction } from '../moneyAction';
import { PrintStatus } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { palette } from '../theme';
import { OpenTillForm } from '../till/OpenTillForm';
import { DuplicateStep, PaymentFields, stepAfter, usePrintOutcome, type MoneyStep } from '../topups/PaymentFields';
import { DialogForm, DialogShell, ResultActions } from '../ui/DialogShell';
import { KeyHints } from '../ui/KeyHints';
import { hintsOf, runSomeKeys } from '../ui/keymap';
import { SPLIT_KEYS } from './splitKeys';

type Result = ChannelOutput<'payments.record'>;

export interface SplitPaymentProps {
  /** The family's accounts (the children of one adulto di riferimento), in the order to show them. */
  accounts: readonly AccountItem[];
  /** The account the cursor starts on (the one open on screen); the first when absent. */
  startAccountId?: string;
  settings: SessionInfo['settings'];
  onClose: (recorded: boolean) => void;
}

const childName = (a: AccountItem) => `${a.child.firstName} ${a.child.surname}`;
const labelOf = (a: AccountItem) => splitAccountLabel({ childName: childName(a), service: a.service });

/**
 * "Pagamento unico": one cash or card payment split across several accounts of one family, one
 * receipt. Each account has its amount field (empty: not in this payment); Tab goes to the next,
 * the total adds up as the operator types, Invio records. The core checks everything again.
 */
export function SplitPaymentDialog({ accounts, startAccountId, settings, onClose }: SplitPaymentProps) {
  const methods = settings.methodsToday;
  const [step, setStep] = useState<MoneyStep<Result>>({ kind: 'form' });
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [method, setMethod] = useState<PaymentMethod | null>(methods[0] ?? null);
  const [payerCf, setPayerCf] = useState('');
  const [posAuthCode, setPosAuthCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [action] = useState(moneyAction);
  const start = accounts.some((a) => a.accountId === startAccountId) ? startAccountId : accounts[0]?.accountId;

  /** The lines typed so far, or the refusal of the first amount that cannot be read. */
  function lines(): { lines: { accountId: string; amountCents: number }[] } | { error: string; accountId: string } {
    const out: { accountId: string; amountCents: number }[] = [];
    for (const a of accounts) {
      const text = amounts[a.accountId]?.trim() ?? '';
      if (text === '') continue;
      if (looksLikeCode(text)) return { error: `${labelOf(a)}: ${CODE_NOT_AMOUNT}`, accountId: a.accountId };
      const cents = parseEuroInput(text);
      if (cents === null) {
        return {
          error: `${labelOf(a)}: importo non leggibile, scrivere per esempio 20 oppure 20,50.`,
          accountId: a.accountId,
        };
      }
      out.push({ accountId: a.accountId, amountCents: cents });
    }
    return { lines: out };
  }

  const typed = lines();
  const totalCents = 'lines' in typed ? typed.lines.reduce((sum, l) => sum + l.amountCents, 0) : null;

  function focusAmount(accountId: string) {
    const field = document.getElementById(amountId(accountId));
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.select();
    }
  }

  async function record(confirmDuplicate: boolean) {
    const read = lines();
    if ('error' in read) {
      setError(read.error);
      focusAmount(read.accountId);
      return;
    }
    if (method === null) {
      setError('Oggi questo sportello non accetta pagamenti.');
      return;
    }
    const cf = payerCf.replace(/\s/g, '').toUpperCase();
    const pos = posAuthCode.trim();
    setBusy(true);
    const reply = await call('payments.record', {
      requestId: action.requestId,
      method,
      lines: read.lines,
      ...(cf !== '' ? { payerCf: cf } : {}),
      ...(method === 'card' && pos !== '' ? { posAuthCode: pos } : {}),
      ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
    });
    setBusy(false);
    const next = stepAfter(reply, action);
    setStep(next.step);
    setError(next.error?.message ?? null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) void record(false);
  }

  /** Alt+C and Alt+B pick the method wherever the cursor is in the form (the other keys are the form's own). */
  function methodKeys(event: KeyboardEvent) {
    const pick = (m: PaymentMethod) => () => {
      if (!methods.includes(m)) return false;
      setMethod(m);
      return true;
    };
    runSomeKeys(SPLIT_KEYS, event, null, { cash: pick('cash'), card: pick('card') });
  }

  const parent = accounts[0]?.child.parent;
  const title = `Pagamento unico per più conti${parent ? ` – famiglia di ${parent.name}` : ''}`;
  return (
    <DialogShell titleId="split-title" title={title} onClose={() => onClose(step.kind === 'done')}>
      {step.kind === 'form' && (
        <>
          <DialogForm
            label="Pagamento unico per più conti"
            onSubmit={submit}
            onKeyDown={methodKeys}
            error={error}
            busy={busy}
            submitLabel="Registra pagamento"
            onCancel={() => onClose(false)}
          >
            <Typography variant="body2" sx={{ color: palette.textSecondary, mb: 1 }}>
              Un importo per ogni conto da ricaricare (vuoto: non in questo pagamento; al massimo {MAX_SPLIT_LINES}{' '}
              conti). Una sola ricevuta con ogni conto e il totale.
            </Typography>
            <Table size="small" aria-label="Conti della famiglia">
              <TableHead>
                <TableRow>
                  <TableCell>Bambino/a</TableCell>
                  <TableCell>Servizio</TableCell>
                  <TableCell>Codice Pa-Pay</TableCell>
                  <TableCell align="right">Saldo</TableCell>
                  <TableCell>Importo (€)</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {accounts.map((a) => (
                  <TableRow key={a.accountId}>
                    <TableCell>{childName(a)}</TableCell>
                    <TableCell>{SERVICE_LABELS[a.service]}</TableCell>
                    <TableCell>{a.papayCode}</TableCell>
                    <TableCell align="right" sx={{ color: a.balanceCents < 0 ? palette.danger : undefined }}>
                      {formatEuro(a.balanceCents)}
                    </TableCell>
                    <TableCell sx={{ width: 140 }}>
                      <TextField
                        id={amountId(a.accountId)}
                        value={amounts[a.accountId] ?? ''}
                        onChange={(e) => setAmounts((prev) => ({ ...prev, [a.accountId]: e.target.value }))}
                        autoFocus={a.accountId === start}
                        size="small"
                        slotProps={{
                          htmlInput: {
                            inputMode: 'decimal',
                            autoComplete: 'off',
                            'aria-label': `Importo per ${labelOf(a)}`,
                          },
                        }}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography sx={{ mt: 1, fontWeight: 700 }} data-testid="split-total" role="status">
              Totale: {totalCents === null ? '—' : formatEuro(totalCents)}
            </Typography>
            <PaymentFields
              idPrefix="split"
              methods={methods}
              method={method}
              onMethod={setMethod}
              payerCf={payerCf}
              onPayerCf={setPayerCf}
              posAuthCode={posAuthCode}
              onPosAuthCode={setPosAuthCode}
            />
          </DialogForm>
          <KeyHints hints={hintsOf(SPLIT_KEYS, null)} />
        </>
      )}
      {step.kind === 'duplicate' && (
        <DuplicateStep
          message={step.message}
          confirmLabel="Conferma pagamento"
          busy={busy}
          onConfirm={() => void record(true)}
          onCancel={() => onClose(false)}
        />
      )}
      {step.kind === 'till' && (
        <OpenTillForm
          notice={`${step.message} Si apre qui; il pagamento di ${totalCents === null ? '' : formatEuro(totalCents)} sarà registrato subito dopo.`}
          submitLabel="Apri la cassa e registra"
          onOpened={() => void record(false)}
          onCancel={() => onClose(false)}
        />
      )}
      {step.kind === 'done' && (
        <SplitDone
          result={step.result}
          accounts={accounts}
          printerConfigured={settings.printerConfigured}
          onClose={() => onClose(true)}
        />
      )}
    </DialogShell>
  );
}

const amountId = (accountId: string) => `split-amount-${accountId}`;

function SplitDone(p: {
  result: Result;
  accounts: readonly AccountItem[];
  printerConfigured: boolean;
  onClose: () => void;
}) {
  const { result } = p;
  const outcome = usePrintOutcome(result, result.receiptNo);
  const byId = new Map(p.accounts.map((a) => [a.accountId, a]));
  return (
    <>
      <DialogContent>
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Pagamento registrato. Ricevuta n. <strong data-testid="receipt-no">{result.receiptNo}</strong>. Totale:{' '}
          <strong data-testid="split-paid-total">{formatEuro(result.totalCents)}</strong>
        </Alert>
        <Table size="small" aria-label="Nuovi saldi">
          <TableHead>
            <TableRow>
              <TableCell>Conto</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell align="right">Nuovo saldo</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.lines.map((l) => {
              const a = byId.get(l.accountId);
              return (
                <TableRow key={l.operationId} data-testid="split-line">
                  <TableCell>{a ? labelOf(a) : l.accountId}</TableCell>
                  <TableCell align="right">{formatEuro(l.amountCents)}</TableCell>
                  <TableCell align="right" sx={{ color: l.balanceAfterCents < 0 ? palette.danger : undefined }}>
                    {formatEuro(l.balanceAfterCents)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <Box sx={{ mt: 2 }}>
          <ReceiptBox text={result.receiptText} />
        </Box>
        <Box sx={{ mt: 2 }}>
          <PrintStatus outcome={outcome} printerConfigured={p.printerConfigured} />
        </Box>
      </DialogContent>
      <ResultActions onClose={p.onClose} />
    </>
  );
}
