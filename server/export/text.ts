// Flattening shared by the text exports (CSV, GraphML, GEXF): lists and evidence as one readable string.
import type { Evidence } from '../../model/schema';

/** " | " rarely occurs in names or excerpts, and reads as a separator to a person. */
export const LIST_SEPARATOR = ' | ';

export const joinList = (xs: readonly string[]): string => xs.join(LIST_SEPARATOR);

/** Evidence as "source: excerpt | source: excerpt", so each excerpt stays next to the document it quotes. */
export const evidenceText = (ev: readonly Evidence[]): string => joinList(ev.map((e) => `${e.source}: ${e.excerpt}`));

/** XML-escapes text for elements and attributes; drops the control characters XML 1.0 cannot hold at all. */
export function xml(value: string | number | boolean): string {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values normalise raw newlines and tabs to spaces; character references keep them.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
