/**
 * Stopwords for keywords and word clouds (not for sentiment: negators and degree adverbs matter
 * there). A compact list of Chinese function words, pronouns and Weibo boilerplate.
 */
const WORDS = `的 了 着 过 是 在 和 与 及 或 而 且 就 都 也 还 又 再 才 只 但 但是 可是 不过 然而 因为 所以
如果 虽然 即使 而且 并且 或者 还是 以及 于是 然后 那么 这么 那么 这样 那样 这个 那个 这些 那些 这里 那里 这儿 那儿
我 你 他 她 它 我们 你们 他们 她们 它们 咱们 自己 大家 人家 别人 本人 谁 什么 怎么 怎样 为什么 哪 哪里 哪个 哪些 多少
啊 呀 吧 吗 呢 嘛 哦 哈 呗 啦 哟 嗯 噢 哎 唉 诶 喔 么 之 其 此 该 各 每 某 被 把 将 让 给 对 向 从 到 为 以 于 由 用 按
个 些 种 次 件 条 位 名 上 下 中 里 内 外 前 后 时 时候 时间 今天 昨天 明天 现在 已经 一直 一下 一个 一些 一样 一点
有 没 能 会 要 想 可以 可能 应该 需要 得 地 等 等等 之后 之前 以后 以前 其中 其他 其它 另外 还有 只是 就是 也是 都是
转发 微博 回复 网页 链接 全文 展开 收起 分享 图片 视频 评论 点赞 来自 查看 原文 via http https www com cn
, . ! ? : ; ' " ( ) [ ] { } 、 。 ， ！ ？ ： ； “ ” ‘ ’ （ ） 【 】 《 》 … — ~ ～ · / \\ - _ + = * & % $ # @`;

/** Stopwords as a set. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** True for stopwords, whitespace, punctuation-only and single-digit tokens. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || !/[\p{L}\p{N}]/u.test(token) || /^\d$/.test(token);
}
