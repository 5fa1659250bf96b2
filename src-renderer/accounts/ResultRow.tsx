import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate } from '../../shared/time';
import { palette } from '../theme';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * One account as a line of the results, dense enough for a dozen lines at 1366x768: who (surname
 * first, as the list is ordered), born when and whose child (front office only: a pharmacy never
 * receives them), the school, the service and its code, the balance.
 */
export function ResultRow({ account }: { account: AccountItem }) {
  const { child } = account;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns:
          'minmax(0, 2.2fr) minmax(0, 1.1fr) minmax(0, 2.2fr) minmax(0, 2.4fr) minmax(0, 2.2fr) minmax(0, 1.2fr)',
        columnGap: 1.5,
        alignItems: 'baseline',
      }}
    >
      <Typography sx={{ ...ellipsis, fontWeight: 700 }}>
        {child.surname} {child.firstName}
      </Typography>
      <Typography variant="body2" sx={ellipsis}>
        {child.birthDate ? `nato/a ${formatLocalDate(child.birthDate)}` : ''}
      </Typography>
      <Typography variant="body2" sx={ellipsis} title={child.parent?.name}>
        {child.parent ? `adulto: ${child.parent.name}` : ''}
      </Typography>
      <Typography variant="body2" sx={{ ...ellipsis, color: palette.textSecondary }} title={child.school}>
        {child.school}
      </Typography>
      <Typography variant="body2" sx={ellipsis}>
        {SERVICE_LABELS[account.service]} <span data-testid="papay-code">{account.papayCode}</span>
      </Typography>
      <Typography
        sx={{ fontWeight: 700, textAlign: 'right', color: account.balanceCents < 0 ? palette.danger : palette.text }}
      >
        {formatEuro(account.balanceCents)}
      </Typography>
    </Box>
  );
}
