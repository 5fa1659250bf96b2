import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { palette } from '../theme';

/** Under the title of a dialog about one account: which account, and its balance now. */
export function AccountLine({ account }: { account: AccountItem }) {
  return (
    <Typography variant="body2" sx={{ color: palette.textSecondary, mb: 1 }}>
      Codice Pa-Pay {account.papayCode} · saldo attuale {formatEuro(account.balanceCents)}
    </Typography>
  );
}
