// Building import issues: every one carries file, sheet, line, column, field and a French message.
import type { ImportIssue, Loc, Severity } from './types';

export interface IssueAt {
  file: string;
  sheet?: string;
  line?: number;
  column?: string;
}

export function issue(at: IssueAt | Loc, code: string, message: string, opts: { field?: string; severity?: Severity; column?: string } = {}): ImportIssue {
  const out: ImportIssue = { file: at.file, line: at.line, message, severity: opts.severity ?? 'error', code };
  if (at.sheet !== undefined) out.sheet = at.sheet;
  const column = opts.column ?? at.column;
  if (column !== undefined) out.column = column;
  if (opts.field !== undefined) out.field = opts.field;
  if (out.line === undefined) delete out.line;
  return out;
}

/** « Montant » (colonne D): how messages name a column. */
export const quoteHeader = (header: string, letter: string) => (header.trim() ? `« ${header.trim()} » (colonne ${letter})` : `colonne ${letter}`);

/** A value shortened for a message: a 10 MB cell must not become a 10 MB message. */
export const shorten = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** 10485760 → "10 485 760": numbers in French messages. */
export const frNumber = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
