// One table (a CSV file, a sheet, a JSON array turned into records) → header mapping, detection, then normalised rows.
import { TEXT_MAX, Slug } from '../../../model/schema';
import { fold } from '../../../model/text';
import { headerScale, parseAmount } from '../fr/amount';
import { DateOrderVote, dateOrderHint, isoFromDate, parseDate } from '../fr/date';
import { ACTOR_KIND_LABELS, type RelType } from '../../../model/vocabulary';
import { parseKind, parseRelType, parseStatus } from '../fr/vocabulary';
import { columnLetter, fundingRoleOfHeader, isDirectionColumn, isPartnerHeader, mapHeaders } from './headers';
import { frNumber, issue, quoteHeader, shorten } from './issues';
import { amountFromFormat, readNumberFormat } from './numfmt';
import type {
  ActorInputRow,
  ActorRef,
  ColumnInfo,
  DateOrder,
  EvidenceInput,
  Field,
  ImportIssue,
  InputFile,
  InputRow,
  Loc,
  RelationshipInputRow,
  SourceInputRow,
  TableInfo,
  TableKind,
} from './types';

/** A spreadsheet cell that is more than text: a number, a date, a formula (kept as text), an error (#N/A). */
export interface RichCell {
  text: string;
  number?: number;
  /** ISO date of a date cell. */
  date?: string;
  formula?: boolean;
  error?: boolean;
  hyperlink?: string;
  /** The Excel number format of a number cell, when not General: it may show a unit (0.0 "M€") or a percent. */
  format?: string;
  /** A number cell of a workbook counting days from 1904: a day number in a date column counts from there. */
  date1904?: boolean;
  /** The text Excel saved with a formula (=A2 repeating the funder above): what the user saw in the cell. */
  result?: string;
}

/**
 * Fields whose formula is read as the text Excel saved with it (=A2 repeating the funder above is « Région Sud »,
 * never an actor named « =A2 »); elsewhere (excerpt, note, source, URL) a formula is its text, =HYPERLINK(…) kept.
 */
const FORMULA_RESULT_FIELDS = new Set<string>(['id', 'name', 'aliases', 'kind', 'territory', 'from', 'to', 'fromId', 'toId', 'fromKind', 'toKind', 'type', 'status', 'role', 'date', 'amount']);
export type Cell = string | RichCell | null | undefined;

/** One record of a table, with the 1-based line where it starts in its file or sheet. */
export interface RawRecord {
  line: number;
  cells: Cell[];
}
export type RecordItem = RawRecord | { issue: ImportIssue };
/** Records come in batches (a decoded chunk's worth): one await per batch, not per record, keeps 1M rows fast. */
export type RecordBatch = RecordItem[];

/** A table as a re-readable stream of records: each call to records() reads the file again. */
export interface TableReader {
  file: InputFile;
  sheet?: string;
  /** The kind the sheet's name gives (Acteurs, Relations…), when it gives one. */
  hint?: TableKind;
  /** CSV only: named in messages about extra cells. */
  delimiter?: string;
  /** The application that saved a workbook's formulas' values and shows its dates, named in messages (Excel by default; LibreOffice for .ods). */
  app?: string;
  records(): AsyncIterable<RecordBatch>;
}

export interface ScannedTable {
  info: TableInfo;
  headerLine: number;
  /** Problems with the table as a whole (no header, unknown columns, ambiguous dates), emitted before its rows. */
  issues: ImportIssue[];
  /** The order decided for each date column (by column index). */
  dateOrders: Map<number, DateOrder>;
  /** The type of every row of a table without a type column whose actor columns say it (Financeur, Bénéficiaire). */
  defaultType?: RelType;
}

export interface TableOptions {
  dateOrder?: DateOrder;
  mapping?: Record<string, Field | null>;
}

const isIssue = (r: RecordItem): r is { issue: ImportIssue } => (r as { issue?: unknown }).issue !== undefined;
const cellText = (c: Cell): string => (c == null ? '' : typeof c === 'string' ? c : c.text);
function emptyRecord(cells: Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const t = cellText(cells[i]);
    // Most cells are non-empty and unpadded: decide without trimming.
    if (t.length && (t.charCodeAt(0) > 32 || t.trim())) return false;
  }
  return true;
}

/** Longest text accepted per field (schema limits; ids and short words get a bound of their own). */
const MAX: Partial<Record<Field, number>> = {
  name: TEXT_MAX.name,
  aliases: 20 * TEXT_MAX.alias,
  description: TEXT_MAX.description,
  territory: TEXT_MAX.territory,
  role: TEXT_MAX.role,
  note: TEXT_MAX.note,
  excerpt: TEXT_MAX.excerpt,
  source: TEXT_MAX.title,
  title: TEXT_MAX.title,
  publisher: TEXT_MAX.publisher,
  author: TEXT_MAX.author,
  from: TEXT_MAX.name,
  to: TEXT_MAX.name,
  url: 2000,
  sourceUrl: 2000,
};
const MAX_OTHER = 300;
/** Excel day numbers read as dates in a date column: 1927-05-18 to 2119-01-08 (below, a number is more likely a mistake). */
const EXCEL_SERIAL_MIN = 10_000;
const EXCEL_SERIAL_MAX = 80_000;

