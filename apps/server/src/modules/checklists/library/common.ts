import { SITE_KINDS, type CheckItemInput, type SiteKind } from '@anxun/contracts';

/** One department's built-in checklist, installed as version 1 of a checklist it owns. */
export interface LibraryChecklist {
  /** The department's code (demo departments: fire, police, emergency, urban, market, housing, ecology). */
  departmentCode: string;
  code: string;
  name: string;
  nameEn: string;
  items: CheckItemInput[];
}

export const ALL_KINDS: SiteKind[] = [...SITE_KINDS];
/** Places people live or gather in numbers, where escape routes matter most. */
export const DWELLINGS: SiteKind[] = ['rental_housing', 'high_rise'];
/** Where 人员密集场所 rules apply in practice: shops, public places, dormitories of labour-intensive firms. */
export const CROWDED: SiteKind[] = ['street_shop', 'other'];

/** Written out once: the names are long and must be spelled identically everywhere. */
export const LAW = {
  fire: '《中华人民共和国消防法》',
  gb35181: 'GB 35181-2017《重大火灾隐患判定方法》',
  gb50016: 'GB 50016-2014（2018年版）《建筑设计防火规范》',
  safety: '《中华人民共和国安全生产法》',
  gongmao: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
  highRise: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）',
  ga703: 'GA 703-2007《住宿与生产储存经营合用场所消防安全技术要求》',
  zjFire: '《浙江省消防条例》',
  ebikeNotice: '公安部《关于规范电动车停放充电加强火灾防范的通告》（2017年）',
  gas: '《城镇燃气管理条例》',
  gb50028: 'GB 50028《城镇燃气设计规范》',
  confined: '《工贸企业有限空间作业安全规定》（应急管理部令第13号）',
  hazchem: '《危险化学品安全管理条例》',
  specialEquipment: '《中华人民共和国特种设备安全法》',
  food: '《中华人民共和国食品安全法》',
  planning: '《中华人民共和国城乡规划法》',
  solidWaste: '《中华人民共和国固体废物污染环境防治法》',
  air: '《中华人民共和国大气污染防治法》',
  water: '《中华人民共和国水污染防治法》',
  selfBuilt: '《全国自建房安全专项整治工作方案》（国办发明电〔2022〕10号）',
  zjHouse: '《浙江省房屋使用安全管理条例》',
  construction: '《房屋市政工程生产安全重大事故隐患判定标准（2022版）》',
} as const;
