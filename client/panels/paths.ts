// The "Chemins" tab: how two actors are connected, path by path and hop by hop, with each hop's evidence.
import type { GraphEdge, GraphNode, Path, PathsResponse, RelType, Source } from '../../model/schema';
import { REL_TYPES } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { formatAmount, formatDate } from '../graph/format';
import { STATUS_LABEL, TYPE_STYLE } from '../graph/style';
import { evidenceBlock } from './details';
import { h } from './dom';
import { attachActorSearch } from './search';

const DEPTHS = [1, 2, 3, 4, 5, 6];

/** One hop read in the walking direction: "finance" forward, "financé par" backward, partners either way. */
function hopVerb(e: GraphEdge, forward: boolean): string {
  const label = TYPE_STYLE[e.type].label.toLowerCase();
  if (forward || e.type === 'PARTNERS_WITH') return label;
  return { FUNDS: 'financé par', PILOTS: 'piloté par', LABELS: 'labellisé par' }[e.type as Exclude<RelType, 'PARTNERS_WITH'>];
}

function hopFacts(e: GraphEdge): string {
  return [
    e.type === 'FUNDS' ? formatAmount(e.amount) : '',
    formatDate(e.date),
    e.status !== 'effective' ? STATUS_LABEL[e.status] : '',
    e.role ?? '',
  ].filter(Boolean).join(' · ');
}

/** A path as a list of hops: actor, the tie (direction-aware) with its facts and evidence, next actor… */
function pathItem(ctx: AppContext, p: Path, index: number, sources: Map<string, Source>, onFocus: () => void): HTMLElement {
  const actorLink = (n: GraphNode) => {
    const b = h('button', { type: 'button', class: 'link actor-link' }, n.name);
    b.addEventListener('click', (ev) => { ev.stopPropagation(); ctx.select(n.id); });
    return b;
  };
  const hops = p.edges.map((e, i) => {
    const from = p.nodes[i];
    const forward = e.source === from.id;
    return h(
      'li',
      { class: 'hop', 'data-testid': 'path-hop', 'data-edge': e.id },
      h('div', { class: 'hop-head' },
        h('span', { class: 'hop-verb', style: `--type:${TYPE_STYLE[e.type].color}` }, `${forward || e.type === 'PARTNERS_WITH' ? '→' : '←'} ${hopVerb(e, forward)}`),
        ' ', actorLink(p.nodes[i + 1])),
      hopFacts(e) ? h('div', { class: 'facts' }, h('span', { class: `chip${e.type === 'FUNDS' && e.amount === undefined ? ' amount unknown' : ''}` }, hopFacts(e))) : null,
      h('details', { class: 'hop-evidence' }, h('summary', {}, `${e.evidence.length} extrait${e.evidence.length > 1 ? 's' : ''}`), evidenceBlock(e, sources)),
    );
  });
  const li = h(
    'li',
    { class: 'path', 'data-testid': 'path', tabindex: '0' },
    h('div', { class: 'path-head' }, h('strong', {}, `${index + 1}.`), ` ${p.length} lien${p.length > 1 ? 's' : ''} — départ : `, actorLink(p.nodes[0])),
    h('ol', { class: 'hops' }, ...hops),
  );
  li.addEventListener('click', onFocus);
  li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onFocus(); });
  return li;
}

/** Puts every path's actors and ties in the view, then emphasises them and fits the view to them. */
function showPaths(ctx: AppContext, paths: Path[]): void {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of paths) {
    p.nodes.forEach((n) => nodes.set(n.id, n));
    p.edges.forEach((e) => edges.set(e.id, e));
  }
  void ctx.showGraph({ nodes: [...nodes.values()], edges: [...edges.values()] }, 'add');
  ctx.highlight([...nodes.keys()], [...edges.keys()]);
  const eles = ctx.cy.collection();
  for (const id of [...nodes.keys(), ...edges.keys()]) eles.merge(ctx.cy.getElementById(id));
  if (eles.nonempty()) ctx.cy.animate({ fit: { eles, padding: 60 } }, { duration: 350 });
}

