// GET /api/imports/template?format=xlsx|csv: headers and two French example rows, to fill in and import.
import { Router } from 'express';
import { ImportTemplateQuery } from '../../model/schema';
import { templateCsv, templateXlsx } from '../import/read/template';
import { parseInput } from '../validate';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importTemplateRoutes(): Router {
  const r = Router();
  r.get('/imports/template', async (req, res) => {
    const { format } = parseInput(ImportTemplateQuery, req.query, 'query');
    const [body, type] = format === 'csv' ? [templateCsv(), 'text/csv; charset=utf-8; header=present'] : [await templateXlsx(), XLSX];
    res.set('Content-Type', type);
    res.set('Content-Disposition', `attachment; filename="maillage-modele.${format}"`);
    res.send(body);
  });
  return r;
}
