// GET /api/graph and GET /api/sources: the whole network, and the documents its evidence cites.
import { Router } from 'express';
import type { Db } from '../db';
import { toEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';

export function graphRoutes(db: Db): Router {
  const r = Router();
  r.get('/graph', async (_req, res) => {
    const [row] = await db.read(Q.graph);
    const nodes = ((row?.nodes as Record<string, unknown>[]) ?? []).map(toNode);
    const edges = ((row?.edges as RawEdge[]) ?? []).map(toEdge);
    res.json({ nodes, edges });
  });
  r.get('/sources', async (_req, res) => {
    const rows = await db.read(Q.sources);
    res.json({ sources: rows.map((x) => x.source) });
  });
  return r;
}
