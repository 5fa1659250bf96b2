import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { ChannelOutput } from '../../shared/contract';
import { ReceiptBox } from '../receipts/ReceiptBox';
import { keyOf } from './noticeKeys';

export type ThermalResult = ChannelOutput<'notices.printThermal'>;

/** The notice as the receipt printer got it, and whether the paper came out. */
export function ThermalNoticeResult({
  result,
  printerConfigured,
}: {
  result: ThermalResult;
  printerConfigured: boolean;
}) {
  return (
    <Box sx={{ mt: 2 }}>
      <ReceiptBox text={result.text} label="Testo dell'avviso per la stampante ricevute" />
      <Box sx={{ mt: 1 }}>
        {!result.printed ? (
          <Alert severity="error" role="alert">
            Stampa non riuscita{result.printError ? `: ${result.printError}` : '.'} Controllare la stampante e riprovare
            ({keyOf('thermal')}).
          </Alert>
        ) : !printerConfigured ? (
          <Alert severity="info" role="status">
            Nessuna stampante configurata: il testo è salvato su file nella cartella dei dati ed è mostrato qui.
          </Alert>
        ) : (
          <Alert severity="success" role="status">
            Avviso stampato sulla stampante ricevute.
          </Alert>
        )}
      </Box>
    </Box>
  );
}
