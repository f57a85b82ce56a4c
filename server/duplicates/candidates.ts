// Duplicate candidates among actors, without comparing all pairs: blocking keys propose pairs, a scorer says why.
import { distance } from 'fastest-levenshtein';
import type { ActorKind } from '../../model/schema';
import { fold } from '../../model/text';

export interface ActorNames {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
}

export type ReasonCode = 'same-name' | 'same-words' | 'acronym' | 'close-spelling' | 'contained' | 'kind-differs' | 'linked';

export interface Reason {
  code: ReasonCode;
  /** French, for the review screen: which names matched and how. */
  text: string;
}

export interface Candidate {
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
}

/** Words that say nothing about who an actor is: articles, and legal forms (SAS, SARL, association…). */
const STOPWORDS = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'et', 'en', 'au', 'aux', 'a', 'un', 'une', 'the', 'of', 'and', 'for', 'sur']);
export const LEGAL_FORMS = new Set([
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sci', 'snc', 'scop', 'scic', 'sem', 'spl', 'gie', 'gip', 'selarl', 'sca',
  'association', 'asso', 'assoc', 'ltd', 'inc', 'llc', 'gmbh', 'plc', 'ag', 'bv', 'nv', 'srl', 'spa',
]);

/** One way an actor is named, normalised for comparison. */
interface Form {
  raw: string;
  /** Folded, parenthesised qualifiers dropped: "luxury tech filiere cannoise" → "luxury tech". */
  folded: string;
  /** Significant words (no articles, no legal forms), in order. */
  words: string[];
  /** The words sorted and joined without spaces: order, spacing and hyphens do not matter. */
  compact: string;
  /** First letters of the words, when there are two or more: "Aix-Marseille French Tech" → "amft". */
  acronym?: string;
  /** The name is a sigle itself (AMFT, CCI): its one word. */
  sigle?: string;
  digits: string;
  wordSet: Set<string>;
}

// Module-level callbacks, not closures made per call: tsx's keepNames names each closure it creates (a
// defineProperty per name: an import checks 100k of them, server/import/similar.ts).
const significantWord = (w: string) => !STOPWORDS.has(w) && !LEGAL_FORMS.has(w);
const initial = (w: string) => w[0];

export function toForm(raw: string): Form {
  const folded = fold(raw.replace(/\([^)]*\)/g, ' ').replace(/&/g, ' et ')) || fold(raw);
  const all = dottedSigles(folded.split(' ').filter(Boolean));
  const words = all.filter(significantWord);
  const significant = words.length ? words : all;
  const compact = [...significant].sort().join('');
  const form: Form = { raw, folded, words: significant, compact, digits: compact.replace(/\D+/g, ' ').trim(), wordSet: new Set(significant) };
  if (significant.length >= 2) form.acronym = significant.map(initial).join('');
  const s = sigle(raw, significant);
  if (s) form.sigle = s;
  return form;
}

/** Runs of two or more single letters joined: a sigle written with dots or spaces ("S.C.S", "C C I") is one word. */
function dottedSigles(words: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!isLetter(words[i]) || !isLetter(words[i + 1])) {
      out?.push(words[i]);
      continue;
    }
    out ??= words.slice(0, i);
    let run = '';
    for (; isLetter(words[i]); i++) run += words[i];
    out.push(run);
    i--;
  }
  return out ?? words;
}
const isLetter = (w: string | undefined) => w !== undefined && w.length === 1 && w >= 'a' && w <= 'z';

/** A single short word written like a sigle (AMFT, CCI, BPI) or short enough to be one. */
function sigle(raw: string, words: string[]): string | undefined {
  if (words.length !== 1) return undefined;
  const w = words[0];
  if (w.length < 2 || w.length > 8 || /\d/.test(w)) return undefined;
  const letters = raw.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && (letters === letters.toUpperCase() || w.length <= 4) ? w : undefined;
}

export interface Options {
  /** Pairs scoring below are not listed (default 0.45). */
  minScore?: number;
  /** Token blocks larger than this are skipped as too common ("france", "tech"); default 40. */
  maxBlock?: number;
  /** Sorted-neighbourhood window on the compact names (typos); default 4. */
  window?: number;
}

