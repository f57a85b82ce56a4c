// Doublons: candidate pairs best first with why; judge them (même / différent / incertain) or merge after a preview.
import type { DuplicateCandidate } from '../../model/schema';
import { ACTOR_KIND_LABELS } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { h } from './dom';
import { mergeDialog } from './edit';

const VERDICT_LABEL = { same: 'Même acteur', different: 'Différents', unsure: 'Incertain' } as const;

function pair(ctx: AppContext, c: DuplicateCandidate, reload: () => void): HTMLElement {
  const actorLink = (a: DuplicateCandidate['a']) => {
    const b = h('button', { type: 'button', class: 'link actor-link' }, a.name);
    b.addEventListener('click', () => ctx.select(a.id));
    return h('span', {}, b, h('span', { class: 'muted' }, ` (${ACTOR_KIND_LABELS[a.kind]}, ${a.id})`));
  };
  const li = h('li', { class: 'dup', 'data-testid': 'duplicate', 'data-pair': `${c.a.id}+${c.b.id}` },
    h('div', {}, actorLink(c.a), ' — ', actorLink(c.b), h('span', { class: 'chip' }, `${Math.round(c.score * 100)} %`)),
    h('ul', { class: 'reasons' }, ...c.reasons.map((r) => h('li', {}, r.text))),
    c.judgement ? h('p', { class: 'muted' }, `Jugé « ${VERDICT_LABEL[c.judgement.verdict]} » par ${c.judgement.by}`) : '');
  if (ctx.can('editor')) {
    const actions = h('div', { class: 'actions' });
    for (const v of ['same', 'different', 'unsure'] as const) {
      const b = h('button', { type: 'button', class: 'secondary small', 'data-testid': `judge-${v}` }, VERDICT_LABEL[v]);
      b.addEventListener('click', () => void ctx.api.judge(c.a.id, c.b.id, v).then(reload, (e: Error) => ctx.notify(e.message, 'error')));
      actions.append(b);
    }
    // The survivor keeps its id: the one with more names is usually the better known.
    const [keep, drop] = c.b.aliases.length > c.a.aliases.length ? [c.b, c.a] : [c.a, c.b];
    const m = h('button', { type: 'button', class: 'primary small', 'data-testid': 'merge' }, `Fusionner dans « ${keep.name} »…`);
    m.addEventListener('click', () => void mergeDialog(ctx, keep.id, drop.id));
    actions.append(m);
    li.append(actions);
  }
  return li;
}

export function registerDuplicates(ctx: AppContext): void {
  ctx.addTab({
    id: 'duplicates',
    title: 'Doublons',
    render(pane) {
      const status = h('select', { 'data-testid': 'dup-status' }, h('option', { value: 'open' }, 'À examiner'), h('option', { value: 'same' }, 'Jugés identiques'), h('option', { value: 'different' }, 'Jugés différents'));
      const list = h('ul', { class: 'dups', 'data-testid': 'duplicates' });
      const count = h('p', { class: 'muted' });
      const load = async () => {
        const r = await ctx.api.duplicates({ status: status.value, limit: 100 });
        // Candidates are computed in the background per graph version: until they are, say so and ask again.
        const pending = r.status === 'computing' || r.status === 'stale';
        const note = r.status === 'computing' ? 'Recherche des doublons en cours…' : r.status === 'stale' ? ' (mise à jour en cours…)' : r.status === 'failed' ? ` (échec du calcul : ${r.error ?? 'inconnu'})` : '';
        count.textContent = r.status === 'computing' ? note : `${r.total} paire(s)${r.total > r.candidates.length ? `, les ${r.candidates.length} plus probables` : ''}${note}`;
        list.replaceChildren(...r.candidates.map((c) => pair(ctx, c, () => void load())));
        if (pending) setTimeout(() => { if (pane.isConnected) void load(); }, 1000);
      };
      status.addEventListener('change', () => void load());
      pane.replaceChildren(h('div', { class: 'details' }, h('header', { class: 'actor-head' }, h('h2', {}, 'Doublons possibles'), status), count, list));
      void load().catch((e: unknown) => list.replaceChildren(h('li', { class: 'error' }, (e as Error).message)));
    },
  });
}
