// Mentions of actors in sentences: known actors (the database's gazetteer) and new ones (names, acronyms,
// institutional noun phrases, quoted names, people), grouped into candidate actors with a suggested kind.
import { fold } from '../../model/text';
import type { ActorKind } from '../../model/vocabulary';
import { GOVERNED } from './discourse';
import type { Sentence, Token } from './segment';
import { ANAPHORA, CIVIL_TITLES, TITLES, FUNCTION_WORDS, GIVEN_NAMES, HEADS, LEGAL_FORMS, NAME_ADJECTIVE, NOT_ACTOR_ACRONYMS, ORG_ROLES, PLURAL_HEADS, QUANTIFIERS, SAYING_VERBS, SECTOR_WORDS, STAND_FOR } from './lexicon';

/** An actor the database knows, as the gazetteer holds it. */
export interface KnownActor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
}

export interface Mention {
  /** Span of the noun phrase (what the relation patterns see as one slot). */
  start: number;
  end: number;
  sentence: number;
  /** The name this mention gives the actor (without determiner), or the antecedent's for an anaphor. */
  name: string;
  /** Key of the candidate actor: `db:<id>` for a known actor, `new:<folded name>` otherwise. */
  actor: string;
  kind?: ActorKind;
  /** How it was found: the confidence of the actor and of the ties it takes part in follow from it. */
  via: 'gazetteer' | 'name' | 'acronym' | 'head' | 'generic' | 'group' | 'quoted' | 'person' | 'anaphor';
  /** For an anaphor: the kinds it may refer back to. */
  refersTo?: ActorKind[];
  /** Written as a place ("à X", "des bureaux à X, Y"): never what "la structure" refers back to. */
  place?: boolean;
  /** Other forms this mention offers as aliases ("pôle X" for X). */
  forms?: string[];
  /** A plural noun phrase: a group ("les collectivités locales") or a reference back to one ("les collectivités"). */
  plural?: boolean;
  /** The head noun in the singular ("collectivité"), for a definite description to find an antecedent with the same head. */
  head?: string;
  /** A place written where the actor is meant, taken as that actor (placesAsActors). */
  fromPlace?: boolean;
}

export interface CandidateActor {
  key: string;
  name: string;
  kind: ActorKind;
  /** The kind comes from the text (a head noun, a title, a given name) rather than a default. */
  kindFromText: boolean;
  existing?: { id: string; name: string; kind: ActorKind };
  aliases: string[];
  mentions: { start: number; end: number; text: string }[];
  confidence: number;
}

const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'au', 'aux']);
const DEFINITE = new Set(['le', 'la', "l'", 'ce', 'cet', 'cette', 'du', 'au']);
const CONNECTORS = new Set(['de', 'du', 'des', "d'", 'la', 'le', "l'", '&', 'of', 'the', 'and', 'by', 'von', 'van', 'der', 'di', 'da', 'del', 'sur', 'en']);
const COMPLEMENT = new Set(['de', 'du', 'des', "d'"]);
const ADJ_SUFFIX = /(?:ien|ienne|iens|iennes|onne|onnes|ic|ics|al|ale|aux|ales|el|elle|els|elles|ique|iques|ais|aise|aises|ois|oise|oises|aire|aires|if|ive|ifs|ives|eux|euse|euses|ain|aine|ains|aines|é|ée|és|ées|ier|ière|iers|ières|ant|ante|ants|antes|ile|iles|ble|bles|ère|ères)$/u;
const PRONOUN_SUFFIX = /-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)$/u;
/** What may stand before a lower-case head noun: an article, a possessive, a preposition, a number. */
const BEFORE_HEAD = new Set([...DETERMINERS, ...QUANTIFIERS, 'de', "d'", 'à', 'par', 'pour', 'avec', 'sur', 'dans', 'entre', 'chez', 'en', 'notre', 'votre', 'nos', 'vos', 'mon', 'ma', 'mes', 'nouvelle', 'nouveau', 'nouvel', 'première', 'premier', 'grande', 'grand', 'jeune']);
/** Determiners of a plural: "aux start-up", "des sites" (invariable heads are plural by their article). */
const PLURAL_DET = new Set(['les', 'des', 'aux', 'ces', 'ses', 'leurs', 'nos', 'vos', 'mes', ...QUANTIFIERS]);
const NOT_ADJ = new Set(['de', 'du', 'des', 'et', 'ou', 'qui', 'que', 'dont', 'est', 'sont', 'a', 'ont', 'en', 'pour', 'par', 'sur', 'dans', 'avec', 'au', 'aux', 'une', 'un', 'le', 'la', 'les', 'se', 'ne', 'plus', 'tout', 'bien', 'mais', 'donc', 'lui', 'leur', 'son', 'sa', 'ses', 'il', 'elle', 'on']);
/** Nouns ending like an infinitive ("le quartier", "un atelier"). */
const NOUNS_IN_ER = new Set(['quartier', 'premier', 'dernier', 'métier', 'métiers', 'chantier', 'papier', 'atelier', 'cahier', 'dossier', 'fichier', 'courrier', 'foyer', 'loyer', 'verger', 'danger', 'étranger', 'avenir', 'plaisir', 'loisir', 'désir', 'élevage', 'denier', 'levier', 'sentier', 'calendrier', 'collier', 'conseiller', 'officier', 'ouvrier', 'banquier', 'pâtissier', 'boulanger', 'hôtelier', 'cavalier', 'grenier', 'rocher']);
const QUOTES_OPEN = new Set(['“', '"', '«', '‘']);
const QUOTES_CLOSE = new Set(['”', '"', '»', '’']);

const stripDet = (s: string) => s.replace(/^(?:(?:les?|la|une?|des|du|de la)\s+|(?:de\s+)?l['’]\s*|d['’]\s*)/iu, '').trim();
const keyOf = (name: string) => `new:${fold(stripDet(name))}`;
const isWordCap = (t: Token | undefined) => !!t && t.word && (t.cap || t.acronym);
const MONTHS = new Set(['janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre']);
/**
 * The end of a name that runs on into a lower-case "métropole", or into "de" and a month in lower case ("le pôle de la Friche de mai"): a date
 * does not put "de" between a capitalised word and a month, unless a year or "à …" follows.
 */
function monthTail(toks: Token[], m: number): number {
  // "Brest métropole", "Toulouse métropole": the authority's name ends in a lower-case "métropole".
  if (isWordCap(toks[m]) && !FUNCTION_WORDS.has(toks[m].lower) && toks[m + 1]?.lower === 'métropole' && !toks[m + 1].cap) return m + 1;
  const de = toks[m + 1];
  const month = toks[m + 2];
  if (!isWordCap(toks[m]) || !de || (de.lower !== 'de' && de.lower !== 'du') || !month || month.cap || !MONTHS.has(month.lower)) return m;
  // "de mai 2016", "de mai à juin", "de mai dernier": a date after all.
  if (/^(?:\d|à$|au$|jusqu|dernier|prochain)/u.test(toks[m + 3]?.lower ?? '')) return m;
  return m + 2;
}
const singular = (w: string) => PLURAL_HEADS[w] ?? w;

