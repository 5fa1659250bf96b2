/**
 * Invio moves to the next field, as Tab does: a scanner ends every code with Invio, and operators
 * used to the old counter program fill forms that way. Radio groups count as one stop (their checked
 * radio), like Tab.
 */

const FIELD_SELECTOR = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

function isFocusStop(el: HTMLElement): boolean {
  if (el.tabIndex < 0) return false;
  if ((el as HTMLInputElement).disabled) return false;
  if (el.getClientRects().length === 0) return false;
  if (el instanceof HTMLInputElement && el.type === 'radio') {
    const group = el.form?.elements.namedItem(el.name);
    const radios =
      group instanceof RadioNodeList
        ? Array.from(group).filter((r): r is HTMLInputElement => r instanceof HTMLInputElement)
        : [el];
    const checked = radios.find((r) => r.checked);
    return checked ? checked === el : radios[0] === el;
  }
  return true;
}

/** The focusable fields of a container in tab order (document order: the form uses no positive tabindex). */
export function focusStops(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(isFocusStop);
}

export function focusNextField(from: HTMLElement): void {
  const container = from.closest('form') ?? document.body;
  const stops = focusStops(container);
  const index = stops.indexOf(from);
  const next = stops[index + 1];
  if (index >= 0 && next) next.focus();
}

/** Focuses a field by id and brings it into view (after a check sends the operator back to it). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** Whether Invio in this element should move on (buttons and links keep their own Invio). */
export function enterAdvancesFrom(target: EventTarget): target is HTMLElement {
  if (target instanceof HTMLInputElement) return target.type !== 'submit' && target.type !== 'button';
  return target instanceof HTMLSelectElement;
}
