import type { CategoryId } from '../../../core/index.ts';
import type { Sentiment } from '../types.ts';

/**
 * A post template. Slots: {b} brand alias, {o} a competitor, {hot} the brand's hotline, {prod} one of its
 * products, {city}/{dist} place, {n} 2–6, {nn} 10–99, {small} 5–60, {money} 20–800 (yuan), {speed} Mbps,
 * {days} 2–7, {plan} a monthly plan price.
 */
export interface Template {
  /** Complaint category, or null for general chatter. */
  cat: CategoryId | null;
  /** Sentiment towards {b}. */
  s: Sentiment;
  /** Short title (forum threads, Heimao, App Store, Zhihu questions). */
  title: string;
  /** The post body. */
  body: string;
  /** Sentiment towards {o} when the template compares two operators. */
  other?: Sentiment;
}

type Row = [CategoryId, string, string] | [CategoryId, string, string, Sentiment];

function rows(s: Sentiment, list: Row[]): Template[] {
  return list.map(([cat, title, body, other]) =>
    other ? { cat, s, title, body, other } : { cat, s, title, body },
  );
}

/** Complaints, by category. */
export const NEGATIVE_TEMPLATES: Template[] = rows('negative', [
  [
    'network',
    '{b}信号太差了',
    '住在{city}{dist}，家里{b}信号只有一格，打个电话断三次，{hot}说会反馈给网络部门，然后就没有然后了',
  ],
  [
    'network',
    '地铁里{b}完全没网',
    '每天坐地铁上班，一进隧道{b}就没信号，刷个网页都转圈，交着{plan}的套餐就这体验？',
  ],
  [
    'network',
    '{b}晚高峰网速慢',
    '晚上八点以后{b}的4G网速只有几十K，视频根本加载不出来，白天又正常，这是在偷偷限速吧',
  ],
  [
    'network',
    '小区{b}信号盲区',
    '我们小区地下车库和电梯里{b}一点信号都没有，反映了{n}次说要建基站，半年过去了毫无动静',
  ],
  [
    'network',
    '{b}打电话总掉线',
    '用{b}打电话说不到两句就掉线，对方听不清我说话，换了手机也一样，明显是网络问题',
  ],
  [
    'network',
    '{b}突然无服务',
    '今天早上起来手机显示无服务，重启了好几次都不行，{b}客服说我们片区在抢修，也不发个通知',
  ],
  [
    'network',
    '高铁上{b}没信号',
    '坐高铁从{city}出发一路上{b}信号断断续续，同车厢用别家的刷视频毫无压力，心累',
  ],
  ['network', '老家{b}覆盖太差', '回老家过个周末，{b}在村里只有2G信号，微信都发不出去，还说什么全覆盖'],
  [
    'broadband',
    '{b}宽带断网{days}天了',
    '家里{b}宽带从{days}天前开始断网，光猫红灯一直闪，报修单一直显示处理中，在家办公全靠手机热点',
  ],
  [
    'broadband',
    '{b}宽带提速后更慢',
    '办了{speed}M的宽带，测速只有{small}M，装维说是光猫老旧，要换得自己掏钱',
  ],
  ['broadband', '{b}宽带天天掉线', '{b}宽带每天晚上必掉线，打游戏卡成PPT，报修{n}次了每次都说线路正常'],
  [
    'broadband',
    '装宽带等了两周',
    '在{b}营业厅办的宽带，说三天内上门安装，结果等了两周都没人来，打{hot}只会说帮我催单',
  ],
  [
    'broadband',
    '{b}宽带拆机难',
    '搬家了要拆{b}宽带，营业厅说要去办理地营业厅，办理地说要线上申请，来回踢皮球',
  ],
  [
    'broadband',
    '光猫坏了还要收费',
    '{b}的光猫用了两年坏了，上门师傅说要交{money}元换新的，合约里明明写着设备免费维护',
  ],
  [
    'broadband',
    '{b}宽带晚上丢包严重',
    '每天晚上八点到十一点{b}宽带丢包20%以上，客服说要上门检测但一直没人来',
  ],
  [
    'broadband',
    '小区{b}宽带大面积断网',
    '{city}{dist}我们小区{b}宽带大面积断网，问了邻居都一样，客服只说在抢修，没有恢复时间',
  ],
  [
    'billing',
    '{b}乱扣费',
    '这个月话费莫名多扣了{money}元，查详单说是什么流量包，我从来没订过，{b}你解释一下',
  ],
  [
    'billing',
    '{b}无故停机',
    '明明预存了{money}元，{b}说我欠费停机，打{hot}查了半天说系统问题，耽误我一整天的事',
  ],
  [
    'billing',
    '话费账单看不懂',
    '{b}的账单一堆看不懂的费用，什么功能费、信息费，每月多出{small}块，投诉了也只退一个月',
  ],
  ['billing', '{b}销户退费难', '销户后{b}说余额{money}元要等三个月才能退，还要跑营业厅签字，太折腾了'],
  [
    'billing',
    '{b}合约违约金',
    '当初办合约机说随时可以改套餐，现在要改{b}说要交{money}元违约金，销售人员的承诺全不认',
  ],
  ['billing', '{b}重复扣月租', '同一个月被{b}扣了两次月租，截图发给客服，说要核实{days}个工作日'],
  ['plan_data', '{b}套餐越改越贵', '{b}的老套餐被强制下架，新套餐同样的流量贵了{small}块，老用户不如新用户'],
  ['plan_data', '{b}流量莫名用完', '这个月什么都没干，{b}说我用了{nn}G流量，还没到月中就限速了，肯定有问题'],
  ['plan_data', '{b}无限流量限速', '{b}说的无限流量，用到{nn}G就限速到1M，刷个网页都费劲，这叫哪门子无限'],
  ['plan_data', '{b}套餐降档难', '想把{b}的{plan}套餐降到便宜点的，客服各种推脱，说线上不能办，必须去营业厅'],
  ['plan_data', '{prod}流量不够用', '办了{prod}，结果定向流量很多APP都不算，通用流量两天就用完了，被坑了'],
  ['plan_data', '{b}套餐宣传不实', '办的时候说{plan}包{nn}G流量，结果一半是定向流量，{b}的宣传话术太坑'],
  ['service', '{hot}根本打不进去', '打{hot}转人工排队半小时，接通后说不归他们管，让我再打一遍，服了'],
  [
    'service',
    '{b}营业厅态度差',
    '去{city}{dist}的{b}营业厅办业务，工作人员爱答不理，问两句就不耐烦，什么服务态度',
  ],
  ['service', '{b}客服踢皮球', '一个简单的问题，{b}客服让我找营业厅，营业厅让我打{hot}，来回折腾一周没解决'],
  ['service', '{b}投诉没人管', '在{b}投诉了{n}次，每次都说48小时内回电，到现在一个电话都没有'],
  ['service', '营业厅强制推销', '去{b}营业厅补个卡，被拉着推销了半小时副卡和宽带，不办还给脸色看'],
  ['service', '{b}智能客服答非所问', '{b}的智能客服答非所问，转人工要按七八次键，设计这个流程的人自己用过吗'],
  ['porting', '{b}不让携号转网', '想携号转网，{b}说我有合约不能转，查了半天也没查到签过什么合约，就是不让走'],
  [
    'porting',
    '携号转网被电话挽留',
    '申请了携号转网，{b}一天打{n}个电话挽留，还说转了以后号码会出问题，吓唬谁呢',
  ],
  [
    'porting',
    '转网后收不到验证码',
    '从{o}转到{b}以后，好几个APP的验证码都收不到了，两边客服互相推',
    'neutral',
  ],
  [
    'porting',
    '携号转网授权码获取失败',
    '发短信获取携号转网授权码一直失败，{b}说要去营业厅办，营业厅又说系统维护',
  ],
  [
    'vas_spam',
    '{b}偷偷开通增值业务',
    '查话费发现{b}给我开了{n}个增值业务，什么彩铃、视频会员，我一个都没订过',
  ],
  ['vas_spam', '{b}营销短信太多', '每天收到十几条{b}的营销短信，回复TD也没用，严重影响生活'],
  ['vas_spam', '{b}推销电话骚扰', '{b}的营销电话一天打三遍，推销升级套餐，拒绝了还换个号码继续打'],
  ['vas_spam', '视频彩铃自动续费', '{b}的视频彩铃默认开通还自动续费，每个月{small}块钱扣了一年才发现'],
  [
    'sim_device',
    '{b}补卡要回归属地',
    '手机卡丢了要补卡，{b}说要回归属地才能办，我在{city}工作难道专门请假回去？',
  ],
  [
    'sim_device',
    '{b}的卡突然不识别',
    '用得好好的{b}手机卡突然显示无SIM卡，换了手机也不识别，去营业厅说要换卡还收{small}块',
  ],
  ['sim_device', '合约机三个月就坏', '在{b}办的合约机用了三个月就黑屏，售后说不在保修范围，合约还得继续履行'],
  ['sim_device', '手表eSIM开通不了', '手表想开{b}的eSIM，跑了两个营业厅都说办不了，官网又写着支持'],
  [
    'privacy_fraud',
    '{b}泄露用户信息',
    '刚在{b}营业厅办完业务，第二天就接到各种推销电话，对方连我办的套餐都知道，信息是怎么泄露的？',
  ],
  [
    'privacy_fraud',
    '名下多出几张卡',
    '查了一下名下居然有{n}张{b}的卡，我从来没办过，营业厅说要本人去注销，这是谁给办的',
  ],
  [
    'privacy_fraud',
    '{b}号码天天收诈骗短信',
    '用{b}的号每天收到冒充客服的诈骗短信，说积分要清零，{b}就不能拦截一下吗',
  ],
  [
    'privacy_fraud',
    '身份证被冒用办卡',
    '我的身份证被人拿去办了{b}的卡，对方用来搞诈骗，现在警察找上我了，{b}审核是怎么做的',
  ],
  ['five_g', '{b}5G是摆设', '交着{b}5G套餐的钱，手机上5G图标一会有一会没有，大部分时间还是4G，这5G有什么用'],
  ['five_g', '{b}5G太耗电', '开了{b}的5G，手机电量掉得飞快，网速也没比4G快多少，只能关了'],
  ['five_g', '被升级成5G套餐', '{b}把我的4G套餐升级成5G套餐，说是免费体验，三个月后自动变成{plan}，谁同意了'],
  ['five_g', '{b}5G信号忽强忽弱', '{city}{dist}这边{b}5G信号忽强忽弱，视频通话一直卡，不如直接用4G'],
]);
