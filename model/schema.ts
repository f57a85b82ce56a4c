// The single source of truth for Maillage's data model and API shapes: server, client, loader and tests import it.
import { z } from 'zod';

import { ACTOR_KINDS, IMPORT_FORMATS, METRIC_SORTS, REL_STATUSES, REL_TYPES } from './vocabulary';

// The vocabulary (kinds, types, statuses, labels) lives in vocabulary.ts, zod-free for the client bundle.
export { ACTOR_KINDS, ACTOR_KIND_LABELS, IMPORT_EXTENSIONS, IMPORT_FORMATS, METRIC_SORTS, REL_STATUSES, REL_TYPES, SYMMETRIC_TYPES } from './vocabulary';

export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;
export const RelType = z.enum(REL_TYPES);
export type RelType = z.infer<typeof RelType>;
export const RelStatus = z.enum(REL_STATUSES);
export type RelStatus = z.infer<typeof RelStatus>;

/** ISO date, partial allowed: 2014, 2014-11, 2014-11-12. Month and day are range-checked. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

/** Stable ids: lowercase ASCII slugs, so they survive URLs, CSV and Cypher untouched. */
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'must be a lowercase slug: letters, digits and - _ . between them');

/** C0 control characters other than tab and line breaks, and DEL: never meant in a name, a title or an excerpt. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Control characters are dropped and the text trimmed (as the extractor does to articles), so text made only
// of them, or blank, is refused. The pattern (at least one visible character) says so in the OpenAPI
// description, since clients and fuzzers generate what it documents.
const Text = (max: number) =>
  z.string().overwrite((s) => s.replace(CONTROL, '')).trim().min(1).max(max)
    .meta({ pattern: '[^\\s\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]' });

/** Longest text each field accepts: the schemas below and the import's French messages share these. */
export const TEXT_MAX = {
  title: 300,
  publisher: 200,
  author: 200,
  file: 300,
  name: 200,
  alias: 200,
  description: 600,
  territory: 120,
  excerpt: 600,
  role: 120,
  note: 400,
} as const;

