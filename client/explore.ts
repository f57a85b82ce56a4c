// Exploring like an analyst: wires the view state (filters, time, focus, hidden and pinned actors,
// layout, sizing) to the network, the URL, undo/redo, named views, keyboard and performance mode.
import './explore.css';
import type { NodeSingular } from 'cytoscape';
import type { AppContext } from './app';
import { DRAG_MAX, LARGE_VIEW, selectOnly } from './graph/cy';
import type { LayoutName } from './graph/layouts';
import { LAYOUTS } from './graph/layouts';
import { sizeByDegree } from './graph/elements';
import { setLargeView } from './graph/style';
import { h } from './panels/dom';
import { registerExport } from './panels/export';
import { applyView, countsText, registerFilters, type Shown } from './panels/filters';
import { registerKeyActors } from './panels/key-actors';
import { registerTimeline } from './panels/timeline';
import { decodeView, encodeView } from './state/url';
import { toggled, view, type ViewState } from './state/view-state';

/** In a large view only this many actors (the most connected) keep their name on the network. */
export const LABELLED_HUBS = 30;
/** The most actors one expansion of a focused view adds; the rest come with "+N de plus". */
export const EXPAND_CAP = 150;
const VIEWS_KEY = 'maillage.views';

interface SavedView { name: string; hash: string }

