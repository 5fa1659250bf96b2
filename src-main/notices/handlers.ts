import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { NoticeView } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { normalizeNav } from '../../shared/pagopa/nav';
import type { EnteConfig } from '../../shared/pagopa/ente';
import { parseQuery } from '../../shared/lookup';
import type { Visibility } from '../accounts/lookup';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { renderNoticePdf, type NoticeDocumentData } from '../documents/noticePdf';
import { writeFileAtomically } from '../documents/pdf';
import { renderNoticeThermal } from '../printing/noticeText';
import type { Operator } from '../session/sessions';
import type { SyncService } from '../sync/service';
import { Notices } from './notices';
import { registerNoticeHooks } from './settled';
import { NoticeStore, type StoredNotice } from './store';

/** How long a cancellation waits for the central's answer before telling the operator it is queued. */
export const CANCEL_WAIT_MS = 4_000;

const PHARMACY_SEARCH =
  'In farmacia gli avvisi si cercano solo per codice avviso o codice Pa-Pay: il codice fiscale non è consultabile.';

/**
 * The Ente creditore from the counter's configuration. Without it no notice is issued or printed:
 * placeholder codes would let a family pay someone who is not the Comune.
 */
export function configuredEnte(ctx: CoreContext): EnteConfig {
  const ente = ctx.counter.config.ente;
  if (ente === undefined) {
    throw new DomainError(
      'NOT_CONFIGURED',
      `Dati dell'Ente creditore non configurati per lo sportello ${ctx.counter.code}: configurare nel servizio ` +
        'centrale la sezione "ente" della configurazione dello sportello (denominazione, settore, codice fiscale, ' +
        'codice CBILL, codice di segregazione, conto corrente postale se previsto). Fino ad allora gli avvisi ' +
        'pagoPA non si emettono né si stampano.',
    );
  }
  return ente;
}

