// Layouts by name (Cytoscape registers layouts by name too): fcose by default, others for flows and metrics.
import type { LayoutOptions } from 'cytoscape';

export type LayoutName = 'fcose' | 'concentric' | 'concentric-metric' | 'breadthfirst' | 'grid' | 'circle' | 'keep';

export const LAYOUTS: Record<LayoutName, { label: string; options: (animate: boolean) => LayoutOptions }> = {
  fcose: {
    label: 'Force (fcose)',
    options: (animate) =>
      ({
        name: 'fcose',
        quality: 'proof',
        randomize: true,
        animate,
        animationDuration: 600,
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 95,
        edgeElasticity: () => 0.35,
        nodeSeparation: 90,
        gravity: 0.3,
        gravityRange: 3.2,
        numIter: 3000,
        packComponents: true,
        padding: 40,
        nodeDimensionsIncludeLabels: true,
      }) as unknown as LayoutOptions,
  },
  concentric: {
    label: 'Concentrique (degré)',
    options: (animate) => ({ name: 'concentric', animate, concentric: (n: { degree(b: boolean): number }) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 30, padding: 30 }) as unknown as LayoutOptions,
  },
  // PageRank from /api/metrics (set on the nodes by the key-actors panel as m_pagerank); degree until loaded.
  'concentric-metric': {
    label: 'Concentrique (PageRank)',
    options: (animate) => {
      type N = { data(k: string): unknown; degree(b: boolean): number };
      const value = (n: N) => (n.data('m_pagerank') as number | undefined) ?? n.degree(false);
      return {
        name: 'concentric', animate, minNodeSpacing: 24, padding: 30,
        concentric: value,
        // About seven rings whatever the metric's scale.
        levelWidth: (nodes: { map(f: (n: N) => number): number[] }) => {
          const v = nodes.map(value);
          return (Math.max(...v) - Math.min(...v)) / 7 || 1;
        },
      } as unknown as LayoutOptions;
    },
  },
  breadthfirst: {
    label: 'Arborescence (flux)',
    options: (animate) => ({ name: 'breadthfirst', directed: true, animate, spacingFactor: 1.1, padding: 30 }) as LayoutOptions,
  },
  grid: { label: 'Grille', options: (animate) => ({ name: 'grid', animate, avoidOverlap: true, padding: 30 }) as LayoutOptions },
  circle: { label: 'Cercle', options: (animate) => ({ name: 'circle', animate, padding: 30 }) as LayoutOptions },
  // Positions arranged by hand stay where they are: preset without positions keeps each node's own.
  keep: { label: 'Garder les positions', options: () => ({ name: 'preset', fit: false }) as LayoutOptions },
};
