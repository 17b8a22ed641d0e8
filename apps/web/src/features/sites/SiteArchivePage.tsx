import type { ReactNode } from 'react';
import { Badge, Button, Card, Space, Spin, Tabs, Tag } from 'antd';
import { EditOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SiteOrdersView } from '@anxun/contracts';
import { ApiRequestError } from '../../app/api.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { ColourTag, FlagTags, KindTag } from '../../app/components/tags.tsx';
import { useSite } from './api.ts';
import { useSiteOrders } from './ordersApi.ts';
import { SiteDescriptions } from './SiteDescriptions.tsx';
import { SiteAttachments } from './SiteAttachments.tsx';
import { SiteTimeline } from './SiteTimeline.tsx';
import { SiteInspectionsTab } from './SiteInspectionsTab.tsx';
import { SiteHazardsTab } from './SiteHazardsTab.tsx';
import { SiteColourHistory } from './SiteColourHistory.tsx';
import { SiteNoticesTab } from './SiteNoticesTab.tsx';
import { SiteOrdersTab } from './SiteOrdersTab.tsx';

const TABS = ['inspections', 'hazards', 'orders', 'notices', 'colours', 'attachments', 'timeline'] as const;
type TabKey = (typeof TABS)[number];
const ORDER_TABS: readonly TabKey[] = ['inspections', 'orders', 'notices', 'colours'];

export default function SiteArchivePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const site = useSite(id);
  const orders = useSiteOrders(id);

  if (site.isPending) return <PageLoading />;
  if (site.isError) return <LoadError error={site.error} onRetry={() => void site.refetch()} />;
  const detail = site.data;
  // Accounts that may not see a site's orders (the server says 403) simply do not get those tabs.
  const ordersHidden = orders.error instanceof ApiRequestError && orders.error.status === 403;
  const shown = TABS.filter((key) => !ordersHidden || !ORDER_TABS.includes(key));
  const tab: TabKey = shown.find((key) => key === params.get('tab')) ?? shown[0]!;
  const view = orders.data;
  const suspended = view?.suspensions.some((s) => !s.liftedAt);
  const yellowCards = view?.yellowCards.filter((card) => !card.resolvedAt).length ?? 0;

  /** The orders-backed tabs share one request; each shows its own loading or error state. */
  const fromOrders = (render: (data: SiteOrdersView) => ReactNode) =>
    view ? render(view) : orders.isError ? <LoadError error={orders.error} onRetry={() => void orders.refetch()} /> : <Spin style={{ display: 'block', padding: 32 }} />;
  const count = (n: number | undefined) => (n ? ` (${n})` : '');

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
            {suspended && (
              <Tag color="red" icon={<PauseCircleOutlined />} data-testid="site-suspended-tag">
                {t('siteOrders.suspension.activeTag')}
              </Tag>
            )}
            {yellowCards > 0 && (
              <Tag color="gold" icon={<WarningOutlined />} data-testid="site-yellow-tag">
                {t('siteOrders.yellow.activeTag')}
              </Tag>
            )}
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
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={[
            {
              key: 'inspections',
              label: <span data-testid="site-tab-inspections">{`${t('siteOrders.tabs.inspections')}${count(view?.inspections.length)}`}</span>,
              children: fromOrders((data) => <SiteInspectionsTab inspections={data.inspections} />),
            },
            {
              key: 'hazards',
              label: <span data-testid="site-tab-hazards">{t('siteOrders.tabs.hazards')}</span>,
              children: <SiteHazardsTab siteId={detail.id} />,
            },
            {
              key: 'orders',
              label: (
                <span data-testid="site-tab-orders">
                  {t('siteOrders.tabs.orders')}
                  {(suspended || yellowCards > 0) && <Badge status="error" style={{ marginInlineStart: 6 }} />}
                </span>
              ),
              children: fromOrders((data) => <SiteOrdersTab siteId={detail.id} view={data} />),
            },
            {
              key: 'notices',
              label: <span data-testid="site-tab-notices">{`${t('siteOrders.tabs.notices')}${count(view?.notices.length)}`}</span>,
              children: fromOrders((data) => <SiteNoticesTab notices={data.notices} />),
            },
            {
              key: 'colours',
              label: <span data-testid="site-tab-colours">{t('siteOrders.tabs.colours')}</span>,
              children: fromOrders((data) => <SiteColourHistory history={data.colourHistory} />),
            },
            {
              key: 'attachments',
              label: `${t('sites.attachments')} (${detail.attachments.length})`,
              children: <SiteAttachments site={detail} />,
            },
            { key: 'timeline', label: t('sites.timeline'), children: <SiteTimeline siteId={detail.id} /> },
          ].filter((item) => (shown as readonly string[]).includes(item.key))}
        />
      </Card>
    </>
  );
}
