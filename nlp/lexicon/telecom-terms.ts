/**
 * Terms that put a text in the telecom domain (besides brand names). The shared training data had
 * rows with these removed, so the `telecom` feature is learned from our own corpus.
 */
export const TELECOM_CONTEXT =
  /运营商|宽带|流量|套餐|话费|信号|营业厅|携号转网|转网|光猫|副卡|停机|欠费|销户|限速|降速|基站|5g|4g|100(?:10|86|00|99)|合约机|靓号|彩铃|手机卡|电话卡|流量卡|号卡|工信部|联通|移动|电信|广电|天翼|动感地带|全球通|大王卡/;

/** True when the (normalized) text is about telecom services. */
export function isTelecom(text: string): boolean {
  return TELECOM_CONTEXT.test(text);
}
