// New actors whose names resemble a stored actor's or another new one's ("BPI France" beside "Bpifrance"): a
// warning on their line, found by the duplicates panel's blocking and scoring (server/duplicates/candidates.ts).
import type { Actor } from '../../model/schema';
import { findSimilar, scorePair, withForms, type ActorNames } from '../duplicates/candidates';
import type { Db } from '../db';
import { Q } from '../queries';
import { issue, shorten } from './read/issues';
import type { ImportIssue, Loc } from './read/types';
import type { DbIndex } from './resolve';

/**
 * A pair scoring this much is worth a warning: same words, a sigle, a close spelling. A name contained in
 * another (0.5, "French Tech" in "French Tech Côte d'Azur") is left to the duplicates panel: in a file of an
 * ecosystem such pairs are often two actors, and a warning on each would bury the others.
 */
export const SIMILAR_MIN_SCORE = 0.6;
/** The stored actors' kinds are read only for the pairs found: until then they may lower a score by this much. */
const KIND_MARGIN = 0.15;

/** A new actor and where the import names it first. */
export type NewActor = Pick<Actor, 'id' | 'name' | 'aliases' | 'kind'> & { loc: Loc; fromRef: boolean };

/** A warning for each new actor that resembles a stored actor, or a new one named before it. */
export async function similarActorIssues(db: Db, fresh: NewActor[], index: DbIndex): Promise<ImportIssue[]> {
  if (!fresh.length) return [];
  // The stored actors by their search keys (folded names and aliases): their names and kinds are read below,
  // for the few found alike.
  const keysOf = new Map<string, string[]>();
  for (const [key, ids] of index.actorKeys) {
    for (const id of ids) {
      const l = keysOf.get(id);
      if (l) l.push(key);
      else keysOf.set(id, [key]);
    }
  }
  const known: ActorNames[] = [];
  for (const [id, keys] of keysOf) known.push({ id, name: keys[0], aliases: keys.slice(1), kind: 'company' });
  const found = findSimilar(fresh, known, { minScore: SIMILAR_MIN_SCORE - KIND_MARGIN });
  if (!found.length) return [];

  const storedIds = [...new Set(found.filter((s) => s.known).map((s) => known[s.other].id))];
  const stored = new Map<string, Actor>();
  for (let i = 0; i < storedIds.length; i += 10_000) {
    for (const r of await db.read(Q.csActorFind, { ids: storedIds.slice(i, i + 10_000), full: true })) {
      const p = r.props as Actor;
      stored.set(p.id, { ...p, aliases: p.aliases ?? [] });
    }
  }
  const out: ImportIssue[] = [];
  for (const s of found) {
    const a = fresh[s.fresh];
    const field = a.fromRef ? undefined : 'name';
    if (s.known) {
      const b = stored.get(known[s.other].id);
      if (!b) continue;
      const again = scorePair(withForms(a), withForms(b));
      if (!again || again.score < SIMILAR_MIN_SCORE) continue;
      out.push(issue(a.loc, 'actor-similar', `« ${shorten(a.name)} » ressemble à l'acteur existant « ${shorten(b.name)} » (${b.id}) : vérifiez qu'il ne s'agit pas du même (si c'est lui, écrivez « ${shorten(b.name)} » ou son identifiant)`, { field, severity: 'warning' }));
    } else {
      if (s.score < SIMILAR_MIN_SCORE) continue;
      const b = fresh[s.other];
      const where = b.loc.file === a.loc.file ? `ligne ${b.loc.line}` : `${b.loc.file}, ligne ${b.loc.line}`;
      out.push(issue(a.loc, 'actor-similar', `« ${shorten(a.name)} » ressemble à « ${shorten(b.name)} » (${where}), nouveau lui aussi : vérifiez qu'il ne s'agit pas du même acteur écrit deux fois`, { field, severity: 'warning' }));
    }
  }
  return out;
}
