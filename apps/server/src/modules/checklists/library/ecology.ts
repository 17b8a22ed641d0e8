import type { LibraryChecklist } from './common.ts';
import { LAW as L } from './common.ts';

/**
 * 生态环境 (ecology and environment): hazardous waste, emissions, and the safety of environmental
 * installations (activated carbon, RTO, dust collectors), which have caused fires and explosions.
 * Article numbers are omitted where the exact article was not certain.
 */
export const ECOLOGY_CHECKLIST: LibraryChecklist = {
  departmentCode: 'ecology',
  code: 'ECOLOGY-BASE',
  name: '生态环境检查表',
  nameEn: 'Environmental checklist',
  items: [
    {
      code: 'ECO-001', domain: 'environment', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail', photoRequired: true,
      text: '危险废物贮存场所设置识别标志，采取防渗漏、防雨淋、防扬散措施',
      textEn: 'Hazardous waste stores are signposted and protected against leaks, rain and dispersal',
      defaultLevel: 'general', legalBasis: `${L.solidWaste}；GB 18597-2023《危险废物贮存污染控制标准》`,
      suggestedFix: '规范建设危废贮存间，设置标志、防渗地面和导流收集设施', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'ECO-002', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '制定危险废物管理计划，建立管理台账并如实申报',
      textEn: 'There is a hazardous waste management plan and a ledger, declared truthfully',
      defaultLevel: 'general', legalBasis: L.solidWaste,
      suggestedFix: '制定管理计划，建立台账并在信息系统申报', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'ECO-003', domain: 'environment', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail', photoRequired: true,
      text: '危险废物（废机油、废漆渣、废活性炭、废包装桶等）未混入生活垃圾或一般固废，交有资质单位处置',
      textEn: 'Hazardous waste (used oil, paint sludge, spent carbon, empty chemical drums) is not mixed with ordinary waste and goes to a licensed handler',
      defaultLevel: 'general', legalBasis: L.solidWaste,
      suggestedFix: '分类收集危险废物，与有资质单位签订处置合同并执行转移联单', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'ECO-004', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '产生挥发性有机物废气的工序在密闭空间或设备中进行，并配套废气收集处理设施',
      textEn: 'Processes emitting VOCs run in enclosed spaces or equipment with gas collection and treatment',
      defaultLevel: 'general', legalBasis: L.air,
      suggestedFix: '实施密闭改造并安装废气收集处理设施', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'ECO-005', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '废气、废水污染防治设施正常运行，无停运、旁路直排',
      textEn: 'Air and water pollution controls run normally, with no shutdowns or bypass discharges',
      defaultLevel: 'general', legalBasis: `${L.air}；${L.water}`,
      suggestedFix: '立即恢复设施运行，封堵旁路，建立运行台账', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'ECO-006', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '活性炭吸附、RTO焚烧、除尘器等环保设施开展了安全风险辨识评估，落实防火防爆措施',
      textEn: 'Environmental installations (activated carbon, RTO, dust collectors) have had a safety risk assessment and fire and explosion controls',
      defaultLevel: 'general', legalBasis: `${L.safety}第四十一条`,
      suggestedFix: '委托专业机构开展安全风险评估，落实温度监测、泄爆、阻火等措施', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'ECO-007', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '依法取得排污许可证或完成排污登记',
      textEn: 'Holds a pollutant discharge permit or has completed discharge registration',
      defaultLevel: 'general', legalBasis: '《排污许可管理条例》',
      suggestedFix: '在全国排污许可证管理信息平台申领许可证或登记', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'ECO-008', domain: 'environment', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail',
      text: '雨污分流，生产废水、洗车废水未排入雨水管网',
      textEn: 'Storm and foul drainage are separate; no process or car-wash water goes into storm drains',
      defaultLevel: 'general', legalBasis: L.water,
      suggestedFix: '改造管网实现雨污分流，废水经处理后纳管', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'ECO-009', domain: 'environment', siteKinds: ['enterprise'], answerType: 'pass_fail',
      text: '编制了突发环境事件应急预案并备案，设置事故应急池或围堰',
      textEn: 'There is a filed environmental emergency plan and an emergency pond or bund',
      defaultLevel: 'general', legalBasis: '《突发环境事件应急管理办法》（环境保护部令第34号）',
      suggestedFix: '编制并备案应急预案，建设事故应急池或围堰', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'ECO-010', domain: 'environment', siteKinds: ['enterprise', 'other', 'rental_housing'], answerType: 'pass_fail',
      text: '无露天焚烧垃圾、废料、秸秆等行为',
      textEn: 'No open burning of rubbish, waste materials or straw',
      defaultLevel: 'general', legalBasis: L.air,
      suggestedFix: '立即熄灭，清运残余物', defaultMode: 'immediate',
    },
    {
      code: 'ECO-011', domain: 'environment', siteKinds: ['other'], answerType: 'pass_fail', photoRequired: true,
      text: '施工工地设置硬质围挡，裸土覆盖，出入车辆冲洗，落实扬尘防治措施',
      textEn: 'Building sites have solid hoardings, covered bare soil and wheel washing to control dust',
      defaultLevel: 'general', legalBasis: L.air,
      suggestedFix: '补设围挡、覆盖裸土、设置冲洗设施并洒水抑尘', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'ECO-012', domain: 'environment', siteKinds: ['enterprise'], answerType: 'photo', photoRequired: true,
      text: '拍摄危险废物贮存场所及标志现状',
      textEn: 'Photograph the hazardous waste store and its signs',
      defaultLevel: 'general', legalBasis: `${L.solidWaste}；GB 18597-2023《危险废物贮存污染控制标准》`,
      suggestedFix: '如发现问题按对应检查项整改', defaultMode: 'immediate',
    },
  ],
};
