import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  choices: Choice[];
  /** '' when nothing is chosen. */
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
}

/**
 * A list to pick from by keyboard: type a few letters, the first match is highlighted, Invio or Tab
 * takes it (↓ opens the whole list). Nothing outside the list can be typed in.
 */
export function ChoiceField({ id, label, choices, value, onChange, helperText }: Props) {
  const selected = choices.find((c) => c.value === value) ?? null;
  return (
    <Autocomplete
      id={id}
      options={choices}
      value={selected}
      onChange={(_event, choice) => onChange(choice?.value ?? '')}
      getOptionLabel={(choice) => choice.label}
      isOptionEqualToValue={(a, b) => a.value === b.value}
      autoHighlight
      autoSelect
      openOnFocus={false}
      noOptionsText="Nessuna voce corrisponde"
      fullWidth
      renderInput={(params) => (
        <TextField {...params} label={label} margin="dense" {...(helperText ? { helperText } : {})} />
      )}
    />
  );
}