const REQUIRED: Record<TableKind, { any: Field[]; label: string }[]> = {
  relationships: [
    { any: ['from', 'fromId'], label: 'le premier acteur (De, From, Source…)' },
    { any: ['to', 'toId'], label: 'le second acteur (Vers, To, Target…)' },
    { any: ['type'], label: 'le type de relation (Type, Relation…)' },
  ],
  actors: [{ any: ['name', 'id'], label: "le nom de l'acteur (Nom, Name, Label…)" }],
  sources: [{ any: ['title', 'id'], label: 'le titre du document (Titre, Title…)' }],
};

/** How many non-empty records may come before the header (titles, notes, a merged band). */
const HEADER_LOOKAHEAD = 10;
/** The columns a header must name to be taken as one, by kind (the type may be missing: that is reported). */
const HEADER_KEYS: Record<TableKind, Field[][]> = {
  relationships: [['from', 'fromId'], ['to', 'toId']],
  actors: [['name', 'id']],
  sources: [['title', 'id']],
};

/**
 * The index of the header among the first records: the first one that names a table's key columns in two
 * cells or more (a one-cell row is a title when wider rows follow). 0 when none does: the first row's
 * mapping then says what is missing.
 */
export function headerIndex(records: RawRecord[], hint?: TableKind, mapping?: Record<string, Field | null>): number {
  const filled = (r: RawRecord) => r.cells.filter((c) => cellText(c).trim()).length;
  const widest = Math.max(0, ...records.map(filled));
  for (let i = 0; i < records.length; i++) {
    if (filled(records[i]) < 2 && widest >= 2) continue;
    const m = mapHeaders(records[i].cells.map((c) => cellText(c).trim()), hint, mapping);
    if (m.kind && HEADER_KEYS[m.kind].every((any) => m.columns.some((c) => c.field && any.includes(c.field)))) return i;
  }
  return 0;
}

const TABLE_FR: Record<TableKind, string> = { actors: 'acteurs', relationships: 'relations', sources: 'sources' };

/**
 * Reads a table once: finds the header, maps it, counts rows and decides each date column's order from all
 * of its values. Reading problems (bad quotes…) are not kept: rows() meets them again.
 */
