import { Empty, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Site } from '@anxun/contracts';
import { ColourTag, FlagTags, KindTag, RiskTag } from '../../app/components/tags.tsx';
import type { Page } from '../../app/api.ts';
import { PAGE_SIZES } from './useSiteFilters.ts';
import { paginationTotal, useTotalText } from '../exports/paging.ts';

interface Props {
  data: Page<Site> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function SitesTable({ data, loading, onPage }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const totalText = useTotalText();

  const columns: TableProps<Site>['columns'] = [
    {
      key: 'name',
      title: t('fields.name'),
      width: 260,
      fixed: 'left',
      render: (_, site) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/sites/${site.id}`} data-testid="site-link">
            {site.name}
          </Link>
          {site.flags.length > 0 && (
            <span>
              <FlagTags flags={site.flags} />
            </span>
          )}
        </Space>
      ),
    },
    { key: 'kind', title: t('fields.kind'), width: 110, render: (_, site) => <KindTag kind={site.kind} /> },
    { key: 'area', title: t('fields.areaName'), dataIndex: 'areaName', width: 140, ellipsis: true },
    {
      key: 'address',
      title: t('fields.address'),
      dataIndex: 'address',
      ellipsis: { showTitle: true },
      render: (address: string) => address || dash,
    },
    { key: 'person', title: t('fields.responsiblePerson'), dataIndex: 'responsiblePerson', width: 110, render: (v: string | null) => v || dash },
    {
      key: 'phone',
      title: t('fields.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => (v ? <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> : dash),
    },
    { key: 'risk', title: t('fields.riskLevel'), width: 100, render: (_, site) => <RiskTag risk={site.riskLevel} /> },
    { key: 'colour', title: t('fields.colour'), width: 130, render: (_, site) => <ColourTag colour={site.colour} /> },
  ];

  return (
    <div data-testid="sites-table">
      <Table<Site>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.empty')} /> }}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: paginationTotal(data),
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: () => totalText(data),
          onChange: onPage,
        }}
      />
    </div>
  );
}
