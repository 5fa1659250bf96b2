import iconv from 'iconv-lite';

/**
 * A small ESC/POS decoder for tests: turns the bytes sent to a printer back into what the paper would
 * show. It knows the commands our encoder and node-thermal-printer emit; any other byte throws, so a
 * test fails loudly instead of passing on bytes nobody understood.
 */

export interface QrSymbol {
  data: string;
  /** 1, 2 or 3 (micro) as selected by GS ( k fn 65; null when never selected. */
  model: number | null;
  cellSize: number | null;
  /** 'L' | 'M' | 'Q' | 'H'; null when never selected. */
  ecc: string | null;
}

export interface DecodedReceipt {
  /** Printed characters; LF as '\n'. Feeds (ESC d n) add n line breaks. */
  text: string;
  /** Data of each QR code actually printed, in order. */
  qr: string[];
  qrSymbols: QrSymbol[];
  cuts: number;
  /** Every ESC t n seen, in order. */
  codePages: number[];
  /** Number of ESC @ seen. */
  inits: number;
  /** Lines printed while bold was on (ESC E 1). */
  boldLines: string[];
}

/** ESC t n -> iconv-lite encoding; only single-byte pages a European printer offers. */
const CODE_PAGE_ENCODINGS: ReadonlyMap<number, string> = new Map([
  [0, 'cp437'],
  [2, 'cp850'],
  [3, 'cp860'],
  [4, 'cp863'],
  [5, 'cp865'],
  [16, 'cp1252'],
  [18, 'cp852'],
  [19, 'cp858'],
  [40, 'iso-8859-15'],
]);

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const CR = 0x0d;

const ECC_LEVELS: Record<number, string> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export class EscPosDecodeError extends Error {
  override name = 'EscPosDecodeError';
}

export function decodeEscPos(bytes: Buffer | Uint8Array): DecodedReceipt {
  const buf = Buffer.from(bytes);
  const out: DecodedReceipt = { text: '', qr: [], qrSymbols: [], cuts: 0, codePages: [], inits: 0, boldLines: [] };
  let codePage = 0;
  let bold = false;
  let lineIsBold = false;
  let currentLine = '';
  let qrModel: number | null = null;
  let qrCellSize: number | null = null;
  let qrEcc: string | null = null;
  let qrStored: string | null = null;
  let i = 0;

  const fail = (what: string): never => {
    throw new EscPosDecodeError(`${what} at offset ${i} (0x${(buf[i] ?? 0).toString(16).padStart(2, '0')})`);
  };
  const byteAt = (offset: number): number => {
    const b = buf[offset];
    if (b === undefined) fail('truncated command');
    return b as number;
  };
  const endLine = () => {
    if (lineIsBold && currentLine.trim() !== '') out.boldLines.push(currentLine);
    out.text += '\n';
    currentLine = '';
    lineIsBold = false;
  };

  while (i < buf.length) {
    const b = byteAt(i);
    if (b === LF) {
      endLine();
      i += 1;
    } else if (b === CR) {
      i += 1; // a carriage return alone moves nothing on a receipt printer that we care about
    } else if (b === ESC) {
      const cmd = byteAt(i + 1);
      switch (cmd) {
        case 0x40: // ESC @ init: modes back to power-on defaults, code page 0 included
          out.inits += 1;
          codePage = 0;
          bold = false;
          i += 2;
          break;
        case 0x74: {
          // ESC t n select code page
          const n = byteAt(i + 2);
          if (!CODE_PAGE_ENCODINGS.has(n)) fail(`unsupported code page ${n}`);
          codePage = n;
          out.codePages.push(n);
          i += 3;
          break;
        }
        case 0x45: // ESC E n bold
          bold = (byteAt(i + 2) & 1) === 1;
          i += 3;
          break;
        case 0x21: // ESC ! n print mode (bit 3 = emphasized)
          bold = (byteAt(i + 2) & 0x08) !== 0;
          i += 3;
          break;
        case 0x61: // ESC a n justification
        case 0x2d: // ESC - n underline
        case 0x4d: // ESC M n font
        case 0x33: // ESC 3 n line spacing
        case 0x7b: // ESC { n upside down
        case 0x4a: // ESC J n feed in dots
          byteAt(i + 2);
          i += 3;
          break;
        case 0x32: // ESC 2 default line spacing
          i += 2;
          break;
        case 0x64: {
          // ESC d n print and feed n lines
          const n = byteAt(i + 2);
          for (let k = 0; k < n; k++) endLine();
          i += 3;
          break;
        }
        default:
          fail(`unknown command ESC 0x${cmd.toString(16)}`);
      }
    } else if (b === GS) {
      const cmd = byteAt(i + 1);
      switch (cmd) {
        case 0x21: // GS ! n character size
        case 0x42: // GS B n reverse
        case 0x48: // GS H n HRI position
        case 0x66: // GS f n HRI font
        case 0x68: // GS h n barcode height
        case 0x77: // GS w n barcode width
          byteAt(i + 2);
          i += 3;
          break;
        case 0x56: {
          // GS V m [n] cut
          const m = byteAt(i + 2);
          if (m === 0 || m === 1 || m === 48 || m === 49) i += 3;
          else if (m === 65 || m === 66) i += 4;
          else fail(`unknown cut mode ${m}`);
          out.cuts += 1;
          break;
        }
        case 0x28: {
          // GS ( k pL pH cn fn [params]
          if (byteAt(i + 2) !== 0x6b) fail('unknown GS ( function');
          const length = byteAt(i + 3) + byteAt(i + 4) * 256;
          const start = i + 5;
          const end = start + length;
          if (end > buf.length || length < 2) fail('truncated GS ( k');
          const cn = byteAt(start);
          const fn = byteAt(start + 1);
          if (cn === 0x31) {
            switch (fn) {
              case 0x41: // model: n1 = 49, 50, 51
                qrModel = byteAt(start + 2) - 48;
                break;
              case 0x43: // module size
                qrCellSize = byteAt(start + 2);
                break;
              case 0x45: {
                const level = ECC_LEVELS[byteAt(start + 2)];
                if (level === undefined) fail('unknown QR error correction level');
                qrEcc = level ?? null;
                break;
              }
              case 0x50: // store: cn fn m d1..dk
                qrStored = buf.subarray(start + 3, end).toString('utf8');
                break;
              case 0x51: // print the stored symbol
                if (qrStored === null) fail('QR print without stored data');
                out.qr.push(qrStored ?? '');
                out.qrSymbols.push({ data: qrStored ?? '', model: qrModel, cellSize: qrCellSize, ecc: qrEcc });
                break;
              default:
                fail(`unknown QR function ${fn}`);
            }
          } else if (cn !== 0x30 && cn !== 0x32) {
            // 0x30 PDF417 and 0x32 MaxiCode are skipped whole; anything else is a surprise.
            fail(`unknown 2D symbol ${cn}`);
          }
          i = end;
          break;
        }
        default:
          fail(`unknown command GS 0x${cmd.toString(16)}`);
      }
    } else if (b < 0x20 || b === 0x7f) {
      fail('unexpected control byte');
    } else {
      const encoding = CODE_PAGE_ENCODINGS.get(codePage);
      if (encoding === undefined) fail(`no encoding for code page ${codePage}`);
      const char = iconv.decode(Buffer.from([b]), encoding ?? 'cp437');
      out.text += char;
      currentLine += char;
      if (bold) lineIsBold = true;
      i += 1;
    }
  }
  // Text still in the buffer without a final LF is kept as is (a printer would print it on the next LF).
  if (lineIsBold && currentLine.trim() !== '') out.boldLines.push(currentLine);
  return out;
}
