// Writes to actors and relationships, each one change set with a source or a reason (editor role):
// POST/PATCH/DELETE /api/actors[/:id], POST /api/actors/:id/merge, POST/PATCH/DELETE /api/relationships[/:id],
// POST /api/relationships/:id/evidence, DELETE /api/relationships/:id/evidence/:index.
import { Router } from 'express';
import {
  ActorCreateRequest,
  ActorIdParams,
  ActorPatchRequest,
  DeleteRequest,
  EvidenceIndexParams,
  EvidenceRequest,
  MergeRequest,
  RelationshipCreateRequest,
  RelationshipIdParams,
  RelationshipPatchRequest,
  RelationshipTypeQuery,
} from '../../model/schema';
import { principal, requireRole } from '../auth';
import type { Db } from '../db';
import { createActor, deleteActor, mergeActors, updateActor } from '../edit/actors';
import { addEvidence, createRelationship, deleteRelationship, removeEvidence, updateRelationship } from '../edit/relationships';
import { parseInput } from '../validate';

export function editRoutes(db: Db): Router {
  const r = Router();
  const editor = requireRole('editor');
  const author = (res: Parameters<typeof principal>[0]) => principal(res).name;

  r.post('/actors', editor, async (req, res) => {
    res.status(201).json(await createActor(db, parseInput(ActorCreateRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.patch('/actors/:id', editor, async (req, res) => {
    const { id } = parseInput(ActorIdParams, req.params, 'params');
    res.json(await updateActor(db, id, parseInput(ActorPatchRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.delete('/actors/:id', editor, async (req, res) => {
    const { id } = parseInput(ActorIdParams, req.params, 'params');
    res.json(await deleteActor(db, id, parseInput(DeleteRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.post('/actors/:id/merge', editor, async (req, res) => {
    const { id } = parseInput(ActorIdParams, req.params, 'params');
    res.json(await mergeActors(db, id, parseInput(MergeRequest, req.body ?? {}, 'body'), author(res)));
  });

  r.post('/relationships', editor, async (req, res) => {
    res.status(201).json(await createRelationship(db, parseInput(RelationshipCreateRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.patch('/relationships/:id', editor, async (req, res) => {
    const { id } = parseInput(RelationshipIdParams, req.params, 'params');
    const { type } = parseInput(RelationshipTypeQuery, req.query, 'query');
    res.json(await updateRelationship(db, id, type, parseInput(RelationshipPatchRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.delete('/relationships/:id', editor, async (req, res) => {
    const { id } = parseInput(RelationshipIdParams, req.params, 'params');
    const { type } = parseInput(RelationshipTypeQuery, req.query, 'query');
    res.json(await deleteRelationship(db, id, type, parseInput(DeleteRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.post('/relationships/:id/evidence', editor, async (req, res) => {
    const { id } = parseInput(RelationshipIdParams, req.params, 'params');
    const { type } = parseInput(RelationshipTypeQuery, req.query, 'query');
    res.status(201).json(await addEvidence(db, id, type, parseInput(EvidenceRequest, req.body ?? {}, 'body'), author(res)));
  });
  r.delete('/relationships/:id/evidence/:index', editor, async (req, res) => {
    const { id, index } = parseInput(EvidenceIndexParams, req.params, 'params');
    const { type } = parseInput(RelationshipTypeQuery, req.query, 'query');
    res.json(await removeEvidence(db, id, type, index, parseInput(DeleteRequest, req.body ?? {}, 'body'), author(res)));
  });
  return r;
}
