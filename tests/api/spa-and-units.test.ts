import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../api/http/cursor.ts';
import { csvCell, csvLine } from '../../api/services/csv.ts';
import { differenceInDifferences, t975 } from '../../api/services/did.ts';
import { startTestApi, type TestApi } from './helpers.ts';

describe('dashboard SPA serving', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koubei-spa-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/index-AbC12345.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-AbC12345.js'), 'console.log(1)');
    api = await startTestApi('pglite', { workers: false, deps: { dashboardDir: dir } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html uncached for app routes and hashed assets with a long cache', async () => {
    for (const path of ['/', '/cases/12', '/analytics?range=7d']) {
      const res = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('id="root"');
    }
    const asset = await fetch(`${api.url}/assets/index-AbC12345.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('keeps /api paths as JSON 404 problems', async () => {
    for (const path of ['/api/v1/nope', '/api/whatever']) {
      const res = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});

describe('CSV cells', () => {
  it('neutralises formulas and quotes per RFC 4180', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+86 10010')).toBe("'+86 10010");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['network', 'billing'])).toBe('network|billing');
    expect(csvCell(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01T00:00:00.000Z');
    expect(csvLine([1, '联通', '=cmd'])).toBe("1,联通,'=cmd\r\n");
  });
});

describe('cursors', () => {
  it('round-trips and rejects anything else', () => {
    const key = { at: new Date('2025-03-01T08:00:00.123Z'), id: 42 };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    for (const bad of [
      '',
      '!!!',
      Buffer.from('{}').toString('base64url'),
      Buffer.from('["x",1]').toString('base64url'),
      Buffer.from('["2025-01-01T00:00:00Z",-1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/i);
    }
  });
});

describe('difference-in-differences', () => {
  it('estimates the lift with a Welch t interval', () => {
    const window = [0.5, 0.6, 0.4, 0.5];
    const baseline = [0.1, 0.0, 0.2, 0.1];
    const r = differenceInDifferences(window, baseline);
    expect(r.estimate).toBeCloseTo(0.4, 10);
    // var = 0.00667 each; se = sqrt(2 * 0.00667 / 4) = 0.0577; df = 6 → t = 2.447
    expect(r.stdError).toBeCloseTo(0.057735, 5);
    expect(r.ciLow).toBeCloseTo(0.4 - 2.447 * 0.057735, 4);
    expect(r.ciHigh).toBeCloseTo(0.4 + 2.447 * 0.057735, 4);
  });

  it('has no interval with fewer than two days and uses 1.96 for large samples', () => {
    expect(differenceInDifferences([1], [0, 1]).ciLow).toBeNull();
    expect(differenceInDifferences([], [0]).estimate).toBeNull();
    expect(t975(1000)).toBe(1.96);
    expect(t975(1)).toBe(12.706);
  });
});
