import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../../store/index.ts';
import { DB_KINDS } from '../helpers/db.ts';
import { seedCase, seedMentions, startTestApi, type TestApi } from './helpers.ts';

const PAYLOADS = [
  "' OR 1=1 --",
  '1; DROP TABLE mentions; --',
  '"); select pg_sleep(5); --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '{"$gt":""}',
  '-1',
  '1e309',
  'x'.repeat(10_000),
  "中国联通' union select password_hash from users --",
];

type Op = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
};

describe.each(DB_KINDS)('hostile input on %s', (kind) => {
  let api: TestApi;
  let ops: { method: string; path: string; op: Op }[] = [];
  let mentionCount = 0;
  beforeAll(async () => {
    // Thousands of calls: lift the per-caller API limit (tested below on its own).
    api = await startTestApi(kind, { deps: { rateLimits: { apiPerMinute: 1_000_000 } } });
    await seedMentions(api.db, { count: 100, days: 2 });
    await seedCase(api.db);
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Op>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    ops = ops.filter((o) => !o.path.endsWith('/logout') && !o.path.endsWith('/stream'));
    mentionCount = await count();
  });
  afterAll(async () => {
    await api.close();
  });
  const count = async () =>
    resultRows<{ n: number }>(await api.db.execute(sql`select count(*)::int as n from mentions`))[0]?.n ?? -1;
  const concrete = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

  it('never answers 5xx to payloads in query and path parameters', async () => {
    const admin = await api.as('admin');
    const failures: string[] = [];
    for (const { method, path, op } of ops.filter((o) => o.method === 'GET')) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const payload of PAYLOADS) {
        for (const name of params) {
          const res = await admin.request(
            method,
            `${concrete(path, '1')}?${name}=${encodeURIComponent(payload)}`,
          );
          await res.arrayBuffer();
          if (res.status >= 500)
            failures.push(`${method} ${path} ?${name}=${payload.slice(0, 30)} → ${res.status}`);
        }
        if (path.includes('{')) {
          const res = await admin.request(method, concrete(path, payload));
          await res.arrayBuffer();
          if (res.status >= 500)
            failures.push(`${method} ${path} path=${payload.slice(0, 30)} → ${res.status}`);
        }
      }
      const dup = await admin.request(method, `${concrete(path, '1')}?limit=1&limit=2&from=a&from=b`);
      await dup.arrayBuffer();
      if (dup.status >= 500) failures.push(`${method} ${path} duplicated params → ${dup.status}`);
    }
    expect(failures).toEqual([]);
    expect(await count()).toBe(mentionCount);
  });

  it('never answers 5xx to payloads, wrong types and unknown fields in JSON bodies', async () => {
    const admin = await api.as('admin');
    const failures: string[] = [];
    const bodies = (props: string[]) => [
      ...PAYLOADS.map((p) => Object.fromEntries(props.map((k) => [k, p]))),
      Object.fromEntries(props.map((k) => [k, 12345])),
      Object.fromEntries(props.map((k) => [k, [1, { a: 1 }]])),
      Object.fromEntries(props.map((k) => [k, null])),
      { __proto__: { admin: true }, constructor: { prototype: 1 } },
      { unexpected: true },
      [],
      'a string',
    ];
    for (const { method, path, op } of ops.filter((o) => o.method !== 'GET')) {
      const props = Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {});
      for (const body of bodies(props)) {
        const res = await admin.request(method, concrete(path, '1'), JSON.stringify(body));
        await res.arrayBuffer();
        if (res.status >= 500)
          failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await count()).toBe(mentionCount);
  });

  it('rejects malformed, oversized and deeply nested bodies with 4xx problems', async () => {
    const admin = await api.as('admin');
    const bad = await admin.request('POST', '/api/v1/campaigns', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const huge = await admin.request(
      'POST',
      '/api/v1/campaigns',
      JSON.stringify({ name: 'x'.repeat(400_000) }),
    );
    expect(huge.status).toBe(413);
    const deep = await admin.request('POST', '/api/v1/campaigns', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(deep.status).toBeGreaterThanOrEqual(400);
    expect(deep.status).toBeLessThan(500);
    const longUrl = await admin.request('GET', `/api/v1/mentions?q=${'a'.repeat(20_000)}`);
    expect(longUrl.status).toBeGreaterThanOrEqual(400);
    expect(longUrl.status).toBeLessThan(500);
  });

  it('returns stored script payloads as JSON data, never as HTML', async () => {
    const admin = await api.as('admin');
    const created = await admin.json<{ id: number; name: string }>('POST', '/api/v1/campaigns', {
      name: '<img src=x onerror=alert(1)>',
      brand: "'; drop table campaigns; --",
      keywords: ['<script>'],
      startsAt: '2025-01-01T00:00:00Z',
      endsAt: '2025-01-02T00:00:00Z',
    });
    expect(created.status).toBe(201);
    const res = await admin.request('GET', `/api/v1/campaigns/${created.body.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await res.json()) as { name: string }).name).toBe('<img src=x onerror=alert(1)>');
    const search = await admin.request('GET', `/api/v1/mentions?campaign=${created.body.id}`);
    expect(search.status).toBe(200);
  });
});

describe('API rate limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { workers: false, deps: { rateLimits: { apiPerMinute: 5 } } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers 429 problems once a caller exceeds its per-minute budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await api.anonymous().request('GET', '/api/v1/mentions')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const res = await api.anonymous().request('GET', '/api/v1/mentions');
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.headers.get('ratelimit-policy') ?? res.headers.get('ratelimit')).toBeTruthy();
  });
});
