import type { CategoryId } from '../../../core/index.ts';
import type { Sentiment } from '../types.ts';

/** Sentence openers by sentiment ('' keeps some posts bare). */
export const OPENERS: Record<Sentiment, readonly string[]> = {
  negative: [
    '真的无语了，',
    '家人们谁懂啊，',
    '吐槽一下，',
    '气死了！',
    '求助！',
    '服了，',
    '第{n}次投诉了，',
    '忍不了了，',
    '',
    '',
    '',
  ],
  neutral: ['请教一下，', '问一下，', '有没有懂的，', '小白求问，', '', '', ''],
  positive: ['必须表扬一下，', '夸一夸，', '难得说句好话，', '说个好消息，', '', '', ''],
};

/** Sentence endings by sentiment. */
export const ENDINGS: Record<Sentiment, readonly string[]> = {
  negative: ['太离谱了', '有人管管吗', '心累', '无语', '还能不能好了', '已截图留证', '', ''],
  neutral: ['谢谢大家', '在线等', '先谢过了', '', ''],
  positive: ['继续保持', '值得表扬', '好评', '', ''],
};

/** Weibo emoticon codes (rendered as url-icon images on Weibo). */
export const EMOTICONS: Record<Sentiment, readonly string[]> = {
  negative: ['[怒]', '[抓狂]', '[泪]', '[允悲]', '[费解]', '[吃惊]'],
  neutral: ['[思考]', '[doge]', '[微笑]', '[二哈]'],
  positive: ['[赞]', '[哈哈]', '[good]', '[笑cry]', '[心]'],
};

/** Unicode emoji by sentiment. */
export const EMOJI: Record<Sentiment, readonly string[]> = {
  negative: ['😡', '🙄', '😭', '🤬', '💢', '😤'],
  neutral: ['🤔', '😅', '🙏', '👀'],
  positive: ['👍', '😂', '🎉', '❤️', '😊'],
};

/** Extra sentences that make a post long enough to be truncated ("全文"). */
export const DETAILS: Record<Sentiment, readonly string[]> = {
  negative: [
    '前前后后打了{n}次{hot}，每次都要重新描述一遍问题。',
    '客服说已经登记了，让我耐心等待，可是一等就是{days}天。',
    '我是{b}的老用户了，用了{nn}年，从来没想过会遇到这种事。',
    '问营业厅，营业厅说系统升级；问客服，客服说不清楚。',
    '家里老人小孩都要用网，现在只能开热点，流量都快用完了。',
    '希望{b}能给个说法，不要每次都道歉然后不了了之。',
    '工单号都记下来了，回访电话里说已解决，其实根本没人来过。',
    '身边好几个同事都遇到过类似情况，看来不是个例。',
  ],
  neutral: [
    '网上搜了一圈，说法都不一样。',
    '之前用的是别家的，这次想换换看。',
    '主要是家里老人用，要求不高。',
    '如果有知道的朋友麻烦说一下，感谢。',
  ],
  positive: [
    '师傅走之前还留了电话，说有问题随时找他。',
    '整体体验比之前好太多，希望能一直保持。',
    '本来都准备转网了，现在决定再用一段时间。',
    '顺便说一句，营业厅的小哥也很热情。',
  ],
};

/** Escalation sentences (工信部, 12300, media). */
export const ESCALATION: readonly string[] = [
  '已经向工信部申诉了，看看这次怎么处理。',
  '再不解决我就打12300投诉到工信部。',
  '实在不行就找媒体曝光，让大家都看看。',
  '工信部申诉已经提交，截图为证。',
  '已经联系了本地电视台的帮忙栏目，准备媒体曝光。',
  '12300投诉之后第二天就有人打电话来了，早知道直接找工信部。',
];

