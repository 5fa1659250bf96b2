import { afterEach, describe, expect, it } from 'vitest';
import { drawerKickBytes } from '../../../src-main/printing/escpos';
import { networkPrinter } from '../../../src-main/printing/printer';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { familyOfTwo } from '../../support/family';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';

let t: TestCore | undefined;
let vp: VirtualPrinter | undefined;
afterEach(async () => {
  await t?.close();
  await vp?.close();
  t = undefined;
  vp = undefined;
});

const isKick = (job: Buffer) => job.equals(drawerKickBytes());

async function counterWithDrawer(drawer: boolean) {
  vp = await startVirtualPrinter();
  const printer = { host: vp.host, port: vp.port };
  t = await openTestCore({
    config: (c) => ({ ...c, printer: { ...printer, drawer } }),
    receiptPrinter: networkPrinter(printer),
  });
  return { t, vp };
}

const kicksInAudit = (core: TestCore) =>
  core.sql.prepare("SELECT operator_code, detail FROM audit WHERE action = 'drawer.kick' ORDER BY id").all() as {
    operator_code: string;
    detail: string;
  }[];

describe('the cash drawer on the receipt printer', () => {
  it('opens exactly once per cash top-up, after its receipt, and never for a card; each kick audited', async () => {
    const { t, vp } = await counterWithDrawer(true);
    await t.login('sportello1', '2468');
    const p = pick(t.sql);
    const a = p.account();
    const b = p.account(`a.id <> '${a.id}'`);
    const cash = await t.must('topups.record', { accountId: a.id, amountCents: 2500, method: 'cash' });
    const card = await t.must('topups.record', { accountId: b.id, amountCents: 3000, method: 'card' });
    const cash2 = await t.must('topups.record', { accountId: b.id, amountCents: 1500, method: 'cash' });
    const jobs = await vp.waitForJobs(5);
    expect(jobs.map((j) => (isKick(j) ? 'kick' : 'receipt'))).toEqual([
      'receipt',
      'kick',
      'receipt',
      'receipt',
      'kick',
    ]);
    expect(card.printed).toBe(true);
    const audit = kicksInAudit(t).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
    expect(audit).toEqual([
      { reason: 'topup', operationId: cash.operationId, opened: true },
      { reason: 'topup', operationId: cash2.operationId, opened: true },
    ]);
  });

  it('opens once for a split payment in cash, after its one receipt, and never for one by card', async () => {
    const { t, vp } = await counterWithDrawer(true);
    await t.login('sportello1', '2468');
    const { a, b } = familyOfTwo(t.sql);
    const lines = (cents: number) => [
      { accountId: a.id, amountCents: cents },
      { accountId: b.id, amountCents: cents + 500 },
    ];
    await t.must('payments.record', { method: 'card', lines: lines(1_000) });
    const cash = await t.must('payments.record', { method: 'cash', lines: lines(2_000) });
    const jobs = await vp.waitForJobs(3);
    expect(jobs.map((j) => (isKick(j) ? 'kick' : 'receipt'))).toEqual(['receipt', 'receipt', 'kick']);
    expect(kicksInAudit(t).map((r) => JSON.parse(r.detail) as Record<string, unknown>)).toEqual([
      { reason: 'topup', operationId: cash.lines[0]?.operationId, opened: true },
    ]);
  });

  it('stays shut for cash when the printer has no drawer configured', async () => {
    const { t, vp } = await counterWithDrawer(false);
    await t.login('sportello1', '2468');
    await t.must('topups.record', { accountId: pick(t.sql).account().id, amountCents: 2500, method: 'cash' });
    const kick = await t.login('supervisore', 'carrara-1357', 's2').then(() => t.call('settings.kickDrawer', {}, 's2'));
    expect(kick.ok ? 'ok' : kick.error.code).toBe('NOT_CONFIGURED');
    expect((await vp.waitForJobs(1)).some(isKick)).toBe(false);
    expect(vp.jobs()).toHaveLength(1);
    expect(kicksInAudit(t)).toEqual([]);
  });

  it("opens at a supervisor's request (audited with the supervisor), refused to an operator", async () => {
    const { t, vp } = await counterWithDrawer(true);
    await t.login('sportello1', '2468');
    const refused = await t.call('settings.kickDrawer', {});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    await t.login('supervisore', 'carrara-1357', 's2');
    expect(await t.must('settings.kickDrawer', {}, 's2')).toEqual({ opened: true });
    const [job] = await vp.waitForJobs(1);
    expect(isKick(job!)).toBe(true);
    expect(kicksInAudit(t)).toEqual([
      { operator_code: 'supervisore', detail: JSON.stringify({ reason: 'request', operationId: null, opened: true }) },
    ]);
  });

  it('says so, and audits it, when the printer does not answer the kick', async () => {
    const { t } = await counterWithDrawer(true);
    await vp?.close();
    vp = undefined;
    await t.login('supervisore', 'carrara-1357');
    const reply = await t.must('settings.kickDrawer', {});
    expect(reply.opened).toBe(false);
    expect(reply.error).toMatch(/^Stampante non raggiungibile/);
    expect(JSON.parse(kicksInAudit(t)[0]!.detail)).toMatchObject({ reason: 'request', opened: false });
  });
});
