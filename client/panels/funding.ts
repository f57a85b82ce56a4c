// The "Financements" tab: money reaching and leaving the selected actor, drawn left to right, with totals per funder.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { FundingChain, FundingResponse, FundingTotal, GraphEdge, GraphNode, Source } from '../../model/schema';
import type { AppContext } from '../app';
import { edgeElement, nodeElement } from '../graph/elements';
import { formatAmount, formatDate } from '../graph/format';
import { STATUS_LABEL, stylesheet } from '../graph/style';
import { evidenceBlock } from './details';
import { h } from './dom';

type Direction = 'upstream' | 'downstream';
type Flow = FundingResponse & { truncated: boolean };

const COLUMN_GAP = 190;
const ROW_GAP = 96;

/** What a flow edge says on the drawing: the amount ("montant inconnu" when the sources give none), date, status. */
export function flowLabel(e: GraphEdge): string {
  if (e.type !== 'FUNDS') return ['pilote', formatDate(e.date)].filter(Boolean).join(' · ');
  return [formatAmount(e.amount, true), formatDate(e.date), e.status !== 'effective' ? STATUS_LABEL[e.status] : ''].filter(Boolean).join(' · ');
}

/**
 * Columns left to right in money-flow order: upstream funders at negative columns (their hop distance to the
 * actor), beneficiaries at positive ones. A node met at several distances takes the farthest, so every
 * arrow of a chain points right.
 */
export function flowColumns(actorId: string, up: FundingChain[], down: FundingChain[]): Map<string, number> {
  const col = new Map<string, number>([[actorId, 0]]);
  const put = (id: string, c: number) => {
    const was = col.get(id);
    if (id === actorId) return;
    if (was === undefined || Math.abs(c) > Math.abs(was)) col.set(id, c);
  };
  for (const c of up) {
    const ids = [c.hops[0].source, ...c.hops.map((x) => x.target)];
    ids.forEach((id, j) => put(id, j - (ids.length - 1)));
  }
  for (const c of down) {
    const ids = [c.hops[0].source, ...c.hops.map((x) => x.target)];
    ids.forEach((id, j) => put(id, j));
  }
  return col;
}

function flowElements(actorId: string, flows: Flow[], up: FundingChain[], down: FundingChain[]): ElementDefinition[] {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const f of flows) {
    f.nodes.forEach((n) => nodes.set(n.id, n));
    f.edges.forEach((e) => edges.set(e.id, e));
  }
  const col = flowColumns(actorId, up, down);
  const byCol = new Map<number, GraphNode[]>();
  for (const n of nodes.values()) {
    const c = col.get(n.id) ?? 0;
    byCol.set(c, [...(byCol.get(c) ?? []), n]);
  }
  const els: ElementDefinition[] = [];
  for (const [c, ns] of byCol) {
    ns.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    ns.forEach((n, i) => {
      const el = nodeElement(n);
      el.data.size = n.id === actorId ? 40 : 28;
      els.push({ ...el, position: { x: c * COLUMN_GAP, y: (i - (ns.length - 1) / 2) * ROW_GAP }, classes: n.id === actorId ? 'focal' : '' });
    });
  }
  for (const e of edges.values()) {
    const el = edgeElement(e);
    el.data.flowLabel = flowLabel(e);
    els.push({ ...el, classes: e.type === 'FUNDS' && e.amount === undefined ? 'unknown-amount' : '' });
  }
  return els;
}

