// The data of the current view in Maillage's dataset format (re-importable with `npm run load`) and as
// two CSV tables. Pure: the export menu hands it the visible nodes and edges.
import type { Dataset, GraphEdge, GraphNode, Source } from '../../model/schema';
import { toDataset } from '../../model/to-dataset';

/**
 * Only the dataset's own fields (Cytoscape data also carries sizes, colours and metrics), and only the
 * sources the view cites: the same conversion as the server's whole-graph export.
 */
export function viewDataset(nodes: GraphNode[], edges: GraphEdge[], sources: Source[]): Dataset {
  const cited = new Set(edges.flatMap((e) => e.evidence.map((ev) => ev.source)));
  return toDataset({ nodes, edges, sources: sources.filter((s) => cited.has(s.id)) });
}

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
const field = (v: unknown) => {
  const s = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' | ') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const table = (head: string[], rows: unknown[][]) => [head, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

export function nodesCsv(d: Dataset): string {
  return table(['id', 'name', 'kind', 'aliases', 'territory', 'description'],
    d.actors.map((a) => [a.id, a.name, a.kind, a.aliases, a.territory, a.description]));
}

export function edgesCsv(d: Dataset): string {
  return table(['id', 'source', 'target', 'type', 'amount_eur', 'date', 'status', 'role', 'note', 'evidence_sources', 'evidence_excerpts'],
    d.relationships.map((r) => [r.id, r.source, r.target, r.type, r.amount, r.date, r.status, r.role, r.note, r.evidence.map((e) => e.source), r.evidence.map((e) => e.excerpt)]));
}
