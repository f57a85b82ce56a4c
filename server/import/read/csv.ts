// CSV as French Excel writes it (";", Windows-1252, CRLF, quoted newlines) and as others do (",", tab, UTF-8),
// streamed: papaparse's core parser over decoded chunks, so a 1M-row file never sits in memory.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { issue } from './issues';
import type { RecordBatch, RecordItem, TableReader } from './table';
import type { InputFile } from './types';

/** A record longer than this (in characters) means a quote was never closed; reading stops there. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** Decoded-text chunk: a batch of ~2,500 rows; smaller batches die young (1 MB ones cost ~25 % more in GC). */
const CSV_CHUNK = 256 * 1024;

export const DELIMITERS = [';', ',', '\t', '|'] as const;

/** `tab`, `\t`, `;`… → the delimiter character; undefined when it is not one Maillage reads. */
export function normaliseDelimiter(d: string): string | undefined {
  const k = d.toLowerCase();
  const named: Record<string, string> = { tab: '\t', tabulation: '\t', '\\t': '\t', semicolon: ';', 'point-virgule': ';', comma: ',', virgule: ',', pipe: '|' };
  const c = named[k] ?? d;
  return (DELIMITERS as readonly string[]).includes(c) ? c : undefined;
}

/** The first characters of the file, decoded: enough lines to guess the delimiter. */
export async function sampleText(path: string, encoding: string, bytes = 64 * 1024): Promise<string> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return iconv.decode(buf.subarray(0, bytesRead), encoding);
  } finally {
    await fh.close();
  }
}

/** The delimiter whose count per line is steadiest over the first lines (papaparse's guess), `;` when none is. */
export function detectDelimiter(sample: string): string {
  const r = Papa.parse<string[]>(sample, { delimitersToGuess: [...DELIMITERS], preview: 50, skipEmptyLines: true });
  const guessed = r.meta.delimiter;
  if (r.errors.some((e) => e.code === 'UndetectableDelimiter') || !(DELIMITERS as readonly string[]).includes(guessed)) return ';';
  return guessed;
}

/** '\r' only for old Mac files; otherwise '\n', and a trailing '\r' is removed from each record (CRLF). */
export function detectNewline(sample: string): '\n' | '\r' {
  return sample.includes('\r') && !sample.includes('\n') ? '\r' : '\n';
}

export interface CsvSetup {
  encoding: string;
  delimiter: string;
  newline: '\n' | '\r';
}

/** A CSV file as a table reader: each records() call reads and decodes the file again. */
export function csvTable(file: InputFile, setup: CsvSetup): TableReader {
  return { file, delimiter: setup.delimiter, records: () => csvRecords(file, setup) };
}

/** Bytes [start, end) of a file that begin a record (`line`: its line number), as recordRanges cuts them. */
export interface ByteRange {
  start: number;
  end: number;
  line: number;
}

/** Part of a CSV file as a table reader: the records of `range`, numbered from its first line. */
export function csvRangeTable(file: InputFile, setup: CsvSetup, range: ByteRange): TableReader {
  return { file, delimiter: setup.delimiter, records: () => csvRecords(file, setup, range) };
}

/** Charsets where `"`, `\n` and the delimiters are single bytes that no other character's bytes contain. */
const SPLITTABLE = /^(utf-8|windows-125[0-8]|iso-8859-\d+|latin1)$/;

/**
 * Cuts a CSV file into ranges of about `rangeBytes` at record boundaries: a newline outside quotes, with quotes
 * read as papaparse reads them (a quote opens a value only at its start; `""` inside is a quote). Undefined when
 * the file cannot be cut so (a charset with multi-byte quotes or newlines, old Mac newlines, a quote left open:
 * it is read whole, as before). A misplaced quote papaparse flags makes the reader of its range say so
 * (`csv-quotes`): the caller then reads on from that range in one piece.
 */
