// Maillage's vocabulary as plain constants, without zod: the client imports these so its first bundle
// stays small. model/schema.ts builds its zod enums from them and re-exports them: one source of truth.

/** Kinds of actor, chosen from what the ecosystem articles name. */
export const ACTOR_KINDS = [
  'person',
  'company',
  'investor',
  'public_body',
  'local_authority',
  'association',
  'cluster',
  'university',
  'accelerator',
  'label',
  'programme',
  'event',
  'site',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Labels for kinds as users read them (the interface is in French). */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Personne',
  company: 'Entreprise',
  investor: 'Investisseur / fonds',
  public_body: 'Organisme public',
  local_authority: 'Collectivité',
  association: 'Association',
  cluster: 'Cluster / pôle',
  university: 'Université / école',
  accelerator: 'Accélérateur / campus',
  label: 'Label',
  programme: 'Programme / dispositif',
  event: 'Événement',
  site: 'Site / quartier',
};

/** The four relationship types, and the only ones: any other type is rejected at every boundary. */
export const REL_TYPES = ['FUNDS', 'PILOTS', 'PARTNERS_WITH', 'LABELS'] as const;
export type RelType = (typeof REL_TYPES)[number];

/** PARTNERS_WITH is symmetric: stored once, drawn without an arrow. */
export const SYMMETRIC_TYPES: ReadonlySet<RelType> = new Set<RelType>(['PARTNERS_WITH']);

/**
 * effective: done or in force; planned: announced, not yet done; pending: awaiting a signature or decision;
 * interest: reported interest or approach only; declined: offered and turned down; ended: was true, no longer.
 */
export const REL_STATUSES = ['effective', 'planned', 'pending', 'interest', 'declined', 'ended'] as const;
export type RelStatus = (typeof REL_STATUSES)[number];

/** What key actors can be ranked by (GET /api/metrics?sort=). */
export const METRIC_SORTS = ['pagerank', 'degree', 'inDegree', 'outDegree', 'betweenness', 'broker', 'fundsOut', 'fundsIn'] as const;
export type MetricSort = (typeof METRIC_SORTS)[number];

/**
 * The formats the importer reads (server/import/read/): CSV (and TSV), Excel's XLSX, OpenDocument's ODS
 * (LibreOffice's own format), Maillage's JSON dataset.
 */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'ods', 'json'] as const;
/** The file names the Importer panel's picker offers, by format. */
export const IMPORT_EXTENSIONS: Record<(typeof IMPORT_FORMATS)[number], readonly string[]> = {
  csv: ['.csv', '.tsv', '.txt'],
  xlsx: ['.xlsx', '.xlsm'],
  ods: ['.ods'],
  json: ['.json'],
};
