/**
 * The consent statement is configuration, written once for both sexes: each word that agrees with
 * the parent's sex is written `{{masculine|feminine}}` ("{{Il sottoscritto|La sottoscritta}}
 * dichiara..."). The parent's sex picks one; before it is known both are shown ("Il sottoscritto/La
 * sottoscritta").
 */
const ALTERNATIVE = /\{\{([^{}|]*)\|([^{}|]*)\}\}/g;

export function consentFor(template: string, sex: 'M' | 'F' | null): string {
  return template.replace(ALTERNATIVE, (_all, masculine: string, feminine: string) => {
    if (sex === 'M') return masculine;
    if (sex === 'F') return feminine;
    return `${masculine}/${feminine}`;
  });
}

/** True when every `{{` opens a well-formed `{{masculine|feminine}}` and nothing else uses braces. */
export function isWellFormedConsent(template: string): boolean {
  return !/[{}]/.test(template.replace(ALTERNATIVE, ''));
}