export async function scanTable(reader: TableReader, opts: TableOptions = {}): Promise<ScannedTable> {
  const at = { file: reader.file.name, sheet: reader.sheet };
  const issues: ImportIssue[] = [];
  // Assigned in setHeader: the casts keep TypeScript from narrowing them to their initial values.
  let header = undefined as RawRecord | undefined;
  let columns: ColumnInfo[] = [];
  let kind = null as TableKind | null;
  let rows = 0;
  let dateCols: number[] = [];
  const votes = new Map<number, DateOrderVote & { firstDmy?: number; firstMdy?: number }>();
  const hints = new Memo(dateOrderHint);
  let typeCol = -1;
  const typeSample: string[] = [];
  let unreadable = 0;
  const head0 = (line: number) => ({ ...at, line });
  const setHeader = (rec: RawRecord) => {
    header = rec;
    const m = mapHeaders(rec.cells.map((c) => cellText(c).trim()), reader.hint, opts.mapping);
    ({ kind, columns } = m);
    const head = head0(rec.line);
    if (!kind) {
      const sep = reader.delimiter ? ` (séparateur lu : « ${reader.delimiter === '\t' ? 'tabulation' : reader.delimiter} »)` : '';
      issues.push(
        issue(head, 'no-columns', `aucune colonne reconnue dans l'en-tête${sep} : ${shorten(columns.map((c) => c.header).join(' | '), 120)}. Attendu, par exemple : De ; Vers ; Type (relations) ou Nom ; Nature (acteurs). Vérifiez le séparateur et les noms de colonnes.`),
      );
      return;
    }
    for (const i of m.unknown) {
      const c = columns[i];
      issues.push(issue(head, 'column-unknown', `colonne ${quoteHeader(c.header, c.letter)} non reconnue : elle est ignorée`, { severity: 'warning', column: c.letter }));
    }
    for (const d of m.duplicates) {
      const c = columns[d.index];
      const f = columns[d.first];
      issues.push(
        issue(head, 'column-duplicate', `colonne ${quoteHeader(c.header, c.letter)} ignorée : ${quoteHeader(f.header, f.letter)} donne déjà ce champ (${d.field})`, {
          severity: 'warning',
          column: c.letter,
          field: d.field,
        }),
      );
    }
    dateCols = columns.filter((c) => c.field === 'date').map((c) => c.index);
    for (const i of dateCols) votes.set(i, new DateOrderVote());
    typeCol = kind === 'relationships' ? (columns.find((c) => c.field === 'type')?.index ?? -1) : -1;
  };
  const addRow = (item: RawRecord) => {
    if (!kind || emptyRecord(item.cells)) return;
    rows++;
    for (const i of dateCols) {
      const c = item.cells[i];
      if (typeof c === 'string' || (c && c.date === undefined && !c.number)) {
        const v = votes.get(i)!;
        const h = hints.get(cellText(c).trim());
        if (h === 'dmy') {
          if (!v.dmy++) v.firstDmy = item.line;
        } else if (h === 'mdy') {
          if (!v.mdy++) v.firstMdy = item.line;
        } else if (h === 'ambiguous') v.ambiguous++;
      }
    }
    if (typeCol >= 0 && typeSample.length < 200) {
      const t = cellText(item.cells[typeCol]).trim();
      if (t) typeSample.push(t);
    }
  };
  // The header is chosen among the first non-empty records: a title row above it ("Financements 2023"), or a
  // merged band over it ("Acteurs" across two columns), is skipped with a warning rather than read as the header.
  const pending: RawRecord[] = [];
  const chooseHeader = () => {
    const i = headerIndex(pending, reader.hint, opts.mapping);
    if (i > 0) {
      const first = pending[0].line;
      const last = pending[i - 1].line;
      const lines = first === last ? `la ligne ${first}` : `les lignes ${first} à ${last}`;
      issues.push(
        issue(head0(first), 'rows-before-header', `${lines}, avant l'en-tête (ligne ${pending[i].line}), ${first === last ? 'est ignorée' : 'sont ignorées'} : ${shorten(pending.slice(0, i).map((r) => r.cells.map(cellText).filter((t) => t.trim()).join(' | ')).join(' / '), 120)}`, {
          severity: 'warning',
        }),
      );
    }
    setHeader(pending[i]);
    for (const r of pending.slice(i + 1)) addRow(r);
    pending.length = 0;
  };
  for await (const batch of reader.records()) for (const item of batch) {
    if (isIssue(item)) {
      // A reader's warning (merged cells read on each row) leaves the sheet readable.
      if (item.issue.severity === 'error') unreadable++;
      continue;
    }
    if (!header) {
      if (emptyRecord(item.cells)) continue;
      pending.push(item);
      if (pending.length >= HEADER_LOOKAHEAD) chooseHeader();
      continue;
    }
    addRow(item);
  }
  if (!header && pending.length) chooseHeader();

  const info: TableInfo = { kind, rows, columns };
  if (reader.sheet !== undefined) info.sheet = reader.sheet;
  const scanned: ScannedTable = { info, headerLine: header?.line ?? 1, issues, dateOrders: new Map() };
  if (!header) {
    // A sheet that could not be read has said so (its reader's issue): it is not also « empty ».
    if (!unreadable) issues.push(issue({ ...at, line: 1 }, 'file-empty', reader.sheet ? `la feuille « ${reader.sheet} » est vide` : 'le fichier est vide : aucune ligne à importer'));
    return scanned;
  }
  if (!kind) return scanned;
  const head = { ...at, line: header.line };

  // Gephi's edge table: its "Type" column says Directed/Undirected; the tie's type is then in "Label".
  if (typeCol >= 0 && isDirectionColumn(typeSample)) {
    const tc = columns[typeCol];
    tc.field = null;
    const label = columns.find((c) => fold(c.header) === 'label' && c.field === 'note');
    if (label) label.field = 'type';
    issues.push(issue(head, 'column-direction', `la colonne ${quoteHeader(tc.header, tc.letter)} dit Directed/Undirected (export Gephi) : elle est ignorée${label ? `, le type est lu dans ${quoteHeader(label.header, label.letter)}` : ''}`, { severity: 'warning', column: tc.letter }));
  }

  if (kind === 'relationships' && !columns.some((c) => c.field === 'type')) {
    // "Financeur ; Bénéficiaire ; Montant": the columns' names say what every row is.
    const from = columns.find((c) => c.field === 'from' || c.field === 'fromId');
    const to = columns.find((c) => c.field === 'to' || c.field === 'toId');
    if (from && to && fundingRoleOfHeader(from.header) === 'from' && fundingRoleOfHeader(to.header) === 'to') {
      scanned.defaultType = 'FUNDS';
      issues.push(
        issue(head, 'type-from-columns', `pas de colonne de type : les colonnes ${quoteHeader(from.header, from.letter)} et ${quoteHeader(to.header, to.letter)} disent un financement, chaque ligne est lue « ${from.header} finance ${to.header} »`, {
          severity: 'warning',
          field: 'type',
        }),
      );
    } else if (from && to && (isPartnerHeader(from.header) || isPartnerHeader(to.header)) && !fundingRoleOfHeader(from.header) && !fundingRoleOfHeader(to.header)) {
      // "Structure ; Partenaire": a list of partnerships (which need no direction).
      scanned.defaultType = 'PARTNERS_WITH';
      issues.push(
        issue(head, 'type-from-columns', `pas de colonne de type : la colonne ${quoteHeader((isPartnerHeader(to.header) ? to : from).header, (isPartnerHeader(to.header) ? to : from).letter)} dit un partenariat, chaque ligne est lue « ${from.header} partenaire de ${to.header} »`, {
          severity: 'warning',
          field: 'type',
        }),
      );
    }
  }
  for (const req of REQUIRED[kind]) {
    if (req.any.includes('type') && scanned.defaultType) continue;
    if (!columns.some((c) => c.field && req.any.includes(c.field))) {
      issues.push(issue(head, 'column-missing', `la table de ${TABLE_FR[kind]} n'a pas de colonne pour ${req.label}`, { field: req.any[0] }));
    }
  }
  if (rows === 0 && !unreadable) issues.push(issue(head, 'no-data', `aucune ligne de données après l'en-tête (ligne ${header.line})`));

  for (const i of dateCols) {
    const c = columns[i];
    const v = votes.get(i)!;
    const d = v.decide();
    const order = opts.dateOrder ?? d?.order;
    if (!order || !d) continue;
    c.dateOrder = order;
    scanned.dateOrders.set(i, order);
    if (opts.dateOrder) continue;
    if (d.ambiguous) {
      issues.push(
        issue(head, 'date-order-ambiguous', `toutes les dates de la colonne ${quoteHeader(c.header, c.letter)} se lisent aussi bien jour/mois que mois/jour : elles sont lues jour d'abord (12/03/2016 = 12 mars 2016) ; précisez l'ordre des dates si ce n'est pas le cas`, {
          severity: 'warning',
          column: c.letter,
          field: 'date',
        }),
      );
    } else if (d.conflicting) {
      issues.push(
        issue(head, 'date-order-mixed', `la colonne ${quoteHeader(c.header, c.letter)} mêle des dates jour/mois (ligne ${v.firstDmy}) et mois/jour (ligne ${v.firstMdy}) : elles sont lues ${order === 'dmy' ? "jour d'abord" : "mois d'abord"}, les autres sont signalées ligne par ligne`, {
          severity: 'warning',
          column: c.letter,
          field: 'date',
        }),
      );
    }
  }
  return scanned;
}

