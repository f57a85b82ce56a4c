// Planning an import: every row validated and resolved before anything is written, each element classed
// created / updated / unchanged by its content hash; then the write batches, from the records the plan
// spilled to a file (or, without a spill file, from the rows read a second time).
import fs from 'node:fs';
import type { z } from 'zod';
import { Actor as ActorSchema, Source as SourceSchema, type Actor, type ActorKind, type RelationshipRecord, type Source } from '../../model/schema';
import { BARRIER, contentDigest, digestValue, fromStored, hashValue, storedValue, type WriteBatch } from '../changes';
import { fromRelContentJson, mergeRel, relContentJson, type Overlay } from '../changes/records';
import { findRels } from '../changes/write';
import type { Db } from '../db';
import { Q } from '../queries';
import { rangeRows } from './read';
import { recordRanges, type ByteRange } from './read/csv';
import { issue, quoteHeader, shorten } from './read/issues';
import { RowSampler } from './read/sample';
import type { ColumnInfo, ImportIssue, InputRow, Loc, OpenedInput, RelationshipInputRow, SplittableCsv } from './read/types';
import { doubled, KeyIndexBuilder, type KeyIndex, type KeyIndexParts } from './key-index';
import { discriminant, distinctId, locator, relBuilder, relKey, sameDiscriminant, type Built } from './rel-build';
import { actorRecord, readDbIndex, Resolver, sourceRecord, type PlannedActor, type PlannedSource } from './resolve';
import { similarActorIssues } from './similar';
import { planRanges, SPLIT_DEFAULTS, type SplitOptions } from './split';
import { ENDS_STORED, SAME, SPILLED, type RangeResult } from './split-worker';

export { locator } from './rel-build';

/** Elements per write transaction and per lookup of stored hashes. */
export const BATCH = 10_000;
/** Lookups of stored hashes in flight while the rows are read on (a re-import waits on them, not on its CPU). */
const LOOKUPS = 3;
/**
 * A scan streams every stored element once; a lookup seeks one by id. Past this many stored elements per
 * element to compare, lookups are cheaper (a small import into a large graph); below it, one scan is.
 */
const SCAN_RATIO = 4;
/** Issues kept for the report (the count says how many there were in all). */
export const MAX_ISSUES = 1000;

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportCounts {
  actors: EntityCounts;
  relationships: EntityCounts;
  sources: EntityCounts;
}

/** The document an import's rows cite when they cite none (`--source-title` …). */
export interface NamedSource {
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
}

export interface PlanOptions {
  defaultKind?: ActorKind;
  source?: NamedSource;
  onProgress?: (p: { phase: 'plan' | 'write'; rows: number; total: number }) => void;
  /** Elements per write transaction (default BATCH; tests use small ones to get several batches cheaply). */
  batchSize?: number;
  /**
   * A file the plan writes each tie's record to, so that the write pass streams them instead of reading and
   * resolving the input again (none for a dry run). The caller removes it.
   */
  spill?: string;
  /**
   * Compare with the stored elements by one scan of them all (true) or by indexed lookups (false); default:
   * a scan when more than a batch is compared and the stored elements are fewer than SCAN_RATIO times as many.
   */
  scan?: boolean;
  /**
   * Create ties between actors found by element id, read once after the actors are written (true), or by
   * actor id (false); default: when ties are written and the graph holds at most SCAN_RATIO actors per tie.
   */
  actorNodes?: boolean;
  /**
   * A large relationships CSV is planned in parts by worker threads (split.ts); these override when (tests
   * split small files into many ranges to exercise it; `false`: never).
   */
  split?: Partial<SplitOptions> | false;
}

/** Values a row may leave empty over a stored tie, which then keeps its own (records.ts mergeRel), and what a warning says of them. */
const BLANKABLE = new Map([
  ['amount', 'le montant enregistré est conservé'],
  ['date', 'la date enregistrée est conservée'],
  ['status', 'le statut enregistré est conservé'],
  ['role', 'le rôle enregistré est conservé'],
  ['note', 'la note enregistrée est conservée'],
]);
/** The same for a stored actor (resolve.ts actorRecord); its aliases are only ever added to. */
const ACTOR_BLANKABLE = new Map([
  ['kind', 'la nature enregistrée est conservée'],
  ['description', 'la description enregistrée est conservée'],
  ['territory', 'le territoire enregistré est conservé'],
]);

/** A table's columns of values an empty cell leaves as stored, and the rows where it did: said once per column, never silently. */
interface BlankTable {
  loc: Loc;
  columns: Map<string, ColumnInfo>;
  kept: Map<string, { count: number; lines: number[] }>;
}

function blankTable(inputs: OpenedInput[], loc: Loc, kind: 'relationships' | 'actors', fields: ReadonlyMap<string, string>): BlankTable {
  const info = inputs.find((i) => i.file.name === loc.file)?.detected.tables.find((x) => x.kind === kind && x.sheet === loc.sheet);
  const columns = new Map((info?.columns ?? []).filter((c) => c.field && fields.has(c.field)).map((c) => [c.field!, c]));
  return { loc, columns, kept: new Map() };
}

function noteKept(t: BlankTable, field: string, line: number): void {
  let k = t.kept.get(field);
  if (!k) t.kept.set(field, (k = { count: 0, lines: [] }));
  k.count++;
  if (k.lines.length < 5) k.lines.push(line);
}

/** One `empty-cell-kept` warning per column of `t` whose empty cells kept stored values. */
function keptIssues(t: BlankTable, fields: ReadonlyMap<string, string>, what: { one: string; many: string; fix: string }): ImportIssue[] {
  return [...t.kept].map(([field, k]) => {
    const c = t.columns.get(field)!;
    const lines = `${k.count > 1 ? 'lignes' : 'ligne'} ${k.lines.join(', ')}${k.count > k.lines.length ? '…' : ''}`;
    const who = k.count > 1 ? `${k.count} ${what.many} ont la cellule vide` : `${what.one} a la cellule vide`;
    return issue({ file: t.loc.file, sheet: t.loc.sheet, line: k.lines[0] }, 'empty-cell-kept', `${who} dans la colonne ${quoteHeader(c.header, c.letter)} (${lines}) : ${fields.get(field)} — une cellule vide ne l'efface pas ; pour l'effacer, ${what.fix} (panneau Détails, Modifier)`, {
      field,
      column: c.letter,
      severity: 'warning',
    });
  });
}

