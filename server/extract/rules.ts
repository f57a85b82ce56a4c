// Relation patterns: each sentence is rewritten with its actor mentions as slots ⟦n⟧, and French patterns
// (passive and active voice, titles, appositions, partner lists, alliances, labels, money) read ties from it.
import type { ActorKind, RelStatus, RelType } from '../../model/vocabulary';
import { ACTIVE_VERBS, ALLIANCE_NOUNS, BODY_NOUNS, CREATION_NOUNS, GIVE_STEMS, GOVERNANCE_NOUNS, HEDGES, MINISTER_TITLES, MONEY_NOUNS, NEGATION, ORG_ROLES, RECEIVE_FORMS, STATUS_CUES, TITLES, VERBS } from './lexicon';
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
  status?: RelStatus;
  confidence: number;
}

/** A sentence with its mentions as slots. */
export interface Tagged {
  sentence: number;
  text: string;
  /** Slot n → the mention (actor key, kind). */
  slots: Mention[];
  /** Position of each slot in `text`, and of the original sentence for each tagged position (approximate). */
  slotPos: [number, number][];
}

const DET = String.raw`(?:(?:les?|la|l['’]|une?|des|du|de la|de l['’]|d['’]|au|aux|son|sa|ses|leurs?|cette|ce|cet|ces)\s*)`;
const SLOT = String.raw`⟦(\d+)⟧`;
const ADV = String.raw`(?:(?:pas|encore|déjà|aussi|également|notamment|officiellement|largement|entièrement|principalement|en partie|partiellement|directement|initialement|désormais|toujours|récemment|conjointement|majoritairement|bien|finalement|depuis|fortement|conjointement|de concert|en outre|ensuite|alors|elle-même|lui-même|historiquement|activement|financièrement)\s+)`;
const AUX = String.raw`(?:(?:n['’]|ne\s+)?(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront|serait|seraient|fut|furent|a été|ont été|avait été|avaient été|sera|va être|vont être|devrait être|devraient être|pourrait être|pourraient être|doit être|doivent être|aurait été|auraient été|sont désormais|est désormais)\s+)`;
const PREP_DE = String.raw`(?:de la|de l['’]|des|du|de|d['’])\s*`;
/** Abstract nouns that follow "par" without being an agent ("par le biais", "par la suite"). */
const NOT_AGENT = /^(?:biais|suite|passé|menu|voie|force|design|moyen|fait|bouche|hasard|exemple|principe|rapport|ailleurs|contre|intermédiaire|truchement|défaut|nature|définition|conséquent|endroit|occasion|mail|courrier|téléphone|décret|arrêté|loi|vote|décision|jeu|effet|biais)$/u;
const TITLE_RE = Object.keys(TITLES).sort((a, b) => b.length - a.length).map(esc).join('|');
const ORG_ROLE_RE = Object.keys(ORG_ROLES).map(esc).join('|');

function esc(s: string): string {
  // Capitals often lose their accent in the press ("Epaulée", "Ecole"): a leading é or è matches e too.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^[éè]/u, (c) => `[${c}e]`);
}

/** Passive participles: stem + é/ée/és/ées, and irregular full forms. */
function participles(stems: string[], irregular: string[] = []): string {
  const forms = [...stems.map((s) => `${esc(s)}(?:é|ée|és|ées)`), ...irregular.map((f) => `${esc(f)}(?:e|s|es)?`)];
  return `(?:${forms.join('|')})`;
}

/** Finite forms of first-group verbs: present, imperfect, future, conditional, compound past, modal + infinitive. */
function finite(stems: string[], forms: string[] = []): string {
  const st = stems.map(esc).join('|');
  const soft = `(?:${st})(?:e|es|ent|ait|aient|eait|eaient|era|eront|erait|eraient|ons)`;
  const past = `(?:a|ont|avait|avaient|aura|auront|aurait|auraient)\\s+${ADV}*(?:${st})é`;
  const modal = `(?:va|vont|doit|doivent|devrait|devraient|pourrait|pourraient|compte|comptent|envisage|envisagent|souhaite|souhaitent|veut|veulent|entend|entendent|continue de|continuent de|continue à|continuent à|refuse de|refusent de|a refusé de|ont refusé de|renonce à|renoncent à|a renoncé à|ont renoncé à|cesse de|a cessé de)\\s+(?:de\\s+)?${ADV}*(?:${st})er`;
  const extra = forms.map(esc).join('|');
  return `(?:${soft}|${past}|${modal}${extra ? `|${extra}` : ''})`;
}