/** Comment bodies by sentiment ({b} optional). */
export const COMMENTS: Record<Sentiment, readonly string[]> = {
  negative: [
    '同款，我家也是{b}，一样的问题',
    '建议直接打12300，比打{hot}管用',
    '这么多年了还是老样子',
    '我也被坑过，后来直接销户了',
    '+1，我们小区也断了',
    '{b}就是这样，习惯了',
    '别等了，打工信部电话',
  ],
  neutral: ['蹲一个后续', '楼主后来解决了吗', '私信你了', '哪个区的？', '请问在哪投诉', '马克一下', '同问'],
  positive: ['我这边{b}挺好的啊', '我们这里师傅挺负责的', '用{b}十年了没啥问题', '昨天刚修好，速度还行'],
};

/** Repost comments on Weibo ('转发微博' is what the client fills in when the user types nothing). */
export const REPOST_TEXTS: readonly string[] = [
  '转发微博',
  '转发微博',
  '太真实了',
  '扩散',
  '+1',
  '同样遭遇',
  'mark',
];

/** Prefix edits for copy-paste waves. */
export const WAVE_PREFIXES: readonly string[] = [
  '',
  '',
  '扩散！',
  '求扩散，',
  '同样遭遇：',
  '+1 ',
  '【复制】',
  '转：',
];

/** Suffix edits for copy-paste waves. */
export const WAVE_SUFFIXES: readonly string[] = [
  '',
  '！！',
  '。。。',
  ' 求转发',
  ' [怒]',
  ' 😡',
  '，大家帮帮忙',
];

/** Texts that contain an operator alias but are NOT about the brand (precision traps). */
export const TRAPS: readonly [string, Sentiment][] = [
  ['今天又接到电信诈骗电话，冒充公安局的，大家小心', 'neutral'],
  ['移动支付真方便，出门只带手机就行', 'positive'],
  ['公司新买的移动硬盘坏了，数据全没了', 'negative'],
  ['移动端的页面适配做得不太好，按钮太小', 'negative'],
  ['广电总局发布了新的电视剧备案名单', 'neutral'],
  ['城市之间要做到互联互通，交通规划很重要', 'neutral'],
  ['反电信网络诈骗宣传进社区，大爷大妈都来听讲座', 'positive'],
];

/** Heimao "投诉问题" per category. */
export const HEIMAO_ISSUES: Record<CategoryId, string> = {
  network: '信号差,无法正常通话',
  broadband: '宽带断网,维修不及时',
  billing: '乱扣费,拒绝退费',
  plan_data: '套餐虚假宣传,强制变更',
  service: '服务态度差,投诉无人处理',
  porting: '阻挠携号转网',
  vas_spam: '私自开通增值业务,营销骚扰',
  sim_device: '补卡困难,设备质量问题',
  privacy_fraud: '泄露个人信息,冒名办卡',
  five_g: '5G套餐强制升级,信号差',
};

/** Heimao "投诉要求" options. */
export const HEIMAO_APPEALS: readonly string[] = [
  '退还费用',
  '道歉',
  '恢复服务',
  '赔偿损失',
  '解除合约',
  '尽快维修',
  '整改',
];

/** Company replies on Heimao and Discuz. */
export const COMPANY_REPLIES: readonly string[] = [
  '您好，已收到您的反馈，已安排专人联系处理，请保持电话畅通。',
  '非常抱歉给您带来不便，经核实相关费用已退回，请注意查收。',
  '您好，工作人员已与您电话沟通，故障已修复，如仍有问题请随时联系我们。',
];

/** Zhihu answer openings. */
export const ZHIHU_INTROS: readonly string[] = [
  '谢邀。',
  '利益相关：前装维，说几句。',
  '作为{b}的老用户说两句：',
  '泻药，',
  '说点实际的。',
  '',
];

