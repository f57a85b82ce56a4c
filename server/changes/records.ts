// The records a change set writes (actors, sources, relationships) and how they map to stored properties.
import crypto from 'node:crypto';
import type { Actor, Evidence, RelationshipRecord, Source } from '../../model/schema';
import { fold } from '../../model/text';
import { parseClaims } from '../graph-mapper';

export type { Actor, RelationshipRecord, Source };

export const ENTITIES = ['source', 'actor', 'relationship'] as const;
export type Entity = (typeof ENTITIES)[number];

/** The record type of each entity, as callers hand it to a WriteBatch. */
export interface RecordOf {
  source: Source;
  actor: Actor;
  relationship: RelationshipRecord;
}

/** Creations, updates and deletions of one entity; records are complete (the after image, or the element deleted). */
export interface EntityOps<T> {
  create?: T[];
  /**
   * `before`, when given, is what the caller read: the write is refused (ConflictError) if the stored element differs.
   * `overlay` (relationships): `after` is an import's row, laid over the tie as stored when the batch writes it (mergeRel).
   */
  update?: { before?: T; after: T; overlay?: Overlay }[];
  delete?: T[];
}

/** An import's row laid over the stored tie instead of replacing it (mergeRel): whether the row states a status. */
export interface Overlay {
  statusStated: boolean;
}

/** One write of a change set: committed in one transaction together with its undo record. */
export interface WriteBatch {
  sources?: EntityOps<Source>;
  actors?: EntityOps<Actor>;
  relationships?: EntityOps<RelationshipRecord>;
  /**
   * Where the actors that relationships to create name are stored (actor id → element id), as read earlier by
   * the same writer: each tie then finds its ends by element id instead of two index seeks. Only a hint — an
   * element id is reused after a deletion, so each is checked against the actor's id, and a batch with a stale
   * one is written again by actor id.
   */
  actorNodes?: ReadonlyMap<string, string>;
  /**
   * The content hash (hashValue) of each relationship to create, in `relationships.create`'s order, where the caller
   * has it already (an import hashes each tie's line of its spill file, records.ts relContentJson): not computed again.
   */
  createHashes?: readonly (number | undefined)[];
  /**
   * An import's ties to create that exist by now (another change set created them meanwhile) are laid over as stored
   * (mergeRel: their values and evidence kept where the row says nothing) instead of overwritten.
   */
  layOver?: boolean;
}

export type Props = Record<string, unknown>;

/** Every element a change set writes as its properties, plus the structure of a relationship. */
export interface StoredImage {
  props: Props;
  type?: string;
  source?: string;
  target?: string;
}

const ACTOR_KEYS = ['id', 'name', 'aliases', 'kind', 'description', 'territory', 'mergedIds'] as const;
const SOURCE_KEYS = ['id', 'title', 'publisher', 'date', 'language', 'author', 'url', 'file'] as const;
const REL_KEYS = ['amount', 'amountRaw', 'date', 'dateRaw', 'role', 'note'] as const;

function pick(r: Record<string, unknown>, keys: readonly string[]): Props {
  const out: Props = {};
  for (const k of keys) if (r[k] !== undefined && r[k] !== null) out[k] = r[k];
  return out;
}

/** The content a hash covers, in a fixed key order: two records with the same content hash alike. */
function content(entity: Entity, r: object): unknown[] {
  const o = r as Record<string, unknown>;
  if (entity === 'actor') {
    // mergedIds only when there are some, so actors never merged keep the hashes they were stored with.
    const merged = (o.mergedIds as string[] | undefined)?.length ? [o.mergedIds] : [];
    return [...ACTOR_KEYS.filter((k) => k !== 'mergedIds').map((k) => (k === 'aliases' ? (o.aliases ?? []) : (o[k] ?? null))), ...merged];
  }
  if (entity === 'source') return SOURCE_KEYS.map((k) => o[k] ?? null);
  const rel = r as RelationshipRecord;
  const claims = rel.claims?.length ? [rel.claims.map((c) => [c.amount ?? null, c.date ?? null, c.sources])] : [];
  return [rel.id, rel.type, rel.source, rel.target, rel.status, ...REL_KEYS.map((k) => o[k] ?? null), rel.evidence.map((e) => [e.source, e.excerpt]), ...claims];
}

/**
 * An element's content version, as edits and conflict checks compare it: the decimal text of hashValue, so equal
 * content, equal version.
 */
export function contentHash(entity: Entity, record: object): string {
  return String(digestValue(contentDigest(entity, record)));
}

/**
 * The content hash as its 20 bytes, each a char of a one-byte (`binary`, i.e. latin1) string: what a large
 * import compares per row. One-shot hashing and a latin1 string, not a Buffer: a 1M-row re-import hashes each
 * row once, and a Buffer per digest cost as much again as the hashing (bench/README.md).
 */
