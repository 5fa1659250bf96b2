import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type ChannelInput } from '../../../shared/contract';
import type { Reply } from '../../../shared/errors';
import { openTestCore, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

/** An input each channel's schema accepts, naming nothing that exists: a handler that runs finds nothing. */
const SAMPLE: { [C in Channel]: ChannelInput<C> } = {
  'counter.info': {},
  'session.login': { operator: 'nessuno', pin: '0000' },
  'session.logout': {},
  'session.current': {},
  'session.unlock': { operator: 'nessuno' },
  'accounts.find': { query: '9999999999' },
  'accounts.get': { accountId: 'nessuno' },
  'accounts.family': { accountId: 'nessuno' },
  'topups.record': {
    requestId: '0190a000-0000-7000-8000-000000000001',
    accountId: 'nessuno',
    amountCents: 1000,
    method: 'cash',
  },
  'topups.void': {
    requestId: '0190a000-0000-7000-8000-000000000002',
    operationId: 'nessuna',
    supervisor: 'nessuno',
    supervisorPin: '0000',
    reason: 'prova',
  },
  'payments.record': {
    requestId: '0190a000-0000-7000-8000-000000000003',
    method: 'cash',
    lines: [
      { accountId: 'nessuno', amountCents: 1000 },
      { accountId: 'nessuno2', amountCents: 1000 },
    ],
  },
  'receipts.list': {},
  'receipts.reprint': { receiptNo: 'nessuna' },
  'receipts.printPending': { receiptNo: 'nessuna' },
  'reports.day': {},
  'reports.printDay': {},
  'reports.period': { from: '2026-11-01', to: '2026-11-30' },
  'reports.rendiconto': { month: '2026-11' },
  'reports.conto': { year: 2026 },
  'sync.enrol': { code: 'ABCDEFGH' },
  'sync.status': {},
  'sync.now': {},
  'sync.problems': {},
  'sync.retry': { operationId: 'nessuna' },
  'notices.issue': { accountId: 'nessuno', amountCents: 1000, subject: 'Prova' },
  'notices.find': { query: '9999999999' },
  'notices.reprint': { noticeId: 'nessuno' },
  'notices.printThermal': { noticeId: 'nessuno' },
  'notices.cancel': { noticeId: 'nessuno', reason: 'prova' },
  'registry.lookup': { fiscalCode: 'XXXXXXXXXXX' },
  'till.status': {},
  'till.open': { floatCounts: {} },
  'till.movement': { kind: 'prelievo', amountCents: 100 },
  'till.reckon': { sessionId: 'nessuna', posTotalCents: 0 },
  'till.close': { sessionId: 'nessuna', posTotalCents: 0 },
  'till.reopen': { sessionId: 'nessuna', reason: 'prova di riapertura', supervisor: 'nessuno', supervisorPin: '0000' },
  'statements.account': { accountId: 'nessuno' },
  'statements.printShort': { accountId: 'nessuno' },
  'attestations.issue': { accountId: 'nessuno', taxYear: 2025 },
  'attestations.batch': { taxYear: 2025 },
  'attestations.stopBatch': {},
  'registration.options': {},
  'registration.quote': { service: 'refezione', schoolYear: '2026/2027', siblingOrder: 1 },
  'registration.save': {
    parent: {
      fiscalCode: 'XXXXXXXXXXX',
      surname: 'Prova',
      name: 'Prova',
      birthDate: '1980-01-01',
      sex: 'F',
      address: 'Via Prova 1',
    },
    consent: true,
    children: [
      {
        fiscalCode: 'YYYYYYYYYYY',
        surname: 'Prova',
        name: 'Bimbo',
        birthDate: '2020-01-01',
        sex: 'M',
        school: 'Scuola',
        enrolments: [{ service: 'refezione', schoolYear: '2026/2027' }],
      },
    ],
  },
  'registration.get': { registrationId: 'nessuna' },
  'registration.printSummary': { registrationId: 'nessuna' },
  'setup.state': {},
  'setup.saveStep': { step: 'a4Printer', a4Printer: null },
  'setup.testPrint': { printer: null },
  'setup.finish': {},
  'recovery.state': {},
  'recovery.restore': { copy: 'sportello-2026-11-30-10.sqlite', supervisor: 'supervisore', pin: 'x' },
  'settings.get': {},
  'settings.save': { step: 'a4Printer', a4Printer: null },
  'settings.testPrint': { printer: { kind: 'file' } },
  'settings.kickDrawer': {},
  'settings.exportDiagnostics': {},
};
/** The first-run setup's writes are public (no operator exists yet) and refused once the PC is configured. */
const SETUP_WRITES: Channel[] = ['setup.saveStep', 'setup.testPrint', 'setup.finish'];

const byAccess = (who: string) => CHANNELS.filter((c) => contract[c].access.who === who);
const refusalOf = (c: Channel) => {
  const access = contract[c].access;
  return 'refusal' in access ? access.refusal : null;
};
/** Calls each channel with its sample, but for login and logout, which would end the session under test. */
const callAll = async (channels: Channel[], sessionId?: string) => {
  const replies = new Map<Channel, Reply<unknown>>();
  for (const c of channels) {
    if (c === 'session.login' || c === 'session.logout') continue;
    replies.set(c, await t.core.invoke(sessionId ?? 's1', c, SAMPLE[c]));
  }
  return replies;
};
/** The error a reply carries, as "CODE: message", or "ok". */
const said = (r: Reply<unknown> | undefined) =>
  r === undefined ? 'nessuna risposta' : r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;

describe('the access the contract declares, enforced by the core on every call', () => {
  it('has a sample input the schema accepts for every channel, so the checks below reach the access check', () => {
    for (const c of CHANNELS) expect(contract[c].input.safeParse(SAMPLE[c]).success, c).toBe(true);
  });

  it('answers NOT_LOGGED_IN on every channel that is not public, and never on a public one', async () => {
    t = await openTestCore();
    const replies = await callAll(CHANNELS, 'nessuna-sessione');
    for (const c of CHANNELS) {
      const reply = said(replies.get(c));
      if (contract[c].access.who === 'public') expect(reply, c).not.toMatch(/^NOT_LOGGED_IN/);
      else expect(reply, c).toBe('NOT_LOGGED_IN: Accesso richiesto: inserire codice operatore e PIN.');
    }
    expect(byAccess('public').sort()).toEqual(
      [
        'counter.info',
        'session.current',
        'session.login',
        'session.logout',
        'sync.enrol',
        'sync.status',
        'setup.state',
        'recovery.state',
        'recovery.restore',
        ...SETUP_WRITES,
      ].sort(),
    );
  });

  it('refuses front-office and supervisor channels to a pharmacy operator with their own texts', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('cavatore', '1234');
    const refused = [...byAccess('frontOffice'), ...byAccess('supervisor')];
    const replies = await callAll(CHANNELS);
    for (const c of CHANNELS) {
      const reply = said(replies.get(c));
      const refusal = refusalOf(c);
      if (refused.includes(c)) expect(reply, c).toBe(`FORBIDDEN: ${refusal}`);
      else expect(reply, c).not.toMatch(/^(NOT_LOGGED_IN|SESSION_LOCKED)/);
    }
    expect(said(replies.get('registration.save'))).toBe(
      "FORBIDDEN: Le iscrizioni si fanno solo allo sportello dei Servizi Educativi o all'Economato: in farmacia non sono disponibili.",
    );
    expect(said(replies.get('notices.issue'))).toBe(
      'FORBIDDEN: Gli avvisi pagoPA si emettono, si ristampano in A4 e si annullano solo allo sportello dei Servizi Educativi.',
    );
  });

  it("lets a pharmacy's supervisor into the supervisor channels but not the front-office ones", async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('sup-cavatore', 'farmacia-9753');
    const replies = await callAll([...byAccess('supervisor'), ...byAccess('frontOffice')]);
    expect(said(replies.get('sync.problems'))).toBe('ok');
    for (const c of byAccess('frontOffice')) expect(said(replies.get(c)), c).toBe(`FORBIDDEN: ${refusalOf(c)}`);
  });

  it('lets a front-office operator into everything but the supervisor channels', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const replies = await callAll(CHANNELS);
    for (const c of CHANNELS) {
      const reply = said(replies.get(c));
      if (contract[c].access.who === 'supervisor') expect(reply, c).toBe(`FORBIDDEN: ${refusalOf(c)}`);
      else if (SETUP_WRITES.includes(c)) expect(reply, c).toMatch(/^FORBIDDEN: Questo PC è già configurato/);
      else if (c === 'recovery.restore')
        expect(reply, c).toMatch(/^FORBIDDEN: .*integro: non c’è nulla da ripristinare/);
      else expect(reply, c).not.toMatch(/^(NOT_LOGGED_IN|SESSION_LOCKED|FORBIDDEN)/);
    }
    expect(said(replies.get('sync.problems'))).toBe(
      'FORBIDDEN: Solo un supervisore può vedere e rimettere in coda le operazioni da risolvere.',
    );
    expect(said(replies.get('registration.options'))).toBe('ok');
  });
});
