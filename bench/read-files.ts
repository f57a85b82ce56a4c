// Writes synthetic import files for the reading bench, as users bring them (French Excel CSV: Windows-1252, ";", CRLF, French words,
// amounts and dates), deterministic, streamed to disk.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { rng } from './synthetic';

export interface ImportFiles {
  actors: string;
  relationships: string;
}

const KINDS = ['entreprise', 'association', 'collectivité', 'université', 'fonds', 'organisme public', 'incubateur', 'start-up'];
const TYPES = ['finance', 'financé par', 'pilote', 'porté par', 'partenaire', 'labellise'];
const STATUSES = ['effectif', 'effectif', 'effectif', 'prévu', 'en attente', 'terminé', 'intérêt', ''];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

async function writeLines(file: string, lines: (i: number) => string, n: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const encode = (s: string) => iconv.encode(s, 'windows-1252');
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push(lines(i));
    if (buf.length === 5000 || i === n - 1) {
      if (!out.write(encode(buf.join('')))) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

export const RELATIONSHIP_HEADERS = ['De', 'Vers', 'Type', 'Montant', 'Date', 'Statut', 'Extrait', 'Source'];

/** The cells of relationship row i (0-based; the same rows whatever the format), from a seeded generator: call in order. */
export function relationshipRows(actors: number, seed = 7): (i: number) => string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  // The actors file draws its kinds from the same seed first.
  for (let i = 0; i < actors; i++) pick(KINDS);
  const name = (i: number) => `Acteur ${i}`;
  return (i) => {
    const s = i % actors;
    const t = (s + 1 + Math.floor(i / actors) * 9973) % actors;
    const r = rand();
    const amount = r < 0.3 ? `${Math.floor(rand() * 900 + 100)}\u00a0000 €` : r < 0.45 ? `${(rand() * 9 + 1).toFixed(1).replace('.', ',')} M€` : r < 0.5 ? `${Math.floor(rand() * 900 + 10)} k€` : '';
    const y = 2010 + Math.floor(rand() * 15);
    const d = rand();
    const date = d < 0.6 ? `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}/${y}` : d < 0.8 ? `${pick(MOIS)} ${y}` : d < 0.9 ? String(y) : '';
    const excerpt = rand() < 0.01 ? `${name(s)} et ${name(t)} ; premier paragraphe.\nSecond paragraphe.` : `${name(s)} et ${name(t)}, selon le document ${i % 5000}`;
    const type = pick(TYPES);
    return [name(s), name(t), type, amount, date, pick(STATUSES), excerpt, `Document ${i % 5000}`];
  };
}

/**
 * The same relationships as writeImportFiles's, as a second table names them with nothing more: `De;Vers;Type`, no
 * amount, date, status nor excerpt (README, "Importing again": laid over the stored ties, it keeps their values and
 * adds its evidence). Reuses the file when it exists.
 */
export async function writeTiesOnlyFile(dir: string, actors: number, relationships: number, seed = 7): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `relations-${relationships}-types.csv`);
  if (fs.existsSync(file)) return file;
  const row = relationshipRows(actors, seed);
  await writeLines(`${file}.part`, (i) => (i === 0 ? `${RELATIONSHIP_HEADERS.slice(0, 3).join(';')}\r\n` : '') + `${row(i).slice(0, 3).join(';')}\r\n`, relationships);
  fs.renameSync(`${file}.part`, file);
  return file;
}

/**
 * `actors` actors and `relationships` relationships in two CSV files under `dir` (distinct pairs, names as
 * references, 1 % of excerpts with a line break inside quotes). Reuses the files when they already exist.
 */
export async function writeImportFiles(dir: string, actors: number, relationships: number, seed = 7): Promise<ImportFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const files = { actors: path.join(dir, `acteurs-${actors}.csv`), relationships: path.join(dir, `relations-${relationships}.csv`) };
  if (fs.existsSync(files.actors) && fs.existsSync(files.relationships)) return files;
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const name = (i: number) => `Acteur ${i}`;
  await writeLines(
    `${files.actors}.part`,
    (i) => (i === 0 ? 'Identifiant;Nom;Nature;Autres noms;Territoire\r\n' : '') + `acteur-${i};${name(i)};${pick(KINDS)};${i % 3 ? '' : `A${i}`};${i % 2 ? 'Aix-en-Provence' : 'Marseille'}\r\n`,
    actors,
  );
  const row = relationshipRows(actors, seed);
  await writeLines(
    `${files.relationships}.part`,
    (i) => (i === 0 ? `${RELATIONSHIP_HEADERS.join(';')}\r\n` : '') + `${row(i).map((c) => (c.includes('\n') ? `"${c}"` : c)).join(';')}\r\n`,
    relationships,
  );
  fs.renameSync(`${files.actors}.part`, files.actors);
  fs.renameSync(`${files.relationships}.part`, files.relationships);
  return files;
}

/**
 * The same relationship rows as an Excel workbook (one sheet "Relations", written by exceljs's streaming writer:
 * shared strings, so the sheet precedes xl/sharedStrings.xml as in files Excel writes), amounts in euros as numbers
 * and day/month/year dates as date cells, as Excel stores them. Reuses the file when it exists.
 */
export async function writeImportWorkbook(dir: string, actors: number, relationships: number, seed = 7): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `relations-${relationships}.xlsx`);
  if (fs.existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.part`, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Relations');
  ws.addRow(RELATIONSHIP_HEADERS).commit();
  const row = relationshipRows(actors, seed);
  for (let i = 0; i < relationships; i++) {
    const cells: (string | number | Date)[] = row(i);
    const euros = /^(\d+)\u00a0000 €$/.exec(cells[3] as string);
    if (euros) cells[3] = Number(euros[1]) * 1000;
    const dmy = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(cells[4] as string);
    if (dmy) cells[4] = new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])));
    const r = ws.addRow(cells);
    if (dmy) r.getCell(5).numFmt = 'dd/mm/yyyy';
    r.commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(`${file}.part`, file);
  return file;
}
