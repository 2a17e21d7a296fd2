import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, htmlToText, parseCount, parseRegion, parseSiteDate } from '../../crawler/index.ts';

/** 2024-11-19 12:00:00 China time. */
const now = new Date('2024-11-19T04:00:00Z');
const at = (text: string | number) => parseSiteDate(text, now)?.toISOString() ?? null;

describe('parseSiteDate', () => {
  it.each([
    ['Tue Nov 19 12:00:00 +0800 2024', '2024-11-19T04:00:00.000Z'],
    ['Mon Nov 18 20:05:33 +0800 2024', '2024-11-18T12:05:33.000Z'],
    ['刚刚', '2024-11-19T04:00:00.000Z'],
    ['30秒前', '2024-11-19T03:59:30.000Z'],
    ['5分钟前', '2024-11-19T03:55:00.000Z'],
    ['5&nbsp;分钟前', '2024-11-19T03:55:00.000Z'],
    ['半小时前', '2024-11-19T03:30:00.000Z'],
    ['3小时前', '2024-11-19T01:00:00.000Z'],
    ['3 天前', '2024-11-16T04:00:00.000Z'],
    ['今天 12:30', '2024-11-19T04:30:00.000Z'],
    ['今天08:05', '2024-11-19T00:05:00.000Z'],
    ['昨天 08:00', '2024-11-18T00:00:00.000Z'],
    ['前天\u00a020:31', '2024-11-17T12:31:00.000Z'],
    ['12-25', '2023-12-24T16:00:00.000Z'],
    ['11-18', '2024-11-17T16:00:00.000Z'],
    ['7-6', '2024-07-05T16:00:00.000Z'],
    ['2020-05', '2020-04-30T16:00:00.000Z'],
    ['02:38', '2024-11-18T18:38:00.000Z'],
    ['2024-8-6 22:11', '2024-08-06T14:11:00.000Z'],
    ['2024-11-19 21:07', '2024-11-19T13:07:00.000Z'],
    ['2024-11-19 20:31:07', '2024-11-19T12:31:07.000Z'],
    ['2024-3-5 09:07', '2024-03-05T01:07:00.000Z'],
    ['2024-11-19', '2024-11-18T16:00:00.000Z'],
    ['11月18日 08:00', '2024-11-18T00:00:00.000Z'],
    ['2023年11月19日 08:00', '2023-11-19T00:00:00.000Z'],
    ['发表于 2024-11-19 21:07', '2024-11-19T13:07:00.000Z'],
    ['发布于 2026-3-15', '2026-03-14T16:00:00.000Z'],
    ['今天 12:30 来自iPhone客户端', '2024-11-19T04:30:00.000Z'],
    ['Tue, 19 Nov 2024 12:00:00 +0800', '2024-11-19T04:00:00.000Z'],
    ['Tue, 19 Nov 24 04:00:00 GMT', '2024-11-19T04:00:00.000Z'],
    ['19 Nov 2024 12:00 EST', '2024-11-19T17:00:00.000Z'],
    ['2024-11-19T05:12:33-07:00', '2024-11-19T12:12:33.000Z'],
    ['2024-11-19T12:00:00+08:00', '2024-11-19T04:00:00.000Z'],
    ['2024-11-19T04:00:00Z', '2024-11-19T04:00:00.000Z'],
    ['1732017600', '2024-11-19T12:00:00.000Z'],
    [1732017600, '2024-11-19T12:00:00.000Z'],
    [1732017600000, '2024-11-19T12:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', '昨天', 'hello', '2024-13-01', '2024-02-30 10:00', '25:61'])
      expect(at(bad)).toBeNull();
    expect(parseSiteDate(null, now)).toBeNull();
  });

  it('uses China time for day boundaries whatever the host zone', () => {
    const lateUtc = new Date('2024-11-19T17:30:00Z'); // 01:30 on the 20th in China
    expect(parseSiteDate('昨天 23:00', lateUtc)?.toISOString()).toBe('2024-11-19T15:00:00.000Z');
    expect(parseSiteDate('01:00', lateUtc)?.toISOString()).toBe('2024-11-19T17:00:00.000Z');
  });
});

