// Saves a reviewed extraction in one change set (kind `extract`): the source, the accepted actors (new or
// linked) and ties with their excerpts verbatim from the text; rejected candidates are remembered.
import type { AcceptRequest, AcceptResponse, Actor, ExtractSource, RelationshipRecord, Source } from '../../model/schema';
import { fold } from '../../model/text';
import { fromStored, runChangeSet, type WriteBatch } from '../changes';
import type { Db } from '../db';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { Q } from '../queries';

const EXCERPT_MAX = 600;

/** A lowercase ASCII slug from a name: "Région Occitanie" → "region-occitanie". */
export function slugify(s: string, max = 60): string {
  const f = fold(s).replace(/ /g, '-').slice(0, max).replace(/-+$/g, '');
  return f || 'x';
}

/** The first of base, base-2, base-3… that is neither taken in the graph nor already handed out. */
async function freeIds(db: Db, bases: string[], kind: 'actor' | 'source'): Promise<string[]> {
  const tries = bases.flatMap((b) => [b, ...Array.from({ length: 20 }, (_, i) => `${b}-${i + 2}`)]);
  const [row] = await db.read(Q.extractTakenIds, kind === 'actor' ? { actorIds: tries, sourceIds: [] } : { actorIds: [], sourceIds: tries });
  const taken = new Set<string>((row?.[kind === 'actor' ? 'actors' : 'sources'] as string[]) ?? []);
  return bases.map((b) => {
    const id = [b, ...Array.from({ length: 20 }, (_, i) => `${b}-${i + 2}`)].find((x) => !taken.has(x));
    if (!id) throw new ValidationError([{ field: 'actors', message: `no free id for "${b}"` }]);
    taken.add(id);
    return id;
  });
}

