// Historique: what change sets did (an actor's, in its details; everyone's, in the tab), who, when, why;
// each can be reverted by its author (or an admin), refused with the later changes that depend on it.
import type { ChangeEntry, ChangeSetEntry } from '../../model/schema';
import type { AppContext } from '../app';
import { ApiRequestError } from '../api';
import { h } from './dom';

const ACTION_LABEL: Record<string, string> = {
  'actor.create': 'Acteur créé', 'actor.update': 'Acteur modifié', 'actor.delete': 'Acteur supprimé', 'actor.merge': 'Fusion',
  'relationship.create': 'Relation créée', 'relationship.update': 'Relation modifiée', 'relationship.delete': 'Relation supprimée',
  'relationship.evidence': 'Source ajoutée',
};
const KIND_LABEL: Record<string, string> = { import: 'Import', seed: 'Données initiales', edit: 'Modification', merge: 'Fusion', extract: 'Article', console: 'Console', revert: 'Annulation' };
const STATE_LABEL: Record<string, string> = { undone: 'annulée', rolled_back: 'abandonnée', failed: 'en échec', running: 'en cours', undoing: 'annulation en cours' };
const OP_LABEL = { create: 'création', update: 'modification', delete: 'suppression' } as const;

function what(c: ChangeEntry): string {
  const name = (c.after?.name ?? c.before?.name) as string | undefined;
  if (c.entity === 'relationship') return `${OP_LABEL[c.op]} de ${c.type ?? 'relation'} ${c.from ?? ''} → ${c.to ?? ''}`;
  if (c.op !== 'update' || !c.before || !c.after) return `${OP_LABEL[c.op]} de ${c.entity === 'actor' ? 'l’acteur' : 'la source'} ${name ?? c.key}`;
  const fields = [...new Set([...Object.keys(c.before), ...Object.keys(c.after)])].filter((k) => JSON.stringify(c.before![k]) !== JSON.stringify(c.after![k]));
  return `${name ?? c.key} : ${fields.map((f) => `${f} ${JSON.stringify(c.before![f] ?? '—')} → ${JSON.stringify(c.after![f] ?? '—')}`).join(' ; ')}`;
}

function entry(ctx: AppContext, cs: ChangeSetEntry, reload: () => void): HTMLElement {
  const s = cs.summary as { action?: string; source?: { title?: string }; excerpt?: string; files?: unknown };
  const title = (s.action && ACTION_LABEL[s.action]) || KIND_LABEL[cs.kind] || cs.kind;
  const why = s.source?.title ? `Source : ${s.source.title}${s.excerpt ? ` — « ${s.excerpt} »` : ''}` : cs.reason ?? '';
  const li = h('li', { class: `change state-${cs.state}`, 'data-testid': 'change', 'data-cs': cs.id },
    h('div', { class: 'change-head' },
      h('strong', {}, title),
      h('span', { class: 'muted' }, ` · ${cs.author} · ${new Date(cs.createdAt).toLocaleString('fr-FR')}`),
      STATE_LABEL[cs.state] ? h('span', { class: 'chip' }, STATE_LABEL[cs.state]) : ''),
    why ? h('p', { class: 'change-why' }, why) : '',
    cs.changes.length ? h('ul', { class: 'change-list' }, ...cs.changes.slice(0, 6).map((c) => h('li', {}, what(c)))) : '',
    cs.moreChanges || cs.changes.length > 6 ? h('p', { class: 'muted' }, '… et d’autres éléments') : '');
  const mine = ctx.session?.user.name === cs.author;
  if (cs.state === 'committed' && (ctx.can('admin') || (ctx.can('editor') && mine))) {
    const btn = h('button', { type: 'button', class: 'secondary small', 'data-testid': 'revert' }, 'Annuler ce changement');
    const msg = h('div', { class: 'form-error', 'data-testid': 'revert-error' });
    btn.addEventListener('click', () => {
      btn.disabled = true;
      ctx.api.revert(cs.id).then(() => { ctx.notify('Changement annulé'); reload(); }, (e: unknown) => {
        btn.disabled = false;
        if (e instanceof ApiRequestError && e.status === 409) {
          const later = (e.details as { later?: { author: string; createdAt: string; reason?: string; summary?: { action?: string } }[] }).later ?? [];
          msg.replaceChildren('Impossible : des changements plus récents en dépendent —',
            h('ul', {}, ...later.map((l) => h('li', {}, `${(l.summary?.action && ACTION_LABEL[l.summary.action]) ?? ''} par ${l.author}, ${new Date(l.createdAt).toLocaleString('fr-FR')}${l.reason ? ` (${l.reason})` : ''}`))));
        } else msg.textContent = (e as Error).message;
      });
    });
    li.append(btn, msg);
  }
  return li;
}

/** The changes of one actor and its ties (the details panel's Historique section). */
export async function actorHistory(ctx: AppContext, actorId: string, onRevert: () => void): Promise<HTMLElement> {
  const box = h('section', { class: 'group history', 'data-testid': 'history' }, h('h3', {}, 'Historique'));
  try {
    const { changeSets } = await ctx.api.changes({ actor: actorId, limit: 30 });
    box.append(changeSets.length ? h('ul', { class: 'changes' }, ...changeSets.map((c) => entry(ctx, c, onRevert))) : h('p', { class: 'muted' }, 'Aucun changement enregistré.'));
  } catch (e) {
    box.append(h('p', { class: 'error' }, (e as Error).message));
  }
  return box;
}

/** The "Historique" tab: recent change sets of everyone, newest first, with paging. */
export function registerHistory(ctx: AppContext): void {
  ctx.addTab({
    id: 'history',
    title: 'Historique',
    render(pane) {
      const list = h('ul', { class: 'changes', 'data-testid': 'recent-changes' });
      const more = h('button', { type: 'button', class: 'secondary' }, 'Plus anciens');
      let next: string | null = null;
      const load = async (reset: boolean) => {
        const r = await ctx.api.changes({ before: reset ? undefined : next ?? undefined, limit: 30 });
        if (reset) list.replaceChildren();
        list.append(...r.changeSets.map((c) => entry(ctx, c, () => void load(true))));
        next = r.next;
        more.hidden = !next;
      };
      more.addEventListener('click', () => void load(false));
      const refresh = h('button', { type: 'button', class: 'secondary' }, 'Actualiser');
      refresh.addEventListener('click', () => void load(true));
      pane.replaceChildren(h('div', { class: 'details' }, h('header', { class: 'actor-head' }, h('h2', {}, 'Changements récents'), refresh), list, more));
      void load(true).catch((e: unknown) => list.replaceChildren(h('li', { class: 'error' }, (e as Error).message)));
    },
  });
}
