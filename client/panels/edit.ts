// Editing in the page: actor and relationship forms, evidence, merges, each with its source or reason; a
// refused edit (409: someone changed it meanwhile) shows the other change and keeps what was typed.
import type { ActorDetail, GraphEdge, MergePreview, Provenance, Source } from '../../model/schema';
import { ACTOR_KINDS, ACTOR_KIND_LABELS, REL_STATUSES, REL_TYPES } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { ApiRequestError } from '../api';
import { STATUS_LABEL, TYPE_STYLE } from '../graph/style';
import { edgeElement } from '../graph/elements';
import { h } from './dom';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const input = (name: string, value = '', attrs: Record<string, string> = {}) => h('input', { name, value, 'data-testid': `f-${name}`, ...attrs });
const area = (name: string, value = '') => { const t = h('textarea', { name, 'data-testid': `f-${name}` }); t.value = value; return t; };
function select(name: string, options: [string, string][], value?: string): HTMLSelectElement {
  const s = h('select', { name, 'data-testid': `f-${name}` }, ...options.map(([v, l]) => h('option', { value: v }, l)));
  if (value !== undefined) s.value = value;
  return s;
}
const label = (text: string, field: Field | HTMLElement) => h('label', {}, text, field);
const val = (f: Field) => f.value.trim();
const opt = (f: Field) => val(f) || undefined;

/** A modal form; `submit` returns an error message to show, or nothing when done (the dialog closes). */
function dialog(title: string, body: HTMLElement[], submitLabel: string, submit: (error: HTMLElement) => Promise<string | undefined>): HTMLDialogElement {
  const error = h('div', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Annuler');
  const ok = h('button', { type: 'submit', class: 'primary', 'data-testid': 'form-submit' }, submitLabel);
  const form = h('form', { class: 'dialog-form' }, h('h2', {}, title), ...body, error, h('div', { class: 'dialog-actions' }, cancel, ok));
  const d = h('dialog', { class: 'dialog', 'data-testid': 'edit-dialog' }, form);
  document.body.append(d);
  cancel.addEventListener('click', () => d.close());
  d.addEventListener('close', () => d.remove());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.replaceChildren();
    ok.disabled = true;
    submit(error).then(
      (msg) => { if (msg) error.textContent = msg; else d.close(); },
      (err: unknown) => showError(error, err),
    ).finally(() => { ok.disabled = false; });
  });
  d.showModal();
  return d;
}