/** Folded token sequences of the known actors' names and aliases, longest matched first. */
export class Gazetteer {
  private byForm = new Map<string, { actor: KnownActor; form: string }[]>();
  maxWords = 0;
  constructor(readonly actors: KnownActor[]) {
    for (const a of actors) {
      for (const form of new Set([a.name, ...a.aliases])) {
        const f = fold(stripDet(form));
        if (!f) continue;
        const list = this.byForm.get(f) ?? [];
        if (!list.some((x) => x.actor.id === a.id)) list.push({ actor: a, form });
        this.byForm.set(f, list);
        this.maxWords = Math.max(this.maxWords, f.split(' ').length);
      }
    }
  }
  lookup(folded: string): { actor: KnownActor; form: string }[] {
    return this.byForm.get(folded) ?? [];
  }

  private byWord?: Map<string, { actor: KnownActor; form: string }[]>;
  /** The names and aliases in which the folded words `folded` appear, as whole words. */
  containing(folded: string): { actor: KnownActor; form: string }[] {
    if (!this.byWord) {
      // Built on first use: most texts never ask.
      this.byWord = new Map();
      for (const list of this.byForm.values()) for (const x of list) {
        for (const w of new Set(fold(stripDet(x.form)).split(' '))) {
          if (w.length < 3) continue;
          const l = this.byWord.get(w) ?? [];
          l.push(x);
          this.byWord.set(w, l);
        }
      }
    }
    const words = folded.split(' ').filter((w) => w.length >= 3);
    if (!words.length) return [];
    const rarest = words.map((w) => this.byWord!.get(w) ?? []).sort((a, b) => a.length - b.length)[0];
    return rarest.filter((x) => ` ${fold(stripDet(x.form))} `.includes(` ${folded} `));
  }
}

interface Ctx {
  s: Sentence;
  taken: boolean[];
  out: Mention[];
  docLower: Set<string>;
  docCapMid: Set<string>;
}

function take(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (ctx.taken[i]) return false;
  for (let i = from; i <= to; i++) ctx.taken[i] = true;
  return true;
}

function span(s: Sentence, from: number, to: number): { start: number; end: number; text: string } {
  const start = s.tokens[from].start;
  const end = s.tokens[to].end;
  return { start, end, text: s.text.slice(start - s.start, end - s.start) };
}

/**
 * Known actors: longest folded match of a name or alias; a one-word form must be capitalised in the text.
 * With `local`, the gazetteer holds the names the text itself gave (keys `new:…`), found again where written
 * otherwise ("The hub" after "The Hub").
 */
function gazetteerMentions(ctx: Ctx, gz: Gazetteer, local?: Map<string, Mention>): void {
  const toks = ctx.s.tokens;
  // A bare capitalised name may give way to a longer name of the text ("Nova" in "Nova terra").
  const mentionAt = (k: number) => ctx.out.find((o) => o.start <= toks[k].start && o.end >= toks[k].end);
  const free = (k: number) => !ctx.taken[k] || (!!local && ['name', 'acronym'].includes(mentionAt(k)?.via ?? ''));
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].word || !free(i)) continue;
    let best: { j: number; hits: { actor: KnownActor; form: string }[] } | undefined;
    let words: string[] = [];
    for (let j = i; j < toks.length && words.length < gz.maxWords + 2; j++) {
      const t = toks[j];
      if (!free(j)) break;
      if (!t.word && !/^['’ʼ]$/.test(t.text) && t.lower !== '&') break;
      const f = fold(t.text);
      if (!f) continue;
      words = [...words, ...f.split(' ')];
      const hits = gz.lookup(words.join(' '));
      if (!hits.length) continue;
      const single = i === j;
      // One-word aliases ("Brest", "Région", an acronym) must look like a name: capitalised, or upper case for an acronym.
      const okCase = hits.filter((h) => {
        if (!single) return true;
        const form = stripDet(h.form);
        if (form === form.toUpperCase()) return t.acronym || t.text === form;
        return t.cap;
      });
      if (okCase.length) best = { j, hits: okCase };
    }
    if (best && local) {
      // The bare names inside must lie wholly inside the longer one, which replaces them.
      const inside = ctx.out.filter((o) => o.start < toks[best!.j].end && o.end > toks[i].start);
      if (inside.some((o) => o.start < toks[i].start || o.end > toks[best!.j].end)) continue;
      for (const o of inside) ctx.out.splice(ctx.out.indexOf(o), 1);
      for (let k = i; k <= best.j; k++) ctx.taken[k] = false;
    }
    if (!best || !take(ctx, i, best.j)) continue;
    const sp = span(ctx.s, i, best.j);
    const a = best.hits[0].actor;
    const model = local?.get(a.id);
    // A name the text gave is found again only where it shows a capital ("The hub", not "green tech" inside another name).
    if (model && !toks.slice(i, best.j + 1).some((t) => t.cap || t.acronym)) {
      for (let k = i; k <= best.j; k++) ctx.taken[k] = false;
      continue;
    }
    if (model) ctx.out.push({ ...sp, sentence: ctx.s.index, name: model.name, actor: model.actor, kind: model.kind, via: model.via, head: model.head });
    // Two known actors share this form: the first is proposed, the reviewer links the other if needed.
    else ctx.out.push({ ...sp, sentence: ctx.s.index, name: a.name, actor: `db:${a.id}`, kind: a.kind, via: 'gazetteer' });
    i = best.j;
  }
}

