// Relation patterns: each sentence is rewritten with its actor mentions as slots ⟦n⟧, and French patterns
// (passive and active voice, titles, appositions, partner lists, alliances, labels, money) read ties from it.
import type { ActorKind, RelStatus, RelType } from '../../model/vocabulary';
import type { Discourse } from './discourse';
import { ACTIVE_VERBS, ALLIANCE_NOUNS, BODY_NOUNS, CREATION_NOUNS, GIVE_STEMS, GOVERNANCE_NOUNS, HEADS, HEDGES, MINISTER_TITLES, MONEY_NOUNS, NEGATION, ORG_ROLES, PART_NOUNS, RECEIVE_FORMS, STAND_FOR, STATUS_CUES, TITLES, VERBS } from './lexicon';
import type { Mention } from './mentions';

export interface RawTie {
  type: RelType;
  from: string;
  to: string;
  sentence: number;
  rule: string;
  /** Where in the tagged sentence the statement is (for status, amount and date). */
  at: [number, number];
  /** The words that state the tie (verb, title, noun): negations and status cues are read around them. */
  cue: [number, number];
  /** The clause starts at the cue: nothing before it bears on the tie ("…, dont la directrice, X"). */
  clauseAtCue?: boolean;
  status?: RelStatus;
  confidence: number;
  /** The tie needs an earlier sentence too (a pronoun, a missing end read from context): its evidence starts there. */
  since?: number;
}

/** A sentence with its mentions as slots. */
export interface Tagged {
  sentence: number;
  text: string;
  /** Slot n → the mention (actor key, kind). */
  slots: Mention[];
  /** Position of each slot in `text`, and of the original sentence for each tagged position (approximate). */
  slotPos: [number, number][];
  /** What the text writes for each slot (the mention's name may be a known actor's). */
  surface?: string[];
}

const DET = String.raw`(?:(?:les?|la|l['’]|une?|des|du|de la|de l['’]|d['’]|au|aux|son|sa|ses|leurs?|cette|ce|cet|ces)\s*)`;
const SLOT = String.raw`⟦(\d+)⟧`;
const ADV = String.raw`(?:(?:pas|encore|déjà|aussi|également|notamment|d['’]ailleurs|à présent|officiellement|largement|entièrement|principalement|en partie|partiellement|directement|initialement|désormais|toujours|récemment|conjointement|majoritairement|bien|finalement|depuis|fortement|conjointement|de concert|en outre|ensuite|alors|elle-même|lui-même|historiquement|activement|financièrement|enfin|bientôt|prochainement)\s+)`;
const AUX = String.raw`(?:(?:n['’]|ne\s+)?(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront|serait|seraient|fut|furent|a été|ont été|avait été|avaient été|sera|va être|vont être|devrait être|devraient être|pourrait être|pourraient être|doit être|doivent être|aurait été|auraient été|sont désormais|est désormais|été)\s+)`;
const PREP_DE = String.raw`(?:de la|de l['’]|des|du|de|d['’])\s*`;
/** Abstract nouns that follow "par" without being an agent ("par le biais", "par la suite"). */
const NOT_AGENT = /^(?:biais|suite|passé|menu|voie|force|design|moyen|fait|bouche|hasard|exemple|principe|rapport|ailleurs|contre|intermédiaire|truchement|défaut|nature|définition|conséquent|endroit|occasion|mail|courrier|téléphone|décret|arrêté|loi|vote|décision|jeu|effet|biais)$/u;
const TITLE_RE = Object.keys(TITLES).sort((a, b) => b.length - a.length).map(esc).join('|');
const ORG_ROLE_RE = Object.keys(ORG_ROLES).map(esc).join('|');
/** Nouns that make an apposition describe an organisation. */
const ORG_NOUNS = 'société|entreprise|groupe|association|structure|agence|maison|filiale|holding';

function esc(s: string): string {
  // Capitals often lose their accent in the press ("Epaulée", "Ecole"): a leading é or è matches e too.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^[éè]/u, (c) => `[${c}e]`);
}

/** Passive participles: stem + é/ée/és/ées, and irregular full forms. */
function participles(stems: string[], irregular: string[] = []): string {
  const forms = [...stems.map((s) => `${esc(s)}(?:é|ée|és|ées)`), ...irregular.map((f) => `${esc(f)}(?:e|s|es)?`)];
  return `(?:${forms.join('|')})`;
}

/** A fixed form whose words may be split by adverbs ("a aussi reçu", "collabore également avec"). */
const spaced = (form: string) => esc(form).replace(/ /g, String.raw`\s+${ADV}*`);

/** Finite forms of first-group verbs: present, imperfect, future, conditional, compound past, modal + infinitive. */
function finite(stems: string[], forms: string[] = [], infinitives: string[] = []): string {
  const st = stems.map(esc).join('|');
  const inf = infinitives.map(esc).join('|');
  const soft = `(?:${st})(?:e|es|ent|ait|aient|eait|eaient|era|eront|erait|eraient|ons)`;
  const past = `(?:a|ont|avait|avaient|aura|auront|aurait|auraient)\\s+${ADV}*(?:${st})é`;
  const modal = `(?:va|vont|doit|doivent|devrait|devraient|pourrait|pourraient|compte|comptent|envisage|envisagent|souhaite|souhaitent|veut|veulent|entend|entendent|continue de|continuent de|continue à|continuent à|refuse de|refusent de|a refusé de|ont refusé de|renonce à|renoncent à|a renoncé à|ont renoncé à|cesse de|a cessé de)\\s+(?:de\\s+)?${ADV}*(?:(?:${st})er${inf ? `|${inf}` : ''})`;
  const extra = forms.map(spaced).join('|');
  return `(?:${soft}|${past}|${modal}${extra ? `|${extra}` : ''})`;
}

// Patterns are built once: a text of 150,000 characters has a thousand sentences and each reads them all.
const compiled = new Map<string, RegExp>();
/** The pattern for `source` and `flags`, compiled on first use (global ones are only used through matchAll). */
function rx(source: string, flags = ''): RegExp {
  const k = `${flags}/${source}`;
  let r = compiled.get(k);
  if (!r) {
    r = new RegExp(source, flags);
    if (compiled.size < 5000) compiled.set(k, r);
  }
  return r;
}
const PASSIVE_RE = new Map(VERBS.map((v) => [v, rx(String.raw`(?<![\p{L}])(${participles(v.stems, v.irregular)})(?![\p{L}])((?:\s+[^\s⟦.;:]+){0,5}?)\s+par\s+`, 'giu')]));
const ACTIVE_RE = new Map(ACTIVE_VERBS.map((v) => [v, rx(String.raw`(?<![\p{L}])(${finite(v.stems, v.forms, v.infinitives)})(?![\p{L}])\s+`, 'giu')]));

/** The tagged form of a sentence: mentions replaced by ⟦n⟧. */
export function tag(sentenceIndex: number, sentenceText: string, sentenceStart: number, mentions: Mention[]): Tagged {
  let text = '';
  let last = 0;
  const slots: Mention[] = [];
  const slotPos: [number, number][] = [];
  const surface: string[] = [];
  for (const m of mentions) {
    const a = m.start - sentenceStart;
    const b = m.end - sentenceStart;
    if (a < last) continue;
    text += sentenceText.slice(last, a);
    const t = `⟦${slots.length}⟧`;
    slotPos.push([text.length, text.length + t.length]);
    text += t;
    slots.push(m);
    surface.push(sentenceText.slice(a, b));
    last = b;
  }
  text += sentenceText.slice(last);
  return { sentence: sentenceIndex, text, slots, slotPos, surface };
}