export const Source = z
  .object({
    id: Slug,
    title: Text(TEXT_MAX.title),
    /** Absent when the document does not say: never guessed. */
    publisher: Text(TEXT_MAX.publisher).optional(),
    date: PartialDate.optional(),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as fr'),
    author: Text(TEXT_MAX.author).optional(),
    url: z.url().optional(),
    file: Text(TEXT_MAX.file).optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const Actor = z
  .object({
    id: Slug,
    name: Text(TEXT_MAX.name),
    aliases: z.array(Text(TEXT_MAX.alias)).default([]),
    kind: ActorKind,
    description: Text(TEXT_MAX.description).optional(),
    territory: Text(TEXT_MAX.territory).optional(),
    /** Ids of actors merged into this one: they still resolve to it (old links, shared URLs). */
    mergedIds: z.array(Slug).optional(),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;
export type ActorInput = z.input<typeof Actor>;

export const Evidence = z
  .object({
    source: Slug,
    excerpt: Text(TEXT_MAX.excerpt),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;

/**
 * One claim about a tie when sources disagree: the amount and/or date it states and the sources that state it.
 * A tie lists claims only when they conflict; its own amount and date are the first claim's.
 */
export const Claim = z
  .object({
    amount: z.number().positive().finite().optional(),
    date: PartialDate.optional(),
    sources: z.array(Slug).min(1, 'a claim names the sources that state it'),
  })
  .strict();
export type Claim = z.infer<typeof Claim>;

export const Relationship = z
  .object({
    /** Optional in files: derived as TYPE:source:target. Needed only when one pair has two ties of one type. */
    id: z.string().regex(/^[A-Za-z0-9_:.\-]+$/).max(300).optional(),
    type: RelType,
    source: Slug,
    target: Slug,
    /** Euros. Unknown amounts are absent, never 0. */
    amount: z.number().positive().finite().optional(),
    date: PartialDate.optional(),
    status: RelStatus.default('effective'),
    role: Text(TEXT_MAX.role).optional(),
    note: Text(TEXT_MAX.note).optional(),
    evidence: z.array(Evidence).min(1, 'every relationship needs at least one piece of evidence'),
    /** Conflicting claims (two sources, two amounts or dates), each with its sources; absent when they agree. */
    claims: z.array(Claim).min(2).optional(),
  })
  .strict();
export type Relationship = z.infer<typeof Relationship>;
export type RelationshipInput = z.input<typeof Relationship>;

/** A dataset file: the seed data and a user's own import share this one format. */
export const Dataset = z
  .object({
    sources: z.array(Source),
    actors: z.array(Actor),
    relationships: z.array(Relationship),
  })
  .strict();
export type Dataset = z.infer<typeof Dataset>;

// ---- The graph payload, one shape everywhere (graphology's serialisation shape) ----

export const GraphNode = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  aliases: z.array(z.string()),
  description: z.string().optional(),
  territory: z.string().optional(),
  /** Ids of actors merged into this one, which still resolve to it (absent when none). */
  mergedIds: z.array(z.string()).optional(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: RelType,
  amount: z.number().optional(),
  date: z.string().optional(),
  status: RelStatus,
  role: z.string().optional(),
  note: z.string().optional(),
  evidence: z.array(Evidence),
  /** Sources disagree on the amount or date: every claim with its sources (the tie's own values are the first's). */
  claims: z.array(Claim).optional(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  truncated: z.boolean().optional(),
});
export type Graph = z.infer<typeof Graph>;

// ---- API requests ----

/** Comma-separated relationship types; each must be one of the four. */
export const TypeList = z
  .string()
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(RelType).min(1, 'name at least one relationship type'));

export const ActorSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ActorIdParams = z.object({ id: Slug });

export const NeighborhoodQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  types: TypeList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(500),
});

/** Ties per type and direction an actor's details list at most (a national funder has tens of thousands). */
export const ACTOR_DETAIL_DEFAULT = 100;
export const ACTOR_DETAIL_MAX = 5000;

export const ActorDetailQuery = z.object({
  limit: z.coerce.number().int().min(1).max(ACTOR_DETAIL_MAX).default(ACTOR_DETAIL_DEFAULT),
});

export const ActorDetail = z.object({
  actor: GraphNode,
  /** At most `limit` per type and direction: largest amounts, then latest dates, first. */
  relationships: z.array(GraphEdge.extend({ direction: z.enum(['out', 'in']), other: GraphNode, version: z.string() })),
  sources: z.array(Source),
  /** How many ties of each type and direction the actor has, and how many are listed. */
  relationshipCounts: z.array(z.object({ type: RelType, direction: z.enum(['out', 'in']), total: z.number().int(), shown: z.number().int() })),
  /** Some group has more ties than listed. */
  truncated: z.boolean(),
  /** The actor's content version: send it back with an edit (a stale one gets 409 EditConflict). */
  version: z.string(),
  /** Set when the id asked for was merged into this actor. */
  resolvedFrom: z.string().optional(),
});
export type ActorDetail = z.infer<typeof ActorDetail>;

export const ApiError = z.object({
  error: z.object({ name: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- Cypher console (POST /api/cypher, GET /api/cypher/examples) ----

export const CYPHER_MAX_QUERY_CHARS = 20_000;
/** Lists and maps in console parameters nest at most this deep (the server walks them). */
export const PARAMS_MAX_DEPTH = 32;

/** How deeply lists and maps nest in a JSON value, counted without recursion (stops past `limit`). */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/** Not trimmed: error positions (line, column, offset) must point into the text the user typed. */
export const CypherRequest = z
  .object({
    query: z
      .string()
      .max(CYPHER_MAX_QUERY_CHARS, `must be at most ${CYPHER_MAX_QUERY_CHARS} characters`)
      .refine((q) => q.trim().length > 0, 'write a query'),
    params: z
      .record(z.string(), z.unknown())
      .refine((p) => nestingDepth(p, PARAMS_MAX_DEPTH) <= PARAMS_MAX_DEPTH, `lists and maps may nest at most ${PARAMS_MAX_DEPTH} levels deep`)
      .default({}),
  })
  .strict();
export type CypherRequest = z.infer<typeof CypherRequest>;

export const CypherResponse = z.object({
  columns: z.array(z.string()),
  /** Plain JSON; nodes, relationships and paths appear as { $kind: 'node' | 'relationship' | 'path', … }. */
  rows: z.array(z.record(z.string(), z.unknown())),
  /** The :Actor nodes and their FUNDS/PILOTS/PARTNERS_WITH/LABELS ties found anywhere in the rows. */
  graph: Graph,
  truncated: z.boolean(),
  truncatedBy: z.enum(['rows', 'bytes']).optional(),
  elapsedMs: z.number(),
  /** A write (admin token) is recorded as a change set of kind console: its id. */
  changeSet: z.string().optional(),
});
export type CypherResponse = z.infer<typeof CypherResponse>;

export const CypherExample = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  query: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type CypherExample = z.infer<typeof CypherExample>;

export const CypherExamples = z.object({ examples: z.array(CypherExample) });
export type CypherExamples = z.infer<typeof CypherExamples>;

// ---- Key-actor metrics and export (issue 5) ----

/** Money along FUNDS ties: the sum of known amounts (EUR), and how many ties have or lack an amount. */
export const FundsFlow = z.object({ amount: z.number(), known: z.number().int(), unknown: z.number().int() });

export const ActorMetrics = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  degree: z.number().int(),
  inDegree: z.number().int(),
  outDegree: z.number().int(),
  fundsOut: FundsFlow,
  fundsIn: FundsFlow,
  /** Normalized undirected betweenness, 0–1 (networkx's betweenness_centrality). */
  betweenness: z.number(),
  pagerank: z.number(),
  /** Index into `communities`. */
  community: z.number().int(),
  broker: z.object({ pairs: z.number().int(), share: z.number() }),
});
export type ActorMetrics = z.infer<typeof ActorMetrics>;

export const Community = z.object({ id: z.number().int(), size: z.number().int(), members: z.array(z.string()) });
export type Community = z.infer<typeof Community>;

export const MetricsResponse = z.object({
  metrics: z.array(ActorMetrics),
  communities: z.array(Community),
  modularity: z.number(),
  /** The choices behind the numbers, so a reader can state them next to a ranking. */
  parameters: z.object({
    excludedStatuses: z.array(RelStatus),
    pagerankDamping: z.number(),
    /** Breadth-first searches behind betweenness: the actor count when exact, fewer on large graphs (an estimate). */
    betweennessSources: z.number().int(),
    brokerMaxHops: z.number().int(),
    funderKinds: z.array(ActorKind),
    companyKinds: z.array(ActorKind),
  }),
  computedAt: z.string(),
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'gexf'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** csv is two tables: `part` picks nodes or edges (two downloads rather than a zip). */
export const ExportQuery = z
  .object({
    format: ExportFormat.default('json'),
    part: z.enum(['nodes', 'edges']).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.format === 'csv' && !q.part) ctx.addIssue({ code: 'custom', path: ['part'], message: 'csv export needs part=nodes or part=edges' });
  });
export type ExportQuery = z.infer<typeof ExportQuery>;

// ---- Import (issue 9) ----

/** GET /api/imports/template: the file to start from, as a workbook (Acteurs + Relations) or a CSV of relationships. */
export const ImportTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
export type ImportTemplateQuery = z.infer<typeof ImportTemplateQuery>;

// ---- Paths between two actors and funding flows (issue 3) ----

/** Deepest path or funding chain the API walks: Cypher bounds are literals, so the queries are written for 6. */
export const PATHS_MAX_DEPTH = 6;
export const PATHS_MAX_LIMIT = 100;

const Depth = (fallback: number) => z.coerce.number().int().min(1).max(PATHS_MAX_DEPTH).default(fallback);
const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const PathsQuery = z
  .object({
    from: Slug,
    to: Slug,
    types: TypeList.optional(),
    maxDepth: Depth(4),
    limit: z.coerce.number().int().min(1).max(PATHS_MAX_LIMIT).default(25),
  })
  .superRefine((q, ctx) => {
    if (q.from === q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must differ from "from": a path joins two different actors' });
  });
export type PathsQuery = z.infer<typeof PathsQuery>;

export const Path = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge), length: z.number().int() });
export type Path = z.infer<typeof Path>;

export const PathsResponse = z.object({
  /** Shortest first; each path's nodes and edges in walking order from `from` to `to`. */
  paths: z.array(Path),
  /** True when more paths exist than `limit`. */
  truncated: z.boolean(),
  limit: z.number().int(),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

export const FUNDING_DIRECTIONS = ['upstream', 'downstream'] as const;

export const FundingQuery = z.object({
  direction: z.enum(FUNDING_DIRECTIONS).default('upstream'),
  maxDepth: Depth(4),
  /** Drop chains whose FUNDS hops go backwards in time; off by default, every chain then says whether it does. */
  respectDates: BoolParam.default(false),
});
export type FundingQuery = z.infer<typeof FundingQuery>;

export const FundingChain = z.object({
  /** In money-flow order: from the funder toward the beneficiary; FUNDS hops, then any PILOTS hops. */
  hops: z.array(GraphEdge),
  funder: z.string(),
  beneficiary: z.string(),
  /** Money known to reach the far end's counterpart: set only for one-FUNDS-hop chains with a known amount. */
  amount: z.number().optional(),
  /** The money reaches the organisation through a structure that pilots it (trailing PILOTS hops). */
  viaPilots: z.boolean(),
  /** FUNDS hops without a date (kept, but their order in time cannot be checked). */
  undatedHops: z.array(z.string()),
  /** No dated FUNDS hop is earlier than a dated FUNDS hop before it (partial dates compared at their common precision). */
  datesInOrder: z.boolean(),
});
export type FundingChain = z.infer<typeof FundingChain>;

export const FundingTotal = z.object({
  /** The ultimate funder (upstream) or beneficiary (downstream). */
  actor: z.string(),
  /** Sum of the known amounts, EUR; unknown parts are counted in unknownParts, never as 0. */
  known: z.number(),
  unknownParts: z.number().int(),
  complete: z.boolean(),
  chains: z.number().int(),
  /** Every counted chain reaches this actor (or leaves it) through a structure that pilots it. */
  viaPilots: z.boolean(),
  /** Statuses of the FUNDS ties counted (declined ties are never counted). */
  statuses: z.array(RelStatus),
  /** Counted ties whose amount sources disagree on: `known` uses each one's first claim; min/max the lowest and highest claims. */
  disputed: z.object({ parts: z.number().int(), min: z.number(), max: z.number() }).optional(),
});
export type FundingTotal = z.infer<typeof FundingTotal>;

export const FundingResponse = Graph.extend({
  actor: z.string(),
  direction: z.enum(FUNDING_DIRECTIONS),
  chains: z.array(FundingChain),
  totals: z.array(FundingTotal),
  /** Chains left out because their hops go backwards in time (respectDates=true). */
  droppedByDates: z.number().int(),
});
export type FundingResponse = z.infer<typeof FundingResponse>;

// ---- Change sets (server/changes/, docs/design.md §1): every write is one ----

/** A relationship as a change set writes it: the edge, plus the amount and date as the user wrote them. */
export const RelationshipRecord = GraphEdge.extend({
  /** The amount cell as written (`1,5 M€`), kept beside the number. */
  amountRaw: z.string().optional(),
  /** The date cell as written (`mars 2016`). */
  dateRaw: z.string().optional(),
});
export type RelationshipRecord = z.infer<typeof RelationshipRecord>;

export const CHANGE_SET_KINDS = ['import', 'edit', 'merge', 'extract', 'console', 'revert', 'seed'] as const;
export const ChangeSetKind = z.enum(CHANGE_SET_KINDS);
export type ChangeSetKind = z.infer<typeof ChangeSetKind>;

/**
 * previewed → running → committed | failed → rolled_back; committed → undoing → undone.
 * `failed` and `undoing` are transient: their batches are being reverted (resumed at start-up if interrupted).
 */
export const CHANGE_SET_STATES = ['previewed', 'running', 'committed', 'failed', 'rolled_back', 'undoing', 'undone'] as const;
export const ChangeSetState = z.enum(CHANGE_SET_STATES);
export type ChangeSetState = z.infer<typeof ChangeSetState>;

export const ChangeSetInfo = z.object({
  id: z.string(),
  kind: ChangeSetKind,
  state: ChangeSetState,
  /** `local` (the single user on loopback), `token` (admin token) or an account name. */
  author: z.string(),
  reason: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** Files and their sha-256, counts per entity, what was detected…: free-form, what the history shows. */
  summary: z.record(z.string(), z.unknown()),
  /** Elements written so far (and, when known, how many there will be); `undone` of them reverted. */
  progress: z.object({ done: z.number().int(), total: z.number().int().optional(), undone: z.number().int() }),
  error: z.string().optional(),
  undoneBy: z.string().optional(),
  undoneAt: z.string().optional(),
});
export type ChangeSetInfo = z.infer<typeof ChangeSetInfo>;

/** An element a later change set wrote (or removed), which makes an undo impossible without losing its work. */
export const ChangeConflict = z.object({
  entity: z.enum(['source', 'actor', 'relationship']),
  id: z.string(),
  type: z.string().optional(),
  /** The change set that wrote it last; absent when it has been deleted since (or predates change sets). */
  cs: z.string().optional(),
  reason: z.enum(['written-later', 'deleted-later', 'created-again', 'tied-later']),
});
export type ChangeConflict = z.infer<typeof ChangeConflict>;
// ---- Accounts and sessions (issue 12) ----

export const ROLES = ['viewer', 'editor', 'admin'] as const;
/** viewer reads (console read-only); editor edits, imports, merges; admin also manages accounts, console writes, undoes others' changes. */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Account names: what the history shows as the author; never `local` or `token`, which name the other principals. */
export const UserName = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'must start with a letter or digit, then letters, digits, . _ @ -')
  .refine((n) => !['local', 'token', 'anonymous'].includes(n.toLowerCase()), 'is reserved');

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const LoginRequest = z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserCreate = z.object({ name: UserName, role: Role, password: Password }).strict();
export type UserCreate = z.infer<typeof UserCreate>;
export const UserUpdate = z
  .object({ role: Role.optional(), password: Password.optional() })
  .strict()
  .refine((u) => u.role !== undefined || u.password !== undefined, 'give a role or a password');
export type UserUpdate = z.infer<typeof UserUpdate>;
export const UserNameParams = z.object({ name: z.string().min(1).max(64) });

export const UserInfo = z.object({ name: z.string(), role: Role, createdAt: z.string() });
export type UserInfo = z.infer<typeof UserInfo>;

/** GET /api/session: who the browser is, what it may do, and the CSRF token to send on writes. */
export const SessionInfo = z.object({
  user: z.object({ name: z.string(), role: Role, via: z.enum(['local', 'token', 'session', 'anonymous']) }),
  /** Writes need a signed-in account (accounts exist, or the server is exposed beyond loopback). */
  loginRequired: z.boolean(),
  publicRead: z.boolean(),
  /** Send it back as the X-CSRF-Token header on every write. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

// ---- Large graphs (issue 10): stats, overview, whole network by pages, one tie's details, metrics pages ----

/** A comma-separated list of allowed values (`kinds=company,investor`): each must be one of the enum's. */
const listOf = <T extends z.ZodType<unknown, string>>(item: T, what: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, `name at least one ${what}`));

export const KindList = listOf(ActorKind, 'actor kind');
export const StatusList = listOf(RelStatus, 'relationship status');

/** Years the "as of" filter accepts: wide enough for any ecosystem's history. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2200;

/**
 * The filters every large-graph route understands, computed in Cypher with the client's semantics
 * (client/state/view-state.ts): an actor passes by kind; a tie passes by type and status, by amount (FUNDS
 * only: a FUNDS tie without an amount is dropped as soon as a bound is set), and "as of" `year` drops ties
 * dated after that year while undated ties are kept (the client marks them); a tie is shown when it passes
 * and both its ends pass. hideIsolated drops the actors left without any passing tie.
 */
export const GRAPH_FILTER_FIELDS = {
  kinds: KindList.optional(),
  types: TypeList.optional(),
  statuses: StatusList.optional(),
  year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  amountMin: z.coerce.number().min(0).finite().optional(),
  amountMax: z.coerce.number().min(0).finite().optional(),
  hideIsolated: BoolParam.default(false),
};

const amountRange = (q: { amountMin?: number; amountMax?: number }, ctx: z.RefinementCtx) => {
  if (q.amountMin !== undefined && q.amountMax !== undefined && q.amountMin > q.amountMax) {
    ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'must be at least amountMin' });
  }
};

export const GraphFilters = z.object(GRAPH_FILTER_FIELDS).superRefine(amountRange);
export type GraphFilters = z.infer<typeof GraphFilters>;

/** A node of a compact payload: enough to draw and label it (details come from GET /api/actors/:id). */
export const CompactNode = GraphNode.pick({ id: true, name: true, kind: true });
export type CompactNode = z.infer<typeof CompactNode>;

/** An edge without its evidence (GET /api/relationships/:id gives it): what large views draw. */
export const CompactEdge = GraphEdge.omit({ evidence: true });
export type CompactEdge = z.infer<typeof CompactEdge>;

const Counts3 = z.object({ total: z.number().int(), matching: z.number().int(), shown: z.number().int() });

/** GET /api/graph/stats: counts for the banner and the filters, of the whole graph (filters do not apply). */
/** Which graph version a result computed in the background is of; `stale`: the graph changed since, a newer one is computed. */
export const DigestState = z.object({ version: z.number().int(), status: z.enum(['fresh', 'stale']) });
export type DigestState = z.infer<typeof DigestState>;

export const GraphStats = z.object({
  /** The graph version (bumped by every write): caches and metrics key on it. */
  version: z.number().int(),
  actors: z.number().int(),
  relationships: z.number().int(),
  sources: z.number().int(),
  kinds: z.record(ActorKind, z.number().int()),
  types: z.record(RelType, z.number().int()),
  statuses: z.record(RelStatus, z.number().int()),
  /** Years of dated ties (min, max, ties per year) and how many ties have no date. */
  years: z.object({
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    undated: z.number().int(),
    counts: z.array(z.object({ year: z.number().int(), relationships: z.number().int() })),
  }),
  /** FUNDS amounts (EUR): range of the known ones, how many are known and unknown. */
  amounts: z.object({ min: z.number().nullable(), max: z.number().nullable(), known: z.number().int(), unknown: z.number().int() }),
  /**
   * The graph version `kinds`, `statuses`, `years` and `amounts` were counted at (a scan of every tie, done in
   * the background after each write); `stale` while a newer count is under way. `actors`, `relationships`,
   * `sources` and `types` come from the count store: always the current graph's.
   */
  breakdown: DigestState,
  /** GET /api/graph/elements serves at most this many relationships (after filters); past it, 413. */
  wholeLimit: z.number().int(),
  /** GET /api/graph (everything, with evidence) answers up to this many actors + relationships; past it, 413. */
  graphLimit: z.number().int(),
});
export type GraphStats = z.infer<typeof GraphStats>;

/**
 * GET /api/graph: `max` lowers the size limit for this request (actors + relationships), so a client can ask for
 * the whole graph at once, alongside the counts, and be refused at once when it would open the overview instead.
 */
export const GraphQuery = z.object({ max: z.coerce.number().int().min(1).optional() });
export type GraphQuery = z.infer<typeof GraphQuery>;

export const OVERVIEW_DEFAULT = 300;
export const OVERVIEW_MAX = 2000;

export const OverviewQuery = z
  .object({ ...GRAPH_FILTER_FIELDS, limit: z.coerce.number().int().min(1).max(OVERVIEW_MAX).default(OVERVIEW_DEFAULT) })
  .superRefine(amountRange);
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** An overview actor with its degree in the whole graph (every tie, filters aside), so a hub reads as one. */
export const OverviewNode = GraphNode.extend({ degree: z.number().int() });
export type OverviewNode = z.infer<typeof OverviewNode>;

/**
 * GET /api/graph/overview: the `limit` most central actors passing the filters (PageRank once metrics are
 * computed for the current version, degree until then: `rankedBy`) and the passing ties among them.
 * total/matching/shown count actors ("300 des 100 000 acteurs"); `relationships` counts ties the same way.
 */
export const OverviewResponse = z.object({
  nodes: z.array(OverviewNode),
  edges: z.array(CompactEdge),
  total: z.number().int(),
  matching: z.number().int(),
  shown: z.number().int(),
  relationships: Counts3,
  rankedBy: z.enum(['degree', 'pagerank']),
  /**
   * The graph version the ranking is of: the degree ranking is computed in the background after each write,
   * and the last one serves meanwhile (`stale`); the actors and ties shown are always read from the graph as it is.
   */
  ranking: DigestState,
  version: z.number().int(),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

export const ELEMENTS_PAGE_DEFAULT = 5000;
export const ELEMENTS_PAGE_MAX = 10_000;

export const ElementsQuery = z
  .object({
    ...GRAPH_FILTER_FIELDS,
    /** Opaque (base64url): the `next` of the previous page; absent for the first page. */
    cursor: z.string().max(2000).regex(/^[A-Za-z0-9_-]*$/, 'not a cursor from a previous page: pass the `next` of the last page as it was').optional(),
    size: z.coerce.number().int().min(1).max(ELEMENTS_PAGE_MAX).default(ELEMENTS_PAGE_DEFAULT),
  })
  .superRefine(amountRange);
export type ElementsQuery = z.infer<typeof ElementsQuery>;

/**
 * GET /api/graph/elements: one page of the filtered network, actors first (by id) then ties (by source
 * actor, then id), so every tie arrives after both its ends. `next` is null on the last page. The first
 * page also gives the counts (`matching`); a cursor from an older graph version is refused (409
 * GraphChanged: start again), so the pages of one walk are complete and without duplicates.
 */
export const ElementsPage = z.object({
  nodes: z.array(CompactNode),
  edges: z.array(CompactEdge),
  next: z.string().nullable(),
  version: z.number().int(),
  matching: z.object({ actors: z.number().int(), relationships: z.number().int() }).optional(),
});
export type ElementsPage = z.infer<typeof ElementsPage>;

/**
 * GET /api/graph/layout: positions of the whole, unfiltered network, laid out once per graph version by the server
 * (ForceAtlas2, model/force-layout.ts, with the look the page would use) and shared by every page. `ready`: `ids`
 * and `xy` (x, y per actor, in `ids`' order, drawing units) for graph `version`; the page draws at them when that
 * is its data's version and they cover every actor it holds. Otherwise the page lays out itself: `computing` (not
 * ready within the server's wait), `too-large` (past the whole-network limit: never laid out by the server),
 * `failed` (the last try failed; tried again later).
 */
export const GraphLayout = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    version: z.number().int(),
    ids: z.array(z.string()),
    xy: z.array(z.number()),
    /** ForceAtlas2 iterations run, and when (ISO time): for the curious and the benches. */
    iterations: z.number().int(),
    computedAt: z.string(),
    /** Drawing units per ForceAtlas2 unit: the server seeds the next version's layout with these positions. */
    scale: z.number(),
  }),
  z.object({ status: z.enum(['computing', 'too-large', 'failed']), version: z.number().int() }),
]);
export type GraphLayout = z.infer<typeof GraphLayout>;

export const RelationshipIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_:.\-]+$/, 'must be a relationship id').max(300) });
export const RelationshipQuery = z.object({ type: RelType.optional() });

