// Boots the client: builds the shell, draws the whole network, and registers the panels.
import './styles.css';
import { createContext } from './app';
import { registerExplore } from './explore';
import type { Graph } from '../model/schema';
import * as api from './api';
import { chooseRenderer, createCy, LARGE_VIEW } from './graph/cy';
import { LAYOUTS, type LayoutName } from './graph/layouts';
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

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

async function boot(): Promise<void> {
  const overlay = $('#overlay');
  overlay.hidden = false;
  overlay.textContent = 'Chargement du réseau…';
  // The data comes first: its size decides the renderer (WebGL for large views), fixed when Cytoscape starts.
  let first: Promise<Graph> | undefined = api.graph();
  const firstSize = await first.then((g) => g.nodes.length + g.edges.length, () => 0);
  const cy = createCy($('#cy'), chooseRenderer(firstSize > LARGE_VIEW), firstSize > LARGE_VIEW);
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

  const layoutSelect = $<HTMLSelectElement>('#layout');
  for (const [name, l] of Object.entries(LAYOUTS)) layoutSelect.append(new Option(l.label, name));
  layoutSelect.addEventListener('change', () => ctx.runLayout(layoutSelect.value as LayoutName));
  $('#fit').addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 300 }));
  $('#reset').addEventListener('click', () => void loadAll());

  cy.on('tap', 'node', (e) => ctx.select(e.target.id()));
  cy.on('dbltap', 'node', (e) => void expandNeighbourhood(ctx, e.target.id()));
  cy.on('tap', (e) => { if (e.target === cy) ctx.clearHighlight(); });

  async function loadAll(): Promise<void> {
    overlay.hidden = false;
    overlay.textContent = 'Chargement du réseau…';
    try {
      const g = await (first ?? ctx.api.graph());
      first = undefined; // a reset asks again
      performance.mark('maillage:data');
      await ctx.showGraph(g, 'replace');
      performance.mark('maillage:drawn');
      overlay.hidden = !!g.nodes.length;
      if (!g.nodes.length) overlay.textContent = 'La base ne contient encore aucun acteur. Chargez un jeu de données : npm run load -- fichier.json';
      document.body.dataset.ready = 'true';
    } catch (e) {
      overlay.textContent = `Le réseau n’a pas pu être chargé : ${(e as Error).message}`;
      overlay.classList.add('error');
    }
  }
  await loadAll();
}

void boot();
