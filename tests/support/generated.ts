// A generated ecosystem of a few thousand actors for the large-graph tests: every kind, type and status,
// dated and undated ties, known and unknown amounts, some isolated actors; deterministic.
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES } from '../../model/schema';
import { FIXTURE_SOURCE, type DatasetInput } from './fixtures';
// Deterministic: every run tests the same graph.
import { rng } from '../../model/rng';

/** `actors` actors (the last `isolated` of them without ties) and `ties` relationships, hubs at low indexes. */
export function generatedDataset(actors: number, ties: number, opts: { isolated?: number; seed?: number } = {}): DatasetInput {
  const rand = rng(opts.seed ?? 7);
  const linked = actors - (opts.isolated ?? 0);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const id = (i: number) => `g-${String(i).padStart(5, '0')}`;
  const seen = new Set<string>();
  const relationships: DatasetInput['relationships'] = [];
  while (relationships.length < ties) {
    const s = Math.floor(rand() * rand() * linked);
    const t = Math.floor(rand() * linked);
    const type = pick(REL_TYPES);
    const [a, b] = type === 'PARTNERS_WITH' && s > t ? [t, s] : [s, t];
    const key = `${type}:${a}:${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const dated = rand() < 0.8;
    const year = 2005 + Math.floor(rand() * 20);
    relationships.push({
      type,
      source: id(a),
      target: id(b),
      status: rand() < 0.6 ? 'effective' : pick(REL_STATUSES),
      ...(type === 'FUNDS' && rand() < 0.7 ? { amount: 1000 * (1 + Math.floor(rand() * 5000)) } : {}),
      ...(dated ? { date: rand() < 0.5 ? String(year) : `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}` } : {}),
      evidence: [{ source: FIXTURE_SOURCE.id, excerpt: `${id(a)} ${type} ${id(b)}` }],
    });
  }
  return {
    sources: [FIXTURE_SOURCE],
    actors: Array.from({ length: actors }, (_, i) => ({ id: id(i), name: `Acteur généré ${i}`, kind: ACTOR_KINDS[i % ACTOR_KINDS.length], aliases: [] })),
    relationships,
  };
}
