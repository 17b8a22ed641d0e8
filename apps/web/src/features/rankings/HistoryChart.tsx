import { useMemo, useState } from 'react';
import { Card, Empty, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RankingHistory, RankingRow, RankingUnitKind } from '@anxun/contracts';
import { useRankingHistory } from './api.ts';
import { EChart } from './EChart.tsx';

type Metric = 'rank' | 'closeOutRank' | 'rate' | 'closeOutRate';
type Point = RankingHistory['units'][number]['points'][number];

const valueOf: Record<Metric, (p: Point) => number | null> = {
  rank: (p) => p.inspectionRank,
  closeOutRank: (p) => p.closeOutRank,
  rate: (p) => (p.inspectionRate === null ? null : Math.round(p.inspectionRate * 1000) / 10),
  closeOutRate: (p) => (p.closeOutRate === null ? null : Math.round(p.closeOutRate * 1000) / 10),
};

/** The top three and the bottom three of today's ranking: the units a briefing talks about. */
function defaultUnits(rows: readonly RankingRow[]): string[] {
  const sorted = [...rows].sort((a, b) => a.inspectionRank - b.inspectionRank);
  return [...new Set([...sorted.slice(0, 3), ...sorted.slice(-3)].map((r) => r.unitId))];
}

/** Daily history from the snapshots: ranks (1 at the top) or rates per unit. */
export function HistoryChart({ campaignId, unit, rows }: { campaignId: string; unit: RankingUnitKind; rows: readonly RankingRow[] }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('rank');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const units = chosen ?? defaultUnits(rows);
  const history = useRankingHistory(campaignId, unit, units);
  const isRank = metric === 'rank' || metric === 'closeOutRank';

  const option = useMemo(() => {
    const data = history.data;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : isRank ? String(v) : `${v}%`) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data?.days ?? [] },
      yAxis: isRank ? { type: 'value', inverse: true, min: 1, minInterval: 1 } : { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: (data?.units ?? []).map((u) => ({
        name: u.name,
        type: 'line',
        smooth: false,
        connectNulls: false,
        data: (data?.days ?? []).map((day) => {
          const point = u.points.find((p) => p.day === day);
          return point ? valueOf[metric](point) : null;
        }),
      })),
    };
  }, [history.data, metric, isRank]);

  return (
    <Card
      title={t('rankings.history')}
      extra={
        <Space wrap>
          <Select
            mode="multiple"
            maxCount={12}
            style={{ minWidth: 280 }}
            placeholder={t('rankings.historyUnits')}
            value={units}
            onChange={setChosen}
            optionFilterProp="label"
            options={rows.map((r) => ({ value: r.unitId, label: r.name }))}
            data-testid="ranking-history-units"
          />
          <Segmented<Metric>
            value={metric}
            onChange={setMetric}
            options={(['rank', 'rate', 'closeOutRank', 'closeOutRate'] as const).map((m) => ({ value: m, label: t(`rankings.historyMetric.${m}`) }))}
          />
        </Space>
      }
    >
      {history.data && history.data.days.length === 0 ? <Empty description={t('rankings.historyEmpty')} /> : <EChart option={option} testId="ranking-history-chart" />}
    </Card>
  );
}
