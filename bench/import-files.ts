// Generates the import benchmark's input: an actors CSV and a relationships CSV as a French user's Excel
// writes them (`;`, French headers and values), deterministic for a given size.
import fs from 'node:fs';
import path from 'node:path';
import { rng } from './synthetic';

const KINDS = ['entreprise', 'association', 'collectivité', 'investisseur', 'université', 'accélérateur', 'cluster', 'organisme public'];
const TYPES = ['finance', 'pilote', 'partenaire', 'labellise'];
const STATUSES = ['effectif', 'effectif', 'effectif', 'prévu', 'en attente', 'terminé'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export interface ImportFiles {
  actors: string;
  relationships: string;
  rows: { actors: number; relationships: number };
}

/** Actor i's name; relationships name actors this way (no id column), as users' spreadsheets do. */
const nameOf = (i: number) => `Acteur ${i}`;

/** Writes `actors` actors and `ties` relationships (distinct per type and pair; a few hubs) under `dir`. */
export function writeImportFiles(dir: string, actors: number, ties: number, seed = 9): ImportFiles {
  fs.mkdirSync(dir, { recursive: true });
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const actorsFile = path.join(dir, 'acteurs.csv');
  const out = fs.openSync(actorsFile, 'w');
  let buf = 'Identifiant;Nom;Nature;Territoire\r\n';
  for (let i = 0; i < actors; i++) {
    buf += `acteur-${i};${nameOf(i)};${pick(KINDS)};${pick(['Marseille', 'Aix-en-Provence', 'Nice', 'Toulon', 'Avignon'])}\r\n`;
    if (buf.length > 1 << 20) [fs.writeSync(out, buf), (buf = '')];
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);

  const relsFile = path.join(dir, 'relations.csv');
  const rel = fs.openSync(relsFile, 'w');
  buf = 'De;Vers;Type;Montant;Date;Statut\r\n';
  const seen = new Set<string>();
  let n = 0;
  while (n < ties) {
    const s = Math.floor(rand() * rand() * actors);
    const t = Math.floor(rand() * actors);
    const type = pick(TYPES);
    const [a, b] = type === 'partenaire' && s > t ? [t, s] : [s, t];
    const key = `${type}:${a}:${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const amount = type === 'finance' && rand() < 0.7 ? `${Math.ceil(rand() * 900)} k€` : '';
    const r = rand();
    const date = r < 0.4 ? `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${2010 + Math.floor(rand() * 15)}` : r < 0.7 ? `${pick(MONTHS)} ${2010 + Math.floor(rand() * 15)}` : r < 0.8 ? String(2010 + Math.floor(rand() * 15)) : '';
    buf += `${nameOf(a)};${nameOf(b)};${type};${amount};${date};${pick(STATUSES)}\r\n`;
    n++;
    if (buf.length > 1 << 20) [fs.writeSync(rel, buf), (buf = '')];
  }
  fs.writeSync(rel, buf);
  fs.closeSync(rel);
  return { actors: actorsFile, relationships: relsFile, rows: { actors, relationships: ties } };
}
