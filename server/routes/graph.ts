// The network: whole (small graphs), its counts, its overview, its pages, and the documents evidence cites.
import { Router } from 'express';
import { ElementsQuery, GraphQuery, OverviewQuery, type ElementsPage, type GraphStats, type OverviewResponse } from '../../model/schema';
import { DEFAULT_GRAPH_LIMITS, type GraphLimits } from '../config';
import type { Db } from '../db';
import { GraphTooLargeError } from '../errors';
import { decodeCursor, readPage } from '../graph/elements';
import { filterKey, filterParams, isUnfiltered, type FilterParams } from '../graph/filters';
import { GraphDigests } from '../graph/digest';
import { actorsAndTies, topActors, type Ranking } from '../graph/overview';
import { readTotals } from '../graph/stats';
import { VersionedCache, graphVersion } from '../graph/version';
import { graphIdentity, type KeptAnswers } from '../graph/answers';
import { WholeGraph } from '../graph/whole';
import { GraphLayouts } from '../layout/service';
import { toSource } from '../graph-mapper';
import { Q } from '../queries';
import { parseInput } from '../validate';

export interface GraphRouteOptions {
  limits?: GraphLimits;
  /** PageRank order of the metrics when they are fresh for `version` (the overview then ranks by it). */
  ranking?: (version: number) => Ranking | undefined;
  /** The stats' breakdown and the degree ranking, computed in the background (default: new ones). */
  digests?: GraphDigests;
  /** GET /api/graph's answer kept per graph version (index.ts shares it with the warm-up; default: a new one). */
  whole?: WholeGraph;
  /** The first page's answers kept on disk per database and graph version (index.ts; default: none kept). */
  answers?: KeptAnswers;
  /** The whole network's positions per graph version (index.ts passes one that lays out in the background; default: a new one, laid out when asked). */
  layouts?: GraphLayouts;
}

/** Pages of the whole network (GET /api/graph/elements) of at least this many elements are kept with the answers. */
export const KEPT_PAGE_MIN = 1000;

/** Ranking ids read past the overview's limit when the ranking is of an older version (actors deleted since). */
const STALE_SLACK = 0.1;

interface Totals {
  actors: number;
  relationships: number;
}

