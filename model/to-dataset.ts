// A graph payload (whole graph or the current view) in Maillage's own dataset format, the one loadDataset
// reads back. Pure and zod-free: the server's export and the client's view export share it.
import type { Actor, Dataset, GraphEdge, GraphNode, Relationship, Source } from './schema';

/** Relationships keep their ids, so a re-import lands on the same edges (parallel ties included). */
export function toDataset(s: { nodes: GraphNode[]; edges: GraphEdge[]; sources: Source[] }): Dataset {
  const actors: Actor[] = s.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    aliases: n.aliases,
    kind: n.kind,
    ...(n.description !== undefined && { description: n.description }),
    ...(n.territory !== undefined && { territory: n.territory }),
  }));
  const relationships: Relationship[] = s.edges.map((e) => ({
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    ...(e.amount !== undefined && { amount: e.amount }),
    ...(e.date !== undefined && { date: e.date }),
    status: e.status,
    ...(e.role !== undefined && { role: e.role }),
    ...(e.note !== undefined && { note: e.note }),
    evidence: e.evidence,
  }));
  return { sources: s.sources, actors, relationships };
}