/** GET /api/relationships/:id: one tie with its evidence, its two ends and the sources the evidence cites. */
export const RelationshipDetail = z.object({
  relationship: GraphEdge,
  ends: z.object({ source: GraphNode, target: GraphNode }),
  sources: z.array(Source),
  /** The tie's content version, for edits. */
  version: z.string(),
});
export type RelationshipDetail = z.infer<typeof RelationshipDetail>;

// ---- Metrics, ranked and paged (GET /api/metrics) ----

export const MetricSort = z.enum(METRIC_SORTS);
export type MetricSort = z.infer<typeof MetricSort>;

export const METRICS_PAGE_DEFAULT = 100;
export const METRICS_PAGE_MAX = 1000;
export const METRICS_IDS_MAX = 500;

export const MetricsQuery = z.object({
  sort: MetricSort.default('pagerank'),
  limit: z.coerce.number().int().min(1).max(METRICS_PAGE_MAX).default(METRICS_PAGE_DEFAULT),
  offset: z.coerce.number().int().min(0).default(0),
  kinds: KindList.optional(),
  /** Only these actors (the ones on screen), still ranked by `sort`. */
  ids: listOf(Slug, 'actor id').pipe(z.array(Slug).max(METRICS_IDS_MAX, `at most ${METRICS_IDS_MAX} ids`)).optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/**
 * fresh: computed for the current graph version; stale: an older version's while the new one computes;
 * computing: none yet; failed: the last computation failed (`error`).
 */
export const METRICS_STATUSES = ['fresh', 'stale', 'computing', 'failed'] as const;

/** What a result computed in the background per graph version says about itself (metrics, duplicates). */
export const BackgroundState = z.object({
  status: z.enum(METRICS_STATUSES),
  /** The graph version the result describes (null before the first computation ends). */
  version: z.number().int().nullable(),
  /** The graph's current version. */
  graphVersion: z.number().int(),
  computedAt: z.string().nullable(),
  /** How long the computation took, reading the graph included (ms). */
  durationMs: z.number().nullable(),
  /** Why the last computation failed (status failed). */
  error: z.string().optional(),
});

export const MetricsPage = z.object({
  ...BackgroundState.shape,
  sort: MetricSort,
  offset: z.number().int(),
  limit: z.number().int(),
  /** Actors passing `kinds` / `ids`: the length of the whole ranking. */
  total: z.number().int(),
  /** This page of the ranking, best first (ties by id). */
  metrics: z.array(ActorMetrics),
  /** The largest communities (at most 100), by size; `community` of an actor indexes them by id. */
  communities: z.array(Community.omit({ members: true })),
  communityCount: z.number().int(),
  modularity: z.number(),
  parameters: MetricsResponse.shape.parameters.extend({
    /** False when betweenness is estimated from `betweennessSources` sources (Brandes & Pich pivots). */
    betweennessExact: z.boolean(),
    /** Funders whose searches the broker scores come from, and how many there are: sampled past a bound, scaled up. */
    brokerFunders: z.number().int(),
    brokerFundersTotal: z.number().int(),
    /** The metrics that are estimates on this graph, each with how. */
    estimates: z.array(z.string()),
  }).nullable(),
});
export type MetricsPage = z.infer<typeof MetricsPage>;

// ---- Import (issue 9, docs/design.md §2): CLI options and the fields of POST /api/imports ----

/** The options of an import, as form fields (POST /api/imports) or CLI flags (--source-title …). */
export const ImportRequest = z
  .object({
    encoding: z.string().trim().min(1).max(40).optional(),
    delimiter: z.string().min(1).max(5).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    defaultKind: z.string().trim().min(1).max(60).optional(),
    /** The document rows without evidence cite: title, publisher, date (any form the import reads), URL. */
    sourceTitle: z.string().trim().min(1).max(300).optional(),
    sourcePublisher: z.string().trim().min(1).max(200).optional(),
    sourceDate: z.string().trim().min(1).max(40).optional(),
    sourceUrl: z.url().max(2000).optional(),
    /** JSON object: header as in the file → field, or null to ignore the column. */
    mapping: z.string().max(20_000).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (!o.sourceTitle && (o.sourcePublisher || o.sourceDate || o.sourceUrl)) {
      ctx.addIssue({ code: 'custom', path: ['sourceTitle'], message: 'name the source document (its title) to give its publisher, date or URL' });
    }
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

const EntityCountsSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** The formats the importer reads (vocabulary.ts IMPORT_FORMATS): a file's `format` in the import report. */
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportIssueSchema = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string().optional(),
});

/** The report of an import (preview, dry run, refusal or run): `npm run import -- --json` prints the same. */
export const ImportReportSchema = z.object({
  importId: z.string().nullable(),
  dryRun: z.boolean(),
  detected: z.object({ encoding: z.string(), delimiter: z.string().nullable(), dateOrder: z.enum(['dmy', 'mdy']).nullable() }),
  counts: z.object({ actors: EntityCountsSchema, relationships: EntityCountsSchema, sources: EntityCountsSchema }),
  issues: z.array(ImportIssueSchema),
  issueCount: z.object({ errors: z.number().int(), warnings: z.number().int() }),
  files: z.array(
    z.object({
      name: z.string(),
      sha256: z.string(),
      size: z.number().int(),
      format: ImportFormat,
      encoding: z.string(),
      delimiter: z.string().optional(),
      dateOrder: z.enum(['dmy', 'mdy']).optional(),
      sheets: z.object({ used: z.array(z.string()), ignored: z.array(z.string()) }),
      /** The reader's tables (server/import/read/types.ts TableInfo): each column's header, letter, field and automatic field. */
      tables: z.array(z.object({ sheet: z.string().optional(), kind: z.enum(['actors', 'relationships', 'sources']).nullable(), rows: z.number().int(), columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string(), field: z.string().nullable(), auto: z.string().nullable(), dateOrder: z.enum(['dmy', 'mdy']).optional() })) })).optional(),
      /** The first rows of each table as parsed, with their issues (server/import/read/types.ts InputRow). */
      sample: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  ),
  rows: z.number().int(),
  seconds: z.object({ plan: z.number(), write: z.number() }),
});
export type ImportReportSchema = z.infer<typeof ImportReportSchema>;

// Both forms of change-set id (server/changes/index.ts newChangeSetId): base-36 time and randomness since after 8,
// the ISO time and 6 hex digits before.
export const ImportIdParams = z.object({ id: z.string().regex(/^cs-(?:[0-9a-z]{11}|[0-9TZ]+-[0-9a-f]{6})$/, 'must be an import id (cs-…)') });

/** GET /api/imports/:id: the change set (state, progress, summary) and, while it plans or writes, the live figures. */
export const ImportStatus = z.object({
  import: ChangeSetInfo,
  live: z.object({ phase: z.enum(['plan', 'write']), rows: z.number().int(), total: z.number().int(), written: z.number().int() }).optional(),
  /** The report of its preview, while it is previewed. */
  preview: ImportReportSchema.optional(),
});
export type ImportStatus = z.infer<typeof ImportStatus>;

/** GET /api/imports/:id/focus: how many of what an import wrote the result shows (the most tied first). */
export const ImportFocusQuery = z.object({ limit: z.coerce.number().int().min(1).max(OVERVIEW_MAX).default(OVERVIEW_DEFAULT) });
export type ImportFocusQuery = z.infer<typeof ImportFocusQuery>;

/**
 * GET /api/imports/:id/focus: what a committed import brought, drawable on any graph size — the `limit` actors it
 * wrote that have the most ties (else, for a table of ties between stored actors, the ends of its ties), with their
 * degree and every tie among them. `fresh` names the actors and ties this import wrote last (the rest is context);
 * `written.actors` counts every actor it wrote last, shown or not.
 */
export const ImportFocus = z.object({
  nodes: z.array(OverviewNode),
  edges: z.array(CompactEdge),
  fresh: z.object({ actors: z.array(z.string()), relationships: z.array(z.string()) }),
  written: z.object({ actors: z.number().int() }),
});
export type ImportFocus = z.infer<typeof ImportFocus>;

export const ImportList = z.object({ imports: z.array(ChangeSetInfo) });
export type ImportList = z.infer<typeof ImportList>;

export const ImportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(60).optional(),
});
// ---- From article to graph (issue 13): POST /api/extract, POST /api/extract/:id/accept ----

