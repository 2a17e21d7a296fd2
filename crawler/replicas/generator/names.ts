import type { Author } from '../types.ts';
import type { Random } from './prng.ts';
import { PROVINCES, type Province } from './regions.ts';

const NAME_HEADS = [
  '断网第三天的',
  '爱吃火锅的',
  '不想上班的',
  '被扣费的',
  '早睡早起的',
  '熬夜的',
  '路过的',
  '认真生活的',
  '话费又没了的',
  '快乐的',
  '小区里的',
  '骑电驴的',
  '',
];
const NAME_CORES = [
  '阿强',
  '小周',
  '老王',
  '猫咪',
  '打工人',
  '小李',
  '大白',
  '橘子',
  '阿杰',
  '芒果',
  '西瓜',
  '老张',
  '小鱼',
  '糖糖',
  '阿飞',
  '豆豆',
  '团子',
  '小林',
];
const NAME_TAILS = ['', '', '', '呀', '_', '酱', '同学', '本人'];
const SYLLABLES = [
  'xiao',
  'wang',
  'li',
  'zhang',
  'chen',
  'yu',
  'hao',
  'tian',
  'ming',
  'kuan',
  'dai',
  'jie',
  'fei',
  'lin',
  'mao',
  'qiang',
  'zhou',
  'bai',
];
const CLIENTS = [
  'iPhone客户端',
  'iPhone 15',
  'Android',
  '华为Mate 60',
  '小米14',
  'OPPO Reno',
  'vivo X100',
  '微博 weibo.com',
  '',
];

/** A province chosen by weight. */
export function pickProvince(rng: Random): Province {
  return rng.weighted(PROVINCES.map((p) => [p, p.weight] as const));
}

/** A display name such as `断网第三天的阿强` or `小周1987`. */
export function pickNickname(rng: Random): string {
  const digits = rng.chance(0.35) ? String(rng.int(1, 9999)) : '';
  return `${rng.pick(NAME_HEADS)}${rng.pick(NAME_CORES)}${rng.pick(NAME_TAILS)}${digits}`;
}

/** A latin login like `kuandai_xb`. */
export function pickLogin(rng: Random): string {
  return `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}_${rng.pick(SYLLABLES).slice(0, 2)}${rng.int(10, 999)}`;
}

/** Options for {@link makeAuthor}. */
export interface AuthorOptions {
  /** Force the province. Default: weighted random. */
  province?: string;
  /** Force the city. Default: a random city of the province. */
  city?: string;
}

/** A random author. Ids come from the caller so they stay unique across the store. */
export function makeAuthor(rng: Random, id: number, opts: AuthorOptions = {}): Author {
  const province = opts.province
    ? (PROVINCES.find((p) => p.name === opts.province) ?? pickProvince(rng))
    : pickProvince(rng);
  const city = opts.city ?? rng.pick(province.cities);
  const big = rng.chance(0.08);
  return {
    id,
    name: pickNickname(rng),
    login: pickLogin(rng),
    province: province.name,
    city,
    followers: big ? rng.int(10_000, 900_000) : rng.int(0, 3000),
    verified: big && rng.chance(0.5),
    gender: rng.chance(0.5) ? 'm' : 'f',
    client: rng.pick(CLIENTS),
  };
}
