import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { CONFIRM_KEYS, isConfirmKey, takesText } from './keymap';

interface ShellProps {
  /** The id of the title, which names the dialog for screen readers. */
  titleId: string;
  title: ReactNode;
  /** Esc (and a click outside). */
  onClose: () => void;
  size?: 'sm' | 'md';
  /** False for a short question that keeps its natural width. */
  fullWidth?: boolean;
  /**
   * Whether closing puts the cursor back where it was. Most dialogs end with the screen moving the
   * focus itself (back to the search field), so they leave it off; a question asked over a form wants it.
   */
  restoreFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent) => void;
  children: ReactNode;
}

/** The frame every dialog of the counter shares: a title that names it, Esc to close, the width. */
export function DialogShell({
  titleId,
  title,
  onClose,
  size = 'md',
  fullWidth = true,
  restoreFocus = false,
  onKeyDown,
  children,
}: ShellProps) {
  return (
    <Dialog
      open
      onClose={onClose}
      {...(onKeyDown ? { onKeyDown } : {})}
      {...(fullWidth ? { maxWidth: size, fullWidth: true } : {})}
      aria-labelledby={titleId}
      disableRestoreFocus={!restoreFocus}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {children}
    </Dialog>
  );
}

/**
 * "Chiudi (Invio)": the last step of a dialog. It takes the cursor as it appears, unless the
 * dialog moves it there itself (buttonRef) because the step replaced the element that had it.
 */
export function CloseButton({ onClose, buttonRef }: { onClose: () => void; buttonRef?: Ref<HTMLButtonElement> }) {
  return (
    <Button variant="contained" {...(buttonRef ? { ref: buttonRef } : { autoFocus: true })} onClick={onClose}>
      Chiudi (Invio)
    </Button>
  );
}

/** A dialog that only shows a result: its content and "Chiudi (Invio)". */
export function ResultActions({ onClose, children }: { onClose: () => void; children?: ReactNode }) {
  return (
    <DialogActions>
      {children}
      <CloseButton onClose={onClose} />
    </DialogActions>
  );
}

/** The refusal of a form, where the operator looks after pressing Invio. */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mt: 1 }}>
      {message}
    </Alert>
  );
}

interface FormProps {
  /** What the form is for, for screen readers. */
  label: string;
  onSubmit: (event: FormEvent) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  error: string | null;
  busy: boolean;
  /** The words of the submit button, without the key: "(Invio)" is added. */
  submitLabel: string;
  /**
   * A submit that takes money back or cancels something: red, and confirmed only by Ctrl+Invio.
   * Invio moves to the next field, and on the last one says which key confirms: the Invio a barcode
   * scanner sends after a code read into the reason must not void or cancel anything.
   */
  danger?: boolean;
  onCancel: () => void;
  /** The words of the leaving button, without the key: "Annulla" unless that word means the action. */
  cancelLabel?: string;
  children: ReactNode;
}

/** What Invio alone says where it does not confirm. */
export const CONFIRM_HINT = `Invio da solo non conferma (lo manda anche il lettore di codici): per confermare premere ${CONFIRM_KEYS}.`;

/** The next text field of the form after this one, if any. */
function nextTextField(form: HTMLFormElement, from: Element): HTMLElement | null {
  const fields = Array.from(form.querySelectorAll<HTMLElement>('input, textarea, select')).filter(
    (el) => takesText(el) && !(el as HTMLInputElement).disabled,
  );
  const index = fields.indexOf(from as HTMLElement);
  return index >= 0 ? (fields[index + 1] ?? null) : null;
}

/**
 * The form step of a dialog: Invio submits (Ctrl+Invio for a danger), "Annulla (Esc)" leaves, the
 * refusal shows under the fields.
 */
export function DialogForm({
  label,
  onSubmit,
  onKeyDown,
  error,
  busy,
  submitLabel,
  danger = false,
  onCancel,
  cancelLabel = 'Annulla',
  children,
}: FormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [hint, setHint] = useState(false);

  function keys(event: KeyboardEvent) {
    onKeyDown?.(event);
    if (!danger || event.defaultPrevented || event.key !== 'Enter') return;
    const form = formRef.current;
    if (!form) return;
    if (isConfirmKey(event)) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    // Invio on "Annulla" still leaves; anywhere else it never submits.
    if (event.target instanceof HTMLButtonElement && event.target.type !== 'submit') return;
    event.preventDefault();
    const next = nextTextField(form, event.target as Element);
    if (next) next.focus();
    else setHint(true);
  }

  return (
    <Box component="form" ref={formRef} onSubmit={onSubmit} onKeyDown={keys} noValidate aria-label={label}>
      <DialogContent sx={{ pt: 0 }}>
        {children}
        <FormError message={error ?? (hint ? CONFIRM_HINT : null)} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{cancelLabel} (Esc)</Button>
        <Button type="submit" variant="contained" {...(danger ? { color: 'error' as const } : {})} disabled={busy}>
          {submitLabel} ({danger ? CONFIRM_KEYS : 'Invio'})
        </Button>
      </DialogActions>
    </Box>
  );
}
