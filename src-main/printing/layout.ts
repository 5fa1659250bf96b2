import { toPc858Line } from './pc858';

/** Columns of font A on 80 mm paper. */
export const RECEIPT_WIDTH = 48;

export const RULE = '-'.repeat(RECEIPT_WIDTH);

/**
 * Greedy word wrap. Words longer than a line (a UUID on a narrow line, a long code) are cut.
 * Continuation lines start with `indent` so that a wrapped value stays visibly under its label.
 */
export function wrap(text: string, indent = '', firstIndent = ''): string[] {
  const words = toPc858Line(text)
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let current = ''; // the current line without its indent
  const prefix = () => (lines.length === 0 ? firstIndent : indent);
  const limit = () => RECEIPT_WIDTH - prefix().length;
  const flush = () => {
    lines.push(prefix() + current);
    current = '';
  };
  for (const word of words) {
    let rest = word;
    while (rest !== '') {
      const sep = current === '' ? '' : ' ';
      if (current.length + sep.length + rest.length <= limit()) {
        current += sep + rest;
        rest = '';
      } else if (current !== '' && rest.length <= RECEIPT_WIDTH - indent.length) {
        flush();
      } else if (current !== '') {
        // A word that would not fit even a fresh line starts right here, so no line is left half empty.
        const room = limit() - current.length - 1;
        if (room > 0) {
          current += ` ${rest.slice(0, room)}`;
          rest = rest.slice(room);
        }
        flush();
      } else {
        // A word longer than a whole line is cut.
        current = rest.slice(0, limit());
        rest = rest.slice(limit());
        flush();
      }
    }
  }
  if (current !== '') flush();
  return lines;
}

/** Centred lines (wrapped first when too long); trailing spaces are not added. */
export function center(text: string): string[] {
  return wrap(text).map((line) => ' '.repeat(Math.floor((RECEIPT_WIDTH - line.length) / 2)) + line);
}

/** "Label: value", wrapped with an indent; `depth` indents the whole field under a parent line. */
export function field(label: string, value: string, depth = 0): string[] {
  const margin = '  '.repeat(depth);
  return wrap(`${label}: ${value}`, `${margin}  `, margin);
}

/** Label on the left, value flush right; the label is wrapped when both do not fit on one line. */
export function leftRight(label: string, value: string, depth = 0): string[] {
  const right = toPc858Line(value);
  const left = '  '.repeat(depth) + toPc858Line(label);
  if (left.length + 1 + right.length <= RECEIPT_WIDTH) {
    return [left + ' '.repeat(RECEIPT_WIDTH - left.length - right.length) + right];
  }
  const margin = '  '.repeat(depth);
  return [...wrap(label, margin, margin), ...wrap(right).map((l) => l.padStart(RECEIPT_WIDTH))];
}

/** Joins lines and checks the one promise every printed text keeps: no line wider than the paper. */
export function joinLines(lines: readonly string[]): string {
  for (const line of lines) {
    if (line.length > RECEIPT_WIDTH) {
      throw new Error(`riga di ${line.length} colonne oltre le ${RECEIPT_WIDTH} della carta: "${line}"`);
    }
  }
  return lines.join('\n');
}
