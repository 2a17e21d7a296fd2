import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, KOUBEI_BIN } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'koubei-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  '联通宽带又断网了，投诉三次没人管！[怒]',
  '移动的5G信号确实不错[赞]',
  '<p>电信客服态度很好，<b>问题当天就解决了</b></p>',
  '從聯通轉到移動，信號好多了',
];

/** 10,000 lines: mostly posts, with broken JSON, empty lines, wrong types and a huge text mixed in. */
function inputFile(): string {
  const lines = Array.from({ length: 10_000 }, (_, i) => {
    if (i % 97 === 5) return '{"id": "broken", "text": ';
    if (i % 97 === 40) return '';
    if (i % 97 === 60) return JSON.stringify({ id: `m${i}`, text: ['not', 'text'] });
    if (i === 9_000) return JSON.stringify({ id: `m${i}`, text: '信号差'.repeat(100_000) });
    return JSON.stringify({ id: `m${i}`, text: TEXTS[i % TEXTS.length] });
  });
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('koubei analyze', () => {
  it('answers a 10,000-line file with exactly 10,000 lines, in order, errors on their own lines', async () => {
    const child = spawn(KOUBEI_BIN, ['analyze'], {
      cwd: dir,
      env: childEnv({ KOUBEI_DATA_DIR: join(dir, 'data') }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    createReadStream(inputFile()).pipe(child.stdin);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10_000);
    const rows = lines.map((l) => JSON.parse(l) as { id?: string; error?: { code: string }; line?: number });
    const bad = rows.flatMap((r, i) => (r.error ? [i] : []));
    expect(bad).toEqual(rows.map((_, i) => i).filter((i) => [5, 40, 60].includes(i % 97)));
    expect(rows[9_000]).toMatchObject({ id: 'm9000', sentiment: { label: 'neg' } }); // the 300,000-character post
    expect(rows[5]).toMatchObject({ line: 6, error: { code: expect.any(String) } });
    expect(rows[60]).toMatchObject({ id: 'm60', error: { code: 'bad_text' } });
    expect(rows[3]).toMatchObject({
      id: 'm3',
      brands: expect.arrayContaining([expect.objectContaining({ brand: '中国联通', sentiment: 'neg' })]),
    });
    expect(rows[0]).toMatchObject({ id: 'm0', sentiment: { label: 'neg' } });
  }, 120_000);
});
