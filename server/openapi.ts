// The API's description: one registry of every route with its zod schemas → OpenAPI 3.1 (by zod-openapi).
// A new route adds its entry here; tests/server/openapi.test.ts fails until it does.
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  ActorDetail, ActorDetailQuery, ActorIdParams, ActorSearchQuery, ApiError, CypherExamples, CypherRequest, CypherResponse, Dataset,
  ElementsPage, ElementsQuery, GraphLayout, ExportQuery, FundingQuery, FundingResponse, Graph, GraphNode, GraphQuery, GraphStats, LoginRequest,
  MetricsPage, MetricsQuery, NeighborhoodQuery, OverviewQuery, OverviewResponse, PathsQuery, PathsResponse, RelationshipDetail,
  RelationshipIdParams, RelationshipQuery, SessionInfo, Source, UserCreate, UserInfo, UserNameParams, UserUpdate,
  AcceptRequest, AcceptResponse, DuplicateJudgement, DuplicatesQuery, DuplicatesResponse, ExtractRequest, ExtractResponse,
  ImportTemplateQuery, JudgementRequest,
  ActorCreateRequest, ActorPatchRequest, ChangeSetIdParams, ChangeSetInfo, ChangesQuery, ChangesResponse, DeleteRequest, EditResult,
  EvidenceIndexParams, EvidenceRequest, ImportFocus, ImportFocusQuery, ImportIdParams, ImportList, ImportListQuery, ImportReportSchema, ImportStatus, MergePreview, MergeRequest,
  RelationshipCreateRequest, RelationshipPatchRequest, RelationshipTypeQuery,
} from '../model/schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One route: Express path (`/api/actors/:id`), its inputs and its answers. */
export interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body's media type (default application/json). */
  bodyType?: string;
  /** The success answer: a JSON schema, or other media types with their body schema. */
  ok: { status?: 200 | 201 | 202 | 204; description: string; json?: z.ZodType; media?: Record<string, z.ZodType>; also?: (200 | 201)[] };
  /** Statuses this route answers besides the ones every route may (400, 401, 403, 404, 429, 503). */
  errors?: number[];
  /** OpenAPI links from the success answer to the routes that take what it created (ids by JSON pointer). */
  links?: Record<string, Link>;
}

/** A follow-up route (by operationId) and where its parameters come from in this answer. */
interface Link { operationId: string; parameters: Record<string, string> }

// What a creation answers leads to the routes that read, change or undo it: clients (and the fuzzer in
// .ci/run, whose stateful phase follows links) reach the edit routes with real ids instead of random ones.
const CHANGE_SET = { id: '$response.body#/changeSet' };
const ACTOR = { id: '$response.body#/actor/id' };
const TIE = { id: '$response.body#/relationship/id' };
const TYPED_TIE = { ...TIE, type: '$response.body#/relationship/type' };
const ACTOR_LINKS: Record<string, Link> = {
  GetActor: { operationId: 'getActorsId', parameters: ACTOR },
  PatchActor: { operationId: 'patchActorsId', parameters: ACTOR },
  DeleteActor: { operationId: 'deleteActorsId', parameters: ACTOR },
  MergeIntoActor: { operationId: 'postActorsIdMerge', parameters: ACTOR },
  RevertChange: { operationId: 'postChangesIdRevert', parameters: CHANGE_SET },
};
const TIE_LINKS: Record<string, Link> = {
  GetRelationship: { operationId: 'getRelationshipsId', parameters: TIE },
  PatchRelationship: { operationId: 'patchRelationshipsId', parameters: TYPED_TIE },
  DeleteRelationship: { operationId: 'deleteRelationshipsId', parameters: TYPED_TIE },
  AddEvidence: { operationId: 'postRelationshipsIdEvidence', parameters: TYPED_TIE },
  RemoveEvidence: { operationId: 'deleteRelationshipsIdEvidenceIndex', parameters: TYPED_TIE },
  RevertChange: { operationId: 'postChangesIdRevert', parameters: CHANGE_SET },
};
const IMPORT_LINKS: Record<string, Link> = {
  GetImport: { operationId: 'getImportsId', parameters: { id: '$response.body#/importId' } },
  CommitImport: { operationId: 'postImportsIdCommit', parameters: { id: '$response.body#/importId' } },
  DropImport: { operationId: 'deleteImportsId', parameters: { id: '$response.body#/importId' } },
};

