// The README's header synonym table, written from HEADER_SYNONYMS: `npx tsx server/import/read/synonyms-doc.ts`.
import { HEADER_SYNONYMS, IGNORED_HEADERS, SHEET_NAMES } from './headers';
import type { TableKind } from './types';

const TITLES: Record<TableKind, string> = { relationships: 'Relations', actors: 'Acteurs', sources: 'Sources' };

/** Markdown: one table per kind of table (field, what it holds, headers recognised), then sheet names. */
export function synonymsMarkdown(): string {
  const out: string[] = [];
  for (const kind of ['relationships', 'actors', 'sources'] as TableKind[]) {
    out.push(`**${TITLES[kind]}** (sheet names in a workbook, XLSX or ODS: ${SHEET_NAMES[kind].map((s) => `\`${s}\``).join(', ')})`, '', '| field | holds | headers (compared without case, accents or punctuation) |', '| --- | --- | --- |');
    for (const f of HEADER_SYNONYMS[kind]) out.push(`| \`${f.field}\` | ${f.label.replace(/\|/g, '\\|')} | ${f.headers.map((h) => `\`${h}\``).join(', ')} |`);
    out.push('');
  }
  out.push(`Ignored without a warning (Kumu, Gephi): ${IGNORED_HEADERS.map((h) => `\`${h}\``).join(', ')}.`);
  return out.join('\n');
}

if (require.main === module) console.log(synonymsMarkdown());