/** Shows why an edit was refused; a 409 names who changed what in between (the form keeps what was typed). */
function showError(box: HTMLElement, err: unknown): void {
  if (err instanceof ApiRequestError && err.name === 'EditConflict') {
    const d = err.details as { change?: { author?: string; at?: string; reason?: string } };
    const c = d.change;
    box.replaceChildren(
      h('strong', {}, 'Quelqu’un a modifié cet élément pendant que vous l’éditiez.'),
      c ? h('p', { 'data-testid': 'conflict-change' }, `${c.author ?? '?'} — ${c.at ? new Date(c.at).toLocaleString('fr-FR') : ''}${c.reason ? ` — ${c.reason}` : ''}`) : '',
      h('p', {}, 'Vos saisies sont conservées : fermez, rouvrez la fiche pour voir la version actuelle, puis refaites votre modification.'),
    );
    return;
  }
  if (err instanceof ApiRequestError && err.name === 'ValidationError') {
    const issues = (err.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
    box.textContent = issues.length ? issues.map((i) => `${i.field.replace(/^body\./, '')} : ${i.message}`).join(' · ') : err.message;
    return;
  }
  box.textContent = (err as Error).message;
}

/**
 * The "why" of every change: an existing source, a new one (title, publisher, date, URL), with the excerpt;
 * or no source, with a reason ("correction sans source : …").
 */
export function provenanceFields(sources: Source[], opts: { excerptRequired?: boolean; sourceRequired?: boolean } = {}) {
  const choice = select('prov-choice', [['existing', 'Source existante'], ['new', 'Nouvelle source'], ...(opts.sourceRequired ? [] : [['none', 'Sans source'] as [string, string]])], sources.length ? 'existing' : 'new');
  const existing = select('prov-source', sources.map((s) => [s.id, `${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.date ? ` (${s.date})` : ''}`]));
  const title = input('prov-title');
  const publisher = input('prov-publisher');
  const date = input('prov-date', '', { placeholder: 'AAAA, AAAA-MM ou AAAA-MM-JJ' });
  const url = input('prov-url', '', { type: 'url' });
  const excerpt = area('prov-excerpt');
  const reason = area('prov-reason', 'correction sans source : ');
  const blocks = {
    existing: h('div', { class: 'prov-block' }, label('Source', existing)),
    new: h('div', { class: 'prov-block' }, label('Titre', title), label('Éditeur', publisher), label('Date', date), label('URL', url)),
    none: h('div', { class: 'prov-block' }, label('Raison', reason)),
  };
  const excerptLabel = label(opts.excerptRequired ? 'Extrait qui l’atteste' : 'Extrait (facultatif)', excerpt);
  const sync = () => {
    for (const [k, b] of Object.entries(blocks)) b.hidden = k !== choice.value;
    excerptLabel.hidden = choice.value === 'none';
  };
  choice.addEventListener('change', sync);
  sync();
  const fieldset = h('fieldset', { class: 'provenance', 'data-testid': 'provenance' }, h('legend', {}, 'Source de cette modification'), choice, blocks.existing, blocks.new, blocks.none, excerptLabel);
  const read = (): Provenance => {
    if (choice.value === 'none') return { reason: val(reason) };
    const p: Provenance = { source: choice.value === 'existing' ? { id: existing.value } : { title: val(title), publisher: opt(publisher), date: opt(date), url: opt(url), language: 'fr' } };
    if (val(excerpt)) p.excerpt = val(excerpt);
    return p;
  };
  return { fieldset, read };
}

/** Re-reads an actor and brings the network up to date: its data, its ties (added, changed, gone). */
export async function refreshActor(ctx: AppContext, id: string, gone: string[] = []): Promise<ActorDetail | undefined> {
  for (const g of gone) ctx.cy.getElementById(g).remove();
  let d: ActorDetail;
  try { d = await ctx.api.actor(id); } catch { ctx.cy.getElementById(id).remove(); return undefined; }
  const node = ctx.cy.getElementById(d.actor.id);
  if (node.nonempty()) node.data({ ...d.actor });
  const keep = new Set(d.relationships.map((r) => r.id));
  node.connectedEdges().filter((e) => !keep.has(e.id())).remove();
  for (const r of d.relationships) {
    const e = ctx.cy.getElementById(r.id);
    if (e.nonempty() && (e.data('source') !== r.source || e.data('target') !== r.target)) e.remove();
    else if (e.nonempty()) e.data(edgeElement(r).data);
  }
  await ctx.showGraph({ nodes: [d.actor, ...d.relationships.map((r) => r.other)], edges: d.relationships }, 'add');
  return d;
}

const KIND_OPTIONS = ACTOR_KINDS.map((k) => [k, ACTOR_KIND_LABELS[k]] as [string, string]);
const aliasesOf = (f: Field) => val(f).split(/\s*[;,]\s*/).filter(Boolean);

/** Create (no `d`) or edit an actor. */
export function actorForm(ctx: AppContext, sources: Source[], d?: ActorDetail): void {
  const a = d?.actor;
  const name = input('name', a?.name ?? '', { required: '' });
  const aliases = input('aliases', a?.aliases.join(', ') ?? '', { placeholder: 'séparés par des virgules' });
  const kind = select('kind', KIND_OPTIONS, a?.kind ?? 'company');
  const territory = input('territory', a?.territory ?? '');
  const description = area('description', a?.description ?? '');
  const prov = provenanceFields(sources);
  dialog(a ? `Modifier ${a.name}` : 'Nouvel acteur', [label('Nom', name), label('Alias', aliases), label('Type', kind), label('Territoire', territory), label('Description', description), prov.fieldset], a ? 'Enregistrer' : 'Créer', async () => {
    if (!a || !d) {
      const r = await ctx.api.createActor({ actor: { name: val(name), aliases: aliasesOf(aliases), kind: kind.value as never, territory: opt(territory), description: opt(description) }, provenance: prov.read() });
      await ctx.showGraph({ nodes: [r.actor!], edges: [] }, 'add');
      ctx.select(r.actor!.id);
      ctx.notify(`Acteur créé : ${r.actor!.name}`);
      return undefined;
    }
    const changes: Record<string, unknown> = {};
    if (val(name) !== a.name) changes.name = val(name);
    if (aliasesOf(aliases).join('|') !== a.aliases.join('|')) changes.aliases = aliasesOf(aliases);
    if (kind.value !== a.kind) changes.kind = kind.value;
    if (val(territory) !== (a.territory ?? '')) changes.territory = opt(territory) ?? null;
    if (val(description) !== (a.description ?? '')) changes.description = opt(description) ?? null;
    if (!Object.keys(changes).length) return 'Rien n’a changé.';
    await ctx.api.patchActor(a.id, { version: d.version, changes, provenance: prov.read() } as never);
    await refreshActor(ctx, a.id);
    ctx.select(a.id);
    ctx.notify('Acteur modifié');
    return undefined;
  });
}

const TYPE_OPTIONS = REL_TYPES.map((t) => [t, TYPE_STYLE[t].label] as [string, string]);
const STATUS_OPTIONS = REL_STATUSES.map((s) => [s, STATUS_LABEL[s]] as [string, string]);

/** Actor ids offered when naming the other end: those on the network (a datalist, free typing allowed). */
function actorPicker(ctx: AppContext, name: string, value = ''): HTMLElement[] {
  const listId = `actors-${name}`;
  const list = h('datalist', { id: listId }, ...ctx.cy.nodes().map((n) => h('option', { value: n.id() }, n.data('name') as string)));
  return [input(name, value, { list: listId, required: '', placeholder: 'identifiant de l’acteur' }), list];
}

/** Create a tie from actor `from` (no `edge`), or edit one. */
export function relationshipForm(ctx: AppContext, sources: Source[], from: string, edge?: GraphEdge & { version: string }): void {
  const type = select('type', TYPE_OPTIONS, edge?.type ?? 'FUNDS');
  const [source, l1] = actorPicker(ctx, 'source', edge?.source ?? from);
  const [target, l2] = actorPicker(ctx, 'target', edge?.target ?? '');
  const amount = input('amount', edge?.amount !== undefined ? String(edge.amount) : '', { inputmode: 'decimal', placeholder: 'en euros' });
  const date = input('date', edge?.date ?? '', { placeholder: 'AAAA, AAAA-MM ou AAAA-MM-JJ' });
  const status = select('status', STATUS_OPTIONS, edge?.status ?? 'effective');
  const role = input('role', edge?.role ?? '');
  const note = area('note', edge?.note ?? '');
  const prov = provenanceFields(sources, { excerptRequired: !edge, sourceRequired: !edge });
  const num = (f: Field) => (val(f) ? Number(val(f).replace(/\s/g, '').replace(',', '.')) : undefined);
  dialog(edge ? 'Modifier la relation' : 'Nouvelle relation', [label('Type', type), label('De', h('span', {}, source, l1)), label('Vers', h('span', {}, target, l2)), label('Montant (€)', amount), label('Date', date), label('Statut', status), label('Rôle', role), label('Note', note), prov.fieldset], edge ? 'Enregistrer' : 'Créer', async () => {
    const p = prov.read();
    if (!edge) {
      if (!p.source || !p.excerpt) return 'Une relation nouvelle a besoin d’une source et de l’extrait qui l’atteste.';
      await ctx.api.createRelationship({ relationship: { type: type.value as never, source: val(source as Field), target: val(target as Field), amount: num(amount), date: opt(date), status: status.value as never, role: opt(role), note: opt(note) }, provenance: { source: p.source, excerpt: p.excerpt } });
    } else {
      const changes: Record<string, unknown> = {};
      if (type.value !== edge.type) changes.type = type.value;
      if (val(source as Field) !== edge.source) changes.source = val(source as Field);
      if (val(target as Field) !== edge.target) changes.target = val(target as Field);
      if (num(amount) !== edge.amount) changes.amount = num(amount) ?? null;
      if (val(date) !== (edge.date ?? '')) changes.date = opt(date) ?? null;
      if (status.value !== edge.status) changes.status = status.value;
      if (val(role) !== (edge.role ?? '')) changes.role = opt(role) ?? null;
      if (val(note) !== (edge.note ?? '')) changes.note = opt(note) ?? null;
      if (!Object.keys(changes).length) return 'Rien n’a changé.';
      const r = await ctx.api.patchRelationship(edge.id, { version: edge.version, changes, provenance: p } as never);
      if (r.claimAdded) ctx.notify('Une autre source disait autre chose : les deux versions sont gardées, signalées', 'warn');
      if (r.relationship && r.relationship.id !== edge.id) ctx.cy.getElementById(edge.id).remove();
    }
    await refreshActor(ctx, val(source as Field) || from);
    ctx.select(from);
    return undefined;
  });
}

/** One more source for a tie; an amount or date it states differently becomes a flagged claim. */
export function evidenceForm(ctx: AppContext, sources: Source[], edge: GraphEdge & { version: string }, from: string): void {
  const amount = input('ev-amount', '', { inputmode: 'decimal', placeholder: 'si la source en donne un' });
  const date = input('ev-date', '', { placeholder: 'si la source en donne une' });
  const prov = provenanceFields(sources, { excerptRequired: true, sourceRequired: true });
  dialog('Ajouter une source', [prov.fieldset, label('Montant qu’elle indique (€)', amount), label('Date qu’elle indique', date)], 'Ajouter', async () => {
    const p = prov.read();
    if (!p.source || !p.excerpt) return 'Indiquez la source et l’extrait.';
    const n = val(amount) ? Number(val(amount).replace(/\s/g, '').replace(',', '.')) : undefined;
    const r = await ctx.api.addEvidence(edge.id, { version: edge.version, source: p.source, excerpt: p.excerpt, amount: n, date: opt(date) });
    if (r.claimAdded) ctx.notify('Cette source contredit les autres : les deux versions sont gardées, signalées', 'warn');
    await refreshActor(ctx, from);
    ctx.select(from);
    return undefined;
  });
}

/** Asks for a reason (or a source) and removes one excerpt of a tie (never its last: every edge stays sourced). */
export function removeEvidenceForm(ctx: AppContext, sources: Source[], edge: GraphEdge & { version: string }, index: number, from: string): void {
  const prov = provenanceFields(sources);
  const ev = edge.evidence[index];
  dialog('Retirer cet extrait', [h('blockquote', {}, `« ${ev.excerpt} »`), h('p', {}, 'La relation garde ses autres extraits ; le retrait est annulable depuis l’historique.'), prov.fieldset], 'Retirer', async () => {
    await ctx.api.removeEvidence(edge.id, index, { version: edge.version, provenance: prov.read() });
    await refreshActor(ctx, from);
    ctx.select(from);
    ctx.notify('Extrait retiré');
    return undefined;
  });
}

/** Asks for a reason (or a source) and deletes an actor or a tie. */
export function deleteForm(ctx: AppContext, sources: Source[], what: { kind: 'actor' | 'relationship'; id: string; version: string; label: string; refresh: string }): void {
  const prov = provenanceFields(sources);
  dialog(`Supprimer ${what.label}`, [h('p', {}, what.kind === 'actor' ? 'L’acteur et toutes ses relations seront supprimés (annulable depuis l’historique).' : 'La relation et ses sources seront supprimées (annulable depuis l’historique).'), prov.fieldset], 'Supprimer', async () => {
    const body = { version: what.version, provenance: prov.read() };
    if (what.kind === 'actor') {
      await ctx.api.deleteActor(what.id, body);
      ctx.cy.getElementById(what.id).remove();
    } else {
      await ctx.api.deleteRelationship(what.id, body);
      ctx.cy.getElementById(what.id).remove();
      await refreshActor(ctx, what.refresh);
      ctx.select(what.refresh);
    }
    ctx.notify('Supprimé');
    return undefined;
  });
}

const FIELD_LABEL = { name: 'Nom', kind: 'Type', description: 'Description', territory: 'Territoire' } as const;

/** Merge preview: what moves, what goes, which values to keep; then the merge (one change set, undoable). */
export async function mergeDialog(ctx: AppContext, survivor: string, other: string): Promise<void> {
  let p: MergePreview;
  try { p = await ctx.api.mergePreview(survivor, other); } catch (e) { ctx.notify((e as Error).message, 'error'); return; }
  const choices = p.conflicts.map((c) => {
    const s = select(`choose-${c.field}`, [['survivor', `${c.survivor} (${p.survivor.name})`], ['other', `${c.other} (${p.other.name})`]], 'survivor');
    return { field: c.field, s, el: label(FIELD_LABEL[c.field], s) };
  });
  const reason = area('merge-reason', `doublons : ${p.other.name} et ${p.survivor.name} sont le même acteur`);
  const line = (e: GraphEdge) => h('li', {}, `${TYPE_STYLE[e.type].label} : ${e.source} → ${e.target}`);
  dialog(`Fusionner « ${p.other.name} » dans « ${p.survivor.name} »`, [
    h('div', { class: 'merge-preview', 'data-testid': 'merge-preview' },
      h('p', {}, `${p.moved.length} relation(s) déplacée(s) avec ${p.evidence.items} extrait(s) de ${p.evidence.sources.length} source(s) ; ${p.dropped.length} relation(s) entre les deux supprimée(s).`),
      p.moved.length ? h('ul', { 'data-testid': 'merge-moved' }, ...p.moved.map(line)) : null,
      p.dropped.length ? h('p', { class: 'muted' }, `Supprimées : ${p.dropped.map((e) => e.id).join(', ')}`) : null,
      p.parallel.length ? h('p', { class: 'warn' }, `${p.parallel.length} relation(s) feront doublon avec une relation existante : à revoir après.`) : null,
      h('p', { 'data-testid': 'merge-aliases' }, `Alias ajoutés : ${p.aliases.join(', ') || 'aucun'} ; l’identifiant « ${p.other.id} » renverra vers « ${p.survivor.id} ».`)),
    ...(choices.length ? [h('fieldset', {}, h('legend', {}, 'Valeurs différentes : laquelle garder ?'), ...choices.map((c) => c.el))] : []),
    label('Raison', reason),
  ], 'Fusionner', async () => {
    const choose = Object.fromEntries(choices.map((c) => [c.field, c.s.value as 'survivor' | 'other']));
    await ctx.api.merge(survivor, { other, versions: p.versions, choose, provenance: { reason: val(reason) } });
    ctx.cy.getElementById(other).remove();
    await refreshActor(ctx, survivor);
    ctx.select(survivor);
    ctx.notify(`Fusionné : ${p.other.name} → ${p.survivor.name} (annulable depuis l’historique)`);
    return undefined;
  });
}
