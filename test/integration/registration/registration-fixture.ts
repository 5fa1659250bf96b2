import { execFileSync } from 'node:child_process';
import type { ChannelInput } from '../../../shared/contract';
import { withCheckCharacter } from '../../../shared/codiceFiscale';

/** Codici fiscali of a family unknown to the demo roster, with the data they encode. */
export const PARENT_CF = withCheckCharacter('BNCLRA85M41B832'); // Laura Bianchi, F, 1 Aug 1985, Carrara
export const CHILD1_CF = withCheckCharacter('BNCMRC18D15B832'); // Marco, M, 15 Apr 2018
export const CHILD2_CF = withCheckCharacter('BNCSFO21H52B832'); // Sofia, F, 12 Jun 2021
export const OTHER_PARENT_CF = withCheckCharacter('VRDPLA80A01B832'); // Paolo Verdi, M, 1 Jan 1980

export type SaveInput = ChannelInput<'registration.save'>;

export function parentInput(overrides: Partial<SaveInput['parent']> = {}): SaveInput['parent'] {
  return {
    fiscalCode: PARENT_CF,
    surname: 'Bianchi',
    name: 'Laura',
    birthDate: '1985-08-01',
    sex: 'F',
    address: 'Via Roma 10, 54033 Carrara',
    phone: '0585 123456',
    email: 'laura.bianchi@example.it',
    ...overrides,
  };
}

/** One parent, two children, three enrolments (meals with a diet and the bus for Marco, nursery for Sofia). */
export function familyInput(): SaveInput {
  return {
    parent: parentInput(),
    consent: true,
    children: [
      {
        fiscalCode: CHILD1_CF,
        surname: 'Bianchi',
        name: 'Marco',
        birthDate: '2018-04-15',
        sex: 'M',
        school: 'Scuola primaria Doganella',
        enrolments: [
          {
            service: 'refezione',
            schoolYear: '2026/2027',
            iseeCents: 1_200_000,
            iseeDate: '2026-02-10',
            diet: { type: 'Senza glutine', certificate: 'Certificato ASL n. 123/2026' },
          },
          {
            service: 'trasporto',
            schoolYear: '2026/2027',
            transport: { routeCode: 'L2', stopCode: 'L2-02', direction: 'andata_ritorno' },
          },
        ],
      },
      {
        fiscalCode: CHILD2_CF,
        surname: 'Bianchi',
        name: 'Sofia',
        birthDate: '2021-06-12',
        sex: 'F',
        school: "Nido d'infanzia Il Girasole",
        enrolments: [{ service: 'refezione', schoolYear: '2026/2027', iseeCents: 1_200_000, iseeDate: '2026-02-10' }],
      },
    ],
  };
}

/** The text of a PDF as pdftotext reads it, in reading order, every run of white space made one space. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
