// /api/changes: the history of change sets (filter by actor, user, kind, date), and revert of one.
import { Router } from 'express';
import { ChangeSetIdParams, ChangesQuery } from '../../model/schema';
import { principal, requireRole } from '../auth';
import type { Db } from '../db';
import { listChanges, revertChangeSet } from '../edit/history';
import { parseInput } from '../validate';

export function changeRoutes(db: Db): Router {
  const r = Router();
  r.get('/changes', async (req, res) => {
    res.json(await listChanges(db, parseInput(ChangesQuery, req.query, 'query')));
  });
  r.post('/changes/:id/revert', requireRole('editor'), async (req, res) => {
    const { id } = parseInput(ChangeSetIdParams, req.params, 'params');
    res.json(await revertChangeSet(db, id, principal(res)));
  });
  return r;
}
