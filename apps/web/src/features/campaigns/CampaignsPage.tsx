import { useState } from 'react';
import { App, Button, Card, Empty, Segmented, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_STATUSES } from '@anxun/contracts';
import type { Campaign, CampaignStatus, SiteKind } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useLabels } from '../../app/labels.ts';
import { useCan } from '../auth/api.ts';
import { useCampaigns, useCreateCampaign } from './api.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { CampaignStatusTag } from './CampaignTags.tsx';

export default function CampaignsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const label = useLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<CampaignStatus | 'all'>('all');
  const campaigns = useCampaigns(status === 'all' ? undefined : status);
  const create = useCreateCampaign();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Campaign> = [
    { title: t('campaigns.columns.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/campaigns/${c.id}`} data-testid={`campaign-link-${c.id}`}>{name}</Link> },
    { title: t('campaigns.columns.area'), dataIndex: 'areaName', width: 160 },
    { title: t('campaigns.columns.period'), key: 'period', width: 220, render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
    { title: t('campaigns.columns.kinds'), dataIndex: 'siteKinds', render: (kinds: SiteKind[]) => kinds.map((k) => <Tag key={k}>{label('siteKind', k)}</Tag>) },
    { title: t('campaigns.columns.status'), dataIndex: 'status', width: 100, render: (s: CampaignStatus) => <CampaignStatusTag status={s} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        titleTestId="campaigns-title"
        extra={
          can('campaigns.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-add">
              {t('campaigns.add')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as CampaignStatus | 'all')}
            options={[{ value: 'all', label: t('campaigns.batches.stateAll') }, ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))]}
          />
        </Space>
        {campaigns.isError ? (
          <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : (
          <Table<Campaign>
            rowKey="id"
            data-testid="campaigns-table"
            loading={campaigns.isFetching}
            columns={columns}
            dataSource={campaigns.data?.items ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('campaigns.empty')} /> }}
          />
        )}
      </Card>
      <CampaignFormModal
        open={creating}
        saving={create.isPending}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          const campaign = await create.mutateAsync(body);
          void message.success(t('campaigns.form.created'));
          void navigate(`/campaigns/${campaign.id}`);
        }}
      />
    </>
  );
}
