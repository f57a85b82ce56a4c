// The legend: actor kinds (colour + shape) present in the view, relationship types and what dashes mean.
import { ACTOR_KIND_LABELS, type ActorKind, type RelType } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { KIND_STYLE, TYPE_STYLE } from '../graph/style';
import { toggled, view } from '../state/view-state';
import { h } from './dom';

const SHAPE_CSS: Record<string, string> = {
  ellipse: 'border-radius:50%',
  'round-rectangle': 'border-radius:3px',
  hexagon: 'clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)',
  diamond: 'clip-path:polygon(50% 0,100% 50%,50% 100%,0 50%)',
  'round-triangle': 'clip-path:polygon(50% 0,100% 100%,0 100%)',
  'round-pentagon': 'clip-path:polygon(50% 0,100% 38%,82% 100%,18% 100%,0 38%)',
  'round-tag': 'clip-path:polygon(0 0,70% 0,100% 50%,70% 100%,0 100%)',
  star: 'clip-path:polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)',
  octagon: 'clip-path:polygon(30% 0,70% 0,100% 30%,100% 70%,70% 100%,30% 100%,0 70%,0 30%)',
  vee: 'clip-path:polygon(0 0,50% 40%,100% 0,50% 100%)',
  rhomboid: 'clip-path:polygon(25% 0,100% 0,75% 100%,0 100%)',
};

export function registerLegend(ctx: AppContext, root: HTMLElement): void {
  const render = () => {
    const present = new Set<ActorKind>();
    ctx.cy.nodes().forEach((n) => { present.add(n.data('kind') as ActorKind); });
    const kinds = (Object.keys(KIND_STYLE) as ActorKind[]).filter((k) => present.has(k));
    const off = { kinds: new Set(view.get().offKinds), types: new Set(view.get().offTypes) };
    root.replaceChildren(
      h('h4', {}, 'Acteurs'),
      h('ul', { class: 'legend-kinds' }, ...kinds.map((k) =>
        h('li', { 'data-kind': k, class: off.kinds.has(k) ? 'off' : undefined, title: 'Cliquer pour masquer ou afficher' }, h('span', { class: 'swatch', style: `background:${KIND_STYLE[k].color};${SHAPE_CSS[KIND_STYLE[k].shape] ?? ''}` }), ACTOR_KIND_LABELS[k]))),
      h('h4', {}, 'Relations'),
      h('ul', { class: 'legend-types' }, ...(Object.keys(TYPE_STYLE) as RelType[]).map((type) => [type, TYPE_STYLE[type]] as const).map(([type, t]) =>
        h('li', { 'data-type': type, class: off.types.has(type) ? 'off' : undefined, title: 'Cliquer pour masquer ou afficher' }, h('span', { class: `line${t.arrow ? ' arrow' : ''}`, style: `--c:${t.color}` }), t.label))),
      h('ul', { class: 'legend-status' },
        h('li', {}, h('span', { class: 'line dashed', style: '--c:#555' }), 'prévu, en attente, intérêt'),
        h('li', {}, h('span', { class: 'line dotted', style: '--c:#555' }), 'refusé, terminé'),
        h('li', {}, h('span', { class: 'line thick', style: '--c:#C0392B' }), 'épaisseur = montant'),
        view.get().year !== undefined ? h('li', {}, h('span', { class: 'line undated-line' }), 'non datée : gardée, pâle') : null),
    );
  };
  const toggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true' }, 'Légende');
  root.before(toggle);
  toggle.addEventListener('click', () => {
    root.hidden = !root.hidden;
    toggle.setAttribute('aria-expanded', String(!root.hidden));
  });
  ctx.onGraphChange(render);
  // The legend doubles as a filter: clicking a kind or a type toggles it in the shared view state.
  root.addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li');
    if (li?.dataset.kind) view.set({ offKinds: toggled(view.get().offKinds, li.dataset.kind as ActorKind) });
    else if (li?.dataset.type) view.set({ offTypes: toggled(view.get().offTypes, li.dataset.type as RelType) });
  });
  view.subscribe((v, prev) => { if (v.offKinds !== prev.offKinds || v.offTypes !== prev.offTypes || (v.year === undefined) !== (prev.year === undefined)) render(); });
  render();
  // Below a wide screen the legend starts folded (one click opens it): the network needs the room.
  if (window.innerWidth < 1600) {
    root.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  }
}
