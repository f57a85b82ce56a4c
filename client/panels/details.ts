// The "Détails" tab: an actor's identity and its relationships grouped by type, each with its evidence.
import type { ActorDetail, GraphEdge, Source } from '../../model/schema';
import { ACTOR_KIND_LABELS } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { formatAmount, formatDate } from '../graph/format';
import { holdFrames, selectOnly } from '../graph/cy';
import { isLargeView, KIND_STYLE, STATUS_LABEL, TYPE_STYLE } from '../graph/style';
import { h } from './dom';
import { actorForm, deleteForm, evidenceForm, mergeDialog, relationshipForm, removeEvidenceForm } from './edit';
import { actorHistory } from './history';

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

/**
 * Evidence blocks: the excerpt as a quotation, then where it comes from; with `remove` (editors), a button
 * on each excerpt while the tie has more than one.
 */
export function evidenceBlock(e: GraphEdge, sources: Map<string, Source>, remove?: (index: number) => void) {
  return h(
    'div',
    { class: 'evidence' },
    ...e.evidence.map((ev, i) => {
      let button: HTMLElement | null = null;
      if (remove && e.evidence.length > 1) {
        button = h('button', { type: 'button', class: 'link small', 'data-testid': 'remove-evidence', title: 'Retirer cet extrait' }, 'Retirer');
        button.addEventListener('click', () => remove(i));
      }
      return h('blockquote', { 'data-testid': 'evidence' }, h('p', {}, `« ${ev.excerpt} »`), sourceLine(ev.source, sources), button);
    }),
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

/** Sources that disagree: every claim with its sources, flagged. */
function claimsBlock(e: GraphEdge, sources: Map<string, Source>) {
  if (!e.claims?.length) return null;
  return h('div', { class: 'claims', 'data-testid': 'claims' },
    h('strong', {}, e.claims.some((c) => c.amount !== e.claims![0].amount) ? 'Montants divergents selon les sources' : 'Dates divergentes selon les sources'),
    h('ul', {}, ...e.claims.map((c) => h('li', {}, [c.amount !== undefined ? formatAmount(c.amount) : null, c.date ? formatDate(c.date) : null].filter(Boolean).join(' · ') || 'non précisé', h('span', { class: 'muted' }, ` — ${c.sources.map((id) => sources.get(id)?.title ?? id).join(', ')}`)))));
}

/** Opens an edit form with the sources list fresh from the server (a source may have just been added). */
function withSources(ctx: AppContext, open: (sources: Source[]) => void): void {
  ctx.api.sources().then((r) => open(r.sources), (e: Error) => ctx.notify(e.message, 'error'));
}

function relItem(ctx: AppContext, r: Rel, sources: Map<string, Source>, from: string) {
  const other = h('button', { type: 'button', class: 'link actor-link', 'data-testid': 'related-actor' }, r.other.name);
  other.addEventListener('click', () => ctx.select(r.other.id));
  const li = h(
    'li',
    { class: 'rel', 'data-edge': r.id },
    h('div', { class: 'rel-head' }, h('span', { class: 'kind-dot', style: `background:${KIND_STYLE[r.other.kind].color}` }), other),
    facts(r),
    claimsBlock(r, sources),
    r.note ? h('p', { class: 'note' }, r.note) : null,
    evidenceBlock(r, sources, ctx.can('editor') ? (i) => withSources(ctx, (s) => removeEvidenceForm(ctx, s, r, i, from)) : undefined),
    ctx.can('editor') ? relActions(ctx, r, from) : null,
  );
  li.addEventListener('mouseenter', () => ctx.cy.getElementById(r.id).addClass('hover'));
  li.addEventListener('mouseleave', () => ctx.cy.getElementById(r.id).removeClass('hover'));
  return li;
}

/**
 * Ties asked for and drawn at first per group: a hub of a large graph has thousands, each with its evidence,
 * and the details are shown before anything else moves (selection to details ≤ 200 ms, bench/README.md).
 */
export const GROUP_SHOWN = 25;
/** Ties per group one "Voir les autres" asks for; past them, search and filters reach the rest. */
export const GROUP_MORE = 200;

/**
 * A group's list: the ties the answer holds; when the group has more (`total`), "Voir les N autres" asks the
 * server for up to GROUP_MORE of them and redraws the list.
 */
function relList(ctx: AppContext, rels: Rel[], total: number, sources: Map<string, Source>, from: string, test: (r: Rel) => boolean): HTMLElement {
  const ul = h('ul', {}, ...rels.map((r) => relItem(ctx, r, sources, from)));
  const box = h('div', {}, ul);
  if (total <= rels.length) return box;
  const rest = h('button', { type: 'button', class: 'link', 'data-testid': 'group-more' }, `Voir les ${fr(total - rels.length)} autres`);
  rest.addEventListener('click', async () => {
    rest.disabled = true;
    try {
      const d = await ctx.api.actor(from, GROUP_MORE);
      const all = new Map([...sources, ...d.sources.map((x) => [x.id, x] as const)]);
      const more = d.relationships.filter(test);
      ul.replaceChildren(...more.map((r) => relItem(ctx, r, all, from)));
      rest.replaceWith(h('p', { class: 'muted' }, total > more.length
        ? `${fr(total - more.length)} autres au-delà de ${fr(more.length)} : cherchez-les par leur nom ou filtrez le réseau.`
        : ''));
    } catch (e) {
      rest.disabled = false;
      ctx.notify(`Relations indisponibles : ${(e as Error).message}`, 'error');
    }
  });
  box.append(rest);
  return box;
}

const fr = (n: number) => n.toLocaleString('fr-FR');

function relActions(ctx: AppContext, r: Rel, from: string) {
  const btn = (label: string, testid: string, open: (s: Source[]) => void) => {
    const b = h('button', { type: 'button', class: 'secondary small', 'data-testid': testid }, label);
    b.addEventListener('click', () => withSources(ctx, open));
    return b;
  };
  return h('div', { class: 'actions rel-actions' },
    btn('Modifier', 'edit-rel', (s) => relationshipForm(ctx, s, from, r)),
    btn('Ajouter une source', 'add-evidence', (s) => evidenceForm(ctx, s, r, from)),
    btn('Supprimer', 'delete-rel', (s) => deleteForm(ctx, s, { kind: 'relationship', id: r.id, version: r.version, label: 'la relation', refresh: from })));
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
    // The group's size is the server's count (a hub lists a few of its thousands of ties).
    const total = d.relationshipCounts.filter((c) => g.test({ type: c.type, direction: c.direction } as Rel)).reduce((n, c) => n + c.total, 0) || rels.length;
    return h(
      'section',
      { class: 'group', 'data-testid': `group-${g.key}` },
      h('h3', { style: `--type:${TYPE_STYLE[type].color}` }, `${g.title} `, h('span', { class: 'count' }, fr(total))),
      relList(ctx, rels, total, sources, a.id, g.test),
    );
  });
  const empty = d.relationships.length ? null : h('p', { class: 'muted' }, 'Aucune relation sourcée pour cet acteur.');
  const actions = h('div', { class: 'actions' }, expand);
  if (ctx.can('editor')) {
    const btn = (label: string, testid: string, onClick: () => void) => {
      const b = h('button', { type: 'button', class: 'secondary', 'data-testid': testid }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    const mergeWith = h('input', { list: 'merge-candidates', placeholder: 'identifiant du doublon', 'data-testid': 'merge-with', size: '18' });
    // The actors on the network as suggestions, listed when the field is first used (tens of thousands in a
    // large view: building them with every selection delayed the details).
    const candidates = h('datalist', { id: 'merge-candidates' });
    mergeWith.addEventListener('focus', () => {
      if (candidates.childElementCount) return;
      candidates.append(...ctx.cy.nodes().filter((n) => n.id() !== a.id).map((n) => h('option', { value: n.id() }, n.data('name') as string)));
    }, { once: true });
    actions.append(
      btn('Modifier', 'edit-actor', () => withSources(ctx, (s) => actorForm(ctx, s, d))),
      btn('Nouvelle relation', 'new-rel', () => withSources(ctx, (s) => relationshipForm(ctx, s, a.id))),
      btn('Supprimer', 'delete-actor', () => withSources(ctx, (s) => deleteForm(ctx, s, { kind: 'actor', id: a.id, version: d.version, label: a.name, refresh: a.id }))),
      h('span', { class: 'merge-with' }, mergeWith, candidates, btn('Fusionner…', 'merge-open', () => { if (mergeWith.value.trim()) void mergeDialog(ctx, a.id, mergeWith.value.trim()); })),
    );
  }
  const history = h('div', { 'data-testid': 'history-slot' });
  pane.replaceChildren(h('div', { class: 'details', 'data-testid': 'details' }, head, actions, empty, ...groups, history));
  void actorHistory(ctx, a.id, () => ctx.select(a.id)).then((el) => history.replaceChildren(el));
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
      claimsBlock(e, sources),
      e.note ? h('p', { class: 'note' }, e.note) : null,
      evidenceBlock(e, sources),
    ),
  );
}

