import { discuzDate, ymdHm } from '../format/dates.ts';
import { escapeHtml, percentEncode } from '../format/html.ts';
import { DISCUZ_FORUMS } from '../generator/site-items.ts';
import type { ContentItem } from '../types.ts';

export const SITE_NAME = '羊城通信论坛';
export const FORMHASH = '8f3c2a1b';

/** A full GBK-declared Discuz! X3.4 page. */
export function discuzPage(title: string, content: string, bodyClass = 'pg_forum'): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>${title} - ${SITE_NAME} - Powered by Discuz!</title>
<meta name="generator" content="Discuz! X3.4" />
</head>
<body id="nv_forum" class="${bodyClass}">
<div id="hd"><div class="wp"><div class="hdc cl"><h2><a href="./" title="${SITE_NAME}">${SITE_NAME}</a></h2>
<form id="scbar_form" method="post" autocomplete="off" action="search.php?searchsubmit=yes"><input type="hidden" name="formhash" value="${FORMHASH}" /><input type="hidden" name="mod" value="forum" /><input type="text" name="srchtxt" id="scbar_txt" value="" /></form></div></div></div>
<div id="wp" class="wp">
${content}
</div>
<div id="ft" class="wp cl"><div id="flk" class="y"><p>Powered by <strong><a href="https://www.discuz.vip" target="_blank">Discuz!</a></strong> <em>X3.4</em></p></div></div>
</body>
</html>`;
}

/** The `div#messagetext` page Discuz uses for errors and limits (HTTP 200). */
export function messagePage(
  text: string,
  cls: 'alert_info' | 'alert_error' = 'alert_error',
  extra = '',
): string {
  return discuzPage(
    '提示信息',
    `<div id="ct" class="wp cl w"><div class="nfl"><div class="f_c altw"><div id="messagetext" class="${cls}"><p>${text}</p><p class="alert_btnleft"><a href="javascript:history.back()">[ 点击这里返回上一页 ]</a></p></div>${extra}</div></div></div>`,
    'pg_message',
  );
}

/** The login form shown behind the "not logged in" message. */
export const LOGIN_FORM = `<form method="post" autocomplete="off" name="login" id="loginform" action="member.php?mod=logging&amp;action=login&amp;loginsubmit=yes"><input type="hidden" name="formhash" value="${FORMHASH}" /><input type="text" name="username" /><input type="password" name="password" /><button type="submit" name="loginsubmit" value="true">登录</button></form>`;

/** A page-number bar (`div.pg`) with `a.nxt` and the "共 N 页" label. */
export function pager(base: string, page: number, pages: number): string {
  if (pages <= 1) return '';
  const nums = Array.from({ length: Math.min(pages, 10) }, (_v, i) => i + 1)
    .map((n) => (n === page ? `<strong>${n}</strong>` : `<a href="${base}&amp;page=${n}">${n}</a>`))
    .join('');
  const next = page < pages ? `<a href="${base}&amp;page=${page + 1}" class="nxt">下一页</a>` : '';
  return `<div class="pg">${nums}<label><input type="text" name="custompage" class="px" size="2" title="输入页码，按回车快速跳转" value="${page}" /><span title="共 ${pages} 页"> / ${pages} 页</span></label>${next}</div>`;
}

/** The `[投诉]` style type label. */
export function typeLabel(item: ContentItem): [number, string] {
  if (item.truth.sentiment === 'negative') return [3, '投诉'];
  return item.truth.sentiment === 'positive' ? [5, '分享'] : [4, '求助'];
}

/** A date cell: `<span title="…">3&nbsp;天前</span>` for recent times, plain text for old ones. */
export function dateSpan(ms: number, now: number, withTime: boolean): string {
  const d = discuzDate(ms, now, withTime);
  return d.title ? `<span title="${d.title}">${d.text}</span>` : d.text;
}

