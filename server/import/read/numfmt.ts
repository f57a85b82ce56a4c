// Excel number formats read for what they show: the unit an amount's format writes after the number (0.0 "M€"),
// the thousands scaling of trailing commas (0.0,,), a percent, and a date format's precision (mmm-yy is a month).
import { unitFactor } from '../fr/amount';
import { frNumber } from './issues';

export interface NumberFormat {
  /** A date format, and how precise the date it shows is (mmm-yy shows a month, yyyy a year). */
  date?: 'day' | 'month' | 'year';
  /** The value is shown ×100 with a % sign. */
  percent?: boolean;
  /** The shown number is the stored one divided by this (1000 per trailing comma: 0.0,, shows millions). */
  divisor: number;
  /** The text the format writes around the number, trimmed: « M€ », « € », « k€ » ('' when none). */
  label: string;
}

const DATE_LETTERS = /[ymdhse]/i;
const DIGIT = /[0#?]/;

/**
 * What an Excel number format code shows (its first section: the one for positive numbers). Literal text in
 * quotes, escaped with \ or in a currency bracket ([$€-40C]) is the label; colours, conditions and locales are
 * skipped; any date or time letter outside them makes a date format (exceljs also takes \M for a month).
 */
export function readNumberFormat(code: string): NumberFormat {
  let f = known.get(code);
  if (!f) {
    f = read(code);
    // A workbook has a few dozen formats; a hostile one could have many: the memo stays small.
    if (known.size < 1000) known.set(code, f);
  }
  return f;
}
const known = new Map<string, NumberFormat>();

function read(code: string): NumberFormat {
  const out: NumberFormat = { divisor: 1, label: '' };
  if (!code || /^general$/i.test(code)) return out;
  let label = '';
  let commas = 0;
  let digits = false;
  let day = false;
  let month = false;
  let year = false;
  let time = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === ';') break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      label += code.slice(i + 1, end < 0 ? code.length : end);
      i = end < 0 ? code.length : end;
    } else if (ch === '\\') {
      label += code[++i] ?? '';
    } else if (ch === '_' || ch === '*') {
      i++; // _x pads with the width of x, *x fills with x: neither writes x
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const inner = code.slice(i + 1, end < 0 ? code.length : end);
      // [$€-40C] writes €; [$-40C] (a locale), [Red], [>=1000] write nothing.
      if (inner.startsWith('$')) label += inner.slice(1).split('-')[0];
      if (/^(?:h+|m+|s+)$/i.test(inner)) time = true; // [h]:mm elapsed time
      i = end < 0 ? code.length : end;
    } else if (DIGIT.test(ch)) {
      digits = true;
      commas = 0;
    } else if (ch === ',') {
      if (digits) commas++;
    } else if (ch === '%') {
      out.percent = true;
    } else if (/[eE]/.test(ch) && /[+-]/.test(code[i + 1] ?? '')) {
      i++; // scientific notation 0.0E+00
    } else if (/^AM\/PM|^A\/P/i.test(code.slice(i))) {
      time = true;
      i += code.slice(i, i + 5).toUpperCase() === 'AM/PM' ? 4 : 2;
    } else if (DATE_LETTERS.test(ch)) {
      const c = ch.toLowerCase();
      if (c === 'd') day = true;
      else if (c === 'y' || c === 'e') year = true;
      else if (c === 'm') month = true;
      else time = true;
    } else if (ch !== '.' && ch !== '@') {
      label += ch;
    }
  }
  if (day || month || year || time) {
    // m beside h or s is minutes: a time shows its day, as the cell holds it.
    out.date = day || time ? 'day' : month ? 'month' : 'year';
    return out;
  }
  out.divisor = 1000 ** commas;
  out.label = label.replace(/\s+/g, ' ').trim();
  return out;
}

export type FormatAmount =
  /** The format names no unit: the number shown (0.0,, divides it), which the header's unit, if any, scales. */
  | { kind: 'plain'; shown: number }
  /** `unit`: the euros of one shown unit (1e6 for M€), to compare with the header's. */
  | { kind: 'amount'; value: number; shown: string; unit: number }
  | { kind: 'error'; code: 'amount-percent' | 'amount-unit'; shown: string };

/**
 * The euros a number cell of an amount column means, read through its format: 1.5 shown « 1,5 M€ » is 1 500 000,
 * 2 500 000 shown « 2,5 M€ » through 0.0,, is 2 500 000. An error for a percent or a unit that is not euros
 * (« 3 ETP », « 5 $ »): such a cell is not an amount, whatever its number.
 */
export function amountFromFormat(value: number, f: NumberFormat): FormatAmount {
  const shownNumber = f.percent ? value * 100 : value / f.divisor;
  if (!f.label && !f.percent) return { kind: 'plain', shown: shownNumber };
  const shown = `${frNumber(Math.round(shownNumber * 1e6) / 1e6)}${f.percent ? ' %' : ''}${f.label ? ` ${f.label}` : ''}`;
  if (f.percent) return { kind: 'error', code: 'amount-percent', shown };
  const unit = unitFactor(f.label);
  if (unit === undefined) return { kind: 'error', code: 'amount-unit', shown };
  return { kind: 'amount', value: Math.round(shownNumber * unit * 100) / 100, shown, unit };
}
