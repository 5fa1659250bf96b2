import type { Core } from '../../src-main/core/types';
import { nameSearch, type NameSearchFts } from '../../src-main/accounts/lookup';
import { parseQuery } from '../../shared/lookup';
import { compare, type Comparison } from './measure';
import type { QuerySets } from './queries';
import type { RawDatabase } from './raw';
import { loginFresh, valueOf } from './session';

export interface LookupResults {
  lookup_code: Comparison;
  lookup_cf: Comparison;
  search_name: Comparison;
}

export interface LookupPlan {
  runs: number;
  samples: number;
  warmup: number;
  progress: (line: string) => void;
}

type Kind = keyof LookupResults;

/** The raw side gets what the core would have parsed, parsed beforehand: only the SQL is timed. */
type RawArgument = string | NameSearchFts;

function rawArgument(kind: Kind, query: string): RawArgument {
  const parsed = parseQuery(query);
  switch (kind) {
    case 'lookup_code':
      if (parsed.kind !== 'papay') throw new Error(`not a Pa-Pay code: ${query}`);
      return parsed.code;
    case 'lookup_cf':
      if (parsed.kind !== 'cf') throw new Error(`not a codice fiscale: ${query}`);
      return parsed.canonical;
    case 'search_name':
      if (parsed.kind !== 'name') throw new Error(`not a name: ${query}`);
      return nameSearch(parsed.words);
  }
}

function rawCall(raw: RawDatabase, kind: Kind): (arg: RawArgument) => unknown[] {
  const text = (arg: RawArgument) => {
    if (typeof arg !== 'string') throw new Error(`${kind}: expected a code`);
    return arg;
  };
  switch (kind) {
    case 'lookup_code':
      return (arg) => raw.byCode(text(arg));
    case 'lookup_cf':
      return (arg) => raw.byChildCf(text(arg));
    case 'search_name':
      return (arg) => {
        if (typeof arg === 'string') throw new Error('search_name: expected FTS expressions');
        return raw.byName(arg);
      };
  }
}

function itemsOf(value: unknown): unknown[] {
  return (value as { items: unknown[] }).items;
}

/**
 * Before timing anything: the core and the raw query must find the same accounts, or the ratio
 * would compare two different pieces of work.
 */
async function checkSameAnswers(core: Core, sessionId: string, raw: RawDatabase, kind: Kind, queries: string[]) {
  const call = rawCall(raw, kind);
  for (const query of queries.slice(0, 100)) {
    const coreItems = itemsOf(valueOf(await core.invoke(sessionId, 'accounts.find', { query }), query)).length;
    // A name page is NAME_PAGE_SIZE children with all their accounts.
    const rawRows = call(rawArgument(kind, query)).length;
    if (coreItems !== rawRows) throw new Error(`${kind} "${query}": core ${coreItems} accounts, raw ${rawRows}`);
    if (coreItems === 0 && kind !== 'search_name') throw new Error(`${kind} "${query}" found nothing`);
  }
}

export async function benchLookups(core: Core, raw: RawDatabase, sets: QuerySets, plan: LookupPlan) {
  const byKind: Record<Kind, string[]> = {
    lookup_code: sets.papayCodes,
    lookup_cf: sets.childFiscalCodes,
    search_name: sets.names,
  };
  const results: Partial<LookupResults> = {};
  for (const kind of Object.keys(byKind) as Kind[]) {
    const queries = byKind[kind];
    if (queries.length < plan.samples + plan.warmup) throw new Error(`${kind}: too few queries`);
    const rawArgs = queries.map((q) => rawArgument(kind, q));
    const call = rawCall(raw, kind);
    let sessionId = await loginFresh(core, `${kind}-check`);
    await checkSameAnswers(core, sessionId, raw, kind, queries);
    results[kind] = await compare({
      label: kind,
      runs: plan.runs,
      samples: plan.samples,
      warmup: plan.warmup,
      progress: plan.progress,
      beforeCoreRun: async (run) => {
        sessionId = await loginFresh(core, `${kind}-${run}`);
      },
      core: async (i) => {
        const query = queries[i] ?? '';
        valueOf(await core.invoke(sessionId, 'accounts.find', { query }), query);
      },
      raw: (i) => {
        const arg = rawArgs[i];
        if (arg !== undefined) call(arg);
      },
    });
  }
  return results as LookupResults;
}
