import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNoticeUpdates } from './useNoticeUpdates';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountItem, ChannelInput, ChannelOutput } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { CODE_NOT_AMOUNT, formatCents, formatEuro, looksLikeCode, parseEuroInput } from '../../shared/money';
import { romeDate } from '../../shared/time';
import { AccountLine } from '../accounts/AccountLine';
import { call } from '../api';
import { NoticeSummary } from './NoticeSummary';
import { ThermalNoticeResult, type ThermalResult } from './ThermalNoticeResult';
import { addDays, italianDate, readItalianDate } from '../dates';
import { documentUrl } from '../documentUrl';
import { DialogForm, DialogShell, ResultActions } from '../ui/DialogShell';
import { actionOfKey, keyOf } from './noticeKeys';
import { DEFAULT_SUBJECTS, INSTALMENTS_MAX, SUBJECT_MAX, splitInstalments } from './noticeFormat';

type Issued = ChannelOutput<'notices.issue'>;
type IssueInput = ChannelInput<'notices.issue'>;

interface RowText {
  amount: string;
  due: string;
}

interface Props {
  account: AccountItem;
  printerConfigured: boolean;
  onClose: (issued: boolean) => void;
}

/** F6 on an open account (front office): a pagoPA notice for an amount, with an optional due date and rate. */
export function IssueNoticeDialog({ account, printerConfigured, onClose }: Props) {
  const [issued, setIssued] = useState<Issued | null>(null);
  // A debt (negative balance) is the amount the family most likely comes to pay.
  const [amountText, setAmountText] = useState(account.balanceCents < 0 ? formatCents(-account.balanceCents) : '');
  const [subject, setSubject] = useState(DEFAULT_SUBJECTS[account.service]);
  const [dueText, setDueText] = useState('');
  const [countText, setCountText] = useState('');
  const [rows, setRows] = useState<RowText[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);

  /** Amount, due date or number of rate changed: the instalments are proposed again, evenly split. */
  function propose(next: { amount?: string; due?: string; count?: string }) {
    const amount = next.amount ?? amountText;
    const due = next.due ?? dueText;
    const count = Number((next.count ?? countText).trim() || '1');
    const cents = parseEuroInput(amount) ?? 0;
    const parsedDue = readItalianDate(due);
    const firstDue = (parsedDue.ok ? parsedDue.date : null) ?? addDays(romeDate(new Date()), 30);
    const drafts = Number.isInteger(count) && count <= INSTALMENTS_MAX ? splitInstalments(cents, count, firstDue) : [];
    setRows(drafts.map((d) => ({ amount: formatCents(d.amountCents), due: italianDate(d.dueDate) })));
  }

  function refuse(message: string) {
    setError(message);
    amountRef.current?.focus();
  }

  async function issue() {
    if (looksLikeCode(amountText)) {
      refuse(CODE_NOT_AMOUNT);
      amountRef.current?.select();
      return;
    }
    const amountCents = parseEuroInput(amountText);
    if (amountCents === null || amountCents <= 0) {
      refuse('Importo non leggibile: scrivere per esempio 45 oppure 45,50.');
      amountRef.current?.select();
      return;
    }
    const trimmedSubject = subject.trim();
    if (trimmedSubject.length < 3) return refuse("Scrivere l'oggetto dell'avviso (almeno 3 caratteri).");
    const due = readItalianDate(dueText);
    if (!due.ok) return refuse(due.message);
    const today = romeDate(new Date());
    if (due.date !== null && due.date < today) return refuse('La scadenza non può essere già passata.');
    const count = Number(countText.trim() || '1');
    if (!Number.isInteger(count) || count < 1 || count > INSTALMENTS_MAX) {
      return refuse(`Numero di rate non valido: da 1 (unica soluzione) a ${INSTALMENTS_MAX}.`);
    }
    const input: IssueInput = {
      accountId: account.accountId,
      amountCents,
      subject: trimmedSubject,
      ...(due.date !== null ? { dueDate: due.date } : {}),
    };
    if (count > 1) {
      const installments: { amountCents: number; dueDate: string }[] = [];
      for (const [i, row] of rows.entries()) {
        const cents = parseEuroInput(row.amount);
        if (cents === null || cents <= 0) return refuse(`Importo della rata ${i + 1} non leggibile.`);
        const rowDue = readItalianDate(row.due);
        if (!rowDue.ok) return refuse(`Rata ${i + 1}: ${rowDue.message}`);
        if (rowDue.date === null) return refuse(`Indicare la scadenza della rata ${i + 1}.`);
        if (rowDue.date < today) return refuse(`La scadenza della rata ${i + 1} è già passata.`);
        installments.push({ amountCents: cents, dueDate: rowDue.date });
      }
      const sum = installments.reduce((s, r) => s + r.amountCents, 0);
      if (installments.length !== count || sum !== amountCents) {
        return refuse(
          `La somma delle rate (${formatEuro(sum)}) deve essere uguale all'importo (${formatEuro(amountCents)}).`,
        );
      }
      input.installments = installments;
    }
    setBusy(true);
    const reply = await call('notices.issue', input);
    setBusy(false);
    if (!reply.ok) return refuse(reply.error.message);
    setError(null);
    setIssued(reply.value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) void issue();
  }

  const title = `Avviso pagoPA ${SERVICE_LABELS[account.service]} – ${account.child.firstName} ${account.child.surname}`;

  return (
    <DialogShell titleId="notice-issue-title" title={title} onClose={() => onClose(issued !== null)}>
      {issued === null ? (
        <DialogForm
          label="Dati dell'avviso"
          onSubmit={submit}
          error={error}
          busy={busy}
          submitLabel="Emetti avviso"
          onCancel={() => onClose(false)}
        >
          <AccountLine account={account} />
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 2 }}>
            <TextField
              label="Importo in euro"
              value={amountText}
              onChange={(e) => {
                setAmountText(e.target.value);
                propose({ amount: e.target.value });
              }}
              inputRef={amountRef}
              autoFocus
              onFocus={(e) => e.target.select()}
              margin="dense"
              helperText="Per esempio 45 oppure 45,50"
              slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
            />
            <TextField
              label="Scadenza"
              value={dueText}
              onChange={(e) => {
                setDueText(e.target.value);
                propose({ due: e.target.value });
              }}
              margin="dense"
              placeholder="gg/mm/aaaa"
              helperText="Vuota: senza scadenza"
              slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 10 } }}
            />
            <TextField
              label="Numero di rate"
              value={countText}
              onChange={(e) => {
                setCountText(e.target.value);
                propose({ count: e.target.value });
              }}
              margin="dense"
              placeholder="1"
              helperText={`Vuoto o 1: unica soluzione (fino a ${INSTALMENTS_MAX})`}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 2 } }}
            />
          </Box>
          <TextField
            label="Oggetto"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            fullWidth
            margin="dense"
            helperText={`Stampato sull'avviso: ${subject.length}/${SUBJECT_MAX} caratteri`}
            slotProps={{ htmlInput: { maxLength: SUBJECT_MAX, autoComplete: 'off' } }}
          />
          {rows.length > 0 && (
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }} aria-label="Rate">
              <Typography sx={{ fontWeight: 600 }}>Rate (modificabili; la somma deve dare l&apos;importo)</Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', columnGap: 2 }}>
                {rows.map((row, i) => (
                  <RateFields
                    key={i}
                    index={i}
                    row={row}
                    onChange={(next) => setRows((all) => all.map((r, j) => (j === i ? next : r)))}
                  />
                ))}
              </Box>
            </Box>
          )}
        </DialogForm>
      ) : (
        <IssuedStep issued={issued} printerConfigured={printerConfigured} onClose={() => onClose(true)} />
      )}
    </DialogShell>
  );
}

