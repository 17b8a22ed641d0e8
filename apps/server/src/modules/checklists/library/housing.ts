import type { LibraryChecklist } from './common.ts';
import { LAW as L } from './common.ts';

/**
 * 住建 (housing and construction): structural safety of self-built and rental housing, high-rise
 * façades, and building sites (kind "other"). Construction items are major only where the 2022
 * housing-and-municipal-works standard lists them.
 */
export const HOUSING_CHECKLIST: LibraryChecklist = {
  departmentCode: 'housing',
  code: 'HOUSING-BASE',
  name: '房屋与建筑施工安全检查表',
  nameEn: 'Building and construction safety checklist',
  items: [
    {
      code: 'HOUS-001', domain: 'construction', siteKinds: ['rental_housing', 'street_shop', 'high_rise', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '未擅自变动房屋建筑主体和承重结构（拆改承重墙、梁、柱、楼板）',
      textEn: 'No unauthorised alteration of the main structure or load-bearing elements (walls, beams, columns, slabs)',
      defaultLevel: 'general', legalBasis: '《建设工程质量管理条例》第十五条；《住宅室内装饰装修管理办法》第五条',
      suggestedFix: '委托有资质单位鉴定并出具加固方案，按方案恢复或加固', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'HOUS-002', domain: 'construction', siteKinds: ['rental_housing', 'street_shop', 'enterprise', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '房屋无明显裂缝、倾斜、沉降、构件锈蚀露筋等危险迹象',
      textEn: 'No visible cracks, tilt, settlement, corroded or exposed reinforcement or other signs of danger',
      defaultLevel: 'general', legalBasis: `${L.zjHouse}；《城市危险房屋管理规定》`,
      suggestedFix: '立即委托房屋安全鉴定，鉴定为危房的停止使用并撤离人员', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'HOUS-003', domain: 'construction', siteKinds: ['rental_housing', 'street_shop', 'other'], answerType: 'choice', photoRequired: true,
      choices: [
        { value: 'not_required', label: '非经营性自建房或不属于需鉴定情形', fails: false },
        { value: 'a_b', label: 'A级、B级（安全或基本安全）', fails: false },
        { value: 'c', label: 'C级（局部危房）', fails: true },
        { value: 'd', label: 'D级（整幢危房）', fails: true },
        { value: 'none', label: '应鉴定而未鉴定', fails: true },
      ],
      text: '经营性自建房（3层及以上、人员密集或违规改扩建）房屋安全鉴定结论',
      textEn: 'Safety appraisal grade of a self-built house used for business (3+ storeys, crowded, or illegally altered)',
      defaultLevel: 'general', legalBasis: `${L.selfBuilt}；${L.zjHouse}`,
      suggestedFix: 'C级限期加固，D级立即停止使用；未鉴定的委托有资质机构鉴定', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'HOUS-004', domain: 'construction', siteKinds: ['rental_housing', 'street_shop'], answerType: 'pass_fail',
      text: '自建房未违规加层、扩建，或擅自改变用途用于经营、出租',
      textEn: 'The self-built house has no illegal extra storeys or extensions and has not been turned into business or rental use without approval',
      defaultLevel: 'general', legalBasis: `${L.selfBuilt}；${L.planning}`,
      suggestedFix: '拆除违规加建部分；改变用途的经鉴定安全并办理手续后使用', defaultMode: 'centralised',
    },
    {
      code: 'HOUS-005', domain: 'construction', siteKinds: ['rental_housing'], answerType: 'pass_fail',
      text: '以原设计的房间为最小出租单位，厨房、卫生间、阳台和地下储藏室未出租供人员居住',
      textEn: 'Rooms are let as originally designed; kitchens, bathrooms, balconies and basement stores are not let as living space',
      defaultLevel: 'general', legalBasis: '《商品房屋租赁管理办法》（住房和城乡建设部令第6号）第八条',
      suggestedFix: '拆除违规隔断，停止将厨房、卫生间、阳台和地下储藏室出租住人', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'HOUS-006', domain: 'construction', siteKinds: ['high_rise'], answerType: 'pass_fail', photoRequired: true,
      text: '外墙饰面砖、外保温层、空调外机支架无空鼓、松动、脱落等高空坠落风险',
      textEn: 'Façade tiles, external insulation and air-conditioner brackets show no hollowness, looseness or detachment that could fall',
      defaultLevel: 'general', legalBasis: L.zjHouse,
      suggestedFix: '设置警戒区，委托专业单位检测并修缮', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'HOUS-007', domain: 'construction', siteKinds: ['high_rise'], answerType: 'pass_fail',
      text: '玻璃幕墙无玻璃破损、松动，按规定定期检查维护',
      textEn: 'Glass curtain walls have no broken or loose panes and are inspected and maintained regularly',
      defaultLevel: 'general', legalBasis: '住房城乡建设部 国家安全监管总局《关于进一步加强玻璃幕墙安全防护工作的通知》（建标〔2015〕38号）',
      suggestedFix: '更换破损玻璃，委托专业单位安全性检查', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'HOUS-008', domain: 'construction', siteKinds: ['high_rise', 'rental_housing'], answerType: 'pass_fail',
      text: '住宅室内装修开工前已申报登记，未损坏公共部位和设施',
      textEn: 'Home renovation was declared before starting and has not damaged common parts or services',
      defaultLevel: 'general', legalBasis: '《住宅室内装饰装修管理办法》（建设部令第110号）',
      suggestedFix: '补办装修申报登记，恢复受损公共部位', defaultMode: 'deadline', defaultDays: 15,
    },
    // —— 建筑施工（工地归入"其他"） Building sites (kind "other") ——
    {
      code: 'HOUS-009', domain: 'construction', siteKinds: ['other'], answerType: 'pass_fail',
      text: '危险性较大的分部分项工程（深基坑、高大模板、起重吊装、脚手架等）编制、审核了专项施工方案，超规模的经专家论证',
      textEn: 'Dangerous works (deep excavation, tall formwork, lifting, scaffolding) have a reviewed method statement, expert-reviewed when above the size threshold',
      defaultLevel: 'major', legalBasis: `${L.construction}；《建设工程安全生产管理条例》第二十六条；《危险性较大的分部分项工程安全管理规定》（住房和城乡建设部令第37号）`,
      suggestedFix: '停止相关作业，编制并审核专项施工方案，按规定组织专家论证', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'HOUS-010', domain: 'construction', siteKinds: ['other'], answerType: 'pass_fail',
      text: '建筑施工特种作业人员（塔吊司机、信号工、架子工、电工等）持证上岗',
      textEn: 'Construction special-operation workers (tower crane drivers, banksmen, scaffolders, electricians) are certified',
      defaultLevel: 'major', legalBasis: L.construction,
      suggestedFix: '停止无证人员作业，更换为持证人员', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'HOUS-011', domain: 'construction', siteKinds: ['other'], answerType: 'pass_fail', photoRequired: true,
      text: '临边、洞口、楼梯口、电梯井口设置了防护栏杆或盖板',
      textEn: 'Open edges, floor openings, stairwells and lift shafts have guard rails or covers',
      defaultLevel: 'general', legalBasis: 'JGJ 80-2016《建筑施工高处作业安全技术规范》',
      suggestedFix: '立即设置防护栏杆、盖板和安全网', defaultMode: 'immediate',
    },
    {
      code: 'HOUS-012', domain: 'electrical', siteKinds: ['other'], answerType: 'pass_fail',
      text: '施工现场临时用电采用TN-S接零保护系统，实行三级配电两级漏电保护，"一机一闸一漏一箱"',
      textEn: 'Site temporary power uses a TN-S system with three-level distribution, two-level RCD protection and one switch, RCD and box per machine',
      defaultLevel: 'general', legalBasis: 'JGJ 46-2005《施工现场临时用电安全技术规范》',
      suggestedFix: '由持证电工按规范整改临时用电系统', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'HOUS-013', domain: 'construction', siteKinds: ['other'], answerType: 'pass_fail',
      text: '施工现场宿舍未设在在建工程内，临时用房采用不燃材料，配备消防器材',
      textEn: 'Site dormitories are not inside the building under construction, temporary buildings are non-combustible and have extinguishers',
      defaultLevel: 'general', legalBasis: 'GB 50720-2011《建设工程施工现场消防安全技术规范》',
      suggestedFix: '将住宿人员迁出在建工程，临时用房改用A级材料，配齐灭火器', defaultMode: 'deadline', defaultDays: 7,
    },
  ],
};