/** Characters of article text the extractor reads at most (a long report: split it). */
export const EXTRACT_MAX_CHARS = 150_000;
/** Bytes of an uploaded file at most (sent in base64 within the API's 5 MB JSON bodies). */
export const EXTRACT_MAX_FILE_BYTES = 3_500_000;

/** What the user says of the article: metadata only, the server fetches nothing. */
export const ExtractSource = z
  .object({
    title: Text(300),
    publisher: Text(200).optional(),
    date: PartialDate.optional(),
    url: z.url().optional(),
  })
  .strict();
export type ExtractSource = z.infer<typeof ExtractSource>;

export const ExtractRequest = z
  .object({
    text: z.string().max(EXTRACT_MAX_CHARS, `must be at most ${EXTRACT_MAX_CHARS} characters: split the document`).optional(),
    /** A .txt, .html or .pdf file, its bytes in base64. */
    file: z
      .object({
        name: z.string().trim().min(1).max(300).regex(/\.(txt|html?|pdf)$/i, 'must be a .txt, .html or .pdf file'),
        content: z.string().max(Math.ceil((EXTRACT_MAX_FILE_BYTES * 4) / 3) + 4, `the file must be at most ${EXTRACT_MAX_FILE_BYTES / 1e6} MB`),
      })
      .strict()
      .optional(),
    source: ExtractSource,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.text?.trim() && !r.file) ctx.addIssue({ code: 'custom', path: ['text'], message: 'paste the article text or send a file' });
    if (r.text?.trim() && r.file) ctx.addIssue({ code: 'custom', path: ['file'], message: 'send the text or a file, not both' });
  });
