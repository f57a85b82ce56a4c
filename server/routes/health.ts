// GET /api/health: is the API up, and can it reach Neo4j?
import { Router } from 'express';
import type { Db } from '../db';

export function healthRoutes(db: Db): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ok', neo4j: 'up' });
    } catch {
      res.status(503).set('Retry-After', '5').json({ status: 'degraded', neo4j: 'down' });
    }
  });
  return r;
}
