// The whole graph as GraphML, read by Gephi, Cytoscape Desktop, yEd and networkx.
import { NODE_ATTRS, EDGE_ATTRS, type AttrDef } from './attributes';
import { serialize, type PieceFormat } from './format';
import type { Snapshot } from './snapshot';
import { xml } from './text';

function data<T>(attrs: AttrDef<T>[], prefix: string, x: T): string {
  return attrs
    .map((a) => [a, a.get(x)] as const)
    .filter(([, v]) => v !== undefined)
    .map(([a, v]) => `<data key="${prefix}_${a.name}">${xml(v!)}</data>`)
    .join('');
}

const keys = <T>(attrs: AttrDef<T>[], prefix: string, target: 'node' | 'edge') =>
  attrs.map((a) => `  <key id="${prefix}_${a.name}" for="${target}" attr.name="${a.name}" attr.type="${a.type}"/>\n`).join('');

/**
 * A directed graph. PARTNERS_WITH is written once, like every tie, with symmetric=true rather than
 * directed="false": GraphML allows mixed graphs, but networkx refuses to read them.
 */
export const GRAPHML: PieceFormat = {
  sections: ['nodes', 'edges'],
  head:
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keys(NODE_ATTRS, 'n', 'node') +
    keys(EDGE_ATTRS, 'e', 'edge') +
    '  <graph id="maillage" edgedefault="directed">\n',
  node: (n) => `    <node id="${xml(n.id)}">${data(NODE_ATTRS, 'n', n)}</node>\n`,
  edge: (e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data(EDGE_ATTRS, 'e', e)}</edge>\n`,
  tail: '  </graph>\n</graphml>\n',
};

export const toGraphml = (s: Snapshot): string => serialize(GRAPHML, s);
