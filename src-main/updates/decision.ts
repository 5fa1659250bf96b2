/**
 * When a downloaded update may be installed. Pure: the Electron shell (electron-updater) gathers the
 * facts and acts on the answer. The rule: an update is installed only at a start of the app, before
 * anyone signs in, with nothing in progress and nothing waiting to reach the central; never during a
 * shift, and never an update whose signature/checksum was not verified by the updater.
 */
export interface UpdateFacts {
  /** The version running now and the one downloaded (undefined: none downloaded). */
  installed: string;
  downloaded?: string;
  /** electron-updater verified the file against the metadata (sha512) and, when signed, the publisher. */
  verified: boolean;
  /** 'start': the app is starting, no window shown yet; 'running': any later moment. */
  moment: 'start' | 'running';
  /** An operator's shift (session) is open on this counter. */
  shiftOpen: boolean;
  /** An operation (payment, top-up, print) is being carried out right now. */
  operationInProgress: boolean;
  /** Outbox entries not yet accepted by the central. */
  outboxPending: number;
}

export type UpdateDecision =
  { action: 'install'; version: string } | { action: 'wait'; reason: string } | { action: 'none'; reason: string };

export function decideUpdate(f: UpdateFacts): UpdateDecision {
  if (f.downloaded === undefined) return { action: 'none', reason: 'Nessun aggiornamento scaricato.' };
  if (compareVersions(f.downloaded, f.installed) <= 0) {
    return { action: 'none', reason: `La versione ${f.downloaded} non è più recente di quella installata.` };
  }
  if (!f.verified)
    return { action: 'none', reason: "L'aggiornamento non ha superato la verifica: non viene installato." };
  if (f.shiftOpen) return { action: 'wait', reason: 'Turno aperto: l’aggiornamento si installa al prossimo avvio.' };
  if (f.operationInProgress) return { action: 'wait', reason: 'Operazione in corso.' };
  if (f.outboxPending > 0) {
    return {
      action: 'wait',
      reason: `${f.outboxPending} operazioni da inviare alla centrale prima dell'aggiornamento.`,
    };
  }
  if (f.moment !== 'start') return { action: 'wait', reason: "L'aggiornamento si installa al prossimo avvio." };
  return { action: 'install', version: f.downloaded };
}

/**
 * Compares "1.2.3" or "1.2.3-beta.1" (semver order: a pre-release comes before its release).
 * Throws on anything else: a malformed version in the metadata is never installed.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === undefined) return 1;
  if (pb.pre === undefined) return -1;
  return comparePre(pa.pre.split('.'), pb.pre.split('.'));
}

function parseVersion(v: string): { core: number[]; pre?: string } {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(v.trim());
  if (m === null) throw new Error(`versione non valida: ${JSON.stringify(v)}`);
  const core = [Number(m[1]), Number(m[2]), Number(m[3])];
  return m[4] === undefined ? { core } : { core, pre: m[4] };
}

function comparePre(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    if (!nx && x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The channel from the version: "1.4.0-beta.2" is on "beta", a plain release on "latest". */
export function channelOf(version: string): string {
  const pre = parseVersion(version).pre;
  const tag = pre?.split('.')[0];
  return tag === undefined || /^\d+$/.test(tag) ? 'latest' : tag;
}
