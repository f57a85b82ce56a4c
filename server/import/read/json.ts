// JSON datasets in Maillage's own format (model/schema.ts Dataset) → the same rows as a spreadsheet gives.
import fs from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Slug } from '../../../model/schema';
import { parseAmount } from '../fr/amount';
import { parseDate } from '../fr/date';
import { parseKind, parseRelType, parseStatus } from '../fr/vocabulary';
import { issue, shorten } from './issues';
import type { ActorInputRow, EvidenceInput, ImportIssue, InputFile, InputRow, Loc, RelationshipInputRow, SourceInputRow, TableInfo, TableKind } from './types';

/** JSON is parsed whole (JSON.parse): bigger datasets belong in CSV, which streams. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

const ARRAYS: [string, TableKind][] = [
  ['sources', 'sources'],
  ['actors', 'actors'],
  ['relationships', 'relationships'],
];

/** 1-based line where each element of the top-level arrays starts: issues cite lines, as for a spreadsheet. */
export function elementLines(text: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  let depth = 0;
  let line = 1;
  let key: string | undefined;
  let lastString = '';
  let current: number[] | undefined;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13) continue;
    if (depth === 2 && current && expectValue && ch !== 44 && ch !== 93) {
      current.push(line);
      expectValue = false;
    }
    if (ch === 34) {
      // A string: skip to its closing quote, remembering it when it may be a key of the top object.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1) lastString = text.slice(i + 1, j);
      for (let k = i + 1; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      i = j;
      continue;
    }
    if (ch === 58 && depth === 1) key = lastString;
    else if (ch === 123 || ch === 91) {
      depth++;
      if (depth === 2 && ch === 91 && key !== undefined) {
        current = out[key] = [];
        expectValue = true;
      }
    } else if (ch === 125 || ch === 93) {
      depth--;
      if (depth === 1) current = undefined;
    } else if (ch === 44 && depth === 2) expectValue = true;
  }
  return out;
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'caractère inattendu',
  InvalidNumberFormat: 'nombre mal écrit',
  PropertyNameExpected: 'nom de propriété attendu (une virgule en trop ?)',
  ValueExpected: 'valeur attendue (une virgule en trop ?)',
  ColonExpected: 'deux-points attendus',
  CommaExpected: 'virgule attendue',
  CloseBraceExpected: 'accolade fermante } attendue',
  CloseBracketExpected: 'crochet fermant ] attendu',
  EndOfFileExpected: 'fin du fichier attendue',
  InvalidCommentToken: 'les commentaires ne sont pas permis',
  UnexpectedEndOfComment: 'commentaire non fermé',
  UnexpectedEndOfString: 'texte non fermé (guillemet manquant)',
  UnexpectedEndOfNumber: 'nombre incomplet',
  InvalidUnicode: 'séquence unicode invalide',
  InvalidEscapeCharacter: 'échappement invalide',
  InvalidCharacter: 'caractère invalide',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface JsonInput {
  tables: TableInfo[];
  rows(): AsyncGenerator<InputRow>;
}

async function load(file: InputFile): Promise<{ data?: Obj; text: string; issue?: ImportIssue }> {
  const at = { file: file.name };
  const size = (await fs.promises.stat(file.path)).size;
  if (size > MAX_JSON_BYTES) {
    return { text: '', issue: issue({ ...at, line: 1 }, 'json-too-large', `fichier JSON de ${Math.round(size / 1024 / 1024)} Mo : au-delà de ${MAX_JSON_BYTES / 1024 / 1024} Mo, importez des CSV (lus au fil de l'eau)`) };
  }
  const text = (await fs.promises.readFile(file.path, 'utf8')).replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse says what but not always where (V8's newer messages carry no position): jsonc-parser does.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    const offset = e?.offset ?? 0;
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    const what = e ? (JSON_ERRORS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)) : 'syntaxe invalide';
    return { text, issue: issue({ ...at, line }, 'json-syntax', `JSON invalide ligne ${line}, colonne ${column} : ${what}`) };
  }
  if (!isObj(data) || !ARRAYS.some(([k]) => Array.isArray(data[k]))) {
    return { text, issue: issue({ ...at, line: 1 }, 'json-shape', 'ce JSON n\'est pas un jeu de données Maillage : attendu un objet { "sources": [...], "actors": [...], "relationships": [...] }') };
  }
  return { data, text };
}

