// The one place the graph payload becomes Cytoscape elements, and a payload is merged into the view.
import type { Core, ElementDefinition } from 'cytoscape';
import type { Graph, GraphEdge, GraphNode } from '../../model/schema';
import { formatAmount } from './format';
import { fundsWidth } from './style';

export function nodeElement(n: GraphNode): ElementDefinition {
  return { group: 'nodes', data: { ...n, size: 26 } };
}

export function edgeElement(e: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: {
      ...e,
      width: e.type === 'FUNDS' ? fundsWidth(e.amount) : 1.8,
      ...(e.type === 'FUNDS' ? { amountLabel: formatAmount(e.amount, true) } : {}),
    },
  };
}

export function toElements(g: Graph): ElementDefinition[] {
  return [...g.nodes.map(nodeElement), ...g.edges.map(edgeElement)];
}

/** Node size follows degree (square root, so hubs stand out without swallowing the view). */
export function sizeByDegree(cy: Core): void {
  cy.nodes().forEach((n) => {
    n.data('size', Math.round(20 + 6 * Math.sqrt(n.degree(false))));
  });
}

/**
 * Replaces the view with `g`, or adds what it lacks ('add'); returns the elements that were new.
 * Edges whose ends are not in the view are skipped rather than breaking Cytoscape.
 */
export function mergeGraph(cy: Core, g: Graph, mode: 'replace' | 'add') {
  if (mode === 'replace') cy.elements().remove();
  const fresh = cy.collection();
  cy.batch(() => {
    for (const n of g.nodes) if (cy.getElementById(n.id).empty()) fresh.merge(cy.add(nodeElement(n)));
    for (const e of g.edges) {
      if (cy.getElementById(e.id).nonempty()) continue;
      if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
      fresh.merge(cy.add(edgeElement(e)));
    }
  });
  sizeByDegree(cy);
  return fresh;
}
