import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatEuro } from '../../shared/money';
import { palette } from '../theme';

interface Tariff {
  band: { label: string };
  tariffCents: number;
  siblingReductionPercent: number;
  finalTariffCents: number;
  tariffUnit: string;
  late: boolean;
  /** Why the ISEE given was not used (too old, dated in the future). */
  note?: string | undefined;
}

/** Band, tariff, sibling reduction and "fuori termine": the same line for the live quote and the result. */
export function TariffLine({ tariff, testId }: { tariff: Tariff; testId?: string }) {
  const reduced = tariff.siblingReductionPercent > 0;
  return (
    <Box
      component="span"
      data-testid={testId}
      sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline' }}
    >
      <span>{tariff.band.label}</span>
      <span>·</span>
      {reduced ? (
        <span>
          tariffa <s>{formatEuro(tariff.tariffCents)}</s>, riduzione fratelli {tariff.siblingReductionPercent}%:{' '}
          <strong>{formatEuro(tariff.finalTariffCents)}</strong> {tariff.tariffUnit}
        </span>
      ) : (
        <span>
          tariffa <strong>{formatEuro(tariff.finalTariffCents)}</strong> {tariff.tariffUnit}
        </span>
      )}
      {tariff.note !== undefined && (
        <Typography component="span" variant="body2" sx={{ color: palette.warning }}>
          {tariff.note}
        </Typography>
      )}
      {tariff.late && (
        <Typography component="strong" sx={{ color: palette.warning, fontWeight: 700 }}>
          FUORI TERMINE
        </Typography>
      )}
    </Box>
  );
}