/** Reads a table's rows, normalised, in batches; table-level issues first. Each call reads the file again. */
export async function* tableRows(reader: TableReader, scanned: ScannedTable): AsyncGenerator<InputRow[]> {
  yield scanned.issues.map((i): InputRow => ({ kind: 'issue', issue: i }));
  const { kind, columns } = scanned.info;
  if (!kind || scanned.issues.some((i) => i.severity === 'error' && (i.code === 'column-missing' || i.code === 'no-columns'))) {
    // Rows cannot be read without their key columns; reading problems still surface, once each.
    for await (const batch of reader.records()) yield batch.filter(isIssue).map((item): InputRow => ({ kind: 'issue', issue: item.issue }));
    return;
  }
  const builder = new RowBuilder(reader, scanned);
  for await (const batch of reader.records()) {
    const out: InputRow[] = [];
    for (const item of batch) {
      if (isIssue(item)) out.push({ kind: 'issue', issue: item.issue });
      else if (item.line > scanned.headerLine && !emptyRecord(item.cells)) builder.build(item, kind, columns.length, out);
    }
    yield out;
  }
}

/** Remembers a column's parsed values: a million rows hold a few distinct types, statuses, amounts and dates. */
class Memo<T> {
  private readonly m = new Map<string, T>();
  constructor(
    private readonly compute: (k: string) => T,
    private readonly max = 20000,
  ) {}
  get(key: string): T {
    let v = this.m.get(key);
    if (v === undefined && !this.m.has(key)) {
      v = this.compute(key);
      if (this.m.size >= this.max) this.m.clear();
      this.m.set(key, v);
    }
    return v as T;
  }
}

/** Turns records into rows of one kind; keeps what must be unique across the table (ids, actor names). */
class RowBuilder {
  private readonly col: Partial<Record<Field, ColumnInfo>> = {};
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly scale: number;
  private readonly issues: ImportIssue[] = [];
  private loc!: Loc;
  private cells!: Cell[];

  constructor(
    private readonly reader: TableReader,
    private readonly scanned: ScannedTable,
  ) {
    for (const c of scanned.info.columns) if (c.field) this.col[c.field] = c;
    this.scale = this.col.amount ? headerScale(this.col.amount.header) : 1;
    this.roleColumn = (['from', 'fromId', 'to', 'toId'] as const).map((f) => this.col[f]).find((c) => c && fundingRoleOfHeader(c.header));
  }

  private get app(): string {
    return this.reader.app ?? 'Excel';
  }

  /** A first or second actor column named by its role in a funding ("Financeur", "Bénéficiaire"). */
  private readonly roleColumn: ColumnInfo | undefined;

  private readonly memo = {
    type: new Memo(parseRelType),
    status: new Memo(parseStatus),
    kind: new Memo(parseKind),
    amount: new Memo((s: string) => parseAmount(s, this.scale)),
    date: new Map<number, Memo<ReturnType<typeof parseDate>>>(),
  };

