import TextField from '@mui/material/TextField';
import { italianDate, parseItalianDate } from '../dates';

interface Props {
  id: string;
  label: string;
  /** As typed. */
  value: string;
  onChange: (value: string) => void;
  width?: number;
}

/** A day typed as gg/mm/aaaa (or 8 digits); leaving the field writes it back in full when it is a real day. */
export function DateField({ id, label, value, onChange, width = 170 }: Props) {
  const invalid = value.trim() !== '' && parseItalianDate(value) === null;
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      placeholder="gg/mm/aaaa"
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const iso = parseItalianDate(value);
        if (iso !== null) onChange(italianDate(iso));
      }}
      margin="dense"
      error={invalid}
      helperText={invalid ? 'Data non valida: gg/mm/aaaa' : ' '}
      sx={{ width }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 10 },
      }}
    />
  );
}
