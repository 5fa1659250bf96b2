import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drawerKickBytes, encodeReceipt } from '../../../src-main/printing/escpos';
import { SPOOLER_SCRIPT } from '../../../src-main/printing/spoolerScript';
import { sendToQueue, spoolerArgs, windowsQueuePrinter } from '../../../src-main/printing/windowsPrinter';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-win-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in for powershell.exe, run by node so the test works on Linux and on the Windows runner:
 * it records its arguments and the bytes it was given, then exits with the code it was told to.
 */
function standIn(exitCode: number, stderr = ''): { command: string; commandArgs: string[]; record: string } {
  const dir = tempDir();
  const record = path.join(dir, 'record.json');
  const script = path.join(dir, 'fake-powershell.cjs');
  fs.writeFileSync(
    script,
    `const fs = require('node:fs');
const args = process.argv.slice(2);
const at = (flag) => args[args.indexOf(flag) + 1];
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args,
  script: fs.readFileSync(at('-File'), 'utf8'),
  bytes: fs.readFileSync(at('-Path')).toString('base64'),
}));
process.stderr.write(${JSON.stringify(stderr)});
process.exit(${exitCode});
`,
  );
  return { command: process.execPath, commandArgs: [script], record };
}

function recorded(record: string): { args: string[]; script: string; bytes: string } {
  return JSON.parse(fs.readFileSync(record, 'utf8')) as { args: string[]; script: string; bytes: string };
}

describe('Windows queue printer', () => {
  it('builds a command with no profile, the script as a file and the queue name as one argument', () => {
    expect(spoolerArgs('C:\\t\\p.ps1', 'EPSON TM-T20III Receipt', 'C:\\t\\r.bin')).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      'C:\\t\\p.ps1',
      '-Printer',
      'EPSON TM-T20III Receipt',
      '-Path',
      'C:\\t\\r.bin',
    ]);
  });

  it('hands the ESC/POS bytes of the receipt and the spooler script to the helper, and reports printed', async () => {
    const fake = standIn(0);
    const tempRoot = tempDir();
    const printer = windowsQueuePrinter('Ricevute "sportello"', { ...fake, tempRoot });
    const result = await printer.print('SE1/2026/000001', 'RICEVUTA\nTotale 10,00', {});
    expect(result).toEqual({ ok: true, where: 'printer' });
    const seen = recorded(fake.record);
    expect(seen.args[seen.args.indexOf('-Printer') + 1]).toBe('Ricevute "sportello"');
    expect(Buffer.from(seen.bytes, 'base64').equals(encodeReceipt('RICEVUTA\nTotale 10,00', {}))).toBe(true);
    expect(seen.script).toBe(`\uFEFF${SPOOLER_SCRIPT}`);
    expect(SPOOLER_SCRIPT).toContain("pDataType = 'RAW'");
    // The temporary files are gone afterwards.
    expect(fs.readdirSync(tempRoot)).toEqual([]);
  });

  it('says the queue was not found, with the reason Windows gave', async () => {
    const fake = standIn(2, 'Nome della stampante non valido.\r\n');
    const result = await sendToQueue('Inesistente', Buffer.from([0x1b, 0x40]), { ...fake, tempRoot: tempDir() });
    expect(result).toEqual({
      ok: false,
      error:
        'Stampante non raggiungibile (Inesistente): stampante non trovata tra quelle di Windows (Nome della stampante non valido.)',
    });
  });

  it('reports a partial write and an unknown exit as not printed', async () => {
    const partial = await sendToQueue('POS', Buffer.from([1]), { ...standIn(4), tempRoot: tempDir() });
    expect(partial).toEqual({
      ok: false,
      error: 'Stampante non raggiungibile (POS): la stampante ha ricevuto solo una parte della ricevuta',
    });
    const other = await sendToQueue('POS', Buffer.from([1]), { ...standIn(9, 'boom'), tempRoot: tempDir() });
    expect(other).toEqual({ ok: false, error: 'Stampante non raggiungibile (POS): errore di stampa (boom)' });
  });

  it('says PowerShell is missing when the executable does not exist, and refuses an empty name', async () => {
    const missing = await sendToQueue('POS', Buffer.from([1]), {
      command: path.join(tempDir(), 'no-such-powershell.exe'),
      tempRoot: tempDir(),
    });
    expect(missing).toEqual({
      ok: false,
      error: 'Stampante non raggiungibile (POS): PowerShell non disponibile su questo PC',
    });
    const unnamed = await sendToQueue('  ', Buffer.from([1]));
    expect(unnamed).toEqual({ ok: false, error: 'Stampante non raggiungibile (  ): nome della stampante mancante' });
  });

  it('sends the cash drawer kick (ESC p, pin 2, 50 ms) as its own job to the queue', async () => {
    const fake = standIn(0);
    expect(await sendToQueue('POS', drawerKickBytes(), { ...fake, tempRoot: tempDir() })).toEqual({
      ok: true,
      where: 'printer',
    });
    expect([...Buffer.from(recorded(fake.record).bytes, 'base64')]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
  });

  it('kicks the drawer as a job of its own: exactly the ESC p bytes, to the same queue', async () => {
    const fake = standIn(0);
    const printer = windowsQueuePrinter('EPSON TM-T20III Receipt', {
      command: fake.command,
      commandArgs: fake.commandArgs,
      tempRoot: tempDir(),
    });
    expect(await printer.kick!()).toEqual({ ok: true, where: 'printer' });
    const r = recorded(fake.record);
    expect(Buffer.from(r.bytes, 'base64').equals(drawerKickBytes())).toBe(true);
    expect(r.args[r.args.indexOf('-Printer') + 1]).toBe('EPSON TM-T20III Receipt');
  });
});