const Health = z.object({ status: z.enum(['ok', 'starting', 'degraded']), neo4j: z.enum(['up', 'down']) });
const Sources = z.object({ sources: z.array(Source) });
const Actors = z.object({ actors: z.array(GraphNode) });
const Users = z.object({ users: z.array(UserInfo) });
const User = z.object({ user: UserInfo });
const Neighborhood = Graph.extend({ truncated: z.boolean() });
const Text = z.string();
const ExtractIdParams = z.object({ id: z.string().min(1) });
const Judgement = z.object({ judgement: DuplicateJudgement });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ImportPreview = ImportReportSchema.extend({ importId: z.string().nullable() });
const Reverted = z.object({ changeSet: ChangeSetInfo, version: z.number() });
/** Multipart upload: the files, and the import's options as text fields. */
const ImportUpload = z.object({ files: z.array(z.string().meta({ format: 'binary' })) }).catchall(z.string());

/** Every route of the API. Keep in the order of server/app.ts. */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/health', tag: 'service', summary: 'Is the API up, can it reach Neo4j, is start-up done? 503 (with the same body) while not.',
    ok: { description: 'up', json: Health } },
  { method: 'get', path: '/api/openapi.json', tag: 'service', summary: 'This description (OpenAPI 3.1).',
    ok: { description: 'the OpenAPI document', json: z.record(z.string(), z.unknown()) } },
  { method: 'get', path: '/api/docs', tag: 'service', summary: 'This description as a readable page.',
    ok: { description: 'an HTML page', media: { 'text/html': Text } } },

  { method: 'get', path: '/api/session', tag: 'accounts', summary: 'Who the request is signed in as, and the CSRF token for writes.',
    ok: { description: 'the session', json: SessionInfo } },
  { method: 'post', path: '/api/session', tag: 'accounts', summary: 'Sign in (sets the session cookie).', body: LoginRequest,
    ok: { description: 'signed in', json: SessionInfo } },
  { method: 'delete', path: '/api/session', tag: 'accounts', summary: 'Sign out.',
    ok: { description: 'signed out', json: SessionInfo } },
  { method: 'get', path: '/api/users', tag: 'accounts', summary: 'Accounts (admin).', ok: { description: 'the accounts', json: Users } },
  { method: 'post', path: '/api/users', tag: 'accounts', summary: 'Create an account (admin).', body: UserCreate,
    ok: { status: 201, description: 'created', json: User }, errors: [409] },
  { method: 'patch', path: '/api/users/:name', tag: 'accounts', summary: "Change an account's role or password.", params: UserNameParams, body: UserUpdate,
    ok: { description: 'changed', json: User }, errors: [409] },
  { method: 'delete', path: '/api/users/:name', tag: 'accounts', summary: 'Remove an account (admin).', params: UserNameParams,
    ok: { status: 204, description: 'removed' }, errors: [409] },

  { method: 'get', path: '/api/graph', tag: 'graph', summary: 'The whole graph with evidence (413 past the size limit, or past `max`).', query: GraphQuery,
    ok: { description: 'the graph payload', json: Graph }, errors: [413] },
  { method: 'get', path: '/api/graph/stats', tag: 'graph', summary: 'Counts, vocabulary in use, years and amounts, for banners and filters.',
    ok: { description: 'the counts', json: GraphStats } },
  { method: 'get', path: '/api/graph/overview', tag: 'graph', summary: 'The most central actors and the ties among them, filtered.', query: OverviewQuery,
    ok: { description: 'an overview', json: OverviewResponse } },
  { method: 'get', path: '/api/graph/elements', tag: 'graph', summary: 'The whole (filtered) network by compact pages.', query: ElementsQuery,
    ok: { description: 'one page', json: ElementsPage }, errors: [409, 413] },
  { method: 'get', path: '/api/graph/layout', tag: 'graph',
    summary: 'Positions of the whole, unfiltered network, laid out once per graph version by the server (or why not: computing, too large, failed).',
    ok: { description: 'the positions, with the graph version they are of; or a status saying the page lays out itself', json: GraphLayout } },
  { method: 'get', path: '/api/sources', tag: 'graph', summary: 'The documents evidence cites.', ok: { description: 'the sources', json: Sources } },
  { method: 'get', path: '/api/relationships/:id', tag: 'graph', summary: 'One relationship with its evidence and ends.',
    params: RelationshipIdParams, query: RelationshipQuery, ok: { description: 'the relationship', json: RelationshipDetail }, errors: [409] },

  { method: 'get', path: '/api/actors', tag: 'actors', summary: 'Search actors by name or alias (accents and case ignored, fuzzy fallback).', query: ActorSearchQuery,
    ok: { description: 'matching actors', json: Actors } },
  { method: 'get', path: '/api/actors/:id', tag: 'actors', summary: 'One actor, its relationships with evidence (at most `limit` per type and direction, with the counts), and the sources cited.', params: ActorIdParams, query: ActorDetailQuery,
    ok: { description: 'the actor', json: ActorDetail } },
  { method: 'get', path: '/api/actors/:id/neighborhood', tag: 'actors', summary: 'The actors within `depth` ties.', params: ActorIdParams, query: NeighborhoodQuery,
    ok: { description: 'the neighbourhood', json: Neighborhood } },
  { method: 'get', path: '/api/actors/:id/funding', tag: 'actors', summary: 'Funding chains upstream or downstream, with totals.', params: ActorIdParams, query: FundingQuery,
    ok: { description: 'the funding flows', json: FundingResponse }, errors: [422] },

  { method: 'get', path: '/api/cypher/examples', tag: 'console', summary: "The console's ready-made questions.",
    ok: { description: 'the examples', json: CypherExamples } },
  { method: 'post', path: '/api/cypher', tag: 'console', summary: 'Run one read-only Cypher query behind the walls (rate-limited, queued).', body: CypherRequest,
    ok: { description: 'the rows and the graph found in them', json: CypherResponse }, errors: [422] },

  { method: 'get', path: '/api/metrics', tag: 'analysis', summary: 'Key-actor metrics (degree, funding, betweenness, PageRank, communities, brokers), ranked and paged; computed in the background (status fresh, stale, computing, failed).', query: MetricsQuery,
    ok: { description: 'the metrics', json: MetricsPage }, errors: [413] },
  { method: 'get', path: '/api/export', tag: 'analysis', summary: 'The whole graph as JSON, CSV (nodes or edges), GraphML or GEXF.', query: ExportQuery,
    ok: { description: 'a file', media: { 'application/json': Dataset, 'text/csv': Text, 'application/graphml+xml': Text, 'application/gexf+xml': Text } }, errors: [413] },
  { method: 'get', path: '/api/paths', tag: 'analysis', summary: 'Paths between two actors, shortest first.', query: PathsQuery,
    ok: { description: 'the paths', json: PathsResponse }, errors: [422] },

  { method: 'post', path: '/api/extract', tag: 'curation', summary: 'Propose actors and ties found in an article (editor).', body: ExtractRequest,
    ok: { status: 201, also: [200], description: 'the extraction (200 when the same text was extracted before)', json: ExtractResponse }, errors: [422] },
  { method: 'get', path: '/api/extract/:id', tag: 'curation', summary: 'An extraction again, with its candidates (editor).', params: ExtractIdParams,
    ok: { description: 'the extraction', json: ExtractResponse } },
  { method: 'post', path: '/api/extract/:id/accept', tag: 'curation', summary: 'Save the reviewed selection as one change set (editor).', params: ExtractIdParams, body: AcceptRequest,
    ok: { status: 201, also: [200], description: 'saved (200 when nothing was to write)', json: AcceptResponse }, errors: [409, 422] },
  { method: 'get', path: '/api/imports/template', tag: 'import', summary: 'A file to fill in and import: headers and two example rows.', query: ImportTemplateQuery,
    ok: { description: 'the template', media: { 'text/csv': Text, [XLSX]: Text } } },
  { method: 'post', path: '/api/imports', tag: 'import', summary: 'Upload files (multipart, field "files"): a preview with an id; nothing is written.',
    body: ImportUpload, bodyType: 'multipart/form-data', ok: { status: 201, description: 'the preview report', json: ImportPreview }, errors: [422],
    links: IMPORT_LINKS },
  { method: 'post', path: '/api/imports/:id/commit', tag: 'import', summary: 'Run a previewed import (202: it runs in the background).', params: ImportIdParams,
    ok: { status: 202, description: 'started', json: ImportStatus }, errors: [409, 422] },
  { method: 'get', path: '/api/imports', tag: 'import', summary: 'Imports, newest first.', query: ImportListQuery, ok: { description: 'the imports', json: ImportList } },
  { method: 'get', path: '/api/imports/:id', tag: 'import', summary: 'One import: state, live progress, preview.', params: ImportIdParams, ok: { description: 'the import', json: ImportStatus } },
  { method: 'get', path: '/api/imports/:id/focus', tag: 'import', summary: 'What a committed import brought: its most tied actors and the ties among them, at any graph size.',
    params: ImportIdParams, query: ImportFocusQuery, ok: { description: 'the actors and ties to draw', json: ImportFocus }, errors: [409] },
  { method: 'delete', path: '/api/imports/:id', tag: 'import', summary: 'Undo an import (409 with the later changes), or drop a preview.', params: ImportIdParams,
    ok: { description: 'undone', json: ImportStatus }, errors: [409] },

  { method: 'post', path: '/api/actors', tag: 'editing', summary: 'Create an actor, with its source (editor).', body: ActorCreateRequest,
    ok: { status: 201, description: 'created', json: EditResult }, errors: [409], links: ACTOR_LINKS },
  { method: 'patch', path: '/api/actors/:id', tag: 'editing', summary: 'Change an actor (version checked).', params: ActorIdParams, body: ActorPatchRequest,
    ok: { description: 'changed', json: EditResult }, errors: [409] },
  { method: 'delete', path: '/api/actors/:id', tag: 'editing', summary: 'Delete an actor and its ties.', params: ActorIdParams, body: DeleteRequest,
    ok: { description: 'deleted', json: EditResult }, errors: [409] },
  { method: 'post', path: '/api/actors/:id/merge', tag: 'editing', summary: 'Merge another actor into this one (preview, then merge).', params: ActorIdParams, body: MergeRequest,
    ok: { description: 'the preview or the merge', json: z.union([MergePreview, EditResult]) }, errors: [409] },
  { method: 'post', path: '/api/relationships', tag: 'editing', summary: 'Create a relationship with its evidence.', body: RelationshipCreateRequest,
    ok: { status: 201, description: 'created', json: EditResult }, errors: [409], links: TIE_LINKS },
  { method: 'patch', path: '/api/relationships/:id', tag: 'editing', summary: 'Change a relationship (version checked).', params: RelationshipIdParams, query: RelationshipTypeQuery, body: RelationshipPatchRequest,
    ok: { description: 'changed', json: EditResult }, errors: [409] },
  { method: 'delete', path: '/api/relationships/:id', tag: 'editing', summary: 'Delete a relationship.', params: RelationshipIdParams, query: RelationshipTypeQuery, body: DeleteRequest,
    ok: { description: 'deleted', json: EditResult }, errors: [409] },
  { method: 'post', path: '/api/relationships/:id/evidence', tag: 'editing', summary: 'Add evidence to a relationship.', params: RelationshipIdParams, query: RelationshipTypeQuery, body: EvidenceRequest,
    ok: { status: 201, description: 'added', json: EditResult }, errors: [409] },
  { method: 'delete', path: '/api/relationships/:id/evidence/:index', tag: 'editing', summary: 'Remove one piece of evidence (0-based, as listed) from a relationship, with a source or a reason; 409 LastEvidence for its last one.', params: EvidenceIndexParams, query: RelationshipTypeQuery, body: DeleteRequest,
    ok: { description: 'removed', json: EditResult }, errors: [409] },
  { method: 'get', path: '/api/changes', tag: 'editing', summary: 'The history of change sets (actor, user, kind, date).', query: ChangesQuery,
    ok: { description: 'the history', json: ChangesResponse } },
  { method: 'post', path: '/api/changes/:id/revert', tag: 'editing', summary: 'Revert a change set (refused with the later ones).', params: ChangeSetIdParams,
    ok: { description: 'reverted', json: Reverted }, errors: [409] },

  { method: 'get', path: '/api/duplicates', tag: 'curation', summary: 'Actors that may be the same, with the judgements made.', query: DuplicatesQuery,
    ok: { description: 'the candidates', json: DuplicatesResponse } },
  { method: 'post', path: '/api/duplicates/judgements', tag: 'curation', summary: 'Judge a pair: same actor or not (editor).', body: JudgementRequest,
    ok: { description: 'the judgement', json: Judgement } },
];

