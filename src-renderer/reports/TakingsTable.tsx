import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { z } from 'zod';
import type { Takings } from '../../shared/contract';
import { formatEuro } from '../../shared/money';

export interface TakingsRow {
  key: string;
  label: string;
  takings: z.infer<typeof Takings>;
}

interface Props {
  label: string;
  /** The first column's heading ("Metodo", "Servizio", …). */
  heading: string;
  rows: TakingsRow[];
  total: z.infer<typeof Takings>;
  totalTestId?: string;
}

/** A section of a report: top-ups, voids in their own columns, net; the total row closes it. */
export function TakingsTable({ label, heading, rows, total, totalTestId }: Props) {
  return (
    <Table size="small" aria-label={label} sx={{ bgcolor: 'background.paper', mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{heading}</TableCell>
          <TableCell align="right">Ricariche</TableCell>
          <TableCell align="right">Lordo</TableCell>
          <TableCell align="right">Storni</TableCell>
          <TableCell align="right">Importo stornato</TableCell>
          <TableCell align="right">Netto</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Cells key={row.key} label={row.label} takings={row.takings} />
        ))}
        <Cells label="Totale" takings={total} bold testId={totalTestId} />
      </TableBody>
    </Table>
  );
}

function Cells({
  label,
  takings: t,
  bold = false,
  testId,
}: {
  label: string;
  takings: z.infer<typeof Takings>;
  bold?: boolean;
  testId?: string | undefined;
}) {
  const sx = bold ? { fontWeight: 700 } : {};
  return (
    <TableRow>
      <TableCell sx={sx}>{label}</TableCell>
      <TableCell align="right">{t.count}</TableCell>
      <TableCell align="right">{formatEuro(t.grossCents)}</TableCell>
      <TableCell align="right">{t.voidCount}</TableCell>
      <TableCell align="right">{formatEuro(t.voidedCents)}</TableCell>
      <TableCell align="right" sx={sx} data-testid={testId}>
        {formatEuro(t.netCents)}
      </TableCell>
    </TableRow>
  );
}
