import { describe, expect, it } from 'vitest';
import { htmlToText, normalize, stripEmoticons, toHalfWidth } from '../../nlp/normalize.ts';

describe('normalize', () => {
  it('turns HTML into text and keeps line breaks and emoticon alt codes', () => {
    const html =
      '<div class="txt">联通宽带又断了<br/>第三次了&nbsp;&amp;客服没人接<img src="x.png" alt="[怒]"></div><p>@中国联通 <a href="/n/x">#联通宽带#</a></p><script>var a=1</script>';
    expect(htmlToText(html)).toBe('联通宽带又断了\n第三次了 &客服没人接[怒]\n@中国联通 #联通宽带#');
    const n = normalize(html);
    expect(n.plain.split('\n')).toHaveLength(3);
    expect(n.emoticons).toEqual(['[怒]']);
    expect(n.mentions).toEqual(['@中国联通']);
    expect(n.hashtags).toEqual(['#联通宽带#']);
  });

  it('converts full-width forms and traditional characters for analysis only', () => {
    expect(toHalfWidth('ＡＢＣ１２３！？　')).toBe('ABC123!? ');
    const n = normalize('聯通寬帶太慢了！網速ＸＸ');
    expect(n.plain).toBe('聯通寬帶太慢了！網速ＸＸ');
    expect(n.text).toBe('联通宽带太慢了!网速xx');
  });

  it('keeps URLs, mentions, hashtags, Weibo emoticons and emoji as whole pieces', () => {
    const n = normalize('转发 //@小王:移动信号太差了[泪][泪] 😡 #移动信号差# 详情 http://t.cn/A6abc');
    const kinds = n.pieces.filter((p) => p.kind !== 'text').map((p) => `${p.kind}:${p.text}`);
    expect(kinds).toEqual([
      'mention:@小王',
      'emoticon:[泪]',
      'emoticon:[泪]',
      'emoji:😡',
      'hashtag:#移动信号差#',
      'url:http://t.cn/A6abc',
    ]);
    expect(n.urls).toEqual(['http://t.cn/A6abc']);
  });

  it('collapses repeated punctuation and keeps its intensity', () => {
    const n = normalize('网速太慢了！！！！为什么？？？真是的。。。哈哈哈哈哈哈');
    expect(n.text).toBe('网速太慢了!为什么?真是的…哈哈哈');
    expect(n.intensity).toMatchObject({ exclaim: 4, question: 3, maxRun: 4, ellipsis: 1 });
  });

  it('strips emoticons for evaluation', () => {
    expect(stripEmoticons('好开心[哈哈][爱你]')).toBe('好开心');
  });
});
