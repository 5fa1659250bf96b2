import Box from '@mui/material/Box';
import { palette } from '../theme';

/** The receipt as the printer gets it: 48 monospace columns, so what the operator sees is what prints. */
export function ReceiptBox({ text, label = 'Testo della ricevuta' }: { text: string; label?: string }) {
  return (
    <Box
      component="pre"
      role="document"
      aria-label={label}
      data-testid="receipt-text"
      sx={{
        fontFamily: '"DejaVu Sans Mono", Consolas, "Courier New", monospace',
        fontSize: '0.85rem',
        lineHeight: 1.35,
        bgcolor: palette.paper,
        border: `1px solid ${palette.border}`,
        p: 1.5,
        m: 0,
        maxHeight: '45vh',
        overflow: 'auto',
        whiteSpace: 'pre',
        width: 'fit-content',
        maxWidth: '100%',
      }}
    >
      {text}
    </Box>
  );
}
