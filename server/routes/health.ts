// GET /api/health: is the API up, can it reach Neo4j, has start-up (seeding, recovery) finished, and is an
// import (or another large change set) running?
import { Router } from 'express';
import { active } from '../changes';
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
    if (!up || !ready()) {
      res.status(503).set('Retry-After', '5').json({ status: up ? 'starting' : 'degraded', neo4j: up ? 'up' : 'down' });
      return;
    }
    // Written by any process (the CLI too): read from the change-set records, not from this process's memory.
    const running = await active(db).catch(() => []);
    const imp = running.find((c) => c.kind === 'import' || c.kind === 'seed') ?? running[0];
    res.json({ status: 'ok', neo4j: 'up', ...(imp ? { import: { id: imp.id, kind: imp.kind, state: imp.state, progress: imp.progress } } : {}) });
  });
  return r;
}
