// GET /api/health: is the API up, can it reach Neo4j, and has start-up (seeding, recovery) finished?
import { Router } from 'express';
import type { Db } from '../db';

/** `ready` says whether start-up work is done (index.ts); apps built by tests are ready at once. */
export function healthRoutes(db: Db, ready: () => boolean = () => true): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    let up = true;
    try {
      await db.ping();
    } catch {
      up = false;
    }
    if (up && ready()) {
      res.json({ status: 'ok', neo4j: 'up' });
      return;
    }
    res.status(503).set('Retry-After', '5').json({ status: up ? 'starting' : 'degraded', neo4j: up ? 'up' : 'down' });
  });
  return r;
}
