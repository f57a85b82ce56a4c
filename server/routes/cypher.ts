// /api/cypher: the console — run one query under the console's walls, and list the ready-made questions.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { CypherRequest } from '../../model/schema';
import { DEFAULT_CYPHER_CONFIG, type CypherConfig } from '../config';
import { loadExamples } from '../cypher/examples';
import { runConsoleQuery } from '../cypher/run';
import type { Db } from '../db';
import { parseInput } from '../validate';

/** True when the request carries the configured admin token; hashes first so the comparison's time says nothing. */
function isAdmin(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const m = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
  if (!m) return false;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(m[1]), digest(token));
}

export function cypherRoutes(db: Db, cfg: CypherConfig = DEFAULT_CYPHER_CONFIG): Router {
  const r = Router();
  const examples = loadExamples();

  r.get('/cypher/examples', (_req, res) => {
    res.json({ examples });
  });

  r.post('/cypher', async (req, res) => {
    const { query, params } = parseInput(CypherRequest, req.body ?? {}, 'body');
    res.json(await runConsoleQuery(db, { query, params, admin: isAdmin(req, cfg.adminToken) }, cfg));
  });

  return r;
}
