// The "Acteurs clés" tab: actors ranked by a metric from /api/metrics; node size can follow a metric and
// communities can colour the network (a categorical colour-blind-safe palette).
import type { ActorMetrics, MetricsResponse } from '../../model/schema';
import { ACTOR_KIND_LABELS } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { formatAmount } from '../graph/format';
import { KIND_STYLE } from '../graph/style';
import { view, type SizeMetric, type ViewState } from '../state/view-state';
import { h } from './dom';

// Paul Tol's "muted" scheme: nine hues told apart with the common colour-vision deficiencies; small
// communities beyond nine share a neutral grey rather than reusing a hue.
export const COMMUNITY_PALETTE = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'];
const OTHER_COMMUNITY = '#C8C8C8';

type RankKey = 'degree' | 'fundsOut' | 'fundsIn' | 'betweenness' | 'pagerank' | 'broker';
const RANKINGS: Record<RankKey, { label: string; value: (m: ActorMetrics) => number; show: (m: ActorMetrics) => string; help: string }> = {
  degree: { label: 'Degré (nombre de relations)', value: (m) => m.degree, show: (m) => String(m.degree), help: 'Relations directes, tous types confondus.' },
  fundsOut: { label: 'Financements versés (montant)', value: (m) => m.fundsOut.amount, show: (m) => `${formatAmount(m.fundsOut.amount, true)}${m.fundsOut.unknown ? ` + ${m.fundsOut.unknown} n.c.` : ''}`, help: 'Somme des montants connus des financements sortants ; « n.c. » : financements au montant non communiqué.' },
  fundsIn: { label: 'Financements reçus (montant)', value: (m) => m.fundsIn.amount, show: (m) => `${formatAmount(m.fundsIn.amount, true)}${m.fundsIn.unknown ? ` + ${m.fundsIn.unknown} n.c.` : ''}`, help: 'Somme des montants connus des financements entrants.' },
  betweenness: { label: 'Intermédiarité (betweenness)', value: (m) => m.betweenness, show: (m) => m.betweenness.toFixed(3), help: 'Part des plus courts chemins entre deux acteurs qui passent par celui-ci (0–1).' },
  pagerank: { label: 'PageRank', value: (m) => m.pagerank, show: (m) => m.pagerank.toFixed(3), help: 'Importance par les liens reçus d’acteurs eux-mêmes importants.' },
  broker: { label: 'Courtiers (financeurs publics → entreprises)', value: (m) => m.broker.pairs, show: (m) => `${m.broker.pairs} paires · ${m.broker.share.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} pondéré`, help: 'Paires financeur public → entreprise reliées par un plus court chemin qui passe par cet acteur ; « pondéré » partage chaque paire entre ses chemins alternatifs.' },
};

const SIZE_VALUE: Record<SizeMetric, (m: ActorMetrics) => number> = {
  degree: (m) => m.degree,
  betweenness: (m) => m.betweenness,
  pagerank: (m) => m.pagerank,
  broker: (m) => m.broker.pairs,
};
export const SIZE_LABELS: Record<SizeMetric, string> = { degree: 'degré', betweenness: 'betweenness', pagerank: 'PageRank', broker: 'courtage' };

export interface KeyActors {
  /** Loads the metrics once (the server caches them per graph state). */
  load(): Promise<MetricsResponse>;
  /** Re-applies node size and community colours after the view or the drawn elements change. */
  apply(v: ViewState): void;
}

