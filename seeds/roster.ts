import { omocodicVariant } from '../shared/codiceFiscale';
import { SERVICES, type Service } from '../shared/domain';
import { makePapayCode } from '../shared/papay';
import { daysBetween, addDays, recentSchoolDays, SEED_MS } from './calendar';
import { computeFiscalCode } from './fiscalCode';
import { deterministicUuid } from './ids';
import { CHILD_NAMES, PARENT_NAMES, SURNAMES_WEIGHTED, type FirstName } from './names';
import { CHILD_BIRTHPLACES, PARENT_BIRTHPLACES, STREETS } from './places';
import { createRng, type Rng } from './prng';
import type { DemoAccountRow, DemoChildRow, DemoFamilyRow, DemoHistoryRow } from './rows';
import { classOf, LEVELS, type LevelRule, type SchoolLevel } from './schools';

/**
 * Builders of the demo roster: families, their children, the children's accounts and the recent
 * history the central service already counted. Pure data, no database: the seeders write it through
 * the same store functions the sync pull uses.
 */
export interface DemoAccount {
  account: DemoAccountRow;
  /** Central entries already included in the server balance. */
  history: DemoHistoryRow[];
}

export interface DemoChild {
  child: DemoChildRow;
  level: SchoolLevel;
  omocodic: boolean;
  accounts: DemoAccount[];
}

export interface DemoFamily {
  family: DemoFamilyRow;
  children: DemoChild[];
}

export interface RosterOptions {
  seed: string;
  /** Stop after this many families. */
  families?: number;
  /** Stop when exactly this many accounts are built (the last child gets fewer services if needed). */
  accounts?: number;
  /** School days of meal history before the seed time. */
  mealDays: number;
}

/** Share of children whose codice fiscale is an omocodic variant (the Agenzia assigned them one). */
const OMOCODIC_SHARE = 0.02;
const CHILDREN_PER_FAMILY: readonly (readonly [number, number])[] = [
  [1, 58],
  [2, 34],
  [3, 8],
];
/** Meal price by ISEE band, in cents. */
const MEAL_TARIFFS: readonly (readonly [number, number])[] = [
  [220, 15],
  [350, 25],
  [450, 30],
  [530, 30],
];
const PAGOPA_TOPUPS = [2000, 3000, 5000] as const;
const ENROLMENT_FROM_MS = Date.parse('2019-09-01T07:00:00.000Z');
const ENROLMENT_TO_MS = SEED_MS - 30 * 86_400_000;
const MINUTE_MS = 60_000;

const CHILD_MALE = CHILD_NAMES.filter((n) => n.sex === 'M');
const CHILD_FEMALE = CHILD_NAMES.filter((n) => n.sex === 'F');
const PARENT_MALE = PARENT_NAMES.filter((n) => n.sex === 'M');
const PARENT_FEMALE = PARENT_NAMES.filter((n) => n.sex === 'F');
const SEED_DAY = new Date(SEED_MS).toISOString().slice(0, 10);

function randomDate(rng: Rng, from: string, to: string): string {
  const last = to < SEED_DAY ? to : SEED_DAY;
  return addDays(from, rng.int(0, daysBetween(from, last)));
}

function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

class RosterBuilder {
  private readonly usedCanonical = new Set<string>();
  private readonly usedSerials = new Set<number>();
  private readonly schoolDays: string[];
  /** Families enrol one after the other, so ids grow with insertion order (cheap appends to the b-trees). */
  private readonly enrolmentStepMs: number;
  private familiesBuilt = 0;
  accountsBuilt = 0;

  constructor(
    private readonly rng: Rng,
    private readonly options: RosterOptions,
  ) {
    this.schoolDays = recentSchoolDays(options.mealDays);
    // A family has about 1.7 accounts: dividing by less spreads the enrolments over most of the span, never past it.
    const expectedFamilies = options.families ?? Math.ceil((options.accounts ?? 1) / 1.5);
    this.enrolmentStepMs = Math.floor((ENROLMENT_TO_MS - ENROLMENT_FROM_MS) / Math.max(1, expectedFamilies));
  }

  private accountsLeft(): number {
    return this.options.accounts === undefined ? Number.POSITIVE_INFINITY : this.options.accounts - this.accountsBuilt;
  }

