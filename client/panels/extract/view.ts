// The article review panel: bring an article, read the candidates beside its text, accept, edit, link or
// reject each (keys j/k, a, r, e), preview the accepted ties on the network, and save them in one step.
import type { AcceptRequest, ActorKind, ExtractActor, ExtractResponse, ExtractTie, RelStatus, RelType } from '../../../model/schema';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, REL_STATUSES, REL_TYPES } from '../../../model/vocabulary';
import type { AppContext } from '../../app';
import { TYPE_STYLE } from '../../graph/style';
import { h } from '../dom';

type Decision = 'pending' | 'accepted' | 'rejected';
interface Row {
  cand: ExtractTie;
  decision: Decision;
  type: RelType;
  from: string;
  to: string;
  amount?: number;
  date?: string;
  status: RelStatus;
}
interface ActorChoice {
  key: string;
  /** Linked to this actor of the graph, or created with this name and kind. */
  link?: { id: string; name: string };
  name: string;
  kind: ActorKind;
}

const STATUS_LABELS: Record<RelStatus, string> = {
  effective: 'effectif', planned: 'prévu', pending: 'en attente', interest: 'intérêt', declined: 'refusé', ended: 'terminé',
};
const euros = (n: number) => `${n.toLocaleString('fr-FR')} €`;

