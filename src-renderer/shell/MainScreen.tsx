import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '../../shared/contract';
import { ROLE_LABELS } from '../../shared/domain';
import { isMinimised } from '../../shared/roles';
import { SearchPanel } from '../accounts/SearchPanel';
import { useAccountSearch } from '../accounts/useAccountSearch';
import { KeyHelpDialog } from '../ui/KeyHelpDialog';
import { KeyHints } from '../ui/KeyHints';
import { isTyping, resolveKey, takesText, type KeyEvent } from '../ui/keymap';
import { applyRefusal, mainActions, type ScreenAction } from './mainActions';
import { MAIN_KEYS, type KeyTarget, type MainKeyContext, type Refusal, type View } from './mainKeys';
import { ModalRouter, type Modal } from './ModalRouter';
import { screenHints } from './screenHints';
import { ViewRouter } from './ViewRouter';
import { TILL_IDLE, type TillKeyContext } from '../till/tillKeys';
import type { BatchKeyContext } from '../family/familyKeys';

interface Props {
  session: SessionInfo;
  onLogout: () => void;
  /** True while something above (the unprinted receipts) owns the keyboard. */
  blocked: boolean;
  /** Something changed the sync counts (a refused operation put back in the queue). */
  onSyncChanged: () => void;
}

const WINDOW_KEYS = MAIN_KEYS.filter((binding) => binding.target === 'window');
const FIELD_KEYS = MAIN_KEYS.filter((binding) => binding.target === 'field');

function anyDialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

/** The working screen: the bar with the operator, the view on screen, its dialogs and the keys that drive them. */
export function MainScreen({ session, onLogout, blocked, onSyncChanged }: Props) {
  const [view, setView] = useState<View>('search');
  const [modal, setModal] = useState<Modal>({ kind: 'none' });
  const [help, setHelp] = useState(false);
  /** An account key (F2, F4, F6) pressed while the scanner's search was still opening the account. */
  const [queued, setQueued] = useState<{ action: ScreenAction; press: KeyEvent } | null>(null);
  const [tillKeys, setTillKeys] = useState<TillKeyContext>(TILL_IDLE);
  const [batchKeys, setBatchKeys] = useState<BatchKeyContext>({ running: false });
  const pharmacy = session.counter.kind === 'farmacia';
  const accounts = useAccountSearch(pharmacy);
  const { detail, focusField } = accounts;
  // pagoPA notices are issued and reprinted as A4 only at the front office (they carry the codice fiscale).
  const frontOffice = !isMinimised(session.operator.role, session.counter.kind);

  const context: MainKeyContext = {
    view,
    account: detail !== null,
    family: accounts.familyLevel,
    moreResults: accounts.search.nextPage !== null,
    frontOffice,
    supervisor: session.operator.role === 'supervisore',
  };
  const deps = {
    setView: (next: View) => {
      if (next !== 'search') accounts.leave();
      setView(next);
    },
    say: accounts.setNotice,
    operation: accounts.selectedOperation,
    canTopUpToday: session.settings.methodsToday.length > 0,
    openTopup: () => setModal({ kind: 'topup' }),
    openVoid: (operation: NonNullable<typeof accounts.selectedOperation>) => setModal({ kind: 'void', operation }),
    openNotice: () => setModal({ kind: 'notice' }),
    openStatement: () => setModal({ kind: 'statement' }),
    openAttestation: () => setModal({ kind: 'attestation' }),
    openSplitPayment: () => setModal({ kind: 'splitPayment' }),
    openHelp: () => setHelp(true),
    search: accounts,
    logout: onLogout,
  };
  const actions = mainActions(deps);

  function press(target: KeyTarget, event: KeyEvent) {
    const outcome = resolveKey(target === 'field' ? FIELD_KEYS : WINDOW_KEYS, event, context);
    if (outcome.kind === 'none') return;
    event.preventDefault();
    if (outcome.kind === 'refuse') refuseOrWait(event, outcome.refusal);
    else if (outcome.action !== 'syncNow') actions[outcome.action](event);
  }

  /**
   * A key refused for want of an open account while the search the scanner's Invio started is still
   * opening one: it waits for that account instead of being lost, and is refused only if none opens.
   */
  function refuseOrWait(event: KeyEvent, refusal: Refusal) {
    const opening = accounts.opening();
    const once = opening && !context.account ? resolveKey(WINDOW_KEYS, event, { ...context, account: true }) : null;
    if (!opening || once?.kind !== 'act' || once.action === 'syncNow') {
      applyRefusal(deps, refusal);
      return;
    }
    const action = once.action;
    void opening.then((opened) => {
      if (opened) setQueued({ action, press: event });
      else applyRefusal(deps, refusal);
    });
  }

  // The queued key acts once, when its account is on screen.
  const ranQueued = useRef<KeyEvent | null>(null);
  const runQueued = useEffectEvent(() => {
    if (!queued || !detail || ranQueued.current === queued.press) return;
    ranQueued.current = queued.press;
    actions[queued.action](queued.press);
  });
  useEffect(() => runQueued(), [queued, detail]);

  /**
   * A character typed where no field takes it (a list, a button, the day summary) is the start of a
   * code, most often read by the scanner: the search field, emptied, takes the focus before the
   * browser puts the character in, and the rest of the code and its Invio follow it there.
   */
  function typeToSearch() {
    flushSync(() => {
      setView('search');
      accounts.search.setQuery('');
    });
    accounts.fieldRef.current?.focus();
  }

  // The keys that work from anywhere on the main screen, while no dialog has the keyboard.
  const onWindowKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (blocked || modal.kind !== 'none' || anyDialogOpen()) return;
    if (isTyping(event) && view !== 'registration' && !takesText(document.activeElement)) {
      typeToSearch();
      return;
    }
    press('window', event);
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onWindowKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  useEffect(() => {
    if (view === 'search' && modal.kind === 'none' && !help && !blocked) focusField();
  }, [view, modal, help, blocked, focusField]);

  function closeModal(changed: boolean) {
    setModal({ kind: 'none' });
    if (changed) void accounts.reload();
  }

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
        <ViewRouter
          view={view}
          session={session}
          search={
            <SearchPanel
              state={accounts}
              pharmacy={pharmacy}
              onKeyDown={(event: KeyboardEvent) => press('field', event)}
            />
          }
          onBack={() => deps.setView('search')}
          onTillKeys={setTillKeys}
          onBatchKeys={setBatchKeys}
          onSyncChanged={onSyncChanged}
        />
      </Box>
      {view !== 'registration' && <KeyHints hints={screenHints(context, tillKeys, batchKeys)} />}
      {help && <KeyHelpDialog hints={screenHints(context, tillKeys, batchKeys)} onClose={() => setHelp(false)} />}
      <ModalRouter
        modal={modal}
        account={detail?.account ?? null}
        settings={session.settings}
        frontOffice={frontOffice}
        onClose={closeModal}
      />
    </Box>
  );
}
