// The only module that calls fetch: typed calls to the Maillage API, errors as ApiRequestError.
import type { InputRow, TableInfo } from '../server/import/read/types';
import type {
  AcceptRequest,
  AcceptResponse,
  ActorDetail,
  ExtractRequest,
  ExtractResponse,
  ImportFocus,
  ImportReportSchema,
  ImportStatus,
  CypherExample,
  CypherResponse,
  ElementsPage,
  ExportFormat,
  FundingResponse,
  Graph,
  GraphNode,
  GraphLayout,
  GraphStats,
  MetricsPage,
  MetricSort,
  OverviewResponse,
  PathsResponse,
  RelationshipDetail,
  RelType,
  SessionInfo,
  Source,
  ActorCreateRequest,
  ActorPatchRequest,
  ChangesResponse,
  DeleteRequest,
  DuplicatesResponse,
  DuplicateVerdict,
  EditResult,
  EvidenceRequest,
  MergePreview,
  RelationshipCreateRequest,
  RelationshipPatchRequest,
  ChangeSetInfo,
} from '../model/schema';

/** An API error as the server reports it: { error: { name, message, details } }. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly details: unknown;
  constructor(name: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = name;
    this.status = status;
    this.details = details;
  }
}

/** The CSRF token of this browser's session (GET /api/session), sent on every write; asked again when the server refuses it. */
let csrf: Promise<string> | undefined;
const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

