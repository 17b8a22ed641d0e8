import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { Briefing } from '@anxun/contracts';

// SVG, not canvas: the charts stay sharp when the page is printed.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FOUND = '#C00000';
const CLOSED = '#2F7D32';
const RATE = '#1F4E8C';
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function Chart({ option, height, testId }: { option: EChartsCoreOption; height: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}

/** Found and closed each day (bars) with the cumulative rates (lines) — the same series as the PDF. */
export function TrendChart({ trend }: Pick<Briefing, 'trend'>) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 44, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: trend.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: t('briefings.chart.found'), type: 'bar', data: trend.map((d) => d.foundThatDay), itemStyle: { color: FOUND }, barMaxWidth: 16 },
        { name: t('briefings.chart.closed'), type: 'bar', data: trend.map((d) => d.closedThatDay), itemStyle: { color: CLOSED }, barMaxWidth: 16 },
        { name: t('briefings.chart.inspectionRate'), type: 'line', yAxisIndex: 1, data: trend.map((d) => pct(d.inspectionRate)), itemStyle: { color: RATE } },
        { name: t('briefings.chart.closeOutRate'), type: 'line', yAxisIndex: 1, data: trend.map((d) => pct(d.closeOutRate)), itemStyle: { color: '#E08A00' } },
      ],
    }),
    [trend, t],
  );
  return <Chart option={option} height={260} testId="briefing-trend-chart" />;
}

/** Each village's two rates in ranking order; the bottom three in red. */
export function VillageChart({ villages }: Pick<Briefing, 'villages'>) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 12, top: 32, bottom: villages.length > 8 ? 70 : 30 },
      xAxis: { type: 'category', data: villages.map((r) => r.name), axisLabel: { interval: 0, rotate: villages.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('briefings.chart.inspectionRate'), type: 'bar', itemStyle: { color: RATE }, barMaxWidth: 18, data: villages.map((r) => ({ value: pct(r.inspectionRate), itemStyle: { color: r.inspectionBottom ? FOUND : RATE } })) },
        { name: t('briefings.chart.closeOutRate'), type: 'bar', itemStyle: { color: CLOSED }, barMaxWidth: 18, data: villages.map((r) => ({ value: pct(r.closeOutRate), itemStyle: { color: r.closeOutBottom ? '#F08C8C' : CLOSED } })) },
      ],
    }),
    [villages, t],
  );
  return <Chart option={option} height={240} testId="briefing-village-chart" />;
}
