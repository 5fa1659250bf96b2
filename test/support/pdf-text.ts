import { execFileSync } from 'node:child_process';

/** A PDF's text as poppler's pdftotext reads it, every run of white space made one space. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
