// Vite builds client/ into dist/ (served by Express at /); in dev it proxies /api to the API on :3000.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  // '/api/' with its slash: a bare '/api' prefix would also send the client's own module /api.ts to Express.
  server: { port: 5173, proxy: { '/api/': 'http://127.0.0.1:3000' } },
});