  build(rec: RawRecord, kind: TableKind, width: number, out: InputRow[]): void {
    this.issues.length = 0;
    this.cells = rec.cells;
    this.loc = { file: this.reader.file.name, line: rec.line };
    if (this.reader.sheet !== undefined) this.loc.sheet = this.reader.sheet;
    const extra = rec.cells.slice(width).filter((c) => cellText(c).trim()).length;
    if (extra && this.reader.sheet !== undefined) {
      // In a sheet, no separator is at fault: a value was typed beside the table, under no header.
      const at = width + rec.cells.slice(width).findIndex((c) => cellText(c).trim());
      this.err(undefined, 'extra-cells', `la ligne a une valeur hors du tableau, en colonne ${columnLetter(at)} sans en-tête : donnez un en-tête à cette colonne ou videz la cellule`);
    } else if (extra) {
      const sep = this.reader.delimiter ? ` « ${this.reader.delimiter === '\t' ? 'tabulation' : this.reader.delimiter} »` : '';
      this.err(undefined, 'extra-cells', `la ligne a ${rec.cells.length} valeurs pour ${width} colonnes : une valeur contient-elle le séparateur${sep} sans être entre guillemets ?`);
    }
    let row: InputRow | undefined;
    if (kind === 'relationships') row = this.totalRow() ? undefined : this.relationship();
    else if (kind === 'actors') row = this.actor();
    else row = this.source();
    let errors = false;
    for (const i of this.issues) {
      out.push({ kind: 'issue', issue: i });
      if (i.severity === 'error') errors = true;
    }
    if (row && !errors) out.push(row);
  }

  private err(c: ColumnInfo | undefined, code: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.issues.push(issue(this.loc, code, c ? `${quoteHeader(c.header, c.letter)} : ${message}` : message, { column: c?.letter, field: c?.field ?? undefined, severity }));
  }

  /** The trimmed text of a field's cell ('' when absent); formulas and error cells are flagged here. */
  private text(f: Field): string {
    const c = this.col[f];
    if (!c) return '';
    const cell = this.cells[c.index];
    if (cell == null) return '';
    let t: string;
    if (typeof cell === 'string') t = cell;
    else {
      if (cell.error) {
        this.err(c, 'cell-error', `la cellule contient l'erreur ${this.app} ${cell.text} : elle est lue comme vide`, 'warning');
        return '';
      }
      if (cell.formula && cell.result !== undefined && FORMULA_RESULT_FIELDS.has(f)) {
        this.err(c, 'formula-value', `formule ${shorten(cell.text)} : sa valeur enregistrée par ${this.app}, « ${shorten(cell.result)} », est prise`, 'warning');
        t = cell.result;
      } else {
        if (cell.formula) this.err(c, 'formula', `formule importée comme texte, sans être calculée : ${shorten(cell.text)}`, 'warning');
        t = cell.text;
      }
    }
    const max = MAX[f] ?? MAX_OTHER;
    if (t.length > max) {
      this.err(c, 'cell-too-long', `${frNumber(t.length)} caractères, ${frNumber(max)} au plus`);
      return '';
    }
    return t.trim();
  }

  private rich(f: Field): RichCell | undefined {
    const c = this.col[f];
    const cell = c ? this.cells[c.index] : undefined;
    return cell && typeof cell !== 'string' ? cell : undefined;
  }

  private id(f: Field, pattern: 'slug' | 'relationship'): string | undefined {
    const v = this.text(f);
    if (!v) return undefined;
    const ok = pattern === 'slug' ? Slug.safeParse(v).success : /^[A-Za-z0-9_:.-]{1,300}$/.test(v);
    if (!ok) {
      this.err(this.col[f], 'id-invalid', `« ${shorten(v)} » n'est pas un identifiant valide (minuscules sans accents, chiffres, et - _ . entre eux)`);
      return undefined;
    }
    return v;
  }

  private unique(map: Map<string, number>, key: string, f: Field, what: string): void {
    const seen = map.get(key);
    if (seen !== undefined) this.err(this.col[f], 'id-duplicate', `${what} déjà présent ligne ${seen}`);
    else map.set(key, this.loc.line);
  }

  private kind(f: Field): ActorInputRow['kind'] {
    const v = this.text(f);
    if (!v) return undefined;
    const k = this.memo.kind.get(v);
    if (!k) {
      const list = Object.values(ACTOR_KIND_LABELS).map((l) => l.toLowerCase()).join(', ');
      this.err(this.col[f], 'kind-unknown', `nature « ${shorten(v)} » inconnue ; natures acceptées : ${list}`);
    }
    return k;
  }

