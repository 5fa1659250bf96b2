import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { palette } from '../theme';

/** Who and which account, as the header of the open account (the balance stands beside it). */
export function AccountCard({ account }: { account: AccountItem }) {
  const { child } = account;
  return (
    <Box>
      <Typography component="h2" sx={{ fontWeight: 700, fontSize: '1.4em' }}>
        {child.firstName} {child.surname}
      </Typography>
      <Typography variant="body2" sx={{ color: palette.textSecondary }}>
        {child.school}
      </Typography>
      <Typography sx={{ fontWeight: 600, mt: 0.5 }}>
        {SERVICE_LABELS[account.service]} · codice Pa-Pay <span data-testid="papay-code">{account.papayCode}</span>
      </Typography>
    </Box>
  );
}
