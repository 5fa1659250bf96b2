import zlib from 'node:zlib';

/**
 * WOFF 1.0 -> plain sfnt (TrueType/OpenType) font, done once per process. pdfkit can read WOFF,
 * but it inflates every table with a pure-JavaScript zlib on every document, which was most of
 * the time of a notice (about 150 ms of 250); node's zlib does it once here, in a millisecond.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('non è un font WOFF');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = woff.toString('latin1', entry, entry + 4);
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const checksum = woff.readUInt32BE(entry + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(stored) : stored;
    if (data.length !== origLength)
      throw new Error(`tabella ${tag} del font di ${data.length} byte invece di ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  // sfnt offset table: binary-search fields derived from the number of tables.
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.data.length), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let dataOffset = headerLength;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    out.write(t.tag, record, 4, 'latin1');
    out.writeUInt32BE(t.checksum, record + 4);
    out.writeUInt32BE(dataOffset, record + 8);
    out.writeUInt32BE(t.data.length, record + 12);
    t.data.copy(out, dataOffset);
    dataOffset += padded(t.data.length);
  });
  return out;
}
