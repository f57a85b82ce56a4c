// What a file is before it is parsed: its format (extension and magic bytes) and, for text, its charset over every byte.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { InputFormat } from './types';

export const CHUNK = 1 << 20;

/** The first bytes of a file (fewer when it is shorter). */
export async function head(path: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
/** The OLE2 container of Excel 97–2003 .xls files. */
export const isOle2 = (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/**
 * An OpenDocument spreadsheet: its zip's first entry is « mimetype », stored, holding the document's type
 * (OpenDocument 1.2 §3.3; LibreOffice, Gnumeric and Excel all write it so). `first` needs 80 bytes.
 */
export const isOds = (b: Buffer) =>
  isZip(b) && b.length >= 30 + 8 && b.toString('latin1', 30, 38) === 'mimetype' && b.toString('latin1', 38, 38 + ODS_MIME.length).startsWith(ODS_MIME);
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * An Excel workbook by its first zip entry: [Content_Types].xml (Excel, exceljs), _rels/ (LibreOffice), xl/ (Gnumeric),
 * docProps/. ECMA-376 puts no order on parts, so this only tells an .ods that is really an .xlsx.
 */
const isOoxml = (b: Buffer) => {
  if (!isZip(b) || b.length < 30) return false;
  const name = b.toString('latin1', 30, 30 + Math.min(b.readUInt16LE(26), b.length - 30));
  return /^(?:\[Content_Types\]\.xml|_rels\/|xl\/|docProps\/)/.test(name);
};

/** Enough of a file's start for formatOf (an ODS zip's mimetype entry). */
export const HEAD_BYTES = 96;

/**
 * The format by extension first (what the user meant), by content when the extension says nothing. A workbook's
 * content wins over its extension between XLSX and ODS: both are zips, and a renamed one is still what it is.
 */
export function formatOf(name: string, first: Buffer): InputFormat | 'xls' {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  if (ext === 'ods' || ext === 'ots') return isOoxml(first) ? 'xlsx' : 'ods';
  if (ext === 'xlsx' || ext === 'xlsm') return isOds(first) ? 'ods' : 'xlsx';
  if (ext === 'xls') return isOds(first) ? 'ods' : isZip(first) ? 'xlsx' : 'xls';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (isOds(first)) return 'ods';
  if (isZip(first)) return 'xlsx';
  if (isOle2(first)) return 'xls';
  const text = first.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{') ? 'json' : 'csv';
}

export interface ByteScan {
  bytes: number;
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  /** UTF-16 without a byte-order mark, guessed from where the zero bytes fall. */
  utf16?: 'utf-16le' | 'utf-16be';
  /** 1-based line of the first zero byte in an 8-bit file: binary data, not text. */
  nulLine?: number;
  /** Valid multi-byte UTF-8 sequences, and bytes that cannot be UTF-8, with the line of the first of each. */
  utf8Sequences: number;
  firstUtf8Line?: number;
  invalidBytes: number;
  firstInvalidLine?: number;
  /**
   * Of those bytes, French letters as Mac Roman writes them (é è ê à â ç ô: 0x88–0x99, where Windows-1252 has
   * ‰ ™ Ž or nothing) against as Windows-1252 does (0xE0–0xF4, where Mac Roman has ‡ È Ë Í Ú).
   */
  macLetters: number;
  windowsLetters: number;
}

/** 1 for a French letter's byte in Mac Roman, 2 in Windows-1252 (the bytes a French text uses most). */
const LETTER_OF = new Uint8Array(256);
for (const b of [0x88, 0x89, 0x8d, 0x8e, 0x8f, 0x90, 0x99]) LETTER_OF[b] = 1;
for (const b of [0xe0, 0xe2, 0xe7, 0xe8, 0xe9, 0xea, 0xf4]) LETTER_OF[b] = 2;

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte at i cannot start one there. */
function utf8SequenceAt(b: Buffer, i: number): number {
  const c = b[i];
  let n: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [n, min] = [2, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [n, min] = [3, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  if (i + n > b.length) return 0;
  let cp = c & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const d = b[i + k];
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

function countLines(b: Buffer, end: number): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Reads every byte once: byte-order mark, zero bytes (binary data), and whether the text is UTF-8, Windows-1252,
 * or a mix of both (a file pasted together from two sources), with the line where each first shows.
 * Node's native `isUtf8` passes clean chunks; only chunks that fail it are walked byte by byte.
 */
export async function scanBytes(path: string): Promise<ByteScan> {
  const scan: ByteScan = { bytes: 0, bom: null, utf8Sequences: 0, invalidBytes: 0, macLetters: 0, windowsLetters: 0 };
  let line = 1;
  let carry = Buffer.alloc(0);
  let first = true;
  for await (const raw of fs.createReadStream(path, { highWaterMark: CHUNK })) {
    let chunk: Buffer = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    scan.bytes += (raw as Buffer).length;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) [scan.bom, chunk] = ['utf-8', chunk.subarray(3)];
      else if (chunk[0] === 0xff && chunk[1] === 0xfe) scan.bom = 'utf-16le';
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) scan.bom = 'utf-16be';
      if (!scan.bom) {
        const probe = chunk.subarray(0, 1024);
        let even = 0;
        let odd = 0;
        for (let i = 0; i < probe.length; i++) if (probe[i] === 0) i % 2 ? odd++ : even++;
        if (probe.length >= 4 && odd > probe.length / 4 && even === 0) scan.utf16 = 'utf-16le';
        else if (probe.length >= 4 && even > probe.length / 4 && odd === 0) scan.utf16 = 'utf-16be';
      }
      if (scan.bom === 'utf-16le' || scan.bom === 'utf-16be' || scan.utf16) return scan;
    }
    // Keep an incomplete trailing sequence for the next chunk so a character split across chunks is not "invalid".
    let end = chunk.length;
    for (let k = 1; k <= 3 && k <= chunk.length; k++) {
      const c = chunk[chunk.length - k];
      if ((c & 0xc0) === 0x80) continue;
      if (c >= 0xc0 && k < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2)) end = chunk.length - k;
      break;
    }
    const body = chunk.subarray(0, end);
    carry = Buffer.from(chunk.subarray(end));
    if (scan.nulLine === undefined) {
      const z = body.indexOf(0);
      if (z !== -1) scan.nulLine = line + countLines(body, z);
    }
    if (isUtf8(body)) {
      const at = body.toString('latin1').search(/[\x80-\xff]/);
      if (at !== -1) {
        if (scan.firstUtf8Line === undefined) scan.firstUtf8Line = line + countLines(body, at);
        // Extra bytes of multi-byte characters: enough to weigh UTF-8 against Windows-1252 in a mixed file.
        scan.utf8Sequences += body.length - body.toString('utf8').length;
      }
    } else {
      const latin = body.toString('latin1');
      const re = /[\x80-\xff]/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(latin))) {
        const n = utf8SequenceAt(body, m.index);
        if (n) {
          scan.utf8Sequences++;
          if (scan.firstUtf8Line === undefined) scan.firstUtf8Line = line + countLines(body, m.index);
          re.lastIndex = m.index + n;
        } else {
          const letter = LETTER_OF[body[m.index]];
          if (letter === 1) scan.macLetters++;
          else if (letter === 2) scan.windowsLetters++;
          scan.invalidBytes++;
          if (scan.firstInvalidLine === undefined) scan.firstInvalidLine = line + countLines(body, m.index);
        }
      }
    }
    line += countLines(body, body.length);
  }
  if (carry.length) {
    scan.invalidBytes++;
    if (scan.firstInvalidLine === undefined) scan.firstInvalidLine = line;
  }
  return scan;
}

