import type { PrinterConfig } from '../../shared/config';

/** The receipt printer form's fields, and the configuration they stand for (or why they stand for none). */
export interface PrinterDraft {
  kind: 'network' | 'windows' | 'file';
  address: string;
  windowsName: string;
  drawer: boolean;
}

export function draftOf(config: PrinterConfig | null | undefined): PrinterDraft {
  const base = { address: '', windowsName: '', drawer: config?.drawer === true };
  if (config === null || config === undefined || config.kind === 'file') return { kind: 'file', ...base };
  if (config.kind === 'windows') return { kind: 'windows', ...base, windowsName: config.name };
  return { kind: 'network', ...base, address: `${config.host}:${config.port}` };
}

export function configOf(d: PrinterDraft): { ok: true; config: PrinterConfig } | { ok: false; error: string } {
  const drawer = d.drawer ? { drawer: true } : {};
  switch (d.kind) {
    case 'file':
      return { ok: true, config: { kind: 'file', ...drawer } };
    case 'windows': {
      const name = d.windowsName.trim();
      if (name === '') return { ok: false, error: 'Scrivere il nome della stampante come appare in Windows.' };
      return { ok: true, config: { kind: 'windows', name, ...drawer } };
    }
    case 'network': {
      const m = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(d.address.trim());
      const port = m ? Number(m[2]) : 0;
      if (!m || port < 1 || port > 65535) {
        return { ok: false, error: 'Indirizzo non valido: scrivere indirizzo:porta, per esempio 192.168.1.50:9100.' };
      }
      return { ok: true, config: { kind: 'network', host: m[1]!, port, ...drawer } };
    }
  }
}

/** Where receipts go, in words. */
export function printerText(config: PrinterConfig | null | undefined): string {
  if (config === null || config === undefined || config.kind === 'file') return 'su file';
  if (config.kind === 'windows') return `stampante di Windows «${config.name}»`;
  return `stampante di rete ${config.host}:${config.port}`;
}
