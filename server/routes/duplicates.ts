// /api/duplicates: candidate pairs of actors that may be one, best first, and the judgements on them.
import { Router } from 'express';
import { DuplicatesQuery, JudgementRequest } from '../../model/schema';
import { principal, requireRole } from '../auth';
import type { Db } from '../db';
import { duplicatesJob, judge, listDuplicates, type DuplicatesOptions } from '../duplicates';
import { parseInput } from '../validate';

export function duplicateRoutes(db: Db, opts: DuplicatesOptions = {}): Router {
  const r = Router();
  const job = duplicatesJob(db, opts);

  r.get('/duplicates', async (req, res) => {
    res.json(await listDuplicates(db, parseInput(DuplicatesQuery, req.query, 'query'), job));
  });

  r.post('/duplicates/judgements', requireRole('editor'), async (req, res) => {
    const body = parseInput(JudgementRequest, req.body ?? {}, 'body');
    res.json({ judgement: await judge(db, body, principal(res).name) });
  });

  return r;
}