export function registerExplore(ctx: AppContext): void {
  const cy = ctx.cy;
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
  const canvas = $('.canvas');
  const tools = $('.tools');
  const layoutSelect = $<HTMLSelectElement>('#layout');

  const syncFilters = registerFilters(ctx);
  const keyActors = registerKeyActors(ctx);
  const syncTimeline = registerTimeline(ctx, canvas);

  // ---- toolbar: undo/redo, named views, export ----
  const undo = h('button', { type: 'button', title: 'Annuler (Ctrl+Z)', 'data-testid': 'undo', 'aria-label': 'Annuler' }, '↶');
  const redo = h('button', { type: 'button', title: 'Rétablir (Ctrl+Maj+Z)', 'data-testid': 'redo', 'aria-label': 'Rétablir' }, '↷');
  undo.addEventListener('click', () => view.undo());
  redo.addEventListener('click', () => view.redo());
  const views = viewsMenu(ctx);
  const exportHost = h('span', { class: 'export-host' });
  tools.prepend(undo, redo);
  tools.append(views, exportHost);
  registerExport(ctx, exportHost);

  const empty = h('div', { class: 'empty-state', 'data-testid': 'empty-state', hidden: '' },
    h('p', {}, 'Les filtres masquent tout le réseau.'));
  const showAll = h('button', { type: 'button', class: 'secondary' }, 'Tout réafficher');
  showAll.addEventListener('click', () => view.set({ offKinds: [], offTypes: [], offStatuses: [], amountMin: undefined, amountMax: undefined, hideIsolated: false, year: undefined, focus: undefined, hidden: [] }));
  empty.append(showAll);
  canvas.append(empty);

  const selBar = selectionBar(ctx);
  canvas.append(selBar.el);
  const more = h('div', { class: 'more-bar', hidden: '', 'data-testid': 'expand-more' });
  canvas.append(more);

  // ---- drawing the state ----
  let restored = false;
  let layoutFromSelect = false;
  let shown: Shown | undefined;

  const draw = (v: ViewState, prev?: ViewState) => {
    // Selecting an actor changes nothing on the network's filters: skip the pass over every element.
    if (!prev || !onlySelectionChanged(v, prev)) {
      shown = applyView(cy, v);
      const pinned = new Set(v.pinned);
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const pin = pinned.has(n.id());
          if (pin === n.locked()) return;
          n.toggleClass('pinned', pin);
          if (pin) n.lock(); else n.unlock();
        });
      });
      keyActors.apply(v);
      $('#counts').textContent = countsText(shown);
      empty.hidden = !(shown.totalNodes > 0 && shown.nodes === 0);
      syncFilters(v, shown);
      syncTimeline(v);
      checkPerformance();
    }
    selBar.sync(v);
    undo.disabled = !view.canUndo();
    redo.disabled = !view.canRedo();
    if (v.layout && v.layout in LAYOUTS) layoutSelect.value = v.layout;
    ctx.keepPositions = v.layout === 'keep';
    if (prev && v.layout !== prev.layout && !layoutFromSelect) ctx.runLayout((v.layout ?? 'fcose') as LayoutName);
    if (restored) {
      const hash = encodeView(v);
      if (hash !== location.hash.slice(1)) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
    }
  };

  /** Past LARGE_VIEW elements the view draws cheaply (graph/style.ts) and only hubs keep their names. */
  function checkPerformance(): void {
    const large = cy.elements().length > LARGE_VIEW;
    if (large) markHubs();
    if (!setLargeView(cy, large, cy.elements().length > DRAG_MAX)) return;
    sizeByDegree(cy);
    if (large) ctx.notify(`Grand réseau : ${cy.elements().length} éléments — liens simplifiés, noms des ${LABELLED_HUBS} acteurs les plus reliés (les autres au survol).`, 'warn');
  }

  /** Class `hub` on the LABELLED_HUBS most connected actors; only the nodes that change are touched. */
  function markHubs(): void {
    const nodes = cy.nodes();
    // Degrees from one pass over the ties: node.degree() builds a collection per node (a tenth of a 2k/5k first draw).
    const index = new Map<string, number>();
    nodes.forEach((n, i) => { index.set(n.id(), i); });
    const degrees = new Float64Array(nodes.length);
    cy.edges().forEach((e) => {
      const [s, t] = [index.get(e.data('source') as string), index.get(e.data('target') as string)];
      if (s !== undefined) degrees[s]++;
      if (t !== undefined) degrees[t]++;
    });
    const sorted = Float64Array.from(degrees).sort();
    const cut = sorted[Math.max(0, sorted.length - LABELLED_HUBS)] ?? Infinity;
    // Ties at the cut-off degree fill the places the strictly larger ones leave.
    let room = LABELLED_HUBS - degrees.filter((d) => d > cut).length;
    cy.batch(() => {
      nodes.forEach((n, i) => {
        const atCut = degrees[i] === cut && degrees[i] > 0 && room > 0;
        if (atCut) room--;
        const hub = degrees[i] > cut || atCut;
        if (hub !== n.hasClass('hub')) n.toggleClass('hub', hub);
      });
    });
  }

  view.subscribe((v, prev) => draw(v, prev));

  // New elements (first load, expansions, console results) get the current filters at once, and whatever
  // the draw order, the counts in the top bar say what is filtered: once per change, not per element.
  ctx.onGraphChange(() => {
    if (!restored && cy.nodes().length) restore();
    else draw(view.get());
  });

  function restore(): void {
    restored = true;
    const v = decodeView(location.hash);
    view.set(v, { record: false });
    if (v.layout && v.layout !== 'fcose') ctx.runLayout(v.layout as LayoutName);
    if (v.selected && cy.getElementById(v.selected).nonempty()) ctx.select(v.selected);
  }

  window.addEventListener('hashchange', () => {
    const v = decodeView(location.hash);
    view.replace(v);
    if (v.selected) ctx.select(v.selected);
  });

  // ---- what other parts of the app change ----
  layoutSelect.addEventListener('change', () => {
    layoutFromSelect = true;
    view.set({ layout: layoutSelect.value === 'fcose' ? undefined : layoutSelect.value });
    layoutFromSelect = false;
  });
  ctx.onSelect((id) => view.set({ selected: id }, { record: false }));
  cy.on('dbltap', 'node', (e) => expandFocus(e.target as NodeSingular));
  cy.on('cxttap', 'node', (e) => ctx.select((e.target as NodeSingular).id()));

  /** In a focused view, double-click adds the actor's neighbours to the focus, at most EXPAND_CAP at once. */
  function expandFocus(node: NodeSingular, cap = EXPAND_CAP): void {
    const v = view.get();
    if (!v.focus) return;
    const missing = node.neighborhood('node').map((n) => n.id()).filter((id) => !v.focus!.includes(id));
    if (!missing.length) return;
    const add = missing.slice(0, cap);
    view.set({ focus: [...v.focus, ...add] });
    const rest = missing.length - add.length;
    more.hidden = rest === 0;
    if (rest) {
      const b = h('button', { type: 'button', class: 'secondary' }, `+${rest} de plus`);
      b.addEventListener('click', () => { more.hidden = true; expandFocus(node, Infinity); });
      more.replaceChildren(h('span', {}, `${add.length} voisins de ${node.data('name')} ajoutés. `), b);
    }
  }

  // ---- keyboard ----
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable], .cm-editor')) return;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && key === 'z') { e.preventDefault(); if (e.shiftKey) view.redo(); else view.undo(); return; }
    if ((e.ctrlKey || e.metaKey) && key === 'y') { e.preventDefault(); view.redo(); return; }
    if (e.key === 'Escape') {
      selectOnly(cy);
      ctx.clearHighlight();
      view.set({ selected: undefined }, { record: false });
      return;
    }
    const dir = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[e.key];
    const sel = view.get().selected;
    if (dir && sel) {
      const next = neighbourToward(cy.getElementById(sel) as NodeSingular, dir);
      if (next) { e.preventDefault(); ctx.select(next.id()); }
    }
  });
}

/** True when two view states differ by the selection alone (the store replaces what changes, so === suffices). */
function onlySelectionChanged(v: ViewState, prev: ViewState): boolean {
  const keys = new Set([...Object.keys(v), ...Object.keys(prev)] as (keyof ViewState)[]);
  for (const k of keys) if (k !== 'selected' && v[k] !== prev[k]) return false;
  return true;
}

/** The visible neighbour lying most nearly in direction `dir` from `node` (arrow keys walk the network). */
function neighbourToward(node: NodeSingular, dir: [number, number]): NodeSingular | undefined {
  if (node.empty()) return undefined;
  const p = node.position();
  let best: NodeSingular | undefined;
  let bestScore = Infinity;
  node.neighborhood('node').not('.filtered').forEach((n) => {
    const q = n.position();
    const dx = q.x - p.x, dy = q.y - p.y;
    const dist = Math.hypot(dx, dy) || 1;
    const cos = (dx * dir[0] + dy * dir[1]) / dist;
    if (cos < 0.35) return;
    const score = dist / cos;
    if (score < bestScore) { bestScore = score; best = n; }
  });
  return best;
}

