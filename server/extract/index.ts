// From a French article to candidate actors and ties, each tie with its sentence, offsets, status and confidence.
// Pure: the gazetteer of known actors is passed in (the route reads it from the database).
import { fold } from '../../model/text';
import { AppError } from '../errors';
import type { ActorKind, RelStatus, RelType } from '../../model/vocabulary';
import { discourse } from './discourse';
import { findMentions, Gazetteer, groupActors, type CandidateActor, type KnownActor, type Mention } from './mentions';
import { readTies, statusOf, tag, type RawTie, type Tagged } from './rules';
import { sentences, type Sentence } from './segment';
import { amounts, dates, parseRefDate } from './values';

export type { KnownActor, CandidateActor } from './mentions';

export interface CandidateTie {
  /** Stable within one extraction: r1, r2… in text order. */
  id: string;
  type: RelType;
  /** Candidate actor keys. */
  from: string;
  to: string;
  sentence: string;
  /** Offsets of the sentence in the text. */
  start: number;
  end: number;
  amount?: number;
  /** The amount as written, and how it was computed when derived ("un tiers de 34 000 000 €"). */
  amountText?: string;
  derived?: string;
  date?: string;
  status: RelStatus;
  confidence: number;
  /** The pattern that read it (for review and evaluation). */
  rule: string;
}

export interface Extraction {
  actors: CandidateActor[];
  relationships: CandidateTie[];
  sentences: number;
}

export interface ExtractOptions {
  /** Actors the graph already holds (names and aliases are searched in the text). */
  known?: KnownActor[];
  /** The same, already indexed (a server keeps one per graph version): used instead of `known`. */
  gazetteer?: Gazetteer;
  /** The source's date (ISO, partial allowed), for "février dernier" and "l'an dernier". */
  sourceDate?: string;
  /** Ties under this confidence are not proposed. */
  minConfidence?: number;
  /** Time budget in ms: past it the extraction stops with ExtractTimeoutError. */
  timeoutMs?: number;
}

/** The extraction ran past its time budget (422: resending the same text would take as long). */
export class ExtractTimeoutError extends AppError {
  constructor(ms: number) {
    super('ExtractTimeout', 422, `the extraction did not finish within ${ms} ms; split the document into shorter parts`, { timeoutMs: ms });
  }
}

/** Offset in the sentence for a position in its tagged form. */
function untag(t: Tagged, pos: number, s: Sentence): number {
  let shift = 0;
  for (let i = 0; i < t.slotPos.length; i++) {
    const [a, b] = t.slotPos[i];
    if (pos < a) break;
    const m = t.slots[i];
    if (pos < b) return m.start - s.start;
    shift += m.end - m.start - (b - a);
  }
  return pos + shift;
}

