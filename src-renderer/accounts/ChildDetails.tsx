import Typography from '@mui/material/Typography';
import type { ChildView } from '../../shared/contract';
import { palette } from '../theme';

/** The extra data the front office may see; a pharmacy receives none of these fields. */
export function ChildDetails({ child }: { child: ChildView }) {
  const parts: string[] = [];
  if (child.fiscalCode) parts.push(`C.F. ${child.fiscalCode}`);
  if (child.birthDate) parts.push(`nato/a il ${child.birthDate.split('-').reverse().join('/')}`);
  if (child.address) parts.push(child.address);
  if (child.parent) parts.push(`adulto di riferimento: ${child.parent.name} (${child.parent.fiscalCode})`);
  if (parts.length === 0) return null;
  return (
    <Typography variant="body2" sx={{ color: palette.textSecondary, mt: 0.5 }}>
      {parts.join(' · ')}
    </Typography>
  );
}
