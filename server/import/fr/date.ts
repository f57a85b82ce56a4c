// Dates as French (and English) spreadsheets write them: "12/03/2016", "2016-03", "mars 2016", "12 mars 2016", "2016".
import type { DateOrder } from '../read/types';

export type DateResult =
  | { kind: 'empty' }
  | { kind: 'date'; value: string }
  | { kind: 'error'; code: 'date-impossible' | 'date-invalid'; message: string };

const MONTHS: Record<string, number> = {};
const names: [number, string[]][] = [
  [1, ['janvier', 'janv', 'jan', 'january']],
  [2, ['fevrier', 'fevr', 'fev', 'february', 'feb']],
  [3, ['mars', 'march', 'mar']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'may']],
  [6, ['juin', 'june', 'jun']],
  [7, ['juillet', 'juil', 'july', 'jul']],
  [8, ['aout', 'august', 'aug']],
  [9, ['septembre', 'sept', 'sep', 'september']],
  [10, ['octobre', 'oct', 'october']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december']],
];
for (const [n, words] of names) for (const w of words) MONTHS[w] = n;

const MONTH_NAMES_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The dd/dd/yyyy forms (also with - or .), the only ones whose reading depends on the order. */
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
/** The time Excel appends to a date cell saved as CSV ("12/03/2016 00:00"): the tie's date is the day. */
const withoutTime = (s: string) => s.replace(/^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})[ T]\d{1,2}:\d{2}(?::\d{2})?$/, '$1');
/** Excel's French date formats with a month name: "mars-16", "janv.-17", "12-mars-16" (jj-mmm-aa). */
const EXCEL_MONTH = /^(?:(\d{1,2})-)?([a-z]+)\.?-(\d{2}|\d{4})$/;

/**
 * What one value says about its column's order: 'dmy' when the first number exceeds 12, 'mdy' when the
 * second does, 'ambiguous' when both are 12 or less, null for other forms.
 */
export function dateOrderHint(raw: string): DateOrder | 'ambiguous' | null {
  const m = NUMERIC_DMY.exec(withoutTime(raw.trim()));
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return 'ambiguous';
}

function year(s: string): number {
  if (s.length === 4) return Number(s);
  const y = Number(s);
  return y < 70 ? 2000 + y : 1900 + y;
}

function build(raw: string, y: number, m?: number, d?: number): DateResult {
  if (y < 1800 || y > 2200) return invalid(raw, `l'année ${y} est hors de la plage acceptée (1800–2200)`);
  if (m === undefined) return { kind: 'date', value: String(y) };
  if (m < 1 || m > 12) return impossible(raw, `il n'y a pas de mois ${m}`);
  if (d === undefined) return { kind: 'date', value: `${y}-${pad(m)}` };
  const max = daysIn(y, m);
  if (d < 1 || d > max) return impossible(raw, d < 1 ? `il n'y a pas de jour ${d}` : `${MONTH_NAMES_FR[m - 1]} ${y} n'a que ${max} jours`);
  return { kind: 'date', value: `${y}-${pad(m)}-${pad(d)}` };
}

const impossible = (raw: string, why: string): DateResult => ({ kind: 'error', code: 'date-impossible', message: `la date « ${raw} » n'existe pas : ${why}` });
/** What Excel writes to a CSV for a value its column was too narrow to show. */
export const EXCEL_HASHES = /^#{3,}$/;
export const HASHES_WHY = "Excel écrit des # quand la colonne est trop étroite pour afficher la valeur : élargissez la colonne et enregistrez de nouveau le CSV";
const invalid = (raw: string, why?: string): DateResult => ({
  kind: 'error',
  code: 'date-invalid',
  message: why
    ? `la date « ${raw} » n'est pas acceptée : ${why}`
    : EXCEL_HASHES.test(raw.trim())
      ? `« ${raw.trim().slice(0, 20)} » n'est pas une date : ${HASHES_WHY}`
      : `« ${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw} » n'est pas une date (exemples acceptés : 12/03/2016, 2016-03-12, 2016-03, mars 2016, 12 mars 2016, 2016)`,
});

/** Parses a date to ISO (partial allowed: 2016, 2016-03, 2016-03-12); `order` reads dd/dd/yyyy (default: day first). */
export function parseDate(raw: string, order: DateOrder = 'dmy'): DateResult {
  const s = withoutTime(raw.trim());
  if (!s) return { kind: 'empty' };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return build(s, Number(m[1]));
  if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(s))) {
    return build(s, Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  }
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s))) return build(s, Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = NUMERIC_DMY.exec(s))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'dmy' ? build(s, year(m[3]), b, a) : build(s, year(m[3]), a, b);
  }
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return build(s, Number(m[2]), Number(m[1]));
  const folded = s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if ((m = EXCEL_MONTH.exec(folded)) && MONTHS[m[2]]) return build(s, year(m[3]), MONTHS[m[2]], m[1] === undefined ? undefined : Number(m[1]));
  // Words: "mars 2016", "12 mars 2016", "1er mars 2016", "March 12, 2016", "12 March 2016".
  const words = s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[.,]/g, ' ')
    .replace(/\b(\d{1,2})(?:er|st|nd|rd|th)\b/g, '$1')
    .replace(/^(?:le|the)\s+/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 2 && MONTHS[words[0]] && /^\d{4}$/.test(words[1])) return build(s, Number(words[1]), MONTHS[words[0]]);
  if (words.length === 3 && /^\d{1,2}$/.test(words[0]) && MONTHS[words[1]] && /^\d{4}$/.test(words[2])) {
    return build(s, Number(words[2]), MONTHS[words[1]], Number(words[0]));
  }
  if (words.length === 3 && MONTHS[words[0]] && /^\d{1,2}$/.test(words[1]) && /^\d{4}$/.test(words[2])) {
    return build(s, Number(words[2]), MONTHS[words[0]], Number(words[1]));
  }
  return invalid(s);
}

/** A spreadsheet date cell (a JS Date at UTC midnight) as ISO. */
export function isoFromDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Per-column tally of dd/dd/yyyy values, to decide the column's order as a whole. */
export class DateOrderVote {
  dmy = 0;
  mdy = 0;
  ambiguous = 0;
  add(raw: string): void {
    const h = dateOrderHint(raw);
    if (h) this[h]++;
  }
  /** The order, and whether the column gave no clue (every value ambiguous). Day first unless only month-first clues. */
  decide(): { order: DateOrder; ambiguous: boolean; conflicting: boolean } | undefined {
    if (!this.dmy && !this.mdy && !this.ambiguous) return undefined;
    const order: DateOrder = this.mdy > 0 && this.dmy === 0 ? 'mdy' : this.mdy > this.dmy ? 'mdy' : 'dmy';
    return { order, ambiguous: !this.dmy && !this.mdy, conflicting: this.dmy > 0 && this.mdy > 0 };
  }
}
