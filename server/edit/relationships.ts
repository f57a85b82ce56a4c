// Editing ties through change sets: create (with its evidence), change, delete, add or remove evidence; conflicting
// amounts and dates from different sources are kept as claims.
import {
  SYMMETRIC_TYPES,
  type EditResult,
  type EvidenceRequest,
  type RelationshipCreateRequest,
  type RelationshipPatchRequest,
  type RelationshipRecord,
  type DeleteRequest,
} from '../../model/schema';
import type { WriteBatch } from '../changes';
import { relationshipId } from '../dataset';
import type { Db } from '../db';
import { ConflictError, LastEvidenceError, NotFoundError, ValidationError } from '../errors';
import { toEdge } from '../graph-mapper';
import { toStored } from '../changes/records';
import { Q } from '../queries';
import { addStatement, claimsOf, dropSource, withClaims } from './claims';
import { checkVersion, readRelationship, resolveProvenance, resolveSource, runEdit, storedVersion, type Resolved } from './common';

/** Symmetric ties are stored once, ends in id order (as the loader does). */
function canonical<T extends { type: string; source: string; target: string }>(r: T): T {
  return SYMMETRIC_TYPES.has(r.type as never) && r.source > r.target ? { ...r, source: r.target, target: r.source } : r;
}

async function checkEnds(db: Db, ends: { source: string; target: string }, field: string): Promise<void> {
  const [row] = await db.read(Q.existingActors, { ids: [ends.source, ends.target] });
  const have = new Set((row?.ids as string[] | undefined) ?? []);
  const issues = (['source', 'target'] as const).filter((k) => !have.has(ends[k])).map((k) => ({ field: `${field}.${k}`, message: `unknown actor "${ends[k]}"` }));
  if (issues.length) throw new ValidationError(issues);
}

/** An id for a new tie: TYPE:source:target, or with a suffix when that pair already has one of this type. */
async function newRelId(db: Db, r: { type: string; source: string; target: string }): Promise<string> {
  const base = relationshipId(r as never);
  for (let i = 1; i <= 50; i++) {
    const id = i === 1 ? base : `${base}:${i}`;
    if (!(await readRelationship(db, id, r.type))) return id;
  }
  throw new ConflictError(`too many ties of type ${r.type} between ${r.source} and ${r.target}`);
}

const result = (cs: string, r: RelationshipRecord, extra: Partial<EditResult> = {}): EditResult => ({
  changeSet: cs,
  version: storedVersion('relationship', r),
  relationship: toEdge({ type: r.type, source: r.source, target: r.target, props: toStored('relationship', r, cs) }),
  ...extra,
});

export async function createRelationship(db: Db, req: RelationshipCreateRequest, author: string): Promise<EditResult> {
  const r = canonical(req.relationship);
  await checkEnds(db, r, 'body.relationship');
  const src = await resolveSource(db, req.provenance.source, 'body.provenance.source');
  const prov: Resolved = { sourceId: src.id, create: src.create, excerpt: req.provenance.excerpt, reason: req.provenance.reason, summary: { source: { id: src.id, title: src.title }, excerpt: req.provenance.excerpt } };
  const record: RelationshipRecord = { ...r, id: await newRelId(db, r), evidence: [{ source: src.id, excerpt: req.provenance.excerpt }] };
  const { changeSet } = await runEdit(db, { author, action: 'relationship.create', prov, summary: { relationship: record.id, from: record.source, to: record.target, type: record.type } }, { relationships: { create: [record] } }, { entity: 'relationship', id: record.id, yours: req });
  return result(changeSet, record);
}

async function mustRead(db: Db, id: string, type?: string) {
  const cur = await readRelationship(db, id, type);
  if (!cur) throw new NotFoundError('Relationship', id);
  return cur;
}

/**
 * Changes a tie. With a source, the source becomes evidence (its excerpt is required) and a changed amount or
 * date that the tie's own sources do not state is added as a conflicting claim; with only a reason, it is a
 * correction and overwrites. A new type or new ends give a new id (the old tie is deleted in the same change set).
 */
