// Console rows → the one graph payload: every :Actor node and tie found anywhere in the rows (lists, maps, paths).
import { GraphEdge, GraphNode, RelType, type Graph } from '../../model/schema';
import type { Db, Row } from '../db';
import { toEdge, toNode } from '../graph-mapper';
import { Q } from '../queries';

type Props = Record<string, unknown>;
interface PlainNode { $kind: 'node'; elementId: string; labels: string[]; properties: Props }
interface PlainRel { $kind: 'relationship'; elementId: string; type: string; start: string; end: string; properties: Props }

interface Found {
  nodes: Map<string, PlainNode>;
  rels: Map<string, PlainRel>;
}

const kindOf = (v: unknown) => (v !== null && typeof v === 'object' ? (v as { $kind?: unknown }).$kind : undefined);

/** Walks a plain value (db.ts toPlain output) and records the nodes and relationships in it. */
function collect(value: unknown, found: Found): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const kind = kindOf(value);
  if (kind === 'node') {
    const n = value as PlainNode;
    found.nodes.set(n.elementId, n);
  } else if (kind === 'relationship') {
    const r = value as PlainRel;
    found.rels.set(r.elementId, r);
  } else if (kind === 'path') {
    const p = value as { start: unknown; end: unknown; segments: unknown[] };
    collect(p.start, found);
    collect(p.end, found);
    collect(p.segments, found);
  } else {
    for (const v of Object.values(value)) collect(v, found);
  }
}

/**
 * Builds the graph payload from console rows. Relationships whose end nodes are not in the rows still get
 * drawn: their ends are fetched by element id and added as nodes, since an edge needs both ends on screen.
 * Anything that does not fit the payload (Source nodes, other labels or types, a map that merely looks
 * like a node) is left to the table.
 */
export async function graphFromRows(db: Db, rows: Row[]): Promise<Graph> {
  const found: Found = { nodes: new Map(), rels: new Map() };
  collect(rows, found);

  const actorIdByElement = new Map<string, string>();
  const nodes = new Map<string, GraphNode>();
  const addActor = (elementId: string, props: Props) => {
    const parsed = GraphNode.safeParse(toNode(props));
    if (!parsed.success) return;
    actorIdByElement.set(elementId, parsed.data.id);
    nodes.set(parsed.data.id, parsed.data);
  };
  for (const n of found.nodes.values()) {
    if (Array.isArray(n.labels) && n.labels.includes('Actor') && n.properties) addActor(n.elementId, n.properties);
  }

  const rels = [...found.rels.values()].filter((r) => RelType.safeParse(r.type).success);
  const missing = [...new Set(rels.flatMap((r) => [r.start, r.end]))].filter((e) => !actorIdByElement.has(e));
  if (missing.length) {
    for (const row of await db.read(Q.actorsByElementId, { ids: missing })) addActor(row.elementId as string, row.props as Props);
  }

  const edges = new Map<string, GraphEdge>();
  for (const r of rels) {
    const source = actorIdByElement.get(r.start);
    const target = actorIdByElement.get(r.end);
    if (!source || !target) continue;
    const parsed = GraphEdge.safeParse(toEdge({ type: r.type, source, target, props: r.properties ?? {} }));
    if (parsed.success) edges.set(parsed.data.id, parsed.data);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
