import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirUnusableError, DB_FILE, openDatabase } from '../../../src-main/db/open';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-unusable-'));

describe('a data folder that cannot hold the database', () => {
  it('a file where the folder should be: an Italian message, nothing created', async () => {
    const file = path.join(tmp(), 'dati');
    fs.writeFileSync(file, 'not a folder');
    const refused = await openDatabase(path.join(file, 'sportello')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirUnusableError);
    expect((refused as Error).message).toMatch(
      /^La cartella dei dati dello sportello \(.*\) non si può usare: il percorso contiene un file dove dovrebbe esserci una cartella\. Nessuna operazione è stata registrata\./,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('a database that cannot be opened for writing: an Italian message', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, DB_FILE)); // a folder where the database file should be
    const refused = await openDatabase(dir).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirUnusableError);
    expect((refused as Error).message).toMatch(/non si può usare: il database non si può aprire in scrittura\./);
  });
});
