// /api/actors: search by name or alias, one actor with its evidence, and its neighbourhood.
import { Router } from 'express';
import {
  ActorDetailQuery, ActorIdParams, ActorSearchQuery, NeighborhoodQuery, REL_TYPES, type ActorDetail, type GraphEdge, type RelType,
} from '../../model/schema';
import { tokens, fold } from '../../model/text';
import { storedHash } from '../changes/records';
import type { Db } from '../db';
import { resolveActorId } from '../edit/actors';
import { NotFoundError } from '../errors';
import { toEdge, toNode, toSource, type RawEdge } from '../graph-mapper';
import type { HubDetails } from '../graph/hub-details';
import { Q } from '../queries';
import { parseInput } from '../validate';

type Props = Record<string, unknown>;

/** Lucene query for the fuzzy fallback: folded tokens only ([a-z0-9]), so no Lucene syntax reaches the index. */
function luceneFuzzy(words: string[]): string {
  return words.map((w) => (w.length >= 4 ? `${w}~` : `${w}*`)).join(' AND ');
}

/**
 * Lucene query for the names and aliases equal to (boosted: they come first) or starting with the folded query,
 * on the keyword index of whole keys; null for an empty query. Folded text is [a-z0-9 ] only: escaping its
 * spaces keeps each key one term, and no other Lucene syntax can reach the index.
 */
export function lucenePrefix(folded: string): string | null {
  if (!folded) return null;
  const key = folded.replace(/ /g, '\\ ');
  return `${key}^10 OR ${key}*`;
}

/**
 * Actors ranked per candidate set (shortest names first): names or aliases starting with the query, and
 * (when these are too few) others containing every token.
 */
export const SEARCH_SAMPLE = 200;

/**
 * The token the text index is sought with, the others being checked on what it finds: one with digits
 * (an acronym's number, a year: rare in names), else the longest (long words are rarer than short ones).
 */
export function anchorToken(words: string[]): string {
  const score = (w: string) => (/\d/.test(w) ? 1000 : 0) + w.length;
  return words.reduce((a, w) => (score(w) > score(a) ? w : a), '');
}

/** The search query's parameters (shared with the warm-up, so that both plan the same query). */
export function searchParams(q: string, limit: number) {
  const words = tokens(q);
  const folded = fold(q);
  return { tokens: words, anchor: anchorToken(words), q: folded, lucene: lucenePrefix(folded), sample: SEARCH_SAMPLE, limit };
}

/** The fuzzy fallback's parameters, asked when the search finds nothing. */
export const fuzzyParams = (words: string[], limit: number) => ({ lucene: luceneFuzzy(words), limit });

/** The neighbourhood query's parameters (shared with the warm-up, so that both plan the same query). */
export const neighborhoodParams = (id: string, depth: number, types: RelType[], limit: number) => ({ id, depth, types, limit });

/**
 * One actor's details as GET /api/actors/:id answers them: its ties with evidence, at most `limit` per type and
 * direction, the counts of each group and the sources cited; undefined when no actor has this id.
 */
export async function actorDetail(db: Db, id: string, limit: number): Promise<ActorDetail | undefined> {
  const [row] = await db.read(Q.actor, { id, limit });
  if (!row) return undefined;
  type Group = { type: RelType; direction: 'out' | 'in'; total: number; rels: (RawEdge & { other: Props })[] };
  const groups = (row.groups as Group[]).sort((a, b) => REL_TYPES.indexOf(a.type) - REL_TYPES.indexOf(b.type) || (a.direction < b.direction ? 1 : -1));
  return {
    actor: toNode(row.actor as Props),
    relationships: groups.flatMap((g) => g.rels.map((x) => ({
      ...toEdge(x),
      direction: g.direction,
      other: toNode(x.other),
      version: storedHash('relationship', { props: x.props, type: x.type, source: x.source, target: x.target }),
    }))),
    sources: (row.sources as Props[]).map(toSource),
    relationshipCounts: groups.map((g) => ({ type: g.type, direction: g.direction, total: g.total, shown: g.rels.length })),
    truncated: groups.some((g) => g.total > g.rels.length),
    version: storedHash('actor', { props: row.actor as Props }),
  };
}

export interface ActorRouteOptions {
  /** The hubs' details kept per graph version (index.ts; default: none, every request reads). */
  hubs?: HubDetails;
}

export function actorRoutes(db: Db, opts: ActorRouteOptions = {}): Router {
  const r = Router();

  r.get('/actors', async (req, res) => {
    const { q, limit } = parseInput(ActorSearchQuery, req.query, 'query');
    const params = searchParams(q, limit);
    let rows = await db.read(Q.actorSearch, params);
    if (!rows.length && params.tokens.length) rows = await db.read(Q.actorSearchFuzzy, fuzzyParams(params.tokens, limit));
    res.json({ actors: rows.map((x) => toNode(x.actor as Props)) });
  });

  r.get('/actors/:id', async (req, res) => {
    const { id: asked } = parseInput(ActorIdParams, req.params, 'params');
    const { limit } = parseInput(ActorDetailQuery, req.query, 'query');
    // A hub's details computed in the background for this graph version (server/graph/hub-details.ts).
    const kept = await opts.hubs?.get(asked, limit);
    if (kept) {
      res.type('json').send(kept);
      return;
    }
    let body = await actorDetail(db, asked, limit);
    if (!body) {
      // An id merged into another actor keeps resolving to it (old links, shared URLs).
      const survivor = await resolveActorId(db, asked);
      if (survivor) body = await actorDetail(db, survivor, limit);
      if (body) body.resolvedFrom = asked;
    }
    if (!body) throw new NotFoundError('Actor', asked);
    res.json(body);
  });

  r.get('/actors/:id/neighborhood', async (req, res) => {
    const { id } = parseInput(ActorIdParams, req.params, 'params');
    const { depth, types, limit } = parseInput(NeighborhoodQuery, req.query, 'query');
    // The actor, its levels and the ties among them in one query (cypher/queries/neighborhood.cypher).
    const [row] = await db.read(Q.neighborhood, neighborhoodParams(id, depth, types ?? [...REL_TYPES], limit));
    if (!row) throw new NotFoundError('Actor', id);
    const edges = new Map<string, GraphEdge>();
    for (const x of row.ties as RawEdge[]) {
      const e = toEdge(x);
      edges.set(e.id, e);
    }
    res.json({ nodes: (row.actors as Props[]).map((x) => toNode(x)), edges: [...edges.values()], truncated: row.truncated as boolean });
  });

  return r;
}