export function mountExtract(pane: HTMLElement, ctx: AppContext): void {
  const canvas = document.querySelector('.canvas') as HTMLElement;
  const textPanel = h('div', { class: 'extract-text', 'data-testid': 'extract-text', hidden: '' });
  canvas.append(textPanel);
  ctx.cy.style().selector('.extract-preview').style({ 'line-style': 'dashed', opacity: 0.9, 'border-style': 'dashed', 'border-width': 2 }).update();

  let ex: ExtractResponse | undefined;
  let rows: Row[] = [];
  let actors = new Map<string, ActorChoice>();
  let current = 0;
  let editing = -1;

  // ---- 1. Bring the article ----
  const text = h('textarea', { rows: '8', placeholder: 'Collez ici le texte de l’article…', 'data-testid': 'extract-input', 'aria-label': 'Texte de l’article' });
  const file = h('input', { type: 'file', accept: '.txt,.html,.htm,.pdf', 'data-testid': 'extract-file', 'aria-label': 'Fichier' });
  const title = h('input', { type: 'text', placeholder: 'Titre (obligatoire)', 'data-testid': 'extract-title', 'aria-label': 'Titre' });
  const publisher = h('input', { type: 'text', placeholder: 'Éditeur (journal, site)', 'aria-label': 'Éditeur' });
  const date = h('input', { type: 'text', placeholder: 'Date : 2016-01 ou 2016-01-12', 'data-testid': 'extract-date', 'aria-label': 'Date' });
  const url = h('input', { type: 'url', placeholder: 'Adresse (URL)', 'aria-label': 'Adresse' });
  const analyse = h('button', { type: 'button', class: 'primary', 'data-testid': 'extract-run' }, 'Analyser');
  const formMsg = h('p', { class: 'muted', 'data-testid': 'extract-message' }, 'Rien n’entre dans le graphe sans votre accord : les candidats s’affichent ici, vous choisissez, puis vous enregistrez.');
  formMsg.classList.add('keep');
  const reopen = h('button', { type: 'button', class: 'link keep', 'data-testid': 'extract-new' }, 'Changer d’article');
  const form = h('div', { class: 'extract-form' }, text, h('label', { class: 'file' }, 'ou un fichier .txt, .html, .pdf : ', file), title, publisher, date, url, analyse, formMsg, reopen);
  // Once analysed, the form folds to one line so that the candidates have the room.
  reopen.addEventListener('click', () => form.classList.toggle('collapsed'));
  const review = h('div', { class: 'extract-review', 'data-testid': 'extract-review' });
  pane.replaceChildren(h('div', { class: 'extract' }, form, review));

  analyse.addEventListener('click', () => void run());
  async function run(): Promise<void> {
    const source = { title: title.value.trim(), ...(publisher.value.trim() ? { publisher: publisher.value.trim() } : {}), ...(date.value.trim() ? { date: date.value.trim() } : {}), ...(url.value.trim() ? { url: url.value.trim() } : {}) };
    const f = file.files?.[0];
    analyse.disabled = true;
    formMsg.textContent = 'Analyse en cours…';
    try {
      const body = f ? { file: { name: f.name, content: await base64(f) }, source } : { text: text.value, source };
      ex = await ctx.api.extractArticle(body);
      start(ex);
      form.classList.add('collapsed');
      formMsg.textContent = ex.reused
        ? `Ce texte a déjà été analysé le ${new Date(ex.createdAt).toLocaleDateString('fr-FR')}${ex.accepted ? ` et enregistré (${ex.accepted.changeSet})` : ''} : ses candidats vous sont proposés à nouveau${ex.rejected ? `, sans les ${ex.rejected} rejetés` : ''}.`
        : `${ex.relationships.length} relations et ${ex.actors.length} acteurs candidats.`;
    } catch (e) {
      formMsg.textContent = `Analyse impossible : ${(e as Error).message}`;
    } finally {
      analyse.disabled = false;
    }
  }

  function start(r: ExtractResponse): void {
    rows = r.relationships.map((c) => ({ cand: c, decision: 'pending', type: c.type, from: c.from, to: c.to, amount: c.amount, date: c.date, status: c.status }));
    actors = new Map(r.actors.map((a) => [a.key, choiceOf(a)]));
    current = 0;
    editing = -1;
    textPanel.hidden = false;
    render();
  }
  const choiceOf = (a: ExtractActor): ActorChoice => ({ key: a.key, name: a.existing?.name ?? a.name, kind: a.existing?.kind ?? a.kind, ...(a.existing ? { link: { id: a.existing.id, name: a.existing.name } } : {}) });
  const nameOf = (key: string) => { const c = actors.get(key); return c?.link?.name ?? c?.name ?? key; };

  // ---- 2. Review ----
  function render(): void {
    if (!ex) return;
    const accepted = rows.filter((r) => r.decision === 'accepted');
    const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'extract-save' }, `Enregistrer (${accepted.length} relation${accepted.length > 1 ? 's' : ''})`);
    save.disabled = !accepted.length && !rows.some((r) => r.decision === 'rejected');
    save.addEventListener('click', () => void saveAll());
    review.replaceChildren(
      h('p', { class: 'muted keys' }, 'Clavier : j/k suivant/précédent · a accepter · r rejeter · e modifier'),
      h('ol', { class: 'candidates', 'data-testid': 'candidates' }, ...rows.map((r, i) => rowView(r, i))),
      actorsView(accepted),
      save,
    );
    renderText();
    preview();
    review.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }

  function rowView(r: Row, i: number): HTMLElement {
    const facts = [r.amount ? euros(r.amount) + (r.cand.derived ? ` (${r.cand.derived})` : '') : '', r.date ?? '', STATUS_LABELS[r.status], r.cand.exists ? 'déjà dans le graphe' : ''].filter(Boolean).join(' · ');
    const btn = (label: string, key: string, fn: () => void) => {
      const b = h('button', { type: 'button', title: `${label} (${key})`, 'data-action': label.toLowerCase() }, label);
      b.addEventListener('click', (e) => { e.stopPropagation(); current = i; fn(); });
      return b;
    };
    const li = h('li', { class: `candidate ${r.decision}${i === current ? ' current' : ''}`, 'data-testid': 'candidate', 'data-id': r.cand.id, 'data-decision': r.decision },
      h('div', { class: 'tie' }, h('span', { class: 'type', style: `--type:${TYPE_STYLE[r.type].color}` }, TYPE_STYLE[r.type].label), ` ${nameOf(r.from)} → ${nameOf(r.to)}`),
      h('div', { class: 'facts' }, facts, h('span', { class: 'confidence', title: `règle ${r.cand.rule}` }, ` ${Math.round(r.cand.confidence * 100)} %`)),
      h('q', { class: 'sentence' }, r.cand.sentence),
      h('div', { class: 'actions' }, btn('Accepter', 'a', () => decide('accepted')), btn('Rejeter', 'r', () => decide('rejected')), btn('Modifier', 'e', () => { editing = i; render(); })),
      i === editing ? editView(r) : null,
    );
    li.addEventListener('click', () => { current = i; render(); });
    return li;
  }

  function editView(r: Row): HTMLElement {
    const opts = (values: readonly string[], label: (v: string) => string, selected: string) => values.map((v) => { const o = new Option(label(v), v); o.selected = v === selected; return o; });
    const type = h('select', { 'aria-label': 'Type' }, ...opts(REL_TYPES, (v) => TYPE_STYLE[v as RelType].label, r.type));
    const keys = [...actors.keys()];
    const from = h('select', { 'aria-label': 'De' }, ...opts(keys, nameOf, r.from));
    const to = h('select', { 'aria-label': 'Vers' }, ...opts(keys, nameOf, r.to));
    const swap = h('button', { type: 'button', title: 'Inverser le sens' }, '⇄');
    swap.addEventListener('click', () => { const f = from.value; from.value = to.value; to.value = f; });
    const amount = h('input', { type: 'number', min: '0', step: 'any', placeholder: 'Montant (€)', value: r.amount ? String(r.amount) : undefined, 'aria-label': 'Montant' });
    const d = h('input', { type: 'text', placeholder: 'Date (2016-01)', value: r.date, 'aria-label': 'Date' });
    const status = h('select', { 'aria-label': 'Statut' }, ...opts(REL_STATUSES, (v) => STATUS_LABELS[v as RelStatus], r.status));
    const ok = h('button', { type: 'button', class: 'primary', 'data-testid': 'edit-ok' }, 'Valider et accepter');
    ok.addEventListener('click', (e) => {
      e.stopPropagation();
      Object.assign(r, { type: type.value as RelType, from: from.value, to: to.value, amount: Number(amount.value) > 0 ? Number(amount.value) : undefined, date: d.value.trim() || undefined, status: status.value as RelStatus });
      editing = -1;
      decide('accepted');
    });
    const box = h('div', { class: 'edit', 'data-testid': 'edit' }, type, h('div', { class: 'ends' }, from, swap, to), amount, d, status, ok);
    box.addEventListener('click', (e) => e.stopPropagation());
    return box;
  }

  /** The actors the accepted ties need: each linked to an actor of the graph, or created (name and kind editable). */
  function actorsView(accepted: Row[]): HTMLElement {
    const keys = [...new Set(accepted.flatMap((r) => [r.from, r.to]))];
    if (!keys.length) return h('div');
    return h('div', { class: 'extract-actors' }, h('h3', {}, 'Acteurs'), ...keys.map((k) => {
      const c = actors.get(k)!;
      if (c.link) {
        const unlink = h('button', { type: 'button', class: 'link' }, 'créer un nouvel acteur');
        unlink.addEventListener('click', () => { c.link = undefined; render(); });
        return h('div', { class: 'actor-choice', 'data-testid': 'actor-choice' }, h('strong', {}, c.link.name), ' — existant · ', unlink);
      }
      const name = h('input', { type: 'text', value: c.name, 'aria-label': 'Nom' });
      name.addEventListener('change', () => { c.name = name.value.trim() || c.name; render(); });
      const kind = h('select', { 'aria-label': 'Type d’acteur' }, ...ACTOR_KINDS.map((kd) => { const o = new Option(ACTOR_KIND_LABELS[kd], kd); o.selected = kd === c.kind; return o; }));
      kind.addEventListener('change', () => { c.kind = kind.value as ActorKind; });
      const q = h('input', { type: 'search', placeholder: 'ou lier à un acteur existant…', 'aria-label': 'Lier à un acteur existant' });
      const hits = h('div', { class: 'hits' });
      q.addEventListener('input', async () => {
        const found = q.value.trim().length >= 2 ? (await ctx.api.searchActors(q.value, 5)).actors : [];
        hits.replaceChildren(...found.map((a) => {
          const b = h('button', { type: 'button', class: 'link' }, a.name);
          b.addEventListener('click', () => { c.link = { id: a.id, name: a.name }; render(); });
          return b;
        }));
      });
      return h('div', { class: 'actor-choice new', 'data-testid': 'actor-choice' }, h('span', { class: 'badge' }, 'nouveau'), name, kind, q, hits);
    }));
  }

  function decide(d: Decision): void {
    if (!rows[current]) return;
    rows[current].decision = rows[current].decision === d ? 'pending' : d;
    if (current < rows.length - 1 && editing < 0) current++;
    render();
  }

  /** The text with the actors' mentions marked and the current candidate's sentence outlined. */
  function renderText(): void {
    if (!ex) return;
    const t = ex.text;
    const cur = rows[current]?.cand;
    const marks = ex.actors.flatMap((a) => a.mentions.map((m) => ({ ...m, key: a.key, kind: a.existing?.kind ?? a.kind }))).sort((a, b) => a.start - b.start);
    const cuts = new Set([0, t.length, ...(cur ? [cur.start, cur.end] : []), ...marks.flatMap((m) => [m.start, m.end])]);
    const points = [...cuts].sort((a, b) => a - b);
    const parts: Node[] = [];
    let curSpan: HTMLElement | undefined;
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const m = marks.find((x) => x.start <= a && x.end >= b);
      const inCur = cur && a >= cur.start && b <= cur.end;
      const piece = t.slice(a, b);
      const node: Node = m ? h('mark', { class: `kind-${m.kind}${cur && (m.key === rows[current].from || m.key === rows[current].to) ? ' end' : ''}`, title: nameOf(m.key) }, piece) : document.createTextNode(piece);
      if (inCur) {
        if (!curSpan) parts.push((curSpan = h('span', { class: 'current-sentence', 'data-testid': 'current-sentence' })));
        curSpan.append(node);
      } else parts.push(node);
    }
    const close = h('button', { type: 'button', class: 'close', title: 'Masquer le texte' }, '×');
    close.addEventListener('click', () => { textPanel.hidden = true; });
    textPanel.replaceChildren(close, h('h3', {}, ex.source.title), h('div', { class: 'body' }, ...parts));
    textPanel.querySelector('.current-sentence')?.scrollIntoView({ block: 'center' });
  }

  /** Accepted ties drawn on the network (dashed) before they are saved. */
  function preview(): void {
    const cy = ctx.cy;
    cy.remove('.extract-preview');
    const nodeId = (key: string) => { const c = actors.get(key); return c?.link && cy.getElementById(c.link.id).nonempty() ? c.link.id : `preview:${key}`; };
    const add: Parameters<typeof cy.add>[0] = [];
    for (const r of rows.filter((x) => x.decision === 'accepted')) {
      for (const k of [r.from, r.to]) {
        const id = nodeId(k);
        if (cy.getElementById(id).empty() && !add.some((e) => e.data.id === id)) add.push({ group: 'nodes', data: { id, name: nameOf(k), kind: actors.get(k)?.kind ?? 'company', aliases: [] }, classes: 'extract-preview' });
      }
      add.push({ group: 'edges', data: { id: `preview:${r.cand.id}`, source: nodeId(r.from), target: nodeId(r.to), type: r.type, status: r.status, evidence: [] }, classes: 'extract-preview' });
    }
    if (add.length) {
      const added = cy.add(add);
      const fresh = added.nodes().filter((n) => !n.position().x && !n.position().y);
      fresh.forEach((n, i) => { n.position({ x: cy.width() / 2 + 60 * Math.cos(i), y: cy.height() / 2 + 60 * Math.sin(i) }); });
    }
  }

  // ---- 3. Save ----
  async function saveAll(): Promise<void> {
    if (!ex) return;
    const accepted = rows.filter((r) => r.decision === 'accepted');
    const keys = [...new Set(accepted.flatMap((r) => [r.from, r.to]))];
    const body: AcceptRequest = {
      actors: keys.map((k) => { const c = actors.get(k)!; return c.link ? { key: k, action: 'link', id: c.link.id } : { key: k, action: 'create', name: c.name, kind: c.kind, aliases: [] }; }),
      relationships: accepted.map((r) => ({ candidate: r.cand.id, type: r.type, from: r.from, to: r.to, start: r.cand.start, end: r.cand.end, status: r.status, ...(r.amount ? { amount: r.amount } : {}), ...(r.date ? { date: r.date } : {}) })),
      rejected: rows.filter((r) => r.decision === 'rejected').map((r) => r.cand.id),
    };
    try {
      const res = await ctx.api.acceptExtraction(ex.id, body);
      ctx.cy.remove('.extract-preview');
      ctx.showGraph(await ctx.api.graph(), 'add');
      const ids = [...res.relationships.created, ...res.relationships.updated];
      ctx.highlight([...res.actors.created, ...res.actors.linked], ids);
      const msg = res.changeSet
        ? `${ids.length} relation${ids.length > 1 ? 's' : ''} enregistrée${ids.length > 1 ? 's' : ''} (${res.changeSet}), ${res.actors.created.length} acteur(s) créé(s), ${res.rejected} rejet(s) retenu(s).`
        : `${res.rejected} rejet(s) retenu(s) ; rien n’a été écrit dans le graphe.`;
      ctx.notify(msg);
      review.replaceChildren(h('p', { class: 'saved', 'data-testid': 'extract-saved' }, msg));
      textPanel.hidden = true;
      ex = undefined;
    } catch (e) {
      ctx.notify(`Enregistrement impossible : ${(e as Error).message}`, 'error');
    }
  }

  // Keyboard, while the Article tab is on show and no field has the focus.
  document.addEventListener('keydown', (e) => {
    if (!ex || pane.hidden || pane.closest('[hidden]') || e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    const act: Record<string, () => void> = {
      j: () => { current = Math.min(rows.length - 1, current + 1); render(); },
      k: () => { current = Math.max(0, current - 1); render(); },
      a: () => decide('accepted'),
      r: () => decide('rejected'),
      e: () => { editing = editing === current ? -1 : current; render(); },
      Escape: () => { editing = -1; render(); },
    };
    const fn = act[e.key];
    if (fn) { e.preventDefault(); fn(); }
  });
}

function base64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('lecture du fichier impossible'));
    r.readAsDataURL(f);
  });
}
