// The whole graph as GEXF 1.2, Gephi's own format, also read by networkx.
import { EDGE_ATTRS, NODE_ATTRS, type AttrDef } from './attributes';
import { serialize, type PieceFormat } from './format';
import type { Snapshot } from './snapshot';
import { xml } from './text';

function attvalues<T>(attrs: AttrDef<T>[], x: T): string {
  const vals = attrs
    .map((a) => [a, a.get(x)] as const)
    .filter(([, v]) => v !== undefined)
    .map(([a, v]) => `<attvalue for="${a.name}" value="${xml(v!)}"/>`);
  return vals.length ? `<attvalues>${vals.join('')}</attvalues>` : '';
}

const declare = <T>(attrs: AttrDef<T>[], cls: 'node' | 'edge') =>
  `    <attributes class="${cls}">\n` +
  attrs.map((a) => `      <attribute id="${a.name}" title="${a.name}" type="${a.type}"/>\n`).join('') +
  '    </attributes>\n';

/**
 * A directed graph, every tie one directed edge, PARTNERS_WITH marked symmetric=true (as in GraphML).
 * GEXF could say type="undirected" (networkx refuses it in a directed graph) or type="mutual", which
 * networkx reads as two arcs but silently merges with a FUNDS arc between the same two actors (it checks
 * parallel edges on the first arc only): the seed has such pairs, and a reader must not lose ties.
 */
export function gexfFormat(today: string): PieceFormat {
  return {
    sections: ['nodes', 'edges'],
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n' +
      `  <meta lastmodifieddate="${xml(today)}"><creator>Maillage</creator>` +
      '<description>Who funds, pilots, partners with and labels whom; each tie with its evidence.</description></meta>\n' +
      '  <graph mode="static" defaultedgetype="directed">\n' +
      declare(NODE_ATTRS, 'node') +
      declare(EDGE_ATTRS, 'edge'),
    open: (s) => `    <${s}>\n`,
    close: (s) => `    </${s}>\n`,
    node: (n) => `      <node id="${xml(n.id)}" label="${xml(n.name)}">${attvalues(NODE_ATTRS, n)}</node>\n`,
    edge: (e) => `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${e.type}">${attvalues(EDGE_ATTRS, e)}</edge>\n`,
    tail: '  </graph>\n</gexf>\n',
  };
}

export const toGexf = (s: Snapshot, today: string): string => serialize(gexfFormat(today), s);
