import type { LibraryChecklist } from './common.ts';

/**
 * 公安 (public security): rental registration, short-let lodging, e-bikes, controlled chemicals and
 * trades under police oversight. E-bike parking and charging places are the fire list's; here only
 * what the police enforce (modification, registration).
 */
export const POLICE_CHECKLIST: LibraryChecklist = {
  departmentCode: 'police',
  code: 'POLICE-BASE',
  name: '治安管理检查表',
  nameEn: 'Public security checklist',
  items: [
    {
      code: 'POL-001', domain: 'public_security', siteKinds: ['rental_housing'], answerType: 'pass_fail',
      text: '出租人查验承租人有效身份证件，如实登记并按规定报送流动人口居住信息',
      textEn: 'The landlord checks tenants\' identity documents, records them truthfully and reports residence information as required',
      defaultLevel: 'general', legalBasis: '《租赁房屋治安管理规定》（公安部令第24号）；《浙江省流动人口居住登记条例》',
      suggestedFix: '补齐承租人登记信息并报送属地派出所', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'POL-002', domain: 'public_security', siteKinds: ['rental_housing'], answerType: 'number',
      threshold: { op: '>', value: 0, unit: '人' },
      text: '现场核查发现的未登记居住人数（人）',
      textEn: 'Residents found on site who are not registered',
      defaultLevel: 'general', legalBasis: '《浙江省流动人口居住登记条例》',
      suggestedFix: '督促出租人和承租人当日补办居住登记', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'POL-003', domain: 'public_security', siteKinds: ['rental_housing'], answerType: 'pass_fail',
      text: '出租房未违规用作日租房、民宿等旅馆业经营，或已落实旅客住宿实名登记',
      textEn: 'The rental is not run as an unlicensed short-let or guesthouse, or guests are registered by real name',
      defaultLevel: 'general', legalBasis: '《旅馆业治安管理办法》第六条',
      suggestedFix: '停止无证日租经营；确需经营的依法办理手续并落实实名登记', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'POL-004', domain: 'public_security', siteKinds: ['rental_housing'], answerType: 'pass_fail',
      text: '出租人与承租人签订了租赁合同及治安、消防安全责任书',
      textEn: 'Landlord and tenant have signed a lease and a public-security and fire-safety responsibility agreement',
      defaultLevel: 'general', legalBasis: '《租赁房屋治安管理规定》（公安部令第24号）',
      suggestedFix: '补签租赁合同和安全责任书', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'POL-005', domain: 'fire', siteKinds: ['rental_housing', 'high_rise', 'street_shop'], answerType: 'pass_fail', photoRequired: true,
      text: '电动自行车未非法改装、加装或更换大容量蓄电池',
      textEn: 'E-bikes have not been illegally modified or fitted with extra or oversized batteries',
      defaultLevel: 'general', legalBasis: '《浙江省电动自行车管理条例》；GB 17761-2018《电动自行车安全技术规范》',
      suggestedFix: '恢复原厂配置，拆除加装电池', defaultMode: 'immediate',
    },
    {
      code: 'POL-006', domain: 'public_security', siteKinds: ['rental_housing', 'enterprise'], answerType: 'pass_fail',
      text: '居住人员、员工使用的电动自行车已登记上牌',
      textEn: 'E-bikes used by residents or staff are registered and plated',
      defaultLevel: 'general', legalBasis: '《浙江省电动自行车管理条例》',
      suggestedFix: '督促车主到登记点办理登记上牌', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'POL-007', domain: 'hazardous_chemicals', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail', photoRequired: true,
      text: '易制爆危险化学品储存于专用仓库或储存室，双人收发、双人保管，设置技防设施',
      textEn: 'Explosive-precursor chemicals are kept in a dedicated store under two-person issue and custody, with security devices',
      defaultLevel: 'general', legalBasis: '《易制爆危险化学品治安管理办法》（公安部令第154号）',
      suggestedFix: '设置专用储存场所，落实双人双锁和视频监控', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'POL-008', domain: 'hazardous_chemicals', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail',
      text: '易制爆危险化学品购买、销售、使用如实登记流向并按规定备案',
      textEn: 'Purchases, sales and use of explosive-precursor chemicals are recorded and filed as required',
      defaultLevel: 'general', legalBasis: '《易制爆危险化学品治安管理办法》（公安部令第154号）',
      suggestedFix: '建立流向登记台账并向公安机关备案', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'POL-009', domain: 'hazardous_chemicals', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '易制毒化学品按规定办理购买备案或许可，建立管理台账',
      textEn: 'Drug-precursor chemicals are bought under the required filing or licence and logged',
      defaultLevel: 'general', legalBasis: '《易制毒化学品管理条例》',
      suggestedFix: '补办备案或许可，建立台账', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'POL-010', domain: 'public_security', siteKinds: ['enterprise', 'other'], answerType: 'pass_fail',
      text: '财务室、危险品库等治安保卫重点部位设置了视频监控、防盗等技防设施',
      textEn: 'Key security points (cash office, dangerous goods store) have CCTV and anti-theft devices',
      defaultLevel: 'general', legalBasis: '《企业事业单位内部治安保卫条例》',
      suggestedFix: '加装视频监控和防盗设施并保存录像', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'POL-011', domain: 'public_security', siteKinds: ['street_shop'], answerType: 'pass_fail',
      text: '废旧金属收购站点如实登记收购的生产性废旧金属',
      textEn: 'Scrap-metal dealers record purchases of industrial scrap truthfully',
      defaultLevel: 'general', legalBasis: '《废旧金属收购业治安管理办法》',
      suggestedFix: '建立收购登记簿，如实登记出售人身份和物品', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'POL-012', domain: 'public_security', siteKinds: ['street_shop'], answerType: 'pass_fail',
      text: '快递、物流网点落实收寄验视和实名收寄',
      textEn: 'Parcel and logistics outlets inspect items and record senders\' real names',
      defaultLevel: 'general', legalBasis: '《中华人民共和国反恐怖主义法》；《快递暂行条例》',
      suggestedFix: '落实开箱验视和实名登记制度', defaultMode: 'deadline', defaultDays: 3,
    },
  ],
};
