import { useEffect, useMemo } from 'react';
import { Alert, Card, DatePicker, Empty, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RankingUnitKind } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useRanking, useRankingCampaigns, type RankingPeriod } from './api.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { RankingTable } from './RankingTable.tsx';
import './rankings.css';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const yesterdayOf = (day: string) => dayjs(day).subtract(1, 'day').format('YYYY-MM-DD');

/** 排名晾晒: the day's ranking (live today), the month and the quarter, with the history chart. All state is in the URL. */
export default function RankingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const campaigns = useRankingCampaigns();
  const items = useMemo(() => campaigns.data?.items ?? [], [campaigns.data]);
  const today = shanghaiToday();
  const campaign = items.find((c) => c.id === params.get('campaign')) ?? items.find((c) => c.status === 'active') ?? items[0];
  const unit = (params.get('unit') === 'squad' ? 'squad' : 'village') as RankingUnitKind;
  const kind = (['month', 'quarter'] as const).find((k) => k === params.get('period')) ?? 'day';
  const lastDay = campaign && campaign.endsOn < today ? campaign.endsOn : today;
  const period: RankingPeriod =
    kind === 'month'
      ? { kind, month: params.get('month') ?? yesterdayOf(lastDay).slice(0, 7) }
      : kind === 'quarter'
        ? { kind, quarter: params.get('quarter') ?? quarterOf(yesterdayOf(lastDay)) }
        : { kind, day: params.get('day') ?? undefined };
  const ranking = useRanking(campaign?.status === 'planned' ? undefined : campaign?.id, unit, period);
  const view = ranking.data;

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (campaign && params.get('campaign') !== campaign.id) set({ campaign: campaign.id });
    // Only once the list has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaign?.id]);

  const inCampaign = (d: dayjs.Dayjs) => !campaign || d.format('YYYY-MM-DD') < campaign.startsOn || d.format('YYYY-MM-DD') > lastDay;
  const picker =
    kind === 'day' ? (
      <DatePicker
        allowClear
        placeholder={t('rankings.live')}
        value={period.kind === 'day' && period.day ? dayjs(period.day) : null}
        disabledDate={inCampaign}
        onChange={(d) => set({ day: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : null })}
        data-testid="ranking-day"
      />
    ) : kind === 'month' ? (
      <DatePicker picker="month" allowClear={false} value={dayjs(`${period.kind === 'month' ? period.month : ''}-01`)} onChange={(d) => d && set({ month: d.format('YYYY-MM') })} />
    ) : (
      <DatePicker
        picker="quarter"
        allowClear={false}
        value={dayjs(`${period.kind === 'quarter' ? period.quarter.slice(0, 4) : ''}-${String((Number(period.kind === 'quarter' ? period.quarter.slice(-1) : 1) - 1) * 3 + 1).padStart(2, '0')}-01`)}
        onChange={(d) => d && set({ quarter: quarterOf(d.format('YYYY-MM-DD')) })}
      />
    );

  const asOf = view
    ? view.live
      ? t('rankings.liveHint', { time: dayjs(view.computedAt).format('HH:mm') })
      : view.period === 'day'
        ? t('rankings.snapshot', { day: view.day })
        : t('rankings.periodAsOf', { from: view.periodStart, to: view.day })
    : null;

  return (
    <>
      <PageHeader
        title={t('rankings.title')}
        subtitle={t('rankings.subtitle')}
        titleTestId="rankings-title"
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t('rankings.campaign')}</Typography.Text>
            <Select
              data-testid="ranking-campaign"
              style={{ minWidth: 260 }}
              loading={campaigns.isPending}
              value={campaign?.id}
              onChange={(id) => set({ campaign: id, day: null })}
              placeholder={t('rankings.noCampaign')}
              options={items.map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} ~ ${c.endsOn}）` }))}
            />
            <Segmented value={kind} onChange={(k) => set({ period: k === 'day' ? null : k })} options={(['day', 'month', 'quarter'] as const).map((k) => ({ value: k, label: t(`rankings.period.${k}`) }))} />
            {picker}
          </Space>
        }
      />
      {!campaigns.isPending && !campaign ? (
        <Card>
          <Empty description={t('rankings.noCampaign')} />
        </Card>
      ) : campaign?.status === 'planned' ? (
        <Alert type="info" showIcon message={t('rankings.notStarted')} />
      ) : ranking.isError ? (
        <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Tabs
              activeKey={unit}
              onChange={(k) => set({ unit: k === 'squad' ? 'squad' : null })}
              items={(['village', 'squad'] as const).map((k) => ({ key: k, label: <span data-testid={`ranking-tab-${k}`}>{t(`rankings.tabs.${k}`)}</span> }))}
              tabBarExtraContent={
                <Space size={8} wrap>
                  {view?.live && <Tag color="processing">{t('rankings.live')}</Tag>}
                  <Typography.Text type="secondary" data-testid="ranking-as-of" data-day={view?.day} data-live={view?.live ? 'true' : 'false'}>
                    {asOf}
                  </Typography.Text>
                  {view?.comparedWith && <Typography.Text type="secondary">· {t('rankings.comparedWith', { day: view.comparedWith })}</Typography.Text>}
                </Space>
              }
            />
            <RankingTable view={view} loading={ranking.isFetching} />
          </Card>
          {campaign && view && view.rows.length > 0 && <HistoryChart campaignId={campaign.id} unit={unit} rows={view.rows} />}
        </Space>
      )}
    </>
  );
}
