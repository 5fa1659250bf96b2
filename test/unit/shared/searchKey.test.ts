import { describe, expect, it } from 'vitest';
import { childSearchKeys, searchKey, searchWords } from '../../../shared/searchKey';

describe('searchKey: one key whatever the apostrophes, spaces, accents and case', () => {
  it.each([
    ["D'Angelo", 'dangelo'],
    ['DAngelo', 'dangelo'],
    ['D’Angelo', 'dangelo'],
    ['dangelo', 'dangelo'],
    ['De Luca', 'deluca'],
    ['deluca', 'deluca'],
    ['DE  LUCA', 'deluca'],
    ["Dell'Amico", 'dellamico'],
    ['dell amico', 'dellamico'],
    ['Lo Russo', 'lorusso'],
    ['Lo-Russo', 'lorusso'],
    ['Podestà', 'podesta'],
    ['PODESTA', 'podesta'],
    ["Podesta'", 'podesta'],
    ['Dalla Valle', 'dallavalle'],
    ['dallavalle', 'dallavalle'],
    ['Niccolò', 'niccolo'],
    ['Müller', 'muller'],
    ['Łukasz', 'lukasz'],
    ['Strauß', 'strauss'],
  ])('%s -> %s', (typed, key) => {
    expect(searchKey(typed)).toBe(key);
  });

  it('keeps the words apart for word search, folded the same way', () => {
    expect(searchWords("Dell'Amico")).toEqual(['dell', 'amico']);
    expect(searchWords('  Lo   Russo ')).toEqual(['lo', 'russo']);
    expect(searchWords('PODESTÀ Niccolò')).toEqual(['podesta', 'niccolo']);
    expect(searchWords("'-")).toEqual([]);
  });

  it('gives a child both keys, surname and name', () => {
    expect(childSearchKeys("D'Angelo", 'Maria Chiara')).toEqual({ surnameKey: 'dangelo', nameKey: 'mariachiara' });
  });
});
