// Mentions of actors in sentences: known actors (the database's gazetteer) and new ones (names, acronyms,
// institutional noun phrases, quoted names, people), grouped into candidate actors with a suggested kind.
import { fold } from '../../model/text';
import type { ActorKind } from '../../model/vocabulary';
import type { Sentence, Token } from './segment';
import { ANAPHORA, CIVIL_TITLES, TITLES, FUNCTION_WORDS, GIVEN_NAMES, HEADS, LEGAL_FORMS, NAME_ADJECTIVE, NOT_ACTOR_ACRONYMS, PLURAL_HEADS, SAYING_VERBS } from './lexicon';

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
  via: 'gazetteer' | 'name' | 'acronym' | 'head' | 'generic' | 'quoted' | 'person' | 'anaphor';
  /** For an anaphor: the kinds it may refer back to. */
  refersTo?: ActorKind[];
  /** Written as a place ("à X", "des bureaux à X, Y"): never what "la structure" refers back to. */
  place?: boolean;
  /** Other forms this mention offers as aliases ("pôle X" for X). */
  forms?: string[];
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
const ADJ_SUFFIX = /(?:ien|ienne|iens|iennes|al|ale|aux|ales|el|elle|els|elles|ique|iques|ais|aise|aises|ois|oise|oises|aire|aires|if|ive|ifs|ives|eux|euse|euses|ain|aine|ains|aines|é|ée|és|ées|ier|ière|iers|ières|ant|ante|ants|antes|ile|iles|ble|bles|ère|ères)$/u;
const PRONOUN_SUFFIX = /-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)$/u;
/** What may stand before a lower-case head noun: an article, a possessive, a preposition, a number. */
const BEFORE_HEAD = new Set([...DETERMINERS, 'de', "d'", 'à', 'par', 'pour', 'avec', 'sur', 'dans', 'entre', 'chez', 'en', 'notre', 'votre', 'nos', 'vos', 'mon', 'ma', 'mes', 'deux', 'trois', 'nouvelle', 'nouveau', 'nouvel', 'première', 'premier', 'grande', 'grand', 'jeune']);
const NOT_ADJ = new Set(['de', 'du', 'des', 'et', 'ou', 'qui', 'que', 'dont', 'est', 'sont', 'a', 'ont', 'en', 'pour', 'par', 'sur', 'dans', 'avec', 'au', 'aux', 'une', 'un', 'le', 'la', 'les', 'se', 'ne', 'plus', 'tout', 'bien', 'mais', 'donc', 'lui', 'leur', 'son', 'sa', 'ses', 'il', 'elle', 'on']);
const QUOTES_OPEN = new Set(['“', '"', '«', '‘']);
const QUOTES_CLOSE = new Set(['”', '"', '»', '’']);

const stripDet = (s: string) => s.replace(/^(?:(?:les?|la|une?|des|du|de la)\s+|(?:de\s+)?l['’]\s*|d['’]\s*)/iu, '').trim();
const keyOf = (name: string) => `new:${fold(stripDet(name))}`;
const isWordCap = (t: Token | undefined) => !!t && t.word && (t.cap || t.acronym);
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

