import type { KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { NavText, PdfLink } from './NoticeSummary';
import { documentUrl } from '../documentUrl';

interface Props {
  nav: string;
  pdfPath: string;
  onClose: () => void;
}

/** The A4 notice was written again: where it is, and P (or the link) opens it for printing. */
export function ReprintedDialog({ nav, pdfPath, onClose }: Props) {
  function keys(event: KeyboardEvent) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.key.toUpperCase() !== 'P') return;
    event.preventDefault();
    const href = documentUrl(pdfPath);
    if (href) window.open(href, '_blank', 'noopener');
  }
  return (
    <Dialog
      open
      onClose={onClose}
      onKeyDown={keys}
      maxWidth="sm"
      fullWidth
      aria-labelledby="notice-reprint-title"
      disableRestoreFocus
    >
      <DialogTitle id="notice-reprint-title">Ristampa avviso</DialogTitle>
      <DialogContent sx={{ pt: 0 }}>
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          PDF dell&apos;avviso pronto: aprirlo e stamparlo su A4.
        </Alert>
        <Typography>
          Codice avviso <NavText nav={nav} />
        </Typography>
        <PdfLink pdfPath={pdfPath} />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" autoFocus onClick={onClose}>
          Chiudi (Invio)
        </Button>
      </DialogActions>
    </Dialog>
  );
}
