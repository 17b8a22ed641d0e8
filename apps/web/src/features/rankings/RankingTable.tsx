import { Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RankingRow, RankingView, WeeklyAttainment } from '@anxun/contracts';
import { percent } from './format.ts';

/** A column title with its definition one hover away: every figure says what it counts. */
function Defined({ title, definition }: { title: string; definition: string }) {
  return (
    <Tooltip title={definition}>
      <span className="rankings-defined">
        {title} <InfoCircleOutlined />
      </span>
    </Tooltip>
  );
}

function Change({ value, testId }: { value: number | null; testId: string }) {
  if (value === null || value === 0)
    return (
      <Typography.Text type="secondary" data-testid={testId} data-value={value ?? ''}>
        {value === null ? '—' : '–'}
      </Typography.Text>
    );
  return (
    <Typography.Text type={value > 0 ? 'success' : 'danger'} strong data-testid={testId} data-value={value}>
      {value > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(value)}
    </Typography.Text>
  );
}

function Rank({ rank, bottom, testId }: { rank: number; bottom: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <span className={bottom ? 'rankings-rank rankings-rank-bottom' : 'rankings-rank'} data-testid={testId}>
        {rank}
      </span>
      {bottom && (
        <Tooltip title={t('rankings.definitions.bottom')}>
          <Tag color="error" data-testid={`${testId}-bottom`}>
            {t('rankings.bottom')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function Attainment({ weekly }: { weekly: WeeklyAttainment }) {
  const { t } = useTranslation();
  if (!weekly.target)
    return (
      <Typography.Text type="secondary" data-testid="ranking-weekly">
        {t('rankings.noTarget')}
      </Typography.Text>
    );
  const bar = (done: number, target: number, share: number | null, label: string) => (
    <div className="rankings-attainment">
      <Typography.Text style={{ fontSize: 12 }}>{t(label, { done, target })}</Typography.Text>
      <Progress percent={share === null ? 0 : Math.round(share * 100)} size="small" status={share !== null && share >= 1 ? 'success' : 'normal'} />
    </div>
  );
  return (
    <div data-testid="ranking-weekly">
      {bar(weekly.actual.sitesInspected, weekly.target.sitesInspected, weekly.attainment.sitesInspected, 'rankings.weeklySites')}
      {bar(weekly.actual.hazardsClosed, weekly.target.hazardsClosed, weekly.attainment.hazardsClosed, 'rankings.weeklyHazards')}
    </div>
  );
}

/** One ranking: both rates side by side, each with its rank, change and bottom-three mark. */
export function RankingTable({ view, loading }: { view: RankingView | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const d = (key: string) => t(`rankings.definitions.${key}`);
  const periodic = view?.period !== 'day';
  const columns: TableColumnsType<RankingRow> = [
    {
      title: <Defined title={t('rankings.columns.inspectionRank')} definition={d('rank')} />,
      dataIndex: 'inspectionRank',
      width: 120,
      sorter: (a, b) => a.inspectionRank - b.inspectionRank,
      render: (rank: number, row) => <Rank rank={rank} bottom={row.inspectionBottom} testId="inspection-rank" />,
    },
    { title: t('rankings.columns.name'), dataIndex: 'name', fixed: 'left', width: 160, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: <Defined title={t('rankings.columns.inspectionRate')} definition={d('inspectionRate')} />,
      dataIndex: 'inspectionRate',
      width: 110,
      align: 'right',
      render: (share: number | null) => <span data-testid="inspection-rate">{percent(share)}</span>,
    },
    {
      title: <Defined title={t('rankings.columns.inspected')} definition={d('inspected')} />,
      key: 'inspected',
      width: 130,
      align: 'right',
      render: (_, row) => (
        <span data-testid="inspected" data-numerator={row.sitesInspected} data-denominator={row.sitesInScope}>
          {row.sitesInspected.toLocaleString()} / {row.sitesInScope.toLocaleString()}
        </span>
      ),
    },
    { title: <Defined title={t('rankings.columns.change')} definition={d('change')} />, dataIndex: 'inspectionRankChange', width: 80, align: 'center', render: (v: number | null) => <Change value={v} testId="inspection-change" /> },
    {
      title: <Defined title={t('rankings.columns.closeOutRate')} definition={d('closeOutRate')} />,
      dataIndex: 'closeOutRate',
      width: 110,
      align: 'right',
      render: (share: number | null) => <span data-testid="close-out-rate">{percent(share)}</span>,
    },
    {
      title: <Defined title={t('rankings.columns.closed')} definition={d('closed')} />,
      key: 'closed',
      width: 130,
      align: 'right',
      render: (_, row) => (
        <span data-testid="closed" data-numerator={row.hazardsClosed} data-denominator={row.hazardsFound}>
          {row.hazardsClosed.toLocaleString()} / {row.hazardsFound.toLocaleString()}
        </span>
      ),
    },
    {
      title: <Defined title={t('rankings.columns.closeOutRank')} definition={d('rank')} />,
      dataIndex: 'closeOutRank',
      width: 120,
      sorter: (a, b) => a.closeOutRank - b.closeOutRank,
      render: (rank: number, row) => <Rank rank={rank} bottom={row.closeOutBottom} testId="close-out-rank" />,
    },
    { title: <Defined title={t('rankings.columns.change')} definition={d('change')} />, dataIndex: 'closeOutRankChange', width: 80, align: 'center', render: (v: number | null) => <Change value={v} testId="close-out-change" /> },
  ];
  if (periodic) {
    columns.push({
      title: <Defined title={t('rankings.columns.averageRank')} definition={d('averageRank')} />,
      key: 'average',
      width: 120,
      align: 'right',
      render: (_, row) => `${row.averageInspectionRank?.toFixed(1) ?? '—'} / ${row.averageCloseOutRank?.toFixed(1) ?? '—'}`,
    });
  }
  if (view?.unit === 'squad' && !periodic) {
    columns.push({ title: <Defined title={t('rankings.columns.weekly')} definition={d('weekly')} />, key: 'weekly', width: 200, render: (_, row) => (row.weekly ? <Attainment weekly={row.weekly} /> : null) });
  }
  return (
    <Table<RankingRow>
      rowKey="unitId"
      data-testid="ranking-table"
      loading={loading}
      columns={columns}
      dataSource={view?.rows ?? []}
      pagination={(view?.rows.length ?? 0) > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 1100 }}
      size="middle"
      rowClassName={(row) => (row.inspectionBottom || row.closeOutBottom ? 'rankings-row-bottom' : '')}
      onRow={(row) => ({ 'data-testid': 'ranking-row', 'data-unit': row.unitId }) as React.HTMLAttributes<HTMLTableRowElement>}
      locale={{ emptyText: t('rankings.empty') }}
    />
  );
}
