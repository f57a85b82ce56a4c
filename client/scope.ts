// What part of the graph the view holds, and where it comes from: a small graph whole (filters on the page);
// a large one on the server's overview (filters and time asked of the server); or its whole network loaded on
// demand in compact pages, up to the server's limit. The banner says what is shown out of how much.
import type { Graph, GraphStats, OverviewResponse } from '../model/schema';
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES } from '../model/vocabulary';
import { ApiRequestError, type ServerFilters } from './api';
import { FCOSE_MAX_NODES, type AppContext } from './app';
import type { DrawGraph } from './graph/elements';
import { h } from './panels/dom';
import { decodeView } from './state/url';
import { view, type ViewState } from './state/view-state';

/** Up to this many actors + relationships a graph opens whole; larger ones open on the overview. */
export const WHOLE_MAX = 10_000; // also in index.html (its preload of the first request) and server/warm-up.ts
/** Actors in the overview (main.ts asks for the first one as soon as the whole graph is refused). */
export const OVERVIEW_SIZE = 300;
/** Elements per page when the whole network is loaded. */
const PAGE_SIZE = 10_000;
/** How long filter changes settle before the server is asked (dragging the year, typing an amount). */
const SETTLE_MS = 250;

const fr = (n: number) => n.toLocaleString('fr-FR');

/** The view state's filters as the large-graph routes take them (what is kept; absent = everything). */
export function serverFilters(v: ViewState): ServerFilters {
  const keep = <T extends string>(all: readonly T[], off: T[]) => (off.length ? all.filter((x) => !off.includes(x)) : undefined);
  return {
    kinds: keep(ACTOR_KINDS, v.offKinds),
    types: keep(REL_TYPES, v.offTypes),
    statuses: keep(REL_STATUSES, v.offStatuses),
    year: v.year,
    amountMin: v.amountMin,
    amountMax: v.amountMax,
    hideIsolated: v.hideIsolated || undefined,
  };
}
const keyOf = (f: ServerFilters) => JSON.stringify(f);
const UNFILTERED = keyOf(serverFilters(decodeView('')));

export interface Scope {
  /** Draws the graph the first time: whole when small, its overview when large (with the address's filters). */
  load(): Promise<void>;
  /** Back to the start: the whole small graph, or the overview with the current filters. */
  reset(): Promise<void>;
  /**
   * The counts asked again, whole or overview decided anew from them, and that view drawn: after a write that
   * may have carried the graph past WHOLE_MAX (an import of 10,000 actors into the seeds) or back under it (its undo).
   */
  rescope(): Promise<void>;
}

