// The file a user downloads to start from: headers and two French example rows, as XLSX (Acteurs + Relations) or CSV.
import ExcelJS from 'exceljs';
import { ACTOR_KIND_LABELS } from '../../../model/vocabulary';
import { HEADER_SYNONYMS } from './headers';

/** The relationships table: what a CSV template holds, and the Relations sheet. */
export const TEMPLATE_RELATIONSHIPS = {
  headers: ['De', 'Vers', 'Type', 'Montant', 'Date', 'Statut', 'Rôle', 'Note', 'Extrait', 'Source', 'URL source', 'Nature de', 'Nature vers'],
  rows: [
    [
      'Bpifrance',
      'Ynov Campus',
      'finance',
      '1 200 000 €',
      '12/03/2016',
      'effectif',
      '',
      'Prêt d’amorçage',
      'Bpifrance accorde un prêt de 1,2 M€ à Ynov Campus pour son nouveau bâtiment.',
      'La Provence, 14 mars 2016',
      'https://example.org/article-ynov',
      'fonds',
      'école',
    ],
    ['Ynov Campus', 'Région Sud', 'financé par', '1,5 M€', 'mars 2017', 'prévu', '', '', '', '', '', 'école', 'collectivité'],
  ],
};

/** The actors table (the Acteurs sheet): optional, since a relationships table alone is enough. */
export const TEMPLATE_ACTORS = {
  headers: ['Identifiant', 'Nom', 'Nature', 'Autres noms', 'Description', 'Territoire'],
  rows: [
    ['bpifrance', 'Bpifrance', 'fonds', 'BPI | Banque publique d’investissement', 'Banque publique d’investissement', 'France'],
    ['ynov-campus', 'Ynov Campus', 'école', 'Ynov', 'Campus des métiers du numérique', 'Aix-en-Provence'],
  ],
};

const TYPES = ['finance', 'financé par', 'pilote', 'piloté par', 'partenaire', 'labellise', 'labellisé par'];
const STATUSES = ['effectif', 'prévu', 'en attente', 'intérêt', 'refusé', 'terminé'];
const KINDS = Object.values(ACTOR_KIND_LABELS).map((l) => l.split(' / ')[0].toLowerCase());

const csvCell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV template as French Excel reads it best: UTF-8 with a byte-order mark, `;`, CRLF. */
export function templateCsv(): Buffer {
  const lines = [TEMPLATE_RELATIONSHIPS.headers, ...TEMPLATE_RELATIONSHIPS.rows].map((r) => r.map(csvCell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

let built: Promise<Buffer> | undefined;

/** The XLSX template: Acteurs, Relations (with drop-down lists for type, status and kinds) and a help sheet. Built once (~1 s). */
export function templateXlsx(): Promise<Buffer> {
  built ??= buildXlsx().catch((e: unknown) => {
    built = undefined;
    throw e;
  });
  return built;
}

async function buildXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Maillage';
  const sheet = (name: string, t: { headers: string[]; rows: string[][] }, widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
    return ws;
  };
  const actors = sheet('Acteurs', TEMPLATE_ACTORS, [16, 24, 16, 32, 40, 18]);
  const rels = sheet('Relations', TEMPLATE_RELATIONSHIPS, [22, 22, 14, 14, 12, 12, 12, 20, 48, 26, 30, 14, 14]);
  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: true, showErrorMessage: false, formulae: [`"${values.join(',')}"`] });
  for (let r = 2; r <= 500; r++) {
    rels.getCell(`C${r}`).dataValidation = list(TYPES);
    rels.getCell(`F${r}`).dataValidation = list(STATUSES);
    rels.getCell(`L${r}`).dataValidation = list(KINDS);
    rels.getCell(`M${r}`).dataValidation = list(KINDS);
    actors.getCell(`C${r}`).dataValidation = list(KINDS);
  }
  const help = wb.addWorksheet("Mode d'emploi");
  help.columns = [{ width: 28 }, { width: 90 }];
  help.addRow(['Colonne', 'Ce qu’elle contient (noms de colonnes acceptés, en français ou en anglais)']).font = { bold: true };
  for (const [table, title] of [
    ['relationships', 'Relations'],
    ['actors', 'Acteurs'],
  ] as const) {
    help.addRow([]);
    help.addRow([`Feuille « ${title} »`]).font = { bold: true };
    for (const f of HEADER_SYNONYMS[table]) help.addRow([f.label, f.headers.join(', ')]);
  }
  help.addRow([]);
  help.addRow(['Types', TYPES.join(', ')]);
  help.addRow(['Statuts', STATUSES.join(', ')]);
  help.addRow(['Natures', KINDS.join(', ')]);
  help.addRow(['Cette feuille', 'Elle est ignorée à l’import.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
