import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { RECEIPT_WIDTH } from './layout';
import { toPc858Text } from './pc858';

/**
 * ESC/POS bytes of a receipt: reset, code page PC858, the stored text line by line, the QR code of
 * `opts.qr` (native QR: model 2, error correction M), a feed and a full cut.
 *
 * The text is printed exactly as stored (already laid out in 48 columns), so the paper and the copy
 * kept in the database say the same thing.
 */
/** ESC @: clears the print buffer and resets modes (initHardware exists in the library but not in its types). */
const ESC_INIT = Buffer.from([0x1b, 0x40]);

export function encodeReceipt(text: string, opts: { qr?: string }): Buffer {
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // Only a placeholder: we take the bytes with getBuffer() and send them ourselves.
    interface: 'tcp://127.0.0.1:9100',
    width: RECEIPT_WIDTH,
    characterSet: CharacterSet.PC858_EURO,
    removeSpecialCharacters: false,
  });
  // The constructor already wrote ESC t; start over so that ESC @ (which resets the code page) comes first.
  printer.setBuffer(Buffer.alloc(0));
  printer.append(ESC_INIT);
  printer.setCharacterSet(CharacterSet.PC858_EURO);
  printer.alignLeft();

  // Anything outside PC858 is reduced here: the library would otherwise switch code page silently.
  for (const line of toPc858Text(text).split('\n')) {
    // println folds at the width, and the text is never wider, so one call is one printed line.
    printer.println(line);
  }

  if (opts.qr !== undefined && opts.qr !== '') {
    // The library sizes the QR data by string length but writes UTF-8: only ASCII keeps the two equal.
    if (!/^[\x20-\x7e]+$/.test(opts.qr) || opts.qr.length > 500) {
      throw new Error(`contenuto del QR non stampabile: ${JSON.stringify(opts.qr.slice(0, 60))}`);
    }
    printer.newLine();
    printer.alignCenter();
    printer.printQR(opts.qr, { model: 2, correction: 'M', cellSize: 6 });
    printer.newLine();
    printer.alignLeft();
  }
  printer.cut();
  return Buffer.from(printer.getBuffer());
}

/**
 * ESC p m t1 t2: a pulse on the printer's drawer kick port (pin 2, 50 ms on, 500 ms off), which opens
 * the cash drawer plugged into the printer. Sent alone, as its own job, to the same printer.
 */
export function drawerKickBytes(): Buffer {
  return Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);
}