const CREATE = 0;
const UPDATE = 1;
const UNCHANGED = 2;
const PENDING = 3;
/** A stored tie (from the scan) that no row has named yet: not part of the plan. */
const STORED = 4;

/** Issues in reading order, errors and warnings counted; only the first MAX_ISSUES are kept. */
export class Issues {
  readonly list: ImportIssue[] = [];
  errors = 0;
  warnings = 0;
  add(i: ImportIssue): void {
    if (i.severity === 'error') this.errors++;
    else this.warnings++;
    if (this.list.length < MAX_ISSUES) this.list.push(i);
  }
  /** Issues counted but not kept (a thread's beyond its first MAX_ISSUES: the list is full by then). */
  count(errors: number, warnings: number): void {
    this.errors += errors;
    this.warnings += warnings;
  }
  /** In file order (as given), then by line; issues without a line (whole file or table) first. */
  sort(files: string[]): void {
    const rank = (i: ImportIssue) => [files.indexOf(i.file), i.line ?? 0] as const;
    this.list.sort((a, b) => {
      const [fa, la] = rank(a);
      const [fb, lb] = rank(b);
      return fa - fb || la - lb;
    });
  }
}


/**
 * The ties an import plans (and, after a scan, the stored ones), by (type, id) → an ordinal; per ordinal its
 * status, line and stored hash (records.ts hashValue) — in typed arrays. The stored ties come first (ordinals 0…) and are looked up
 * in a packed index (key-index.ts: 1M of them cost ~60 bytes each, no Map entry); the ties rows add, in a Map.
 */
class RelTable {
  private readonly index = new Map<string, number>();
  private readonly scanned = new KeyIndexBuilder();
  private storedIndex: KeyIndex | undefined;
  private status = new Uint8Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private hashes = new Float64Array(1 << 12);
  /** Per tie a row named, its row's discriminant (rel-build.ts): a further row of the pair is told apart by it. */
  private discs = new Float64Array(1 << 12);
  /** Per tie, 1 when its row states no status (a stored tie keeps its own: records.ts mergeRel). */
  private unstated = new Uint8Array(1 << 12);
  size = 0;

  get(key: string): number | undefined {
    if (this.storedIndex?.size) {
      const o = this.storedIndex.get(key);
      if (o >= 0) return o;
    }
    return this.index.get(key);
  }
  /** A tie a row added (not a stored one). */
  getAdded(key: string): number | undefined {
    return this.index.get(key);
  }
  /** The stored ties' index and hashes, in shared memory, for the threads that plan parts of a file. */
  storedParts(): { index: KeyIndexParts; hashes: Float64Array } | undefined {
    const idx = this.storedIndex;
    if (!idx?.size) return undefined;
    const u32 = (a: Uint32Array): Uint32Array => {
      const b = new Uint32Array(new SharedArrayBuffer(a.byteLength));
      b.set(a);
      return b;
    };
    const { text, starts, hashes, slots } = idx.parts;
    const stored = new Float64Array(new SharedArrayBuffer(idx.size * 8));
    stored.set(this.hashes.subarray(0, idx.size));
    return { index: { text, starts: u32(starts), hashes: u32(hashes), slots: u32(slots) }, hashes: stored };
  }
  /** A stored tie, from the scan: its hash kept to compare with the row that names it, if one does. */
  addStored(key: string, h: unknown): void {
    if (this.storedIndex || this.size !== this.scanned.size) throw new Error('stored ties come first, before the table is sealed');
    this.scanned.add(key);
    const o = this.grow();
    this.status[o] = STORED;
    // A tie stored without a hash (older than hashes) keeps NaN: it compares as updated.
    this.hashes[o] = storedValue(h) ?? NaN;
  }
  /** The scan is over: the stored ties become searchable. */
  seal(): void {
    this.storedIndex = this.scanned.seal();
  }
  /** A row names tie `o`: its line, discriminant and status (the row's digest against the stored one when it was STORED). */
  claim(o: number, line: number, status: number, disc: number): void {
    this.lines[o] = line;
    this.status[o] = status;
    this.discs[o] = disc;
  }
  /** `digest`: contentDigest's 20 bytes as a latin1 string; its first 35 bits are compared (records.ts digestValue). */
  sameDigest(o: number, digest: string): boolean {
    return this.hashes[o] === digestValue(digest);
  }
  add(key: string, line: number, status: number, disc: number): number {
    const o = this.grow();
    this.index.set(key, o);
    this.status[o] = status;
    this.lines[o] = line;
    this.discs[o] = disc;
    return o;
  }
  private grow(): number {
    const o = this.size++;
    if (o === this.status.length) {
      this.status = doubled(this.status);
      this.lines = doubled(this.lines);
      this.hashes = doubled(this.hashes);
      this.discs = doubled(this.discs);
      this.unstated = doubled(this.unstated);
    }
    return o;
  }
  /**
   * Forgets the keys once every row is planned and the writes go by ordinal (from the spill file): the Map of an
   * import of 1M new ties (~100 MB) otherwise stays live through the write phase, where every scavenge of the
   * young generation pays for the large old one (bench/README.md, import, after 9). get() finds nothing after.
   */
  forgetKeys(): void {
    this.index.clear();
    this.storedIndex = undefined;
  }
  statusOf(o: number): number {
    return this.status[o];
  }
  lineOf(o: number): number {
    return this.lines[o];
  }
  discOf(o: number): number {
    return this.discs[o];
  }
  /** Notes whether the row that names tie `o` states its status (an update lays the row over the stored tie). */
  stateStatus(o: number, stated: boolean): void {
    this.unstated[o] = stated ? 0 : 1;
  }
  statusStated(o: number): boolean {
    return this.unstated[o] === 0;
  }
  set(o: number, status: number): void {
    this.status[o] = status;
  }
  /** Counts by status (stored ties no row named are not counted). */
  settle(): number[] {
    const out = [0, 0, 0, 0, 0];
    for (let o = 0; o < this.size; o++) out[this.status[o]]++;
    return out;
  }
}

