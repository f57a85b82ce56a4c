// The "Exporter" menu: the view as a picture (PNG at 3×, SVG), the view's data (JSON re-importable, CSV),
// and the whole graph from /api/export (JSON, CSV, GraphML, GEXF for Gephi, yEd, networkx).
import type { GraphEdge, GraphNode } from '../../model/schema';
import type { AppContext } from '../app';
import { viewToSvg } from '../graph/svg';
import { edgesCsv, nodesCsv, viewDataset } from '../state/view-data';
import { h } from './dom';

const stamp = () => new Date().toISOString().slice(0, 10);

function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The drawn (not filtered) elements. */
function visible(ctx: AppContext) {
  const nodes = ctx.cy.nodes().not('.filtered');
  const edges = ctx.cy.edges().not('.filtered');
  return { nodes: nodes.map((n) => n.data() as GraphNode), edges: edges.map((e) => e.data() as GraphEdge) };
}

/** Ties a view may export whose evidence must be fetched first (large views draw ties without it). */
const EVIDENCE_FETCH_MAX = 300;

/** The edges with their evidence: fetched for those drawn without it, a few at a time; refused past a bound. */
async function withEvidence(ctx: AppContext, edges: GraphEdge[]): Promise<GraphEdge[]> {
  const missing = edges.filter((e) => !e.evidence);
  if (!missing.length) return edges;
  if (missing.length > EVIDENCE_FETCH_MAX) {
    throw new Error(`${missing.length} relations de cette vue n’ont pas leurs extraits chargés (grand réseau) : exportez le graphe entier, ou isolez une partie de moins de ${EVIDENCE_FETCH_MAX} relations`);
  }
  const found = new Map<string, GraphEdge>();
  const queue = [...missing];
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) found.set(e.id, (await ctx.api.relationship(e.id, e.type)).relationship);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return edges.map((e) => found.get(e.id) ?? e);
}

export function registerExport(ctx: AppContext, host: HTMLElement): void {
  const item = (label: string, testid: string, run: () => void | Promise<void>) => {
    const b = h('button', { type: 'button', 'data-testid': testid }, label);
    b.addEventListener('click', () => {
      menu.open = false;
      Promise.resolve(run()).catch((e: Error) => ctx.notify(`Export impossible : ${e.message}`, 'error'));
    });
    return b;
  };
  const link = (label: string, href: string, testid: string) => h('a', { href, download: '', 'data-testid': testid }, label);
  const viewData = async () => {
    const v = visible(ctx);
    return viewDataset(v.nodes.map((n) => ({ ...n, aliases: n.aliases ?? [] })), await withEvidence(ctx, v.edges), (await ctx.api.sources()).sources);
  };

  const menu = h('details', { class: 'menu', 'data-testid': 'export-menu' },
    h('summary', {}, 'Exporter'),
    h('div', { class: 'menu-body' },
      h('h4', {}, 'La vue affichée'),
      item('Image PNG (haute résolution)', 'export-png', () => {
        // What is on screen (full: false) at 3× so it stays sharp in print and on a projector.
        download(`maillage-${stamp()}.png`, ctx.cy.png({ full: false, scale: 3, bg: '#ffffff', output: 'blob' }));
      }),
      item('Image SVG (vectorielle)', 'export-svg', () => {
        const text = viewToSvg(ctx.cy);
        download(`maillage-${stamp()}.svg`, new Blob([text], { type: 'image/svg+xml' }));
      }),
      item('Données JSON (réimportables)', 'export-view-json', async () => {
        download(`maillage-vue-${stamp()}.json`, new Blob([`${JSON.stringify(await viewData(), null, 2)}\n`], { type: 'application/json' }));
      }),
      item('Données CSV : acteurs', 'export-view-nodes', async () => {
        download(`maillage-vue-${stamp()}-acteurs.csv`, new Blob([nodesCsv(visible(ctx).nodes)], { type: 'text/csv' }));
      }),
      item('Données CSV : relations', 'export-view-edges', async () => {
        download(`maillage-vue-${stamp()}-relations.csv`, new Blob([edgesCsv(visible(ctx).edges)], { type: 'text/csv' }));
      }),
      h('h4', {}, 'Tout le réseau'),
      link('JSON (format Maillage)', ctx.api.exportUrl('json'), 'export-all-json'),
      link('GraphML (Gephi, yEd, Cytoscape)', ctx.api.exportUrl('graphml'), 'export-all-graphml'),
      link('GEXF (Gephi)', ctx.api.exportUrl('gexf'), 'export-all-gexf'),
      link('CSV : acteurs', ctx.api.exportUrl('csv', 'nodes'), 'export-all-nodes'),
      link('CSV : relations', ctx.api.exportUrl('csv', 'edges'), 'export-all-edges'),
    ));
  host.append(menu);
}
