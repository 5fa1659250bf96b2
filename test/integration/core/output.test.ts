import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

describe("the core's answers, parsed with the channel's output schema", () => {
  it('refuses an answer outside the contract with INTERNAL and logs why, instead of sending it', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const fiscalCode = t.sql.prepare('SELECT fiscal_code FROM families ORDER BY id LIMIT 1').pluck().get() as string;
    const before = await t.must('registry.lookup', { fiscalCode });
    expect(before.parent?.fiscalCode).toBe(fiscalCode);

    // A day that does not exist, which the contract's LocalDate refuses: the handler returns it as stored.
    t.sql.prepare("UPDATE families SET birth_date = '1980-02-31' WHERE fiscal_code = ?").run(fiscalCode);
    const after = await t.call('registry.lookup', { fiscalCode });
    expect(after).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          "Errore interno (registry.lookup). Prima di ripetere un pagamento controllare l'elenco delle ricevute (F8); se l'errore si ripete, avvisare l'assistenza.",
      },
    });
    await t.close();
    const log = fs.readFileSync(path.join(t.dataDir, 'logs', 'sportello.log'), 'utf8');
    const entry = log
      .split('\n')
      .filter((l) => l.includes('risposta fuori contratto'))
      .map((l) => JSON.parse(l) as { channel: string; issues: { path: unknown[] }[] });
    expect(entry).toHaveLength(1);
    expect(entry[0]?.channel).toBe('registry.lookup');
    expect(entry[0]?.issues[0]?.path).toEqual(['parent', 'birthDate']);
  });
});