/** Floating buttons for the selected actor: hide it, pin it where it is, or focus on it and its neighbours. */
function selectionBar(ctx: AppContext) {
  const name = h('strong', {});
  const hide = h('button', { type: 'button', 'data-testid': 'hide-actor', title: 'Masquer cet acteur (annulable)' }, 'Masquer');
  const pin = h('button', { type: 'button', 'data-testid': 'pin-actor', title: 'Le garder à sa place quelle que soit la disposition' }, 'Épingler');
  const focus = h('button', { type: 'button', 'data-testid': 'focus-actor', title: 'N’afficher que lui et ses voisins' }, 'Isoler avec ses voisins');
  const whole = h('button', { type: 'button', 'data-testid': 'unfocus', title: 'Revenir au réseau entier' }, 'Tout le réseau');
  const el = h('div', { class: 'selection-bar', hidden: '', 'data-testid': 'selection-bar' }, name, hide, pin, focus, whole);
  const selected = () => view.get().selected;
  hide.addEventListener('click', () => {
    const id = selected();
    if (!id) return;
    selectOnly(ctx.cy);
    view.set({ hidden: [...view.get().hidden, id], selected: undefined });
    ctx.notify('Acteur masqué — Ctrl+Z pour annuler');
  });
  pin.addEventListener('click', () => { const id = selected(); if (id) view.set({ pinned: toggled(view.get().pinned, id) }); });
  focus.addEventListener('click', () => {
    const id = selected();
    if (!id) return;
    const n = ctx.cy.getElementById(id) as NodeSingular;
    view.set({ focus: [id, ...n.neighborhood('node').map((x) => x.id())] });
    ctx.cy.animate({ fit: { eles: n.closedNeighborhood(), padding: 60 } }, { duration: 350 });
  });
  whole.addEventListener('click', () => view.set({ focus: undefined }));
  return {
    el,
    sync(v: ViewState) {
      const n = v.selected ? ctx.cy.getElementById(v.selected) : undefined;
      el.hidden = !n?.nonempty() && !v.focus;
      name.textContent = n?.nonempty() ? (n.data('name') as string) : '';
      for (const b of [hide, pin, focus]) b.hidden = !n?.nonempty();
      pin.textContent = v.selected && v.pinned.includes(v.selected) ? 'Désépingler' : 'Épingler';
      whole.hidden = !v.focus;
    },
  };
}

function readViews(): SavedView[] {
  try {
    const v = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is SavedView => typeof x?.name === 'string' && typeof x?.hash === 'string') : [];
  } catch {
    return [];
  }
}

/** "Vues": save the current view under a name (localStorage), reopen one, copy the link. */
function viewsMenu(ctx: AppContext): HTMLElement {
  const list = h('ul', { class: 'saved-views', 'data-testid': 'saved-views' });
  const input = h('input', { type: 'text', placeholder: 'Nom de la vue', 'data-testid': 'view-name', 'aria-label': 'Nom de la vue' });
  const save = h('button', { type: 'button', 'data-testid': 'view-save' }, 'Enregistrer');
  const copy = h('button', { type: 'button', 'data-testid': 'view-copy' }, 'Copier le lien de cette vue');
  const menu = h('details', { class: 'menu', 'data-testid': 'views-menu' }, h('summary', {}, 'Vues'),
    h('div', { class: 'menu-body' }, h('div', { class: 'row' }, input, save), copy, h('h4', {}, 'Vues enregistrées'), list));
  const render = () => {
    const saved = readViews();
    list.replaceChildren(...(saved.length ? saved.map((s, i) => {
      const open = h('button', { type: 'button', class: 'link' }, s.name);
      open.addEventListener('click', () => { menu.open = false; location.hash = s.hash || '#'; });
      const del = h('button', { type: 'button', class: 'del', title: 'Supprimer', 'aria-label': `Supprimer ${s.name}` }, '×');
      del.addEventListener('click', () => { const all = readViews(); all.splice(i, 1); localStorage.setItem(VIEWS_KEY, JSON.stringify(all)); render(); });
      return h('li', {}, open, del);
    }) : [h('li', { class: 'muted' }, 'Aucune pour l’instant.')]));
  };
  save.addEventListener('click', () => {
    const name = input.value.trim() || `Vue du ${new Date().toLocaleString('fr-FR')}`;
    const all = readViews().filter((s) => s.name !== name);
    all.push({ name, hash: location.hash.slice(1) });
    localStorage.setItem(VIEWS_KEY, JSON.stringify(all));
    input.value = '';
    render();
    ctx.notify(`Vue « ${name} » enregistrée`);
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).then(() => ctx.notify('Lien copié'), () => ctx.notify(location.href));
  });
  render();
  return menu;
}