export interface EncodingChoice {
  encoding: string;
  bom: boolean;
  /** Both UTF-8 and Windows-1252 text in one file: where each first shows. */
  mixed?: { utf8Line: number; otherLine: number };
  /** The chosen encoding is UTF-8 but some bytes cannot be (an override on a Windows-1252 file). */
  invalidLine?: number;
}

/** Decides the charset from a byte scan; `override` (the user's choice) wins but is still checked. */
export function chooseEncoding(scan: ByteScan, override?: string): EncodingChoice {
  const bom = scan.bom !== null;
  const utf16 = scan.bom === 'utf-16le' || scan.bom === 'utf-16be' ? scan.bom : scan.utf16;
  if (override) {
    const enc = normaliseEncoding(override);
    if (enc === 'utf-8' && scan.invalidBytes) return { encoding: enc, bom, invalidLine: scan.firstInvalidLine };
    return { encoding: enc, bom };
  }
  if (utf16) return { encoding: utf16, bom };
  const hasUtf8 = scan.utf8Sequences > 0 || scan.bom === 'utf-8';
  if (scan.invalidBytes === 0) return { encoding: 'utf-8', bom };
  // Mac Excel's « CSV » (and Excel 2011's « CSV Macintosh ») is Mac Roman: read as Windows-1252, « Pôle » was « P™le ».
  const eightBit = scan.macLetters > scan.windowsLetters ? 'macintosh' : 'windows-1252';
  if (!hasUtf8) return { encoding: eightBit, bom };
  return {
    encoding: scan.bom === 'utf-8' || scan.utf8Sequences >= scan.invalidBytes ? 'utf-8' : eightBit,
    bom,
    mixed: { utf8Line: scan.firstUtf8Line ?? 1, otherLine: scan.firstInvalidLine ?? 1 },
  };
}

/** `UTF8`, `utf8`, `cp1252`, `latin-1` → the names Maillage reports. */
export function normaliseEncoding(e: string): string {
  const k = e.toLowerCase().replace(/[^a-z0-9]/g, '');
  const names: Record<string, string> = {
    utf8: 'utf-8', utf8bom: 'utf-8', utf16: 'utf-16le', utf16le: 'utf-16le', utf16be: 'utf-16be', cp1252: 'windows-1252', windows1252: 'windows-1252',
    win1252: 'windows-1252', latin1: 'latin1', iso88591: 'latin1', iso885915: 'iso-8859-15', latin9: 'iso-8859-15', macroman: 'macintosh', macintosh: 'macintosh', ascii: 'utf-8',
  };
  return names[k] ?? e.toLowerCase();
}