/** Adjectives and "de X" complements after a head noun; returns the last token index of the phrase. */
function extendPhrase(toks: Token[], head: number, capitalHead: boolean): { end: number; properName: boolean; complements: number } {
  let end = head;
  let properName = false;
  let complements = 0;
  let loose = capitalHead ? 2 : 0;
  let i = head + 1;
  const adjective = (t: Token | undefined) => !!t && t.word && !t.cap && !NOT_ADJ.has(t.lower) && !FUNCTION_WORDS.has(t.lower) && ADJ_SUFFIX.test(t.lower) && !PRONOUN_SUFFIX.test(t.lower);
  while (i < toks.length) {
    const t = toks[i];
    // A participle that governs "par" or "à" starts a clause: "le label délivré au territoire par le ministère".
    if (adjective(t) && !(/(?:é|ée|és|ées)$/u.test(t.lower) && /^(?:par|à|au|aux)$/u.test(toks[i + 1]?.lower ?? ''))) {
      end = i++;
      continue;
    }
    // "master of science data engineering": an English name after the head runs to the punctuation.
    if (t.lower === 'of' && i === head + 1 && toks[i + 1]?.word) {
      let k = i + 1;
      while (k + 1 < toks.length && k - i < 10 && (toks[k + 1].word || toks[k + 1].text === '&') && !FUNCTION_WORDS.has(toks[k + 1].lower)) k++;
      end = k;
      complements++;
      break;
    }
    // "de", "de la", "d'", "du", "des", and "et d'" / "et des" continuing a complement ("commerce et d'industrie").
    let j = i;
    if (t.lower === 'et' && complements && toks[j + 1] && COMPLEMENT.has(toks[j + 1].lower)) j++;
    if (COMPLEMENT.has(toks[j]?.lower ?? '')) {
      let k = j + 1;
      if (toks[k] && (toks[k].lower === 'la' || toks[k].lower === "l'")) k++;
      const n = toks[k];
      if (n && n.word && (n.cap || n.acronym)) {
        // A proper name: take the whole capitalised sequence.
        let m = k;
        while (m + 1 < toks.length && (isWordCap(toks[m + 1]) || (CONNECTORS.has(toks[m + 1].lower) && isWordCap(toks[m + 2])) || (toks[m + 1].lower === "l'" && isWordCap(toks[m + 2])))) m++;
        m = monthTail(toks, m);
        end = m;
        properName = true;
        complements++;
        i = m + 1;
        continue;
      }
      // "de demander …" is a verb, not a complement ("permettent aux start-up de demander des fonds").
      const infinitive = k === j + 1 && /(?:er|ir)$/u.test(n?.lower ?? '') && (n?.lower.length ?? 0) > 5 && !NOUNS_IN_ER.has(n?.lower ?? '');
      if (n && n.word && !FUNCTION_WORDS.has(n.lower) && !/^\d/.test(n.text) && complements < 2 && !infinitive) {
        end = k;
        complements++;
        i = k + 1;
        continue;
      }
      break;
    }
    // "l'association Les Cordées": a capitalised article starts the name when a capitalised word follows.
    if (t.word && (t.cap || t.acronym) && (!FUNCTION_WORDS.has(t.lower) || (t.cap && isWordCap(toks[i + 1]) && i > head))) {
      let m = i;
      while (m + 1 < toks.length && (isWordCap(toks[m + 1]) || (CONNECTORS.has(toks[m + 1].lower) && isWordCap(toks[m + 2])))) m++;
      // "The hub": an English article alone is not a name.
      if (m === i && /^(?:The|A|An)$/.test(t.text) && toks[m + 1]?.word) m++;
      m = monthTail(toks, m);
      end = m;
      properName = true;
      i = m + 1;
      break;
    }
    if (loose > 0 && t.word && !t.cap && !FUNCTION_WORDS.has(t.lower) && !NOT_ADJ.has(t.lower)) {
      loose--;
      i++;
      continue;
    }
    break;
  }
  return { end, properName, complements };
}

/** The capitalised sequence starting at i (names joined by "de", "la", "&"…), or undefined. */
function capSequence(toks: Token[], i: number): number | undefined {
  if (!isWordCap(toks[i])) return undefined;
  let m = i;
  while (m + 1 < toks.length) {
    const n = toks[m + 1];
    if (isWordCap(n) && !(FUNCTION_WORDS.has(n.lower) && !n.acronym && n.lower.length > 3)) {
      m++;
      continue;
    }
    // Connectors only between two capitalised words: "Banque des Territoires", "Val d'Oise".
    let k = m + 1;
    while (k < toks.length && CONNECTORS.has(toks[k].lower) && k - m <= 2) k++;
    if (k > m + 1 && isWordCap(toks[k]) && !FUNCTION_WORDS.has(toks[k].lower)) {
      m = k;
      continue;
    }
    break;
  }
  return monthTail(toks, m);
}

function headInfo(t: Token | undefined): { word: string; kind: ActorKind; strong: boolean; descriptor: boolean; plural: boolean } | undefined {
  if (!t || !t.word) return undefined;
  const w = singular(t.lower);
  const h = HEADS[w];
  return h ? { word: w, kind: h.kind, strong: h.strong, descriptor: !!h.descriptor, plural: w !== t.lower } : undefined;
}

/** Institutional noun phrases ("la communauté de communes de X", "l'association X", "un fonds d'investissement suisse") and anaphors ("la structure"). */
function headMentions(ctx: Ctx): void {
  const toks = ctx.s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.taken[i]) continue;
    const h = headInfo(toks[i]);
    if (!h) continue;
    const det = toks[i - 1]?.lower;
    // A lower-case head follows an article or a preposition ("la banderole commune X" is not a commune).
    if (!toks[i].cap && i > 0 && !BEFORE_HEAD.has(det ?? '') && !/^\p{Lu}/u.test(toks[i - 1].text) && !/^[«“"(,:]$/.test(toks[i - 1].text)) continue;
    const plural = h.plural || PLURAL_DET.has(det ?? '');
    // "une levée de fonds": money raised, not an investor.
    if (h.word === 'fonds' && /^(?:de|d['’])$/u.test(det ?? '') && /^(?:levée|levées|appel|appels|collecte|recherche|lever)$/u.test(toks[i - 2]?.lower ?? '')) continue;
    // "filiale du groupe X": a head that states a tie to its complement leaves the complement its own mention.
    if (!toks[i].cap && ORG_ROLES[h.word] && COMPLEMENT.has(toks[i + 1]?.lower ?? '')) continue;
    const ph = extendPhrase(toks, i, toks[i].cap);
    const namesSomeone = ph.properName;
    let end = ph.end;
    // "la mission nationale <Known>": a head that is not a mere description makes another actor of the phrase.
    if (!h.descriptor && !plural && end > i) {
      const inner = ctx.out.find((o) => o.via === 'gazetteer' && o.start > toks[i].start && o.end <= toks[end].end);
      if (inner && !ctx.taken[i] && toks.slice(i + 1).findIndex((t) => t.start === inner.start) >= 0) {
        ctx.out.splice(ctx.out.indexOf(inner), 1);
        for (let k = i + 1; k <= end; k++) if (toks[k].start >= inner.start && toks[k].end <= inner.end) ctx.taken[k] = false;
      }
    }
    while (end > i && ctx.taken[end]) end--;
    // "l'association <Known>", "la société d'hébergement de données <Known>": the describing head (and its
    // complements) joins the known actor's mention.
    const next = toks.slice(i + 1, end + 2).findIndex((_, k) => ctx.taken[i + 1 + k]);
    if (h.descriptor && !plural && !ctx.taken[i] && next >= 0 && (next === 0 || (namesSomeone && i + 1 + next === end + 1))) {
      const known = ctx.out.find((o) => o.via === 'gazetteer' && o.start === toks[i + 1 + next].start);
      if (known) {
        for (let k = i; k < i + 1 + next; k++) ctx.taken[k] = true;
        known.start = toks[i].start;
        continue;
      }
    }
    if (end > i && toks.slice(i + 1, end + 1).some((_, k) => ctx.taken[i + 1 + k])) {
      // A known actor sits inside the phrase ("l'association <Known>"): let it stand as the mention.
      const inner = toks.findIndex((_, k) => k > i && k <= end && ctx.taken[k]);
      end = inner - 1;
    }
    if (end < ph.end) {
      ph.properName = toks.slice(i + 1, end + 1).some((t) => t.cap || t.acronym);
    }
    const sp = span(ctx.s, i, end);
    const nameStart = (() => {
      // With a proper name right after the head (and its modifiers), the name is the proper name.
      for (let k = i + 1; k <= end; k++) if (isWordCap(toks[k]) && !COMPLEMENT.has(toks[k - 1].lower) && !CONNECTORS.has(toks[k - 1].lower)) return k;
      return undefined;
    })();
    if (plural && ph.properName) {
      // "les villes de Rennes et d'Évry": one mention per city, named with the singular head.
      const parts = distribute(toks, i, h.word);
      if (parts.length > 1) {
        for (const p of parts) {
          if (!take(ctx, p.from, p.to)) continue;
          const ps = span(ctx.s, p.from, p.to);
          ctx.out.push({ ...ps, sentence: ctx.s.index, name: p.name, actor: keyOf(p.name), kind: h.kind, via: 'head' });
        }
        i = parts[parts.length - 1].to;
        continue;
      }
    }
    if (plural) {
      // "les villes de <Known> et d'<Known>" is not a group of its own.
      const last = namesSomeone || ctx.taken[end + 1] ? -1 : groupMention(ctx, i, end, h);
      if (last >= 0) i = last;
      continue;
    }
    if (nameStart !== undefined) {
      if (!take(ctx, i, end)) continue;
      const proper = span(ctx.s, nameStart, end).text;
      const full = sp.text;
      // A capitalised head is part of the name ("Communauté de communes X"); a lower-case describing one is not
      // ("le pôle X", "la société X"), but "la mission nationale X" is not X itself.
      const name = toks[i].cap || !h.descriptor ? full : proper;
      ctx.out.push({ ...sp, sentence: ctx.s.index, name, actor: keyOf(name), kind: h.kind, via: 'head', forms: name === full ? [proper] : [full] });
      i = end;
      continue;
    }
    if ((ph.properName && h.strong) || (toks[i].cap && end > i)) {
      if (!take(ctx, i, end)) continue;
      ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: keyOf(sp.text), kind: h.kind, via: 'head' });
      i = end;
      continue;
    }
    const anaphor = ANAPHORA[h.word];
    const definite = DEFINITE.has(det ?? '') || det === 'les';
    if (h.strong && end > i && (ph.complements > 0 || (DETERMINERS.has(det ?? '') && !(definite && anaphor)))) {
      // A generic institution without a name: an actor if the text makes it act (the rules keep it only then).
      if (!take(ctx, i, end)) continue;
      ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: keyOf(sp.text), kind: h.kind, via: 'generic', head: h.word });
      i = end;
      continue;
    }
    const complementOf = ['de', 'du', 'des', "d'"].includes(toks[i - 2]?.lower ?? '') && (det === "l'" || det === 'la' || det === 'le');
    // "le directeur général du cluster": the organisation a title belongs to is a reference, not a complement.
    const ofTitle = [2, 3, 4].some((k) => !!TITLES[toks[i - k]?.lower ?? '']) || STAND_FOR.has(toks[i - 2]?.lower ?? '');
    if (anaphor && (!complementOf || ofTitle) && (det !== 'du' || ofTitle) && (DEFINITE.has(det ?? '') || (i === 0 && toks[i].cap)) && !COMPLEMENT.has(toks[end + 1]?.lower ?? '')) {
      if (!take(ctx, i, end)) continue;
      ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: '', via: 'anaphor', refersTo: anaphor, head: h.word });
      i = end;
    }
  }
}

