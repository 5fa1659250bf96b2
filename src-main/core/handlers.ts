import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { parseQuery } from '../../shared/lookup';
import { isMinimised, searchAllowed, searchRefusedMessage } from '../../shared/roles';
import { methodsAcceptedOn } from '../../shared/config';
import { romeDate } from '../../shared/time';
import { AccountLookup, type Visibility } from '../accounts/lookup';
import { operationsReader } from '../accounts/operations';
import { daySummary } from '../reports/day';
import { Receipts } from '../receipts/receipts';
import { printouts } from '../printouts/printouts';
import { journal } from '../journal/journal';
import { renderDaySummaryText } from '../reports/daySummaryText';
import type { Operator, Sessions } from '../session/sessions';
import { Topups, type Committed } from '../topups/topups';
import type { CoreContext } from './context';
import type { SyncService } from '../sync/service';
import { listProblems, retryProblem } from '../sync/problems';
import { noticeHandlers } from '../notices/handlers';
import { registrationHandlers } from '../registration/handlers';

export interface Call<C extends Channel> {
  sessionId: string;
  input: z.output<Contract[C]['input']>;
  /** Present on every channel that is not public: the core checked the session before calling. */
  operator: Operator | null;
}

export type Handlers = { [C in Channel]: (call: Call<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

export function need(operator: Operator | null): Operator {
  if (!operator) throw new DomainError('NOT_LOGGED_IN', 'Accesso richiesto: inserire codice operatore e PIN.');
  return operator;
}

/** The typed map channel -> handler. Every channel of the contract must be here, or this does not compile. */
export function createHandlers(ctx: CoreContext, sessions: Sessions, sync: SyncService): Handlers {
  const lookup = new AccountLookup(ctx.db);
  const topups = new Topups(ctx, lookup);
  const receipts = new Receipts(ctx);
  const print = printouts(ctx);
  const { counter } = ctx;
  const operations = operationsReader(ctx.db, counter.code);
  const visibilityOf = (op: Operator): Visibility => (isMinimised(op.role, counter.kind) ? 'minimal' : 'full');
  const today = () => romeDate(ctx.clock.now());
  /** The sync must never make a committed operation look failed. */
  const committed = () => {
    try {
      ctx.afterMoneyCommit?.();
    } catch (e) {
      ctx.log.error({ scope: 'sync', err: e }, 'avvio della sincronizzazione non riuscito');
    }
  };
  const supervisor = (operator: Operator | null): Operator => {
    const op = need(operator);
    if (op.role !== 'supervisore') {
      throw new DomainError(
        'FORBIDDEN',
        'Solo un supervisore può vedere e rimettere in coda le operazioni da risolvere.',
      );
    }
    return op;
  };

  /** The original of a receipt just committed goes to the printer; the outcome joins the reply. */
  const printCommitted = async (done: Committed, op: Operator) =>
    printFields(
      await print(
        {
          kind: 'receipt',
          receiptNo: done.receiptNo,
          text: done.receiptText,
          operationId: done.operationId,
          copy: false,
          businessDate: done.businessDate,
        },
        op.code,
      ),
    );

  const sessionInfo = (op: Operator) => ({
    operator: { code: op.code, name: op.name, role: op.role },
    counter: { code: counter.code, name: counter.name, kind: counter.kind, address: counter.address },
    settings: {
      idleLockMinutes: counter.config.idleLockMinutes,
      minTopupCents: counter.config.minTopupCents,
      maxTopupCents: counter.config.maxTopupCents,
      methodsToday: methodsAcceptedOn(counter.config, today()),
      largeType: counter.config.largeType || counter.kind === 'farmacia',
      printerConfigured: counter.config.printer !== null,
    },
  });

  return {
    'counter.info': () => ({ code: counter.code, name: counter.name, kind: counter.kind, address: counter.address }),

    'session.login': ({ sessionId, input }) => {
      const op = sessions.login(sessionId, input.operator, input.pin, ctx.clock.now());
      ctx.log.info({ scope: 'session', operator: op.code }, 'accesso');
      return sessionInfo(op);
    },
    'session.logout': ({ sessionId }) => {
      sessions.logout(sessionId);
      return {};
    },
    'session.current': ({ sessionId }) => {
      const op = sessions.current(sessionId, ctx.clock.now());
      return op ? sessionInfo(op) : null;
    },

    'accounts.find': ({ input, operator }) => {
      const op = need(operator);
      const parsed = parseQuery(input.query);
      if (!searchAllowed(op.role, counter.kind, parsed.kind))
        throw new DomainError('FORBIDDEN', searchRefusedMessage());
      if (parsed.kind === 'invalid') throw new DomainError('INPUT_INVALID', parsed.message);
      const { items, nextPage } = lookup.find(parsed, visibilityOf(op), input.page ?? 0);
      return { queryKind: parsed.kind, items, nextPage };
    },

    'accounts.get': ({ input, operator }) => {
      const op = need(operator);
      const account = lookup.get(input.accountId, visibilityOf(op));
      if (!account) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
      return { account, operations: operations(input.accountId, today()) };
    },

    'topups.record': async ({ input, operator }) => {
      const op = need(operator);
      const done = topups.record(op, input, visibilityOf(op));
      committed();
      return { ...withoutDate(done), ...(await printCommitted(done, op)) };
    },

    'topups.void': async ({ input, operator }) => {
      const op = need(operator);
      const approver = sessions.approve(input.supervisor, input.supervisorPin, ctx.clock.now());
      const { operationId, reason } = input;
      const done = topups.voidTopup(op, approver, { operationId, reason }, visibilityOf(op));
      committed();
      const { balanceBeforeCents: _before, ...rest } = withoutDate(done);
      return { ...rest, ...(await printCommitted(done, op)) };
    },

    'receipts.list': ({ input, operator }) => {
      const op = need(operator);
      return { items: receipts.list(input.date ?? today(), input.unprintedOnly ?? false, visibilityOf(op)) };
    },

    'receipts.reprint': async ({ input, operator }) => {
      const op = need(operator);
      const r = receipts.get(input.receiptNo);
      const outcome = await print(
        {
          kind: 'receipt',
          receiptNo: r.receiptNo,
          text: r.text,
          operationId: r.operationId,
          copy: true,
          businessDate: today(),
        },
        op.code,
      );
      journal(ctx.db.sqlite).audit({
        at: ctx.clock.now().toISOString(),
        counterCode: counter.code,
        operatorCode: op.code,
        action: 'receipt.reprint',
        detail: { receiptNo: r.receiptNo },
      });
      return { receiptNo: r.receiptNo, text: outcome.text, ...printFields(outcome) };
    },

    'receipts.printPending': async ({ input, operator }) => {
      const op = need(operator);
      const r = receipts.get(input.receiptNo);
      if (r.printedAt !== null) {
        throw new DomainError(
          'INPUT_INVALID',
          `La ricevuta ${r.receiptNo} è già stata stampata: usare la ristampa (copia).`,
        );
      }
      const outcome = await print(
        {
          kind: 'receipt',
          receiptNo: r.receiptNo,
          text: r.text,
          operationId: r.operationId,
          copy: false,
          businessDate: today(),
        },
        op.code,
      );
      return { receiptNo: r.receiptNo, text: outcome.text, ...printFields(outcome) };
    },

    'reports.day': ({ input, operator }) => {
      need(operator);
      return daySummary(ctx, input.date ?? today());
    },

    'reports.printDay': async ({ input, operator }) => {
      const op = need(operator);
      const summary = await daySummary(ctx, input.date ?? today());
      const text = renderDaySummaryText({
        ...summary,
        header: counter.config.receiptHeader,
        counterName: counter.name,
        counterAddress: counter.address,
        operator: `${op.name} (${op.code})`,
        printedAt: ctx.clock.now().toISOString(),
      });
      return await print({ kind: 'daySummary', date: summary.date, text }, op.code);
    },

    'sync.enrol': ({ input }) => sync.enrol(input.code),
    'sync.status': () => sync.status(),
    'sync.now': ({ operator }) => {
      need(operator);
      return sync.syncNow({ manual: true });
    },
    'sync.problems': ({ operator }) => {
      supervisor(operator);
      return { items: listProblems(ctx.db) };
    },
    'sync.retry': ({ input, operator }) => {
      const op = supervisor(operator);
      retryProblem(ctx.db, input.operationId, { counterCode: counter.code, operatorCode: op.code }, ctx.clock.now());
      ctx.log.info({ scope: 'sync', operator: op.code, operationId: input.operationId }, 'operazione rimessa in coda');
      sync.trigger();
      return {};
    },

    ...noticeHandlers(ctx, sync),
    ...registrationHandlers(ctx, sync),
  };
}

function printFields(outcome: { printed: boolean; printError?: string }) {
  return outcome.printError === undefined
    ? { printed: outcome.printed }
    : { printed: outcome.printed, printError: outcome.printError };
}

function withoutDate({ businessDate: _date, ...reply }: Committed) {
  return reply;
}
