// From article to graph: POST /api/extract proposes actors and ties; POST /api/extract/:id/accept saves the
// reviewed selection as one change set. Nothing enters the graph before accept.
import crypto from 'node:crypto';
import { Router } from 'express';
import { AcceptRequest, ExtractRequest, ExtractResponse, type ActorKind, type ExtractSource, type ExtractTie } from '../../model/schema';
import { principal, requireRole } from '../auth';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { extract, type Extraction, type KnownActor } from '../extract';
import { acceptExtraction } from '../extract/accept';
import { readInput } from '../extract/input';
import { Q } from '../queries';
import { parseInput } from '../validate';

export interface ExtractRouteOptions {
  /** Time budget of one extraction (default 10 s). */
  timeoutMs?: number;
}

/** The signature a rejection is remembered by: type, ends and sentence, stable for one text. */
export function signature(t: Pick<ExtractTie, 'type' | 'from' | 'to' | 'start'>): string {
  const [a, b] = t.type === 'PARTNERS_WITH' ? [t.from, t.to].sort() : [t.from, t.to];
  return `${t.type}|${a}|${b}|${t.start}`;
}

export async function readGazetteer(db: Db): Promise<KnownActor[]> {
  const rows = await db.read(Q.extractGazetteer);
  return rows.map((r) => ({ id: r.id as string, name: r.name as string, aliases: (r.aliases as string[]) ?? [], kind: r.kind as ActorKind }));
}

/** Candidates for `text` with today's graph, less the rejected ones; ties the graph already holds are flagged. */
export async function candidates(db: Db, text: string, source: ExtractSource, rejected: string[], timeoutMs: number): Promise<Extraction> {
  const known = await readGazetteer(db);
  const ex = extract(text, { known, sourceDate: source.date, timeoutMs });
  const skip = new Set(rejected);
  ex.relationships = ex.relationships.filter((r) => !skip.has(signature(r)));
  const pairs = ex.relationships
    .filter((r) => r.from.startsWith('db:') && r.to.startsWith('db:'))
    .map((r) => ({ type: r.type, from: r.from.slice(3), to: r.to.slice(3) }));
  if (pairs.length) {
    const held = new Set((await db.read(Q.extractExistingTies, { pairs })).map((x) => `${x.type}|${x.from}|${x.to}`));
    for (const r of ex.relationships) if (held.has(`${r.type}|${r.from.slice(3)}|${r.to.slice(3)}`)) (r as ExtractTie).exists = true;
  }
  const used = new Set(ex.relationships.flatMap((r) => [r.from, r.to]));
  // Actors met only as generic phrases or anaphora stay out unless a tie uses them.
  ex.actors = ex.actors.filter((a) => used.has(a.key) || a.mentions.length);
  return ex;
}

export function extractRoutes(db: Db, opts: ExtractRouteOptions = {}): Router {
  const r = Router();
  const timeoutMs = opts.timeoutMs ?? 10_000;

  r.post('/extract', requireRole('editor'), async (req, res) => {
    const body = parseInput(ExtractRequest, req.body, 'body');
    const text = await readInput(body);
    const hash = crypto.createHash('sha256').update(text).digest('hex');
    // Extract before saving: a text that times out leaves nothing behind.
    const firstPass = await candidates(db, text, body.source, [], timeoutMs);
    const [row] = await db.write(Q.extractSave, {
      hash,
      id: `ex-${hash.slice(0, 16)}`,
      text,
      source: JSON.stringify(body.source),
      result: JSON.stringify(firstPass.relationships.map((t) => ({ id: t.id, sig: signature(t) }))),
      now: new Date().toISOString(),
    });
    const rejected = (row.rejected as string[]) ?? [];
    const skip = new Set(rejected);
    const relationships = firstPass.relationships.filter((t) => !skip.has(signature(t)));
    res.status(row.reused ? 200 : 201).json(response(row, body.source, text, { ...firstPass, relationships }, rejected.length));
  });

  r.get('/extract/:id', requireRole('editor'), async (req, res) => {
    const [row] = await db.read(Q.extractGet, { id: String(req.params.id) });
    if (!row) throw new NotFoundError('Extraction', String(req.params.id));
    const source = JSON.parse(row.source as string) as ExtractSource;
    const rejected = (row.rejected as string[]) ?? [];
    const ex = await candidates(db, row.text as string, source, rejected, timeoutMs);
    res.json(response({ ...row, reused: true }, source, row.text as string, ex, rejected.length));
  });

  r.post('/extract/:id/accept', requireRole('editor'), async (req, res) => {
    const body = parseInput(AcceptRequest, req.body, 'body');
    const out = await acceptExtraction(db, String(req.params.id), body, principal(res).name);
    res.status(out.changeSet ? 201 : 200).json(out);
  });

  return r;
}

function response(row: Record<string, unknown>, source: ExtractSource, text: string, ex: Extraction, rejected: number): ExtractResponse {
  return {
    id: row.id as string,
    reused: !!row.reused,
    createdAt: row.createdAt as string,
    source,
    text,
    actors: ex.actors,
    relationships: ex.relationships,
    rejected,
    ...(row.changeSet ? { accepted: { changeSet: row.changeSet as string, at: row.acceptedAt as string, source: row.sourceId as string } } : {}),
  };
}
