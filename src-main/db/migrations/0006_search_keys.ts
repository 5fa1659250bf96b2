import { sql, type Kysely } from 'kysely';

/**
 * Search that forgives: "dangelo" finds D'Angelo, "deluca" De Luca, "dell amico" Dell'Amico.
 * Frozen once released: never import app code here (the folding below is a frozen copy of
 * shared/searchKey.ts as it was when this migration was written).
 *
 * - children.surname_key / children.name_key: the surname and the name folded to one word (lower
 *   case, no accents, no apostrophes, spaces or dashes), written by every writer of children.
 * - children_fts indexes them beside the words of the surname and name, so a typed word matches the
 *   start of either a word ("russo" -> Lo Russo) or the whole folded name ("lorusso").
 */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th' };

function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const FTS_COLUMNS = 'surname, name, surname_key, name_key';
const NEW = 'new.surname, new.name, new.surname_key, new.name_key';
const OLD = 'old.surname, old.name, old.surname_key, old.name_key';
/** Rows per UPDATE ... FROM json_each while filling the keys. */
const CHUNK = 5000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const before = [
    `DROP TRIGGER children_ai`,
    `DROP TRIGGER children_ad`,
    `DROP TRIGGER children_au`,
    `DROP TABLE children_fts`,
    `ALTER TABLE children ADD COLUMN surname_key TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE children ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`,
  ];
  for (const s of before) await sql.raw(s).execute(db);

  const rows = (
    await sql<{ id: string; surname: string; name: string }>`SELECT id, surname, name FROM children`.execute(db)
  ).rows;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const keys = rows.slice(i, i + CHUNK).map((r) => [r.id, key(r.surname), key(r.name)]);
    await sql`UPDATE children SET surname_key = j.value ->> 1, name_key = j.value ->> 2
                FROM json_each(${JSON.stringify(keys)}) AS j WHERE children.id = j.value ->> 0`.execute(db);
  }

  const after = [
    // Accents and case are folded by the tokenizer too; apostrophes split the words of surname and name.
    `CREATE VIRTUAL TABLE children_fts USING fts5(
       ${FTS_COLUMNS}, content='children', content_rowid='rowid',
       tokenize = "unicode61 remove_diacritics 2"
     )`,
    `CREATE TRIGGER children_ai AFTER INSERT ON children BEGIN
       INSERT INTO children_fts(rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${NEW});
     END`,
    `CREATE TRIGGER children_ad AFTER DELETE ON children BEGIN
       INSERT INTO children_fts(children_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${OLD});
     END`,
    `CREATE TRIGGER children_au AFTER UPDATE ON children BEGIN
       INSERT INTO children_fts(children_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${OLD});
       INSERT INTO children_fts(rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${NEW});
     END`,
    `INSERT INTO children_fts(children_fts) VALUES ('rebuild')`,
  ];
  for (const s of after) await sql.raw(s).execute(db);
}