export type ExtractRequest = z.infer<typeof ExtractRequest>;

const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const ExtractActor = z.object({
  /** `db:<id>` for an actor the graph holds, `new:<folded name>` otherwise. */
  key: z.string(),
  name: z.string(),
  kind: ActorKind,
  /** The kind comes from the text (head noun, title, given name), not a default. */
  kindFromText: z.boolean(),
  existing: z.object({ id: z.string(), name: z.string(), kind: ActorKind }).optional(),
  aliases: z.array(z.string()),
  mentions: z.array(Span.extend({ text: z.string() })),
  confidence: z.number(),
});
export type ExtractActor = z.infer<typeof ExtractActor>;

export const ExtractTie = z.object({
  id: z.string(),
  type: RelType,
  from: z.string(),
  to: z.string(),
  sentence: z.string(),
  /** Offsets of the sentence in `text`. */
  start: z.number().int(),
  end: z.number().int(),
  amount: z.number().optional(),
  amountText: z.string().optional(),
  /** How a derived amount was computed ("un tiers de 34 000 000 €"). */
  derived: z.string().optional(),
  date: z.string().optional(),
  status: RelStatus,
  confidence: z.number(),
  rule: z.string(),
  /** The graph already holds this tie (type and ends): accepting adds this evidence to it. */
  exists: z.boolean().optional(),
});
export type ExtractTie = z.infer<typeof ExtractTie>;

