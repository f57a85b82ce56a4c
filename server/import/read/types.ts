// The reading layer's contract (docs/design.md §2): a user's file → what was detected + a re-iterable stream of rows.
import type { ActorKind, ImportFormat, RelStatus, RelType } from '../../../model/schema';

/** model/schema.ts IMPORT_FORMATS. */
export type InputFormat = ImportFormat;
/** How `12/03/2016` is read: day first (French, the default) or month first. Decided per column as a whole. */
export type DateOrder = 'dmy' | 'mdy';
/** What a table (a CSV file, a sheet, a JSON array) holds. */
export type TableKind = 'actors' | 'relationships' | 'sources';

/** The file to read: `path` on disk, `name` as the user knows it (what issues and evidence locators cite). */
export interface InputFile {
  path: string;
  name: string;
}

/** The columns a table may map to (server/import/read/headers.ts lists the header synonyms of each). */
export type ActorField = 'id' | 'name' | 'aliases' | 'kind' | 'description' | 'territory';
export type RelationshipField =
  | 'id'
  | 'type'
  | 'from'
  | 'to'
  | 'fromId'
  | 'toId'
  | 'fromKind'
  | 'toKind'
  | 'amount'
  | 'date'
  | 'status'
  | 'role'
  | 'note'
  | 'excerpt'
  | 'source'
  | 'sourceUrl';
export type SourceField = 'id' | 'title' | 'publisher' | 'date' | 'language' | 'author' | 'url';
export type Field = ActorField | RelationshipField | SourceField;

export interface ReadOptions {
  /** CSV only: an iconv-lite name (`utf-8`, `windows-1252`, `latin1`, `utf-16le`…); detected when absent. */
  encoding?: string;
  /** CSV only: `;`, `,`, `\t` (or `tab`), `|`; detected when absent. */
  delimiter?: string;
  /** How to read `dd/dd/yyyy` dates in every column; decided per column when absent. */
  dateOrder?: DateOrder;
  /**
   * Kind of the actors the import creates without one (French or English, e.g. `entreprise`). The reader only
   * checks it and returns it canonical in `detected.defaultKind`; it never writes it into rows, so that an
   * existing actor's kind is not overwritten by a default: the planner applies it to the actors it creates.
   */
  defaultKind?: string;
  /**
   * Column mapping overrides, by header text exactly as in the file (every table): a field, or null to ignore
   * the column. Headers not named here keep their automatic mapping.
   */
  mapping?: Record<string, Field | null>;
}

export interface ColumnInfo {
  /** 0-based position; `letter` is the spreadsheet column (A, B, … AA) that issues cite. */
  index: number;
  letter: string;
  header: string;
  /** The field this column feeds, or null when it is ignored. */
  field: Field | null;
  /** The field the header synonym table gave, before `mapping` overrides. */
  auto: Field | null;
  /** Date columns: the order decided for this column. */
  dateOrder?: DateOrder;
}

export interface TableInfo {
  /** XLSX sheet name; absent for CSV; `actors` | `relationships` | `sources` for JSON arrays. */
  sheet?: string;
  /** Null when the headers fit no kind of table (an issue says so). */
  kind: TableKind | null;
  /** Data rows (after the header) found while detecting. */
  rows: number;
  columns: ColumnInfo[];
}

export interface Detected {
  format: InputFormat;
  /** The charset the text was decoded with (`utf-8`, `windows-1252`, `utf-16le`…); XLSX and JSON: `utf-8`. */
  encoding: string;
  /** The file began with a byte-order mark. */
  bom: boolean;
  /** CSV only. */
  delimiter?: string;
  /** The order used for `dd/dd/yyyy` dates (the relationships table's date column first); absent when none. */
  dateOrder?: DateOrder;
  defaultKind?: ActorKind;
  tables: TableInfo[];
}

/** Where a row or a problem is: `line` is 1-based in the file or sheet (the header is line 1 in a table). */
export interface Loc {
  file: string;
  sheet?: string;
  line: number;
  /** Spreadsheet column letter (A, B…), also for CSV, so a user finds the cell in Excel. */
  column?: string;
}

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  file: string;
  sheet?: string;
  line?: number;
  column?: string;
  /** The field concerned (`amount`, `date`, `type`…), when one is. */
  field?: string;
  /** In French, for the user: says what is wrong and what to do. */
  message: string;
  severity: Severity;
  /** Stable machine code (`amount-negative`, `date-impossible`…) that tests and the client check, not the prose. */
  code?: string;
}

/** An actor as a row names it. `id` comes from an id column; `name` is the text of a name column. */
export interface ActorRef {
  id?: string;
  /** As written. The planner matches it against ids, then folded names and aliases. */
  name?: string;
  kind?: ActorKind;
}

export interface EvidenceInput {
  /** A source id, a document title or a URL, as written in the row. */
  source?: string;
  url?: string;
  excerpt?: string;
}

export interface ActorInputRow {
  id?: string;
  name?: string;
  aliases: string[];
  kind?: ActorKind;
  description?: string;
  territory?: string;
}

export interface RelationshipInputRow {
  id?: string;
  type: RelType;
  /** As written (`financé par`): a passive form has already swapped `from` and `to`. */
  typeRaw?: string;
  from: ActorRef;
  to: ActorRef;
  /** Euros, > 0. Absent when unknown, never 0; `amountRaw` keeps the cell as written (`1,5 M€`). */
  amount?: number;
  amountRaw?: string;
  /** ISO, partial allowed (2016, 2016-03, 2016-03-12); `dateRaw` keeps the cell as written. */
  date?: string;
  dateRaw?: string;
  /** Absent when the row says nothing (an empty cell, no column): a new tie is `effective`, a stored one keeps its status. */
  status?: RelStatus;
  role?: string;
  note?: string;
  /** Empty when the row has none: the planner adds the import's source and the row's locator. */
  evidence: EvidenceInput[];
}

export interface SourceInputRow {
  id?: string;
  title?: string;
  publisher?: string;
  date?: string;
  dateRaw?: string;
  language?: string;
  author?: string;
  url?: string;
}

/**
 * One item of `rows()`. A row with an error yields its issues and no data row; a row with only warnings yields
 * both. Issues that concern a whole file or table (empty file, not a zip, unknown headers) come first.
 */
export type InputRow =
  | { kind: 'source'; loc: Loc; source: SourceInputRow }
  | { kind: 'actor'; loc: Loc; actor: ActorInputRow }
  | { kind: 'relationship'; loc: Loc; rel: RelationshipInputRow }
  | { kind: 'issue'; issue: ImportIssue };

export interface OpenedInput {
  file: InputFile;
  detected: Detected;
  /** XLSX: the sheets read and the sheets left aside (listed so the user sees nothing was lost silently). */
  sheets: { used: string[]; ignored: string[] };
  /** Reads the file again at each call (validate pass, then write pass): rows are never all in memory. */
  rows(): AsyncIterable<InputRow>;
  /**
   * A CSV file whose rows can be read in parts (by another thread): what rows() reads before its records
   * (file and table issues), and how to read the records of a byte range (read/index.ts rangeRows).
   */
  split?: SplittableCsv;
}

/** What a thread needs to read the rows of part of a CSV file (plain data: it is posted to the thread). */
export interface SplittableCsv {
  file: InputFile;
  setup: import('./csv').CsvSetup;
  scanned: import('./table').ScannedTable;
  /** The rows rows() yields before the first record: the file's and the table's issues. */
  leading: InputRow[];
}
