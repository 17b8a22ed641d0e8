import type { LibraryChecklist } from './common.ts';
import { LAW as L } from './common.ts';

/** 市场监管 (market regulation): food businesses and special equipment, including gas cylinders. */
export const MARKET_CHECKLIST: LibraryChecklist = {
  departmentCode: 'market',
  code: 'MARKET-BASE',
  name: '食品与特种设备安全检查表',
  nameEn: 'Food and special equipment safety checklist',
  items: [
    // —— 食品安全 Food ——
    {
      code: 'MKT-001', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '取得食品经营许可（或小餐饮、小作坊登记）且在有效期内，并在显著位置公示',
      textEn: 'Holds a valid food business licence (or small-eatery / workshop registration) displayed prominently',
      defaultLevel: 'general', legalBasis: `${L.food}第三十五条；《食品经营许可和备案管理办法》`,
      suggestedFix: '办理或延续食品经营许可，许可证正本悬挂于显著位置', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'MKT-002', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '从事接触直接入口食品工作的从业人员持有有效健康证明',
      textEn: 'Staff handling ready-to-eat food hold a valid health certificate',
      defaultLevel: 'general', legalBasis: `${L.food}第四十五条`,
      suggestedFix: '安排从业人员体检取得健康证明，未取得前调离直接入口食品岗位', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'MKT-003', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '无超过保质期、腐败变质或标签不全的食品及原料',
      textEn: 'No food or ingredients past their use-by date, spoiled or without a proper label',
      defaultLevel: 'general', legalBasis: `${L.food}第三十四条`,
      suggestedFix: '立即下架并销毁问题食品，建立定期检查库存制度', defaultMode: 'immediate',
    },
    {
      code: 'MKT-004', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '生熟食品、原料与成品分开存放和加工，无交叉污染',
      textEn: 'Raw and cooked food, ingredients and finished dishes are stored and prepared separately',
      defaultLevel: 'general', legalBasis: `${L.food}第三十三条`,
      suggestedFix: '分设生熟加工区、刀具砧板和冷藏空间并做好标识', defaultMode: 'immediate',
    },
    {
      code: 'MKT-005', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '设有防蝇、防鼠、防尘设施并正常使用',
      textEn: 'Fly, rodent and dust protection is installed and in use',
      defaultLevel: 'general', legalBasis: `${L.food}第三十三条`,
      suggestedFix: '安装纱窗、挡鼠板、灭蝇灯等设施', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'MKT-006', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '餐饮具清洗消毒设施齐全并按规定清洗消毒，消毒后保洁存放',
      textEn: 'Tableware is washed and disinfected with proper equipment and kept clean afterwards',
      defaultLevel: 'general', legalBasis: `${L.food}第三十三条；《餐饮服务食品安全操作规范》`,
      suggestedFix: '配置消毒柜和保洁柜，落实清洗消毒流程', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'MKT-007', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '食品添加剂专柜（位）存放、专人管理，使用有记录',
      textEn: 'Food additives are kept in a dedicated cabinet under one person\'s control, with a usage log',
      defaultLevel: 'general', legalBasis: '《餐饮服务食品安全操作规范》',
      suggestedFix: '设置添加剂专柜并建立使用记录', defaultMode: 'deadline', defaultDays: 7,
    },
    {
      code: 'MKT-008', domain: 'food', siteKinds: ['street_shop', 'other'], answerType: 'pass_fail',
      text: '建立食品进货查验记录，留存供货者许可证和合格证明',
      textEn: 'Purchases are checked and logged, keeping suppliers\' licences and certificates of conformity',
      defaultLevel: 'general', legalBasis: `${L.food}第五十三条`,
      suggestedFix: '建立进货查验台账并留存票证', defaultMode: 'deadline', defaultDays: 7,
    },
    // —— 特种设备 Special equipment ——
    {
      code: 'MKT-009', domain: 'special_equipment', siteKinds: ['enterprise', 'high_rise', 'other'], answerType: 'pass_fail',
      text: '锅炉、压力容器、电梯、起重机械、叉车等特种设备办理了使用登记，登记标志置于显著位置',
      textEn: 'Boilers, pressure vessels, lifts, cranes, forklifts and other special equipment are registered, with the registration mark displayed',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}第三十三条`,
      suggestedFix: '向特种设备安全监督管理部门办理使用登记', defaultMode: 'deadline', defaultDays: 30,
    },
    {
      code: 'MKT-010', domain: 'special_equipment', siteKinds: ['enterprise', 'high_rise', 'street_shop', 'other'], answerType: 'pass_fail', photoRequired: true,
      text: '特种设备在检验有效期内，未使用超期未检或检验不合格的设备',
      textEn: 'Special equipment is within its inspection period; nothing overdue or failed is in use',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}第四十条`,
      suggestedFix: '停止使用超期设备，申请定期检验，合格后方可使用', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'MKT-011', domain: 'special_equipment', siteKinds: ['enterprise', 'other'], answerType: 'pass_fail',
      text: '叉车司机、锅炉司炉、起重机司机等特种设备作业人员持证上岗',
      textEn: 'Forklift drivers, boiler operators, crane drivers and other special equipment operators are certified',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}第十四条`,
      suggestedFix: '停止无证人员操作，安排培训考核取证', defaultMode: 'deadline', defaultDays: 15,
    },
    {
      code: 'MKT-012', domain: 'special_equipment', siteKinds: ['high_rise'], answerType: 'number',
      threshold: { op: '>', value: 15, unit: '天' },
      text: '电梯距上次维护保养的天数（天）',
      textEn: 'Days since the lift was last maintained',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}；TSG T5002-2017《电梯维护保养规则》：至少每15日进行一次清洁、润滑、调整和检查`,
      suggestedFix: '督促维保单位按期维保并在轿厢内公示维保记录', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'MKT-013', domain: 'special_equipment', siteKinds: ['high_rise'], answerType: 'pass_fail',
      text: '电梯轿厢内张贴使用标志、安全注意事项和应急救援电话，紧急报警装置有效',
      textEn: 'The lift car shows its use certificate, safety notes and emergency number, and its alarm button works',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}第三十三条；TSG T5002-2017《电梯维护保养规则》`,
      suggestedFix: '补贴标志和告知，修复紧急报警装置', defaultMode: 'deadline', defaultDays: 3,
    },
    {
      code: 'MKT-014', domain: 'special_equipment', siteKinds: ['street_shop', 'rental_housing', 'other'], answerType: 'choice', photoRequired: true,
      choices: [
        { value: 'no_cylinder', label: '未使用气瓶', fails: false },
        { value: 'valid', label: '在检验有效期内，标识清楚', fails: false },
        { value: 'overdue', label: '超过检验有效期', fails: true },
        { value: 'no_label', label: '无检验标识或充装追溯标签', fails: true },
        { value: 'scrap', label: '报废、翻新或严重锈蚀的气瓶', fails: true },
      ],
      text: '液化石油气钢瓶检验状态',
      textEn: 'Inspection status of LPG cylinders',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}第四十条；TSG 23-2021《气瓶安全技术规程》`,
      suggestedFix: '立即停用问题气瓶，交回供应站更换合格气瓶', defaultMode: 'immediate',
    },
    {
      code: 'MKT-015', domain: 'special_equipment', siteKinds: ['street_shop', 'rental_housing', 'other'], answerType: 'pass_fail',
      text: '瓶装液化石油气购自有经营许可的供应站，未私自倒灌、加热气瓶',
      textEn: 'LPG cylinders come from a licensed supplier; no decanting or heating of cylinders',
      defaultLevel: 'general', legalBasis: `${L.gas}；TSG 23-2021《气瓶安全技术规程》；《浙江省燃气管理条例》`,
      suggestedFix: '更换为持证供应站配送的气瓶，停止倒灌加热行为', defaultMode: 'immediate',
    },
    {
      code: 'MKT-016', domain: 'special_equipment', siteKinds: ['enterprise', 'street_shop'], answerType: 'pass_fail',
      text: '空压机储气罐等压力容器的安全阀按期校验，压力表在检定有效期内',
      textEn: 'Safety valves on air receivers and other pressure vessels are calibrated on time and gauges are within their verification period',
      defaultLevel: 'general', legalBasis: `${L.specialEquipment}；TSG 21-2016《固定式压力容器安全技术监察规程》`,
      suggestedFix: '送检安全阀和压力表，校验合格后方可使用', defaultMode: 'deadline', defaultDays: 15,
    },
  ],
};
