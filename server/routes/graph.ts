// GET /api/graph and GET /api/sources: the whole network, and the documents its evidence cites.
import { Router } from 'express';
import type { Db } from '../db';
import { readSnapshot } from '../export/snapshot';
import { Q } from '../queries';

export function graphRoutes(db: Db): Router {
  const r = Router();
  // The same whole-graph read as exports and metrics: one query, one mapping, one order.
  r.get('/graph', async (_req, res) => {
    const { nodes, edges } = await readSnapshot(db);
    res.json({ nodes, edges });
  });
  r.get('/sources', async (_req, res) => {
    const rows = await db.read(Q.sources);
    res.json({ sources: rows.map((x) => x.source) });
  });
  return r;
}
