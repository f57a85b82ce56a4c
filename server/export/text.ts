// Flattening shared by the text exports (CSV, GraphML, GEXF): lists and evidence as one readable string.
export { LIST_SEPARATOR, claimsText, evidenceText, joinList } from '../../model/csv';

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
