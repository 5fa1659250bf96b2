import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { palette } from '../theme';
import { Balance } from './Balance';

/** One account as a line of the results or as the header of the open account. */
export function AccountCard({ account, headingLevel }: { account: AccountItem; headingLevel?: 'h2' }) {
  const { child } = account;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 2fr) minmax(0, 3fr)',
        gap: 2,
        alignItems: 'center',
      }}
    >
      <Box>
        <Typography
          component={headingLevel ?? 'div'}
          sx={{ fontWeight: 700, fontSize: headingLevel ? '1.4em' : '1.05em' }}
        >
          {child.firstName} {child.surname}
        </Typography>
        <Typography variant="body2" sx={{ color: palette.textSecondary }}>
          {child.school}
        </Typography>
      </Box>
      <Box>
        <Typography sx={{ fontWeight: 600 }}>{SERVICE_LABELS[account.service]}</Typography>
        <Typography variant="body2" sx={{ color: palette.textSecondary }}>
          Codice Pa-Pay <span data-testid="papay-code">{account.papayCode}</span>
        </Typography>
      </Box>
      <Balance
        balanceCents={account.balanceCents}
        balanceAsOf={account.balanceAsOf}
        pendingCents={account.pendingCents}
      />
    </Box>
  );
}
