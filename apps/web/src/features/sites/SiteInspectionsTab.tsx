import { Empty, Table, Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SiteOrdersView } from '@anxun/contracts';
import { useFormatters } from '../../app/labels.ts';

type Inspection = SiteOrdersView['inspections'][number];

export function SiteInspectionsTab({ inspections }: { inspections: Inspection[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = [...inspections].sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  return (
    <div data-testid="site-inspections">
      <Table<Inspection>
        size="middle"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteOrders.inspections.empty')} /> }}
        columns={[
          {
            key: 'endedAt',
            title: t('siteOrders.inspections.at'),
            width: 200,
            render: (_, row) => (
              <Link to={`/inspections/${row.id}`} data-testid="site-inspection-link">
                {format.dateTime(row.endedAt)}
              </Link>
            ),
          },
          {
            key: 'kind',
            title: t('inspections.fields.kind'),
            width: 110,
            render: (_, row) => <Tag color={row.kind === 'reinspection' ? 'purple' : 'blue'}>{t(`inspections.kind.${row.kind}`)}</Tag>,
          },
          { key: 'inspector', title: t('inspections.fields.inspector'), dataIndex: 'inspectorName' },
          {
            key: 'hazards',
            title: t('siteOrders.inspections.hazards'),
            width: 120,
            render: (_, row) => (row.hazardCount ? <Tag color="volcano">{row.hazardCount}</Tag> : <Tag color="success">0</Tag>),
          },
          {
            key: 'far',
            title: t('siteOrders.inspections.location'),
            width: 150,
            render: (_, row) =>
              row.farFromSite ? (
                <Tag color="red" icon={<WarningOutlined />}>
                  {t('inspections.location.farTag')}
                </Tag>
              ) : (
                <Tag>{t('siteOrders.inspections.onSite')}</Tag>
              ),
          },
          {
            key: 'open',
            title: '',
            width: 80,
            align: 'right',
            render: (_, row) => <Link to={`/inspections/${row.id}`}>{t('siteOrders.view')}</Link>,
          },
        ]}
      />
    </div>
  );
}
