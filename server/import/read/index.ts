// openInput: a user's file (CSV, XLSX, ODS, JSON) → what was detected + a re-iterable stream of normalised rows.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { ValidationError } from '../../errors';
import { parseKind } from '../fr/vocabulary';
import { csvRangeTable, csvTable, detectDelimiter, detectNewline, normaliseDelimiter, sampleText } from './csv';
import { HEADER_SYNONYMS, isExactSheetName } from './headers';
import { issue } from './issues';
import { openJson } from './json';
import { chooseEncoding, formatOf, head, HEAD_BYTES, isZip, normaliseEncoding, scanBytes } from './sniff';
import { scanTable, tableRows, type ScannedTable, type TableReader } from './table';
import type { ByteRange, CsvSetup } from './csv';
import type { Detected, Field, ImportIssue, InputFile, InputRow, OpenedInput, ReadOptions, SplittableCsv, TableKind } from './types';
import { listOdsSheets, OdsError, odsTable, type OdsSheet } from './ods';
import { listSheets, xlsxTable, type SheetEntry } from './xlsx';
import { checkZip } from './zip-guard';

export type * from './types';

const ALL_FIELDS = new Set<Field>(Object.values(HEADER_SYNONYMS).flatMap((fs) => fs.map((s) => s.field)));

/** Bad options are the caller's mistake (a 400 naming the option), not an issue with the file. */
function checkOptions(opts: ReadOptions): { encoding?: string; delimiter?: string; defaultKind?: Detected['defaultKind'] } {
  const bad: { field: string; message: string }[] = [];
  const out: ReturnType<typeof checkOptions> = {};
  if (opts.encoding !== undefined) {
    const e = normaliseEncoding(opts.encoding);
    if (iconv.encodingExists(e)) out.encoding = e;
    else bad.push({ field: 'encoding', message: `encodage « ${opts.encoding} » inconnu (utf-8, windows-1252, latin1, utf-16le…)` });
  }
  if (opts.delimiter !== undefined) {
    const d = normaliseDelimiter(opts.delimiter);
    if (d) out.delimiter = d;
    else bad.push({ field: 'delimiter', message: `séparateur « ${opts.delimiter} » non pris en charge (; , tab |)` });
  }
  if (opts.dateOrder !== undefined && opts.dateOrder !== 'dmy' && opts.dateOrder !== 'mdy') {
    bad.push({ field: 'dateOrder', message: 'ordre des dates : dmy (jour d’abord) ou mdy (mois d’abord)' });
  }
  if (opts.defaultKind !== undefined) {
    const k = parseKind(opts.defaultKind);
    if (k) out.defaultKind = k;
    else bad.push({ field: 'defaultKind', message: `nature par défaut « ${opts.defaultKind} » inconnue (entreprise, association, collectivité…)` });
  }
  for (const [h, f] of Object.entries(opts.mapping ?? {})) {
    if (f !== null && !ALL_FIELDS.has(f)) bad.push({ field: `mapping.${h}`, message: `champ « ${f} » inconnu` });
  }
  if (bad.length) throw new ValidationError(bad);
  return out;
}

interface Plan {
  detected: Detected;
  sheets: { used: string[]; ignored: string[] };
  /** File-level issues found while detecting, emitted first. */
  issues: ImportIssue[];
  tables: { reader: TableReader; scanned: ScannedTable }[];
  json?: Awaited<ReturnType<typeof openJson>>;
  /** CSV: how the file was decoded and split into records. */
  csv?: CsvSetup;
}

/**
 * Opens a user's file for reading. Detects the format, the charset (over every byte), the delimiter, the
 * header mapping and each date column's order (over every value), then returns `rows()`, which reads the
 * file again at each call. Problems with the file are issues in rows(), never exceptions; it throws only for
 * bad options (ValidationError) or a path that cannot be read.
 */