/** News headlines for the RSS feeds. {B} is the canonical brand name. */
export const NEWS: { title: string; body: string; s: Sentiment; cat: CategoryId | null }[] = [
  {
    title: '{B}{city}分公司启动5G网络优化专项行动',
    body: '记者获悉，{B}{city}分公司近日启动5G网络优化专项行动，计划年内新建基站{nn}0个，重点解决居民区室内覆盖问题。',
    s: 'positive',
    cat: 'five_g',
  },
  {
    title: '{B}回应{city}宽带大面积中断：系光缆被挖断',
    body: '针对网友反映的{city}{dist}宽带大面积中断问题，{B}回应称系市政施工挖断光缆所致，目前已全部恢复。',
    s: 'neutral',
    cat: 'broadband',
  },
  {
    title: '{B}推出新一代{prod}套餐',
    body: '{B}今日发布新一代{prod}套餐，月费{plan}起，含{nn}G通用流量，老用户可线上办理。',
    s: 'neutral',
    cat: 'plan_data',
  },
  {
    title: '消费者投诉{B}乱扣费，律师称涉嫌侵犯知情权',
    body: '多名消费者反映{B}在未告知的情况下开通增值业务并扣费，律师表示运营商应充分履行告知义务。',
    s: 'negative',
    cat: 'billing',
  },
  {
    title: '{B}5G用户净增{nn}万户',
    body: '{B}公布最新运营数据，上月5G套餐用户净增{nn}万户，累计用户数继续保持增长。',
    s: 'positive',
    cat: 'five_g',
  },
  {
    title: '工信部通报通信服务质量：{B}携号转网投诉居前',
    body: '工信部最新通报显示，携号转网相关投诉有所上升，其中涉及{B}的投诉数量居前，工信部已督促整改。',
    s: 'negative',
    cat: 'porting',
  },
  {
    title: '{B}客服热线推出适老化服务',
    body: '{B}客服热线近日上线适老化服务，65岁以上用户拨打{hot}可一键转人工，无需层层按键。',
    s: 'positive',
    cat: 'service',
  },
  {
    title: '{B}发布防范电信网络诈骗提示',
    body: '{B}提醒广大用户，近期冒充客服以积分清零为由实施诈骗的案件高发，请勿点击陌生链接。',
    s: 'neutral',
    cat: 'privacy_fraud',
  },
];

/** App Store review bank: [title, body, sentiment, category]. The app itself names the brand. */
export const APP_REVIEWS: [string, string, Sentiment, CategoryId][] = [
  ['话费查询总是转圈', '更新后登录不了，查话费一直转圈，客服让卸载重装也没用。', 'negative', 'service'],
  ['闪退', '打开就闪退，iOS最新版，什么时候修？', 'negative', 'service'],
  ['广告太多', '一个营业厅APP，首页全是广告和推销，找个查流量的入口都难。', 'negative', 'vas_spam'],
  ['账单和短信对不上', 'APP里显示的话费和短信通知的不一样，到底哪个是对的？', 'negative', 'billing'],
  ['流量显示不准', '明明还有流量，APP里显示已经用完了，差点又买了一个流量包。', 'negative', 'plan_data'],
  [
    '宽带报修入口难找',
    '想报修宽带，在APP里找了十分钟才找到入口，提交后也没有进度。',
    'negative',
    'broadband',
  ],
  ['还行', '基本功能都有，就是有点卡，希望优化一下。', 'neutral', 'service'],
  ['希望加个夜间模式', '功能挺全的，建议增加深色模式，晚上看太亮了。', 'neutral', 'service'],
  ['签到领流量不错', '每天签到能领点流量，积少成多，界面也比以前清爽。', 'positive', 'plan_data'],
  ['查话费很方便', '查话费、交费、办业务都很方便，不用再跑营业厅了。', 'positive', 'billing'],
  ['在线客服回复快', '在线客服几分钟就回复了，问题也解决了，好评。', 'positive', 'service'],
  ['5G专区好用', '5G专区能直接测速和看覆盖，挺实用的。', 'positive', 'five_g'],
];
