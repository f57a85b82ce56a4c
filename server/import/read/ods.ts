// OpenDocument spreadsheets (.ods, LibreOffice's format) after zip-guard's checks: content.xml streamed through saxes, one table reader per sheet used.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type yauzl from 'yauzl';
import { tableKindOfSheet } from './headers';
import { issue } from './issues';
import { MergeBombError, mergeFiller } from './merges';
import type { Cell, RawRecord, RecordBatch, RecordItem, RichCell, TableReader } from './table';
import type { InputFile, TableKind } from './types';
import { DEFAULT_ZIP_LIMITS, openZip, readEntries } from './zip-guard';
import { openEntry, type MergedBlock } from './zip-parts';

export interface OdsSheet {
  name: string;
  /** 0-based position of the sheet's <table:table> in content.xml. */
  index: number;
  kind?: TableKind;
  /** Hidden in LibreOffice (its table style says table:display="false"): still read when named for a table, with a warning. */
  hidden?: boolean;
}

/** The namespaces read, under the prefixes every writer seen uses (LibreOffice, Gnumeric, Excel, Google Sheets). */
const NS: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0': 'number',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'http://www.w3.org/1999/xlink': 'xlink',
  'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0': 'calcext',
};

/** LibreOffice's limits (and Excel's): past them a repeat is padding, never data. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
const BATCH = 1000;
/** A batch of wide rows is yielded sooner: a batch holds at most about this many cells. */
const BATCH_CELLS = 1_000_000;
/**
 * Filled cells a sheet may expand to through its repeats. A few bytes of content.xml can repeat a filled cell over
 * 16 384 columns and a row over a million lines (16 billion cells) where the zip's guards see nothing: a bomb of its
 * own. 100 million is five times a million rows of twenty columns.
 */
export const MAX_EXPANDED_CELLS = 100_000_000;

/**
 * Names as written → names under the usual prefixes. A document binding the usual prefixes (all seen) is read as
 * written; another one has each element and attribute name mapped once.
 */
class Names {
  private map = new Map<string, string>();
  identity = true;
  constructor(root: Record<string, string>) {
    for (const [k, uri] of Object.entries(root)) {
      const usual = NS[uri];
      if (!usual || !k.startsWith('xmlns:')) continue;
      const prefix = k.slice(6);
      this.map.set(prefix, usual);
      if (prefix !== usual) this.identity = false;
    }
  }
  name(n: string): string {
    if (this.identity) return n;
    const i = n.indexOf(':');
    if (i < 0) return n;
    const p = this.map.get(n.slice(0, i));
    return p ? `${p}${n.slice(i)}` : `?${n}`;
  }
  attrs(a: Record<string, string>): Record<string, string> {
    if (this.identity) return a;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(a)) out[this.name(k)] = v;
    return out;
  }
  /** The prefix a document uses for one of the usual ones (for the byte scan of sheet names). */
  prefixOf(usual: string): string {
    for (const [p, u] of this.map) if (u === usual) return p;
    return usual;
  }
}

/** An entry's text, chunk by chunk (UTF-8 characters cut by a chunk's end kept for the next). */
async function* entryText(zf: yauzl.ZipFile, e: yauzl.Entry): AsyncGenerator<string> {
  const s: Readable = await openEntry(zf, e);
  const dec = new StringDecoder('utf8');
  try {
    for await (const chunk of s) yield dec.write(chunk as Buffer);
    const rest = dec.end();
    if (rest) yield rest;
  } finally {
    s.destroy();
  }
}

async function withEntries<T>(path: string, f: (zf: yauzl.ZipFile, byName: Map<string, yauzl.Entry>) => Promise<T>): Promise<T> {
  const zf = await openZip(path);
  try {
    const entries = await readEntries(zf, DEFAULT_ZIP_LIMITS.maxEntries);
    return await f(zf, new Map(entries.map((e) => [e.fileName, e])));
  } finally {
    zf.close();
  }
}

const unescapeXml = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string, hex: string, named: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named.toLowerCase()],
  );
const attrOf = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
};

/** Thrown (and turned into an issue by the caller) when content.xml is missing or is not the XML of a spreadsheet. */
export class OdsError extends Error {
  constructor(
    message: string,
    readonly code = 'ods-invalid',
  ) {
    super(message);
  }
}

/**
 * The workbook's sheets in order, with what each holds according to its name and whether it is hidden. content.xml
 * is inflated once and only its tags are looked at (<table:table …> and the table styles before the body): cheap
 * beside a parse, which only the sheets used get.
 */
