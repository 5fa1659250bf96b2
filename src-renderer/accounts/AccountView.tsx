import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AccountItem, OperationView } from '../../shared/contract';
import { LEDGER_KIND_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { AccountCard } from './AccountCard';
import { ChildDetails } from './ChildDetails';
import { AccountNotices } from '../notices/AccountNotices';
import { palette } from '../theme';

export const operationRowId = (index: number) => `operation-${index}`;

interface Props {
  account: AccountItem;
  operations: OperationView[];
  selected: number;
}

export function AccountView({ account, operations, selected }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    tableRef.current?.querySelector(`#${operationRowId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Box component="section" aria-label="Conto aperto">
      <Paper sx={{ p: 2, mb: 2 }}>
        <AccountCard account={account} headingLevel="h2" />
        <ChildDetails child={account.child} />
      </Paper>
      <AccountNotices account={account} />
      <Typography component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        Operazioni
      </Typography>
      {operations.length === 0 ? (
        <Typography sx={{ color: palette.textSecondary }}>Nessuna operazione su questo conto.</Typography>
      ) : (
        <Table size="small" ref={tableRef} aria-label="Operazioni del conto" sx={{ bgcolor: 'background.paper' }}>
          <TableHead>
            <TableRow>
              <TableCell>Operazione</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Data</TableCell>
              <TableCell>Ricevuta</TableCell>
              <TableCell>Stato</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {operations.map((op, index) => (
              <TableRow
                key={op.operationId}
                id={operationRowId(index)}
                aria-selected={index === selected}
                selected={index === selected}
                data-testid="operation-row"
              >
                <TableCell>{LEDGER_KIND_LABELS[op.kind]}</TableCell>
                <TableCell
                  align="right"
                  sx={{ color: op.amountCents < 0 ? palette.danger : palette.text, fontWeight: 600 }}
                >
                  {formatEuro(op.amountCents)}
                </TableCell>
                <TableCell>{formatRomeDateTime(op.createdAt)}</TableCell>
                <TableCell>{op.receiptNo ?? '—'}</TableCell>
                <TableCell>
                  {op.voided && <Chip size="small" color="error" variant="outlined" label="stornata" />}
                  {!op.voided && op.voidable && index === selected && (
                    <Typography component="span" variant="body2" sx={{ color: palette.textSecondary }}>
                      F4 per stornare
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
