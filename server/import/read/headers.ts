// The header synonym table (French, English, Kumu, Gephi) and the mapping of a table's headers to fields.
// One module: the reader, the client's mapping editor and the README table all come from HEADER_SYNONYMS.
import { fold } from '../../../model/text';
import type { ActorField, ColumnInfo, Field, RelationshipField, SourceField, TableKind } from './types';

export interface FieldSynonyms<F extends Field = Field> {
  field: F;
  /** What the column holds, in French (the mapping editor and the README show it). */
  label: string;
  /** Headers recognised for this field, compared folded (case, accents and punctuation ignored). */
  headers: string[];
}

const actorFields: FieldSynonyms<ActorField>[] = [
  { field: 'id', label: 'Identifiant (minuscules, chiffres, - _ .)', headers: ['id', 'identifiant', 'identifier', 'ref', 'reference', 'code', 'cle', 'key', 'slug', 'id acteur', 'actor id', 'node id'] },
  {
    field: 'name',
    label: 'Nom',
    headers: ['nom', 'name', 'label', 'libelle', 'acteur', 'actor', 'organisation', 'organization', 'structure', 'raison sociale', 'denomination', 'intitule', 'nom de l acteur', 'actor name', 'nom de la structure',
      'organisme', 'nom de l organisme', 'nom de l organisation', 'entite', 'nom de l entite', 'nom usuel', 'nom complet', 'nom de l entreprise'],
  },
  { field: 'aliases', label: 'Autres noms (séparés par | ou ;)', headers: ['alias', 'aliases', 'autres noms', 'sigle', 'acronyme', 'acronym', 'aussi appele', 'also known as', 'aka', 'synonymes', 'noms alternatifs'] },
  { field: 'kind', label: 'Nature (entreprise, association, collectivité…)', headers: ['nature', 'type', 'kind', 'categorie', 'category', 'type d acteur', 'actor type', 'typologie', 'element type', 'type de structure', 'famille', 'type d organisme', 'type d organisation', 'type de l organisme', 'categorie d acteur'] },
  { field: 'description', label: 'Description', headers: ['description', 'descriptif', 'presentation', 'about', 'resume', 'activite', 'notes', 'note', 'commentaire'] },
  { field: 'territory', label: 'Territoire', headers: ['territoire', 'territory', 'ville', 'city', 'region', 'localisation', 'location', 'lieu', 'commune', 'departement', 'pays', 'country', 'implantation'] },
];

