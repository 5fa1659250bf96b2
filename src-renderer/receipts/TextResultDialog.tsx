import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { PrintStatus, type PrintOutcome } from './PrintStatus';
import { ReceiptBox } from './ReceiptBox';

interface Props {
  title: string;
  text: string;
  outcome: PrintOutcome;
  printerConfigured: boolean;
  textLabel?: string;
  onClose: () => void;
}

/** Shows a printed text (reprint, day summary) and whether the paper came out. */
export function TextResultDialog({ title, text, outcome, printerConfigured, textLabel, onClose }: Props) {
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="text-result-title" disableRestoreFocus>
      <DialogTitle id="text-result-title">{title}</DialogTitle>
      <DialogContent>
        <ReceiptBox text={text} {...(textLabel ? { label: textLabel } : {})} />
        <Box sx={{ mt: 2 }}>
          <PrintStatus outcome={outcome} printerConfigured={printerConfigured} />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" autoFocus onClick={onClose}>
          Chiudi (Invio)
        </Button>
      </DialogActions>
    </Dialog>
  );
}
