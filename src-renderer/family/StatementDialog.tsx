import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountItem, ChannelOutput, StatementView } from '../../shared/contract';
import type { Reply } from '../../shared/errors';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { dataAsOfText } from '../../shared/statement/statement';
import { call } from '../api';
import { italianDate, readItalianDate } from '../dates';
import { documentUrl } from '../documentUrl';
import { PrintStatus, type PrintOutcome } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { DialogShell, FormError } from '../ui/DialogShell';
import { KeyHints } from '../ui/KeyHints';
import { hintsOf, runSomeKeys } from '../ui/keymap';
import { STATEMENT_KEYS, type StatementKeyContext } from './familyKeys';
import { StatementTable } from './StatementTable';

interface Props {
  account: AccountItem;
  frontOffice: boolean;
  printerConfigured: boolean;
  onClose: () => void;
}

type Printed = PrintOutcome & { text: string };

/**
 * The estratto conto of the open account: at the front office the period (default: the school year so
 * far) on screen, as an A4 PDF and the last movements on the receipt printer; at a pharmacy only the
 * last movements, minimised.
 */
export function StatementDialog({ account, frontOffice, printerConfigured, onClose }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statement, setStatement] = useState<StatementView | null>(null);
  const [pdfPath, setPdfPath] = useState<string | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const context: StatementKeyContext = { frontOffice, loaded: statement !== null };

  function show(reply: Reply<ChannelOutput<'statements.account'>>) {
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setStatement(reply.value.statement);
    setFrom(italianDate(reply.value.statement.from));
    setTo(italianDate(reply.value.statement.to));
    setPdfPath(reply.value.pdfPath);
  }

  async function load(pdf: boolean) {
    const f = readItalianDate(from);
    const t = readItalianDate(to);
    if (!f.ok) return setError(f.message);
    if (!t.ok) return setError(t.message);
    setBusy(true);
    const reply = await call('statements.account', {
      accountId: account.accountId,
      ...(f.date ? { from: f.date } : {}),
      ...(t.date ? { to: t.date } : {}),
      ...(pdf ? { pdf: true } : {}),
    });
    setBusy(false);
    show(reply);
  }

  async function printShort() {
    setBusy(true);
    const reply = await call('statements.printShort', { accountId: account.accountId });
    setBusy(false);
    if (reply.ok) setPrinted(reply.value);
    else setError(reply.error.message);
  }

  // The school year so far, when the dialog opens at the front office; later loads follow the operator's keys.
  useEffect(() => {
    if (!frontOffice) return;
    let live = true;
    void call('statements.account', { accountId: account.accountId }).then((reply) => {
      if (live) show(reply);
    });
    return () => {
      live = false;
    };
  }, [account.accountId, frontOffice]);

  function keys(event: KeyboardEvent) {
    if (busy) return;
    runSomeKeys(STATEMENT_KEYS, event, context, {
      pdf: () => void load(true),
      printShort: () => void printShort(),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) void load(false);
  }

  const href = pdfPath ? documentUrl(pdfPath) : null;
  const child = `${account.child.firstName} ${account.child.surname}`;
  return (
    <DialogShell titleId="statement-title" title={`Estratto conto - ${child}`} onClose={onClose} onKeyDown={keys}>
      <DialogContent sx={{ pb: 1 }}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {SERVICE_LABELS[account.service]} - codice Pa-Pay {account.papayCode}
          {statement && ` - ${dataAsOfText(statement.dataAsOf)}`}
        </Typography>
        {frontOffice ? (
          <Box
            component="form"
            aria-label="Periodo dell'estratto conto"
            onSubmit={submit}
            sx={{ display: 'flex', gap: 2 }}
          >
            <TextField
              label="Dal"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              autoFocus
              size="small"
              placeholder="gg/mm/aaaa"
              slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 10 } }}
            />
            <TextField
              label="Al"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              size="small"
              placeholder="gg/mm/aaaa"
              slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 10 } }}
            />
            <Button type="submit" variant="outlined" disabled={busy}>
              Mostra (Invio)
            </Button>
          </Box>
        ) : (
          <Alert severity="info">
            In farmacia si stampano gli ultimi movimenti sulla stampante delle ricevute; l'estratto conto completo si
            chiede allo sportello dei Servizi Educativi.
          </Alert>
        )}
        <FormError message={error} />
        {statement && (
          <Box sx={{ mt: 1 }}>
            <StatementTable statement={statement} />
            <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="statement-totals">
              Pasti addebitati: {statement.totals.meals} ({formatEuro(statement.totals.mealsCents)}) - pagamenti e
              ricariche: {formatEuro(statement.totals.paidCents)} - storni: {formatEuro(statement.totals.voidsCents)}
            </Typography>
          </Box>
        )}
        {pdfPath && (
          <Alert severity="success" role="status" sx={{ mt: 1 }}>
            Estratto conto salvato in PDF.{' '}
            {href && (
              <a href={href} target="_blank" rel="noreferrer">
                Apri il PDF dell'estratto conto
              </a>
            )}
          </Alert>
        )}
        {printed && (
          <Box sx={{ mt: 1 }}>
            <PrintStatus outcome={printed} printerConfigured={printerConfigured} />
            {!frontOffice && <ReceiptBox text={printed.text} label="Ultimi movimenti stampati" />}
          </Box>
        )}
      </DialogContent>
      <KeyHints hints={hintsOf(STATEMENT_KEYS, context)} />
      <DialogActions>
        {frontOffice && (
          <Button onClick={() => void load(true)} disabled={busy || statement === null}>
            PDF A4 (Alt+D)
          </Button>
        )}
        <Button onClick={() => void printShort()} disabled={busy}>
          Ultimi movimenti (Alt+U)
        </Button>
        <Button variant="contained" onClick={onClose}>
          Chiudi (Esc)
        </Button>
      </DialogActions>
    </DialogShell>
  );
}