describe('parseCount', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['1万+', 10_000],
    ['3.2万', 32_000],
    ['1亿', 100_000_000],
    ['1.5亿', 150_000_000],
    ['1,234', 1234],
    ['10w+', 100_000],
    ['1.2k', 1200],
    [' 转发 12', 12],
    [' 转发', 0],
    ['赞', 0],
    [null, 0],
    [undefined, 0],
    [-3, 0],
    ['100+', 100],
  ])('%s → %d', (value, n) => {
    expect(parseCount(value)).toBe(n);
  });
});

describe('htmlToText', () => {
  it('keeps line breaks, emoticon alts and topics; drops the trailing 全文 link', () => {
    const html =
      '家里宽带第三天断网了 <a href="/search?q=%23"><span class="surl-text">#中国联通#</span></a> <span class="url-icon"><img alt="[怒]" src="x.png" /></span><br />客服电话打了五次...<a href="/status/5099001122334455">全文</a>';
    expect(htmlToText(html)).toBe('家里宽带第三天断网了 #中国联通# [怒]\n客服电话打了五次...');
  });

  it('turns paragraphs and <br> into lines, decodes entities, strips scripts and toggles', () => {
    expect(htmlToText('<p>第一行</p><p>第二行 &amp; &lt;b&gt;</p>')).toBe('第一行\n第二行 & <b>');
    expect(htmlToText('a<br>\r\n  b<br /><br />c')).toBe('a\nb\n\nc');
    expect(htmlToText('正文<script>alert(1)</script><style>p{}</style>')).toBe('正文');
    expect(htmlToText('全文内容<a action-type="fl_fold">收起全文<i>d</i></a>')).toBe('全文内容');
    expect(htmlToText('<img alt="图片" src="a.jpg">文字<img class="BDE_Smiley" src="s.png">')).toBe('文字');
  });

  it('removes selected blocks and control characters; plain text passes through', () => {
    expect(
      htmlToText('<div class="quote"><blockquote>引用</blockquote></div>回复', { remove: ['div.quote'] }),
    ).toBe('回复');
    expect(htmlToText('纯文本\n第二行\u0007\u200b')).toBe('纯文本\n第二行');
  });
});

describe('parseRegion', () => {
  it.each([
    ['发布于 广东', '广东'],
    ['来自广东', '广东'],
    ['IP属地:福建', '福建'],
    ['IP 属地广东', '广东'],
    ['广东省', '广东'],
    ['上海市', '上海'],
    ['广西壮族自治区', '广西'],
    ['其他', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, region) => {
    expect(parseRegion(value)).toBe(region);
  });
});

describe('decodeBody', () => {
  const gbk = iconv.encode('<html><head><meta charset="gbk"></head><body>联通宽带</body></html>', 'gbk');
  it('decodes by header, by meta/prolog, and GBK bytes mislabelled as UTF-8', () => {
    expect(decodeBody(gbk, 'text/html; charset=GBK').text).toContain('联通宽带');
    expect(decodeBody(gbk, 'text/html').text).toContain('联通宽带');
    expect(
      decodeBody(
        iconv.encode('<?xml version="1.0" encoding="GBK"?><rss>移动</rss>', 'gbk'),
        'application/xml',
      ).text,
    ).toContain('移动');
    expect(decodeBody(iconv.encode('<p>电信投诉</p>', 'gbk'), 'text/html; charset=utf-8')).toMatchObject({
      charset: 'gbk',
      text: '<p>电信投诉</p>',
    });
    expect(decodeBody(Buffer.from('\ufeff{"a":"中"}'), 'application/json').text).toBe('{"a":"中"}');
  });
});
