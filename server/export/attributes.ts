// The node and edge attributes GraphML and GEXF both declare, with their types, from one list.
import { SYMMETRIC_TYPES, type GraphEdge, type GraphNode } from '../../model/schema';
import { claimsText, evidenceText, joinList } from './text';

export interface AttrDef<T> {
  name: string;
  type: 'string' | 'double' | 'boolean';
  /** Undefined when the value is unknown: no element is written, rather than an empty or 0 value. */
  get: (x: T) => string | number | boolean | undefined;
}

export const NODE_ATTRS: AttrDef<GraphNode>[] = [
  { name: 'name', type: 'string', get: (n) => n.name },
  { name: 'kind', type: 'string', get: (n) => n.kind },
  { name: 'aliases', type: 'string', get: (n) => (n.aliases.length ? joinList(n.aliases) : undefined) },
  { name: 'territory', type: 'string', get: (n) => n.territory },
  { name: 'description', type: 'string', get: (n) => n.description },
  /** Ids of actors merged into this one (they still resolve to it). */
  { name: 'mergedIds', type: 'string', get: (n) => (n.mergedIds?.length ? joinList(n.mergedIds) : undefined) },
];

/**
 * "relationship" rather than "type", which Gephi keeps for Directed/Undirected. symmetric marks
 * PARTNERS_WITH, whose direction is only the order it was stored in.
 */
export const EDGE_ATTRS: AttrDef<GraphEdge>[] = [
  { name: 'relationship', type: 'string', get: (e) => e.type },
  { name: 'symmetric', type: 'boolean', get: (e) => SYMMETRIC_TYPES.has(e.type) },
  { name: 'amount', type: 'double', get: (e) => e.amount },
  { name: 'date', type: 'string', get: (e) => e.date },
  { name: 'status', type: 'string', get: (e) => e.status },
  { name: 'role', type: 'string', get: (e) => e.role },
  { name: 'note', type: 'string', get: (e) => e.note },
  { name: 'evidence', type: 'string', get: (e) => evidenceText(e.evidence) },
  /** Sources disagree on the amount or date: `amount` is the first claim's; `claims` says what each source states. */
  { name: 'disputed', type: 'boolean', get: (e) => (e.claims?.length ?? 0) >= 2 },
  { name: 'claims', type: 'string', get: (e) => (e.claims && e.claims.length >= 2 ? claimsText(e.claims) : undefined) },
];
