// The "Détails" tab: an actor's identity and its relationships grouped by type, each with its evidence.
import type { ActorDetail, GraphEdge, Source } from '../../model/schema';
import { ACTOR_KIND_LABELS } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { formatAmount, formatDate } from '../graph/format';
import { KIND_STYLE, STATUS_LABEL, TYPE_STYLE } from '../graph/style';
import { h } from './dom';

type Rel = ActorDetail['relationships'][number];

// Group headings read as sentences about the selected actor: "Finance" (out) / "Financé par" (in).
const GROUPS: { key: string; title: string; test: (r: Rel) => boolean }[] = [
  { key: 'funds-in', title: 'Financé par', test: (r) => r.type === 'FUNDS' && r.direction === 'in' },
  { key: 'funds-out', title: 'Finance', test: (r) => r.type === 'FUNDS' && r.direction === 'out' },
  { key: 'pilots-in', title: 'Piloté par', test: (r) => r.type === 'PILOTS' && r.direction === 'in' },
  { key: 'pilots-out', title: 'Pilote', test: (r) => r.type === 'PILOTS' && r.direction === 'out' },
  { key: 'partners', title: 'Partenaires', test: (r) => r.type === 'PARTNERS_WITH' },
  { key: 'labels-in', title: 'Labellisé par', test: (r) => r.type === 'LABELS' && r.direction === 'in' },
  { key: 'labels-out', title: 'Labellise', test: (r) => r.type === 'LABELS' && r.direction === 'out' },
];

function sourceLine(sourceId: string, sources: Map<string, Source>) {
  const s = sources.get(sourceId);
  if (!s) return h('cite', {}, sourceId);
  const bits = [s.publisher, formatDate(s.date), s.author].filter(Boolean).join(' · ');
  return h('cite', { 'data-testid': 'evidence-source' }, h('span', { class: 'src-title' }, s.title), bits ? ` — ${bits}` : '');
}

/** Evidence blocks: the excerpt as a quotation, then where it comes from. */
export function evidenceBlock(e: GraphEdge, sources: Map<string, Source>) {
  return h(
    'div',
    { class: 'evidence' },
    ...e.evidence.map((ev) =>
      h('blockquote', { 'data-testid': 'evidence' }, h('p', {}, `« ${ev.excerpt} »`), sourceLine(ev.source, sources)),
    ),
  );
}

function facts(e: GraphEdge) {
  const chips = [
    e.type === 'FUNDS' ? h('span', { class: `chip amount${e.amount === undefined ? ' unknown' : ''}` }, formatAmount(e.amount)) : null,
    e.date ? h('span', { class: 'chip' }, formatDate(e.date)) : null,
    e.status !== 'effective' ? h('span', { class: `chip status-${e.status}` }, STATUS_LABEL[e.status]) : null,
    e.role ? h('span', { class: 'chip role' }, e.role) : null,
  ];
  return h('div', { class: 'facts' }, ...chips);
}

function relItem(ctx: AppContext, r: Rel, sources: Map<string, Source>) {
  const other = h('button', { type: 'button', class: 'link actor-link', 'data-testid': 'related-actor' }, r.other.name);
  other.addEventListener('click', () => ctx.select(r.other.id));
  const li = h(
    'li',
    { class: 'rel', 'data-edge': r.id },
    h('div', { class: 'rel-head' }, h('span', { class: 'kind-dot', style: `background:${KIND_STYLE[r.other.kind].color}` }), other),
    facts(r),
    r.note ? h('p', { class: 'note' }, r.note) : null,
    evidenceBlock(r, sources),
  );
  li.addEventListener('mouseenter', () => ctx.cy.getElementById(r.id).addClass('hover'));
  li.addEventListener('mouseleave', () => ctx.cy.getElementById(r.id).removeClass('hover'));
  return li;
}

/** Relationships drawn at first per group: a hub of a large graph has thousands, each with its evidence. */
const GROUP_SHOWN = 25;

