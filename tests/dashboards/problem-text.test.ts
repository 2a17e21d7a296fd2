import { describe, expect, it } from 'vitest';
import { problemText } from '../../dashboards/src/api/problem-text.ts';
import { type Lang, type MessageKey, translate, type Vars } from '../../dashboards/src/i18n.ts';
import { analyticsRequest } from '../../api/services/analytics-service.ts';

const tr = (lang: Lang) => (key: MessageKey, vars?: Vars) => translate(lang, key, vars);

/** The API's own message for an analytics query, as the dashboard receives it. */
function apiMessage(q: Parameters<typeof analyticsRequest>[0]): string {
  try {
    analyticsRequest(q);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('API problems in the UI language', () => {
  const zh = tr('zh-CN');
  it('translates what a dashboard user can cause: reversed or too long ranges', () => {
    const reversed = apiMessage({ from: new Date('2026-02-01'), to: new Date('2026-01-01'), bucket: 'day' });
    expect(problemText(zh, 400, reversed, [])).toBe('开始日期须早于结束日期。');
    const long = apiMessage({ from: new Date('2024-01-01'), to: new Date('2026-01-01'), bucket: 'day' });
    expect(problemText(zh, 400, long, [])).toMatch(/^时间范围最多 \d+ 天。$/);
    const hourly = apiMessage({ from: new Date('2025-10-01'), to: new Date('2026-01-01'), bucket: 'hour' });
    expect(problemText(tr('en'), 400, hourly, [])).toMatch(/^Hourly buckets allow at most \d+ days\.$/);
  });

  it('names the fields of a schema failure, and says "not found" for 404s', () => {
    expect(
      problemText(zh, 400, 'Invalid query', [
        { path: 'query.category' },
        { path: 'query.category' },
        { path: 'query.q' },
      ]),
    ).toBe('输入有误：category, q');
    expect(problemText(zh, 404, 'case 999999 not found', [])).toBe('要找的内容不存在或已被删除。');
  });

  it('falls back to the server detail for anything else', () => {
    expect(problemText(zh, 400, 'Invalid cursor', [{ path: 'cursor' }])).toBe('Invalid cursor');
    expect(problemText(zh, 500, undefined, [])).toBeUndefined();
  });
});
