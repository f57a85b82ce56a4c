// GET /api/export?format=json|csv|graphml|gexf: the whole graph as a download, streamed page by page.
import { Router } from 'express';
import { ExportQuery } from '../../model/schema';
import type { Db } from '../db';
import { EDGES_CSV, NODES_CSV } from '../export/csv';
import { gexfFormat } from '../export/gexf';
import { GRAPHML } from '../export/graphml';
import { DATASET_JSON } from '../export/json';
import { streamExport } from '../export/stream';
import { parseInput } from '../validate';

export function exportRoutes(db: Db): Router {
  const r = Router();
  r.get('/export', async (req, res) => {
    const { format, part } = parseInput(ExportQuery, req.query, 'query');
    const today = new Date().toISOString().slice(0, 10);
    const name = `maillage-${today}`;
    switch (format) {
      case 'json':
        return streamExport(db, res, DATASET_JSON, { contentType: 'application/json; charset=utf-8', filename: `${name}.json` });
      case 'csv':
        return part === 'edges'
          ? streamExport(db, res, EDGES_CSV, { contentType: 'text/csv; charset=utf-8; header=present', filename: `${name}-edges.csv` })
          : streamExport(db, res, NODES_CSV, { contentType: 'text/csv; charset=utf-8; header=present', filename: `${name}-nodes.csv` });
      case 'graphml':
        return streamExport(db, res, GRAPHML, { contentType: 'application/graphml+xml; charset=utf-8', filename: `${name}.graphml` });
      case 'gexf':
        return streamExport(db, res, gexfFormat(today), { contentType: 'application/gexf+xml; charset=utf-8', filename: `${name}.gexf` });
    }
  });
  return r;
}
