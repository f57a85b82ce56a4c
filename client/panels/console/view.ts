// The console panel itself (lazy-loaded with CodeMirror): editor, parameters, library, history, table, errors.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import type { CypherExample, CypherResponse } from '../../../model/schema';
import { ApiRequestError, cypherExamples, runCypher } from '../../api';
import type { AppContext } from '../../app';
import { cypher } from './cypher-language';
import { pushHistory, readHistory, type HistoryEntry } from './history';
import { CONSOLE_CSS } from './styles';

/** Marks the character Neo4j pointed at (or clears the mark with null). */
const setErrorMark = StateEffect.define<number | null>();
const errorMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorMark)) continue;
      if (e.value === null) return Decoration.none;
      const len = tr.state.doc.length;
      const from = Math.min(e.value, Math.max(0, len - 1));
      const to = Math.min(len, from + 1);
      marks = from < to ? Decoration.set([Decoration.mark({ class: 'cm-cypher-error' }).range(from, to)]) : Decoration.none;
    }
    if (tr.docChanged) return Decoration.none;
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

type Tagged = { $kind?: string; labels?: string[]; type?: string; properties?: Record<string, unknown>; segments?: { start: Tagged; relationship: Tagged; end: Tagged }[]; start?: Tagged };

function nodeText(n: Tagged): string {
  const p = n.properties ?? {};
  const name = (p.name ?? p.title ?? p.id ?? '') as string;
  return `(${(n.labels ?? []).map((l) => `:${l}`).join('')}${name ? ` ${name}` : ''})`;
}

/** One cell: nodes, relationships and paths as short readable text; lists and maps folded as JSON. */
function cell(value: unknown): HTMLElement {
  const td = el('td');
  const v = value as Tagged | null;
  if (v && typeof v === 'object' && v.$kind === 'node') {
    td.append(el('span', { class: 'console-node', title: JSON.stringify(v.properties, null, 2) }, nodeText(v)));
  } else if (v && typeof v === 'object' && v.$kind === 'relationship') {
    td.append(el('span', { class: 'console-rel', title: JSON.stringify(v.properties, null, 2) }, `[:${v.type}]`));
  } else if (v && typeof v === 'object' && v.$kind === 'path') {
    const parts = [nodeText(v.start ?? {})];
    for (const s of v.segments ?? []) parts.push(`-[:${s.relationship.type}]-`, nodeText(s.end));
    td.append(el('span', { class: 'console-path' }, parts.join('')));
  } else if (value !== null && typeof value === 'object') {
    const details = el('details');
    const json = JSON.stringify(value, null, 2);
    details.append(el('summary', {}, Array.isArray(value) ? `[${value.length} élément(s)]` : `{${Object.keys(value).join(', ')}}`), el('pre', {}, json));
    td.append(details);
  } else {
    td.textContent = value === null ? 'null' : String(value);
    if (value === null) td.classList.add('console-null');
  }
  return td;
}

function table(res: CypherResponse): HTMLTableElement {
  const t = el('table', { class: 'console-table', 'data-testid': 'console-table' });
  const head = el('tr');
  for (const c of res.columns) head.append(el('th', {}, c));
  t.append(el('thead'), el('tbody'));
  t.tHead!.append(head);
  for (const row of res.rows) {
    const tr = el('tr');
    for (const c of res.columns) tr.append(cell(row[c]));
    t.tBodies[0].append(tr);
  }
  return t;
}

