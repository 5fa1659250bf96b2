/**
 * Who may call a channel, declared beside its schemas in the contract. The core enforces it in one
 * place before any handler runs; the README's access table is rendered from these declarations.
 *
 * - `public`: no operator session (counter identity, login, first-run enrolment, status bar).
 * - `operator`: any logged-in operator; `atPharmacy: 'minimised'` means the answer carries only what a
 *   pharmacy may see (no codice fiscale, no address, the surname's initial) when the operator or the
 *   counter is a pharmacy.
 * - `supervisor`: supervisors only (of the Servizi Educativi, or of their own pharmacy).
 * - `frontOffice`: operators and supervisors of a counter that is not a pharmacy; refused at a pharmacy.
 *
 * `refusal` is the Italian text of the FORBIDDEN reply the operator reads.
 */
export type Access =
  | { readonly who: 'public' }
  | { readonly who: 'operator'; readonly atPharmacy: 'same' | 'minimised' }
  | { readonly who: 'supervisor'; readonly refusal: string }
  | { readonly who: 'frontOffice'; readonly refusal: string };

export const PUBLIC = { who: 'public' } as const satisfies Access;
export const OPERATOR = { who: 'operator', atPharmacy: 'same' } as const satisfies Access;
export const MINIMISED_AT_PHARMACY = { who: 'operator', atPharmacy: 'minimised' } as const satisfies Access;

export function supervisorOnly(refusal: string) {
  return { who: 'supervisor', refusal } as const satisfies Access;
}

export function frontOfficeOnly(refusal: string) {
  return { who: 'frontOffice', refusal } as const satisfies Access;
}