export function graphRoutes(db: Db, opts: GraphRouteOptions = {}): Router {
  const r = Router();
  const limits = opts.limits ?? DEFAULT_GRAPH_LIMITS;
  const digests = opts.digests ?? new GraphDigests(db);
  const matching = new VersionedCache<Totals>(64);

  const totals = async (): Promise<Totals> => {
    const t = await readTotals(db);
    return { actors: t.actors, relationships: t.relationships };
  };
  /** Actors and ties passing the filters: the count store when unfiltered, a scan (cached per version) otherwise. */
  const countMatching = (version: number, p: FilterParams, all: Totals): Promise<Totals> =>
    isUnfiltered(p)
      ? Promise.resolve(all)
      : matching.get(version, filterKey(p), async () => {
          const [row] = await db.read(Q.graphMatching, p);
          return { actors: row.actors as number, relationships: row.relationships as number };
        });

  const answers = opts.answers;
  const whole = opts.whole ?? new WholeGraph(db, answers);
  const layouts = opts.layouts ?? new GraphLayouts(db, { answers, limits });

  // Everything with evidence, for graphs small enough to draw whole; larger ones are refused before reading.
  r.get('/graph', async (req, res) => {
    const q = parseInput(GraphQuery, req.query, 'query');
    const limit = Math.min(limits.graph, q.max ?? Infinity);
    const check = (all: Totals) => {
      if (all.actors + all.relationships <= limit) return;
      throw new GraphTooLargeError(
        `the graph holds ${all.actors} actors and ${all.relationships} relationships, more than the ${limit} elements ` +
          `${limit < limits.graph ? 'asked for (max)' : 'GET /api/graph answers at once'}: use GET /api/graph/overview, filters, or GET /api/graph/elements`,
        { actors: all.actors, relationships: all.relationships, limit, use: ['/api/graph/overview', '/api/graph/elements'] },
      );
    };
    // Both read before the graph: a write landing meanwhile keys a newer graph under an older version, never the
    // reverse. An answer kept for this database and version (its counts with it) needs no more: on a freshly started
    // Neo4j the counts' query alone takes its planning (~0.4 s), and would take the core the identity's needs.
    const id = await graphIdentity(db);
    // The version the body is of: the page draws at the server's positions (GET /api/graph/layout) only for it.
    res.set('X-Graph-Version', String(id.version));
    const known = await whole.known(id);
    if (known) {
      check(known);
      res.type('json').send(known.body);
      return;
    }
    const all = await totals();
    check(all);
    res.type('json').send(await whole.body(id, all.actors, all.relationships));
  });

  r.get('/graph/stats', async (_req, res) => {
    const limitsOf = { wholeLimit: limits.whole, graphLimit: limits.graph };
    const id = await graphIdentity(db);
    const { version } = id;
    // A client asks for the overview next: its ranking's scan starts now, beside the breakdown's.
    void digests.degree.check(version).catch(() => undefined);
    // Kept for this database and version (on disk: a server started again on the same graph answers at once).
    const kept = await answers?.get('stats', id);
    if (kept) {
      res.json({ ...(JSON.parse(kept.body) as Omit<GraphStats, keyof typeof limitsOf>), ...limitsOf });
      return;
    }
    const t = await readTotals(db);
    const b = await digests.breakdown.get(version, t);
    const body: Omit<GraphStats, keyof typeof limitsOf> = {
      version,
      ...t,
      ...b.value,
      breakdown: { version: b.version, status: b.stale ? 'stale' : 'fresh' },
    };
    if (!b.stale && b.version === version) void answers?.put('stats', id, { meta: {}, body: JSON.stringify(body) });
    res.json({ ...body, ...limitsOf });
  });

  /** The overview's actors and ties by `ranking`; one of an older version names a few more (some may be gone). */
  const overviewOf = async (p: FilterParams, limit: number, ranking: Ranking, old: boolean) => {
    const ids = await topActors(db, p, old ? limit + Math.ceil(limit * STALE_SLACK) : limit, ranking);
    return actorsAndTies(db, p, ids, old ? limit : undefined);
  };

  r.get('/graph/overview', async (req, res) => {
    const q = parseInput(OverviewQuery, req.query, 'query');
    const p = filterParams(q);
    const id = await graphIdentity(db);
    const { version } = id;
    // PageRank once the metrics are fresh; until then every actor by degree, computed in the background.
    const pagerank = opts.ranking?.(version);
    // The first page's overview (no filters) kept for this database and version, once its ranking was fresh; one
    // ranked by degree is not served once the metrics of this version rank by PageRank.
    const unfiltered = isUnfiltered(p);
    const extra = { limit: q.limit };
    if (unfiltered) {
      const kept = await answers?.get('overview', id, extra);
      if (kept && (!pagerank || kept.meta.rankedBy === 'pagerank')) {
        res.type('json').send(kept.body);
        return;
      }
    }
    const all = await totals();
    const [degree, counts] = await Promise.all([pagerank ? undefined : digests.degree.get(version, all), countMatching(version, p, all)]);
    let ranking: Ranking = pagerank ?? { version: degree!.version, ids: degree!.value.ids, kinds: degree!.value.kinds };
    let old = degree?.stale ?? false;
    let shown = await overviewOf(p, q.limit, ranking, old);
    // A ranking of an older version that cannot fill the overview (its actors deleted since, another graph
    // loaded in their place) is no use: this one waits for the ranking of the graph as it is.
    if (old && shown.nodes.length < Math.min(q.limit, counts.actors)) {
      const d = await digests.degree.current(version, all);
      ranking = { version: d.version, ids: d.value.ids, kinds: d.value.kinds };
      old = d.stale;
      shown = await overviewOf(p, q.limit, ranking, old);
    }
    const { nodes, edges } = shown;
    const body: OverviewResponse = {
      nodes,
      edges,
      total: all.actors,
      matching: counts.actors,
      shown: nodes.length,
      relationships: { total: all.relationships, matching: counts.relationships, shown: edges.length },
      rankedBy: pagerank ? 'pagerank' : 'degree',
      ranking: { version: ranking.version, status: old ? 'stale' : 'fresh' },
      version,
    };
    const text = JSON.stringify(body);
    if (unfiltered && !old && ranking.version === version) void answers?.put('overview', id, { meta: { rankedBy: body.rankedBy }, body: text }, extra);
    res.type('json').send(text);
  });

  r.get('/graph/elements', async (req, res) => {
    const q = parseInput(ElementsQuery, req.query, 'query');
    const p = filterParams(q);
    const key = filterKey(p);
    // Pages of the unfiltered walk are kept with the answers (on disk), by number: a server started again on the same
    // graph sends *Réseau entier* without reading it from a cold store (bench/README.md, after 8: its pages took 8.3 s
    // restarted, 2.3 s on a server that had been up). Not pages of fewer than KEPT_PAGE_MIN elements: the files are
    // then at most a few dozen (the whole limit's actors and ties over that size).
    const keep = answers && isUnfiltered(p) && q.size >= KEPT_PAGE_MIN;
    const id = keep ? await graphIdentity(db) : undefined;
    const version = id ? id.version : await graphVersion(db);
    const cursor = q.cursor !== undefined ? decodeCursor(q.cursor, key, version) : undefined;
    const number = cursor ? cursor.i : 0;
    const name = id && number !== undefined ? `elements-${number}` : undefined;
    // The exact request it answers (the cursor pins the version, the filters and the place in the walk) and the limit
    // the first page was checked against.
    const extra = { cursor: q.cursor ?? '', size: q.size, limit: limits.whole };
    if (answers && id && name) {
      const kept = await answers.get(name, id, extra);
      if (kept) {
        res.type('json').send(kept.body);
        return;
      }
    }
    let counts: Totals | undefined;
    if (!cursor) {
      // The first page checks the size of the whole walk, so no client starts loading what it cannot hold.
      counts = await countMatching(version, p, await totals());
      if (counts.actors > limits.whole || counts.relationships > limits.whole) {
        throw new GraphTooLargeError(
          `the filters leave ${counts.actors} actors and ${counts.relationships} relationships, more than the ${limits.whole} ` +
            'of each the whole network is loaded with: narrow the filters or use the overview',
          { actors: counts.actors, relationships: counts.relationships, limit: limits.whole, use: ['/api/graph/overview'] },
        );
      }
    }
    const page = await readPage(db, p, { version, filterKey: key, size: q.size, cursor });
    const body: ElementsPage = { ...page, version };
    if (counts) body.matching = counts;
    const text = JSON.stringify(body);
    if (answers && id && name) void answers.put(name, id, { meta: {}, body: text }, extra);
    res.type('json').send(text);
  });

  // The whole network's positions, laid out once per graph version by the server (server/layout).
  r.get('/graph/layout', async (_req, res) => {
    res.type('json').send(await layouts.answer());
  });

  r.get('/sources', async (_req, res) => {
    const rows = await db.read(Q.sources);
    res.json({ sources: rows.map((x) => toSource(x.source as Record<string, unknown>)) });
  });
  return r;
}
