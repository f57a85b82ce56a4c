// What a text is about from sentence to sentence: each sentence's subject, each paragraph's topic (its heading's
// actor, else its most mentioned one), the latest person — what pronouns and missing ends of a tie refer to.
import type { ActorKind } from '../../model/vocabulary';
import type { Mention } from './mentions';
import type { Sentence } from './segment';

export interface Discourse {
  /** The actor sentence `i` is about: its first mention not governed by a preposition (not a person, not a place). */
  subject(i: number): string | undefined;
  /** What the paragraph of sentence `i` is about, up to that sentence. */
  topic(i: number): string | undefined;
  /** The latest person named in sentence `i` or the two before it (for "le directeur du cluster"). */
  person(i: number): string | undefined;
  /** What "il", "elle" at the start of sentence `i` refer to: the previous sentence's subject, else the topic. */
  pronoun(i: number): { key: string; from: number } | undefined;
  /** What "tous", "ils", "ces derniers" at the start of sentence `i` refer to: the actors the sentence before lists. */
  plural(i: number): { keys: string[]; from: number } | undefined;
  /** The place the text is mostly about ("le territoire"), as the actor it stands for. */
  territory(i: number): string | undefined;
  /** The label the text is about ("le label" without a name): the label it mentions most. */
  label(): string | undefined;
}

/** A subordinate clause at the start of a sentence: its subject is not the sentence's ("Si X …, Y …"). */
const SUBORDINATE = /^\s*(?:si|s['’]|quand|lorsqu['’]?e?|alors qu['’]?e?|bien qu['’]?e?|même si|tandis qu['’]?e?|puisqu['’]?e?|comme|dès qu['’]?e?)(?![\p{L}])[^,]*,/iu;
/** Text before a mention that makes it the complement of a preposition, not a subject. */
export const GOVERNED = /(?:^|[\s'’(])(?:à|au|aux|de|du|des|d['’]|par|pour|avec|sur|dans|en|chez|vers|entre|selon|comme|sous|après|avant|depuis|contre|auprès|grâce)\s*(?:(?:le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|ce|cet|cette|ces)\s*)?$/iu;

export function discourse(sents: Sentence[], mentions: Mention[], kindOf: (key: string) => ActorKind | undefined): Discourse {
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const isActor = (m: Mention) => !!m.actor && !m.place && (m.kind ?? kindOf(m.actor)) !== 'person' && m.via !== 'group';

  const subjects = new Map<number, string | undefined>();
  const subject = (i: number): string | undefined => {
    if (subjects.has(i)) return subjects.get(i);
    const s = sents[i];
    const sub = SUBORDINATE.exec(s.text);
    const from = s.start + (sub ? sub[0].length : 0);
    const m = (bySentence.get(i) ?? []).find((x) => x.start >= from && !x.plural && !GOVERNED.test(s.text.slice(0, x.start - s.start)));
    const key = m && isActor(m) ? m.actor : undefined;
    subjects.set(i, key);
    return key;
  };

  // The heading each sentence sits under: the latest heading line before it.
  const headingOf: (number | undefined)[] = [];
  let heading: number | undefined;
  for (const s of sents) {
    headingOf[s.index] = heading;
    if (s.heading) heading = s.index;
  }
  const topics = new Map<number, string | undefined>();
  const topic = (i: number): string | undefined => {
    if (topics.has(i)) return topics.get(i);
    const h = headingOf[i];
    let key = h === undefined ? undefined : (bySentence.get(h) ?? []).find(isActor)?.actor;
    if (!key) {
      const count = new Map<string, number>();
      // Mentions of the paragraph so far; a subject or a reference back counts twice.
      for (let k = i; k >= 0 && sents[k].para === sents[i].para; k--) {
        const subj = subject(k);
        for (const m of bySentence.get(k) ?? []) if (isActor(m)) count.set(m.actor, (count.get(m.actor) ?? 0) + (m.via === 'anaphor' || m.actor === subj ? 2 : 1));
      }
      key = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    }
    topics.set(i, key);
    return key;
  };

  return {
    subject,
    topic,
    person(i) {
      for (let k = i; k >= Math.max(0, i - 2); k--) {
        const ps = (bySentence.get(k) ?? []).filter((m) => (m.kind ?? kindOf(m.actor)) === 'person');
        if (ps.length) return ps[ps.length - 1].actor;
      }
      return undefined;
    },
    pronoun(i) {
      if (i > 0 && sents[i - 1].para === sents[i].para) {
        const key = subject(i - 1);
        if (key) return { key, from: i - 1 };
      }
      const key = topic(i);
      return key ? { key, from: i } : undefined;
    },
    plural(i) {
      if (i === 0) return undefined;
      const keys = [...new Set((bySentence.get(i - 1) ?? []).filter((m) => isActor(m) && m.via !== 'anaphor' && m.via !== 'generic').map((m) => m.actor))];
      return keys.length >= 2 ? { keys, from: i - 1 } : undefined;
    },
    label() {
      const count = new Map<string, number>();
      for (const m of mentions) if (m.actor && (m.kind ?? kindOf(m.actor)) === 'label') count.set(m.actor, (count.get(m.actor) ?? 0) + 1);
      return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    },
    territory(i) {
      const count = new Map<string, number>();
      for (const m of mentions) if (m.sentence <= i && m.actor && (m.place || m.fromPlace)) count.set(m.actor, (count.get(m.actor) ?? 0) + 1);
      return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    },
  };
}