/** A group's list: the first GROUP_SHOWN items, the rest one click away. */
function relList(ctx: AppContext, rels: Rel[], sources: Map<string, Source>): HTMLElement {
  const ul = h('ul', {}, ...rels.slice(0, GROUP_SHOWN).map((r) => relItem(ctx, r, sources)));
  if (rels.length <= GROUP_SHOWN) return ul;
  const rest = h('button', { type: 'button', class: 'link', 'data-testid': 'group-more' }, `Voir les ${rels.length - GROUP_SHOWN} autres`);
  rest.addEventListener('click', () => { rest.remove(); ul.append(...rels.slice(GROUP_SHOWN).map((r) => relItem(ctx, r, sources))); });
  return h('div', {}, ul, rest);
}

export function renderActor(ctx: AppContext, pane: HTMLElement, d: ActorDetail): void {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const a = d.actor;
  const head = h(
    'header',
    { class: 'actor-head' },
    h('div', { class: 'kind', style: `--kind:${KIND_STYLE[a.kind].color}` }, ACTOR_KIND_LABELS[a.kind]),
    h('h2', { 'data-testid': 'actor-name' }, a.name),
    a.aliases.length ? h('p', { class: 'aliases' }, `Aussi : ${a.aliases.join(', ')}`) : null,
    a.territory ? h('p', { class: 'territory' }, `Territoire : ${a.territory}`) : null,
    a.description ? h('p', { class: 'description' }, a.description) : null,
  );
  const expand = h('button', { type: 'button', class: 'secondary', 'data-testid': 'expand' }, 'Afficher ses voisins');
  expand.addEventListener('click', () => void expandNeighbourhood(ctx, a.id));
  const groups = GROUPS.map((g) => {
    const rels = d.relationships.filter(g.test);
    if (!rels.length) return null;
    const type = rels[0].type;
    return h(
      'section',
      { class: 'group', 'data-testid': `group-${g.key}` },
      h('h3', { style: `--type:${TYPE_STYLE[type].color}` }, `${g.title} `, h('span', { class: 'count' }, String(rels.length))),
      relList(ctx, rels, sources),
    );
  });
  const empty = d.relationships.length ? null : h('p', { class: 'muted' }, 'Aucune relation sourcée pour cet acteur.');
  pane.replaceChildren(h('div', { class: 'details', 'data-testid': 'details' }, head, h('div', { class: 'actions' }, expand), empty, ...groups));
}

/** An edge clicked on the network: what it says, between whom, and why we believe it. */
export function renderEdge(ctx: AppContext, pane: HTMLElement, e: GraphEdge, sources: Map<string, Source>, names = new Map<string, string>()): void {
  const name = (id: string) => names.get(id) ?? (ctx.cy.getElementById(id).data('name') as string | undefined) ?? id;
  const link = (id: string) => {
    const b = h('button', { type: 'button', class: 'link actor-link' }, name(id));
    b.addEventListener('click', () => ctx.select(id));
    return b;
  };
  pane.replaceChildren(
    h(
      'div',
      { class: 'details', 'data-testid': 'edge-details' },
      h('header', { class: 'actor-head' }, h('div', { class: 'kind', style: `--kind:${TYPE_STYLE[e.type].color}` }, 'Relation'),
        h('h2', {}, link(e.source), ` ${TYPE_STYLE[e.type].label.toLowerCase()} `, link(e.target))),
      facts(e),
      e.note ? h('p', { class: 'note' }, e.note) : null,
      evidenceBlock(e, sources),
    ),
  );
}

/** Neighbours one expansion adds at first, and at most (the server's cap). */
export const EXPAND_FIRST = 150;
export const EXPAND_MAX = 500;

/** Distinct neighbours of the actors whose details were read (the "+N de plus" of an expansion). */
const neighbourCounts = new Map<string, number>();

/**
 * Adds an actor's direct neighbours to the view (double-click or the button): the first EXPAND_FIRST, then
 * "+N de plus" asks for up to EXPAND_MAX; past that, search and filters reach the rest.
 */