/** The tagged form of a sentence: mentions replaced by ⟦n⟧. */
export function tag(sentenceIndex: number, sentenceText: string, sentenceStart: number, mentions: Mention[]): Tagged {
  let text = '';
  let last = 0;
  const slots: Mention[] = [];
  const slotPos: [number, number][] = [];
  for (const m of mentions) {
    const a = m.start - sentenceStart;
    const b = m.end - sentenceStart;
    if (a < last) continue;
    text += sentenceText.slice(last, a);
    const t = `⟦${slots.length}⟧`;
    slotPos.push([text.length, text.length + t.length]);
    text += t;
    slots.push(m);
    last = b;
  }
  text += sentenceText.slice(last);
  return { sentence: sentenceIndex, text, slots, slotPos };
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
  const re = (r: string) => new RegExp(`^${r}`, 'iu');
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
      const skip = re(String.raw`\s*[^⟦,.;:()]{1,60}?(?=\s*(?:,|\bet\b|\bou\b))`).exec(s.slice(p));
      if (!skip) break;
      p += skip[0].length;
    } else {
      const titled = new RegExp(`(?:${TITLE_RE})`, 'iu').test(m[0]);
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
    const sep = re(String.raw`(?:\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou|ainsi que|comme)\s+)`).exec(s.slice(p));
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
  const m = new RegExp(String.raw`${SLOT}((?:\s*\([^)]*\))?(?:\s*,[^⟦.;:]{1,90}?(?:,|(?=\s+\p{Ll}+(?:é|ée|és|ées|u|ue|us|ues)\s)))?\s*(?:,\s*)?(?:qui\s+|que\s+)?${AUX}?${ADV}*(?:${AUX}${ADV}*)?)$`, 'iu').exec(before);
  return m ? { id: Number(m[1]), start: m.index } : undefined;
}

