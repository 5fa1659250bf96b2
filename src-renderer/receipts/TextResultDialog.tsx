import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import { PrintStatus, type PrintOutcome } from './PrintStatus';
import { ReceiptBox } from './ReceiptBox';
import { DialogShell, ResultActions } from '../ui/DialogShell';

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
    <DialogShell titleId="text-result-title" title={title} onClose={onClose}>
      <DialogContent>
        <ReceiptBox text={text} {...(textLabel ? { label: textLabel } : {})} />
        <Box sx={{ mt: 2 }}>
          <PrintStatus outcome={outcome} printerConfigured={printerConfigured} />
        </Box>
      </DialogContent>
      <ResultActions onClose={onClose} />
    </DialogShell>
  );
}
