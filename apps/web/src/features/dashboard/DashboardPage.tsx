import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { FullscreenOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BREAKDOWN_KINDS, type BreakdownKind } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { toQueryString } from '../../app/api.ts';
import { useErrorText } from '../../app/errors.ts';
import { useActivity, useBreakdown, useCampaignChoices, useDashboard, useDashboardLive, useOverdue, useTrend } from './api.ts';
import { useDashboardFilters } from './filters.ts';
import { BreakdownChart, ColourChart, TrendChart } from './charts.tsx';
import { useDefinition } from './figures.ts';
import { ActivityFeed, KpiCards, OverdueTable, useBreakdownName } from './widgets.tsx';
import './dashboard.css';

const TREND_DAYS = 30;

function CardTitle({ title, definition }: { title: string; definition: string }) {
  return (
    <Tooltip title={definition}>
      <span>
        {title} <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
      </span>
    </Tooltip>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const [by, setBy] = useState<BreakdownKind>('village');
  const campaigns = useCampaignChoices();
  const dashboard = useDashboard(filters);
  const trend = useTrend(filters, TREND_DAYS);
  const breakdownBy = by === 'squad' && !filters.campaignId ? 'village' : by;
  const breakdown = useBreakdown(filters, breakdownBy);
  const overdue = useOverdue(filters, 10);
  const activity = useActivity(filters, 30);
  const define = useDefinition(dashboard.data);
  const unitName = useBreakdownName(breakdownBy);
  const errorText = useErrorText();
  useDashboardLive(filters);

  const data = dashboard.data;
  const period = data?.period.from ? t('dashboard.period', { from: data.period.from, to: data.period.to }) : t('dashboard.allTime');
  return (
    <div className="ax-dash" data-testid="dashboard-page">
      <PageHeader
        title={t('dashboard.title')}
        titleTestId="dashboard-title"
        subtitle={
          <span>
            {t('dashboard.subtitle')} ·{' '}
            <Tooltip title={define('period')}>
              <span data-testid="dashboard-period">{period}</span>
            </Tooltip>
            {data && <> · {t('dashboard.updatedAt', { time: new Date(data.asOf).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}</>}
          </span>
        }
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('dashboard.filters.campaign')}
              value={filters.campaignId}
              loading={campaigns.isPending}
              options={campaigns.data?.items.map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn}～${c.endsOn}）` }))}
              onChange={(campaignId?: string) => setFilters({ ...filters, campaignId })}
              data-testid="dashboard-campaign"
            />
            <AreaTreeSelect style={{ width: 220 }} placeholder={t('dashboard.filters.area')} value={filters.areaId ?? null} onChange={(areaId) => setFilters({ ...filters, areaId: (areaId as string | undefined) ?? undefined })} />
            <Link to={`/big-screen${toQueryString({ ...filters })}`} data-testid="open-big-screen">
              <Button icon={<FullscreenOutlined />}>{t('dashboard.bigScreen')}</Button>
            </Link>
          </Space>
        }
      />
      {dashboard.isError && <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      <KpiCards dashboard={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={<CardTitle title={t('dashboard.colours.title')} definition={define('sitesByColour')} />} extra={data && t('dashboard.colours.total', { count: data.kpis.sitesInScope })}>
            {data && <ColourChart colours={data.sitesByColour} height={300} />}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={<CardTitle title={t('dashboard.trend.title', { days: TREND_DAYS })} definition={define('dailyTrend')} />}>
            {trend.data && <TrendChart days={trend.data.days} height={300} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={<CardTitle title={t('dashboard.breakdown.title')} definition={`${define('inspectionRate')}；${define('closeOutRate')}`} />}
            extra={
              <Segmented<BreakdownKind>
                size="small"
                value={breakdownBy}
                onChange={setBy}
                options={BREAKDOWN_KINDS.map((k) => ({ value: k, label: t(`dashboard.breakdown.by.${k}`), disabled: k === 'squad' && !filters.campaignId }))}
                data-testid="breakdown-switch"
              />
            }
          >
            {!filters.campaignId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.breakdown.needCampaign')}</Typography.Text>}
            {breakdown.isError && <Alert type="error" showIcon title={errorText(breakdown.error)} />}
            {breakdown.data && <BreakdownChart rows={breakdown.data.rows} name={unitName} height={380} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<CardTitle title={t('dashboard.overdue.title')} definition={define('daysOverdue')} />} extra={overdue.data && t('dashboard.overdue.total', { count: overdue.data.total })}>
            <OverdueTable items={overdue.data?.items ?? []} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.activity.title')} extra={activity.data && t('dashboard.activity.count', { count: activity.data.items.length })}>
            <div className="ax-dash-feed">
              <ActivityFeed items={activity.data?.items ?? []} />
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