export async function openInput(file: InputFile, opts: ReadOptions = {}): Promise<OpenedInput> {
  const o = checkOptions(opts);
  const stat = await fs.promises.stat(file.path);
  const first = await head(file.path, HEAD_BYTES);
  const format = formatOf(file.name, first);
  const at = { file: file.name, line: 1 };
  const plan: Plan = {
    detected: { format: format === 'xls' ? 'xlsx' : format, encoding: 'utf-8', bom: false, tables: [] },
    sheets: { used: [], ignored: [] },
    issues: [],
    tables: [],
  };
  if (o.defaultKind) plan.detected.defaultKind = o.defaultKind;
  const tableOpts = { dateOrder: opts.dateOrder, mapping: opts.mapping };

  if (stat.size === 0) plan.issues.push(issue(at, 'file-empty', 'le fichier est vide : aucune ligne à importer'));
  else if (format === 'xls') {
    plan.issues.push(issue(at, 'xls-legacy', 'format Excel 97-2003 (.xls) non pris en charge : enregistrez le classeur au format .xlsx ou CSV'));
  } else if (format === 'xlsx') await planWorkbook(file, first, plan, tableOpts, XLSX_BOOK(file));
  else if (format === 'ods') await planWorkbook(file, first, plan, tableOpts, ODS_BOOK(file));
  else if (format === 'json') {
    plan.json = await openJson(file);
    plan.detected.tables = plan.json.tables;
  } else await planCsv(file, o, plan, tableOpts);

  if (!plan.json) plan.detected.tables = plan.tables.map((t) => t.scanned.info);
  const withDates = [...plan.detected.tables].sort((a, b) => Number(b.kind === 'relationships') - Number(a.kind === 'relationships'));
  const order = opts.dateOrder ?? withDates.flatMap((t) => t.columns).find((c) => c.dateOrder)?.dateOrder;
  if (order) plan.detected.dateOrder = order;

  const opened: OpenedInput = {
    file,
    detected: plan.detected,
    sheets: plan.sheets,
    rows: () => flatten(batchesOf(plan)),
  };
  const t = plan.tables[0];
  // A table whose rows can be read (its key columns found): it may be read in parts.
  if (plan.csv && t && t.scanned.info.kind && !t.scanned.issues.some(keyColumnMissing)) {
    const leading = [...plan.issues, ...t.scanned.issues].map((i): InputRow => ({ kind: 'issue', issue: i }));
    opened.split = { file, setup: plan.csv, scanned: t.scanned, leading };
  }
  return opened;
}

const keyColumnMissing = (i: ImportIssue) => i.severity === 'error' && (i.code === 'column-missing' || i.code === 'no-columns');

/** The rows of a byte range of a splittable CSV (records only: `leading` holds what comes before them). */
export function rangeRows(split: SplittableCsv, range: ByteRange): AsyncIterable<InputRow[]> {
  return tableRows(csvRangeTable(split.file, split.setup, range), { ...split.scanned, issues: [] });
}

async function* batchesOf(plan: Plan): AsyncGenerator<InputRow[]> {
  yield plan.issues.map((i): InputRow => ({ kind: 'issue', issue: i }));
  if (plan.json) {
    let batch: InputRow[] = [];
    for await (const r of plan.json.rows()) if (batch.push(r) >= 1000) [yield batch, (batch = [])];
    yield batch;
  }
  for (const t of plan.tables) yield* tableRows(t.reader, t.scanned);
}