export async function listOdsSheets(path: string): Promise<OdsSheet[]> {
  return withEntries(path, async (zf, byName) => {
    // A password encrypts the parts themselves (the zip does not say so): its manifest does.
    const manifest = byName.get('META-INF/manifest.xml');
    if (manifest && manifest.uncompressedSize < 1024 ** 2) {
      let text = '';
      for await (const t of entryText(zf, manifest)) text += t;
      if (/<(?:[\w.-]+:)?encryption-data\b/.test(text)) {
        throw new OdsError('il est protégé par un mot de passe : enregistrez-le sans mot de passe (Fichier > Enregistrer sous…, sans cocher « Enregistrer avec mot de passe »)', 'ods-encrypted');
      }
    }
    const e = byName.get('content.xml');
    if (!e) throw new OdsError("le classeur n'a pas de contenu (content.xml absent) : est-ce bien un classeur OpenDocument (.ods) ?");
    const sheets: OdsSheet[] = [];
    let head = '';
    let inBody = false;
    let names: Names | undefined;
    let tableOpen: RegExp | undefined;
    const hiddenStyles = new Set<string>();
    let carry = '';
    for await (const text of entryText(zf, e)) {
      let s = carry + text;
      // A tag cut by the chunk's end waits for the next chunk.
      const lt = s.lastIndexOf('<');
      if (lt >= 0 && s.indexOf('>', lt) < 0) [s, carry] = [s.slice(0, lt), s.slice(lt)];
      else carry = '';
      if (!inBody) {
        head += s;
        if (head.length > 64 * 1024 ** 2) throw new OdsError('en-tête de content.xml démesuré');
        if (!names) {
          const root = /<([\w.-]+:)?document-content\b[^>]*>/.exec(head);
          if (!root) {
            if (head.length < 64 * 1024) continue;
            throw new OdsError("content.xml n'est pas le contenu d'un classeur OpenDocument");
          }
          const attrs: Record<string, string> = {};
          for (const m of root[0].matchAll(/\s(xmlns:[\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = m[2] ?? m[3];
          names = new Names(attrs);
          tableOpen = new RegExp(`<${names.prefixOf('table')}:table(?=[\\s>/])[^>]*>`, 'g');
        }
        const body = head.indexOf(`<${names.prefixOf('office')}:body`);
        if (body < 0) continue;
        inBody = true;
        const st = names.prefixOf('style');
        for (const m of head.slice(0, body).matchAll(new RegExp(`<${st}:style\\b[^>]*>[\\s\\S]*?</${st}:style>`, 'g'))) {
          const name = attrOf(m[0], `${st}:name`);
          if (name && attrOf(m[0], `${st}:family`) === 'table' && attrOf(m[0], `${names.prefixOf('table')}:display`) === 'false') hiddenStyles.add(name);
        }
        s = head.slice(body);
        head = '';
      }
      for (const m of s.matchAll(tableOpen!)) {
        const tp = names!.prefixOf('table');
        const name = attrOf(m[0], `${tp}:name`) ?? `Feuille${sheets.length + 1}`;
        const style = attrOf(m[0], `${tp}:style-name`);
        sheets.push({ name, index: sheets.length, kind: tableKindOfSheet(name), ...(style && hiddenStyles.has(style) ? { hidden: true } : {}) });
      }
    }
    if (!names) throw new OdsError("content.xml n'est pas le contenu d'un classeur OpenDocument");
    return sheets;
  });
}

/** What a cell's data style shows, as an Excel number format code (numfmt.ts reads both the same way). */
interface DataStyle {
  code: string;
  /** For a number ≥ 0, the style a <style:map condition="value()>=0"> applies instead (LibreOffice's [RED] formats). */
  positive?: string;
}

interface Styles {
  data: Map<string, DataStyle>;
  /** Cell style → its parent and data style. */
  cells: Map<string, { parent?: string; data?: string }>;
}

/**
 * Collects data styles (number:*-style) and cell styles (style:style family table-cell) from a parser's events,
 * as Excel codes: 0.0 " M€" for a number then « M€ », #,##0.00 "€" for a currency, 0% for a percent,
 * dd/mm/yyyy, mm/yyyy or yyyy for a date by its most precise part. A display factor of 1 000 000 is 0,, (numfmt's divisor).
 */
function styleCollector(styles: Styles) {
  let current: { name: string; family: string; code: string; positive?: string; hasDay: boolean; hasMonth: boolean; hasYear: boolean; hasTime: boolean } | undefined;
  let textOf: 'text' | 'currency' | undefined;
  let text = '';
  const quote = (t: string) => (t ? `"${t.replace(/"/g, '')}"` : '');
  return {
    open(name: string, a: Record<string, string>): void {
      if (name.startsWith('number:') && name.endsWith('-style')) {
        current = { name: a['style:name'] ?? '', family: name.slice(7, -6), code: '', hasDay: false, hasMonth: false, hasYear: false, hasTime: false };
        return;
      }
      if (name === 'style:style' && a['style:family'] === 'table-cell' && a['style:name']) {
        styles.cells.set(a['style:name'], { parent: a['style:parent-style-name'], data: a['style:data-style-name'] });
        return;
      }
      if (!current) return;
      if (name === 'number:number') {
        const dec = Number(a['number:decimal-places'] ?? 0);
        const factor = Number(a['number:display-factor'] ?? 1);
        const k = factor > 1 ? Math.round(Math.log(factor) / Math.log(1000)) : 0;
        current.code += `${a['number:grouping'] === 'true' ? '#,##0' : '0'}${dec > 0 ? `.${'0'.repeat(Math.min(dec, 15))}` : ''}${k > 0 && 1000 ** k === factor ? ','.repeat(k) : ''}`;
      } else if (name === 'number:scientific-number') current.code += '0.00E+00';
      else if (name === 'number:fraction') current.code += '# ?/?';
      else if (name === 'number:text') [textOf, text] = ['text', ''];
      else if (name === 'number:currency-symbol') [textOf, text] = ['currency', ''];
      else if (name === 'number:day') current.hasDay = true;
      else if (name === 'number:month') current.hasMonth = true;
      else if (name === 'number:year') current.hasYear = true;
      else if (name === 'number:hours' || name === 'number:minutes' || name === 'number:seconds') current.hasTime = true;
      else if (name === 'style:map' && /value\(\)\s*>=?\s*0(?:\D|$)/.test(a['style:condition'] ?? '') && !current.positive) current.positive = a['style:apply-style-name'];
    },
    text(t: string): void {
      if (textOf) text += t;
    },
    close(name: string): void {
      if (!current) return;
      if (name === 'number:text' || name === 'number:currency-symbol') {
        // A percent style writes its % as text: it is the format's %, not a label.
        current.code += current.family === 'percentage' && text.trim() === '%' ? '%' : quote(text);
        textOf = undefined;
      } else if (name.startsWith('number:') && name.endsWith('-style')) {
        const c = current;
        let code = c.code;
        if (c.family === 'date' || c.family === 'time') code = c.hasDay || c.hasTime ? 'dd/mm/yyyy' : c.hasMonth ? 'mm/yyyy' : c.hasYear ? 'yyyy' : 'dd/mm/yyyy';
        else if (c.family === 'percentage' && !code.includes('%')) code += '%';
        else if (c.family === 'boolean' || c.family === 'text') code = '';
        if (c.name) styles.data.set(c.name, { code, ...(c.positive ? { positive: c.positive } : {}) });
        current = undefined;
      }
    },
  };
}

/** The common styles of styles.xml (a cell's style or data style may be one of them, « Monétaire », « Default »). */
async function commonStyles(zf: yauzl.ZipFile, byName: Map<string, yauzl.Entry>, styles: Styles): Promise<void> {
  const e = byName.get('styles.xml');
  if (!e) return;
  const p = new SaxesParser({ xmlns: false, position: false });
  const collect = styleCollector(styles);
  let names: Names | undefined;
  // Only office:styles: the automatic styles of styles.xml are the page's, and their names may be content.xml's too.
  let inCommon = 0;
  p.on('opentag', (t: SaxesTagPlain) => {
    if (!names) names = new Names(t.attributes as Record<string, string>);
    const n = names.name(t.name);
    if (n === 'office:styles') inCommon++;
    else if (inCommon) collect.open(n, names.attrs(t.attributes as Record<string, string>));
  });
  p.on('text', (t) => inCommon && collect.text(t));
  p.on('closetag', (t: SaxesTagPlain) => {
    const n = names!.name(t.name);
    if (n === 'office:styles') inCommon--;
    else if (inCommon) collect.close(n);
  });
  for await (const text of entryText(zf, e)) p.write(text);
  p.close();
}

const DAY_MS = 86_400_000;
const LO_EPOCH = Date.UTC(1899, 11, 30);
const CURRENCY_SYMBOL: Record<string, string> = { EUR: '€' };

/** "of:=[.D2]/1000" → "=D2/1000", "of:=SUM([.B2:.B3])" → "=SUM(B2:B3)", "[$Listes.A2]" → "Listes!A2": as Excel would show it. */
export function formulaText(f: string): string {
  const body = f.replace(/^[a-z]+:(?==)/i, '');
  return body.replace(/\[([^\]]*)\]/g, (_m, ref: string) => ref.replace(/(^|:)\$?'?([^.':]*?)'?\./g, (_x, sep: string, sheet: string) => `${sep}${sheet ? `${sheet}!` : ''}`));
}

/** The value of one <table:table-cell> from its attributes and its paragraphs, as the XLSX reader gives a cell. */
export function odsCell(a: Record<string, string>, text: string, hyperlink: string | undefined, code: string | undefined): Cell {
  const type = a['office:value-type'];
  const formula = a['table:formula'];
  const error = a['calcext:value-type'] === 'error';
  if (formula !== undefined) {
    const f = formulaText(formula);
    // The value LibreOffice computed and saved with the formula (never computed here): what the user saw.
    if (!error && (type === 'float' || type === 'currency' || type === 'percentage')) {
      const n = Number(a['office:value']);
      if (Number.isFinite(n)) return { text: f, formula: true, number: n, ...(code ? { format: code } : {}) };
    }
    if (!error && type === 'string') return { text: f, formula: true, result: a['office:string-value'] ?? text };
    if (!error && (type === 'date' || type === 'boolean')) return { text: f, formula: true, result: text };
    return { text: f, formula: true };
  }
  if (type === 'float' || type === 'currency' || type === 'percentage') {
    const n = Number(a['office:value']);
    if (!Number.isFinite(n)) return text || null;
    let format = code;
    if (type === 'currency' && !format) {
      const c = a['office:currency'] ?? '';
      format = `0.00 "${CURRENCY_SYMBOL[c] ?? c}"`;
    }
    if (type === 'percentage' && !format?.includes('%')) format = '0%';
    const cell: RichCell = { text: String(n), number: n };
    if (format) cell.format = format;
    return cell;
  }
  if (type === 'date') {
    const v = a['office:date-value'] ?? '';
    const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(v);
    if (!m) return text || null;
    const serial = (Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) - LO_EPOCH) / DAY_MS;
    // 2016 typed into a cell formatted as a date is day 2016, in 1905: a year, which the date column reads as such.
    if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return { text: String(serial), number: serial, ...(code ? { format: code } : {}) };
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    const shown = code === 'yyyy' ? iso.slice(0, 4) : code === 'mm/yyyy' ? iso.slice(0, 7) : iso;
    return { text: shown, date: shown };
  }
  if (type === 'boolean') return a['office:boolean-value'] === 'true' ? 'VRAI' : 'FAUX';
  // A writer may give a text cell's value as an attribute alone, without a paragraph.
  const shown = text === '' && type === 'string' ? (a['office:string-value'] ?? '') : text;
  if (hyperlink !== undefined) return { text: shown, hyperlink };
  return shown === '' ? null : shown;
}

/** One sheet as a table reader: each records() call streams content.xml again. */
export function odsTable(file: InputFile, sheet: OdsSheet): TableReader {
  return { file, sheet: sheet.name, hint: sheet.kind, app: 'LibreOffice', records: () => sheetRecords(file, sheet) };
}

/** A row as content.xml gives it: one record, or `repeat` identical ones (expanded by the reader, a batch at a time). */
interface RowRun {
  line: number;
  cells: Cell[];
  repeat: number;
}

/** The parser's state through one sheet: the events fill `out` with rows; the generator empties it. */
function sheetParser(sheet: OdsSheet, styles: Styles, merges: MergedBlock[], out: RowRun[]) {
  const p = new SaxesParser({ xmlns: false, position: true });
  const collect = styleCollector(styles);
  let names: Names | undefined;
  let inBody = false;
  let tableIndex = -1;
  let inSheet = false;
  let done = false;
  let line = 1;
  // The sheet's column default styles (<table:table-column table:default-cell-style-name>), by column.
  const colStyles: (string | undefined)[] = [];
  let row: { cells: Cell[]; col: number; repeat: number; filled: number; style?: string } | undefined;
  let expanded = 0;
  let cell: { attrs: Record<string, string>; covered: boolean; paragraphs: string[]; p: string | undefined; link?: string } | undefined;
  // Inside a comment, a drawing or a note: its text is not the cell's.
  let skip = 0;
  const codes = new Map<string, string | undefined>();
  const codeOf = (styleName: string | undefined, n: number): string | undefined => {
    const key = `${styleName ?? ''}|${n >= 0 ? '+' : '-'}`;
    if (codes.has(key)) return codes.get(key);
    let s = styleName ?? 'Default';
    let data: string | undefined;
    for (let i = 0; i < 10 && s && !data; i++) {
      const c = styles.cells.get(s);
      data = c?.data;
      s = c?.parent ?? '';
    }
    let d = data ? styles.data.get(data) : undefined;
    if (d?.positive && n >= 0) d = styles.data.get(d.positive) ?? d;
    const code = d?.code || undefined;
    codes.set(key, code);
    return code;
  };
  p.on('opentag', (t: SaxesTagPlain) => {
    if (done) return;
    if (!names) names = new Names(t.attributes as Record<string, string>);
    const n = names.name(t.name);
    if (!inBody) {
      if (n === 'office:body') inBody = true;
      else collect.open(n, names.attrs(t.attributes as Record<string, string>));
      return;
    }
    if (n === 'table:table') {
      tableIndex++;
      if (tableIndex === sheet.index) inSheet = true;
      return;
    }
    if (!inSheet) return;
    if (skip || n === 'office:annotation' || n.startsWith('draw:') || n === 'text:note') {
      skip++;
      return;
    }
    if (cell) {
      if (n === 'text:p' || n === 'text:h') cell.p = '';
      else if (cell.p !== undefined) {
        if (n === 'text:s') cell.p += ' '.repeat(Math.min(1000, Math.max(1, Number(names.attrs(t.attributes as Record<string, string>)['text:c'] ?? 1) || 1)));
        else if (n === 'text:tab') cell.p += '\t';
        else if (n === 'text:line-break') cell.p += '\n';
        else if (n === 'text:a') cell.link ??= names.attrs(t.attributes as Record<string, string>)['xlink:href'];
      }
      return;
    }
    const a = names.attrs(t.attributes as Record<string, string>);
    if (n === 'table:table-cell' || n === 'table:covered-table-cell') {
      if (row) cell = { attrs: a, covered: n === 'table:covered-table-cell', paragraphs: [], p: undefined };
    } else if (n === 'table:table-row') {
      row = { cells: [], col: 0, repeat: Math.max(1, Number(a['table:number-rows-repeated'] ?? 1) || 1), filled: 0, style: a['table:default-cell-style-name'] };
    } else if (n === 'table:table-column') {
      const k = Math.max(1, Number(a['table:number-columns-repeated'] ?? 1) || 1);
      const style = a['table:default-cell-style-name'];
      for (let i = 0; i < k && colStyles.length < MAX_COLUMNS; i++) colStyles.push(style);
    }
  });
  p.on('text', (t: string) => {
    if (cell?.p !== undefined && !skip) cell.p += t.replace(/[ \t\r\n]+/g, ' ');
    else if (!inBody) collect.text(t);
  });
  p.on('closetag', (t: SaxesTagPlain) => {
    if (done || !names) return;
    const n = names.name(t.name);
    if (!inBody) {
      collect.close(n);
      return;
    }
    if (!inSheet) return;
    if (skip) {
      skip--;
      return;
    }
    if (cell) {
      if (n === 'text:p' || n === 'text:h') {
        cell.paragraphs.push(cell.p ?? '');
        cell.p = undefined;
        return;
      }
      if (n !== 'table:table-cell' && n !== 'table:covered-table-cell') return;
      const c = cell;
      cell = undefined;
      if (!row) return;
      const a = c.attrs;
      const repeat = Math.max(1, Number(a['table:number-columns-repeated'] ?? 1) || 1);
      const hasValue = a['office:value-type'] !== undefined || c.paragraphs.length > 0;
      if (hasValue) {
        const text = c.paragraphs.join('\n');
        const type = a['office:value-type'];
        const numeric = type === 'float' || type === 'currency' || type === 'percentage' || type === 'date';
        // A cell without a style of its own has its row's default one, else its column's (ODF 1.3 §9.1.2, §9.1.6).
        const code = numeric ? codeOf(a['table:style-name'] ?? row.style ?? colStyles[row.col], Number(a['office:value'] ?? 0)) : undefined;
        const v = odsCell(a, text, c.link, code);
        if (v != null) {
          // A value repeated across columns is in each (LibreOffice writes equal neighbours once); padding past the sheet's width is not.
          let i = 0;
          for (; i < repeat && row.col + i < MAX_COLUMNS; i++) row.cells[row.col + i] = v;
          row.filled += i;
        }
      }
      if (!c.covered) {
        const rows = Number(a['table:number-rows-spanned'] ?? 1) || 1;
        const cols = Number(a['table:number-columns-spanned'] ?? 1) || 1;
        if (rows > 1 && row.col < MAX_COLUMNS) merges.push({ top: line, left: row.col + 1, bottom: line + rows - 1, right: Math.min(MAX_COLUMNS, row.col + cols) });
      }
      row.col += repeat;
    } else if (n === 'table:table-row' && row) {
      // Empty rows cost nothing, however many a repeat counts (LibreOffice pads a sheet to its last row).
      if (row.filled && line <= MAX_ROWS) {
        const repeat = Math.min(row.repeat, MAX_ROWS - line + 1);
        expanded += row.filled * repeat;
        if (expanded > MAX_EXPANDED_CELLS) {
          throw new OdsError(`ses répétitions de lignes et de cellules donneraient plus de ${MAX_EXPANDED_CELLS.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} cellules remplies (ligne ${line}) : refusé (bombe ?)`, 'zip-bomb');
        }
        out.push({ line, cells: row.cells, repeat });
      }
      line += row.repeat;
      row = undefined;
    } else if (n === 'table:table') {
      inSheet = false;
      done = true;
    }
  });
  return { parser: p, isDone: () => done };
}

/** saxes's « 1:1094: unclosed tag: table:table-row » as « ligne 1, colonne 1094 : unclosed tag: table:table-row ». */
const xmlError = (e: unknown) => (e as Error).message.replace(/^(?:[^:]*?:)??(\d+):(\d+): /, 'ligne $1, colonne $2 : ');

async function* sheetRecords(file: InputFile, sheet: OdsSheet): AsyncGenerator<RecordBatch> {
  const at = { file: file.name, sheet: sheet.name };
  const unreadable = (e: unknown): RecordItem[] => [{ issue: issue({ ...at, line: 1 }, e instanceof OdsError || e instanceof MergeBombError ? e.code : 'ods-invalid', `la feuille « ${sheet.name} » n'a pas pu être lue : ${(e as Error).message}`) }];
  let zf: yauzl.ZipFile | undefined;
  let text: AsyncGenerator<string> | undefined;
  try {
    zf = await openZip(file.path);
    const byName = new Map((await readEntries(zf, DEFAULT_ZIP_LIMITS.maxEntries)).map((e) => [e.fileName, e]));
    const styles: Styles = { data: new Map(), cells: new Map() };
    await commonStyles(zf, byName, styles);
    const content = byName.get('content.xml');
    if (!content) throw new OdsError('content.xml absent');
    const merges: MergedBlock[] = [];
    const fill = mergeFiller(merges, at);
    const runs: RowRun[] = [];
    const { parser, isDone } = sheetParser(sheet, styles, merges, runs);
    text = entryText(zf, content);
    let batch: RecordItem[] = [];
    let batchCells = 0;
    const drain = function* (): Generator<RecordItem[]> {
      for (const r of runs) {
        for (let k = 0; k < r.repeat; k++) {
          const rec: RawRecord = { line: r.line + k, cells: k + 1 < r.repeat ? r.cells.slice() : r.cells };
          fill(rec.line, rec.cells, batch);
          batch.push(rec);
          batchCells += rec.cells.length;
          if (batch.length >= BATCH || batchCells >= BATCH_CELLS) [yield batch, (batch = []), (batchCells = 0)];
        }
      }
      runs.length = 0;
    };
    for await (const chunk of text) {
      try {
        parser.write(chunk);
      } catch (e) {
        if (e instanceof OdsError) throw e;
        throw new OdsError(`content.xml n'est pas un XML valide (${xmlError(e)})`);
      }
      yield* drain();
      // The sheet has ended: the rest of content.xml (other sheets) is not read.
      if (isDone()) break;
    }
    if (!isDone()) {
      try {
        parser.close();
      } catch (e) {
        throw new OdsError(`content.xml est incomplet ou n'est pas un XML valide (${xmlError(e)})`);
      }
      throw new OdsError('la feuille est introuvable dans content.xml');
    }
    if (batch.length) yield batch;
  } catch (e) {
    yield unreadable(e);
  } finally {
    await text?.return(undefined);
    zf?.close();
  }
}
