import { describe, expect, it } from 'vitest';
import { toProblem } from '../../api/problem.ts';
import { parseOr400 } from '../../api/http/validate.ts';
import { analyticsRequest } from '../../api/services/analytics-service.ts';
import { mentionSearchQuery } from '../../api/schemas/mentions.ts';
import { ValidationError } from '../../core/index.ts';
import { type ProblemFacts, problemText } from '../../dashboards/src/api/problem-text.ts';
import { type Lang, type MessageKey, translate, type Vars } from '../../dashboards/src/i18n.ts';

const tr = (lang: Lang) => (key: MessageKey, vars?: Vars) => translate(lang, key, vars);

/** What the dashboard receives for an error the API raised: the problem+json the API really sends. */
function received(fn: () => unknown): ProblemFacts {
  try {
    fn();
  } catch (err) {
    const p = toProblem(err);
    return {
      status: p.status,
      detail: p.detail,
      fieldErrors: p.errors ?? [],
      code: p.code,
      params: p.params,
    };
  }
  throw new Error('expected an error');
}

describe('API problems in the UI language', () => {
  const zh = tr('zh-CN');
  it('translates what a dashboard user can cause, by the problem code: reversed or too long ranges', () => {
    const reversed = received(() =>
      analyticsRequest({ from: new Date('2026-02-01'), to: new Date('2026-01-01'), bucket: 'day' }),
    );
    expect(reversed.code).toBe('range-order');
    expect(problemText(zh, reversed)).toBe('开始日期须早于结束日期。');
    const long = received(() =>
      analyticsRequest({ from: new Date('2024-01-01'), to: new Date('2026-01-01'), bucket: 'day' }),
    );
    expect(problemText(zh, long)).toBe(`时间范围最多 ${long.params?.maxDays} 天。`);
    expect(long.params?.maxDays).toBeGreaterThan(0);
    const hourly = received(() =>
      analyticsRequest({ from: new Date('2025-10-01'), to: new Date('2026-01-01'), bucket: 'hour' }),
    );
    expect(problemText(tr('en'), hourly)).toMatch(/^Hourly buckets allow at most \d+ days\.$/);
  });

  it('does not depend on the English wording', () => {
    const reworded = received(() => {
      throw new ValidationError('start is after end (reworded)', [], { code: 'range-order' });
    });
    expect(problemText(zh, reworded)).toBe('开始日期须早于结束日期。');
  });

  it('names the fields of a schema failure, and says "not found" for 404s', () => {
    const invalid = received(() =>
      parseOr400(mentionSearchQuery, { category: ['nope', 'nada'], sentiment: 'meh' }, 'query'),
    );
    expect(invalid.code).toBe('invalid-input');
    expect(problemText(zh, invalid)).toMatch(/^输入有误：/);
    expect(problemText(zh, invalid)).not.toContain('query.');
    expect(problemText(zh, { status: 404, detail: 'case 999999 not found', fieldErrors: [] })).toBe(
      '要找的内容不存在或已被删除。',
    );
  });

  it('falls back to the server detail for anything else', () => {
    const cursor = received(() => {
      throw new ValidationError('Invalid cursor', [
        { path: 'cursor', message: 'not a cursor from this API' },
      ]);
    });
    expect(cursor.code).toBeUndefined();
    expect(problemText(zh, cursor)).toBe('Invalid cursor');
    expect(problemText(zh, { status: 500, detail: undefined, fieldErrors: [] })).toBeUndefined();
  });
});
