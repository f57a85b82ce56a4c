// An export format written piece by piece — a head, each source, actor and tie, a tail — so the whole
// graph streams page by page; joined at once it gives the same text (small graphs, tests).
import type { GraphEdge, GraphNode, Source } from '../../model/schema';
import type { Snapshot } from './snapshot';

export type Section = 'sources' | 'nodes' | 'edges';

export interface PieceFormat {
  /** The sections the format holds, in the order they are written. */
  sections: readonly Section[];
  head: string;
  /** Text opening and closing a section; `count` is how many items it held (JSON writes `[]` for none). */
  open?: (s: Section) => string;
  close?: (s: Section, count: number) => string;
  /** One item; `i` is its position in its section (0 for the first). */
  source?: (x: Source, i: number) => string;
  node?: (x: GraphNode, i: number) => string;
  edge?: (x: GraphEdge, i: number) => string;
  tail: string;
}

/** The text of one item of a section. */
export function piece(f: PieceFormat, s: Section, x: unknown, i: number): string {
  if (s === 'sources') return f.source!(x as Source, i);
  if (s === 'nodes') return f.node!(x as GraphNode, i);
  return f.edge!(x as GraphEdge, i);
}

/** The whole text of a snapshot in one string: what streaming writes, at once. */
export function serialize(f: PieceFormat, snap: Snapshot): string {
  const items: Record<Section, unknown[]> = { sources: snap.sources, nodes: snap.nodes, edges: snap.edges };
  let out = f.head;
  for (const s of f.sections) {
    out += f.open?.(s) ?? '';
    items[s].forEach((x, i) => { out += piece(f, s, x, i); });
    out += f.close?.(s, items[s].length) ?? '';
  }
  return out + f.tail;
}