/** The pagoPA notice channels: issue, reprint and cancel at the front office; find and print also at a pharmacy. */
export function noticeHandlers(ctx: CoreContext, sync: SyncService): HandlersOf<'notices'> {
  registerNoticeHooks();
  const notices = new Notices(ctx);
  const store = new NoticeStore(ctx.db);
  const log = ctx.log.child({ scope: 'notices' });
  const audit = ctx.db.sqlite.prepare(
    'INSERT INTO audit (at, counter_code, operator_code, action, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const record = (op: Operator, action: string, detail: unknown) =>
    audit.run(ctx.clock.now().toISOString(), ctx.counter.code, op.code, action, JSON.stringify(detail));

  const ente = () => configuredEnte(ctx);
  const load = (noticeId: string, visibility: Visibility): StoredNotice => {
    const stored = store.get(noticeId, visibility);
    if (stored === null) throw new DomainError('NOT_FOUND', 'Avviso non trovato: ripetere la ricerca.');
    return stored;
  };
  const payable = (stored: StoredNotice) => {
    if (stored.view.state === 'annullato') {
      throw new DomainError('INPUT_INVALID', "L'avviso è annullato: non si stampa più, va emesso un nuovo avviso.");
    }
  };

  /** Renders the A4 notice and saves it as <dataDir>/documents/avvisi/<nav>.pdf (absolute path). */
  const writePdf = async (stored: StoredNotice): Promise<string> => {
    const { view, debtor } = stored;
    if (debtor === null) throw new DomainError('INPUT_INVALID', "Dell'avviso manca il debitore: non si può stampare.");
    const data: NoticeDocumentData = {
      ente: ente(),
      subject: view.subject,
      debtor,
      totalCents: view.amountCents,
      dueDate: view.dueDate,
      payments: view.payments.map((p) => ({
        nav: p.nav,
        amountCents: p.amountCents,
        dueDate: p.dueDate,
        installment: p.installment,
      })),
      issuedAt: view.createdAt,
      registered: view.state !== 'emesso',
    };
    const file = path.resolve(ctx.dataDir, 'documents', 'avvisi', `${view.nav}.pdf`);
    writeFileAtomically(file, await renderNoticePdf(data));
    return file;
  };

  const find = (query: string, visibility: Visibility): NoticeView[] => {
    const views = (ids: string[]) => ids.map((id) => load(id, visibility).view);
    const nav = normalizeNav(query);
    if (nav !== null) {
      const id = store.idByNavCode(nav);
      return id === null ? [] : views([id]);
    }
    const digits = query.replace(/[\s.-]/g, '');
    if (/^\d{18}$/.test(digits)) {
      throw new DomainError('INPUT_INVALID', 'Codice avviso non valido: le cifre di controllo non corrispondono.');
    }
    const parsed = parseQuery(query);
    switch (parsed.kind) {
      case 'papay':
        return views(store.idsByPapayCode(parsed.code));
      case 'cf':
        if (visibility === 'minimal') throw new DomainError('FORBIDDEN', PHARMACY_SEARCH);
        return views(store.idsByFiscalCode(parsed.code, parsed.canonical));
      case 'name':
        if (visibility === 'minimal') throw new DomainError('FORBIDDEN', PHARMACY_SEARCH);
        throw new DomainError(
          'INPUT_INVALID',
          'Cercare gli avvisi per codice avviso (18 cifre), codice Pa-Pay o codice fiscale.',
        );
      case 'invalid':
        throw new DomainError('INPUT_INVALID', parsed.message);
    }
  };

  return {
    'notices.issue': async ({ input, operator }) => {
      // Refused before anything is written: a notice issued now could not be printed correctly.
      ente();
      const { noticeId } = notices.issue(operator, input);
      try {
        ctx.afterMoneyCommit?.();
      } catch (e) {
        log.error({ err: e }, 'avvio della sincronizzazione non riuscito');
      }
      const stored = load(noticeId, 'full');
      log.info({ noticeId, nav: stored.view.nav, amountCents: stored.view.amountCents }, 'avviso emesso');
      let pdfPath: string;
      try {
        pdfPath = await writePdf(stored);
      } catch (e) {
        log.error({ err: e, noticeId }, 'PDF dell avviso non salvato');
        throw new DomainError(
          'INTERNAL',
          `Avviso emesso (codice avviso ${stored.view.nav}), ma il PDF non è stato salvato: usare la ristampa, non emetterlo di nuovo.`,
        );
      }
      return { noticeId, nav: stored.view.nav, iuv: stored.view.iuv, pdfPath, notice: stored.view };
    },

    'notices.find': ({ input, visibility }) => ({ items: find(input.query, visibility) }),

    'notices.reprint': async ({ input, operator }) => {
      const stored = load(input.noticeId, 'full');
      payable(stored);
      const pdfPath = await writePdf(stored);
      record(operator, 'notice.reprint', { noticeId: input.noticeId, nav: stored.view.nav, state: stored.view.state });
      return { noticeId: input.noticeId, pdfPath };
    },

    'notices.printThermal': async ({ input, operator, visibility }) => {
      const stored = load(input.noticeId, visibility);
      payable(stored);
      const { view } = stored;
      // A notice in instalments prints its first unpaid rata (the receipt carries one QR).
      const payment = stored.payments.find((p) => p.paidAt === null) ?? stored.payments[0];
      if (payment === undefined) throw new Error(`avviso ${view.noticeId} senza pagamenti`);
      const { text, qr } = renderNoticeThermal({
        enteName: ente().name,
        subject: view.subject,
        // Never the codice fiscale; the child as a pharmacy may see it (first name, surname initial).
        childLabel: load(input.noticeId, 'minimal').view.childLabel,
        nav: payment.nav,
        amountCents: payment.amountCents,
        dueDate: payment.dueDate,
        enteFiscalCode: ente().fiscalCode,
        registered: view.state !== 'emesso',
        header: ctx.counter.config.receiptHeader,
      });
      const result = await ctx.printer.print(`avviso-${payment.nav}`, text, { qr });
      record(operator, 'notice.printThermal', {
        noticeId: view.noticeId,
        nav: payment.nav,
        printed: result.ok,
        ...(result.ok ? {} : { error: result.error }),
      });
      if (!result.ok) log.warn({ noticeId: view.noticeId, error: result.error }, 'stampa dell avviso non riuscita');
      return result.ok
        ? { noticeId: view.noticeId, text, printed: true }
        : { noticeId: view.noticeId, text, printed: false, printError: result.error };
    },

    'notices.cancel': async ({ input, operator }) => {
      notices.requestCancel(operator, input.noticeId, input.reason);
      log.info({ noticeId: input.noticeId, operator: operator.code }, 'annullamento richiesto');
      // The answer is the central's: wait for one sync (bounded), then say where things stand.
      const waited = new AbortController();
      await Promise.race([
        sync.syncNow({ manual: true }),
        delay(CANCEL_WAIT_MS, undefined, { signal: waited.signal }).catch(() => undefined),
      ]);
      waited.abort();
      const { view } = load(input.noticeId, 'full');
      return { notice: view, message: cancelMessage(view) };
    },
  };
}

function cancelMessage(view: NoticeView): string {
  if (view.state === 'annullato') return 'Avviso annullato: non è più pagabile.';
  if (view.state === 'pagato') return "Il pagamento è arrivato prima dell'annullamento: l'avviso risulta pagato.";
  if (view.cancelRequested) {
    return "Il servizio centrale non ha ancora risposto: la richiesta di annullamento è in coda e sarà inviata appena possibile. Fino alla conferma l'avviso resta pagabile.";
  }
  return `Il servizio centrale non ha annullato l'avviso, che risulta ${view.state} (per esempio una rata è già stata pagata, o l'esito arriverà con la prossima sincronizzazione).`;
}
