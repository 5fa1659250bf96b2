import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { SERVICE_LABELS } from '../../shared/domain';
import { palette } from '../theme';
import type { RegistrationDraft } from './draft';

/** Step 5: what will be registered, in one look, before Ctrl+Invio. */
export function RecapSection({ draft }: { draft: RegistrationDraft }) {
  const p = draft.parent;
  return (
    <Paper component="section" variant="outlined" aria-label="Riepilogo" sx={{ p: 2, mb: 2 }}>
      <Typography component="h3" variant="h6">
        Riepilogo
      </Typography>
      <Typography>
        Adulto di riferimento: {p.name || '—'} {p.surname} {p.fiscalCode ? `(${p.fiscalCode})` : ''} · consenso privacy:{' '}
        {draft.consent ? 'sì' : 'NO'}
      </Typography>
      <ul style={{ margin: '4px 0' }}>
        {draft.children.map((c, i) => (
          <li key={c.key}>
            {c.name || `Figlio ${i + 1}`} {c.surname} {c.fiscalCode ? `(${c.fiscalCode})` : ''}
            {c.school ? ` · ${c.school}` : ''}:{' '}
            {c.enrolments
              .map((e) => (e.service === '' ? 'servizio da scegliere' : `${SERVICE_LABELS[e.service]} ${e.schoolYear}`))
              .join(', ')}
            {c.linkedTo ? ` · cambia genitore (ora ${c.linkedTo.name})` : ''}
          </li>
        ))}
      </ul>
      <Typography variant="body2" sx={{ color: palette.textSecondary }}>
        Le tariffe mostrate sono quelle di questo modulo: alla registrazione la riduzione per i fratelli tiene conto
        anche dei figli già iscritti, e il riepilogo da firmare riporta le tariffe definitive.
      </Typography>
    </Paper>
  );
}
