// GET /api/metrics: degree, funding, betweenness, PageRank, communities and brokers for every actor.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { MetricsResponse } from '../../model/schema';
import type { Db } from '../db';
import { readSnapshot } from '../export/snapshot';
import { computeMetrics } from '../metrics';

export function metricsRoutes(db: Db): Router {
  const r = Router();
  // Betweenness is O(n·m): computed once per graph state. The key is a hash of the graph itself, so any
  // change (a load, an edit by another process) is seen without the loader having to tell this route.
  let cache: { key: string; value: MetricsResponse } | undefined;
  r.get('/metrics', async (_req, res) => {
    const { nodes, edges } = await readSnapshot(db);
    const key = createHash('sha256').update(JSON.stringify([nodes, edges])).digest('hex');
    if (cache?.key !== key) cache = { key, value: computeMetrics(nodes, edges) };
    res.json(cache.value);
  });
  return r;
}
