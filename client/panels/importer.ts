// The "Importer" tab: drop files, see what was detected and how columns map (editable), the first rows as
// parsed, the counts and the issues (downloadable); then import with a progress bar, see what came in on the
// network, and undo it. Talks to /api/imports (docs/design.md §2).
import './importer.css';
import type { Collection } from 'cytoscape';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, IMPORT_EXTENSIONS } from '../../model/vocabulary';
import type { ImportIssue, InputRow, TableInfo } from '../../server/import/read/types';
import { HEADER_SYNONYMS } from '../../server/import/read/headers';
import type { AppContext } from '../app';
import { LARGE_VIEW } from '../graph/cy';
import type { ImportStatus } from '../../model/schema';
import type { ImportReport } from '../api';
import { OVERVIEW_SIZE, WHOLE_MAX } from '../scope';
import { h } from './dom';

const fr = (n: number) => n.toLocaleString('fr-FR');
/** Resolves once no layout is running (app.ts marks the body while one does). */
const layoutDone = () => new Promise<void>((resolve) => {
  const check = () => (document.body.dataset.layout === 'running' ? setTimeout(check, 100) : resolve());
  check();
});

const ENCODINGS: [string, string][] = [
  ['', 'détection automatique'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 (Excel)'],
  ['utf-16le', 'UTF-16 (texte Unicode)'],
  ['macintosh', 'Mac Roman'],
];
const DELIMITERS: [string, string][] = [
  ['', 'détection automatique'],
  [';', 'point-virgule ;'],
  [',', 'virgule ,'],
  ['tab', 'tabulation'],
  ['|', 'barre |'],
];
const DATE_ORDERS: [string, string][] = [
  ['', 'détection automatique'],
  ['dmy', 'jour/mois (12/03 = 12 mars)'],
  ['mdy', 'mois/jour (03/12 = 12 mars)'],
];
const TABLE_FR = { actors: 'acteurs', relationships: 'relations', sources: 'sources' } as const;
const STATUS_FR: Record<string, string> = { effective: 'effectif', planned: 'prévu', pending: 'en attente', interest: 'intérêt', declined: 'refusé', ended: 'terminé' };
const TYPE_FR: Record<string, string> = { FUNDS: 'finance', PILOTS: 'pilote', PARTNERS_WITH: 'partenaire de', LABELS: 'labellise' };
const DELIM_FR: Record<string, string> = { ';': '« ; »', ',': '« , »', '\t': 'tabulation', '|': '« | »' };
const ORDER_FR: Record<string, string> = { dmy: 'jour/mois', mdy: 'mois/jour' };
const euros = (n: number) => `${n.toLocaleString('fr-FR')} €`;

function select(testid: string, options: [string, string][], value = ''): HTMLSelectElement {
  const s = h('select', { 'data-testid': testid });
  for (const [v, label] of options) s.append(new Option(label, v, false, v === value));
  return s;
}

/** The issues as a CSV a spreadsheet opens (UTF-8 with a BOM, ";"). */
export function issuesCsv(issues: ImportIssue[]): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['fichier', 'feuille', 'ligne', 'colonne', 'champ', 'gravité', 'message'];
  const lines = issues.map((i) => [i.file, i.sheet, i.line, i.column, i.field, i.severity === 'error' ? 'erreur' : 'avertissement', i.message].map(cell).join(';'));
  return `\uFEFF${[head.join(';'), ...lines].join('\r\n')}\r\n`;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface State {
  files: File[];
  /** Header → field or null (ignored): what the user changed in the mapping. */
  mapping: Record<string, string | null>;
  report?: ImportReport;
  /** The preview's id: committed, or discarded when a new preview replaces it. */
  previewId?: string;
  /** Elements the committed import added to the drawing (what "Annuler cet import" removes). */
  added?: Collection;
}

export function registerImporter(ctx: AppContext): void {
  ctx.addTab({
    id: 'importer',
    title: 'Importer',
    render: (pane) => renderImporter(ctx, pane),
  });
}

function renderImporter(ctx: AppContext, pane: HTMLElement): void {
  const state: State = { files: [], mapping: {} };

  // ---- files ----
  const input = h('input', { type: 'file', multiple: '', accept: Object.values(IMPORT_EXTENSIONS).flat().join(','), 'data-testid': 'import-files', id: 'import-files' });
  const drop = h(
    'label',
    { class: 'import-drop', for: 'import-files', 'data-testid': 'import-drop' },
    h('strong', {}, 'Déposez vos fichiers ici'),
    h('span', {}, 'ou cliquez pour les choisir : CSV (Excel, LibreOffice), XLSX ou ODS (feuilles Acteurs et Relations), JSON'),
  );
  const template = h(
    'p',
    { class: 'import-template' },
    'Partir du modèle : ',
    h('a', { href: '/api/imports/template?format=xlsx', download: '', 'data-testid': 'template-xlsx' }, 'XLSX'),
    ' · ',
    h('a', { href: '/api/imports/template?format=csv', download: '', 'data-testid': 'template-csv' }, 'CSV'),
  );

  // ---- options (overrides of what is detected) ----
  const encoding = select('opt-encoding', ENCODINGS);
  const delimiter = select('opt-delimiter', DELIMITERS);
  const dateOrder = select('opt-date-order', DATE_ORDERS);
  const defaultKind = select('opt-default-kind', [['', '— aucune —'], ...ACTOR_KINDS.map((k): [string, string] => [k, ACTOR_KIND_LABELS[k]])]);
  const srcTitle = h('input', { type: 'text', placeholder: 'Titre du document source', 'data-testid': 'opt-source-title' });
  const srcPublisher = h('input', { type: 'text', placeholder: 'Éditeur' });
  const srcDate = h('input', { type: 'text', placeholder: 'Date (2016, mars 2016…)' });
  const srcUrl = h('input', { type: 'url', placeholder: 'https://…' });
  const options = h(
    'details',
    { class: 'import-options', 'data-testid': 'import-options' },
    h('summary', {}, 'Options de lecture'),
    h('label', {}, 'Encodage', encoding),
    h('label', {}, 'Séparateur', delimiter),
    h('label', {}, 'Ordre des dates', dateOrder),
    h('label', {}, 'Nature des acteurs créés sans nature', defaultKind),
    h('fieldset', {}, h('legend', {}, 'Document source des lignes sans extrait'), srcTitle, srcPublisher, srcDate, srcUrl),
  );
  const rerun = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-rerun', hidden: '' }, 'Relire avec ces réglages');

  const out = h('div', { class: 'import-out', 'data-testid': 'import-out' });
  pane.append(h('div', { class: 'importer' }, drop, input, template, options, rerun, out));

  const fields = () => {
    const f: Record<string, string> = {};
    if (encoding.value) f.encoding = encoding.value;
    if (delimiter.value) f.delimiter = delimiter.value;
    if (dateOrder.value) f.dateOrder = dateOrder.value;
    if (defaultKind.value) f.defaultKind = defaultKind.value;
    if (srcTitle.value.trim()) f.sourceTitle = srcTitle.value.trim();
    if (srcPublisher.value.trim()) f.sourcePublisher = srcPublisher.value.trim();
    if (srcDate.value.trim()) f.sourceDate = srcDate.value.trim();
    if (srcUrl.value.trim()) f.sourceUrl = srcUrl.value.trim();
    if (Object.keys(state.mapping).length) f.mapping = JSON.stringify(state.mapping);
    return f;
  };

  const busy = (text: string) => out.replaceChildren(h('p', { class: 'import-busy', 'data-testid': 'import-busy' }, text));

  async function runPreview(): Promise<void> {
    if (!state.files.length) return;
    // A new preview replaces the last one, which is dropped with its uploaded files.
    if (state.previewId) void ctx.api.discardImport(state.previewId).catch(() => undefined);
    state.previewId = undefined;
    rerun.classList.remove('attention');
    busy(`Lecture de ${state.files.length > 1 ? `${state.files.length} fichiers` : `« ${state.files[0].name} »`}…`);
    try {
      const r = await ctx.api.previewImport(state.files, fields());
      state.report = r.report;
      state.previewId = r.report.importId ?? undefined;
      showReport(r.report, r.refused);
    } catch (e) {
      out.replaceChildren(h('p', { class: 'import-error', 'data-testid': 'import-failed' }, `Lecture impossible : ${(e as Error).message}`));
    }
    rerun.hidden = false;
  }

  const choose = (files: File[]) => {
    if (!files.length) return;
    state.files = files;
    state.mapping = {};
    void runPreview();
  };
  input.addEventListener('change', () => choose([...(input.files ?? [])]));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    choose([...(e.dataTransfer?.files ?? [])]);
  });
  rerun.addEventListener('click', () => void runPreview());

  // ---- the preview ----
  function showReport(r: ImportReport, refused: boolean): void {
    const parts: HTMLElement[] = [];
    for (const f of r.files) {
      const detected = h(
        'p',
        { class: 'import-detected', 'data-testid': 'import-detected' },
        h('strong', {}, f.name),
        ` — ${f.format.toUpperCase()}`,
        f.format === 'csv' ? `, ${f.encoding}, séparateur ${DELIM_FR[f.delimiter ?? ''] ?? f.delimiter ?? '?'}` : '',
        f.dateOrder ? `, dates ${ORDER_FR[f.dateOrder]}` : '',
        f.sheets.used.length ? `, feuilles lues : ${f.sheets.used.join(', ')}` : '',
        f.sheets.ignored.length ? ` (ignorées : ${f.sheets.ignored.join(', ')})` : '',
      );
      parts.push(detected);
      for (const t of f.tables ?? []) parts.push(mappingTable(t));
      if (f.sample?.length) parts.push(sampleTable(f.sample));
    }
    parts.push(countsTable(r));
    parts.push(issuesList(r));
    parts.push(actions(r, refused));
    out.replaceChildren(...parts);
  }

  function mappingTable(t: TableInfo): HTMLElement {
    const kind = t.kind;
    // A table whose headers fit nothing is most often a relationships table with its own words: offer those fields.
    const fieldsOf = HEADER_SYNONYMS[kind ?? 'relationships'];
    // The label up to its parenthesis fits the narrow panel; the whole label is the option's tooltip.
    const choices: [string, string][] = [['', '— ignorée —'], ...fieldsOf.map((s): [string, string] => [s.field, s.label.replace(/\s*[(;].*$/, '')])];
    const rows = t.columns.map((c) => {
      const s = select(`map-${c.letter}`, choices, c.field ?? '');
      s.dataset.header = c.header;
      for (const o of s.options) o.title = fieldsOf.find((f) => f.field === o.value)?.label ?? '';
      s.addEventListener('change', () => {
        state.mapping[c.header] = s.value || null;
        rerun.hidden = false;
        rerun.classList.add('attention');
      });
      return h('tr', {}, h('td', { class: 'letter' }, c.letter), h('td', {}, c.header || '(sans titre)'), h('td', {}, s));
    });
    return h(
      'details',
      { class: 'import-mapping', open: '', 'data-testid': 'import-mapping' },
      h('summary', {}, `Colonnes${t.sheet ? ` de « ${t.sheet} »` : ''} : ${kind ? `table de ${TABLE_FR[kind]}` : 'table non reconnue, choisissez ce que contient chaque colonne'}, ${t.rows.toLocaleString('fr-FR')} ligne${t.rows > 1 ? 's' : ''}`),
      h('table', {}, h('tbody', {}, ...rows)),
    );
  }

  function sampleTable(sample: InputRow[]): HTMLElement {
    const rows: HTMLElement[] = [];
    for (const r of sample) {
      if (r.kind === 'relationship') {
        const rel = r.rel;
        rows.push(
          h(
            'tr',
            {},
            h('td', { class: 'letter' }, String(r.loc.line)),
            h('td', {}, rel.from.name ?? rel.from.id ?? ''),
            h('td', { title: rel.typeRaw ?? '' }, TYPE_FR[rel.type] ?? rel.type),
            h('td', {}, rel.to.name ?? rel.to.id ?? ''),
            h('td', { class: 'num', title: rel.amountRaw ?? '' }, rel.amount !== undefined ? euros(rel.amount) : rel.amountRaw ? 'inconnu' : ''),
            h('td', { title: rel.dateRaw ?? '' }, rel.date ?? ''),
            h('td', {}, rel.status ? (STATUS_FR[rel.status] ?? rel.status) : ''),
          ),
        );
      } else if (r.kind === 'actor') {
        const a = r.actor;
        rows.push(h('tr', {}, h('td', { class: 'letter' }, String(r.loc.line)), h('td', {}, a.name ?? a.id ?? ''), h('td', { colspan: '5' }, a.kind ? ACTOR_KIND_LABELS[a.kind] : '')));
      } else if (r.kind === 'issue' && r.issue.line && r.issue.line > 1) {
        rows.push(h('tr', { class: r.issue.severity }, h('td', { class: 'letter' }, String(r.issue.line)), h('td', { colspan: '6' }, r.issue.message)));
      }
    }
    return h(
      'details',
      { class: 'import-sample', open: '', 'data-testid': 'import-sample' },
      h('summary', {}, 'Premières lignes, telles que lues'),
      h(
        'table',
        {},
        sample.some((r) => r.kind === 'relationship')
          ? h('thead', {}, h('tr', {}, ...['ligne', 'de', 'type', 'vers', 'montant', 'date', 'statut'].map((t) => h('th', {}, t))))
          : h('thead', {}, h('tr', {}, ...['ligne', 'acteur', 'nature'].map((t) => h('th', {}, t)))),
        h('tbody', {}, ...rows),
      ),
    );
  }

  function countsTable(r: ImportReport): HTMLElement {
    const line = (label: string, c: { created: number; updated: number; unchanged: number }) =>
      h('tr', {}, h('th', {}, label), h('td', { class: 'num' }, c.created.toLocaleString('fr-FR')), h('td', { class: 'num' }, c.updated.toLocaleString('fr-FR')), h('td', { class: 'num' }, c.unchanged.toLocaleString('fr-FR')));
    return h(
      'table',
      { class: 'import-counts', 'data-testid': 'import-counts' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'créés'), h('th', {}, 'mis à jour'), h('th', {}, 'inchangés'))),
      h('tbody', {}, line('Acteurs', r.counts.actors), line('Relations', r.counts.relationships), line('Sources', r.counts.sources)),
    );
  }

  function issuesList(r: ImportReport): HTMLElement {
    const { errors, warnings } = r.issueCount;
    const head = h(
      'p',
      { class: errors ? 'import-error' : 'import-ok', 'data-testid': 'import-issues-summary' },
      errors ? `${errors.toLocaleString('fr-FR')} erreur${errors > 1 ? 's' : ''} : rien ne sera écrit tant qu’elles restent.` : 'Aucune erreur.',
      warnings ? ` ${warnings.toLocaleString('fr-FR')} avertissement${warnings > 1 ? 's' : ''}.` : '',
    );
    const box = h('div', { class: 'import-issues' }, head);
    if (!r.issues.length) return box;
    const dl = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-issues-csv' }, 'Télécharger les problèmes (CSV)');
    dl.addEventListener('click', () => download('maillage-problemes-import.csv', issuesCsv(r.issues), 'text/csv;charset=utf-8'));
    const items = r.issues.slice(0, 200).map((i) =>
      h(
        'li',
        { class: i.severity, 'data-testid': 'import-issue' },
        h('span', { class: 'where' }, [i.file, i.sheet, i.line !== undefined ? `ligne ${i.line}` : undefined, i.column ? `colonne ${i.column}` : undefined].filter(Boolean).join(' · ')),
        ' ',
        i.message,
      ),
    );
    const more = r.issues.length > 200 || r.issues.length < errors + warnings ? h('li', {}, `… et d’autres : téléchargez la liste.`) : null;
    box.append(dl, h('ul', {}, ...items, more));
    return box;
  }

  function actions(r: ImportReport, refused: boolean): HTMLElement {
    const go = h('button', { type: 'button', 'data-testid': 'import-commit' }, 'Importer');
    const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-discard' }, 'Abandonner');
    const nothing = !refused && Object.values(r.counts).every((c) => c.created + c.updated === 0);
    go.disabled = refused || !state.previewId || nothing;
    if (nothing && !refused) go.title = 'Tout est déjà dans le réseau : rien à écrire';
    if (!ctx.can('editor')) {
      go.disabled = true;
      go.title = 'Importer demande un compte éditeur';
    }
    go.addEventListener('click', () => void commit());
    cancel.addEventListener('click', () => {
      if (state.previewId) void ctx.api.discardImport(state.previewId).catch(() => undefined);
      state.previewId = undefined;
      state.report = undefined;
      out.replaceChildren();
      input.value = '';
      rerun.hidden = true;
    });
    return h('div', { class: 'import-actions' }, go, cancel);
  }

  // ---- running it ----
  async function commit(): Promise<void> {
    const id = state.previewId;
    if (!id) return;
    const bar = h('progress', { max: '1', value: '0', 'data-testid': 'import-progress' });
    const label = h('span', { class: 'import-progress-label' }, 'Démarrage…');
    out.replaceChildren(h('div', { class: 'import-running' }, h('p', {}, 'Import en cours : le réseau reste consultable.'), bar, label));
    try {
      let s: ImportStatus = await ctx.api.commitImport(id);
      while (s.import.state === 'running' || s.import.state === 'previewed') {
        const live = s.live;
        const p = s.import.progress;
        const frac = live ? (live.phase === 'plan' ? 0.5 * (live.rows / Math.max(1, live.total)) : 0.5 + 0.5 * (live.written / Math.max(1, p.total ?? live.written))) : p.total ? p.done / p.total : 0;
        bar.value = Math.min(1, frac);
        label.textContent = live ? (live.phase === 'plan' ? `Vérification : ${live.rows.toLocaleString('fr-FR')} / ${live.total.toLocaleString('fr-FR')} lignes` : `Écriture : ${live.written.toLocaleString('fr-FR')} éléments`) : `${p.done.toLocaleString('fr-FR')} éléments écrits`;
        await new Promise((r) => setTimeout(r, 400));
        s = await ctx.api.importStatus(id);
      }
      state.previewId = undefined;
      if (s.import.state !== 'committed') {
        out.replaceChildren(h('p', { class: 'import-error', 'data-testid': 'import-failed' }, `L’import a échoué et a été annulé en entier : ${s.import.error ?? s.import.state}. Le réseau est inchangé.`));
        return;
      }
      bar.value = 1;
      await showResult(id, s);
    } catch (e) {
      out.replaceChildren(h('p', { class: 'import-error', 'data-testid': 'import-failed' }, `L’import n’a pas pu être lancé : ${(e as Error).message}`));
    }
  }

  async function showResult(id: string, s: ImportStatus): Promise<void> {
    const c = state.report?.counts;
    const summary = c
      ? `${c.actors.created.toLocaleString('fr-FR')} acteurs et ${c.relationships.created.toLocaleString('fr-FR')} relations créés, ${(c.actors.updated + c.relationships.updated).toLocaleString('fr-FR')} éléments mis à jour.`
      : `${s.import.progress.done.toLocaleString('fr-FR')} éléments écrits.`;
    const undo = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-undo' }, 'Annuler cet import');
    const result = h('div', { class: 'import-result', 'data-testid': 'import-result' }, h('p', { class: 'import-ok' }, `Import terminé : ${summary}`), undo);
    out.replaceChildren(result);
    // What came in. A graph small enough to be drawn whole gains what it lacks, each new actor placed beside a
    // drawn neighbour (nothing else moves). A larger one (the import carried it past WHOLE_MAX, or it was large
    // already) is drawn anew on its overview, with the import's most tied actors and their ties added to it.
    // Either way what came in is then lit, the rest dimmed, and framed.
    let redrawn = false;
    try {
      const stats = await ctx.api.stats();
      if (ctx.scope.mode === 'whole' && stats.actors + stats.relationships <= WHOLE_MAX) {
        const g = await ctx.api.graph();
        const before = new Set(ctx.cy.elements().map((e) => e.id()));
        const keep = ctx.keepPositions;
        ctx.keepPositions = true;
        await ctx.showGraph(g, 'add');
        ctx.keepPositions = keep;
        const fresh = ctx.cy.elements().filter((e) => !before.has(e.id()));
        state.added = fresh;
        if (fresh.nonempty()) {
          // The actors already there that the new ties reach stay lit too, so each new tie reads end to end.
          ctx.highlight(fresh.nodes().union(fresh.connectedNodes()).map((n) => n.id()), fresh.edges().map((e) => e.id()));
          ctx.cy.animate({ fit: { eles: fresh.union(fresh.connectedNodes()).union(fresh.nodes().neighborhood()), padding: 60 } }, { duration: 400 });
          result.append(h('p', { 'data-testid': 'import-focus' }, `Le réseau montre les ${fr(fresh.nodes().length)} acteurs et ${fr(fresh.edges().length)} relations arrivés.`));
        }
      } else {
        redrawn = true;
        await ctx.rescope();
        const f = await ctx.api.importFocus(id, OVERVIEW_SIZE);
        await ctx.showGraph(f, 'add');
        // The overview's places were not made for the import's actors (placed beside a neighbour, or all at the
        // centre when they have none drawn): the view is laid out again as one, in the worker past 200 actors.
        ctx.runLayout('fcose', { fit: false });
        await layoutDone();
        const wrote = new Set(f.fresh.relationships);
        const edges = f.edges.filter((e) => wrote.has(e.id));
        const lit = new Set([...f.fresh.actors, ...edges.flatMap((e) => [e.source, e.target])]);
        if (lit.size) {
          ctx.highlight([...lit], edges.map((e) => e.id));
          const eles = ctx.cy.$('.highlighted');
          // An animated fit redraws a large view a dozen times: jump there.
          if (ctx.cy.elements().length > LARGE_VIEW) ctx.cy.fit(eles, 60);
          else ctx.cy.animate({ fit: { eles, padding: 60 } }, { duration: 400 });
        }
        const ties = c ? c.relationships.created + c.relationships.updated : undefined;
        const actors = !f.written.actors
          ? `les ${fr(lit.size)} acteurs que l’import relie`
          : f.fresh.actors.length < f.written.actors
            ? `les ${fr(f.fresh.actors.length)} plus reliés des ${fr(f.written.actors)} acteurs arrivés`
            : `les ${fr(f.fresh.actors.length)} acteurs arrivés`;
        result.append(h('p', { 'data-testid': 'import-focus' },
          `Le réseau, trop grand pour être dessiné en entier, est montré sur sa vue d’ensemble, avec ${actors} et ${fr(edges.length)}${ties !== undefined && ties > edges.length ? ` des ${fr(ties)}` : ''} relations de l’import entre eux (en surbrillance). « Réseau entier » et les filtres montrent le reste.`));
      }
    } catch (e) {
      result.append(h('p', {}, `Le réseau n’a pas été redessiné (${(e as Error).message}) : rechargez la page pour voir l’import.`));
    }
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      try {
        await ctx.api.undoImport(id);
        ctx.clearHighlight();
        // A view drawn anew (overview) holds the import's actors among others: drawn anew again, from the counts.
        if (redrawn) await ctx.rescope();
        else state.added?.remove();
        state.added = undefined;
        result.replaceChildren(h('p', { class: 'import-ok', 'data-testid': 'import-undone' }, 'Import annulé : le réseau est revenu à son état d’avant.'));
      } catch (e) {
        undo.disabled = false;
        result.append(h('p', { class: 'import-error' }, `Annulation impossible : ${(e as Error).message}`));
      }
    });
  }
}