/** Builds the console inside `container`. */
export function mountConsole(container: HTMLElement, ctx: AppContext): void {
  if (!document.getElementById('console-css')) document.head.append(el('style', { id: 'console-css' }, CONSOLE_CSS));
  container.replaceChildren();
  const root = el('div', { class: 'console', 'data-testid': 'console' });

  const library = el('div', { class: 'console-library', 'data-testid': 'console-library' });
  const libraryTitle = el('h3', {}, 'Questions prêtes');
  const editorBox = el('div', { class: 'console-editor', 'data-testid': 'console-editor' });
  const paramsLabel = el('label', { class: 'console-label', for: 'console-params' }, 'Paramètres (JSON)');
  const params = el('textarea', { id: 'console-params', class: 'console-params', rows: '2', spellcheck: 'false', 'data-testid': 'console-params' });
  params.value = '{}';
  const paramsError = el('div', { class: 'console-params-error', role: 'alert', 'data-testid': 'console-params-error' });
  const run = el('button', { type: 'button', class: 'console-run', 'data-testid': 'console-run', title: 'Ctrl+Entrée ou ⌘+Entrée' }, 'Exécuter');
  const mode = el('select', { class: 'console-mode', 'data-testid': 'console-mode', 'aria-label': 'Affichage sur le réseau' });
  mode.append(el('option', { value: 'replace' }, 'Remplacer la vue'), el('option', { value: 'add' }, 'Ajouter à la vue'));
  const historySelect = el('select', { class: 'console-history', 'data-testid': 'console-history', 'aria-label': 'Historique' });
  const status = el('div', { class: 'console-status', 'data-testid': 'console-status', 'aria-live': 'polite' });
  const error = el('div', { class: 'console-error', role: 'alert', 'data-testid': 'console-error' });
  const result = el('div', { class: 'console-result' });
  const actions = el('div', { class: 'console-actions' });
  actions.append(run, mode, historySelect);
  root.append(libraryTitle, library, editorBox, paramsLabel, params, paramsError, actions, status, error, result);
  container.append(root);

  const view = new EditorView({
    parent: editorBox,
    state: EditorState.create({
      doc: 'MATCH (a:Actor)-[r:FUNDS]->(b:Actor)\nRETURN a, r, b\nLIMIT 25',
      extensions: [
        lineNumbers(),
        history(),
        cypher,
        syntaxHighlighting(defaultHighlightStyle),
        errorMark,
        keymap.of([{ key: 'Mod-Enter', run: () => { void execute(); return true; } }, ...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
      ],
    }),
  });

  const setQuery = (query: string, p?: Record<string, unknown> | string) => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: query }, effects: setErrorMark.of(null) });
    params.value = typeof p === 'string' ? p : JSON.stringify(p ?? {}, null, 0);
    paramsError.textContent = '';
    error.textContent = '';
    view.focus();
  };

  const fillHistory = (entries: HistoryEntry[]) => {
    historySelect.replaceChildren(el('option', { value: '' }, `Historique (${entries.length})`));
    entries.forEach((e, i) => historySelect.append(el('option', { value: String(i), title: e.query }, e.query.replace(/\s+/g, ' ').slice(0, 70))));
    historySelect.onchange = () => {
      const entry = entries[Number(historySelect.value)];
      if (historySelect.value !== '' && entry) setQuery(entry.query, entry.params);
      historySelect.value = '';
    };
  };
  fillHistory(readHistory());

  const showExamples = (examples: CypherExample[]) => {
    library.replaceChildren();
    for (const ex of examples) {
      const b = el('button', { type: 'button', class: 'console-example', 'data-testid': 'console-example', 'data-id': ex.id, title: ex.description }, ex.title);
      b.onclick = () => setQuery(ex.query, ex.params);
      library.append(b);
    }
  };
  cypherExamples().then(showExamples, (e: unknown) => {
    library.textContent = `Questions indisponibles : ${(e as Error).message}`;
  });

  let running = false;
  async function execute(): Promise<void> {
    if (running) return;
    const query = view.state.doc.toString();
    let p: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(params.value.trim() || '{}');
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('un objet JSON est attendu, par ex. {"id": "medinsoft"}');
      p = parsed as Record<string, unknown>;
      paramsError.textContent = '';
      params.classList.remove('invalid');
    } catch (e) {
      paramsError.textContent = `Paramètres invalides : ${(e as Error).message}`;
      params.classList.add('invalid');
      return;
    }
    running = true;
    run.disabled = true;
    status.textContent = 'Exécution…';
    error.textContent = '';
    view.dispatch({ effects: setErrorMark.of(null) });
    try {
      const res = await runCypher(query, p);
      fillHistory(pushHistory(query, params.value));
      const trunc = res.truncated ? (res.truncatedBy === 'bytes' ? ' — tronqué (taille maximale atteinte)' : ' — tronqué (nombre maximal de lignes atteint)') : '';
      status.textContent = `${res.rows.length} ligne(s) en ${res.elapsedMs} ms · ${res.graph.nodes.length} acteur(s), ${res.graph.edges.length} lien(s) sur le réseau${trunc}`;
      result.replaceChildren(table(res));
      if (res.graph.nodes.length) void ctx.showGraph(res.graph, mode.value === 'add' ? 'add' : 'replace');
    } catch (e) {
      const err = e instanceof ApiRequestError ? e : undefined;
      const d = (err?.details ?? {}) as { line?: number; column?: number; offset?: number };
      const where = d.line !== undefined ? ` (ligne ${d.line}, colonne ${d.column})` : '';
      error.textContent = `${err?.name ?? 'Erreur'} : ${(e as Error).message}${where && !(e as Error).message.includes('line') ? where : ''}`;
      error.dataset.name = err?.name ?? 'Error';
      status.textContent = '';
      if (typeof d.offset === 'number') {
        view.dispatch({ effects: setErrorMark.of(d.offset), selection: { anchor: Math.min(d.offset, view.state.doc.length) } });
      }
    } finally {
      running = false;
      run.disabled = false;
    }
  }
  run.onclick = () => void execute();
  params.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void execute(); }
  });
}