export async function expandNeighbourhood(ctx: AppContext, id: string, limit = EXPAND_FIRST): Promise<void> {
  try {
    const g = await ctx.api.neighborhood(id, { depth: 1, limit });
    const before = ctx.cy.nodes().length;
    await ctx.showGraph(g, 'add');
    const added = ctx.cy.nodes().length - before;
    const node = ctx.cy.getElementById(id);
    const name = (node.data('name') as string | undefined) ?? id;
    const drawn = node.nonempty() ? node.neighborhood('node').length : 0;
    const known = neighbourCounts.get(id) ?? (node.data('degree') as number | undefined);
    const rest = known !== undefined ? Math.max(0, known - drawn) : undefined;
    moreBar.hidden = !g.truncated;
    if (!g.truncated) {
      ctx.notify(added ? `${added} voisins de ${name} ajoutés` : 'Tous les voisins sont déjà affichés');
      return;
    }
    const text = h('span', {}, `${added} voisins de ${name} ajoutés. `);
    if (limit >= EXPAND_MAX) {
      moreBar.replaceChildren(text, h('span', {}, `${rest ? `${rest} autres` : 'D’autres'} au-delà de ${EXPAND_MAX} : cherchez-les par leur nom ou filtrez.`));
      return;
    }
    const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'neighbours-more-button' }, rest ? `+${rest} de plus` : 'D’autres voisins');
    more.addEventListener('click', () => { moreBar.hidden = true; void expandNeighbourhood(ctx, id, EXPAND_MAX); });
    const close = h('button', { type: 'button', class: 'link', 'aria-label': 'Fermer' }, '×');
    close.addEventListener('click', () => { moreBar.hidden = true; });
    moreBar.replaceChildren(text, more, close);
  } catch (e) {
    ctx.notify(`Voisinage indisponible : ${(e as Error).message}`, 'error');
  }
}

/** The bar that offers the neighbours an expansion left out (placed in the network by registerDetails). */
const moreBar = h('div', { class: 'more-bar neighbours-more', hidden: '', 'data-testid': 'neighbours-more' });

export function registerDetails(ctx: AppContext): void {
  let pane: HTMLElement | undefined;
  let sources = new Map<string, Source>();
  let pending = 0;
  const placeholder = () =>
    h('div', { class: 'placeholder' }, h('p', {}, 'Cliquez sur un acteur pour voir ses relations et les extraits d’articles qui les attestent.'),
      h('p', { class: 'muted' }, 'Double-cliquez pour afficher ses voisins. Tapez / pour chercher.'));
  ctx.addTab({ id: 'details', title: 'Détails', render: (p) => { pane = p; p.replaceChildren(placeholder()); } });
  void ctx.api.sources().then((r) => { sources = new Map(r.sources.map((s) => [s.id, s])); }, () => undefined);

  // Selecting an actor opens its details, unless a tab that follows the selection (funding, paths) is open.
  ctx.onSelect(async (id) => {
    if (!ctx.activeTab()?.followsSelection) ctx.showTab('details');
    const ticket = ++pending;
    try {
      const d = await ctx.api.actor(id);
      neighbourCounts.set(id, new Set(d.relationships.map((r) => r.other.id)).size);
      if (ticket === pending && pane) renderActor(ctx, pane, d);
    } catch (e) {
      if (pane) pane.replaceChildren(h('p', { class: 'error' }, `Impossible de charger cet acteur : ${(e as Error).message}`));
    }
  });
  document.querySelector('.canvas')?.append(moreBar);
  // Large views draw ties without their evidence: it is asked for when one is clicked.
  ctx.cy.on('tap', 'edge', async (evt) => {
    ctx.showTab('details');
    const e = evt.target.data() as GraphEdge;
    if (!pane) return;
    if (e.evidence) { renderEdge(ctx, pane, e, sources); return; }
    const ticket = ++pending;
    pane.replaceChildren(h('p', { class: 'muted' }, 'Chargement des sources de cette relation…'));
    try {
      const d = await ctx.api.relationship(e.id, e.type);
      if (ticket !== pending) return;
      const cited = new Map(d.sources.map((x) => [x.id, x]));
      const names = new Map([[d.ends.source.id, d.ends.source.name], [d.ends.target.id, d.ends.target.name]]);
      renderEdge(ctx, pane, d.relationship, cited, names);
    } catch (err) {
      if (ticket === pending) pane.replaceChildren(h('p', { class: 'error' }, `Impossible de charger cette relation : ${(err as Error).message}`));
    }
  });
}
