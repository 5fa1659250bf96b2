import Box from '@mui/material/Box';
import { focusRing, palette } from '../theme';

/**
 * The receipt as the printer gets it: 48 monospace columns, so what the operator sees is what prints.
 * A long one scrolls: Tab reaches it and the arrows scroll it (WCAG 2.1.1).
 */
export function ReceiptBox({ text, label = 'Testo della ricevuta' }: { text: string; label?: string }) {
  return (
    <Box
      component="pre"
      role="document"
      aria-label={label}
      data-testid="receipt-text"
      tabIndex={0}
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
        '&:focus-visible': { outline: focusRing },
      }}
    >
      {text}
    </Box>
  );
}