async function send(path: string, init: RequestInit | undefined, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body sets its own multipart Content-Type (with the boundary).
  if (init?.body && !(init.body instanceof FormData)) headers['Content-Type'] = 'application/json';
  if (token) headers['X-CSRF-Token'] = token;
  try {
    return await fetch(path, { ...init, headers: { ...headers, ...(init?.headers as Record<string, string> | undefined) }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiRequestError('NetworkError', `le serveur Maillage ne répond pas (${(e as Error).message})`, 0);
  }
}

async function call<T>(path: string, init?: RequestInit, seen?: (res: Response) => void): Promise<T> {
  const write = WRITE.has((init?.method ?? 'GET').toUpperCase());
  let res = await send(path, init, write ? await csrfToken() : undefined);
  seen?.(res);
  let body = (await res.json().catch(() => null)) as { error?: { name: string; message: string; details?: unknown } } | null;
  // The server's CSRF secret changes when it restarts: ask for a fresh token once and retry.
  if (write && res.status === 403 && body?.error?.name === 'CsrfTokenInvalid') {
    csrf = undefined;
    res = await send(path, init, await csrfToken());
    body = (await res.json().catch(() => null)) as typeof body;
  }
  if (!res.ok) {
    const err = body?.error;
    throw new ApiRequestError(err?.name ?? 'HttpError', err?.message ?? `HTTP ${res.status}`, res.status, err?.details);
  }
  return body as T;
}

async function csrfToken(): Promise<string> {
  csrf ??= session().then((s) => s.csrfToken);
  return csrf.catch((e: unknown) => { csrf = undefined; throw e; });
}

/** Who this browser is (local admin, an account, anonymous), whether writes need a sign-in, and the CSRF token. */
export async function session(): Promise<SessionInfo> {
  const res = await send('/api/session', undefined, undefined);
  const body = (await res.json().catch(() => null)) as SessionInfo | null;
  if (!res.ok || !body) throw new ApiRequestError('HttpError', `HTTP ${res.status}`, res.status);
  csrf = Promise.resolve(body.csrfToken);
  return body;
}

/** Signs in; the session cookie is HttpOnly, the answer carries the new CSRF token. */
export const login = async (name: string, password: string): Promise<SessionInfo> => {
  const s = await call<SessionInfo>('/api/session', { method: 'POST', body: JSON.stringify({ name, password }) });
  csrf = Promise.resolve(s.csrfToken);
  return s;
};
export const logout = async (): Promise<SessionInfo> => {
  const s = await call<SessionInfo>('/api/session', { method: 'DELETE' });
  csrf = Promise.resolve(s.csrfToken);
  return s;
};

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const health = () => call<{ status: string; neo4j: string }>('/api/health');
/** The whole graph with evidence; `max`: refused (413 GraphTooLarge) past that many actors + relationships. */
export const graph = async (max?: number): Promise<Graph & { version?: number }> => {
  // The graph version it is of (X-Graph-Version): the server's positions (layout()) are drawn only for that version.
  let version: number | undefined;
  const g = await call<Graph>(`/api/graph${max ? `?${qs({ max })}` : ''}`, undefined, (res) => {
    const v = Number(res.headers.get('X-Graph-Version') ?? Number.NaN);
    if (Number.isInteger(v)) version = v;
  });
  return version === undefined ? g : Object.assign(g, { version });
};
/** The whole network's positions as the server laid them out for its current graph version, or why there are none. */
export const layout = () => call<GraphLayout>('/api/graph/layout');
export const sources = () => call<{ sources: Source[] }>('/api/sources');
/** Candidate actors and ties of an article (nothing is written to the graph). */
export const extractArticle = (body: ExtractRequest) => call<ExtractResponse>('/api/extract', { method: 'POST', body: JSON.stringify(body) });
/** Saves the reviewed selection as one change set. */
export const acceptExtraction = (id: string, body: AcceptRequest) =>
  call<AcceptResponse>(`/api/extract/${encodeURIComponent(id)}/accept`, { method: 'POST', body: JSON.stringify(body) });
export const searchActors = (q: string, limit = 12) => call<{ actors: GraphNode[] }>(`/api/actors?${qs({ q, limit })}`);
/** An actor with at most `limit` ties per type and direction (the server's default when absent), each counted. */
export const actor = (id: string, limit?: number) => call<ActorDetail>(`/api/actors/${encodeURIComponent(id)}${limit ? `?${qs({ limit })}` : ''}`);
export const neighborhood = (id: string, opts: { depth?: number; types?: RelType[]; limit?: number } = {}) =>
  call<Graph & { truncated: boolean }>(
    `/api/actors/${encodeURIComponent(id)}/neighborhood?${qs({ depth: opts.depth, types: opts.types?.join(','), limit: opts.limit })}`,
  );

/**
 * The filters the large-graph routes apply in Cypher (docs/design.md §3), as the client holds them: lists of
 * what is kept (absent = all), the "as of" year, the FUNDS amount range, isolated actors dropped.
 */
export interface ServerFilters {
  kinds?: string[];
  types?: string[];
  statuses?: string[];
  year?: number;
  amountMin?: number;
  amountMax?: number;
  hideIsolated?: boolean;
}
const filterParams = (f: ServerFilters) => ({
  kinds: f.kinds?.join(','), types: f.types?.join(','), statuses: f.statuses?.join(','),
  year: f.year, amountMin: f.amountMin, amountMax: f.amountMax, hideIsolated: f.hideIsolated ? 'true' : undefined,
});

/** Counts of the whole graph: the client decides from them to open it whole or on its overview. */
export const stats = () => call<GraphStats>('/api/graph/stats');
/** The `limit` most central actors passing the filters and the ties among them (ties without evidence). */
export const overview = (f: ServerFilters, limit?: number) => call<OverviewResponse>(`/api/graph/overview?${qs({ ...filterParams(f), limit })}`);
/** One page of the filtered network (compact), actors first; pass `next` back as `cursor` until it is null. */
export const elements = (f: ServerFilters, cursor?: string, size?: number) => call<ElementsPage>(`/api/graph/elements?${qs({ ...filterParams(f), cursor, size })}`);
/** One tie with its evidence and the sources it cites (large views draw ties without evidence). */
export const relationship = (id: string, type?: RelType) => call<RelationshipDetail>(`/api/relationships/${encodeURIComponent(id)}?${qs({ type })}`);

export const cypherExamples = async (): Promise<CypherExample[]> =>
  (await call<{ examples: CypherExample[] }>('/api/cypher/examples')).examples;
export const runCypher = (query: string, params: Record<string, unknown> = {}) =>
  call<CypherResponse>('/api/cypher', { method: 'POST', body: JSON.stringify({ query, params }) });

export interface MetricsAsk {
  sort?: MetricSort;
  limit?: number;
  offset?: number;
  /** Only these actors (at most METRICS_IDS_MAX), still ranked by `sort`. */
  ids?: string[];
}
/**
 * One page of a key-actor ranking (GET /api/metrics), asking again while the server computes the first
 * figures of the graph (status computing); stale figures (an older version's, while new ones compute) are
 * answered as they are, with their status.
 */
export async function metricsPage(ask: MetricsAsk = {}): Promise<MetricsPage> {
  for (let wait = 300; ; wait = Math.min(wait * 2, 3000)) {
    const page = await call<MetricsPage>(`/api/metrics?${qs({ sort: ask.sort, limit: ask.limit, offset: ask.offset, ids: ask.ids?.join(',') })}`);
    if (page.status !== 'computing') {
      if (page.status === 'failed' && !page.parameters) throw new ApiRequestError('MetricsFailed', page.error ?? 'le calcul des indicateurs a échoué', 500);
      return page;
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}
/** A download link for the whole graph (the browser fetches it, so no fetch here). */
export const exportUrl = (format: ExportFormat, part?: 'nodes' | 'edges') => `/api/export?${qs({ format, part })}`;

/** Paths between two actors, shortest first (issue 3). */
export const paths = (from: string, to: string, opts: { types?: RelType[]; maxDepth?: number; limit?: number } = {}) =>
  call<PathsResponse>(`/api/paths?${qs({ from, to, types: opts.types?.join(','), maxDepth: opts.maxDepth, limit: opts.limit })}`);
/** FUNDS chains reaching (upstream) or leaving (downstream) an actor, with totals per far end. */
export const funding = (id: string, opts: { direction: 'upstream' | 'downstream'; maxDepth?: number; respectDates?: boolean }) =>
  call<FundingResponse & { truncated: boolean }>(
    `/api/actors/${encodeURIComponent(id)}/funding?${qs({ direction: opts.direction, maxDepth: opts.maxDepth, respectDates: opts.respectDates === undefined ? undefined : String(opts.respectDates) })}`,
  );

// ---- Curation (issue 12): every write is one change set, with a source or a reason ----

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const rid = (id: string) => encodeURIComponent(id);

export const createActor = (body: ActorCreateRequest) => call<EditResult>('/api/actors', json('POST', body));
export const patchActor = (id: string, body: ActorPatchRequest) => call<EditResult>(`/api/actors/${rid(id)}`, json('PATCH', body));
export const deleteActor = (id: string, body: DeleteRequest) => call<EditResult>(`/api/actors/${rid(id)}`, json('DELETE', body));
export const createRelationship = (body: RelationshipCreateRequest) => call<EditResult>('/api/relationships', json('POST', body));
export const patchRelationship = (id: string, body: RelationshipPatchRequest) => call<EditResult>(`/api/relationships/${rid(id)}`, json('PATCH', body));
export const deleteRelationship = (id: string, body: DeleteRequest) => call<EditResult>(`/api/relationships/${rid(id)}`, json('DELETE', body));
export const addEvidence = (id: string, body: EvidenceRequest) => call<EditResult>(`/api/relationships/${rid(id)}/evidence`, json('POST', body));
/** Removes one piece of a tie's evidence (its index as listed); the server refuses the last one. */
export const removeEvidence = (id: string, index: number, body: DeleteRequest) => call<EditResult>(`/api/relationships/${rid(id)}/evidence/${index}`, json('DELETE', body));
export const mergePreview = (id: string, other: string) => call<MergePreview>(`/api/actors/${rid(id)}/merge`, json('POST', { other, preview: true }));
export const merge = (id: string, body: { other: string; versions: MergePreview['versions']; choose: Record<string, 'survivor' | 'other'>; provenance: { reason: string } }) =>
  call<EditResult>(`/api/actors/${rid(id)}/merge`, json('POST', body));
export const duplicates = (opts: { status?: string; actor?: string; limit?: number } = {}) =>
  call<DuplicatesResponse>(`/api/duplicates?${qs({ status: opts.status, actor: opts.actor, limit: opts.limit })}`);
export const judge = (a: string, b: string, verdict: DuplicateVerdict) => call<unknown>('/api/duplicates/judgements', json('POST', { a, b, verdict }));
export const changes = (opts: { actor?: string; user?: string; kind?: string; before?: string; limit?: number } = {}) =>
  call<ChangesResponse>(`/api/changes?${qs(opts)}`);
export const revert = (cs: string) => call<{ changeSet: ChangeSetInfo; version: number }>(`/api/changes/${rid(cs)}/revert`, { method: 'POST' });

// ---- Import (issue 9): preview, commit, progress, undo (docs/design.md §2) ----

/** The preview report (model/schema.ts ImportReportSchema), its files' tables and first rows typed as the reader writes them. */
export type ImportReport = Omit<ImportReportSchema, 'files'> & {
  files: (Omit<ImportReportSchema['files'][number], 'tables' | 'sample'> & { tables?: TableInfo[]; sample?: InputRow[] })[];
};

/** Uploads files for a preview (nothing written). A refusal (400 ImportRefused) is a report too, with refused: true. */
export async function previewImport(files: File[], fields: Record<string, string>): Promise<{ report: ImportReport; refused: boolean }> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append('files', f, f.name);
  try {
    return { report: await call<ImportReport>('/api/imports', { method: 'POST', body }), refused: false };
  } catch (e) {
    const report = (e as ApiRequestError).details as { report?: ImportReport } | undefined;
    if (e instanceof ApiRequestError && e.name === 'ImportRefused' && report?.report) return { report: report.report, refused: true };
    throw e;
  }
}
export const commitImport = (id: string) => call<ImportStatus>(`/api/imports/${encodeURIComponent(id)}/commit`, { method: 'POST' });
export const importStatus = (id: string) => call<ImportStatus>(`/api/imports/${encodeURIComponent(id)}`);
/** What a committed import brought: its most tied actors (`limit`) and the ties among them, at any graph size. */
export const importFocus = (id: string, limit?: number) => call<ImportFocus>(`/api/imports/${encodeURIComponent(id)}/focus?${qs({ limit })}`);
/** Undoes a committed import, or drops a preview with its uploaded files. */
export const undoImport = (id: string) => call<ImportStatus>(`/api/imports/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const discardImport = undoImport;