export const ExtractResponse = z.object({
  id: z.string(),
  /** The same text was sent before: this is that extraction, its candidates read again with today's graph. */
  reused: z.boolean(),
  createdAt: z.string(),
  source: ExtractSource,
  text: z.string(),
  actors: z.array(ExtractActor),
  relationships: z.array(ExtractTie),
  /** Candidates rejected earlier for this text, not proposed again. */
  rejected: z.number().int(),
  /** Set once the reviewed selection has been saved. */
  accepted: z.object({ changeSet: z.string(), at: z.string(), source: z.string() }).optional(),
});
export type ExtractResponse = z.infer<typeof ExtractResponse>;

export const AcceptActor = z.discriminatedUnion('action', [
  /** The candidate is this actor of the graph. */
  z.object({ key: z.string().min(1), action: z.literal('link'), id: Slug }).strict(),
  /** A new actor; its id is made from the name. */
  z.object({ key: z.string().min(1), action: z.literal('create'), name: Text(200), kind: ActorKind, aliases: z.array(Text(200)).max(50).default([]) }).strict(),
]);
export type AcceptActor = z.infer<typeof AcceptActor>;

export const AcceptTie = z
  .object({
    /** The candidate it comes from (r3), if any: its signature is remembered. */
    candidate: z.string().max(40).optional(),
    type: RelType,
    /** Actor keys: a candidate's key (resolved by `actors`) or `db:<id>`. */
    from: z.string().min(1),
    to: z.string().min(1),
    /** The excerpt: these offsets in the extraction's text (the sentence, or a part of it). */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    amount: z.number().positive().finite().optional(),
    date: PartialDate.optional(),
    status: RelStatus.default('effective'),
  })
  .strict()
  .refine((t) => t.end > t.start, { path: ['end'], message: 'must be after start' })
  .refine((t) => t.from !== t.to, { path: ['to'], message: 'a tie joins two different actors' });