/** Reads a dataset file: tables are its three arrays; rows() parses the file again at each call. */
export async function openJson(file: InputFile): Promise<JsonInput> {
  const first = await load(file);
  const tables: TableInfo[] = first.data
    ? ARRAYS.filter(([k]) => Array.isArray(first.data![k])).map(([k, kind]) => ({ sheet: k, kind, rows: (first.data![k] as unknown[]).length, columns: [] }))
    : [];
  return {
    tables,
    async *rows() {
      const { data, text, issue: bad } = await load(file);
      if (bad || !data) {
        if (bad) yield { kind: 'issue', issue: bad };
        return;
      }
      const lines = elementLines(text);
      for (const [key, kind] of ARRAYS) {
        const arr = data[key];
        if (arr === undefined) continue;
        if (!Array.isArray(arr)) {
          yield { kind: 'issue', issue: issue({ file: file.name, line: 1 }, 'json-shape', `« ${key} » doit être une liste`, { field: key }) };
          continue;
        }
        const seen = new Map<string, number>();
        for (let i = 0; i < arr.length; i++) {
          const loc: Loc = { file: file.name, sheet: key, line: lines[key]?.[i] ?? 1 };
          const out = jsonRow(kind, arr[i], loc, seen);
          for (const r of out) yield r;
        }
      }
    },
  };
}