export function contentDigest(entity: Entity, record: object): string {
  return crypto.hash('sha1', JSON.stringify(content(entity, record)), 'binary');
}

/** Bits of the digest kept in `_h`: 35, the most Neo4j stores in one 8-byte property block (more take two). */
export const HASH_BITS = 35;

/**
 * The first 35 bits of a digest (contentDigest's latin1 string) as a whole number: the `_h` stored on every
 * element. Neo4j keeps a whole number below 2^35 in one property block, a larger one in two; every tie carries
 * one, so a block less per tie is fewer property records to write (bench/README.md, import, after 8). `_h` only
 * tells whether one element's content changed since it was written: two contents of the same element taking the
 * same 35 bits has a chance of 1 in 34 billion per change (a re-import would then call it unchanged).
 */
export function digestValue(digest: string): number {
  let v = 0;
  for (let k = 0; k < 4; k++) v = v * 256 + digest.charCodeAt(k);
  return v * 8 + (digest.charCodeAt(4) >> 5);
}

/**
 * A relationship as the JSON text of its content (what its hash covers, in a fixed order): how an import spills the
 * ties it will write, so that reading one back costs the parse of a list, and its hash a SHA-1 of the line instead of
 * a serialisation (bench/README.md, import, after 8). Undefined for a tie with claims: rebuilt from its content, a
 * claim's keys could come back in another order, and its stored text with them.
 */
export function relContentJson(rel: RelationshipRecord): string | undefined {
  return rel.claims?.length ? undefined : JSON.stringify(content('relationship', rel));
}

type RelContent = [string, string, string, string, string | null, number | null, string | null, string | null, string | null, string | null, string | null, [string, string][]];

/** relContentJson's text → the record it was made from, and its `_h` (what hashValue gives it). */
export function fromRelContentJson(json: string): { record: RelationshipRecord; h: number } {
  const [id, type, source, target, status, amount, amountRaw, date, dateRaw, role, note, evidence] = JSON.parse(json) as RelContent;
  const ev = new Array<{ source: string; excerpt: string }>(evidence.length);
  for (let k = 0; k < evidence.length; k++) ev[k] = { source: evidence[k][0], excerpt: evidence[k][1] };
  const r = { id, type, source, target } as RelationshipRecord;
  if (status !== null) r.status = status as RelationshipRecord['status'];
  r.evidence = ev;
  if (amount !== null) r.amount = amount;
  if (amountRaw !== null) r.amountRaw = amountRaw;
  if (date !== null) r.date = date;
  if (dateRaw !== null) r.dateRaw = dateRaw;
  if (role !== null) r.role = role;
  if (note !== null) r.note = note;
  return { record: r, h: digestValue(crypto.hash('sha1', json, 'binary')) };
}

/** The `_h` stored with a record: equal content, equal hash. */
export const hashValue = (entity: Entity, record: object): number => digestValue(contentDigest(entity, record));

/**
 * A stored `_h` as hashValue would give it (so a graph written by older code still compares as unchanged, without a
 * migration): the number itself; the first 53 bits of the digest, stored from after 7 to after 8, cut to their first
 * 35 (one in 262,144 of those is below 2^35 and taken as it is: that element is written again once, harmlessly);
 * the base64url text of the whole digest, stored before after 7. Undefined when there is none.
 */
export function storedValue(h: unknown): number | undefined {
  if (typeof h === 'number') return h < 2 ** HASH_BITS ? h : Math.floor(h / 2 ** (53 - HASH_BITS));
  if (typeof h !== 'string' || h.length !== 27) return undefined;
  return digestValue(Buffer.from(h, 'base64url').toString('latin1'));
}

/** Name and aliases folded for search (the `searchKeys` actor resolution matches against). */
export function searchKeys(a: Pick<Actor, 'name' | 'aliases'>): string[] {
  return [...new Set([a.name, ...(a.aliases ?? [])].map(fold).filter(Boolean))];
}

/** A record → the properties stored on its node or relationship, stamped with the change set and content hash. */
export function toStored(entity: Entity, record: object, cs: string): Props {
  const r = record as Record<string, unknown>;
  const meta = { _cs: cs, _h: hashValue(entity, record) };
  if (entity === 'actor') {
    const a = record as Actor;
    const keys = searchKeys(a);
    return { ...pick(r, ACTOR_KEYS), aliases: a.aliases ?? [], searchKeys: keys, searchText: keys.join(' | '), ...meta };
  }
  if (entity === 'source') return { ...pick(r, SOURCE_KEYS), ...meta };
  const rel = record as RelationshipRecord;
  return {
    id: rel.id,
    status: rel.status,
    ...pick(r, REL_KEYS),
    evidenceSources: rel.evidence.map((e) => e.source),
    evidenceExcerpts: rel.evidence.map((e) => e.excerpt),
    // Conflicting claims as JSON text: a property cannot hold maps (server/graph-mapper.ts parses it back).
    ...(rel.claims?.length ? { claims: JSON.stringify(rel.claims) } : {}),
    ...meta,
  };
}

