// Import options from form fields or CLI flags → what runImport takes, every bad value named.
import { ImportRequest } from '../../model/schema';
import { fromZod, ValidationError } from '../errors';
import { parseDate } from './fr/date';
import type { ImportOptions } from './index';
import type { Field } from './read/types';

/** Validates the raw options; `prefix` names where they came from in issues (`body`, or nothing for the CLI). */
export function importOptions(raw: unknown, prefix?: string): ImportOptions {
  const parsed = ImportRequest.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, prefix);
  const o = parsed.data;
  const field = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const out: ImportOptions = {};
  if (o.encoding) out.encoding = o.encoding;
  if (o.delimiter) out.delimiter = o.delimiter;
  if (o.dateOrder) out.dateOrder = o.dateOrder;
  if (o.defaultKind) out.defaultKind = o.defaultKind;
  if (o.sourceTitle) {
    out.source = { title: o.sourceTitle };
    if (o.sourcePublisher) out.source.publisher = o.sourcePublisher;
    if (o.sourceUrl) out.source.url = o.sourceUrl;
    if (o.sourceDate) {
      const d = parseDate(o.sourceDate, o.dateOrder ?? 'dmy');
      if (d.kind !== 'date') throw new ValidationError([{ field: field('sourceDate'), message: d.kind === 'error' ? d.message : 'empty date' }]);
      out.source.date = d.value;
    }
  }
  if (o.mapping) {
    let m: unknown;
    try {
      m = JSON.parse(o.mapping);
    } catch {
      throw new ValidationError([{ field: field('mapping'), message: 'must be a JSON object: {"header": "field" or null}' }]);
    }
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw new ValidationError([{ field: field('mapping'), message: 'must be a JSON object: {"header": "field" or null}' }]);
    out.mapping = m as Record<string, Field | null>;
  }
  return out;
}