  private date(f: Field): { date?: string; dateRaw?: string } {
    const c = this.col[f];
    if (!c) return {};
    const rich = this.rich(f);
    if (rich?.date) return { date: rich.date, dateRaw: rich.text };
    if (rich?.number !== undefined && Number.isInteger(rich.number) && rich.number >= 1800 && rich.number <= 2200) {
      if (rich.format && readNumberFormat(rich.format).date) {
        this.err(c, 'date-year-typed', `${rich.number} tapé dans une cellule au format date (${this.app} l'affiche comme un jour du début des années 1900) : lu comme l'année ${rich.number}`, 'warning');
      }
      return { date: String(rich.number), dateRaw: rich.text };
    }
    if (rich?.number !== undefined && rich.number >= EXCEL_SERIAL_MIN && rich.number < EXCEL_SERIAL_MAX) {
      // A number cell in a date column whose date format was lost: Excel's day count since 1899-12-30 (1904-01-01 in
      // a workbook counting from 1904).
      return { date: isoFromDate(new Date((rich.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.floor(rich.number) * 86_400_000)), dateRaw: rich.text };
    }
    const raw = this.text(f);
    if (!raw) return {};
    let memo = this.memo.date.get(c.index);
    if (!memo) {
      const order = this.scanned.dateOrders.get(c.index) ?? 'dmy';
      memo = new Memo((s: string) => parseDate(s, order));
      this.memo.date.set(c.index, memo);
    }
    const r = memo.get(raw);
    if (r.kind === 'error') {
      this.err(c, r.code, r.message);
      return { dateRaw: raw };
    }
    return r.kind === 'date' ? { date: r.value, dateRaw: raw } : {};
  }

  /** An actor named by a row: an id column gives `id`; a name column gives `name`. */
  private ref(nameField: 'from' | 'to', idField: 'fromId' | 'toId', kindField: 'fromKind' | 'toKind'): ActorRef | undefined {
    const ref: ActorRef = {};
    const id = this.text(idField);
    if (id) {
      if (Slug.safeParse(id).success) ref.id = id;
      else this.err(this.col[idField], 'id-invalid', `« ${shorten(id)} » n'est pas un identifiant valide (minuscules sans accents, chiffres, et - _ . entre eux)`);
    }
    const name = this.text(nameField);
    if (name) ref.name = name;
    const kind = this.kind(kindField);
    if (kind) ref.kind = kind;
    if (!id && !name) {
      const c = this.col[nameField] ?? this.col[idField];
      this.err(c, 'required', `${nameField === 'from' ? 'le premier' : 'le second'} acteur de la relation est vide`);
      return undefined;
    }
    return ref;
  }

  /**
   * A spreadsheet's total line ("Total", "Sous-total" with a sum and no second actor nor type) is no tie:
   * skipped with a warning, rather than refused for the actor and type it lacks.
   */
  private totalRow(): boolean {
    const from = this.col.from ? fold(cellText(this.cells[this.col.from.index])) : '';
    if (!/^(?:sous )?(?:total|totaux)(?: general| generaux)?$|^total \w+$/.test(from)) return false;
    if (this.text('to') || this.text('toId') || this.text('type')) return false;
    this.err(this.col.from, 'total-row', `ligne de total (« ${shorten(cellText(this.cells[this.col.from!.index]).trim())} ») : ignorée`, 'warning');
    return true;
  }

  /**
   * An amount off by a unit is the worst misreading: a bare number under "Montant (M€)" that makes more than
   * 100 Md€ was surely written in euros (an error), and a bare number under 100 (no € either) surely lacks its
   * k€ or M€ (a warning: it is kept).
   */
  private checkScale(value: number, raw: string): void {
    if (value >= 100 && value <= 1e11) return;
    const bare = !/\p{L}/u.test(raw.replace(/\beuros?\b|\beur\b|€/gi, ''));
    if (!bare) return;
    if (value > 1e11 && this.scale !== 1) {
      this.err(this.col.amount, 'amount-implausible', `« ${shorten(raw)} » × ${frNumber(this.scale)} (l'unité de l'en-tête) = ${frNumber(value)} € : plus de 100 milliards ; écrivez le montant dans l'unité de la colonne, ou son unité dans la cellule (1,2 M€)`);
    } else if (value < 100 && this.scale === 1 && !/€|\beur/i.test(raw)) {
      this.err(this.col.amount, 'amount-small', `« ${shorten(raw)} » se lit ${frNumber(value)} € : l'unité (k€, M€) manque-t-elle ? Le montant est gardé tel quel`, 'warning');
    }
  }

  /**
   * A number cell's amount, read as the cell shows it: its format's unit (1.5 shown « 1,5 M€ » is 1 500 000), else
   * the header's (a number cell under "Montant (k€)" is in thousands, like the text cells of that column).
   */
  private numberAmount(rel: Partial<RelationshipInputRow>, value: number, cell: RichCell): void {
    const f = cell.format ? amountFromFormat(value, readNumberFormat(cell.format)) : { kind: 'plain' as const, shown: value };
    if (f.kind === 'error') {
      const what = f.code === 'amount-percent' ? 'un pourcentage, pas un montant en euros' : "une unité qui n'est pas l'euro";
      this.err(this.col.amount, f.code, `la cellule affiche « ${f.shown} » (format ${shorten(cell.format ?? '')}) : ${what} ; écrivez le montant en euros (1 200 000 €, 1,5 M€)`);
    } else if (f.kind === 'amount' && this.scale !== 1 && f.unit !== this.scale) {
      this.err(this.col.amount, 'amount-unit-conflict', `la cellule affiche « ${f.shown} » mais l'en-tête annonce des montants × ${frNumber(this.scale)} € : lequel croire ? Retirez l'unité de l'en-tête ou du format de la cellule`);
    } else if (f.kind === 'amount' && f.value > 1e11) {
      // 1 500 000 typed in euros, then given the format 0.0 "M€": the cell shows « 1 500 000 M€ ».
      this.err(this.col.amount, 'amount-implausible', `la cellule affiche « ${f.shown} » (format ${shorten(cell.format ?? '')}), soit ${frNumber(f.value)} € : plus de 100 milliards ; écrivez le montant dans l'unité de son format (1,5 pour 1,5 M€) ou retirez l'unité du format`);
    } else if (f.kind === 'amount') [rel.amount, rel.amountRaw] = [f.value, f.shown];
    // No unit shown: the header's applies to the number shown (0.0,, shows millions); without one, the number stored.
    else [rel.amount, rel.amountRaw] = [Math.round((this.scale !== 1 ? f.shown * this.scale : value) * 100) / 100, cell.text];
  }

  private relationship(): InputRow | undefined {
    const from = this.ref('from', 'fromId', 'fromKind');
    const to = this.ref('to', 'toId', 'toKind');
    const typeRaw = this.text('type');
    let parsed: ReturnType<typeof parseRelType>;
    if (!typeRaw && !this.col.type && this.scanned.defaultType) parsed = { type: this.scanned.defaultType, passive: false };
    else if (!typeRaw) this.err(this.col.type, 'required', 'le type de relation est vide');
    else {
      parsed = this.memo.type.get(typeRaw);
      if (!parsed) {
        this.err(
          this.col.type,
          'type-unknown',
          `type « ${shorten(typeRaw)} » inconnu ; écrivez finance, pilote, partenaire ou labellise (ou financé par, piloté par, labellisé par pour le sens inverse)`,
        );
      }
    }
    const rel: Partial<RelationshipInputRow> = {};
    const id = this.id('id', 'relationship');
    if (id) {
      rel.id = id;
      this.unique(this.ids, id, 'id', `l'identifiant « ${id} » est`);
    }
    const amountCell = this.rich('amount');
    // A formula's amount is the value Excel saved with it (=B2*1000, =SOMME(…)), said in a warning.
    if (amountCell?.formula && amountCell.number !== undefined) {
      this.err(this.col.amount, 'formula-value', `formule ${shorten(amountCell.text)} : sa valeur enregistrée par ${this.app}, ${frNumber(amountCell.number)}, est prise comme montant`, 'warning');
    }
    const amountRaw = amountCell?.number !== undefined ? '' : this.text('amount');
    if (amountCell?.number !== undefined) {
      if (amountCell.number > 0) this.numberAmount(rel, amountCell.number, amountCell);
      else this.err(this.col.amount, amountCell.number < 0 ? 'amount-negative' : 'amount-zero', `le montant ${amountCell.text} ${amountCell.number < 0 ? 'est négatif' : 'vaut 0'} : laissez la cellule vide s'il est inconnu`);
    } else if (amountRaw) {
      const a = this.memo.amount.get(amountRaw);
      if (a.kind === 'error') this.err(this.col.amount, a.code, a.message);
      else {
        rel.amountRaw = amountRaw;
        if (a.kind === 'amount') rel.amount = a.value;
      }
    }
    if (rel.amount !== undefined) this.checkScale(rel.amount, rel.amountRaw ?? '');
    Object.assign(rel, this.date('date'));
    const statusRaw = this.text('status');
    // No status (an empty cell, or no column): undefined, so that a tie already stored keeps its own.
    const status = statusRaw ? this.memo.status.get(statusRaw) : undefined;
    if (statusRaw && !status) this.err(this.col.status, 'status-unknown', `statut « ${shorten(statusRaw)} » inconnu ; statuts acceptés : effectif, prévu, en attente, intérêt, refusé, terminé`);
    const role = this.text('role');
    const note = this.text('note');
    const excerpt = this.text('excerpt');
    const source = this.text('source');
    const url = this.text('sourceUrl') || this.rich('source')?.hyperlink || this.rich('excerpt')?.hyperlink || '';
    const evidence: EvidenceInput[] = [];
    if (excerpt || source || url) {
      const ev: EvidenceInput = {};
      if (excerpt) ev.excerpt = excerpt;
      if (source) ev.source = source;
      if (url) ev.url = url;
      evidence.push(ev);
    }
    if (parsed?.passive && this.roleColumn) {
      // "Bénéficiaire ; Financeur ; financé par": read by the columns or by the words, the ends differ; never a guess.
      this.err(
        this.col.type,
        'direction-contradictory',
        `« ${shorten(typeRaw)} » inverse le sens, mais la colonne ${quoteHeader(this.roleColumn.header, this.roleColumn.letter)} dit déjà qui finance qui : écrivez « finance » (le financeur dans sa colonne), ou nommez les colonnes De et Vers`,
      );
    }
    if (!from || !to || !parsed) return undefined;
    // Names are compared without case only: folded matches (accents, punctuation) are the planner's, which
    // resolves both ends anyway; folding two names per row would cost a fifth of the reading time.
    if ((from.id && from.id === to.id) || (!from.id && !to.id && from.name && to.name && from.name.length === to.name.length && from.name.toLowerCase() === to.name.toLowerCase())) {
      this.err(undefined, 'self-tie', `un acteur ne peut pas être relié à lui-même (${shorten(from.name ?? from.id ?? '')})`);
    }
    const [a, b] = parsed.passive ? [to, from] : [from, to];
    const out: RelationshipInputRow = { type: parsed.type, from: a, to: b, status, evidence };
    if (rel.id) out.id = rel.id;
    if (typeRaw && typeRaw !== parsed.type) out.typeRaw = typeRaw;
    if (rel.amount !== undefined) out.amount = rel.amount;
    if (rel.amountRaw !== undefined) out.amountRaw = rel.amountRaw;
    if (rel.date !== undefined) out.date = rel.date;
    if (rel.dateRaw !== undefined) out.dateRaw = rel.dateRaw;
    if (role) out.role = role;
    if (note) out.note = note;
    return { kind: 'relationship', loc: this.loc, rel: out };
  }

  private actor(): InputRow | undefined {
    const a: ActorInputRow = { aliases: [] };
    const rawId = this.text('id');
    const name = this.text('name');
    if (name) a.name = name;
    if (rawId) {
      if (Slug.safeParse(rawId).success) {
        a.id = rawId;
        this.unique(this.ids, rawId, 'id', `l'identifiant « ${rawId} » est`);
      } else {
        // Gephi and Kumu ids are often names ("Bpifrance SA"): keep it as an alias, so references by it still resolve.
        this.err(this.col.id, 'id-not-slug', `« ${shorten(rawId)} » n'est pas un identifiant Maillage (minuscules, chiffres, - _ .) : il est gardé comme autre nom`, 'warning');
        if (!name) a.name = rawId;
        else if (fold(rawId) !== fold(name)) a.aliases.push(rawId);
      }
    }
    if (!a.name && !a.id) {
      this.err(this.col.name ?? this.col.id, 'required', "le nom de l'acteur est vide");
      return undefined;
    }
    if (a.name) this.unique(this.names, fold(a.name), 'name', `l'acteur « ${shorten(a.name)} » est`);
    const aliases = this.text('aliases');
    for (const al of aliases.split(/[|;\n]/)) {
      const t = al.trim();
      if (!t) continue;
      if (t.length > TEXT_MAX.alias) this.err(this.col.aliases, 'cell-too-long', `l'autre nom « ${shorten(t)} » dépasse ${TEXT_MAX.alias} caractères`);
      else if (!a.aliases.some((x) => fold(x) === fold(t)) && fold(t) !== fold(a.name ?? '')) a.aliases.push(t);
    }
    const kind = this.kind('kind');
    if (kind) a.kind = kind;
    const description = this.text('description');
    if (description) a.description = description;
    const territory = this.text('territory');
    if (territory) a.territory = territory;
    return { kind: 'actor', loc: this.loc, actor: a };
  }

  private source(): InputRow | undefined {
    const s: SourceInputRow = {};
    const id = this.id('id', 'slug');
    if (id) {
      s.id = id;
      this.unique(this.ids, id, 'id', `l'identifiant « ${id} » est`);
    }
    const title = this.text('title');
    if (title) s.title = title;
    if (!title && !id) {
      this.err(this.col.title, 'required', 'le titre du document est vide');
      return undefined;
    }
    for (const f of ['publisher', 'author'] as const) {
      const v = this.text(f);
      if (v) s[f] = v;
    }
    Object.assign(s, this.date('date'));
    const lang = this.text('language');
    if (lang) {
      const l = languageCode(lang);
      if (l) s.language = l;
      else this.err(this.col.language, 'language-unknown', `langue « ${shorten(lang)} » inconnue : écrivez un code de deux lettres (fr, en…)`);
    }
    const url = this.text('url') || this.rich('url')?.hyperlink || '';
    if (url) {
      if (/^https?:\/\/\S+$/i.test(url)) s.url = url;
      else this.err(this.col.url, 'url-invalid', `« ${shorten(url)} » n'est pas une adresse web (http:// ou https://)`);
    }
    return { kind: 'source', loc: this.loc, source: s };
  }
}

function languageCode(v: string): string | undefined {
  const f = fold(v);
  if (/^[a-z]{2}$/.test(f)) return f;
  const names: Record<string, string> = { francais: 'fr', french: 'fr', anglais: 'en', english: 'en', allemand: 'de', german: 'de', espagnol: 'es', spanish: 'es', italien: 'it', italian: 'it' };
  return names[f];
}