/**
 * Every property toStored may give a relationship: changes/rel-create-at.cypher names each one (properties
 * known to the planner are set as the tie is created, which spares the Eager a `SET r = map` needs).
 */
export const REL_STORED_KEYS: ReadonlySet<string> = new Set(['id', 'status', ...REL_KEYS, 'evidenceSources', 'evidenceExcerpts', 'claims', '_cs', '_h']);

/** Stored properties (and a relationship's structure) → the record they hold. */
export function fromStored(entity: Entity, image: StoredImage): RecordOf[Entity] {
  const p = image.props;
  if (entity === 'actor') return { ...pick(p, ACTOR_KEYS), aliases: (p.aliases as string[] | null) ?? [] } as Actor;
  if (entity === 'source') return pick(p, SOURCE_KEYS) as Source;
  const sources = (p.evidenceSources as string[] | null) ?? [];
  const excerpts = (p.evidenceExcerpts as string[] | null) ?? [];
  return {
    id: p.id as string,
    type: image.type,
    source: image.source,
    target: image.target,
    status: (p.status as string | null) ?? 'effective',
    ...pick(p, REL_KEYS),
    evidence: sources.map((source, i) => ({ source, excerpt: excerpts[i] ?? '' })),
    ...(parseClaims(p.claims) ? { claims: parseClaims(p.claims) } : {}),
  } as RelationshipRecord;
}

/** The stored content version of an element (as contentHash gives it), computed when an element predates hashes. */
export function storedHash(entity: Entity, image: StoredImage): string {
  const h = storedValue(image.props._h);
  return h === undefined ? contentHash(entity, fromStored(entity, image)) : String(h);
}

/** The key a relationship is found by: its type (for the index seek) and id. */
export interface RelRef {
  type: string;
  id: string;
}

/**
 * A row of an import laid over the tie it names (README, "Importing again"): what the row does not state — an
 * amount, a date, a role, a note it has no column or an empty cell for, a status when `statusStated` is false —
 * keeps the stored value (an amount or a date together with its raw text); conflicting claims are kept. The
 * evidence accumulates: the stored excerpts of a document the row cites are replaced by the row's (the file now
 * says what that document states), those of every other document are kept, so no file ever drops a source.
 * The stored record comes back as it is (same content, same hash) when the row adds nothing to it.
 */
export function mergeRel(stored: RelationshipRecord, row: RelationshipRecord, statusStated: boolean): RelationshipRecord {
  const out: RelationshipRecord = { id: row.id, type: row.type, source: row.source, target: row.target, status: statusStated ? row.status : stored.status, evidence: mergeEvidence(stored.evidence, row.evidence) };
  const [a, aRaw] = row.amount !== undefined ? [row.amount, row.amountRaw] : stored.amount !== undefined ? [stored.amount, stored.amountRaw] : [undefined, row.amountRaw ?? stored.amountRaw];
  if (a !== undefined) out.amount = a;
  if (aRaw !== undefined) out.amountRaw = aRaw;
  const [d, dRaw] = row.date !== undefined ? [row.date, row.dateRaw] : stored.date !== undefined ? [stored.date, stored.dateRaw] : [undefined, row.dateRaw ?? stored.dateRaw];
  if (d !== undefined) out.date = d;
  if (dRaw !== undefined) out.dateRaw = dRaw;
  const role = row.role ?? stored.role;
  if (role !== undefined) out.role = role;
  const note = row.note ?? stored.note;
  if (note !== undefined) out.note = note;
  const claims = row.claims?.length ? row.claims : stored.claims;
  if (claims?.length) out.claims = claims;
  return out;
}

/** mergeRel's evidence: the stored list in its order (less the excerpts of the row's documents it no longer has), then the row's new ones. */
export function mergeEvidence(stored: readonly Evidence[], row: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence) => `${e.source}\u0000${e.excerpt}`;
  const cited = new Set(row.map((e) => e.source));
  const stated = new Set(row.map(key));
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of [...stored.filter((x) => !cited.has(x.source) || stated.has(key(x))), ...row]) {
    const k = key(e);
    if (!seen.has(k)) [seen.add(k), out.push({ source: e.source, excerpt: e.excerpt })];
  }
  return out;
}
