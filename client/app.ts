// The context panels share: the Cytoscape instance, the API, selection, highlighting and side-panel tabs.
import type { Collection, Core } from 'cytoscape';
import type { GraphStats, Role, SessionInfo } from '../model/schema';
import * as api from './api';
import { viewLook } from '../model/force-layout';
import { mergeGraph, type DrawGraph } from './graph/elements';
import { DRAG_MAX, LARGE_VIEW, selectOnly } from './graph/cy';
import { LAYOUTS, type LayoutName } from './graph/layouts';
import { isLargeView, setClass, setLargeView } from './graph/style';
import { cachedLayout, layoutKey, storeLayout } from './graph/layout-cache';
import { cancelLayout, layoutDrawn, layoutPayload, type LayoutLook } from './graph/worker-layout';
import { matchServerLayout, type ServerLayoutAsk } from './graph/server-layout';

/** Up to this many actors the force layout is fcose, on the page; past it, ForceAtlas2 in a worker. */
export const FCOSE_MAX_NODES = 200;
/**
 * A large view is drawn with the layout's positions after this long in the worker, then refined (showGraph).
 * Short: the page's first frame of a 2k/5k view (styling, bounding boxes, textures) is the longest step of
 * the first draw (2.2 s of main thread at load 5, the layout 1.7 s), so it starts as soon as there is a rough
 * picture; the final positions follow it within a second.
 */
const PREVIEW_MS = 60;
/**
 * Smaller layouts (an overview's 300 actors: a few hundred ms in the worker) are drawn once, at their final
 * positions: a preview would draw them twice, and its frame took the CPU the worker needed.
 */
const PREVIEW_MIN_NODES = 1000;
/**
 * How long a view with data waits for the server's positions still on their way before the worker starts (then the
 * first of the two is drawn): ready ones come in a few ms; longer means the server is still computing them.
 */
const SERVER_LAYOUT_GRACE_MS = 250;
/** In a large view, how long a selection's camera move waits for the details panel at most. */
const SELECT_WAIT_MS = 400;

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
  /**
   * Draws a graph payload: replacing the view or adding what it lacks. Adding is immediate; a large
   * replacement is laid out in the worker first and drawn once, in place (the promise says when) — unless `server`
   * brings the server's positions for it (the whole network, GET /api/graph/layout) or this browser kept them.
   */
  showGraph(g: DrawGraph, mode: 'replace' | 'add', server?: ServerLayoutAsk): Promise<void>;
  /** Emphasises these elements and dims the rest. */
  highlight(nodeIds: string[], edgeIds: string[]): void;
  clearHighlight(): void;
  addTab(tab: Tab): void;
  showTab(id: string): void;
  /** The tab on show, if any. */
  activeTab(): Tab | undefined;
  runLayout(name?: LayoutName, opts?: { fit?: boolean; eles?: ReturnType<Core['collection']> }): void;
  /**
   * Called once after each burst of elements added or removed (a load, an expansion, a console result),
   * however many elements it holds: panels recount here, never per element.
   */
  onGraphChange(fn: () => void): void;
  /** When true, adding elements places only the new ones: positions arranged by hand are kept. */
  keepPositions: boolean;
  /** What a long task is doing and how far it is (0–1), on the network's corner; no label hides it. */
  progress(label?: string, fraction?: number): void;
  /** What part of the graph the view holds (set by scope.ts): whole, the server's overview, or the network on demand. */
  scope: { mode: 'whole' | 'overview' | 'network'; stats?: GraphStats };
  /**
   * The graph's counts asked again and the view drawn anew as at start (scope.ts): whole when small, else its
   * overview. After a write that may have moved the graph past the whole-graph limit (an import) or back.
   */
  rescope(): Promise<void>;
  /** A short message in the status bar. */
  notify(message: string, kind?: 'info' | 'warn' | 'error'): void;
  /** Listeners called when an actor is selected (details, funding and paths panels follow it). */
  onSelect(fn: (actorId: string) => void | Promise<unknown>): void;
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
  /** Shows how far a layout running in the worker is (hidden otherwise). */
  progress: HTMLElement;
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

/** A performance mark at the end of the next frame (after Cytoscape has drawn it): where a first draw's time goes. */
function markFrame(name: string): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}

/** Moves the drawn nodes of `g` to `pos` (x, y per node of `g`, in its order), in one batch. */
function moveNodes(cy: Core, g: DrawGraph, pos: Float32Array): void {
  cy.batch(() => {
    g.nodes.forEach((n, i) => {
      const node = cy.getElementById(n.id);
      if (node.nonempty()) node.position({ x: pos[2 * i], y: pos[2 * i + 1] });
    });
  });
}

/**
 * Fits the viewport to the given positions (x, y pairs), with nodes' centres `padding` px inside the edges.
 * cy.fit() would compute every element's bounding box, labels included: seconds on a large view.
 */