/**
 * Ties' records appended to a spill file as JSON lines, with backpressure; their ordinals stay in memory (4 bytes
 * a tie), so that a thread's block of lines is written as it comes. A line is the JSON list of the tie's content
 * (records.ts relContentJson: read back, its SHA-1 is the tie's hash), or the record as a JSON object (a tie with
 * claims, and the lines of the threads that plan parts of a file).
 */
export class Spill {
  private readonly out: fs.WriteStream;
  private buf = '';
  private failed: Error | undefined;
  /** The ordinal of each line, in order. */
  ordinals = new Uint32Array(1 << 12);
  count = 0;
  constructor(readonly path: string) {
    this.out = fs.createWriteStream(path);
    this.out.on('error', (e) => (this.failed = e));
  }
  private push(o: number): void {
    if (this.count === this.ordinals.length) {
      const b = new Uint32Array(this.count * 2);
      b.set(this.ordinals);
      this.ordinals = b;
    }
    this.ordinals[this.count++] = o;
  }
  /** Appends one record; returns a promise only when the file is behind (the caller awaits it). */
  add(o: number, r: RelationshipRecord): Promise<void> | undefined {
    this.push(o);
    this.buf += `${relContentJson(r) ?? JSON.stringify(r)}\n`;
    if (this.buf.length < 1 << 20) return undefined;
    return this.flush();
  }
  /** Appends records already serialised (`lines`: one per ordinal, each ending with a newline). */
  addLines(ordinals: ArrayLike<number>, lines: string): Promise<void> | undefined {
    for (let i = 0; i < ordinals.length; i++) this.push(ordinals[i]);
    this.buf += lines;
    if (this.buf.length < 1 << 20) return undefined;
    return this.flush();
  }
  private flush(): Promise<void> | undefined {
    if (this.failed) throw this.failed;
    const ok = this.out.write(this.buf);
    this.buf = '';
    return ok ? undefined : new Promise((resolve) => this.out.once('drain', resolve));
  }
  async close(): Promise<void> {
    if (this.buf) await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.failed) throw this.failed;
  }
}

/** A tie read back from a spill file: its ordinal, its record and, from a line of its content, its hash. */
export type SpilledTie = [number, RelationshipRecord, number | undefined];

