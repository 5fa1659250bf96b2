import { describe, expect, it } from 'vitest';
import { omocodicVariant } from '../../../shared/codiceFiscale';
import { noMatchMessage, parseQuery } from '../../../shared/lookup';
import { makePapayCode } from '../../../shared/papay';

// Italian words that every refusal here is built from; an English message would match none.
const ITALIAN = /codice|cifre|lettere|cognome|nome|Scrivi|Testo/;

function refusal(raw: string): string {
  const parsed = parseQuery(raw);
  if (parsed.kind !== 'invalid') throw new Error(`${raw} should be refused, got ${parsed.kind}`);
  expect(parsed.message).toMatch(ITALIAN);
  return parsed.message;
}

describe('parseQuery', () => {
  it('reads 10 digits with a good check digit as a Pa-Pay code (spaces and dashes tolerated)', () => {
    const code = makePapayCode(123456789);
    expect(parseQuery(code)).toEqual({ kind: 'papay', code });
    expect(parseQuery(' 12345 67897 ')).toEqual({ kind: 'papay', code });
    expect(parseQuery('12345-67897')).toEqual({ kind: 'papay', code });
  });

  it('refuses a Pa-Pay code with a typo, saying the check digit is wrong', () => {
    expect(refusal('1234567890')).toContain('cifra di controllo');
  });

  it('refuses a Pa-Pay code of the wrong length, saying how many digits were typed', () => {
    expect(refusal('12345')).toBe('Il codice Pa-Pay ha 10 cifre: ne sono state inserite 5.');
  });

  it('reads a codice fiscale, upper-casing it and giving its canonical form', () => {
    expect(parseQuery('rssmra72l09h501s')).toEqual({
      kind: 'cf',
      code: 'RSSMRA72L09H501S',
      canonical: 'RSSMRA72L09H501S',
    });
    const variant = omocodicVariant('RSSMRA72L09H501S', 2);
    expect(parseQuery(variant)).toEqual({ kind: 'cf', code: variant, canonical: 'RSSMRA72L09H501S' });
  });

  it('refuses a codice fiscale with a wrong check character, naming the expected one', () => {
    expect(refusal('RSSMRA72L09H501A')).toContain('dovrebbe essere S');
  });

  it('reads names, splitting on apostrophes, dashes and spaces', () => {
    expect(parseQuery("dell'amico")).toEqual({ kind: 'name', words: ['dell', 'amico'] });
    expect(parseQuery('Dell’Amico')).toEqual({ kind: 'name', words: ['Dell', 'Amico'] });
    expect(parseQuery('  De Luca-Bianchi ')).toEqual({ kind: 'name', words: ['De', 'Luca', 'Bianchi'] });
  });

  it('keeps accented letters in names', () => {
    expect(parseQuery('Niccolò')).toEqual({ kind: 'name', words: ['Niccolò'] });
    expect(parseQuery('Noè Bò')).toEqual({ kind: 'name', words: ['Noè', 'Bò'] });
  });

  it('reads a name of 16 letters as a name, not as a broken codice fiscale', () => {
    expect(parseQuery('Ferrari Francesca')).toEqual({ kind: 'name', words: ['Ferrari', 'Francesca'] });
    expect(parseQuery('Castelfranchetti')).toEqual({ kind: 'name', words: ['Castelfranchetti'] });
  });

  it('refuses names shorter than 2 letters', () => {
    expect(refusal('a')).toBe('Scrivi almeno 2 lettere del cognome o del nome.');
    expect(refusal("'")).toContain('almeno 2 lettere');
    expect(parseQuery('Bo')).toEqual({ kind: 'name', words: ['Bo'] });
  });

  it('refuses digits mixed into a name', () => {
    expect(refusal('Rossi2')).toContain('un nome solo lettere');
    expect(refusal('Mario 72')).toContain('un nome solo lettere');
  });

  it('refuses an empty query', () => {
    expect(refusal('')).toBe('Scrivi un codice Pa-Pay, un codice fiscale o un cognome.');
    expect(refusal('   ')).toBe('Scrivi un codice Pa-Pay, un codice fiscale o un cognome.');
  });
});

describe('noMatchMessage', () => {
  it('suggests in Italian what to try next, by what was searched', () => {
    expect(noMatchMessage('name', false)).toMatch(/Prova con le prime lettere del solo cognome/);
    expect(noMatchMessage('name', false)).toMatch(/codice Pa-Pay o codice fiscale/);
    expect(noMatchMessage('cf', false)).toMatch(/cercare per cognome e nome.*F5/);
    expect(noMatchMessage('papay', false)).toMatch(
      /Controlla le 10 cifre, oppure cerca per codice fiscale o per cognome/,
    );
  });

  it('does not tell a pharmacy to search by what it may not', () => {
    expect(noMatchMessage('papay', true)).toMatch(/Controlla le 10 cifre/);
    expect(noMatchMessage('papay', true)).not.toMatch(/codice fiscale|cognome/);
  });
});
