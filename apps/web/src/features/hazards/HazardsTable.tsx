import { Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HazardSummary } from '@anxun/contracts';
import type { Page } from '../../app/api.ts';
import { useFormatters } from '../../app/labels.ts';
import { DeadlineText, HazardLevelTag, HazardStatusTag, ModeTag } from './HazardTags.tsx';
import { useDepartmentName } from './useDepartmentName.ts';
import { PAGE_SIZES } from './useHazardFilters.ts';
import { paginationTotal, useTotalText } from '../exports/paging.ts';
import './hazards.css';

interface Props {
  data: Page<HazardSummary> | undefined;
  loading: boolean;
  /** Omit for an unpaged list (an inspection's hazards). */
  onPage?: (page: number, pageSize: number) => void;
  /** The site's own archive needs no site column, the department queue no department column. */
  hideSite?: boolean;
  hideDepartment?: boolean;
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
  empty?: string;
  testId?: string;
}

export function HazardsTable({ data, loading, onPage, hideSite, hideDepartment, selection, empty, testId = 'hazards-table' }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const departments = useDepartmentName();
  const dash = t('common.none');
  const totalText = useTotalText();
  // A party opens their hazards from an SMS on a phone: one stacked column there, no sideways scroll.
  const phone = Grid.useBreakpoint().md === false;

  const phoneColumns: TableProps<HazardSummary>['columns'] = [
    {
      key: 'hazard',
      title: t('hazards.fields.item'),
      render: (_, hazard) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Link to={`/hazards/${hazard.id}`} data-testid="hazard-link">
            {hazard.description}
          </Link>
          <Space size={4} wrap>
            <HazardStatusTag status={hazard.status} />
            <HazardLevelTag level={hazard.level} />
            <ModeTag mode={hazard.mode} />
          </Space>
          {!hideSite && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hazard.siteName} · {hazard.areaName}
            </Typography.Text>
          )}
          <DeadlineText deadline={hazard.deadline} overdue={hazard.overdue} status={hazard.status} />
        </Space>
      ),
    },
  ];

  const columns: TableProps<HazardSummary>['columns'] = [
    ...(hideSite
      ? []
      : [
          {
            key: 'site',
            title: t('hazards.fields.site'),
            width: 180,
            fixed: 'left' as const,
            render: (_: unknown, hazard: HazardSummary) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/sites/${hazard.siteId}`} data-testid="hazard-site-link">
                  {hazard.siteName}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hazard.areaName}
                </Typography.Text>
              </Space>
            ),
          },
        ]),
    {
      key: 'description',
      title: t('hazards.fields.item'),
      // Keeps the description readable when the table scrolls sideways on narrow screens.
      onCell: () => ({ style: { minWidth: 260 } }),
      render: (_, hazard) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/hazards/${hazard.id}`} data-testid="hazard-link">
            {hazard.description}
          </Link>
          {hazard.checkItemCode && (
            <Tag variant="filled" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}>
              {hazard.checkItemCode}
            </Tag>
          )}
        </Space>
      ),
    },
    ...(hideDepartment
      ? []
      : [
          {
            key: 'department',
            title: t('hazards.fields.department'),
            width: 120,
            ellipsis: true,
            render: (_: unknown, hazard: HazardSummary) => departments.name(hazard.departmentId, hazard.departmentName),
          },
        ]),
    {
      key: 'level',
      title: t('hazards.fields.levelMode'),
      width: 120,
      render: (_, hazard) => (
        <Space orientation="vertical" size={4}>
          <HazardLevelTag level={hazard.level} />
          <ModeTag mode={hazard.mode} />
        </Space>
      ),
    },
    { key: 'status', title: t('hazards.fields.status'), width: 96, render: (_, hazard) => <HazardStatusTag status={hazard.status} /> },
    {
      key: 'deadline',
      title: t('hazards.fields.deadline'),
      width: 150,
      render: (_, hazard) => <DeadlineText deadline={hazard.deadline} overdue={hazard.overdue} status={hazard.status} />,
    },
    {
      key: 'foundAt',
      title: t('hazards.fields.foundBy'),
      width: 170,
      render: (_, hazard) => (
        <Space orientation="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(hazard.foundAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hazard.inspectorName ?? dash}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid={testId} className="ax-table-wrap">
      <Table<HazardSummary>
        rowKey="id"
        size="middle"
        columns={phone ? phoneColumns : columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={phone ? undefined : { x: hideSite ? 920 : 1100 }}
        rowClassName={(hazard) => (hazard.overdue && (hazard.status === 'open' || hazard.status === 'pending_review') ? 'ax-row-overdue' : '')}
        rowSelection={
          selection && {
            selectedRowKeys: selection.keys,
            preserveSelectedRowKeys: true,
            onChange: (keys) => selection.onChange(keys.map(String)),
            // Nothing can be done to a cancelled hazard.
            getCheckboxProps: (hazard) => ({ disabled: hazard.status === 'cancelled' }),
          }
        }
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('hazards.empty')} /> }}
        pagination={
          onPage
            ? {
                current: data?.page ?? 1,
                pageSize: data?.pageSize ?? 20,
                total: paginationTotal(data),
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES,
                showTotal: () => totalText(data),
                onChange: onPage,
              }
            : false
        }
      />
    </div>
  );
}
