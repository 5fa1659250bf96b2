import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import TableCell from '@mui/material/TableCell';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { NoticeView, SessionInfo } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { isMinimised } from '../../shared/roles';
import { call } from '../api';
import { SelectableTable } from '../ui/SelectableTable';
import { arrowStep, isTyping, runKey, runSomeKeys } from '../ui/keymap';
import { palette } from '../theme';
import { CancelNoticeDialog } from './CancelNoticeDialog';
import { NoticeDetailDialog } from './NoticeDetailDialog';
import { NOTICES_KEYS, type NoticeAction } from './noticeKeys';
import { NoticeStateChip } from './NoticeStateChip';
import { NavText, dueText } from './NoticeSummary';
import { ReprintedDialog } from './ReprintedDialog';
import { ThermalNoticeResult, type ThermalResult } from './ThermalNoticeResult';
import { DialogShell, ResultActions } from '../ui/DialogShell';

type Modal =
  | { kind: 'none' }
  | { kind: 'detail'; notice: NoticeView }
  | { kind: 'cancel'; notice: NoticeView }
  | { kind: 'reprinted'; nav: string; pdfPath: string }
  | { kind: 'thermal'; result: ThermalResult };

interface Props {
  session: SessionInfo;
  onBack: () => void;
}

/** F3: notices found by codice avviso, Pa-Pay code or (front office) codice fiscale, with their actions. */
export function NoticesView({ session, onBack }: Props) {
  const frontOffice = !isMinimised(session.operator.role, session.counter.kind);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<NoticeView[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** A refused action (reprint, print) is not the search's fault: it shows apart, over the list. */
  const [actionError, setActionError] = useState<string | null>(null);
  const [modal, setModal] = useState<Modal>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [lastQuery, setLastQuery] = useState('');

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  // Results (new or refreshed) and a closed dialog hand the keyboard to the list.
  useEffect(() => {
    if (modal.kind === 'none' && items !== null && items.length > 0) tableRef.current?.focus();
  }, [modal.kind, items]);

  function focusSearch() {
    searchRef.current?.focus();
    searchRef.current?.select();
  }

  async function find(text: string, keepSelection: boolean) {
    setBusy(true);
    const reply = await call('notices.find', { query: text });
    setBusy(false);
    if (!reply.ok) {
      setItems(null);
      setError(reply.error.message);
      focusSearch();
      return;
    }
    setLastQuery(text);
    setError(null);
    setActionError(null);
    setItems(reply.value.items);
    setSelected((s) => (keepSelection ? Math.min(s, Math.max(0, reply.value.items.length - 1)) : 0));
    if (reply.value.items.length === 0) focusSearch();
  }

  async function act(action: NoticeAction, notice: NoticeView) {
    setActionError(null);
    switch (action) {
      case 'cancel':
        setModal({ kind: 'cancel', notice });
        return;
      case 'reprint': {
        setModal({ kind: 'none' });
        const reply = await call('notices.reprint', { noticeId: notice.noticeId });
        if (reply.ok) setModal({ kind: 'reprinted', nav: notice.nav, pdfPath: reply.value.pdfPath });
        else setActionError(reply.error.message);
        return;
      }
      case 'thermal': {
        setModal({ kind: 'none' });
        const reply = await call('notices.printThermal', { noticeId: notice.noticeId });
        if (reply.ok) setModal({ kind: 'thermal', result: reply.value });
        else setActionError(reply.error.message);
        return;
      }
      default: {
        const never: never = action;
        return never;
      }
    }
  }

  function closeModal(changed: boolean) {
    setModal({ kind: 'none' });
    if (changed && lastQuery !== '') void find(lastQuery, true);
  }

  // In the search field the letters are typed: only Invio, ↓ (to the list) and Esc (back) are keys.
  function searchKeys(event: KeyboardEvent) {
    runSomeKeys(
      NOTICES_KEYS,
      event,
      { frontOffice },
      {
        enter: () => {
          if (query.trim() === '') setError('Scrivere un codice avviso, un codice Pa-Pay o un codice fiscale.');
          else if (!busy) void find(query.trim(), false);
        },
        move: (press) => {
          if (arrowStep(press) < 0 || !items || items.length === 0) return false;
          tableRef.current?.focus();
          return true;
        },
        back: onBack,
      },
    );
  }

  /**
   * A character typed on the list starts a new search: the field is emptied and takes the focus
   * before the browser puts the character in, so the rest of a scanned code follows it there.
   */
  function typeIntoSearch() {
    flushSync(() => setQuery(''));
    searchRef.current?.focus();
  }

  // In the list ↑ from the first notice goes back to the search field; Esc back to the main search.
  function tableKeys(event: KeyboardEvent) {
    const notice = items?.[selected];
    if (!items || !notice) return;
    if (isTyping(event)) {
      typeIntoSearch();
      return;
    }
    const onNotice = (action: NoticeAction) => () => void act(action, notice);
    runKey(
      NOTICES_KEYS,
      event,
      { frontOffice },
      {
        move: (press) => {
          if (arrowStep(press) > 0) setSelected((s) => Math.min(s + 1, items.length - 1));
          else if (selected === 0) focusSearch();
          else setSelected((s) => s - 1);
        },
        enter: () => setModal({ kind: 'detail', notice }),
        back: onBack,
        reprint: onNotice('reprint'),
        thermal: onNotice('thermal'),
        cancel: onNotice('cancel'),
      },
    );
  }

  return (
    <Box component="section" aria-label="Avvisi pagoPA">
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Avvisi pagoPA
      </Typography>
      <TextField
        label={
          frontOffice
            ? 'Cerca avviso: codice avviso, codice Pa-Pay o codice fiscale'
            : 'Cerca avviso: codice avviso o codice Pa-Pay'
        }
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={searchKeys}
        inputRef={searchRef}
        fullWidth
        error={error !== null}
        helperText={error ?? 'Il codice avviso si può scrivere con o senza spazi.'}
        slotProps={{
          htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 100 },
          formHelperText: { role: error ? 'alert' : undefined },
        }}
        sx={{ mb: 1, '& input': { fontSize: '1.2em' } }}
      />
      {actionError && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      {items !== null && items.length === 0 && (
        <Alert severity="info" role="status">
          Nessun avviso trovato per «{lastQuery}».
        </Alert>
      )}
      {items !== null && items.length > 0 && (
        <SelectableTable
          tableRef={tableRef}
          label="Avvisi trovati: frecce per scegliere, Invio per il dettaglio"
          items={items}
          selected={selected}
          rowKey={(n) => n.noticeId}
          rowTestId="notice-row"
          onKeyDown={tableKeys}
          head={
            <>
              <TableCell>Codice avviso</TableCell>
              <TableCell>Bambino/a</TableCell>
              <TableCell>Oggetto</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Scadenza</TableCell>
              <TableCell>Stato</TableCell>
            </>
          }
          cells={(n) => (
            <>
              <TableCell>
                <NavText nav={n.nav} />
                {n.payments.length > 1 && (
                  <Typography variant="body2" sx={{ color: palette.textSecondary }}>
                    {n.payments.length} rate
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {n.childLabel}
                <Typography variant="body2" sx={{ color: palette.textSecondary }}>
                  {SERVICE_LABELS[n.service]}
                </Typography>
              </TableCell>
              <TableCell sx={{ maxWidth: 280 }}>{n.subject}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {formatEuro(n.amountCents)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{dueText(n.dueDate)}</TableCell>
              <TableCell sx={{ maxWidth: 300 }}>
                <NoticeStateChip state={n.state} cancelRequested={n.cancelRequested} />
                {n.warning && (
                  <Typography variant="body2" sx={{ color: palette.warning, fontWeight: 600, mt: 0.5 }}>
                    {n.warning}
                  </Typography>
                )}
              </TableCell>
            </>
          )}
        />
      )}
      {modal.kind === 'detail' && (
        <NoticeDetailDialog
          notice={modal.notice}
          frontOffice={frontOffice}
          onAction={(action) => void act(action, modal.notice)}
          onClose={() => closeModal(false)}
        />
      )}
      {modal.kind === 'cancel' && <CancelNoticeDialog notice={modal.notice} onClose={closeModal} />}
      {modal.kind === 'reprinted' && (
        <ReprintedDialog nav={modal.nav} pdfPath={modal.pdfPath} onClose={() => closeModal(false)} />
      )}
      {modal.kind === 'thermal' && (
        <DialogShell
          titleId="notice-thermal-title"
          title="Avviso sulla stampante ricevute"
          onClose={() => closeModal(false)}
        >
          <DialogContent sx={{ pt: 0 }}>
            <ThermalNoticeResult result={modal.result} printerConfigured={session.settings.printerConfigured} />
          </DialogContent>
          <ResultActions onClose={() => closeModal(false)} />
        </DialogShell>
      )}
    </Box>
  );
}
