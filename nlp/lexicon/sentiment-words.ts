/**
 * Hand-written sentiment lexicon for the rule layer: polar words, negators, degree adverbs, contrast
 * conjunctions and the markers of sarcasm, rhetorical questions and politely phrased complaints.
 * The classifier learns how far to trust each rule family; the lists only say where rules fire.
 */

const split = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Positive words (weight 1 unless listed in {@link STRONG}). */
export const POSITIVE_WORDS: ReadonlySet<string> = new Set(
  split(`好 很好 挺好 满意 不错 快 很快 稳定 流畅 给力 靠谱 赞 点赞 喜欢 方便 实惠 便宜 耐心 热情 专业 及时 划算
  优惠 值 值得 舒服 开心 高兴 感谢 谢谢 棒 优秀 完美 清晰 顺畅 省心 贴心 推荐 好用 解决 顺利 惊喜 满分 良心
  放心 周到 细致 负责 快速 高效 好评 五星 超值 满足 愉快 爽 支持 信赖 出色 漂亮 干净 合理 透明 秒回 神速
  没问题 好多了 改善 提升 升级 流畅多了 稳多了 快多了 强多了 香 真香 舒心 赞赞 厉害 牛`),
);

/** Negative words (weight 1 unless listed in {@link STRONG}). */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(
  split(`差 很差 慢 烂 垃圾 坑 坑爹 失望 糟糕 生气 愤怒 恶心 骗 骗子 难用 贵 卡 卡顿 断网 掉线 投诉 退款 后悔
  无语 郁闷 崩溃 难受 烦 讨厌 不满 敷衍 推诿 欺骗 乱收费 霸王条款 黑心 无良 忽悠 套路 拖延 不行 欺诈 太贵 耽误 浪费
  扣费 乱扣费 限速 降速 骚扰 垃圾短信 骚扰电话 推三阻四 踢皮球 不予处理 强制 私自 擅自 诱导 虚假 虚假宣传 吐槽
  恶劣 离谱 过分 气死 火大 心累 糟心 闹心 折腾 白交 冤枉 被坑 坑人 吃相难看 无故 莫名其妙 未经 毛病 故障 问题
  慢死 差劲 没用 不靠谱 失联 欠费 停机 维权 曝光 智商税 辣鸡 渣 伤心 难过 痛苦 可怜 害怕 担心 焦虑 悲剧 倒霉
  不好 不爽 不方便 不稳定 不值 不划算 不满意 不合理 不专业 不及时 不耐烦 没信号 没网 断断续续 连不上 打不通 没人接
  不怎么样 拒绝 拉黑 坑钱 圈钱 吸血 霸道 欺负 刁难 傲慢 冷漠 差评 一星 退网 销号 气人 憋屈 窝火 受够`),
);

/** Words counted twice. */
export const STRONG: ReadonlySet<string> = new Set(
  split(`垃圾 坑爹 骗子 恶心 无良 黑心 欺诈 乱收费 霸王条款 离谱 气死 辣鸡 完美 超值 满分 五星 惊喜 神速`),
);

/** Negators: flip the polarity of the next sentiment word within the clause. */
export const NEGATORS: ReadonlySet<string> = new Set(
  split(
    `不 没 没有 别 未 无 非 并非 不是 并不 绝非 毫无 从未 从没 不曾 不会 不能 不要 难以 无法 决不 绝不 并没有 不太 不怎么 没什么`,
  ),
);

/** Degree adverbs and their multipliers. */
export const DEGREE: ReadonlyMap<string, number> = new Map([
  ['太', 1.8],
  ['非常', 1.8],
  ['极其', 2],
  ['极', 2],
  ['超', 1.6],
  ['超级', 1.8],
  ['特别', 1.7],
  ['十分', 1.7],
  ['很', 1.4],
  ['挺', 1.2],
  ['真', 1.4],
  ['真是', 1.5],
  ['相当', 1.5],
  ['更', 1.3],
  ['最', 1.8],
  ['越来越', 1.4],
  ['简直', 1.8],
  ['实在', 1.5],
  ['巨', 1.7],
  ['贼', 1.6],
  ['好不', 1.5],
  ['有点', 0.6],
  ['有些', 0.6],
  ['稍微', 0.5],
  ['略', 0.5],
  ['比较', 0.8],
  ['还算', 0.7],
  ['一般', 0.5],
  ['还', 0.9],
  ['蛮', 1.1],
]);

/** Conjunctions that shift weight to the clause after them. */
export const CONTRAST: ReadonlySet<string> = new Set(split(`但是 但 可是 不过 然而 却 只是 可惜 偏偏 无奈`));

/** Concessive openers: the clause they start is the weaker one. */
export const CONCESSIVE: ReadonlySet<string> = new Set(split(`虽然 虽 尽管 虽说 固然`));

