import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Row, Statistic, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { inspectionRate } from '@anxun/contracts';
import type { CampaignDetail } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useLabels } from '../../app/labels.ts';
import { useCampaign, useUpdateCampaign } from './api.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { CampaignStatusTag } from './CampaignTags.tsx';
import { OrganisationTab } from './OrganisationTab.tsx';
import { AssignmentTab } from './AssignmentTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { BatchesTab } from './BatchesTab.tsx';

const TABS = ['overview', 'organisation', 'assignment', 'targets', 'batches'] as const;
type Tab = (typeof TABS)[number];

function Overview({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const label = useLabels();
  const c = campaign.counts;
  const rate = inspectionRate(c.sitesInspected, c.sitesInScope);
  const stat = (key: string, value: number | string, testId?: string) => (
    <Col xs={12} sm={8} md={6} key={key}>
      <Card size="small">
        <Statistic title={t(`campaigns.overview.${key}`)} value={value} {...(testId ? { 'data-testid': testId } : {})} />
      </Card>
    </Col>
  );
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('campaigns.overview.period')}>{`${campaign.startsOn} ~ ${campaign.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.overview.status')}>
          <CampaignStatusTag status={campaign.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.overview.area')}>{campaign.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.overview.kinds')}>
          {campaign.siteKinds.map((k) => (
            <Tag key={k}>{label('siteKind', k)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        {stat('sitesInScope', c.sitesInScope, 'campaign-sites-in-scope')}
        {stat('sitesAssigned', c.sitesAssigned)}
        {stat('sitesUnassigned', c.sitesUnassigned, 'campaign-sites-unassigned')}
        {stat('sitesInspected', c.sitesInspected)}
        {stat('inspectionRate', rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)}
        {stat('zones', c.zones)}
        {stat('squads', c.squads)}
        {stat('villageTeams', c.villageTeams)}
        {stat('members', c.members)}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
        {t('campaigns.overview.scopeNote')}
      </Typography.Text>
    </>
  );
}

export default function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const campaign = useCampaign(id);
  const update = useUpdateCampaign(id);
  const [editing, setEditing] = useState(false);

  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;

  const body: Record<Tab, React.ReactNode> = {
    overview: <Overview campaign={c} />,
    organisation: <OrganisationTab campaign={c} />,
    assignment: <AssignmentTab campaign={c} />,
    targets: <TargetsTab campaign={c} />,
    batches: <BatchesTab campaign={c} />,
  };

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to="/campaigns">{t('campaigns.title')}</Link> }, { title: c.name }]}
        title={
          <>
            {c.name} <CampaignStatusTag status={c.status} />
          </>
        }
        subtitle={`${c.areaName} · ${c.startsOn} ~ ${c.endsOn}`}
        titleTestId="campaign-title"
        extra={
          c.allowed.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
              {t('campaigns.overview.edit')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={TABS.map((key) => ({ key, label: <span data-testid={`campaign-tab-${key}`}>{t(`campaigns.tabs.${key}`)}</span>, children: key === tab ? body[key] : null }))}
        />
      </Card>
      <CampaignFormModal
        open={editing}
        campaign={c}
        saving={update.isPending}
        onClose={() => setEditing(false)}
        onSubmit={async ({ name, startsOn, endsOn, siteKinds }) => {
          await update.mutateAsync({ name, startsOn, endsOn, siteKinds });
          void message.success(t('campaigns.form.saved'));
        }}
      />
    </>
  );
}
