import { describe, expect, it } from 'vitest';
import { fixedWidth, foldToUpperAscii, NOTICE_LIMITS, truncate } from '../../../shared/pagopa/text';

describe('truncate', () => {
  it('leaves a text within the limit alone (whitespace collapsed)', () => {
    expect(truncate('Ricarica  refezione\nscolastica', 90)).toBe('Ricarica refezione scolastica');
    expect(truncate('x'.repeat(90), NOTICE_LIMITS.subject)).toBe('x'.repeat(90));
  });
  it('cuts a longer one to exactly the limit, ending with an ellipsis', () => {
    const out = truncate('a'.repeat(91), NOTICE_LIMITS.subject);
    expect([...out]).toHaveLength(90);
    expect(out.endsWith('…')).toBe(true);
    expect(out.slice(0, 89)).toBe('a'.repeat(89));
  });
  it('counts code points, so no emoji is cut in half', () => {
    const out = truncate('😀'.repeat(80), 70);
    expect([...out]).toHaveLength(70);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
  it('does not leave a space before the ellipsis', () => {
    expect(truncate('abc def', 5)).toBe('abc…');
  });
});

describe('foldToUpperAscii', () => {
  it('strips accents and uppercases', () => {
    expect(foldToUpperAscii('Niccolò')).toBe('NICCOLO');
    expect(foldToUpperAscii("Citta' di Forlì, perché")).toBe("CITTA' DI FORLI, PERCHE");
    expect(foldToUpperAscii('Ñuñez Çelik')).toBe('NUNEZ CELIK');
  });
  it('turns other characters into one space each, keeping the length', () => {
    expect(foldToUpperAscii('a€b')).toBe('A B');
    expect(foldToUpperAscii('Straße')).toBe('STRA E');
    expect(foldToUpperAscii('x😀y')).toBe('X Y');
  });
});

describe('fixedWidth', () => {
  it('pads on the right or cuts to the length', () => {
    expect(fixedWidth('AB', 4)).toBe('AB  ');
    expect(fixedWidth('ABCDEF', 4)).toBe('ABCD');
    expect(fixedWidth('', 3)).toBe('   ');
  });
});