const relationshipFields: FieldSynonyms<RelationshipField>[] = [
  { field: 'id', label: 'Identifiant de la relation', headers: ['id', 'identifiant', 'id relation', 'relationship id', 'edge id', 'id lien'] },
  {
    field: 'type',
    label: 'Type (finance, pilote, partenaire, labellise ; « financé par » inverse le sens)',
    headers: ['type', 'relation', 'type de relation', 'type de lien', 'nature', 'nature du lien', 'nature de la relation', 'kind', 'relationship type', 'relationship', 'connection type', 'predicat', 'predicate', 'verbe', 'interaction', 'lien entre', 'fait quoi'],
  },
  {
    field: 'from',
    label: 'Premier acteur (nom, alias ou identifiant ; « Source » quand une colonne « Target » ou « Cible » existe)',
    headers: ['de', 'from', 'origine', 'acteur source', 'source actor', 'financeur', 'financeurs', 'organisme financeur', 'structure financeuse', 'bailleur', 'bailleur de fonds', 'porteur', 'acteur 1', 'acteur a', 'emetteur', 'depuis', 'qui', 'actor 1',
      'partenaire 1', 'structure 1', 'organisme 1', 'entite 1', 'acteur', 'structure', 'organisme', 'organisation', 'entite', 'nom'],
  },
  {
    field: 'to',
    label: 'Second acteur (nom, alias ou identifiant)',
    headers: ['a', 'vers', 'to', 'target', 'cible', 'destination', 'destinataire', 'beneficiaire', 'beneficiaires', 'structure beneficiaire', 'organisme beneficiaire', 'laureat', 'acteur cible', 'target actor', 'acteur 2', 'acteur b', 'recipient', 'avec', 'actor 2',
      'a qui', 'partenaire', 'partenaires', 'partenaire 2', 'structure 2', 'organisme 2', 'entite 2'],
  },
  { field: 'fromId', label: 'Identifiant du premier acteur', headers: ['id source', 'source id', 'from id', 'id de', 'identifiant source', 'id financeur', 'id acteur 1', 'id acteur source'] },
  { field: 'toId', label: 'Identifiant du second acteur', headers: ['id cible', 'target id', 'to id', 'id vers', 'identifiant cible', 'id beneficiaire', 'id acteur 2', 'id acteur cible'] },
  { field: 'fromKind', label: 'Nature du premier acteur', headers: ['nature source', 'type source', 'source type', 'from type', 'from kind', 'nature de', 'nature acteur 1', 'nature du financeur'] },
  { field: 'toKind', label: 'Nature du second acteur', headers: ['nature cible', 'type cible', 'target type', 'to type', 'to kind', 'nature vers', 'nature acteur 2', 'nature du beneficiaire'] },
  { field: 'amount', label: 'Montant en euros (1 200 000 €, 1,5 M€, 200 k€ ; vide si inconnu)', headers: ['montant', 'amount', 'somme', 'montant eur', 'montant euros', 'montant en euros', 'amount eur', 'financement', 'budget', 'valeur', 'value',
      'montant accorde', 'montant attribue', 'montant verse', 'montant total', 'montant de l aide', 'montant de la subvention', 'montant du financement', 'montant engage', 'montant vote', 'combien'] },
  { field: 'date', label: 'Date (12/03/2016, 2016-03, mars 2016, 2016)', headers: ['date', 'date de debut', 'date debut', 'debut', 'start', 'start date', 'annee', 'year', 'date de signature', 'quand', 'when', 'depuis le',
      'date de la decision', 'date de decision', 'date d attribution', 'date de notification', 'date de la convention', 'date d octroi', 'date de l accord', 'date d engagement'] },
  { field: 'status', label: 'Statut (effectif, prévu, en attente, intérêt, refusé, terminé)', headers: ['statut', 'status', 'etat', 'state', 'avancement'] },
  { field: 'role', label: 'Rôle', headers: ['role', 'fonction', 'qualite', 'en tant que', 'as', 'type de partenariat', 'nature du partenariat', 'objet du partenariat'] },
  { field: 'note', label: 'Note', headers: ['note', 'notes', 'commentaire', 'commentaires', 'remarque', 'remarques', 'comment', 'comments', 'description', 'details'] },
  { field: 'excerpt', label: 'Extrait du document qui l’atteste', headers: ['extrait', 'excerpt', 'citation', 'quote', 'preuve', 'evidence', 'justification', 'texte source', 'verbatim'] },
  { field: 'source', label: 'Document source (identifiant ou titre)', headers: ['document', 'source document', 'document source', 'titre source', 'titre du document', 'article', 'publication', 'reference', 'source'] },
  { field: 'sourceUrl', label: 'Adresse (URL) du document source', headers: ['url', 'lien', 'link', 'url source', 'source url', 'lien source', 'hyperlien', 'adresse web'] },
];

const sourceFields: FieldSynonyms<SourceField>[] = [
  { field: 'id', label: 'Identifiant du document', headers: ['id', 'identifiant', 'ref', 'reference', 'source id', 'id source'] },
  { field: 'title', label: 'Titre', headers: ['titre', 'title', 'intitule', 'nom', 'name', 'document'] },
  { field: 'publisher', label: 'Éditeur ou média', headers: ['editeur', 'publisher', 'media', 'journal', 'publication', 'site'] },
  { field: 'date', label: 'Date de parution', headers: ['date', 'date de parution', 'date de publication', 'publie le', 'published', 'publication date'] },
  { field: 'language', label: 'Langue (fr, en…)', headers: ['langue', 'language', 'lang'] },
  { field: 'author', label: 'Auteur', headers: ['auteur', 'author', 'auteurs', 'authors', 'signature'] },
  { field: 'url', label: 'Adresse (URL)', headers: ['url', 'lien', 'link', 'adresse', 'adresse web'] },
];

/** The synonym table: for each kind of table, each field and the headers that name it. */
export const HEADER_SYNONYMS: Record<TableKind, FieldSynonyms[]> = {
  actors: actorFields,
  relationships: relationshipFields,
  sources: sourceFields,
};

/** Columns that Kumu and Gephi exports carry and that Maillage has no use for: ignored without a warning. */
export const IGNORED_HEADERS = ['weight', 'poids', 'tags', 'tag', 'color', 'couleur', 'image', 'size', 'taille', 'x', 'y', 'direction', 'timeset', 'interval', 'strength', 'modularity class', 'degree'];

