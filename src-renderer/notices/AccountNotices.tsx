import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AccountItem, NoticeView } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { call } from '../api';
import { palette } from '../theme';
import { NoticeStateChip } from './NoticeStateChip';
import { NavText, dueText } from './NoticeSummary';

/** At most this many lines: the operations below stay on screen; F3 shows them all. */
const SHOWN = 3;

/**
 * The pagoPA notices of the open account, newest first, one line each: the operator sees at once
 * that a notice is already out before issuing another. Nothing is shown when there are none.
 */
export function AccountNotices({ account }: { account: AccountItem }) {
  const [notices, setNotices] = useState<NoticeView[]>([]);
  const [error, setError] = useState<string | null>(null);

  // A new account object (opened again after a top-up or a notice) asks again.
  useEffect(() => {
    let current = true;
    void (async () => {
      const reply = await call('notices.find', { query: account.papayCode });
      if (!current) return;
      if (reply.ok) {
        setError(null);
        setNotices(
          reply.value.items
            .filter((n) => n.accountId === account.accountId)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        );
      } else {
        setNotices([]);
        setError(reply.error.message);
      }
    })();
    return () => {
      current = false;
    };
  }, [account]);

  if (error) {
    return (
      <Typography variant="body2" sx={{ color: palette.textSecondary, mb: 1 }}>
        Avvisi pagoPA non consultabili: {error}
      </Typography>
    );
  }
  if (notices.length === 0) return null;
  return (
    <Box component="section" aria-label="Avvisi pagoPA del conto" sx={{ mb: 2 }}>
      <Typography component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        Avvisi pagoPA
        {notices.length > SHOWN && (
          <Typography component="span" variant="body2" sx={{ color: palette.textSecondary, ml: 1 }}>
            ultimi {SHOWN} di {notices.length}: F3 per vederli tutti
          </Typography>
        )}
      </Typography>
      {notices.slice(0, SHOWN).map((n) => (
        <Box
          key={n.noticeId}
          data-testid="account-notice"
          sx={{
            display: 'grid',
            gridTemplateColumns: '14em 8em 9em auto',
            gap: 2,
            alignItems: 'center',
            bgcolor: 'background.paper',
            px: 2,
            py: 0.5,
            borderBottom: `1px solid ${palette.divider}`,
          }}
        >
          <NavText nav={n.nav} />
          <Typography sx={{ fontWeight: 600, textAlign: 'right' }}>{formatEuro(n.amountCents)}</Typography>
          <Typography variant="body2">{dueText(n.dueDate)}</Typography>
          <Box>
            <NoticeStateChip state={n.state} cancelRequested={n.cancelRequested} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}
