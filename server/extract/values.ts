// Amounts ("19 millions d'euros", "1,5 M€", "un tiers de 34 M€") and dates ("en janvier 2016", "février dernier") in French text.

export interface Amount {
  /** Euros. */
  value: number;
  start: number;
  end: number;
  text: string;
  /** How a derived amount was computed ("un tiers de 34 000 000 €"); absent when the text states the amount. */
  derived?: string;
}

export interface DateMention {
  /** ISO, partial: 2014, 2014-11, 2014-11-12. */
  value: string;
  start: number;
  end: number;
  text: string;
}

const NUM = String.raw`\d{1,3}(?:[\u00a0\u202f  .]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`;
const SCALE = String.raw`milliards?|mds?|md|millions?|mio|m|mille|k`;
const AMOUNT_RE = new RegExp(
  String.raw`(?<num>${NUM})\s*(?:(?<scale>${SCALE})\.?\s*)?(?:(?:d['’]\s*|de\s+)?(?<cur>euros?|€|eur\b)|(?<glued>m€|k€|md€|mds€))`,
  'giu',
);
const FRACTIONS: Record<string, number> = {
  'la moitié': 1 / 2, moitié: 1 / 2, 'un tiers': 1 / 3, 'deux tiers': 2 / 3, 'un quart': 1 / 4, 'trois quarts': 3 / 4,
  'un cinquième': 1 / 5, 'un dixième': 1 / 10,
};

function parseNumber(s: string): number {
  const compact = s.replace(/[\u00a0\u202f  ]/g, '');
  // "130.000" is thousands, "1.5" is a decimal point: a dot followed by exactly three digits groups thousands.
  const normalised = /\.\d{3}(?!\d)/.test(compact) && !compact.includes(',') ? compact.replace(/\./g, '') : compact.replace(',', '.');
  return Number(normalised);
}

function scaleOf(scale: string | undefined, glued: string | undefined): number {
  const s = (scale ?? glued ?? '').toLowerCase().replace('€', '');
  if (/^(?:milliards?|mds?|md)$/.test(s)) return 1e9;
  if (/^(?:millions?|mio|m)$/.test(s)) return 1e6;
  if (/^(?:mille|k)$/.test(s)) return 1e3;
  return 1;
}

const euro = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} €`;

/** Every amount in euros in `text` (offsets relative to `offset`), fractions of an amount noted as derived. */
export function amounts(text: string, offset = 0): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const g = m.groups!;
    const value = parseNumber(g.num) * scaleOf(g.scale, g.glued);
    if (!Number.isFinite(value) || value <= 0) continue;
    const start = offset + m.index!;
    let a: Amount = { value, start, end: start + m[0].length, text: m[0] };
    // "un tiers de 34 M€" before the amount, "34 M€ dont un tiers" after it.
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    const fb = /(la moitié|un tiers|deux tiers|un quart|trois quarts|un cinquième|un dixième|(\d+(?:[,.]\d+)?)\s*%)\s+(?:de|des|du|d['’])\s*(?:la\s+|l['’])?\s*$/iu.exec(before);
    const fa = /^\s*(?:,\s*)?dont\s+(la moitié|un tiers|deux tiers|un quart|trois quarts|un cinquième|un dixième|(\d+(?:[,.]\d+)?)\s*%)/iu.exec(after);
    const f = fb ?? fa;
    if (f) {
      const share = f[2] ? Number(f[2].replace(',', '.')) / 100 : FRACTIONS[f[1].toLowerCase()];
      if (share) {
        a = { ...a, value: Math.round(value * share), derived: `${f[1]} de ${euro(value)}` };
        if (fb) {
          a.start = offset + m.index! - (before.length - fb.index);
          a.text = text.slice(a.start - offset, a.end - offset);
        }
      }
    }
    out.push(a);
  }
  return out;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH_RE = MONTHS.join('|') + '|fevrier|aout|decembre';
const monthIndex = (m: string) => {
  const l = m.toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre');
  return MONTHS.indexOf(l) + 1;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** A reference date (the source's) for "février dernier", "l'an dernier", "cette année". */
export interface RefDate {
  year: number;
  month?: number;
}

export function parseRefDate(iso: string | undefined): RefDate | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(iso ?? '');
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined } : undefined;
}

/** Every date in `text`; relative ones ("février dernier") only when the source's date is known. */
export function dates(text: string, offset = 0, ref?: RefDate): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const push = (start: number, len: number, value: string) => {
    if (taken.some(([s, e]) => start < e && start + len > s)) return;
    taken.push([start, start + len]);
    out.push({ value, start: offset + start, end: offset + start + len, text: text.slice(start, start + len) });
  };
  // 12 novembre 2014, le 1er mars 2015
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:er)?\s+(${MONTH_RE})\s+((?:19|20)\d{2})\b`, 'giu'))) {
    push(m.index!, m[0].length, `${m[3]}-${pad(monthIndex(m[2]))}-${pad(Number(m[1]))}`);
  }
  // le 26 mai dernier
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:er)?\s+(${MONTH_RE})\s+dernier\b`, 'giu'))) {
    if (!ref) continue;
    const mo = monthIndex(m[2]);
    const year = ref.month && mo >= ref.month ? ref.year - 1 : ref.year;
    push(m.index!, m[0].length, `${year}-${pad(mo)}-${pad(Number(m[1]))}`);
  }
  // (en) janvier 2016, fin mai 2014
  for (const m of text.matchAll(new RegExp(String.raw`\b(${MONTH_RE})\s+((?:19|20)\d{2})\b`, 'giu'))) {
    push(m.index!, m[0].length, `${m[2]}-${pad(monthIndex(m[1]))}`);
  }
  // février dernier, en septembre dernier
  for (const m of text.matchAll(new RegExp(String.raw`\b(${MONTH_RE})\s+dernier\b`, 'giu'))) {
    if (!ref) continue;
    const mo = monthIndex(m[1]);
    const year = ref.month && mo >= ref.month ? ref.year - 1 : ref.year;
    push(m.index!, m[0].length, `${year}-${pad(mo)}`);
  }
  for (const m of text.matchAll(/\b(?:l['’]an(?:née)? dernière?|l['’]année précédente)\b/giu)) {
    if (ref) push(m.index!, m[0].length, String(ref.year - 1));
  }
  for (const m of text.matchAll(/\bcette année\b/giu)) {
    if (ref) push(m.index!, m[0].length, String(ref.year));
  }
  // en 2014, depuis 2014, dès 2013, fin 2013, pour 2016, à partir de 2017
  for (const m of text.matchAll(/\b(?:en|depuis|dès|fin|début|pour|courant|mi-|à partir de|jusqu['’]en|d['’]ici)\s*((?:19|20)\d{2})\b/giu)) {
    push(m.index!, m[0].length, m[1]);
  }
  return out.sort((a, b) => a.start - b.start);
}