const KIND_FR: Record<string, string> = {
  person: 'personne', company: 'entreprise', investor: 'investisseur', public_body: 'organisme public', local_authority: 'collectivité',
  association: 'association', cluster: 'pôle', university: 'université', accelerator: 'accélérateur', label: 'label', programme: 'programme',
  event: 'événement', site: 'site',
};

type Scored = ActorNames & { forms: Form[] };

/** An actor with its names' forms, as scorePair takes it. */
export const withForms = (a: ActorNames): Scored => ({ ...a, forms: [a.name, ...a.aliases].map(toForm).filter((f) => f.folded) });

/** Levenshtein similarity, 0–1, of two strings. */
const similarity = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length);

/**
 * One misspelt word or two ("Jérôme Orgeas" / "Jerome Orgeass", "Launchmetric" / "Launchmetrics"): the words
 * align one to one, each differing word is close and long enough to be misspelt (short words and numbers
 * must match), and the whole is ≥ 85 % alike. "Maison … Antibes" / "Maison … Arles" is not a typo.
 */
function closeSpelling(f: Form, g: Form): number | undefined {
  if (f.compact === g.compact) return undefined;
  if (f.words.length !== g.words.length) {
    // Spacing changed with a typo ("Launch Metrics" / "Launchmetric"): only when nearly identical.
    if (f.digits !== g.digits || Math.max(f.compact.length, g.compact.length) < 8) return undefined;
    const r = similarity(f.compact, g.compact);
    return r >= 0.92 ? r : undefined;
  }
  let edits = 0;
  let chars = 0;
  let differing = 0;
  for (let i = 0; i < f.words.length; i++) {
    const [u, v] = [f.words[i], g.words[i]];
    chars += Math.max(u.length, v.length);
    if (u === v) continue;
    if (/\d/.test(u) || /\d/.test(v) || Math.min(u.length, v.length) < 3) return undefined;
    const d = distance(u, v);
    // Short words allow one letter ("Yan" / "Yann"); longer ones up to 30 % of their letters.
    if (Math.min(u.length, v.length) < 4 ? d > 1 : 1 - d / Math.max(u.length, v.length) < 0.7) return undefined;
    edits += d;
    differing++;
  }
  if (differing === 0 || differing > Math.max(1, Math.floor(f.words.length / 2))) return undefined;
  const r = 1 - edits / chars;
  return r >= 0.85 ? r : undefined;
}

