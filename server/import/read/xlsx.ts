// XLSX workbooks through exceljs's streaming reader (after zip-guard's checks): one table reader per sheet used.
import type ExcelJS from 'exceljs';
import { isoFromDate } from '../fr/date';
import { issue } from './issues';
import { readNumberFormat } from './numfmt';
import { tableKindOfSheet } from './headers';
import type { Cell, RecordBatch, RecordItem, RichCell, TableReader } from './table';
import type { InputFile, TableKind } from './types';
import { readZipText } from './zip-guard';
import { MergeBombError, mergeFiller } from './merges';
import { sheetTail, xlsxPartsStream } from './zip-parts';

export interface SheetEntry {
  name: string;
  /** The sheet's part number (xl/worksheets/sheet<N>.xml), how exceljs names a sheet it could not match. */
  part?: string;
  kind?: TableKind;
  /** Hidden in Excel (state hidden or veryHidden): still read when named for a table, with a warning. */
  hidden?: boolean;
  /** The workbook counts days from 1904 (Mac Excel's option), written date1904="1" or "true". */
  date1904?: boolean;
}

const unescapeXml = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string, hex: string, named: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named.toLowerCase()],
  );
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** The workbook's sheets in order, with what each holds according to its name (Acteurs, Relations, Sources…). */
export async function listSheets(path: string): Promise<SheetEntry[]> {
  const wb = (await readZipText(path, 'xl/workbook.xml')) ?? '';
  const rels = (await readZipText(path, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  // exceljs reads date1904="1" only; "true" is as valid (xsd:boolean), and missing it shifts every date by 4 years.
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wb)?.[0];
  const date1904 = pr !== undefined && /^(?:1|true)$/i.test(attr(pr, 'date1904') ?? '');
  const sheets: SheetEntry[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    if (!name) continue;
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '[\\w]+:id');
    const part = rid ? /sheet(\d+)\.xml$/.exec(targets.get(rid) ?? '')?.[1] : undefined;
    const state = attr(m[0], 'state');
    sheets.push({ name, part, kind: tableKindOfSheet(name), ...(state === 'hidden' || state === 'veryHidden' ? { hidden: true } : {}), ...(date1904 ? { date1904 } : {}) });
  }
  return sheets;
}

type ExcelValue = ExcelJS.CellValue;

const DAY_MS = 86_400_000;
const DAYS_1900_TO_1904 = 1_462;

/**
 * An exceljs value as a cell: text stays text; numbers, dates, formulas (never evaluated) and errors are marked.
 * `numFmt`, the cell's number format, goes with a number (it may show a unit: 0.0 "M€") and sets a date's
 * precision (mmm-yy shows a month: 2017-04, not 2017-04-01); `date1904` is the workbook's date system.
 */
export function toCell(v: ExcelValue, numFmt?: string, date1904 = false): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    const cell: RichCell = { text: String(v), number: v };
    if (numFmt && numFmt !== 'General') cell.format = numFmt;
    // A day number whose date format was lost counts from 1904 in such a workbook.
    if (date1904) cell.date1904 = true;
    return cell;
  }
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v instanceof Date) {
    const f = numFmt ? readNumberFormat(numFmt) : undefined;
    const serial = Math.round((v.getTime() / DAY_MS + 25_569 - (date1904 ? DAYS_1900_TO_1904 : 0)) * 1e9) / 1e9;
    // 2016 typed into a cell formatted as a date is day 2016, in 1905: a year, which the date column reads as such.
    if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return { text: String(serial), number: serial, ...(numFmt ? { format: numFmt } : {}) };
    if (f && !f.date) {
      // exceljs takes any m, d, y, h or s for a date, escaped ones too (0.0\ \M\€): the format shows a number.
      const n = Math.round((v.getTime() / DAY_MS + 25_569 - (date1904 ? DAYS_1900_TO_1904 : 0)) * 1e9) / 1e9;
      return { text: String(n), number: n, format: numFmt };
    }
    const iso = isoFromDate(v);
    const shown = f?.date === 'year' ? iso.slice(0, 4) : f?.date === 'month' ? iso.slice(0, 7) : iso;
    return { text: shown, date: shown };
  }
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const f = typeof o.formula === 'string' ? o.formula : typeof o.sharedFormula === 'string' ? o.sharedFormula : '';
    // The value Excel computed and saved with the formula (never computed here): what the user saw in the cell.
    // Its format too: =D2/1000 shown « 1 500 k€ » is 1 500 000 €, as for a typed number.
    if (typeof o.result === 'number' && Number.isFinite(o.result)) return { text: `=${f}`, formula: true, number: o.result, ...(numFmt && numFmt !== 'General' ? { format: numFmt } : {}) };
    return typeof o.result === 'string' ? { text: `=${f}`, formula: true, result: o.result } : { text: `=${f}`, formula: true };
  }
  if ('error' in o) return { text: String(o.error), error: true };
  if ('hyperlink' in o) {
    const text = o.text;
    const t = typeof text === 'string' ? text : text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText) ? ((text as { richText: { text: string }[] }).richText.map((r) => r.text).join('')) : String(o.hyperlink);
    return { text: t, hyperlink: String(o.hyperlink) };
  }
  if ('text' in o && typeof o.text === 'string') return o.text;
  return String(v);
}

/** One sheet as a table reader: each records() call streams that sheet again (with the parts it needs) from the workbook. */
export function xlsxTable(file: InputFile, sheet: SheetEntry): TableReader {
  return { file, sheet: sheet.name, hint: sheet.kind, records: () => sheetRecords(file, sheet) };
}