export async function acceptExtraction(db: Db, extractionId: string, req: AcceptRequest, author: string): Promise<AcceptResponse> {
  const [row] = await db.read(Q.extractGet, { id: extractionId });
  if (!row) throw new NotFoundError('Extraction', extractionId);
  const text = row.text as string;
  const meta = JSON.parse(row.source as string) as ExtractSource;
  const proposed = new Map((JSON.parse((row.result as string) ?? '[]') as { id: string; sig: string }[]).map((c) => [c.id, c.sig]));
  const issues: FieldIssue[] = [];

  // Actors: links must name actors of the graph; creations get fresh ids.
  const linkIds = req.actors.flatMap((a) => (a.action === 'link' ? [a.id] : []));
  const refIds = req.relationships.flatMap((t) => [t.from, t.to]).filter((k) => k.startsWith('db:')).map((k) => k.slice(3));
  const [known] = await db.read(Q.extractTakenIds, { actorIds: [...new Set([...linkIds, ...refIds])], sourceIds: [] });
  const existing = new Set<string>((known?.actors as string[]) ?? []);
  req.actors.forEach((a, i) => {
    if (a.action === 'link' && !existing.has(a.id)) issues.push({ field: `actors.${i}.id`, message: `no actor "${a.id}" in the graph` });
  });
  const creations = req.actors.filter((a) => a.action === 'create');
  const newIds = await freeIds(db, creations.map((a) => slugify(a.name)), 'actor');
  const idOfKey = new Map<string, string>();
  const createdActors: Actor[] = [];
  creations.forEach((a, i) => {
    if (a.action !== 'create') return;
    idOfKey.set(a.key, newIds[i]);
    const aliases = [...new Set(a.aliases.filter((x) => fold(x) !== fold(a.name)))];
    createdActors.push({ id: newIds[i], name: a.name, aliases, kind: a.kind });
  });
  for (const a of req.actors) if (a.action === 'link') idOfKey.set(a.key, a.id);
  const resolve = (key: string, field: string): string | undefined => {
    const id = idOfKey.get(key) ?? (key.startsWith('db:') && existing.has(key.slice(3)) ? key.slice(3) : undefined);
    if (!id) issues.push({ field, message: `actor "${key}" is neither in the graph nor linked or created in "actors"` });
    return id;
  };

  // The source: made once per extraction, reused by a later accept of the same text.
  const [sourceId] = row.sourceId ? [row.sourceId as string] : await freeIds(db, [slugify(`${meta.title}${meta.date ? ` ${meta.date}` : ''}`, 70)], 'source');
  const source: Source = { id: sourceId, title: meta.title, language: 'fr', ...(meta.publisher ? { publisher: meta.publisher } : {}), ...(meta.date ? { date: meta.date } : {}), ...(meta.url ? { url: meta.url } : {}) };

  // Ties: the excerpt is the text between the offsets, verbatim.
  const ties = new Map<string, RelationshipRecord>();
  req.relationships.forEach((t, i) => {
    const from = resolve(t.from, `relationships.${i}.from`);
    const to = resolve(t.to, `relationships.${i}.to`);
    if (t.end > text.length) issues.push({ field: `relationships.${i}.end`, message: `past the end of the text (${text.length} characters)` });
    const excerpt = text.slice(t.start, t.end).trim();
    if (!excerpt) issues.push({ field: `relationships.${i}.start`, message: 'the excerpt is empty' });
    if (excerpt.length > EXCERPT_MAX) issues.push({ field: `relationships.${i}.end`, message: `the excerpt has ${excerpt.length} characters, at most ${EXCERPT_MAX}: narrow it to the words that state the tie` });
    if (t.candidate && !proposed.has(t.candidate)) issues.push({ field: `relationships.${i}.candidate`, message: `no candidate "${t.candidate}" in this extraction` });
    if (!from || !to || from === to) {
      if (from && from === to) issues.push({ field: `relationships.${i}.to`, message: 'a tie joins two different actors' });
      return;
    }
    const id = `${t.type}:${from}:${to}`;
    const prev = ties.get(id);
    const evidence = { source: sourceId, excerpt };
    if (prev) {
      if (!prev.evidence.some((e) => e.excerpt === excerpt)) prev.evidence.push(evidence);
      return;
    }
    ties.set(id, { id, type: t.type, source: from, target: to, status: t.status, ...(t.amount ? { amount: t.amount } : {}), ...(t.date ? { date: t.date } : {}), evidence: [evidence] });
  });
  const rejectedSigs = req.rejected.map((c, i) => {
    const sig = proposed.get(c);
    if (!sig) issues.push({ field: `rejected.${i}`, message: `no candidate "${c}" in this extraction` });
    return sig ?? '';
  });
  if (issues.length) throw new ValidationError(issues);

  // A tie the graph already holds (same type and ends, either way for partners) gets this evidence added.
  const pairs = [...ties.values()].map((t) => ({ type: t.type, from: t.source, to: t.target }));
  const held = pairs.length ? await db.read(Q.extractExistingTies, { pairs }) : [];
  const updates: { before: RelationshipRecord; after: RelationshipRecord }[] = [];
  for (const h of held) {
    const key = `${h.type}:${h.from}:${h.to}`;
    const mine = ties.get(key);
    if (!mine) continue;
    ties.delete(key);
    const before = fromStored('relationship', { props: h.props as Record<string, unknown>, type: h.type as string, source: h.source as string, target: h.target as string }) as RelationshipRecord;
    if (updates.some((u) => u.before.id === before.id)) continue;
    const add = mine.evidence.filter((e) => !before.evidence.some((b) => b.source === e.source && b.excerpt === e.excerpt));
    if (add.length) updates.push({ before, after: { ...before, evidence: [...before.evidence, ...add] } });
  }

  const rejected = rejectedSigs.filter(Boolean);
  if (!ties.size && !updates.length && !createdActors.length) {
    // Only rejections: remembered, nothing written to the graph.
    await db.write(Q.extractRejectOnly, { id: extractionId, rejected });
    return { ...(row.sourceId ? { source: row.sourceId as string } : {}), actors: { created: [], linked: [] }, relationships: { created: [], updated: [] }, rejected: rejected.length };
  }
  const batch: WriteBatch = {
    ...(row.sourceId ? {} : { sources: { create: [source] } }),
    actors: { create: createdActors },
    relationships: { create: [...ties.values()], update: updates },
  };
  const cs = await runChangeSet(db, { kind: 'extract', author, summary: { extraction: extractionId, source: sourceId, title: meta.title, actors: createdActors.length, relationships: ties.size, updated: updates.length } }, [batch]);
  await db.write(Q.extractRecordAccept, { id: extractionId, rejected, changeSet: cs.id, now: new Date().toISOString(), sourceId });
  return {
    changeSet: cs.id,
    source: sourceId,
    actors: { created: createdActors.map((a) => a.id), linked: req.actors.flatMap((a) => (a.action === 'link' ? [a.id] : [])) },
    relationships: { created: [...ties.keys()], updated: updates.map((u) => u.before.id) },
    rejected: rejected.length,
  };
}
