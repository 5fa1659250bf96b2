import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import type { ChannelOutput } from '../../shared/contract';
import { documentUrl } from '../documentUrl';
import { PrintStatus } from '../receipts/PrintStatus';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { ResultActions } from '../ui/DialogShell';

interface Props {
  closed: ChannelOutput<'till.close'>;
  printerConfigured: boolean;
  onClose: () => void;
}

/** The Z report as printed, whether the paper came out, and its A4 PDF. */
export function ClosedResult({ closed, printerConfigured, onClose }: Props) {
  const href = closed.pdfPath ? documentUrl(closed.pdfPath) : null;
  return (
    <>
      <DialogContent>
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          Cassa chiusa: chiusura n. <strong data-testid="z-no">{closed.zNo}</strong>
          {closed.rectifies ? ` (rettifica della ${closed.rectifies})` : ''}.{' '}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer">
              Apri il PDF della chiusura
            </a>
          ) : (
            'Il PDF non è stato scritto: il testo resta registrato.'
          )}
        </Alert>
        <ReceiptBox text={closed.text} label="Testo della chiusura (rapporto Z)" />
        <Box sx={{ mt: 1 }}>
          <PrintStatus outcome={closed} printerConfigured={printerConfigured} />
        </Box>
      </DialogContent>
      <ResultActions onClose={onClose} />
    </>
  );
}
