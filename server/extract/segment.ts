// Sentences and words of a French text, with character offsets into the original text (never a copy).

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case, accents kept ("énergie"). */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (ARI, SNCF-TGV). */
  acronym: boolean;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index of its paragraph (a line of the text). */
  para: number;
  /** A short line without final punctuation: a title or a heading, which names what the lines after it are about. */
  heading: boolean;
}

const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);
const APOSTROPHE = /['’ʼ]/;

/** Words with their offsets; "l’association" gives "l’" + "association", "Saint-Étienne" stays one word. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{Nd}]+(?:[-‐‑&][\p{L}\p{Nd}]+)*|['’ʼ]|[^\s\p{L}\p{Nd}]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const start = offset + m.index;
    const prev = out[out.length - 1];
    // Elision: "l" + "’" glued → one token "l’", so that the next word stands alone.
    if (APOSTROPHE.test(t) && prev && prev.end === start && ELIDED.has(prev.lower)) {
      prev.text += t;
      prev.lower += "'";
      prev.end = start + t.length;
      continue;
    }
    const word = /[\p{L}\p{Nd}]/u.test(t);
    const letters = t.replace(/[^\p{L}]/gu, '');
    out.push({
      text: t,
      start,
      end: start + t.length,
      lower: t.toLowerCase(),
      cap: word && /^\p{Lu}/u.test(t),
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(letters),
      word,
    });
  }
  return out;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /(?:^|[\s(])(?:M|Mme|Mlle|MM|Me|Dr|Pr|St|Ste|Mgr|av|apr|env|etc|cf|p|vol|n°|no|janv|févr|fév|avr|juil|sept|oct|nov|déc|J\.-C|[A-Z])\.\s*$/u;
const SENTENCE_END = /[.!?…:;»”"]\s*$/u;

/** Sentences of the text. Lines broken in the middle of a sentence are joined; a line without final punctuation (a title) stands alone. */
export function sentences(text: string): Sentence[] {
  // Replace a line break inside a sentence by a space (same length: offsets are unchanged).
  const chars = text.split('');
  const lineRe = /\n/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const after = text.slice(m.index + 1, m.index + 3);
    if (before.trim() && !SENTENCE_END.test(before) && /^\s?\p{Ll}/u.test(after)) chars[m.index] = ' ';
  }
  const joined = chars.join('');
  const seg = new Intl.Segmenter('fr', { granularity: 'sentence' });
  const spans: { start: number; end: number; para: number }[] = [];
  let para = -1;
  // Paragraphs first: the segmenter would otherwise join a heading to the sentence after it.
  const paraRe = /[^\n]+/g;
  for (let p = paraRe.exec(joined); p; p = paraRe.exec(joined)) {
    if (p[0].trim()) para++;
    let pending: { start: number; end: number; para: number } | undefined;
    // The segmenter does not end a sentence at "…" followed by a capital: cut there too.
    const pieces: { index: number; segment: string }[] = [];
    for (const s of seg.segment(p[0])) {
      let from = 0;
      for (const cut of s.segment.matchAll(/…\s+(?=\p{Lu})/gu)) {
        const to = cut.index! + cut[0].length;
        pieces.push({ index: s.index + from, segment: s.segment.slice(from, to) });
        from = to;
      }
      pieces.push({ index: s.index + from, segment: s.segment.slice(from) });
    }
    for (const s of pieces) {
      const start = p.index + s.index;
      const end = start + s.segment.length;
      if (pending && (ABBREVIATIONS.test(joined.slice(pending.start, pending.end)) || /^\s*\p{Ll}/u.test(s.segment))) {
        pending.end = end;
      } else {
        if (pending) spans.push(pending);
        pending = { start, end, para };
      }
    }
    if (pending) spans.push(pending);
  }
  const out: Sentence[] = [];
  for (const s of spans) {
    let { start, end } = s;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const tokens = tokenize(text.slice(start, end), start);
    out.push({ index: out.length, start, end, text: text.slice(start, end), tokens, para: s.para, heading: false });
  }
  const perPara = new Map<number, number>();
  for (const s of out) perPara.set(s.para, (perPara.get(s.para) ?? 0) + 1);
  for (const s of out) {
    s.heading = perPara.get(s.para) === 1 && !/[.!?…:;»”"]$/u.test(s.text) && s.tokens.filter((t) => t.word).length <= 12;
  }
  return out;
}
