import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FiscalCodeField, type LookupResult, type LookupStatus } from './FiscalCodeField';
import { PersonFields } from './PersonFields';
import { italianDate } from '../dates';
import { fieldId, type ParentDraft } from './draft';

interface Props {
  parent: ParentDraft;
  onChange: (patch: Partial<ParentDraft>) => void;
}

function applyLookup(
  result: LookupResult,
  wasLoaded: boolean,
  onChange: (patch: Partial<ParentDraft>) => void,
): LookupStatus {
  const { decoded, parent } = result;
  if (parent) {
    onChange({
      fiscalCode: decoded.code,
      surname: parent.surname,
      name: parent.name,
      birthDate: italianDate(parent.birthDate ?? decoded.birthDate ?? ''),
      sex: parent.sex ?? decoded.sex ?? '',
      birthPlace: decoded.birthPlace?.name ?? '',
      address: parent.address,
      phone: parent.phone ?? '',
      email: parent.email ?? '',
      loaded: true,
    });
    return { kind: 'found', text: 'Già registrato: dati caricati. Controllarli con il genitore.' };
  }
  onChange({
    // Another person's data, loaded for the code typed before, must not stay under this one.
    ...(wasLoaded ? { surname: '', name: '', address: '', phone: '', email: '' } : {}),
    fiscalCode: decoded.code,
    birthDate: italianDate(decoded.birthDate ?? ''),
    sex: decoded.sex ?? '',
    birthPlace: decoded.birthPlace?.name ?? '',
    loaded: false,
  });
  return {
    kind: 'new',
    text: decoded.provisional
      ? 'Codice fiscale provvisorio: inserire data di nascita e sesso.'
      : 'Nuovo adulto di riferimento: data, sesso e luogo di nascita presi dal codice fiscale.',
  };
}

/** Step 1: the adulto di riferimento, the parent the children are linked to. */
export function ParentSection({ parent, onChange }: Props) {
  const id = fieldId.parent;
  return (
    <Paper component="section" variant="outlined" aria-label="Adulto di riferimento" sx={{ p: 2, mb: 2 }}>
      <Typography component="h3" variant="h6">
        Adulto di riferimento
      </Typography>
      <FiscalCodeField
        id={id('cf')}
        label="Codice fiscale dell'adulto di riferimento"
        value={parent.fiscalCode}
        onChange={(fiscalCode) => onChange({ fiscalCode })}
        onFound={(result) => applyLookup(result, parent.loaded, onChange)}
        autoFocus
      />
      <PersonFields person={parent} id={id} onChange={onChange} />
      <TextField
        id={id('address')}
        label="Indirizzo di residenza"
        value={parent.address}
        onChange={(e) => onChange({ address: e.target.value })}
        margin="dense"
        fullWidth
        slotProps={{ htmlInput: { maxLength: 140, autoComplete: 'off' } }}
      />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          id={id('phone')}
          label="Telefono"
          value={parent.phone}
          onChange={(e) => onChange({ phone: e.target.value })}
          margin="dense"
          fullWidth
          slotProps={{ htmlInput: { maxLength: 30, inputMode: 'tel', autoComplete: 'off' } }}
        />
        <TextField
          id={id('email')}
          label="Email"
          value={parent.email}
          onChange={(e) => onChange({ email: e.target.value })}
          margin="dense"
          fullWidth
          slotProps={{ htmlInput: { maxLength: 100, inputMode: 'email', autoComplete: 'off' } }}
        />
      </Box>
    </Paper>
  );
}