/** Sheet names (folded) that say what a sheet holds; other sheets are ignored and listed. */
export const SHEET_NAMES: Record<TableKind, string[]> = {
  actors: ['acteurs', 'acteur', 'actors', 'actor', 'noeuds', 'nodes', 'elements', 'organisations', 'organizations', 'structures'],
  relationships: ['relations', 'relation', 'relationships', 'relationship', 'liens', 'links', 'edges', 'aretes', 'connections', 'connexions', 'financements'],
  sources: ['sources', 'source', 'documents', 'references', 'bibliographie'],
};

/** Whether a sheet's whole name says what it holds ("Relations"), not one of its words ("Relations (2)"). */
export function isExactSheetName(name: string): boolean {
  const f = fold(name);
  return Object.values(SHEET_NAMES).some((names) => names.includes(f));
}

export function tableKindOfSheet(name: string): TableKind | undefined {
  const f = fold(name);
  const kinds = Object.keys(SHEET_NAMES) as TableKind[];
  const exact = kinds.find((k) => SHEET_NAMES[k].includes(f));
  if (exact) return exact;
  // "Relations (2024)", "Liste des acteurs": one of the sheet's words names one kind, and no other kind.
  const words = f.split(' ');
  const named = kinds.filter((k) => words.some((w) => SHEET_NAMES[k].includes(w)));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Headers that name the actors by their role in a funding ("Financeur", "Bénéficiaire"): the column, not the
 * type's wording, says who funds whom; a passive type ("financé par") on such a row is contradictory.
 */
const FUNDING_ROLE_HEADERS: Record<'from' | 'to', string[]> = {
  from: ['financeur', 'financeurs', 'organisme financeur', 'structure financeuse', 'bailleur', 'bailleur de fonds', 'id financeur'],
  to: ['beneficiaire', 'beneficiaires', 'structure beneficiaire', 'organisme beneficiaire', 'laureat', 'id beneficiaire'],
};

/** Headers of the first actor that say only "an actor" (`Nom`), not its part in the tie: an explicit one wins (mapHeaders). */
const GENERIC_FROM = new Set(['nom', 'acteur', 'structure', 'organisme', 'organisation', 'entite']);
const isGenericFrom = (header: string) => GENERIC_FROM.has(fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')));

/** Headers that name an actor as a partner: a table of them without a type column is a table of partnerships. */
const PARTNER_HEADERS = ['partenaire', 'partenaires', 'partenaire 1', 'partenaire 2'];

/** Whether a header names an actor as a partner ("Partenaire", "Partenaire 2"). */
export function isPartnerHeader(header: string): boolean {
  return PARTNER_HEADERS.includes(fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')));
}

/** Whether a header names the funder ('from') or the funded ('to') by role. */
export function fundingRoleOfHeader(header: string): 'from' | 'to' | undefined {
  const f = fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  return FUNDING_ROLE_HEADERS.from.includes(f) ? 'from' : FUNDING_ROLE_HEADERS.to.includes(f) ? 'to' : undefined;
}

/** The fields a kind of table accepts. */
export function fieldsOf(kind: TableKind): Field[] {
  return HEADER_SYNONYMS[kind].map((s) => s.field);
}

// Unit words a header may add to a field's name: "Montant (k€)", "Montant en millions d'euros".
const UNIT_WORDS = /\b(?:en|eur|euro|euros|d|k|ke|keur|m|me|meur|md|mds|millions?|milliers?|milliards?|ht|ttc)\b/g;

const index = new Map<TableKind, Map<string, Field>>();
for (const kind of Object.keys(HEADER_SYNONYMS) as TableKind[]) {
  const m = new Map<string, Field>();
  // "Source" is listed under `source` (the document); mapFor makes it the first actor in Gephi-like tables.
  for (const s of HEADER_SYNONYMS[kind]) for (const h of s.headers) if (!m.has(h)) m.set(h, s.field);
  index.set(kind, m);
}

/** The field a header names in a kind of table, before the table-wide rules (`Source`, `Label`). */
export function fieldOfHeader(header: string, kind: TableKind): Field | undefined {
  const m = index.get(kind)!;
  const f = fold(header);
  return m.get(f) ?? m.get(fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))) ?? m.get(f.replace(UNIT_WORDS, ' ').replace(/\s+/g, ' ').trim());
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface HeaderMapping {
  kind: TableKind | null;
  columns: ColumnInfo[];
  /** Headers that fit no field (ignored, with a warning). */
  unknown: number[];
  /** Columns dropped because an earlier column already feeds their field. */
  duplicates: { index: number; field: Field; first: number }[];
}

function mapFor(headers: string[], kind: TableKind): ColumnInfo[] {
  const cols: ColumnInfo[] = headers.map((header, index) => {
    const auto = fieldOfHeader(header, kind) ?? null;
    return { index, letter: columnLetter(index), header, field: auto, auto };
  });
  if (kind === 'relationships') {
    // Gephi's edge table says Source/Target: "Source" is the first actor when a Target-like column exists
    // and nothing else names the first actor; otherwise it is the evidence's document.
    // Beside a generic name column (`Nom ; Source ; Target`), only with a `Target`/`Cible` column: in
    // `Acteur ; Partenaire ; Source` the source is the document.
    const isSource = (c: ColumnInfo) => fold(c.header) === 'source';
    const hasTo = cols.some((c) => c.auto === 'to' || c.auto === 'toId');
    const otherFrom = cols.filter((c) => !isSource(c) && (c.auto === 'from' || c.auto === 'fromId'));
    const explicitFrom = otherFrom.some((c) => !isGenericFrom(c.header));
    const target = cols.some((c) => ['target', 'cible'].includes(fold(c.header)));
    for (const c of cols) if (isSource(c)) c.field = c.auto = hasTo && !explicitFrom && (!otherFrom.length || target) ? 'from' : 'source';
    // Kumu's and Gephi's "Label" on an edge: its type when no column gives one, else a note.
    const hasType = cols.some((c) => c.auto === 'type');
    for (const c of cols) if (fold(c.header) === 'label') c.field = c.auto = hasType ? 'note' : 'type';
  }
  return cols;
}

function count(cols: ColumnInfo[], ...fields: Field[]): number {
  return cols.filter((c) => c.field && fields.includes(c.field)).length;
}

/**
 * Maps a table's headers to fields. `hint` is the kind the sheet name gives; without it the headers decide:
 * two actor columns make a relationships table, a name or id an actors table, a title a sources table.
 * `overrides` (header → field or null) replace the automatic choice.
 */
export function mapHeaders(headers: string[], hint?: TableKind, overrides: Record<string, Field | null> = {}): HeaderMapping {
  const apply = (cols: ColumnInfo[]) => {
    for (const c of cols) if (Object.prototype.hasOwnProperty.call(overrides, c.header)) c.field = overrides[c.header];
    return cols;
  };
  let kind: TableKind | null = hint ?? null;
  let cols: ColumnInfo[];
  if (kind) cols = apply(mapFor(headers, kind));
  else {
    const rel = apply(mapFor(headers, 'relationships'));
    const act = apply(mapFor(headers, 'actors'));
    const src = apply(mapFor(headers, 'sources'));
    if (count(rel, 'from', 'fromId') && count(rel, 'to', 'toId')) [kind, cols] = ['relationships', rel];
    else if (count(act, 'name')) [kind, cols] = ['actors', act];
    else if (count(src, 'title') && count(src, 'url', 'publisher')) [kind, cols] = ['sources', src];
    else if (count(act, 'id')) [kind, cols] = ['actors', act];
    else [kind, cols] = [null, act];
  }
  const seen = new Map<Field, number>();
  const duplicates: HeaderMapping['duplicates'] = [];
  const unknown: number[] = [];
  // A column that names the first actor explicitly (`De`, `Source`, `From`, `Financeur`…) wins over a generic
  // one (`Nom`, `Acteur`, `Structure`…) wherever they stand: in `Nom ; De ; Vers` the name is not the funder.
  const generic = (c: ColumnInfo) => kind === 'relationships' && c.field === 'from' && c.auto === 'from' && !Object.prototype.hasOwnProperty.call(overrides, c.header) && isGenericFrom(c.header);
  const ordered = cols.some((c) => c.field === 'from' && !generic(c)) ? [...cols.filter((c) => !generic(c)), ...cols.filter(generic)] : cols;
  for (const c of ordered) {
    if (!c.field) {
      if (c.header.trim() && !IGNORED_HEADERS.includes(fold(c.header)) && !Object.prototype.hasOwnProperty.call(overrides, c.header)) unknown.push(c.index);
      continue;
    }
    const first = seen.get(c.field);
    if (first !== undefined) {
      duplicates.push({ index: c.index, field: c.field, first });
      c.field = null;
    } else seen.set(c.field, c.index);
  }
  duplicates.sort((a, b) => a.index - b.index);
  return { kind, columns: cols, unknown, duplicates };
}

/** Gephi's edge "Type" says Directed/Undirected, not what the tie is: such a column is not our type. */
export function isDirectionColumn(values: string[]): boolean {
  const words = new Set(['directed', 'undirected', 'mutual', 'dirige', 'non dirige', 'oriente', 'non oriente']);
  const filled = values.map(fold).filter(Boolean);
  return filled.length > 0 && filled.every((v) => words.has(v));
}