export async function updateRelationship(db: Db, id: string, type: string | undefined, req: RelationshipPatchRequest, author: string): Promise<EditResult> {
  const cur = await mustRead(db, id, type);
  await checkVersion(db, 'relationship', id, cur, req.version, req.changes);
  const prov = await resolveProvenance(db, req.provenance);
  if (prov.sourceId && !prov.excerpt) throw new ValidationError([{ field: 'body.provenance.excerpt', message: 'a source added to a relationship needs the excerpt that states it' }]);
  const c = req.changes;
  let next: RelationshipRecord = { ...cur.record };
  for (const k of ['status'] as const) if (c[k] !== undefined) next[k] = c[k];
  for (const k of ['role', 'note'] as const) {
    if (c[k] === null) delete next[k];
    else if (c[k] !== undefined) next[k] = c[k];
  }
  let claimAdded = false;
  const valueChange = (c.amount !== undefined && c.amount !== cur.record.amount) || (c.date !== undefined && c.date !== cur.record.date);
  const citedBefore = cur.record.evidence.some((e) => e.source === prov.sourceId);
  if (prov.sourceId && valueChange && !citedBefore && c.amount !== null && c.date !== null) {
    // Another source says otherwise: a claim beside the others, not an overwrite.
    const s = addStatement(next, { evidence: { source: prov.sourceId, excerpt: prov.excerpt! }, amount: c.amount ?? undefined, date: c.date ?? undefined });
    next = s.record;
    claimAdded = s.claimAdded;
  } else {
    if (prov.sourceId) next = addStatement(next, { evidence: { source: prov.sourceId, excerpt: prov.excerpt! } }).record;
    if (c.amount !== undefined || c.date !== undefined) {
      // A correction: the first claim (the tie's own values) changes.
      const claims = claimsOf(next);
      if (c.amount === null) delete claims[0].amount;
      else if (c.amount !== undefined) claims[0].amount = c.amount;
      if (c.date === null) delete claims[0].date;
      else if (c.date !== undefined) claims[0].date = c.date;
      next = withClaims(next, claims);
    }
  }
  const moved = canonical({ ...next, type: c.type ?? next.type, source: c.source ?? next.source, target: c.target ?? next.target });
  if (moved.source === moved.target) throw new ValidationError([{ field: 'body.changes.target', message: 'an actor cannot be related to itself' }]);
  const batch: WriteBatch = {};
  const reshaped = moved.type !== cur.record.type || moved.source !== cur.record.source || moved.target !== cur.record.target;
  if (reshaped) await checkEnds(db, moved, 'body.changes');
  if (moved.type !== cur.record.type || (reshaped && id === relationshipId(cur.record as never))) {
    // A natural id (TYPE:source:target) follows the tie; the old one is deleted in the same change set.
    next = { ...moved, id: await newRelId(db, moved) };
    batch.relationships = { delete: [cur.record], create: [next] };
  } else {
    next = moved;
    batch.relationships = { update: [{ before: cur.record, after: next }] };
  }
  const { changeSet } = await runEdit(db, { author, action: 'relationship.update', prov, summary: { relationship: id, from: next.source, to: next.target, type: next.type, claimAdded } }, batch, { entity: 'relationship', id, yours: req.changes });
  return result(changeSet, next, { claimAdded });
}

export async function deleteRelationship(db: Db, id: string, type: string | undefined, req: DeleteRequest, author: string): Promise<EditResult> {
  const cur = await mustRead(db, id, type);
  await checkVersion(db, 'relationship', id, cur, req.version, { delete: true });
  const prov = await resolveProvenance(db, req.provenance);
  const { changeSet } = await runEdit(db, { author, action: 'relationship.delete', prov, summary: { relationship: id, from: cur.record.source, to: cur.record.target, type: cur.record.type } }, { relationships: { delete: [cur.record] } }, { entity: 'relationship', id, yours: { delete: true } });
  return { changeSet };
}

/** POST /api/relationships/:id/evidence: one more source for a tie; a differing amount or date becomes a claim. */
export async function addEvidence(db: Db, id: string, type: string | undefined, req: EvidenceRequest, author: string): Promise<EditResult> {
  const cur = await mustRead(db, id, type);
  await checkVersion(db, 'relationship', id, cur, req.version, req);
  const src = await resolveSource(db, req.source, 'body.source');
  const prov: Resolved = { sourceId: src.id, create: src.create, excerpt: req.excerpt, summary: { source: { id: src.id, title: src.title }, excerpt: req.excerpt } };
  const { record, claimAdded } = addStatement(cur.record, { evidence: { source: src.id, excerpt: req.excerpt }, amount: req.amount, date: req.date });
  const { changeSet } = await runEdit(db, { author, action: 'relationship.evidence', prov, summary: { relationship: id, from: record.source, to: record.target, type: record.type, claimAdded } }, { relationships: { update: [{ before: cur.record, after: record }] } }, { entity: 'relationship', id, yours: req });
  return result(changeSet, record, { claimAdded });
}

/**
 * DELETE /api/relationships/:id/evidence/:index: one piece of evidence off a tie, with a source or a reason.
 * Refused for the last one (every edge stays sourced). A source the tie no longer cites leaves the claims it
 * was alone to state (the tie's amount and date then come from the claim that remains first).
 */
export async function removeEvidence(db: Db, id: string, type: string | undefined, index: number, req: DeleteRequest, author: string): Promise<EditResult> {
  const cur = await mustRead(db, id, type);
  await checkVersion(db, 'relationship', id, cur, req.version, { removeEvidence: index });
  const evidence = cur.record.evidence;
  const removed = evidence[index];
  if (!removed) throw new NotFoundError('Evidence', `${id}/evidence/${index}`);
  if (evidence.length === 1) throw new LastEvidenceError(id);
  const prov = await resolveProvenance(db, req.provenance);
  let next: RelationshipRecord = { ...cur.record, evidence: evidence.filter((_, i) => i !== index) };
  if (!next.evidence.some((e) => e.source === removed.source)) next = dropSource(next, removed.source);
  const { changeSet } = await runEdit(
    db,
    { author, action: 'relationship.evidence.remove', prov, summary: { relationship: id, from: next.source, to: next.target, type: next.type, removed } },
    { relationships: { update: [{ before: cur.record, after: next }] } },
    { entity: 'relationship', id, yours: { removeEvidence: index } },
  );
  return result(changeSet, next);
}