/** Reads a spill file back, one record (with its ordinal and hash, when the line gives it) at a time, 1 MB at a time. */
export async function* readSpill(spill: Pick<Spill, 'path' | 'count' | 'ordinals'>): AsyncGenerator<SpilledTie> {
  let rest = '';
  let k = 0;
  const next = (line: string): SpilledTie => {
    if (k >= spill.count) throw new Error(`the plan's spill file ${spill.path} holds more than ${spill.count} ties: was it changed during the import?`);
    const o = spill.ordinals[k++];
    if (line.charCodeAt(0) !== 91) return [o, JSON.parse(line) as RelationshipRecord, undefined];
    const { record, h } = fromRelContentJson(line);
    return [o, record, h];
  };
  for await (const chunk of fs.createReadStream(spill.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield next(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest) yield next(rest);
}

interface TableStats {
  loc: Loc;
  rows: number;
  /** Its columns of values a row may leave empty over a stored tie (amount, date, status, role, note), and where it did. */
  blanks: BlankTable;
  /** Rows with no evidence and no named source to fall back on: one issue per line, or one for the table. */
  unsourced: ImportIssue[];
  unsourcedCount: number;
}

export interface ImportPlan {
  counts: ImportCounts;
  issues: Issues;
  /** Rows read (all tables, all files). */
  rows: number;
  /** Per input (in the order given): the first rows of each table as parsed, with their issues, for a preview. */
  samples: InputRow[][];
  /** Byte ranges of relationship files planned in parts (split.ts), 0 when every file was read in one piece. */
  parts: number;
  /** The batches that write the plan; reads the files with relationships again. */
  batches(): AsyncGenerator<WriteBatch | typeof BARRIER>;
}

/** Reads every input row, resolves and validates it, and compares it with the graph. Writes nothing. */
export async function planImport(db: Db, inputs: OpenedInput[], opts: PlanOptions = {}): Promise<ImportPlan> {
  const issues = new Issues();
  const resolver = new Resolver(await readDbIndex(db), opts.defaultKind);
  const counts: ImportCounts = { actors: zero(), relationships: zero(), sources: zero() };
  const rels = new RelTable();
  const total = inputs.reduce((s, i) => s + i.detected.tables.reduce((t, x) => t + x.rows, 0), 0);
  let rows = 0;
  let progressTotal = total;
  const progress = (phase: 'plan' | 'write') => opts.onProgress?.({ phase, rows, total: progressTotal });
  const relRows = inputs.reduce((s, i) => s + i.detected.tables.reduce((t, x) => t + (x.kind === 'relationships' ? x.rows : 0), 0), 0);
  // A large import reads every stored tie's hash first, in one scan, and compares each row as it comes; a small
  // one into a large graph looks them up by id, a batch at a time while it reads on.
  const scan = opts.scan ?? (relRows > BATCH && relRows * SCAN_RATIO >= (await storedTies(db)));
  // The scan runs while the files without relationships (actors, sources) are read: Neo4j streams while we parse.
  const storedHashes = scan
    ? db
        .stream(Q.importTieHashes, {}, (r) => {
          const [keys, hashes] = [r.keys as string[], r.hashes as string[]];
          for (let i = 0; i < keys.length; i++) rels.addStored(keys[i], hashes[i]);
        })
        .then(() => rels.seal())
    : Promise.resolve();
  // Awaited before the first relationship row (and at the latest after the reading); no unhandled rejection meanwhile.
  storedHashes.catch(() => undefined);
  const spill = opts.spill ? new Spill(opts.spill) : undefined;

  const namedSource = opts.source ? resolver.addSource({ title: opts.source.title, publisher: opts.source.publisher, date: opts.source.date, url: opts.source.url, language: 'fr' }, undefined) : undefined;

  // Files with actors or sources first, so that names in relationship rows are resolved in the same pass.
  const hasRels = (i: OpenedInput) => i.detected.tables.some((t) => t.kind === 'relationships');
  const ordered = [...inputs.filter((i) => !hasRels(i)), ...inputs.filter(hasRels)];
  const kinds = ordered.flatMap((i) => i.detected.tables.map((t) => t.kind));
  const firstRel = kinds.indexOf('relationships');
  const inline = firstRel < 0 || !kinds.slice(firstRel).some((k) => k === 'actors' || k === 'sources');

  const tables = new Map<string, TableStats>();
  const tableOf = (loc: Loc) => {
    const k = `${loc.file}\u0000${loc.sheet ?? ''}`;
    let t = tables.get(k);
    if (!t) tables.set(k, (t = { loc, rows: 0, unsourced: [], unsourcedCount: 0, blanks: blankTable(inputs, loc, 'relationships', BLANKABLE) }));
    return t;
  };

  const build = relBuilder(resolver, namedSource);
  /**
   * Ties whose stored version decides their status: looked up by id (`hash`: the row's, compared with the stored
   * one), or known to differ from it (`differs`, from the scan). A row that differs is laid over the stored tie
   * (records.ts mergeRel): unchanged when it adds nothing to it — a second file re-confirming a tie under a
   * document it already cites, or the first file again after a second one (README, "Importing again").
   */
  let pending: { o: number; type: string; id: string; hash: number; record: RelationshipRecord; differs: boolean; t: TableStats; line: number }[] = [];
  const lookups = new Set<Promise<void>>();
  const reader = { run: (q: string, p?: Record<string, unknown>) => db.read(q, p) };
  const lookup = async (batch: typeof pending) => {
    const unknown = batch.filter((b) => !b.differs);
    const stored = unknown.length ? await findRels(reader, unknown.map((b) => ({ type: b.type, id: b.id })), false) : undefined;
    const over: typeof pending = [];
    for (const b of batch) {
      const s = b.differs ? undefined : stored!.get(relKey(b.type, b.id));
      if (b.differs || (s && storedValue(s.props._h) !== b.hash)) over.push(b);
      else rels.set(b.o, s ? UNCHANGED : CREATE);
    }
    if (!over.length) return;
    // Only the ties that differ are read whole (a re-import of the same file reads none).
    const full = await findRels(reader, over.map((b) => ({ type: b.type, id: b.id })), true);
    for (const b of over) {
      const s = full.get(relKey(b.type, b.id));
      if (!s) {
        rels.set(b.o, CREATE); // deleted since
        continue;
      }
      const before = fromStored('relationship', s) as RelationshipRecord;
      const stated = rels.statusStated(b.o);
      const merged = mergeRel(before, b.record, stated);
      rels.set(b.o, storedValue(s.props._h) === hashValue('relationship', merged) ? UNCHANGED : UPDATE);
      if (b.t.blanks.columns.size) keptBlanks(b.t.blanks, b.line, before, b.record, stated);
    }
  };
  const flush = async (max: number) => {
    if (pending.length) {
      const p: Promise<void> = lookup(pending).finally(() => lookups.delete(p));
      lookups.add(p);
      pending = [];
    }
    while (lookups.size > max) await Promise.race(lookups);
  };

  /**
   * A row without an id whose tie `TYPE:source:target` an earlier row took: a further tie of the pair when its
   * date (else its amount) differs from that row's, under the id suffixed by it (rel-build.ts distinctId), or a
   * duplicate. The first row of a pair keeps the plain id, so a file that had one row for a pair re-imports as
   * unchanged, and one that adds rows after it only creates them (README, "Several ties between one pair").
   */
  const furtherTie = (rel: RelationshipInputRow, derived: string, first: number, disc: number, loc: Loc): { key: string; id: string; seen: number | undefined } | ImportIssue => {
    const dup = (line: number, why: string) => issue(loc, 'id-duplicate', `relation en double : même type et mêmes acteurs que la ligne ${line}, ${why} ; donnez-leur des identifiants distincts (colonne Id) s'il s'agit de deux liens`, { field: undefined });
    if (sameDiscriminant(rels.discOf(first), disc)) return dup(rels.lineOf(first), disc !== disc ? 'sans date ni montant pour les distinguer' : rel.date !== undefined ? 'à la même date' : 'sans date et du même montant');
    const id = distinctId(derived, rel);
    if (id === undefined) return dup(rels.lineOf(first), 'sans date ni montant pour les distinguer');
    const key = relKey(rel.type, id);
    const seen = rels.get(key);
    if (seen !== undefined && rels.statusOf(seen) !== STORED) return dup(rels.lineOf(seen), rel.date !== undefined ? 'à la même date' : 'sans date et du même montant');
    return { key, id, seen };
  };

  /** Counts the empty cells of a row that kept a stored tie's value (reported once per column, below). */
  const keptBlanks = (t: BlankTable, line: number, stored: RelationshipRecord, row: RelationshipRecord, statusStated: boolean) => {
    for (const field of t.columns.keys()) {
      const kept = field === 'status' ? !statusStated && stored.status !== row.status : row[field as 'amount'] === undefined && stored[field as 'amount'] !== undefined;
      if (kept) noteKept(t, field, line);
    }
  };

  let lastTable: TableStats | undefined;
  let parts = 0;
  /** Plans one relationship row; returns a promise only when it had to wait for a lookup batch. */
  const onRel = (rel: RelationshipInputRow, loc: Loc, json: boolean): Promise<void> | undefined => {
    const t = lastTable && lastTable.loc.file === loc.file && lastTable.loc.sheet === loc.sheet ? lastTable : (lastTable = tableOf(loc));
    t.rows++;
    let e = build.ends(rel, loc);
    if ('issues' in e) {
      for (const i of e.issues) issues.add(i);
      return;
    }
    // A tie to an actor this import creates cannot exist yet: no need to compare it with the database.
    // (Unless its id is stored already, between other actors: then it is an update that moves it.)
    const stored = e.stored;
    // The evidence is built once, when the record will be (a dry run builds no record of a tie it creates).
    const ev = build.evidence(rel, loc, json, stored || spill !== undefined);
    if ('issues' in ev) {
      for (const i of ev.issues) issues.add(i);
      return;
    }
    if ('unsourced' in ev) {
      t.unsourcedCount++;
      if (t.unsourced.length < MAX_ISSUES) t.unsourced.push(ev.unsourced);
      return;
    }
    let key = relKey(rel.type, e.id);
    let seen = rels.get(key);
    const disc = discriminant(rel);
    if (seen !== undefined && rels.statusOf(seen) !== STORED) {
      if (rel.id !== undefined) {
        issues.add(issue(loc, 'id-duplicate', `relation en double : même identifiant que la ligne ${rels.lineOf(seen)} ; donnez-leur des identifiants distincts s'il s'agit de deux liens`, { field: 'id' }));
        return;
      }
      const further = furtherTie(rel, e.id, seen, disc, loc);
      if (!('key' in further)) {
        issues.add(further);
        return;
      }
      [key, seen, e] = [further.key, further.seen, { ...e, id: further.id }];
    }
    const statusStated = rel.status !== undefined;
    if (!stored) {
      let o = seen;
      if (o === undefined) o = rels.add(key, loc.line, CREATE, disc);
      else [rels.claim(o, loc.line, UPDATE, disc), rels.stateStatus(o, statusStated)];
      // A dry run has no spill: it does not build the records of ties it would write.
      return spill?.add(o, build.record(rel, e, (ev as Built).evidence));
    }
    const record = build.record(rel, e, (ev as Built).evidence);
    let o: number;
    let differs = false;
    if (scan) {
      if (seen === undefined) return spill?.add(rels.add(key, loc.line, CREATE, disc), record);
      if (rels.sameDigest(seen, contentDigest('relationship', record))) {
        rels.claim(seen, loc.line, UNCHANGED, disc);
        return undefined;
      }
      // It differs from the stored tie: what it changes once laid over it is known when that tie is read.
      o = seen;
      differs = true;
      rels.claim(o, loc.line, PENDING, disc);
    } else o = rels.add(key, loc.line, PENDING, disc);
    rels.stateStatus(o, statusStated);
    pending.push({ o, type: rel.type, id: e.id, hash: differs ? NaN : hashValue('relationship', record), record, differs, t, line: loc.line });
    const wrote = spill?.add(o, record);
    const wait = pending.length >= BATCH ? flush(LOOKUPS - 1) : undefined;
    return wrote && wait ? Promise.all([wrote, wait]).then(() => undefined) : (wrote ?? wait);
  };

  // The preview's first rows, taken from this pass rather than a reading of their own.
  const samplers = new Map(inputs.map((i) => [i, new RowSampler(10)]));
  const read = async (input: OpenedInput) => {
    const sampler = samplers.get(input)!;
    // Past the first rows of every table only issues can still be sampled: skip the sampler's per-row work.
    const wanted = Math.max(1, input.detected.tables.length) * 10;
    const json = input.detected.format === 'json';
    const split = splitOf(input);
    const ranges = split && (await recordRanges(split.file.path, split.setup, splitOpts.rangeBytes));
    if (split && ranges && ranges.length > 1) return readSplit(split, ranges, sampler, wanted);
    await readRows(input.rows(), sampler, wanted, json);
  };
  const readRows = async (rowsOf: AsyncIterable<InputRow>, sampler: RowSampler, wanted: number, json: boolean) => {
    for await (const row of rowsOf) {
      rows++;
      if (sampler.kept < wanted || row.kind === 'issue') sampler.add(row);
      if ((rows & 0x3fff) === 0) progress('plan');
      // Most rows need no lookup: awaiting only when one is waited for saves a microtask per row.
      const wait = onRow(row, json);
      if (wait) await wait;
    }
  };
  /** readRows over a range's batches (one await per batch, not per row). */
  const readBatches = async (batches: AsyncIterable<InputRow[]>, sampler: RowSampler, wanted: number) => {
    for await (const batch of batches) {
      for (const row of batch) {
        rows++;
        if (sampler.kept < wanted || row.kind === 'issue') sampler.add(row);
        if ((rows & 0x3fff) === 0) progress('plan');
        const wait = onRow(row, false);
        if (wait) await wait;
      }
    }
  };

  // A large relationships CSV compared by a scan (or with nothing stored) is planned in parts by threads.
  const splitOpts: SplitOptions = { ...SPLIT_DEFAULTS, ...(opts.split || {}) };
  const splitOf = (input: OpenedInput): SplittableCsv | undefined => {
    const s = input.split;
    if (!s || opts.split === false || !inline || !scan || splitOpts.threads < 1) return undefined;
    const info = s.scanned.info;
    // Ids must be unique across the table: RowBuilder checks them in one reading.
    if (info.kind !== 'relationships' || info.rows < splitOpts.minRows || info.columns.some((c) => c.field === 'id')) return undefined;
    // A dry run, or a re-import (most ties stored): not an import that writes mostly new ties, unless asked.
    if (spill && !splitOpts.newTies && rels.size * 2 < info.rows) return undefined;
    return s;
  };
  const readSplit = async (split: SplittableCsv, ranges: ByteRange[], sampler: RowSampler, wanted: number) => {
    for (const row of split.leading) {
      rows++;
      sampler.add(row);
      onRow(row, false);
    }
    const setup = { split: { ...split, leading: [] }, resolver: resolver.snapshot(), namedSource, stored: rels.storedParts(), spill: spill !== undefined };
    const t = tableOf({ file: split.file.name, line: 0 });
    /** Stand-in source ids (new documents a thread met) → the ids the resolver gave them. */
    const standIns = new Map<string, string>();
    let from: ByteRange | undefined;
    for await (const r of planRanges(setup, ranges, splitOpts.threads)) {
      if ('gaveUp' in r) {
        from = r.range;
        break;
      }
      // A row naming a tie an earlier range's row took (a further funding of a pair, or a duplicate): the
      // planner reads on from this range, and tells them apart as it reads (furtherTie).
      if (takesTies(r.result)) {
        from = r.range;
        break;
      }
      parts++;
      const wait = mergeRange(r.result, t, sampler, wanted, standIns);
      if (wait) await wait;
      progress('plan');
    }
    // A thread gave up on a range (a new actor, a misplaced quote): the planner reads on from it, as it would have.
    if (from) await readBatches(rangeRows(split, { start: from.start, end: ranges[ranges.length - 1].end, line: from.line }), sampler, wanted);
  };
  /** Whether a range's rows name a tie that a row before the range took (a thread sees only its own range's). */
  const takesTies = (res: RangeResult): boolean => {
    let k = 0;
    for (let i = 0; i < res.ords.length; i++) {
      const o = res.ords[i];
      if (o >= 0 ? rels.statusOf(o) !== STORED : rels.getAdded(res.keys[k++]) !== undefined) return true;
    }
    return false;
  };
  /** Merges a range's results, in file order, as onRel would have planned its rows. */
  const mergeRange = (res: RangeResult, t: TableStats, sampler: RowSampler, wanted: number, standIns: Map<string, string>): Promise<void> | undefined => {
    const { lines, ords, flags, keys, events } = res;
    rows += res.inputRows;
    t.rows += res.relRows;
    t.unsourcedCount += res.unsourcedCount;
    for (const i of res.unsourced) if (t.unsourced.length < MAX_ISSUES) t.unsourced.push(i);
    issues.count(res.dropped.errors, res.dropped.warnings);
    for (const id of res.named.actors) resolver.named.actors.add(id);
    for (const id of res.named.sources) resolver.named.sources.add(id);
    const spilled: number[] = [];
    const { discs } = res;
    let [k, e] = [0, 0];
    const n = lines.length;
    for (let i = 0; i <= n; i++) {
      for (; e < events.length && events[e].at === i; e++) {
        const ev = events[e];
        if (ev.type === 'issue') {
          if (ev.row) sampler.add({ kind: 'issue', issue: ev.issue });
          issues.add(ev.issue);
        } else if (ev.type === 'sample') {
          if (sampler.kept < wanted) sampler.add(ev.row);
        } else {
          const id = resolver.resolveSource(ev.text, ev.url, ev.loc);
          if (ev.id.charCodeAt(0) === 1) standIns.set(ev.id, id);
        }
      }
      if (i === n) break;
      const [line, fl] = [lines[i], flags[i]];
      let o = ords[i];
      // No row names a tie an earlier row took (takesTies left such a range to the planner).
      if (o >= 0) rels.claim(o, line, fl & ENDS_STORED && fl & SAME ? UNCHANGED : UPDATE, discs[i]);
      else o = rels.add(keys[k++], line, CREATE, discs[i]);
      if (fl & SPILLED) spilled.push(o);
    }
    if (!spill || !res.json) return undefined;
    let json = res.json;
    if (standIns.size && json.includes('"source":"\\u0001')) json = json.replace(/"source":"\\u0001([^"]*)"/g, (_, x: string) => `"source":${JSON.stringify(standIns.get(`\u0001${x}`))}`);
    return spill.addLines(spilled, json);
  };
  const onRow = (row: InputRow, json: boolean): Promise<void> | undefined => {
    if (row.kind === 'issue') issues.add(row.issue);
    else if (row.kind === 'source') resolver.addSource(row.source, row.loc);
    else if (row.kind === 'actor') {
      const bad = resolver.addActor(row.actor, row.loc);
      if (bad) issues.add(bad);
    } else if (inline) return onRel(row.rel, row.loc, json);
    return undefined;
  };

  const invalid = (entity: 'actor' | 'source') => (p: { id: string; loc?: Loc }, err: z.ZodError) => {
    if (entity === 'actor' && resolver.kindless.has(p.id)) return; // already reported where it was named
    for (const e of err.issues) {
      const field = e.path.map(String).join('.');
      issues.add(issue(p.loc ?? { file: '(import)' }, 'invalid', `${entity === 'actor' ? "l'acteur" : 'le document'} « ${shorten(p.id)} » : ${field ? `${field} : ` : ''}${e.message}`, { field: field || undefined }));
    }
  };
  /** Actor rows laid over stored actors: their empty cells that kept a stored value, per table (said after the plan). */
  const actorBlanks = new Map<string, BlankTable>();
  const keptActorBlanks = (p: PlannedActor, stored: Actor) => {
    const k = `${p.loc.file}\u0000${p.loc.sheet ?? ''}`;
    let t = actorBlanks.get(k);
    if (!t) actorBlanks.set(k, (t = blankTable(inputs, p.loc, 'actors', ACTOR_BLANKABLE)));
    for (const field of t.columns.keys()) {
      const f = field as 'kind' | 'description' | 'territory';
      if (!p.row[f] && stored[f]) noteKept(t, field, p.loc.line);
    }
  };
  const actorClassify: Classify<PlannedActor, Actor> = {
    db,
    entity: 'actor',
    hashes: resolver.dbIndex.actorHash,
    record: (p, stored) => {
      if (stored && !p.fromRef) keptActorBlanks(p, stored as Actor);
      return actorRecord(p, stored as Actor | undefined, opts.defaultKind);
    },
    schema: ActorSchema,
    onInvalid: invalid('actor'),
    scan: opts.scan,
  };
  // Once every actor row is read, the stored actors they name are compared while the relationships are read
  // (Neo4j streams them meanwhile): relationship rows only add actors that are new.
  const lastActors = ordered.map((i) => i.detected.tables.some((t) => t.kind === 'actors')).lastIndexOf(true);
  let storedActors: ReturnType<typeof compareStored<PlannedActor, Actor>> | undefined;
  for (const [n, input] of ordered.entries()) {
    if (hasRels(input)) await storedHashes;
    await read(input);
    if (n === lastActors && inline) {
      storedActors = compareStored([...resolver.actors.values()].filter((p) => p.existing), actorClassify);
      // Awaited by classify, after the reading; no unhandled rejection meanwhile.
      storedActors.catch(() => undefined);
    }
  }
  await storedHashes;
  if (!inline) {
    // Actors came after relationships in the files: resolve the relationships in a second reading.
    for (const input of ordered.filter(hasRels)) {
      for await (const row of input.rows()) {
        const wait = row.kind === 'relationship' ? onRel(row.rel, row.loc, input.detected.format === 'json') : undefined;
        if (wait) await wait;
      }
    }
  }
  await flush(0);
  await spill?.close();
  progress('plan');

  for (const t of tables.values()) {
    for (const i of keptIssues(t.blanks, BLANKABLE, { one: 'une relation déjà enregistrée', many: 'relations déjà enregistrées', fix: 'modifiez la relation' })) issues.add(i);
    if (!t.unsourcedCount) continue;
    if (t.unsourcedCount === t.rows && t.rows > 1) {
      issues.add(issue({ file: t.loc.file, sheet: t.loc.sheet, line: 1 }, 'evidence-missing', `aucune des ${t.rows} relations${t.loc.sheet ? ` de la feuille « ${t.loc.sheet} »` : ''} n'a de source : ajoutez une colonne Extrait ou Source, ou nommez le document source de l'import (titre, éditeur, date, adresse — --source-title …)`));
    } else for (const i of t.unsourced) issues.add(i);
  }
  const byStatus = rels.settle();
  counts.relationships = { created: byStatus[CREATE], updated: byStatus[UPDATE], unchanged: byStatus[UNCHANGED] };
  // The writes read the spill file by ordinal: the keys are not needed past this point.
  if (spill) rels.forgetKeys();

  // Actors and sources: the stored records of those that exist, the row laid over them, compared by hash.
  const actorOps = await classify([...resolver.actors.values()], counts.actors, actorClassify, storedActors);
  for (const t of actorBlanks.values()) for (const i of keptIssues(t, ACTOR_BLANKABLE, { one: 'un acteur déjà enregistré', many: 'acteurs déjà enregistrés', fix: "modifiez l'acteur" })) issues.add(i);
  // New actors named like a stored one or another new one: a warning each (the import still runs).
  const fresh = actorOps.create.map((r) => {
    const p = resolver.actors.get(r.id)!;
    return { id: r.id, name: r.name, aliases: r.aliases, kind: r.kind, loc: p.loc, fromRef: p.fromRef };
  });
  for (const i of await similarActorIssues(db, fresh, resolver.dbIndex)) issues.add(i);
  counts.actors.unchanged += [...resolver.named.actors].filter((id) => !resolver.actors.has(id)).length;
  counts.sources.unchanged += [...resolver.named.sources].filter((id) => !resolver.sources.has(id)).length;
  const sourceOps = await classify([...resolver.sources.values()], counts.sources, {
    db,
    entity: 'source',
    hashes: resolver.dbIndex.sourceHash,
    record: (p: PlannedSource, stored) => sourceRecord(p, stored as Source | undefined),
    schema: SourceSchema,
    onInvalid: invalid('source'),
    scan: opts.scan,
  });

  issues.sort(inputs.map((i) => i.file.name));
  return {
    counts,
    issues,
    rows,
    samples: inputs.map((i) => samplers.get(i)!.rows),
    parts,
    async *batches() {
      const size = opts.batchSize ?? BATCH;
      for (const part of chunks(sourceOps.create, size)) yield { sources: { create: part } };
      for (const part of chunks(sourceOps.update, size)) yield { sources: { update: part } };
      for (const part of chunks(actorOps.create, size)) yield { actors: { create: part as Actor[] } };
      for (const part of chunks(actorOps.update, size)) yield { actors: { update: part as { after: Actor }[] } };
      yield BARRIER;
      // The actors are written: where each is stored, so that ties find their ends by element id.
      const relsToWrite = counts.relationships.created + counts.relationships.updated;
      const actorsStored = resolver.dbIndex.actorIds.size + actorOps.create.length;
      const actorNodes = (opts.actorNodes ?? (relsToWrite > 0 && actorsStored <= SCAN_RATIO * relsToWrite)) ? await readActorNodes(db) : undefined;
      rows = 0;
      let create: RelationshipRecord[] = [];
      let createHashes: (number | undefined)[] = [];
      let update: { after: RelationshipRecord; overlay: Overlay }[] = [];
      const add = (o: number, record: RelationshipRecord, h?: number) => {
        const st = rels.statusOf(o);
        if (st === CREATE) [create.push(record), createHashes.push(h)];
        else if (st === UPDATE) update.push({ after: record, overlay: { statusStated: rels.statusStated(o) } });
      };
      if (spill) {
        progressTotal = spill.count;
        for await (const [o, record, h] of readSpill(spill)) {
          if ((++rows & 0x3fff) === 0) progress('write');
          add(o, record, h);
          if (create.length >= size) [yield { relationships: { create }, createHashes, actorNodes, layOver: true }, (create = []), (createHashes = [])];
          if (update.length >= size) [yield { relationships: { update }, actorNodes }, (update = [])];
        }
        if (rows !== spill.count) throw new Error(`the plan's spill file ${spill.path} holds ${rows} ties, not ${spill.count}: was it changed during the import?`);
      } else {
        for (const input of ordered.filter(hasRels)) {
          for await (const row of input.rows()) {
            if ((++rows & 0x3fff) === 0) progress('write');
            if (row.kind !== 'relationship') continue;
            let e = build.ends(row.rel, row.loc);
            let o = 'issues' in e ? undefined : rels.get(relKey(row.rel.type, e.id));
            if (o !== undefined && !('issues' in e) && row.rel.id === undefined && !(rels.lineOf(o) === row.loc.line && sameDiscriminant(rels.discOf(o), discriminant(row.rel)))) {
              // Not the row that took the pair's plain id: a further tie of the pair, as furtherTie named it.
              const id = distinctId(e.id, row.rel);
              o = id === undefined ? undefined : rels.get(relKey(row.rel.type, id));
              e = { ...e, id: id ?? e.id };
            }
            if (o === undefined || 'issues' in e) throw new Error(`${locator(row.loc)} reads differently the second time: was the file changed during the import?`);
            if (rels.statusOf(o) === UNCHANGED) continue;
            add(o, build.record(row.rel, e, (build.evidence(row.rel, row.loc, input.detected.format === 'json', true) as Built).evidence));
            if (create.length >= size) [yield { relationships: { create }, createHashes, actorNodes, layOver: true }, (create = []), (createHashes = [])];
            if (update.length >= size) [yield { relationships: { update }, actorNodes }, (update = [])];
          }
        }
      }
      if (create.length) yield { relationships: { create }, createHashes, actorNodes, layOver: true };
      if (update.length) yield { relationships: { update }, actorNodes };
      progress('write');
    },
  };
}

const zero = (): EntityCounts => ({ created: 0, updated: 0, unchanged: 0 });

function* chunks<T>(xs: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/** Every actor's id → its element id, streamed (one small record per actor). */
async function readActorNodes(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await db.stream(Q.importActorNodes, {}, (r) => out.set(r.id as string, r.node as string));
  return out;
}

async function storedTies(db: Db): Promise<number> {
  const [r] = await db.read(Q.importTieCount, {});
  return Number(r?.n ?? 0);
}

/** How planned actors or sources are compared with the stored ones. */
interface Classify<P, T> {
  db: Db;
  entity: 'actor' | 'source';
  hashes: Map<string, string | number | null>;
  record: (p: P, stored: unknown) => T;
  schema: z.ZodType;
  onInvalid: (p: P, err: z.ZodError) => void;
  scan: boolean | undefined;
}

function validRecord<P, T>(o: Classify<P, T>, p: P, r: T): boolean {
  const res = o.schema.safeParse(r);
  if (!res.success) o.onInvalid(p, res.error);
  return res.success;
}

/** The stored elements among the planned ones, laid over and compared by hash: the updates, and how many are unchanged. */
async function compareStored<P extends { id: string; loc?: Loc }, T extends { id: string }>(existing: P[], o: Classify<P, T>): Promise<Compared<T>> {
  const update: { after: T }[] = [];
  let unchanged = 0;
  const compare = (p: P, props: Record<string, unknown> | undefined) => {
    const r = o.record(p, props && fromStored(o.entity, { props }));
    if (!validRecord(o, p, r)) return;
    if (storedValue(o.hashes.get(p.id)) === hashValue(o.entity, r)) unchanged++;
    else update.push({ after: r });
  };
  if (o.scan ?? (existing.length > BATCH && existing.length * SCAN_RATIO >= o.hashes.size)) {
    // Most of the stored elements are named: one streamed pass over them all beats a lookup per batch.
    const byId = new Map(existing.map((p) => [p.id, p]));
    await o.db.stream(o.entity === 'actor' ? Q.importActorsAll : Q.importSourcesAll, {}, (row) => {
      const props = row.props as Record<string, unknown>;
      const p = byId.get(props.id as string);
      if (!p) return;
      byId.delete(p.id);
      compare(p, props);
    });
    // Deleted since the index was read: laid over nothing, as the lookups would.
    for (const p of byId.values()) compare(p, undefined);
  } else {
    for (const part of chunks(existing)) {
      const rows = await o.db.read(o.entity === 'actor' ? Q.csActorFind : Q.csSourceFind, { ids: part.map((p) => p.id), full: true });
      const stored = new Map(rows.map((r) => [(r.props as { id: string }).id, r.props as Record<string, unknown>]));
      for (const p of part) compare(p, stored.get(p.id));
    }
  }
  return { update, unchanged, ids: new Set(existing.map((p) => p.id)) };
}

type Compared<T> = { update: { after: T }[]; unchanged: number; ids: Set<string> };

/**
 * Splits planned actors or sources into creations and updates, counting the unchanged ones. `stored`: the
 * comparison of the stored ones, when it was started earlier (it depends on nothing the other rows change).
 */
async function classify<P extends { id: string; existing: boolean; loc?: Loc }, T extends { id: string }>(
  planned: P[],
  c: EntityCounts,
  o: Classify<P, T>,
  stored = compareStored(planned.filter((p) => p.existing), o),
): Promise<{ create: T[]; update: { after: T }[] }> {
  const create: T[] = [];
  for (const p of planned.filter((x) => !x.existing)) {
    const r = o.record(p, undefined);
    if (validRecord(o, p, r)) create.push(r);
  }
  const done = await stored;
  const { update, ids } = done;
  let { unchanged } = done;
  // Stored elements planned after the comparison started (none, as the planner reads): compared now.
  const late = planned.filter((p) => p.existing && !ids.has(p.id));
  if (late.length) {
    const more = await compareStored(late, o);
    update.push(...more.update);
    unchanged += more.unchanged;
  }
  c.created = create.length;
  c.updated = update.length;
  c.unchanged += unchanged;
  return { create, update };
}
