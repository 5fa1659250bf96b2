import type BetterSqlite3 from 'better-sqlite3';
import type { ContoGiudiziale, PeriodReport, Rendiconto } from '../../shared/contract';
import { PAYMENT_METHODS, SERVICES } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { formatLocalDate } from '../../shared/time';
import {
  accountPeriod,
  methodsOwed,
  monthBounds,
  owedCents,
  remittedCents,
  yearAccount,
} from '../../shared/reports/account';
import type { Remittance } from '../../shared/reports/remittance';
import { sumTakings, takingsBy, type TakingsLine } from '../../shared/reports/totals';
import type { Counter } from '../core/installation';
import { reportQueries, remittancesOf } from './queries';
import { cell, operatorNames, takingsLines } from './takings';

/** Where the versamenti come from: the till's movements (see `remittancesOf`); tests may give their own. */
export type RemittanceSource = (counterCode: string, from: string, to: string) => Remittance[];

export function storedRemittances(sqlite: BetterSqlite3.Database): RemittanceSource {
  return (counterCode, from, to) => remittancesOf(sqlite, counterCode, from, to);
}

const BEGINNING = '0001-01-01';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function checkPeriod(from: string, to: string): void {
  if (from > to) {
    throw new DomainError(
      'INPUT_INVALID',
      `Periodo non valido: la data iniziale (${formatLocalDate(from)}) è successiva a quella finale (${formatLocalDate(to)}).`,
    );
  }
}

/**
 * The period report: every counter this PC holds takings of (one when asked, or when the PC is a
 * pharmacy's: a pharmacy sees only its own), by counter, service, method, operator and day.
 */
export function periodReport(
  sqlite: BetterSqlite3.Database,
  counter: Counter,
  input: { from: string; to: string; counterCode?: string | undefined },
): { report: PeriodReport; lines: TakingsLine[]; names: Map<string, string> } {
  const { from, to } = input;
  checkPeriod(from, to);
  const wanted = counter.kind === 'farmacia' ? counter.code : input.counterCode;
  if (counter.kind === 'farmacia' && input.counterCode !== undefined && input.counterCode !== counter.code) {
    throw new DomainError('FORBIDDEN', 'Da una farmacia si consultano solo gli incassi della farmacia stessa.');
  }
  const counters =
    wanted !== undefined
      ? [wanted]
      : reportQueries(sqlite)
          .countersWithTakings.all(from, to)
          .flatMap((r) => (r.counter_code === null ? [] : [r.counter_code]));
  const lines = counters.flatMap((code) => takingsLines(sqlite, code, from, to));
  const names = operatorNames(sqlite);
  const days = takingsBy(lines, (l) => l.date).sort((a, b) => a.key.localeCompare(b.key));
  return {
    lines,
    names,
    report: {
      from,
      to,
      counters,
      byCounter: takingsBy(lines, (l) => l.counterCode, counters).map(({ key, takings }) =>
        cell({ counterCode: key }, takings),
      ),
      byService: takingsBy(lines, (l) => l.service, SERVICES).map(({ key, takings }) =>
        cell({ service: key }, takings),
      ),
      byMethod: takingsBy(lines, (l) => l.method, PAYMENT_METHODS).map(({ key, takings }) =>
        cell({ method: key }, takings),
      ),
      byOperator: takingsBy(lines, (l) => l.operator).map(({ key, takings }) =>
        cell(
          { operator: key, name: key === null ? 'non indicato (altro sportello)' : (names.get(key) ?? key) },
          takings,
        ),
      ),
      byDay: days.map(({ key, takings }) => cell({ date: key }, takings)),
      total: sumTakings(lines),
    },
  };
}

function receiptsOf(sqlite: BetterSqlite3.Database, counterCode: string, from: string, to: string) {
  return reportQueries(sqlite)
    .receiptNumbers.all({ counterCode, from, to })
    .map((r) => ({ year: r.year, number: r.number, kind: r.kind, date: r.business_date }));
}

/** What the agent still owed before `date`: all it collected and was due to pay in, less what it paid in. */
function carriedOver(
  sqlite: BetterSqlite3.Database,
  counter: Counter,
  remittances: RemittanceSource,
  date: string,
): number {
  const before = dayBefore(date);
  const owed = owedCents(takingsLines(sqlite, counter.code, BEGINNING, before), methodsOwed(counter.kind));
  return owed - remittedCents(remittances(counter.code, BEGINNING, before));
}

function head(counter: Counter) {
  return { counterCode: counter.code, counterName: counter.name, owedMethods: [...methodsOwed(counter.kind)] };
}

/** The monthly rendiconto of this PC's counter (AAAA-MM). */
export function rendiconto(
  sqlite: BetterSqlite3.Database,
  counter: Counter,
  month: string,
  remittances: RemittanceSource,
): Rendiconto {
  const { from, to } = monthBounds(month);
  const period = accountPeriod({
    from,
    to,
    lines: takingsLines(sqlite, counter.code, from, to),
    receipts: receiptsOf(sqlite, counter.code, from, to),
    remittances: remittances(counter.code, from, to),
    owed: methodsOwed(counter.kind),
    openingCents: carriedOver(sqlite, counter, remittances, from),
  });
  return { ...head(counter), month, period };
}

/** The conto giudiziale (modello 21) of this PC's counter for a year. */
export function contoGiudiziale(
  sqlite: BetterSqlite3.Database,
  counter: Counter,
  input: { year: number; agent: string; ente: { name: string; fiscalCode: string | null } },
  remittances: RemittanceSource,
): ContoGiudiziale {
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const account = yearAccount({
    year: input.year,
    lines: takingsLines(sqlite, counter.code, from, to),
    receipts: receiptsOf(sqlite, counter.code, from, to),
    remittances: remittances(counter.code, from, to),
    owed: methodsOwed(counter.kind),
    openingCents: carriedOver(sqlite, counter, remittances, from),
  });
  return { ...head(counter), agent: input.agent, ente: input.ente, ...account };
}