export function registerPaths(ctx: AppContext): void {
  let from: GraphNode | undefined;
  let to: GraphNode | undefined;
  let sources = new Map<string, Source>();
  let fromInput: HTMLInputElement | undefined;
  // Once the user picks the first actor, selecting on the network no longer replaces it.
  let fromPicked = false;

  ctx.addTab({
    id: 'paths',
    title: 'Chemins',
    followsSelection: true,
    render(pane) {
      void ctx.api.sources().then((r) => { sources = new Map(r.sources.map((s) => [s.id, s])); }, () => undefined);
      fromInput = h('input', { type: 'search', placeholder: 'Premier acteur…', 'aria-label': 'Premier acteur', 'data-testid': 'path-from' });
      const toInput = h('input', { type: 'search', placeholder: 'Second acteur…', 'aria-label': 'Second acteur', 'data-testid': 'path-to' });
      if (from) fromInput.value = from.name;
      const types = REL_TYPES.map((t) => {
        const box = h('input', { type: 'checkbox', value: t, 'data-testid': `path-type-${t}` });
        box.checked = true;
        return { t, box, label: h('label', { class: 'check', style: `--type:${TYPE_STYLE[t].color}` }, box, ` ${TYPE_STYLE[t].label}`) };
      });
      const depth = h('select', { 'aria-label': 'Nombre de liens au plus', 'data-testid': 'path-depth' }, ...DEPTHS.map((d) => new Option(`${d} lien${d > 1 ? 's' : ''} au plus`, String(d))));
      depth.value = '4';
      const run = h('button', { type: 'button', class: 'primary', 'data-testid': 'path-run' }, 'Chercher les chemins');
      const result = h('div', { class: 'paths-result', 'data-testid': 'path-results', 'aria-live': 'polite' });

      const search = async () => {
        if (!from || !to) { result.replaceChildren(h('p', { class: 'muted' }, 'Choisissez deux acteurs dans les suggestions.')); return; }
        const chosen = types.filter((x) => x.box.checked).map((x) => x.t);
        if (!chosen.length) { result.replaceChildren(h('p', { class: 'error' }, 'Cochez au moins un type de relation.')); return; }
        result.replaceChildren(h('p', { class: 'muted' }, 'Recherche…'));
        let r: PathsResponse;
        try {
          r = await ctx.api.paths(from.id, to.id, { types: chosen.length === REL_TYPES.length ? undefined : chosen, maxDepth: Number(depth.value) });
        } catch (e) {
          result.replaceChildren(h('p', { class: 'error' }, `Recherche impossible : ${(e as Error).message}`));
          return;
        }
        if (!r.paths.length) {
          ctx.clearHighlight();
          result.replaceChildren(h('p', { 'data-testid': 'path-none' }, `Aucun chemin de ${depth.value} liens au plus entre ${from.name} et ${to.name} avec ces types de relation.`));
          return;
        }
        const summary = h('p', { class: 'paths-summary', 'data-testid': 'path-summary' },
          `${r.paths.length} chemin${r.paths.length > 1 ? 's' : ''}, le plus court en ${r.paths[0].length} lien${r.paths[0].length > 1 ? 's' : ''}`,
          r.truncated ? ` — liste limitée aux ${r.limit} premiers` : '');
        const all = h('button', { type: 'button', class: 'secondary', 'data-testid': 'path-show-all' }, 'Tous les chemins sur le réseau');
        all.addEventListener('click', () => showPaths(ctx, r.paths));
        const items = r.paths.map((p, i) => pathItem(ctx, p, i, sources, () => {
          items.forEach((x) => x.classList.remove('focused'));
          items[i].classList.add('focused');
          showPaths(ctx, [p]);
        }));
        result.replaceChildren(summary, h('div', { class: 'actions' }, all), h('ol', { class: 'paths' }, ...items));
        showPaths(ctx, r.paths);
      };

      run.addEventListener('click', () => void search());
      pane.replaceChildren(
        h('div', { class: 'paths-panel', 'data-testid': 'paths-panel' },
          h('p', { class: 'muted' }, 'Comment deux acteurs sont-ils reliés ? Les chemins les plus courts d’abord, chaque lien avec ses sources.'),
          h('div', { class: 'field search-box' }, fromInput),
          h('div', { class: 'field search-box' }, toInput),
          h('fieldset', { class: 'types' }, h('legend', {}, 'Types de relation'), ...types.map((x) => x.label)),
          h('div', { class: 'actions' }, depth, run),
          result),
      );
      // After the inputs are in the page: the suggestion list is placed right after each input.
      attachActorSearch(ctx, fromInput, (a) => { from = a; fromPicked = true; });
      attachActorSearch(ctx, toInput, (a) => { to = a; void search(); });
    },
  });

  // The selected actor becomes the starting point, unless the user already chose one.
  ctx.onSelect((id) => {
    if (fromPicked) return;
    const name = ctx.cy.getElementById(id).data('name') as string | undefined;
    if (!name) return;
    from = { id, name, kind: ctx.cy.getElementById(id).data('kind'), aliases: [] };
    if (fromInput) fromInput.value = name;
  });
}
