// GET /api/export?format=json|csv|graphml|gexf: the whole graph as a download.
import { Router, type Response } from 'express';
import { ExportQuery } from '../../model/schema';
import type { Db } from '../db';
import { edgesCsv, nodesCsv } from '../export/csv';
import { toDataset } from '../../model/to-dataset';
import { toGexf } from '../export/gexf';
import { toGraphml } from '../export/graphml';
import { readSnapshot } from '../export/snapshot';
import { parseInput } from '../validate';

function send(res: Response, body: string, contentType: string, filename: string): void {
  res.set('Content-Type', contentType);
  res.set('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(body);
}

export function exportRoutes(db: Db): Router {
  const r = Router();
  r.get('/export', async (req, res) => {
    const { format, part } = parseInput(ExportQuery, req.query, 'query');
    const snapshot = await readSnapshot(db);
    const today = new Date().toISOString().slice(0, 10);
    const name = `maillage-${today}`;
    switch (format) {
      case 'json':
        return send(res, `${JSON.stringify(toDataset(snapshot), null, 2)}\n`, 'application/json; charset=utf-8', `${name}.json`);
      case 'csv':
        return part === 'edges'
          ? send(res, edgesCsv(snapshot), 'text/csv; charset=utf-8; header=present', `${name}-edges.csv`)
          : send(res, nodesCsv(snapshot), 'text/csv; charset=utf-8; header=present', `${name}-nodes.csv`);
      case 'graphml':
        return send(res, toGraphml(snapshot), 'application/graphml+xml; charset=utf-8', `${name}.graphml`);
      case 'gexf':
        return send(res, toGexf(snapshot, today), 'application/gexf+xml; charset=utf-8', `${name}.gexf`);
    }
  });
  return r;
}
