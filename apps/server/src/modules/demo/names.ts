import type { Rng } from './random.ts';

// Surnames common in Xiaoshan first, then the national top ones.
const SURNAMES = [...'陈王沈俞来韩高孔施赵徐李张周朱钱傅方金汪楼倪孙杨吴黄刘何郑胡林马章蒋宋叶毛夏姚邵郭洪鲁'];
const GIVEN = [...'建国伟强军平华明芳丽英红秀兰燕霞林杰勇斌涛鹏浩波辉刚峰磊敏静婷玲萍娟洁慧琴云飞海宏亮文荣根法水祥福春梅忠良德志新娣仙凤'];

export function personName(rng: Rng): string {
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

const PLACE_FIRST = [...'东西南北新长永光明建群联友民航梅沙坎党湖塘河桥安兴和益丰盛华胜前后江凤荷桃义靖云山'];
const PLACE_SECOND = [...'恩林巷港兴联丰华明民光安湖塘桥山坞浦江河盛胜利园庄村湾头圩家里星福围'];

/** Two-character place names, unique within one call, e.g. "东恩", "梅林". */
export function placeNames(rng: Rng, count: number, reserved: ReadonlySet<string> = new Set()): string[] {
  if (count > PLACE_FIRST.length * PLACE_SECOND.length - reserved.size) throw new Error(`too many place names: ${count}`);
  const used = new Set(reserved);
  const out: string[] = [];
  while (out.length < count) {
    const a = rng.pick(PLACE_FIRST);
    const b = rng.pick(PLACE_SECOND);
    const name = a + b;
    if (a === b || used.has(name)) continue;
    used.add(name);
    out.push(name);
  }
  return out;
}

const ROAD_SUFFIXES = ['路', '街', '东路', '西路', '南路', '北路', '一路', '二路', '大道', '弄', '巷'];

/** Roads named after the village, e.g. "东恩路", "东恩西路"; distinct within the village. */
export function roadNames(place: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / ROAD_SUFFIXES.length);
    out.push(`${place}${round > 0 ? round + 1 : ''}${ROAD_SUFFIXES[i % ROAD_SUFFIXES.length]!}`);
  }
  return out;
}

// Trade names (字号) built from auspicious characters, as most small firms' are.
const BRAND = [...'鑫盛宏达恒泰兴旺华通裕丰顺隆昌源利豪锦新力诚远骏凯威博亿金永安康富瑞祥佳美天宇星众合'];

export function brand(rng: Rng): string {
  let a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (a === b) b = rng.pick(BRAND);
  if (rng.chance(0.1)) [a, b] = [b, a];
  return a + b;
}

/** Enterprise industries (Guali: textiles, chemical fibre and dyeing lead) with their name stems. */
const INDUSTRIES: Record<string, { weight: number; stems: string[] }> = {
  纺织: { weight: 18, stems: ['纺织', '织造', '经编'] },
  化纤: { weight: 12, stems: ['化纤', '化纤纺织'] },
  印染: { weight: 6, stems: ['印染', '染整'] },
  机械制造: { weight: 14, stems: ['机械', '精密机械', '机电'] },
  五金: { weight: 10, stems: ['五金', '五金制品'] },
  塑料制品: { weight: 8, stems: ['塑料制品', '塑业'] },
  家具: { weight: 6, stems: ['家具', '木业'] },
  电子: { weight: 6, stems: ['电子', '电器'] },
  汽车配件: { weight: 6, stems: ['汽车配件', '汽配'] },
  服装: { weight: 5, stems: ['服饰', '制衣'] },
  包装: { weight: 4, stems: ['包装材料', '纸制品'] },
  建材: { weight: 3, stems: ['建材', '新型建材'] },
  仓储物流: { weight: 2, stems: ['物流', '仓储'] },
};
const INDUSTRY_WEIGHTS = Object.fromEntries(Object.entries(INDUSTRIES).map(([k, v]) => [k, v.weight]));

export function enterpriseName(rng: Rng, townShort: string): { name: string; industry: string } {
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const stem = rng.pick(INDUSTRIES[industry]!.stems);
  const region = rng.chance(0.75) ? `杭州${townShort}` : '杭州萧山';
  const form = rng.chance(0.06) ? '股份有限公司' : '有限公司';
  return { name: `${region}${brand(rng)}${stem}${form}`, industry };
}

const SHOPS: readonly { type: string; industry: string; weight: number }[] = [
  { type: '便利店', industry: '零售', weight: 14 },
  { type: '超市', industry: '零售', weight: 5 },
  { type: '五金店', industry: '五金零售', weight: 7 },
  { type: '小吃店', industry: '餐饮', weight: 12 },
  { type: '面馆', industry: '餐饮', weight: 6 },
  { type: '早餐店', industry: '餐饮', weight: 5 },
  { type: '快餐店', industry: '餐饮', weight: 5 },
  { type: '理发店', industry: '美容美发', weight: 8 },
  { type: '电动车行', industry: '电动车销售维修', weight: 7 },
  { type: '水果店', industry: '零售', weight: 5 },
  { type: '服装店', industry: '服装零售', weight: 6 },
  { type: '手机店', industry: '通讯器材', weight: 4 },
  { type: '汽修店', industry: '汽车维修', weight: 4 },
  { type: '药店', industry: '医药零售', weight: 3 },
  { type: '棋牌室', industry: '休闲娱乐', weight: 3 },
  { type: '建材店', industry: '建材零售', weight: 3 },
];
const SHOP_WEIGHTS = Object.fromEntries(SHOPS.map((s, i) => [String(i), s.weight]));

export function shopName(rng: Rng): { name: string; industry: string } {
  const shop = SHOPS[Number(rng.weighted(SHOP_WEIGHTS))]!;
  const style = rng.next();
  const owner = rng.pick(SURNAMES);
  const prefix = style < 0.45 ? brand(rng) : style < 0.65 ? `${owner}记` : style < 0.85 ? `老${owner}` : `阿${rng.pick(GIVEN)}`;
  return { name: prefix + shop.type, industry: shop.industry };
}

export function highRiseName(rng: Rng): { name: string; industry: string } {
  const b = brand(rng);
  const style = rng.int(0, 3);
  if (style === 0) return { name: `${b}大厦`, industry: '商业办公' };
  if (style === 1) return { name: `${b}国际中心${rng.int(1, 3)}号楼`, industry: '商业办公' };
  if (style === 2) return { name: `${b}花苑${rng.int(1, 18)}幢`, industry: '高层住宅' };
  return { name: `${b}公寓${rng.int(1, 8)}幢`, industry: '高层住宅' };
}

const OTHER = [
  { suffix: '文化礼堂', industry: '公共场所' },
  { suffix: '农贸市场', industry: '集贸市场' },
  { suffix: '老年活动中心', industry: '公共场所' },
  { suffix: '幼儿园', industry: '教育' },
  { suffix: '卫生服务站', industry: '医疗' },
  { suffix: '废品回收站', industry: '再生资源回收' },
] as const;

/** Public places and the like; named after the village so each reads as that village's own. */
export function otherName(rng: Rng, village: string): { name: string; industry: string } {
  const kind = rng.pick(OTHER);
  const name = kind.suffix === '幼儿园' || kind.suffix === '废品回收站' ? `${village}${brand(rng)}${kind.suffix}` : `${village}${kind.suffix}`;
  return { name, industry: kind.industry };
}