export async function recordRanges(path: string, setup: CsvSetup, rangeBytes: number): Promise<ByteRange[] | undefined> {
  if (setup.newline !== '\n' || !SPLITTABLE.test(setup.encoding)) return undefined;
  const delim = setup.delimiter.charCodeAt(0);
  const ranges: ByteRange[] = [];
  let [start, startLine, line] = [0, 1, 1];
  let [inQuotes, quoteSeen, fieldStart] = [false, false, true];
  let pos = 0;
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (!bytesRead) break;
      let i = 0;
      // A UTF-8 byte order mark: the decoder drops it, so the first value starts after it.
      if (pos === 0 && bytesRead >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      let next = start + rangeBytes;
      for (; i < bytesRead; i++) {
        const c = buf[i];
        if (inQuotes) {
          if (c === 34) {
            quoteSeen = !quoteSeen; // "" inside a quoted value is one quote
            continue;
          }
          if (!quoteSeen) {
            if (c === 10) line++;
            continue;
          }
          // The quote before c closed the value; c is read outside it.
          inQuotes = quoteSeen = false;
        }
        if (c === 10) {
          line++;
          fieldStart = true;
          if (pos + i + 1 >= next) {
            ranges.push({ start, end: pos + i + 1, line: startLine });
            [start, startLine] = [pos + i + 1, line];
            next = start + rangeBytes;
          }
        } else if (c === 34 && fieldStart) inQuotes = true;
        else fieldStart = c === delim;
      }
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  if (inQuotes && !quoteSeen) return undefined;
  if (pos > start) ranges.push({ start, end: pos, line: startLine });
  return ranges;
}

/**
 * The file's text, chunk by chunk. Node's native TextDecoder (ICU) for the charsets it knows: iconv-lite's
 * single-byte decoder runs in JavaScript at ~40 MB/s, a third of a 1M-row pass; iconv-lite for the others.
 */
async function* decodedChunks(raw: fs.ReadStream, encoding: string, ignoreBOM = false): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  try {
    decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM });
  } catch {
    decoder = undefined;
  }
  if (!decoder) {
    yield* raw.pipe(iconv.decodeStream(encoding)) as AsyncIterable<string>;
    return;
  }
  for await (const chunk of raw) yield decoder.decode(chunk as Buffer, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

async function* csvRecords(file: InputFile, { encoding, delimiter, newline }: CsvSetup, range?: ByteRange): AsyncGenerator<RecordBatch> {
  const at = { file: file.name };
  // An empty range (end - 1 < start) would read to the end of the file.
  if (range && range.end <= range.start) return;
  const raw = fs.createReadStream(file.path, { highWaterMark: CSV_CHUNK, ...(range ? { start: range.start, end: range.end - 1 } : {}) });
  let carry = '';
  let line = range?.line ?? 1;
  const nl = newline;
  // Each parse gives complete records only (the last, maybe cut, is carried into the next chunk).
  const parse = (input: string, last: boolean) => new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(input, 0, !last) as Papa.ParseResult<string[]>;

  /** The records of one parse, in a batch; `done` when a fatal problem ends the reading. */
  function emit(res: Papa.ParseResult<string[]>, last: boolean): { batch: RecordBatch; done: boolean } {
    const batch: RecordItem[] = [];
    const bad = new Map<number, Papa.ParseError>();
    for (const e of res.errors) if (e.row !== undefined && !bad.has(e.row)) bad.set(e.row, e);
    const rows = res.data;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      const start = line;
      let extra = 0;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (c.indexOf(nl) !== -1) extra += c.split(nl).length - 1;
      }
      if (nl === '\n' && cells.length) {
        const lastCell = cells[cells.length - 1];
        if (lastCell.endsWith('\r')) cells[cells.length - 1] = lastCell.slice(0, -1);
      }
      line += 1 + extra;
      // The parser's closing empty row after a final newline is not a record.
      if (last && r === rows.length - 1 && cells.length === 1 && cells[0] === '') continue;
      const e = bad.get(r);
      if (e?.code === 'MissingQuotes') {
        batch.push({ issue: issue({ ...at, line: start }, 'csv-quote-unclosed', `un guillemet ouvert ligne ${start} n'est jamais refermé : le reste du fichier serait lu comme une seule valeur. Doublez les guillemets dans les valeurs ("") ou fermez celui-ci.`) });
        return { batch, done: true };
      }
      if (e) {
        batch.push({ issue: issue({ ...at, line: start }, 'csv-quotes', 'guillemets mal placés : une valeur entre guillemets doit être suivie du séparateur ou de la fin de ligne, et ses guillemets intérieurs doublés ("")') });
        continue;
      }
      batch.push({ line: start, cells });
    }
    return { batch, done: false };
  }

  // Past the first byte, a byte order mark is a character of the text (a range starts mid-file).
  for await (const chunk of decodedChunks(raw, encoding, (range?.start ?? 0) > 0)) {
    const input = carry + chunk;
    const res = parse(input, false);
    const { batch } = emit(res, false);
    if (batch.length) yield batch;
    carry = input.slice(res.meta.cursor);
    if (carry.length > MAX_RECORD_CHARS) {
      raw.destroy();
      yield [{
        issue: issue(
          { ...at, line },
          'csv-record-too-large',
          `l'enregistrement qui commence ligne ${line} dépasse ${MAX_RECORD_CHARS / 1024 / 1024} millions de caractères : un guillemet n'est sans doute pas refermé (ou une cellule est démesurée)`,
        ),
      }];
      return;
    }
  }
  if (carry) yield emit(parse(carry, true), true).batch;
}