  /**
   * A code no one else in the roster has: two people with the same letters, date and place get a
   * new birth date here (the real roster would give one of them an omocodic variant, which we add on purpose).
   */
  private uniqueFiscalCode(
    surname: string,
    first: FirstName,
    pickDate: () => string,
    pickPlace: () => string,
  ): { code: string; birthDate: string } {
    for (;;) {
      const birthDate = pickDate();
      const code = computeFiscalCode({ surname, name: first.name, birthDate, sex: first.sex, birthPlace: pickPlace() });
      if (!this.usedCanonical.has(code)) {
        this.usedCanonical.add(code);
        return { code, birthDate };
      }
    }
  }

  private papayCode(): string {
    for (;;) {
      const serial = this.rng.int(100_000_000, 999_999_999);
      if (!this.usedSerials.has(serial)) {
        this.usedSerials.add(serial);
        return makePapayCode(serial);
      }
    }
  }

  family(): DemoFamily | null {
    if (this.accountsLeft() <= 0) return null;
    const rng = this.rng;
    const slotMs = ENROLMENT_FROM_MS + this.familiesBuilt * this.enrolmentStepMs;
    const enrolledMs = Math.min(slotMs + rng.int(0, Math.floor(this.enrolmentStepMs / 2)), ENROLMENT_TO_MS);
    this.familiesBuilt++;
    const familyId = deterministicUuid(rng, enrolledMs);
    const childSurname = rng.weighted(SURNAMES_WEIGHTED);
    // The adulto di riferimento is the last parent who enrolled: more often the mother, who keeps her surname.
    const parentIsMother = rng.chance(0.62);
    const parentSurname = parentIsMother && rng.chance(0.8) ? rng.weighted(SURNAMES_WEIGHTED) : childSurname;
    const childCount = rng.weighted(CHILDREN_PER_FAMILY);

    const children: DemoChild[] = [];
    const takenNames = new Set<string>();
    const schoolOfLevel = new Map<SchoolLevel, string>();
    for (let i = 0; i < childCount && this.accountsLeft() > 0; i++) {
      children.push(this.child(familyId, enrolledMs + (i + 1) * 1000, childSurname, takenNames, schoolOfLevel));
    }
    const oldestBirth = children.map((c) => c.child.birthDate).sort()[0] ?? SEED_DAY;
    const parentFirst = rng.pick(parentIsMother ? PARENT_FEMALE : PARENT_MALE);
    const oldestYear = Number(oldestBirth.slice(0, 4));
    const parentYear = oldestYear - rng.int(22, 42);
    const parentCf = this.uniqueFiscalCode(
      parentSurname,
      parentFirst,
      () => randomDate(rng, `${parentYear}-01-01`, `${parentYear}-12-31`),
      () => rng.weighted(PARENT_BIRTHPLACES),
    );
    const place = rng.pick(STREETS);
    const houseNumber = `${rng.int(1, 120)}${rng.chance(0.1) ? rng.pick(['A', 'B', 'C']) : ''}`;
    const locality = place.locality === 'Carrara' ? '' : `${place.locality}, `;
    const family: DemoFamilyRow = {
      id: familyId,
      surname: parentSurname,
      name: parentFirst.name,
      fiscalCode: parentCf.code,
      address: `${place.street} ${houseNumber}, ${locality}${place.cap} Carrara (MS)`,
      phone: rng.chance(0.9) ? `3${rng.int(20, 93)} ${rng.int(1_000_000, 9_999_999)}` : null,
      email: rng.chance(0.65)
        ? `${asciiLower(parentFirst.name)}.${asciiLower(parentSurname)}${rng.int(1, 99)}@example.org`
        : null,
    };
    return { family, children };
  }

  private child(
    familyId: string,
    enrolledMs: number,
    surname: string,
    takenNames: Set<string>,
    schoolOfLevel: Map<SchoolLevel, string>,
  ): DemoChild {
    const rng = this.rng;
    const id = deterministicUuid(rng, enrolledMs);
    const rule: LevelRule = rng.weighted(LEVELS.map((l) => [l, l.weight] as const));
    let first: FirstName;
    do first = rng.pick(rng.chance(0.5) ? CHILD_MALE : CHILD_FEMALE);
    while (takenNames.has(first.name));
    takenNames.add(first.name);
    const cf = this.uniqueFiscalCode(
      surname,
      first,
      () => randomDate(rng, rule.bornFrom, rule.bornTo),
      () => rng.weighted(CHILD_BIRTHPLACES),
    );
    const omocodic = rng.chance(OMOCODIC_SHARE);
    // Low levels change the rightmost digits first, as the Agenzia does.
    const fiscalCode = omocodic ? omocodicVariant(cf.code, rng.int(1, 7)) : cf.code;

    // Siblings at the same level go to the same school.
    const school = schoolOfLevel.get(rule.level) ?? rng.pick(rule.schools);
    schoolOfLevel.set(rule.level, school);
    const klass = classOf(rule.level, Number(cf.birthDate.slice(0, 4)));
    const schoolLine = klass === null ? school : `${school} - classe ${klass}ª ${rng.pick(['A', 'B', 'C', 'D'])}`;

    const child: DemoChildRow = {
      id,
      familyId,
      surname,
      name: first.name,
      fiscalCode,
      birthDate: cf.birthDate,
      school: schoolLine,
    };
    const services = this.servicesFor(rule);
    const accounts = services.map((service, i) => this.account(id, service, enrolledMs + (i + 1) * 10));
    return { child, level: rule.level, omocodic, accounts };
  }

