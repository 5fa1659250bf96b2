import { z } from 'zod';
import { isValidTaxCode11 } from '../taxCode11';

const LOGO_DATA_URL = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const MAX_LOGO_DATA_URL = 512 * 1024;

/** The media type and the bytes (base64) of a logo data URL. */
export function logoParts(dataUrl: string): { type: 'png' | 'svg'; base64: string } {
  const m = LOGO_DATA_URL.exec(dataUrl);
  if (m === null) throw new Error('logo non valido');
  return { type: m[1] === 'png' ? 'png' : 'svg', base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/**
 * The Ente creditore as printed on every pagoPA notice. It is configuration: the Comune gives its
 * own values (CF, CBILL, segregation code assigned by PagoPA S.p.A., postal account) and the counter
 * receives them with its configuration. Limits are those of the Avvisi 3.x guide.
 */
export const EnteConfig = z.object({
  /** "Comune di Carrara"; 100 characters since the guide 3.5.1. */
  name: z.string().trim().min(1).max(100),
  /** Settore / ufficio that issues the notice. */
  sector: z.string().trim().min(1).max(50),
  /** Contact lines (address, phone, e-mail, PEC), items separated by " · ". */
  info: z.string().trim().max(100),
  /** Codice fiscale of the Ente: 11 digits with the P.IVA check digit. */
  fiscalCode: z.string().refine(isValidTaxCode11, { message: "codice fiscale dell'ente non valido" }),
  /** Interbank code (CBILL) of the Ente: a short uppercase alphanumeric code. */
  cbill: z.string().regex(/^[A-Z0-9]{5}$/, { message: 'codice CBILL non valido (5 caratteri maiuscoli o cifre)' }),
  /** Two-digit segregation code, the second and third digit of every codice avviso (aux 3). */
  segregationCode: z.string().regex(/^\d{2}$/, { message: 'codice di segregazione non valido (2 cifre)' }),
  /**
   * Postal current account and the Poste Italiane authorisation to print the Bollettino postale PA
   * itself; null when the Ente has none (the notice then carries no postal bulletin). The account
   * holder printed on the bulletin is the Ente's name.
   */
  postal: z
    .object({
      account: z.string().regex(/^\d{1,12}$/, { message: 'conto corrente postale non valido (fino a 12 cifre)' }),
      authorization: z.string().trim().min(1).max(100),
    })
    .nullable(),
  /**
   * The Ente's logo, printed top right of every notice: the content of a PNG or SVG file as a data
   * URL (the file travels with the configuration, so rendering reads no file). Null: no logo.
   */
  logo: z
    .string()
    .max(MAX_LOGO_DATA_URL, { message: 'logo troppo grande (al massimo 512 KB)' })
    .regex(LOGO_DATA_URL, { message: 'logo non valido: un file PNG o SVG come data URL in base64' })
    .nullable()
    .default(null),
  /**
   * True when the Ente's own site takes pagoPA payments: the notice then names it among the online
   * channels (the guide's "sitoEnte" text) instead of the text without it.
   */
  paysOnOwnSite: z.boolean().default(false),
});
export type EnteConfig = z.infer<typeof EnteConfig>;
