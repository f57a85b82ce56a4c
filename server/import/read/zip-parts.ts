// A checked XLSX re-laid as a zip stream holding only the parts a streaming reader needs, in the order it needs
// them (workbook, shared strings, styles, then the wanted sheets), so that exceljs never buffers a sheet on disk.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type yauzl from 'yauzl';
import { openZip, readEntries, DEFAULT_ZIP_LIMITS } from './zip-guard';

/** Parts exceljs reads before any sheet; a sheet met before `sharedStrings` and the workbook's relationships goes to a temporary file. */
const HEAD_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** Stand-ins for parts a workbook may lack (no text cell, no relationships): exceljs then has what it waits for. */
const EMPTY_PARTS: Record<string, string> = {
  'xl/sharedStrings.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
};

/** The path of sheet part N, as workbooks name it and as exceljs recognises it. */
export const sheetPart = (n: string) => `xl/worksheets/sheet${n}.xml`;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A zip local file header for a stored (uncompressed) entry whose size and CRC are known up front. */
function localHeader(name: string, size: number, crc: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0
  h.writeUInt16LE(0x0800, 6); // UTF-8 name, no data descriptor: the size below is the size
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(0x21, 12); // 1980-01-01
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(n.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, n]);
}

/** An end-of-central-directory record of an empty directory: tells a streaming reader the archive is over. */
function endRecord(): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  return b;
}