export function registerKeyActors(ctx: AppContext): KeyActors {
  let pending: Promise<MetricsResponse> | undefined;
  let data: MetricsResponse | undefined;
  let renderList: (() => void) | undefined;
  let syncControls: ((v: ViewState) => void) | undefined;

  const load = () => {
    pending ??= ctx.api.metrics().then((m) => {
      data = m;
      apply(view.get());
      renderList?.();
      return m;
    }, (e: unknown) => { pending = undefined; throw e; });
    return pending;
  };

  function apply(v: ViewState): void {
    syncControls?.(v);
    if (!data) {
      if (v.sizeBy || v.communities) void load().catch((e: Error) => ctx.notify(`Indicateurs indisponibles : ${e.message}`, 'error'));
      return;
    }
    const byId = new Map(data.metrics.map((m) => [m.id, m]));
    const sizeOf = v.sizeBy && v.sizeBy !== 'degree' ? SIZE_VALUE[v.sizeBy] : undefined;
    let max = 1e-12;
    if (sizeOf) for (const m of data.metrics) max = Math.max(max, sizeOf(m));
    ctx.cy.batch(() => {
      ctx.cy.nodes().forEach((n) => {
        const m = byId.get(n.id());
        if (m) {
          // Metric values on the nodes, for the concentric layout and the curious in devtools.
          n.data({ m_degree: m.degree, m_betweenness: m.betweenness, m_pagerank: m.pagerank, m_broker: m.broker.pairs, community: m.community });
          if (sizeOf) n.data('size', Math.round(18 + 52 * Math.sqrt(sizeOf(m) / max)));
          n.data('commColor', m.community < COMMUNITY_PALETTE.length ? COMMUNITY_PALETTE[m.community] : OTHER_COMMUNITY);
        }
        n.toggleClass('by-community', v.communities && !!m);
      });
    });
  }

  ctx.addTab({
    id: 'key-actors',
    title: 'Acteurs clés',
    render(pane) {
      const metric = h('select', { 'data-testid': 'rank-metric', 'aria-label': 'Classer par' },
        ...Object.entries(RANKINGS).map(([k, r]) => new Option(r.label, k)));
      const size = h('select', { 'data-testid': 'size-metric', 'aria-label': 'Taille des nœuds' },
        ...(Object.keys(SIZE_VALUE) as SizeMetric[]).map((k) => new Option(SIZE_LABELS[k], k)));
      const comm = h('input', { type: 'checkbox', 'data-testid': 'communities' });
      const help = h('p', { class: 'muted small' });
      const list = h('ol', { class: 'ranking', 'data-testid': 'ranking' }, h('li', { class: 'muted' }, 'Calcul des indicateurs…'));
      const foot = h('p', { class: 'muted small' });
      size.addEventListener('change', () => view.set({ sizeBy: size.value === 'degree' ? undefined : (size.value as SizeMetric) }));
      comm.addEventListener('change', () => view.set({ communities: comm.checked }));
      metric.addEventListener('change', () => renderList?.());
      syncControls = (v) => { size.value = v.sizeBy ?? 'degree'; comm.checked = v.communities; };
      syncControls(view.get());
      renderList = () => {
        if (!data) return;
        const r = RANKINGS[metric.value as RankKey];
        help.textContent = r.help;
        const ranked = [...data.metrics].sort((a, b) => r.value(b) - r.value(a) || a.name.localeCompare(b.name, 'fr')).filter((m) => r.value(m) > 0).slice(0, 30);
        list.replaceChildren(...(ranked.length ? ranked.map((m) => {
          const hiddenNow = ctx.cy.getElementById(m.id).hasClass('filtered');
          const b = h('button', { type: 'button', class: 'link actor-link', 'data-testid': 'ranked-actor', 'data-id': m.id }, m.name);
          b.addEventListener('click', () => ctx.select(m.id));
          return h('li', { class: hiddenNow ? 'filtered-out' : undefined, title: hiddenNow ? 'Masqué par les filtres' : ACTOR_KIND_LABELS[m.kind] },
            h('span', { class: 'kind-dot', style: `background:${KIND_STYLE[m.kind].color}` }), b, h('span', { class: 'value' }, r.show(m)));
        }) : [h('li', { class: 'muted' }, 'Aucun acteur n’a de valeur pour cet indicateur.')]));
        const p = data.parameters;
        foot.textContent = `${data.communities.length} communautés (Louvain, modularité ${data.modularity.toFixed(2)}). Statuts exclus des calculs : ${p.excludedStatuses.join(', ') || 'aucun'}. PageRank amorti à ${p.pagerankDamping}.`;
      };
      pane.replaceChildren(h('div', { class: 'key-actors' },
        h('label', { class: 'field' }, 'Classer par ', metric), help, list,
        h('h3', {}, 'Sur le réseau'),
        h('label', { class: 'field' }, 'Taille des nœuds : ', size),
        h('label', { class: 'inline' }, comm, 'Colorer par communauté'),
        foot));
      load().then(() => renderList?.(), (e: Error) => list.replaceChildren(h('li', { class: 'error' }, `Indicateurs indisponibles : ${e.message}`)));
    },
  });
  return { load, apply };
}
