import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { formatEuro } from '../../shared/money';
import { BANKNOTES_CENTS, COINS_CENTS, denominationLabel } from '../../shared/till/denominations';
import { runningTotal, type CountText } from './countText';

interface Props {
  /** Names the group and its total for screen readers ("Fondo cassa", "Contanti contati"). */
  label: string;
  value: CountText;
  onChange: (next: CountText) => void;
  autoFocus?: boolean;
}

/**
 * One field per denomination (banknotes on the first row, coins on the second), the pieces typed,
 * the total added up as the operator types. Tab moves to the next denomination; Invio sends the form.
 */
export function CountFields({ label, value, onChange, autoFocus = false }: Props) {
  const total = runningTotal(value);
  const field = (cents: number, first: boolean) => (
    <TextField
      key={cents}
      label={denominationLabel(cents as (typeof BANKNOTES_CENTS)[number])}
      value={value[String(cents)] ?? ''}
      onChange={(e) => onChange({ ...value, [String(cents)]: e.target.value })}
      autoFocus={autoFocus && first}
      size="small"
      margin="dense"
      sx={{ width: 84 }}
      slotProps={{
        htmlInput: {
          inputMode: 'numeric',
          autoComplete: 'off',
          'aria-label': `${label}: pezzi da ${denominationLabel(cents as (typeof BANKNOTES_CENTS)[number])}`,
        },
      }}
    />
  );
  return (
    <Box role="group" aria-label={label} sx={{ mb: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>{BANKNOTES_CENTS.map((c, i) => field(c, i === 0))}</Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>{COINS_CENTS.map((c) => field(c, false))}</Box>
      <Typography aria-live="polite" data-testid="count-total" sx={{ mt: 0.5, fontWeight: 700 }}>
        {label}: {total === null ? 'correggere i pezzi indicati' : formatEuro(total)}
      </Typography>
    </Box>
  );
}