/** One entry's inflated bytes (yauzl checks its actual size against the declared one as it inflates). */
export function openEntry(zf: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zf.openReadStream(e, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
}

/**
 * A sheet's bytes, its last chunk held back until the sheet is seen to end with its closing tag: a sheet cut short
 * (in a sound zip) throws before the reader sees its end, instead of giving the rows before the cut as if complete.
 */
async function* checkedSheet(name: string, s: Readable, date1904: boolean): AsyncGenerator<Buffer> {
  let held: Buffer | undefined;
  let tail = Buffer.alloc(0);
  const join = richRunsJoiner(date1904);
  const unindent = indentMover();
  for await (const chunk of s) {
    tail = Buffer.concat([tail, chunk as Buffer]).subarray(-64);
    const out = unindent(join(chunk as Buffer));
    if (!out.length) continue;
    if (held) yield held;
    held = out;
  }
  if (!/<\/(?:[\w.-]+:)?worksheet>\s*$/.test(tail.toString('latin1'))) throw new Error(`${name} est tronqué (il ne se termine pas par </worksheet>)`);
  const rest = Buffer.concat([unindent(join.flush()), unindent.flush()]);
  if (held) yield rest.length ? Buffer.concat([held, rest]) : held;
  else if (rest.length) yield rest;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const R = 0x72;
const T = 0x74;
const X = 0x78;
const C = 0x63;
const EMPTY = Buffer.alloc(0);

/**
 * Rewrites a sheet's inline rich strings (<is><r><t>Bpi</t></r><r><t>france</t></r></is>, as openpyxl writes a
 * name with a bold part) so that exceljs keeps every run: it starts the cell's text anew at each <t> and kept the
 * last run alone (« france »). Each run's <t> becomes <x>, a tag exceljs ignores while adding its text to the
 * cell's. Same length, so the part's declared size holds; a chunk without a run (<r>) passes untouched.
 */
export function richRunsJoiner(date1904 = false): ((chunk: Buffer) => Buffer) & { flush(): Buffer } {
  let inRun = false; // after <r>, before its <t>
  let inText = false; // inside a renamed <x>, before its </t>
  let carry = EMPTY;
  const join = (chunk: Buffer): Buffer => {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    // A tag cut by the chunk's end waits for the next chunk.
    const lt = buf.lastIndexOf(LT);
    if (lt >= 0 && buf.indexOf(GT, lt) < 0) [buf, carry] = [buf.subarray(0, lt), Buffer.from(buf.subarray(lt))];
    else carry = EMPTY;
    if (buf.indexOf('t="d"') >= 0) {
      if (buf === chunk) buf = Buffer.from(chunk);
      const cut = isoDatesToSerials(buf, date1904);
      if (cut < buf.length) [buf, carry] = [buf.subarray(0, cut), Buffer.concat([buf.subarray(cut), carry])];
    }
    // A text cell cut by the chunk's end waits for the next chunk, in case its formula comes there (such cells are short).
    const lastCell = buf.lastIndexOf('<c ');
    if (lastCell >= 0 && buf.indexOf('</c>', lastCell) < 0) {
      const tagEnd = buf.indexOf(GT, lastCell);
      if (tagEnd > 0 && buf[tagEnd - 1] !== SLASH && /\st\s*=\s*["']s["']/.test(buf.toString('latin1', lastCell, tagEnd))) {
        [buf, carry] = [buf.subarray(0, lastCell), Buffer.concat([buf.subarray(lastCell), carry])];
      }
    }
    if (buf.indexOf('<f') >= 0 && buf.indexOf('t="s"') >= 0) {
      if (buf === chunk) buf = Buffer.from(chunk);
      const cut = sharedStringFormulas(buf);
      if (cut < buf.length) [buf, carry] = [buf.subarray(0, cut), Buffer.concat([buf.subarray(cut), carry])];
    }
    if (!inRun && !inText && buf.indexOf('<r>') < 0 && buf.indexOf('<r ') < 0) return buf;
    if (buf === chunk) buf = Buffer.from(chunk);
    for (let i = buf.indexOf(LT); i >= 0; i = buf.indexOf(LT, i + 1)) {
      const [a, b] = [buf[i + 1], buf[i + 2]];
      if (inText) {
        if (a === SLASH && b === T) buf[i + 2] = X;
        inText = false;
      } else if (a === R && (b === GT || b === SPACE)) inRun = true;
      else if (inRun && a === T && (b === GT || b === SPACE || b === SLASH)) {
        buf[i + 1] = X;
        inRun = false;
        inText = buf[buf.indexOf(GT, i) - 1] !== SLASH; // <t/> has no closing tag
      } else if (a === SLASH && b === R && buf[i + 3] === GT) inRun = false;
    }
    return buf;
  };
  return Object.assign(join, { flush: () => carry });
}

const isSpace = (b: number | undefined) => b === SPACE || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Moves the indentation between two tags into the first one, in place (`<row r="2">⏎␣␣<c` → `<row r="2"⏎␣␣><c`,
 * `</t>⏎</si>` → `</t⏎></si>`, `<c r="A1"/>⏎<c` → `<c r="A1"⏎/><c`): Gnumeric writes its XLSX parts indented, and
 * exceljs took that whitespace for text (« Région Sud⏎␣␣␣ », a formula « D2/1000⏎␣␣ »). Whitespace inside a text
 * element (<t>, or <x> for a run renamed by richRunsJoiner) is the cell's text and stays. Same length. A part is
 * rewritten once a line break is seen after a tag (an indented part); Excel's and exceljs's pass untouched.
 */
export function indentMover(): ((chunk: Buffer) => Buffer) & { flush(): Buffer } {
  let carry = EMPTY;
  // Decided on the part's first 4 kB: indented parts (Gnumeric's) break a line after their first tags.
  let indented: boolean | undefined;
  const detect = (buf: Buffer) => {
    for (let nl = buf.indexOf('>\n'); nl >= 0; nl = buf.indexOf('>\n', nl + 1)) if (buf[nl - 1] !== 0x3f) return true; // not after <?xml …?>
    return buf.indexOf('>\r\n') >= 0 && buf.indexOf('?>\r\n') !== buf.indexOf('>\r\n') - 1;
  };
  const rewrite = (buf: Buffer): void => {
    for (let i = buf.indexOf(GT); i >= 0; i = buf.indexOf(GT, i + 1)) {
      if (!isSpace(buf[i + 1])) continue;
      let j = i + 1;
      while (j < buf.length && isSpace(buf[j])) j++;
      if (buf[j] !== LT) continue;
      const s = buf.lastIndexOf(LT, i);
      // Only the end of a tag (a '>' in a text is not one), not of <?…?> or <!…>, and not in a text element's content.
      if (s < 0 || buf.indexOf(GT, s) !== i || buf[s + 1] === 0x3f || buf[s + 1] === 0x21) continue;
      const selfClosing = buf[i - 1] === SLASH;
      if (!selfClosing && (buf[s + 1] === T || buf[s + 1] === X) && (buf[s + 2] === GT || isSpace(buf[s + 2]))) continue;
      const from = selfClosing ? i - 1 : i;
      const closing = Buffer.from(buf.subarray(from, i + 1));
      buf.copyWithin(from, i + 1, j);
      closing.copy(buf, j - closing.length);
      i = j - 1;
    }
  };
  const move = (chunk: Buffer): Buffer => {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    carry = EMPTY;
    if (indented === undefined) {
      if (buf.length < 4096) {
        carry = Buffer.from(buf);
        return EMPTY;
      }
      indented = detect(buf);
    }
    if (!indented) return buf;
    // The last tag waits for the next chunk when the buffer ends inside it or within the whitespace after it.
    let end = buf.length;
    while (end > 0 && isSpace(buf[end - 1])) end--;
    const lt = buf.lastIndexOf(LT);
    if (lt >= 0 && (buf.indexOf(GT, lt) < 0 || buf.indexOf(GT, lt) === end - 1)) [buf, carry] = [buf.subarray(0, lt), Buffer.from(buf.subarray(lt))];
    if (buf === chunk) buf = Buffer.from(chunk);
    rewrite(buf);
    return buf;
  };
  const flush = (): Buffer => {
    const buf = Buffer.from(carry);
    carry = EMPTY;
    if (indented ?? detect(buf)) rewrite(buf);
    return buf;
  };
  return Object.assign(move, { flush });
}

/**
 * Gnumeric saves a formula whose value is a text with that text in the shared strings (t="s", <f>A6</f><v>6</v>);
 * exceljs then took the string's index, 6, for the formula's value, and =A6 stayed an actor's name. The <f> of such a
 * cell becomes <x>, a tag exceljs ignores: the cell is the text Gnumeric saved, as the user saw it. In place, same
 * length; returns where the first cell cut by the buffer's end starts (the buffer's length when none is).
 */
function sharedStringFormulas(buf: Buffer): number {
  // From each formula back to its cell (formulas are few; text cells, t="s", are most of a sheet).
  for (let f = buf.indexOf('<f'); f >= 0; f = buf.indexOf('<f', f + 2)) {
    if (!(buf[f + 2] === GT || buf[f + 2] === SLASH || isSpace(buf[f + 2]))) continue;
    let k = f - 1;
    while (k >= 0 && isSpace(buf[k])) k--;
    if (buf[k] !== GT || buf[k - 1] === SLASH) continue;
    const open = buf.lastIndexOf(LT, k);
    if (open < 0 || buf[open + 1] !== C || !isSpace(buf[open + 2])) continue;
    const tag = buf.toString('latin1', open, k);
    if (!/\st\s*=\s*["']s["']/.test(tag)) continue;
    const close = buf.indexOf('</c>', f);
    if (close < 0) return open;
    buf[f + 1] = X;
    const fEnd = buf.indexOf('</f>', f);
    if (fEnd >= 0 && fEnd < close) buf[fEnd + 2] = X;
  }
  return buf.length;
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/**
 * Rewrites, in place and at the same length, the date cells stored as ISO text (t="d", as SheetJS with cellDates
 * or openpyxl with iso_dates write them) as Excel's day numbers (t="n"): exceljs parsed « 2016-03-12T00:00:00 » as
 * the number 2016. Returns where the first cell cut by the buffer's end starts (the buffer's length when none is).
 */
function isoDatesToSerials(buf: Buffer, date1904: boolean): number {
  for (let i = buf.indexOf('t="d"'); i >= 0; i = buf.indexOf('t="d"', i + 5)) {
    const open = buf.lastIndexOf(LT, i);
    const tagEnd = buf.indexOf(GT, i);
    // Only a cell's own attribute (a text may hold t="d"); <c … t="d"/> has no value.
    if (open < 0 || buf[open + 1] !== C || buf[open + 2] !== SPACE || buf.indexOf(GT, open) !== tagEnd || buf[tagEnd - 1] === SLASH) continue;
    const v = buf.indexOf('<v>', tagEnd);
    const end = v < 0 ? -1 : buf.indexOf('</v>', v);
    if (end < 0) {
      const start = buf.lastIndexOf('<c ', i);
      return start >= 0 ? start : i;
    }
    const m = ISO_DATE.exec(buf.toString('latin1', v + 3, end));
    if (!m) continue;
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
    const serial = ms / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
    const room = end - (v + 3);
    let text = String(serial);
    if (text.length > room) text = serial.toFixed(Math.max(0, room - String(Math.trunc(serial)).length - 1));
    if (text.length > room) continue;
    buf.write('n', i + 3, 'latin1');
    buf.write(text.padEnd(room, ' '), v + 3, 'latin1');
  }
  return buf.length;
}

/**
 * The workbook's head parts then the sheets `sheets` names (part numbers; all sheets when undefined), each stored
 * uncompressed, as one zip byte stream. Entries are inflated by yauzl, which checks each one's actual size against
 * the size it declares (the size written in its header here): call only after `checkZip` has accepted the file.
 * Destroying the stream closes the file; nothing is ever written to disk.
 */
export function xlsxPartsStream(path: string, sheets?: readonly string[], date1904 = false): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    const zf = await openZip(path);
    let current: Readable | undefined;
    try {
      const entries = await readEntries(zf, DEFAULT_ZIP_LIMITS.maxEntries);
      const byName = new Map(entries.map((e) => [e.fileName, e]));
      const wanted = sheets ? sheets.map(sheetPart) : entries.map((e) => e.fileName).filter((n) => SHEET.test(n));
      for (const name of [...HEAD_PARTS, ...wanted]) {
        const e = byName.get(name);
        if (!e) {
          const stand = EMPTY_PARTS[name];
          if (stand !== undefined) {
            const b = Buffer.from(stand, 'utf8');
            yield localHeader(name, b.length, zlib.crc32(b));
            yield b;
          }
          continue;
        }
        yield localHeader(name, e.uncompressedSize, e.crc32);
        current = await openEntry(zf, e);
        if (SHEET.test(name)) yield* checkedSheet(name, current, date1904);
        else if (name === 'xl/sharedStrings.xml') {
          const unindent = indentMover();
          for await (const chunk of current) {
            const out = unindent(chunk as Buffer);
            if (out.length) yield out;
          }
          const rest = unindent.flush();
          if (rest.length) yield rest;
        } else for await (const chunk of current) yield chunk as Buffer;
        current = undefined;
      }
      yield endRecord();
    } finally {
      current?.destroy();
      zf.close();
    }
  }
  return Readable.from(bytes(), { objectMode: false });
}

/** A block of merged cells: rows and columns 1-based, inclusive. */
export interface MergedBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const colNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** What a sheet lists after its rows: merged blocks over several rows, and cells' links by reference (A1 → URL). */
export interface SheetTail {
  merges: MergedBlock[];
  links: Map<string, string>;
}

/**
 * The merged blocks of sheet part N spanning more than one row (a funder written once beside several fundings), and
 * the web links of its cells (a source's title linking to its page: Excel and LibreOffice keep the address in the
 * sheet's relationships, exceljs's streaming reader drops it). Both are listed after the rows (<mergeCells> and
 * <hyperlinks> follow <sheetData>): the part is inflated once more and only its end is read as text.
 */
export async function sheetTail(path: string, part: string): Promise<SheetTail> {
  const zf = await openZip(path);
  let s: Readable | undefined;
  try {
    const entries = await readEntries(zf, DEFAULT_ZIP_LIMITS.maxEntries);
    const e = entries.find((x) => x.fileName === sheetPart(part));
    if (!e) return { merges: [], links: new Map() };
    s = await openEntry(zf, e);
    let tail = '';
    let found = false;
    for await (const chunk of s) {
      const b = chunk as Buffer;
      if (!found) {
        const text = tail + b.toString('latin1');
        const at = text.search(/<(?:\w+:)?(?:mergeCells|hyperlinks)\b/);
        if (at < 0) {
          tail = text.slice(-16);
          continue;
        }
        found = true;
        tail = text.slice(at);
      } else tail += b.toString('latin1');
    }
    s.destroy();
    s = undefined;
    const merges: MergedBlock[] = [];
    for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([A-Z]+)(\d+):([A-Z]+)(\d+)"/gi)) {
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      if (bottom > top) merges.push({ top, left: colNumber(m[1]), bottom, right: colNumber(m[3]) });
    }
    const links = new Map<string, string>();
    const refs = [...tail.matchAll(/<(?:\w+:)?hyperlink\b[^>]*>/gi)].map((m) => ({ ref: /\sref\s*=\s*"([^"]*)"/.exec(m[0])?.[1], rid: /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] }));
    if (refs.some((r) => r.rid)) {
      const relsEntry = entries.find((x) => x.fileName === `xl/worksheets/_rels/sheet${part}.xml.rels`);
      const targets = new Map<string, string>();
      if (relsEntry && relsEntry.uncompressedSize < 16 * 1024 ** 2) {
        let rels = '';
        const r = await openEntry(zf, relsEntry);
        for await (const chunk of r) rels += (chunk as Buffer).toString('utf8');
        for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
          const id = /\sId\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
          const target = /\sTarget\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
          if (id && target && /^https?:\/\//i.test(target)) targets.set(id, target.replace(/&amp;/g, '&'));
        }
      }
      for (const { ref, rid } of refs) {
        const url = rid ? targets.get(rid) : undefined;
        const m = ref ? /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref) : null;
        if (!url || !m) continue;
        // A link over a range (rare) gives its address to each of its cells, within reason.
        const [c0, r0] = [colNumber(m[1]), Number(m[2])];
        const [c1, r1] = m[3] ? [colNumber(m[3]), Number(m[4])] : [c0, r0];
        for (let r = r0; r <= r1 && r - r0 < 10_000; r++) for (let c = c0; c <= c1 && c - c0 < 100; c++) links.set(`${c}:${r}`, url);
      }
    }
    return { merges, links };
  } finally {
    s?.destroy();
    zf.close();
  }
}

/** The merged blocks of sheet part N spanning more than one row (sheetTail's). */
export async function sheetMerges(path: string, part: string): Promise<MergedBlock[]> {
  return (await sheetTail(path, part)).merges;
}
