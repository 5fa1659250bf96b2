/**
 * The pictures of the A4 pagoPA notice, as SVG text drawn by pdfmake (vector, nothing read from disk).
 *
 * The pagoPA logo is PagoPA S.p.A.'s own product mark, as published in its design kit
 * @pagopa/mui-italia 2.7.0 (MIT, (c) pagoPA S.p.A., `assets/LogoPagoPAProduct`): the guide puts it
 * at the top left of every notice. The channel icons, the information mark, the scissors and the
 * Poste marks are simple drawings made for Sportello after the guide's layout: the official Poste
 * Italiane artwork is not public, so the wordmarks are set in the notice's own font.
 */

const PAGOPA_BLUE = '#0066CC';

export const PAGOPA_LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 27">' +
  `<path fill="${PAGOPA_BLUE}" d="m28.19 7.947-.012 3.345h-2.446V0h4.522c1.453 0 2.191.392 2.203 1.176V6.69c0 .784-.704 1.165-2.123 1.165h-2.133v.092h-.012ZM30 1.303h-1.834V6.54H30V1.303ZM2.065 11.303l-.012 3.345H0V3.356h3.783c1.223 0 1.834.393 1.846 1.177v5.513c0 .785-.589 1.165-1.777 1.165H2.065v.092Zm1.522-6.632H2.053v5.237h1.534V4.67ZM11.95 11.211h-3.9c-1.141 0-1.718-.392-1.718-1.176l.012-2.296c0-.772.588-1.165 1.776-1.176h1.788V4.67H8.374L8.362 5.71H6.355V4.533c0-.773.6-1.153 1.8-1.153l2.007-.024c1.188 0 1.787.393 1.787 1.165v6.69ZM8.384 9.896h1.546l-.012-2.018H8.385v2.018ZM16.436 11.211h-1.8c-1.187 0-1.775-.392-1.775-1.165V4.533c.011-.784.622-1.177 1.845-1.177h3.783v10.127c0 .785-.6 1.177-1.788 1.177H14.66c-1.188 0-1.788-.392-1.788-1.177v-1.165h2.042v1.039h1.534v-2.054l-.012-.092Zm-1.534-1.315h1.534V4.671h-1.534v5.225ZM24.81 10.035c-.012.784-.623 1.165-1.846 1.165H20.98c-1.2 0-1.799-.393-1.799-1.165V4.52c0-.784.6-1.165 1.8-1.165h2.04c1.189 0 1.777.393 1.777 1.165v5.514h.012ZM22.78 4.67h-1.546v5.237h1.534l.012-5.237Z"/>` +
  `<path fill="${PAGOPA_BLUE}" d="M39.989 1.234c0-.784-.704-1.165-2.123-1.165h-2.445c-1.43 0-2.145.392-2.145 1.165v10.081h2.445V7.866h1.845v2.884a13.33 13.33 0 0 1-13.345 13.345c-4.279 0-8.096-2.019-10.542-5.144l1.223-.935-4.914-3.31.22 6.978 1.568-1.246a15.768 15.768 0 0 0 12.445 6.067c8.72 0 15.779-7.07 15.779-15.778l-.011-9.493Zm-2.434 5.317h-1.846v-5.19h1.846v5.19Z"/>` +
  '</svg>';
/** Width / height of the logo's view box. */
export const PAGOPA_LOGO_RATIO = 40 / 27;

/** "Paga con l'app IO": a laptop with a phone in front of it. */
export const APP_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 36" fill="none" stroke="#17324d" stroke-width="1.6">' +
  '<rect x="6" y="3" width="34" height="23" rx="1.5"/><path d="M1 29h40v2.5H1z"/>' +
  '<rect x="31" y="14" width="13" height="20" rx="2" fill="#fff"/><path d="M36 31h3"/><circle cx="23" cy="5.5" r=".6"/>' +
  '</svg>';

/** "Paga sul territorio": three map pins joined by a path. */
export const TERRITORY_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" fill="none" stroke="#17324d" stroke-width="1.6">' +
  '<path d="M20 18c0 6-7 13-7 13S6 24 6 18a7 7 0 0 1 14 0z"/><circle cx="13" cy="18" r="2.6"/>' +
  '<path d="M34 8c0 5-6 11-6 11s-6-6-6-11a6 6 0 0 1 12 0z"/><circle cx="28" cy="8" r="2.2"/>' +
  '<path d="M46 30c0 5-6 11-6 11s-6-6-6-11a6 6 0 0 1 12 0z"/><circle cx="40" cy="30" r="2.2"/>' +
  '<path d="M15 33c6 5 12 2 15-6M31 19c2 4 4 6 6 7" stroke-dasharray="2 2"/>' +
  '</svg>';

/** The "i" in a circle before the notes of "Quanto e quando pagare?". */
export const INFO_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="#17324d" stroke-width="1.2">' +
  '<circle cx="8" cy="8" r="7"/><path d="M8 7v5"/><circle cx="8" cy="4.6" r=".5" fill="#17324d"/>' +
  '</svg>';

/** "Cut here", above each Bollettino postale PA. */
export const SCISSORS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16" fill="none" stroke="#5c6f82" stroke-width="1.3">' +
  '<circle cx="4" cy="4" r="2.6"/><circle cx="4" cy="12" r="2.6"/><path d="M6.2 5.3 22 12.5M6.2 10.7 22 3.5"/>' +
  '</svg>';

/** The euro mark beside the postal account number. */
export const EURO_BOX_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">' +
  '<rect width="24" height="24" rx="2" fill="#000"/>' +
  '<path d="M17 7.2a6 6 0 1 0 0 9.6M5 10.5h9M5 13.5h9" fill="none" stroke="#fff" stroke-width="1.8"/>' +
  '</svg>';

/** The round mark of the bollettino postale circuit: a "B" in a ring. */
export const POSTAL_CIRCUIT_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<circle cx="16" cy="16" r="15" fill="#000"/><circle cx="16" cy="16" r="11" fill="#fff"/>' +
  '<path d="M12 9h5.2c2.6 0 4 1.3 4 3.3 0 1.4-.8 2.4-2 2.8 1.6.3 2.6 1.5 2.6 3.2 0 2.3-1.6 3.7-4.4 3.7H12z' +
  'm2.6 2.2v3.3h2.3c1.1 0 1.7-.6 1.7-1.7 0-1-.6-1.6-1.7-1.6zm0 5.4v3.6h2.6c1.2 0 1.9-.6 1.9-1.8s-.7-1.8-1.9-1.8z" fill="#000"/>' +
  '</svg>';

/** The corner marks framing the Poste Data Matrix (a hint of where the reader looks). */
export function cornerMarksSvg(size: number, arm: number): string {
  const s = size;
  const a = arm;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" fill="none" stroke="#9a9a9a" stroke-width="0.8">` +
    `<path d="M0 ${a}V0h${a}M${s - a} 0h${a}v${a}M${s} ${s - a}v${a}h-${a}M${a} ${s}H0v-${a}"/>` +
    '</svg>'
  );
}
