import { z } from 'zod';
import type { Service } from '../domain';
import { DomainError } from '../errors';

/**
 * What the attestazione for the 730 needs from the tax rules: the code of the expense in the return
 * per service, the deduction limit per code (null: no limit of its own) and the notes the document
 * must carry. Each entry holds from its tax year until a later entry replaces it (rules change by law,
 * not every year). Data, not logic: a change is a new entry in the counter's configuration
 * (`taxYears`); the code that builds the attestation never names a code or a figure.
 */
const Code730 = z.string().regex(/^\d{1,3}$/);

export const TaxYearRules = z
  .object({
    taxYear: z.number().int().min(2000).max(2100),
    /** The code per service (spelled out rather than a record keyed by Service: the OpenAPI document names each). */
    codes: z.object({ refezione: Code730, trasporto: Code730, asilo_nido: Code730 }).strict() satisfies z.ZodType<
      Record<Service, string>
    >,
    limitCents: z.record(z.string(), z.number().int().nonnegative().nullable()),
    /** Printed under the figures (e.g. which payments give the right to the deduction). */
    notes: z.array(z.string().min(1)),
  })
  .strict();
export type TaxYearRules = z.infer<typeof TaxYearRules>;

const TRACEABLE_ONLY =
  'Dal 2020 la detrazione del 19% spetta solo per le spese pagate con mezzi tracciabili (carta, bancomat, pagoPA, ' +
  'bonifico): legge 160/2019, art. 1, comma 679. I pagamenti in contanti sono indicati a solo titolo informativo.';

/**
 * The rules used when the counter's configuration carries none, from tax year 2020 (when only traceable
 * payments began to count): refezione and trasporto under code 12 (spese per l'istruzione, no limit of
 * their own here), asilo nido under 33 (632 euro per child).
 */
export const DEFAULT_TAX_YEARS: readonly TaxYearRules[] = [
  {
    taxYear: 2020,
    codes: { refezione: '12', trasporto: '12', asilo_nido: '33' },
    limitCents: { '12': null, '33': 63_200 },
    notes: [TRACEABLE_ONLY],
  },
];

/** The rules in force in a tax year (the latest entry from that year or before), or a NOT_CONFIGURED refusal. */
export function taxRulesOf(rules: readonly TaxYearRules[], taxYear: number): TaxYearRules {
  const found = rules
    .filter((r) => r.taxYear <= taxYear)
    .reduce<TaxYearRules | undefined>(
      (best, r) => (best === undefined || r.taxYear > best.taxYear ? r : best),
      undefined,
    );
  if (!found) {
    throw new DomainError(
      'NOT_CONFIGURED',
      `Nessuna regola fiscale configurata per l'anno ${taxYear}: aggiornare la configurazione dello sportello.`,
    );
  }
  return found;
}