/** Known actors: longest folded match of a name or alias; a one-word form must be capitalised in the text. */
function gazetteerMentions(ctx: Ctx, gz: Gazetteer): void {
  const toks = ctx.s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].word || ctx.taken[i]) continue;
    let best: { j: number; hits: { actor: KnownActor; form: string }[] } | undefined;
    let words: string[] = [];
    for (let j = i; j < toks.length && words.length < gz.maxWords + 2; j++) {
      const t = toks[j];
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
    if (!best || !take(ctx, i, best.j)) continue;
    const sp = span(ctx.s, i, best.j);
    const a = best.hits[0].actor;
    // Two known actors share this form: the first is proposed, the reviewer links the other if needed.
    ctx.out.push({ ...sp, sentence: ctx.s.index, name: a.name, actor: `db:${a.id}`, kind: a.kind, via: 'gazetteer' });
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
    if (adjective(t)) {
      end = i++;
      continue;
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
        end = m;
        properName = true;
        complements++;
        i = m + 1;
        continue;
      }
      if (n && n.word && !FUNCTION_WORDS.has(n.lower) && !/^\d/.test(n.text) && complements < 2) {
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
  return m;
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
    const ph = extendPhrase(toks, i, toks[i].cap);
    let end = ph.end;
    // "la mission nationale <Known>": a head that is not a mere description makes another actor of the phrase.
    if (!h.descriptor && !h.plural && end > i) {
      const inner = ctx.out.find((o) => o.via === 'gazetteer' && o.start > toks[i].start && o.end <= toks[end].end);
      if (inner && !ctx.taken[i] && toks.slice(i + 1).findIndex((t) => t.start === inner.start) >= 0) {
        ctx.out.splice(ctx.out.indexOf(inner), 1);
        for (let k = i + 1; k <= end; k++) if (toks[k].start >= inner.start && toks[k].end <= inner.end) ctx.taken[k] = false;
      }
    }
    while (end > i && ctx.taken[end]) end--;
    // "l'association <Known>": the describing head joins the known actor's mention.
    if (h.descriptor && !ctx.taken[i] && ctx.taken[i + 1]) {
      const known = ctx.out.find((o) => o.via === 'gazetteer' && o.start === toks[i + 1].start);
      if (known) {
        ctx.taken[i] = true;
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
    if (h.plural && ph.properName) {
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
    if (h.plural) continue;
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
      ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: keyOf(sp.text), kind: h.kind, via: 'generic' });
      i = end;
      continue;
    }
    const complementOf = ['de', 'du', 'des', "d'"].includes(toks[i - 2]?.lower ?? '') && (det === "l'" || det === 'la' || det === 'le');
    if (anaphor && !complementOf && det !== 'du' && (DEFINITE.has(det ?? '') || (i === 0 && toks[i].cap)) && !COMPLEMENT.has(toks[end + 1]?.lower ?? '')) {
      if (!take(ctx, i, end)) continue;
      ctx.out.push({ ...sp, sentence: ctx.s.index, name: sp.text, actor: '', via: 'anaphor', refersTo: anaphor });
      i = end;
    }
  }
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
      if (!toks[k].word) break;
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
    while (a <= m && FUNCTION_WORDS.has(toks[a].lower.replace(/['’]$/, '')) && !toks[a].acronym) a++;
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
    const seq = toks.slice(a, m + 1);
    const text = span(ctx.s, a, m).text;
    const prev = toks[a - 1];
    const atStart = a === 0 || (prev && (/^[«“"(:—–\-…!?.]$/.test(prev.text) || (a === 1 && !prev.word)));
    const single = seq.length === 1;
    const acronym = single && seq[0].acronym;
    if (acronym && (NOT_ACTOR_ACRONYMS.has(seq[0].text) || seq[0].text.length > 8)) { i = m; continue; }
    if (single && !acronym && /^\d/.test(seq[0].text)) { i = m; continue; }
    // A capitalised word at the start of a sentence is a name only if the text also writes it so elsewhere.
    if (atStart && single && !acronym) {
      const w = seq[0].lower;
      if (!ctx.docCapMid.has(w) || ctx.docLower.has(w)) { i = m; continue; }
    }
    if (single && !acronym && ctx.docLower.has(seq[0].lower) && !ctx.docCapMid.has(seq[0].lower)) { i = m; continue; }
    take(ctx, a, m);
    const first = seq[0].lower.split('-')[0];
    const civil = prev && CIVIL_TITLES.has(prev.lower.replace('.', ''));
    const sayer = prev && SAYING_VERBS.has(prev.lower);
    const person = !acronym && seq.length >= 2 && (GIVEN_NAMES.has(first) || civil || sayer);
    const legal = toks[m + 1] && LEGAL_FORMS[toks[m + 1].text];
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
      else if (i > 0 && s.tokens[i - 1].word) docCapMid.add(t.lower);
    });
  }
  const all: Mention[] = [];
  for (const s of sents) {
    const ctx: Ctx = { s, taken: s.tokens.map(() => false), out: [], docLower, docCapMid };
    // Quoted names first: "« Bourse <Known> »" is another actor than <Known>; a quoted known name stays known.
    quotedMentions(ctx, gz);
    gazetteerMentions(ctx, gz);
    headMentions(ctx);
    nameMentions(ctx);
    appositions(ctx);
    markPlaces(ctx);
    all.push(...ctx.out.sort((x, y) => x.start - y.start));
  }
  linkAcronymsAndSurnames(all, sents);
  resolveAnaphora(all);
  return all.filter((m) => m.actor);
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
    if (!/^\s*,\s*(?:(?:le|la|les|l['’]|une?|cette|ce|cet)\s*)?$/iu.test(between)) continue;
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
    if (a.via === 'generic' && b.via !== 'generic' && b.via !== 'anaphor' && closed && /^\s*,\s*$/.test(between)) {
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

/** "la structure" → the latest actor of a fitting kind in the last few sentences. */
function resolveAnaphora(all: Mention[]): void {
  const kindOf = new Map<string, ActorKind>();
  for (const m of all) if (m.actor && m.kind && !kindOf.has(m.actor)) kindOf.set(m.actor, m.kind);
  for (let k = 0; k < all.length; k++) {
    const m = all[k];
    if (m.via !== 'anaphor' || m.actor) continue;
    for (let j = k - 1; j >= 0; j--) {
      const o = all[j];
      if (m.sentence - o.sentence > 4) break;
      if (o.sentence === m.sentence) continue;
      if (!o.actor || o.via === 'anaphor' || o.via === 'generic' || o.place) continue;
      const kind = kindOf.get(o.actor);
      if (kind ? m.refersTo!.includes(kind) : m.refersTo!.includes('company')) {
        m.actor = o.actor;
        m.name = o.name;
        m.kind = kind;
        break;
      }
    }
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

