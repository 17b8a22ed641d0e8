// The ESM build: the CommonJS one (lib/) reaches the bundle as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { SITE_COLOURS, type BreakdownRow, type SitesByColour, type TrendDay } from '@anxun/contracts';
import { FIVE_COLOURS } from '../../app/theme.ts';
import { useLabels } from '../../app/labels.ts';
import { isEnglish } from '../../app/errors.ts';
import { percent } from './figures.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

interface ChartProps {
  /** The command-room look: dark theme, larger type. */
  dark?: boolean;
  height: number;
}

const FOUND = '#d4380d';
const CLOSED = '#389e0d';

function Chart({ option, dark, height, testId }: ChartProps & { option: echarts.EChartsCoreOption; testId: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ backgroundColor: 'transparent', ...option }} theme={dark ? 'dark' : undefined} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}

const fontSize = (dark?: boolean) => (dark ? 18 : 12);

export function ColourChart({ colours, dark, height }: ChartProps & { colours: SitesByColour }) {
  const label = useLabels();
  const data = SITE_COLOURS.map((c) => ({ name: label('colour', c), value: colours[c], itemStyle: { color: FIVE_COLOURS[c], borderColor: dark ? '#0b1a33' : '#fff', borderWidth: 2 } }));
  return (
    <Chart
      testId="chart-colours"
      dark={dark}
      height={height}
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0, textStyle: { fontSize: fontSize(dark) } },
        series: [{ type: 'pie', radius: ['38%', '64%'], center: ['50%', '44%'], data, label: { formatter: '{c}', fontSize: fontSize(dark), overflow: 'none' }, labelLine: { length: 8, length2: 8 } }],
      }}
    />
  );
}

export function TrendChart({ days, dark, height }: ChartProps & { days: TrendDay[] }) {
  const { t } = useTranslation();
  return (
    <Chart
      testId="chart-trend"
      dark={dark}
      height={height}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { fontSize: fontSize(dark) } },
        grid: { left: 48, right: 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { fontSize: fontSize(dark) } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize(dark) } },
        series: [
          { name: t('dashboard.trend.found'), type: 'line', smooth: true, data: days.map((d) => d.found), itemStyle: { color: FOUND }, areaStyle: { opacity: 0.12 } },
          { name: t('dashboard.trend.closed'), type: 'line', smooth: true, data: days.map((d) => d.closed), itemStyle: { color: CLOSED }, areaStyle: { opacity: 0.12 } },
        ],
      }}
    />
  );
}

/** Found and closed per unit as bars; the rates are in the tooltip. Long lists scroll (data zoom). */
export function BreakdownChart({ rows, name, dark, height }: ChartProps & { rows: BreakdownRow[]; name: (row: BreakdownRow) => string }) {
  const { t, i18n } = useTranslation();
  const visible = dark ? 10 : 12;
  const names = rows.map(name);
  return (
    <Chart
      testId="chart-breakdown"
      dark={dark}
      height={height}
      option={{
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: { dataIndex: number }[]) => {
            const row = rows[params[0]!.dataIndex]!;
            const lines = [
              `<b>${names[params[0]!.dataIndex]}</b>`,
              row.sites !== null ? `${t('dashboard.kpi.sitesInScope')}: ${row.sites}` : null,
              row.sites !== null ? `${t('dashboard.kpi.inspectionRate')}: ${percent(row.inspectionRate)} (${row.sitesInspected}/${row.sites})` : null,
              `${t('dashboard.kpi.hazardsFound')}: ${row.hazardsFound}`,
              `${t('dashboard.kpi.closeOutRate')}: ${percent(row.closeOutRate)} (${row.hazardsClosed}/${row.hazardsFound})`,
              `${t('dashboard.kpi.hazardsOverdue')}: ${row.hazardsOverdue}`,
              `${t('dashboard.kpi.openMajorHazards')}: ${row.openMajorHazards}`,
            ];
            return lines.filter(Boolean).join('<br/>');
          },
        },
        legend: { top: 0, textStyle: { fontSize: fontSize(dark) } },
        grid: { left: 8, right: rows.length > visible ? 40 : 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize(dark) } },
        yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: fontSize(dark), width: isEnglish(i18n.language) ? 140 : 110, overflow: 'truncate' } },
        dataZoom: rows.length > visible ? [{ type: 'slider', yAxisIndex: 0, right: 4, width: 16, startValue: 0, endValue: visible - 1 }, { type: 'inside', yAxisIndex: 0 }] : [],
        series: [
          { name: t('dashboard.kpi.hazardsFound'), type: 'bar', data: rows.map((r) => r.hazardsFound), itemStyle: { color: FOUND } },
          { name: t('dashboard.kpi.hazardsClosed'), type: 'bar', data: rows.map((r) => r.hazardsClosed), itemStyle: { color: CLOSED } },
        ],
      }}
    />
  );
}
