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
  /** Paper: dialogs, tables, the receipt, the key caps. Also the text on a coloured chip. */
  paper: '#FFFFFF',
  /** The page behind the paper, and boxes of text to read (the consent). */
  background: '#F5F7FA',
  /** Lines around boxes: the receipt, an enrolment, the status bar. */
  border: '#C5CED8',
  /** The thinner line between the rows of a list. */
  divider: '#E0E4EA',
  /** The strip of key hints under the screen. */
  hintBar: '#E8EDF3',
  /** The chosen row of a list the arrows move through. */
  selected: '#D6E6F7',
} as const;

/** The ring around a list that has the keyboard (the arrows move its selection). */
export const focusRing = `2px solid ${palette.primary}`;

/** Pharmacy counters ask for larger type: staff read the screen from a step back, over the counter. */
export function makeTheme(largeType: boolean): Theme {
  return createTheme({
    palette: {
      primary: { main: palette.primary, dark: palette.primaryDark, contrastText: palette.paper },
      text: { primary: palette.text, secondary: palette.textSecondary },
      success: { main: palette.success },
      error: { main: palette.danger },
      warning: { main: palette.warning },
      background: { default: palette.background, paper: palette.paper },
    },
    typography: {
      fontFamily: '"Titillium Web", Geneva, Tahoma, sans-serif',
      fontSize: largeType ? 17 : 14,
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 4 },
  });
}
