import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FireOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NAIL_STATUSES } from '@anxun/contracts';
import type { NailKind, NailStatus, NailSummary } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useFormatters } from '../../app/labels.ts';
import { useCan } from '../auth/api.ts';
import { useDepartmentName } from '../hazards/useDepartmentName.ts';
import { useCreateNail, useNails, type NailFilters } from './api.ts';
import { CampaignPicker, useSelectedCampaign } from './CampaignPicker.tsx';
import { NailFormModal } from './NailFormModal.tsx';
import { NailKindTag, NailProgress, NailStatusTag } from './NailTags.tsx';
import './nails.css';

type Tab = 'all' | NailKind;

export default function NailsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const format = useFormatters();
  const departments = useDepartmentName();
  const selection = useSelectedCampaign();
  const campaign = selection.selected;
  const [tab, setTab] = useState<Tab>('all');
  const [filters, setFilters] = useState<Omit<NailFilters, 'kind'>>({});
  const nails = useNails(campaign?.id, { ...filters, ...(tab === 'all' ? {} : { kind: tab }) });
  const create = useCreateNail(campaign?.id ?? '');
  const [creating, setCreating] = useState(false);
  const linkTo = (id: string) => `/nails/${id}${campaign ? `?campaign=${campaign.id}` : ''}`;

  const columns: TableColumnsType<NailSummary> = [
    {
      title: t('nails.columns.title'),
      dataIndex: 'title',
      width: 210,
      render: (title: string, nail) => (
        <Space orientation="vertical" size={0}>
          <Link to={linkTo(nail.id)} data-testid={`nail-link-${nail.id}`}>
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {nail.areaName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('nails.columns.kind'), dataIndex: 'kind', width: 96, render: (kind: NailKind) => <NailKindTag kind={kind} /> },
    {
      title: t('nails.columns.departments'),
      dataIndex: 'departments',
      width: 170,
      render: (list: NailSummary['departments']) => (list.length ? list.map((d) => <Tag key={d.id}>{departments.name(d.id, d.name)}</Tag>) : '—'),
    },
    { title: t('nails.columns.status'), dataIndex: 'status', width: 100, render: (status: NailStatus) => <NailStatusTag status={status} /> },
    { title: t('nails.columns.progress'), dataIndex: 'progress', width: 160, sorter: (a, b) => a.progress - b.progress, render: (p: number, nail) => <NailProgress progress={p} status={nail.status} /> },
    {
      title: t('nails.columns.milestones'),
      key: 'milestones',
      width: 120,
      render: (_, nail) => (
        <Space orientation="vertical" size={0}>
          <span>{nail.milestonesTotal ? t('nails.milestonesDone', { done: nail.milestonesDone, total: nail.milestonesTotal }) : '—'}</span>
          {nail.milestonesOverdue > 0 && (
            <Typography.Text type="danger" data-testid="nail-overdue-mark">
              <WarningOutlined /> {t('nails.overdueCount', { count: nail.milestonesOverdue })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('nails.columns.nextMilestone'),
      key: 'next',
      width: 150,
      render: (_, nail) =>
        nail.nextMilestone ? (
            <Space orientation="vertical" size={0} className={nail.nextMilestone.overdue ? 'nails-overdue' : undefined}>
              <span>{nail.nextMilestone.title}</span>
              <span style={{ fontSize: 12 }}>{nail.nextMilestone.dueOn}</span>
            </Space>
        ) : (
          '—'
        ),
    },
    { title: t('nails.columns.lastReport'), dataIndex: 'lastReportedAt', width: 150, render: (at: string | null) => format.dateTime(at) },
  ];

  return (
    <>
      <PageHeader
        title={t('nails.title')}
        subtitle={t('nails.subtitle')}
        titleTestId="nails-title"
        extra={
          <Space wrap>
            <CampaignPicker selection={selection} />
            <Button icon={<FireOutlined />} onClick={() => void navigate(`/nails/airing${campaign ? `?campaign=${campaign.id}` : ''}`)} data-testid="nails-airing-link">
              {t('nails.airing')}
            </Button>
            {can('nails.manage') && (
              <Button type="primary" icon={<PlusOutlined />} disabled={!campaign} onClick={() => setCreating(true)} data-testid="nail-add">
                {t('nails.add')}
              </Button>
            )}
          </Space>
        }
      />
      {!selection.campaigns.isPending && !campaign ? (
        <Card>
          <Empty description={t('nails.noCampaign')} />
        </Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as Tab)}
            items={(['all', 'key', 'dynamic'] as const).map((key) => ({ key, label: <span data-testid={`nails-tab-${key}`}>{t(`nails.tabs.${key}`)}</span> }))}
          />
          <Space wrap style={{ marginBottom: 16 }}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('nails.filters.status')}
              value={filters.status}
              onChange={(status?: NailStatus) => setFilters((f) => ({ ...f, status }))}
              options={NAIL_STATUSES.map((s) => ({ value: s, label: t(`nails.status.${s}`) }))}
              data-testid="nails-filter-status"
            />
            <AreaTreeSelect style={{ width: 220 }} placeholder={t('nails.filters.area')} value={filters.areaId ?? null} onChange={(areaId) => setFilters((f) => ({ ...f, areaId: areaId as string | undefined }))} />
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('nails.filters.department')}
              value={filters.departmentId}
              onChange={(departmentId?: string) => setFilters((f) => ({ ...f, departmentId }))}
              options={departments.options}
            />
          </Space>
          {nails.isError ? (
            <LoadError error={nails.error} onRetry={() => void nails.refetch()} />
          ) : (
            <Table<NailSummary>
              rowKey="id"
              data-testid="nails-table"
              loading={nails.isFetching}
              columns={columns}
              dataSource={nails.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1150 }}
              locale={{ emptyText: <Empty description={t('nails.empty')} /> }}
              rowClassName={(nail) => (nail.milestonesOverdue > 0 ? 'nails-row-overdue' : '')}
            />
          )}
        </Card>
      )}
      <NailFormModal
        open={creating}
        campaign={campaign}
        saving={create.isPending}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          const nail = await create.mutateAsync(body);
          void message.success(t('nails.form.created'));
          void navigate(linkTo(nail.id));
        }}
      />
    </>
  );
}
