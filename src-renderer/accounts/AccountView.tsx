import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { AccountItem, OperationView } from '../../shared/contract';
import { AccountCard } from './AccountCard';
import { Balance } from './Balance';
import type { BalanceChange } from './balanceText';
import { ChildDetails } from './ChildDetails';
import { OperationsTable } from './OperationsTable';
import { AccountNotices } from '../notices/AccountNotices';
import { palette } from '../theme';

export { operationRowId } from './OperationsTable';

interface Props {
  account: AccountItem;
  operations: OperationView[];
  selected: number;
  /** What the operation just made did to the balance. */
  change: BalanceChange | null;
}

/** The open account: the balance first and largest, who it belongs to beside it, then its operations. */
export function AccountView({ account, operations, selected, change }: Props) {
  return (
    <Box component="section" aria-label="Conto aperto">
      <Paper
        sx={{
          p: 2,
          mb: 2,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Box>
          <AccountCard account={account} />
          <ChildDetails child={account.child} />
        </Box>
        <Balance
          balanceCents={account.balanceCents}
          balanceAsOf={account.balanceAsOf}
          pendingCents={account.pendingCents}
          change={change}
        />
      </Paper>
      <AccountNotices account={account} />
      <Typography component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        Operazioni
      </Typography>
      {operations.length === 0 ? (
        <Typography sx={{ color: palette.textSecondary }}>Nessuna operazione su questo conto.</Typography>
      ) : (
        <OperationsTable operations={operations} selected={selected} />
      )}
    </Box>
  );
}