/**
 * A plural noun phrase: a group the text describes without naming it ("les collectivités locales", "les autres
 * laboratoires associés", "trois programmes dits « tremplins »"), or a bare plural ("les collectivités")
 * that refers back to the group with the same head. Returns the last token taken, or -1.
 */
function groupMention(ctx: Ctx, i: number, end: number, h: { word: string; kind: ActorKind }): number {
  const toks = ctx.s.tokens;
  const det = toks[i - 1]?.lower ?? '';
  let e = end;
  // "dits « accélérateurs »": the name the text gives the group belongs to it.
  if (/^(?:dit|dite|dits|dites|appelée?s?|baptisée?s?|nommée?s?)$/u.test(toks[e + 1]?.lower ?? '') && QUOTES_OPEN.has(toks[e + 2]?.text ?? '')) {
    let q = e + 3;
    while (q < toks.length && !QUOTES_CLOSE.has(toks[q].text) && q - e < 8) q++;
    if (QUOTES_CLOSE.has(toks[q]?.text ?? '')) e = q;
  }
  if (e === i) {
    // "Des entreprises ont …" at the start of a sentence introduces a new group; "des aides des collectivités" does not.
    if (!['les', 'des', 'ces', 'aux', 'leurs', 'ses'].includes(det) || (det === 'des' && i === 1) || COMPLEMENT.has(toks[i + 1]?.lower ?? '')) return -1;
    if (!take(ctx, i, i)) return -1;
    ctx.out.push({ ...span(ctx.s, i, i), sentence: ctx.s.index, name: toks[i].text, actor: '', via: 'anaphor', refersTo: [h.kind], plural: true, head: h.word });
    return i;
  }
  if (!take(ctx, i, e)) return -1;
  const sp = span(ctx.s, i, e);
  ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: keyOf(sp.text), kind: h.kind, via: 'group', plural: true, head: h.word });
  return e;
}

