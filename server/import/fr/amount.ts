// Amounts as French (and English) spreadsheets write them: "1 200 000 €", "1,5 M€", "2 Md€", "19 millions d'euros".
import { EXCEL_HASHES, HASHES_WHY } from './date';

export type AmountResult =
  /** The cell says nothing, or says the amount is not known ("NC", "?"): the amount stays absent, never 0. */
  | { kind: 'unknown' }
  | { kind: 'amount'; value: number }
  | { kind: 'error'; code: 'amount-negative' | 'amount-zero' | 'amount-invalid'; message: string };

/** Cells that mean "not known": kept absent. Compared after lowercasing and trimming. */
const UNKNOWN = new Set(['', '?', '-', '–', '—', 'nc', 'n.c.', 'n.c', 'nd', 'n.d.', 'n/a', 'na', 'inconnu', 'inconnue', 'non communique', 'non communiqué', 'non connu', 'unknown', 'tbd', 'ns', 'x']);

// Multipliers by the word or symbol after the number; longest first so "md" wins over "m".
const SCALES: [RegExp, number][] = [
  [/^(?:md|mds|mrd|mrds|mdeur|milliards?|billions?|bn)$/, 1e9],
  [/^(?:m|mio|mios|meur|millions?|mn|mln)$/, 1e6],
  [/^(?:k|ke|keur|milliers?|mille|thousands?)$/, 1e3],
];

// Spaces a French number may hold as thousands separators: normal, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009), and the apostrophe (Swiss).
const GROUP = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * The multiplier a header announces for unit-less numbers: "Montant (k€)" → 1000, "Montant (M€)" → 1e6,
 * "Montant en millions d'euros" → 1e6. 1 when it names none.
 */
export function headerScale(header: string): number {
  const h = header.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (/\b(?:md|mds|mrd)\s*(?:€|eur)|\bmilliards?\b|\bbn\b/.test(h)) return 1e9;
  if (/\bm\s*(?:€|eur)|\bmeur\b|\bmillions?\b|\bm€/.test(h) || /\(\s*m\s*\)/.test(h)) return 1e6;
  if (/\bk\s*(?:€|eur)|\bkeur\b|\bmilliers?\b|\bk€/.test(h) || /\(\s*k\s*\)/.test(h)) return 1e3;
  return 1;
}

/**
 * The euros one unit of a label means, as a number format writes it after the number (« M€ », « k€ », « € »,
 * « MEUR », « millions d'euros », « M »); undefined for a label that is not euros (« $ », « ETP », « ans »).
 */
export function unitFactor(label: string): number | undefined {
  const euro = /€|\beur|\beuros?\b/i.test(label);
  const s = label
    .toLowerCase()
    .replace(/\bd['’]\s*euros?\b|\bde\s+euros?\b|\beuros?\b|\beur\b|€/g, ' ')
    .replace(/\b(?:ht|ttc)\b/g, ' ')
    .replace(/[\s.]+/g, '');
  if (!s) return euro ? 1 : undefined;
  return SCALES.find(([re]) => re.test(s))?.[1];
}

/** Reads the digits of a number written with French or English separators; NaN when they are not a number. */
function readNumber(digits: string, scaled: boolean): number {
  const s = digits.replace(GROUP, '');
  if (!/^\d[\d.,]*$/.test(s) && !/^[.,]\d+$/.test(s)) return NaN;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let norm: string;
  if (dots && commas) {
    // Both: the last one is the decimal mark ("1.200.000,50" or "1,200,000.50").
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = dec === ',' ? '.' : ',';
    if (s.split(dec).length > 2) return NaN;
    norm = s.split(group).join('').replace(dec, '.');
  } else if (dots + commas > 1) {
    // "1.200.000" or "1,200,000": thousands separators, each followed by exactly three digits.
    const sep = dots ? '.' : ',';
    const parts = s.split(sep);
    if (parts.slice(1).some((p) => p.length !== 3)) return NaN;
    norm = parts.join('');
  } else if (dots + commas === 1) {
    // One mark: a decimal mark ("1,5", "1.5"), except "1.500"/"1,500" with no scale, read as thousands.
    const sep = dots ? '.' : ',';
    const [int, frac] = s.split(sep);
    norm = frac.length === 3 && !scaled && int.length > 0 && int !== '0' ? int + frac : `${int || '0'}.${frac}`;
  } else norm = s;
  return Number(norm);
}

/**
 * Parses an amount in euros. `scale` is the header's multiplier for bare numbers ("Montant (k€)").
 * Unknown stays unknown (never 0); negative, zero and non-numeric amounts are errors with a French message.
 */
export function parseAmount(raw: string, scale = 1): AmountResult {
  const text = raw.trim();
  if (UNKNOWN.has(text.toLowerCase())) return { kind: 'unknown' };
  let s = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/^(?:environ|env\.?)\s*(?=\d)|^~\s*|^≈\s*|^ca\.?\s+/, '')
    .replace(/€|\beur\b|\beuros?\b|\bd['’]\s*euros?\b|\bde\s+euros?\b/g, ' ')
    .replace(/\s+(?:ht|ttc)$/, '')
    .trim();
  const negative = /^[-−–]\s*\d/.test(s) || /^\(.*\)$/.test(s);
  if (negative) return { kind: 'error', code: 'amount-negative', message: `le montant « ${text} » est négatif : un montant est positif (laissez la cellule vide s'il est inconnu)` };
  s = s.replace(/^\+/, '').trim();
  // The number, then an optional scale word: "1,5 m", "19 millions", "200k", "2 md".
  const m = /^([\d\s\u00a0\u202f\u2009'’.,]*\d[\d\s\u00a0\u202f\u2009'’.,]*?)\s*([a-z]+)?\.?$/.exec(s);
  if (!m) return invalid(text);
  let factor = scale;
  if (m[2]) {
    const word = m[2];
    const found = SCALES.find(([re]) => re.test(word));
    if (!found) return invalid(text);
    factor = found[1];
  }
  const n = readNumber(m[1].trim(), factor !== 1);
  if (!Number.isFinite(n)) return invalid(text);
  const value = Math.round(n * factor * 100) / 100;
  if (value === 0) return { kind: 'error', code: 'amount-zero', message: `le montant « ${text} » vaut 0 : laissez la cellule vide si le montant est inconnu` };
  return { kind: 'amount', value };
}

function invalid(text: string): AmountResult {
  if (EXCEL_HASHES.test(text)) return { kind: 'error', code: 'amount-invalid', message: `le montant « ${text.slice(0, 20)} » n'est pas un nombre : ${HASHES_WHY}` };
  return {
    kind: 'error',
    code: 'amount-invalid',
    message: `le montant « ${text.length > 60 ? `${text.slice(0, 60)}…` : text} » n'est pas un nombre (exemples acceptés : 1 200 000 €, 1,5 M€, 200 k€, 2 Md€ ; vide si inconnu)`,
  };
}