function fitPositions(cy: Core, pos: Float32Array, padding: number): void {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (let i = 0; i < pos.length; i += 2) {
    if (pos[i] < x1) x1 = pos[i];
    if (pos[i] > x2) x2 = pos[i];
    if (pos[i + 1] < y1) y1 = pos[i + 1];
    if (pos[i + 1] > y2) y2 = pos[i + 1];
  }
  if (!(x2 >= x1 && y2 >= y1)) return;
  const w = cy.width() - 2 * padding;
  const h = cy.height() - 2 * padding;
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1))));
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - (zoom * (x1 + x2)) / 2, y: cy.height() / 2 - (zoom * (y1 + y2)) / 2 } });
}

export function createContext(cy: Core, shell: Shell): AppContext {
  const tabs = new Map<string, { tab: Tab; pane: HTMLElement; button: HTMLButtonElement; rendered: boolean }>();
  const selectListeners: ((id: string) => void | Promise<unknown>)[] = [];
  let selectTicket = 0;
  const sessionListeners: ((s: SessionInfo) => void)[] = [];
  const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  const changeListeners: (() => void)[] = [];
  let changePending = false;
  // Cytoscape emits add/remove once per element: coalesce them into one call per burst (a microtask later).
  cy.on('add remove', () => {
    if (changePending) return;
    changePending = true;
    queueMicrotask(() => {
      changePending = false;
      for (const fn of changeListeners) fn();
    });
  });
  const updateCounts = () => {
    shell.counts.textContent = `${cy.nodes().length} acteurs · ${cy.edges().length} relations`;
  };
  changeListeners.push(updateCounts);
  // The layout's state, for tests and benches that wait for a drawn network: 'running' then 'done'.
  let layoutRun = 0;
  /** A normal view leaves room for names between actors; a large one is laid out tight, names on hubs only. */
  const layoutLook = (): LayoutLook => viewLook(isLargeView(cy));
  /** Shows the layout's progress bar at 0 and returns what moves it. */
  const showProgress = () => {
    ctx.progress('Disposition du réseau…', 0);
    return (f: number) => ctx.progress('Disposition du réseau…', f);
  };
  const layoutState = (state: 'running' | 'done', run: number) => {
    if (run !== layoutRun) return;
    document.body.dataset.layout = state;
    performance.mark(`maillage:layout-${state}`);
  };

  const ctx: AppContext = {
    cy,
    api,
    select(actorId) {
      // The panels first (the details ask the server now); the network's own changes — selection style, camera
      // — redraw every element of a large view (most of a second at 60,000): they wait for the details to be
      // shown (or SELECT_WAIT_MS), then take the next frame.
      const shown = selectListeners.map((fn) => fn(actorId));
      const node = cy.getElementById(actorId);
      if (node.empty()) return;
      const ticket = ++selectTicket;
      const follow = () => {
        if (ticket !== selectTicket) return;
        selectOnly(cy, node);
        const target = { center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) };
        // Animating redraws a large view a dozen times: jump there instead. Past DRAG_MAX elements only pan: a new
        // zoom has Cytoscape rebuild its texture layers of every element for seconds, and a click meanwhile waited
        // behind the whole-view redraws that come with them (bench/README.md, after 6).
        if (cy.nodes().length > FCOSE_MAX_NODES) {
          if (cy.elements().length <= DRAG_MAX) cy.zoom(target.zoom);
          cy.center(node);
        } else {
          cy.animate(target, { duration: 350 });
        }
      };
      if (cy.nodes().length <= FCOSE_MAX_NODES) { follow(); return; }
      void Promise.race([Promise.allSettled(shown), new Promise((r) => setTimeout(r, SELECT_WAIT_MS))])
        .then(() => requestAnimationFrame(follow));
    },
    async showGraph(g, mode, server) {
      // A replaced view takes the style of its size before its elements arrive (styled once).
      if (mode === 'replace') {
        const size = g.nodes.length + g.edges.length;
        setLargeView(cy, size > LARGE_VIEW, size > DRAG_MAX);
        cy.autoungrabify(size > DRAG_MAX);
      }
      if (mode === 'replace' && g.nodes.length > FCOSE_MAX_NODES) {
        const run = ++layoutRun;
        layoutState('running', run);
        // The server's positions for this version of the whole network (shared by every user), when at hand: drawn
        // at once. Still on their way after a short grace, they race the worker's layout: the first is drawn.
        const fromServer = server ? server.answer.then((a) => matchServerLayout(g, server.version, a), () => undefined) : Promise.resolve(undefined);
        const atOnce = await Promise.race([fromServer, new Promise<undefined>((r) => setTimeout(r, server ? SERVER_LAYOUT_GRACE_MS : 0))]);
        if (run !== layoutRun) return;
        // Else the same payload laid out before in this browser is drawn in the same places at once.
        const key = layoutKey(g);
        const kept = atOnce ?? cachedLayout(key, g.nodes.length);
        if (kept) {
          mergeGraph(cy, g, 'replace', kept);
          fitPositions(cy, kept, 30);
          document.body.dataset.layoutRun = atOnce ? 'laid out by the server' : 'kept in this browser';
          layoutState('done', run);
          return;
        }
        let serverFirst: Float32Array | undefined;
        let finished = false;
        void fromServer.then((pos) => {
          if (!pos || finished || run !== layoutRun) return;
          serverFirst = pos;
          cancelLayout();
        });
        const progress = showProgress();
        // The network is drawn with the layout's first positions while the worker refines them: creating and
        // styling the elements and the first frame (which draws each into Cytoscape's caches) take the main
        // thread as long as the layout takes the worker, so they no longer wait for each other. The final
        // positions then move the nodes, a cheaper frame.
        let early: Collection | undefined;
        const preview = {
          ms: PREVIEW_MS,
          draw(pos: Float32Array) {
            if (run !== layoutRun) return;
            performance.mark('maillage:layout-preview');
            early = mergeGraph(cy, g, 'replace', pos);
            fitPositions(cy, pos, 30);
            performance.mark('maillage:preview-added');
            markFrame('maillage:preview-frame');
          },
        };
        let positions: Float32Array | undefined;
        try {
          positions = await layoutPayload(g, progress, layoutLook(), g.nodes.length >= PREVIEW_MIN_NODES ? preview : undefined);
        } catch (e) {
          if (!serverFirst) ctx.notify(`Disposition impossible : ${(e as Error).message}`, 'error');
        }
        finished = true;
        if (run !== layoutRun) return; // another layout or load came after this one
        ctx.progress();
        if (serverFirst) {
          positions = serverFirst;
          document.body.dataset.layoutRun = 'laid out by the server';
        } else if (positions) storeLayout(key, positions);
        performance.mark('maillage:layout-final');
        if (early && positions) moveNodes(cy, g, positions);
        else if (!early) mergeGraph(cy, g, 'replace', positions);
        if (positions) fitPositions(cy, positions, 30);
        else if (!early) cy.layout({ name: 'grid', animate: false } as never).run();
        performance.mark('maillage:final-moved');
        markFrame('maillage:final-frame');
        layoutState('done', run);
        return;
      }
      const fresh = mergeGraph(cy, g, mode);
      if (mode === 'replace') ctx.runLayout('fcose', { fit: true });
      // A large view is not laid out again for a few more actors: they go beside their neighbours.
      else if (fresh.nonempty() && (ctx.keepPositions || cy.nodes().length > FCOSE_MAX_NODES)) placeNear(fresh.nodes());
      else if (fresh.nonempty()) ctx.runLayout('fcose', { fit: false });
    },
    keepPositions: false,
    highlight(nodeIds, edgeIds) {
      const on = new Set([...nodeIds, ...edgeIds]);
      cy.batch(() => {
        cy.elements().forEach((e) => {
          const lit = on.has(e.id());
          setClass(e, 'highlighted', lit);
          setClass(e, 'faded', !lit);
        });
      });
    },
    clearHighlight() {
      // Only what is faded or lit: a tap on the background of a large view restyles nothing else.
      cy.batch(() => cy.$('.faded, .highlighted').removeClass('faded highlighted'));
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
      const run = ++layoutRun;
      layoutState('running', run);
      if (name === 'fcose' && eles.nodes().length > FCOSE_MAX_NODES) {
        layoutDrawn(eles, { fit: opts.fit ?? true, onProgress: showProgress(), look: layoutLook() }).then(
          (applied) => { if (applied) { ctx.progress(); layoutState('done', run); } },
          (e: Error) => { ctx.progress(); layoutState('done', run); ctx.notify(`Disposition impossible : ${e.message}`, 'error'); },
        );
        return;
      }
      // Pinned (locked) nodes stay put: fcose is told so, other layouts skip locked nodes themselves.
      const locked = name === 'fcose' ? eles.nodes(':locked') : cy.collection();
      const fixed = locked.nonempty() ? { fixedNodeConstraint: locked.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })) } : {};
      const layout = eles.layout({ ...LAYOUTS[name].options(cy.nodes().length < 400), ...fixed, fit: opts.fit ?? true } as never);
      layout.one('layoutstop', () => layoutState('done', run));
      layout.run();
    },
    onGraphChange(fn) {
      changeListeners.push(fn);
    },
    progress(label, fraction) {
      shell.progress.hidden = label === undefined;
      if (label === undefined) return;
      const [text, bar] = [shell.progress.querySelector('span'), shell.progress.querySelector('progress')];
      if (text) text.textContent = label;
      if (bar && fraction !== undefined) bar.value = fraction;
      shell.progress.dataset.fraction = (fraction ?? 0).toFixed(2);
    },
    scope: { mode: 'whole' },
    rescope: async () => undefined, // replaced by main.ts once the scope is registered
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
