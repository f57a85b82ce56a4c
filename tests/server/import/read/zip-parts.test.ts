// The sheet rewrite that lets exceljs keep every run of an inline rich string, whatever the chunks' boundaries.
import { richRunsJoiner } from '../../../../server/import/read/zip-parts';

const RICH = '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b val="1" /></rPr><t>Bpi</t></r><r><t xml:space="preserve">france </t></r><r><t/></r></is></c>'
  + '<c r="B2" t="inlineStr"><is><t>Cluster Mer</t></is></c></row>';
const JOINED = '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b val="1" /></rPr><x>Bpi</x></r><r><x xml:space="preserve">france </x></r><r><x/></r></is></c>'
  + '<c r="B2" t="inlineStr"><is><t>Cluster Mer</t></is></c></row>';

function run(parts: string[]): string {
  const join = richRunsJoiner();
  const out = parts.map((p) => join(Buffer.from(p, 'latin1')).toString('latin1')).join('');
  return out + join.flush().toString('latin1');
}

describe('richRunsJoiner', () => {
  it("renames each run's <t> to <x>, keeping the length, and leaves plain inline strings alone", () => {
    expect(run([RICH])).toBe(JOINED);
    expect(JOINED).toHaveLength(RICH.length);
  });

  it('gives the same bytes whatever the chunk boundaries', () => {
    for (let cut = 1; cut < RICH.length; cut++) expect(run([RICH.slice(0, cut), RICH.slice(cut)])).toBe(JOINED);
    expect(run(RICH.split(''))).toBe(JOINED);
  });

  it('passes a chunk without runs through untouched', () => {
    const plain = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(richRunsJoiner()(plain)).toBe(plain);
  });
});