/** One thread row of the forum list. */
export function threadRow(t: ContentItem, replies: ContentItem[], now: number, sticky: boolean): string {
  const last = replies[replies.length - 1] ?? t;
  const [typeid, label] = typeLabel(t);
  const href = `thread-${t.id}-1-1.html`;
  return `<tbody id="${sticky ? 'stickthread' : 'normalthread'}_${t.id}"><tr>
<td class="icn"><a href="${href}" title="新窗口打开" target="_blank"><img src="static/image/common/${sticky ? 'pin_1' : 'folder_new'}.gif" /></a></td>
<th class="${sticky ? 'common' : 'new'}"><em>[<a href="forum.php?mod=forumdisplay&amp;fid=${t.board}&amp;filter=typeid&amp;typeid=${typeid}">${label}</a>]</em> <a href="${href}" onclick="atarget(this)" class="s xst">${escapeHtml(t.title)}</a></th>
<td class="by"><cite><a href="space-uid-${t.author.id}.html" c="1">${escapeHtml(t.author.name)}</a></cite><em>${dateSpan(t.publishedAt, now, false).replace(/^([^<].*)$/, '<span>$1</span>')}</em></td>
<td class="num"><a href="${href}" class="xi2">${replies.length}</a><em>${t.views}</em></td>
<td class="by"><cite><a href="space-username-${percentEncode(last.author.name, 'gbk')}.html" c="1">${escapeHtml(last.author.name)}</a></cite><em><a href="forum.php?mod=redirect&amp;tid=${t.id}&amp;goto=lastpost#lastpost">${dateSpan(last.publishedAt, now, true)}</a></em></td>
</tr></tbody>`;
}

/** Forum name by fid. */
export function forumName(fid: string): string {
  return DISCUZ_FORUMS[fid] ?? '综合讨论';
}

/** The body of one post with optional edit note and quote block. */
export function postMessage(post: ContentItem, quoted: ContentItem | undefined, now: number): string {
  const edited = post.extra.edited
    ? `<i class="pstatus"> 本帖最后由 ${escapeHtml(post.author.name)} 于 ${ymdHm(post.publishedAt + 600_000, false)} 编辑 </i><br />\r\n<br />\r\n`
    : '';
  const quote = quoted
    ? `<div class="quote"><blockquote><font size="2"><a href="forum.php?mod=redirect&amp;goto=findpost&amp;pid=${quoted.kind === 'post' ? quoted.extra.firstPostId : quoted.id}&amp;ptid=${post.threadId ?? quoted.id}" target="_blank"><font color="#999999">${escapeHtml(quoted.author.name)} 发表于 ${discuzDate(quoted.publishedAt, now).title ?? ymdHm(quoted.publishedAt, false)}</font></a></font><br />\r\n${escapeHtml(quoted.text.slice(0, 50))}${quoted.text.length > 50 ? ' ...' : ''}</blockquote></div><br />\r\n`
    : '';
  return `${edited}${quote}${escapeHtml(post.text).replace(/\n/g, '<br />\r\n')}`;
}

/** One post (`div#post_{pid}`) of a thread page. */
export function postHtml(
  post: ContentItem,
  pid: string,
  tid: string,
  floor: number,
  quoted: ContentItem | undefined,
  now: number,
): string {
  const a = post.author;
  return `<div id="post_${pid}"><table id="pid${pid}" class="plhin" summary="pid${pid}" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div id="favatar${pid}" class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-${a.id}.html" target="_blank" class="xw1">${escapeHtml(a.name)}</a></div></div><div><div class="avatar"><a href="space-uid-${a.id}.html" class="avtm" target="_blank"><img src="uc_server/avatar.php?uid=${a.id}&amp;size=middle" /></a></div></div></div></td>
<td class="plc"><div class="pi"><strong><a href="forum.php?mod=redirect&amp;goto=findpost&amp;ptid=${tid}&amp;pid=${pid}" id="postnum${pid}"><em>${floor}</em><sup>#</sup></a></strong>
<div class="pti"><div class="authi"><em id="authorposton${pid}">发表于 ${dateSpan(post.publishedAt, now, true)}</em><span class="pipe">|</span><a href="forum.php?mod=viewthread&amp;tid=${tid}&amp;page=1&amp;authorid=${a.id}" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_${pid}">
${postMessage(post, quoted, now)}</td></tr></table></div></div></div></td></tr></table></div>`;
}
