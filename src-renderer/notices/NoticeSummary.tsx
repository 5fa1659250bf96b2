import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { NoticeView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { palette } from '../theme';
import { NoticeStateChip } from './NoticeStateChip';
import { documentUrl } from '../documentUrl';
import { keyOf } from './noticeKeys';

const MONO = '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace';

/** "31/01/2027" or "senza scadenza", as the notice itself says it. */
export function dueText(dueDate: string | null): string {
  return dueDate === null ? 'senza scadenza' : formatLocalDate(dueDate);
}

/** The codice avviso as the family reads it on paper: groups of four, in a monospace font. */
export function NavText({ nav, large }: { nav: string; large?: boolean }) {
  return (
    <Box
      component="span"
      data-testid="notice-nav"
      sx={{ fontFamily: MONO, fontWeight: 700, fontSize: large ? '1.6em' : '1em', whiteSpace: 'nowrap' }}
    >
      {formatNavGroups(nav)}
    </Box>
  );
}

/** The link that opens a saved PDF in a new tab (browser host); plain text when it cannot be served. */
export function PdfLink({ pdfPath }: { pdfPath: string }) {
  const href = documentUrl(pdfPath);
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2" sx={{ color: palette.textSecondary }}>
        PDF salvato in <span data-testid="notice-pdf-path">{pdfPath}</span>
      </Typography>
      {href && (
        <Link href={href} target="_blank" rel="noopener" data-testid="notice-pdf-link" sx={{ fontWeight: 600 }}>
          Apri il PDF dell&apos;avviso ({keyOf('reprint')})
        </Link>
      )}
    </Box>
  );
}

interface Props {
  notice: NoticeView;
  pdfPath?: string | null;
}

/** Everything the operator says to the family about one notice, with its warning first. */
export function NoticeSummary({ notice, pdfPath }: Props) {
  const instalments = notice.payments.filter((p) => p.installment !== null);
  return (
    <Box aria-label="Avviso di pagamento" component="section">
      {notice.warning && (
        <Alert severity="warning" role="alert" data-testid="notice-warning" sx={{ mb: 2, fontSize: '1.05em' }}>
          {notice.warning}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}>
        <Typography sx={{ color: palette.textSecondary }}>Codice avviso</Typography>
        <Box>
          <NavText nav={notice.nav} large />
        </Box>
        <Typography sx={{ color: palette.textSecondary }}>Importo</Typography>
        <Typography sx={{ fontWeight: 700, fontSize: '1.3em' }} data-testid="notice-amount">
          {formatEuro(notice.amountCents)}
        </Typography>
        <Typography sx={{ color: palette.textSecondary }}>Scadenza</Typography>
        <Typography data-testid="notice-due">{dueText(notice.dueDate)}</Typography>
        <Typography sx={{ color: palette.textSecondary }}>Stato</Typography>
        <Box>
          <NoticeStateChip state={notice.state} cancelRequested={notice.cancelRequested} />
          {notice.paidAt && (
            <Typography component="span" variant="body2" sx={{ ml: 1 }}>
              pagato il {formatRomeDateTime(notice.paidAt)}
            </Typography>
          )}
        </Box>
        <Typography sx={{ color: palette.textSecondary }}>Oggetto</Typography>
        <Typography>{notice.subject}</Typography>
        <Typography sx={{ color: palette.textSecondary }}>Conto</Typography>
        <Typography>
          {notice.childLabel} · {SERVICE_LABELS[notice.service]} · Pa-Pay {notice.papayCode}
        </Typography>
        {notice.debtor && (
          <>
            <Typography sx={{ color: palette.textSecondary }}>Debitore</Typography>
            <Typography>
              {notice.debtor.name} · {notice.debtor.fiscalCode}
            </Typography>
          </>
        )}
        <Typography sx={{ color: palette.textSecondary }}>Emesso</Typography>
        <Typography variant="body2">
          {formatRomeDateTime(notice.createdAt)} · sportello {notice.counterCode}
        </Typography>
      </Box>
      {instalments.length > 0 && (
        <Table size="small" aria-label="Rate dell'avviso" sx={{ mt: 2, bgcolor: 'background.paper' }}>
          <TableHead>
            <TableRow>
              <TableCell>Rata</TableCell>
              <TableCell>Codice avviso</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Scadenza</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {instalments.map((p) => (
              <TableRow key={p.nav}>
                <TableCell>{p.installment}</TableCell>
                <TableCell sx={{ fontFamily: MONO }}>{formatNavGroups(p.nav)}</TableCell>
                <TableCell align="right">{formatEuro(p.amountCents)}</TableCell>
                <TableCell>{dueText(p.dueDate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pdfPath && <PdfLink pdfPath={pdfPath} />}
    </Box>
  );
}
