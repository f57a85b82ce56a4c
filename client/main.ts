// Boots the client: reads the graph's counts, builds the shell, registers the panels and draws the network
// (whole when small, its overview when large: scope.ts).
import './styles.css';
import { createContext, FCOSE_MAX_NODES } from './app';
import { registerExplore } from './explore';
import type { GraphStats } from '../model/schema';
import * as api from './api';
import { chooseRenderer, createCy, LARGE_VIEW, selectOnly } from './graph/cy';
import { LAYOUTS, type LayoutName } from './graph/layouts';
import { warmLayoutWorker } from './graph/worker-layout';
import { registerAccount } from './panels/account';
import { registerConsole } from './panels/console';
import { registerDuplicates } from './panels/duplicates';
import { registerHistory } from './panels/history';
import { registerExtract } from './panels/extract';
import { expandNeighbourhood, registerDetails } from './panels/details';
import { registerFunding } from './panels/funding';
import { registerImporter } from './panels/importer';
import { registerLegend } from './panels/legend';
import { registerPaths } from './panels/paths';
import { registerSearch } from './panels/search';
import { registerTooltip } from './panels/tooltip';
import { OVERVIEW_SIZE, registerScope, serverFilters, WHOLE_MAX, type Scope } from './scope';
import { decodeView } from './state/url';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

async function boot(): Promise<void> {
  const overlay = $('#overlay');
  overlay.hidden = false;
  overlay.textContent = 'Chargement du réseau…';
  // The counts come first: the graph's size decides whole or overview, and the renderer (fixed when
  // Cytoscape starts: WebGL for large views where a GPU draws it).
  // The whole graph is asked for alongside them, refused at once past WHOLE_MAX (the overview is drawn then):
  // a small graph's data does not wait for its counts.
  const whole = api.graph(WHOLE_MAX);
  whole.catch(() => undefined); // a large graph's refusal is expected; scope.ts reads the answer when it needs it
  // That refusal comes at once: the overview (with the address's filters) is asked then, not after the counts.
  const overview = whole.then(
    () => undefined,
    (e: unknown) => (e instanceof api.ApiRequestError && e.name === 'GraphTooLarge' ? api.overview(serverFilters(decodeView(location.hash)), OVERVIEW_SIZE) : undefined),
  );
  overview.catch(() => undefined);
  let stats: GraphStats | undefined;
  let failure: Error | undefined;
  try {
    stats = await api.stats();
  } catch (e) {
    failure = e as Error;
  }
  const elements = stats ? stats.actors + stats.relationships : 0;
  // Large views are laid out in the worker: it starts loading now, while the data is on its way.
  if (stats && stats.actors > FCOSE_MAX_NODES) warmLayoutWorker();
  const large = elements > WHOLE_MAX || elements > LARGE_VIEW;
  const cy = createCy($('#cy'), chooseRenderer(large), large);
  const ctx = createContext(cy, { tabBar: $('#tabs'), tabBody: $('#tab-body'), status: $('#status'), counts: $('#counts'), progress: $('#layout-progress') });
  // Read-only handle for browser tests and for the curious in the devtools console.
  (window as unknown as { __maillage: unknown }).__maillage = { cy, ctx };

  registerAccount(ctx, $('#account'));
  registerDetails(ctx);
  registerPaths(ctx);
  registerFunding(ctx);
  registerSearch(ctx, $('#search'));
  registerLegend(ctx, $('#legend'));
  registerTooltip(ctx, $('#tooltip'));
  registerConsole(ctx);
  registerDuplicates(ctx);
  registerHistory(ctx);
  registerExtract(ctx);
  registerImporter(ctx);
  registerExplore(ctx);
  const scope: Scope | undefined = stats ? registerScope(ctx, $('.canvas'), stats, whole, overview) : undefined;

  const layoutSelect = $<HTMLSelectElement>('#layout');
  for (const [name, l] of Object.entries(LAYOUTS)) layoutSelect.append(new Option(l.label, name));
  layoutSelect.addEventListener('change', () => ctx.runLayout(layoutSelect.value as LayoutName));
  $('#fit').addEventListener('click', () => {
    // An animated fit redraws a large view a dozen times: jump there.
    if (cy.elements().length > LARGE_VIEW) cy.fit(undefined, 40);
    else cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 300 });
  });
  const reset = $<HTMLButtonElement>('#reset');
  const initialReset = { text: reset.textContent, title: reset.title };
  /** The reset button says where it goes: the whole small graph, or the overview of a large one. */
  const labelReset = () => {
    const whole = ctx.scope.mode === 'whole';
    reset.textContent = whole ? initialReset.text : 'Vue d’ensemble';
    reset.title = whole ? initialReset.title : 'Revenir aux acteurs les plus reliés (avec les filtres)';
  };
  labelReset();
  if (scope) {
    ctx.rescope = async () => {
      await scope.rescope();
      labelReset();
    };
  }
  reset.addEventListener('click', () => void loadAll(true));

  cy.on('tap', 'node', (e) => ctx.select(e.target.id()));
  cy.on('dbltap', 'node', (e) => void expandNeighbourhood(ctx, e.target.id()));
  cy.on('tap', (e) => {
    if (e.target !== cy) return;
    ctx.clearHighlight();
    // Cytoscape unselects on a tap of the background, except in a large view (style.ts, setLargeView).
    if (cy.autounselectify()) selectOnly(cy);
  });

  async function loadAll(again = false): Promise<void> {
    overlay.hidden = false;
    overlay.textContent = 'Chargement du réseau…';
    try {
      if (!scope) throw failure ?? new Error('nombres du graphe indisponibles');
      await (again ? scope.reset() : scope.load());
      performance.mark('maillage:drawn');
      overlay.hidden = !!cy.nodes().length;
      if (!cy.nodes().length) overlay.textContent = 'La base ne contient encore aucun acteur. Chargez un jeu de données : npm run load -- fichier.json';
      document.body.dataset.ready = 'true';
    } catch (e) {
      overlay.textContent = `Le réseau n’a pas pu être chargé : ${(e as Error).message}`;
      overlay.classList.add('error');
    }
  }
  await loadAll();
}

void boot();
