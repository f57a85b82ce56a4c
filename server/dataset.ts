// Parses and checks a dataset file (seed or user import) completely before anything touches the database.
import { Dataset, SYMMETRIC_TYPES, type Actor, type Relationship, type RelationshipRecord, type Source } from '../model/schema';
import { ValidationError, fromZod, type FieldIssue } from './errors';
import { discriminant, distinctId, sameDiscriminant } from './import/rel-build';

/** The dataset as the records a change set writes (server/changes/). */
export interface DatasetRows {
  sources: Source[];
  actors: Actor[];
  relationships: RelationshipRecord[];
  /** Actor ids that relationships use but the file does not define: they must already be in the database. */
  externalActorIds: string[];
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJson(text: string, file = 'input'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos).split('\n');
      where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
    }
    throw new ValidationError([{ field: file, message: `invalid JSON${where}: ${msg}` }]);
  }
}

/** The relationship id a file may leave out; symmetric ties get the same id whichever way they are written. */
export function relationshipId(r: Pick<Relationship, 'type' | 'source' | 'target'>): string {
  return `${r.type}:${r.source}:${r.target}`;
}

/**
 * Validates a dataset: the zod schema, then references (relationship ends, evidence sources) and
 * uniqueness, every problem named by its path. Throws one ValidationError listing all of them.
 */
export function checkDataset(input: unknown): { dataset: Dataset; rows: DatasetRows } {
  const parsed = Dataset.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const ds = parsed.data;
  const issues: FieldIssue[] = [];

  const sourceIds = new Set<string>();
  ds.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) issues.push({ field: `sources.${i}.id`, message: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
  });
  const actorIds = new Set<string>();
  ds.actors.forEach((a, i) => {
    if (actorIds.has(a.id)) issues.push({ field: `actors.${i}.id`, message: `duplicate actor id "${a.id}"` });
    actorIds.add(a.id);
  });

  const external = new Set<string>();
  const relIds = new Map<string, number>();
  const discs: number[] = [];
  const relationships = ds.relationships.map((r, i) => {
    // A symmetric tie is stored once, endpoints in a canonical order, so A–B and B–A are the same edge.
    const [source, target] = SYMMETRIC_TYPES.has(r.type) && r.source > r.target ? [r.target, r.source] : [r.source, r.target];
    const derived = relationshipId({ type: r.type, source, target });
    let id = r.id ?? derived;
    if (source === target) issues.push({ field: `relationships.${i}.target`, message: 'an actor cannot be related to itself' });
    discs[i] = discriminant(r);
    const seen = relIds.get(id);
    const duplicate = (of: number, why = '') => issues.push({ field: `relationships.${i}`, message: `duplicate relationship "${id}" (same as relationships.${of}${why}); give one of them an explicit "id"` });
    if (seen !== undefined && r.id !== undefined) duplicate(seen);
    else if (seen !== undefined) {
      // As the importer does (README, "Several ties between one pair"): a further tie of the pair when its date,
      // else its amount, differs from the first row's, under the id suffixed by it.
      const further = sameDiscriminant(discs[seen], discs[i]) ? undefined : distinctId(derived, r);
      if (further === undefined) duplicate(seen, r.date !== undefined ? ', same date' : r.amount !== undefined ? ', no date and the same amount' : ', neither a date nor an amount to tell them apart');
      else if (relIds.has(further)) duplicate(relIds.get(further)!, r.date !== undefined ? ', same date' : ', no date and the same amount');
      else id = further;
    }
    relIds.set(id, i);
    for (const end of [source, target]) if (!actorIds.has(end)) external.add(end);
    r.evidence.forEach((e, j) => {
      if (!sourceIds.has(e.source)) {
        issues.push({ field: `relationships.${i}.evidence.${j}.source`, message: `unknown source "${e.source}"` });
      }
    });
    const record: RelationshipRecord = { id, type: r.type, source, target, status: r.status, evidence: r.evidence };
    for (const k of ['amount', 'date', 'role', 'note'] as const) if (r[k] !== undefined) Object.assign(record, { [k]: r[k] });
    if (r.claims) {
      const cited = new Set(r.evidence.map((e) => e.source));
      r.claims.forEach((c, j) => c.sources.forEach((src, k) => {
        if (!cited.has(src)) issues.push({ field: `relationships.${i}.claims.${j}.sources.${k}`, message: `"${src}" is not among this relationship's evidence` });
      }));
      record.claims = r.claims;
    }
    return record;
  });
  if (issues.length) throw new ValidationError(issues);

  return {
    dataset: ds,
    rows: {
      sources: ds.sources,
      actors: ds.actors,
      relationships,
      externalActorIds: [...external],
    },
  };
}
