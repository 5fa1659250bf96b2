import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RegistrationOptions } from '../../shared/contract';
import { SERVICES, SERVICE_LABELS } from '../../shared/domain';
import { palette } from '../theme';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { fieldId, type EnrolmentDraft, type NidoTime, type TransportDirection } from './draft';
import { TariffLine } from './TariffLine';
import { useQuote } from './useQuote';

const DIRECTION_LABELS: Record<TransportDirection, string> = {
  andata: 'Solo andata',
  ritorno: 'Solo ritorno',
  andata_ritorno: 'Andata e ritorno',
};
const NIDO_LABELS: Record<NidoTime, string> = { tempo_pieno: 'Tempo pieno', part_time: 'Part time' };

interface Props {
  enrolment: EnrolmentDraft;
  /** "Servizio 1 di Giulia": names the group for screen readers and error messages. */
  title: string;
  options: RegistrationOptions;
  siblingOrder: number;
  onChange: (patch: Partial<EnrolmentDraft>) => void;
  onRemove: (() => void) | null;
}

/** One enrolment of a child: the service, the year, the ISEE and what the service needs, with the live tariff. */
export function EnrolmentFields({ enrolment: e, title, options, siblingOrder, onChange, onRemove }: Props) {
  const id = (field: string) => fieldId.enrolment(e.key, field);
  const quote = useQuote(e, siblingOrder);
  const route = options.routes.find((r) => r.code === e.routeCode);

  return (
    <Box
      component="fieldset"
      aria-label={title}
      sx={{ border: `1px solid ${palette.border}`, borderRadius: 1, px: 2, py: 1, mt: 1, minWidth: 0 }}
    >
      <Box component="legend" sx={{ px: 0.5, fontWeight: 600 }}>
        {title}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <FormControl margin="dense">
          <FormLabel id={id('service-label')}>Servizio</FormLabel>
          <RadioGroup
            row
            aria-labelledby={id('service-label')}
            value={e.service}
            onChange={(event) => {
              const picked = SERVICES.find((s) => s === event.target.value);
              if (picked) onChange({ service: picked });
            }}
          >
            {SERVICES.map((s, i) => (
              <FormControlLabel
                key={s}
                value={s}
                control={<Radio slotProps={{ input: i === 0 ? { id: id('service') } : {} }} />}
                label={SERVICE_LABELS[s]}
              />
            ))}
          </RadioGroup>
        </FormControl>
        <Box sx={{ width: 190 }}>
          <ChoiceField
            id={id('year')}
            label="Anno scolastico"
            choices={options.schoolYears.map((y) => ({ value: y, label: y }))}
            value={e.schoolYear}
            onChange={(schoolYear) => onChange({ schoolYear })}
          />
        </Box>
        <TextField
          id={id('isee')}
          label="ISEE in euro (facoltativo)"
          value={e.iseeText}
          onChange={(event) => onChange({ iseeText: event.target.value })}
          margin="dense"
          helperText="Senza ISEE si applica la fascia più alta"
          sx={{ width: 240 }}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
        />
        <DateField
          id={id('iseeDate')}
          label="Data ISEE"
          value={e.iseeDate}
          onChange={(iseeDate) => onChange({ iseeDate })}
        />
      </Box>

      {e.service === 'refezione' && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Box sx={{ width: 300 }}>
            <ChoiceField
              id={id('diet')}
              label="Dieta speciale (facoltativa)"
              choices={options.diets.map((d) => ({ value: d, label: d }))}
              value={e.dietType}
              onChange={(dietType) => onChange({ dietType })}
            />
          </Box>
          {e.dietType !== '' && (
            <TextField
              id={id('dietCertificate')}
              label="Certificato medico (medico, data)"
              value={e.dietCertificate}
              onChange={(event) => onChange({ dietCertificate: event.target.value })}
              margin="dense"
              sx={{ flexGrow: 1, minWidth: 280 }}
              slotProps={{ htmlInput: { maxLength: 100, autoComplete: 'off' } }}
            />
          )}
        </Box>
      )}

      {e.service === 'trasporto' && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Box sx={{ width: 280 }}>
            <ChoiceField
              id={id('route')}
              label="Linea"
              choices={options.routes.map((r) => ({ value: r.code, label: `${r.code} – ${r.name}` }))}
              value={e.routeCode}
              onChange={(routeCode) => onChange({ routeCode, stopCode: '' })}
            />
          </Box>
          <Box sx={{ width: 280 }}>
            <ChoiceField
              id={id('stop')}
              label="Fermata"
              choices={(route?.stops ?? []).map((s) => ({ value: s.code, label: s.name }))}
              value={e.stopCode}
              onChange={(stopCode) => onChange({ stopCode })}
              {...(route ? {} : { helperText: 'Scegliere prima la linea' })}
            />
          </Box>
          <FormControl margin="dense">
            <FormLabel id={id('direction-label')}>Viaggi</FormLabel>
            <RadioGroup
              row
              aria-labelledby={id('direction-label')}
              value={e.direction}
              onChange={(event) => {
                const picked = (Object.keys(DIRECTION_LABELS) as TransportDirection[]).find(
                  (d) => d === event.target.value,
                );
                if (picked) onChange({ direction: picked });
              }}
            >
              {(Object.keys(DIRECTION_LABELS) as TransportDirection[]).map((d) => (
                <FormControlLabel key={d} value={d} control={<Radio />} label={DIRECTION_LABELS[d]} />
              ))}
            </RadioGroup>
          </FormControl>
        </Box>
      )}

      {e.service === 'asilo_nido' && (
        <FormControl margin="dense">
          <FormLabel id={id('nido-label')}>Frequenza</FormLabel>
          <RadioGroup
            row
            aria-labelledby={id('nido-label')}
            value={e.nidoTime}
            onChange={(event) => {
              const picked = (Object.keys(NIDO_LABELS) as NidoTime[]).find((t) => t === event.target.value);
              if (picked) onChange({ nidoTime: picked });
            }}
          >
            {(Object.keys(NIDO_LABELS) as NidoTime[]).map((t) => (
              <FormControlLabel key={t} value={t} control={<Radio />} label={NIDO_LABELS[t]} />
            ))}
          </RadioGroup>
        </FormControl>
      )}

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, minHeight: 32 }} aria-live="polite">
        {quote.kind === 'quote' && (
          <Typography component="div" variant="body2">
            <TariffLine tariff={quote.quote} testId={id('quote')} />
          </Typography>
        )}
        {quote.kind === 'error' && (
          <Typography variant="body2" sx={{ color: palette.danger }}>
            {quote.text}
          </Typography>
        )}
        {onRemove && (
          <Button size="small" color="inherit" onClick={onRemove} sx={{ ml: 'auto' }}>
            Togli questo servizio
          </Button>
        )}
      </Box>
    </Box>
  );
}
