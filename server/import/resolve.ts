// Who and what an import's rows name: actors by id, else by folded name or alias, against the files and the
// database (two candidates is an issue, never a guess); source documents by id, title or URL.
import { Slug, type Actor, type ActorKind, type Source } from '../../model/schema';
import { fold } from '../../model/text';
import { searchKeys } from '../changes/records';
import type { Db } from '../db';
import { Q } from '../queries';
import type { ActorInputRow, ActorRef, ImportIssue, Loc, SourceInputRow } from './read/types';
import { issue, shorten } from './read/issues';

const SLUG_MAX = 100;

/** A readable id from a name: `Crédit Agricole Alpes` → `credit-agricole-alpes`. */
export function slugify(text: string, fallback: string): string {
  const s = fold(text).replace(/ /g, '-').slice(0, SLUG_MAX).replace(/-+$/, '');
  return Slug.safeParse(s).success ? s : fallback;
}

/** Ids already taken (file, database, created here): a new id gets -2, -3… until it is free. */
class IdSpace {
  private readonly taken = new Set<string>();
  constructor(readonly has: (id: string) => boolean) {}
  /** Replaces claim() (a thread's snapshot: ids it cannot know, stood in for until the planner gives them). */
  claimed?: (base: string) => string;
  claim(base: string): string {
    if (this.claimed) return this.claimed(base);
    let id = base;
    for (let i = 2; this.has(id) || this.taken.has(id); i++) id = `${base}-${i}`;
    this.taken.add(id);
    return id;
  }
}

const push = (m: Map<string, string[]>, k: string, id: string) => {
  const l = m.get(k);
  if (!l) m.set(k, [id]);
  else if (!l.includes(id)) l.push(id);
};

/** What the database holds that rows may name: actor ids and search keys, source ids, titles and URLs. */
export interface DbIndex {
  actorIds: Set<string>;
  actorKeys: Map<string, string[]>;
  actorHash: Map<string, string | number | null>;
  sourceIds: Set<string>;
  sourceKeys: Map<string, string[]>;
  sourceHash: Map<string, string | number | null>;
}

/** Streams every actor's id and search keys and every source's id, title and URL (100k actors: ~1 s). */
export async function readDbIndex(db: Db): Promise<DbIndex> {
  const idx: DbIndex = { actorIds: new Set(), actorKeys: new Map(), actorHash: new Map(), sourceIds: new Set(), sourceKeys: new Map(), sourceHash: new Map() };
  await db.stream(Q.importIndex, {}, (r) => {
    const id = r.id as string;
    if (r.entity === 'actor') {
      idx.actorIds.add(id);
      idx.actorHash.set(id, (r.h as string | number | null) ?? null);
      for (const k of (r.keys as string[] | null) ?? []) push(idx.actorKeys, k, id);
    } else {
      idx.sourceIds.add(id);
      idx.sourceHash.set(id, (r.h as string | number | null) ?? null);
      for (const k of (r.keys as (string | null)[] | null) ?? []) if (k) push(idx.sourceKeys, fold(k), id);
    }
  });
  return idx;
}

/** A Resolver's state as plain data (Resolver.snapshot). */
export interface ResolverSnapshot {
  defaultKind: ActorKind | undefined;
  db: { actorIds: string[]; actorKeys: [string, string[]][]; sourceIds: string[]; sourceKeys: [string, string[]][] };
  actors: [string, boolean][];
  sources: [string, boolean][];
  fileKeys: [string, string[]][];
  fileSourceKeys: [string, string[]][];
  refMemo: [string, Resolved][];
  sourceMemo: [string, string][];
}

/** An actor the import will write: from an actor row, or created for a name a relationship row gave. */
export interface PlannedActor {
  id: string;
  /** The row's fields (actor rows) or the name and kind the relationship row gave. */
  row: ActorInputRow;
  loc: Loc;
  /** In the database already: the record is the stored one with the row's fields laid over it. */
  existing: boolean;
  /** Created for a relationship's end that no actor answered to. */
  fromRef: boolean;
}

export interface PlannedSource {
  id: string;
  row: SourceInputRow;
  loc?: Loc;
  existing: boolean;
}

