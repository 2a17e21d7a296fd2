/** China's 34 provincial-level divisions with major cities, weighted roughly by online population. */

/** One province as Weibo's `region_name` and Tieba's `IP属地` show it (short form, e.g. `广东`). */
export interface Province {
  /** Short name as shown after 发布于 / IP属地. */
  name: string;
  /** Relative weight of posts from this province. */
  weight: number;
  /** Prefecture-level cities (or districts for municipalities). */
  cities: readonly string[];
}

export const PROVINCES: readonly Province[] = [
  { name: '广东', weight: 12, cities: ['广州', '深圳', '东莞', '佛山', '珠海', '汕头', '惠州', '湛江'] },
  { name: '北京', weight: 6, cities: ['北京'] },
  { name: '上海', weight: 6, cities: ['上海'] },
  { name: '天津', weight: 2, cities: ['天津'] },
  { name: '重庆', weight: 3, cities: ['重庆'] },
  { name: '江苏', weight: 7, cities: ['南京', '苏州', '无锡', '常州', '南通', '徐州', '扬州'] },
  { name: '浙江', weight: 6, cities: ['杭州', '宁波', '温州', '金华', '绍兴', '嘉兴', '台州'] },
  { name: '山东', weight: 6, cities: ['济南', '青岛', '烟台', '潍坊', '临沂', '淄博', '济宁'] },
  { name: '河南', weight: 5, cities: ['郑州', '洛阳', '开封', '南阳', '新乡', '商丘'] },
  { name: '四川', weight: 5, cities: ['成都', '绵阳', '宜宾', '南充', '德阳', '泸州'] },
  { name: '湖北', weight: 4, cities: ['武汉', '宜昌', '襄阳', '荆州', '黄石', '十堰'] },
  { name: '湖南', weight: 4, cities: ['长沙', '株洲', '湘潭', '衡阳', '岳阳', '常德'] },
  { name: '河北', weight: 4, cities: ['石家庄', '保定', '唐山', '邯郸', '廊坊', '沧州'] },
  { name: '福建', weight: 3, cities: ['福州', '厦门', '泉州', '漳州', '莆田'] },
  { name: '安徽', weight: 3, cities: ['合肥', '芜湖', '蚌埠', '安庆', '阜阳'] },
  { name: '陕西', weight: 3, cities: ['西安', '宝鸡', '咸阳', '渭南', '延安'] },
  { name: '辽宁', weight: 3, cities: ['沈阳', '大连', '鞍山', '抚顺', '锦州'] },
  { name: '江西', weight: 2, cities: ['南昌', '赣州', '九江', '上饶', '宜春'] },
  { name: '广西', weight: 2, cities: ['南宁', '柳州', '桂林', '玉林', '北海'] },
  { name: '云南', weight: 2, cities: ['昆明', '曲靖', '大理', '玉溪', '丽江'] },
  { name: '山西', weight: 2, cities: ['太原', '大同', '长治', '运城', '临汾'] },
  { name: '黑龙江', weight: 2, cities: ['哈尔滨', '齐齐哈尔', '大庆', '牡丹江', '佳木斯'] },
  { name: '吉林', weight: 1.5, cities: ['长春', '吉林', '四平', '延边', '通化'] },
  { name: '贵州', weight: 1.5, cities: ['贵阳', '遵义', '六盘水', '安顺', '毕节'] },
  { name: '内蒙古', weight: 1, cities: ['呼和浩特', '包头', '鄂尔多斯', '赤峰', '呼伦贝尔'] },
  { name: '新疆', weight: 1, cities: ['乌鲁木齐', '克拉玛依', '喀什', '伊犁', '石河子'] },
  { name: '甘肃', weight: 1, cities: ['兰州', '天水', '酒泉', '嘉峪关', '白银'] },
  { name: '海南', weight: 1, cities: ['海口', '三亚', '儋州', '琼海'] },
  { name: '宁夏', weight: 0.5, cities: ['银川', '石嘴山', '吴忠', '固原'] },
  { name: '青海', weight: 0.5, cities: ['西宁', '海东', '格尔木'] },
  { name: '西藏', weight: 0.3, cities: ['拉萨', '日喀则', '林芝'] },
  { name: '香港', weight: 0.4, cities: ['香港'] },
  { name: '澳门', weight: 0.2, cities: ['澳门'] },
  { name: '台湾', weight: 0.2, cities: ['台北', '高雄', '台中'] },
];

/** Districts used for hyper-local complaints ("广州天河"), keyed by city. */
export const DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  广州: ['天河', '越秀', '海珠', '白云', '番禺', '黄埔', '荔湾'],
  深圳: ['南山', '福田', '宝安', '龙岗', '罗湖', '龙华'],
  北京: ['朝阳', '海淀', '丰台', '昌平', '通州', '大兴'],
  上海: ['浦东', '闵行', '徐汇', '宝山', '杨浦', '松江'],
  杭州: ['西湖', '余杭', '萧山', '拱墅', '滨江'],
  成都: ['武侯', '锦江', '高新', '双流', '郫都'],
  武汉: ['洪山', '江汉', '武昌', '江夏', '汉阳'],
  南京: ['鼓楼', '江宁', '秦淮', '浦口', '栖霞'],
  重庆: ['渝北', '江北', '南岸', '沙坪坝', '九龙坡'],
  天津: ['南开', '河西', '滨海新区', '和平', '西青'],
};

/** Generic neighbourhood names for cities without a district table. */
export const GENERIC_DISTRICTS: readonly string[] = ['城区', '开发区', '高新区', '新区', '老城区'];

/** The districts of a city (generic names when the city has no table). */
export function districtsOf(city: string): readonly string[] {
  return DISTRICTS[city] ?? GENERIC_DISTRICTS;
}
