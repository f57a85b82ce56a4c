// graphology-layout-forceatlas2 ships no types for its single-iteration function: it updates the node matrix in place.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export interface ForceAtlas2Settings {
    linLogMode: boolean;
    outboundAttractionDistribution: boolean;
    adjustSizes: boolean;
    edgeWeightInfluence: number;
    scalingRatio: number;
    strongGravityMode: boolean;
    gravity: number;
    slowDown: number;
    barnesHutOptimize: boolean;
    barnesHutTheta: number;
  }
  export default function iterate(settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array): void;
}

