// GET /api/metrics: key actors ranked by a metric and paged, from figures computed in a worker thread.
import { Router } from 'express';
import { MetricsQuery } from '../../model/schema';
import type { MetricsService } from '../metrics/service';
import { parseInput } from '../validate';

export function metricsRoutes(metrics: MetricsService): Router {
  const r = Router();
  r.get('/metrics', async (req, res) => {
    const q = parseInput(MetricsQuery, req.query, 'query');
    res.json(await metrics.page(q));
  });
  return r;
}
