import { createTheme, type Theme } from '@mui/material/styles';

/** Designers Italia palette (the Italian public-administration design system) with Titillium Web. */
export const palette = {
  primary: '#0066CC',
  primaryDark: '#004D99',
  text: '#1A1A1A',
  textSecondary: '#5C6F82',
  success: '#008055',
  danger: '#D9364F',
  warning: '#A66300',
} as const;

/** Pharmacy counters ask for larger type: staff read the screen from a step back, over the counter. */
export function makeTheme(largeType: boolean): Theme {
  return createTheme({
    palette: {
      primary: { main: palette.primary, dark: palette.primaryDark, contrastText: '#FFFFFF' },
      text: { primary: palette.text, secondary: palette.textSecondary },
      success: { main: palette.success },
      error: { main: palette.danger },
      warning: { main: palette.warning },
      background: { default: '#F5F7FA', paper: '#FFFFFF' },
    },
    typography: {
      fontFamily: '"Titillium Web", Geneva, Tahoma, sans-serif',
      fontSize: largeType ? 17 : 14,
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 4 },
  });
}
