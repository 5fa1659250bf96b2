/**
 * Applies one feed page and is killed (SIGKILL) in the middle of it, by a temporary trigger that
 * fires on the second item. Run as a child: node --import tsx kill-mid-page-child.ts <dataDir>.
 */
import { openDatabase } from '../../../src-main/db/open';
import { applyFeedPage } from '../../../src-main/sync/apply';

async function run(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: kill-mid-page-child <dataDir>');
  const db = await openDatabase(dataDir);
  db.sqlite.function('die', () => {
    process.kill(process.pid, 'SIGKILL');
    return 0;
  });
  db.sqlite.exec(`CREATE TEMP TRIGGER die_on_second AFTER INSERT ON main.operators WHEN new.code = 'second'
                  BEGIN SELECT die(); END`);
  const operator = (code: string) => ({
    type: 'operator' as const,
    code,
    name: code,
    role: 'sportello' as const,
    counterCode: null,
    pinHash: 'x',
    active: true,
  });
  applyFeedPage(
    db,
    {
      serverTime: new Date().toISOString(),
      items: [operator('first'), operator('second'), operator('third')],
      nextCursor: '3',
      hasMore: false,
      remaining: 0,
    },
    'SE1',
    { initialSyncDone: false, initialSyncProgress: 0 },
  );
  process.stdout.write('page applied: the kill did not happen\n');
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
