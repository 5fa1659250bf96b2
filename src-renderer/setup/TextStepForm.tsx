import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';

interface Props {
  label: string;
  initial: string;
  helper: string;
  /** A fixed list to choose from (native select: arrows and letters), else free text. */
  options?: readonly { value: string; label: string }[];
  /** Writes the step with the value (trimmed; '' for none); answers an Italian error, or null when written. */
  confirm: (value: string) => Promise<string | null>;
}

/** One value, confirmed with Invio: nothing is written before. */
export function TextStepForm({ label, initial, helper, options, confirm }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const problem = await confirm(value.trim());
    setBusy(false);
    setError(problem);
  }

  return (
    <Box
      component="form"
      aria-label={label}
      onSubmit={(e) => void submit(e)}
      // A list does not submit its form with Invio by itself.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') void submit(e);
      }}
    >
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          autoFocus
          select={options !== undefined}
          label={label}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          helperText={helper}
          size="small"
          sx={{ minWidth: 360 }}
          slotProps={{ ...(options ? { select: { native: true } } : {}), htmlInput: { 'aria-label': label } }}
        >
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </TextField>
        <Button type="submit" variant="contained" disabled={busy}>
          Conferma (Invio)
        </Button>
      </Box>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
