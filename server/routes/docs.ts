// GET /api/openapi.json (the description built from server/openapi.ts) and GET /api/docs (Swagger UI reading it).
import path from 'node:path';
import express, { Router } from 'express';
import { openApiDocument } from '../openapi';

/** swagger-ui-dist (Apache-2.0) ships the page's script and styles; served from here, so the CSP's 'self' covers them. */
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

// No inline script: the start-up code is its own file, so the page runs under the app's CSP unchanged.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Maillage API</title>
    <link rel="stylesheet" href="docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="docs/assets/swagger-ui-bundle.js"></script>
    <script src="docs/start.js"></script>
  </body>
</html>
`;
const START = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false });\n`;

export function docsRoutes(): Router {
  const r = Router();
  r.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  r.get('/docs', (req, res, next) => {
    // /api/docs/ would resolve the page's relative URLs one level too deep.
    if (req.originalUrl.split('?')[0].endsWith('/')) return next();
    res.type('html').send(PAGE);
  });
  r.use('/docs/start.js', (_req, res) => {
    res.type('text/javascript').send(START);
  });
  r.use('/docs/assets', express.static(SWAGGER_DIR, { index: false, maxAge: '1h' }));
  return r;
}
