import type { KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import DialogContent from '@mui/material/DialogContent';
import type { NoticeView } from '../../shared/contract';
import { NoticeSummary } from './NoticeSummary';
import { actionOfKey, keyOf, type NoticeAction } from './noticeKeys';
import { DialogShell, ResultActions } from '../ui/DialogShell';

interface Props {
  notice: NoticeView;
  frontOffice: boolean;
  onAction: (action: NoticeAction) => void;
  onClose: () => void;
}

/** Invio on a notice of the list: all of it, and its actions by the same keys as in the list. */
export function NoticeDetailDialog({ notice, frontOffice, onAction, onClose }: Props) {
  function keys(event: KeyboardEvent) {
    const action = actionOfKey(event, frontOffice);
    if (action) {
      event.preventDefault();
      onAction(action);
    }
  }
  return (
    <DialogShell titleId="notice-detail-title" title="Avviso di pagamento" onClose={onClose} onKeyDown={keys}>
      <DialogContent sx={{ pt: 0 }}>
        <NoticeSummary notice={notice} />
      </DialogContent>
      <ResultActions onClose={onClose}>
        {frontOffice && <Button onClick={() => onAction('reprint')}>Ristampa PDF ({keyOf('reprint')})</Button>}
        <Button onClick={() => onAction('thermal')}>Stampa su stampante ricevute ({keyOf('thermal')})</Button>
        {frontOffice && (
          <Button color="error" onClick={() => onAction('cancel')}>
            Annulla avviso ({keyOf('cancel')})
          </Button>
        )}
      </ResultActions>
    </DialogShell>
  );
}
