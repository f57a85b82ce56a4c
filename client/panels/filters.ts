// The "Filtres" tab and the one function that draws a view state on Cytoscape: filtered elements get
// the class `filtered` (display: none), so nothing is deleted and counts stay honest.
import type { Core } from 'cytoscape';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, REL_STATUSES, REL_TYPES, type ActorKind, type RelStatus, type RelType } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { KIND_STYLE, setClass, STATUS_LABEL, TYPE_STYLE } from '../graph/style';
import { EMPTY_VIEW, toggled, view, visibleIds, type EdgeFacts, type NodeFacts, type ViewState } from '../state/view-state';
import { h } from './dom';

export interface Shown { nodes: number; edges: number; totalNodes: number; totalEdges: number }

/** Hides what the view state filters out, marks undated ties under a time cut-off; returns the counts. */
export function applyView(cy: Core, v: ViewState): Shown {
  const nodes = cy.nodes().map((n) => n.data() as NodeFacts);
  const edges = cy.edges().map((e) => e.data() as EdgeFacts);
  const vis = visibleIds(v, nodes, edges);
  cy.batch(() => {
    cy.nodes().forEach((n) => { setClass(n, 'filtered', !vis.nodes.has(n.id())); });
    cy.edges().forEach((e) => {
      setClass(e, 'filtered', !vis.edges.has(e.id()));
      setClass(e, 'undated', v.year !== undefined && !e.data('date'));
    });
  });
  return { nodes: vis.nodes.size, edges: vis.edges.size, totalNodes: nodes.length, totalEdges: edges.length };
}

export function countsText(s: Shown): string {
  if (s.nodes === s.totalNodes && s.edges === s.totalEdges) return `${s.totalNodes} acteurs · ${s.totalEdges} relations`;
  return `${s.nodes} sur ${s.totalNodes} acteurs affichés · ${s.edges} sur ${s.totalEdges} relations`;
}

const euros = (s: string) => {
  const n = Number(s.replace(/\s/g, '').replace(',', '.'));
  return s.trim() && Number.isFinite(n) && n >= 0 ? n : undefined;
};

function checkList<T extends string>(opts: {
  name: string; values: readonly T[]; label: (v: T) => string; swatch: (v: T) => string; off: (v: ViewState) => T[]; key: 'offKinds' | 'offTypes' | 'offStatuses';
}) {
  const boxes = new Map<T, HTMLInputElement>();
  const list = h('ul', { class: 'checks' }, ...opts.values.map((value) => {
    const box = h('input', { type: 'checkbox', 'data-testid': `filter-${opts.name}-${value}` });
    box.checked = true;
    box.addEventListener('change', () => view.set({ [opts.key]: toggled(opts.off(view.get()), value) } as Partial<ViewState>));
    boxes.set(value, box);
    return h('li', {}, h('label', {}, box, h('span', { class: 'swatch-dot', style: opts.swatch(value) }), opts.label(value)));
  }));
  const sync = (v: ViewState) => { for (const [value, box] of boxes) box.checked = !opts.off(v).includes(value); };
  return { list, sync };
}

/** Registers the tab; the returned function refreshes it after each view change (explore.ts calls it). */
export function registerFilters(ctx: AppContext): (v: ViewState, shown: Shown) => void {
  let sync: ((v: ViewState, shown?: Shown) => void) | undefined;
  let last: Shown | undefined;
  ctx.addTab({
    id: 'filters',
    title: 'Filtres',
    render(pane) {
      const kinds = checkList<ActorKind>({ name: 'kind', values: ACTOR_KINDS, label: (k) => ACTOR_KIND_LABELS[k], swatch: (k) => `background:${KIND_STYLE[k].color}`, off: (v) => v.offKinds, key: 'offKinds' });
      const types = checkList<RelType>({ name: 'type', values: REL_TYPES, label: (t) => TYPE_STYLE[t].label, swatch: (t) => `background:${TYPE_STYLE[t].color};border-radius:2px;height:4px`, off: (v) => v.offTypes, key: 'offTypes' });
      const statuses = checkList<RelStatus>({ name: 'status', values: REL_STATUSES, label: (s) => STATUS_LABEL[s], swatch: () => 'display:none', off: (v) => v.offStatuses, key: 'offStatuses' });
      const min = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'min €', 'data-testid': 'filter-amount-min', 'aria-label': 'Montant minimum en euros' });
      const max = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'max €', 'data-testid': 'filter-amount-max', 'aria-label': 'Montant maximum en euros' });
      const onAmount = () => view.set({ amountMin: euros(min.value), amountMax: euros(max.value) });
      min.addEventListener('change', onAmount);
      max.addEventListener('change', onAmount);
      const iso = h('input', { type: 'checkbox', 'data-testid': 'filter-isolated' });
      iso.addEventListener('change', () => view.set({ hideIsolated: iso.checked }));
      const reset = h('button', { type: 'button', class: 'secondary', 'data-testid': 'filter-reset' }, 'Tout réafficher');
      reset.addEventListener('click', () => view.replace({ ...EMPTY_VIEW, selected: view.get().selected, layout: view.get().layout, sizeBy: view.get().sizeBy, communities: view.get().communities, pinned: view.get().pinned }));
      const summary = h('p', { class: 'filter-summary', 'data-testid': 'filter-summary' });
      pane.replaceChildren(h('div', { class: 'filters' },
        summary,
        h('h3', {}, 'Acteurs'), kinds.list,
        h('label', { class: 'inline' }, iso, 'Masquer les acteurs sans relation affichée'),
        h('h3', {}, 'Relations'), types.list,
        h('h3', {}, 'Statut'), statuses.list,
        h('h3', {}, 'Montant des financements'),
        h('div', { class: 'range' }, min, h('span', {}, '—'), max),
        h('p', { class: 'muted small' }, 'Un montant fixé masque les financements dont le montant n’est pas connu.'),
        h('div', { class: 'actions' }, reset),
      ));
      sync = (v, shown = last) => {
        kinds.sync(v); types.sync(v); statuses.sync(v);
        iso.checked = v.hideIsolated;
        if (document.activeElement !== min) min.value = v.amountMin !== undefined ? String(v.amountMin) : '';
        if (document.activeElement !== max) max.value = v.amountMax !== undefined ? String(v.amountMax) : '';
        summary.textContent = shown ? countsText(shown) : '';
      };
      sync(view.get());
    },
  });
  return (v, shown) => { last = shown; sync?.(v, shown); };
}
