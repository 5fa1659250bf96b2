import type { KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { NoticeView } from '../../shared/contract';
import { NoticeSummary } from './NoticeSummary';

export type NoticeAction = 'reprint' | 'thermal' | 'cancel';

/** The letter of each action, the same in the list and in the detail. */
export const ACTION_KEYS: Record<NoticeAction, string> = { reprint: 'R', thermal: 'S', cancel: 'A' };

/** Which action a key press asks for, if the operator may do it here. */
export function actionOfKey(event: KeyboardEvent, frontOffice: boolean): NoticeAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key.toUpperCase()) {
    case ACTION_KEYS.reprint:
      return frontOffice ? 'reprint' : null;
    case ACTION_KEYS.thermal:
      return 'thermal';
    case ACTION_KEYS.cancel:
      return frontOffice ? 'cancel' : null;
    default:
      return null;
  }
}

interface Props {
  notice: NoticeView;
  frontOffice: boolean;
  onAction: (action: NoticeAction) => void;
  onClose: () => void;
}

/** Invio on a notice of the list: all of it, and its actions by the same letters. */
export function NoticeDetailDialog({ notice, frontOffice, onAction, onClose }: Props) {
  function keys(event: KeyboardEvent) {
    const action = actionOfKey(event, frontOffice);
    if (action) {
      event.preventDefault();
      onAction(action);
    }
  }
  return (
    <Dialog
      open
      onClose={onClose}
      onKeyDown={keys}
      maxWidth="md"
      fullWidth
      aria-labelledby="notice-detail-title"
      disableRestoreFocus
    >
      <DialogTitle id="notice-detail-title">Avviso di pagamento</DialogTitle>
      <DialogContent sx={{ pt: 0 }}>
        <NoticeSummary notice={notice} />
      </DialogContent>
      <DialogActions>
        {frontOffice && <Button onClick={() => onAction('reprint')}>Ristampa PDF (R)</Button>}
        <Button onClick={() => onAction('thermal')}>Stampa su stampante ricevute (S)</Button>
        {frontOffice && (
          <Button color="error" onClick={() => onAction('cancel')}>
            Annulla avviso (A)
          </Button>
        )}
        <Button variant="contained" autoFocus onClick={onClose}>
          Chiudi (Invio)
        </Button>
      </DialogActions>
    </Dialog>
  );
}