interface ListRead {
  ids: number[];
  end: number;
}

/** A list of slots from `pos`: "⟦1⟧, ⟦2⟧ et surtout la ⟦3⟧ (ou plutôt ⟦4⟧)"; items that are not slots end it. */
function readList(t: Tagged, pos: number, opts: { skipNonSlots?: boolean; appositionPrefix?: boolean } = {}): ListRead | undefined {
  const s = t.text;
  let p = pos;
  const ids: number[] = [];
  const re = (r: string) => rx(`^${r}`, 'iu');
  if (opts.appositionPrefix) {
    // "par un cannois, ⟦5⟧": a short description, a comma, then the name.
    const m = re(String.raw`\s*${DET}?[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+)?\s*,\s*(?=(?:${DET})?⟦)`).exec(s.slice(p));
    if (m) p += m[0].length;
  }
  for (let guard = 0; guard < 30; guard++) {
    let m = re(String.raw`\s*(?:(?:surtout|notamment|aussi|également|enfin|plutôt|même|bien sûr)\s+)?${DET}?(?:(?:nouvel(?:le)?|ancien(?:ne)?|jeune|grand(?:e)?|premier|première|petit(?:e)?)\s+)?(?:(?:(?:vice|co)-?)?(?:${TITLE_RE})(?:e|s|es)?(?:\s+[\p{Ll}'’]+){0,3}?\s+${PREP_DE}${DET}?|\p{Ll}+s?\s+(?:de|d['’])\s*)?${SLOT}`).exec(s.slice(p));
    if (!m) {
      if (!opts.skipNonSlots || !ids.length) break;
      // "une collectivité, une université, et des partenaires …": skip a short item without a slot.
      // A relative clause ends the list: "par ⟦A⟧, dont la directrice, ⟦P⟧, promet …".
      const skip = re(String.raw`(?!\s*(?:dont|qui|que|qu['’]|où|lequel|laquelle|lesquels|lesquelles)(?![\p{L}]))\s*[^⟦,.;:()]{1,60}?(?=\s*(?:,|\bet\b|\bou\b))`).exec(s.slice(p));
      if (!skip) break;
      p += skip[0].length;
    } else {
      const titled = rx(`(?:${TITLE_RE})`, 'iu').test(m[0]);
      ids.push(Number(m[1]));
      p += m[0].length;
      // "le ministre de ⟦org⟧ ⟦person⟧": the person is the item.
      let person = false;
      for (let n = re(String.raw`\s*${SLOT}`).exec(s.slice(p)); n; n = re(String.raw`\s*${SLOT}`).exec(s.slice(p))) {
        if (t.slots[Number(n[1])].kind !== 'person') break;
        ids[ids.length - 1] = Number(n[1]);
        p += n[0].length;
        person = true;
      }
      // "⟦P⟧, actionnaire de ⟦O⟧": a title after an item describes it, it is not another item.
      if (titled && !person) {
        ids.pop();
        break;
      }
      const paren = re(String.raw`\s*\(([^)]{0,120})\)`).exec(s.slice(p));
      if (paren) {
        for (const x of paren[1].matchAll(/⟦(\d+)⟧/g)) ids.push(Number(x[1]));
        p += paren[0].length;
      }
    }
    // "par ⟦A⟧ et par ⟦B⟧": the preposition may be repeated.
    const sep = re(String.raw`(?:\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou|ainsi que|comme)\s+)(?:par\s+)?`).exec(s.slice(p));
    if (!sep) break;
    const next = s.slice(p + sep[0].length);
    const nextIsSlot = re(String.raw`(?:(?:surtout|notamment|aussi|également|enfin|plutôt|même)\s+)?${DET}?(?:\p{Ll}+\s+)?⟦`).test(next);
    if (!nextIsSlot && !(opts.skipNonSlots && /⟦/.test(next.split(/[.;:]/)[0]))) break;
    p += sep[0].length;
  }
  const unique = [...new Set(ids)];
  return unique.length ? { ids: unique, end: p } : undefined;
}

/** The slot right before `pos`, if the words between allow it to be the subject or patient of a verb at `pos`. */
function slotBefore(t: Tagged, pos: number): { id: number; start: number } | undefined {
  const before = t.text.slice(0, pos);
  const m = rx(String.raw`${SLOT}((?:\s*\([^)]*\))?(?:\s*,[^⟦.;:]{1,90}?(?:,|(?=\s+\p{Ll}+(?:é|ée|és|ées|u|ue|us|ues)\s)))?\s*(?:,\s*)?(?:qui\s+|que\s+)?${AUX}?${ADV}*(?:${AUX}${ADV}*)?)$`, 'iu').exec(before);
  if (!m) return undefined;
  // "⟦A⟧, créée en 2015 par ⟦B⟧, a levé …": B is the agent inside A's apposition; A is the subject.
  const head = before.slice(0, m.index);
  if (/^\s*,/.test(m[2]) && /(?:^|\s)(?:par|de|du|des|d['’]|à|au|aux|pour|avec|chez|auprès d[eu])\s*(?:(?:le|la|les|l['’])\s*)?$/iu.test(head)) {
    const outer = rx(String.raw`${SLOT}\s*,[^⟦.;:]{0,90}?$`, 'iu').exec(head);
    if (outer) return { id: Number(outer[1]), start: outer.index };
  }
  return { id: Number(m[1]), start: m.index };
}

/** The subject list ending at `pos` (the last slots before the verb, with their list). */
function subjectsBefore(t: Tagged, pos: number): number[] {
  const b = slotBefore(t, pos);
  if (!b) return [];
  // Walk back over "⟦a⟧, ⟦b⟧ et ⟦c⟧" to take the whole list.
  const ids = [b.id];
  let start = b.start;
  for (;;) {
    const m = rx(String.raw`${SLOT}(?:\s*\([^)]*\))?(?:\s*,\s*|\s+et\s+|\s+ou\s+)${DET}?$`, 'iu').exec(t.text.slice(0, start));
    if (!m) break;
    ids.unshift(Number(m[1]));
    start = m.index;
  }
  return ids;
}

export interface RuleContext {
  /** Creates (or finds) an actor for a phrase the rules name themselves ("ministère de l'Industrie"). */
  synth(name: string, kind: ActorKind, sentence: number): string;
  kindOf(key: string): ActorKind | undefined;
  /** The actor the text or the graph names so (folded), if any. */
  named(name: string): string | undefined;
  /** Subjects, topics, pronouns across sentences. */
  discourse: Discourse;
}

const STAND_FOR_RE = [...STAND_FOR].join('|');
/** "Le tour de table (de ⟦A⟧) … est mené par": group 1 the company raising, group 2 the participle. */
const ROUND_RE = rx(String.raw`(?<![\p{L}])(?:tour de table|levée de fonds|levée|augmentation de capital)(?:\s+(?:de|d['’])\s*${SLOT})?[^⟦.;]{0,60}?\s((?:men|conduit|réalis|boucl|souscrit|orchestr)[\p{Ll}]*|pilotée?)\s+par\s+`, 'giu');
/** ", accompagné par", "et suivi par": more investors of the same round. */
const ROUND_MORE_RE = /^\s*(?:,\s*|\s+et\s+)(?:(?:qui\s+est\s+)?(?:accompagn|rejoint|suivi|épaul|associ)\p{Ll}*\s+(?:\p{Ll}+\s+)?par\s+|aux\s+côtés\s+d[eu]\s*|avec\s+)/iu;
/** A pronoun subject at the start of a clause: "Il a reçu …", "Tous sont impliqués …". */
const PRONOUN_SUBJECT = rx(String.raw`^\s*(?:(?:et|mais|or|donc|puis|ainsi|aussi|enfin)\s*,?\s+)?(il|elle|ils|elles|tous|toutes|ces derniers|ces dernières|celui-ci|celle-ci|ceux-ci|celles-ci)\s+${AUX}?${ADV}*(?:${AUX}${ADV}*)?$`, 'iu');
const singularWord = (w: string) => (w.length > 3 && /[sx]$/u.test(w) && !/(?:ss|us|is)$/u.test(w) ? w.slice(0, -1) : w);

