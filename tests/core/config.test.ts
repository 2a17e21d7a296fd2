import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_BRANDS, demoEnabled, loadConfig } from '../../core/index.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'koubei-config-'));

function issuesOf(fn: () => unknown): { path: string; message: string; fix?: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the four operators with 中国联通 as our brand when no file is given', () => {
    const c = loadConfig({ env: {}, cwd: tmp() });
    expect(c.brands).toEqual(DEFAULT_BRANDS);
    expect(c.brands.filter((b) => b.own).map((b) => b.name)).toEqual(['中国联通']);
    expect(c.env.PORT).toBe(3000);
    expect(c.sla.firstResponseHours).toBe(24);
    expect(c.sla.reminders).toEqual([0.5, 0.8]);
    expect(demoEnabled(c)).toBe(true);
  });

  it('names the field and the fix for a bad environment variable', () => {
    const issues = issuesOf(() => loadConfig({ env: { PORT: 'eighty' }, cwd: tmp() }));
    expect(issues[0]).toMatchObject({ path: 'PORT', fix: expect.stringContaining('0 to 65535') });
  });

  it('names nested fields in the file, and unknown keys', () => {
    const issues = issuesOf(() =>
      loadConfig({
        env: {},
        cwd: tmp(),
        file: { sources: [{ id: 'Weibo Main', kind: 'myspace', baseUrl: 'nope' }], colour: 'red' },
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['sources.0.id', 'sources.0.kind', 'sources.0.baseUrl']));
    expect(issues.some((i) => i.message.includes('colour'))).toBe(true);
  });

  it('reads koubei.config.yaml from the working directory and resolves env: secrets', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'koubei.config.yaml'),
      [
        'brands:',
        '  - { name: 中国联通, own: true, aliases: [联通] }',
        'notifications:',
        '  channels:',
        '    - { id: ops, kind: webhook, url: "http://127.0.0.1:9/hook", secret: "env:HOOK_SECRET" }',
      ].join('\n'),
    );
    const c = loadConfig({ env: { HOOK_SECRET: 's3cret' }, cwd: dir });
    expect(c.configPath).toBe(join(dir, 'koubei.config.yaml'));
    expect(c.notifications.channels[0]?.secret).toBe('s3cret');
    const missing = issuesOf(() => loadConfig({ env: {}, cwd: dir }));
    expect(missing[0]?.message).toContain('HOOK_SECRET');
  });

  it('reports a syntax error in the file with its path', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'koubei.config.json'), '{"brands": [');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/koubei\.config\.json is not valid JSON/);
  });

  it('cross-checks routing rules against teams and requires an own brand', () => {
    const issues = issuesOf(() =>
      loadConfig({
        env: {},
        cwd: tmp(),
        file: { brands: [{ name: '中国移动' }], routing: { rules: [{ team: 'ghost' }] } },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['brands', 'routing.rules.0.team']));
  });

  it('keeps the team id "shared" for the shared queue that channel filters name', () => {
    const issues = issuesOf(() =>
      loadConfig({ env: {}, cwd: tmp(), file: { routing: { teams: [{ id: 'shared' }] } } }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'routing.teams.0.id', message: expect.stringContaining('reserved') }),
    ]);
  });

  it('accepts the shipped example config', () => {
    const c = loadConfig({
      env: {
        KOUBEI_CONFIG: 'koubei.config.example.yaml',
        WEBHOOK_SECRET: 'x'.repeat(32),
        DINGTALK_SECRET: 'y'.repeat(32),
      },
      cwd: process.cwd(),
    });
    expect(c.notifications.channels.find((ch) => ch.id === 'south-ding')).toMatchObject({
      priorities: ['P1', 'P2'],
      teams: ['south'],
    });
    expect(c.brands.find((b) => b.own)?.name).toBe('中国联通');
    expect(c.brands.map((b) => b.name)).toEqual(['中国联通', '中国移动', '中国电信', '中国广电']);
  });
});
