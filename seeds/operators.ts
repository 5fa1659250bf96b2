import type { Role } from '../shared/domain';

/**
 * The demo operators with their PINs in clear, for the README, the tests and whoever tries the demo.
 * Few on purpose: PIN hashing (scrypt) is slow by design.
 */
export interface DemoOperator {
  code: string;
  name: string;
  role: Role;
  /** null: supervisor of the Servizi Educativi, who may approve at any front-office counter (never at a pharmacy). */
  counterCode: string | null;
  pin: string;
}

const PHARMACIES: readonly { slug: string; counterCode: string; clerk: string; supervisor: string }[] = [
  { slug: 'cavatore', counterCode: 'FAR-CAVATORE', clerk: 'Elisa Bogazzi', supervisor: 'Dott. Paolo Lazzoni' },
  { slug: 'laperla', counterCode: 'FAR-LAPERLA', clerk: 'Marco Vatteroni', supervisor: 'Dott.ssa Chiara Musetti' },
  { slug: 'laprada', counterCode: 'FAR-LAPRADA', clerk: 'Sara Pellistri', supervisor: 'Dott. Andrea Tenerani' },
  { slug: 'fossone', counterCode: 'FAR-FOSSONE', clerk: 'Luca Bernieri', supervisor: 'Dott.ssa Silvia Dazzi' },
  { slug: 'fiorillo', counterCode: 'FAR-FIORILLO', clerk: 'Giulia Raffaelli', supervisor: 'Dott. Fabio Orlandi' },
  { slug: 'paradiso', counterCode: 'FAR-PARADISO', clerk: 'Davide Casani', supervisor: 'Dott.ssa Elena Guidi' },
];

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { code: 'sportello1', name: 'Francesca Lazzerini', role: 'sportello', counterCode: 'SE1', pin: '2468' },
  { code: 'sportello2', name: 'Stefano Tonarelli', role: 'sportello', counterCode: 'SE2', pin: '2469' },
  { code: 'economato1', name: 'Monica Fruzzetti', role: 'sportello', counterCode: 'ECO', pin: '3579' },
  { code: 'supervisore', name: 'Roberta Bertoloni', role: 'supervisore', counterCode: null, pin: 'carrara-1357' },
  // A second front-office supervisor: a void is approved by someone other than who recorded the top-up.
  { code: 'supervisore2', name: 'Marco Pucciarelli', role: 'supervisore', counterCode: null, pin: 'carrara-2468' },
  ...PHARMACIES.flatMap((p): DemoOperator[] => [
    {
      code: `sup-${p.slug}`,
      name: p.supervisor,
      role: 'supervisore',
      counterCode: p.counterCode,
      pin: 'farmacia-9753',
    },
    { code: p.slug, name: p.clerk, role: 'farmacia', counterCode: p.counterCode, pin: '1234' },
  ]),
];
