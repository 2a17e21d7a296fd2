import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultAnalyzer } from '../../nlp/analyzer.ts';
import { runAnalyzeStream } from '../../nlp/stream.ts';

const TEXTS = [
  '联通宽带又断网了，投诉三次没人管！',
  '移动的5G信号确实不错[赞]',
  '电信客服态度很好，问题当天就解决了',
  '套餐便宜但是限速太狠',
];

function inputLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    switch (i % 50) {
      case 7:
        return '{"id": "broken", "text": ';
      case 13:
        return JSON.stringify({ id: `m${i}` });
      case 21:
        return JSON.stringify({ id: `m${i}`, text: 12345 });
      case 29:
        return '';
      case 37:
        return JSON.stringify({ id: `m${i}`, text: '网速慢'.repeat(30_000) });
      case 43:
        return '[1,2,3]';
      default:
        return JSON.stringify({ id: `m${i}`, text: TEXTS[i % TEXTS.length] });
    }
  });
}

/** A writable that accepts a chunk only every few milliseconds, to exercise backpressure. */
function slowSink(out: string[]): Writable {
  return new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk.toString('utf8'));
      setTimeout(cb, 1);
    },
  });
}

describe('runAnalyzeStream', () => {
  it('writes exactly one line per input line, in order, on 10,000 lines with malformed ones', async () => {
    const lines = inputLines(10_000);
    const input = Readable.from([`${lines.join('\n')}\n`].flatMap((s) => s.match(/[\s\S]{1,65536}/g) ?? []));
    const chunks: string[] = [];
    const sink = slowSink(chunks);
    const stats = await runAnalyzeStream(input, sink, defaultAnalyzer());
    sink.end();
    await once(sink, 'finish');
    const out = chunks.join('').split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(10_000);
    expect(stats.lines).toBe(10_000);
    const parsed = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    parsed.forEach((o, i) => {
      const kind = i % 50;
      if (kind === 7 || kind === 29 || kind === 43) {
        expect(o).toMatchObject({ line: i + 1, error: { code: expect.any(String) } });
        expect(o.id).toBeUndefined();
      } else if (kind === 13) expect(o).toMatchObject({ id: `m${i}`, error: { code: 'missing_text' } });
      else if (kind === 21) expect(o).toMatchObject({ id: `m${i}`, error: { code: 'bad_text' } });
      else {
        expect(o.id).toBe(`m${i}`);
        expect(o).toHaveProperty('sentiment.label');
        expect(o).toHaveProperty('risk');
      }
    });
    expect(stats.errors).toBe(5 * 200);
  });

  it('handles a line with no trailing newline, CRLF and text split across chunks', async () => {
    const input = new PassThrough();
    const out: string[] = [];
    const sink = slowSink(out);
    const done = runAnalyzeStream(input, sink, defaultAnalyzer());
    const line = Buffer.from('{"id":"a","text":"联通信号差"}\r\n{"id":"b","text":"很好"}');
    for (let i = 0; i < line.length; i += 5) input.write(line.subarray(i, i + 5));
    input.end();
    await done;
    sink.end();
    await once(sink, 'finish');
    const rows = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; brands: unknown[] });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows[0]?.brands).toEqual([{ brand: '中国联通', sentiment: 'neg' }]);
  });

  it('reports over-long lines and carries on', async () => {
    const input = Readable.from([`{"id":"x","text":"${'长'.repeat(5000)}"}\n{"id":"y","text":"好"}\n`]);
    const out: string[] = [];
    const sink = slowSink(out);
    await runAnalyzeStream(input, sink, defaultAnalyzer(), { maxLineChars: 1000 });
    sink.end();
    await once(sink, 'finish');
    const rows = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows[0]).toMatchObject({ line: 1, error: { code: 'line_too_long' } });
    expect(rows[1]).toMatchObject({ id: 'y' });
  });
});
