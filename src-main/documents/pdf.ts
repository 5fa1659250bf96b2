import fs from 'node:fs';
import path from 'node:path';
import type * as PdfMakeApi from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { woffToSfnt } from './woff';

// pdfmake exports a class instance whose methods live on its prototype: an ES namespace import
// (`import * as`) copies only own properties and would lose them, so it is required as is.
// Loaded on the first document (about 30 MB with its fonts and PDFKit): a pharmacy never renders one.
let engine: typeof PdfMakeApi | null = null;
function pdfmakeEngine(): typeof PdfMakeApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('pdfmake') as typeof PdfMakeApi;
  return engine;
}

/**
 * One PDF renderer for every A4 document of the counter (pagoPA notice, attestation, reports).
 * Fonts come from the @fontsource packages installed with the app: nothing is downloaded at run
 * time, and pdfmake may open no URL and no local file (the fonts are held in memory), so a document
 * definition built from data can never make it read the disk or the network.
 */

/** Font family names usable in document definitions. */
export const FONT_TEXT = 'TitilliumWeb';
/** Semibold (600) Titillium: the guide's headings. */
export const FONT_TEXT_SEMIBOLD = 'TitilliumWebSemibold';
/** Numbers (codice avviso, amounts, fiscal codes). */
export const FONT_NUMBERS = 'RobotoMono';

function fontFile(pkg: string, family: string, weight: 400 | 600 | 700): string {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return path.join(dir, 'files', `${family}-latin-${weight}-normal.woff`);
}

function fontDictionary(): TFontDictionary {
  const text400 = fontFile('@fontsource/titillium-web', 'titillium-web', 400);
  const text600 = fontFile('@fontsource/titillium-web', 'titillium-web', 600);
  const text700 = fontFile('@fontsource/titillium-web', 'titillium-web', 700);
  const mono400 = fontFile('@fontsource/roboto-mono', 'roboto-mono', 400);
  const mono700 = fontFile('@fontsource/roboto-mono', 'roboto-mono', 700);
  // No italic cut is shipped for the notice: italics fall back to the upright face.
  return {
    [FONT_TEXT]: { normal: text400, bold: text700, italics: text400, bolditalics: text700 },
    [FONT_TEXT_SEMIBOLD]: { normal: text600, bold: text700, italics: text600, bolditalics: text700 },
    [FONT_NUMBERS]: { normal: mono400, bold: mono700, italics: mono400, bolditalics: mono700 },
  };
}

/** The part of pdfmake's in-memory file system we use (present in 0.3 but not in its types). */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

