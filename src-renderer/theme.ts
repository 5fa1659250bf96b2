import { createTheme, type Theme } from '@mui/material/styles';

/**
 * Designers Italia palette (the Italian public-administration design system) with Titillium Web,
 * its grey, red, orange and green darkened so that text in them reads at 4.5:1 or more (WCAG 2.1 AA)
 * on every background here, the selected row's included (test/e2e/accessibility.spec.ts).
 */
export const palette = {
  primary: '#0066CC',
  primaryDark: '#004D99',
  text: '#1A1A1A',
  textSecondary: '#4A5B6C',
  success: '#006B47',
  danger: '#B8273E',
  warning: '#8A5200',
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
