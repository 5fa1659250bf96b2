import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { fieldId } from './draft';
import { palette } from '../theme';

interface Props {
  text: string;
  consent: boolean;
  onChange: (consent: boolean) => void;
}

/** Step 2: the privacy notice read to (or by) the parent, and the consent, recorded with the registration. */
export function ConsentSection({ text, consent, onChange }: Props) {
  return (
    <Paper component="section" variant="outlined" aria-label="Consenso privacy" sx={{ p: 2, mb: 2 }}>
      <Typography component="h3" variant="h6">
        Consenso al trattamento dei dati personali
      </Typography>
      <Box
        sx={{
          maxHeight: 120,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          fontSize: '0.9em',
          my: 1,
          p: 1,
          bgcolor: palette.background,
        }}
        data-testid="consent-text"
      >
        {text}
      </Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={consent}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: { id: fieldId.consent } }}
          />
        }
        label="Il genitore ha letto l'informativa e acconsente al trattamento dei dati (Spazio)"
      />
    </Paper>
  );
}