/** Statuses any route may answer: bad input, not signed in, refused, not found, rate, database away. */
const COMMON_ERRORS = [400, 401, 403, 404, 429, 503];
/** Statuses of routes with a request body: too large, not JSON. */
const BODY_ERRORS = [413, 415];

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input (details.issues name each field)',
  401: 'sign in first',
  403: 'refused: role, console wall, foreign Host or cross-origin write',
  404: 'no such resource',
  409: 'conflict (ambiguous id, a later change, the last admin)',
  413: 'too large (request body, or an answer past its limit)',
  415: 'the request body must be UTF-8 JSON',
  422: 'the database refused or stopped the query (timeout, memory)',
  429: 'too many requests from this client: see Retry-After',
  503: 'the database is unavailable, restarting or busy: see Retry-After',
};

const RETRY_AFTER = { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' as const, minimum: 1 } } };

/** Express `:name` parameters → OpenAPI `{name}`. */
export const openApiPath = (express: string) => express.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function operation(r: RouteDoc): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  const content = r.ok.json ? { 'application/json': { schema: r.ok.json } }
    : r.ok.media ? Object.fromEntries(Object.entries(r.ok.media).map(([type, schema]) => [type, { schema }])) : undefined;
  for (const code of [r.ok.status ?? 200, ...(r.ok.also ?? [])]) {
    responses[String(code) as '200'] = { description: r.ok.description, ...(content && { content }), ...(r.links && { links: r.links }) };
  }
  const codes = [...new Set([...COMMON_ERRORS, ...(r.body ? BODY_ERRORS : []), ...(r.errors ?? [])])].sort();
  for (const code of codes) {
    responses[String(code) as '400'] = {
      description: ERROR_TEXT[code] ?? 'error',
      content: { 'application/json': { schema: ApiError } },
      ...((code === 429 || code === 503) && { headers: RETRY_AFTER }),
    };
  }
  // Node's HTTP parser answers this itself, before the app, with an empty body: request line and headers
  // past 16 KB (a very long query string).
  responses['431'] = { description: 'request line and headers too large (over 16 KB): no body' };
  return {
    summary: r.summary,
    tags: [r.tag],
    operationId: `${r.method}${openApiPath(r.path).replace(/^\/api/, '').replace(/[{}]/g, '').replace(/[/.](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    ...((r.params || r.query) && { requestParams: { ...(r.params && { path: r.params }), ...(r.query && { query: r.query }) } }),
    ...(r.body && { requestBody: { required: true, content: { [r.bodyType ?? 'application/json']: { schema: r.body } } } }),
    responses,
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of ROUTES (built once). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const r of ROUTES) {
    const p = openApiPath(r.path);
    paths[p] = { ...paths[p], [r.method]: operation(r) };
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Maillage API',
      version: '1',
      description: 'Who funds, pilots, partners with and labels whom: a sourced graph on Neo4j. Errors are `{ error: { name, message, details } }`.',
    },
    servers: [{ url: '/' }],
    paths,
  });
  return cached;
}
