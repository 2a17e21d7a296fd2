import type { CategoryId } from '../core/index.ts';

/**
 * Public reply templates per complaint category, written to the principles in the shared seeds:
 * answer within 24 hours, stay calm and polite, move details to a private channel (never ask for a
 * phone number or ID in public), say what caused the problem and what we are doing about it, and
 * turn the complaint into visible proof that we care. Placeholders in braces are filled from the
 * case; the agent edits before sending.
 */

/** One template. */
export interface ResponseTemplate {
  id: string;
  /** Complaint category, or `generic`. */
  category: CategoryId | 'generic';
  title: string;
  text: string;
}

/** Human names of the categories, used for {问题}. */
export const CATEGORY_LABELS: Record<CategoryId, string> = {
  network: '手机信号和网络',
  broadband: '家庭宽带',
  billing: '话费扣费',
  plan_data: '套餐和流量',
  service: '服务体验',
  porting: '携号转网',
  vas_spam: '增值业务和骚扰信息',
  sim_device: 'SIM卡和终端',
  privacy_fraud: '个人信息安全',
  five_g: '5G 网络',
};

const t = (category: ResponseTemplate['category'], title: string, text: string): ResponseTemplate => ({
  id: `tpl-${category}`,
  category,
  title,
  text,
});

export const RESPONSE_TEMPLATES: readonly ResponseTemplate[] = [
  t(
    'network',
    '网络信号问题',
    '{用户昵称}您好，给您添麻烦了，非常抱歉！关于您在{地区}遇到的{问题}，我们已记录（工单号 {工单号}），网络优化工程师正在排查周边基站和覆盖情况。为了尽快定位，麻烦您私信我们具体位置和出现问题的时间段，我们会在 24 小时内给您答复处理进展。也可拨打 {客服热线} 随时联系我们。',
  ),
  t(
    'broadband',
    '宽带故障',
    '{用户昵称}您好，宽带断网确实影响生活和工作，真的很抱歉！您反映的{问题}我们已登记（工单号 {工单号}），已安排{地区}的装维人员优先处理。请私信我们宽带账号和方便上门的时间，我们会先远程检测线路和光猫状态，需要上门的当天为您安排，修复后会回访确认网络恢复正常。',
  ),
  t(
    'billing',
    '扣费疑问',
    '{用户昵称}您好，理解您对费用的担心，非常抱歉给您带来困扰！关于{问题}，我们已登记（工单号 {工单号}），会逐项核对您的账单明细和订购记录。请私信我们方便联系的方式（请勿在评论区公开号码），核实后如有不合理扣费，我们会为您全额退还并说明原因。',
  ),
  t(
    'plan_data',
    '套餐流量问题',
    '{用户昵称}您好，感谢您的反馈，给您带来不便很抱歉！关于{问题}，我们已登记（工单号 {工单号}），会核对您的套餐内容、流量使用明细和提醒设置。请私信我们，我们会帮您查清流量去向，并根据您的使用习惯推荐更合适的套餐，整个过程透明可查。',
  ),
  t(
    'service',
    '服务体验',
    '{用户昵称}您好，您的这次经历让我们很惭愧，诚恳地向您道歉！关于{问题}，我们已登记（工单号 {工单号}）并转交{地区}服务主管专人跟进。麻烦私信我们具体的营业厅或通话时间，我们会核实情况、改进服务，并在 24 小时内给您一个明确的答复。',
  ),
  t(
    'porting',
    '携号转网',
    '{用户昵称}您好，非常抱歉让您在办理携号转网时遇到阻碍！您反映的{问题}我们已登记（工单号 {工单号}）。携号转网是您的权利，我们会核查是否存在合约、欠费等限制，并如实告知您原因和解决办法。请私信我们，由专人一对一协助您办理。',
  ),
  t(
    'vas_spam',
    '增值业务与骚扰',
    '{用户昵称}您好，未经您同意的订购和骚扰信息确实令人反感，非常抱歉！关于{问题}，我们已登记（工单号 {工单号}），会立即核查订购来源。请私信我们，确认后我们会为您退订相关业务、退还不合理费用，并开通骚扰拦截服务。',
  ),
  t(
    'sim_device',
    'SIM卡与终端',
    '{用户昵称}您好，给您添麻烦了，很抱歉！关于{问题}，我们已登记（工单号 {工单号}），会帮您排查是 SIM 卡、终端设置还是网络的原因。请私信我们手机型号和出现问题的情况，必要时可到{地区}就近营业厅免费补换卡，我们会提前为您预约。',
  ),
  t(
    'privacy_fraud',
    '个人信息与诈骗',
    '{用户昵称}您好，您的担心我们非常重视，感谢您的提醒！关于{问题}，我们已登记（工单号 {工单号}）并转交信息安全团队核查。请注意不要在公开评论中透露号码、身份证等个人信息，请通过私信与我们联系。我们会彻查信息来源，必要时协助您向公安机关反映，并告知防范措施。',
  ),
  t(
    'five_g',
    '5G 网络',
    '{用户昵称}您好，抱歉让您的 5G 体验打了折扣！关于您在{地区}遇到的{问题}，我们已登记（工单号 {工单号}），网络工程师会核查当地 5G 覆盖和基站负载。请私信我们具体位置和终端型号，我们会告知优化计划和进展，也会检查您的套餐是否已正确开通 5G 功能。',
  ),
  t(
    'generic',
    '通用回复',
    '{用户昵称}您好，感谢您的反馈，给您带来不便非常抱歉！您反映的{问题}我们已登记（工单号 {工单号}），已安排专人跟进。为保护您的个人信息，请通过私信与我们联系，我们会在 24 小时内给您答复，说明原因和处理方案。也可拨打 {客服热线} 联系我们。',
  ),
];