/** How alike two actors' names are: the best of their name × alias pairs, with the reasons. */
export function scorePair(x: Scored, y: Scored): { score: number; reasons: Reason[] } | undefined {
  // Per kind of reason, its best-scoring instance; the French text is built only for those kept.
  let found: Map<ReasonCode, { score: number; text: () => string }> | undefined;
  const offer = (code: ReasonCode, score: number, text: () => string) => {
    found ??= new Map();
    const had = found.get(code);
    if (!had || score > had.score) found.set(code, { score, text });
  };
  for (const f of x.forms) {
    for (const g of y.forms) {
      if (f.folded === g.folded) offer('same-name', 0.97, () => `même nom : « ${f.raw} » et « ${g.raw} »`);
      else if (f.compact === g.compact && f.compact.length >= 3) {
        offer('same-words', 0.93, () => `mêmes mots (accents, ordre, espaces et forme juridique ignorés) : « ${f.raw} » et « ${g.raw} »`);
      }
      if (g.sigle && f.acronym === g.sigle && f.words.length <= 8) offer('acronym', 0.82, () => `sigle : « ${g.raw} » = « ${f.raw} »`);
      if (f.sigle && g.acronym === f.sigle && g.words.length <= 8) offer('acronym', 0.82, () => `sigle : « ${f.raw} » = « ${g.raw} »`);
      const r = closeSpelling(f, g);
      if (r !== undefined) offer('close-spelling', 0.55 + (r - 0.85) * 2.4, () => `orthographe proche (${Math.round(r * 100)} %) : « ${f.raw} » et « ${g.raw} »`);
      const [small, big] = f.words.length <= g.words.length ? [f, g] : [g, f];
      // "Luxury Tech" in "Accélérateur Luxury Tech", "Chambre de commerce et d'industrie" in "… Nice Côte d'Azur":
      // two words may be a generic name, so they need a close superset; three or more stand on their own.
      const extra = big.words.length - small.words.length;
      if (small.words.length >= 2 && extra > 0 && (extra <= 2 || small.words.length >= 3) && small.words.every((w) => big.wordSet.has(w))) {
        offer('contained', 0.5, () => `nom contenu dans l’autre : « ${small.raw} » dans « ${big.raw} »`);
      }
    }
  }
  if (!found) return undefined;
  const ranked = [...found.entries()].sort((u, v) => v[1].score - u[1].score);
  const reasons: Reason[] = ranked.map(([code, f]) => ({ code, text: f.text() }));
  let score = ranked[0][1].score;
  if (x.kind === y.kind) score += 0.03;
  else {
    score -= 0.12;
    reasons.push({ code: 'kind-differs', text: `types différents : ${KIND_FR[x.kind] ?? x.kind} et ${KIND_FR[y.kind] ?? y.kind}` });
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/**
 * Candidate pairs, best first. Pairs come from blocks: the compact name (same words), the acronym and
 * short sigles, each significant word (blocks past `maxBlock` skipped), and neighbours in the sorted lists
 * of compact names and of their reversals (typos anywhere). Cost: O(n log n) plus the pairs the blocks hold.
 */
export function findCandidates(actors: ActorNames[], opts: Options = {}): Candidate[] {
  const minScore = opts.minScore ?? 0.45;
  const maxBlock = opts.maxBlock ?? 40;
  const window = opts.window ?? 4;
  const items = actors.map(withForms);
  // Arrays, not sets: actors are added in index order, so a repeat is always the last element.
  const blocks = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const b = blocks.get(key);
    if (!b) blocks.set(key, [i]);
    else if (b[b.length - 1] !== i) b.push(i);
  };
  const sorted: { key: string; i: number }[] = [];
  const reversed: { key: string; i: number }[] = [];
  items.forEach((it, i) => {
    for (const f of it.forms) {
      add(`c:${f.compact}`, i);
      if (f.acronym) add(`a:${f.acronym}`, i);
      if (f.sigle) add(`a:${f.sigle}`, i);
      if (f.words.length > 1) for (const w of f.words) if (w.length >= 3) add(`w:${w}`, i);
      if (f.compact.length >= 5) {
        sorted.push({ key: f.compact, i });
        reversed.push({ key: [...f.compact].reverse().join(''), i });
      }
    }
  });

  // Pair keys as numbers (i·n + j, exact below 2^53): a million string keys would cost more than the scoring.
  const n = items.length;
  const pairs = new Set<number>();
  const propose = (i: number, j: number) => {
    if (i !== j) pairs.add(i < j ? i * n + j : j * n + i);
  };
  for (const m of blocks.values()) {
    if (m.length < 2 || m.length > maxBlock) continue;
    for (let p = 0; p < m.length; p++) for (let q = p + 1; q < m.length; q++) propose(m[p], m[q]);
  }
  for (const list of [sorted, reversed]) {
    list.sort((u, v) => (u.key < v.key ? -1 : u.key > v.key ? 1 : 0));
    for (let p = 0; p < list.length; p++) for (let q = p + 1; q <= p + window && q < list.length; q++) propose(list[p].i, list[q].i);
  }

  const out: Candidate[] = [];
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const [x, y] = items[i].id < items[j].id ? [items[i], items[j]] : [items[j], items[i]];
    const s = scorePair(x, y);
    if (s && s.score >= minScore) out.push({ a: x.id, b: y.id, ...s });
  }
  return out.sort(byScore);
}

const byScore = (u: Candidate, v: Candidate) => v.score - u.score || (u.a < v.a ? -1 : u.a > v.a ? 1 : u.b < v.b ? -1 : 1);

/** Lowers the pairs already tied by a relationship (two records tied to each other are likely two actors). */
export function markLinked(candidates: Candidate[], linked: Set<string>, minScore = 0.45): Candidate[] {
  return candidates
    .map((c) => linked.has(`${c.a}|${c.b}`)
      ? { ...c, score: Math.round(Math.max(0, c.score - 0.15) * 1000) / 1000, reasons: [...c.reasons, { code: 'linked' as const, text: 'déjà reliés par une relation (deux acteurs distincts ?)' }] }
      : c)
    .filter((c) => c.score >= minScore)
    .sort(byScore);
}

/** An actor of `fresh` (findSimilar) and the most alike actor found for it. */
export interface Similar {
  /** Index in `fresh`. */
  fresh: number;
  /** Index in `known`, or in `fresh` (an earlier one) when `known` is undefined. */
  other: number;
  known: boolean;
  score: number;
  reasons: Reason[];
}

