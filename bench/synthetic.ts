// Generates a synthetic ecosystem of a given size (deterministic), in the dataset format, for benchmarks.
import { ACTOR_KINDS, REL_TYPES, type Dataset } from '../model/schema';
import { rng } from '../model/rng';

/** Deterministic (model/rng.ts), so every run benchmarks the same graph. */
export { rng };

/** `actors` actors and about `edges` relationships; a few hubs (as in real ecosystems) get most ties. */
export function syntheticDataset(actors: number, edges: number, seed = 42): Dataset {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  // Preferential-ish endpoints: squaring the uniform draw favours low indices (the hubs).
  const end = () => Math.floor(rand() * rand() * actors);
  const ids = Array.from({ length: actors }, (_, i) => `actor-${i}`);
  const seen = new Set<string>();
  const relationships: Dataset['relationships'] = [];
  while (relationships.length < edges) {
    const s = end();
    const t = Math.floor(rand() * actors);
    const type = pick(REL_TYPES);
    const key = `${type}:${s}:${t}`;
    if (s === t || seen.has(key) || seen.has(`${type}:${t}:${s}`)) continue;
    seen.add(key);
    const year = 2010 + Math.floor(rand() * 15);
    relationships.push({
      type,
      source: ids[s],
      target: ids[t],
      status: 'effective',
      ...(type === 'FUNDS' && rand() < 0.7 ? { amount: Math.round(rand() * 1e6) } : {}),
      ...(rand() < 0.8 ? { date: `${year}-0${1 + Math.floor(rand() * 9)}` } : {}),
      evidence: [{ source: 'synthetic', excerpt: `${ids[s]} ${type} ${ids[t]}` }],
    });
  }
  return {
    sources: [{ id: 'synthetic', title: 'Synthetic benchmark graph', language: 'en' }],
    actors: ids.map((id, i) => ({ id, name: `Acteur ${i} ${pick(['Crédit', 'Région', 'Tech', 'Santé', 'Médias'])}`, aliases: [`A${i}`], kind: pick(ACTOR_KINDS) })),
    relationships,
  };
}
