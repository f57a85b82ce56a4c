// The time control: "réseau au 31/12/AAAA" — ties dated after that year hidden, undated ones kept and
// drawn paler; a play button steps the network forward year by year.
import type { AppContext } from '../app';
import { dateYear, view, type ViewState } from '../state/view-state';
import { h } from './dom';

const STEP_MS = 1100;

/**
 * Years the ties span; undefined when no tie is dated. A view of part of a large graph takes the whole
 * graph's years (the server filters by year); a whole graph, its drawn ties (one pass, no spread).
 */
export function yearSpan(ctx: AppContext): { min: number; max: number } | undefined {
  const years = ctx.scope.stats?.years;
  if (ctx.scope.mode !== 'whole' && years) return years.min !== null && years.max !== null ? { min: years.min, max: years.max } : undefined;
  let min = Infinity;
  let max = -Infinity;
  ctx.cy.edges().forEach((e) => {
    const y = dateYear(e.data('date') as string | undefined);
    if (y === undefined) return;
    if (y < min) min = y;
    if (y > max) max = y;
  });
  return min <= max ? { min, max } : undefined;
}

export function registerTimeline(ctx: AppContext, host: HTMLElement): (v: ViewState) => void {
  const on = h('input', { type: 'checkbox', 'data-testid': 'time-toggle', 'aria-label': 'Voir le réseau à une date' });
  const slider = h('input', { type: 'range', step: '1', 'data-testid': 'time-year', 'aria-label': 'Année' });
  const label = h('span', { class: 'time-label', 'data-testid': 'time-label' }, 'Toutes dates');
  const play = h('button', { type: 'button', class: 'play', 'data-testid': 'time-play', title: 'Faire défiler les années' }, '▶');
  const note = h('span', { class: 'time-note' }, h('span', { class: 'line undated-line' }), 'non datée : toujours affichée');
  const bar = h('div', { class: 'timeline', 'data-testid': 'timeline' }, h('label', { class: 'time-switch' }, on, 'Dans le temps'), slider, label, play, note);
  host.append(bar);
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => { clearInterval(timer); timer = undefined; play.textContent = '▶'; };
  const setSpan = () => {
    const span = yearSpan(ctx);
    bar.hidden = !span;
    if (!span) return;
    slider.min = String(span.min);
    slider.max = String(span.max);
  };
  on.addEventListener('change', () => {
    stop();
    view.set({ year: on.checked ? Number(slider.value || slider.max) : undefined });
  });
  slider.addEventListener('input', () => { label.textContent = `réseau au 31/12/${slider.value}`; });
  slider.addEventListener('change', () => { stop(); view.set({ year: Number(slider.value) }); });
  play.addEventListener('click', () => {
    if (timer) return stop();
    const min = Number(slider.min), max = Number(slider.max);
    const current = view.get().year;
    // Start from the first year unless the user is part-way through.
    view.set({ year: current === undefined || current >= max ? min : current + 1 });
    play.textContent = '❚❚';
    timer = setInterval(() => {
      const y = view.get().year;
      if (y === undefined || y >= max) return stop();
      view.set({ year: y + 1 }, { record: false });
    }, STEP_MS);
  });
  ctx.onGraphChange(setSpan);
  setSpan();

  return (v) => {
    on.checked = v.year !== undefined;
    slider.disabled = v.year === undefined;
    bar.classList.toggle('active', v.year !== undefined);
    if (v.year !== undefined) slider.value = String(v.year);
    label.textContent = v.year !== undefined ? `réseau au 31/12/${v.year}` : 'Toutes dates';
    note.hidden = v.year === undefined;
  };
}
