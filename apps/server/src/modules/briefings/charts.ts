import * as echarts from 'echarts';
import type { Briefing } from '@anxun/contracts';

/*
 * The briefing's charts, drawn server-side by ECharts' SSR renderer to SVG (no browser, no canvas),
 * with the same series as the web page's charts, then placed into the PDF as vectors.
 */

const FONT = 'Noto Sans CJK SC';
const FOUND = '#C00000';
const CLOSED = '#2F7D32';
const RATE = '#1F4E8C';

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Hazards found and closed each day (bars) and the cumulative 排查率 and 销号率 (lines), the campaign so far. */
export function trendChartSvg(b: Pick<Briefing, 'trend'>, width: number, height: number): string {
  const days = b.trend.map((d) => `${Number(d.day.slice(5, 7))}/${Number(d.day.slice(8, 10))}`);
  return render(
    {
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 44, right: 44, top: 30, bottom: 26 },
      xAxis: { type: 'category', data: days, axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', name: '处', nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, minInterval: 1 },
        { type: 'value', name: '%', max: 100, min: 0, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { show: false } },
      ],
      series: [
        { name: '当日发现', type: 'bar', data: b.trend.map((d) => d.foundThatDay), itemStyle: { color: FOUND }, barMaxWidth: 14 },
        { name: '当日销号', type: 'bar', data: b.trend.map((d) => d.closedThatDay), itemStyle: { color: CLOSED }, barMaxWidth: 14 },
        { name: '排查率', type: 'line', yAxisIndex: 1, data: b.trend.map((d) => pct(d.inspectionRate)), itemStyle: { color: RATE }, symbolSize: 4 },
        { name: '销号率', type: 'line', yAxisIndex: 1, data: b.trend.map((d) => pct(d.closeOutRate)), itemStyle: { color: '#E08A00' }, symbolSize: 4 },
      ],
    },
    width,
    height,
  );
}

/** Every village's 排查率 and 销号率 on the day, in ranking order; the bottom three in red. */
export function villageChartSvg(b: Pick<Briefing, 'villages'>, width: number, height: number): string {
  const rows = b.villages;
  return render(
    {
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 44, right: 12, top: 30, bottom: rows.length > 8 ? 64 : 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: 10, interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', max: 100, min: 0, axisLabel: { fontSize: 10, formatter: '{value}%' } },
      series: [
        {
          name: '排查率',
          type: 'bar',
          data: rows.map((r) => ({ value: pct(r.inspectionRate), itemStyle: { color: r.inspectionBottom ? FOUND : RATE } })),
          itemStyle: { color: RATE },
          barMaxWidth: 16,
        },
        {
          name: '销号率',
          type: 'bar',
          data: rows.map((r) => ({ value: pct(r.closeOutRate), itemStyle: { color: r.closeOutBottom ? '#F08C8C' : CLOSED } })),
          itemStyle: { color: CLOSED },
          barMaxWidth: 16,
        },
      ],
    },
    width,
    height,
  );
}
