import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import AppBar from '@mui/material/AppBar';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, OperationView, SessionInfo } from '../../shared/contract';
import { ROLE_LABELS } from '../../shared/domain';
import { isMinimised } from '../../shared/roles';
import { call } from '../api';
import { KeyHints, type KeyHint } from '../ui/KeyHints';
import { ProblemsView } from '../sync/ProblemsView';
import { TopupDialog } from '../topups/TopupDialog';
import { VoidDialog } from '../topups/VoidDialog';
import { IssueNoticeDialog } from '../notices/IssueNoticeDialog';
import { NoticesView, noticesHints } from '../notices/NoticesView';
import { AccountView, operationRowId } from '../accounts/AccountView';
import { DayView } from '../reports/DayView';
import { ReceiptsView } from '../receipts/ReceiptsView';
import { RESULTS_ID, ResultsList, resultOptionId } from '../accounts/ResultsList';
import { useSearch } from '../accounts/useSearch';
import { RegistrationScreen } from '../registration/RegistrationScreen';

type View = 'search' | 'receipts' | 'day' | 'problems' | 'notices' | 'registration';
type Modal = { kind: 'none' } | { kind: 'topup' } | { kind: 'void'; operation: OperationView } | { kind: 'notice' };
type AccountDetail = ChannelOutput<'accounts.get'>;

interface Props {
  session: SessionInfo;
  onLogout: () => void;
  /** True while something above (the unprinted receipts) owns the keyboard. */
  blocked: boolean;
  /** Something changed the sync counts (a refused operation put back in the queue). */
  onSyncChanged: () => void;
}

function anyDialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

