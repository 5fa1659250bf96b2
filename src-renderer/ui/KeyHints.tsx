import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { palette } from '../theme';
import type { KeyHint } from './keymap';

export type { KeyHint };

/** The keys that work right now, always on screen: operators learn them by seeing them. */
export function KeyHints({ hints }: { hints: KeyHint[] }) {
  return (
    <Box
      component="ul"
      aria-label="Tasti rapidi"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 2,
        listStyle: 'none',
        m: 0,
        px: 2,
        py: 1,
        bgcolor: palette.hintBar,
      }}
    >
      {hints.map((hint) => (
        <Box component="li" key={hint.keys} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box
            component="kbd"
            sx={{
              fontFamily: 'inherit',
              fontWeight: 700,
              border: `1px solid ${palette.textSecondary}`,
              borderRadius: 1,
              px: 0.75,
              bgcolor: palette.paper,
            }}
          >
            {hint.keys}
          </Box>
          <Typography component="span" variant="body2">
            {hint.label}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
