// Scores extracted candidates against a hand-made dataset: actor recall, relationship recall and precision.
import { fold } from '../../model/text';
import type { Dataset } from '../../model/schema';
import type { Extraction } from '../../server/extract';
import { sentences } from '../../server/extract/segment';

export interface Scores {
  actors: { gold: number; found: number };
  relationships: { gold: number; found: number; candidates: number; correct: number; sameTie: number };
  missedActors: string[];
  missedRelationships: string[];
  wrong: string[];
  /** Per rule: candidates and correct ones. */
  rules: Record<string, { candidates: number; correct: number }>;
  foundRelIds: Set<string>;
  foundActorIds: Set<string>;
}

/** Names compared as search compares them, without determiners or an editor's parenthesis ("(non nommé)"). */
export function nameKey(s: string): string {
  return fold(s.replace(/\s*\([^)]*\)\s*$/u, '').replace(/^(?:les?|la|l['’]|une?|des|du)\s+/iu, '').replace(/^l['’]/iu, ''));
}

const relKey = (r: Dataset['relationships'][number]) => r.id ?? `${r.type}:${r.source}:${r.target}`;

/** Where an excerpt sits in the article: exact, then with quotes, apostrophes and spaces normalised. */
export function locate(text: string, excerpt: string): [number, number] | undefined {
  const i = text.indexOf(excerpt);
  if (i >= 0) return [i, i + excerpt.length];
  const norm = (s: string) => s.replace(/[’ʼ‘]/g, "'").replace(/[“”«»]/g, '"').replace(/[\u00a0\u202f]/g, ' ');
  const nt = norm(text).replace(/\s/g, ' ');
  const ne = norm(excerpt).replace(/\s+/g, ' ').trim();
  const j = nt.indexOf(ne);
  if (j >= 0) return [j, j + ne.length];
  // Spaces collapsed: walk both strings ignoring whitespace.
  const squash = (s: string) => s.replace(/\s+/g, '');
  const st = squash(nt);
  const k = st.indexOf(squash(ne));
  if (k < 0) return undefined;
  let seen = 0;
  let start = -1;
  for (let p = 0; p < nt.length; p++) {
    if (/\s/.test(nt[p])) continue;
    if (seen === k) start = p;
    seen++;
    if (seen === k + squash(ne).length) return [start, p + 1];
  }
  return undefined;
}

/** Scores one article's extraction against the dataset's relationships evidenced by `sourceId`. */
export function scoreArticle(gold: Dataset, sourceId: string, text: string, ex: Extraction): Scores {
  const goldRels = gold.relationships.filter((r) => r.evidence.some((e) => e.source === sourceId));
  const goldActorIds = new Set(goldRels.flatMap((r) => [r.source, r.target]));
  const actorsById = new Map(gold.actors.map((a) => [a.id, a]));
  const formsOf = (id: string) => {
    const a = actorsById.get(id);
    return new Set(a ? [a.name, ...a.aliases].map(nameKey) : [id]);
  };
  // Which gold actors each candidate actor is.
  const candIs = new Map<string, Set<string>>();
  for (const c of ex.actors) {
    const forms = new Set([c.name, ...c.aliases].map(nameKey));
    const ids = new Set<string>();
    if (c.existing) ids.add(c.existing.id);
    else for (const a of gold.actors) if ([...formsOf(a.id)].some((f) => forms.has(f))) ids.add(a.id);
    candIs.set(c.key, ids);
  }
  const foundActorIds = new Set([...goldActorIds].filter((id) => [...candIs.values()].some((s) => s.has(id))));

  const sents = sentences(text);
  const spansOf = (r: (typeof goldRels)[number]) =>
    r.evidence
      .filter((e) => e.source === sourceId)
      .map((e) => locate(text, e.excerpt))
      .filter((x): x is [number, number] => !!x)
      .map(([a, b]) => {
        // Widened to the sentences the excerpt lies in.
        const over = sents.filter((s) => s.start < b && s.end > a);
        return over.length ? ([over[0].start, over[over.length - 1].end] as [number, number]) : ([a, b] as [number, number]);
      });
  const goldSpans = new Map(goldRels.map((r) => [relKey(r), spansOf(r)]));
  const matches = (c: Extraction['relationships'][number], r: (typeof goldRels)[number]) => {
    if (c.type !== r.type) return false;
    const f = candIs.get(c.from) ?? new Set();
    const t = candIs.get(c.to) ?? new Set();
    const ends = (f.has(r.source) && t.has(r.target)) || (r.type === 'PARTNERS_WITH' && f.has(r.target) && t.has(r.source));
    if (!ends) return false;
    return goldSpans.get(relKey(r))!.some(([a, b]) => c.start < b && c.end > a);
  };
  const foundRelIds = new Set<string>();
  const rules: Scores['rules'] = {};
  const wrong: string[] = [];
  let correct = 0;
  // Lenient: the candidate is a seed tie of this article (type and ends) read from another sentence of it.
  let sameTie = 0;
  const nameOf = new Map(ex.actors.map((a) => [a.key, a.name]));
  for (const c of ex.relationships) {
    const hit = goldRels.filter((r) => matches(c, r));
    rules[c.rule] = rules[c.rule] ?? { candidates: 0, correct: 0 };
    rules[c.rule].candidates++;
    const f = candIs.get(c.from) ?? new Set();
    const t = candIs.get(c.to) ?? new Set();
    if (goldRels.some((r) => r.type === c.type && ((f.has(r.source) && t.has(r.target)) || (r.type === 'PARTNERS_WITH' && f.has(r.target) && t.has(r.source))))) sameTie++;
    if (hit.length) {
      correct++;
      rules[c.rule].correct++;
      for (const r of hit) foundRelIds.add(relKey(r));
    } else wrong.push(`${c.type} ${nameOf.get(c.from)} → ${nameOf.get(c.to)} [${c.rule} ${c.confidence}] « ${c.sentence.slice(0, 110)} »`);
  }
  const unlocated = goldRels.filter((r) => !goldSpans.get(relKey(r))!.length).map(relKey);
  if (unlocated.length) throw new Error(`${sourceId}: excerpts not found in the article for ${unlocated.join(', ')}`);
  return {
    actors: { gold: goldActorIds.size, found: foundActorIds.size },
    relationships: { gold: goldRels.length, found: foundRelIds.size, candidates: ex.relationships.length, correct, sameTie },
    missedActors: [...goldActorIds].filter((id) => !foundActorIds.has(id)),
    missedRelationships: goldRels.filter((r) => !foundRelIds.has(relKey(r))).map(relKey),
    wrong,
    rules,
    foundRelIds,
    foundActorIds,
  };
}

/** The dataset's actors that the other articles' relationships name: what the graph holds in leave-one-out. */
export function knownFromOthers(gold: Dataset, sourceId: string): Dataset['actors'] {
  const others = gold.relationships.filter((r) => r.evidence.some((e) => e.source !== sourceId));
  const ids = new Set(others.flatMap((r) => [r.source, r.target]));
  return gold.actors.filter((a) => ids.has(a.id));
}
