import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NailAiringRow, NailKind, NailStatus } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useNailAiring } from './api.ts';
import { CampaignPicker, useSelectedCampaign } from './CampaignPicker.tsx';
import { shanghaiToday } from './NailFormModal.tsx';
import { NailKindTag, NailProgress, NailStatusTag } from './NailTags.tsx';
import './nails.css';

function Change({ value }: { value: number }) {
  if (value > 0)
    return (
      <Typography.Text type="success" strong>
        <ArrowUpOutlined /> {value}%
      </Typography.Text>
    );
  if (value < 0)
    return (
      <Typography.Text type="danger" strong>
        <ArrowDownOutlined /> {Math.abs(value)}%
      </Typography.Text>
    );
  return <Typography.Text type="danger">0%</Typography.Text>;
}

/** 月晾晒: every active nail's movement in one month, stalled ones first and in red. */
export default function NailAiringPage() {
  const { t } = useTranslation();
  const selection = useSelectedCampaign();
  const campaign = selection.selected;
  const thisMonth = shanghaiToday().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const airing = useNailAiring(campaign?.id, month);
  const data = airing.data;

  const columns: TableColumnsType<NailAiringRow> = [
    {
      title: t('nails.columns.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/nails/${row.id}?campaign=${campaign?.id ?? ''}`}>{title}</Link>
            {row.noProgress && (
              <Tag color="error" icon={<WarningOutlined />} data-testid="airing-no-progress">
                {t('nails.airingPage.noProgressTag')}
              </Tag>
            )}
            {row.resolvedInMonth && <Tag color="success">{t('nails.airingPage.resolvedTag')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.areaName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('nails.columns.kind'), dataIndex: 'kind', width: 90, render: (kind: NailKind) => <NailKindTag kind={kind} />, filters: (['key', 'dynamic'] as const).map((k) => ({ text: t(`nails.kind.${k}`), value: k })), onFilter: (v, row) => row.kind === v },
    { title: t('nails.columns.status'), dataIndex: 'status', width: 100, render: (status: NailStatus) => <NailStatusTag status={status} /> },
    {
      title: t('nails.airingPage.after'),
      dataIndex: 'progressAfter',
      width: 230,
      sorter: (a, b) => a.progressAfter - b.progressAfter,
      render: (p: number, row) => (
        <Space size={8}>
          <Typography.Text type="secondary">{row.progressBefore}% →</Typography.Text>
          <NailProgress progress={p} status={row.status} />
        </Space>
      ),
    },
    { title: t('nails.airingPage.change'), dataIndex: 'progressChange', width: 110, align: 'right', sorter: (a, b) => a.progressChange - b.progressChange, defaultSortOrder: 'ascend', render: (v: number) => <Change value={v} /> },
    { title: t('nails.airingPage.reports'), dataIndex: 'reportsInMonth', width: 100, align: 'right', sorter: (a, b) => a.reportsInMonth - b.reportsInMonth },
    {
      title: t('nails.airingPage.milestones'),
      key: 'milestones',
      width: 220,
      sorter: (a, b) => a.milestonesOverdue - b.milestonesOverdue,
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{t('nails.airingPage.due', { count: row.milestonesDue })}</span>
          <span>· {t('nails.airingPage.done', { count: row.milestonesDone })}</span>
          {row.milestonesOverdue > 0 && (
            <Typography.Text type="danger" strong>
              · {t('nails.airingPage.overdue', { count: row.milestonesOverdue })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  const stat = (key: 'active' | 'resolved' | 'noProgress' | 'milestonesDue' | 'milestonesDone' | 'milestonesOverdue', danger = false) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={t(`nails.airingPage.${key}`)}
          value={data?.[key] ?? '—'}
          styles={{ content: danger && (data?.[key] ?? 0) > 0 ? { color: '#cf1322' } : {} }}
          data-testid={`airing-${key}`}
        />
        {key === 'milestonesOverdue' && data && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('nails.airingPage.overdueAsOf', { date: data.asOf })}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to={`/nails${campaign ? `?campaign=${campaign.id}` : ''}`}>{t('nails.title')}</Link> }, { title: t('nails.airingPage.title') }]}
        title={t('nails.airingPage.title')}
        subtitle={t('nails.airingPage.subtitle')}
        titleTestId="airing-title"
        extra={
          <Space wrap>
            <CampaignPicker selection={selection} />
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              data-testid="airing-month"
            />
          </Space>
        }
      />
      {!selection.campaigns.isPending && !campaign ? (
        <Card>
          <Empty description={t('nails.noCampaign')} />
        </Card>
      ) : airing.isError ? (
        <LoadError error={airing.error} onRetry={() => void airing.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            {stat('active')}
            {stat('resolved')}
            {stat('noProgress', true)}
            {stat('milestonesDue')}
            {stat('milestonesDone')}
            {stat('milestonesOverdue', true)}
          </Row>
          <Card>
            <Table<NailAiringRow>
              rowKey="id"
              data-testid="airing-table"
              loading={airing.isFetching}
              columns={columns}
              dataSource={data?.rows ?? []}
              pagination={false}
              scroll={{ x: 1000 }}
              rowClassName={(row) => (row.noProgress ? 'nails-row-stalled' : '')}
              locale={{ emptyText: <Empty description={t('nails.airingPage.empty')} /> }}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
