// The sheet rewrites that let exceljs keep every run of an inline rich string, read ISO date cells (t="d"), read
// Gnumeric's indented parts and its text formulas (t="s"), whatever the chunks' boundaries.
import { indentMover, richRunsJoiner } from '../../../../server/import/read/zip-parts';

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

describe('richRunsJoiner on ISO date cells (t="d")', () => {
  const ISO = '<row r="2"><c r="A2" t="inlineStr"><is><t>note t="d"</t></is></c><c r="D2" s="1" t="d"><v>2016-03-12T00:00:00</v></c><c r="E2" t="d"/><c r="F2" t="d"><v>2016-03-12T12:00:00</v></c></row>';
  const SERIALS = '<row r="2"><c r="A2" t="inlineStr"><is><t>note t="d"</t></is></c><c r="D2" s="1" t="n"><v>42441              </v></c><c r="E2" t="d"/><c r="F2" t="n"><v>42441.5            </v></c></row>';

  it("writes Excel's day numbers in place of ISO dates, at the same length, leaving a text that says t=\"d\" alone", () => {
    expect(run([ISO])).toBe(SERIALS);
    expect(SERIALS).toHaveLength(ISO.length);
  });

  it('gives the same bytes whatever the chunk boundaries', () => {
    for (let cut = 1; cut < ISO.length; cut++) expect(run([ISO.slice(0, cut), ISO.slice(cut)])).toBe(SERIALS);
  });

  it('counts from 1904 in a workbook that does', () => {
    const join = richRunsJoiner(true);
    expect(join(Buffer.from('<c r="D2" t="d"><v>2016-03-12</v></c>')).toString()).toBe('<c r="D2" t="n"><v>40979     </v></c>');
  });
});

describe('richRunsJoiner on text formulas saved in the shared strings (t="s", as Gnumeric writes them)', () => {
  const SHEET = '<row r="7"><c r="A7" t="s"><f>A6</f><v>6</v></c><c r="B7" t="s"><v>2</v></c><c r="C7"><f>B2*2</f><v>4</v></c></row>';
  const READ = '<row r="7"><c r="A7" t="s"><x>A6</x><v>6</v></c><c r="B7" t="s"><v>2</v></c><c r="C7"><f>B2*2</f><v>4</v></c></row>';

  it("hides the formula of a text cell from exceljs (its value is the shared string's), leaving numeric formulas alone", () => {
    expect(run([SHEET])).toBe(READ);
  });

  it('gives the same bytes whatever the chunk boundaries', () => {
    for (let cut = 1; cut < SHEET.length; cut++) expect(run([SHEET.slice(0, cut), SHEET.slice(cut)])).toBe(READ);
  });
});

describe('indentMover', () => {
  const INDENTED = '<?xml version="1.0"?>\n<sst>\n  <si>\n    <t>Région Sud</t>\n  </si>\n  <si>\n    <t xml:space="preserve">  </t>\n  </si>\n  <c r="A1"/>\n</sst>';
  const moved = (parts: string[]) => {
    const move = indentMover();
    return parts.map((p) => move(Buffer.from(p, 'latin1')).toString('latin1')).join('') + move.flush().toString('latin1');
  };

  it("moves the whitespace between tags into them, keeping a text element's own spaces and the length", () => {
    const out = moved([INDENTED]);
    expect(out).toHaveLength(INDENTED.length);
    // Between tags, only the XML declaration's line break and a text's spaces remain: no text node for exceljs.
    expect(out.match(/>\s+</g)).toEqual(['>\n<', '>  <']);
    expect(out.indexOf('>\n<')).toBe(INDENTED.indexOf('?>') + 1);
    expect(out).toContain('<t>Région Sud</t\n  ></si');
    expect(out).toContain('<c r="A1"\n/>');
  });

  it('gives the same bytes whatever the chunk boundaries', () => {
    const whole = moved([INDENTED]);
    for (let cut = 1; cut < INDENTED.length; cut++) expect(moved([INDENTED.slice(0, cut), INDENTED.slice(cut)])).toBe(whole);
  });

  it('passes a part without indentation through untouched', () => {
    const plain = Buffer.from(`<?xml version="1.0"?>\r\n<sst>${'<si><t>A</t></si>'.repeat(500)}</sst>`);
    expect(indentMover()(plain)).toBe(plain);
  });
});