/** Decides whole or overview from the graph's counts and registers the banner and the whole-network button. */
export function registerScope(
  ctx: AppContext,
  canvas: HTMLElement,
  stats: GraphStats,
  prefetched?: Promise<Graph & { version?: number }>,
  prefetchedOverview?: Promise<OverviewResponse | undefined>,
): Scope {
  const cy = ctx.cy;
  ctx.scope.stats = stats;
  ctx.scope.mode = stats.actors + stats.relationships <= WHOLE_MAX ? 'whole' : 'overview';

  const shown = h('strong', { 'data-testid': 'scope-shown' });
  const what = h('span', { class: 'scope-what', 'data-testid': 'scope-what' });
  const whole = h('button', { type: 'button', class: 'secondary', 'data-testid': 'whole-network' }, 'Réseau entier');
  const note = h('span', { class: 'scope-note', 'data-testid': 'whole-note' });
  const banner = h('div', { class: 'scope-banner', 'data-testid': 'scope-banner', role: 'status', hidden: '' }, shown, what, whole, note);
  canvas.append(banner);

  /** What the view was last fetched with, and what the server said of it. */
  let loadedKey = UNFILTERED;
  let last: OverviewResponse | undefined;
  let ticket = 0;

  /** The network starts below the banner, so fitting it never hides actors behind the banner. */
  let bannerHeight = 0;
  const makeRoom = () => {
    const height = banner.hidden ? 0 : banner.offsetHeight;
    if (height === bannerHeight) return;
    bannerHeight = height;
    canvas.style.setProperty('--banner-height', `${height}px`);
    cy.resize();
  };
  const paint = () => {
    banner.hidden = ctx.scope.mode === 'whole';
    canvas.classList.toggle('has-banner', !banner.hidden);
    paintBanner();
    makeRoom();
  };
  const paintBanner = () => {
    if (banner.hidden) return;
    // The overview's totals are the graph's as it was asked (the boot's counts may predate a write since).
    const actorsTotal = last?.total ?? stats.actors;
    const tiesTotal = last?.relationships.total ?? stats.relationships;
    shown.textContent = `${fr(cy.nodes().length)} des ${fr(actorsTotal)} acteurs · ${fr(cy.edges().length)} des ${fr(tiesTotal)} relations`;
    const filtered = loadedKey !== UNFILTERED;
    const matching = last && filtered ? ` parmi les ${fr(last.matching)} qui correspondent aux filtres` : '';
    // The ranking of the previous graph version serves while the new one is computed: say so.
    const stale = last?.ranking.status === 'stale'
      ? ' (classement d’avant les dernières modifications, recalculé en arrière-plan : « Vue d’ensemble » le recharge)'
      : '';
    what.textContent = ctx.scope.mode === 'network'
      ? ` — réseau entier${filtered ? ' filtré' : ''}`
      : ` — vue d’ensemble : les acteurs les plus ${last?.rankedBy === 'pagerank' ? 'importants (PageRank)' : 'reliés'}${stale}${matching}, et ce que vous ajoutez`;
    what.dataset.ranking = last?.ranking.status ?? '';
    // The whole network fits when what matches the filters is within the server's limit.
    const rels = last?.relationships.matching ?? stats.relationships;
    const actors = last?.matching ?? stats.actors;
    const fits = rels <= stats.wholeLimit && actors <= stats.wholeLimit;
    whole.textContent = ctx.scope.mode === 'network' ? 'Vue d’ensemble' : 'Réseau entier';
    whole.disabled = ctx.scope.mode !== 'network' && !fits;
    note.textContent = ctx.scope.mode !== 'network' && !fits
      ? `Le réseau entier (${fr(rels)} relations${filtered ? ' filtrées' : ''}) dépasse les ${fr(stats.wholeLimit)} que la page affiche : filtrez-le (onglet Filtres, temps, montants) ou explorez depuis la vue d’ensemble.`
      : '';
    whole.title = note.textContent || (ctx.scope.mode === 'network' ? 'Revenir aux acteurs les plus reliés' : `Charger les ${fr(actors)} acteurs et ${fr(rels)} relations${filtered ? ' qui correspondent aux filtres' : ''}`);
  };
  ctx.onGraphChange(paint);

  /** The overview with these filters, replacing the view (`asked`: its answer, already on its way). */
  async function showOverview(f: ServerFilters, asked?: Promise<OverviewResponse>): Promise<void> {
    const mine = ++ticket;
    const o = await (asked ?? ctx.api.overview(f, OVERVIEW_SIZE));
    if (mine !== ticket) return;
    last = o;
    loadedKey = keyOf(f);
    ctx.scope.mode = 'overview';
    paint(); // the banner takes its room before the view is fitted
    await ctx.showGraph(o, 'replace');
    paint();
  }

  /** The whole network (as filtered), page by page, then laid out in the worker and drawn once. */
  async function showNetwork(f: ServerFilters, retried = false): Promise<void> {
    const mine = ++ticket;
    // The whole, unfiltered network: the server's positions for it are asked alongside its pages.
    const answer = keyOf(f) === UNFILTERED ? ctx.api.layout().catch(() => undefined) : undefined;
    let version: number | undefined;
    const g: DrawGraph = { nodes: [], edges: [] };
    let cursor: string | undefined;
    let total = 0;
    try {
      do {
        const page = await ctx.api.elements(f, cursor, PAGE_SIZE);
        if (mine !== ticket) return;
        if (page.matching) total = page.matching.actors + page.matching.relationships;
        version = page.version;
        for (const n of page.nodes) g.nodes.push(n);
        for (const e of page.edges) g.edges.push(e);
        const got = g.nodes.length + g.edges.length;
        ctx.progress(`Chargement du réseau… ${fr(got)} / ${fr(total)} éléments`, total ? got / total : 0);
        cursor = page.next ?? undefined;
      } while (cursor);
    } catch (e) {
      ctx.progress();
      // The graph changed between two pages: its pages no longer fit together; start again once.
      if (e instanceof ApiRequestError && e.name === 'GraphChanged' && !retried) return showNetwork(f, true);
      ctx.notify(e instanceof ApiRequestError && e.name === 'GraphTooLarge'
        ? `Réseau entier trop grand : ${e.message}`
        : `Le réseau entier n’a pas pu être chargé : ${(e as Error).message}`, 'error');
      return;
    }
    ctx.progress();
    loadedKey = keyOf(f);
    ctx.scope.mode = 'network';
    paint();
    await ctx.showGraph(g, 'replace', answer && { answer, version });
    paint();
  }

  whole.addEventListener('click', () => {
    const f = serverFilters(view.get());
    void (ctx.scope.mode === 'network' ? showOverview(f) : showNetwork(f)).catch((e: Error) => ctx.notify(`Chargement impossible : ${e.message}`, 'error'));
  });

  // Filters and time: a whole small graph filters on the page (explore.ts); otherwise the server is asked,
  // unless the whole unfiltered network is on the page already (then the page filters it, exactly).
  let settle: ReturnType<typeof setTimeout> | undefined;
  view.subscribe((v) => {
    if (ctx.scope.mode === 'whole') return;
    const f = serverFilters(v);
    const key = keyOf(f);
    if (key === loadedKey || (ctx.scope.mode === 'network' && loadedKey === UNFILTERED)) return;
    clearTimeout(settle);
    settle = setTimeout(() => {
      void showOverview(f).catch((e: Error) => ctx.notify(`Filtres indisponibles : ${e.message}`, 'error'));
    }, SETTLE_MS);
  });

  async function load(): Promise<void> {
    if (ctx.scope.mode === 'whole') {
      // The first load uses the answer asked for at boot (main.ts); a reset asks again.
      // (Refused when the graph grew past WHOLE_MAX since its counts: asked again without the bound.)
      // Laid out in the worker past FCOSE_MAX_NODES actors: the server's positions are asked alongside the data.
      const answer = stats.actors > FCOSE_MAX_NODES ? ctx.api.layout().catch(() => undefined) : undefined;
      const g = await (prefetched ?? ctx.api.graph()).catch(() => ctx.api.graph());
      prefetched = undefined;
      performance.mark('maillage:data');
      await ctx.showGraph(g, 'replace', answer && { answer, version: g.version });
      return;
    }
    // The address may carry filters: the first overview is asked with them (restoring them asks nothing more).
    // main.ts asked for it already when the whole graph was refused (before the counts came): that answer serves.
    const early = await prefetchedOverview?.catch(() => undefined);
    prefetchedOverview = undefined;
    const f = serverFilters(decodeView(location.hash));
    await showOverview(f, early ? Promise.resolve(early) : undefined);
  }

  return {
    load,
    async reset() {
      if (ctx.scope.mode === 'whole') return load();
      return showOverview(serverFilters(view.get()));
    },
    async rescope() {
      stats = await ctx.api.stats();
      ctx.scope.stats = stats;
      last = undefined;
      ctx.scope.mode = stats.actors + stats.relationships <= WHOLE_MAX ? 'whole' : 'overview';
      if (ctx.scope.mode === 'whole') {
        ++ticket; // an overview still on its way is not drawn over the whole graph
        prefetched = undefined;
        paint();
        return load();
      }
      return showOverview(serverFilters(view.get()));
    },
  };
}