  private servicesFor(rule: LevelRule): Service[] {
    const rng = this.rng;
    let services = SERVICES.filter((s) => rule.services[s] > 0 && rng.chance(rule.services[s]));
    if (services.length === 0) {
      // Every child in the roster uses at least one service: that is why it is in the roster.
      const likeliest = [...SERVICES].sort((a, b) => rule.services[b] - rule.services[a])[0];
      if (likeliest === undefined) throw new Error('nessun servizio');
      services = [likeliest];
    }
    return services.slice(0, this.accountsLeft());
  }

  private account(childId: string, service: Service, enrolledMs: number): DemoAccount {
    const rng = this.rng;
    const id = deterministicUuid(rng, enrolledMs);
    const papayCode = this.papayCode();
    const history: DemoHistoryRow[] = [];
    let serverBalanceCents: number;
    switch (service) {
      case 'refezione': {
        const tariff = rng.weighted(MEAL_TARIFFS);
        serverBalanceCents = rng.chance(0.15) ? -rng.int(1, 12) * tariff : rng.int(0, 1500) * 10;
        const attendance = rng.chance(0.1) ? 0.4 : 0.9;
        for (const day of this.schoolDays) {
          if (!rng.chance(attendance)) continue;
          // Meals are counted at the canteen around lunch (11:30-12:15 UTC, 12:30-13:15 in Rome in winter).
          const at = Date.parse(`${day}T11:30:00.000Z`) + rng.int(0, 45) * MINUTE_MS;
          history.push(this.entry(id, 'meal', -tariff, at, day));
        }
        if (this.schoolDays.length > 0 && rng.chance(0.25)) {
          const day = rng.pick(this.schoolDays);
          const at = Date.parse(`${day}T18:00:00.000Z`) + rng.int(0, 180) * MINUTE_MS;
          history.push(this.entry(id, 'topup_pagopa', rng.pick(PAGOPA_TOPUPS), at, day));
        }
        history.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
        break;
      }
      case 'trasporto':
        serverBalanceCents = rng.chance(0.1) ? -rng.int(10, 180) * 50 : rng.int(0, 480) * 50;
        break;
      case 'asilo_nido':
        serverBalanceCents = rng.chance(0.1) ? -rng.int(10, 400) * 100 : rng.int(0, 600) * 100;
        break;
      default: {
        const never: never = service;
        throw new Error(`servizio sconosciuto: ${String(never)}`);
      }
    }
    this.accountsBuilt++;
    const account: DemoAccountRow = {
      id,
      childId,
      service,
      papayCode,
      serverBalanceCents,
      serverSeq: rng.int(1, 400) + history.length,
      serverBalanceAt: new Date(SEED_MS).toISOString(),
    };
    return { account, history };
  }

  private entry(
    accountId: string,
    kind: 'meal' | 'topup_pagopa',
    amountCents: number,
    atMs: number,
    businessDate: string,
  ): DemoHistoryRow {
    return {
      id: deterministicUuid(this.rng, atMs),
      accountId,
      kind,
      amountCents,
      createdAt: new Date(atMs).toISOString(),
      businessDate,
      counterCode: null,
      reason: null,
    };
  }
}

/** The demo families, one at a time (the benchmark builds over a hundred thousand accounts). */
export function* buildRoster(options: RosterOptions): Generator<DemoFamily> {
  if (options.families === undefined && options.accounts === undefined) {
    throw new Error('buildRoster: indicare il numero di famiglie o di conti');
  }
  const builder = new RosterBuilder(createRng(options.seed).fork('roster'), options);
  for (let n = 0; options.families === undefined || n < options.families; n++) {
    const next = builder.family();
    if (next === null) return;
    yield next;
  }
}
