import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { palette } from '../theme';

interface Props {
  balanceCents: number;
  balanceAsOf: string | null;
  pendingCents: number;
}

/**
 * The projected balance, with the date of the last balance from the central service and the part
 * made of this counter's operations not yet counted there: the operator must be able to say to a
 * parent why the portal shows a different number.
 */
export function Balance({ balanceCents, balanceAsOf, pendingCents }: Props) {
  return (
    <Box>
      <Typography
        component="span"
        data-testid="balance"
        sx={{ fontWeight: 700, fontSize: '1.15em', color: balanceCents < 0 ? palette.danger : palette.text }}
      >
        {formatEuro(balanceCents)}
      </Typography>
      <Typography component="span" variant="body2" sx={{ color: palette.textSecondary, ml: 1 }}>
        {balanceAsOf ? `saldo al ${formatRomeDateTime(balanceAsOf)}` : 'saldo centrale non ancora ricevuto'}
      </Typography>
      {pendingCents !== 0 && (
        <Typography component="div" variant="body2" sx={{ color: palette.warning }}>
          di cui {formatEuro(pendingCents)} registrati qui e non ancora contati dal servizio centrale
        </Typography>
      )}
    </Box>
  );
}
