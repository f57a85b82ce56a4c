import { Dataset, type GraphEdge, type GraphNode, type Source } from '../../../model/schema';
import { edgesCsv, nodesCsv, viewDataset } from '../../../client/state/view-data';
import { BOM } from '../../../model/csv';
import { edgesCsv as serverEdgesCsv, nodesCsv as serverNodesCsv } from '../../../server/export/csv';

// As Cytoscape holds them: the payload plus drawing data the export must leave out.
const nodes = [
  { id: 'bpifrance', name: 'Bpifrance', kind: 'public_body', aliases: ['BPI'], size: 40, commColor: '#CC6677' },
  { id: 'the-camp', name: 'The Camp', kind: 'accelerator', aliases: [], territory: 'Aix-en-Provence', m_pagerank: 0.2 },
] as unknown as GraphNode[];
const edges = [
  { id: 'FUNDS:bpifrance:the-camp', source: 'bpifrance', target: 'the-camp', type: 'FUNDS', amount: 2e6, date: '2016', status: 'effective', width: 8, amountLabel: '2 M€',
    evidence: [{ source: 'art-1', excerpt: 'Bpifrance apporte 2 M€, "en fonds propres".' }] },
] as unknown as GraphEdge[];
const sources: Source[] = [
  { id: 'art-1', title: 'Article un', language: 'fr' },
  { id: 'art-2', title: 'Article deux, non cité', language: 'fr' },
];

describe('viewDataset', () => {
  it('builds a dataset the import schema accepts, with only the sources the view cites', () => {
    const d = viewDataset(nodes, edges, sources);
    expect(Dataset.parse(d)).toEqual(d);
    expect(d.sources.map((s) => s.id)).toEqual(['art-1']);
    expect(Object.keys(d.actors[0]).sort()).toEqual(['aliases', 'id', 'kind', 'name']);
    expect(d.relationships[0]).not.toHaveProperty('width');
  });
});

describe('nodesCsv / edgesCsv (the view export)', () => {
  it('writes the server export\'s columns and BOM, one row per element, drawing data left out', () => {
    const n = nodesCsv(nodes);
    expect(n.startsWith(BOM)).toBe(true);
    expect(n.slice(1).split('\r\n')).toEqual(['id,name,kind,aliases,territory,description,mergedIds', 'bpifrance,Bpifrance,public_body,BPI,,,', 'the-camp,The Camp,accelerator,,Aix-en-Provence,,', '']);
    expect(edgesCsv(edges).slice(1).split('\r\n')[1]).toBe('FUNDS:bpifrance:the-camp,bpifrance,the-camp,FUNDS,true,2000000,2016,effective,,,"art-1: Bpifrance apporte 2 M€, ""en fonds propres"".",');
  });

  it('is byte for byte the server\'s whole-graph CSV for the same elements', () => {
    const snapshot = { nodes, edges, sources };
    expect(nodesCsv(nodes)).toBe(serverNodesCsv(snapshot));
    expect(edgesCsv(edges)).toBe(serverEdgesCsv(snapshot));
  });
});
