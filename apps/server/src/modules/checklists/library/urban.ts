import type { LibraryChecklist } from './common.ts';
import { LAW as L } from './common.ts';

/**
 * 综合行政执法（城管）: illegal construction, street order, restaurant fumes, and gas use — in
 * Hangzhou the urban-management bureau is the gas authority, so how gas is used and where cylinders
 * stand is checked here; the cylinders themselves (inspection dates, scrapping) are market regulation's.
 */
export const URBAN_CHECKLIST: LibraryChecklist = {
  departmentCode: 'urban',
  code: 'URBAN-BASE',
  name: '城市管理与燃气安全检查表',
  nameEn: 'Urban management and gas safety checklist',
  items: [
    {
      code: 'URBAN-001', domain: 'urban_management', siteKinds: ['enterprise', 'street_shop', 'rental_housing', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '无未取得规划许可擅自搭建的建筑物、构筑物（人字顶、彩钢棚、加层等）',
      textEn: 'No buildings or structures (pitched-roof sheds, steel sheds, extra storeys) put up without planning permission',
      defaultLevel: 'general', legalBasis: `${L.planning}第四十条、第六十四条、第六十五条`,
      suggestedFix: '自行拆除违法建设；不能拆除的依法处理', defaultMode: 'centralised',
    },
    {
      code: 'URBAN-002', domain: 'urban_management', siteKinds: ['street_shop', 'rental_housing', 'high_rise'], answerType: 'pass_fail', photoRequired: true,
      text: '未违规搭建封闭式雨棚、阳光房或封闭露台',
      textEn: 'No illegally built enclosed awnings, sunrooms or enclosed terraces',
      defaultLevel: 'general', legalBasis: `${L.planning}第六十四条；《城市市容和环境卫生管理条例》`,
      suggestedFix: '拆除违规搭建的雨棚、阳光房', defaultMode: 'centralised',
    },
    {
      code: 'URBAN-003', domain: 'urban_management', siteKinds: ['street_shop'], answerType: 'pass_fail',
      text: '无出店经营、占道经营或占用人行道堆放物品',
      textEn: 'No trading or stacking goods outside the shop on the pavement or road',
      defaultLevel: 'general', legalBasis: '《城市市容和环境卫生管理条例》',
      suggestedFix: '立即将商品和物品收回店内', defaultMode: 'immediate',
    },
    {
      code: 'URBAN-004', domain: 'urban_management', siteKinds: ['street_shop', 'high_rise', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '户外招牌、广告牌安装牢固，无锈蚀、破损、松动等坠落风险',
      textEn: 'Shop signs and billboards are firmly fixed, with no rust, damage or looseness that could make them fall',
      defaultLevel: 'general', legalBasis: '《城市市容和环境卫生管理条例》',
      suggestedFix: '加固或拆除存在隐患的招牌广告牌，定期检查', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'URBAN-005', domain: 'environment', siteKinds: ['street_shop'], answerType: 'choice',
      choices: [
        { value: 'no_cooking', label: '不涉及油烟排放', fails: false },
        { value: 'working', label: '已安装油烟净化设施并正常使用', fails: false },
        { value: 'idle', label: '已安装但未正常使用、未清洗', fails: true },
        { value: 'missing', label: '未安装油烟净化设施', fails: true },
      ],
      text: '餐饮油烟净化设施',
      textEn: 'Restaurant cooking-fume purification',
      defaultLevel: 'general', legalBasis: `${L.air}第八十一条`,
      suggestedFix: '安装油烟净化设施并定期清洗维护，保持正常使用', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'URBAN-006', domain: 'gas', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '使用燃气的餐饮场所安装了可燃气体报警装置并能正常使用',
      textEn: 'Restaurants using gas have a working gas leak alarm',
      defaultLevel: 'general', legalBasis: `${L.safety}第三十六条第四款`,
      suggestedFix: '安装可燃气体报警装置，宜与紧急切断阀联动', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'URBAN-007', domain: 'gas', siteKinds: ['street_shop', 'rental_housing', 'high_rise', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '液化石油气钢瓶未在地下室、半地下室或住人房间内使用、存放',
      textEn: 'No LPG cylinders used or kept in basements, semi-basements or bedrooms',
      defaultLevel: 'general', legalBasis: `${L.gas}第二十八条第（五）项；${L.gb50028}`,
      suggestedFix: '立即将气瓶移出，改用管道燃气或在通风良好的地上专用间使用', defaultMode: 'immediate',
    },
    {
      code: 'URBAN-008', domain: 'gas', siteKinds: ['street_shop', 'rental_housing', 'other'], answerType: 'number',
      threshold: { op: '>', value: 2, unit: 'm' },
      text: '燃具连接软管长度（米）',
      textEn: 'Length of the flexible hose connecting the gas appliance (m)',
      defaultLevel: 'general', legalBasis: `${L.gb50028}：连接燃具的软管长度不应超过2m，中间不得有接口`,
      suggestedFix: '更换为不超过2米、无接口的燃气专用软管，宜采用金属波纹管', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'URBAN-009', domain: 'gas', siteKinds: ['street_shop', 'rental_housing', 'other'], answerType: 'pass_fail',
      text: '燃气软管未穿墙、未老化龟裂，两端用管卡固定',
      textEn: 'Gas hoses do not pass through walls, are not cracked with age, and are clamped at both ends',
      defaultLevel: 'general', legalBasis: L.gb50028,
      suggestedFix: '更换老化软管并用专用管卡固定', defaultMode: 'immediate',
    },
    {
      code: 'URBAN-010', domain: 'gas', siteKinds: ['street_shop', 'rental_housing', 'high_rise', 'other'], answerType: 'pass_fail',
      text: '燃气灶具带熄火保护装置，燃具与气源匹配',
      textEn: 'Gas cookers have flame-failure protection and suit the gas supplied',
      defaultLevel: 'general', legalBasis: `${L.gas}第二十八条第（三）项；GB 16410-2020《家用燃气灶具》`,
      suggestedFix: '更换带熄火保护装置、与气源匹配的合格灶具', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'URBAN-011', domain: 'gas', siteKinds: ['street_shop', 'rental_housing', 'high_rise'], answerType: 'pass_fail',
      text: '未擅自安装、改装、拆除户内燃气设施和燃气计量装置',
      textEn: 'No unauthorised installation, alteration or removal of indoor gas pipes or meters',
      defaultLevel: 'general', legalBasis: `${L.gas}第二十八条第（四）项`,
      suggestedFix: '由燃气经营企业恢复或规范改装燃气设施', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'URBAN-012', domain: 'gas', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '同一场所内液化石油气钢瓶与其他火源、可燃物保持安全距离，未与管道燃气混用',
      textEn: 'LPG cylinders are kept away from flames and combustibles and are not used alongside piped gas in the same premises',
      defaultLevel: 'general', legalBasis: `${L.gas}第二十八条；${L.gb50028}`,
      suggestedFix: '调整气瓶位置，停止混用，设置独立瓶组间', defaultMode: 'immediate',
    },
    {
      code: 'URBAN-013', domain: 'urban_management', siteKinds: ['street_shop'], answerType: 'pass_fail',
      text: '生活垃圾分类投放，餐厨垃圾交有资质单位收运',
      textEn: 'Waste is sorted, and kitchen waste goes to a licensed collector',
      defaultLevel: 'general', legalBasis: '《浙江省生活垃圾管理条例》',
      suggestedFix: '配置分类收集容器，与有资质单位签订餐厨垃圾收运协议', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'URBAN-014', domain: 'gas', siteKinds: ['street_shop'], answerType: 'photo', photoRequired: true,
      text: '拍摄厨房燃气设施全貌（气瓶或管道、连接管、灶具、报警器）',
      textEn: 'Photograph the kitchen gas installation (cylinder or pipe, hose, cooker, alarm)',
      defaultLevel: 'general', legalBasis: `${L.gas}；${L.safety}第三十六条第四款`,
      suggestedFix: '如发现问题按对应检查项整改', defaultMode: 'immediate',
    },
  ],
};
