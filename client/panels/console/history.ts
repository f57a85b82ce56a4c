// The console's history of past queries, newest first, kept in localStorage (best effort: private modes refuse it).
const KEY = 'maillage.console.history';
const MAX = 50;

export interface HistoryEntry {
  query: string;
  params: string;
  at: string;
}

export function readHistory(): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as HistoryEntry[]).filter((e) => typeof e?.query === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds a query on top; running the same query again moves it up instead of duplicating it. */
export function pushHistory(query: string, params: string): HistoryEntry[] {
  const next = [{ query, params, at: new Date().toISOString() }, ...readHistory().filter((e) => e.query !== query)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or disabled: the history lives for this page only
  }
  return next;
}
