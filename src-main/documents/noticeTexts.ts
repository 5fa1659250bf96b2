import texts from '../../shared/pagopa/noticeTexts.it.json';

/**
 * The fixed texts of the A4 pagoPA notice, from one data file (shared/pagopa/noticeTexts.it.json):
 * `guide` is the guide's own strings file, verbatim, so a new version of the guide is a data change;
 * `sportello` holds what the guide prints without publishing it as a string (the Bollettino postale
 * PA of Poste Italiane, "Quanto pagare?" of a notice without due date).
 */
export const GUIDE = texts.guide.avviso;
export const EXTRA = texts.sportello;
export const GUIDE_VERSION = texts.guideVersion;

/** A guide string with its variables ({{EnteNome}}, {{Numero}}) filled in. */
export function fill(template: string, vars: { EnteNome?: string; Numero?: number }): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = (vars as Record<string, string | number | undefined>)[name];
    if (value === undefined) throw new Error(`variabile ${whole} senza valore`);
    return String(value);
  });
}
