// Stored Neo4j properties → the one graph payload shape (nodes, edges with evidence) the API returns.
import type { ActorKind, Claim, CompactEdge, Evidence, GraphEdge, GraphNode, RelStatus, RelType, Source } from '../model/schema';

type Props = Record<string, unknown>;

/** The shape the .cypher queries return for a relationship. */
export interface RawEdge {
  type: string;
  source: string;
  target: string;
  props: Props;
}

export function toNode(p: Props): GraphNode {
  const node: GraphNode = {
    id: p.id as string,
    name: p.name as string,
    kind: p.kind as ActorKind,
    aliases: (p.aliases as string[] | null) ?? [],
  };
  if (typeof p.description === 'string') node.description = p.description;
  if (typeof p.territory === 'string') node.territory = p.territory;
  if (Array.isArray(p.mergedIds) && p.mergedIds.length) node.mergedIds = p.mergedIds as string[];
  return node;
}

/** Evidence is stored as two parallel lists (Neo4j properties cannot hold maps); zip them back. */
export function toEvidence(p: Props): Evidence[] {
  const sources = (p.evidenceSources as string[] | null) ?? [];
  const excerpts = (p.evidenceExcerpts as string[] | null) ?? [];
  return sources.map((source, i) => ({ source, excerpt: excerpts[i] ?? '' }));
}

export function toEdge(r: RawEdge): GraphEdge {
  const { id, source, target, type, status, ...rest } = toCompactEdge(r);
  return { id, source, target, type, status, evidence: toEvidence(r.props), ...rest };
}

/** The edge without its evidence: what large views draw (GET /api/relationships/:id gives the rest). */
export function toCompactEdge(r: RawEdge): CompactEdge {
  const p = r.props;
  const edge: CompactEdge = {
    id: p.id as string,
    source: r.source,
    target: r.target,
    type: r.type as RelType,
    status: ((p.status as string | null) ?? 'effective') as RelStatus,
  };
  if (typeof p.amount === 'number') edge.amount = p.amount;
  if (typeof p.date === 'string') edge.date = p.date;
  if (typeof p.role === 'string') edge.role = p.role;
  if (typeof p.note === 'string') edge.note = p.note;
  const claims = parseClaims(p.claims);
  if (claims) edge.claims = claims;
  return edge;
}

/** Conflicting claims are stored as JSON text (a property cannot hold maps); unreadable text is ignored. */
export function parseClaims(text: unknown): Claim[] | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) && v.length >= 2 ? (v as Claim[]) : undefined;
  } catch {
    return undefined;
  }
}

const SOURCE_KEYS = ['id', 'title', 'publisher', 'date', 'language', 'author', 'url', 'file'] as const;

/**
 * Keeps the properties the Source schema knows: the change-set stamps (`_cs`, `_h`) stay in the database,
 * and an export re-imports even if a node gained extra ones.
 */
export function toSource(p: Props): Source {
  const s: Record<string, unknown> = {};
  for (const k of SOURCE_KEYS) if (typeof p[k] === 'string') s[k] = p[k];
  return s as Source;
}
