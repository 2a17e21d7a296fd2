import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../dashboards/src/format.ts';
import { type Lang, type MessageKey, translate, type Vars } from '../../dashboards/src/i18n.ts';

const tr = (lang: Lang) => (key: MessageKey, vars?: Vars) => translate(lang, key, vars);

describe('formatDuration', () => {
  it('drops leading zero units: seconds alone under a minute', () => {
    expect(formatDuration(tr('zh-CN'), 6_000)).toBe('6秒');
    expect(formatDuration(tr('en'), 6_000)).toBe('6s');
    expect(formatDuration(tr('zh-CN'), 61_000)).toBe('1分1秒');
    expect(formatDuration(tr('zh-CN'), 2 * 3_600_000 + 5 * 60_000)).toBe('2小时5分');
    expect(formatDuration(tr('en'), 26 * 3_600_000)).toBe('1d 2h');
    expect(formatDuration(tr('zh-CN'), -5)).toBe('0秒');
  });
});