export type AcceptTie = z.infer<typeof AcceptTie>;

export const AcceptRequest = z
  .object({
    actors: z.array(AcceptActor).max(2000).default([]),
    relationships: z.array(AcceptTie).max(2000).default([]),
    /** Candidate ids (r5…) rejected: never proposed again for this text. */
    rejected: z.array(z.string().max(40)).max(5000).default([]),
  })
  .strict();
export type AcceptRequest = z.infer<typeof AcceptRequest>;

export const AcceptResponse = z.object({
  /** Absent when only rejections were sent (nothing written to the graph). */
  changeSet: z.string().optional(),
  source: z.string().optional(),
  actors: z.object({ created: z.array(z.string()), linked: z.array(z.string()) }),
  relationships: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
  rejected: z.number().int(),
});
export type AcceptResponse = z.infer<typeof AcceptResponse>;
// ---- Duplicate candidates and judgements (issue 12) ----

export const DUPLICATE_VERDICTS = ['same', 'different', 'unsure'] as const;
export const DuplicateVerdict = z.enum(DUPLICATE_VERDICTS);
export type DuplicateVerdict = z.infer<typeof DuplicateVerdict>;

/** open: not judged yet, or judged unsure (the default); same: judged one actor, waiting for a merge; different: never proposed again. */
export const DuplicatesQuery = z.object({
  status: z.enum(['open', 'same', 'unsure', 'different', 'all']).default('open'),
  /** Only the pairs this actor is part of. */
  actor: Slug.optional(),
  minScore: z.coerce.number().min(0).max(1).default(0.45),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DuplicatesQuery = z.infer<typeof DuplicatesQuery>;

export const DuplicateJudgement = z.object({
  a: Slug,
  b: Slug,
  verdict: DuplicateVerdict,
  by: z.string(),
  at: z.string(),
  note: z.string().optional(),
});
export type DuplicateJudgement = z.infer<typeof DuplicateJudgement>;

export const JudgementRequest = z
  .object({ a: Slug, b: Slug, verdict: DuplicateVerdict, note: Text(400).optional() })
  .strict()
  .refine((j) => j.a !== j.b, { path: ['b'], message: 'must differ from a' });
export type JudgementRequest = z.infer<typeof JudgementRequest>;

export const DuplicateCandidate = z.object({
  a: GraphNode,
  b: GraphNode,
  /** 0–1: how likely the two are one actor (same name ≈ 0.97, sigle ≈ 0.8, close spelling 0.55–0.9). */
  score: z.number(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  judgement: DuplicateJudgement.optional(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** Candidates are computed per graph version in a worker thread: `status` says whether these are the current ones. */
export const DuplicatesResponse = z.object({
  ...BackgroundState.shape,
  candidates: z.array(DuplicateCandidate),
  /** Candidates matching the query before paging. */
  total: z.number().int(),
});
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

// ---- Editing with a source, merges, history (issue 12) ----

/** A source picked by id, or a new one described by the editor (its id is made from the title and date). */
export const SourceChoice = z.union([
  z.object({ id: Slug }).strict(),
  Source.omit({ id: true, language: true }).extend({ language: Source.shape.language.default('fr') }).strict(),
]);
export type SourceChoice = z.infer<typeof SourceChoice>;

/**
 * Why a change is made: a source (and the passage that says so), or, without one, an explicit reason
 * ("correction sans source : …"), so that no one is pushed to invent a reference.
 */
export const Provenance = z
  .object({
    source: SourceChoice.optional(),
    excerpt: Text(TEXT_MAX.excerpt).optional(),
    reason: Text(400).optional(),
  })
  .strict()
  .refine((p) => p.source !== undefined || p.reason !== undefined, { path: ['reason'], message: 'give a source, or a reason for a change without one' })
  .meta({ anyOf: [{ required: ['source'] }, { required: ['reason'] }] });
export type Provenance = z.infer<typeof Provenance>;

const ActorFields = Actor.omit({ id: true, mergedIds: true });

export const ActorCreateRequest = z
  .object({ actor: ActorFields.extend({ id: Slug.optional() }), provenance: Provenance })
  .strict();
export type ActorCreateRequest = z.infer<typeof ActorCreateRequest>;

/** Optional fields set to null are cleared. */
export const ActorPatchRequest = z
  .object({
    /** The `version` read with the actor (GET /api/actors/:id). */
    version: z.string().min(1),
    changes: z
      .object({
        name: ActorFields.shape.name.optional(),
        aliases: z.array(Text(TEXT_MAX.alias)).optional(),
        kind: ActorKind.optional(),
        description: Text(TEXT_MAX.description).nullable().optional(),
        territory: Text(TEXT_MAX.territory).nullable().optional(),
      })
      .strict()
      .refine((c) => Object.keys(c).length > 0, 'change at least one field'),
    provenance: Provenance,
  })
  .strict();
export type ActorPatchRequest = z.infer<typeof ActorPatchRequest>;

export const DeleteRequest = z.object({ version: z.string().min(1), provenance: Provenance }).strict();
export type DeleteRequest = z.infer<typeof DeleteRequest>;

/** A new tie needs evidence: a source and the excerpt that states it (every edge is sourced). */
const EvidenceProvenance = z
  .object({ source: SourceChoice, excerpt: Text(TEXT_MAX.excerpt), reason: Text(400).optional() })
  .strict();

export const RelationshipCreateRequest = z
  .object({
    relationship: z
      .object({
        type: RelType,
        source: Slug,
        target: Slug,
        amount: z.number().positive().finite().optional(),
        date: PartialDate.optional(),
        status: RelStatus.default('effective'),
        role: Text(TEXT_MAX.role).optional(),
        note: Text(TEXT_MAX.note).optional(),
      })
      .strict()
      .refine((r) => r.source !== r.target, { path: ['target'], message: 'an actor cannot be related to itself' }),
    provenance: EvidenceProvenance,
  })
  .strict();
export type RelationshipCreateRequest = z.infer<typeof RelationshipCreateRequest>;

export const RelationshipPatchRequest = z
  .object({
    version: z.string().min(1),
    changes: z
      .object({
        type: RelType.optional(),
        source: Slug.optional(),
        target: Slug.optional(),
        amount: z.number().positive().finite().nullable().optional(),
        date: PartialDate.nullable().optional(),
        status: RelStatus.optional(),
        role: Text(TEXT_MAX.role).nullable().optional(),
        note: Text(TEXT_MAX.note).nullable().optional(),
      })
      .strict()
      .refine((c) => Object.keys(c).length > 0, 'change at least one field'),
    provenance: Provenance,
  })
  .strict();
export type RelationshipPatchRequest = z.infer<typeof RelationshipPatchRequest>;

/** New evidence for a tie; with an amount or date that differs from the tie's, it becomes a conflicting claim. */
export const EvidenceRequest = z
  .object({
    version: z.string().min(1),
    source: SourceChoice,
    excerpt: Text(TEXT_MAX.excerpt),
    amount: z.number().positive().finite().optional(),
    date: PartialDate.optional(),
  })
  .strict();
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;

export const RelationshipTypeQuery = z.object({ type: RelType.optional() });

/** DELETE /api/relationships/:id/evidence/:index: which piece of the tie's evidence (0-based, as GET lists them). */
export const EvidenceIndexParams = RelationshipIdParams.extend({ index: z.coerce.number().int().min(0).max(100_000) });
export type EvidenceIndexParams = z.infer<typeof EvidenceIndexParams>;

/** What an edit answers: the element as it now is, its new version, and the change set that recorded it. */
export const EditResult = z.object({
  changeSet: z.string(),
  version: z.string().optional(),
  actor: GraphNode.optional(),
  relationship: GraphEdge.optional(),
  /** Set when the edit added a conflicting claim instead of overwriting (another source says otherwise). */
  claimAdded: z.boolean().optional(),
});
export type EditResult = z.infer<typeof EditResult>;

export const MERGE_FIELDS = ['name', 'kind', 'description', 'territory'] as const;

export const MergeRequest = z
  .object({
    /** The actor merged into this one (it disappears; its id keeps resolving to this one). */
    other: Slug,
    /** true: only say what would happen. */
    preview: z.boolean().default(false),
    /** For each field both actors fill differently: keep this actor's value or take the other's (default: this one's). */
    choose: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'other'])).default({}),
    /** The versions read with the preview; a stale one gets 409. */
    versions: z.object({ survivor: z.string(), other: z.string() }).strict().optional(),
    provenance: Provenance.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!m.preview && !m.versions) ctx.addIssue({ code: 'custom', path: ['versions'], message: 'a merge needs the versions its preview gave' });
    if (!m.preview && !m.provenance) ctx.addIssue({ code: 'custom', path: ['provenance'], message: 'a merge needs a source or a reason' });
  });
export type MergeRequest = z.infer<typeof MergeRequest>;

export const MergePreview = z.object({
  survivor: GraphNode,
  other: GraphNode,
  versions: z.object({ survivor: z.string(), other: z.string() }),
  /** Ties of the other actor that move to the survivor (ids kept). */
  moved: z.array(GraphEdge),
  /** Ties between the two, removed (an actor cannot be tied to itself). */
  dropped: z.array(GraphEdge),
  /** Moved ties that will run parallel to one the survivor already has (same type, same other end): review them after. */
  parallel: z.array(z.string()),
  evidence: z.object({ items: z.number().int(), sources: z.array(z.string()) }),
  /** Names the survivor gains as aliases. */
  aliases: z.array(z.string()),
  /** Fields both fill differently: pick one in `choose`. */
  conflicts: z.array(z.object({ field: z.enum(MERGE_FIELDS), survivor: z.string(), other: z.string() })),
  result: GraphNode,
});
export type MergePreview = z.infer<typeof MergePreview>;

export const ChangesQuery = z.object({
  actor: Slug.optional(),
  user: z.string().min(1).max(64).optional(),
  kind: ChangeSetKind.optional(),
  /** ISO date or date-time: change sets created at or after / before it. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date').optional(),
  /** Paging: change sets older than this id. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const ChangeSetIdParams = z.object({ id: z.string().regex(/^cs-[A-Za-z0-9-]+$/, 'must be a change set id (cs-…)').max(100) });

export const ChangeEntry = z.object({
  entity: z.enum(['source', 'actor', 'relationship']),
  key: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  type: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeEntry = z.infer<typeof ChangeEntry>;

export const ChangeSetEntry = ChangeSetInfo.extend({
  /** What it did (small change sets; for an actor's history, only what concerns the actor and its ties). */
  changes: z.array(ChangeEntry),
  /** More changes than listed. */
  moreChanges: z.boolean(),
});
export type ChangeSetEntry = z.infer<typeof ChangeSetEntry>;

export const ChangesResponse = z.object({ changeSets: z.array(ChangeSetEntry), next: z.string().nullable() });
export type ChangesResponse = z.infer<typeof ChangesResponse>;
