// The "Acteurs clés" tab: actors ranked by a metric, a page at a time from /api/metrics (the server ranks all
// actors, 100k of them as well as 86); node size can follow a metric and communities can colour the network
// (a categorical colour-blind-safe palette) — for the actors drawn, whose figures are asked for by id.
import type { ActorMetrics, MetricSort, MetricsPage } from '../../model/schema';
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

/** Figures asked by id at once: a query string of 100 ids stays far below the 16 KB of an HTTP header. */
const IDS_PER_ASK = 100;
const PAGE = 30;

export interface KeyActors {
  /** Re-applies node size and community colours after the view or the drawn elements change. */
  apply(v: ViewState): void;
}

export function registerKeyActors(ctx: AppContext): KeyActors {
  /** Figures of drawn actors, for one version of the figures (dropped when the server has newer ones). */
  let figures = new Map<string, ActorMetrics>();
  let figuresVersion: number | null | undefined;
  /** The largest value of each size metric over the whole graph, per version: sizes read the same across views. */
  const maxima = new Map<SizeMetric, number>();
  let renderList: (() => void) | undefined;
  let syncControls: ((v: ViewState) => void) | undefined;
  let applying = 0;

  const keep = (page: MetricsPage) => {
    if (page.version !== figuresVersion) {
      figures = new Map();
      maxima.clear();
      figuresVersion = page.version;
    }
    for (const m of page.metrics) figures.set(m.id, m);
  };

  /** Asks for the figures of the drawn actors not known yet, a few requests at a time. */
  async function fetchDrawn(ids: string[], sizeBy: SizeMetric | undefined): Promise<void> {
    const missing = ids.filter((id) => !figures.has(id));
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += IDS_PER_ASK) chunks.push(missing.slice(i, i + IDS_PER_ASK));
    const next = async (): Promise<void> => {
      const chunk = chunks.shift();
      if (!chunk) return;
      keep(await ctx.api.metricsPage({ ids: chunk, limit: chunk.length }));
      return next();
    };
    await Promise.all([next(), next(), next()]);
    if (sizeBy && sizeBy !== 'degree' && !maxima.has(sizeBy)) {
      const top = await ctx.api.metricsPage({ sort: sizeBy, limit: 1 });
      keep(top);
      maxima.set(sizeBy, top.metrics[0] ? SIZE_VALUE[sizeBy](top.metrics[0]) : 0);
    }
  }

  function paint(v: ViewState): void {
    const sizeOf = v.sizeBy && v.sizeBy !== 'degree' ? SIZE_VALUE[v.sizeBy] : undefined;
    const max = Math.max(1e-12, (v.sizeBy && maxima.get(v.sizeBy)) || 0);
    ctx.cy.batch(() => {
      ctx.cy.nodes().forEach((n) => {
        const m = figures.get(n.id());
        if (m) {
          // Metric values on the nodes, for the concentric layout and the curious in devtools.
          n.data({ m_degree: m.degree, m_betweenness: m.betweenness, m_pagerank: m.pagerank, m_broker: m.broker.pairs, community: m.community });
          if (sizeOf) n.data('size', Math.round(18 + 52 * Math.sqrt(Math.min(1, sizeOf(m) / max))));
          n.data('commColor', m.community < COMMUNITY_PALETTE.length ? COMMUNITY_PALETTE[m.community] : OTHER_COMMUNITY);
        }
        n.toggleClass('by-community', v.communities && !!m);
      });
    });
  }

  function apply(v: ViewState): void {
    syncControls?.(v);
    if (!v.sizeBy && !v.communities && !figures.size) return;
    paint(v); // at once with what is known; again when the missing figures arrive
    if (!v.sizeBy && !v.communities) return;
    const run = ++applying;
    fetchDrawn(ctx.cy.nodes().map((n) => n.id()), v.sizeBy).then(
      () => { if (run === applying) paint(view.get()); },
      (e: Error) => ctx.notify(`Indicateurs indisponibles : ${e.message}`, 'error'),
    );
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
      const status = h('p', { class: 'muted small', 'data-testid': 'metrics-status', hidden: '' });
      const list = h('ol', { class: 'ranking', 'data-testid': 'ranking' }, h('li', { class: 'muted' }, 'Calcul des indicateurs…'));
      const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'ranking-more', hidden: '' }, `${PAGE} suivants`);
      const foot = h('p', { class: 'muted small' });
      size.addEventListener('change', () => view.set({ sizeBy: size.value === 'degree' ? undefined : (size.value as SizeMetric) }));
      comm.addEventListener('change', () => view.set({ communities: comm.checked }));
      syncControls = (v) => { size.value = v.sizeBy ?? 'degree'; comm.checked = v.communities; };
      syncControls(view.get());

      let shown = 0;
      let asking = 0;
      const row = (m: ActorMetrics, r: (typeof RANKINGS)[RankKey]) => {
        const hiddenNow = ctx.cy.getElementById(m.id).hasClass('filtered');
        const b = h('button', { type: 'button', class: 'link actor-link', 'data-testid': 'ranked-actor', 'data-id': m.id }, m.name);
        b.addEventListener('click', () => ctx.select(m.id));
        return h('li', { class: hiddenNow ? 'filtered-out' : undefined, title: hiddenNow ? 'Masqué par les filtres' : ACTOR_KIND_LABELS[m.kind] },
          h('span', { class: 'kind-dot', style: `background:${KIND_STYLE[m.kind].color}` }), b, h('span', { class: 'value' }, r.show(m)));
      };
      /** The next page of the ranking (the first when `fresh`); actors with no value for the metric end it. */
      const ask = async (fresh: boolean) => {
        const key = metric.value as RankKey;
        const r = RANKINGS[key];
        const run = ++asking;
        if (fresh) shown = 0;
        more.disabled = true;
        const page = await ctx.api.metricsPage({ sort: key as MetricSort, limit: PAGE, offset: shown });
        if (run !== asking) return;
        keep(page);
        help.textContent = r.help;
        const valued = page.metrics.filter((m) => r.value(m) > 0);
        const rows = valued.map((m) => row(m, r));
        if (fresh) list.replaceChildren(...(rows.length ? rows : [h('li', { class: 'muted' }, 'Aucun acteur n’a de valeur pour cet indicateur.')]));
        else list.append(...rows);
        shown += page.metrics.length;
        more.hidden = valued.length < page.metrics.length || shown >= page.total;
        more.disabled = false;
        const stale = page.status === 'stale' ? ' Chiffres de l’état précédent du réseau : le calcul des nouveaux est en cours.' : '';
        const estimates = page.parameters?.estimates.length ? ` Estimations sur ce réseau : ${page.parameters.estimates.join(' ; ')}.` : '';
        status.textContent = `${page.total.toLocaleString('fr-FR')} acteurs classés.${stale}${estimates}`;
        status.hidden = false;
        const p = page.parameters;
        foot.textContent = p
          ? `${page.communityCount.toLocaleString('fr-FR')} communautés (Louvain, modularité ${page.modularity.toFixed(2)}). Statuts exclus des calculs : ${p.excludedStatuses.join(', ') || 'aucun'}. PageRank amorti à ${p.pagerankDamping}.`
          : '';
      };
      const show = (fresh: boolean) => ask(fresh).catch((e: Error) => {
        more.disabled = false;
        list.replaceChildren(h('li', { class: 'error' }, `Indicateurs indisponibles : ${e.message}`));
      });
      metric.addEventListener('change', () => void show(true));
      more.addEventListener('click', () => void show(false));
      renderList = () => void show(true);
      pane.replaceChildren(h('div', { class: 'key-actors' },
        h('label', { class: 'field' }, 'Classer par ', metric), help, status, list, more,
        h('h3', {}, 'Sur le réseau'),
        h('label', { class: 'field' }, 'Taille des nœuds : ', size),
        h('label', { class: 'inline' }, comm, 'Colorer par communauté'),
        foot));
      renderList();
    },
  });
  return { apply };
}