/** An actor reference resolved: its id (and, once known, whether it is stored already), or the issue. */
export type Resolved = { id: string; stored?: boolean } | { issue: ImportIssue };

/**
 * The actors and sources an import's rows define or name. Actor rows must all be seen (addActor) before
 * relationship ends are resolved (resolveRef): a name matches the file's actors and the database's alike.
 */
export class Resolver {
  readonly actors = new Map<string, PlannedActor>();
  readonly sources = new Map<string, PlannedSource>();
  private readonly fileKeys = new Map<string, string[]>();
  private readonly fileSourceKeys = new Map<string, string[]>();
  private readonly refMemo = new Map<string, Resolved>();
  private readonly foldMemo = new Map<string, string>();
  private readonly sourceMemo = new Map<string, string>();
  private readonly actorIds: IdSpace;
  private readonly sourceIds: IdSpace;
  /** New actors a relationship named without a kind (reported once each). */
  readonly kindless = new Set<string>();
  /** Stored actors and sources rows name without redefining them: reported as unchanged. */
  readonly named = { actors: new Set<string>(), sources: new Set<string>() };

  constructor(
    readonly dbIndex: DbIndex,
    readonly defaultKind: ActorKind | undefined,
  ) {
    this.actorIds = new IdSpace((id) => dbIndex.actorIds.has(id) || this.actors.has(id));
    this.sourceIds = new IdSpace((id) => dbIndex.sourceIds.has(id) || this.sources.has(id));
  }

  /**
   * What resolving relationship rows needs, as plain data for another thread (server/import/split-worker.ts):
   * taken after every actor row is read. The actors' rows and the stored hashes are left out.
   */
  snapshot(): ResolverSnapshot {
    const { dbIndex: d } = this;
    return {
      defaultKind: this.defaultKind,
      db: { actorIds: [...d.actorIds], actorKeys: [...d.actorKeys], sourceIds: [...d.sourceIds], sourceKeys: [...d.sourceKeys] },
      actors: [...this.actors.values()].map((a) => [a.id, a.existing]),
      sources: [...this.sources.values()].map((x) => [x.id, x.existing]),
      fileKeys: [...this.fileKeys],
      fileSourceKeys: [...this.fileSourceKeys],
      refMemo: [...this.refMemo],
      sourceMemo: [...this.sourceMemo],
    };
  }

  /**
   * A resolver from a snapshot, in another thread. It resolves as the planner's would, as long as it creates
   * nothing: a new source gets `newSource(…)`'s stand-in id (the planner gives the real one); `actors.size`
   * grows when a row names an actor nobody answers to (the caller then leaves that part to the planner).
   */
  static fromSnapshot(s: ResolverSnapshot, newSource: (base: string) => string): Resolver {
    const db: DbIndex = {
      actorIds: new Set(s.db.actorIds),
      actorKeys: new Map(s.db.actorKeys),
      actorHash: new Map(),
      sourceIds: new Set(s.db.sourceIds),
      sourceKeys: new Map(s.db.sourceKeys),
      sourceHash: new Map(),
    };
    const r = new Resolver(db, s.defaultKind);
    const loc = { file: '', line: 0 };
    for (const [id, existing] of s.actors) r.actors.set(id, { id, existing, fromRef: false, row: { aliases: [] }, loc });
    for (const [id, existing] of s.sources) r.sources.set(id, { id, existing, row: {} });
    for (const [k, v] of s.fileKeys) r.fileKeys.set(k, v);
    for (const [k, v] of s.fileSourceKeys) r.fileSourceKeys.set(k, v);
    for (const [k, v] of s.refMemo) r.refMemo.set(k, v);
    for (const [k, v] of s.sourceMemo) r.sourceMemo.set(k, v);
    r.sourceIds.claimed = newSource;
    return r;
  }

  private fold(s: string): string {
    let f = this.foldMemo.get(s);
    if (f === undefined) {
      f = fold(s);
      this.foldMemo.set(s, f);
    }
    return f;
  }

  private candidates(name: string): string[] {
    const k = this.fold(name);
    const out = new Set([...(this.fileKeys.get(k) ?? []), ...(this.dbIndex.actorKeys.get(k) ?? [])]);
    return [...out];
  }