/** One row at a time from batches, awaiting only when a batch is used up (an async generator per row is 3× slower). */
function flatten<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const it = batches[Symbol.asyncIterator]();
      let buf: T[] = [];
      let i = 0;
      return {
        async next(): Promise<IteratorResult<T>> {
          while (i >= buf.length) {
            const r = await it.next();
            if (r.done) return { done: true, value: undefined };
            [buf, i] = [r.value, 0];
          }
          return { done: false, value: buf[i++] };
        },
        async return(): Promise<IteratorResult<T>> {
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

async function planCsv(file: InputFile, o: ReturnType<typeof checkOptions>, plan: Plan, tableOpts: Parameters<typeof scanTable>[1]): Promise<void> {
  const scan = await scanBytes(file.path);
  const enc = chooseEncoding(scan, o.encoding);
  plan.detected.encoding = enc.encoding;
  plan.detected.bom = enc.bom;
  if (scan.nulLine !== undefined && !enc.encoding.startsWith('utf-16')) {
    plan.issues.push(issue({ file: file.name, line: scan.nulLine }, 'file-binary', `le fichier contient des données binaires (octet nul ligne ${scan.nulLine}) : ce n'est pas un fichier texte CSV`));
    return;
  }
  if (enc.mixed) {
    const line = enc.encoding === 'utf-8' ? enc.mixed.otherLine : enc.mixed.utf8Line;
    plan.issues.push(
      issue({ file: file.name, line }, 'encoding-mixed', `le fichier mélange deux encodages : UTF-8 (dès la ligne ${enc.mixed.utf8Line}) et Windows-1252 (dès la ligne ${enc.mixed.otherLine}) ; les accents de la ligne ${line} seraient illisibles. Réenregistrez-le en un seul encodage (CSV UTF-8).`),
    );
  } else if (enc.invalidLine !== undefined) {
    plan.issues.push(issue({ file: file.name, line: enc.invalidLine }, 'encoding-invalid', `la ligne ${enc.invalidLine} n'est pas en UTF-8 comme demandé : le fichier est-il en Windows-1252 ?`));
  }
  const sample = await sampleText(file.path, enc.encoding);
  const delimiter = o.delimiter ?? detectDelimiter(sample);
  plan.detected.delimiter = delimiter;
  plan.csv = { encoding: enc.encoding, delimiter, newline: detectNewline(sample) };
  const reader = csvTable(file, plan.csv);
  plan.tables.push({ reader, scanned: await scanTable(reader, tableOpts) });
}

/** What planning a workbook needs from its reader (XLSX or ODS), and how messages name its kind. */
interface Workbook<S extends { name: string; kind?: TableKind; hidden?: boolean }> {
  /** « .xlsx », « .ods »: in the message for a file that is no zip. */
  ext: string;
  /** The application users save such a workbook from, named in messages: Excel, LibreOffice. */
  app: string;
  /** The sheets in order; throws with a French message when the workbook's content cannot be listed. */
  list(): Promise<S[]>;
  table(s: S): TableReader;
}

const XLSX_BOOK = (file: InputFile): Workbook<SheetEntry> => ({ ext: '.xlsx', app: 'Excel', list: () => listSheets(file.path), table: (s) => xlsxTable(file, s) });
const ODS_BOOK = (file: InputFile): Workbook<OdsSheet> => ({ ext: '.ods', app: 'LibreOffice', list: () => listOdsSheets(file.path), table: (s) => odsTable(file, s) });

async function planWorkbook<S extends { name: string; kind?: TableKind; hidden?: boolean }>(
  file: InputFile,
  first: Buffer,
  plan: Plan,
  tableOpts: Parameters<typeof scanTable>[1],
  book: Workbook<S>,
): Promise<void> {
  const at = { file: file.name, line: 1 };
  if (!isZip(first)) {
    const what = book.ext === '.ods' ? 'un classeur OpenDocument (LibreOffice)' : 'un classeur Excel';
    plan.issues.push(issue(at, 'file-not-zip', `ce fichier ${book.ext} n'est pas ${what} : ce n'est pas une archive zip (fichier renommé, ou d'un autre format ?)`));
    return;
  }
  const z = await checkZip(file.path, undefined, { ext: book.ext, app: book.app });
  if (!z.ok) {
    plan.issues.push(issue(at, z.code, z.message));
    return;
  }
  let sheets: S[];
  try {
    sheets = await book.list();
  } catch (e) {
    if (!(e instanceof OdsError)) throw e;
    plan.issues.push(issue(at, e.code, `ce classeur .ods est illisible : ${e.message}`));
    return;
  }
  // A sheet named by one of its words ("Relations (2024)") is used only when no sheet is named exactly for
  // its kind: beside "Relations", "Relations (2)" is Excel's copy of it, not more relations.
  const exact = new Set(sheets.filter((s) => s.kind && isExactSheetName(s.name)).map((s) => s.kind));
  let used = sheets.filter((s) => s.kind && (isExactSheetName(s.name) || !exact.has(s.kind)));
  // A workbook of one sheet, whatever its name: its headers say what it holds.
  if (!used.length && sheets.length === 1) used = sheets;
  plan.sheets.used = used.map((s) => s.name);
  plan.sheets.ignored = sheets.filter((s) => !used.includes(s)).map((s) => s.name);
  if (!used.length) {
    plan.issues.push(issue({ file: file.name }, 'sheet-missing', `aucune feuille « Acteurs » ou « Relations » dans le classeur (feuilles : ${sheets.map((s) => s.name).join(', ') || 'aucune'})`));
    return;
  }
  // A hidden sheet is still in the workbook (an actors list hidden behind drop-down lists): read, and said.
  for (const s of used.filter((u) => u.hidden)) {
    plan.issues.push(issue({ file: file.name, sheet: s.name }, 'sheet-hidden', `la feuille « ${s.name} » est masquée dans ${book.app} : elle est lue comme les autres (supprimez-la du classeur pour qu'elle ne le soit pas)`, { severity: 'warning' }));
  }
  if (plan.sheets.ignored.length) {
    plan.issues.push(issue({ file: file.name }, 'sheet-ignored', `feuilles ignorées : ${plan.sheets.ignored.join(', ')}`, { severity: 'warning' }));
  }
  // Actors first, so that a relationships sheet can name actors the same workbook defines.
  const rank = { sources: 0, actors: 1, relationships: 2 } as const;
  used.sort((a, b) => (a.kind ? rank[a.kind] : 3) - (b.kind ? rank[b.kind] : 3));
  for (const s of used) {
    const reader = book.table(s);
    plan.tables.push({ reader, scanned: await scanTable(reader, tableOpts) });
  }
}
