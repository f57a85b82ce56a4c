// recordRanges: a CSV cut into byte ranges at record boundaries, each range read alone giving exactly the rows and
// line numbers of a whole reading — quoted values with line breaks, doubled quotes, stray quotes and a BOM included.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openInput, rangeRows } from '../../../../server/import/read';
import { recordRanges } from '../../../../server/import/read/csv';
import type { InputRow, OpenedInput } from '../../../../server/import/read/types';
import { tempDir } from '../../../fixtures/import/corpus';

let tmp: string;
beforeAll(() => (tmp = tempDir()));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function all(input: OpenedInput): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const r of input.rows()) out.push(r);
  return out;
}

const ROWS = [
  'De;Vers;Type;Montant;Date;Extrait;Source',
  'Bpifrance;Ynov Campus;finance;1 200 000 €;12/03/2016;"premier paragraphe\r\nsecond ""cité"" ; fin";Rapport',
  'Région Sud;Ynov Campus;financé par;2,5 M€;mars 2016;simple;Rapport',
  // A quote inside an unquoted value is text, not the start of a quoted value.
  'Région Sud;Bpifrance;partenaire;;2016;il a dit "oui;Rapport',
  'Bpifrance;Région Sud;pilote;;;"trois\nlignes\nici";Rapport',
  'Bpifrance;Région Sud;type inconnu;;;"x";Rapport',
  '',
  'Ynov Campus;Bpifrance;labellise;;31/02/2016;"a;b";Rapport',
  'Ynov Campus;Région Sud;finance;;;"""entre guillemets""\r\n";Rapport',
];

describe('recordRanges', () => {
  it.each([
    ['windows-1252, CRLF', 'windows-1252', '\r\n', false],
    ['UTF-8 with a BOM, LF', 'utf-8', '\n', true],
  ])('cuts a file (%s) into ranges whose rows, read alone, are the whole reading at every range size', async (_n, encoding, eol, bom) => {
    const file = path.join(tmp, `ranges-${encoding}.csv`);
    const text = `${ROWS.join(eol)}${eol}`;
    fs.writeFileSync(file, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), iconv.encode(text, encoding)]));
    const input = await openInput({ path: file, name: 'relations.csv' }, { defaultKind: 'entreprise' });
    const read = await all(input);
    const lead = input.split!.leading.length;
    expect(read.slice(0, lead)).toEqual(input.split!.leading);
    const whole = read.slice(lead);
    expect(whole.filter((r) => r.kind === 'relationship').length).toBeGreaterThan(4);
    const size = fs.statSync(file).size;
    let cuts = 0;
    for (let bytes = 1; bytes <= size; bytes++) {
      const ranges = (await recordRanges(file, input.split!.setup, bytes))!;
      expect(ranges[0].start).toBe(0);
      expect(ranges[ranges.length - 1].end).toBe(size);
      cuts = Math.max(cuts, ranges.length);
      const parts: InputRow[] = [];
      for (const r of ranges) for await (const batch of rangeRows(input.split!, r)) parts.push(...batch);
      expect(parts).toEqual(whole);
    }
    // Every record boundary was a cut at some size (the header's, the blank line's…).
    expect(cuts).toBeGreaterThanOrEqual(ROWS.length);
  });

  it('does not cut a file whose quote is never closed (it is read whole, as before)', async () => {
    const file = path.join(tmp, 'unclosed.csv');
    fs.writeFileSync(file, 'De;Vers;Type;Extrait\nA;B;finance;"ouvert\nC;D;finance;x\n');
    const input = await openInput({ path: file, name: 'unclosed.csv' }, {});
    expect(await recordRanges(file, input.split!.setup, 1)).toBeUndefined();
  });
});
