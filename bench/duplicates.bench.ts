// Duplicate candidates on 100,000 actors with 1,000 planted duplicates: time, candidates proposed, planted pairs found.
import { findCandidates, toForm, type ActorNames } from '../server/duplicates/candidates';
import { type Bench, time } from './run';
import { rng } from './synthetic';

const FIRST = ['Jean', 'Marie', 'Pierre', 'Sophie', 'Luc', 'Claire', 'Hugo', 'Léa', 'Éric', 'Anne', 'Paul', 'Julie', 'Marc', 'Inès', 'Yann', 'Chloé', 'Rémi', 'Zoé', 'Théo', 'Manon', 'Louis', 'Emma', 'Jules', 'Alice', 'Nathan', 'Camille', 'Adam', 'Sarah', 'Karim', 'Nadia'];
const SYLLABLES = ['ma', 'ri', 'bo', 'lan', 'ger', 'du', 'vin', 'cel', 'mor', 'tis', 'pa', 'ro', 'chel', 'bau', 'fon', 'ta', 'nel', 'gui', 'lo', 'mé', 'sar', 'det', 'quin', 'po', 'zu', 'ver', 'nac', 'ti', 'bre', 'sol'];
const WORDS = ['Association', 'Fondation', 'Institut', 'Centre', 'Pôle', 'Réseau', 'Collectif', 'Agence', 'Maison', 'Conseil', 'Club', 'Fonds', 'Comité', 'Forum'];
const TOPICS = ['du numérique', 'de l’innovation', 'des entrepreneurs', 'de la santé', 'du design', 'de l’énergie', 'des médias', 'de la mer', 'du tourisme', 'de la mode'];

/**
 * `n` actors with made-up but varied names (people, companies with legal forms, associations), distinct even
 * once folded and stripped of legal forms, plus `planted` copies changed the ways one name gets written twice.
 */
export function synthetic(n: number, planted: number, seed = 12): { actors: ActorNames[]; pairs: Set<string> } {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const word = (min: number, max: number) => {
    const k = min + Math.floor(rand() * (max - min + 1));
    const w = Array.from({ length: k }, () => pick(SYLLABLES)).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  const keys = new Set<string>();
  const actors: ActorNames[] = [];
  while (actors.length < n - planted) {
    const r = rand();
    const [name, kind] = r < 0.35
      ? [`${pick(FIRST)} ${word(2, 3)}`, 'person' as const]
      : r < 0.75
        ? [`${word(2, 4)}${rand() < 0.3 ? ` ${word(1, 2)}` : ''} ${pick(['SAS', 'SARL', 'SA', '', ''])}`.trim(), 'company' as const]
        : [`${pick(WORDS)} ${pick(TOPICS)} ${word(2, 3)}`, 'association' as const];
    const key = toForm(name).compact;
    if (keys.has(key)) continue;
    keys.add(key);
    actors.push({ id: `x-${actors.length}`, name, aliases: [], kind });
  }
  // Planted duplicates: a copy of a random actor, changed the ways people write one name twice.
  const pairs = new Set<string>();
  for (let i = 0; i < planted; i++) {
    const src = actors[Math.floor(rand() * (n - planted))];
    const id = `dup-${i}`;
    const way = i % 4;
    const name = way === 0 ? `Association ${src.name}`
      : way === 1 ? src.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
        : way === 2 ? src.name.slice(0, 3) + src.name.slice(4)
          : src.name.split(' ').reverse().join(' ');
    actors.push({ id, name, aliases: [], kind: src.kind });
    pairs.add([src.id, id].sort().join('|'));
  }
  return { actors, pairs };
}

const bench: Bench = {
  name: 'duplicate candidates (findCandidates, no database)',
  async run() {
    for (const n of [10_000, 100_000]) {
      const { actors, pairs } = synthetic(n, n / 100);
      let found: ReturnType<typeof findCandidates> = [];
      await time(`findCandidates on ${n.toLocaleString('en')} actors`, 3, async () => { found = findCandidates(actors); });
      const hit = found.filter((c) => pairs.has(`${c.a}|${c.b}`)).length;
      console.log(`    ${found.length} candidates at score ≥ 0.45; planted pairs found: ${hit} / ${pairs.size}; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    }
  },
};
export default bench;
