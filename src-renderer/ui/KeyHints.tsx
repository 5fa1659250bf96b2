import { useLayoutEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { palette } from '../theme';
import type { KeyHint } from './keymap';

export type { KeyHint };

/**
 * How many hints fit on the bar's first line: the bar lays them out wrapping, and those that
 * wrapped are not shown (F1 lists every key), so the bar is always one line high.
 */
function firstLine(list: HTMLElement): { count: number; height: number } {
  const items = Array.from(list.children) as HTMLElement[];
  const top = items[0]?.offsetTop ?? 0;
  const wrapped = items.findIndex((item) => item.offsetTop > top);
  const count = wrapped < 0 ? items.length : wrapped;
  const height = Math.max(0, ...items.slice(0, count).map((item) => item.offsetHeight));
  return { count, height };
}

/** The keys that work right now, always on screen on one line: operators learn them by seeing them. */
export function KeyHints({ hints }: { hints: KeyHint[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const [line, setLine] = useState<{ count: number; height: number } | null>(null);
  const shown = line?.count ?? hints.length;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const next = firstLine(list);
      setLine((old) => (old?.count === next.count && old.height === next.height ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [hints]);

  return (
    <Box
      component="ul"
      ref={listRef}
      aria-label="Tasti rapidi"
      data-testid="key-hints"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: 2,
        listStyle: 'none',
        m: 0,
        px: 2,
        py: 1,
        bgcolor: palette.hintBar,
        // The hints that wrapped keep their place (so the measure holds), hidden below the line.
        overflow: 'hidden',
        boxSizing: 'content-box',
        flexShrink: 0,
        ...(line ? { height: `${line.height}px` } : {}),
      }}
    >
      {hints.map((hint, index) => (
        <Box
          component="li"
          key={hint.keys}
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 0.75,
            whiteSpace: 'nowrap',
            visibility: index < shown ? 'visible' : 'hidden',
          }}
        >
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