/**
 * An import's check (server/import/similar.ts): for each new actor, the most alike among the stored actors and
 * the new ones before it, scored by scorePair as the duplicates panel scores. Pairs come from the panel's blocks
 * but only those holding a new actor: the compact name, the acronym and sigles, and neighbours among the compact
 * names and reversals whose digits are the same (close spelling needs them equal: "Acteur 1" and "Acteur 10" are
 * never compared, and 100k such names cost no sort). Word blocks are left out: they only propose `contained`
 * pairs, below an import's threshold. Each name's form is made once for its keys and kept only when it is
 * scored. Cost: O(n) plus the sorts of names sharing their digits, plus the pairs proposed.
 */
export function findSimilar(fresh: ActorNames[], known: ActorNames[], opts: Options = {}): Similar[] {
  const minScore = opts.minScore ?? 0.6;
  const maxBlock = opts.maxBlock ?? 40;
  const window = opts.window ?? 4;
  const k = known.length;
  const n = k + fresh.length;
  const actor = (i: number) => (i < k ? known[i] : fresh[i - k]);
  // Most names share no key with another: a block holds its first member as a number, an array from the second
  // on (100k names cost no array each).
  type Block = number | number[];
  const byCompact = new Map<string, Block>();
  const byAcronym = new Map<string, Block>();
  const add = (blocks: Map<string, Block>, key: string, i: number) => {
    const b = blocks.get(key);
    if (b === undefined) blocks.set(key, i);
    else if (typeof b === 'number') {
      if (b !== i) blocks.set(key, [b, i]);
    } else if (b[b.length - 1] !== i) b.push(i);
  };
  /** Compact names of five letters or more, by their digits: one entry, or a list from the second on. */
  type Named = { key: string; i: number };
  const byDigits = new Map<string, Named | Named[]>();
  const keys = (raw: string, i: number) => {
    const f = toForm(raw);
    if (!f.folded) return;
    add(byCompact, f.compact, i);
    if (f.acronym) add(byAcronym, f.acronym, i);
    if (f.sigle) add(byAcronym, f.sigle, i);
    if (f.compact.length >= 5) {
      const l = byDigits.get(f.digits);
      const e = { key: f.compact, i };
      if (l === undefined) byDigits.set(f.digits, e);
      else if (Array.isArray(l)) l.push(e);
      else byDigits.set(f.digits, [l, e]);
    }
  };
  for (let i = 0; i < n; i++) {
    const a = actor(i);
    keys(a.name, i);
    for (const x of a.aliases) keys(x, i);
  }
  const pairs = new Set<number>();
  const propose = (i: number, j: number) => {
    if (i !== j && (i >= k || j >= k)) pairs.add(i < j ? i * n + j : j * n + i);
  };
  for (const blocks of [byCompact, byAcronym]) {
    for (const m of blocks.values()) {
      if (typeof m === 'number' || m.length > maxBlock) continue;
      for (let p = 0; p < m.length; p++) for (let q = p + 1; q < m.length; q++) propose(m[p], m[q]);
    }
  }
  const neighbours = (list: Named[]) => {
    list.sort((u, v) => (u.key < v.key ? -1 : u.key > v.key ? 1 : 0));
    for (let p = 0; p < list.length; p++) for (let q = p + 1; q <= p + window && q < list.length; q++) propose(list[p].i, list[q].i);
  };
  for (const list of byDigits.values()) {
    if (!Array.isArray(list)) continue;
    neighbours(list);
    neighbours(list.map(({ key, i }) => ({ key: [...key].reverse().join(''), i })));
  }
  const scored = new Map<number, Scored>();
  const item = (i: number) => {
    let s = scored.get(i);
    if (!s) scored.set(i, (s = withForms(actor(i))));
    return s;
  };
  const best = new Map<number, Similar>();
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    // j > i: j is new; the later of two new actors is the one said to resemble the other.
    const s = scorePair(item(j), item(i));
    if (!s || s.score < minScore) continue;
    const had = best.get(j);
    if (!had || s.score > had.score) best.set(j, { fresh: j - k, other: i < k ? i : i - k, known: i < k, ...s });
  }
  return [...best.values()].sort((u, v) => u.fresh - v.fresh);
}
