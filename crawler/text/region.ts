/**
 * Province-level region from the sites' location strings: "发布于 广东" (Weibo region_name),
 * "来自广东" (Weibo comments), "IP属地:福建" (Tieba), "IP 属地广东" (Zhihu), "广东省", or a bare "广东".
 */

const FULL_NAMES: Record<string, string> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

/** Values that mean "no region". */
const UNKNOWN = new Set(['', '其他', '未知', '保密', 'null', 'undefined']);

/** The province (short form, e.g. `广东`) or null when unknown. */
export function parseRegion(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.replace(/\s+/g, ' ').trim();
  text = text.replace(/^(?:发布于|来自|IP ?属地[:：]?)\s*/i, '').trim();
  // region_name is "发布于 广东": the last whitespace-separated token is the place (sources.md §1.1).
  text = text.split(' ').at(-1) ?? '';
  if (UNKNOWN.has(text)) return null;
  const full = FULL_NAMES[text];
  if (full) return full;
  const short = text.replace(/(?:省|市)$/, '');
  return short.length > 0 && short.length <= 8 ? short : null;
}