/** Sarcasm markers (regular expressions over the normalized text). */
export const SARCASM_PATTERNS: readonly RegExp[] = [
  /呵呵/,
  /真是服了|服了你|我服了|真服了/,
  /好一个/,
  /真(?:是)?(?:行|厉害|有你的|棒棒哒)(?:啊|呀|了)?[!?。，,]/,
  /(?:网速|速度|信号|服务|效率|态度|客服)(?:真是|真|简直|也是)?感人/,
  /谢谢(?:你|你们)?全家|谢谢了您嘞/,
  /(?:真|太)(?:良心|贴心)了?(?:呢|啊)?[!。,，]?.*(?:呵|[?？]|扣|坑|限速)/,
  /(?:不愧是|果然是)(?:你|联通|移动|电信|广电)/,
  /\[(?:微笑|呵呵|白眼|摊手|doge|二哈|允悲|费解|阴险)\]/,
];

/** Rhetorical questions: usually indignant. */
export const RHETORICAL_PATTERNS: readonly RegExp[] = [
  /难道/,
  /凭什么/,
  /怎么(?:能|可以|好意思)/,
  /有(?:这样|这么)[^?]{0,6}的吗/,
  /还有没有(?:王法|天理)/,
  /(?:谁|有没有人)(?:来)?管(?:管|一下)?/,
  /还让不让人/,
  /(?:到底|究竟)(?:[^?]{0,12})(?:[?]|吗|呢)/,
  /什么意思|搞什么|什么情况[?!]/,
  /是不是(?:觉得|以为|当)/,
  /(?:不是|岂不是)[^?]{0,10}吗[?]/,
];

/** Politely phrased complaints: courteous words around a demand or a problem. */
export const POLITE_COMPLAINT_PATTERNS: readonly RegExp[] = [
  /(?:麻烦|烦请|恳请|还望|希望|请)(?:贵公司|相关部门|工作人员|客服|你们)?(?:尽快|能够|能|给予|核实|处理|解决|回复|退还|给个)/,
  /(?:给个|给一个|请给)(?:说法|解释|答复|交代)/,
  /(?:能否|能不能|可否)(?:帮忙|帮我|尽快|处理|解决|退|取消|给)/,
  /要求(?:退还|退款|赔偿|全额|道歉|处理|解决|撤销|取消|恢复|免除)/,
  /(?:请问|想问一下)[^?]{0,20}(?:为什么|为何|怎么回事|凭什么)/,
  /(?:已经|多次|反复)[^。]{0,10}(?:反映|投诉|联系|打了)/,
  /至今(?:没有|未|无人|仍)/,
];

/** Escalation words: the author threatens to go public or to the regulator. */
export const ESCALATION_WORDS: readonly string[] = split(
  `工信部 12300 315 消协 消费者协会 起诉 律师 曝光 媒体 集体投诉 维权 法院 市场监管 12315 黑猫投诉 记者 报警 上诉 诉讼 举报`,
);

/** Emoji with a fixed polarity (rare in the training data, so the rule layer scores them). */
export const EMOJI_POLARITY: ReadonlyMap<string, number> = new Map([
  ['👍', 1],
  ['😊', 1],
  ['😄', 1],
  ['😁', 1],
  ['❤', 1],
  ['❤️', 1],
  ['🎉', 1],
  ['👏', 1],
  ['🥰', 1],
  ['😍', 1],
  ['💯', 1],
  ['🙏', 0.5],
  ['😃', 1],
  ['🤗', 1],
  ['😘', 1],
  ['🌹', 0.5],
  ['😡', -1],
  ['😠', -1],
  ['🤬', -1.5],
  ['👎', -1],
  ['💩', -1],
  ['😭', -1],
  ['😢', -1],
  ['😞', -1],
  ['😤', -1],
  ['🙄', -1],
  ['😒', -1],
  ['😓', -0.5],
  ['😩', -1],
  ['😫', -1],
  ['💔', -1],
  ['🤮', -1.5],
  ['😔', -0.8],
  ['😰', -0.8],
]);

/** {@link FIRST_CHAR} bit: some negator starts with the code unit. */
export const FIRST_NEGATOR = 1;
/** {@link FIRST_CHAR} bit: some degree adverb starts with the code unit. */
export const FIRST_DEGREE = 2;
/** {@link FIRST_CHAR} bit: some contrast or concessive word starts with the code unit. */
export const FIRST_CONTRAST = 4;

/** Bit flags by first code unit, so most words skip the Set lookups (a word's first code unit must match). */
export const FIRST_CHAR = new Uint8Array(0x10000);
const flag = (words: Iterable<string>, bit: number): void => {
  for (const w of words) FIRST_CHAR[w.charCodeAt(0)] = (FIRST_CHAR[w.charCodeAt(0)] ?? 0) | bit;
};
flag(NEGATORS, FIRST_NEGATOR);
flag(DEGREE.keys(), FIRST_DEGREE);
flag([...CONTRAST, ...CONCESSIVE], FIRST_CONTRAST);
