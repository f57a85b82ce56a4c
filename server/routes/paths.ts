// GET /api/paths: the simple paths between two actors, shortest first, each edge with its evidence.
import { Router } from 'express';
import { PathsQuery, REL_TYPES, type Path } from '../../model/schema';
import type { Db } from '../db';
import { AppError } from '../errors';
import { toEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import { parseInput } from '../validate';

type Props = Record<string, unknown>;

/** One path row (nodes and relationships in walking order) → the API's path shape. */
export function toPath(row: { nodes: Props[]; rels: RawEdge[] }): Path {
  return { nodes: row.nodes.map(toNode), edges: row.rels.map(toEdge), length: row.rels.length };
}

export function pathRoutes(db: Db): Router {
  const r = Router();

  r.get('/paths', async (req, res) => {
    const { from, to, types, maxDepth, limit } = parseInput(PathsQuery, req.query, 'query');
    const ends = await db.read(Q.pathsEndpoints, { from, to });
    const missing = ends.filter((e) => !e.found).map((e) => (e.id === from ? 'from' : 'to'));
    if (missing.length) {
      const ids = missing.map((f) => (f === 'from' ? from : to));
      throw new AppError('NotFoundError', 404, `no actor with id ${ids.map((i) => `"${i}"`).join(' or ')}`, {
        issues: missing.map((f) => ({ field: `query.${f}`, message: `actor "${f === 'from' ? from : to}" does not exist` })),
      });
    }
    // One row more than asked tells whether the list was cut.
    const rows = await db.read(Q.pathsBetween, { from, to, types: types ?? [...REL_TYPES], maxDepth, limit: limit + 1 });
    const paths = (rows as unknown as { nodes: Props[]; rels: RawEdge[] }[]).map(toPath);
    res.json({ paths: paths.slice(0, limit), truncated: paths.length > limit, limit });
  });

  return r;
}
