import Box from '@mui/material/Box';
import DialogContent from '@mui/material/DialogContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { palette } from '../theme';
import { DialogShell, ResultActions } from './DialogShell';
import type { KeyHint } from './keymap';

/** F1: every key of the screen in use, from the same key map that drives it and its hint bar. */
export function KeyHelpDialog({ hints, onClose }: { hints: readonly KeyHint[]; onClose: () => void }) {
  return (
    <DialogShell titleId="key-help-title" title="Tasti di questa schermata" onClose={onClose} size="sm" restoreFocus>
      <DialogContent sx={{ pt: 0 }}>
        <Table size="small" aria-label="Tasti e loro funzione">
          <TableBody>
            {hints.map((hint) => (
              <TableRow key={hint.keys}>
                <TableCell sx={{ width: '12em', whiteSpace: 'nowrap' }}>
                  <Box
                    component="kbd"
                    sx={{
                      fontFamily: 'inherit',
                      fontWeight: 700,
                      border: `1px solid ${palette.textSecondary}`,
                      borderRadius: 1,
                      px: 0.75,
                    }}
                  >
                    {hint.keys}
                  </Box>
                </TableCell>
                <TableCell>{hint.label}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <ResultActions onClose={onClose} />
    </DialogShell>
  );
}
