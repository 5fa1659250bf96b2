/**
 * How a surname or a name is folded for search, the same on both sides (the key stored with the
 * child and the words typed at the counter): lower case, no accents, and no apostrophes, spaces or
 * dashes, so "D'Angelo", "DAngelo" and "dangelo" are one key, and so are "De Luca" and "deluca",
 * "Podestà" and "podesta".
 */

/** Letters that Unicode does not decompose into a base letter and an accent. */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th' };

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** The words of a name, folded: "Dell'Amico" -> ["dell", "amico"]. */
export function searchWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The whole name as one folded key: "Dell'Amico" -> "dellamico", "Lo Russo" -> "lorusso". */
export function searchKey(text: string): string {
  return searchWords(text).join('');
}

/** Both keys of a child, as stored beside its surname and name. */
export function childSearchKeys(surname: string, name: string): { surnameKey: string; nameKey: string } {
  return { surnameKey: searchKey(surname), nameKey: searchKey(name) };
}
