// A thread that plans byte ranges of a large relationships CSV (server/import/split.ts): reads, parses, validates,
// resolves and hashes each row as the planner would, and answers compact results — keys, ordinals, flags, the
// records to spill as one block of JSON lines, the issues in reading order — that the planner merges in file order.
import { contentDigest, digestValue } from '../changes/records';
import { serveRequests } from '../worker-thread';
import { KeyIndex, type KeyIndexParts } from './key-index';
import { rangeRows } from './read';
import type { ByteRange } from './read/csv';
import type { ImportIssue, InputRow, Loc, RelationshipInputRow, SplittableCsv } from './read/types';
import { discriminant, relBuilder, relKey, type Built } from './rel-build';
import { Resolver, type ResolverSnapshot } from './resolve';

/** Row result flags. */
export const ENDS_STORED = 1;
/** The row's digest equals the stored tie's (it is unchanged). */
export const SAME = 2;
/** The row's record is in the range's `json` block. */
export const SPILLED = 4;

/** Issues of a reading problem (quotes): the range may not start where papaparse would; the planner reads on. */
const READING_CODES = new Set(['csv-quote-unclosed', 'csv-quotes', 'csv-record-too-large']);
/** Issues kept per range (as the planner keeps MAX_ISSUES in all). */
const MAX_ISSUES = 1000;

export interface SplitSetup {
  split: SplittableCsv;
  resolver: ResolverSnapshot;
  namedSource?: string;
  /** The stored ties' keys (ordinals) and hashes (records.ts storedValue), when the plan compares with a scan. */
  stored?: { index: KeyIndexParts; hashes: Float64Array };
  /** Build and send the records of ties to write (an import, not a dry run). */
  spill: boolean;
  /** Set to 1 by any thread that gives up: the others stop at their next batch. */
  abort: Int32Array;
}

export type SplitRequest = { thread: number } & ({ type: 'setup'; setup: SplitSetup } | { type: 'range'; index: number; range: ByteRange; sample: number } | { type: 'end' });

/** In reading order, interleaved with the row results: `at` = row results before it. */
export type SplitEvent =
  | { at: number; type: 'issue'; issue: ImportIssue; row: boolean }
  | { at: number; type: 'sample'; row: InputRow }
  | { at: number; type: 'source'; text?: string; url?: string; loc: Loc; id: string };

export interface RangeResult {
  /** Why the range was left to the planner (a new actor, a reading problem, another thread's giving up). */
  gaveUp?: string;
  /** Rows read (issues included), as rows() would have given them. */
  inputRows: number;
  /** Relationship rows the planner would have planned (its table's row count). */
  relRows: number;
  /** Per row result: its line, its stored ordinal (-1: not stored), flags. */
  lines: Uint32Array;
  ords: Int32Array;
  flags: Uint8Array;
  /** Per row result, its discriminant (rel-build.ts): what tells it apart from a further row of its pair. */
  discs: Float64Array;
  /** The keys of the rows whose ordinal is -1, in order. */
  keys: string[];
  /** JSON lines of the SPILLED rows' records, in order (stand-in source ids in place of new sources). */
  json: string;
  events: SplitEvent[];
  unsourcedCount: number;
  unsourced: ImportIssue[];
  named: { actors: string[]; sources: string[] };
  /** Issues past the range's first MAX_ISSUES, counted only. */
  dropped: { errors: number; warnings: number };
}

export interface Session {
  setup: SplitSetup;
  resolver: Resolver;
  actors: number;
  stored?: KeyIndex;
  build: ReturnType<typeof relBuilder>;
}

let session: Session | undefined;

/** A thread's state for one file: its resolver (from the planner's snapshot) and the stored ties. */
export function openSession(setup: SplitSetup, thread: number): Session {
  let n = 0;
  const resolver = Resolver.fromSnapshot(setup.resolver, () => `\u0001${thread}.${n++}`);
  return {
    setup,
    resolver,
    actors: resolver.actors.size,
    stored: setup.stored ? new KeyIndex(setup.stored.index) : undefined,
    build: relBuilder(resolver, setup.namedSource),
  };
}

const grow = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
  const b = make(a.length * 2);
  b.set(a);
  return b;
};

