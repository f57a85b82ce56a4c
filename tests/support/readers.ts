// Independent readers for exported files: networkx (GraphML, GEXF) and Python's csv module, via python3.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Needs python3 with networkx on PATH; the tests install nothing. Here: pyenv's Python 3.11 with
 * `pip install networkx` (3.6.1). On Debian's system Python: `apt-get install -y python3-networkx`.
 */
const SCRIPT = `
import csv, json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
if fmt == 'csv':
    with open(path, encoding='utf-8-sig', newline='') as f:
        print(json.dumps({'rows': list(csv.DictReader(f, strict=True))}))
    sys.exit(0)
g = nx.read_graphml(path, force_multigraph=True) if fmt == 'graphml' else nx.read_gexf(path)
print(json.dumps({
    'directed': g.is_directed(),
    'nodes': {n: d for n, d in g.nodes(data=True)},
    # read_gexf returns a simple DiGraph when no pair has two ties: no keys then.
    'edges': [dict(d, source=u, target=v, key=k) for u, v, k, d in g.edges(keys=True, data=True)] if g.is_multigraph()
        else [dict(d, source=u, target=v, key=d.get('id')) for u, v, d in g.edges(data=True)],
}))
`;

export type Attrs = Record<string, string | number | boolean>;
export interface ReadGraph {
  directed: boolean;
  nodes: Record<string, Attrs>;
  edges: (Attrs & { source: string; target: string; key: string })[];
}

function run(fmt: string, text: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-export-'));
  const file = path.join(dir, `export.${fmt}`);
  try {
    fs.writeFileSync(file, text, 'utf8');
    return JSON.parse(execFileSync('python3', ['-c', SCRIPT, fmt, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads GraphML or GEXF text with networkx (read_graphml, read_gexf). */
export function readWithNetworkx(fmt: 'graphml' | 'gexf', text: string): ReadGraph {
  const g = run(fmt, text) as ReadGraph;
  // read_graphml keeps an edge's id only as its multigraph key; read_gexf also stores it as "id".
  for (const e of g.edges) e.id ??= e.key;
  return g;
}

/** Reads CSV text with Python's csv module (BOM stripped by utf-8-sig), rows as header → value. */
export function readCsvWithPython(text: string): Record<string, string>[] {
  return (run('csv', text) as { rows: Record<string, string>[] }).rows;
}