/** The part of PDFKit's embedded font we reuse across documents (not in pdfmake's types). */
interface EmbeddedFont {
  /** The parsed font (fontkit): its tables, glyphs and shaping plan. */
  font: unknown;
  name: string;
  /** Shaped words of this font, PDFKit's own cache (per document unless shared). */
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontClass = new (document: unknown, font: unknown, id: string) => EmbeddedFont;

/** The part of pdfmake's PDFDocument (a PDFKit document) that provides fonts. */
interface FontProvider {
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  provideFont: (this: FontProvider, family: string, bold: boolean, italics: boolean) => EmbeddedFont;
}

/** Past this many shaped words a font's shared cache starts again (it holds names and codes too). */
const SHAPED_WORDS_LIMIT = 20_000;

/**
 * PDFKit parses every font again for every document (fontkit reading the TrueType tables and
 * glyphs: about half of an attestation's 15-20 ms, and most of its garbage) and shapes every word
 * again. Each font file is parsed once per process instead: a new document gets a fresh embedded
 * font (its own subset, widths and object id, so the PDF written is the same) over the same parsed
 * font, and the words already shaped in that font. Parsed fonts are read-only to PDFKit; a shaped
 * word is never changed after it is cached.
 */
function shareParsedFonts(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const documentClass = (require('pdfmake/js/PDFDocument') as { default: { prototype: FontProvider } }).default;
  const proto = documentClass.prototype;
  const original = proto.provideFont;
  const parsed = new Map<string, { font: unknown; make: EmbeddedFontClass; words: Record<string, unknown> }>();
  proto.provideFont = function provideFont(family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const file = this.getFontFile(family, bold, italics);
    const done = this.fontCache[family]?.[type];
    if (done !== undefined) return done;
    const known = file === null ? undefined : parsed.get(file);
    if (file === null || known === undefined) {
      const made = original.call(this, family, bold, italics);
      if (file !== null) {
        const words = made.layoutCache ?? {};
        made.layoutCache = words;
        parsed.set(file, { font: made.font, make: made.constructor as EmbeddedFontClass, words });
      }
      return made;
    }
    if (Object.keys(known.words).length > SHAPED_WORDS_LIMIT) known.words = {};
    // As PDFKit's own font(): one embedded font per face and document, registered under its name
    // so that the document embeds it at the end (two types on one file share it).
    let made = Object.values(this._fontFamilies).find((f) => f.font === known.font);
    if (made === undefined) {
      this._fontCount += 1;
      made = new known.make(this, known.font, `F${this._fontCount}`);
      made.layoutCache = known.words;
      this._fontFamilies[made.name] = made;
    }
    (this.fontCache[family] ??= {})[type] = made;
    return made;
  };
}

let configured = false;

/**
 * Once per process (pdfmake is a module-level singleton): fonts read from the packages, turned
 * from WOFF into plain TrueType and handed to pdfmake in memory; network and disk closed.
 */
function configure(): void {
  if (configured) return;
  const pdfmake = pdfmakeEngine();
  const files = fontDictionary();
  const virtualFs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const fonts: TFontDictionary = {};
  const converted = new Map<string, string>();
  const inMemory = (file: string | undefined): string => {
    if (file === undefined) throw new Error('font non definito');
    let name = converted.get(file);
    if (name === undefined) {
      // Fail at start-up, with the path, rather than inside a render.
      if (!fs.existsSync(file)) throw new Error(`font mancante: ${file}`);
      name = `sportello-fonts/${path.basename(file, '.woff')}.ttf`;
      virtualFs.writeFileSync(name, woffToSfnt(fs.readFileSync(file)));
      converted.set(file, name);
    }
    return name;
  };
  for (const [family, faces] of Object.entries(files)) {
    fonts[family] = {
      normal: inMemory(faces.normal as string | undefined),
      bold: inMemory(faces.bold as string | undefined),
      italics: inMemory(faces.italics as string | undefined),
      bolditalics: inMemory(faces.bolditalics as string | undefined),
    };
  }
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  // Fonts are served from memory: no document may read a local file.
  pdfmake.setLocalAccessPolicy(() => false);
  shareParsedFonts();
  configured = true;
}

/** The PDF bytes of a document definition. Default font: Titillium Web 10 pt. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const withDefaults: TDocumentDefinitions = {
    ...doc,
    defaultStyle: { font: FONT_TEXT, fontSize: 10, ...doc.defaultStyle },
  };
  return pdfmakeEngine().createPdf(withDefaults).getBuffer();
}

let tempCounter = 0;

/**
 * Writes a file so that a reader (or a crash) never sees half of it: a temporary file in the same
 * folder, flushed to disk, then renamed over the target (atomic on the same file system).
 */
export function writeFileAtomically(filePath: string, data: Buffer): void {
  const dir = path.dirname(filePath);
  fs.mkdirSync(dir, { recursive: true });
  // pid + a counter: no two writers, in this process or another, share a temp file.
  tempCounter += 1;
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${tempCounter}.tmp`);
  let fd: number | null = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, filePath);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  // The rename itself lives in the directory: flush it too where the platform allows (not Windows).
  if (process.platform !== 'win32') {
    const dirFd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  }
}

/**
 * Loads the fonts and lays out a one-line page, so the first document an operator asks for does
 * not pay for it (the core may call this once after start-up, off the critical path).
 */
export async function warmUpPdfRenderer(): Promise<void> {
  await renderPdf({ content: [{ text: 'Sportello 0123456789 €' }, { text: '0123', font: FONT_NUMBERS }] });
}