/** Plans one range (in a thread, or in the planner's while it waits for one). */
export async function planRange(s: Session, range: ByteRange, sample: number): Promise<RangeResult> {
  const { resolver, build, stored, setup } = s;
  const hashes = setup.stored?.hashes;
  const out: RangeResult = {
    inputRows: 0,
    relRows: 0,
    lines: new Uint32Array(1 << 14),
    ords: new Int32Array(1 << 14),
    flags: new Uint8Array(1 << 14),
    discs: new Float64Array(1 << 14),
    keys: [],
    json: '',
    events: [],
    unsourcedCount: 0,
    unsourced: [],
    named: { actors: [], sources: [] },
    dropped: { errors: 0, warnings: 0 },
  };
  let n = 0;
  const json: string[] = [];
  /** The range's keys: a pair named twice (a further funding, or a duplicate) is left to the planner (plan.ts furtherTie). */
  const named = new Set<string>();
  let issues = 0;
  const event = (e: SplitEvent) => {
    if (e.type === 'issue' && ++issues > MAX_ISSUES) {
      if (e.issue.severity === 'error') out.dropped.errors++;
      else out.dropped.warnings++;
      return;
    }
    out.events.push(e);
  };
  // As RelTable.sameDigest: the digest's first 35 bits against the stored hash.
  const sameDigest = (o: number, digest: string) => hashes![o] === digestValue(digest);

  /** Plans one relationship row (plan.ts onRel, scan mode); a reason to give up, or undefined. */
  const onRel = (rel: RelationshipInputRow, loc: Loc): string | undefined => {
    out.relRows++;
    const e = build.ends(rel, loc);
    if (resolver.actors.size !== s.actors) return `line ${loc.line} names an actor the import creates`;
    if ('issues' in e) {
      for (const i of e.issues) event({ at: n, type: 'issue', issue: i, row: false });
      return undefined;
    }
    const sources = resolver.sources.size;
    const ev = build.evidence(rel, loc, false, e.stored || setup.spill);
    if (resolver.sources.size !== sources) {
      // A document this thread had not met: the planner resolves it here, creating it where it would have.
      for (const x of rel.evidence) {
        if (x.source || x.url) event({ at: n, type: 'source', text: x.source, url: x.url, loc, id: resolver.resolveSource(x.source, x.url, loc) });
      }
    }
    if ('issues' in ev) {
      for (const i of ev.issues) event({ at: n, type: 'issue', issue: i, row: false });
      return undefined;
    }
    if ('unsourced' in ev) {
      out.unsourcedCount++;
      if (out.unsourced.length < MAX_ISSUES) out.unsourced.push(ev.unsourced);
      return undefined;
    }
    const key = relKey(rel.type, e.id);
    if (named.has(key)) return `line ${loc.line} names a tie of its range again`;
    named.add(key);
    const o = stored ? stored.get(key) : -1;
    let flags = e.stored ? ENDS_STORED : 0;
    let record;
    if (e.stored && o >= 0) {
      record = build.record(rel, e, (ev as Built).evidence);
      if (record.evidence.some((x) => x.source.charCodeAt(0) === 1)) return `line ${loc.line} compares a stored tie citing a new document`;
      if (sameDigest(o, contentDigest('relationship', record))) flags |= SAME;
    }
    // A row that differs from the stored tie is laid over it (records.ts mergeRel), which needs that tie read:
    // left to the planner, which reads on from here (a re-import that changes ties is not planned in parts).
    if (o >= 0 && !(flags & SAME)) return `line ${loc.line} changes a stored tie`;
    if (setup.spill && !(flags & SAME)) {
      record ??= build.record(rel, e, (ev as Built).evidence);
      json.push(JSON.stringify(record));
      flags |= SPILLED;
    }
    if (n === out.lines.length) {
      out.lines = grow(out.lines, (m) => new Uint32Array(m));
      out.ords = grow(out.ords, (m) => new Int32Array(m));
      out.flags = grow(out.flags, (m) => new Uint8Array(m));
      const d = new Float64Array(n * 2);
      d.set(out.discs);
      out.discs = d;
    }
    out.lines[n] = loc.line;
    out.ords[n] = o;
    out.flags[n] = flags;
    out.discs[n] = discriminant(rel);
    if (o < 0) out.keys.push(key);
    n++;
    return undefined;
  };

  let samples = 0;
  const giveUp = (reason: string): RangeResult => {
    Atomics.store(setup.abort, 0, 1);
    return { ...out, gaveUp: reason };
  };
  for await (const batch of rangeRows(setup.split, range)) {
    if (Atomics.load(setup.abort, 0)) return { ...out, gaveUp: 'another part gave up' };
    for (const row of batch) {
      out.inputRows++;
      if (row.kind === 'issue') {
        if (row.issue.code && READING_CODES.has(row.issue.code)) return giveUp(`line ${row.issue.line}: ${row.issue.code}`);
        event({ at: n, type: 'issue', issue: row.issue, row: true });
        continue;
      }
      if (row.kind !== 'relationship') continue;
      if (samples < sample) [samples++, event({ at: n, type: 'sample', row })];
      const reason = onRel(row.rel, row.loc);
      if (reason) return giveUp(reason);
    }
  }
  out.lines = out.lines.slice(0, n);
  out.ords = out.ords.slice(0, n);
  out.flags = out.flags.slice(0, n);
  out.discs = out.discs.slice(0, n);
  out.json = json.length ? `${json.join('\n')}\n` : '';
  out.named = { actors: [...resolver.named.actors], sources: [...resolver.named.sources] };
  return out;
}

serveRequests<SplitRequest & { id: number }, { result?: RangeResult }>(async (req) => {
  if (req.type === 'setup') {
    session = openSession(req.setup, req.thread);
    return { reply: {} };
  }
  if (req.type === 'end') {
    session = undefined;
    return { reply: {} };
  }
  if (!session) throw new Error('split worker: a range before its setup');
  const result = await planRange(session, req.range, req.sample);
  return { reply: { result }, transfer: [result.lines.buffer, result.ords.buffer, result.flags.buffer, result.discs.buffer] as ArrayBuffer[] };
});
