// Loads every .cypher file once at start-up, by name; a missing file fails fast at import time.
import fs from 'node:fs';
import path from 'node:path';

const CYPHER_DIR = path.resolve(__dirname, '..', 'cypher');

const FILES = {
  schema: 'schema.cypher',
  existingActors: 'load/existing-actors.cypher',
  wipe: 'load/wipe.cypher',
  allIds: 'load/all-ids.cypher',
  importIndex: 'import/index.cypher',
  importTieHashes: 'import/tie-hashes.cypher',
  importTieCount: 'import/tie-count.cypher',
  importActorsAll: 'import/actors-all.cypher',
  importSourcesAll: 'import/sources-all.cypher',
  importActorNodes: 'import/actor-nodes.cypher',
  importFocusActors: 'import/focus-actors.cypher',
  importFocusTieEnds: 'import/focus-tie-ends.cypher',
  importFocusFreshTies: 'import/focus-fresh-ties.cypher',
  bumpVersion: 'load/bump-version.cypher',
  graphVersion: 'queries/graph-version.cypher',
  actorSearch: 'queries/actor-search.cypher',
  actorSearchFuzzy: 'queries/actor-search-fuzzy.cypher',
  actor: 'queries/actor.cypher',
  actorNode: 'queries/actor-node.cypher',
  neighborhood: 'queries/neighborhood.cypher',
  sources: 'queries/sources.cypher',
  exportGraph: 'queries/export-graph.cypher',
  actorsByElementId: 'queries/actors-by-element-id.cypher',
  pathsBetween: 'queries/paths-between.cypher',
  pathsEndpoints: 'queries/paths-endpoints.cypher',
  fundingUpstream: 'queries/funding-upstream.cypher',
  fundingDownstream: 'queries/funding-downstream.cypher',
  // Change sets (server/changes/): their records, the writer's statements per entity, undo.
  csActorDeleteOwn: 'changes/actor-delete-own.cypher',
  csActorDelete: 'changes/actor-delete.cypher',
  csActorFind: 'changes/actor-find.cypher',
  csActorForeignTies: 'changes/actor-foreign-ties.cypher',
  csActorRestore: 'changes/actor-restore.cypher',
  csActorSet: 'changes/actor-set.cypher',
  csActorUpsert: 'changes/actor-upsert.cypher',
  csBegin: 'changes/begin.cypher',
  csChangeCreate: 'changes/change-create.cypher',
  csChunkCreate: 'changes/chunk-create.cypher',
  csChunksUndone: 'changes/chunks-undone.cypher',
  csChunks: 'changes/chunks.cypher',
  csGet: 'changes/get.cypher',
  csHeartbeat: 'changes/heartbeat.cypher',
  csHistory: 'changes/history.cypher',
  csList: 'changes/list.cypher',
  csRelCreate: 'changes/rel-create.cypher',
  csRelCreateAt: 'changes/rel-create-at.cypher',
  csRelDelete: 'changes/rel-delete.cypher',
  csRelFind: 'changes/rel-find.cypher',
  csRelSet: 'changes/rel-set.cypher',
  csSourceDeleteOwn: 'changes/source-delete-own.cypher',
  csSourceDelete: 'changes/source-delete.cypher',
  csSourceFind: 'changes/source-find.cypher',
  csSourceRestore: 'changes/source-restore.cypher',
  csSourceSet: 'changes/source-set.cypher',
  csSourceUpsert: 'changes/source-upsert.cypher',
  csTransition: 'changes/transition.cypher',
  userCreate: 'auth/user-create.cypher',
  userGet: 'auth/user-get.cypher',
  userList: 'auth/user-list.cypher',
  userUpdate: 'auth/user-update.cypher',
  userRemove: 'auth/user-remove.cypher',
  userCount: 'auth/user-count.cypher',
  sessionCreate: 'auth/session-create.cypher',
  sessionGet: 'auth/session-get.cypher',
  sessionDelete: 'auth/session-delete.cypher',
  wipeCuration: 'load/wipe-curation.cypher',
  editActorTies: 'edit/actor-ties.cypher',
  editActorByMergedId: 'edit/actor-by-merged-id.cypher',
  editChangeSetsOfActor: 'edit/change-sets-of-actor.cypher',
  editChangeSets: 'edit/change-sets.cypher',
  duplicateActors: 'duplicates/actors.cypher',
  duplicateLinkedPairs: 'duplicates/linked-pairs.cypher',
  duplicateJudgements: 'duplicates/judgements.cypher',
  duplicateJudge: 'duplicates/judge.cypher',
  graphBreakdown: 'graph/breakdown.cypher',
  degreeRanking: 'graph/degree-ranking.cypher',
  graphDigestRead: 'graph/digest-read.cypher',
  graphDigestWrite: 'graph/digest-write.cypher',
  graphTotals: 'graph/totals.cypher',
  graphIdentity: 'graph/identity.cypher',
  graphMatching: 'graph/matching.cypher',
  actorsByIds: 'graph/actors-by-ids.cypher',
  keepLinked: 'graph/keep-linked.cypher',
  tiesAmong: 'graph/ties-among.cypher',
  elementsActors: 'graph/elements-actors.cypher',
  elementsTies: 'graph/elements-ties.cypher',
  relationship: 'graph/relationship.cypher',
  metricsAdjacency: 'metrics/adjacency.cypher',
  exportActorsPage: 'export/actors-page.cypher',
  exportSourcesPage: 'export/sources-page.cypher',
  exportTiesPage: 'export/ties-page.cypher',
  benchCreateActors: 'bench/create-actors.cypher',
  benchCreateTies: 'bench/create-ties.cypher',
  benchCreateSource: 'bench/create-source.cypher',
  extractGazetteer: 'extract/gazetteer.cypher',
  extractSave: 'extract/save.cypher',
  extractGet: 'extract/get.cypher',
  extractRecordAccept: 'extract/record-accept.cypher',
  extractRejectOnly: 'extract/reject-only.cypher',
  extractExistingTies: 'extract/existing-ties.cypher',
  extractTakenIds: 'extract/taken-ids.cypher',
} as const;

export type QueryName = keyof typeof FILES;

function read(rel: string): string {
  const file = path.join(CYPHER_DIR, rel);
  if (!fs.existsSync(file)) throw new Error(`missing Cypher file ${path.relative(process.cwd(), file)}`);
  return fs.readFileSync(file, 'utf8');
}

/** Query text by name. */
export const Q: Readonly<Record<QueryName, string>> = Object.freeze(
  Object.fromEntries(Object.entries(FILES).map(([name, rel]) => [name, read(rel)])) as Record<QueryName, string>,
);

/** Splits a multi-statement script (schema.cypher) into statements, dropping // comment lines. */
export function statements(script: string): string[] {
  return script
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
