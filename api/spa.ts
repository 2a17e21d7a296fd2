import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** Where the dashboards build lands. */
export const DEFAULT_DASHBOARD_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dashboards',
  'dist',
);

/**
 * Serve the built SPA: hashed assets with a year-long immutable cache, index.html never cached,
 * and index.html for every other GET outside /api (history-API routing). Checks the folder per
 * request, so a build made after start-up is picked up.
 */
export function spaRouter(dir: string = DEFAULT_DASHBOARD_DIR): Router {
  const r = express.Router();
  const index = join(dir, 'index.html');
  r.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/.test(path);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  r.get(/^(?!\/api(\/|$)).*/, (req, res, next) => {
    if (!existsSync(index) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
