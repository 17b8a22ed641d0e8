import { Button, Card, Space, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { ColourTag, FlagTags, KindTag } from '../../app/components/tags.tsx';
import { useSite } from './api.ts';
import { SiteDescriptions } from './SiteDescriptions.tsx';
import { SiteAttachments } from './SiteAttachments.tsx';
import { SiteTimeline } from './SiteTimeline.tsx';

export default function SiteArchivePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const site = useSite(id);

  if (site.isPending) return <PageLoading />;
  if (site.isError) return <LoadError error={site.error} onRetry={() => void site.refetch()} />;
  const detail = site.data;

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to="/sites">{t('sites.title')}</Link> }, { title: t('sites.breadcrumb') }]}
        title={
          <Space size={8} wrap>
            <span data-testid="site-archive-title">{detail.name}</span>
            <ColourTag colour={detail.colour} />
            <KindTag kind={detail.kind} />
            <FlagTags flags={detail.flags} />
          </Space>
        }
        extra={
          detail.allowed['update'] && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/sites/${detail.id}/edit`)} data-testid="site-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Card title={t('sites.basicInfo')} style={{ marginBottom: 16 }}>
        <SiteDescriptions site={detail} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'attachments',
              label: `${t('sites.attachments')} (${detail.attachments.length})`,
              children: <SiteAttachments site={detail} />,
            },
            { key: 'timeline', label: t('sites.timeline'), children: <SiteTimeline siteId={detail.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
