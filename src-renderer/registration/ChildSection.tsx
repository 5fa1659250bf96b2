import { useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { RegistrationOptions } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { ChoiceField } from './ChoiceField';
import { EnrolmentFields } from './EnrolmentFields';
import { FiscalCodeField, type LookupResult, type LookupStatus } from './FiscalCodeField';
import { PersonFields } from './PersonFields';
import { italianDate } from '../dates';
import { emptyEnrolment, fieldId, type ChildDraft, type EnrolmentDraft, type RegistrationDraft } from './draft';
import { siblingOrder } from './draft';
import { registrationKeyOf } from './registrationKeys';

export const MAX_ENROLMENTS = 3;

interface Props {
  draft: RegistrationDraft;
  index: number;
  options: RegistrationOptions;
  onChange: (patch: Partial<ChildDraft>) => void;
  onRemove: (() => void) | null;
}

/** What a lookup of the child's codice fiscale puts in the form. */
function applyLookup(
  result: LookupResult,
  parentFiscalCode: string,
  wasLoaded: boolean,
  onChange: (patch: Partial<ChildDraft>) => void,
): LookupStatus {
  const { decoded, child } = result;
  if (child) {
    const linkedElsewhere =
      child.linkedTo !== null && child.linkedTo.fiscalCode !== parentFiscalCode ? child.linkedTo : null;
    onChange({
      fiscalCode: decoded.code,
      surname: child.surname,
      name: child.name,
      birthDate: italianDate(child.birthDate ?? decoded.birthDate ?? ''),
      sex: child.sex ?? decoded.sex ?? '',
      birthPlace: decoded.birthPlace?.name ?? '',
      school: child.school,
      linkedTo: linkedElsewhere,
      confirmRelink: false,
      loaded: true,
    });
    const enrolled = child.enrolments.map((e) => `${SERVICE_LABELS[e.service]} ${e.schoolYear}`).join(', ');
    return {
      kind: 'found',
      text: `Già registrato: dati caricati.${enrolled !== '' ? ` Iscrizioni: ${enrolled}.` : ''}`,
    };
  }
  onChange({
    // Another child's data, loaded for the code typed before, must not stay under this one.
    ...(wasLoaded ? { surname: '', name: '', school: '' } : {}),
    fiscalCode: decoded.code,
    birthDate: italianDate(decoded.birthDate ?? ''),
    sex: decoded.sex ?? '',
    birthPlace: decoded.birthPlace?.name ?? '',
    linkedTo: null,
    confirmRelink: false,
    loaded: false,
  });
  return {
    kind: 'new',
    text: decoded.provisional
      ? 'Codice fiscale provvisorio: inserire data di nascita e sesso.'
      : 'Nuovo bambino: data, sesso e luogo di nascita presi dal codice fiscale.',
  };
}

export function ChildSection({ draft, index, options, onChange, onRemove }: Props) {
  const child = draft.children[index]!;
  const id = (field: string) => fieldId.child(child.key, field);
  const who = child.name.trim() !== '' ? child.name.trim() : `figlio ${index + 1}`;
  const relinkRef = useRef<HTMLInputElement>(null);
  const linkedCode = child.linkedTo?.fiscalCode ?? null;

  // The change of parent is the decision to take now: the checkbox takes the cursor once it is shown.
  useEffect(() => {
    if (linkedCode !== null) relinkRef.current?.focus();
  }, [linkedCode]);

  function changeEnrolment(key: string, patch: Partial<EnrolmentDraft>) {
    onChange({ enrolments: child.enrolments.map((e) => (e.key === key ? { ...e, ...patch } : e)) });
  }

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={`Figlio ${index + 1}`}
      sx={{ px: 2, py: 1, mb: 2 }}
      data-child-key={child.key}
    >
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography component="h3" variant="h6" sx={{ flexGrow: 1 }}>
          Figlio {index + 1}
          {child.name.trim() !== '' ? `: ${child.name} ${child.surname}` : ''}
        </Typography>
        {onRemove && (
          <Button size="small" color="inherit" onClick={onRemove}>
            Togli questo figlio
          </Button>
        )}
      </Box>
      {/* Two columns, the child on the left and the services on the right: the step fits one screen. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 3, alignItems: 'start' }}>
        <Box>
          <FiscalCodeField
            id={id('cf')}
            label="Codice fiscale del figlio"
            value={child.fiscalCode}
            onChange={(fiscalCode) => onChange({ fiscalCode })}
            onFound={(result) => applyLookup(result, draft.parent.fiscalCode, child.loaded, onChange)}
          />
          {child.linkedTo && (
            <Alert severity="warning" sx={{ my: 1 }} role="status">
              Collegato a {child.linkedTo.name} ({child.linkedTo.fiscalCode}). Il bambino segue il genitore che lo ha
              iscritto per ultimo: per collegarlo a questo genitore spuntare la casella (Spazio).
              <Box>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={child.confirmRelink}
                      onChange={(e) => onChange({ confirmRelink: e.target.checked })}
                      slotProps={{ input: { id: id('relink'), ref: relinkRef } }}
                    />
                  }
                  label="Collega a questo genitore"
                />
              </Box>
            </Alert>
          )}
          <PersonFields person={child} id={id} onChange={onChange} />
          <ChoiceField
            id={id('school')}
            label="Scuola"
            choices={options.schools.map((s) => ({ value: s, label: s }))}
            value={child.school}
            onChange={(school) => onChange({ school })}
          />
        </Box>
        <Box>
          <Typography component="h4" variant="subtitle1" sx={{ fontWeight: 600 }}>
            Servizi di {who}
          </Typography>
          {child.enrolments.map((e, i) => (
            <EnrolmentFields
              key={e.key}
              enrolment={e}
              title={`Servizio ${i + 1} di ${who}`}
              options={options}
              siblingOrder={siblingOrder(draft, index, e)}
              onChange={(patch) => changeEnrolment(e.key, patch)}
              onRemove={
                child.enrolments.length > 1
                  ? () => onChange({ enrolments: child.enrolments.filter((x) => x.key !== e.key) })
                  : null
              }
            />
          ))}
          {child.enrolments.length < MAX_ENROLMENTS && (
            <Button
              size="small"
              sx={{ mt: 1 }}
              onClick={() => onChange({ enrolments: [...child.enrolments, emptyEnrolment(options.schoolYear)] })}
            >
              Aggiungi servizio per {who} ({registrationKeyOf('addService')})
            </Button>
          )}
        </Box>
      </Box>
    </Paper>
  );
}
