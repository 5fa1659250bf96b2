import { useRef, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { palette } from '../theme';
import { focusStops } from './focus';

export interface FormPage {
  key: string;
  /** The step's name in the bar above: "Adulto di riferimento", "Figlio 2". */
  title: string;
  content: ReactNode;
}

/**
 * The registration form in steps that each fit a 1366x768 screen: one step is on screen at a time,
 * the one that holds the cursor. Every field stays in the form, so Invio and Tab walk from the last
 * field of a step into the next one, and a refused field brings its step back, as on one long form.
 */
export function FormPages({
  heading,
  pages,
  children,
}: {
  heading: ReactNode;
  pages: readonly FormPage[];
  /** Shown between the steps and the step on screen (the refusal of the form). */
  children?: ReactNode;
}) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);

  // The step that took the cursor is shown from its top; a step taller than the screen scrolls with it.
  function onFocus(event: React.FocusEvent) {
    const frame = frameRef.current;
    const page = (event.target as HTMLElement).closest<HTMLElement>('[data-form-page]');
    if (!frame || !page) return;
    setCurrent(Number(page.dataset['formPage']));
    if (page.offsetHeight > frame.clientHeight) return;
    frame.scrollTop = page.offsetTop;
    // The browser may scroll the field into view after this event: the step's top is put back then.
    requestAnimationFrame(() => {
      frame.scrollTop = page.offsetTop;
    });
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap' }}>
        {heading}
        <Box
          component="ol"
          aria-label="Passi dell'iscrizione"
          sx={{ display: 'flex', gap: 1, listStyle: 'none', m: 0, mb: 1, p: 0 }}
        >
          {pages.map((page, index) => (
            <Typography
              component="li"
              key={page.key}
              variant="body2"
              {...(index === current ? { 'aria-current': 'step' as const } : {})}
              sx={{
                px: 1,
                borderRadius: 1,
                border: `1px solid ${palette.textSecondary}`,
                fontWeight: index === current ? 700 : 400,
                bgcolor: index === current ? palette.hintBar : 'transparent',
              }}
            >
              {index + 1}. {page.title}
            </Typography>
          ))}
        </Box>
      </Box>
      {children}
      <Box
        ref={frameRef}
        onFocus={onFocus}
        data-testid="form-pages"
        sx={{ position: 'relative', flexGrow: 1, minHeight: 0, overflow: 'hidden' }}
      >
        {pages.map((page, index) => (
          <Box key={page.key} data-form-page={index} sx={{ minHeight: '100%' }}>
            {page.content}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** Pag↓ / Pag↑: the cursor to the first field of the next or previous step. */
export function moveToPage(step: -1 | 1): void {
  const page = document.activeElement?.closest<HTMLElement>('[data-form-page]');
  const all = Array.from(document.querySelectorAll<HTMLElement>('[data-form-page]'));
  const index = page ? all.indexOf(page) : -1;
  const target = all[Math.max(0, Math.min(all.length - 1, index + step))];
  if (!target || target === page) return;
  // The step's fields before its buttons: a step begins with what is to be filled.
  const stops = focusStops(target);
  const first = stops.find((el) => !(el instanceof HTMLButtonElement)) ?? stops[0];
  first?.focus();
}