function jsonRow(kind: TableKind, v: unknown, loc: Loc, seen: Map<string, number>): InputRow[] {
  const issues: ImportIssue[] = [];
  const err = (field: string, code: string, message: string) => issues.push(issue(loc, code, `${field} : ${message}`, { field }));
  const rows: InputRow[] = [];
  const done = () => [...issues.map((i): InputRow => ({ kind: 'issue', issue: i })), ...(issues.length ? [] : rows)];
  if (!isObj(v)) {
    err(loc.sheet ?? kind, 'json-shape', 'chaque élément doit être un objet { … }');
    return done();
  }
  const str = (k: string): string | undefined => {
    const x = v[k];
    if (x === undefined || x === null) return undefined;
    if (typeof x !== 'string') {
      err(k, 'json-type', `doit être un texte, pas ${JSON.stringify(x).slice(0, 40)}`);
      return undefined;
    }
    return x.trim() || undefined;
  };
  const id = (k: string): string | undefined => {
    const x = str(k);
    if (x !== undefined && !Slug.safeParse(x).success) {
      err(k, 'id-invalid', `« ${shorten(x)} » n'est pas un identifiant valide (minuscules sans accents, chiffres, et - _ . entre eux)`);
      return undefined;
    }
    return x;
  };
  const unique = (x: string | undefined, k: string) => {
    if (!x) return;
    const s = seen.get(x);
    if (s !== undefined) err(k, 'id-duplicate', `l'identifiant « ${x} » est déjà présent ligne ${s}`);
    else seen.set(x, loc.line);
  };
  const date = (k: string): { date?: string; dateRaw?: string } => {
    const x = str(k);
    if (!x) return {};
    const r = parseDate(x);
    if (r.kind === 'error') err(k, r.code, r.message);
    return r.kind === 'date' ? { date: r.value, dateRaw: x } : {};
  };

  if (kind === 'sources') {
    const s: SourceInputRow = {};
    const sid = id('id');
    unique(sid, 'id');
    if (sid) s.id = sid;
    for (const k of ['title', 'publisher', 'author', 'language', 'url'] as const) {
      const x = str(k);
      if (x) s[k] = x;
    }
    Object.assign(s, date('date'));
    if (!s.title && !s.id) err('title', 'required', 'le titre du document est vide');
    rows.push({ kind: 'source', loc, source: s });
  } else if (kind === 'actors') {
    const a: ActorInputRow = { aliases: [] };
    const aid = id('id');
    unique(aid, 'id');
    if (aid) a.id = aid;
    const name = str('name');
    if (name) a.name = name;
    if (!a.id && !a.name) err('name', 'required', "le nom de l'acteur est vide");
    if (v.aliases !== undefined) {
      if (!Array.isArray(v.aliases) || v.aliases.some((x) => typeof x !== 'string')) err('aliases', 'json-type', 'doit être une liste de textes');
      else a.aliases = (v.aliases as string[]).map((x) => x.trim()).filter(Boolean);
    }
    const k = str('kind');
    if (k) {
      const kk = parseKind(k);
      if (kk) a.kind = kk;
      else err('kind', 'kind-unknown', `nature « ${shorten(k)} » inconnue`);
    }
    for (const f of ['description', 'territory'] as const) {
      const x = str(f);
      if (x) a[f] = x;
    }
    rows.push({ kind: 'actor', loc, actor: a });
  } else {
    const from = id('source');
    const to = id('target');
    if (!from) err('source', 'required', 'le premier acteur (source) est vide ou invalide');
    if (!to) err('target', 'required', 'le second acteur (target) est vide ou invalide');
    const t = str('type');
    const parsed = t ? parseRelType(t) : undefined;
    if (!t) err('type', 'required', 'le type de relation est vide');
    else if (!parsed) err('type', 'type-unknown', `type « ${shorten(t)} » inconnu ; types acceptés : FUNDS, PILOTS, PARTNERS_WITH, LABELS (ou finance, pilote, partenaire, labellise)`);
    const st = str('status');
    // No status key: undefined, as an empty cell in a table (a tie already stored keeps its own).
    const status = st ? parseStatus(st) : undefined;
    if (st && !status) err('status', 'status-unknown', `statut « ${shorten(st ?? '')} » inconnu ; statuts acceptés : effectif, prévu, en attente, intérêt, refusé, terminé`);
    const rel: Partial<RelationshipInputRow> = {};
    const rid = str('id');
    if (rid) {
      if (/^[A-Za-z0-9_:.-]{1,300}$/.test(rid)) {
        rel.id = rid;
        unique(rid, 'id');
      } else err('id', 'id-invalid', `« ${shorten(rid)} » n'est pas un identifiant de relation valide`);
    }
    const amt = v.amount;
    if (typeof amt === 'number') {
      if (amt > 0 && Number.isFinite(amt)) [rel.amount, rel.amountRaw] = [amt, String(amt)];
      else err('amount', amt < 0 ? 'amount-negative' : 'amount-zero', `le montant ${amt} ${amt < 0 ? 'est négatif' : 'vaut 0'} : omettez-le s'il est inconnu`);
    } else if (typeof amt === 'string') {
      const a = parseAmount(amt);
      if (a.kind === 'error') err('amount', a.code, a.message);
      else if (a.kind === 'amount') [rel.amount, rel.amountRaw] = [a.value, amt];
    } else if (amt !== undefined && amt !== null) err('amount', 'amount-invalid', 'doit être un nombre');
    Object.assign(rel, date('date'));
    const evidence: EvidenceInput[] = [];
    if (v.evidence !== undefined) {
      if (!Array.isArray(v.evidence)) err('evidence', 'json-type', 'doit être une liste de { source, excerpt }');
      else {
        for (const e of v.evidence) {
          if (!isObj(e)) {
            err('evidence', 'json-type', 'chaque preuve doit être un objet { source, excerpt }');
            continue;
          }
          const ev: EvidenceInput = {};
          if (typeof e.source === 'string' && e.source.trim()) ev.source = e.source.trim();
          if (typeof e.excerpt === 'string' && e.excerpt.trim()) ev.excerpt = e.excerpt.trim();
          if (typeof e.url === 'string' && e.url.trim()) ev.url = e.url.trim();
          evidence.push(ev);
        }
      }
    }
    if (from && to && from === to) err('target', 'self-tie', 'un acteur ne peut pas être relié à lui-même');
    if (from && to && parsed && (status || !st)) {
      const [a, b] = parsed.passive ? [to, from] : [from, to];
      const out: RelationshipInputRow = { ...rel, type: parsed.type, from: { id: a }, to: { id: b }, status, evidence };
      if (t !== parsed.type) out.typeRaw = t;
      const role = str('role');
      const note = str('note');
      if (role) out.role = role;
      if (note) out.note = note;
      rows.push({ kind: 'relationship', loc, rel: out });
    }
  }
  return done();
}
