// Delimiter detection and naming, and the charset decision from a byte scan.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { detectDelimiter, normaliseDelimiter } from '../../../../server/import/read/csv';
import { chooseEncoding, scanBytes } from '../../../../server/import/read/sniff';
import { tempDir } from '../../../fixtures/import/corpus';

describe('detectDelimiter', () => {
  it.each([
    ['De;Vers;Type\r\nA;B;finance\r\n', ';'],
    ['From,To,Type\r\nA,B,funds\r\n', ','],
    ['De\tVers\r\nA\tB\r\n', '\t'],
    ['De|Vers|Type\nA|B|finance\n', '|'],
    // Commas inside quoted values do not outvote the semicolons.
    ['De;Vers;Extrait\r\nA;B;"un, deux, trois"\r\nC;D;"quatre, cinq"\r\n', ';'],
    // Nothing steady: French Excel's semicolon.
    ['Nom\r\nBpifrance\r\n', ';'],
  ])('finds the delimiter of %j', (sample, d) => {
    expect(detectDelimiter(sample)).toBe(d);
  });

  it.each([
    ['tab', '\t'],
    ['\\t', '\t'],
    [';', ';'],
    ['virgule', ','],
    [':', undefined],
  ])('names %j as %j', (name, d) => {
    expect(normaliseDelimiter(name)).toBe(d);
  });
});

describe('scanBytes and chooseEncoding', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const scan = async (data: Buffer) => {
    const p = path.join(dir, `f${Math.random()}.csv`);
    fs.writeFileSync(p, data);
    return scanBytes(p);
  };

  it('reads pure ASCII and UTF-8 as UTF-8, with or without a byte-order mark', async () => {
    expect(chooseEncoding(await scan(Buffer.from('Nom\r\nA\r\n')))).toEqual({ encoding: 'utf-8', bom: false });
    expect(chooseEncoding(await scan(Buffer.from('Nom\r\nRégion\r\n')))).toEqual({ encoding: 'utf-8', bom: false });
    expect(chooseEncoding(await scan(Buffer.from('\uFEFFNom\r\nRégion\r\n')))).toEqual({ encoding: 'utf-8', bom: true });
  });

  it('reads bytes that cannot be UTF-8 as Windows-1252', async () => {
    expect(chooseEncoding(await scan(iconv.encode('Nom\r\nRégion – Sud\r\n', 'windows-1252')))).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it("reads a Mac Excel CSV as Mac Roman (« Pôle » is not « P™le »), a French Windows-1252 text with ’, € and – still as Windows-1252", async () => {
    const text = 'De;Vers;Montant\rRégion Sud;Pôle Mer;1 500 000 €\rCCI;Incubateur Ça démarre;200 k€\r';
    expect(chooseEncoding(await scan(iconv.encode(text, 'macintosh'))).encoding).toBe('macintosh');
    const windows = 'De;Vers;Note\r\nRégion Sud;Pôle Mer;l’été – 1,5 M€ « voté »\r\nŒuvre;Ça;™\r\n';
    expect(chooseEncoding(await scan(iconv.encode(windows, 'windows-1252'))).encoding).toBe('windows-1252');
  });

  it('does not mistake a character split across two 1 MB chunks for a bad byte', async () => {
    const pad = 'a'.repeat(1024 * 1024 - 1);
    const s = await scan(Buffer.from(`${pad}é\r\n`));
    expect(s.invalidBytes).toBe(0);
    expect(chooseEncoding(s).encoding).toBe('utf-8');
  });

  it('names the lines where a file mixes UTF-8 and Windows-1252', async () => {
    const data = Buffer.concat([Buffer.from('Nom\r\nA\r\nRégion\r\n'), iconv.encode('Côte\r\n', 'windows-1252')]);
    expect(chooseEncoding(await scan(data))).toEqual({ encoding: 'utf-8', bom: false, mixed: { utf8Line: 3, otherLine: 4 } });
  });

  it('finds the line of a zero byte (binary data)', async () => {
    expect((await scan(Buffer.from('Nom\r\nA\r\nB\u0000C\r\n'))).nulLine).toBe(3);
  });

  it('recognises UTF-16 with and without a byte-order mark', async () => {
    const text = iconv.encode('Nom\tNature\r\n', 'utf-16le');
    expect(chooseEncoding(await scan(Buffer.concat([Buffer.from([0xff, 0xfe]), text])))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(chooseEncoding(await scan(text))).toEqual({ encoding: 'utf-16le', bom: false });
  });
});
