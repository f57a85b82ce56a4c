import {
  EMPTY_VIEW,
  UndoStack,
  createViewStore,
  dateYear,
  edgePasses,
  visibleIds,
  type EdgeFacts,
  type NodeFacts,
  type ViewState,
} from '../../../client/state/view-state';

const nodes: NodeFacts[] = [
  { id: 'state', kind: 'public_body' },
  { id: 'camp', kind: 'accelerator' },
  { id: 'startup', kind: 'company' },
  { id: 'alice', kind: 'person' },
  { id: 'lonely', kind: 'company' },
];
const edges: EdgeFacts[] = [
  { id: 'f1', source: 'state', target: 'camp', type: 'FUNDS', status: 'effective', amount: 5_000_000, date: '2014-11' },
  { id: 'f2', source: 'camp', target: 'startup', type: 'FUNDS', status: 'planned', date: '2017' },
  { id: 'p1', source: 'alice', target: 'camp', type: 'PILOTS', status: 'effective' },
  { id: 'l1', source: 'state', target: 'startup', type: 'LABELS', status: 'ended', date: '2019-03-02' },
];
const visible = (v: Partial<ViewState>) => {
  const r = visibleIds({ ...EMPTY_VIEW, ...v }, nodes, edges);
  return { nodes: [...r.nodes].sort(), edges: [...r.edges].sort() };
};

describe('dateYear', () => {
  it.each([['2014', 2014], ['2014-11', 2014], ['2014-11-12', 2014], [undefined, undefined], ['vers 2014', undefined]])(
    'reads %p as %p', (date, year) => expect(dateYear(date)).toBe(year));
});

describe('edgePasses', () => {
  it.each<[string, Partial<ViewState>, EdgeFacts, boolean]>([
    ['a tie dated the cut-off year', { year: 2014 }, edges[0], true],
    ['a tie dated after the cut-off year', { year: 2016 }, edges[1], false],
    ['an undated tie under a time cut-off', { year: 2000 }, edges[2], true],
    ['a FUNDS tie inside the amount range', { amountMin: 1e6, amountMax: 1e7 }, edges[0], true],
    ['a FUNDS tie below the minimum', { amountMin: 1e7 }, edges[0], false],
    ['a FUNDS tie above the maximum', { amountMax: 1e6 }, edges[0], false],
    ['a FUNDS tie of unknown amount when a bound is set', { amountMin: 1 }, edges[1], false],
    ['a non-FUNDS tie when an amount bound is set', { amountMin: 1e9 }, edges[2], true],
    ['a tie whose status is switched off', { offStatuses: ['planned'] }, edges[1], false],
    ['a tie whose type is switched off', { offTypes: ['PILOTS'] }, edges[2], false],
  ])('decides %s', (_name, v, e, expected) => {
    expect(edgePasses({ ...EMPTY_VIEW, ...v }, e)).toBe(expected);
  });
});

describe('visibleIds', () => {
  it('shows everything in the whole view', () => {
    expect(visible({})).toEqual({ nodes: ['alice', 'camp', 'lonely', 'startup', 'state'], edges: ['f1', 'f2', 'l1', 'p1'] });
  });

  it('drops the ties of a kind switched off along with its actors', () => {
    expect(visible({ offKinds: ['person'] })).toEqual({ nodes: ['camp', 'lonely', 'startup', 'state'], edges: ['f1', 'f2', 'l1'] });
  });

  it('combines filters and hides the actors left without a tie when asked', () => {
    expect(visible({ offTypes: ['LABELS', 'PILOTS'], year: 2015, hideIsolated: true })).toEqual({ nodes: ['camp', 'state'], edges: ['f1'] });
  });

  it('keeps only the focused actors and drops hidden ones', () => {
    expect(visible({ focus: ['state', 'camp', 'startup'], hidden: ['startup'] })).toEqual({ nodes: ['camp', 'state'], edges: ['f1'] });
  });

  it('can hide everything', () => {
    expect(visible({ offKinds: ['public_body', 'accelerator', 'company', 'person'] })).toEqual({ nodes: [], edges: [] });
  });
});

describe('UndoStack', () => {
  it('walks back and forth, and a new change drops the redo branch', () => {
    const s = new UndoStack<number>();
    s.push(1); s.push(2); // states 1 → 2 → 3
    expect(s.undo(3)).toBe(2);
    expect(s.undo(2)).toBe(1);
    expect(s.undo(1)).toBeUndefined();
    expect(s.redo(1)).toBe(2);
    s.push(2); // 2 → 4
    expect(s.canRedo()).toBe(false);
    expect(s.undo(4)).toBe(2);
  });

  it('forgets the oldest snapshots past its limit', () => {
    const s = new UndoStack<number>(2);
    s.push(1); s.push(2); s.push(3);
    expect(s.undo(4)).toBe(3);
    expect(s.undo(3)).toBe(2);
    expect(s.undo(2)).toBeUndefined();
  });
});

describe('createViewStore', () => {
  it('undoes and redoes view changes but keeps the current selection', () => {
    const store = createViewStore();
    const seen: (number | undefined)[] = [];
    store.subscribe((v) => seen.push(v.year));
    store.set({ year: 2015 });
    store.set({ offTypes: ['LABELS'] });
    store.set({ selected: 'camp' }, { record: false });
    expect(store.undo()).toBe(true);
    expect(store.get()).toEqual({ ...EMPTY_VIEW, year: 2015, selected: 'camp' });
    expect(store.undo()).toBe(true);
    expect(store.get().year).toBeUndefined();
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.get().year).toBe(2015);
    expect(seen).toEqual([2015, 2015, 2015, 2015, undefined, 2015]);
  });
});