/** Rejects the steps in progress when the workbook's parts stream fails (one listener, whatever the number of steps). */
function failures(parts: NodeJS.EventEmitter) {
  const pending = new Set<(e: unknown) => void>();
  let error: { e: unknown } | undefined;
  parts.once('error', (e: unknown) => {
    error = { e };
    for (const reject of pending) reject(e);
  });
  /** Each step of `it`, rejected when the parts fail: exceljs pipes its input into unzipper, which never hears of the input's errors. */
  return function untilFailed<T>(it: AsyncIterable<T>): AsyncIterable<T> {
    return {
      [Symbol.asyncIterator]() {
        const inner = it[Symbol.asyncIterator]();
        return {
          next: () =>
            error
              ? Promise.reject(error.e)
              : new Promise<IteratorResult<T>>((resolve, reject) => {
                  pending.add(reject);
                  inner.next().then(
                    (r) => {
                      pending.delete(reject);
                      resolve(r);
                    },
                    (e: unknown) => {
                      pending.delete(reject);
                      reject(e);
                    },
                  );
                }),
          // Not awaited: a generator stuck on input that will never come would never return.
          return: () => {
            if (!error) inner.return?.().catch(() => undefined);
            return Promise.resolve({ done: true, value: undefined });
          },
        };
      },
    };
  };
}

/**
 * The workbook's custom number formats as written, by their text as exceljs gives it: exceljs drops the backslashes
 * (0.0\ \M\€ becomes 0.0 M€, where M reads as a month), and the escapes say which letters are text.
 */
async function rawFormats(path: string): Promise<Map<string, string>> {
  const styles = (await readZipText(path, 'xl/styles.xml')) ?? '';
  const raw = new Map<string, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const code = attr(m[0], 'formatCode');
    if (code?.includes('\\')) {
      const seen = code.replace(/\\(.)/g, '$1');
      if (!raw.has(seen)) raw.set(seen, code);
    }
  }
  return raw;
}

async function* sheetRecords(file: InputFile, sheet: SheetEntry): AsyncGenerator<RecordBatch> {
  const unreadable = (e: unknown): RecordItem[] => [{ issue: issue({ file: file.name, sheet: sheet.name, line: 1 }, e instanceof MergeBombError ? e.code : 'xlsx-invalid', `la feuille « ${sheet.name} » n'a pas pu être lue : ${(e as Error).message}`) }];
  let formats: Map<string, string>;
  let fill: ReturnType<typeof mergeFiller> | undefined;
  let links = new Map<string, string>();
  try {
    formats = await rawFormats(file.path);
    const tail = sheet.part !== undefined ? await sheetTail(file.path, sheet.part) : { merges: [], links };
    fill = tail.merges.length ? mergeFiller(tail.merges, { file: file.name, sheet: sheet.name }) : undefined;
    links = tail.links;
  } catch (e) {
    yield unreadable(e);
    return;
  }
  // Only the parts this sheet needs, in the order exceljs needs them: it never buffers a sheet in a temporary file
  // (it does for every sheet met before sharedStrings.xml, where Excel and exceljs put them), so leaving early leaks nothing.
  const parts = xlsxPartsStream(file.path, sheet.part !== undefined ? [sheet.part] : undefined, sheet.date1904 === true);
  const untilFailed = failures(parts);
  // Loaded when a workbook is read, not at start-up: a CSV import spares its ~0.3 s of loading.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(parts, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const format = (f: string | undefined) => (f && formats.get(f)) || f;
  // The workbook's date system, once exceljs has read workbook.xml (before any sheet).
  const date1904 = sheet.date1904 === true;
  // exceljs turned date cells into dates from 1900 when it missed date1904="true": 1 462 days to add.
  const shift = () => (date1904 && (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 !== true ? DAYS_1900_TO_1904 * DAY_MS : 0);
  try {
    for await (const ws of untilFailed(reader)) {
      const w = ws as unknown as { name?: string; id?: number | string } & AsyncIterable<ExcelJS.Row>;
      // The parts stream holds this sheet's part alone when its number is known: the first sheet is it. exceljs names
      // a sheet only when the relationship's target is written relative (worksheets/sheet1.xml); openpyxl (pandas)
      // writes it absolute (/xl/worksheets/sheet1.xml) and exceljs then calls the sheet « Sheet1 ».
      if (sheet.part === undefined && w.name !== sheet.name) continue;
      let batch: RecordItem[] = [];
      for await (const row of untilFailed(w)) {
        const values = row.values as ExcelValue[];
        // row.values is 1-based (index 0 empty), sparse where cells are empty.
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) {
          const v = values[i];
          // A number or date's format says what it shows (a unit, a month): read only for those cells.
          if (v instanceof Date) cells.push(toCell(shift() ? new Date(v.getTime() + shift()) : v, format(row.getCell(i).numFmt), date1904));
          else if (typeof v === 'number') cells.push(toCell(v, format(row.getCell(i).numFmt), date1904));
          else if (v && typeof v === 'object' && typeof (v as { result?: unknown }).result === 'number') cells.push(toCell(v, format(row.getCell(i).numFmt)));
          else cells.push(toCell(v));
        }
        // A cell's link, which exceljs's streaming reader drops: the text keeps its address (a source's URL).
        if (links.size) {
          for (let i = 0; i < cells.length; i++) {
            const url = links.get(`${i + 1}:${row.number}`);
            const c = cells[i];
            if (url && c != null && (typeof c === 'string' || !c.hyperlink)) cells[i] = typeof c === 'string' ? { text: c, hyperlink: url } : { ...c, hyperlink: url };
          }
        }
        fill?.(row.number, cells, batch);
        batch.push({ line: row.number, cells });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      return;
    }
  } catch (e) {
    yield unreadable(e);
  } finally {
    // Closes the workbook file, whether the sheet was read to its end or the caller stopped early.
    parts.destroy();
  }
}
