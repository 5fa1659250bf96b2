import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { z } from 'zod';
import type { AccountPeriod } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatLocalDate } from '../../shared/time';

type Period = z.infer<typeof AccountPeriod>;

const pad = (n: number) => String(n).padStart(6, '0');

/** Month by month: riscosso (gross, voided, net), dovuto, versato, saldo, receipt numbers. */
export function AccountSummary({ title, periods, counter }: { title: string; periods: Period[]; counter: string }) {
  return (
    <>
      <Typography component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      <Table size="small" aria-label="Riscossioni e versamenti" sx={{ bgcolor: 'background.paper', mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>Periodo</TableCell>
            <TableCell>Ricevute</TableCell>
            <TableCell align="right">Lordo</TableCell>
            <TableCell align="right">Stornato</TableCell>
            <TableCell align="right">Netto</TableCell>
            <TableCell align="right">Riportato</TableCell>
            <TableCell align="right">Dovuto</TableCell>
            <TableCell align="right">Versato</TableCell>
            <TableCell align="right">Da versare</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {periods.map((p) => (
            <TableRow key={p.from}>
              <TableCell>
                {formatLocalDate(p.from)} – {formatLocalDate(p.to)}
              </TableCell>
              <TableCell>
                {p.receipts.ranges.map((r) => `${counter}/${r.year}/${pad(r.from)}–${pad(r.to)}`).join(', ') || '—'}
              </TableCell>
              <TableCell align="right">{formatEuro(p.collected.grossCents)}</TableCell>
              <TableCell align="right">{formatEuro(p.collected.voidedCents)}</TableCell>
              <TableCell align="right">{formatEuro(p.collected.netCents)}</TableCell>
              <TableCell align="right">{formatEuro(p.openingCents)}</TableCell>
              <TableCell align="right">{formatEuro(p.owedCents)}</TableCell>
              <TableCell align="right">{formatEuro(p.remittedCents)}</TableCell>
              <TableCell align="right" data-testid="closing">
                {formatEuro(p.closingCents)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
