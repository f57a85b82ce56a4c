// What the user has narrowed the view to (filters, time, focus, hidden and pinned actors, layout, sizing),
// as plain data with pure predicates: the filters tab, the legend, the URL and undo all share this one shape.
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES, type ActorKind, type RelStatus, type RelType } from '../../model/vocabulary';

export const SIZE_METRICS = ['degree', 'betweenness', 'pagerank', 'broker'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

export interface ViewState {
  /** Kinds, types and statuses switched off (empty = everything shown): new values in the data stay visible. */
  offKinds: ActorKind[];
  offTypes: RelType[];
  offStatuses: RelStatus[];
  /** FUNDS amount range in euros; a FUNDS tie without a known amount is kept only when no bound is set. */
  amountMin?: number;
  amountMax?: number;
  hideIsolated: boolean;
  /** "The network as of 31/12/year": ties dated after it are hidden, undated ones kept (and marked). */
  year?: number;
  /** The actors of a focused view; absent = the whole graph. */
  focus?: string[];
  hidden: string[];
  pinned: string[];
  selected?: string;
  layout?: string;
  sizeBy?: SizeMetric;
  communities: boolean;
}

export const EMPTY_VIEW: ViewState = Object.freeze({
  offKinds: [],
  offTypes: [],
  offStatuses: [],
  hideIsolated: false,
  hidden: [],
  pinned: [],
  communities: false,
}) as ViewState;

/** The fields of a node and an edge the predicates read (Cytoscape data or the graph payload). */
export interface NodeFacts { id: string; kind: ActorKind }
export interface EdgeFacts { id: string; source: string; target: string; type: RelType; status: RelStatus; amount?: number; date?: string }

/** Year of a partial ISO date ('2014', '2014-11', '2014-11-12'); undefined when absent or unreadable. */
export function dateYear(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

export function nodePasses(v: ViewState, n: NodeFacts): boolean {
  if (v.offKinds.includes(n.kind)) return false;
  if (v.hidden.includes(n.id)) return false;
  if (v.focus && !v.focus.includes(n.id)) return false;
  return true;
}

/** An edge's own test, before its ends are considered. */
export function edgePasses(v: ViewState, e: EdgeFacts): boolean {
  if (v.offTypes.includes(e.type) || v.offStatuses.includes(e.status)) return false;
  if (e.type === 'FUNDS' && (v.amountMin !== undefined || v.amountMax !== undefined)) {
    if (e.amount === undefined) return false;
    if (v.amountMin !== undefined && e.amount < v.amountMin) return false;
    if (v.amountMax !== undefined && e.amount > v.amountMax) return false;
  }
  if (v.year !== undefined) {
    const y = dateYear(e.date);
    if (y !== undefined && y > v.year) return false;
  }
  return true;
}

/** The ids left visible: nodes that pass, edges that pass between two visible nodes, minus isolated nodes if asked. */
export function visibleIds(v: ViewState, nodes: NodeFacts[], edges: EdgeFacts[]): { nodes: Set<string>; edges: Set<string> } {
  const vn = new Set(nodes.filter((n) => nodePasses(v, n)).map((n) => n.id));
  const ve = new Set(edges.filter((e) => vn.has(e.source) && vn.has(e.target) && edgePasses(v, e)).map((e) => e.id));
  if (v.hideIsolated) {
    const linked = new Set<string>();
    for (const e of edges) if (ve.has(e.id)) { linked.add(e.source); linked.add(e.target); }
    for (const id of [...vn]) if (!linked.has(id)) vn.delete(id);
  }
  return { nodes: vn, edges: ve };
}

/** Adds or removes one value from a list (the legend and the checkboxes toggle this way). */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/** True when nothing narrows the view (the URL hash and the "reset" button use it). */
export function isWholeView(v: ViewState): boolean {
  return !v.offKinds.length && !v.offTypes.length && !v.offStatuses.length && v.amountMin === undefined &&
    v.amountMax === undefined && !v.hideIsolated && v.year === undefined && !v.focus && !v.hidden.length;
}

export const ALL = { kinds: ACTOR_KINDS, types: REL_TYPES, statuses: REL_STATUSES } as const;

/** Listens to a view state and keeps a history of it for undo/redo. DOM-free: the panels subscribe. */
export interface ViewStore {
  get(): ViewState;
  /** Changes the view; `record: false` for changes undo should skip (selection). */
  set(patch: Partial<ViewState>, opts?: { record?: boolean }): void;
  /** Replaces the whole state (restoring a URL or a saved view); recorded. */
  replace(v: ViewState): void;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  subscribe(fn: (v: ViewState, prev: ViewState) => void): void;
}

export function createViewStore(initial: ViewState = EMPTY_VIEW, historyLimit = 100): ViewStore {
  let state = initial;
  const history = new UndoStack<ViewState>(historyLimit);
  const listeners: ((v: ViewState, prev: ViewState) => void)[] = [];
  const commit = (next: ViewState) => {
    const prev = state;
    state = next;
    for (const fn of listeners) fn(state, prev);
  };
  return {
    get: () => state,
    set(patch, opts = {}) {
      if (opts.record !== false) history.push(state);
      commit({ ...state, ...patch });
    },
    replace(v) {
      history.push(state);
      commit(v);
    },
    undo() {
      const prev = history.undo(state);
      if (prev === undefined) return false;
      // Selection is not part of what undo walks back: keep the current one.
      commit({ ...prev, selected: state.selected });
      return true;
    },
    redo() {
      const next = history.redo(state);
      if (next === undefined) return false;
      commit({ ...next, selected: state.selected });
      return true;
    },
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    subscribe(fn) { listeners.push(fn); },
  };
}

/** A bounded undo/redo stack of snapshots: push before a change; undo hands back the previous snapshot. */
export class UndoStack<T> {
  private past: T[] = [];
  private future: T[] = [];
  constructor(private readonly limit = 100) {}
  push(current: T): void {
    this.past.push(current);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }
  undo(current: T): T | undefined {
    const prev = this.past.pop();
    if (prev !== undefined) this.future.push(current);
    return prev;
  }
  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }
  canUndo(): boolean { return this.past.length > 0; }
  canRedo(): boolean { return this.future.length > 0; }
}

/** The app's one view store: the legend and the panels share it. */
export const view = createViewStore();
