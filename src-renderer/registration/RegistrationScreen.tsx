import { useCallback, useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, RegistrationOptions } from '../../shared/contract';
import { call } from '../api';
import { KeyHelpDialog } from '../ui/KeyHelpDialog';
import { KeyHints } from '../ui/KeyHints';
import { FormPages, moveToPage } from './FormPages';
import { REGISTRATION_KEYS, registrationKeyOf } from './registrationKeys';
import { DialogShell } from '../ui/DialogShell';
import { CONFIRM_KEYS, hintsOf, isConfirmKey, runSomeKeys } from '../ui/keymap';
import { ChildSection, MAX_ENROLMENTS } from './ChildSection';
import { ConsentSection } from './ConsentSection';
import { ParentSection } from './ParentSection';
import { RecapSection } from './RecapSection';
import { RegistrationResult } from './RegistrationResult';
import {
  emptyChild,
  emptyDraft,
  emptyEnrolment,
  fieldId,
  hasTypedData,
  toSaveInput,
  type ChildDraft,
  type RegistrationDraft,
} from './draft';
import { enterAdvancesFrom, focusField, focusNextField } from './focus';
import { consentFor } from '../../shared/registration/consent';

const MAX_CHILDREN = 10;

type Saved = ChannelOutput<'registration.save'>;
type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'form'; options: RegistrationOptions }
  | { kind: 'done'; options: RegistrationOptions; saved: Saved };

interface Props {
  /** Back to the search screen. */
  onLeave: () => void;
}

/**
 * "Nuova iscrizione" (F5): a family registered at the front office by keyboard and scanner. One
 * scrollable form in the order the parent answers: adulto di riferimento, consent, children, their
 * services; Invio moves on, Ctrl+Invio registers, Esc leaves (asking first when data was typed).
 */
