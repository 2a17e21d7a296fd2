import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chinaGeo } from './vite-plugins/china-geo.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dashboard SPA. Build from the repository root with
 * `npx vite build --config dashboards/vite.config.ts` (production, to dashboards/dist) or add
 * `--mode test --outDir <dir>` for a build that exposes chart data to the browser tests.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), chinaGeo()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
