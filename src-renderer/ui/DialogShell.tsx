import type { FormEvent, KeyboardEvent, ReactNode, Ref } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';

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
  /** A submit that takes money back or cancels something is red. */
  danger?: boolean;
  onCancel: () => void;
  children: ReactNode;
}

/** The form step of a dialog: Invio submits, "Annulla (Esc)" leaves, the refusal shows under the fields. */
export function DialogForm({
  label,
  onSubmit,
  onKeyDown,
  error,
  busy,
  submitLabel,
  danger,
  onCancel,
  children,
}: FormProps) {
  return (
    <Box component="form" onSubmit={onSubmit} {...(onKeyDown ? { onKeyDown } : {})} noValidate aria-label={label}>
      <DialogContent sx={{ pt: 0 }}>
        {children}
        <FormError message={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Annulla (Esc)</Button>
        <Button type="submit" variant="contained" {...(danger ? { color: 'error' as const } : {})} disabled={busy}>
          {submitLabel} (Invio)
        </Button>
      </DialogActions>
    </Box>
  );
}
