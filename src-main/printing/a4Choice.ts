/**
 * How an A4 document (notice, summary) is printed on this PC: silently to the chosen Windows printer
 * (webContents.print with deviceName, in the Electron shell), or opened in the PC's PDF viewer as
 * today when no A4 printer was chosen or the chosen one is no longer installed. Pure, so it is tested
 * without Electron.
 */
export type A4Route = { kind: 'silent'; deviceName: string } | { kind: 'viewer'; reason: string };

export function chooseA4Route(chosen: string | undefined, installed: readonly string[]): A4Route {
  const name = chosen?.trim() ?? '';
  if (name === '') return { kind: 'viewer', reason: 'Nessuna stampante A4 scelta.' };
  // Windows printer names are case-insensitive.
  const match = installed.find((p) => p.toLowerCase() === name.toLowerCase());
  if (match === undefined) {
    return { kind: 'viewer', reason: `La stampante A4 «${name}» non è installata su questo PC.` };
  }
  return { kind: 'silent', deviceName: match };
}

/** The options of Electron's webContents.print for a silent A4 print on the named printer. */
export function a4PrintOptions(deviceName: string) {
  return {
    silent: true,
    deviceName,
    printBackground: true,
    pageSize: 'A4' as const,
    margins: { marginType: 'none' as const },
    color: true,
    copies: 1,
  };
}