function RateFields({ index, row, onChange }: { index: number; row: RowText; onChange: (row: RowText) => void }) {
  return (
    <>
      <TextField
        label={`Rata ${index + 1}: importo`}
        value={row.amount}
        onChange={(e) => onChange({ ...row, amount: e.target.value })}
        margin="dense"
        size="small"
        slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
      />
      <TextField
        label={`Rata ${index + 1}: scadenza`}
        value={row.due}
        onChange={(e) => onChange({ ...row, due: e.target.value })}
        margin="dense"
        size="small"
        slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 10 } }}
      />
    </>
  );
}

/** The notice is made: its code, its warning, the PDF (Ctrl+P), and the receipt printer (Ctrl+S). */
function IssuedStep({
  issued,
  printerConfigured,
  onClose,
}: {
  issued: Issued;
  printerConfigured: boolean;
  onClose: () => void;
}) {
  const [thermal, setThermal] = useState<ThermalResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNoticeUpdates(issued.notice);

  async function printThermal() {
    setBusy(true);
    const reply = await call('notices.printThermal', { noticeId: issued.noticeId });
    setBusy(false);
    if (reply.ok) {
      setError(null);
      setThermal(reply.value);
    } else setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    const action = actionOfKey(event, true);
    if (action === 'reprint') {
      event.preventDefault();
      const href = documentUrl(issued.pdfPath);
      if (href) window.open(href, '_blank', 'noopener');
    } else if (action === 'thermal') {
      event.preventDefault();
      if (!busy) void printThermal();
    }
  }

  return (
    <Box onKeyDown={keys}>
      <DialogContent sx={{ pt: 0 }}>
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Avviso emesso.
        </Alert>
        <NoticeSummary notice={notice} pdfPath={issued.pdfPath} />
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {thermal && <ThermalNoticeResult result={thermal} printerConfigured={printerConfigured} />}
      </DialogContent>
      <ResultActions onClose={onClose}>
        <Button onClick={() => void printThermal()} disabled={busy}>
          Stampa su stampante ricevute ({keyOf('thermal')})
        </Button>
      </ResultActions>
    </Box>
  );
}
