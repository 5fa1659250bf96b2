import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { StatementView } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatLocalDate } from '../../shared/time';

const strong = { '& td': { fontWeight: 700 } };

/** The movements of the period between the opening and the closing balance, with the running balance. */
export function StatementTable({ statement: s }: { statement: StatementView }) {
  return (
    // Scrolls inside the dialog so the dialog fits 1366x768; focusable so the keyboard can scroll it.
    <Box tabIndex={0} role="region" aria-label="Movimenti del periodo" sx={{ maxHeight: 300, overflow: 'auto' }}>
      <Table size="small" stickyHeader aria-label="Estratto conto">
        <TableHead>
          <TableRow>
            <TableCell>Giorno</TableCell>
            <TableCell>Movimento</TableCell>
            <TableCell align="right">Importo</TableCell>
            <TableCell align="right">Saldo</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow sx={strong}>
            <TableCell>{formatLocalDate(s.from)}</TableCell>
            <TableCell>Saldo iniziale</TableCell>
            <TableCell />
            <TableCell align="right" data-testid="statement-opening">
              {formatEuro(s.openingCents)}
            </TableCell>
          </TableRow>
          {s.lines.map((l) => (
            <TableRow key={l.id} data-testid="statement-line">
              <TableCell>{formatLocalDate(l.day)}</TableCell>
              <TableCell>{l.description}</TableCell>
              <TableCell align="right">{formatEuro(l.amountCents)}</TableCell>
              <TableCell align="right">{formatEuro(l.balanceCents)}</TableCell>
            </TableRow>
          ))}
          <TableRow sx={strong}>
            <TableCell>{formatLocalDate(s.to)}</TableCell>
            <TableCell>Saldo finale</TableCell>
            <TableCell />
            <TableCell align="right" data-testid="statement-closing">
              {formatEuro(s.closingCents)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}
