import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../documents/pdf';

/**
 * This installation's id, which the central binds the counter's token to (issue 13 item 9): made at
 * the first start and kept in `installazione.json` beside the database, outside it, tied to the data
 * folder itself (its device and inode, and the PC's name). A copy of the folder is another folder
 * (another inode, or another PC), so it makes an id of its own and the central refuses its sync while
 * the real counter goes on; moving the folder, or putting a backup of the database back in it, keeps
 * the id. Only an attempt to fool the check by editing the file would defeat it, and that needs the
 * token too: this guards against honest mistakes (a copied folder started again), not a thief.
 */
export const INSTALLATION_FILE = 'installazione.json';

const Stored = z.object({ id: z.string().min(8).max(64), host: z.string(), dev: z.string(), ino: z.string() });

export interface InstallationIdentity {
  id: string;
  /** True when the id was made at this start (a first start, or a copied folder). */
  fresh: boolean;
}

export function installationIdentity(dataDir: string): InstallationIdentity {
  const file = path.join(dataDir, INSTALLATION_FILE);
  const stat = fs.statSync(dataDir, { bigint: true });
  const here = { host: os.hostname(), dev: String(stat.dev), ino: String(stat.ino) };
  let stored: z.infer<typeof Stored> | null = null;
  try {
    stored = Stored.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    stored = null; // absent or unreadable: a new id
  }
  if (stored && stored.host === here.host && stored.dev === here.dev && stored.ino === here.ino) {
    return { id: stored.id, fresh: false };
  }
  const id = crypto.randomUUID();
  writeFileAtomically(file, Buffer.from(`${JSON.stringify({ id, ...here }, null, 2)}\n`));
  return { id, fresh: true };
}