  private ambiguous(loc: Loc, field: string, name: string, ids: string[]): ImportIssue {
    return issue(loc, 'actor-ambiguous', `« ${shorten(name)} » désigne plusieurs acteurs (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''}) : écrivez l'identifiant de celui que vous voulez`, { field });
  }

  /** An actor row: the actor it defines (its id, or the one its name answers to, or a new id). */
  addActor(row: ActorInputRow, loc: Loc): ImportIssue | undefined {
    let id = row.id;
    let existing = false;
    if (id) existing = this.dbIndex.actorIds.has(id);
    else {
      const name = row.name ?? '';
      const inFile = (this.fileKeys.get(this.fold(name)) ?? []).map((x) => this.actors.get(x)!).find((a) => !a.fromRef);
      if (inFile) {
        return issue(loc, 'id-duplicate', `l'acteur « ${shorten(name)} » est déjà défini ${inFile.loc.file === loc.file ? `ligne ${inFile.loc.line}` : `dans ${inFile.loc.file}, ligne ${inFile.loc.line}`}`, { field: 'name' });
      }
      const db = this.dbIndex.actorKeys.get(this.fold(name)) ?? [];
      if (db.length > 1) return this.ambiguous(loc, 'name', name, db);
      if (db.length === 1) [id, existing] = [db[0], true];
      else id = this.actorIds.claim(slugify(name, 'acteur'));
    }
    const seen = this.actors.get(id);
    if (seen && !seen.fromRef) {
      return issue(loc, 'id-duplicate', `l'acteur « ${shorten(row.name ?? id)} » (${id}) est déjà défini ${seen.loc.file === loc.file ? `ligne ${seen.loc.line}` : `dans ${seen.loc.file}, ligne ${seen.loc.line}`}`, { field: row.id ? 'id' : 'name' });
    }
    if (!existing && !row.kind && !this.defaultKind) {
      return issue(loc, 'kind-missing', `nature de l'acteur « ${shorten(row.name ?? id)} » manquante : remplissez la colonne Nature ou choisissez une nature par défaut (--default-kind)`, { field: 'kind' });
    }
    this.actors.set(id, { id, row, loc, existing, fromRef: false });
    for (const k of searchKeys({ name: row.name ?? id, aliases: row.aliases })) push(this.fileKeys, k, id);
    return undefined;
  }

  /** A relationship's end: by id, else by folded name or alias; a name nobody answers to is a new actor. */
  resolveRef(ref: ActorRef, loc: Loc, field: 'from' | 'to'): Resolved {
    if (ref.id) {
      if (this.actors.has(ref.id)) return { id: ref.id };
      if (this.dbIndex.actorIds.has(ref.id)) return this.named.actors.add(ref.id), { id: ref.id };
      return { issue: issue(loc, 'actor-unknown', `acteur « ${shorten(ref.id)} » inconnu : ni dans le fichier, ni dans la base`, { field }) };
    }
    const name = ref.name ?? '';
    const memo = this.refMemo.get(name);
    if (memo) return 'issue' in memo ? { issue: { ...memo.issue, file: loc.file, sheet: loc.sheet, line: loc.line, field } } : memo;
    let out: Resolved;
    if (this.actors.has(name) || this.dbIndex.actorIds.has(name)) out = { id: name };
    else {
      const ids = this.candidates(name);
      if (ids.length > 1) out = { issue: this.ambiguous(loc, field, name, ids) };
      else if (ids.length === 1) out = { id: ids[0] };
      else {
        const id = this.actorIds.claim(slugify(name, 'acteur'));
        const kind = ref.kind ?? this.defaultKind;
        this.actors.set(id, { id, row: { name, aliases: [], ...(kind ? { kind } : {}) }, loc, existing: false, fromRef: true });
        push(this.fileKeys, this.fold(name), id);
        if (!kind) {
          this.kindless.add(id);
          out = { issue: issue(loc, 'kind-missing', `« ${shorten(name)} » n'existe pas encore et sera créé : sa nature manque (colonne Nature de, Nature vers, ou --default-kind)`, { field }) };
          // Reported on its first line only; later rows name an actor that will exist once the kind is given.
          this.refMemo.set(name, { id });
          return out;
        }
        out = { id };
      }
    }
    // Remembered with the name: a million rows ask whether their ends are stored (actor rows, which decide
    // it, are all read before any relationship is resolved).
    if ('id' in out) out.stored = this.isStored(out.id);
    this.refMemo.set(name, out);
    if ('id' in out && !this.actors.has(out.id)) this.named.actors.add(out.id);
    return out;
  }

