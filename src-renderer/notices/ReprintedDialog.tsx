import type { KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import DialogContent from '@mui/material/DialogContent';
import Typography from '@mui/material/Typography';
import { NavText, PdfLink } from './NoticeSummary';
import { documentUrl } from '../documentUrl';
import { DialogShell, ResultActions } from '../ui/DialogShell';
import { actionOfKey } from './noticeKeys';

interface Props {
  nav: string;
  pdfPath: string;
  onClose: () => void;
}

/** The A4 notice was written again: Ctrl+P (the key that wrote it, or the link) opens it for printing. */
export function ReprintedDialog({ nav, pdfPath, onClose }: Props) {
  function keys(event: KeyboardEvent) {
    if (actionOfKey(event, true) !== 'reprint') return;
    event.preventDefault();
    const href = documentUrl(pdfPath);
    if (href) window.open(href, '_blank', 'noopener');
  }
  return (
    <DialogShell titleId="notice-reprint-title" title="Ristampa avviso" onClose={onClose} onKeyDown={keys} size="sm">
      <DialogContent sx={{ pt: 0 }}>
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          PDF dell&apos;avviso pronto: aprirlo e stamparlo su A4.
        </Alert>
        <Typography>
          Codice avviso <NavText nav={nav} />
        </Typography>
        <PdfLink pdfPath={pdfPath} />
      </DialogContent>
      <ResultActions onClose={onClose} />
    </DialogShell>
  );
}
