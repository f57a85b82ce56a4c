// GET /api/health: is the API up, can it reach Neo4j, and is an import (or another large change set) running?
import { Router } from 'express';
import { active } from '../changes';
import type { Db } from '../db';

export function healthRoutes(db: Db): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    try {
      await db.ping();
    } catch {
      res.status(503).json({ status: 'degraded', neo4j: 'down' });
      return;
    }
    // Written by any process (the CLI too): read from the change-set records, not from this process's memory.
    const running = await active(db).catch(() => []);
    const imp = running.find((c) => c.kind === 'import' || c.kind === 'seed') ?? running[0];
    res.json({ status: 'ok', neo4j: 'up', ...(imp ? { import: { id: imp.id, kind: imp.kind, state: imp.state, progress: imp.progress } } : {}) });
  });
  return r;
}
