import { Dataset } from '../../../model/schema';
import { checkDataset } from '../../../server/dataset';
import { BOM, csvCell, edgesCsv, nodesCsv } from '../../../server/export/csv';
import { toDataset } from '../../../model/to-dataset';
import { toGexf } from '../../../server/export/gexf';
import { toGraphml } from '../../../server/export/graphml';
import type { Snapshot } from '../../../server/export/snapshot';
import { xml } from '../../../server/export/text';
import { serialize } from '../../../server/export/format';
import { DATASET_JSON } from '../../../server/export/json';
import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import { writeChunk } from '../../../server/export/stream';
import { readCsvWithPython, readWithNetworkx } from '../../support/readers';

/** Every character that breaks a careless writer: quotes, commas, newlines, markup, accents, a control char. */
const NASTY = 'Région "Sud", <b>&co</b>\nligne 2 — l\'été\u0007';

const SNAPSHOT: Snapshot = {
  sources: [{ id: 'article', title: 'Un article', language: 'fr', date: '2014-11' }],
  nodes: [
    { id: 'region-sud', name: NASTY, kind: 'local_authority', aliases: ['Région', 'PACA, Sud'], territory: 'Provence' },
    { id: 'acme', name: 'Acme', kind: 'company', aliases: [] },
    { id: 'prog', name: 'Programme', kind: 'programme', aliases: [], description: 'Un programme' },
  ],
  edges: [
    {
      id: 'FUNDS:region-sud:acme', source: 'region-sud', target: 'acme', type: 'FUNDS', amount: 200000, date: '2014',
      status: 'effective', evidence: [{ source: 'article', excerpt: NASTY }, { source: 'article', excerpt: 'second' }],
    },
    { id: 'FUNDS:region-sud:acme:2', source: 'region-sud', target: 'acme', type: 'FUNDS', status: 'planned', evidence: [{ source: 'article', excerpt: 'x' }] },
    { id: 'PARTNERS_WITH:acme:prog', source: 'acme', target: 'prog', type: 'PARTNERS_WITH', status: 'effective', role: 'membre', evidence: [{ source: 'article', excerpt: 'y' }] },
  ],
};

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    [undefined, ''],
    [12.5, '12.5'],
    [false, 'false'],
    [-12.5, '-12.5'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","clic")', '"\'=HYPERLINK(""http://evil.example"",""clic"")"'],
    ['=1+1', "'=1+1"],
    ['+33 4 91 00 00 00', "'+33 4 91 00 00 00"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['a=1', 'a=1'],
  ])('neutralises the formula cell %j as %j (a leading apostrophe: text to a spreadsheet)', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('nodesCsv and edgesCsv', () => {
  it('start with a BOM and end lines with CRLF', () => {
    const text = nodesCsv(SNAPSHOT);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe('id,name,kind,aliases,territory,description,mergedIds');
  });

  it('read back through Python\'s csv module with every value intact', () => {
    const nodes = readCsvWithPython(nodesCsv(SNAPSHOT));
    expect(nodes).toHaveLength(3);
    expect(nodes[0]).toEqual({ id: 'region-sud', name: NASTY, kind: 'local_authority', aliases: 'Région | PACA, Sud', territory: 'Provence', description: '', mergedIds: '' });
    const edges = readCsvWithPython(edgesCsv(SNAPSHOT));
    expect(edges.map((e) => [e.relationship, e.directed, e.amount, e.status])).toEqual([
      ['FUNDS', 'true', '200000', 'effective'],
      ['FUNDS', 'true', '', 'planned'],
      ['PARTNERS_WITH', 'false', '', 'effective'],
    ]);
    expect(edges[0].evidence).toBe(`article: ${NASTY} | article: second`);
  });

  it('writes a formula-looking name as text, read back with its apostrophe', () => {
    const evil = { ...SNAPSHOT, nodes: [{ id: 'x', name: '=HYPERLINK("http://evil.example")', kind: 'company' as const, aliases: ['@x'] }] };
    const [row] = readCsvWithPython(nodesCsv(evil));
    expect(row.name).toBe('\'=HYPERLINK("http://evil.example")');
    expect(row.aliases).toBe("'@x");
  });
});

describe('xml', () => {
  it('escapes markup and quotes and drops characters XML cannot hold', () => {
    expect(xml('<a href="x">&\'\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

describe('toGraphml', () => {
  const g = readWithNetworkx('graphml', toGraphml(SNAPSHOT));

  it('reads back in networkx with every node and edge, parallel ties included', () => {
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['acme', 'prog', 'region-sud']);
    expect(g.edges.map((e) => e.id).sort()).toEqual(SNAPSHOT.edges.map((e) => e.id).sort());
  });

  it('keeps node and edge attributes with their types', () => {
    // The control character is dropped: XML 1.0 cannot carry it.
    expect(g.nodes['region-sud']).toEqual({ name: NASTY.replace('\u0007', ''), kind: 'local_authority', aliases: 'Région | PACA, Sud', territory: 'Provence' });
    const funds = g.edges.find((e) => e.id === 'FUNDS:region-sud:acme')!;
    expect(funds).toMatchObject({ relationship: 'FUNDS', amount: 200000, date: '2014', status: 'effective', symmetric: false });
    expect(funds.evidence).toBe(`article: ${NASTY.replace('\u0007', '')} | article: second`);
    expect(g.edges.find((e) => e.id === 'FUNDS:region-sud:acme:2')).not.toHaveProperty('amount');
    expect(g.edges.find((e) => e.relationship === 'PARTNERS_WITH')).toMatchObject({ symmetric: true, role: 'membre' });
  });
});

describe('toGexf', () => {
  const g = readWithNetworkx('gexf', toGexf(SNAPSHOT, '2026-01-01'));

  it('reads back in networkx with every node and edge, parallel ties included', () => {
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['acme', 'prog', 'region-sud']);
    expect(g.edges.map((e) => e.id).sort()).toEqual(SNAPSHOT.edges.map((e) => e.id).sort());
  });

  it('keeps a FUNDS tie and a partnership between the same two actors apart', () => {
    // networkx merged them when the partnership was written type="mutual".
    const both: Snapshot = { ...SNAPSHOT, edges: [{ ...SNAPSHOT.edges[2], id: 'FUNDS:prog:acme', type: 'FUNDS', source: 'prog', target: 'acme' }, ...SNAPSHOT.edges] };
    expect(readWithNetworkx('gexf', toGexf(both, '2026-01-01')).edges).toHaveLength(4);
  });

  it('keeps labels, kinds and typed edge attributes', () => {
    expect(g.nodes['region-sud']).toMatchObject({ label: NASTY.replace('\u0007', ''), kind: 'local_authority', territory: 'Provence' });
    expect(g.edges.find((e) => e.id === 'FUNDS:region-sud:acme')).toMatchObject({ relationship: 'FUNDS', amount: 200000, label: 'FUNDS', symmetric: false });
    expect(g.edges.find((e) => e.id === 'PARTNERS_WITH:acme:prog')).toMatchObject({ relationship: 'PARTNERS_WITH', symmetric: true });
  });
});

describe('toDataset', () => {
  it('gives a dataset the loader accepts, with the same ids', () => {
    const ds = toDataset(SNAPSHOT);
    const { rows } = checkDataset(Dataset.parse(JSON.parse(JSON.stringify(ds))));
    expect(rows.relationships.map((r) => r.id)).toEqual(SNAPSHOT.edges.map((e) => e.id));
    expect(ds.actors[2]).toEqual({ id: 'prog', name: 'Programme', aliases: [], kind: 'programme', description: 'Un programme' });
    expect(ds.relationships[1]).not.toHaveProperty('amount');
  });
});

describe('DATASET_JSON, written piece by piece', () => {
  it.each([
    ['a graph', SNAPSHOT],
    ['an empty graph', { sources: [], nodes: [], edges: [] }],
    ['actors without ties', { ...SNAPSHOT, edges: [] }],
  ])('gives exactly JSON.stringify(dataset, null, 2) for %s', (_label, snap) => {
    expect(serialize(DATASET_JSON, snap)).toBe(`${JSON.stringify(toDataset(snap), null, 2)}\n`);
  });
});

describe('writeChunk', () => {
  it('resolves at once while the stream has room, and only once it drained when it is full', async () => {
    const out = new PassThrough({ highWaterMark: 8 });
    const res = out as unknown as Response;
    await writeChunk(res, 'abc');
    let drained = false;
    const full = writeChunk(res, 'a chunk longer than eight bytes').then(() => { drained = true; });
    await Promise.resolve();
    expect(drained).toBe(false);
    out.read();
    await full;
    expect(drained).toBe(true);
  });

  it('resolves when the client goes away instead of waiting for a drain that never comes', async () => {
    const out = new PassThrough({ highWaterMark: 8 });
    const pending = writeChunk(out as unknown as Response, 'a chunk longer than eight bytes');
    out.destroy();
    await expect(pending).resolves.toBeUndefined();
  });
});