/** How long the details asked at a press on an actor stay good for its selection (a click's press, not minutes later). */
const PRESS_MS = 3000;
/**
 * In a large view, how long a selection holds the network's frames at most while its details are on their way (a press
 * there does not grey the actor, and the user's pan, zoom or drag lets the frames go at once: nothing is missed).
 */
const HOLD_MS = 2000;

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
  // Editors get "Nouvel acteur" in the empty panel (and the details re-render once the session is known).
  ctx.onSession(() => {
    if (!pane || pane.querySelector('[data-testid=details]')) return;
    pane.replaceChildren(placeholder());
    if (ctx.can('editor')) {
      const b = h('button', { type: 'button', class: 'secondary', 'data-testid': 'new-actor' }, 'Nouvel acteur');
      b.addEventListener('click', () => withSources(ctx, (s) => actorForm(ctx, s)));
      pane.append(h('div', { class: 'actions' }, b));
    }
  });
  void ctx.api.sources().then((r) => { sources = new Map(r.sources.map((s) => [s.id, s])); }, () => undefined);

  // A click's details are asked at mouse down (tapstart), not at its tap (mouse up): a press lasts ~100 ms, and in a
  // large view Cytoscape's own work between the two is not the details'. The answer serves that actor's selection
  // within PRESS_MS; a press that becomes a drag or a pan leaves it unused.
  let pressed: { id: string; at: number; answer: Promise<ActorDetail> } | undefined;
  // In a large view the network's frames wait from the press (or a selection by keyboard or search) until the details
  // are painted (holdFrames): a frame of Cytoscape's there can take a second after a zoom, and the panel came after
  // it. The user panning, zooming or dragging an actor meanwhile lets them go at once (the view must follow the hand);
  // the app's own camera move (the selection centring the actor) waits for them.
  let held: (() => void) | undefined;
  const hold = () => {
    if (held || !isLargeView(ctx.cy)) return;
    held = holdFrames(ctx.cy, HOLD_MS, () => { held = undefined; });
  };
  ctx.cy.on('dragpan pinchzoom drag', () => held?.());
  ctx.cy.container()?.addEventListener('wheel', () => held?.(), { passive: true, capture: true });
  ctx.cy.on('tapstart', 'node', (evt) => {
    const id = (evt.target as { id(): string }).id();
    hold();
    pressed = { id, at: performance.now(), answer: ctx.api.actor(id, GROUP_SHOWN) };
    pressed.answer.catch(() => undefined); // a failure is reported by the selection that uses it
  });

  // Selecting an actor opens its details, unless a tab that follows the selection (funding, paths) is open.
  ctx.onSelect(async (id) => {
    if (!ctx.activeTab()?.followsSelection) ctx.showTab('details');
    const ticket = ++pending;
    const early = pressed?.id === id && performance.now() - pressed.at < PRESS_MS ? pressed.answer : undefined;
    pressed = undefined;
    hold();
    try {
      const d = await (early ?? ctx.api.actor(id, GROUP_SHOWN));
      // The details list a capped number of ties per type and direction: past the cap, the counts of ties
      // stand for the neighbours (an actor tied twice to another counts twice — an upper bound).
      neighbourCounts.set(id, d.truncated
        ? d.relationshipCounts.reduce((n, c) => n + c.total, 0)
        : new Set(d.relationships.map((r) => r.other.id)).size);
      if (ticket !== pending) return;
      if (pane) renderActor(ctx, pane, d);
      // The frames go once this one, which paints the panel, has begun: Cytoscape's callback of it ran (held) first.
      requestAnimationFrame(() => held?.());
    } catch (e) {
      held?.();
      if (pane) pane.replaceChildren(h('p', { class: 'error' }, `Impossible de charger cet acteur : ${(e as Error).message}`));
    }
  });
  document.querySelector('.canvas')?.append(moreBar);
  // Large views draw ties without their evidence: it is asked for when one is clicked.
  ctx.cy.on('tap', 'edge', async (evt) => {
    selectOnly(ctx.cy, evt.target); // Cytoscape selected it already, except in a large view
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
