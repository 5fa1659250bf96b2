import { sql, type Kysely } from 'kysely';

/**
 * A readable number for every registration, like a receipt's: per counter and per year (Europe/Rome)
 * of the registration, no gaps, never reused (SE1/2026/000001). Frozen once released: never
 * import app code here.
 *
 * - registrations.year / registrations.number, unique per counter: registrations made before this
 *   migration are numbered in the order they were made.
 * - registration_sequences: the last number given per counter and year.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `ALTER TABLE registrations ADD COLUMN year INTEGER`,
    `ALTER TABLE registrations ADD COLUMN number INTEGER`,
    // The year in Rome: at New Year Italy is on UTC+1 (summer time never reaches it), so adding one
    // hour to the UTC time gives the Rome year exactly.
    `UPDATE registrations SET year = CAST(strftime('%Y', created_at, '+1 hour') AS INTEGER)`,
    `UPDATE registrations SET number = (
       SELECT COUNT(*) FROM registrations r2
        WHERE r2.counter_code = registrations.counter_code AND r2.year = registrations.year
          AND (r2.created_at < registrations.created_at
               OR (r2.created_at = registrations.created_at AND r2.id <= registrations.id)))`,
    `CREATE UNIQUE INDEX registrations_number ON registrations(counter_code, year, number)`,
    `CREATE TABLE registration_sequences (
       counter_code TEXT NOT NULL,
       year INTEGER NOT NULL,
       last_number INTEGER NOT NULL,
       PRIMARY KEY (counter_code, year)
     ) STRICT`,
    `INSERT INTO registration_sequences (counter_code, year, last_number)
       SELECT counter_code, year, MAX(number) FROM registrations GROUP BY counter_code, year`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