function flowCy(container: HTMLElement, onTapNode: (id: string) => void): Core {
  const cy = cytoscape({
    container,
    style: [
      ...stylesheet(),
      { selector: 'edge', style: { label: 'data(flowLabel)', 'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '2px', opacity: 0.9 } },
      // Unknown amounts must not read as small ones: thin, dashed and grey, labelled "montant inconnu".
      { selector: 'edge.unknown-amount', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 4], 'line-color': '#9aa0a6', 'target-arrow-color': '#9aa0a6', color: '#5f6368' } },
      { selector: 'node', style: { 'font-size': 12, 'text-max-width': '110px' } },
      { selector: 'node.focal', style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 700 } },
    ],
    minZoom: 0.2,
    maxZoom: 2.5,
    wheelSensitivity: 0.25,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  cy.on('tap', 'node', (ev) => onTapNode(ev.target.id()));
  // The tab may be hidden when the flow is drawn: fit once the container has a size.
  new ResizeObserver(() => { cy.resize(); cy.fit(undefined, 24); }).observe(container);
  return cy;
}

function totalsTable(totals: FundingTotal[], direction: Direction, names: Map<string, string>): HTMLElement {
  if (!totals.length) return h('p', { class: 'muted' }, direction === 'upstream' ? 'Aucun financement connu.' : 'Aucun bénéficiaire connu.');
  return h(
    'table',
    { class: 'totals', 'data-testid': `funding-totals-${direction}` },
    h('thead', {}, h('tr', {}, h('th', {}, direction === 'upstream' ? 'Financeur' : 'Bénéficiaire'), h('th', {}, 'Montant connu'))),
    h(
      'tbody',
      {},
      ...totals.map((t) =>
        h(
          'tr',
          { 'data-testid': 'funding-total', 'data-actor': t.actor },
          h('td', {}, names.get(t.actor) ?? t.actor, t.statuses.some((s) => s !== 'effective')
            ? h('span', { class: 'muted' }, ` (${t.statuses.map((s) => STATUS_LABEL[s]).join(', ')})`) : null),
          h('td', { class: 'amount' },
            t.known > 0 ? formatAmount(t.known) : '',
            // Unknown parts are said, never added as zero.
            t.unknownParts ? h('span', { class: 'chip amount unknown' }, `${t.known > 0 ? '+ ' : ''}${t.unknownParts} montant${t.unknownParts > 1 ? 's' : ''} inconnu${t.unknownParts > 1 ? 's' : ''}`) : null),
        ),
      ),
    ),
  );
}

function chainItem(c: FundingChain, names: Map<string, string>, sources: Map<string, Source>): HTMLElement {
  const name = (id: string) => names.get(id) ?? id;
  const flags = [
    c.viaPilots ? 'via la structure qui pilote' : '',
    c.undatedHops.length ? `${c.undatedHops.length} lien${c.undatedHops.length > 1 ? 's' : ''} non daté${c.undatedHops.length > 1 ? 's' : ''}` : '',
    c.datesInOrder ? '' : 'dates à rebours',
  ].filter(Boolean);
  return h(
    'li',
    { class: 'chain', 'data-testid': 'funding-chain' },
    h('div', { class: 'chain-head' }, [c.hops[0].source, ...c.hops.map((x) => x.target)].map(name).join(' → ')),
    flags.length ? h('div', { class: 'facts' }, ...flags.map((f) => h('span', { class: 'chip' }, f))) : null,
    h('ol', { class: 'hops' }, ...c.hops.map((e) =>
      h('li', { class: 'hop' },
        h('span', { class: e.type === 'FUNDS' && e.amount === undefined ? 'chip amount unknown' : 'chip' }, `${e.type === 'FUNDS' ? 'finance' : 'pilote'} · ${flowLabel(e)}`),
        ` ${name(e.source)} → ${name(e.target)}`,
        h('details', { class: 'hop-evidence' }, h('summary', {}, 'sources'), evidenceBlock(e, sources))))),
  );
}

export function registerFunding(ctx: AppContext): void {
  let current: string | undefined;
  let pane: HTMLElement | undefined;
  let sources = new Map<string, Source>();
  let ticket = 0;
  let cy: Core | undefined;
  const depth = h('select', { 'aria-label': 'Nombre de liens au plus', 'data-testid': 'funding-depth' },
    ...[1, 2, 3, 4, 5, 6].map((d) => new Option(`${d} lien${d > 1 ? 's' : ''} au plus`, String(d))));
  depth.value = '4';
  const dates = h('input', { type: 'checkbox', 'data-testid': 'funding-respect-dates' });
  const canvas = h('div', { class: 'flow-canvas', 'data-testid': 'funding-flow' });
  const body = h('div', { class: 'funding-body', 'data-testid': 'funding-body' });

  const load = async () => {
    if (!pane) return;
    if (!current) { body.replaceChildren(h('p', { class: 'muted' }, 'Sélectionnez un acteur sur le réseau pour voir qui le finance et qui il finance.')); return; }
    const mine = ++ticket;
    const id = current;
    body.replaceChildren(h('p', { class: 'muted' }, 'Chargement…'));
    let up: Flow;
    let down: Flow;
    try {
      const opts = { maxDepth: Number(depth.value), respectDates: dates.checked };
      [up, down] = await Promise.all([ctx.api.funding(id, { direction: 'upstream', ...opts }), ctx.api.funding(id, { direction: 'downstream', ...opts })]);
    } catch (e) {
      if (mine === ticket) body.replaceChildren(h('p', { class: 'error' }, `Financements indisponibles : ${(e as Error).message}`));
      return;
    }
    if (mine !== ticket) return;
    const names = new Map([...up.nodes, ...down.nodes].map((n) => [n.id, n.name]));
    const actorName = names.get(id) ?? (ctx.cy.getElementById(id).data('name') as string | undefined) ?? id;

    cy ??= flowCy(canvas, (tapped) => { current = tapped; void load(); });
    cy.elements().remove();
    cy.add(flowElements(id, [up, down], up.chains, down.chains));
    cy.layout({ name: 'preset', fit: true, padding: 24 }).run();

    const onNetwork = h('button', { type: 'button', class: 'secondary', 'data-testid': 'funding-on-network' }, 'Voir ces flux sur le réseau');
    onNetwork.addEventListener('click', () => {
      const g = { nodes: [...up.nodes, ...down.nodes], edges: [...up.edges, ...down.edges] };
      void ctx.showGraph(g, 'add');
      ctx.highlight(g.nodes.map((n) => n.id), g.edges.map((e) => e.id));
    });
    const dropped = up.droppedByDates + down.droppedByDates;
    const section = (f: Flow, dir: Direction, title: string) =>
      h('section', { class: 'group', 'data-testid': `funding-${dir}` },
        h('h3', {}, title, ' ', h('span', { class: 'count' }, String(f.chains.length))),
        totalsTable(f.totals, dir, names),
        f.chains.length ? h('details', { class: 'chains' }, h('summary', {}, `Les ${f.chains.length} chaîne${f.chains.length > 1 ? 's' : ''}, lien par lien`),
          h('ol', {}, ...f.chains.map((c) => chainItem(c, names, sources)))) : null,
        f.truncated ? h('p', { class: 'warn' }, 'Trop de chaînes : la liste est tronquée ; réduisez la profondeur.') : null);
    body.replaceChildren(
      h('div', {},
        h('h2', { 'data-testid': 'funding-actor' }, actorName),
        h('div', { class: 'actions' }, onNetwork),
        dropped ? h('p', { class: 'muted' }, `${dropped} chaîne${dropped > 1 ? 's' : ''} écartée${dropped > 1 ? 's' : ''} : dates à rebours.`) : null,
        section(up, 'upstream', `Qui finance ${actorName} ?`),
        section(down, 'downstream', `Qui ${actorName} finance`)),
    );
  };

  ctx.addTab({
    id: 'funding',
    title: 'Financements',
    followsSelection: true,
    render(p) {
      pane = p;
      void ctx.api.sources().then((r) => { sources = new Map(r.sources.map((s) => [s.id, s])); }, () => undefined);
      depth.addEventListener('change', () => void load());
      dates.addEventListener('change', () => void load());
      p.replaceChildren(
        h('div', { class: 'funding-panel', 'data-testid': 'funding-panel' },
          h('div', { class: 'actions' }, depth, h('label', { class: 'check' }, dates, ' Respecter l’ordre des dates')),
          h('p', { class: 'legend-line muted' }, 'De gauche à droite : l’argent va des financeurs vers les bénéficiaires. Épaisseur selon le montant ; tirets gris : montant inconnu.'),
          canvas,
          body),
      );
      void load();
    },
  });
  ctx.onSelect((id) => { current = id; if (pane) void load(); });
}
