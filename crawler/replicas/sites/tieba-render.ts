import { ymdHm } from '../format/dates.ts';
import { escapeHtml, percentEncode } from '../format/html.ts';
import { hashString } from '../generator/prng.ts';
import type { Author, ContentItem } from '../types.ts';

/** Stable forum id for a forum name. */
export function forumId(name: string): number {
  return 500_000 + (hashString(name) % 400_000);
}

/** A Tieba portrait token (`tb.1.xxxxxxxx.yyyyyy`). */
export function portrait(a: Author): string {
  return `tb.1.${hashString(`p${a.id}`).toString(16).padStart(8, '0')}.${hashString(a.login).toString(36)}`;
}

/** Display nickname, or null for accounts without one (then user_name is shown). */
export function nickname(a: Author): string | null {
  return a.id % 10 < 3 ? null : a.name;
}

/** The name Tieba shows for an author. */
export function shownName(a: Author): string {
  return nickname(a) ?? a.login;
}

/** JSON for a data-field attribute (HTML-escaped, goes inside double quotes). */
export function dataField(value: unknown): string {
  return escapeHtml(JSON.stringify(value));
}

/** Post body HTML: escaped text, emoticons as BDE_Smiley images, <br> line breaks. */
export function tiebaContent(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^[\]\s]{1,6})\]/g, (m) => {
      const n = (hashString(m) % 50) + 1;
      return `<img class="BDE_Smiley" width="30" height="30" changedsize="false" src="https://tb2.bdstatic.com/tb/editor/images/client/image_emoticon${n}.png" >`;
    })
    .replace(/\n/g, '<br>');
}

/** Thread title as shown: a few carry a 【吧名】 prefix. */
export function shownTitle(thread: ContentItem): string {
  return Number(thread.id) % 10 === 0 ? `【${thread.board}】${thread.title}` : thread.title;
}

/** One floor (`div.l_post`) of a thread page. */
export function floorHtml(
  prefix: string,
  thread: ContentItem,
  floor: ContentItem,
  pid: string,
  postNo: number,
  lzl: number,
): string {
  const a = floor.author;
  const field = {
    author: { user_id: a.id, user_name: a.login, portrait: portrait(a), user_nickname: nickname(a) },
    content: {
      post_id: Number(pid),
      forum_id: forumId(thread.board),
      thread_id: Number(thread.id),
      content: tiebaContent(floor.text),
      post_no: postNo,
      comment_num: lzl,
      post_index: postNo - 1,
      is_fold: 0,
    },
  };
  const client = /iPhone|Android/.exec(a.client)?.[0];
  const tail = [
    `<span>IP属地:${a.province}</span>`,
    `<a class="p_tail_report" href="#">举报</a>`,
    client
      ? `<span class="tail-info">来自<a href="${prefix}/mo/" target="_blank">${client}客户端</a></span>`
      : '',
    `<span class="tail-info">${postNo}楼</span>`,
    `<span class="tail-info">${ymdHm(floor.publishedAt)}</span>`,
    `<div class="j_lzl_r p_reply" data-field="${dataField({ pid: Number(pid), total_num: lzl })}"><a href="#" class="lzl_link_unfold">回复${lzl > 0 ? `(${lzl})` : ''}</a></div>`,
  ].join('');
  return `<div class="l_post l_post_bright j_l_post clearfix  " data-pid="${pid}" data-field="${dataField(field)}">
 <div class="d_author"><ul class="p_author"><li class="d_name" data-field="${dataField({ user_id: a.id })}"><a alog-group="p_author" class="p_author_name j_user_card" href="${prefix}/home/main?id=${portrait(a)}&amp;fr=pb" target="_blank">${escapeHtml(shownName(a))}</a></li></ul></div>
 <div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_${pid}" class="d_post_content j_d_post_content " style="display:;">            ${tiebaContent(floor.text)}</div><br></cc></div>
 <div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><div class="post-tail-wrap">${tail}</div></div></div></div>
</div>`;
}

/** One 楼中楼 reply (`li.lzl_single_post`). */
export function lzlHtml(prefix: string, r: ContentItem): string {
  const a = r.author;
  const field = { spid: Number(r.id), showname: shownName(a), user_name: a.login, portrait: portrait(a) };
  const un = percentEncode(a.login, 'gbk');
  return `<li class="lzl_single_post j_lzl_s_p " data-field="${dataField(field)}"><a rel="noopener" class="j_user_card lzl_p_p" data-field="${dataField({ un: a.login })}" href="${prefix}/home/main?un=${un}&amp;ie=utf-8&amp;fr=pb" target="_blank" username="${escapeHtml(a.login)}"><img src="https://gss0.bdstatic.com/6LZ1dD3d1sgCo2Kml5_Y_D3/sys/portrait/item/${portrait(a)}"></a><div class="lzl_cnt"><a rel="noopener" class="at j_user_card " data-field="${dataField({ un: a.login })}" alog-group="p_author" target="_blank" username="${escapeHtml(a.login)}" href="${prefix}/home/main?un=${un}&amp;ie=utf-8&amp;fr=pb">${escapeHtml(shownName(a))}</a>:&nbsp;<span class="lzl_content_main">${tiebaContent(r.text)}</span><div class="lzl_content_reply"><span class="lzl_jb" style="display: none;"><a href="#" class="lzl_jb_in">举报</a>&nbsp;|</span><span class="lzl_op_list j_lzl_o_l"></span><span class="lzl_time">${ymdHm(r.publishedAt, false)}</span><a href="#" class="lzl_s_r">回复</a></div></div></li>`;
}
