import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isPc858Printable, toPc858Line, toPc858Text } from '../../../src-main/printing/pc858';

describe('PC858 character table', () => {
  it('agrees with iconv-lite on every byte from 0x20 to 0xFF', () => {
    for (let byte = 0x20; byte <= 0xff; byte++) {
      if (byte === 0x7f) continue;
      const char = iconv.decode(Buffer.from([byte]), 'cp858');
      expect(isPc858Printable(char), `byte 0x${byte.toString(16)} = ${JSON.stringify(char)}`).toBe(true);
    }
  });

  it('rejects characters that other code pages have but PC858 has not', () => {
    for (const char of ['ı', 'ř', 'Ł', '“', '–', '😀', '\u007f', '\n']) expect(isPc858Printable(char)).toBe(false);
  });
});

describe('toPc858Text', () => {
  it('keeps Italian letters and the euro sign', () => {
    const italian = 'àèéìíòóùÀÈÉÌÒÙ € 1.234,56';
    expect(toPc858Text(italian)).toBe(italian);
    expect(iconv.decode(iconv.encode(italian, 'cp858'), 'cp858')).toBe(italian);
  });

  it('turns typographic punctuation into its plain form', () => {
    expect(toPc858Text('‘a’ “b” c–d—e … f\u00a0g\u202fh\u00adi')).toBe(`'a' "b" c-d-e ... f g hi`);
  });

  it('keeps line breaks, normalises CRLF and drops other control characters', () => {
    expect(toPc858Text('a\r\nb\rc\u0007d\u001be')).toBe('a\nb\ncde');
  });

  it('gives one column per printed character, emoji included', () => {
    expect(toPc858Text('x😀y')).toBe('x?y');
  });
});

describe('toPc858Line', () => {
  it('collapses whitespace and line breaks into single spaces', () => {
    expect(toPc858Line('  Via\tRoma\n 12  ')).toBe('Via Roma 12');
  });
});
