import { ACTOR_KINDS } from '../../../model/vocabulary';
import { decodeView, encodeView } from '../../../client/state/url';
import { EMPTY_VIEW, type ViewState } from '../../../client/state/view-state';

const views: [string, ViewState][] = [
  ['the whole view', EMPTY_VIEW],
  ['kinds and a type narrowed, a year and a selection', { ...EMPTY_VIEW, offKinds: ['person', 'event'], offTypes: ['PARTNERS_WITH'], year: 2015, selected: 'medinsoft', layout: 'fcose' }],
  ['an amount range with one bound', { ...EMPTY_VIEW, amountMin: 100000 }],
  ['both bounds, statuses, isolated hidden, communities', { ...EMPTY_VIEW, amountMin: 5e5, amountMax: 2e8, offStatuses: ['declined', 'ended'], hideIsolated: true, communities: true }],
  ['focus, hidden and pinned actors and a size metric', { ...EMPTY_VIEW, focus: ['the-camp', 'bpifrance'], hidden: ['region-sud'], pinned: ['the-camp'], sizeBy: 'pagerank' }],
  ['an empty focus (everything filtered out by hand)', { ...EMPTY_VIEW, focus: [] }],
];

describe('encodeView / decodeView', () => {
  it.each(views)('round-trips %s', (_name, v) => {
    expect(decodeView(`#${encodeView(v)}`)).toEqual(v);
  });

  it('encodes the whole view as an empty hash', () => {
    expect(encodeView(EMPTY_VIEW)).toBe('');
  });

  it('writes shown kinds and types, readable, with literal commas', () => {
    const hash = encodeView({ ...EMPTY_VIEW, offKinds: ['person', 'event', 'site', 'label', 'programme', 'university', 'accelerator', 'cluster', 'association', 'investor', 'public_body'], offTypes: ['PILOTS', 'PARTNERS_WITH', 'LABELS'], year: 2015, selected: 'medinsoft' });
    expect(hash).toBe('k=company,local_authority&t=FUNDS&y=2015&sel=medinsoft');
  });

  it('keeps the known kinds of a list that names an unknown one', () => {
    expect(decodeView('k=company,spaceship').offKinds).toEqual(ACTOR_KINDS.filter((k) => k !== 'company'));
  });

  it.each([
    ['a year that is not four digits', 'y=20x5'],
    ['a selection that is not an id', 'sel=<script>'],
    ['an unknown size metric', 'sz=mass'],
    ['an amount that is not a number', 'a=lots-1e9x'],
    ['an unknown key', 'zoom=3'],
  ])('ignores %s', (_name, hash) => {
    expect(decodeView(hash)).toEqual(EMPTY_VIEW);
  });
});
