// The one place the graph payload becomes Cytoscape elements, and a payload is merged into the view.
import type { Collection, Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { CompactEdge, CompactNode, GraphEdge, GraphNode } from '../../model/schema';
import { degreeSize } from '../../model/force-layout';
import { formatAmount } from './format';
import { fundsWidth, isLargeView } from './style';

/**
 * What the view draws: full payloads (the whole graph, neighbourhoods, paths: ties with their evidence) or
 * compact ones (overview, whole network by pages: ties without evidence, fetched when one is selected).
 */
export interface DrawGraph {
  nodes: (CompactNode & Partial<GraphNode> & { degree?: number })[];
  edges: (CompactEdge & Partial<Pick<GraphEdge, 'evidence'>>)[];
}

export function nodeElement(n: DrawGraph['nodes'][number], position?: { x: number; y: number }, size = 26): ElementDefinition {
  return { group: 'nodes', data: { ...n, size }, ...(position ? { position } : {}) };
}

export function edgeElement(e: DrawGraph['edges'][number]): ElementDefinition {
  return {
    group: 'edges',
    data: {
      ...e,
      width: e.type === 'FUNDS' ? fundsWidth(e.amount) : 1.8,
      ...(e.type === 'FUNDS' ? { amountLabel: formatAmount(e.amount, true) } : {}),
    },
  };
}

export { degreeSize } from '../../model/force-layout';

/** Node size follows degree; only the nodes whose size changes are touched, all in one batch. */
export function sizeByDegree(cy: Core, nodes: NodeCollection = cy.nodes()): void {
  const large = isLargeView(cy);
  cy.batch(() => {
    nodes.forEach((n) => {
      const size = degreeSize(n.degree(false), large);
      if (n.data('size') !== size) n.data('size', size);
    });
  });
}

/**
 * Replaces the view with `g`, or adds what it lacks ('add'); returns the elements that were new.
 * Edges whose ends are not in the view are skipped rather than breaking Cytoscape. One batch, one cy.add:
 * the cost is linear in the payload, whatever the size of the view. `positions` (x, y per node of `g`, in its
 * order) places the nodes as they are added.
 */
export function mergeGraph(cy: Core, g: DrawGraph, mode: 'replace' | 'add', positions?: Float32Array): Collection {
  let fresh = cy.collection();
  const large = isLargeView(cy);
  cy.batch(() => {
    if (mode === 'replace') cy.elements().remove();
    const defs: ElementDefinition[] = [];
    const adding = new Set<string>();
    const present = (id: string) => adding.has(id) || cy.hasElementWithId(id);
    for (const n of g.nodes) if (!present(n.id)) adding.add(n.id);
    const edges = g.edges.filter((e) => !present(e.id) && present(e.source) && present(e.target));
    // A replaced view gets its sizes with its elements (sizing afterwards would style every node twice).
    const degree = new Map<string, number>();
    if (mode === 'replace') for (const e of edges) { degree.set(e.source, (degree.get(e.source) ?? 0) + 1); degree.set(e.target, (degree.get(e.target) ?? 0) + 1); }
    g.nodes.forEach((n, i) => {
      if (!adding.has(n.id)) return;
      adding.delete(n.id); // a node listed twice is added once
      defs.push(nodeElement(n, positions ? { x: positions[2 * i], y: positions[2 * i + 1] } : undefined, degreeSize(degree.get(n.id) ?? 0, large)));
    });
    for (const e of edges) {
      if (adding.has(e.id)) continue;
      adding.add(e.id);
      defs.push(edgeElement(e));
    }
    fresh = cy.add(defs);
  });
  // Sizes change only for the new nodes and the ends of the new edges.
  if (mode === 'add') sizeByDegree(cy, fresh.nodes().union(fresh.edges().connectedNodes()));
  return fresh;
}
