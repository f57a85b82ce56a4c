// The view state in the URL hash, compact and readable (#k=company,person&t=FUNDS&y=2015&sel=medinsoft&l=fcose):
// copying the URL reproduces the view. Decoding drops what it does not recognise instead of failing.
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES } from '../../model/vocabulary';
import { EMPTY_VIEW, SIZE_METRICS, type ViewState } from './view-state';

const SLUG = /^[A-Za-z0-9_.:\-]+$/;

// Commas separate list items; keep them literal so the hash stays readable.
const enc = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',');

function shownList<T extends string>(all: readonly T[], off: readonly T[]): string | undefined {
  return off.length ? all.filter((x) => !off.includes(x)).join(',') : undefined;
}

/** The hash for a view state, without the leading '#'; '' for the whole, untouched view. */
export function encodeView(v: ViewState): string {
  const parts: [string, string | undefined][] = [
    ['k', shownList(ACTOR_KINDS, v.offKinds)],
    ['t', shownList(REL_TYPES, v.offTypes)],
    ['s', shownList(REL_STATUSES, v.offStatuses)],
    ['a', v.amountMin !== undefined || v.amountMax !== undefined ? `${v.amountMin ?? ''}-${v.amountMax ?? ''}` : undefined],
    ['iso', v.hideIsolated ? '0' : undefined],
    ['y', v.year !== undefined ? String(v.year) : undefined],
    ['f', v.focus ? v.focus.join(',') : undefined],
    ['h', v.hidden.length ? v.hidden.join(',') : undefined],
    ['p', v.pinned.length ? v.pinned.join(',') : undefined],
    ['sel', v.selected],
    ['l', v.layout],
    ['sz', v.sizeBy],
    ['c', v.communities ? '1' : undefined],
  ];
  return parts.filter(([, val]) => val !== undefined).map(([k, val]) => `${k}=${enc(val as string)}`).join('&');
}

function offFrom<T extends string>(all: readonly T[], shown: string | null): T[] {
  if (shown === null) return [];
  const on = new Set(shown.split(',').filter(Boolean));
  return all.filter((x) => !on.has(x));
}

const ids = (s: string | null) => (s === null ? [] : s.split(',').filter((x) => SLUG.test(x)));
const num = (s: string | undefined) => (s && /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined);

/** The view state a hash describes ('#…' or '…'); unknown keys and values are ignored. */
export function decodeView(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const [min, max] = (p.get('a') ?? '').split('-');
  const year = p.get('y');
  const sel = p.get('sel');
  const sz = p.get('sz');
  const layout = p.get('l');
  const v: ViewState = {
    ...EMPTY_VIEW,
    offKinds: offFrom(ACTOR_KINDS, p.get('k')),
    offTypes: offFrom(REL_TYPES, p.get('t')),
    offStatuses: offFrom(REL_STATUSES, p.get('s')),
    hideIsolated: p.get('iso') === '0',
    hidden: ids(p.get('h')),
    pinned: ids(p.get('p')),
    communities: p.get('c') === '1',
  };
  const amountMin = num(min);
  const amountMax = num(max);
  if (amountMin !== undefined) v.amountMin = amountMin;
  if (amountMax !== undefined) v.amountMax = amountMax;
  if (year && /^\d{4}$/.test(year)) v.year = Number(year);
  if (p.has('f')) v.focus = ids(p.get('f'));
  if (sel && SLUG.test(sel)) v.selected = sel;
  if (layout && /^[a-z-]+$/.test(layout)) v.layout = layout;
  if (sz && (SIZE_METRICS as readonly string[]).includes(sz)) v.sizeBy = sz as ViewState['sizeBy'];
  return v;
}
