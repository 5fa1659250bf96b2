import { z } from 'zod';
import { Service } from '../domain';
import { frontOfficeOnly } from './access';
import { Cents, channel, Empty, Id, IsoDateTime, LocalDate } from './common';

/** Registration of families at the counter (iscrizioni): front office only, never at a pharmacy. */

/** What a codice fiscale says of a person, decoded (16 chars, omocodic or not) or provisional (11 digits). */
export const DecodedFiscalCode = z.object({
  code: z.string(),
  provisional: z.boolean(),
  /** Null for a provisional code (it carries none of these). */
  birthDate: LocalDate.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  /** Belfiore code and name of the comune or foreign country of birth. */
  birthPlace: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type DecodedFiscalCode = z.infer<typeof DecodedFiscalCode>;

/** Who a person is, as typed at the counter (parent or child). */
const PersonInput = z.object({
  fiscalCode: z.string().trim().min(11).max(16),
  surname: z.string().trim().min(1).max(70),
  name: z.string().trim().min(1).max(70),
  birthDate: LocalDate,
  sex: z.enum(['M', 'F']),
});

export const ParentInput = PersonInput.extend({
  address: z.string().trim().min(3).max(140),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(100).optional(),
}).strict();
export type ParentInput = z.infer<typeof ParentInput>;

export const TRANSPORT_DIRECTIONS = ['andata', 'ritorno', 'andata_ritorno'] as const;
export const NIDO_TIMES = ['tempo_pieno', 'part_time'] as const;

export const EnrolmentInput = z
  .object({
    service: Service,
    /** "2026/2027". */
    schoolYear: z.string().regex(/^\d{4}\/\d{4}$/, 'Anno scolastico nel formato 2026/2027'),
    /** ISEE value in cents; absent means no ISEE presented (top band). */
    iseeCents: Cents.nonnegative().optional(),
    /** Date of the ISEE attestation. */
    iseeDate: LocalDate.optional(),
    /** refezione only. */
    diet: z
      .object({ type: z.string().trim().min(1).max(60), certificate: z.string().trim().min(1).max(100) })
      .strict()
      .optional(),
    /** trasporto only: codes from the configuration's lists. */
    transport: z
      .object({
        routeCode: z.string().min(1).max(20),
        stopCode: z.string().min(1).max(20),
        direction: z.enum(TRANSPORT_DIRECTIONS),
      })
      .strict()
      .optional(),
    /** asilo_nido only. */
    nidoTime: z.enum(NIDO_TIMES).optional(),
  })
  .strict();
export type EnrolmentInput = z.infer<typeof EnrolmentInput>;

export const ChildInput = PersonInput.extend({
  school: z.string().trim().min(1).max(100),
  /** Must be true when the child is linked to another parent today: the change of link is explicit. */
  confirmRelink: z.boolean().optional(),
  enrolments: z.array(EnrolmentInput).min(1).max(3),
}).strict();
export type ChildInput = z.infer<typeof ChildInput>;

export const EnrolmentView = z.object({
  enrolmentId: Id,
  childId: Id,
  service: Service,
  schoolYear: z.string(),
  accountId: Id,
  papayCode: z.string(),
  /** The Pa-Pay code is the counter's provisional one until the central service confirms it. */
  papayProvisional: z.boolean(),
  band: z.object({ code: z.string(), label: z.string() }),
  /** Tariff of the band, then after the sibling reduction (per meal, per month... as the band says). */
  tariffCents: Cents,
  finalTariffCents: Cents,
  tariffUnit: z.string(),
  siblingReductionPercent: z.number().min(0).max(100),
  /** Enrolled after the portal's deadline: the office reviews it. */
  late: z.boolean(),
  details: z.string(),
  state: z.enum(['in_attesa', 'confermata', 'rifiutata']),
  /** The central service's reason, when refused. */
  refusal: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const PersonView = z.object({
  personId: Id,
  fiscalCode: z.string(),
  surname: z.string(),
  name: z.string(),
  birthDate: LocalDate.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
});

export const RegistrationView = z.object({
  registrationId: Id,
  /** The readable number, per counter and year: "SE1/2026/000042". */
  registrationNo: z.string(),
  createdAt: IsoDateTime,
  operatorCode: z.string(),
  parent: PersonView.extend({ address: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  consentAt: IsoDateTime,
  children: z.array(
    PersonView.extend({
      school: z.string(),
      /** The child was linked to another parent and now follows this one. */
      relinkedFrom: z.object({ name: z.string(), fiscalCode: z.string() }).nullable(),
      enrolments: z.array(EnrolmentView),
    }),
  ),
  /** Some Pa-Pay code is still provisional: the summary says so and can be printed again once confirmed. */
  provisional: z.boolean(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const RegistrationOptions = z.object({
  /** The school year enrolments are for by default ("2026/2027") and the ones offered. */
  schoolYear: z.string(),
  schoolYears: z.array(z.string()),
  /** Day after which an enrolment is "fuori termine" (YYYY-MM-DD, for the default year). */
  deadline: LocalDate,
  schools: z.array(z.string()),
  diets: z.array(z.string()),
  routes: z.array(
    z.object({ code: z.string(), name: z.string(), stops: z.array(z.object({ code: z.string(), name: z.string() })) }),
  ),
  /** Text of the privacy notice the parent consents to. */
  consentText: z.string(),
});
export type RegistrationOptions = z.infer<typeof RegistrationOptions>;

export const TariffQuote = z.object({
  band: z.object({ code: z.string(), label: z.string() }),
  tariffCents: Cents,
  siblingReductionPercent: z.number().min(0).max(100),
  finalTariffCents: Cents,
  tariffUnit: z.string(),
  late: z.boolean(),
  /** Why the ISEE given was not used (too old, dated in the future): the top band applies. */
  note: z.string().optional(),
});
export type TariffQuote = z.infer<typeof TariffQuote>;

const FRONT_OFFICE_ONLY = frontOfficeOnly(
  "Le iscrizioni si fanno solo allo sportello dei Servizi Educativi o all'Economato: in farmacia non sono disponibili.",
);

export const registrationChannels = {
  /** Decodes and checks a codice fiscale and opens the person already known under it (parent and/or child). */
  'registry.lookup': channel(
    z.object({ fiscalCode: z.string().max(20) }).strict(),
    z.object({
      decoded: DecodedFiscalCode,
      parent: PersonView.extend({
        address: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      }).nullable(),
      child: PersonView.extend({
        school: z.string(),
        /** The adulto di riferimento the child is linked to today. */
        linkedTo: z.object({ name: z.string(), fiscalCode: z.string() }).nullable(),
        enrolments: z.array(EnrolmentView),
      }).nullable(),
    }),
    FRONT_OFFICE_ONLY,
  ),
  'registration.options': channel(Empty, RegistrationOptions, FRONT_OFFICE_ONLY),
  /** The tariff an enrolment would get (shown while the operator types). */
  'registration.quote': channel(
    z
      .object({
        service: Service,
        schoolYear: z.string(),
        iseeCents: Cents.nonnegative().optional(),
        /** Date of the ISEE: one older than the configuration allows counts as none. */
        iseeDate: LocalDate.optional(),
        /** 1 for the first child of the family enrolled in this service this year, 2 for the second... */
        siblingOrder: z.number().int().min(1).max(20),
        nidoTime: z.enum(NIDO_TIMES).optional(),
      })
      .strict(),
    TariffQuote,
    FRONT_OFFICE_ONLY,
  ),
  /** Registers a family in one transaction: parent, children, enrolments, consent; prints nothing. */
  'registration.save': channel(
    z
      .object({
        parent: ParentInput,
        /** The parent consented to the processing of personal data (informativa privacy). */
        consent: z.literal(true),
        children: z.array(ChildInput).min(1).max(10),
      })
      .strict(),
    z.object({ registration: RegistrationView, summaryPdfPath: z.string() }),
    FRONT_OFFICE_ONLY,
  ),
  'registration.get': channel(z.object({ registrationId: Id }).strict(), RegistrationView, FRONT_OFFICE_ONLY),
  /** Writes the enrolment summary PDF again (e.g. once the Pa-Pay codes are confirmed). */
  'registration.printSummary': channel(
    z.object({ registrationId: Id }).strict(),
    z.object({ registrationId: Id, pdfPath: z.string(), provisional: z.boolean() }),
    FRONT_OFFICE_ONLY,
  ),
} as const;