export function MainScreen({ session, onLogout, blocked, onSyncChanged }: Props) {
  const [view, setView] = useState<View>('search');
  const [modal, setModal] = useState<Modal>({ kind: 'none' });
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [selectedOp, setSelectedOp] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useSearch();
  // pagoPA notices are issued and reprinted as A4 only at the front office (they carry the codice fiscale).
  const frontOffice = !isMinimised(session.operator.role, session.counter.kind);

  /** After every action the cursor goes back to the search field with its text selected: the next scan replaces it. */
  const focusSearch = useCallback(() => {
    const input = searchRef.current;
    if (!input) return;
    input.focus();
    input.select();
  }, []);

  const openAccount = useCallback(
    async (accountId: string) => {
      const reply = await call('accounts.get', { accountId });
      if (!reply.ok) {
        search.setError(reply.error.message);
        return;
      }
      setDetail(reply.value);
      setNotice(null);
      const firstVoidable = reply.value.operations.findIndex((op) => op.voidable && !op.voided);
      setSelectedOp(firstVoidable >= 0 ? firstVoidable : 0);
    },
    [search],
  );

  async function runSearch() {
    setNotice(null);
    const found = await search.run();
    if (found === null) {
      focusSearch();
      return;
    }
    setDetail(null);
    const only = found.items[0];
    // A code identifies one account: no need to pick it from a list of one.
    if (found.items.length === 1 && found.queryKind !== 'name' && only) await openAccount(only.accountId);
    focusSearch();
  }

  function searchKeys(event: KeyboardEvent) {
    switch (event.key) {
      case 'Enter': {
        event.preventDefault();
        const chosen = search.results[search.selected];
        if (detail === null && search.isCurrent() && chosen) {
          void openAccount(chosen.accountId).then(focusSearch);
        } else if (search.query.trim() !== '') {
          void runSearch();
        }
        break;
      }
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (detail) setSelectedOp((i) => Math.max(0, Math.min(detail.operations.length - 1, i + step)));
        else if (step > 0 && search.selected === search.results.length - 1 && search.nextPage !== null)
          void search.loadMore();
        else search.move(step);
        break;
      }
      case 'PageDown':
        if (detail === null && search.nextPage !== null) {
          event.preventDefault();
          void search.loadMore();
        }
        break;
      case 'Escape':
        event.preventDefault();
        setNotice(null);
        if (detail) setDetail(null);
        else search.clear();
        break;
      default:
        break;
    }
  }

  const reloadAccount = useCallback(async () => {
    if (detail) await openAccount(detail.account.accountId);
  }, [detail, openAccount]);

  // Keys that work from anywhere on the main screen (the F-keys the browser does not keep for itself).
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (blocked || modal.kind !== 'none' || anyDialogOpen()) return;
      if (event.ctrlKey && event.shiftKey && event.key.toUpperCase() === 'L') {
        event.preventDefault();
        onLogout();
        return;
      }
      // The registration form owns the keyboard (Esc leaves it, asking first when data was typed).
      if (view === 'registration') return;
      // Ctrl+Shift+D: "Da risolvere" (F7 and F10-F12 belong to the browser).
      if (event.ctrlKey && event.shiftKey && event.key.toUpperCase() === 'D') {
        event.preventDefault();
        if (session.operator.role === 'supervisore') {
          setView('problems');
        } else {
          setView('search');
          setNotice('Le operazioni da risolvere sono visibili solo a un supervisore.');
        }
        return;
      }
      switch (event.key) {
        case 'F2':
          event.preventDefault();
          if (view !== 'search') return;
          if (!detail) setNotice('Aprire prima un conto: cercare il codice Pa-Pay e premere Invio.');
          else if (session.settings.methodsToday.length === 0)
            setNotice('Oggi questo sportello non accetta ricariche.');
          else setModal({ kind: 'topup' });
          break;
        case 'F4': {
          event.preventDefault();
          if (view !== 'search' || !detail) return;
          const op = detail.operations[selectedOp];
          if (!op) setNotice('Nessuna operazione selezionata.');
          else if (op.voided) setNotice("L'operazione selezionata è già stornata.");
          else if (!op.voidable) setNotice("L'operazione selezionata non si può stornare da questo sportello oggi.");
          else setModal({ kind: 'void', operation: op });
          break;
        }
        case 'F6':
          event.preventDefault();
          if (view !== 'search') return;
          if (!frontOffice) setNotice('In farmacia gli avvisi pagoPA si cercano e si stampano da Avvisi (F3).');
          else if (!detail) setNotice("Aprire prima un conto: l'avviso pagoPA si emette per un conto.");
          else setModal({ kind: 'notice' });
          break;
        case 'F3':
          event.preventDefault();
          setView('notices');
          break;
        case 'F5':
          // F5 must not reload the page: it opens "nuova iscrizione" (front office only).
          event.preventDefault();
          if (!frontOffice) {
            setView('search');
            setNotice('Le iscrizioni si fanno allo sportello dei Servizi Educativi, non in farmacia.');
          } else {
            setView('registration');
          }
          break;
        case 'F8':
          event.preventDefault();
          setView('receipts');
          break;
        case 'F9':
          event.preventDefault();
          setView('day');
          break;
        default:
          break;
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    blocked,
    modal,
    view,
    detail,
    selectedOp,
    session.settings.methodsToday.length,
    session.operator.role,
    onLogout,
    frontOffice,
  ]);

  useEffect(() => {
    if (view === 'search' && modal.kind === 'none' && !blocked) focusSearch();
  }, [view, modal, blocked, focusSearch]);

  function closeModal(changed: boolean) {
    setModal({ kind: 'none' });
    if (changed) void reloadAccount();
  }

  const syncHints: KeyHint[] = [
    { keys: 'Ctrl+Maiusc+S', label: 'sincronizza' },
    ...(session.operator.role === 'supervisore' && view !== 'problems'
      ? [{ keys: 'Ctrl+Maiusc+D', label: 'da risolvere' }]
      : []),
  ];
  const hints: KeyHint[] =
    view === 'search'
      ? [
          { keys: 'Invio', label: 'cerca / apri' },
          { keys: '↑ ↓', label: detail ? 'scegli operazione' : 'scegli conto' },
          ...(detail
            ? [
                { keys: 'F2', label: 'ricarica' },
                { keys: 'F4', label: 'storna operazione' },
                ...(frontOffice ? [{ keys: 'F6', label: 'avviso pagoPA' }] : []),
              ]
            : []),
          { keys: 'Esc', label: detail ? 'chiudi conto' : 'svuota' },
          { keys: 'F3', label: 'avvisi pagoPA' },
          { keys: 'F8', label: 'ricevute' },
          { keys: 'F9', label: 'riepilogo del giorno' },
          ...(frontOffice ? [{ keys: 'F5', label: 'nuova iscrizione' }] : []),
          ...syncHints,
          { keys: 'Ctrl+Maiusc+L', label: 'esci' },
        ]
      : [
          ...(view === 'receipts'
            ? [
                { keys: '↑ ↓', label: 'scegli' },
                { keys: 'Invio', label: 'ristampa' },
              ]
            : []),
          ...(view === 'day' ? [{ keys: 'Invio', label: 'stampa riepilogo' }] : []),
          ...(view === 'notices' ? noticesHints(frontOffice) : []),
          ...(view === 'problems'
            ? [
                { keys: '↑ ↓', label: 'scegli' },
                { keys: 'Invio', label: 'rimetti in coda' },
              ]
            : []),
          { keys: 'Esc', label: 'torna alla ricerca' },
          { keys: view === 'receipts' ? 'F9' : 'F8', label: view === 'receipts' ? 'riepilogo del giorno' : 'ricevute' },
          ...syncHints,
          { keys: 'Ctrl+Maiusc+L', label: 'esci' },
        ];

  const activeDescendant =
    view === 'search' && detail === null && search.results.length > 0 ? resultOptionId(search.selected) : undefined;

  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography component="h1" sx={{ fontWeight: 700, flexGrow: 1 }}>
            Sportello · {session.counter.name}
          </Typography>
          <Typography variant="body2" data-testid="operator">
            {session.operator.name} ({ROLE_LABELS[session.operator.role]})
          </Typography>
          <Button color="inherit" variant="outlined" size="small" onClick={onLogout}>
            Esci (Ctrl+Maiusc+L)
          </Button>
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ flexGrow: 1, overflow: 'auto', px: 3, py: 2 }}>
        {view === 'search' && (
          <>
            <TextField
              label={
                session.counter.kind === 'farmacia'
                  ? 'Cerca: codice Pa-Pay'
                  : 'Cerca: codice Pa-Pay, codice fiscale o cognome e nome'
              }
              value={search.query}
              onChange={(e) => search.setQuery(e.target.value)}
              onKeyDown={searchKeys}
              inputRef={searchRef}
              fullWidth
              error={search.error !== null}
              helperText={search.error ?? ' '}
              slotProps={{
                htmlInput: {
                  role: 'combobox',
                  'aria-expanded': detail === null && search.results.length > 0,
                  'aria-controls': RESULTS_ID,
                  'aria-activedescendant': detail ? operationRowId(selectedOp) : activeDescendant,
                  autoComplete: 'off',
                  spellCheck: false,
                },
                formHelperText: { role: search.error ? 'alert' : undefined },
              }}
              sx={{ mb: 1, '& input': { fontSize: '1.3em' } }}
            />
            {notice && (
              <Alert severity="info" role="status" sx={{ mb: 1 }} onClose={() => setNotice(null)}>
                {notice}
              </Alert>
            )}
            {detail ? (
              <AccountView account={detail.account} operations={detail.operations} selected={selectedOp} />
            ) : (
              search.results.length > 0 && (
                <ResultsList
                  items={search.results}
                  selected={search.selected}
                  hasMore={search.nextPage !== null}
                  onLoadMore={() => void search.loadMore()}
                />
              )
            )}
          </>
        )}
        {view === 'receipts' && (
          <ReceiptsView printerConfigured={session.settings.printerConfigured} onBack={() => setView('search')} />
        )}
        {view === 'notices' && <NoticesView session={session} onBack={() => setView('search')} />}
        {view === 'problems' && <ProblemsView onBack={() => setView('search')} onRetried={onSyncChanged} />}
        {view === 'registration' && <RegistrationScreen onLeave={() => setView('search')} />}
        {view === 'day' && (
          <DayView printerConfigured={session.settings.printerConfigured} onBack={() => setView('search')} />
        )}
      </Box>
      {view !== 'registration' && <KeyHints hints={hints} />}
      {modal.kind === 'topup' && detail && (
        <TopupDialog account={detail.account} settings={session.settings} onClose={closeModal} />
      )}
      {modal.kind === 'notice' && detail && (
        <IssueNoticeDialog
          account={detail.account}
          printerConfigured={session.settings.printerConfigured}
          onClose={closeModal}
        />
      )}
      {modal.kind === 'void' && (
        <VoidDialog
          operation={modal.operation}
          printerConfigured={session.settings.printerConfigured}
          onClose={closeModal}
        />
      )}
    </Box>
  );
}
