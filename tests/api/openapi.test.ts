import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/index.ts';
import { loadConfig, Readiness, silentLogger } from '../../core/index.ts';
import { startTestApi, type TestApi } from './helpers.ts';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** Every route registered on the Express app (walking routers mounted without a path). */
function expressRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          if (layer.route.methods[m]) out.push(`${m.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  beforeAll(async () => {
    api = await startTestApi('pglite', { workers: false });
    doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as typeof doc;
  });
  afterAll(async () => {
    await api.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every registered /api/v1 route and nothing else', () => {
    const app = createApp({
      config: loadConfig({ file: {}, env: {} }),
      logger: silentLogger(),
      readiness: new Readiness(),
    });
    const registered = expressRoutes(app)
      .filter((r) => r.includes('/api/v1/'))
      .map((r) => r.replace(/:([A-Za-z0-9_]+)/g, '{$1}'))
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(registered.length).toBeGreaterThan(40);
    expect(documented).toEqual(registered);
  });

  it('serves a self-contained docs page listing the operations', async () => {
    const res = await fetch(`${api.url}/api/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/api/v1/mentions');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
