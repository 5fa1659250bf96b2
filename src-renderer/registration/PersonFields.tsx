import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { palette } from '../theme';
import { DateField } from './DateField';
import type { PersonDraft } from './draft';

interface Props {
  person: PersonDraft;
  id: (field: string) => string;
  onChange: (patch: Partial<PersonDraft>) => void;
}

/** Surname, name, birth date and sex: the last two prefilled from the codice fiscale (the core checks they agree). */
export function PersonFields({ person, id, onChange }: Props) {
  return (
    <>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          id={id('surname')}
          label="Cognome"
          value={person.surname}
          onChange={(e) => onChange({ surname: e.target.value })}
          margin="dense"
          fullWidth
          slotProps={{ htmlInput: { maxLength: 70, autoComplete: 'off' } }}
        />
        <TextField
          id={id('name')}
          label="Nome"
          value={person.name}
          onChange={(e) => onChange({ name: e.target.value })}
          margin="dense"
          fullWidth
          slotProps={{ htmlInput: { maxLength: 70, autoComplete: 'off' } }}
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <DateField
          id={id('birthDate')}
          label="Data di nascita"
          value={person.birthDate}
          onChange={(birthDate) => onChange({ birthDate })}
        />
        <FormControl margin="dense">
          <FormLabel id={id('sex-label')}>Sesso</FormLabel>
          <RadioGroup
            row
            aria-labelledby={id('sex-label')}
            value={person.sex}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'M' || v === 'F') onChange({ sex: v });
            }}
          >
            <FormControlLabel value="M" control={<Radio slotProps={{ input: { id: id('sex') } }} />} label="M" />
            <FormControlLabel value="F" control={<Radio />} label="F" />
          </RadioGroup>
        </FormControl>
        {person.birthPlace !== '' && (
          <Typography variant="body2" sx={{ color: palette.textSecondary, alignSelf: 'center' }}>
            Nato/a a {person.birthPlace} (dal codice fiscale)
          </Typography>
        )}
      </Box>
    </>
  );
}
