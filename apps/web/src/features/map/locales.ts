/** Strings of the one map (一张图), registered in app/locales/features.ts. */
export const MAP_LOCALE = {
  zh: {
    map: {
      title: '一张图',
      legend: '五色图例',
      legendHint: '点击颜色可在地图上显示或隐藏',
      total: '共 {{count}} 家',
      unlocated: '{{count}} 家无坐标',
      filters: { area: '区域', kind: '单位类型', risk: '风险等级', department: '部门（有未销号隐患）', campaign: '专项行动', squad: '小组' },
      card: {
        title: '受检单位',
        area: '所属区域',
        address: '地址',
        openHazards: '未销号隐患 {{count}} 条',
        noHazards: '没有未销号的隐患',
        deadline: '期限 {{date}}',
        archive: '查看一企一档',
      },
    },
  },
  en: {
    map: {
      title: 'One map',
      legend: 'Colours',
      legendHint: 'Click a colour to show or hide it on the map',
      total: '{{count}} sites',
      unlocated: '{{count}} without coordinates',
      filters: { area: 'Area', kind: 'Site kind', risk: 'Risk level', department: 'Department (open hazards)', campaign: 'Campaign', squad: 'Squad' },
      card: {
        title: 'Site',
        area: 'Area',
        address: 'Address',
        openHazards: '{{count}} open hazards',
        noHazards: 'No open hazards',
        deadline: 'due {{date}}',
        archive: 'Open the archive',
      },
    },
  },
};