/** All ties the patterns read in one tagged sentence. */
export function readTies(t: Tagged, rc: RuleContext): RawTie[] {
  const out: RawTie[] = [];
  const key = (id: number) => t.slots[id]?.actor;
  const isPerson = (id: number) => t.slots[id]?.kind === 'person' || rc.kindOf(key(id)) === 'person';
  let cue: [number, number] | undefined;
  const add = (type: RelType, a: number | string, b: number | string, rule: string, at: [number, number], confidence: number, status?: RelStatus, since?: number) => {
    const from = typeof a === 'number' ? key(a) : a;
    const to = typeof b === 'number' ? key(b) : b;
    if (!from || !to || from === to) return;
    let c = confidence;
    for (const x of [a, b]) if (typeof x === 'number') {
      const via = t.slots[x].via;
      if (via === 'anaphor') c -= 0.15;
      if (via === 'generic' || via === 'group') c -= 0.1;
    }
    out.push({ type, from, to, sentence: t.sentence, rule, at, cue: cue ?? at, status, confidence: Math.max(0.05, Math.min(0.99, c)), ...(since !== undefined && since < t.sentence ? { since } : {}) });
  };
  const s = t.text;
  const dc = rc.discourse;
  /** The subjects before a verb: the slots of the clause, else what a pronoun subject refers to. */
  const agentsBefore = (pos: number): { ids: (number | string)[]; since?: number; pronoun?: boolean } => {
    const ids = subjectsBefore(t, pos);
    if (ids.length) return { ids };
    const m = PRONOUN_SUBJECT.exec(s.slice(0, pos));
    if (!m) return { ids: [] };
    const w = m[1].toLowerCase();
    const single = ['il', 'elle', 'celui-ci', 'celle-ci'].includes(w);
    const r = single ? dc.pronoun(t.sentence) : dc.plural(t.sentence);
    if (!r) return { ids: [] };
    return { ids: 'keys' in r ? r.keys : [r.key], since: r.from, pronoun: true };
  };

  // 0. A funding round: "Le tour de table est mené par ⟦A⟧, accompagné par ⟦B⟧ et par ⟦C⟧" → each funds the
  // company raising the money (named after the round's noun, else the subject of the sentence before).
  const roundParticiples = new Set<number>();
  for (const m of s.matchAll(ROUND_RE)) {
    let agents = readList(t, m.index! + m[0].length, { appositionPrefix: true });
    if (!agents) continue;
    roundParticiples.add(m.index! + m[0].lastIndexOf(m[2]));
    const ids = [...agents.ids];
    for (let more = ROUND_MORE_RE.exec(s.slice(agents.end)); more; more = ROUND_MORE_RE.exec(s.slice(agents.end))) {
      const w = more[0].search(/accompagn|rejoint|suivi|épaul|associ/iu);
      if (w >= 0) roundParticiples.add(agents.end + w);
      const next = readList(t, agents.end + more[0].length, { appositionPrefix: true });
      if (!next) break;
      ids.push(...next.ids);
      agents = { ids, end: next.end };
    }
    const of = m[1] !== undefined ? Number(m[1]) : undefined;
    const prev = t.sentence > 0 ? dc.subject(t.sentence - 1) : undefined;
    const to = of ?? prev ?? dc.topic(t.sentence);
    if (to === undefined) continue;
    cue = [m.index!, m.index! + m[0].length];
    for (const a of ids) add('FUNDS', a, to, 'funding-round', [m.index!, agents.end], of !== undefined ? 0.7 : 0.55, undefined, of === undefined && prev ? t.sentence - 1 : undefined);
  }

  // 1. Passive voice: "⟦X⟧ (a été) financé par ⟦A⟧, ⟦B⟧", "Organisés par ⟦A⟧, les ⟦X⟧ …".
  for (const v of VERBS) {
    const re = PASSIVE_RE.get(v)!;
    for (const m of s.matchAll(re)) {
      if (roundParticiples.has(m.index!)) continue;
      cue = [m.index!, m.index! + m[1].length];
      const agents = readList(t, m.index! + m[0].length, { appositionPrefix: true, skipNonSlots: true }) ?? genericAgent(m.index! + m[0].length);
      if (!agents) continue;
      // "labellisé ⟦L⟧ par ⟦G⟧": the label rule reads it.
      if (v.type === 'LABELS' && /⟦/.test(m[2])) continue;
      let patient: number | undefined;
      const before = slotBefore(t, m.index!);
      if (before) patient = before.id;
      const fronted = /^\s*(?:[«“"]\s*)?$/.test(s.slice(0, m.index!));
      let type = v.type;
      if (patient === undefined && fronted) {
        // "Portée par A et B, la candidature de X …": backing a candidacy is a partnership with the candidate.
        const after = rx(String.raw`^\s*,\s*${DET}?(?:(${STAND_FOR_RE})\s+${PREP_DE}${DET}?|\p{Ll}+\s+)?${SLOT}`, 'iu').exec(s.slice(agents.end));
        if (after) patient = Number(after[2]);
        if (after?.[1] && type === 'PILOTS') type = 'PARTNERS_WITH';
        // "Organisés par l'⟦A⟧, les ⟦B⟧ …": the list ran on into the subject, which follows ", les".
        const last = agents.ids[agents.ids.length - 1];
        const runsOn = rx(String.raw`,\s*(?:(?:les?|la|l['’])\s*)?⟦${last}⟧(?:\s*,[^⟦,]*,)?\s+\p{Ll}`, 'iu').test(s);
        const candidacy = rx(String.raw`,\s*(?:les?|la|l['’])\s*(?:${STAND_FOR_RE})\s+${PREP_DE}${DET}?⟦${last}⟧`, 'iu').test(s);
        if (patient === undefined && agents.ids.length >= 2 && (runsOn || candidacy || rx(String.raw`,\s*(?:les?|la|l['’])\s*⟦${last}⟧`, 'iu').test(s))) {
          patient = last;
          agents.ids = agents.ids.slice(0, -1);
          if (candidacy && type === 'PILOTS') type = 'PARTNERS_WITH';
        }
      }
      let rule = 'passive';
      if (patient === undefined && v.type === 'FUNDS') {
        // "une enveloppe … débloquée par ⟦A⟧ et ⟦B⟧, au nom de … ⟦X⟧": the beneficiary after the funders.
        const ben = rx(String.raw`^[^⟦.;]{0,40}?(?:au nom d[eu]|au profit d[eu]|en faveur d[eu]|pour le compte d[eu]|destinée?s? (?:à|au)|à destination d[eu]|pour)\s+${DET}?(?:[^⟦,.;]{0,40}?\s)?${SLOT}`, 'iu').exec(s.slice(agents.end));
        if (ben) {
          patient = Number(ben[1]);
          rule = 'passive-beneficiary';
        }
      }
      let topic: string | undefined;
      if (patient === undefined && rx(String.raw`(?:^|\s)${DET}(?:${PART_NOUNS.join('|')})(?![\p{L}])[^⟦]*$`, 'iu').test(s.slice(0, m.index!))) {
        // "La partie immobilière … dont un tiers financé par X": a part of what the paragraph is about.
        topic = dc.topic(t.sentence);
        rule = 'passive-topic';
      }
      let since: number | undefined;
      if (patient === undefined && topic === undefined) {
        // "Il sera géré par ⟦A⟧": the patient is what the pronoun refers to.
        const p = PRONOUN_SUBJECT.exec(s.slice(0, m.index!));
        const w = p?.[1].toLowerCase();
        const r = w && ['il', 'elle', 'celui-ci', 'celle-ci'].includes(w) ? dc.pronoun(t.sentence) : undefined;
        if (r) {
          topic = r.key;
          since = r.from;
          rule = 'passive-pronoun';
        }
      }
      if (patient === undefined && topic === undefined) continue;
      for (const a of agents.ids) {
        if (a === patient) continue;
        if (rule === 'passive-pronoun') add(type, a, topic!, rule, [0, agents.end], 0.55, v.status, since);
        else if (topic !== undefined) add(type, a, topic, rule, [m.index!, agents.end], 0.45, v.status);
        else add(type, a, patient!, rule, [before?.start ?? m.index!, agents.end], 0.75, v.status);
      }
    }
  }

  // 2. Active voice: "⟦A⟧ (qui) finance ⟦B⟧", "⟦A⟧ et ⟦B⟧ pilotent le ⟦C⟧".
  for (const v of ACTIVE_VERBS) {
    const re = ACTIVE_RE.get(v)!;
    for (const m of s.matchAll(re)) {
      cue = [m.index!, m.index! + m[1].length];
      const ag = agentsBefore(m.index!);
      const subjects = ag.ids;
      if (!subjects.length) continue;
      // Between verb and object: adverbs, an amount ("à hauteur de 2 M€"), an article and up to two adjectives.
      const obj = rx(String.raw`^${ADV}*(?:(?:à hauteur de\s+|pour\s+)?[\d\s,.]+(?:millions?|milliards?|M€|k€|€|euros?)(?:\s+d['’]euros)?\s+)?${ADV}*${DET}?(?:\p{Ll}+\s+){0,2}?(?=⟦)`, 'iu').exec(s.slice(m.index! + m[0].length));
      if (!obj) continue;
      const gap = obj[0];
      if (/(?<![\p{L}])(?:que|qui|dont|mais|car|depuis|à|en|dans|vers|sur)(?![\p{L}])/iu.test(gap)) continue;
      const objects = readList(t, m.index! + m[0].length + gap.length);
      if (!objects) continue;
      const candidacy = rx(String.raw`(?:${STAND_FOR_RE})\s+(?:de|d['’]|du|des)`, 'iu').test(gap);
      for (const a of subjects) for (const b of objects.ids) {
        if (v.type === 'PILOTS' && isPerson(b)) continue;
        add(candidacy && v.type === 'PILOTS' ? 'PARTNERS_WITH' : v.type, a, b, ag.pronoun ? 'active-pronoun' : 'active', [m.index!, objects.end], ag.pronoun ? 0.55 : 0.7, undefined, ag.since);
      }
    }
  }

  // 3. Titles: "⟦P⟧, président de ⟦O⟧ et patron de ⟦O2⟧", "l'adjoint au maire de ⟦O⟧, ⟦P⟧", "le ministre de ⟦O⟧ ⟦P⟧".
  const titleObjects = new Set<number>();
  const titleRe = String.raw`(?<![\p{L}])(?:(?:vice|co)-?)?(${TITLE_RE})(?:e|s|es)?(?![\p{L}])([^⟦,.;:()]{0,45}?)\s(?:${PREP_DE}|au sein d[eu]\s+|chez\s+|à la\s+|à l['’]\s*|au\s+)${DET}?(?:[\p{Ll}\-]+\s+){0,3}?${SLOT}`;
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s*,\s*${DET}?`, 'giu'))) {
    const p = Number(m[1]);
    let pos = m.index! + m[0].length;
    // A chain of titles after one person: ", président de ⟦A⟧ et directeur de ⟦B⟧, pilier de ⟦C⟧".
    for (let k = 0; k < 4; k++) {
      const tm = rx(`^${titleRe}`, 'iu').exec(s.slice(pos));
      if (!tm) break;
      cue = [pos, pos + tm[1].length];
      const title = tm[1].toLowerCase();
      const o = Number(tm[3]);
      titleObjects.add(o);
      if ((!isPerson(o) || title === 'partenaire') && t.slots[o].via !== 'group') roleTie(p, o, title, tm[2], [m.index!, pos + tm[0].length], 'title-after');
      pos += tm[0].length;
      const more = rx(String.raw`^(?:\s*,\s*|\s+et\s+|\s*,\s*et\s+)${DET}?(?=(?:(?:vice|co)-?)?(?:${TITLE_RE}))`, 'iu').exec(s.slice(pos));
      if (!more) break;
      pos += more[0].length;
    }
  }
  // "Son président, ⟦P⟧, a salué …": the title is held in what the possessive refers to.
  for (const m of s.matchAll(rx(String.raw`(?:^|[;:]\s*)(?:et\s+)?(?:son|sa|leur)\s+((?:(?:vice|co)-?)?(?:${TITLE_RE}))(?:e|s|es)?((?:\s+[\p{Ll}\-]+){0,2}?)\s*,?\s*${SLOT}`, 'giu'))) {
    const p = Number(m[3]);
    if (!isPerson(p)) continue;
    const r = dc.pronoun(t.sentence);
    if (!r || rc.kindOf(r.key) === 'person') continue;
    const base = m[1].toLowerCase().replace(/^(?:vice|co)-?/, '');
    cue = [m.index!, m.index! + m[0].length];
    add(TITLES[base] ?? 'PILOTS', p, r.key, 'title-possessive', [m.index!, m.index! + m[0].length], 0.6, undefined, r.from);
  }
  // "⟦O⟧, dont la directrice, ⟦P⟧, …": the title is held in O.
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s*,\s*dont\s+(?:le|la|les|l['’])\s*((?:(?:vice|co)-?)?(?:${TITLE_RE}))(?:e|s|es)?((?:\s+[\p{Ll}\-]+){0,2}?)\s*,?\s*${SLOT}`, 'giu'))) {
    const o = Number(m[1]);
    const p = Number(m[4]);
    if (!isPerson(p) || isPerson(o)) continue;
    const dont = m.index! + m[0].search(/dont/iu);
    cue = [dont, dont + 4];
    const n = out.length;
    roleTie(p, o, m[2].toLowerCase(), '', [m.index!, m.index! + m[0].length], 'title-whose');
    for (const r of out.slice(n)) r.clauseAtCue = true;
  }
  for (const m of s.matchAll(rx(String.raw`${titleRe}(?:\s*,\s*|\s+)${SLOT}`, 'giu'))) {
    cue = [m.index!, m.index! + m[1].length];
    const o = Number(m[3]);
    const p = Number(m[4]);
    if (!isPerson(p) || isPerson(o) || t.slots[o].via === 'group') continue;
    // "⟦A⟧, vice-président de ⟦O⟧, ⟦B⟧, …": the title is A's, B starts the next item.
    if (rx(String.raw`⟦\d+⟧\s*,\s*${DET}?(?:(?:vice|co)-?)?$`, 'iu').test(s.slice(0, m.index!))) continue;
    roleTie(p, o, m[1].toLowerCase(), m[2], [m.index!, m.index! + m[0].length], 'title-before');
  }
  function roleTie(p: number, o: number, title: string, between: string, at: [number, number], rule: string): void {
    const base = title.replace(/^(?:vice|co)-?/, '');
    const type = TITLES[base] ?? TITLES[title] ?? 'PILOTS';
    if (!isPerson(p) && t.slots[p].via !== 'name') return;
    // "secrétaire d'[É]tat" is a rank in the government, not a post inside an organisation of that name.
    if (base === 'secrétaire' && !between.trim() && /^[ée]tat$/iu.test((t.surface?.[o] ?? t.slots[o].name).trim())) return;
    let org: number | string = o;
    // "ministre de l'Industrie" heads the ministry of that name, not "l'Industrie".
    if (MINISTER_TITLES.has(base) && !/^(?:au|à)/.test(between.trim())) {
      const mo = t.slots[o];
      if (mo.kind !== 'public_body') org = rc.synth(`ministère de ${/^[aeiouyéèêàâîôûh]/iu.test(mo.name) ? 'l’' : ''}${mo.name}`, 'public_body', t.sentence);
    }
    const ended = /\b(?:ancien(?:ne)?|ex-)\s*$/iu.test(s.slice(Math.max(0, at[0]), at[0] + 60).split(title)[0] ?? '');
    add(type, p, org, rule, at, 0.8, ended ? 'ended' : undefined);
  }

  cue = undefined;
  // 4. Organisation roles in apposition: "⟦A⟧, l'ancienne société éditrice de ⟦B⟧", "⟦A⟧, filiale de ⟦B⟧".
  // (A lookahead: "⟦P⟧, actionnaire de ⟦A⟧, l'ancienne société éditrice de ⟦B⟧" overlaps two readings.)
  for (const m of s.matchAll(rx(String.raw`${SLOT}(?=(\s*,\s*${DET}?((?:ancien(?:ne)?|ex-)\s*)?(?:[\p{L}\-]+\s+){0,2}?(${ORG_ROLE_RE})s?\s+${PREP_DE}${DET}?${SLOT}))`, 'giu'))) {
    const a = Number(m[1]);
    const b = Number(m[5]);
    // "P, actionnaire de ⟦A⟧, l'ancienne société éditrice de ⟦B⟧": an organisation noun says the apposition is A's.
    if (isPerson(a) || (titleObjects.has(a) && !rx(`(?:${ORG_NOUNS})\\s`, 'iu').test(m[2]))) continue;
    const r = ORG_ROLES[m[4].toLowerCase()];
    const [from, to] = r.reverse ? [b, a] : [a, b];
    add(r.type, from, to, 'org-role', [m.index!, m.index! + m[0].length + m[2].length], 0.7, m[3] ? 'ended' : undefined);
  }

  cue = undefined;
  // 5. Partner lists: "des partenaires … que sont ⟦A⟧ et ⟦B⟧", "partenaires fondateurs comme ⟦A⟧, ⟦B⟧".
  for (const m of s.matchAll(/(?<![\p{L}])partenaires?(?![\p{L}])([^⟦.;]{0,60}?)(?:\bcomme\b|\btels? que\b|\btelles? que\b|\bdont\b|\bque sont\b|\bqui sont\b|:|,\s*à savoir|\bnotamment\b)\s*/giu)) {
    const list = readList(t, m.index! + m[0].length);
    if (!list) continue;
    const explicit = rx(String.raw`${PREP_DE}${DET}?${SLOT}`, 'iu').exec(m[1]);
    const anchor = explicit ? Number(explicit[1]) : anchorBefore(m.index!);
    if (anchor === undefined || isPerson(anchor)) continue;
    cue = [m.index!, m.index! + 11];
    for (const b of list.ids) add('PARTNERS_WITH', b, anchor, 'partner-list', [m.index!, list.end], 0.6);
  }
  // "les partenaires (publics) du ⟦X⟧ (⟦A⟧, ⟦B⟧, ⟦C⟧)": partners of X and of one another.
  for (const m of s.matchAll(rx(String.raw`partenaires?\s+(?:[\p{L}\-]+\s+){0,2}?${PREP_DE}${DET}?${SLOT}\s*\(`, 'giu'))) {
    const list = readList(t, m.index! + m[0].length);
    if (!list) continue;
    const x = Number(m[1]);
    for (const b of list.ids) add('PARTNERS_WITH', b, x, 'partners-of', [m.index!, list.end], 0.55);
    pairwise(list.ids, 'partners-of-pairs', [m.index!, list.end], 0.55);
  }
  // "(en) partenariat avec ⟦B⟧", "s'associe à ⟦B⟧" with the nearest actor before.
  for (const m of s.matchAll(/(?<![\p{L}])partenariats?(?:\s+[\p{L}\-]+){0,2}?\s+(?:avec|entre)\s+/giu)) {
    const list = readList(t, m.index! + m[0].length);
    if (!list) continue;
    if (/entre\s+$/iu.test(m[0])) {
      pairwise(list.ids, 'partnership-between', [m.index!, list.end], 0.65);
      continue;
    }
    const anchor = anchorBefore(m.index!, true);
    if (anchor === undefined) continue;
    for (const b of list.ids) add('PARTNERS_WITH', anchor, b, 'partnership-with', [m.index!, list.end], 0.6);
  }
  // Alliances: "l'alliance de collectivités … : ⟦A⟧, ⟦B⟧ et ⟦C⟧" → partners of one another.
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])(?:${ALLIANCE_NOUNS.join('|')})(?![\p{L}])(?:[^⟦.;]|⟦\d+⟧){0,120}?(?::|\(|\bentre\b|\bréunissant\b|\bassociant\b)\s*`, 'giu'))) {
    const list = readList(t, m.index! + m[0].length);
    if (!list || list.ids.length < 2) continue;
    cue = [m.index!, m.index! + 12];
    pairwise(list.ids, 'alliance', [m.index!, list.end], 0.6);
  }
  // "⟦A⟧ et ⟦B⟧ s'associent / s'allient / ont signé un partenariat".
  for (const m of s.matchAll(/(?<![\p{L}])(?:s['’](?:associent|allient|unissent|associeront|allieront)|collaborent|coopèrent|(?:ont|vont)\s+(?:signé|noué|conclu|signer|nouer|conclure)\s+un\s+(?:accord|partenariat))(?![\p{L}])/giu)) {
    const subj = subjectsBefore(t, m.index!);
    if (subj.length >= 2) pairwise(subj, 'allied', [m.index!, m.index! + m[0].length], 0.65);
  }
  // Interest: "⟦A⟧ a fait part de son intérêt pour ⟦B⟧".
  for (const m of s.matchAll(rx(String.raw`(?:intérêt|intéressée?s?)\s+(?:pour|à)\s+${DET}?(?:\p{Ll}+\s+){0,2}?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    add('PARTNERS_WITH', a, Number(m[1]), 'interest', [m.index!, m.index! + m[0].length], 0.6, 'interest');
  }

  cue = undefined;
  // 6. Governance: "le pilotage de ⟦B⟧ a été confié à ⟦C⟧", "⟦C⟧ … en charge de la gestion de ⟦B⟧".
  const gov = GOVERNANCE_NOUNS.join('|');
  for (const m of s.matchAll(rx(String.raw`(?:${gov})\s+${PREP_DE}${DET}?${SLOT}[^⟦.;]{0,90}?confiée?s?\s+(?:[^⟦.;]{0,40}?\s)?(?:à|au|aux)\s+(?:[^⟦.;]{0,50}?,\s*)?${DET}?${SLOT}`, 'giu'))) {
    add('PILOTS', Number(m[2]), Number(m[1]), 'entrusted', [m.index!, m.index! + m[0].length], 0.7);
  }
  for (const m of s.matchAll(rx(String.raw`(?:se charge|en charge|chargée?s?|assure|assurent)\s+${PREP_DE}?${DET}?(?:${gov})(?:\s+\p{Ll}+){0,2}?\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    const c = anchorBefore(m.index!);
    if (c === undefined) continue;
    add('PILOTS', c, Number(m[1]), 'in-charge', [m.index!, m.index! + m[0].length], 0.65);
  }
  // "⟦A⟧ s'est doté d'un ⟦conseil …⟧": a governing body pilots A; anything else A pilots.
  for (const m of s.matchAll(rx(String.raw`s['’](?:est|sont)\s+(?:\p{Ll}+\s+){0,2}?dotée?s?\s+(?:\p{Ll}+\s+){0,2}?(?:d['’]une?|de|du|des)\s*(?:[«“"]\s*)?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    const b = Number(m[1]);
    const body = BODY_NOUNS.some((w) => t.slots[b].name.toLowerCase().startsWith(w));
    if (body) add('PILOTS', b, a, 'endowed-body', [m.index!, m.index! + m[0].length], 0.6);
    else add('PILOTS', a, b, 'endowed', [m.index!, m.index! + m[0].length], 0.55);
  }
  // Creation wished or planned: "⟦A⟧ souhaite l'émergence d'un ⟦B⟧".
  for (const m of s.matchAll(rx(String.raw`(?:${CREATION_NOUNS.join('|')})\s+(?:d['’]une?|de|du|des)\s*(?:[«“"]\s*)?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    const between = s.slice(0, m.index!);
    if (!/(?:souhait|envisag|veu[tl]|prévoi|projet|annonc|réfléchi|prépar|lanc|pilot|port)\p{L}*\s+(?:\p{Ll}+(?:['’]\s*|\s+)){0,3}$/iu.test(between)) continue;
    add('PILOTS', a, Number(m[1]), 'creation', [m.index!, m.index! + m[0].length], 0.55);
  }

  cue = undefined;
  // 7. Labels: "⟦A⟧ a été labellisé ⟦L⟧ par ⟦G⟧", "⟦A⟧ a obtenu le ⟦prix …⟧", "⟦A⟧, lauréat du ⟦L⟧".
  for (const m of s.matchAll(rx(String.raw`labellisée?s?\s+(?:${ADV})*${DET}?${SLOT}(\s+par\s+)?`, 'giu'))) {
    let a = slotBefore(t, m.index!);
    if (!a && /^\s*$/u.test(s.slice(0, m.index!))) {
      // "Labellisée ⟦L⟧ en février, ⟦A⟧ fait partie …": the subject follows the fronted participle.
      const after = rx(String.raw`^[^⟦.;]{0,40}?,\s*${DET}?${SLOT}`, 'iu').exec(s.slice(m.index! + m[0].length));
      if (after) a = { id: Number(after[1]), start: m.index! };
    }
    if (!a) continue;
    cue = [m.index!, m.index! + 12];
    add('LABELS', Number(m[1]), a.id, 'labelled', [a.start, m.index! + m[0].length], 0.75);
    const g = m[2] ? readList(t, m.index! + m[0].length) ?? genericAgent(m.index! + m[0].length) : undefined;
    for (const x of g?.ids ?? []) add('PILOTS', x, Number(m[1]), 'label-awarder', [m.index!, g!.end], 0.6);
  }
  for (const m of s.matchAll(rx(String.raw`(?:obtenu|décroché|reçu|remporté|obtient|obtiennent|décroche|décrochent|reçoit|reçoivent|remporte|remportent)\s+${DET}?(?:(?:label|prix|trophée|titre|distinction)\s+)?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    const a = slotBefore(t, m.index!);
    if (!a) continue;
    add('LABELS', l, a.id, 'obtained', [a.start, m.index! + m[0].length], 0.7);
  }
  // The label a phrase names: its slot when it is a label, the label the text is about for "le label" alone.
  const labelOf = (slot: string | undefined): number | string | undefined => {
    if (slot === undefined) return dc.label();
    const l = Number(slot);
    return rc.kindOf(key(l)) === 'label' || t.slots[l].kind === 'label' ? l : undefined;
  };
  // "Le label obtenu, ⟦A⟧ se met en place".
  for (const m of s.matchAll(rx(String.raw`(?:^|[,;:]\s*|(?<![\p{L}])une fois\s+)(?:le|son|leur)\s+(?:label|${SLOT})\s+(?:(?:national|tant convoité|convoité|fameux)\s+)?(?:obtenu|décroché|acquis|en poche|remporté)\s*,\s*${DET}?${SLOT}`, 'giu'))) {
    const l = labelOf(m[1]);
    if (l === undefined) continue;
    cue = [m.index!, m.index! + m[0].length];
    add('LABELS', l, Number(m[2]), 'label-obtained', [m.index!, m.index! + m[0].length], 0.6);
  }
  // "le label délivré au ⟦A⟧ par le ⟦G⟧": A holds the label, G awards it.
  for (const m of s.matchAll(rx(String.raw`(?:(?<![\p{L}])label|${SLOT})\s+(?:délivrée?|décernée?|attribuée?|accordée?|remise?)\s+(?:(?:en|le)\s+[^⟦,.;]{1,25}?\s+)?(?:au|à la|à l['’]|aux)\s*${SLOT}(?:\s+par\s+${DET}?${SLOT})?`, 'giu'))) {
    const l = labelOf(m[1]);
    if (l === undefined) continue;
    cue = [m.index!, m.index! + m[0].length];
    add('LABELS', l, Number(m[2]), 'label-given-to', [m.index!, m.index! + m[0].length], 0.6);
    if (m[3] !== undefined) add('PILOTS', Number(m[3]), l, 'label-awarder', [m.index!, m.index! + m[0].length], 0.6);
  }
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s*,\s*(?:\p{Ll}+\s+)?lauréat(?:e|s|es)?\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    add('LABELS', Number(m[2]), Number(m[1]), 'laureate', [m.index!, m.index! + m[0].length], 0.7);
  }
  // "le ⟦label⟧ délivré (au territoire) par ⟦G⟧": the awarder runs the label.
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s*,?\s*(?:délivrée?s?|décernée?s?|attribuée?s?|remise?s?|accordée?s?)(?:\s+[^⟦.;]{0,40}?)?\s+par\s+${DET}?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    add('PILOTS', Number(m[2]), l, 'label-awarder', [m.index!, m.index! + m[0].length], 0.6);
  }

  cue = undefined;
  // A prize given at an event: "un ⟦prix …⟧ lors du dernier ⟦salon⟧" → the event runs the prize.
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s+(?:lors|au cours)\s+(?:du|de la|de l['’]|des)\s*(?:(?:dernier|dernière|prochain|prochaine)\s+)?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    add('PILOTS', Number(m[2]), l, 'prize-at-event', [m.index!, m.index! + m[0].length], 0.6);
  }

  cue = undefined;
  // 8. Money: "⟦A⟧ accorde 2 M€ à ⟦B⟧", "⟦B⟧ a reçu 200 000 euros de ⟦A⟧", "un chèque de 50 000 euros de ⟦A⟧ pour ⟦B⟧".
  const give = `(?:${GIVE_STEMS.join('|')})(?:e|ent|é|ée|és|ées|era|eront|erait|eraient|ait|aient)`;
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])(?:(?:a|ont|avait|avaient|va|vont|devrait|devraient)\s+)?${give}(?![\p{L}])([^⟦.;]{0,70}?)\s(?:à|au|aux)\s+${DET}?${SLOT}`, 'giu'))) {
    if (!/\d|€|euros?|subvention|aide|dotation|enveloppe|prêt|avance/iu.test(m[1])) continue;
    const funders = agentsBefore(m.index!);
    for (const a of funders.ids) add('FUNDS', a, Number(m[2]), 'give', [m.index!, m.index! + m[0].length], funders.pronoun ? 0.55 : 0.7, undefined, funders.since);
  }
  const receive = RECEIVE_FORMS.map(spaced).join('|');
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])(?:${receive})(?![\p{L}])([^⟦.;]{0,70}?)\s(?:de la part d[eu]|auprès d[eu]s?|de|du|des|d['’])\s*${DET}?${SLOT}`, 'giu'))) {
    if (!/\d|€|euros?|subvention|aide|dotation|enveloppe|financement|fonds/iu.test(m[1])) continue;
    const recipients = agentsBefore(m.index!);
    for (const b of recipients.ids) add('FUNDS', Number(m[2]), b, 'receive', [m.index!, m.index! + m[0].length], recipients.pronoun ? 0.55 : 0.7, undefined, recipients.since);
  }
  const moneyFrom = String.raw`(?<![\p{L}])(?:${MONEY_NOUNS.join('|')})\s+(?:[\p{Ll}]+\s+)?de\s+[^⟦.;]{1,40}?(?:euros?|€)\s+(?:de la part d[eu]|de|du|des|d['’])\s*${DET}?${SLOT}`;
  const purpose = String.raw`(?:au profit d[eu]|en faveur d[eu]|au nom d[eu]|destinée? à|pour|à|(?:qui (?:a|avait|aura) pour (?:objectif|but|vocation|mission)|afin|pour)\s+(?:de\s+|d['’]\s*)(?:financer|irriguer|soutenir|aider|accompagner|doter|équiper)(?:\s+${DET}?(?:\p{Ll}+\s+)?)?)`;
  for (const m of s.matchAll(rx(String.raw`${moneyFrom}([^⟦.;]{0,40}?)${purpose}\s*${DET}?${SLOT}`, 'giu'))) {
    add('FUNDS', Number(m[1]), Number(m[3]), 'money-noun', [m.index!, m.index! + m[0].length], 0.7);
  }
  // "Pour 2016, un chèque de 50 000 euros de ⟦A⟧ attend la signature": for what the sentence before was about.
  for (const m of s.matchAll(rx(moneyFrom, 'giu'))) {
    if (rx(String.raw`^[^.;]{0,60}?${purpose}\s*${DET}?⟦`, 'iu').test(s.slice(m.index! + m[0].length))) continue;
    if (t.sentence === 0 || subjectsBefore(t, m.index!).length) continue;
    const to = dc.subject(t.sentence - 1);
    if (to) add('FUNDS', Number(m[1]), to, 'money-noun-context', [m.index!, m.index! + m[0].length], 0.45, undefined, t.sentence - 1);
  }
  // "19 millions d'euros émanent des ⟦A⟧": money from A to what the paragraph is about.
  for (const m of s.matchAll(rx(String.raw`(?:euros?|€)\s+(?:émane(?:nt)?|provien(?:nen)?t|proviendr(?:a|ont)|vien(?:nen)?t|viendr(?:a|ont))\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    const to = subjectsBefore(t, m.index!)[0] ?? dc.topic(t.sentence);
    if (to !== undefined) add('FUNDS', Number(m[1]), to, 'money-from', [m.index!, m.index! + m[0].length], 0.45);
  }
  // "⟦A⟧ et ⟦B⟧ permettent aux ⟦C⟧ de demander des fonds": A and B fund C.
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])(?:permet|permettent|permettra|permettront|permettait|permettaient)\s+${ADV}*(?:à|aux?)\s+${DET}?${SLOT}\s+(?:de\s+|d['’]\s*)${ADV}*(?:demander|obtenir|recevoir|lever|toucher|bénéficier|décrocher|solliciter)(?![\p{L}])[^⟦.;]{0,40}?(?:fonds|financements?|aides?|subventions?|prêts?|capitaux|investissements?)(?![\p{L}])`, 'giu'))) {
    const ag = agentsBefore(m.index!);
    for (const a of ag.ids) add('FUNDS', a, Number(m[1]), 'enables-funding', [m.index!, m.index! + m[0].length], 0.55, undefined, ag.since);
  }

  cue = undefined;
  // 9. Across sentences. "Tous sont impliqués dans la candidature de ⟦X⟧": partners of X.
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])(?:impliquée?s?|engagée?s?|mobilisée?s?|unie?s?)\s+(?:dans|à|au|aux|autour d[eu]|autour de la|autour de l['’])\s*${DET}?(?:(?:${STAND_FOR_RE})\s+${PREP_DE})?${DET}?${SLOT}`, 'giu'))) {
    const ag = agentsBefore(m.index!);
    for (const a of ag.ids) add('PARTNERS_WITH', a, Number(m[1]), 'involved', [m.index!, m.index! + m[0].length], ag.pronoun ? 0.5 : 0.6, undefined, ag.since);
  }
  // "Une ⟦commission⟧ y a été créée": created within what the sentence before was about.
  for (const m of s.matchAll(rx(String.raw`${SLOT}\s+y\s+(?:a|ont|avait|avaient)\s+été\s+${ADV}*(?:créée?s?|lancée?s?|mise?s?\s+en\s+place|installée?s?|fondée?s?)(?![\p{L}])`, 'giu'))) {
    const by = t.sentence > 0 ? dc.subject(t.sentence - 1) : undefined;
    if (by) add('PILOTS', by, Number(m[1]), 'created-there', [m.index!, m.index! + m[0].length], 0.45, undefined, t.sentence - 1);
  }
  // "Le directeur général du ⟦cluster⟧, nommé en septembre" without a name: the person named just before.
  const titled = rx(String.raw`^\s*(?:(?:le|la|l['’]|son|sa|leur)\s*)((?:(?:vice|co)-?)?(?:${TITLE_RE}))(?:e|s|es)?((?:\s+[\p{Ll}'’\-]+){0,3}?)\s+(?:${PREP_DE}|au sein d[eu]\s+|à la\s+|à l['’]\s*|au\s+)${DET}?${SLOT}(?!\s*,?\s*⟦)`, 'iu').exec(s);
  if (titled && !isPerson(Number(titled[3]))) {
    const p = dc.person(t.sentence);
    const base = titled[1].toLowerCase().replace(/^(?:vice|co)-?/, '');
    if (p) add(TITLES[base] ?? 'PILOTS', p, Number(titled[3]), 'title-reference', [0, titled[0].length], 0.6, undefined, t.sentence - 1);
  }
  // "⟦A⟧ veut mettre en avant son ⟦B⟧, ⟦C⟧ un ⟦D⟧ et ⟦E⟧ le ⟦F⟧": what a subject calls its own it runs (and so on,
  // when the verb is left out of the next pairs).
  for (const m of s.matchAll(rx(String.raw`${SLOT}((?:\s+(?!(?:qui|que|dont|et|ou|mais)\s)[\p{Ll}'’\-]+){1,6}?)\s+(?:son|sa|ses|leur|leurs)\s+(?:(?:nouvel(?:le)?|nouveau|propre|futur(?:e)?|premier|première)\s+)?(?:[«“"]\s*)?${SLOT}`, 'giu'))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (/(?:^|\s)(?:à|de|du|des|d['’]|par|pour|avec|sur|dans|en|chez)\s*(?:(?:le|la|les|l['’])\s*)?$/iu.test(s.slice(0, m.index!))) continue;
    const own = (x: number, y: number, at: [number, number]) => {
      const ky = rc.kindOf(key(y)) ?? t.slots[y].kind;
      if (isPerson(x) || isPerson(y) || ky === 'local_authority' || t.slots[y].place) return;
      add('PILOTS', x, y, 'possessive', at, 0.5);
    };
    own(a, b, [m.index!, m.index! + m[0].length]);
    let pos = m.index! + m[0].length;
    for (let k = 0; k < 6; k++) {
      // The rest of the item's name when the name stopped short ("… de la Croix de fer").
      const tail = /^\s+(?:de|du|des|d['’])\s*\p{Ll}+(?=\s*,)/u.exec(s.slice(pos));
      if (tail) pos += tail[0].length;
      const apposed = /^\s*(?:[»”"])?\s*,\s*[\p{Ll}'’\-]+(?:\s+[\p{Ll}'’\-]+)?\s+(?:au|aux|à la|à l['’]|à|dans|sur|en)\s*(?:(?:le|la|les|l['’])\s*)?⟦\d+⟧/iu.exec(s.slice(pos));
      if (apposed) pos += apposed[0].length;
      const pair = rx(String.raw`^\s*(?:[»”"])?\s*(?:,\s*(?:et\s+)?|et\s+)${DET}?${SLOT}\s+${DET}(?:[«“"]\s*)?${SLOT}`, 'iu').exec(s.slice(pos));
      if (!pair) break;
      own(Number(pair[1]), Number(pair[2]), [pos, pos + pair[0].length]);
      pos += pair[0].length;
    }
  }
  // "Les projets de laboratoires communs, tant de ⟦A⟧ que de ⟦B⟧": one planned project for each, run by its owner.
  const projects: { at: number; pos: number; prep: string; what: string }[] = [];
  const PROJECT = String.raw`projets?\s+(d['’]\s*|de\s+)(\p{Ll}[\p{Ll}\-]+(?:\s+\p{Ll}[\p{Ll}\-]+)?)`;
  for (const m of s.matchAll(rx(String.raw`(?<![\p{L}])${PROJECT}`, 'giu'))) projects.push({ at: m.index!, pos: m.index! + m[0].length, prep: m[1], what: m[2] });
  t.slots.forEach((sl, i) => {
    const m = sl.via === 'group' || sl.via === 'generic' ? rx(`^${PROJECT}$`, 'iu').exec(sl.name) : null;
    if (m && t.slotPos[i]) projects.push({ at: t.slotPos[i][0], pos: t.slotPos[i][1], prep: m[1], what: m[2] });
  });
  for (const pr of projects) {
    const lead = rx(String.raw`^\s*,?\s*(?:tant\s+)?(?=${PREP_DE}${DET}?⟦)`, 'iu').exec(s.slice(pr.pos));
    if (!lead) continue;
    const m = { index: pr.at, 1: pr.prep, 2: pr.what };
    let pos = pr.pos + lead[0].length;
    const thing = m[2].split(/\s+/).map(singularWord).join(' ');
    const kind = HEADS[thing.split(' ')[0]]?.kind ?? 'programme';
    for (let k = 0; k < 6; k++) {
      const owner = rx(String.raw`^\s*(?:,\s*)?(?:(?:que|et|ou)\s+)?${PREP_DE}${DET}?${SLOT}(?:\s+(?:à|en)\s+${SLOT})?`, 'iu').exec(s.slice(pos));
      if (!owner) break;
      const o = Number(owner[1]);
      const project = rc.synth(`projet ${m[1].trim().replace(/\s+$/, '')}${/['’]$/.test(m[1].trim()) ? '' : ' '}${thing} de ${t.slots[o].name}`, kind, t.sentence);
      add('PILOTS', o, project, 'project-of', [m.index!, pos + owner[0].length], 0.55, 'planned');
      pos += owner[0].length;
    }
  }
  // Governance bodies: "la mission nationale ⟦X⟧" runs X; "un comité de suivi" runs what the paragraph is about.
  t.slots.forEach((sl, i) => {
    if (sl.start < 0) return;
    const name = sl.name.toLowerCase();
    if (sl.via === 'head' && /^(?:mission|comité|commission|délégation)\s/u.test(name)) {
      const inner = (sl.forms ?? []).map((f) => rc.named(f)).find((k) => k && k !== sl.actor);
      if (inner) add('PILOTS', i, inner, 'body-of', [t.slotPos[i][0], t.slotPos[i][1]], 0.5);
    }
    if ((sl.via === 'group' || sl.via === 'generic') && /^(?:comités?|conseils?|commissions?|instances?)\s+(?:de\s+|d['’])(?:pilotage|direction|surveillance|suivi|gouvernance|administration)/u.test(name)) {
      if (rx(String.raw`^[^⟦.;]{0,30}?${PREP_DE}${DET}?⟦`, 'iu').test(s.slice(t.slotPos[i][1]))) return;
      const topic = dc.topic(t.sentence);
      if (topic) add('PILOTS', i, topic, 'governing-body', [t.slotPos[i][0], t.slotPos[i][1]], 0.4);
    }
  });

  return out;

  /** "par le département": a definite or indefinite singular noun as the agent, made an actor of its own. */
  function genericAgent(pos: number): ListRead | undefined {
    const g = /^(le|la|l['’]|un|une)\s*(\p{Ll}[\p{L}\-]{3,})(?:\s+(\p{Ll}+(?:ien|ienne|al|ale|ais|aise|ois|oise|ique|el|elle|aire)))?(?=[\s,.;:)]|$)/u.exec(s.slice(pos));
    if (!g || /s$/.test(g[2]) || NOT_AGENT.test(g[2]) || TITLES[g[2]]) return undefined;
    // The first item of a list of unnamed agents ("par une collectivité, une université, …") names none of them.
    if (/^\s*,\s*(?:une?|des|la|le|les|l['’])\s/iu.test(s.slice(pos + g[0].length))) return undefined;
    const name = g[3] ? `${g[2]} ${g[3]}` : g[2];
    const id = t.slots.length;
    t.slots.push({ start: -1, end: -1, sentence: t.sentence, name, actor: rc.synth(name, 'company', t.sentence), via: 'generic' });
    return { ids: [id], end: pos + g[0].length };
  }

  function anchorBefore(pos: number, preferSubject = false): number | undefined {
    // Slots after a place preposition ("basé à ⟦X⟧") are where, not who.
    const ids = [...s.slice(0, pos).matchAll(/(?<!(?<![\p{L}])(?:à|en|dans|depuis|vers|sur)\s+)⟦(\d+)⟧/giu)].map((x) => Number(x[1]));
    if (!ids.length) return undefined;
    const orgs = ids.filter((i) => !isPerson(i));
    const last = preferSubject || !orgs.length ? ids[ids.length - 1] : orgs[orgs.length - 1];
    // "⟦A⟧, filiale du groupe ⟦B⟧, a annoncé …": B sits inside A's apposition; A is the anchor.
    const outer = rx(String.raw`⟦(\d+)⟧\s*,[^⟦.;]{1,60}?⟦${last}⟧\s*,[^⟦.;]*$`, 'iu').exec(s.slice(0, pos));
    if (outer && isPerson(Number(outer[1])) === isPerson(last)) return Number(outer[1]);
    return last;
  }
  function pairwise(ids: number[], rule: string, at: [number, number], confidence: number): void {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add('PARTNERS_WITH', ids[i], ids[j], rule, at, confidence);
  }
}

/** The status a clause gives its tie, or `null` when a negation leaves no tie at all. */
export function statusOf(clause: string, fallback?: RelStatus): { status: RelStatus; hedged: boolean } | null {
  for (const c of STATUS_CUES) if (c.re.test(clause)) return { status: c.status, hedged: false };
  if (HEDGES.test(clause)) return { status: fallback && fallback !== 'effective' ? fallback : 'planned', hedged: true };
  if (NEGATION.test(clause)) return null;
  return { status: fallback ?? 'effective', hedged: false };
}
