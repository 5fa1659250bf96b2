import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { palette } from '../theme';
import { balanceChangeText, pendingText, type BalanceChange } from './balanceText';

interface Props {
  balanceCents: number;
  balanceAsOf: string | null;
  pendingCents: number;
  /** What the top-up or void just made did to it, shown where the eye already is. */
  change: BalanceChange | null;
}

/**
 * The balance, the largest thing on the account: the projected balance, the central service's own
 * balance with its time, and the part made of this counter's operations not yet counted there, in
 * words, so the operator can say to a parent why the portal shows a different number.
 */
export function Balance({ balanceCents, balanceAsOf, pendingCents, change }: Props) {
  const pending = pendingText(pendingCents);
  return (
    <Box role="group" aria-label="Saldo" sx={{ textAlign: 'right' }}>
      <Typography component="div" variant="body2" sx={{ fontWeight: 600 }}>
        Saldo
      </Typography>
      <Typography
        component="div"
        data-testid="balance"
        sx={{
          fontWeight: 700,
          fontSize: '2.6em',
          lineHeight: 1.1,
          color: balanceCents < 0 ? palette.danger : palette.text,
        }}
      >
        {formatEuro(balanceCents)}
      </Typography>
      {change && (
        <Typography
          component="div"
          role="status"
          data-testid="balance-change"
          sx={{ fontWeight: 700, fontSize: '1.25em', color: change.deltaCents < 0 ? palette.danger : palette.success }}
        >
          {balanceChangeText(change)}
        </Typography>
      )}
      <Typography component="div" variant="body2" data-testid="central-balance">
        {balanceAsOf
          ? `saldo del servizio centrale al ${formatRomeDateTime(balanceAsOf)}: ${formatEuro(balanceCents - pendingCents)}`
          : 'saldo del servizio centrale non ancora ricevuto'}
      </Typography>
      {pending && (
        <Typography component="div" variant="body2" sx={{ color: palette.warning }}>
          {pending}
        </Typography>
      )}
    </Box>
  );
}