  /** Whether actor `id` is in the database already (an actor row may lay new fields over it). */
  isStored(id: string): boolean {
    const a = this.actors.get(id);
    return a ? a.existing : this.dbIndex.actorIds.has(id);
  }

  /** A source row: its id, or the id of the source its title or URL matches, or a new id. */
  addSource(row: SourceInputRow, loc: Loc | undefined): string {
    let id = row.id;
    if (!id) id = this.findSource(row.title, row.url) ?? this.sourceIds.claim(slugify(row.title ?? row.url ?? 'source', 'source'));
    const prev = this.sources.get(id);
    this.sources.set(id, { id, row: { ...prev?.row, ...row }, loc: prev?.loc ?? loc, existing: this.dbIndex.sourceIds.has(id) });
    for (const k of [row.title, row.url]) if (k) push(this.fileSourceKeys, this.fold(k), id);
    return id;
  }

  private findSource(title?: string, url?: string): string | undefined {
    for (const k of [title, url]) {
      if (!k) continue;
      const f = this.fold(k);
      const ids = this.fileSourceKeys.get(f) ?? this.dbIndex.sourceKeys.get(f);
      if (ids?.length) return ids[0];
    }
    return undefined;
  }

  knowsSource(id: string): boolean {
    return this.sources.has(id) || this.dbIndex.sourceIds.has(id);
  }

  /** The source a row's evidence names (an id, a title or a URL); unknown ones become new sources. */
  resolveSource(text: string | undefined, url: string | undefined, loc: Loc): string {
    // Rows cite few documents many times: one lookup per row once a (text, URL) pair has been seen.
    const key = url ? `${text ?? ''}\u0000${url}` : (text ?? '');
    const memo = this.sourceMemo.get(key);
    if (memo) return memo;
    let id = text && (this.sources.has(text) || this.dbIndex.sourceIds.has(text)) ? text : this.findSource(text, url);
    if (id) {
      if (!this.sources.has(id)) this.named.sources.add(id);
    } else id = this.addSource({ title: text ?? url!, ...(url ? { url } : {}) }, loc);
    this.sourceMemo.set(key, id);
    return id;
  }
}

/** The record an actor row gives: laid over the stored actor when it exists (columns the file lacks are kept). */
export function actorRecord(p: PlannedActor, stored: Actor | undefined, defaultKind: ActorKind | undefined): Actor {
  const r = p.row;
  if (stored) {
    const aliases = [...stored.aliases];
    const keys = new Set(searchKeys(stored));
    for (const a of [...(r.aliases ?? []), ...(r.name && !p.fromRef ? [r.name] : [])]) {
      const k = fold(a);
      if (k && !keys.has(k)) [aliases.push(a), keys.add(k)];
    }
    // Matched by id, the row's name is the name; matched by name or alias, the stored name stays.
    const name = r.name && (p.row.id === stored.id) ? r.name : stored.name;
    const out: Actor = { ...stored, name, aliases: aliases.filter((a) => fold(a) !== fold(name)) };
    if (r.kind && !p.fromRef) out.kind = r.kind;
    if (r.description) out.description = r.description;
    if (r.territory) out.territory = r.territory;
    return out;
  }
  const out: Actor = { id: p.id, name: r.name ?? p.id, aliases: r.aliases ?? [], kind: (r.kind ?? defaultKind)! };
  if (r.description) out.description = r.description;
  if (r.territory) out.territory = r.territory;
  return out;
}

/** The record a source row gives, laid over the stored source when it exists. */
export function sourceRecord(p: PlannedSource, stored: Source | undefined): Source {
  const r = p.row;
  const out: Source = { ...(stored ?? { id: p.id, title: r.title ?? r.url ?? p.id, language: 'fr' }) };
  if (r.title) out.title = r.title;
  for (const k of ['publisher', 'date', 'author', 'url', 'language'] as const) if (r[k]) out[k] = r[k];
  return out;
}
