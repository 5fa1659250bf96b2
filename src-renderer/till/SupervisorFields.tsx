import TextField from '@mui/material/TextField';

interface Props {
  code: string;
  pin: string;
  onCode: (code: string) => void;
  onPin: (pin: string) => void;
  autoFocus?: boolean;
}

/** The supervisor at the desk: their code and PIN, for a close above the threshold or a reopening. */
export function SupervisorFields({ code, pin, onCode, onPin, autoFocus = false }: Props) {
  return (
    <>
      <TextField
        label="Codice supervisore"
        value={code}
        onChange={(e) => onCode(e.target.value)}
        autoFocus={autoFocus}
        margin="dense"
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
      />
      <TextField
        label="PIN supervisore"
        type="password"
        value={pin}
        onChange={(e) => onPin(e.target.value)}
        margin="dense"
        sx={{ ml: 1 }}
        slotProps={{ htmlInput: { autoComplete: 'off' } }}
      />
    </>
  );
}
