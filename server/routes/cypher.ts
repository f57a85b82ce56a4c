// /api/cypher: the console — run one query under the console's walls, and list the ready-made questions.
import { Router } from 'express';
import { CypherRequest } from '../../model/schema';
import { hasAdminToken } from '../auth';
import { DEFAULT_CYPHER_CONFIG, type CypherConfig } from '../config';
import { loadExamples } from '../cypher/examples';
import { createGate } from '../cypher/gate';
import { runConsoleQuery } from '../cypher/run';
import type { Db } from '../db';
import { parseInput } from '../validate';

export function cypherRoutes(db: Db, cfg: CypherConfig = DEFAULT_CYPHER_CONFIG): Router {
  const r = Router();
  const examples = loadExamples();
  // A queued query waits at most as long as one query may run; past that the console is really busy.
  const gate = createGate({
    concurrency: cfg.concurrency ?? DEFAULT_CYPHER_CONFIG.concurrency!,
    queue: cfg.queue ?? DEFAULT_CYPHER_CONFIG.queue!,
    maxWaitMs: cfg.timeoutMs,
  });

  r.get('/cypher/examples', (_req, res) => {
    res.json({ examples });
  });

  r.post('/cypher', async (req, res) => {
    const { query, params } = parseInput(CypherRequest, req.body ?? {}, 'body');
    const admin = hasAdminToken(req, cfg.adminToken);
    res.json(await gate.run(() => runConsoleQuery(db, { query, params, admin, author: 'token' }, cfg)));
  });

  return r;
}