/** The facts of a case that fill the placeholders. */
export interface TemplateFacts {
  caseId: number;
  nickname: string | null;
  region: string | null;
  categories: readonly string[];
  keywords: readonly string[];
  hotline: string | null;
}

/** A filled template, ready for the agent to edit. */
export interface SuggestedTemplate extends ResponseTemplate {
  /** The template text with placeholders, for editing from scratch. */
  template: string;
}

/**
 * The issue in neutral words: the category only. The post's own keywords stay out of a public reply,
 * since they are often insults (垃圾) or personal details.
 */
function issue(category: ResponseTemplate['category']): string {
  const label = category === 'generic' ? null : CATEGORY_LABELS[category];
  return label ? `${label}问题` : '问题';
}

/** Fill one template from the case facts; unknown facts get neutral wording. */
export function fillTemplate(tpl: ResponseTemplate, f: TemplateFacts): SuggestedTemplate {
  const values: Record<string, string> = {
    用户昵称: f.nickname ? `@${f.nickname} ` : '',
    地区: f.region ?? '您所在地区',
    问题: issue(tpl.category),
    工单号: `KB${String(f.caseId).padStart(6, '0')}`,
    客服热线: f.hotline ?? '客服热线',
  };
  const text = tpl.text.replace(/\{([^{}]+)\}/g, (m, name: string) => values[name] ?? m).replace(/^ +/, '');
  return { ...tpl, text, template: tpl.text };
}

/** Templates for the case's categories (in order), then the generic one. */
export function suggestTemplatesFor(f: TemplateFacts): SuggestedTemplate[] {
  const picked = RESPONSE_TEMPLATES.filter(
    (tpl) => tpl.category !== 'generic' && f.categories.includes(tpl.category),
  );
  const generic = RESPONSE_TEMPLATES.find((tpl) => tpl.category === 'generic');
  return [...picked, ...(generic ? [generic] : [])].map((tpl) => fillTemplate(tpl, f));
}