export function extract(text: string, opts: ExtractOptions = {}): Extraction {
  const sents = sentences(text);
  const gz = opts.gazetteer ?? new Gazetteer(opts.known ?? []);
  const mentions = findMentions(sents, gz);
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const ref = parseRefDate(opts.sourceDate);

  const synthetic = new Map<string, { name: string; kind: ActorKind }>();
  // The actors the text names, by folded name and form, for rules that name one inside another ("mission X").
  const names = new Map<string, string>();
  for (const m of mentions) if (m.via !== 'anaphor' && !names.has(fold(m.name))) names.set(fold(m.name), m.actor);
  for (const m of mentions) if (m.via !== 'anaphor') for (const f of m.forms ?? []) if (!names.has(fold(f))) names.set(fold(f), m.actor);
  const kinds = new Map<string, ActorKind>();
  for (const m of mentions) if (m.kind && !kinds.has(m.actor)) kinds.set(m.actor, m.kind);
  const rc = {
    synth(name: string, kind: ActorKind) {
      const hit = gz.lookup(fold(name))[0];
      if (hit) return `db:${hit.actor.id}`;
      const key = `new:${fold(name)}`;
      if (!synthetic.has(key)) synthetic.set(key, { name, kind });
      kinds.set(key, kind);
      return key;
    },
    kindOf: (key: string) => kinds.get(key),
    named(name: string) {
      const f = fold(name);
      return names.get(f) ?? (gz.lookup(f)[0] ? `db:${gz.lookup(f)[0].actor.id}` : undefined);
    },
    discourse: discourse(sents, mentions, (key) => kinds.get(key)),
  };

  const started = Date.now();
  const checkTime = () => {
    if (opts.timeoutMs !== undefined && Date.now() - started > opts.timeoutMs) throw new ExtractTimeoutError(opts.timeoutMs);
  };
  checkTime();
  const raw: (RawTie & { status: RelStatus; amount?: ReturnType<typeof amounts>[number]; date?: string })[] = [];
  for (const s of sents) {
    const ms = bySentence.get(s.index) ?? [];
    if (!ms.length) continue;
    checkTime();
    const t = tag(s.index, s.text, s.start, ms);
    for (const tie of readTies(t, rc)) {
      const a = untag(t, tie.at[0], s);
      const b = untag(t, tie.at[1], s);
      // The clause: the words that state the tie and a few before ("devrait être", "n'a pas encore").
      const ca = untag(t, tie.cue[0], s);
      const cb = untag(t, tie.cue[1], s);
      const clause = s.text.slice(tie.clauseAtCue ? ca : Math.max(0, ca - 45), Math.min(s.text.length, cb + 20));
      const st = statusOf(clause, tie.status);
      if (!st) continue;
      const near = (x: { start: number; end: number }) => Math.abs((x.start + x.end) / 2 - s.start - (a + b) / 2);
      const inSentence = amounts(s.text, s.start);
      const amount = tie.type === 'FUNDS' ? inSentence.filter((x) => x.start - s.start >= a - 60 && x.end - s.start <= b + 60).sort((x, y) => near(x) - near(y))[0] : undefined;
      const ds = dates(s.text, s.start, ref);
      const date = ds.length === 1 ? ds[0].value : ds.sort((x, y) => near(x) - near(y))[0]?.value;
      raw.push({ ...tie, status: st.status, confidence: st.hedged ? tie.confidence - 0.15 : tie.confidence, amount, date });
    }
  }

  // One candidate per (type, ends, sentence): the most confident reading.
  const best = new Map<string, (typeof raw)[number]>();
  for (const r of raw) {
    const [x, y] = r.type === 'PARTNERS_WITH' ? [r.from, r.to].sort() : [r.from, r.to];
    const k = `${r.type}|${x}|${y}|${r.sentence}`;
    const prev = best.get(k);
    if (!prev || prev.confidence < r.confidence) best.set(k, r);
  }
  const min = opts.minConfidence ?? 0.3;
  const ties = [...best.values()].filter((r) => r.confidence >= min).sort((p, q) => p.sentence - q.sentence || p.at[0] - q.at[0]);

  const inTies = new Set(ties.flatMap((r) => [r.from, r.to]));
  // Generic phrases are actors when a tie uses them or when they name an institution with a complement
  // ("la chambre des métiers de Savoie", "un fonds d'investissement suisse").
  const named = (m: Mention) => (m.via !== 'generic' && m.via !== 'anaphor') || (m.via === 'generic' && / (?:de|du|des|d['’])\s?/iu.test(m.name) && m.name.split(/\s+/).length >= 3);
  const actors = groupActors(mentions, gz, (key) => inTies.has(key) || mentions.some((m) => m.actor === key && named(m)));
  for (const a of actors) for (const m of a.mentions) m.text = text.slice(m.start, m.end);
  for (const [key, s] of synthetic) {
    if (!inTies.has(key) || actors.some((a) => a.key === key)) continue;
    actors.push({ key, name: s.name, kind: s.kind, kindFromText: true, aliases: [], mentions: [], confidence: 0.6 });
  }
  for (const a of actors) {
    const k = kinds.get(a.key);
    if (!a.existing && k && !a.kindFromText) {
      a.kind = k;
      a.kindFromText = true;
    }
  }

  const relationships: CandidateTie[] = ties.map((r, i) => {
    const s = sents[r.sentence];
    // A tie read through a pronoun or the sentence before carries both sentences as evidence.
    const first = sents[r.since ?? r.sentence];
    return {
      id: `r${i + 1}`,
      type: r.type,
      from: r.from,
      to: r.to,
      sentence: text.slice(first.start, s.end),
      start: first.start,
      end: s.end,
      ...(r.amount ? { amount: r.amount.value, amountText: r.amount.text, ...(r.amount.derived ? { derived: r.amount.derived } : {}) } : {}),
      ...(r.date ? { date: r.date } : {}),
      status: r.status,
      confidence: Math.round(r.confidence * 100) / 100,
      rule: r.rule,
    };
  });
  return { actors: actors.sort((a, b) => (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity)), relationships, sentences: sents.length };
}
