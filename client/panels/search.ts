// Typeahead actor search (name or alias, any case or accent); reusable by any panel that picks an actor.
import type { GraphNode } from '../../model/schema';
import { ACTOR_KIND_LABELS } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { KIND_STYLE } from '../graph/style';
import { h } from './dom';

/**
 * Turns a text input into an actor picker: suggestions as you type, arrows + Enter to choose, Esc to clear.
 * Returns the results list element (placed right after the input).
 */
export function attachActorSearch(ctx: AppContext, input: HTMLInputElement, onPick: (actor: GraphNode) => void): HTMLElement {
  const list = h('ul', { class: 'suggestions', role: 'listbox', 'data-testid': 'search-results' });
  list.hidden = true;
  input.after(list);
  input.setAttribute('autocomplete', 'off');
  let items: GraphNode[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;

  const close = () => { list.hidden = true; active = -1; };
  const paint = () => {
    list.replaceChildren(
      ...items.map((a, i) => {
        const li = h('li', { role: 'option', class: i === active ? 'active' : '', 'data-testid': 'search-result', 'data-id': a.id },
          h('span', { class: 'kind-dot', style: `background:${KIND_STYLE[a.kind].color}` }),
          h('span', { class: 'name' }, a.name),
          h('span', { class: 'meta' }, a.aliases.length ? `${a.aliases.slice(0, 2).join(', ')} · ${ACTOR_KIND_LABELS[a.kind]}` : ACTOR_KIND_LABELS[a.kind]));
        li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(i); });
        return li;
      }),
    );
    if (!items.length && input.value.trim()) list.replaceChildren(h('li', { class: 'empty' }, 'Aucun acteur trouvé'));
    list.hidden = !input.value.trim();
  };
  const pick = (i: number) => {
    const a = items[i];
    if (!a) return;
    input.value = a.name;
    close();
    onPick(a);
  };
  const search = async () => {
    const q = input.value.trim();
    const mine = ++ticket;
    if (!q) { items = []; close(); return; }
    try {
      const r = await ctx.api.searchActors(q);
      if (mine !== ticket) return; // a later keystroke won
      items = r.actors;
      active = items.length ? 0 : -1;
      paint();
    } catch (e) {
      ctx.notify(`Recherche indisponible : ${(e as Error).message}`, 'error');
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => void search(), 120); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && items.length) { active = (active + 1) % items.length; paint(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && items.length) { active = (active - 1 + items.length) % items.length; paint(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { pick(Math.max(0, active)); ev.preventDefault(); }
    else if (ev.key === 'Escape') { input.value = ''; items = []; close(); input.blur(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return list;
}

/** The header search: picks an actor, adds it to the view if needed, centres and selects it. */
export function registerSearch(ctx: AppContext, input: HTMLInputElement): void {
  attachActorSearch(ctx, input, async (a) => {
    if (ctx.cy.getElementById(a.id).empty()) {
      void ctx.showGraph(await ctx.api.neighborhood(a.id, { depth: 1, limit: 100 }), 'add');
    }
    ctx.select(a.id);
  });
  // "/" focuses the search from anywhere but a text field.
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement;
    if (ev.key === '/' && !['INPUT', 'TEXTAREA'].includes(t.tagName) && !t.isContentEditable) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });
}