export function RegistrationScreen({ onLeave }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [help, setHelp] = useState(false);
  // Bumped for every new registration: the form (and its lookups) starts afresh.
  const [formKey, setFormKey] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void (async () => {
      const reply = await call('registration.options', {});
      if (!reply.ok) {
        setPhase({ kind: 'unavailable', message: reply.error.message });
        return;
      }
      setDraft(emptyDraft(reply.value.schoolYear));
      setPhase({ kind: 'form', options: reply.value });
    })();
  }, []);

  const changeChild = useCallback((key: string, patch: Partial<ChildDraft>) => {
    setDraft((d) => ({ ...d, children: d.children.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  }, []);

  function addChild(options: RegistrationOptions) {
    if (draft.children.length >= MAX_CHILDREN) return;
    const child = emptyChild(options.schoolYear);
    setDraft((d) => ({ ...d, children: [...d.children, child] }));
    // The new section exists after this render: its codice fiscale takes the cursor, ready for the scanner.
    window.setTimeout(() => focusField(fieldId.child(child.key, 'cf')), 0);
  }

  /** Alt+S: one more service for the child whose section has the cursor (the last child otherwise). */
  function addEnrolment(options: RegistrationOptions) {
    const section = document.activeElement?.closest<HTMLElement>('[data-child-key]');
    const key = section?.dataset['childKey'] ?? draft.children[draft.children.length - 1]?.key;
    const child = draft.children.find((c) => c.key === key);
    if (!child || child.enrolments.length >= MAX_ENROLMENTS) return;
    const enrolment = emptyEnrolment(options.schoolYear);
    changeChild(child.key, { enrolments: [...child.enrolments, enrolment] });
    window.setTimeout(() => focusField(fieldId.enrolment(enrolment.key, 'service')), 0);
  }

  function showError(message: string) {
    setError(message);
    window.setTimeout(() => errorRef.current?.scrollIntoView({ block: 'nearest' }), 0);
  }

  async function save(options: RegistrationOptions) {
    if (busy) return;
    const checked = toSaveInput(draft, options);
    if (!checked.ok) {
      setError(checked.message);
      focusField(checked.fieldId);
      return;
    }
    setBusy(true);
    const reply = await call('registration.save', checked.input);
    setBusy(false);
    if (!reply.ok) {
      showError(reply.error.message);
      return;
    }
    setError(null);
    setPhase({ kind: 'done', options, saved: reply.value });
  }

  function newRegistration(options: RegistrationOptions) {
    setDraft(emptyDraft(options.schoolYear));
    setError(null);
    setFormKey((k) => k + 1);
    setPhase({ kind: 'form', options });
  }

  function leave() {
    if (phase.kind === 'form' && hasTypedData(draft)) setConfirmLeave(true);
    else onLeave();
  }

  // The screen's own keys; the main screen leaves the keyboard to it while it is open.
  const onWindowKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    // Handled already (a list closed by Esc, an option taken by Invio).
    const handled = event.defaultPrevented;
    // F5 would reload the page and lose what was typed.
    if (event.key === 'F5') event.preventDefault();
    if (confirmLeave || help || handled) return;
    if (phase.kind !== 'form' && phase.kind !== 'done') {
      if (event.key === 'Escape') {
        event.preventDefault();
        leave();
      }
      return;
    }
    const options = phase.options;
    runSomeKeys(REGISTRATION_KEYS, event, phase.kind, {
      help: () => setHelp(true),
      page: () => moveToPage(event.key === 'PageUp' ? -1 : 1),
      leave: () => leave(),
      save: () => void save(options),
      addChild: () => addChild(options),
      addService: () => addEnrolment(options),
      newRegistration: () => newRegistration(options),
    });
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onWindowKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function formKeys(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.defaultPrevented) return;
    if (!enterAdvancesFrom(event.target)) return;
    event.preventDefault();
    focusNextField(event.target);
  }

  const hints = hintsOf(REGISTRATION_KEYS, phase.kind === 'done' ? 'done' : 'form');

  const heading = (
    <Typography component="h2" variant="h6" sx={{ mb: 1, mr: 2, fontWeight: 700 }}>
      Nuova iscrizione ai servizi scolastici
    </Typography>
  );
  const errorBox = (
    <div ref={errorRef}>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }} data-testid="registration-error">
          {error}
        </Alert>
      )}
    </div>
  );
  const form = phase.kind === 'form' ? phase : null;
  const pages = form && [
    {
      key: 'parent',
      title: 'Adulto di riferimento',
      content: (
        <ParentSection
          parent={draft.parent}
          onChange={(patch) => setDraft((d) => ({ ...d, parent: { ...d.parent, ...patch } }))}
        />
      ),
    },
    {
      key: 'consent',
      title: 'Consenso',
      content: (
        <ConsentSection
          text={consentFor(
            form.options.consentText,
            draft.parent.sex === 'M' || draft.parent.sex === 'F' ? draft.parent.sex : null,
          )}
          consent={draft.consent}
          onChange={(consent) => setDraft((d) => ({ ...d, consent }))}
        />
      ),
    },
    ...draft.children.map((child, index) => ({
      key: child.key,
      title: `Figlio ${index + 1}`,
      content: (
        <ChildSection
          draft={draft}
          index={index}
          options={form.options}
          onChange={(patch) => changeChild(child.key, patch)}
          onRemove={
            draft.children.length > 1
              ? () => setDraft((d) => ({ ...d, children: d.children.filter((c) => c.key !== child.key) }))
              : null
          }
        />
      ),
    })),
    {
      key: 'recap',
      title: 'Riepilogo',
      content: (
        <>
          <RecapSection draft={draft} />
          <Box sx={{ display: 'flex', gap: 2 }}>
            <Button onClick={() => addChild(form.options)}>Aggiungi figlio ({registrationKeyOf('addChild')})</Button>
            <Button variant="contained" disabled={busy} onClick={() => void save(form.options)}>
              {busy ? 'Registrazione in corso...' : 'Registra iscrizione (Ctrl+Invio)'}
            </Button>
          </Box>
        </>
      ),
    },
  ];

  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Box
        sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: form ? 'hidden' : 'auto' }}
      >
        {!form && heading}
        {!form && errorBox}
        {phase.kind === 'loading' && <CircularProgress aria-label="Caricamento" />}
        {phase.kind === 'unavailable' && (
          <Alert severity="error" role="alert">
            {phase.message}
          </Alert>
        )}
        {pages && (
          <Box
            component="form"
            key={formKey}
            aria-label="Nuova iscrizione"
            noValidate
            onKeyDown={formKeys}
            onSubmit={(e) => e.preventDefault()}
            sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}
          >
            <FormPages heading={heading} pages={pages}>
              {errorBox}
            </FormPages>
          </Box>
        )}
        {phase.kind === 'done' && (
          <RegistrationResult registration={phase.saved.registration} pdfPath={phase.saved.summaryPdfPath} />
        )}
      </Box>
      <KeyHints hints={hints} />
      {help && <KeyHelpDialog hints={hints} onClose={() => setHelp(false)} />}
      {confirmLeave && (
        <DialogShell
          titleId="reg-leave-title"
          title="Uscire senza registrare?"
          onClose={() => setConfirmLeave(false)}
          fullWidth={false}
          restoreFocus
          onKeyDown={(event) => {
            if (!isConfirmKey(event)) return;
            event.preventDefault();
            onLeave();
          }}
        >
          <DialogContent>
            <Typography>
              I dati inseriti andranno persi. {CONFIRM_KEYS} per uscire, Esc o Invio per tornare al modulo.
            </Typography>
          </DialogContent>
          <DialogActions>
            {/* The harmless choice has the focus: a code read by the scanner ends with an Invio. */}
            <Button autoFocus onClick={() => setConfirmLeave(false)}>
              Torna al modulo (Esc)
            </Button>
            <Button variant="contained" color="error" onClick={onLeave}>
              Esci senza registrare ({CONFIRM_KEYS})
            </Button>
          </DialogActions>
        </DialogShell>
      )}
    </Box>
  );
}
