// The context panels share: the Cytoscape instance, the API, selection, highlighting and side-panel tabs.
import type { Core } from 'cytoscape';
import type { Graph, Role, SessionInfo } from '../model/schema';
import * as api from './api';
import { mergeGraph } from './graph/elements';
import { LAYOUTS, type LayoutName } from './graph/layouts';

export interface Tab {
  id: string;
  title: string;
  /** Called once, the first time the tab is shown. */
  render(container: HTMLElement): void;
  /** The tab shows the selected actor in its own way (funding, paths): selecting keeps it open. */
  followsSelection?: boolean;
}

export interface AppContext {
  cy: Core;
  api: typeof api;
  /** Selects an actor: centres it and shows its details. */
  select(actorId: string): void;
  /** Draws a graph payload: replacing the view or adding what it lacks. */
  showGraph(g: Graph, mode: 'replace' | 'add'): void;
  /** Emphasises these elements and dims the rest. */
  highlight(nodeIds: string[], edgeIds: string[]): void;
  clearHighlight(): void;
  addTab(tab: Tab): void;
  showTab(id: string): void;
  /** The tab on show, if any. */
  activeTab(): Tab | undefined;
  runLayout(name?: LayoutName, opts?: { fit?: boolean; eles?: ReturnType<Core['collection']> }): void;
  /** When true, adding elements places only the new ones: positions arranged by hand are kept. */
  keepPositions: boolean;
  /** A short message in the status bar. */
  notify(message: string, kind?: 'info' | 'warn' | 'error'): void;
  /** Listeners called when an actor is selected (details, funding and paths panels follow it). */
  onSelect(fn: (actorId: string) => void): void;
  /** Who this browser is (GET /api/session); undefined until the server has answered. */
  session?: SessionInfo;
  setSession(s: SessionInfo): void;
  /** Called with the session now and whenever it changes (sign-in, sign-out). */
  onSession(fn: (s: SessionInfo) => void): void;
  /** The current principal has at least this role. */
  can(role: Role): boolean;
}

interface Shell {
  tabBar: HTMLElement;
  tabBody: HTMLElement;
  status: HTMLElement;
  counts: HTMLElement;
}

/** Puts each new node beside a neighbour already drawn (or at the centre), leaving the others where they are. */
function placeNear(nodes: ReturnType<Core['nodes']>): void {
  nodes.forEach((n, i) => {
    const anchor = n.neighborhood('node').difference(nodes).nodes().first();
    const c = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const a = (i * 2.4) % (2 * Math.PI);
    n.position({ x: c.x + 90 * Math.cos(a), y: c.y + 90 * Math.sin(a) });
  });
}

export function createContext(cy: Core, shell: Shell): AppContext {
  const tabs = new Map<string, { tab: Tab; pane: HTMLElement; button: HTMLButtonElement; rendered: boolean }>();
  const selectListeners: ((id: string) => void)[] = [];
  const sessionListeners: ((s: SessionInfo) => void)[] = [];
  const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  const updateCounts = () => {
    shell.counts.textContent = `${cy.nodes().length} acteurs · ${cy.edges().length} relations`;
  };
  cy.on('add remove', updateCounts);

  const ctx: AppContext = {
    cy,
    api,
    select(actorId) {
      const node = cy.getElementById(actorId);
      if (node.nonempty()) {
        cy.elements().unselect();
        node.select();
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 350 });
      }
      for (const fn of selectListeners) fn(actorId);
    },
    showGraph(g, mode) {
      const fresh = mergeGraph(cy, g, mode);
      updateCounts();
      if (mode === 'replace') ctx.runLayout('fcose', { fit: true });
      else if (fresh.nonempty() && ctx.keepPositions) placeNear(fresh.nodes());
      else if (fresh.nonempty()) ctx.runLayout('fcose', { fit: false });
    },
    keepPositions: false,
    highlight(nodeIds, edgeIds) {
      cy.batch(() => {
        cy.elements().removeClass('highlighted').addClass('faded');
        for (const id of [...nodeIds, ...edgeIds]) cy.getElementById(id).removeClass('faded').addClass('highlighted');
      });
    },
    clearHighlight() {
      cy.elements().removeClass('faded highlighted');
    },
    addTab(tab) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tab';
      button.textContent = tab.title;
      button.dataset.testid = `tab-${tab.id}`;
      button.setAttribute('role', 'tab');
      button.addEventListener('click', () => ctx.showTab(tab.id));
      const pane = document.createElement('section');
      pane.className = 'tab-pane';
      pane.dataset.testid = `pane-${tab.id}`;
      pane.hidden = true;
      shell.tabBar.append(button);
      shell.tabBody.append(pane);
      tabs.set(tab.id, { tab, pane, button, rendered: false });
      if (tabs.size === 1) ctx.showTab(tab.id);
    },
    activeTab() {
      return [...tabs.values()].find((t) => !t.pane.hidden)?.tab;
    },
    showTab(id) {
      for (const [tid, t] of tabs) {
        const on = tid === id;
        t.pane.hidden = !on;
        t.button.classList.toggle('active', on);
        t.button.setAttribute('aria-selected', String(on));
        if (on && !t.rendered) {
          t.rendered = true;
          t.tab.render(t.pane);
        }
      }
    },
    runLayout(name = 'fcose', opts = {}) {
      const eles = opts.eles ?? cy.elements();
      // Pinned (locked) nodes stay put: fcose is told so, other layouts skip locked nodes themselves.
      const locked = name === 'fcose' ? eles.nodes(':locked') : cy.collection();
      const fixed = locked.nonempty() ? { fixedNodeConstraint: locked.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })) } : {};
      const layout = eles.layout({ ...LAYOUTS[name].options(cy.nodes().length < 400), ...fixed, fit: opts.fit ?? true } as never);
      layout.run();
    },
    notify(message, kind = 'info') {
      shell.status.textContent = message;
      shell.status.dataset.kind = kind;
      shell.status.hidden = false;
      clearTimeout(statusTimer);
      if (kind !== 'error') statusTimer = setTimeout(() => { shell.status.hidden = true; }, 6000);
    },
    onSelect(fn) {
      selectListeners.push(fn);
    },
    setSession(s) {
      ctx.session = s;
      for (const fn of sessionListeners) fn(s);
    },
    onSession(fn) {
      sessionListeners.push(fn);
      if (ctx.session) fn(ctx.session);
    },
    can(role) {
      const u = ctx.session?.user;
      return !!u && u.via !== 'anonymous' && RANK[u.role] >= RANK[role];
    },
  };
  return ctx;
}