/** The subject list ending at `pos` (the last slots before the verb, with their list). */
function subjectsBefore(t: Tagged, pos: number): number[] {
  const b = slotBefore(t, pos);
  if (!b) return [];
  // Walk back over "⟦a⟧, ⟦b⟧ et ⟦c⟧" to take the whole list.
  const ids = [b.id];
  let start = b.start;
  for (;;) {
    const m = new RegExp(String.raw`${SLOT}(?:\s*\([^)]*\))?(?:\s*,\s*|\s+et\s+|\s+ou\s+)${DET}?$`, 'iu').exec(t.text.slice(0, start));
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
}

/** All ties the patterns read in one tagged sentence. */
export function readTies(t: Tagged, rc: RuleContext): RawTie[] {
  const out: RawTie[] = [];
  const key = (id: number) => t.slots[id]?.actor;
  const isPerson = (id: number) => t.slots[id]?.kind === 'person' || rc.kindOf(key(id)) === 'person';
  let cue: [number, number] | undefined;
  const add = (type: RelType, a: number | string, b: number | string, rule: string, at: [number, number], confidence: number, status?: RelStatus) => {
    const from = typeof a === 'number' ? key(a) : a;
    const to = typeof b === 'number' ? key(b) : b;
    if (!from || !to || from === to) return;
    let c = confidence;
    for (const x of [a, b]) if (typeof x === 'number') {
      const via = t.slots[x].via;
      if (via === 'anaphor') c -= 0.15;
      if (via === 'generic') c -= 0.1;
    }
    out.push({ type, from, to, sentence: t.sentence, rule, at, cue: cue ?? at, status, confidence: Math.max(0.05, Math.min(0.99, c)) });
  };
  const s = t.text;

  // 1. Passive voice: "⟦X⟧ (a été) financé par ⟦A⟧, ⟦B⟧", "Organisés par ⟦A⟧, les ⟦X⟧ …".
  for (const v of VERBS) {
    const re = new RegExp(String.raw`(?<![\p{L}])(${participles(v.stems, v.irregular)})(?![\p{L}])((?:\s+[^\s⟦.;:]+){0,5}?)\s+par\s+`, 'giu');
    for (const m of s.matchAll(re)) {
      cue = [m.index!, m.index! + m[1].length];
      const agents = readList(t, m.index! + m[0].length, { appositionPrefix: true, skipNonSlots: true }) ?? genericAgent(m.index! + m[0].length);
      if (!agents) continue;
      // "labellisé ⟦L⟧ par ⟦G⟧": the label rule reads it.
      if (v.type === 'LABELS' && /⟦/.test(m[2])) continue;
      let patient: number | undefined;
      const before = slotBefore(t, m.index!);
      if (before) patient = before.id;
      const fronted = /^\s*(?:[«“"]\s*)?$/.test(s.slice(0, m.index!));
      if (patient === undefined && fronted) {
        const after = new RegExp(String.raw`^\s*,\s*${DET}?(?:\p{Ll}+\s+)?${SLOT}`, 'iu').exec(s.slice(agents.end));
        if (after) patient = Number(after[1]);
        // "Organisés par l'⟦A⟧, les ⟦B⟧ …": the list ran on into the subject, which follows ", les".
        const last = agents.ids[agents.ids.length - 1];
        const runsOn = new RegExp(String.raw`,\s*(?:(?:les?|la|l['’])\s*)?⟦${last}⟧(?:\s*,[^⟦,]*,)?\s+\p{Ll}`, 'iu').test(s);
        if (patient === undefined && agents.ids.length >= 2 && (runsOn || new RegExp(String.raw`,\s*(?:les?|la|l['’])\s*⟦${last}⟧`, 'iu').test(s))) {
          patient = last;
          agents.ids = agents.ids.slice(0, -1);
        }
      }
      let rule = 'passive';
      if (patient === undefined && v.type === 'FUNDS') {
        // "une enveloppe … débloquée par ⟦A⟧ et ⟦B⟧, au nom de … ⟦X⟧": the beneficiary after the funders.
        const ben = new RegExp(String.raw`^[^⟦.;]{0,40}?(?:au nom d[eu]|au profit d[eu]|en faveur d[eu]|pour le compte d[eu]|destinée?s? (?:à|au)|à destination d[eu]|pour)\s+${DET}?(?:[^⟦,.;]{0,40}?\s)?${SLOT}`, 'iu').exec(s.slice(agents.end));
        if (ben) {
          patient = Number(ben[1]);
          rule = 'passive-beneficiary';
        }
      }
      if (patient === undefined) continue;
      for (const a of agents.ids) {
        if (a === patient) continue;
        add(v.type, a, patient, rule, [before?.start ?? m.index!, agents.end], 0.75, v.status);
      }
    }
  }

  // 2. Active voice: "⟦A⟧ (qui) finance ⟦B⟧", "⟦A⟧ et ⟦B⟧ pilotent le ⟦C⟧".
  for (const v of ACTIVE_VERBS) {
    const re = new RegExp(String.raw`(?<![\p{L}])(${finite(v.stems, v.forms)})(?![\p{L}])\s+`, 'giu');
    for (const m of s.matchAll(re)) {
      cue = [m.index!, m.index! + m[1].length];
      const subjects = subjectsBefore(t, m.index!);
      if (!subjects.length) continue;
      // Between verb and object: adverbs, an amount ("à hauteur de 2 M€"), an article and up to two adjectives.
      const obj = new RegExp(String.raw`^${ADV}*(?:(?:à hauteur de\s+|pour\s+)?[\d\s,.]+(?:millions?|milliards?|M€|k€|€|euros?)(?:\s+d['’]euros)?\s+)?${ADV}*${DET}?(?:\p{Ll}+\s+){0,2}?(?=⟦)`, 'iu').exec(s.slice(m.index! + m[0].length));
      if (!obj) continue;
      const gap = obj[0];
      if (/(?<![\p{L}])(?:que|qui|dont|mais|car|depuis|à|en|dans|vers|sur)(?![\p{L}])/iu.test(gap)) continue;
      const objects = readList(t, m.index! + m[0].length + gap.length);
      if (!objects) continue;
      for (const a of subjects) for (const b of objects.ids) {
        if (v.type === 'PILOTS' && isPerson(b)) continue;
        add(v.type, a, b, 'active', [m.index!, objects.end], 0.7);
      }
    }
  }

  // 3. Titles: "⟦P⟧, président de ⟦O⟧ et patron de ⟦O2⟧", "l'adjoint au maire de ⟦O⟧, ⟦P⟧", "le ministre de ⟦O⟧ ⟦P⟧".
  const titleObjects = new Set<number>();
  const titleRe = String.raw`(?<![\p{L}])(?:(?:vice|co)-?)?(${TITLE_RE})(?:e|s|es)?(?![\p{L}])([^⟦,.;:()]{0,45}?)\s(?:${PREP_DE}|au sein d[eu]\s+|chez\s+|à la\s+|à l['’]\s*|au\s+)${DET}?(?:[\p{Ll}\-]+\s+){0,3}?${SLOT}`;
  for (const m of s.matchAll(new RegExp(String.raw`${SLOT}\s*,\s*${DET}?`, 'giu'))) {
    const p = Number(m[1]);
    let pos = m.index! + m[0].length;
    // A chain of titles after one person: ", président de ⟦A⟧ et directeur de ⟦B⟧, pilier de ⟦C⟧".
    for (let k = 0; k < 4; k++) {
      const tm = new RegExp(`^${titleRe}`, 'iu').exec(s.slice(pos));
      if (!tm) break;
      cue = [pos, pos + tm[1].length];
      const title = tm[1].toLowerCase();
      const o = Number(tm[3]);
      titleObjects.add(o);
      if (!isPerson(o) || title === 'partenaire') roleTie(p, o, title, tm[2], [m.index!, pos + tm[0].length], 'title-after');
      pos += tm[0].length;
      const more = new RegExp(String.raw`^(?:\s*,\s*|\s+et\s+|\s*,\s*et\s+)${DET}?(?=(?:(?:vice|co)-?)?(?:${TITLE_RE}))`, 'iu').exec(s.slice(pos));
      if (!more) break;
      pos += more[0].length;
    }
  }
  for (const m of s.matchAll(new RegExp(String.raw`${titleRe}(?:\s*,\s*|\s+)${SLOT}`, 'giu'))) {
    cue = [m.index!, m.index! + m[1].length];
    const o = Number(m[3]);
    const p = Number(m[4]);
    if (!isPerson(p) || isPerson(o)) continue;
    // "⟦A⟧, vice-président de ⟦O⟧, ⟦B⟧, …": the title is A's, B starts the next item.
    if (new RegExp(String.raw`⟦\d+⟧\s*,\s*${DET}?(?:(?:vice|co)-?)?$`, 'iu').test(s.slice(0, m.index!))) continue;
    roleTie(p, o, m[1].toLowerCase(), m[2], [m.index!, m.index! + m[0].length], 'title-before');
  }
  function roleTie(p: number, o: number, title: string, between: string, at: [number, number], rule: string): void {
    const base = title.replace(/^(?:vice|co)-?/, '');
    const type = TITLES[base] ?? TITLES[title] ?? 'PILOTS';
    if (!isPerson(p) && t.slots[p].via !== 'name') return;
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
  for (const m of s.matchAll(new RegExp(String.raw`${SLOT}\s*,\s*${DET}?((?:ancien(?:ne)?|ex-)\s*)?(?:[\p{L}\-]+\s+){0,2}?(${ORG_ROLE_RE})s?\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    const a = Number(m[1]);
    const b = Number(m[4]);
    if (isPerson(a) || titleObjects.has(a)) continue;
    const r = ORG_ROLES[m[3].toLowerCase()];
    const [from, to] = r.reverse ? [b, a] : [a, b];
    add(r.type, from, to, 'org-role', [m.index!, m.index! + m[0].length], 0.7, m[2] ? 'ended' : undefined);
  }

  cue = undefined;
  // 5. Partner lists: "des partenaires … que sont ⟦A⟧ et ⟦B⟧", "partenaires fondateurs comme ⟦A⟧, ⟦B⟧".
  for (const m of s.matchAll(/(?<![\p{L}])partenaires?(?![\p{L}])([^⟦.;]{0,60}?)(?:\bcomme\b|\btels? que\b|\btelles? que\b|\bdont\b|\bque sont\b|\bqui sont\b|:|,\s*à savoir|\bnotamment\b)\s*/giu)) {
    const list = readList(t, m.index! + m[0].length);
    if (!list) continue;
    const explicit = new RegExp(String.raw`${PREP_DE}${DET}?${SLOT}`, 'iu').exec(m[1]);
    const anchor = explicit ? Number(explicit[1]) : anchorBefore(m.index!);
    if (anchor === undefined || isPerson(anchor)) continue;
    cue = [m.index!, m.index! + 11];
    for (const b of list.ids) add('PARTNERS_WITH', b, anchor, 'partner-list', [m.index!, list.end], 0.6);
  }
  // "les partenaires (publics) du ⟦X⟧ (⟦A⟧, ⟦B⟧, ⟦C⟧)": partners of X and of one another.
  for (const m of s.matchAll(new RegExp(String.raw`partenaires?\s+(?:[\p{L}\-]+\s+){0,2}?${PREP_DE}${DET}?${SLOT}\s*\(`, 'giu'))) {
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
  for (const m of s.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:${ALLIANCE_NOUNS.join('|')})(?![\p{L}])[^⟦.;]{0,120}?(?::|\(|\bentre\b|\bréunissant\b|\bassociant\b)\s*`, 'giu'))) {
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
  for (const m of s.matchAll(new RegExp(String.raw`(?:intérêt|intéressée?s?)\s+(?:pour|à)\s+${DET}?(?:\p{Ll}+\s+){0,2}?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    add('PARTNERS_WITH', a, Number(m[1]), 'interest', [m.index!, m.index! + m[0].length], 0.6, 'interest');
  }

  cue = undefined;
  // 6. Governance: "le pilotage de ⟦B⟧ a été confié à ⟦C⟧", "⟦C⟧ … en charge de la gestion de ⟦B⟧".
  const gov = GOVERNANCE_NOUNS.join('|');
  for (const m of s.matchAll(new RegExp(String.raw`(?:${gov})\s+${PREP_DE}${DET}?${SLOT}[^⟦.;]{0,90}?confiée?s?\s+(?:[^⟦.;]{0,40}?\s)?(?:à|au|aux)\s+(?:[^⟦.;]{0,50}?,\s*)?${DET}?${SLOT}`, 'giu'))) {
    add('PILOTS', Number(m[2]), Number(m[1]), 'entrusted', [m.index!, m.index! + m[0].length], 0.7);
  }
  for (const m of s.matchAll(new RegExp(String.raw`(?:se charge|en charge|chargée?s?|assure|assurent)\s+${PREP_DE}?${DET}?(?:${gov})(?:\s+\p{Ll}+){0,2}?\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    const c = anchorBefore(m.index!);
    if (c === undefined) continue;
    add('PILOTS', c, Number(m[1]), 'in-charge', [m.index!, m.index! + m[0].length], 0.65);
  }
  // "⟦A⟧ s'est doté d'un ⟦conseil …⟧": a governing body pilots A; anything else A pilots.
  for (const m of s.matchAll(new RegExp(String.raw`s['’](?:est|sont)\s+(?:\p{Ll}+\s+){0,2}?dotée?s?\s+(?:\p{Ll}+\s+){0,2}?(?:d['’]une?|de|du|des)\s*(?:[«“"]\s*)?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    const b = Number(m[1]);
    const body = BODY_NOUNS.some((w) => t.slots[b].name.toLowerCase().startsWith(w));
    if (body) add('PILOTS', b, a, 'endowed-body', [m.index!, m.index! + m[0].length], 0.6);
    else add('PILOTS', a, b, 'endowed', [m.index!, m.index! + m[0].length], 0.55);
  }
  // Creation wished or planned: "⟦A⟧ souhaite l'émergence d'un ⟦B⟧".
  for (const m of s.matchAll(new RegExp(String.raw`(?:${CREATION_NOUNS.join('|')})\s+(?:d['’]une?|de|du|des)\s*(?:[«“"]\s*)?${SLOT}`, 'giu'))) {
    const a = anchorBefore(m.index!);
    if (a === undefined) continue;
    const between = s.slice(0, m.index!);
    if (!/(?:souhait|envisag|veu[tl]|prévoi|projet|annonc|réfléchi|prépar|lanc|pilot|port)\p{L}*\s+(?:\p{Ll}+(?:['’]\s*|\s+)){0,3}$/iu.test(between)) continue;
    add('PILOTS', a, Number(m[1]), 'creation', [m.index!, m.index! + m[0].length], 0.55);
  }

  cue = undefined;
  // 7. Labels: "⟦A⟧ a été labellisé ⟦L⟧ par ⟦G⟧", "⟦A⟧ a obtenu le ⟦prix …⟧", "⟦A⟧, lauréat du ⟦L⟧".
  for (const m of s.matchAll(new RegExp(String.raw`labellisée?s?\s+(?:${ADV})*${DET}?${SLOT}(\s+par\s+)?`, 'giu'))) {
    const a = slotBefore(t, m.index!);
    if (!a) continue;
    cue = [m.index!, m.index! + 12];
    add('LABELS', Number(m[1]), a.id, 'labelled', [a.start, m.index! + m[0].length], 0.75);
    const g = m[2] ? readList(t, m.index! + m[0].length) ?? genericAgent(m.index! + m[0].length) : undefined;
    for (const x of g?.ids ?? []) add('PILOTS', x, Number(m[1]), 'label-awarder', [m.index!, g!.end], 0.6);
  }
  for (const m of s.matchAll(new RegExp(String.raw`(?:obtenu|décroché|reçu|remporté|obtient|obtiennent|décroche|décrochent|reçoit|reçoivent|remporte|remportent)\s+${DET}?(?:(?:label|prix|trophée|titre|distinction)\s+)?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    const a = slotBefore(t, m.index!);
    if (!a) continue;
    add('LABELS', l, a.id, 'obtained', [a.start, m.index! + m[0].length], 0.7);
  }
  for (const m of s.matchAll(new RegExp(String.raw`${SLOT}\s*,\s*(?:\p{Ll}+\s+)?lauréat(?:e|s|es)?\s+${PREP_DE}${DET}?${SLOT}`, 'giu'))) {
    add('LABELS', Number(m[2]), Number(m[1]), 'laureate', [m.index!, m.index! + m[0].length], 0.7);
  }
  // "le ⟦label⟧ délivré (au territoire) par ⟦G⟧": the awarder runs the label.
  for (const m of s.matchAll(new RegExp(String.raw`${SLOT}\s*,?\s*(?:délivrée?s?|décernée?s?|attribuée?s?|remise?s?|accordée?s?)(?:\s+[^⟦.;]{0,40}?)?\s+par\s+${DET}?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    add('PILOTS', Number(m[2]), l, 'label-awarder', [m.index!, m.index! + m[0].length], 0.6);
  }

  cue = undefined;
  // A prize given at an event: "un ⟦prix …⟧ lors du dernier ⟦salon⟧" → the event runs the prize.
  for (const m of s.matchAll(new RegExp(String.raw`${SLOT}\s+(?:lors|au cours)\s+(?:du|de la|de l['’]|des)\s*(?:(?:dernier|dernière|prochain|prochaine)\s+)?${SLOT}`, 'giu'))) {
    const l = Number(m[1]);
    if (rc.kindOf(key(l)) !== 'label' && t.slots[l].kind !== 'label') continue;
    add('PILOTS', Number(m[2]), l, 'prize-at-event', [m.index!, m.index! + m[0].length], 0.6);
  }

  cue = undefined;
  // 8. Money: "⟦A⟧ accorde 2 M€ à ⟦B⟧", "⟦B⟧ a reçu 200 000 euros de ⟦A⟧", "un chèque de 50 000 euros de ⟦A⟧ pour ⟦B⟧".
  const give = `(?:${GIVE_STEMS.join('|')})(?:e|ent|é|ée|és|ées|era|eront|erait|eraient|ait|aient)`;
  for (const m of s.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:(?:a|ont|avait|avaient|va|vont|devrait|devraient)\s+)?${give}(?![\p{L}])([^⟦.;]{0,70}?)\s(?:à|au|aux)\s+${DET}?${SLOT}`, 'giu'))) {
    if (!/\d|€|euros?|subvention|aide|dotation|enveloppe|prêt|avance/iu.test(m[1])) continue;
    const funders = subjectsBefore(t, m.index!);
    for (const a of funders) add('FUNDS', a, Number(m[2]), 'give', [m.index!, m.index! + m[0].length], 0.7);
  }
  const receive = RECEIVE_FORMS.map(esc).join('|');
  for (const m of s.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:${receive})(?![\p{L}])([^⟦.;]{0,70}?)\s(?:de la part d[eu]|auprès d[eu]s?|de|du|des|d['’])\s*${DET}?${SLOT}`, 'giu'))) {
    if (!/\d|€|euros?|subvention|aide|dotation|enveloppe|financement|fonds/iu.test(m[1])) continue;
    const recipients = subjectsBefore(t, m.index!);
    for (const b of recipients) add('FUNDS', Number(m[2]), b, 'receive', [m.index!, m.index! + m[0].length], 0.7);
  }
  for (const m of s.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:${MONEY_NOUNS.join('|')})\s+(?:[\p{Ll}]+\s+)?de\s+[^⟦.;]{1,40}?(?:euros?|€)\s+(?:de la part d[eu]|de|du|des|d['’])\s*${DET}?${SLOT}([^⟦.;]{0,40}?)(?:au profit d[eu]|en faveur d[eu]|au nom d[eu]|destinée? à|pour|à)\s+${DET}?${SLOT}`, 'giu'))) {
    add('FUNDS', Number(m[1]), Number(m[3]), 'money-noun', [m.index!, m.index! + m[0].length], 0.7);
  }

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
    if (preferSubject) return ids[ids.length - 1];
    return orgs.length ? orgs[orgs.length - 1] : ids[ids.length - 1];
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