/** "villes de Rennes et d'Évry" → [{ville de Rennes}, {ville d'Évry}]. */
function distribute(toks: Token[], head: number, singularHead: string): { from: number; to: number; name: string }[] {
  const out: { from: number; to: number; name: string }[] = [];
  let i = head + 1;
  let from = head;
  while (i < toks.length) {
    if (!COMPLEMENT.has(toks[i].lower)) break;
    let k = i + 1;
    if (toks[k] && (toks[k].lower === 'la' || toks[k].lower === "l'")) k++;
    const m = capSequence(toks, k);
    if (m === undefined) break;
    const prep = toks.slice(i, k).map((t) => t.text).join(' ').replace(/['’] /g, '’');
    out.push({ from, to: m, name: `${singularHead} ${prep}${/['’]$/.test(prep) ? '' : ' '}${toks.slice(k, m + 1).map((t) => t.text).join(' ')}`.replace(/\s+/g, ' ') });
    // "et de Y", "et d'Y", ", de Y"
    if ((toks[m + 1]?.lower === 'et' || toks[m + 1]?.text === ',') && COMPLEMENT.has(toks[m + 2]?.lower ?? '')) {
      from = m + 2;
      i = m + 2;
      continue;
    }
    break;
  }
  return out;
}

/** Quoted names: « X », “X”, "X" after an article or a head noun, or capitalised. */
function quotedMentions(ctx: Ctx, gz: Gazetteer): void {
  const toks = ctx.s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!QUOTES_OPEN.has(toks[i].text)) continue;
    let j = i + 1;
    while (j < toks.length && !QUOTES_CLOSE.has(toks[j].text) && j - i <= 8) j++;
    if (j >= toks.length || !QUOTES_CLOSE.has(toks[j].text) || j === i + 1 || toks.slice(i + 1, j).some((t) => !t.word && !/['’\-&]/.test(t.text))) continue;
    const first = toks[i + 1];
    const before = toks[i - 1]?.lower ?? '';
    const h = headInfo(first);
    const singularArticle = ['un', 'une', 'le', 'la', "l'", 'du', "d'"].includes(before);
    // A head noun just before the quotes names the thing: "une commission « emploi »", "son Pôle de … « X »".
    let hd = -1;
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
      // "le département un « X »": an article starts another noun phrase.
      if (!toks[k].word || (k < i - 1 && DETERMINERS.has(toks[k + 1].lower) && k + 1 === i - 1)) break;
      const hk = headInfo(toks[k]);
      if (hk && !hk.plural && (toks[k].cap || BEFORE_HEAD.has(toks[k - 1]?.lower ?? ''))) {
        hd = k;
        break;
      }
    }
    const inner = span(ctx.s, i + 1, j - 1);
    if (hd >= 0) {
      if (!take(ctx, hd, j)) continue;
      const lead = span(ctx.s, hd, i - 1).text;
      const name = `${lead} ${inner.text}`;
      ctx.out.push({ ...span(ctx.s, hd, j), sentence: ctx.s.index, name, actor: keyOf(name), kind: headInfo(toks[hd])!.kind, via: 'head', forms: [inner.text] });
      i = j;
      continue;
    }
    if (!(first.cap || (singularArticle && (h || j - i >= 3)))) continue;
    const known = gz.lookup(fold(stripDet(inner.text)))[0];
    if (known) continue;
    if (!take(ctx, i, j)) continue;
    ctx.out.push({ ...span(ctx.s, i, j), sentence: ctx.s.index, name: inner.text, actor: keyOf(inner.text), kind: h?.kind ?? 'programme', via: 'quoted' });
    i = j;
  }
}

/** Capitalised names, acronyms and people. */
function nameMentions(ctx: Ctx): void {
  const toks = ctx.s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (ctx.taken[i] || !isWordCap(toks[i])) continue;
    let m = capSequence(toks, i)!;
    for (let k = i; k <= m; k++) if (ctx.taken[k]) m = Math.min(m, k - 1);
    if (m < i) continue;
    // Leading function words are not names ("Les", "Pour", "Tout").
    let a = i;
    // Inside a sentence, a capitalised article before a capitalised word belongs to the name ("avec La Poste").
    const prevTok = toks[i - 1];
    const midSentence = i > 0 && !!prevTok?.word && !/^[«“"(:—–\-…!?.]$/.test(prevTok.text);
    const nameArticle = midSentence && /^(?:La|Le|Les)$/.test(toks[i].text) && i < m && isWordCap(toks[i + 1]) && !FUNCTION_WORDS.has(toks[i + 1].lower);
    if (!nameArticle) while (a <= m && FUNCTION_WORDS.has(toks[a].lower.replace(/['’]$/, '')) && !toks[a].acronym) a++;
    // "Labellisée Cité Numérique en février, X …": a fronted participle opening the sentence is not part of a name.
    const first0 = a === 0 || (a === 1 && !toks[0].word);
    if (first0 && a < m && !toks[a].acronym && /\p{Ll}(?:ée|és|ées|isé|ifié)$/u.test(toks[a].text)) a++;
    // "Maire de Lille": a title written with a capital is not part of the place's name.
    while (a < m && TITLES[toks[a].lower] && CONNECTORS.has(toks[a + 1].lower)) a += 2;
    if (a > m) continue;
    if (a === m && /^(?:The|A|An)$/.test(toks[a].text)) continue;
    // "l'Industrie Claire Dupont": a given name inside starts another name.
    for (let k = a + 1; k < m; k++) {
      if (GIVEN_NAMES.has(toks[k].lower.split('-')[0]) && isWordCap(toks[k + 1])) {
        m = k - 1;
        break;
      }
    }
    // "Banque populaire", "Transport rapide": one capitalised word and a lower-case adjective, inside a sentence.
    if (m === a && a > 0 && toks[a].cap && !toks[a].acronym && toks[m + 1]?.word && !toks[m + 1].cap && NAME_ADJECTIVE.test(toks[m + 1].lower) && !ctx.taken[m + 1] && toks[m + 1].lower.length > 3 && !TITLES[toks[m + 1].lower] && !['de', 'du', 'des', "d'", 'à', 'au', 'aux', 'par'].includes(toks[m + 2]?.lower ?? '')) m++;
    // "SUD médias, la société …": a sector word after a name, before punctuation, ends the company's name.
    const sector = toks[m + 1];
    if (sector?.word && !sector.cap && SECTOR_WORDS.has(sector.lower) && !ctx.taken[m + 1] && !toks[m + 2]?.word) m++;
    const seq = toks.slice(a, m + 1);
    const text = span(ctx.s, a, m).text;
    const prev = toks[a - 1];
    const atStart = a === 0 || (prev && (/^[«“"(:—–\-…!?.]$/.test(prev.text) || (a === 1 && !prev.word)));
    const single = seq.length === 1;
    const acronym = single && seq[0].acronym;
    if (acronym && (NOT_ACTOR_ACRONYMS.has(seq[0].text) || seq[0].text.length > 8)) { i = m; continue; }
    if (single && !acronym && /^\d/.test(seq[0].text)) { i = m; continue; }
    // A capitalised word at the start of a sentence is a name only if the text also writes it so elsewhere, or
    // if it joins capitalised words by hyphens ("Nancy-Metz"), which common words do not.
    if (atStart && single && !acronym && !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(seq[0].text)) {
      const w = seq[0].lower;
      if (!ctx.docCapMid.has(w) || ctx.docLower.has(w)) { i = m; continue; }
    }
    if (single && !acronym && ctx.docLower.has(seq[0].lower) && !ctx.docCapMid.has(seq[0].lower)) { i = m; continue; }
    take(ctx, a, m);
    const first = seq[0].lower.split('-')[0];
    const civil = prev && CIVIL_TITLES.has(prev.lower.replace('.', ''));
    const sayer = prev && SAYING_VERBS.has(prev.lower);
    const person = !acronym && seq.length >= 2 && (GIVEN_NAMES.has(first) || civil || sayer);
    const legal = (toks[m + 1] && LEGAL_FORMS[toks[m + 1].text]) || (seq.length > 1 && seq[seq.length - 1].cap ? HEADS[seq[seq.length - 1].lower]?.kind : undefined);
    ctx.out.push({
      ...span(ctx.s, a, m),
      sentence: ctx.s.index,
      name: text,
      actor: keyOf(text),
      kind: person ? 'person' : legal ? legal : undefined,
      via: person ? 'person' : acronym ? 'acronym' : 'name',
    });
    i = m;
  }
}

/** Every mention of the text, then grouped into candidate actors. */
export function findMentions(sents: Sentence[], gz: Gazetteer): Mention[] {
  const docLower = new Set<string>();
  const docCapMid = new Set<string>();
  for (const s of sents) {
    s.tokens.forEach((t, i) => {
      if (!t.word) return;
      if (!t.cap) docLower.add(t.lower);
      else if (i > 0 && (s.tokens[i - 1].word || s.tokens[i - 1].text === ',')) docCapMid.add(t.lower);
    });
  }
  const ctxs: Ctx[] = sents.map((s) => ({ s, taken: s.tokens.map(() => false), out: [], docLower, docCapMid }));
  for (const ctx of ctxs) {
    // Quoted names first: "« Bourse <Known> »" is another actor than <Known>; a quoted known name stays known.
    quotedMentions(ctx, gz);
    gazetteerMentions(ctx, gz);
    headMentions(ctx);
    nameMentions(ctx);
  }
  // The names of several words the text gave, found again where it writes them otherwise ("The hub").
  const local = new Map<string, Mention>();
  for (const ctx of ctxs) for (const m of ctx.out) if (m.actor.startsWith('new:') && m.via !== 'group' && !local.has(m.actor)) local.set(m.actor, m);
  const localGz = new Gazetteer(
    [...local.values()].map((m) => ({ id: m.actor, name: m.name, aliases: [], kind: m.kind ?? 'company' })).filter((a) => fold(a.name).includes(' ')),
  );
  const all: Mention[] = [];
  for (const ctx of ctxs) {
    gazetteerMentions(ctx, localGz, local);
    appositions(ctx);
    markPlaces(ctx);
    // A loop, not push(...): spreading a long array into a call overflows the stack past ~100k items.
    for (const m of ctx.out.sort((x, y) => x.start - y.start)) all.push(m);
  }
  linkAcronymsAndSurnames(all, sents);
  placesAsActors(all, gz);
  resolveAnaphora(all, sents);
  candidacies(all, sents, gz);
  return all.filter((m) => m.actor);
}

const CONNECTIVE = new Set(['de', 'd', 'du', 'des', 'la', 'le', 'l', 'les']);

/**
 * A place written where an actor is meant ("Nancy-Metz a été labellisé") is the actor whose name is that
 * place and another name of the text ("Nancy-Metz Digital Valley" when the text names "Digital Valley"), or the
 * city itself ("ville de Brest" for "Brest"). Candidates come from the text and the gazetteer.
 */
function placesAsActors(all: Mention[], gz: Gazetteer): void {
  const named = new Map<string, { key: string; name: string; kind?: ActorKind; forms: Set<string>; count: number }>();
  const mentioned = new Set<string>();
  for (const m of all) {
    if (!m.actor || m.via === 'anaphor') continue;
    const e = named.get(m.actor) ?? { key: m.actor, name: m.name, kind: m.kind, forms: new Set<string>(), count: 0 };
    e.count++;
    e.kind = e.kind ?? m.kind;
    for (const f of [m.name, ...(m.forms ?? [])]) {
      e.forms.add(fold(stripDet(f)));
      mentioned.add(fold(stripDet(f)));
    }
    named.set(m.actor, e);
  }
  // The rest of a name once the place is taken out, and whether a preposition ties them ("ville de P").
  const remainder = (form: string, p: string): { rest: string; linked: boolean } | undefined => {
    const at = ` ${form} `.indexOf(` ${p} `);
    if (at < 0 || form === p) return undefined;
    const before = form.slice(0, at).trim().split(/\s+/).filter(Boolean);
    const after = form.slice(at + p.length).trim().split(/\s+/).filter(Boolean);
    const linked = CONNECTIVE.has(before[before.length - 1] ?? '') || CONNECTIVE.has(after[0] ?? '');
    const words = [...before, ...after];
    while (words.length && CONNECTIVE.has(words[0])) words.shift();
    while (words.length && CONNECTIVE.has(words[words.length - 1])) words.pop();
    return { rest: words.join(' '), linked };
  };
  // A place: written after "à"/"en", inside the name of a local authority, or a hyphenated name ("Nancy-Metz").
  const places = new Set<string>();
  for (const m of all) if (m.place) places.add(fold(stripDet(m.name)));
  const authorityNames = [...named.values()].filter((e) => e.kind === 'local_authority').flatMap((e) => [...e.forms]);
  const isPlace = (p: string, surface: string) =>
    places.has(p) || /^\p{Lu}[\p{L}]*(?:-[\p{L}]+)+$/u.test(surface) || authorityNames.some((f) => ` ${f} `.includes(` ${p} `)) ||
    gz.containing(p).some((h) => h.actor.kind === 'local_authority');
  const choice = new Map<string, { key: string; name: string; kind?: ActorKind } | null>();
  const placeNames = new Map<string, boolean>();
  for (const m of all) {
    if (m.via !== 'name' || m.kind || m.place || !m.actor.startsWith('new:')) continue;
    const p = fold(stripDet(m.name));
    if (!p || p.split(' ').length > 3) continue;
    if (!placeNames.has(p)) placeNames.set(p, isPlace(p, stripDet(m.name)));
    if (placeNames.get(p)) m.fromPlace = true;
    if (!choice.has(p)) {
      const cands: { key: string; name: string; kind?: ActorKind; city: boolean; count: number; length: number }[] = [];
      const place = placeNames.get(p);
      const consider = (key: string, name: string, kind: ActorKind | undefined, form: string, count: number) => {
        if (key === m.actor || kind === 'person' || kind === 'site') return;
        const r = remainder(form, p);
        if (!r) return;
        // "ville de P" is P; otherwise a place and another name side by side ("P Digital Valley") when the text names both.
        const city = /^(?:ville|commune|mairie|cite)$/.test(r.rest) && r.linked;
        if (!city && (!place || r.linked || kind === 'local_authority' || !mentioned.has(r.rest))) return;
        cands.push({ key, name, kind, city, count, length: form.length });
      };
      for (const e of named.values()) for (const f of e.forms) consider(e.key, e.name, e.kind, f, e.count);
      for (const h of gz.containing(p)) consider(`db:${h.actor.id}`, h.actor.name, h.actor.kind, fold(stripDet(h.form)), named.get(`db:${h.actor.id}`)?.count ?? 0);
      // The city itself, else the shortest compound ("P Digital Valley" before "P Digital Valley Days"), else the most mentioned.
      cands.sort((x, y) => Number(y.city) - Number(x.city) || x.length - y.length || y.count - x.count);
      choice.set(p, cands[0] ?? null);
    }
    const c = choice.get(p);
    if (!c) continue;
    m.forms = [...(m.forms ?? []), m.name];
    m.actor = c.key;
    m.name = c.name;
    m.kind = c.kind;
    m.fromPlace = true;
  }
}

/**
 * A generic phrase in apposition to a name is that name ("une association d'entrepreneurs, Digilor"), and a
 * head-led description after a name gives its kind ("X, une entreprise créée…", "X, l'association…").
 */
function appositions(ctx: Ctx): void {
  const ms = ctx.out.sort((x, y) => x.start - y.start);
  const text = ctx.s.text;
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k];
    const b = ms[k + 1];
    const between = text.slice(a.end - ctx.s.start, b.start - ctx.s.start);
    // "un fonds d'investissement breton, X": an adjective may close the generic phrase before the comma.
    const adjective = a.via === 'generic' && /^\s+\p{Ll}{3,}\s*,\s*$/u.test(between) && !FUNCTION_WORDS.has(between.trim().slice(0, -1).trim());
    if (!adjective && !/^\s*,\s*(?:(?:le|la|les|l['’]|une?|cette|ce|cet)\s*)?$/iu.test(between)) continue;
    // An apposition is closed by punctuation: "une association, X, créée en…" but not "Approché par un fonds, X réfléchit".
    const closed = /^\s*(?:[,.;:)]|$)/.test(text.slice(b.end - ctx.s.start));
    // "⟦X⟧, l'organisation qui …": an apposition, not a reference to an earlier sentence.
    const describes = /^\s*(?:[,.;:)]|qui\b|que\b|dont\b|$)/u.test(text.slice(b.end - ctx.s.start));
    if (b.via === 'anaphor' && a.via !== 'anaphor' && a.actor && describes) {
      b.actor = a.actor;
      b.name = a.name;
      b.via = a.via;
      b.kind = b.kind ?? a.kind;
      b.refersTo = undefined;
      continue;
    }
    if (a.via === 'generic' && b.via !== 'generic' && b.via !== 'anaphor' && closed && (adjective || /^\s*,\s*$/.test(between))) {
      b.kind = b.kind ?? a.kind;
      a.actor = b.actor;
      a.name = b.name;
      a.via = b.via;
    }
  }
  // "X ? Une entreprise …", "X, une association …": the kind of X from the head noun after it.
  for (const m of ms) {
    if (m.kind) continue;
    const after = text.slice(m.end - ctx.s.start, m.end - ctx.s.start + 40);
    const r = /^\s*[,?:]\s*(?:une?|l['’])\s*([\p{L}-]+)/iu.exec(after);
    const h = r && HEADS[r[1].toLowerCase()];
    if (h) m.kind = h.kind;
  }
}

/** Names after "à" or "en", and the names listed after them, are places. */
function markPlaces(ctx: Ctx): void {
  const text = ctx.s.text;
  let prev: Mention | undefined;
  for (const m of ctx.out) {
    if (m.via === 'name' || m.via === 'acronym') {
      const before = text.slice(0, m.start - ctx.s.start);
      const between = prev ? text.slice(prev.end - ctx.s.start, m.start - ctx.s.start) : '';
      m.place = /(?<![\p{L}])(?:à|en)\s*$/u.test(before) || (!!prev?.place && /^\s*(?:,|et|ou)\s*$/u.test(between));
    } else if (m.via === 'head' || m.via === 'generic') {
      // "sur le technopôle de X": where something stands, not who acts.
      m.place = /(?<![\p{L}])sur\s+(?:le|la|l['’])\s*$/iu.test(text.slice(0, m.start - ctx.s.start));
    }
    prev = m;
  }
}

/** "ARI" is the actor whose capitalised words give those initials; "Dupont" is "Claire Dupont" met before. */
function linkAcronymsAndSurnames(all: Mention[], sents: Sentence[]): void {
  const named = new Map<string, Mention>();
  for (const m of all) if (m.actor.startsWith('new:') || m.actor.startsWith('db:')) if (!named.has(m.actor)) named.set(m.actor, m);
  const initials = (name: string, all: boolean) =>
    name
      .split(/[\s\-’']+/)
      .filter((w) => w && (all ? !['de', 'du', 'des', 'd', 'la', 'le', 'l', 'et', 'en', 'pour', 'sur'].includes(w.toLowerCase()) : /^\p{Lu}/u.test(w)))
      .map((w) => w[0].toUpperCase())
      .join('');
  for (const m of all) {
    if (m.via !== 'acronym' && !(m.via === 'name' && /^\p{Lu}{2,}$/u.test(m.name))) continue;
    const ac = m.name.replace(/[^\p{Lu}]/gu, '');
    if (ac.length < 2) continue;
    // "Nom Complet (NC)": the parenthesised acronym right after a mention.
    const s = sents[m.sentence];
    const before = s.text.slice(0, m.start - s.start);
    const paren = /\(\s*$/.test(before) ? all.filter((o) => o.sentence === m.sentence && o.end <= m.start && o !== m).pop() : undefined;
    const target = paren && paren.actor && !paren.actor.startsWith('anaphor')
      ? paren
      : [...named.values()].filter((o) => o !== m && o.name.length > ac.length && (() => {
          const full = initials(o.name, true);
          const caps = initials(o.name, false);
          return full === ac || caps === ac || (caps.length > ac.length && caps.endsWith(ac));
        })());
    const t = Array.isArray(target) ? (target.length === 1 ? target[0] : undefined) : target;
    if (t && t.actor !== m.actor) {
      m.forms = [...(m.forms ?? []), m.name];
      m.actor = t.actor;
      m.kind = m.kind ?? t.kind;
      m.name = t.name;
    }
  }
  // Surnames: one capitalised word equal to the last word of a person met earlier.
  const people = all.filter((m) => m.kind === 'person');
  for (const m of all) {
    if (m.via !== 'name' || m.name.includes(' ')) continue;
    const p = people.filter((o) => o.start < m.start && o.name.split(' ').pop() === m.name);
    if (p.length && new Set(p.map((o) => o.actor)).size === 1) {
      m.actor = p[0].actor;
      m.kind = 'person';
      m.forms = [...(m.forms ?? []), m.name];
      m.name = p[0].name;
    }
  }
}

/**
 * "la structure" → the latest actor of a fitting kind in the last few sentences; "l'université" → also "une
 * université française" met before (same head); "les collectivités" → the latest group with that head
 * ("les collectivités locales").
 */
function resolveAnaphora(all: Mention[], sents: Sentence[]): void {
  const kindOf = new Map<string, ActorKind>();
  for (const m of all) if (m.actor && m.kind && !kindOf.has(m.actor)) kindOf.set(m.actor, m.kind);
  // Running state, in text order: the places named so far, the groups by head.
  const places = new Map<string, { m: Mention; n: number }>();
  const groups = new Map<string, Mention[]>();
  // The actors the text introduced with a head noun ("l'association X" → association), for "l'association".
  const introducedAs = new Map<string, Mention[]>();
  for (const m of all) {
    if (m.via !== 'head' || !m.actor) continue;
    const heads = new Set([m.name, ...(m.forms ?? [])].map((f) => fold(f).split(' ')[0]).filter((w) => w && HEADS[w]));
    for (const h of heads) introducedAs.set(h, [...(introducedAs.get(h) ?? []), m]);
  }
  const whole = new Map<string, { m: Mention; n: number }>();
  for (const m of all) {
    if (!m.actor || !(m.place || m.fromPlace)) continue;
    const p = whole.get(m.actor) ?? { m, n: 0 };
    p.n++;
    whole.set(m.actor, p);
  }
  for (let k = 0; k < all.length; k++) {
    const m = all[k];
    if (m.actor && (m.place || m.fromPlace)) {
      const p = places.get(m.actor) ?? { m, n: 0 };
      p.n++;
      places.set(m.actor, p);
    }
    if (m.via === 'group' && m.head) groups.set(m.head, [...(groups.get(m.head) ?? []), m]);
    if (m.via !== 'anaphor' || m.actor) continue;
    if (m.head === 'territoire') {
      // "le territoire": the place the text names most (its home, not a place it visits once or twice), or the
      // actor it stands for; among equals, the one named first.
      const best = [...whole.values()].filter((p) => places.has(p.m.actor)).sort((a, b) => b.n - a.n || a.m.start - b.m.start)[0];
      if (best) {
        m.actor = best.m.actor;
        m.name = best.m.name;
        m.kind = best.m.kind;
      }
      continue;
    }
    if (m.plural) {
      const g = [...(groups.get(m.head ?? '') ?? [])].reverse().find((o) => o.sentence < m.sentence);
      if (g) {
        m.actor = g.actor;
        m.name = g.name;
        m.kind = g.kind;
      }
      continue;
    }
    // The nearest earlier sentence with actors that fit (the last few sentences, or further back within the
    // paragraph); in it, the subject before the others.
    // "l'association" after "l'association X" (the latest so introduced, within the last dozen sentences) is X,
    // even when other actors of that kind came in between.
    const introduced = m.head ? (introducedAs.get(fold(m.head)) ?? []).filter((o) => o.sentence < m.sentence && m.sentence - o.sentence <= 12).pop() : undefined;
    if (introduced && !m.plural) {
      m.actor = introduced.actor;
      m.name = introduced.name;
      m.kind = kindOf.get(introduced.actor) ?? introduced.kind;
      continue;
    }
    // When every actor that fits there is a complement ("mené par X, accompagné par Y"), a subject that fits in
    // the sentence before it is preferred ("La start-up A lève… Le tour est mené par X… L'entreprise" is A).
    const governed = (x: Mention) => GOVERNED.test(sents[x.sentence].text.slice(0, x.start - sents[x.sentence].start));
    let fits: Mention[] = [];
    let nearest: Mention[] | undefined;
    for (let j = k - 1; j >= 0; j--) {
      const o = all[j];
      if (m.sentence - o.sentence > 4 && sents[o.sentence].para !== sents[m.sentence].para) break;
      if (o.sentence === m.sentence) continue;
      if (fits.length && o.sentence !== fits[0].sentence) {
        if (nearest || fits.some((x) => !governed(x))) break;
        nearest = fits;
        fits = [];
      }
      const sameHead = o.via === 'generic' && !!o.head && o.head === m.head;
      const kind = o.actor ? kindOf.get(o.actor) : undefined;
      const fit = sameHead || (o.via !== 'generic' && o.via !== 'group' && !o.place && (kind ? m.refersTo!.includes(kind) : m.refersTo!.includes('company')));
      if (o.actor && fit) fits.unshift(o);
    }
    if (nearest && !fits.some((x) => !governed(x))) fits = nearest;
    if (!fits.length) continue;
    const o = fits.find((x) => !governed(x)) ?? fits[fits.length - 1];
    m.actor = o.actor;
    m.name = o.name;
    m.kind = kindOf.get(o.actor) ?? o.kind;
  }
}

const CANDIDACY_OF = /(?<![\p{L}])candidature\s+(?:de\s+(?:la\s+|l['’]\s*)?|d['’]\s*|du\s+)$/iu;

/**
 * "La candidature de P" when a place runs for a label the text names: the candidacy is an actor of its own,
 * the place's programme under that label ("L P", or the name the text or the graph gives it), not the place.
 */
function candidacies(all: Mention[], sents: Sentence[], gz: Gazetteer): void {
  // The labels of the text, the most mentioned first, each with its plainest name.
  const labels = new Map<string, { name: string; n: number }>();
  const isLabel = new Set(all.filter((m) => m.actor && m.kind === 'label').map((m) => m.actor));
  for (const m of all) {
    if (!isLabel.has(m.actor)) continue;
    const l = labels.get(m.actor) ?? { name: m.name, n: 0 };
    l.n++;
    if (m.via !== 'anaphor' && m.name.length < l.name.length) l.name = m.name;
    labels.set(m.actor, l);
  }
  if (!labels.size) return;
  const surface = (m: Mention) => {
    const s = sents[m.sentence];
    return s.text.slice(m.start - s.start, m.end - s.start);
  };
  // Places written as themselves (not already read as a longer actor, "ville de P" or "P Digital Valley").
  const places = new Set(all.filter((m) => (m.place || m.fromPlace) && m.via !== 'anaphor' && m.actor.startsWith('new:') && fold(stripDet(surface(m))) === fold(stripDet(m.name))).map((m) => m.actor));
  const named = new Map<string, Mention>();
  for (const m of all) if (m.actor && m.via !== 'anaphor') named.set(fold(stripDet(m.name)), m);
  const top = [...labels.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  for (const m of all) {
    if (!places.has(m.actor)) continue;
    const s = sents[m.sentence];
    if (!CANDIDACY_OF.test(s.text.slice(0, m.start - s.start))) continue;
    // The label it runs for: "au L" right after, else the one the text names most.
    const after = all.find((o) => o.sentence === m.sentence && o.start > m.end && isLabel.has(o.actor) && /^\s*(?:au|à la|à l['’]|pour la|pour le|pour l['’])\s*(?:label\s+)?$/iu.test(s.text.slice(m.end - s.start, o.start - s.start)));
    const [labelKey, label] = after ? [after.actor, labels.get(after.actor)!] : top;
    if (labelKey === m.actor) continue;
    const forms = [`${label.name} ${m.name}`, `${m.name} ${label.name}`];
    const inText = forms.map((f) => named.get(fold(f))).find((o) => o);
    const known = forms.map((f) => gz.lookup(fold(f))[0]).find((h) => h);
    m.actor = inText?.actor ?? (known ? `db:${known.actor.id}` : keyOf(forms[0]));
    m.name = inText?.name ?? known?.actor.name ?? forms[0];
    m.kind = inText?.kind ?? known?.actor.kind ?? 'programme';
    m.place = false;
    m.fromPlace = false;
  }
}

/** Candidate actors from mentions: one per key, named by its longest plain mention, kind by vote. */
export function groupActors(mentions: Mention[], gz: Gazetteer, keep: (key: string) => boolean): CandidateActor[] {
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) if (keep(m.actor)) byKey.set(m.actor, [...(byKey.get(m.actor) ?? []), m]);
  const known = new Map(gz.actors.map((a) => [`db:${a.id}`, a]));
  const out: CandidateActor[] = [];
  for (const [key, ms] of byKey) {
    const k = known.get(key);
    const direct = ms.filter((m) => m.via !== 'anaphor');
    const kinds = direct.map((m) => m.kind).filter((x): x is ActorKind => !!x);
    const kind = k?.kind ?? mostCommon(kinds) ?? 'company';
    const name = k?.name ?? direct.map((m) => m.name).sort((a, b) => b.length - a.length)[0] ?? ms[0].name;
    const forms = new Set<string>();
    for (const m of direct) {
      forms.add(m.name);
      for (const f of m.forms ?? []) forms.add(f);
    }
    forms.delete(name);
    const vias = new Set(direct.map((m) => m.via));
    const confidence = k ? 0.95 : vias.has('head') || vias.has('person') ? 0.8 : vias.has('quoted') || vias.has('name') ? 0.65 : vias.has('acronym') ? 0.55 : 0.45;
    out.push({
      key,
      name,
      kind,
      kindFromText: !!k || kinds.length > 0,
      existing: k ? { id: k.id, name: k.name, kind: k.kind } : undefined,
      aliases: k ? [] : [...forms].filter((f) => fold(f) !== fold(name)),
      mentions: ms.map((m) => ({ start: m.start, end: m.end, text: '' })),
      confidence,
    });
  }
  return out;
}

function mostCommon<T>(xs: T[]): T | undefined {
  const c = new Map<T, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

