import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosDecodeError, decodeEscPos } from '../../support/escpos-decoder';

const ESC = 0x1b;
const GS = 0x1d;
const bytes = (...parts: Array<number[] | Buffer>) => Buffer.concat(parts.map((p) => Buffer.from(p)));

function qrStore(data: string): number[] {
  const length = data.length + 3;
  return [GS, 0x28, 0x6b, length % 256, Math.floor(length / 256), 0x31, 0x50, 0x30, ...Buffer.from(data, 'ascii')];
}

describe('decodeEscPos', () => {
  it('decodes text in the code page selected by ESC t, and counts the cut', () => {
    const decoded = decodeEscPos(
      bytes([ESC, 0x40, ESC, 0x74, 19], iconv.encode('Caffè più € 1,00\n', 'cp858'), [GS, 0x56, 0x00]),
    );
    expect(decoded.text).toBe('Caffè più € 1,00\n');
    expect(decoded.codePages).toEqual([19]);
    expect(decoded.cuts).toBe(1);
    expect(decoded.inits).toBe(1);
  });

  it('reads the same byte differently after a code page switch', () => {
    // 0xD5 is the euro sign in PC858 and a box-drawing character in PC437.
    const decoded = decodeEscPos(bytes([ESC, 0x74, 19, 0xd5, 0x0a, ESC, 0x74, 0, 0xd5, 0x0a]));
    expect(decoded.text).toBe('€\n╒\n');
    expect(decoded.codePages).toEqual([19, 0]);
  });

  it('goes back to PC437 after ESC @', () => {
    expect(decodeEscPos(bytes([ESC, 0x74, 19, ESC, 0x40, 0x80])).text).toBe('Ç');
    expect(decodeEscPos(bytes([ESC, 0x74, 19, ESC, 0x40, 0xd5])).text).toBe('╒');
  });

  it('reads a native QR code with its model, module size and error correction', () => {
    const decoded = decodeEscPos(
      bytes(
        [GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
        [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
        [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
        qrStore('0190f5c2-7d3a-7b1e-9c4d-2f6a8b0e1d23'),
        [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
      ),
    );
    expect(decoded.qr).toEqual(['0190f5c2-7d3a-7b1e-9c4d-2f6a8b0e1d23']);
    expect(decoded.qrSymbols).toEqual([
      { data: '0190f5c2-7d3a-7b1e-9c4d-2f6a8b0e1d23', model: 2, cellSize: 6, ecc: 'M' },
    ]);
    expect(decoded.text).toBe('');
  });

  it('does not count a stored QR that is never printed', () => {
    expect(decodeEscPos(bytes(qrStore('abc'))).qr).toEqual([]);
  });

  it('turns ESC d n into n line feeds and skips formatting commands', () => {
    const decoded = decodeEscPos(
      bytes(
        [ESC, 0x61, 0x01, ESC, 0x21, 0x00, GS, 0x21, 0x11, ESC, 0x2d, 0x01, ESC, 0x4d, 0x00, ESC, 0x32, ESC, 0x33, 30],
        Buffer.from('A'),
        [ESC, 0x64, 0x03],
        Buffer.from('B\n'),
        [GS, 0x56, 0x41, 0x10],
      ),
    );
    expect(decoded.text).toBe('A\n\n\nB\n');
    expect(decoded.cuts).toBe(1);
  });

  it('records which lines were bold', () => {
    const decoded = decodeEscPos(
      bytes([ESC, 0x45, 0x01], Buffer.from('TITOLO\n'), [ESC, 0x45, 0x00], Buffer.from('corpo\n')),
    );
    expect(decoded.boldLines).toEqual(['TITOLO']);
  });

  it('throws on an unknown command', () => {
    expect(() => decodeEscPos(bytes([ESC, 0x99, 0x00]))).toThrow(EscPosDecodeError);
    expect(() => decodeEscPos(bytes([GS, 0x99]))).toThrow(/unknown command GS 0x99/);
  });

  it('throws on a stray control byte, a truncated command and an unknown code page', () => {
    expect(() => decodeEscPos(bytes(Buffer.from('a'), [0x07]))).toThrow(/unexpected control byte at offset 1/);
    expect(() => decodeEscPos(bytes([ESC, 0x74]))).toThrow(/truncated/);
    expect(() => decodeEscPos(bytes([GS, 0x28, 0x6b, 0x10, 0x00, 0x31, 0x50]))).toThrow(/truncated/);
    expect(() => decodeEscPos(bytes([ESC, 0x74, 99]))).toThrow(/unsupported code page 99/);
  });

  it('throws when a QR is printed with nothing stored', () => {
    expect(() => decodeEscPos(bytes([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]))).toThrow(/without stored data/);
  });
});
