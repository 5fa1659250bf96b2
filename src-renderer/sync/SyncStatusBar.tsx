import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { SyncStatus } from '../../shared/contract';
import { palette } from '../theme';
import { initialSyncRunning, lastSyncText, pendingText, problemsText, progressPercent } from './syncText';

export interface SyncNowResult {
  ok: boolean;
  text: string;
}

interface Props {
  status: SyncStatus | null;
  /** True while a sync asked with Ctrl+Shift+S is running. */
  syncing: boolean;
  /** The outcome of the last Ctrl+Shift+S, until the next one. */
  result: SyncNowResult | null;
}

const BAR_SX = {
  display: 'flex',
  alignItems: 'center',
  flexWrap: 'wrap',
  columnGap: 2,
  rowGap: 0.5,
  px: 2,
  py: 0.5,
  bgcolor: palette.paper,
  borderTop: `1px solid ${palette.border}`,
  minHeight: 36,
} as const;

/**
 * Always on screen, login included: whether the central service answers, how many operations are
 * still only on this PC, and when the last sync succeeded. Each state has its own words and a
 * symbol, not only a colour (a counter's screen is often read in glare, and by colour-blind staff).
 */
export function SyncStatusBar({ status, syncing, result }: Props) {
  if (status === null) {
    return <Box component="footer" aria-label="Sincronizzazione con il servizio centrale" sx={BAR_SX} />;
  }
  if (status.centralUrl === null) {
    return (
      <Box component="footer" aria-label="Sincronizzazione con il servizio centrale" sx={BAR_SX}>
        <Typography variant="body2" sx={{ color: palette.textSecondary }} data-testid="sync-not-configured">
          Servizio centrale non configurato
        </Typography>
      </Box>
    );
  }
  const running = initialSyncRunning(status);
  return (
    <Box component="footer" aria-label="Sincronizzazione con il servizio centrale" sx={BAR_SX}>
      {status.enrolled ? (
        <Chip
          size="small"
          data-testid="sync-online"
          label={status.online ? '● In linea' : '✕ Non in linea'}
          sx={{
            fontWeight: 700,
            color: palette.paper,
            bgcolor: status.online ? palette.success : palette.danger,
          }}
        />
      ) : (
        <Chip
          size="small"
          data-testid="sync-online"
          label="Sportello non attivato"
          variant="outlined"
          sx={{ fontWeight: 700, color: palette.warning, borderColor: palette.warning }}
        />
      )}
      {status.enrolled && !status.online && status.lastError && (
        // Why it failed, in plain words and whole: it wraps on a narrow window instead of being cut.
        <Typography
          variant="body2"
          data-testid="sync-error"
          sx={{ flex: '1 1 24rem', minWidth: 0, color: palette.danger }}
        >
          {status.lastError}
        </Typography>
      )}
      <Typography variant="body2" data-testid="sync-pending" sx={{ fontWeight: status.pendingCount > 0 ? 700 : 400 }}>
        {pendingText(status.pendingCount)}
      </Typography>
      <Typography variant="body2" data-testid="sync-last">
        {lastSyncText(status.lastSyncAt)}
      </Typography>
      {running && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 220 }}>
          <Typography variant="body2">Prima sincronizzazione</Typography>
          <LinearProgress
            variant="determinate"
            value={progressPercent(status)}
            aria-label="Avanzamento della prima sincronizzazione"
            sx={{ flexGrow: 1, height: 8, borderRadius: 1 }}
          />
          <Typography variant="body2">{progressPercent(status)}%</Typography>
        </Box>
      )}
      {status.deadLetterCount > 0 && (
        <Chip
          size="small"
          data-testid="sync-problems"
          label={`⚠ ${problemsText(status.deadLetterCount)}`}
          sx={{ fontWeight: 700, color: palette.paper, bgcolor: palette.warning }}
        />
      )}
      {status.clockWarning !== null && (
        <WarningChip
          testId="sync-clock"
          label="⚠ Orologio del PC non allineato"
          detail={status.clockWarning}
          color={palette.warning}
        />
      )}
      {status.databaseWarning !== null && (
        <WarningChip
          testId="sync-database"
          label="⚠ Database danneggiato: avvisare l’assistenza"
          detail={status.databaseWarning}
          color={palette.danger}
        />
      )}
      {status.numberingWarning !== null && (
        <WarningChip
          testId="sync-numbering"
          label="⚠ Numerazione ricevute riallineata"
          detail={status.numberingWarning}
          color={palette.warning}
        />
      )}
      <Box role="status" data-testid="sync-result" sx={{ ml: 'auto' }}>
        {syncing ? (
          <Typography variant="body2">Sincronizzazione in corso…</Typography>
        ) : (
          result && (
            <Typography variant="body2" sx={{ color: result.ok ? palette.success : palette.danger, fontWeight: 600 }}>
              {result.text}
            </Typography>
          )
        )}
      </Box>
    </Box>
  );
}

/** A short warning in the bar; the whole Italian explanation on hover and for screen readers. */
function WarningChip({
  testId,
  label,
  detail,
  color,
}: {
  testId: string;
  label: string;
  detail: string;
  color: string;
}) {
  return (
    <Chip
      size="small"
      data-testid={testId}
      label={label}
      title={detail}
      aria-description={detail}
      variant="outlined"
      sx={{ fontWeight: 700, color, borderColor: color }}
    />
  );
}
