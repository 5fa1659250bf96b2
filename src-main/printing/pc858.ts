/**
 * The receipt printer is driven in code page PC858 (PC850 with the euro sign). A character outside it
 * would make node-thermal-printer silently switch to another code page mid-receipt, so every text we
 * print is first reduced to characters this page has.
 */

/** Bytes 0x80..0xFF of PC858, in order (0xD5 is the euro sign; 0xF0 soft hyphen, 0xFF no-break space). */
const PC858_HIGH_HALF =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

const PRINTABLE = new Set<string>(PC858_HIGH_HALF);
for (let code = 0x20; code < 0x7f; code++) PRINTABLE.add(String.fromCharCode(code));

/** Characters we replace on purpose: typographic punctuation that word processors and browsers produce. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"],
  ['\u2019', "'"],
  ['\u201A', "'"],
  ['\u201B', "'"],
  ['\u2032', "'"],
  ['\u02BC', "'"],
  ['\u201C', '"'],
  ['\u201D', '"'],
  ['\u201E', '"'],
  ['\u201F', '"'],
  ['\u2033', '"'],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2015', '-'],
  ['\u2212', '-'],
  ['\u2026', '...'],
  ['\u2022', '-'],
  ['\u00A0', ' '],
  ['\u202F', ' '],
  ['\u2009', ' '],
  ['\u2007', ' '],
  ['\u00AD', ''],
  ['\t', ' '],
]);

/** True when the character can be printed as is in PC858. */
export function isPc858Printable(char: string): boolean {
  return PRINTABLE.has(char);
}

/** Reduces one character to PC858: known replacement, else the letter without its accent, else '?'. */
function toPc858Char(char: string): string {
  const replacement = REPLACEMENTS.get(char);
  if (replacement !== undefined) return replacement;
  if (PRINTABLE.has(char)) return char;
  if (char.charCodeAt(0) < 0x20 || char === '\u007F') return '';
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== '' && [...base].every((c) => PRINTABLE.has(c))) return base;
  return '?';
}

/**
 * The text with only PC858 characters, one string column per printed column. Line breaks are kept;
 * every other control character is dropped.
 */
export function toPc858Text(text: string): string {
  let out = '';
  // for..of walks code points, so an emoji (two UTF-16 units) becomes one '?' and keeps lengths honest.
  for (const char of text.replace(/\r\n?/g, '\n')) out += char === '\n' ? '\n' : toPc858Char(char);
  return out;
}

/** A single-line value: PC858 characters, whitespace runs (line breaks too) collapsed to one space. */
export function toPc858Line(text: string): string {
  return toPc858Text(text.replace(/\s+/g, ' ')).replace(/ {2,}/g, ' ').trim();
}
